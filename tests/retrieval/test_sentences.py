from veracity.retrieval.sentences import MAX_SENTENCE_CHARS, split, split_spans


def test_offsets_index_the_text_and_abbreviations_do_not_split():
    text = "Mr. Smith said the U.S. Army sent 10,000 troops. Officials denied it!\nSecond paragraph starts here"
    spans = list(split_spans(text))
    assert [text[a:b] for a, b in spans] == [
        "Mr. Smith said the U.S. Army sent 10,000 troops.",
        "Officials denied it!",
        "Second paragraph starts here",
    ]


def test_bbc_headline_is_its_own_sentence(shared):
    text = (shared / "data" / "corpus" / "bbc-news" / "business" / "001.txt").read_text(encoding="utf-8")
    sents = split(text)
    assert sents[0] == "Ad sales boost Time Warner profit"
    assert sents[1].startswith("Quarterly profits at US media giant TimeWarner jumped 76%")


def test_run_on_text_is_cut():
    text = "word " * 400
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in split_spans(text))

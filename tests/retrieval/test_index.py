import pytest

from veracity.records import Article
from veracity.retrieval.index import EvidenceIndex, fts_query


@pytest.fixture(scope="module")
def bbc_articles(shared):
    root = shared / "data" / "corpus" / "bbc-news"
    out = []
    for rel in ("business/001.txt", "business/002.txt", "politics/001.txt", "sport/001.txt", "tech/001.txt"):
        text = (root / rel).read_text(encoding="utf-8")
        out.append(Article.create(text, outlet="BBC", published="2005-01-01", title=text.splitlines()[0], source_path=rel))
    return out


@pytest.fixture(scope="module")
def index(tmp_path_factory, bbc_articles):
    ix = EvidenceIndex(tmp_path_factory.mktemp("ev") / "ev.db")
    counts = ix.add(bbc_articles)
    assert counts.added == 5 and counts.skipped == 0 and counts.sentences > 50
    return ix


def test_add_is_idempotent_by_text(index, bbc_articles):
    before = index.stats()
    again = index.add([Article.create(bbc_articles[0].text, title="same text, other metadata")])
    assert again.added == 0 and again.skipped == 1
    assert index.stats() == before


def test_hybrid_search_finds_the_sentence_with_exact_offsets(index):
    hits = index.search("Time Warner fourth quarter profits beat analysts' expectations", k=3)
    assert hits, "no hits"
    top = hits[0]
    doc = index.document(top.document_id)
    assert doc.text[top.start:top.end] == top.text
    assert "Time Warner" in top.text or "TimeWarner" in top.text
    assert top.outlet == "BBC" and top.title == "Ad sales boost Time Warner profit"
    assert top.bm25_rank is not None and top.dense_rank is not None


def test_modes_filters_and_exclusion(index, bbc_articles):
    doc_id = bbc_articles[0].id
    bm = index.search("Time Warner profits", k=5, mode="bm25")
    assert bm and all(h.dense_rank is None for h in bm)
    dense = index.search("quarterly earnings of a media company", k=5, mode="dense")
    assert dense and all(h.bm25_rank is None for h in dense)
    only = index.search("profits", k=5, documents=[bbc_articles[1].id])
    assert only and all(h.document_id == bbc_articles[1].id for h in only)
    assert all(h.document_id != doc_id for h in index.search("Time Warner profits", k=10, exclude=[doc_id]))


def test_sentences_and_vectors_accessors(index, bbc_articles):
    sents = index.sentences(bbc_articles[0].id)
    assert sents[0].index == 0 and sents[0].text == "Ad sales boost Time Warner profit"
    vecs = index.vectors([s.id for s in sents[:3]])
    assert vecs.shape == (3, 384)
    assert abs(float((vecs[0] ** 2).sum()) - 1.0) < 0.02  # int8 round trip keeps unit length


def test_fts_query_is_quoted_and_drops_stopwords():
    q = fts_query('The "troops" AND NEAR(x) were sent')
    assert q == '"troops" OR "near" OR "sent"'
    assert fts_query("the of and") is None


def test_common_words_are_pruned_from_large_queries():
    from veracity.retrieval.index import MIN_QUERY_TERMS, POSTINGS_BUDGET, prune_words

    words = ["government", "troops", "ukraine", "deploy", "year"]
    df = {"government": POSTINGS_BUDGET, "year": POSTINGS_BUDGET, "troops": 40, "ukraine": 12, "deploy": 30}
    kept = prune_words(words, df)
    assert kept == ["troops", "ukraine", "deploy"] and len(kept) >= MIN_QUERY_TERMS
    assert prune_words(words, {}) == words  # a small index keeps every word

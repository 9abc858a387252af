"""What is claimed (content without its attribution) and same-origin evidence, on real analyses."""

import pytest

from veracity import analysis
from veracity.verify.claimed import from_sentence, what_is_claimed
from veracity.verify.origin import claim_origins, shared_origin


@pytest.fixture(scope="module")
def demo(shared):
    text = (shared / "examples" / "troops-report.txt").read_text(encoding="utf-8")
    return analysis.analyze_text(text, published="2025-02-14")


def test_the_attribution_is_not_part_of_what_is_claimed(demo):
    c = demo.claims[0]
    got = what_is_claimed(demo.article.text, c, demo.attributions)
    assert "according to" not in got.text and "Wall Street Journal" not in got.text
    assert "European defense chiefs have unveiled" in got.text and got.text.endswith("to the war-torn nation")
    for p in got.pieces:  # exact article offsets
        assert demo.article.text[p.start:p.end] == p.text
    a, b = got.text.index("10,000"), got.text.index("10,000") + 6
    [span] = got.to_article(a, b)
    assert demo.article.text[span.start:span.end] == "10,000"


def test_a_stance_sentence_is_claimed_whole():
    from veracity.records import Span

    text = "Councils in Cumbria and Northumberland oppose the closures, officials said."
    got = from_sentence(text, Span(0, len(text), text))
    assert got.text == "Councils in Cumbria and Northumberland oppose the closures"


def test_origins_follow_the_chain_and_evidence_crediting_them_is_same_origin(demo):
    c = demo.claims[0]
    attrs = [a for i in c.attribution_ids if (a := demo.attribution(i))]
    origins = claim_origins(attrs, "Daily Planet")
    keys = {o.key for o in origins}
    assert "outlet:wall street journal" in keys and "outlet:daily planet" in keys
    echo = "The Wall Street Journal reported on Monday, citing a senior diplomat, that a plan to send 10,000 troops is ready."
    assert shared_origin(origins, "Morning Wire", echo).key == "outlet:wall street journal"
    assert shared_origin(origins, "The Wall Street Journal", "A plan to send troops is ready.") is not None
    independent = "Germany's defence ministry confirmed on Monday that a plan to send troops had been drawn up."
    assert shared_origin(origins, "Berlin Daily", independent) is None


def test_a_report_sentence_claims_its_content_however_long_the_speakers_description():
    text = ("Former Croatian Prime Minister Sanja Horvat, now a European Commissioner, said the European Union would pay "
            "for part of the reconstruction.")
    d = analysis.analyze_text(text)
    [c] = d.claims
    got = what_is_claimed(d.article.text, c, d.attributions)
    assert got.text == "the European Union would pay for part of the reconstruction"

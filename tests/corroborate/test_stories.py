"""Stories: incremental clustering of indexed articles, on real BBC articles."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from veracity.corroborate import stories as st
from veracity.records import Article
from veracity.retrieval.index import EvidenceIndex

BBC = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "corpus" / "bbc-news"
YUKOS = ["business/025.txt", "business/083.txt", "business/164.txt"]  # one story: Yukos in US court
# TF-IDF needs a background of other articles to weigh words (as any real index has): 30
# articles from other sections, none about Yukos.
OTHER = [f"{sec}/{i:03d}.txt" for sec in ("tech", "sport", "entertainment") for i in range(1, 11)]


def art(name: str) -> Article:
    text = (BBC / name).read_text(encoding="utf-8")
    return Article.create(text, title=text.split("\n", 1)[0], outlet="BBC News", source_path=name)


def fake_encoder(texts):
    return np.zeros((len(texts), 384), dtype=np.float32)


@pytest.fixture()
def index(tmp_path):
    idx = EvidenceIndex(tmp_path / "s.db", encoder=fake_encoder)
    yield idx
    idx.close()


def test_same_story_articles_cluster_and_others_do_not(index):
    index.add([art(n) for n in YUKOS[:2] + OTHER], embed=False)
    new, _ = st.update(index)
    assert new == 2 + len(OTHER)
    found = st.stories(index)
    yukos = [s for s in found if any(d.document_id == art(YUKOS[0]).id for d in s.docs)]
    assert len(yukos) == 1
    assert {d.title for d in yukos[0].docs} == {art(n).title for n in YUKOS[:2]}
    # No other story pulls in a Yukos article.
    assert all("Yukos" not in (d.title or "") for s in found if s is not yukos[0] for d in s.docs)


def test_incremental_update_keeps_old_assignments(index):
    index.add([art(n) for n in YUKOS[:2] + OTHER], embed=False)
    st.update(index)
    before = {d.document_id: s.id for s in st.stories(index, min_size=1) for d in s.docs}
    index.add([art(YUKOS[2])], embed=False)
    new, _ = st.update(index)
    assert new == 1
    after = {d.document_id: s.id for s in st.stories(index, min_size=1) for d in s.docs}
    assert all(after[k] == v for k, v in before.items())
    assert after[art(YUKOS[2]).id] == after[art(YUKOS[0]).id]
    assert st.update(index)[0] == 0  # nothing new: a no-op


def test_text_date_takes_latest_full_date():
    assert st.text_date("On 5 March 2004 it began; by 12 January 2005 it was over.") == "2005-01-12"
    assert st.text_date("Sales in December 2004 rose.") == "2004-12"
    assert st.text_date("No date here.") is None


def test_timeline_svg_escapes_and_orders():
    from veracity.corroborate.timeline import svg

    out = svg([("2005-02-01", "second <script>"), ("2005-01-01", "first"), (None, "no date")])
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert out.index("first") < out.index("second") < out.index("no date")
    assert out.startswith("<svg") and out.endswith("</svg>")

"""A `veracity index` killed between committing documents and embedding their sentences (issue
18's kill -9 trials, benchmarks/crash_safety.py) left those sentences without vectors for good:
the next run skipped the documents as already indexed, so dense retrieval never saw them."""

import numpy as np

from veracity.records import Article
from veracity.retrieval.index import EvidenceIndex

TEXTS = ["The council said 40 homes were flooded on Monday. Officials warned of more rain.",
         "Exports rose 3% in March, the statistics office said. Imports fell."]


def _encoder(texts):
    return np.ones((len(texts), 384), dtype=np.float32)


def _without_vector(ix):
    return ix.conn.execute("SELECT COUNT(*) FROM evidence_sentences WHERE emb IS NULL").fetchone()[0]


def test_a_rerun_embeds_what_a_killed_run_left_without_vectors(tmp_path):
    db = tmp_path / "ev.db"
    articles = [Article.create(t, source_path=f"{i}.txt") for i, t in enumerate(TEXTS)]
    killed = EvidenceIndex(db, encoder=_encoder)
    killed.add(articles, embed=False)  # the documents are committed, the vectors never come
    assert _without_vector(killed) > 0
    killed.close()

    rerun = EvidenceIndex(db, encoder=_encoder)
    counts = rerun.add(articles)
    assert counts.added == 0 and counts.skipped == 2
    assert _without_vector(rerun) == 0

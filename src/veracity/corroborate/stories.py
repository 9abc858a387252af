"""Cluster indexed articles into stories, incrementally, with a timeline per story.

Documents come from the shared evidence index (``EvidenceIndex.documents()``). Each new
document joins the story of its most similar earlier document when their TF-IDF cosine is at
least :data:`STORY_SIMILARITY`, else it starts a story. Assignments are kept in the store
(table ``corroborate_stories``, namespace ``corroborate``), so a later run only places the
documents added since — earlier stories never move. TF-IDF weights are refitted on the
whole index each run (two seconds on 2,225 BBC articles), which is what lets a new article be
compared with the old ones on the same scale.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from typing import Callable, Sequence

import numpy as np

from ..retrieval.story_table import StoryTable

# TF-IDF cosine (unigrams, sublinear tf, English stop words out, words in over half the
# documents out) at which two BBC articles are the same story. Read off by hand from sampled
# BBC pairs: above 0.45 nearly all pairs are one story or its follow-up ("Euronext joins bid
# battle for LSE" / "Deutsche Boerse set to 'woo' LSE"); 0.35-0.45 mixes follow-ups with
# same-topic different stories ("Redknapp poised for Saints" / "Strachan turns down Pompey").
STORY_SIMILARITY = 0.42

_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
_FULL_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? (" + "|".join(_MONTHS) + r"),? ((?:19|20)\d{2})\b", re.I)
_US_DATE = re.compile(r"\b(" + "|".join(_MONTHS) + r") (\d{1,2}),? ((?:19|20)\d{2})\b", re.I)
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r") ((?:19|20)\d{2})\b", re.I)


def text_date(text: str) -> str | None:
    """An estimate for an undated article: the latest full date it mentions (else month-year).

    A report is written on or after the events it dates, so the latest date mentioned is a
    lower bound that is often the day itself; future dates ("the election on 5 May 2005")
    make it wrong sometimes, which is why the source of every date is shown.
    """
    days = [f"{int(y):04d}-{_MONTHS[m.lower()]:02d}-{int(d):02d}" for d, m, y in _FULL_DATE.findall(text)]
    days += [f"{int(y):04d}-{_MONTHS[m.lower()]:02d}-{int(d):02d}" for m, d, y in _US_DATE.findall(text)]
    days = [d for d in days if d[-2:] != "00" and int(d[-2:]) <= 31]
    if days:
        return max(days)
    months = [f"{int(y):04d}-{_MONTHS[m.lower()]:02d}" for m, y in _MONTH_YEAR.findall(text)]
    return max(months) if months else None


@dataclass
class StoryDoc:
    document_id: str
    title: str | None
    outlet: str | None
    date: str | None
    date_source: str | None  # published | text | None
    similarity: float | None  # to the earlier document it joined on (None: it started the story)


@dataclass
class Story:
    id: str
    docs: list[StoryDoc] = field(default_factory=list)

    def timeline(self) -> list[StoryDoc]:
        """First report first; undated documents keep their indexing order at the end."""
        dated = sorted((d for d in self.docs if d.date), key=lambda d: (d.date or ""))
        return dated + [d for d in self.docs if not d.date]


def _tfidf(texts: Sequence[str]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(sublinear_tf=True, stop_words="english", max_df=0.5, dtype=np.float32)
    return vec.fit_transform(texts)


def update(index, conn: sqlite3.Connection | None = None, progress: Callable[[int, int], None] | None = None) -> tuple[int, int]:
    """Place every indexed document not yet in a story. Returns (new documents, stories)."""
    table = StoryTable(conn or index.conn)
    docs = list(index.documents())
    if not docs:
        return 0, 0
    placed = table.placed()
    new = [i for i, d in enumerate(docs) if d.id not in placed]
    if not new:
        return 0, table.count()
    X = _tfidf([d.text for d in docs])
    # Earlier documents first: existing ones in their stored order, then new ones in index order.
    order = sorted((i for i in range(len(docs)) if docs[i].id in placed), key=lambda i: placed[docs[i].id][1]) + new
    seq_next = (max((s for _, s in placed.values()), default=-1)) + 1
    story_of = {docs[i].id: placed[docs[i].id][0] for i in order if docs[i].id in placed}
    earlier = [i for i in order if docs[i].id in placed]
    # One sparse product for all new documents (rows) against all documents (columns), in
    # blocks to bound memory: 500 x 100k floats is 200 MB at most.
    rows = []
    for b in range(0, len(new), 500):
        block = new[b:b + 500]
        sims_block = (X[block] @ X.T).toarray()
        for r, i in enumerate(block):
            sims = sims_block[r]
            story, sim = docs[i].id, None
            if earlier:  # a document may only join one placed before it
                j = earlier[int(np.argmax(sims[earlier]))]
                if sims[j] >= STORY_SIMILARITY:
                    story, sim = story_of[docs[j].id], float(sims[j])
            story_of[docs[i].id] = story
            earlier.append(i)
            date, source = (docs[i].published, "published") if docs[i].published else (text_date(docs[i].text), "text")
            rows.append((docs[i].id, story, sim, date, source if date else None, seq_next + b + r))
            if progress:
                progress(b + r + 1, len(new))
    table.save(rows)
    return len(new), table.count()


def stories(index, conn: sqlite3.Connection | None = None, min_size: int = 2) -> list[Story]:
    """Stories with at least ``min_size`` documents, largest first."""
    out: dict[str, Story] = {}
    for sid, did, title, outlet, date, dsrc, sim in StoryTable(conn or index.conn).members():
        out.setdefault(sid, Story(sid)).docs.append(StoryDoc(did, title, outlet, date, dsrc, sim))
    keep = [s for s in out.values() if len(s.docs) >= min_size]
    return sorted(keep, key=lambda s: (-len(s.docs), s.id))


def story_of(conn: sqlite3.Connection, document_id: str) -> str | None:
    return StoryTable(conn).story_of(document_id)

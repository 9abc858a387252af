"""The evidence index: sentence-level BM25 (SQLite FTS5) + MiniLM vectors, fused by reciprocal rank.

Public interface (other areas — corroboration, the API — build on exactly this)::

    from veracity.retrieval.index import EvidenceIndex, Hit

    index = EvidenceIndex("veracity.db")          # the same SQLite store as the dossiers
    counts = index.add(articles)                  # Iterable[Article] -> AddCounts(added, skipped, sentences)
    hits = index.search("10,000 troops to Ukraine", k=5)
    for h in hits:                                # best first
        h.document_id, h.sentence_id, h.sentence_index
        h.start, h.end, h.text                    # offsets into that document's text
        h.outlet, h.published, h.title, h.url
        h.score                                   # fused relevance (higher is better)
        h.bm25_rank, h.dense_rank, h.cosine       # the parts it was fused from (None: not in that list)
    index.search_many(texts, k)                   # batch: embeds all queries in one go
    index.search(text, k, documents=[doc_id])     # only within these documents
    index.search(text, k, exclude=[doc_id])       # never from these (e.g. the article itself)
    index.search(text, k, mode="bm25" | "dense" | "hybrid")
    index.document(doc_id) -> IndexedDocument     # id, text, title, outlet, published, url, source_path, content_hash
    index.documents() -> Iterator[IndexedDocument]
    index.sentences(doc_id) -> list[IndexedSentence]  # id, document_id, index, start, end, text
    index.sentence(sentence_id) -> IndexedSentence
    index.vectors(sentence_ids) -> np.ndarray     # unit float32 MiniLM vectors, rows in the given order
    index.stats() -> dict                         # documents, sentences
    index.close()

``add`` is incremental and idempotent: a document whose text (SHA-256) is already indexed is
skipped, whatever its path or metadata. Sentences are found by rules
(:mod:`veracity.retrieval.sentences`), and every ``Hit``/``IndexedSentence`` satisfies
``document.text[start:end] == text``.

Ranking: FTS5 BM25 over the query's content words (OR-query, Porter-stemmed) gives one list,
cosine similarity of MiniLM vectors over every indexed sentence gives another; reciprocal
rank fusion (RRF) merges them. Dense search holds the vectors as an in-memory float32 matrix,
built from the int8 blobs on first use and extended as documents are added.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

from ..errors import InputError, StoreError
from ..records import Article
from ..store.evidence import connect
from . import sentences as sentsplit

# RRF's constant from Cormack et al. (2009): 60 damps the head of each list so neither BM25
# nor the dense ranking alone decides; the usual default, and it did as well as 10..100 here.
RRF_K = 60
# How deep each ranked list goes before fusion. A gold sentence below rank 100 in both lists
# is rarely rescued by fusion, and deeper BM25 lists cost time on large indexes.
CANDIDATES = 100
# Query words to leave out of the BM25 OR-query: they match most sentences and only cost time.
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being it its this that
    these those he she they we you i his her their our your them him us me my not no do does did done have has
    had having will would shall should can could may might must also than then there here so such into over
    under about after before up down out more most very just said says say""".split()
)
# An FTS5 OR-query of hundreds of words is slow and no better; claims are short anyway.
MAX_QUERY_TERMS = 32
# FTS5 scores every sentence matching any query word (~5 µs each), so on a large index a
# query keeps its rarest words until their sentence counts add up to this budget: on a
# 1M-sentence index that holds a query near 50 ms, and on a corpus the size of the BBC's
# (40k sentences) nearly every query keeps all its words. Rare words carry BM25 anyway.
POSTINGS_BUDGET = 8000
# ...but never fewer words than this, however common they are.
MIN_QUERY_TERMS = 3
_WORD = re.compile(r"\w+", re.UNICODE)
# Sentences embedded per batch while indexing (bounded memory for large corpora).
EMBED_BATCH = 512


@dataclass(frozen=True)
class Hit:
    document_id: str
    sentence_id: int
    sentence_index: int
    start: int
    end: int
    text: str
    score: float
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None
    bm25_rank: int | None = None
    dense_rank: int | None = None
    cosine: float | None = None


@dataclass(frozen=True)
class IndexedDocument:
    id: str
    text: str
    content_hash: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    source_path: str | None = None
    n_sentences: int = 0


@dataclass(frozen=True)
class IndexedSentence:
    id: int
    document_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class AddCounts:
    added: int = 0
    skipped: int = 0
    sentences: int = 0


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def quantize(vecs: np.ndarray) -> tuple[list[bytes], list[float]]:
    """Row-wise symmetric int8: v ≈ q * scale. Cosine error is ~1e-3, a quarter of the space."""
    scale = np.abs(vecs).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.round(vecs / scale[:, None]).astype(np.int8)
    return [r.tobytes() for r in q], scale.astype(float).tolist()


def dequantize(blob: bytes, scale: float) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.int8).astype(np.float32) * np.float32(scale)


def query_words(text: str) -> list[str]:
    seen: list[str] = []
    for w in _WORD.findall(text.lower()):
        if w in STOPWORDS or len(w) < 2 or w in seen:
            continue
        seen.append(w)
        if len(seen) >= MAX_QUERY_TERMS:
            break
    return seen


def fts_query(text: str | list[str]) -> str | None:
    """A safe FTS5 OR-query of the content words of ``text`` (each quoted: no FTS syntax leaks)."""
    words = query_words(text) if isinstance(text, str) else text
    if not words:
        return None
    return " OR ".join('"' + w.replace('"', "") + '"' for w in words)


def prune_words(words: list[str], df: dict[str, int]) -> list[str]:
    """The rarest words whose sentence counts fit POSTINGS_BUDGET (at least MIN_QUERY_TERMS), in query order."""
    by_rarity = sorted(words, key=lambda w: (df.get(w, 0), words.index(w)))
    kept, total = [], 0
    for w in by_rarity:
        if len(kept) >= MIN_QUERY_TERMS and total + df.get(w, 0) > POSTINGS_BUDGET:
            break
        kept.append(w)
        total += df.get(w, 0)
    return [w for w in words if w in kept]


class EvidenceIndex:
    """Sentence-level hybrid index over trusted documents, stored in the veracity SQLite store."""

    def __init__(self, db_path: str | Path, *, encoder: Callable[[Sequence[str]], np.ndarray] | None = None):
        self.db_path = str(db_path)
        self.conn: sqlite3.Connection = connect(db_path)
        self._encoder = encoder
        self._lock = threading.RLock()
        self._ids: np.ndarray | None = None  # sentence ids, aligned with _matrix rows
        self._matrix: np.ndarray | None = None
        self._backfill_terms()

    # ------------------------------------------------------------------ writing
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if self._encoder is None:
            from ..text.embed import encode

            self._encoder = encode
        return self._encoder(list(texts)) if texts else np.zeros((0, 384), dtype=np.float32)

    def add(self, articles: Iterable[Article], *, embed: bool = True, progress: Callable[[Article, int], None] | None = None) -> AddCounts:
        """Index articles not yet indexed (by text hash). ``progress(article, n_sentences)`` after each.

        A document is committed before its sentences' vectors (they are computed in batches), so
        a run killed in between leaves sentences without one, and the next run skips their
        document as already indexed: with ``embed`` they are embedded first."""
        added = skipped = nsent = 0
        pending: list[tuple[int, str]] = []  # (sentence id, text) awaiting vectors
        with self._lock:
            if embed:
                self.embed_missing()
            for article in articles:
                if not article.text or not article.text.strip():
                    skipped += 1
                    continue
                h = text_hash(article.text)
                cur = self.conn.execute("SELECT 1 FROM evidence_documents WHERE content_hash = ? OR id = ?", (h, article.id))
                if cur.fetchone():
                    skipped += 1
                    if progress:
                        progress(article, 0)
                    continue
                spans = list(sentsplit.split_spans(article.text))
                with self.conn:
                    self.conn.execute(
                        "INSERT INTO evidence_documents (id, content_hash, title, outlet, published, url, source_path, language, text, n_sentences)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?)",
                        (article.id, h, article.title, article.outlet, article.published, article.url, article.source_path,
                         article.language, article.text, len(spans)),
                    )
                    for i, (a, b) in enumerate(spans):
                        cur = self.conn.execute(
                            "INSERT INTO evidence_sentences (document_id, idx, start, end, text) VALUES (?,?,?,?,?)",
                            (article.id, i, a, b, article.text[a:b]),
                        )
                        sid = int(cur.lastrowid)
                        self.conn.execute("INSERT INTO evidence_fts (rowid, text) VALUES (?, ?)", (sid, article.text[a:b]))
                        pending.append((sid, article.text[a:b]))
                    terms: dict[str, int] = {}
                    for a, b in spans:
                        for w in set(_WORD.findall(article.text[a:b].lower())):
                            terms[w] = terms.get(w, 0) + 1
                    self.conn.executemany(
                        "INSERT INTO evidence_terms (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
                        sorted(terms.items()),
                    )
                added += 1
                nsent += len(spans)
                if embed and len(pending) >= EMBED_BATCH:
                    self._embed(pending)
                    pending = []
                if progress:
                    progress(article, len(spans))
            if embed and pending:
                self._embed(pending)
        return AddCounts(added, skipped, nsent)

    def _embed(self, pending: list[tuple[int, str]]) -> None:
        vecs = self.encode([t for _, t in pending])
        blobs, scales = quantize(vecs)
        with self.conn:
            self.conn.executemany(
                "UPDATE evidence_sentences SET emb = ?, emb_scale = ? WHERE id = ?",
                [(b, s, sid) for (sid, _), b, s in zip(pending, blobs, scales)],
            )
        if self._matrix is not None and self._ids is not None and len(self._ids) and min(sid for sid, _ in pending) <= self._ids[-1]:
            self._ids = self._matrix = None  # older sentences embedded late: reload in id order
        if self._matrix is not None:
            ids = np.array([sid for sid, _ in pending], dtype=np.int64)
            deq = np.frombuffer(b"".join(blobs), dtype=np.int8).reshape(len(blobs), -1).astype(np.float32)
            deq *= np.array(scales, dtype=np.float32)[:, None]
            self._ids = np.concatenate([self._ids, ids])
            self._matrix = np.concatenate([self._matrix, deq])

    def embed_missing(self) -> int:
        """Embed sentences stored without vectors (e.g. added with ``embed=False``)."""
        rows = self.conn.execute("SELECT id, text FROM evidence_sentences WHERE emb IS NULL ORDER BY id").fetchall()
        for i in range(0, len(rows), EMBED_BATCH):
            self._embed([(int(r[0]), r[1]) for r in rows[i:i + EMBED_BATCH]])
        return len(rows)

    # ------------------------------------------------------------------ reading
    def _load_matrix(self) -> tuple[np.ndarray, np.ndarray]:
        with self._lock:
            if self._matrix is None:
                rows = self.conn.execute("SELECT id, emb, emb_scale FROM evidence_sentences WHERE emb IS NOT NULL ORDER BY id").fetchall()
                if rows:
                    self._ids = np.array([r[0] for r in rows], dtype=np.int64)
                    q = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.int8).reshape(len(rows), -1)
                    self._matrix = q.astype(np.float32) * np.array([r[2] for r in rows], dtype=np.float32)[:, None]
                else:
                    self._ids = np.zeros(0, dtype=np.int64)
                    self._matrix = np.zeros((0, 384), dtype=np.float32)
            return self._ids, self._matrix  # type: ignore[return-value]

    def _backfill_terms(self) -> None:
        """Stores indexed before evidence_terms existed: count once, on first open."""
        if self.conn.execute("SELECT 1 FROM evidence_terms LIMIT 1").fetchone() or not self.conn.execute("SELECT 1 FROM evidence_sentences LIMIT 1").fetchone():
            return
        terms: dict[str, int] = {}
        for (text,) in self.conn.execute("SELECT text FROM evidence_sentences"):
            for w in set(_WORD.findall(text.lower())):
                terms[w] = terms.get(w, 0) + 1
        with self.conn:
            self.conn.executemany("INSERT OR REPLACE INTO evidence_terms (term, df) VALUES (?, ?)", sorted(terms.items()))

    def _bm25(self, text: str, n: int, documents: Sequence[str] | None) -> list[int]:
        words = query_words(text)
        if len(words) > MIN_QUERY_TERMS and not documents:
            marks = ",".join("?" * len(words))
            df = dict(self.conn.execute(f"SELECT term, df FROM evidence_terms WHERE term IN ({marks})", words).fetchall())
            words = prune_words(words, df)
        q = fts_query(words)
        if q is None:
            return []
        try:
            if documents:
                marks = ",".join("?" * len(documents))
                sql = (f"SELECT f.rowid FROM evidence_fts f JOIN evidence_sentences s ON s.id = f.rowid"
                       f" WHERE evidence_fts MATCH ? AND s.document_id IN ({marks}) ORDER BY f.rank LIMIT ?")
                rows = self.conn.execute(sql, (q, *documents, n)).fetchall()
            else:
                rows = self.conn.execute("SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ? ORDER BY rank LIMIT ?", (q, n)).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"evidence search failed: {exc}") from exc
        return [int(r[0]) for r in rows]

    def _doc_rows(self, documents: Sequence[str]) -> np.ndarray:
        marks = ",".join("?" * len(documents))
        ids = [r[0] for r in self.conn.execute(f"SELECT id FROM evidence_sentences WHERE document_id IN ({marks})", tuple(documents))]
        all_ids, _ = self._load_matrix()
        return np.nonzero(np.isin(all_ids, np.array(ids, dtype=np.int64)))[0]

    def _dense(self, vec: np.ndarray, n: int, documents: Sequence[str] | None) -> list[tuple[int, float]]:
        ids, matrix = self._load_matrix()
        if not len(ids):
            return []
        if documents:
            rows = self._doc_rows(documents)
            sims = matrix[rows] @ vec
            order = np.argsort(-sims, kind="stable")[:n]
            return [(int(ids[rows[i]]), float(sims[i])) for i in order]
        sims = matrix @ vec
        n = min(n, len(sims))
        top = np.argpartition(-sims, n - 1)[:n]
        top = top[np.argsort(-sims[top], kind="stable")]
        return [(int(ids[i]), float(sims[i])) for i in top]

    def search(self, text: str, k: int = 10, *, documents: Sequence[str] | None = None, exclude: Sequence[str] = (),
               mode: str = "hybrid", candidates: int = CANDIDATES) -> list[Hit]:
        return self.search_many([text], k, documents=documents, exclude=exclude, mode=mode, candidates=candidates)[0]

    def search_many(self, texts: Sequence[str], k: int = 10, *, documents: Sequence[str] | None = None,
                    exclude: Sequence[str] = (), mode: str = "hybrid", candidates: int = CANDIDATES,
                    vectors: np.ndarray | None = None) -> list[list[Hit]]:
        """``vectors``: the queries' MiniLM vectors if the caller already has them (saves re-embedding)."""
        if mode not in ("hybrid", "bm25", "dense"):
            raise InputError(f"search mode must be hybrid, bm25 or dense, not {mode!r}")
        vecs = None if mode == "bm25" else (vectors if vectors is not None else self.encode(texts))
        # Over-fetch when excluding documents, so k survive the filter.
        depth = candidates + (50 if exclude else 0)
        out = []
        for qi, text in enumerate(texts):
            fused: dict[int, float] = {}
            bm_rank: dict[int, int] = {}
            dn_rank: dict[int, int] = {}
            cos: dict[int, float] = {}
            if mode != "dense":
                for r, sid in enumerate(self._bm25(text, depth, documents)):
                    bm_rank[sid] = r + 1
                    fused[sid] = fused.get(sid, 0.0) + 1.0 / (RRF_K + r + 1)
            if vecs is not None:
                for r, (sid, c) in enumerate(self._dense(vecs[qi], depth, documents)):
                    dn_rank[sid] = r + 1
                    cos[sid] = c
                    fused[sid] = fused.get(sid, 0.0) + 1.0 / (RRF_K + r + 1)
            ranked = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))
            out.append(self._hits(ranked, k, set(exclude), bm_rank, dn_rank, cos))
        return out

    def _hits(self, ranked, k, exclude, bm_rank, dn_rank, cos) -> list[Hit]:
        hits: list[Hit] = []
        for i in range(0, len(ranked), 200):
            chunk = ranked[i:i + 200]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                "SELECT s.id, s.document_id, s.idx, s.start, s.end, s.text, d.outlet, d.published, d.title, d.url"
                f" FROM evidence_sentences s JOIN evidence_documents d ON d.id = s.document_id WHERE s.id IN ({marks})",
                tuple(sid for sid, _ in chunk),
            ).fetchall()
            by_id = {r[0]: r for r in rows}
            for sid, score in chunk:
                r = by_id.get(sid)
                if r is None or r[1] in exclude:
                    continue
                hits.append(Hit(r[1], sid, r[2], r[3], r[4], r[5], score, r[6], r[7], r[8], r[9],
                                bm_rank.get(sid), dn_rank.get(sid), cos.get(sid)))
                if len(hits) >= k:
                    return hits
        return hits

    # ------------------------------------------------------------------ access
    def document(self, doc_id: str) -> IndexedDocument | None:
        r = self.conn.execute(
            "SELECT id, text, content_hash, title, outlet, published, url, source_path, n_sentences FROM evidence_documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        return IndexedDocument(*r) if r else None

    def is_empty(self) -> bool:
        return self.conn.execute("SELECT 1 FROM evidence_documents LIMIT 1").fetchone() is None

    def id_of_text(self, text: str) -> str | None:
        """The id of the indexed document with exactly this text (by content hash), if any."""
        r = self.conn.execute("SELECT id FROM evidence_documents WHERE content_hash = ?", (text_hash(text),)).fetchone()
        return r[0] if r else None

    def documents(self) -> Iterator[IndexedDocument]:
        cur = self.conn.execute(
            "SELECT id, text, content_hash, title, outlet, published, url, source_path, n_sentences FROM evidence_documents ORDER BY rowid"
        )
        for r in cur:
            yield IndexedDocument(*r)

    def sentences(self, doc_id: str) -> list[IndexedSentence]:
        rows = self.conn.execute(
            "SELECT id, document_id, idx, start, end, text FROM evidence_sentences WHERE document_id = ? ORDER BY idx", (doc_id,)
        ).fetchall()
        return [IndexedSentence(*r) for r in rows]

    def sentence(self, sentence_id: int) -> IndexedSentence | None:
        r = self.conn.execute("SELECT id, document_id, idx, start, end, text FROM evidence_sentences WHERE id = ?", (sentence_id,)).fetchone()
        return IndexedSentence(*r) if r else None

    def vectors(self, sentence_ids: Sequence[int]) -> np.ndarray:
        ids, matrix = self._load_matrix()
        out = np.zeros((len(sentence_ids), 384), dtype=np.float32)
        if not len(ids) or not len(sentence_ids):
            return out
        # Sentence ids only grow, so the matrix rows are in id order: binary search, no dict.
        want = np.asarray(sentence_ids, dtype=np.int64)
        pos = np.minimum(np.searchsorted(ids, want), len(ids) - 1)
        found = ids[pos] == want
        out[found] = matrix[pos[found]]
        return out

    def stats(self) -> dict:
        docs = self.conn.execute("SELECT COUNT(*) FROM evidence_documents").fetchone()[0]
        sents = self.conn.execute("SELECT COUNT(*) FROM evidence_sentences").fetchone()[0]
        return {"documents": int(docs), "sentences": int(sents)}

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "EvidenceIndex":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

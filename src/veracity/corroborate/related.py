"""Same-story decision: is this document about the same story as this claim?

Features for a (claim, document) pair combine MiniLM similarities between the claim and the
document's sentences with lexical agreement (content words, bigrams, names, numbers). A
logistic regression trained by ``veracity train related`` on FNC-1 (cross-validated by
headline) weighs them; its weights live in ``models/related/related.json`` (no pickle).
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from ..assets import verified_model_file
from ..errors import ModelError
from . import textfeat as tf

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "related" / "related.json"

# Bodies are embedded sentence by sentence; beyond the first 30 sentences a news body rarely
# introduces its story, and embedding cost grows linearly.
BODY_SENTENCES = 30
# The lead of a news body (first sentences) states the story; overlap there is a stronger cue.
LEAD_SENTENCES = 5

FEATURES = (
    "max_sim", "top3_sim", "centroid_sim", "lead_max_sim",
    "tok_overlap", "lead_tok_overlap", "bigram_overlap", "name_overlap",
    "num_overlap", "has_num", "log_claim_tokens",
    "idf_overlap", "tfidf_cos", "max_sent_overlap", "log_shared", "sim_x_idf_overlap",
)


@dataclass(frozen=True)
class Idf:
    """Inverse document frequencies of stemmed content words (from the training bodies).

    Shipped with the model so that a pair's features never depend on what else is indexed;
    words not listed (seen in fewer than two training bodies) get ``default`` (the rare end).
    """

    table: dict
    default: float

    def __call__(self, w: str) -> float:
        return self.table.get(w, self.default)


@dataclass(frozen=True)
class DocView:
    """What a pair decision needs from a document: its sentences, their vectors and token sets."""

    sentences: tuple[str, ...]
    vectors: np.ndarray  # (n, 384) unit rows
    tokens: frozenset[str]
    counts: dict  # stemmed token -> count over the sentences kept
    sent_tokens: tuple[frozenset[str], ...]
    lead_tokens: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    names: frozenset[str]
    numbers: frozenset[str]

    @classmethod
    def build(cls, sentences: Sequence[str], vectors: np.ndarray) -> "DocView":
        toks: list[str] = []
        lead: list[str] = []
        big: set[tuple[str, str]] = set()
        per: list[frozenset[str]] = []
        for i, s in enumerate(sentences):
            t = tf.content_tokens(s)
            toks.extend(t)
            per.append(frozenset(t))
            big |= tf.bigrams(t)
            if i < LEAD_SENTENCES:
                lead.extend(t)
        text = " ".join(sentences)
        counts: dict[str, int] = {}
        for t in toks:
            counts[t] = counts.get(t, 0) + 1
        return cls(tuple(sentences), vectors, frozenset(toks), counts, tuple(per), frozenset(lead), frozenset(big), frozenset(tf.names(text)), frozenset(tf.numbers(text)))


def pair_features(claim: str, claim_vec: np.ndarray, doc: DocView, idf: Idf) -> np.ndarray:
    sims = doc.vectors @ claim_vec if len(doc.vectors) else np.zeros(1, dtype=np.float32)
    top = np.sort(sims)[::-1]
    centroid = doc.vectors.mean(0) if len(doc.vectors) else np.zeros_like(claim_vec)
    norm = float(np.linalg.norm(centroid)) or 1.0
    toks = tf.content_tokens(claim)
    nums = tf.numbers(claim)
    # Sorted: float sums must not depend on set order (string hashing varies per process),
    # or the trained artefact would not be reproducible byte for byte.
    distinct = sorted(set(toks))
    shared = sorted(set(distinct) & doc.tokens)
    w_all = sum(idf(t) for t in distinct)
    idf_overlap = sum(idf(t) for t in shared) / w_all if w_all else 0.0
    # TF-IDF cosine between the claim and the document (sublinear tf), over stemmed words.
    dv = {t: (1 + math.log(c)) * idf(t) for t, c in doc.counts.items()}
    dn = math.sqrt(sum(v * v for v in dv.values())) or 1.0
    cv = {t: idf(t) for t in distinct}
    cn = math.sqrt(sum(v * v for v in cv.values())) or 1.0
    tfidf = sum(cv[t] * dv[t] for t in shared) / (cn * dn)
    dset = set(distinct)
    max_sent = max((len(dset & st) / len(dset) for st in doc.sent_tokens), default=0.0) if dset else 0.0
    return np.array([
        float(top[0]),
        float(top[:3].mean()),
        float(centroid @ claim_vec) / norm,
        float(sims[:LEAD_SENTENCES].max()) if len(doc.vectors) else 0.0,
        tf.overlap(toks, doc.tokens),
        tf.overlap(toks, doc.lead_tokens),
        tf.overlap(tf.bigrams(toks), doc.bigrams),
        tf.overlap(tf.names(claim), doc.names),
        tf.overlap(nums, doc.numbers),
        1.0 if nums else 0.0,
        math.log1p(len(toks)),
        idf_overlap,
        tfidf,
        max_sent,
        math.log1p(len(shared)),
        float(top[0]) * idf_overlap,
    ], dtype=np.float64)


@dataclass(frozen=True)
class RelatedModel:
    """Standardise, then a logistic regression; ``threshold`` chosen on cross-validation folds."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float
    features: tuple[str, ...]
    idf: Idf

    def features_for(self, claim: str, claim_vec: np.ndarray, doc: DocView) -> np.ndarray:
        return pair_features(claim, claim_vec, doc, self.idf)

    def score(self, x: np.ndarray) -> np.ndarray:
        z = ((np.atleast_2d(x) - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_dict(self) -> dict:
        return {
            "kind": "logistic", "features": list(self.features), "mean": self.mean.tolist(),
            "scale": self.scale.tolist(), "coef": self.coef.tolist(), "intercept": self.intercept,
            "threshold": self.threshold, "idf_default": self.idf.default,
            "idf": {k: round(v, 3) for k, v in sorted(self.idf.table.items())},
        }

    @classmethod
    def from_dict(cls, d: dict) -> "RelatedModel":
        if tuple(d.get("features", ())) != FEATURES:
            raise ModelError("related model was trained on different features; run `veracity train related`")
        return cls(np.array(d["mean"]), np.array(d["scale"]), np.array(d["coef"]), float(d["intercept"]), float(d["threshold"]), FEATURES,
                   Idf(dict(d["idf"]), float(d["idf_default"])))


@functools.lru_cache(maxsize=1)
def load_model(path: str | None = None) -> RelatedModel:
    p = verified_model_file(Path(path) if path else MODEL_PATH)  # shipped: against models/SHA256SUMS
    if not p.exists():
        raise ModelError(f"related model not found at {p}; run `veracity train related`")
    return RelatedModel.from_dict(json.loads(p.read_text(encoding="utf-8")))


def doc_view(text: str, embed=None) -> DocView:
    """Split, embed (first BODY_SENTENCES sentences) and index one document."""
    from ..text.embed import encode

    sents = tf.sentences(text, BODY_SENTENCES) or [text[:1000]]
    vecs = (embed or encode)(sents)
    return DocView.build(sents, vecs)

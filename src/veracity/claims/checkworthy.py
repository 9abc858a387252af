"""Check-worthiness: how much a sentence is worth fact-checking, as a probability in [0, 1].

The model is a logistic regression trained by ``veracity train checkworthy`` (see
``models/checkworthy/TRAINING_REPORT.md``). It reads only the sentence text, so the same model
serves the pipeline stage and ``veracity checkworthy`` without spaCy. Its features are sparse
TF-IDF blocks (word 1-2 grams, character 2-5 grams with digits folded to 0) and, when the
artefact has an ``emb`` block, MiniLM sentence vectors. The artefact is a numpy ``.npz``
loaded with ``allow_pickle=False`` plus a JSON file of metadata: no code is deserialised.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

from ..errors import ModelError
from ..model import Dossier
from ..options import Options

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "checkworthy"
# "fast": n-grams only, the default (meets the 2,000 sentences/s budget). "full": n-grams +
# MiniLM vectors, ranks better but runs at MiniLM speed. Chosen with Options.extra
# ("checkworthy_model", name) or `--model`.
VARIANTS = ("fast", "full")
DEFAULT_VARIANT = "fast"
ARRAYS = "model.npz"
META = "model.json"

# Numbers, words, and single punctuation marks. Numbers become one token "<num>" because
# *that* a sentence quotes a figure matters for check-worthiness, not which figure it is.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")
_DIGIT = re.compile(r"\d")
# Longer sentences only repeat n-grams; capping the analysed text bounds the cost of a
# hostile 1 MB "sentence" without changing scores for real ones (99.9% of debate sentences
# are shorter than this).
MAX_CHARS = 1000


def word_grams(text: str) -> list[str]:
    toks = ["<num>" if w[0].isdigit() else w for w in _TOKEN.findall(text[:MAX_CHARS].lower())]
    return toks + [a + " " + b for a, b in zip(toks, toks[1:])]


def char_grams(text: str) -> list[str]:
    s = " " + _DIGIT.sub("0", " ".join(text[:MAX_CHARS].lower().split())) + " "
    return [s[i:i + n] for n in (2, 3, 4, 5) for i in range(len(s) - n + 1)]


ANALYZERS: dict[str, Callable[[str], list[str]]] = {"word": word_grams, "char": char_grams}


@dataclasses.dataclass
class TfidfBlock:
    """Sublinear TF-IDF, L2-normalised: the same arithmetic as sklearn's TfidfVectorizer."""

    analyzer: str
    vocab: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray

    def margins(self, texts: Sequence[str]) -> np.ndarray:
        """Each text's dot product with ``coef``, for the whole batch at once in numpy."""
        analyze, get = ANALYZERS[self.analyzer], self.vocab.get
        ids: list[int] = []
        rows: list[int] = []
        for r, text in enumerate(texts):
            found = [i for i in map(get, analyze(text)) if i is not None]
            ids.extend(found)
            rows.extend([r] * len(found))
        out = np.zeros(len(texts), dtype=np.float64)
        if not ids:
            return out
        # Count each (row, feature) pair: unique over a combined key.
        key = np.asarray(rows, dtype=np.int64) * len(self.idf) + np.asarray(ids, dtype=np.int64)
        uniq, counts = np.unique(key, return_counts=True)
        row, col = uniq // len(self.idf), uniq % len(self.idf)
        w = (1.0 + np.log(counts)) * self.idf[col]
        norm = np.sqrt(np.bincount(row, weights=w * w, minlength=len(texts)))
        dot = np.bincount(row, weights=w * self.coef[col], minlength=len(texts))
        np.divide(dot, norm, out=out, where=norm > 0)
        return out


class CheckworthyModel:
    """Scores sentences. ``threshold`` is the operating point chosen at training time."""

    def __init__(self, blocks: list[TfidfBlock], emb_coef: np.ndarray | None, intercept: float, threshold: float, meta: dict):
        self.blocks = blocks
        self.emb_coef = emb_coef
        self.intercept = intercept
        self.threshold = threshold
        self.meta = meta
        self._embedder = None

    @classmethod
    def load(cls, path: str | Path = MODEL_DIR) -> "CheckworthyModel":
        path = Path(path)
        try:
            meta = json.loads((path / META).read_text(encoding="utf-8"))
            with np.load(path / ARRAYS, allow_pickle=False) as z:
                arrays = {k: z[k] for k in z.files}
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"check-worthiness model not readable at {path}: {exc}; run `veracity train checkworthy`") from None
        blocks = []
        for name in meta["blocks"]:
            vocab = {g: i for i, g in enumerate(arrays[f"{name}_vocab"].tolist())}
            blocks.append(TfidfBlock(name, vocab, arrays[f"{name}_idf"].astype(np.float64), arrays[f"{name}_coef"].astype(np.float64)))
        emb = arrays["emb_coef"].astype(np.float32) if "emb_coef" in arrays else None
        return cls(blocks, emb, float(meta["intercept"]), float(meta["threshold"]), meta)

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        if self._embedder is None:
            from ..text.embed import Embedder

            self._embedder = Embedder()
        return self._embedder.encode(list(texts))

    def score(self, texts: Sequence[str], emb: np.ndarray | None = None) -> np.ndarray:
        """P(check-worthy) for each text, in order. ``emb``: precomputed MiniLM vectors (training)."""
        z = np.full(len(texts), self.intercept, dtype=np.float64)
        if not len(texts):
            return z
        for b in self.blocks:
            z += b.margins(texts)
        if self.emb_coef is not None:
            vecs = self._embed(texts) if emb is None else emb
            z += vecs.astype(np.float64) @ self.emb_coef.astype(np.float64)
        return 1.0 / (1.0 + np.exp(-z))


@functools.lru_cache(maxsize=2)
def load_model(variant: str = DEFAULT_VARIANT) -> CheckworthyModel:
    if variant not in VARIANTS:
        raise ModelError(f"unknown check-worthiness model {variant!r}; choose one of {', '.join(VARIANTS)}")
    return CheckworthyModel.load(MODEL_DIR / variant)


class CheckworthyStage:
    """Sets ``checkworthiness`` and ``checkworthy`` on every claim, one model call per dossier."""

    def __init__(self, options: Options):
        self.options = options
        self.model = load_model(str(dict(options.extra).get("checkworthy_model", DEFAULT_VARIANT)))
        t = options.checkworthy_threshold
        self.threshold = self.model.threshold if t is None else float(t)

    def __call__(self, dossier: Dossier) -> Dossier:
        if not dossier.claims:
            return dossier
        scores = self.model.score([c.span.text for c in dossier.claims])
        claims = tuple(
            dataclasses.replace(c, checkworthiness=float(s), checkworthy=bool(s >= self.threshold))
            for c, s in zip(dossier.claims, scores)
        )
        return dossier.with_(claims=claims)

    def pipe(self, dossiers: Iterable[Dossier]) -> Iterator[Dossier]:
        for d in dossiers:
            yield self(d)

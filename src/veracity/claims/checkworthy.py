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

from ..assets import MINILM_TOKENIZER, verified_model_file, verified_path
from ..errors import ModelError
from ..records import Dossier
from ..onnxrun import checked_session, run_by_length
from ..options import Options
from ..text.embed import Embedder

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "checkworthy"
# "fast": n-grams only (~10,000 sentences/s, the batch choice). "full": n-grams + MiniLM vectors.
# "transformer": fine-tuned MiniLM, the most accurate (~300 sentences per CPU-second). "cascade":
# fast everywhere, the transformer on fast's uncertain band. Chosen with Options.extra
# ("checkworthy_model", name) or `--model`.
VARIANTS = ("fast", "full")
DEFAULT_VARIANT = "fast"
# `veracity checkworthy` / `eval checkworthy` score sentences the user hands over, where the
# ranking quality is the point: the transformer (CT24 dev-test F1 0.881 vs fast 0.810).
CLI_VARIANT = "transformer"
# The dossier scores every claim of every article: a 6-layer network on all of them would cost about
# as much CPU as parsing the article, so the pipeline uses a cascade. The student cascade (distilled
# n-grams everywhere, the 2-layer student on their uncertain ~20%) beats the distilled n-grams + teacher
# cascade on ClaimBuster groundtruth (0.917 vs 0.896), is level on CT24 dev-test (0.866 vs 0.867),
# and is faster (~3,500 vs ~2,900 sentences per CPU-second).
STAGE_VARIANT = "student-cascade"
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
    s = char_text(text)
    return [s[i:i + n] for n in (2, 3, 4, 5) for i in range(len(s) - n + 1)]


ANALYZERS: dict[str, Callable[[str], list[str]]] = {"word": word_grams, "char": char_grams}


def char_text(text: str) -> str:
    """The string ``char_grams`` slices: padded, lower-cased, spaces collapsed, digits as 0."""
    return " " + _DIGIT.sub("0", " ".join(text[:MAX_CHARS].lower().split())) + " "


# Char n-grams are looked up by a 64-bit polynomial hash computed in numpy over the whole batch
# (the Python dict lookup per n-gram was 3/4 of the scoring time). A 64-bit hash of a foreign
# n-gram equals one of the ~10^5 vocabulary hashes with probability ~10^-14 per n-gram.
_HASH_MUL = np.uint64(1_000_003)
CHAR_SIZES = (2, 3, 4, 5)


def _poly_hash(codes: np.ndarray, n: int) -> np.ndarray:
    """Hash of every length-n window of ``codes`` (1-D uint64): one value per start position."""
    m = len(codes) - n + 1
    if m <= 0:  # shorter than one window (a one-letter text is " a "): no n-grams, not a broadcast error
        return np.zeros(0, dtype=np.uint64)
    h = np.full(m, n, dtype=np.uint64)
    for k in range(n):
        h = h * _HASH_MUL + codes[k:k + m]
    return h


def _codes(s: str) -> np.ndarray:
    return np.frombuffer(s.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)


@dataclasses.dataclass
class TfidfBlock:
    """Sublinear TF-IDF, L2-normalised: the same arithmetic as sklearn's TfidfVectorizer."""

    analyzer: str
    vocab: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray

    def __post_init__(self) -> None:
        self._hash_index: tuple[np.ndarray, np.ndarray] | None = None
        if self.analyzer == "char":
            hashes = np.zeros(len(self.vocab), dtype=np.uint64)
            for n in CHAR_SIZES:  # all grams of one length at once: a (k, n) code matrix
                grams = [g for g in self.vocab if len(g) == n]
                if grams:
                    codes = _codes("".join(grams)).reshape(len(grams), n)
                    h = np.full(len(grams), n, dtype=np.uint64)
                    for k in range(n):
                        h = h * _HASH_MUL + codes[:, k]
                    hashes[[self.vocab[g] for g in grams]] = h
            if all(len(g) in CHAR_SIZES for g in self.vocab) and len(np.unique(hashes)) == len(hashes):  # else: the exact dict path below
                order = np.argsort(hashes, kind="stable")
                self._hash_index = (hashes[order], order.astype(np.int64))

    def _ids_generic(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        analyze, get = ANALYZERS[self.analyzer], self.vocab.get
        ids: list[int] = []
        rows: list[int] = []
        for r, text in enumerate(texts):
            found = [i for i in map(get, analyze(text)) if i is not None]
            ids.extend(found)
            rows.extend([r] * len(found))
        return np.asarray(rows, dtype=np.int64), np.asarray(ids, dtype=np.int64)

    def _ids_char(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        assert self._hash_index is not None
        table, order = self._hash_index
        strings = [char_text(t) for t in texts]
        lengths = np.fromiter(map(len, strings), dtype=np.int64, count=len(strings))
        row_of = np.repeat(np.arange(len(strings), dtype=np.int64), lengths)
        codes = _codes("".join(strings))
        rows_all, ids_all = [], []
        for n in CHAR_SIZES:
            h = _poly_hash(codes, n)
            row = row_of[:len(h)]
            ok = row == row_of[n - 1:]  # windows inside one text only
            h, row = h[ok], row[ok]
            at = np.minimum(np.searchsorted(table, h), len(table) - 1)
            hit = table[at] == h
            rows_all.append(row[hit])
            ids_all.append(order[at[hit]])
        return np.concatenate(rows_all), np.concatenate(ids_all)

    def margins(self, texts: Sequence[str]) -> np.ndarray:
        """Each text's dot product with ``coef``, for the whole batch at once in numpy."""
        rows, ids = (self._ids_char if self._hash_index is not None else self._ids_generic)(texts)
        out = np.zeros(len(texts), dtype=np.float64)
        if not len(ids):
            return out
        from scipy import sparse

        # CSR construction + sum_duplicates counts each (row, feature) pair with a per-row sort
        # in C, cheaper than one global np.unique over millions of keys.
        X = sparse.csr_matrix((np.ones(len(ids)), (rows, ids)), shape=(len(texts), len(self.idf)))
        X.sum_duplicates()
        X.data = (1.0 + np.log(X.data)) * self.idf[X.indices]
        norm = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
        np.divide(X @ self.coef, norm, out=out, where=norm > 0)
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
        for name in (META, ARRAYS):  # the shipped folder's files against models/SHA256SUMS
            verified_model_file(path / name)
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


# Sentences per onnxruntime call for the transformer: ONE. Dynamic int8 quantisation picks the
# activation scale from the whole input tensor, so in a batch a sentence's score depended on its
# neighbours and their padding (measured: 0.29 vs 0.23 for the same sentence). Scoring each
# sentence alone makes its score a function of its own text; it costs ~30% throughput.
TRANSFORMER_BATCH = 1
# One intra-op thread: at batch 1 the matrices are too small to split; measured 144 vs 95
# sentences/s wall (1 vs 2 threads) on the loaded 2-core machine.
TRANSFORMER_THREADS = 1
TRANSFORMER_ONNX = "model.onnx"


class TransformerModel:
    """Fine-tuned all-MiniLM-L6-v2 classifier (int8 ONNX, onnxruntime); no torch at run time.

    The ONNX file's sha256 is recorded in its JSON metadata by the training command and checked
    before the session is created, as for the pinned pretrained assets.
    """

    def __init__(self, path: str | Path, threshold: float, sha256: str | None, meta: dict | None = None,
                 max_tokens: int = 64, threads: int = TRANSFORMER_THREADS,
                 retrain: str = "veracity train checkworthy --transformer"):
        from tokenizers import Tokenizer

        self.session = checked_session(Path(path), sha256, "check-worthiness network", retrain, threads)
        self.tokenizer = Tokenizer.from_file(str(verified_path(MINILM_TOKENIZER)))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_tokens)
        self.threshold = threshold
        self.meta = meta or {}

    @classmethod
    def load(cls, path: str | Path = MODEL_DIR / "transformer") -> "TransformerModel":
        path = Path(path)
        retrain = f"veracity train checkworthy --{path.name}"
        verified_model_file(path / META)  # the shipped folder's files against models/SHA256SUMS
        try:
            meta = json.loads((path / META).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"check-worthiness network not readable at {path}: {exc}; run `{retrain}`") from None
        if not (path / TRANSFORMER_ONNX).is_file():
            raise ModelError(f"check-worthiness network: {path / TRANSFORMER_ONNX} is missing; run `{retrain}`")
        return cls(path / TRANSFORMER_ONNX, float(meta["threshold"]), str(meta["sha256"]), meta, int(meta["max_tokens"]),
                   retrain=retrain)

    def score(self, texts: Sequence[str]) -> np.ndarray:
        if not len(texts):
            return np.zeros(0, dtype=np.float64)
        # Truncation happens after tokenising: cap the characters first (hostile input).
        enc = self.tokenizer.encode_batch([t[:MAX_CHARS] for t in texts])
        return np.array([float(r.ravel()[0]) for r in run_by_length(self.session, enc, TRANSFORMER_BATCH)], dtype=np.float64)


def align_threshold(p: np.ndarray, src: float, dst: float) -> np.ndarray:
    """Monotone piecewise-linear map of [0, 1] onto itself that sends ``src`` to ``dst``.

    The cascade mixes two models with different operating points; mapping the transformer's
    threshold onto the fast model's lets one threshold decide every sentence.
    """
    return np.where(p < src, p * (dst / src), dst + (p - src) * ((1.0 - dst) / (1.0 - src)))


class CascadeModel:
    """The fast n-gram model scores everything; sentences in its uncertain band [lo, hi] are re-scored
    by the transformer (band chosen on held-out training debates, see the training report)."""

    def __init__(self, fast: CheckworthyModel, transformer: TransformerModel, lo: float, hi: float,
                 mix: float = 0.0, mix_threshold: float | None = None):
        self.fast, self.transformer, self.lo, self.hi = fast, transformer, lo, hi
        # In the band the score is (1 - mix) * transformer + mix * fast, decided at mix_threshold.
        self.mix = mix
        self.mix_threshold = transformer.threshold if mix_threshold is None else mix_threshold
        self.threshold = fast.threshold
        self.meta = {"cascade": {"lo": lo, "hi": hi, "mix": mix, "mix_threshold": self.mix_threshold},
                     "fast": fast.meta, "transformer": transformer.meta}

    def band(self, fast_scores: np.ndarray) -> np.ndarray:
        return (fast_scores >= self.lo) & (fast_scores <= self.hi)

    def score(self, texts: Sequence[str]) -> np.ndarray:
        p = self.fast.score(texts)
        idx = np.flatnonzero(self.band(p))
        if len(idx):
            pm = (1.0 - self.mix) * self.transformer.score([texts[i] for i in idx]) + self.mix * p[idx]
            p[idx] = align_threshold(pm, self.mix_threshold, self.threshold)
        return p


# "distilled": the fast model's features and scorer, fitted with the transformer's scores on an
# unlabelled pool as extra soft targets (veracity_train/checkworthy/distil.py); as fast as `fast`.
# "distilled-cascade": the distilled model everywhere, the transformer on its uncertain band.
# "student": a 2-layer MiniLM distilled from the transformer (veracity_train/checkworthy/student.py), ~3x
# cheaper. "student-cascade": the distilled model everywhere, the student on its uncertain band (up to 40%).
ALL_VARIANTS = VARIANTS + ("transformer", "cascade", "distilled", "distilled-cascade", "student", "student-cascade")
# Fine-tuned MiniLM networks, run by TransformerModel from models/checkworthy/<name>/.
NETWORKS = ("transformer", "student")


# Cascade variant -> (its first-stage model, its second-stage network, the model whose metadata
# records the band: the training run that chose it).
CASCADES = {"cascade": ("fast", "transformer", "transformer"), "distilled-cascade": ("distilled", "transformer", "distilled"),
            "student-cascade": ("distilled", "student", "student")}


# Unbounded: the variants are a fixed handful, and a cascade must not evict the transformer it shares.
@functools.lru_cache(maxsize=None)
def load_model(variant: str = DEFAULT_VARIANT) -> "CheckworthyModel | TransformerModel | CascadeModel":
    if variant not in ALL_VARIANTS:
        raise ModelError(f"unknown check-worthiness model {variant!r}; choose one of {', '.join(ALL_VARIANTS)}")
    if variant in NETWORKS:
        return TransformerModel.load(MODEL_DIR / variant)
    if variant in CASCADES:
        first_name, second_name, band_owner = CASCADES[variant]
        first, tx = load_model(first_name), load_model(second_name)
        assert isinstance(first, CheckworthyModel) and isinstance(tx, TransformerModel)
        band = load_model(band_owner).meta["cascade"]
        return CascadeModel(first, tx, float(band["lo"]), float(band["hi"]), float(band.get("mix", 0.0)),
                            float(band.get("mix_threshold", tx.threshold)))
    return CheckworthyModel.load(MODEL_DIR / variant)


class CheckworthyStage:
    """Sets ``checkworthiness`` and ``checkworthy`` on every claim, one model call per dossier."""

    def __init__(self, options: Options):
        self.options = options
        self.model = load_model(str(dict(options.extra).get("checkworthy_model", STAGE_VARIANT)))
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

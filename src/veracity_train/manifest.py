"""Write ``src/veracity/models/SHA256SUMS``: the sha256 of every model file the wheel ships.

The runtime checks each model file it loads against this manifest (``veracity.assets``
``verified_model_file``), so after a model is retrained in the source tree the manifest must be
rewritten: the trainers call :func:`refresh` after writing into the models folder, and
``python -m veracity_train.manifest`` does it by hand (``--check``: exit 1 when it is stale).

Which files ship is pyproject.toml's: ``[tool.setuptools.package-data]`` globs minus
``[tool.setuptools.exclude-package-data]`` fnmatch patterns, as setuptools applies them
(``tests/core/test_model_manifest.py`` checks the manifest against them and a built wheel's
list was compared once, see docs/RELIABILITY.md). Without pyproject.toml (an installed
package), the files already listed are re-hashed.
"""

from __future__ import annotations

import fnmatch
import glob
import os
import sys
import tomllib
from pathlib import Path

from veracity.assets import MANIFEST, MODELS_DIR, file_sha256, model_manifest

from .paths import REPO_ROOT

PYPROJECT = REPO_ROOT / "pyproject.toml"
PACKAGE = "veracity"


def shipped(root: Path = MODELS_DIR, pyproject: Path = PYPROJECT) -> list[str]:
    """The files under ``root`` (the package's ``models`` folder) that the wheel ships, relative
    to it and sorted; the manifest itself is not listed."""
    if not pyproject.is_file():
        return sorted(model_manifest(root))
    cfg = tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["setuptools"]
    pkg = str(root.parent)
    found = {f for pat in cfg.get("package-data", {}).get(PACKAGE, [])
             for f in glob.glob(os.path.join(pkg, pat), recursive=True) if os.path.isfile(f)}
    excluded = cfg.get("exclude-package-data", {}).get(PACKAGE, [])
    keep = [f for f in found if not any(fnmatch.fnmatch(f, os.path.join(pkg, pat)) for pat in excluded)]
    rels = (Path(f).relative_to(root).as_posix() for f in keep if Path(f).is_relative_to(root))
    return sorted(r for r in rels if r != MANIFEST)


def render(root: Path = MODELS_DIR) -> str:
    return "".join(f"{file_sha256(root / rel)}  {rel}\n" for rel in shipped(root))


def write(root: Path = MODELS_DIR) -> Path:
    path = root / MANIFEST
    path.write_text(render(root), encoding="utf-8")
    return path


def refresh(written: Path) -> None:
    """Rewrite the manifest when ``written`` (a file or folder a trainer just wrote) lies in the
    shipped models folder; a model written elsewhere (``--out``) leaves it alone."""
    if Path(written).resolve().is_relative_to(MODELS_DIR.resolve()):
        write(MODELS_DIR)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--check"]:
        stale = (MODELS_DIR / MANIFEST).read_text(encoding="utf-8") != render()
        print(f"{MODELS_DIR / MANIFEST}: {'stale, run python -m veracity_train.manifest' if stale else 'up to date'}")
        return 1 if stale else 0
    print(f"wrote {write()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

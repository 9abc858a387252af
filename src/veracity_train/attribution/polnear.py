"""PolNeAR access: gold relations (through the shared scorer's own loader) and a parse cache.

The gold is read with ``../shared/eval/attribution/polnear.py`` so that training, evaluation
and the scorer agree on offsets and on which annotator's file is used. Parsing ~900 articles
takes minutes on this machine, so the parses are cached as a spaCy DocBin under
``/tmp/veracity-cache/attribution/`` (never in the repo) keyed by split and a hash of the texts.
"""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

from veracity.errors import InputError
from veracity.options import Options
from veracity.text.stage import SpacyText

from ..paths import cache_root, shared_dir

SHARED = shared_dir().resolve()
EVAL_DIR = SHARED / "eval" / "attribution"
CACHE_DIR = cache_root() / "attribution"


def _load_module(name: str) -> ModuleType:
    path = EVAL_DIR / f"{name}.py"
    if not path.exists():
        raise InputError(f"shared PolNeAR {name}.py not found at {path} (is ../shared mounted?)")
    spec = importlib.util.spec_from_file_location(f"_veracity_polnear_{name}", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def polnear_module() -> ModuleType:
    return _load_module("polnear")


def scorer_module() -> ModuleType:
    import sys

    sys.path.insert(0, str(EVAL_DIR))  # score.py imports polnear by name
    return _load_module("score")


def load_split(split: str) -> list[dict[str, Any]]:
    """Articles of a split: {"id", "text", "relations": [{"source","cue","content": [(s,e)]}]}."""
    if split == "test":
        raise InputError("the PolNeAR test split is held out")
    return polnear_module().load_split(split)


def _texts_key(texts: list[str]) -> str:
    h = hashlib.sha256()
    for t in texts:
        h.update(hashlib.sha256(t.encode("utf-8")).digest())
    return h.hexdigest()[:16]


def parse(texts: list[str], cache_name: str | None = None, n_process: int = 1) -> list[Any]:
    """spaCy Docs of ``texts`` with the text stage's pipeline, cached on disk when named."""
    from spacy.tokens import DocBin

    nlp = SpacyText(Options()).nlp
    path = None
    if cache_name:
        path = CACHE_DIR / f"{cache_name}-{_texts_key(texts)}.spacy"
        if path.exists():
            return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=16, n_process=n_process))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = DocBin(attrs=["ORTH", "LEMMA", "TAG", "POS", "MORPH", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE"])
        for d in docs:
            db.add(d)
        tmp = path.with_suffix(".tmp")
        db.to_disk(tmp)
        tmp.replace(path)
    return docs


def load_parsed(split: str) -> tuple[list[dict[str, Any]], list[Any]]:
    arts = load_split(split)
    docs = parse([a["text"] for a in arts], cache_name=f"polnear-{split}")
    return arts, docs


if __name__ == "__main__":  # python -m veracity_train.attribution.polnear dev train: warm the cache
    import sys
    import time

    for sp in sys.argv[1:]:
        t0 = time.time()
        a, d = load_parsed(sp)
        print(f"{sp}: {len(d)} docs in {time.time() - t0:.0f}s", flush=True)

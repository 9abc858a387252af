"""WordNet lexicographer classes of a lemma ("say" -> verb.communication), a feature that lets
the CRFs generalise from cue verbs seen in training to unseen ones of the same kind
("echo", "pledge", "rate"). Read from the Debian wordnet-base files the project installs;
without them the feature is absent and the models still run (a little less accurate).
"""

from __future__ import annotations

import functools
from pathlib import Path

WORDNET_DIR = Path("/usr/share/wordnet")
# WordNet 3.0 lexicographer file numbers (lexnames) for verbs and nouns.
LEXNAMES = {
    3: "n.Tops", 4: "n.act", 5: "n.animal", 6: "n.artifact", 7: "n.attribute", 8: "n.body", 9: "n.cognition",
    10: "n.communication", 11: "n.event", 12: "n.feeling", 13: "n.food", 14: "n.group", 15: "n.location",
    16: "n.motive", 17: "n.object", 18: "n.person", 19: "n.phenomenon", 20: "n.plant", 21: "n.possession",
    22: "n.process", 23: "n.quantity", 24: "n.relation", 25: "n.shape", 26: "n.state", 27: "n.substance",
    28: "n.time", 29: "v.body", 30: "v.change", 31: "v.cognition", 32: "v.communication", 33: "v.competition",
    34: "v.consumption", 35: "v.contact", 36: "v.creation", 37: "v.emotion", 38: "v.motion", 39: "v.perception",
    40: "v.possession", 41: "v.social", 42: "v.stative", 43: "v.weather",
}
# Senses looked at per lemma: WordNet orders senses by frequency; beyond the first two the
# classes are mostly noise for news text.
SENSES = 2


def _load(pos: str) -> dict[str, tuple[str, ...]]:
    """Every sense's lexname of every lemma, in WordNet's frequency order (with repeats)."""
    index, data = WORDNET_DIR / f"index.{pos}", WORDNET_DIR / f"data.{pos}"
    if not index.exists() or not data.exists():
        return {}
    lexfile: dict[str, int] = {}
    with open(data, encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split(" ", 2)
            lexfile[parts[0]] = int(parts[1])
    out: dict[str, tuple[str, ...]] = {}
    with open(index, encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split()
            n_ptr = int(parts[3])
            offsets = parts[4 + n_ptr + 2:]
            out[parts[0]] = tuple(LEXNAMES.get(lexfile.get(off, -1), "") for off in offsets)
    return out


@functools.lru_cache(maxsize=1)
def tables() -> dict[str, dict[str, tuple[str, ...]]]:
    return {"VERB": _load("verb"), "NOUN": _load("noun")}


def classes(lemma: str, pos: str) -> tuple[str, ...]:
    """Lexnames of ``lemma``'s first senses for a spaCy coarse POS (VERB/AUX use verbs)."""
    return _distinct(_senses(lemma, pos)[:SENSES])


def first_classes(lemma: str, pos: str, n: int) -> tuple[str, ...]:
    """Lexnames of ``lemma``'s ``n`` commonest senses."""
    return _distinct(_senses(lemma, pos)[:n])


def all_classes(lemma: str, pos: str) -> tuple[str, ...]:
    """Lexnames of every sense of ``lemma``: what the word can mean at all, not what it
    mostly means ("source" is first a place and a text, but also an informant)."""
    return _distinct(_senses(lemma, pos))


def _senses(lemma: str, pos: str) -> tuple[str, ...]:
    table = tables().get("VERB" if pos in ("VERB", "AUX") else "NOUN" if pos == "NOUN" else "", {})
    return table.get(lemma.replace(" ", "_"), ())


def _distinct(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in names if n))

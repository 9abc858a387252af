"""Readers for the shared verification data (read at run time from ../shared, never copied).

Each reader returns plain records in a fixed order so training and cross-validation are
deterministic: Climate-FEVER (claim, 5 evidence sentences), WiCE (claim, cited page split
into sentences), FNC-1 (headline, body, 4-way stance).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from veracity.errors import InputError
from veracity.retrieval.sentences import split

from ..paths import shared_dir

STANCES = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO")
FNC_LABELS = ("agree", "disagree", "discuss", "unrelated")


def verification_dir() -> Path:
    path = shared_dir() / "data" / "verification"
    if not path.is_dir():
        raise InputError(f"shared verification data not found at {path} (set VERACITY_SHARED)")
    return path


@dataclass(frozen=True)
class Pair:
    group: str  # claim id / headline: cross-validation folds never split a group
    claim: str
    evidence: str
    label: str  # one of STANCES (or FNC_LABELS for FNC-1 pairs)
    source: str  # climate-fever | wice | fnc1


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def climate_fever(path: Path | None = None) -> list[dict]:
    return read_jsonl(path or verification_dir() / "climate-fever" / "climate-fever-dev.jsonl")


def climate_fever_pairs(rows: list[dict] | None = None) -> list[Pair]:
    rows = climate_fever() if rows is None else rows
    return [
        Pair(str(r["claim_id"]), r["claim"], e["evidence"], e.get("evidence_label", "NOT_ENOUGH_INFO"), "climate-fever")
        for r in rows for e in r["evidences"]
    ]


def wice_dev() -> list[dict]:
    return read_jsonl(verification_dir() / "wice" / "dev.jsonl")


# WiCE labels a chunk against the claim; "partially_supported" still means the chunk backs
# part of it, which for evidence stance is closer to SUPPORTS than to no information.
WICE_TO_STANCE = {"supported": "SUPPORTS", "partially_supported": "SUPPORTS", "not_supported": "NOT_ENOUGH_INFO"}


def wice_oracle_pairs() -> list[Pair]:
    rows = read_jsonl(verification_dir() / "wice" / "oracle_chunks" / "dev.jsonl")
    out = []
    for r in rows:
        out.append(Pair("wice:" + r["claim"][:80], r["claim"], " ".join(r["evidence"]), WICE_TO_STANCE[r["label"]], "wice"))
    return out


# FNC-1 bodies average ~2,200 characters; the stance is nearly always visible in the lead.
FNC_BODY_SENTENCES = 12


def fnc1_bodies() -> dict[str, list[str]]:
    path = verification_dir() / "fnc1" / "train_bodies.csv"
    with open(path, encoding="utf-8", newline="") as f:
        return {row["Body ID"]: split(row["articleBody"])[:FNC_BODY_SENTENCES] for row in csv.DictReader(f)}


def fnc1_stances() -> list[tuple[str, str, str]]:
    """(headline, body id, stance) in file order."""
    path = verification_dir() / "fnc1" / "train_stances.csv"
    with open(path, encoding="utf-8", newline="") as f:
        return [(r["Headline"], r["Body ID"], r["Stance"]) for r in csv.DictReader(f)]

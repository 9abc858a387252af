"""Run a verification scenario (an article + the reports a newsroom indexes beside it) and
compare the dossier's conclusions with what a careful fact-checker expects (expect.toml).

Used by tests/verify/test_scenarios.py and benchmarks/verify_scenarios.py. Layout and
fields: tests/verify/scenarios/README.md.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from veracity.records import Article, Claim, Dossier

HERE = Path(__file__).resolve().parent
SCENARIOS = HERE / "scenarios"
HOLDOUT = HERE / "scenarios_holdout"


def scenario_dirs(root: Path = SCENARIOS) -> list[Path]:
    return sorted(p for p in root.iterdir() if (p / "expect.toml").exists())


@dataclass
class Outcome:
    scenario: str
    claim: str
    field: str  # verdict | supporting | refuting | same_origin | checks | independent_lines | contradicting
    expected: object
    got: object
    ok: bool
    sentence: int = -1  # the start of the claim the expectation was matched to (a sentence, or one of its statements)


@dataclass
class Run:
    dossier: Dossier
    ids: dict[str, str]  # document id -> evidence id
    outcomes: list[Outcome] = field(default_factory=list)


def load(dirpath: Path) -> tuple[str, dict, list[dict]]:
    article = (dirpath / "article.txt").read_text(encoding="utf-8")
    expect = tomllib.loads((dirpath / "expect.toml").read_text(encoding="utf-8"))
    evidence = [json.loads(line) for line in (dirpath / "evidence.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return article, expect, evidence


def analyse(dirpath: Path, db: Path) -> Run:
    from veracity import analysis
    from veracity.options import Options, with_evidence_stages
    from veracity.retrieval.index import EvidenceIndex

    text, expect, evidence = load(dirpath)
    arts = [Article.create(e["text"], title=e["title"], outlet=e["outlet"], published=e["published"]) for e in evidence]
    ix = EvidenceIndex(str(db))
    ix.add(arts)
    ix.close()
    meta = expect["article"]
    opts = Options(evidence_db=str(db), db_path=str(db))
    opts = opts.replace(stages=with_evidence_stages(opts.stages))
    d = analysis.analyze_text(text, opts, title=meta.get("title"), outlet=meta.get("outlet"), published=meta.get("published"))
    return Run(d, {a.id: e["id"] for a, e in zip(arts, evidence)})


def claim_for(d: Dossier, text: str) -> Claim | None:
    """The claim an expectation's text belongs to: the one holding most of it (a sentence of two
    statements is two claims; "while Qatar has raised objections" belongs to the second, whose
    span starts after "while")."""
    start = d.article.text.find(text)
    if start < 0:
        return None
    end = start + len(text)
    best, most = None, 0
    for c in d.claims:
        share = min(end, c.span.end) - max(start, c.span.start)
        if share > most:
            best, most = c, share
    return best


def judge(dirpath: Path, run: Run) -> list[Outcome]:
    _, expect, _ = load(dirpath)
    name = dirpath.name
    out: list[Outcome] = []
    for x in expect["claim"]:
        c = claim_for(run.dossier, x["text"])
        label = x["text"][:60]
        if c is None or c.verdict is None:
            out.append(Outcome(name, label, "verdict", x["verdict"], "not verified", False))
            continue
        ev = c.verdict.evidence
        sid = lambda e: run.ids.get(e.document_id, e.document_id)  # noqa: E731
        supports = {sid(e) for e in ev if e.stance == "supports" and not e.same_origin}
        refutes = {sid(e) for e in ev if e.stance == "refutes"}
        echoed = {sid(e) for e in ev if e.stance == "supports" and e.same_origin}
        kinds = {k.kind for e in ev for k in e.checks}
        out.append(Outcome(name, label, "verdict", x["verdict"], c.verdict.label, c.verdict.label == x["verdict"], c.span.start))
        for key, got in (("supporting", supports), ("refuting", refutes)):
            want = set(x.get(key, []))
            out.append(Outcome(name, label, key, sorted(want), sorted(got), want <= got))
        # An echo of the claim's own origin may be cited, but never as independent support.
        bad = set(x.get("same_origin", [])) & supports
        out.append(Outcome(name, label, "same_origin", sorted(x.get("same_origin", [])), sorted(echoed), not bad))
        want_checks = set(x.get("checks", []))
        out.append(Outcome(name, label, "checks", sorted(want_checks), sorted(kinds), want_checks <= kinds))
        corr = c.corroboration
        lines = corr.independent_lines if corr else 0
        if "independent_lines" in x:
            out.append(Outcome(name, label, "independent_lines", x["independent_lines"], lines, lines == x["independent_lines"]))
        # Corroboration never counts a refuting report as corroborating.
        refuting_ids = set(x.get("refuting", []))
        corroborating = {sid(r) for r in (corr.reports if corr else ()) if r.stance == "corroborates"}
        out.append(Outcome(name, label, "contradicting", sorted(refuting_ids), sorted(corroborating & refuting_ids),
                           not (corroborating & refuting_ids)))
    return out


def run_all(root: Path, tmp: Path) -> list[Outcome]:
    out: list[Outcome] = []
    for d in scenario_dirs(root):
        run = analyse(d, tmp / f"{d.name}.db")
        out.extend(judge(d, run))
    return out


def analysed(roots: list[Path]):
    """(root, scenario folder, run, expectations) for every scenario under ``roots``, each indexed
    and analysed in a temporary store (the benchmarks that read whole dossiers)."""
    import tempfile

    for root in roots:
        for d in scenario_dirs(root):
            with tempfile.TemporaryDirectory() as t:
                run = analyse(d, Path(t) / "ev.db")
            yield root, d, run, tomllib.loads((d / "expect.toml").read_text(encoding="utf-8"))


def expectation_of(run: Run, expect: dict, claim: Claim) -> dict | None:
    """The expectation written for this claim of the dossier, if any (a background sentence has none)."""
    return next((x for x in expect["claim"] if (c := claim_for(run.dossier, x["text"])) is not None and c.id == claim.id), None)



def two_claim_sentences(outcomes: list[Outcome]) -> set[tuple[str, int]]:
    """(scenario, claim start) of the claims that hold two expectations of opposite verdicts (one
    SUPPORTED, one REFUTED: "The new fares will take effect on April 1, alongside a revised
    timetable that adds 46 weekday trains on the main line to the airport"). A claim has one
    verdict, so one of its two expectations is on the wrong side whatever the verdict. The claims
    stage cuts a sentence of two statements with subjects of their own (claims.clauses); a
    phrase like this one ("alongside ...") stays in its sentence's claim."""
    wanted: dict[tuple[str, int], set[object]] = {}
    for o in outcomes:
        if o.field == "verdict" and o.sentence >= 0:
            wanted.setdefault((o.scenario, o.sentence), set()).add(o.expected)
    return {k for k, v in wanted.items() if {"SUPPORTED", "REFUTED"} <= v}

"""The learned extractor: a cue CRF over sentences, then a role CRF per cue.

Step 1 tags cue tokens (BIO) in each sentence. Step 2, for each cue found, tags every token
in a window of sentences around it as Source, Content or Other, with features relative to
that cue; running it once per cue is what lets nested relations ("X said Y claimed Z") and
one source with several quotes come out as separate relations. Both models are crfsuite
files trained by ``veracity train attribution`` (see models/attribution/TRAINING_REPORT.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..errors import ModelError
from .features import DocInfo, cue_features, doc_info, role_features

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "attribution"
CUE_MODEL = "cue.crfsuite"
ROLE_MODEL = "roles.crfsuite"
META = "meta.json"

# A content run made only of punctuation or a single function word is noise from the tagger,
# not a quotation; gold contents on PolNeAR train are never this short.
MIN_CONTENT_CHARS = 3
# Marginal-probability thresholds for cue and content tokens; 0.5 and above means "use the
# Viterbi labels". The trained values are in meta.json (chosen on dev, see the report).
DEFAULT_THRESHOLD = 0.5


@dataclass(frozen=True)
class RawRelation:
    """Character spans of one relation, before typing and chains."""

    source: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]
    cue_tokens: tuple[int, ...] = ()
    source_tokens: tuple[int, ...] = ()


def token_runs(tokens: Iterable[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in sorted(tokens):
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def run_span(doc: Any, run: list[int]) -> tuple[int, int]:
    a, b = doc[run[0]], doc[run[-1]]
    return a.idx, b.idx + len(b.text)


def spans_of(doc: Any, toks: Iterable[int]) -> tuple[tuple[int, int], ...]:
    """Character spans of the contiguous runs of ``toks``."""
    return tuple(run_span(doc, r) for r in token_runs(toks))


def span_tokens(doc: Any, spans: Iterable[tuple[int, int]]) -> list[int]:
    """The non-space tokens that character spans cover (partly covered tokens included)."""
    out = []
    for s, e in spans:
        sp = doc.char_span(s, e, alignment_mode="expand")
        out.extend(t.i for t in sp or () if not t.is_space)
    return out


def cue_runs(labels: list[str], offset: int) -> list[list[int]]:
    out: list[list[int]] = []
    for k, lab in enumerate(labels):
        if lab == "B" or (lab == "I" and not out):
            out.append([offset + k])
        elif lab == "I" and out and out[-1][-1] == offset + k - 1:
            out[-1].append(offset + k)
        elif lab == "I":
            out.append([offset + k])
    return out


class CrfExtractor:
    def __init__(self, model_dir: Path = MODEL_DIR):
        try:
            import pycrfsuite
        except ImportError as exc:  # pragma: no cover - a broken install
            raise ModelError("python-crfsuite is not installed (pip install python-crfsuite==0.9.12)") from exc
        cue_path, role_path = model_dir / CUE_MODEL, model_dir / ROLE_MODEL
        for p in (cue_path, role_path):
            if not p.exists():
                raise ModelError(f"attribution model missing: {p} (run `veracity train attribution`)")
        self.meta = json.loads((model_dir / META).read_text(encoding="utf-8")) if (model_dir / META).exists() else {}
        self.cue_tagger = pycrfsuite.Tagger()
        self.cue_tagger.open(str(cue_path))
        self.role_tagger = pycrfsuite.Tagger()
        self.role_tagger.open(str(role_path))
        self.cue_threshold = float(self.meta.get("cue_threshold", DEFAULT_THRESHOLD))
        self.content_threshold = float(self.meta.get("content_threshold", DEFAULT_THRESHOLD))
        self.confirm_threshold = float(self.meta.get("confirm_threshold", 1.0))
        self.use_rules = bool(self.meta.get("combine_rules", False))
        self.quote_override = bool(self.meta.get("quote_override", False))
        self.trim_sources = bool(self.meta.get("trim_sources", False))

    def cues(self, info: DocInfo) -> list[tuple[list[int], float]]:
        """Cue token runs with their probability (max marginal of not-Other over the run).

        Runs on the Viterbi path get probability >= 0.5 by construction in practice; with a
        ``cue_threshold`` below 0.5, less likely runs are proposed too and must then be
        confirmed by the role model (see ``extract``)."""
        out: list[tuple[list[int], float]] = []
        tg = self.cue_tagger
        low = min(self.cue_threshold, 0.5)
        for a, b in info.sents:
            if b - a < 2:
                continue
            labels = tg.tag(cue_features(info, a, b))
            viterbi = {i for r in cue_runs(labels, a) for i in r}
            if self.cue_threshold >= 0.5:
                out.extend((r, 1.0) for r in token_runs(viterbi))
                continue
            p_cue = [1.0 - tg.marginal("O", k) for k in range(b - a)]
            toks = [a + k for k in range(b - a) if p_cue[k] >= low or a + k in viterbi]
            for r in token_runs(toks):
                p = max(p_cue[i - a] for i in r)
                out.append((r, 1.0 if any(i in viterbi for i in r) else p))
        return out

    def roles(self, info: DocInfo, cue: list[int]) -> tuple[list[int], list[int], float]:
        """Source and content tokens for ``cue`` and the mean content marginal (confidence)."""
        lo, _hi, feats = role_features(info, cue)
        tg = self.role_tagger
        labels = tg.tag(feats)
        if self.content_threshold >= 0.5:
            con = [lo + k for k, lab in enumerate(labels) if lab == "C"]
        else:
            con = [lo + k for k in range(len(labels)) if tg.marginal("C", k) >= self.content_threshold]
        conf = 1.0
        if self.confirm_threshold < 1.0:  # only then is the confidence used (marginals cost time)
            conf = sum(tg.marginal("C", i - lo) for i in con) / len(con) if con else 0.0
        cs = set(con)
        src = [lo + k for k, lab in enumerate(labels) if lab == "S" and lo + k not in cs]
        sp = info.space
        return [i for i in src if not sp[i]], [i for i in con if not sp[i]], conf

    def extract(self, doc: Any, info: DocInfo | None = None,
                cues: list[tuple[list[int], float]] | None = None) -> list[RawRelation]:
        """Relations of ``doc``; ``cues`` (token runs, probability) replace the cue CRF's when given."""
        info = info or doc_info(doc)
        rels: list[RawRelation] = []
        seen: set[tuple[tuple[int, int], ...]] = set()
        for cue, p_cue in (self.cues(info) if cues is None else cues):
            src, con, conf = self.roles(info, cue)
            if p_cue < 1.0 and conf < self.confirm_threshold:
                continue  # an unlikely cue whose content the role model is not sure of
            content = tuple(
                run_span(doc, r) for r in token_runs(con)
                if sum(1 for i in r if not doc[i].is_punct) and len(doc[r[0]:r[-1] + 1].text) >= MIN_CONTENT_CHARS
            )
            if not content or content in seen:
                continue
            seen.add(content)
            source_run = _nearest_run(token_runs(src), cue)
            if source_run and self.trim_sources:
                source_run = trim_source(doc, source_run)
            rels.append(RawRelation(
                source=(run_span(doc, source_run),) if source_run else (),
                cue=tuple(run_span(doc, r) for r in token_runs(cue)),
                content=content,
                cue_tokens=tuple(cue),
                source_tokens=tuple(source_run or ()),
            ))
        if self.use_rules:
            from .rules import doc_text, rule_relations

            from .citing import split_citing

            rels = split_citing(doc, combine(rels, rule_relations(doc, info.quote), doc_text(doc), self.quote_override))
        return rels


def _chars(spans: Iterable[tuple[int, int]]) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


QUOTE_OPENERS = "\u201c\u201d\u2018\"'"


def combine(learned: list[RawRelation], rules: list[RawRelation], text: str = "", quotes: bool = True) -> list[RawRelation]:
    """Learned relations, plus rule relations whose content no learned relation touches: the
    rules' reporting-verb lexicon catches cues the CRF missed. Where both find the same cue
    and the rule's content is a direct quotation (marks and all), the rule's content wins:
    quotation marks delimit a quote better than the tagger's guess of its boundaries."""
    out = list(learned)
    if quotes and text:
        by_cue = {r.cue_tokens: r for r in rules if r.content and text[r.content[0][0]] in QUOTE_OPENERS}
        for k, r in enumerate(out):
            rr = by_cue.get(r.cue_tokens)
            if rr is not None:
                out[k] = RawRelation(r.source, r.cue, rr.content, r.cue_tokens, r.source_tokens)
    taken = _chars(x for r in out for x in r.content)
    extra = [r for r in rules if not (_chars(r.content) & taken)]
    return out + extra


def trim_source(doc: Any, run: list[int]) -> list[int]:
    """Keep the part of a source run that hangs from its head: "The New York Times, in a
    separate report published yesterday," -> "The New York Times" (the report phrase is the
    verb's, not the source's)."""
    rs = set(run)
    head = next((i for i in run if doc[i].head.i not in rs or doc[i].head.i == i), run[0])
    sub = {t.i for t in doc[head].subtree}
    kept = [i for i in run if i in sub]
    runs = token_runs(kept)
    best = next((r for r in runs if head in r), kept)
    while best and doc[best[-1]].is_punct and not _closes(doc, best):
        best = best[:-1]
    return best or run


def _closes(doc: Any, run: list[int]) -> bool:
    """Whether the run's final punctuation belongs to it: a bracket closing one opened inside
    ("Mike Pence (R-IN)", not "(R-IN"), or the comma closing an appositive ("The state's
    campaign chairman, Phil Lovas, said" -- PolNeAR's sources keep that comma: on dev, keeping
    it raised the tagger's source exact F1 from 0.820 to 0.861, overlap unchanged)."""
    last = doc[run[-1]].text
    inner = [doc[i].text for i in run[:-1]]
    if last in ")]":
        return ("(" if last == ")" else "[") in inner
    nxt = run[-1] + 1
    return last == "," and "," in inner and nxt < len(doc) and not doc[nxt].is_punct


def _nearest_run(runs: list[list[int]], cue: list[int]) -> list[int] | None:
    """PolNeAR sources are single spans; when the tagger marks several, the one nearest the cue wins."""
    if not runs:
        return None
    c0, c1 = min(cue), max(cue)
    return min(runs, key=lambda r: (c0 - r[-1]) if r[-1] < c0 else (r[0] - c1))

"""The CRF extractor: a cue CRF over sentences, then a role CRF per cue.

Step 1 tags cue tokens (BIO) in each sentence. Step 2, for each cue found, tags every token
in a window of sentences around it as Source, Content or Other, with features relative to
that cue; running it once per cue is what lets nested relations ("X said Y claimed Z") and
one source with several quotes come out as separate relations. Both models are crfsuite
files trained by ``veracity train attribution`` (see models/attribution/TRAINING_REPORT.md).

A component over ``core`` and ``features``: :class:`CrfModel` is the two CRFs alone. The
extractor of ``attribution.learned.v1`` adds the rules as meta.json says
(``extractors.CrfExtractor``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..assets import verified_model_file
from ..errors import ModelError
from .core import MIN_CONTENT_CHARS, RawRelation, nearest_run, run_span, token_runs, trim_source
from .features import DocInfo, cue_features, doc_info, role_features

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "attribution"
CUE_MODEL = "cue.crfsuite"
ROLE_MODEL = "roles.crfsuite"
META = "meta.json"

# Marginal-probability thresholds for cue and content tokens; 0.5 and above means "use the
# Viterbi labels". The trained values are in meta.json (chosen on dev, see the report).
DEFAULT_THRESHOLD = 0.5


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


class CrfModel:
    """The cue and role CRFs, with the settings of their meta.json."""

    def __init__(self, model_dir: Path = MODEL_DIR):
        try:
            import pycrfsuite
        except ImportError as exc:  # pragma: no cover - a broken install
            raise ModelError("python-crfsuite is not installed (pip install python-crfsuite==0.9.12)") from exc
        cue_path, role_path = model_dir / CUE_MODEL, model_dir / ROLE_MODEL
        for p in (cue_path, role_path):
            if not p.exists():
                raise ModelError(f"attribution model missing: {p} (run `veracity train attribution`)")
            verified_model_file(p)  # the shipped folder's files against models/SHA256SUMS
        if (model_dir / META).exists():
            verified_model_file(model_dir / META)
        self.meta = json.loads((model_dir / META).read_text(encoding="utf-8")) if (model_dir / META).exists() else {}
        self.cue_tagger = pycrfsuite.Tagger()
        self.cue_tagger.open(str(cue_path))
        self.role_tagger = pycrfsuite.Tagger()
        self.role_tagger.open(str(role_path))
        self.cue_threshold = float(self.meta.get("cue_threshold", DEFAULT_THRESHOLD))
        self.content_threshold = float(self.meta.get("content_threshold", DEFAULT_THRESHOLD))
        self.confirm_threshold = float(self.meta.get("confirm_threshold", 1.0))
        # How ``extractors.CrfExtractor`` combines the rules with these relations.
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

    def relations(self, doc: Any, info: DocInfo | None = None,
                  cues: list[tuple[list[int], float]] | None = None) -> list[RawRelation]:
        """The CRFs' relations of ``doc`` (no rules); ``cues`` (token runs, probability) replace
        the cue CRF's when given."""
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
            source_run = nearest_run(token_runs(src), cue)
            if source_run and self.trim_sources:
                source_run = trim_source(doc, source_run)
            rels.append(RawRelation(
                source=(run_span(doc, source_run),) if source_run else (),
                cue=tuple(run_span(doc, r) for r in token_runs(cue)),
                content=content,
                cue_tokens=tuple(cue),
                source_tokens=tuple(source_run or ()),
            ))
        return rels

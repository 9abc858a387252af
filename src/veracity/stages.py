"""The one place stages are registered, by versioned name, with what they need and add and the
settings they take (``default_config``: each setting's one default; its type is the default's).

Which stages run, and with which settings, is data: the profiles in ``veracity/profiles/``.
Settings are set per stage in a profile or ``Options.stage_config`` and checked when a pipeline
is built; options shared by several stages or set per run (``batch_size``, ``reference_date``,
``checkworthy_threshold``, ``evidence_db``, ``top_k_evidence``) stay :class:`Options` fields.
Factories import their modules lazily so that a run loads only the models it uses.
Facets: ``article`` (always), ``doc`` (the spaCy parse, runtime only), ``paragraphs``,
``sentences``, ``entities``, ``claims``, ``claims.<field>`` for a field a stage fills on
every claim, ``attributions``, ``summary``.
"""

from __future__ import annotations

from .options import Options
from .pipeline import Registry

REGISTRY = Registry()


def _text(options: Options):
    from .text.stage import SpacyText

    return SpacyText(options)


# A claim per statement: a sentence with two clauses of its own ("..., while Poland would send
# 400") makes two claims (claims.clauses); False keeps one claim per sentence.
CLAIMS_CONFIG = {"clauses": True}


def _claims(options: Options, *, clauses: bool):
    from .claims.extract import ClaimExtractor

    return ClaimExtractor(options, clauses=clauses)


# The dossier scores every claim of every article, so its check-worthiness model is the student
# cascade: the reasons and figures are at claims.checkworthy.STAGE_VARIANT, which equals this
# (a test checks). `veracity checkworthy` sets "transformer" (profiles/checkworthy.toml).
CHECKWORTHY_CONFIG = {"model": "student-cascade"}


def _checkworthy(options: Options, *, model: str):
    from .claims.checkworthy import CheckworthyStage

    # The stage reads its model from Options.extra ("checkworthy_model", name), an older way to
    # choose it (models/checkworthy/TRAINING_REPORT.md) that still wins over the setting.
    if "checkworthy_model" not in dict(options.extra):
        options = options.replace(extra=tuple(options.extra) + (("checkworthy_model", model),))
    return CheckworthyStage(options)


def _attribution_rules(options: Options):
    from .attribution.stage import RuleAttributor

    return RuleAttributor(options)


def _attribution_learned(options: Options):
    from .attribution.stage import LearnedAttributor

    return LearnedAttributor(options)


def _attribution_tagger(options: Options):
    from .attribution.stage import TaggerAttributor

    return TaggerAttributor(options)


def _verify(options: Options):
    from .verify.stage import VerifyStage

    return VerifyStage(options)


def _corroborate(options: Options):
    from .analysis import analyze_article
    from .corroborate.engine import CorroborateStage

    # Reports the claim links to are analysed by the same pipeline (less corroboration):
    # injected here, where stages are composed, so corroborate never reaches up into analysis.
    return CorroborateStage(options, analyse=analyze_article)


def _summary(options: Options):
    from .claims.article_summary import summarise

    return summarise


ATTRIBUTION = {"attributions", "claims.attribution"}

REGISTRY.add("text.spacy.v1", _text, needs={"article"}, adds={"doc", "paragraphs", "sentences", "entities"},
             doc="The pinned spaCy parse (Options.batch_size when piped): paragraphs, sentences, entities.")
REGISTRY.add(
    "claims.extract.v1", _claims, needs={"doc", "sentences", "entities"}, default_config=CLAIMS_CONFIG,
    adds={"claims", "claims.entities", "claims.quantities", "claims.dates", "claims.places", "claims.modality", "claims.frames"},
    doc="A claim per statement (a sentence, or each of its clauses that states something of its own: `clauses`) with quantities, dates (against Options.reference_date), places, modality, frames.",
)
REGISTRY.add("claims.checkworthy.v1", _checkworthy, needs={"claims"}, adds={"claims.checkworthiness"},
             default_config=CHECKWORTHY_CONFIG,
             doc="Check-worthiness score and flag per claim; `model` is any of claims.checkworthy.ALL_VARIANTS, "
                 "the threshold Options.checkworthy_threshold (None: the model's own).")
REGISTRY.add("attribution.rules.v1", _attribution_rules, needs={"doc", "sentences", "claims"}, adds=ATTRIBUTION,
             doc="Attribution by the rules alone: line patterns, noun cues before a colon, reporting verbs, 'citing'.")
REGISTRY.add("attribution.learned.v1", _attribution_learned, needs={"doc", "sentences", "claims"}, adds=ATTRIBUTION,
             doc="Learned attribution: cue and role CRFs trained on PolNeAR, rule-based source typing and chains.")
REGISTRY.add("attribution.tagger.v1", _attribution_tagger, needs={"doc", "sentences", "claims"}, adds=ATTRIBUTION,
             doc="Attribution with a fine-tuned MiniLM cue/source/content tagger (int8 ONNX) + the CRFs and rules.")
REGISTRY.add("verify.v1", _verify, needs={"claims"}, adds={"claims.verdict"},
             doc="Verdicts with cited evidence from the evidence index (Options.evidence_db, Options.top_k_evidence).")
REGISTRY.add("corroborate.v1", _corroborate, needs={"claims", "attributions"}, adds={"claims.corroboration"},
             doc="Corroborate claims against the evidence index (Options.evidence_db).")
REGISTRY.add("summary.v1", _summary, needs={"claims", "attributions"}, adds={"summary"},
             doc="The dossier's summary: claims and check-worthy claims, modality and source-type counts, unnamed share, longest chain.")

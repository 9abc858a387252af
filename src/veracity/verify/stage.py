"""Stage ``verify.v1``: a verdict with cited evidence for each check-worthy claim.

Reads ``options.evidence_db`` (an index built by ``veracity index``; falls back to
``options.db_path``, the shared store). Without an index the stage adds a warning and no
verdicts rather than failing the whole analysis. Claims verified: the check-worthy ones, or
every claim when no check-worthiness score was computed (all zero). The article itself, if it
is in the index (same id or same text), is never cited as evidence for its own claims.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from ..records import Claim, Dossier
from ..options import Options
from .claimed import checked, reports_speech, what_is_claimed
from .engine import ClaimQuery, Verifier
from .origin import article_relays, claim_origins, dateline_outlet
from .parties import acting_names
from .reading import read


def query(dossier: Dossier, claim: Claim) -> ClaimQuery:
    """What the claim asserts (its content, without who says so), with its article's date and
    the origins its attribution chain names."""
    claimed = what_is_claimed(dossier.article.text, claim, dossier.attributions)
    # A party's own plan or stance ("Bangladesh plans to send ...") names no one who reported it:
    # only attributions of speech give origins.
    attrs = [a for i in claim.attribution_ids if (a := dossier.attribution(i)) and reports_speech(a, claim)]
    if not attrs:
        attrs = _carried_over(dossier, claim)
    # The claim's own chain, and every outlet the article credits anywhere: a later sentence
    # ("the diplomat added") rests on the outlet named once at the top ("a diplomat quoted by
    # Baltic News Wire"). Counting too few independent lines is the safe mistake.
    outlet = dossier.article.outlet or dateline_outlet(dossier.article.text)
    origins = {o.key: o for o in claim_origins(attrs, outlet)}
    for o in claim_origins(dossier.attributions):
        if o.key.startswith("outlet:"):
            origins.setdefault(o.key, o)
    # ... and the outlets it names as relays the attribution stage keeps no link for: the
    # audience of "a nurse told the Winnipeg Standard", "officials quoted by the Daily Mombasa".
    for o in article_relays(dossier.article.text):
        origins.setdefault(o.key, o)
    parties = acting_names(read(claimed.text, dossier.article.published)) if origins else ()
    return ClaimQuery(claimed.text, claimed.pieces[0].start if claimed.pieces else claim.span.start, claimed,
                      dossier.article.published, tuple(origins.values()), claim.span, parties, dossier.article.text)


def _carried_over(dossier: Dossier, claim: Claim) -> list:
    """The speech attributions of the article's first sentence, for the second when it names no
    one and is in the same paragraph: "..., Labour Minister Ruwan Jayasekara announced on Monday. The agreement
    covers about 160,000 workers" gives the minister's figures. Another outlet quoting the
    minister is then an echo, not a second line; counting too few lines is the safe mistake."""
    k = claim.sentence_index
    # The lead's only: the sentence after it goes on with the announcement the lead reports,
    # where a later sentence after "..., according to port authority figures" is often background.
    if k != 1 or k >= len(dossier.sentences) or dossier.sentences[0].paragraph != dossier.sentences[1].paragraph:
        return []
    ids = dict.fromkeys(i for c in dossier.claims if c.sentence_index == k - 1 for i in c.attribution_ids)
    return [a for i in ids if (a := dossier.attribution(i)) and reports_speech(a)
            and any(_ANNOUNCING.search(c.text) for c in a.cue)]


# Cues of an announcement whose details the next sentence may go on with ("have agreed" is the
# parties' deed, not an announcement: "Guinea and Mali have agreed to set up a committee ...").
_ANNOUNCING = re.compile(r"\b(?:said|says|announced|announces|told|tells|reported|reports|stated|confirmed|according to|"
                         r"disclosed|revealed|unveiled)\b", re.IGNORECASE)


class VerifyStage:
    def __init__(self, options: Options):
        self.db = options.evidence_db or options.db_path
        self.k = options.top_k_evidence
        self.verifier: Verifier | None = None
        if self.db and Path(self.db).exists():
            from ..retrieval.index import EvidenceIndex

            self.verifier = Verifier(EvidenceIndex(self.db), k=self.k)

    def __call__(self, dossier: Dossier) -> Dossier:
        if self.verifier is None:
            return dossier.with_(warnings=dossier.warnings + (f"verify.v1: no evidence index ({self.db or 'none given'}); build one with `veracity index`",))
        index = self.verifier.index
        if index.is_empty():
            return dossier.with_(warnings=dossier.warnings + (f"verify.v1: the evidence index in {self.db} is empty; add documents with `veracity index`",))
        same = index.id_of_text(dossier.article.text)
        exclude = [dossier.article.id] + ([same] if same else [])
        claims = dossier.claims
        chosen = checked(claims)
        verdicts = self.verifier.verify([query(dossier, claims[i]) for i in chosen], exclude=exclude)
        out = list(claims)
        for i, v in zip(chosen, verdicts):
            out[i] = dataclasses.replace(out[i], verdict=v)
        return dossier.with_(claims=tuple(out))

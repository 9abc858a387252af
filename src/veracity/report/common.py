"""What every human-readable report shows, computed once: claim rows and sources by type."""

from __future__ import annotations

from ..records import Attribution, Claim, Dossier

SOURCE_TYPE_LABELS = {
    "person": "Named person",
    "official": "Official (by office)",
    "organisation": "Named organisation",
    "outlet": "News outlet",
    "anonymous": "Anonymous",
    "document": "Document",
    "pronoun": "Pronoun",
    "none": "No source",
}

# Order in which a reader wants to see source types: the weakest sourcing last is the
# convention of standards desks, but anonymous first draws the eye to what needs checking.
SOURCE_TYPE_ORDER = ("anonymous", "pronoun", "none", "outlet", "organisation", "official", "person", "document")


def _fmt_number(v: float) -> str:
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


def quantity_text(q) -> str:
    qual = "" if q.qualifier in ("=", None) else q.qualifier + " "
    rng = f"–{_fmt_number(q.value_max)}" if q.value_max is not None else ""
    return f"{qual}{_fmt_number(q.value)}{rng}{' ' + q.unit if q.unit else ''}"


# Past this many member countries a region's code list stops being readable in a table cell.
MAX_CODES_SHOWN = 6


def place_text(p) -> str:
    if len(p.codes) > MAX_CODES_SHOWN:
        codes = f"{len(p.codes)} countries"
    else:
        codes = ",".join(p.codes) if p.codes else "?"
    return f"{p.span.text} [{codes}{' ' + p.qualifier if p.qualifier else ''}]"


def chain_text(a: Attribution) -> str:
    if not a.chain:
        return ""
    return " → ".join(f"{link.span.text} ({link.source_type})" for link in a.chain)


def claim_sources(d: Dossier, c: Claim) -> list[Attribution]:
    return [a for i in c.attribution_ids if (a := d.attribution(i))]


def claim_rows(d: Dossier) -> list[dict]:
    """Claims ranked for a reader: check-worthy first, then by score, then in article order."""
    rows = []
    for i, c in enumerate(d.claims):
        atts = claim_sources(d, c)
        rows.append({
            "i": i,
            "claim": c,
            "score": c.checkworthiness,
            "modality": c.modality.label if c.modality else "",
            "modality_cues": ", ".join(x.text for x in c.modality.cues) if c.modality else "",
            "quantities": [quantity_text(q) for q in c.quantities],
            "places": list(dict.fromkeys(place_text(p) for p in c.places)),
            "dates": [f"{x.span.text} → {x.value}" if x.value else x.span.text for x in c.dates],
            "frames": [frame_parts(f) for f in c.frames],
            "sources": [{"text": " … ".join(s.text for s in a.source) or "(none)", "type": a.source_type,
                         "entity": a.source_entity, "chain": chain_text(a)} for a in atts],
            "verdict": c.verdict,
            "corroboration": c.corroboration,
        })
    rows.sort(key=lambda r: (not r["claim"].checkworthy, -r["score"], r["i"]))
    return rows


# A frame role longer than this is a clause, not a phrase; a reader needs only its start.
ROLE_CHARS = 70


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= ROLE_CHARS else text[: ROLE_CHARS - 1] + "…"


def frame_parts(f) -> list[tuple[str, str]]:
    """A frame as (role, phrase) pairs in reading order: who, does what, to what, how many, where, when."""
    parts = []
    if f.agent:
        parts.append(("who", _short(f.agent.text)))
    parts.append(("does", ("not " if f.negated else "") + f.lemma))
    if f.patient:
        parts.append(("what", _short(f.patient.text)))
    if f.quantity and not (f.patient and f.patient.contains(f.quantity)):
        parts.append(("how many", _short(f.quantity.text)))
    if f.location:
        parts.append(("where", _short(f.location.text)))
    if f.time:
        parts.append(("when", _short(f.time.text)))
    parts += [(role, _short(span.text)) for role, span in f.extra]
    return parts


def frame_text(f) -> str:
    return " · ".join(f"{role}: {text}" for role, text in frame_parts(f))


def source_groups(d: Dossier) -> list[dict]:
    groups: dict[str, list[dict]] = {}
    for a in d.attributions:
        claims = [k + 1 for k, c in enumerate(d.claims) if a.id in c.attribution_ids]  # numbered as in the claims table
        groups.setdefault(a.source_type, []).append({
            "source": " … ".join(s.text for s in a.source) or "(no source)",
            "entity": a.source_entity,
            "cue": " … ".join(s.text for s in a.cue),
            "chain": chain_text(a),
            "claims": claims,
        })
    order = {t: i for i, t in enumerate(SOURCE_TYPE_ORDER)}
    return [{"type": t, "label": SOURCE_TYPE_LABELS.get(t, t), "items": items}
            for t, items in sorted(groups.items(), key=lambda kv: order.get(kv[0], 99))]

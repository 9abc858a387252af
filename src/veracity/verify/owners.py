"""Whose figures: two figures of one counted noun are two quantities, not a conflict, when they are
two years', two countries', two companies' or a member's and its group's, or when the evidence's
figure belongs to a party or place the claim's article never names (another story). The number
check's gates (:mod:`veracity.verify.contradiction`)."""

from __future__ import annotations

import re

from ..claims.places import is_place_name, resolve_demonym, resolve_name
from ..records import Check
from .counted import figure_places, owner_names
from .origin import PRESS_WORDS
from .parties import GENERIC, children, surface
from .reading import PERIOD_END, Reading, read
from .when import event_years
from .ruled_out import MAX_GROUP_CODES


# A period's end with its year: "in the fiscal year to March 2025", "the nine months ended
# September 2026" (its year is the figure's year).
_PERIOD_YEAR = re.compile(PERIOD_END + r"[^.;]{0,14}?\b\d{4}\b", re.IGNORECASE)


# "in fiscal 2026", "the 2025 financial year": a year that is a period of account.
_FISCAL = re.compile(r"\b(?:fiscal|financial)\s+(?:year\s+)?\d{4}\b|\b\d{4}\s+(?:fiscal|financial)\s+year\b", re.IGNORECASE)


def _period_end(r: Reading, d) -> bool:
    around = r.text[max(0, d.span.start - 20):d.span.end + 16]
    return bool(_PERIOD_YEAR.search(r.text[max(0, d.span.start - 20):d.span.end]) or _FISCAL.search(around))


def other_periods(cr: Reading, er: Reading) -> bool:
    """Both sides end the period their figure covers, in different years."""
    a = {d.value[:4] for d in cr.dates if d.value and _period_end(cr, d)}
    b = {d.value[:4] for d in er.dates if d.value and _period_end(er, d)}
    return bool(a and b and not a & b)


def other_years(cr: Reading, er: Reading) -> bool:
    """Each side names the year its figures are for, and never the same one: "will limit rice
    exports to 7.5 million tonnes this year" (2026) / "Outbound shipments of rice for the whole
    of 2025 came to 8.2 million tonnes" are two years' figures."""
    a = {d.value[:4] for d in cr.dates if d.value and (d.granularity == "year" or _period_end(cr, d))}
    b = {d.value[:4] for d in er.dates if d.value and (d.granularity == "year" or _period_end(er, d))}
    if a and b:
        return not (a & b)
    # A figure dated to a year before the other side was published, against an undated one: a
    # past year's figure and a current one ("In 2018, another company lost nearly 700,000 fish" /
    # "roughly 140,000 fish had escaped", published 2026).
    # ... or ends a period ("revenue of 7,150 crore rupees for the fiscal year ended March 2025").
    ya = {d.value[:4] for d in cr.dates if d.value and _period_end(cr, d)} | event_years(cr, dated_only=True) | _when_years(cr) | _season_years(cr)
    yb = {d.value[:4] for d in er.dates if d.value and _period_end(er, d)} | event_years(er, dated_only=True) | _when_years(er) | _season_years(er)
    if ya and yb:  # "froze university funding in 2024" / "falling by 4 per cent in the 2026-27 fiscal year"
        return not ya & yb
    if ya and not yb and er.published:
        return max(ya) < er.published[:4]
    if yb and not ya and cr.published:
        return max(yb) < cr.published[:4]
    return False


# A figure for a month: "pumped an average of 148,000 barrels a day in May".
_IN_MONTH = re.compile(r"\b(?:in|for|during|over)\s+(?:the\s+month\s+of\s+)?$", re.IGNORECASE)


def other_months(cr: Reading, er: Reading) -> bool:
    """Each side gives its figures for a month ("in May" / "in April"), never the same one: two
    months' figures ("pumped an average of 148,000 barrels a day in May" / "produced an average
    of 141,000 barrels a day in April"), however alike the rest."""
    def months(r: Reading) -> set[str]:
        return {d.value[5:7] for d in r.dates if d.granularity == "month" and d.value and len(d.value) >= 7
                and _IN_MONTH.search(r.text[max(0, d.span.start - 20):d.span.start])}
    a, b = months(cr), months(er)
    return bool(a and b) and not a & b and bool(cr.quantities and er.quantities)


# A year a clause of its own dates: "The standoff recalls March 2020, when tens of thousands of
# people tried to enter Greece": the figure is that year's.
_WHEN_CLAUSE = re.compile(r"\b((?:19|20)\d\d),\s+when\b")


def _when_years(r: Reading) -> set[str]:
    return set(_WHEN_CLAUSE.findall(r.text))


# A season or fiscal year written across two years: "exported 9.6 million tonnes of grain and
# flour in the 2024/25 season" is the figure of 2024 and 2025, which the date parser leaves out.
_SEASON = re.compile(r"\b((?:19|20)\d\d)[/\u2013-](\d\d)\b(?!\d)")


def _season_years(r: Reading) -> set[str]:
    return {y for m in _SEASON.finditer(r.text) for y in (m.group(1), m.group(1)[:2] + m.group(2))}


# A place the sentence itself says is another than the story's: "In neighbouring Cologne, police
# recorded 388 such accidents last year" (the story is Dusseldorf's).
_NEIGHBOURING = re.compile(r"\b(?:neighbouring|neighboring|nearby|rival)\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")


def elsewhere(cr: Reading, er: Reading) -> bool:
    """The evidence's figures are a neighbouring place's the claim does not name."""
    return any(m.group(1) not in cr.text for m in _NEIGHBOURING.finditer(er.text))


def other_countries(cr: Reading, er: Reading) -> bool:
    """One side names the country that acts (its subject), the other names countries too, and
    neither names any of the other's: two countries' figures. "Peru will allow its fleet to catch 2.4 million tonnes of anchovy" /
    "Chile's fisheries authority set the 2026 anchovy quota ... at 780,000 tonnes" are two
    countries' figures, whatever verb carries them."""
    a_all, b_all = _all_countries(cr), _all_countries(er)
    # The acting country of one side named on the other only as a neighbour ("The Far North
    # region, which borders Nigeria and Chad, ... with 4.9 million people" / "Chad's national
    # statistics agency said ... its 2025 census had counted 19.3 million residents").
    for one, other in ((cr, er), (er, cr)):
        if (acting := _subject_countries(other)) and acting <= _neighbours(one):
            return True
    return bool(a_all and b_all and (_subject_countries(cr) or _subject_countries(er))) and not (a_all & b_all)


_BORDERING = re.compile(r"\b(?:border(?:s|ing|ed)?|neighbou?r(?:s|ing)?|adjoin(?:s|ing)?)\s+(?:the\s+)?"
                        r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?:,\s+|\s+and\s+))*$")


def _neighbours(r: Reading) -> set[str]:
    """Countries a sentence names only as what a place borders."""
    near = {c for p in r.places if _BORDERING.search(r.text, max(0, p.span.start - 60), p.span.start) for c in p.codes}
    return near - {c for p in r.places if not _BORDERING.search(r.text, max(0, p.span.start - 60), p.span.start) for c in p.codes}


# Who reported it, at the end: "..., *Poland's Gazeta Wieczorna* reported on Wednesday, quoting a
# senior European diplomat" names the outlet's country, not one the story is about.
# ... or at the start: "*France's L'Horizon reported on Monday that* European governments ...".
_REPORTED_LEAD = re.compile(r"[^,]{2,80}?\b(?:reported|said|wrote)\b(?:\s+on\s+\w+)?\s+that\s+")
_REPORTED_TAIL = re.compile(r",\s+[^,]{2,80}?\b(?:reported|said|told|wrote)(?:\s+\w+)?(?:\s+on\s+\w+)?"
                            r"(?:,\s+(?:citing|quoting)\b[^.]*)?\.?\s*$")


# A nationality ("The captain, a Montenegrin national named Darko Vukic, will serve 12 years"):
# whose citizen a person is, not a country that acts or where it happens.
_NATIONALITY_AFTER = re.compile(r"\s+(?:nationals?|citizens?|passport\s+holders?)\b", re.IGNORECASE)


def _nationality(r: Reading, sp) -> bool:
    return bool(_NATIONALITY_AFTER.match(r.text, sp.end))


def _all_countries(r: Reading) -> set[str]:
    """Every country a sentence names outside its reporting tail: its places, alone or in a
    small group, and its nationalities ("Nordic governments" holds Norway, "Kenyan regulators"
    Kenya)."""
    tail, lead = _REPORTED_TAIL.search(r.text), _REPORTED_LEAD.match(r.text)
    start, end = (lead.end() if lead else 0), (tail.start() if tail else len(r.text))
    out = {c for p in r.places if len(p.codes) <= MAX_GROUP_CODES and start <= p.span.start < end and not _nationality(r, p.span)
           for c in p.codes}
    for e in r.entities:
        if e.label == "NORP" and start <= e.span.start < end and (d := resolve_demonym(e.span.text)) is not None and len(d[1]) <= MAX_GROUP_CODES \
                and not _nationality(r, e.span):
            out |= set(d[1])
    return out


def _subject_countries(r: Reading) -> set[str]:
    """Countries named before the sentence's main verb (its subject: "Peru will allow", "Chile's
    fisheries authority set"), not where the action goes ("send troops to Bosnia")."""
    root = next((t[0] for t in r.tree if t[0] == t[4] and t[2] in ("VERB", "AUX")), None)
    if root is None:
        return set()
    return {p.codes[0] for p in r.places if len(p.codes) == 1 and p.span.end <= root and p.kind in ("country", "demonym")
            and not _nationality(r, p.span)}


_POSSESSIVE_NAME = re.compile(r"\b([A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})(?:'s|\u2019s)\s+(?:[a-z-]+\s+){0,2}(?:costs?|bills?|revenues?|sales|profits?|"
                              r"losses|output|production|budget|spending|savings|earnings|income|debts?|exports?|imports?)\b")


def other_companies(cr: Reading, er: Reading) -> bool:
    """The claim's figure is a named party's own ("will cut Kinkai's fuel costs by about 7
    billion yen a month") and the evidence, naming another organisation (not a news outlet),
    never names that party ("Setouchi Electric Power said ... its restarted Hamada reactor was
    saving it about 3 billion yen a month"): another company's figure."""
    owners = {m.group(1) for m in _POSSESSIVE_NAME.finditer(cr.text) if not is_place_name(m.group(1))}
    if not owners or any(re.search(r"\b" + re.escape(o) + r"\b", er.text) for o in owners):
        return False
    others = [e for e in er.entities if e.label == "ORG" and e.span.text not in owners
              and not ({w for w in re.findall(r"[a-z]+", e.span.text.lower())} & PRESS_WORDS)]
    return bool(others)


# A count over the whole country: "any of our 112 stores nationwide" holds "its 68 stores in the
# South Island".
_NATIONWIDE = re.compile(r"\b(?:nationwide|countrywide|nationally|across the (?:country|nation)|"
                         r"(?:all )?over the country|throughout the country|in the whole country)\b", re.IGNORECASE)


_GROUP_SUBJECT = re.compile(r"\s*(?:(?:[Ss]everal|[Ss]ome|[Aa]\s+group\s+of|[Aa]\s+number\s+of|[Aa]\s+coalition\s+of|[Tt]he|\d+|"
                            r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[A-Z][\w-]+)\s+){0,4}"
                            r"(?:countries|nations|states|allies|governments|members|partners|navies|armies)\b")


def _group_subject(r: Reading) -> bool:
    """A group of countries acts, first or in what is reported ("France's L'Horizon reported on
    Monday that European governments were planning ...")."""
    lead = _REPORTED_LEAD.match(r.text)
    return bool(_GROUP_SUBJECT.match(r.text) or (lead and _GROUP_SUBJECT.match(r.text, lead.end())))


_SAYING = frozenset("say tell announce confirm state add report".split())


_OWN_SHARE = re.compile(r"\b(?:of|from)\s+its\s+own\b", re.IGNORECASE)


def _main_verbs(r: Reading) -> list[tuple]:
    """The sentence's main verb, or what its verb of saying reports ("Norway said the Nordic
    governments would send ...": who says is not who sends), with its clausal complements."""
    root = next((t for t in r.tree if t[0] == t[4]), None)
    if root is None:
        return []
    said = [t for t in r.tree if t[4] == root[0] and t[3] == "ccomp"]
    return said if root[1] in _SAYING and said else [root] + said


def _country_subject(r: Reading) -> set[str]:
    """The country that is the subject of the sentence's main verb, or of what its verb of saying
    reports ("France is prepared to commit ...", "..., Poland's defence minister said Poland would send")."""
    verbs = _main_verbs(r)
    subjects = [t for t in r.tree for v in verbs if t[4] == v[0] and t[3] in ("nsubj", "nsubjpass")]
    return {p.codes[0] for p in r.places for t in subjects
            if p.kind == "country" and len(p.codes) == 1 and p.span.start <= t[0] < p.span.end}


# Nouns of a whole force several parties make up.
FORCE_NOUNS = frozenset("force brigade mission contingent coalition operation task-force".split())


def _force_subject(r: Reading) -> bool:
    """The main verb's subject is a whole force ("the alliance's unified brigade would have ...")."""
    return any(t[3] in ("nsubj", "nsubjpass") and t[1] in FORCE_NOUNS and t[2] == "NOUN"
               for t in r.tree for v in _main_verbs(r) if t[4] == v[0])


def _acting_country(r: Reading) -> set[str]:
    """The single country that is the subject of the main verb, tagged as a place or not ("Burkina
    Faso would contribute ...": a short sentence the tagger reads no place in)."""
    if found := _country_subject(r):
        return found
    verb = next((t for t in r.tree if t[2] in ("VERB", "AUX")), None)
    hit = resolve_name(r.text[:verb[0]].strip().removesuffix(" would").removesuffix(" will")) if verb else None
    return set(hit[1]) if hit is not None and hit[2] == "country" else set()


def _member_and_force(one: Reading, force: Reading) -> bool:
    """A country's share and the size of a whole force of others too: not "The Kenyan force" (its own)."""
    member = _acting_country(one)
    return bool(member) and _force_subject(force) and not member & {c for p in force.places for c in p.codes}


def _subject_group(r: Reading) -> set[str]:
    """The countries inside the main verb's subject ("*Morocco, Rwanda and Senegal* would send",
    "*About 350 instructors from Morocco, Rwanda and Senegal* will help"), or of what a verb of
    saying reports."""
    verbs = _main_verbs(r)
    if not verbs:
        return set()
    kids = children(r)

    def coordinated(t: tuple) -> list[tuple]:  # t and what "and" / "," joins to it
        out, todo = [], [t]
        while todo:
            x = todo.pop()
            out.append(x)
            todo += [k for k in kids.get(x[0], []) if k[3] == "conj"]
        return out

    heads: list[tuple] = []
    for t in r.tree:
        if t[3] in ("nsubj", "nsubjpass") and any(t[4] == v[0] for v in verbs):
            heads += coordinated(t)
            # "About 350 instructors *from* Morocco, Rwanda and Senegal"
            heads += [c for p in kids.get(t[0], []) if p[3] == "prep" and p[1] == "from"
                      for g in kids.get(p[0], []) if g[3] == "pobj" for c in coordinated(g)]
    return {p.codes[0] for p in r.places if p.kind == "country" and len(p.codes) == 1
            and any(p.span.start <= h[0] < p.span.end for h in heads)}


def _within_country(r: Reading) -> bool:
    """A place inside a country: a town, a region or a name the tables do not know, not a country
    or a group of them."""
    return any(p.kind in ("city", "unknown") or (p.kind not in ("country", "demonym") and not p.codes) for p in r.places)


_PLACE_TOTAL = re.compile(r"\b(?:output|production|exports|imports|shipments)\s+(?:in|from|of)\s+(?:the\s+)?(?:[A-Z][\w-]+|province|region|state|country)")


def _company_and_place(company: Reading, place: Reading) -> bool:
    """``company``'s subject is a name (no country's) ``place`` never gives, and ``place``'s subject
    is a place's whole output."""
    proot = next((t[0] for t in place.tree if t[0] == t[4]), None)
    m = _PLACE_TOTAL.search(place.text)
    if m is None or proot is None or m.start() > proot:
        return False
    root = next((t for t in company.tree if t[0] == t[4]), None)
    subj = next((t for t in company.tree if root is not None and t[4] == root[0] and t[3] == "nsubj" and t[2] == "PROPN"), None)
    if subj is None:
        return False
    name = company.text[subj[0]:].split()[0].strip(",.;'’")
    country = any(p.span.start <= subj[0] < p.span.end and p.kind in ("country", "region") for p in company.places)
    return not country and name not in place.text


def part_and_whole(cr: Reading, er: Reading) -> bool:
    """One side counts over the whole country and the other in a place within it, or one side's
    acting party is a country and the other's a group holding it: a member's share and the
    group's total ("Sweden would provide ... about 400 soldiers" / "Nordic countries are
    getting ready to deploy roughly 900 soldiers") are two figures, not one."""
    def named(r: Reading) -> tuple[set[str], list[set[str]]]:
        single = {p.codes[0] for p in r.places if len(p.codes) == 1}
        groups = [set(p.codes) for p in r.places if 1 < len(p.codes) <= MAX_GROUP_CODES]
        return single, groups

    if (_NATIONWIDE.search(er.text) and _within_country(cr)) or (_NATIONWIDE.search(cr.text) and _within_country(er)):
        return True
    # "European countries are planning to send about 10,000 troops" / "France is prepared to
    # commit some 2,500 military personnel": the group's total and one member's share.
    if (_group_subject(cr) and _country_subject(er) - _all_countries(cr)) or \
            (_group_subject(er) and _country_subject(cr) - _all_countries(er)):
        return True
    # ... or several named countries and one's "own troops" ("Egypt, Jordan and the United Arab
    # Emirates are preparing to send about 6,000 troops" / "the kingdom was prepared to commit about
    # 2,000 of its own troops").
    if (_OWN_SHARE.search(er.text) and len(_subject_countries(cr)) >= 2) or (_OWN_SHARE.search(cr.text) and len(_subject_countries(er)) >= 2):
        return True
    # ... or a country's contribution and the size of the whole force ("Burkina Faso would
    # contribute about 2,500 troops" / "the alliance's unified brigade would have about 4,000
    # soldiers at full strength").
    if _member_and_force(cr, er) or _member_and_force(er, cr):
        return True
    # ... or a company's output and a place's ("Cordillera ... pumped an average of 148,000 barrels a
    # day" / "Crude output in Neuquen averaged roughly 612,000 barrels a day").
    if _company_and_place(cr, er) or _company_and_place(er, cr):
        return True
    # ... or one of them alone ("Morocco would provide about 200 instructors, Rwanda 100 and Senegal
    # 50" / "Morocco, Rwanda and Senegal would send some 350 instructors").
    for one, many in ((cr, er), (er, cr)):
        group, member = _subject_group(many), _country_subject(one)
        # (the group's side gives one figure for them all, not one each)
        if len(group) >= 2 and len(many.quantities) == 1 and member and member <= group and len(_subject_group(one)) < len(group):
            return True
    (sa, ga), (sb, gb) = named(cr), named(er)
    if sa & sb:
        return False
    return (bool(sa) and not ga and any(sa <= g for g in gb)) or (bool(sb) and not gb and any(sb <= g for g in ga))


_NAME_WORD_SPLIT = re.compile(r"[\w-]+")


def _in_story(name: str, article: str) -> bool:
    """The article names the party: its first distinctive word ("Kriti" of "Kriti Lines", not
    "Lines", which "Aegean Blue Lines" has too)."""
    words = [w for w in _NAME_WORD_SPLIT.findall(name.lower()) if w not in GENERIC and w not in PRESS_WORDS and len(w) > 2]
    return not words or re.search(r"\b" + re.escape(words[0]) + r"\b", article) is not None


def outside_story(check: Check, er: Reading, article: str) -> bool:
    """Every evidence figure of a number check belongs to a party or place the claim's article
    never names: "About 800 workers at the smaller Loma Roja mine stopped work" is no count of
    the Cerro Plomo strike, "Kriti Lines will raise fares ... by 7%" no rise of Aegean Blue's."""
    figures = [q for q in er.quantities if any(q.span.start == sp.start for sp in check.evidence)]
    owners = [owner_names(er, q) for q in figures]
    if bool(figures) and all(o and not any(_in_story(n, article) for n in o) for o in owners):
        return True
    # ... or is in a country the article never names: "about 280 Austrian soldiers with the
    # NATO-led KFOR force in Kosovo" in a story about a force for Moldova.
    if figures and all((ps := [p for p in figure_places(er, q) if p.kind == "country"]) and not any(_in_story(p.span.text, article) for p in ps)
                       for q in figures):
        return True
    # ... or counts a kind of thing the article never names: "500,000 doses of seasonal
    # influenza vaccine" in a story about a pneumococcal vaccine.
    return bool(figures) and all((kinds := _kinds_counted(er, q)) and not any(_in_story(k, article) for k in kinds) for q in figures)


def _kinds_counted(r: Reading, q) -> list[str]:
    """The words saying what kind of thing a figure counts, from the "of" phrase after its
    noun: "500,000 doses of *seasonal influenza* vaccine" -> ["seasonal", "influenza"]."""
    kids = children(r)
    inside = [t for t in r.tree if q.span.start <= t[0] < q.span.end]
    noun = next((t for t in r.tree if any(i[4] == t[0] for i in inside) and t[2] == "NOUN" and t[0] >= q.span.start), None)
    if noun is None:
        return []
    of = next((k for k in kids.get(noun[0], []) if k[3] == "prep" and k[1] == "of"), None)
    obj = next((k for k in kids.get(of[0], []) if k[3] == "pobj" and k[2] == "NOUN"), None) if of else None
    if obj is None:
        return []
    return [surface(r, k[0]) for k in kids.get(obj[0], []) if k[3] in ("amod", "compound") and k[0] < obj[0]
            and k[2] in ("ADJ", "NOUN") and k[1] not in GENERIC]


# A figure the evidence gives for a party or place the claim's article never names is another
# story's (see _outside_story).
OUTSIDE_STORY = True


STANDS_FOR_A_PARTY = frozenset("company firm group operator bank carrier lender insurer airline maker it they".split())


def titled_elsewhere(cr: Reading, er: Reading, title: str) -> bool:
    """The evidence sentence names no party of its own ("The company has about 5 million active
    users in the country.") and its report's title names only parties the claim's sentence does
    not, while none of the claim's is in the title ("Lakeside Mobile says weekend sign-ups surged"
    for "KiraPay has about 14 million active users"): its figures are that party's."""
    if any(e.label in ("ORG", "PERSON") for e in er.entities):
        return False
    # Only a sentence whose subject stands for a party ("The company has ..."), not one about a
    # thing ("the terminal's capacity would rise to ..." under a ports authority's title).
    verbs = {t[4] for t in er.tree if any(q.span.start <= t[0] < q.span.end for q in er.quantities)}
    by_start = {t[0]: t for t in er.tree}
    for _ in range(4):  # up from the figures to their verbs
        verbs |= {by_start[v][4] for v in verbs if v in by_start and by_start[v][2] not in ("VERB", "AUX")}
    if not any(t[3] == "nsubj" and t[4] in verbs and t[1].lower() in STANDS_FOR_A_PARTY for t in er.tree):
        return False
    named = [e.span.text for e in read(title).entities if e.label in ("ORG", "PERSON")]
    mine = [e.span.text for e in cr.entities if e.label in ("ORG", "PERSON")]
    low, claim = title.lower(), cr.text.lower()
    return bool(named and mine) and not any(_in_story(n, claim) for n in named) and not any(_in_story(n, low) for n in mine)


# Verbs of holding a share: "Song Hong Port Corporation, which holds 51 percent" / "in which it
# holds 49 percent" (Kaiyo Logistics): two holders' stakes in one venture, not one stake twice.
STAKE_VERBS = frozenset("hold own control".split())


def _holder_name(r: Reading, head: tuple) -> set[str]:
    """The words of the one name the holder's head is in (not its conjuncts: "between Song Hong
    Port Corporation ... and Japan's Kaiyo Logistics")."""
    e = next((e for e in r.entities if e.span.start <= head[0] < e.span.end and e.label in ("ORG", "PERSON", "GPE", "NORP")), None)
    return {w.lower() for w in re.findall(r"[A-Za-z][\w-]+", e.span.text) if len(w) > 2} - GENERIC if e else set()


def two_holders(cr: Reading, c_verb: tuple | None, c_agent: tuple | None, er: Reading, e_verb: tuple | None,
                e_agent: tuple | None) -> bool:
    """Percentages held by two named holders: both verbs of holding, and the holders' names share
    no word."""
    if c_verb is None or e_verb is None or c_agent is None or e_agent is None:
        return False
    if c_verb[1] not in STAKE_VERBS or e_verb[1] not in STAKE_VERBS:
        return False
    a, b = _holder_name(cr, c_agent), _holder_name(er, e_agent)
    return bool(a and b) and not a & b

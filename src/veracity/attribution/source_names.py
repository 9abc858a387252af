"""Who a source names: the person, office or group behind its words (for ``source_types``).

Helpers on the spaCy parse of the whole article that :func:`source_types.classify` calls: the
article's entities (one list per document), a token run's head, the entity a token is in; a
person's name as the article gives it (``people``): a longer earlier mention, a title or an
apposition, the person an epithet or a news lead's description stands for; the office a source
is known by; the group of countries whose members speak, or the name an organisation noun
carries. None of them types a source on its own.
"""

from __future__ import annotations

from typing import Any, Sequence

from .people import full_name, people, person_name
from .source_words import (COUNTING_WORDS, COUNTRY_GROUP_CODE, COUNTRY_GROUPS, DEFINITE, DOCUMENT_NOUNS, HUMAN_SENSES,
                           INFORMANT_NOUNS, MEMBER_NOUNS, MEMBER_TITLES, OFFICE_NOUNS, QUANTIFIERS, SPOKES_NOUNS,
                           UNIQUE_OFFICES, UNNAMED_ROLES, VAGUE_MODIFIERS)
from .wordnet import first_classes


def doc_ents(doc: Any) -> list[Any]:
    """doc.ents builds new Span objects on every access; keep one list per doc."""
    cached = doc.user_data.get("veracity_ents")
    if cached is None:
        cached = doc.user_data["veracity_ents"] = list(doc.ents)
    return cached


def span_head(doc: Any, toks: Sequence[int]) -> int:
    ts = set(toks)
    for i in toks:
        if doc[i].head.i not in ts or doc[i].head.i == i:
            return i
    return toks[0]


def ent_of(doc: Any, i: int) -> Any | None:
    tok = doc[i]
    if not tok.ent_type_:
        return None
    for ent in doc_ents(doc):
        if ent.start <= i < ent.end:
            return ent
    return None


def longest_mention(doc: Any, name: str, before: int) -> str:
    """The longest PERSON mention earlier in the article that ends with ``name``'s last word."""
    last = name.split()[-1] if name.split() else name
    best = name
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON" or ent.start_char >= before:
            continue
        words = ent.text.replace("\u2019s", "").replace("'s", "").split()
        if words and words[-1] == last and len(ent.text) > len(best) and len(words) <= 4:
            best = " ".join(words)
    return best


def named_person(doc: Any, head: Any, toks: Sequence[int]) -> str | None:
    """The full name of a person the source names, where the article shows it is a person's:
    "Mr Ebbers", "Lord Nicholls of Birkenhead", a surname it gives in full elsewhere ("Edwards"
    in the headline, "Jonathan Edwards" below), a name in apposition the recogniser missed ("The
    Shadow Secretary of State for the Family, Theresa May,"), or a name anywhere in the source
    that is not a modifier of it ("BIFA founder and director Elliot Grove"; not "a spokesman for
    Mr Blair", not "Lord Scarman's nephew")."""
    if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", ""):
        name = person_name(doc, head)
        if name:
            return name
    for c in head.children:
        if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN":
            name = person_name(doc, c)
            if name:
                return name
    if head.pos_ != "NOUN" or head.lemma_.lower() in DOCUMENT_NOUNS | SPOKES_NOUNS:
        return None  # a list of names ("Britain, France, Gavi and the Gates Foundation") is not one person
    inside = set(toks)
    p = people(doc)
    for m in p.sentences(p.persons, p.sent_of[toks[0]], p.sent_of[toks[-1]]):
        if m.start < toks[0] or m.end > toks[-1] + 1:
            continue
        tok = doc[m.end - 1]
        ok = True
        while tok.i != head.i and tok.i in inside:
            if tok.dep_ in ("pobj", "poss", "dobj", "nmod", "npadvmod") or tok.dep_ == "case":
                ok = False
                break
            tok = tok.head
        if ok and tok.i == head.i:
            return full_name(doc, m.key)
    return None


def described_person(doc: Any, head: Any) -> str | None:
    """The person a description stands for where the article names them beside it: a news lead's
    "his closest associate has told a US court" before "ex-finance chief Scott Sullivan
    implicated ...", or an epithet for the person just named ("the player", "the 26-year-old",
    "the two-time Academy Award winner"). Descriptions news uses for people it keeps unnamed
    ("a senior official", "the minister", "a witness") are left alone."""
    lemma = head.lemma_.lower()
    member = head.lower_ in MEMBER_TITLES  # "The MP, who is consulting his lawyers,"
    if not member and (head.tag_ != "NN" or lemma in UNNAMED_ROLES or lemma in OFFICE_NOUNS or not head.text.islower()):
        return None
    if not member and not (set(first_classes(lemma, "NOUN", HUMAN_SENSES)) & {"n.person"} or lemma in INFORMANT_NOUNS):
        return None
    if any(c.dep_ == "conj" for c in head.children):
        return None
    det = next((c for c in head.children if c.dep_ in ("det", "poss")), None)
    if det is None:
        return None
    p = people(doc)
    here = p.sent_of[head.i]
    if det.lower_ in ("a", "an") or det.dep_ == "poss":
        # cataphora in a news lead: the next sentence names whom the first one described
        if here > 2:
            return None
        seen = {m.key for m in p.sentences(p.persons, 0, here) if m.start < head.i}
        nxt = [m for m in p.sentences(p.persons, here + 1, here + 1)
               if not m.quoted and " " in m.name and m.key not in seen]
        nxt.sort(key=lambda m: (not m.main, m.start))  # its subject, else the first person it names
        if nxt:
            return nxt[0].name
        return None
    if det.lower_ != "the":
        return None
    # an epithet: the person named last, in this sentence or the two before
    before = [m for m in p.sentences(p.persons, here - 2, here) if m.end <= head.i and not m.quoted]
    if before:
        last = before[-1]
        return last.name or p.names.get(last.key, last.key)
    return None


def office_name(doc: Any, head: Any, toks: Sequence[int]) -> str | None:
    """The office of a source known by one ("the Celtic manager", "Germany's defence minister",
    "the NATO Europe Command chief", "the prime minister"), without its article; None for an
    unnamed holder of no single office ("a senior European diplomat", "the minister", "officials")."""
    low = head.lower_
    if low not in OFFICE_NOUNS or head.tag_ in ("NNS", "NNPS") or head.pos_ not in ("NOUN", "PROPN"):
        return None
    dets = [c for c in head.children if c.dep_ == "det"]
    if dets and dets[0].lower_ not in DEFINITE:
        return None  # "a senior European diplomat", "one unnamed EU official", "another director"
    if any(c.dep_ == "conj" for c in head.children):
        return None  # "the chairman and chief executive": two offices, one sentence each
    qualified = low in UNIQUE_OFFICES
    for c in head.children:
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.lower_ not in VAGUE_MODIFIERS
                                and c.pos_ in ("NOUN", "PROPN", "ADJ")):
            qualified = True
        elif c.dep_ == "prep" and c.lower_ in ("of", "for", "at") and any(o.dep_ == "pobj" for o in c.children):
            qualified = True
    if not qualified:
        return None
    keep = [i for i in toks if not (doc[i].dep_ == "det" and doc[i].head.i == head.i) and not doc[i].is_punct]
    # "Germany's defence minister": the possessive ending stays, though the chain's link drops it
    return doc[keep[0]:keep[-1] + 1].text if keep else head.text


def member_states(doc: Any, head: Any, inside: set[int]) -> tuple[str, str | None] | None:
    """Members of a group of countries speak as states: "Several Opec members said", "Nato allies",
    "EU member states" (organisation, the group). "Labour members" are people: only groups of
    countries count."""
    if head.lemma_.lower() not in MEMBER_NOUNS:
        return None
    for c in list(head.children):
        sub = [t for t in c.subtree if t.i in inside] if c.dep_ in ("compound", "poss", "nmod", "amod") else []
        if c.dep_ == "prep" and c.lower_ == "of":
            sub = [t for o in c.children if o.dep_ == "pobj" for t in o.subtree if t.i in inside]
        name = " ".join(t.text for t in sub if t.dep_ not in ("det", "case") and t.lemma_.lower() not in MEMBER_NOUNS)
        if name and (name.lower() in COUNTRY_GROUPS or COUNTRY_GROUP_CODE.match(name)):
            return "organisation", name
    return None


def group_name(doc: Any, head: Any, ents: list[Any]) -> str | None:
    """Who an organisation-noun source names: its members ("some countries, including Germany and
    Poland"), or the group's own name ("the Baltic states", "Nordic countries", "Gulf states")."""
    named = [e.text for e in ents if e.label_ in ("GPE", "ORG")]
    if named:
        return ", ".join(named)
    mods = [c for c in head.children if c.dep_ in ("amod", "compound")
            and (c.ent_type_ in ("NORP", "LOC", "GPE", "ORG") or c.pos_ == "PROPN"
                 or (c.text[:1].isupper() and c.lower_ not in QUANTIFIERS | COUNTING_WORDS))]
    if mods:
        return " ".join([t.text for t in doc[min(m.left_edge.i for m in mods):head.i + 1] if not t.is_punct])
    return None

"""What kind of source a relation has, who it resolves to, and the chain of reporters.

Works on the spaCy parse of the whole article (``dossier.doc``) and the source tokens an
extractor found. Types: person | official | organisation | outlet | anonymous | document |
pronoun | none. An official is known by a unique office, not a name ("the NATO Europe Command
chief", "Germany's defence minister": the office is the entity), unlike an anonymous description
("a senior European diplomat", "the minister"); none is a source that cannot speak ("secret
meetings between European and U.S. military leaders"). The guideline a person follows, and the
labelled BBC sample these rules are measured on, are in ``benchmarks/data/README.md``.
A chain lists who passed the claim on, outermost reporter first: "a senior European diplomat
quoted by The Wall Street Journal" is [outlet WSJ, anonymous diplomat]. The relation's own
``source_type`` is that of the innermost link — the original source, the one a fact-checker
has to weigh — so an outlet relaying an unnamed official counts as anonymous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

from .core import sentence_bounds, subtree_tokens
from .people import antecedent, full_name, is_collective, people, person_name
from .wordnet import all_classes, classes, first_classes

RELATIVE = {"who", "which", "that"}

# Words that make an organisation name a news outlet. Kept to unambiguous press words and the
# big wire services/broadcasters; "Post" and "Times" only count inside a proper name.
OUTLET_WORDS = {
    "times", "journal", "post", "news", "reuters", "press", "bloomberg", "cnn", "bbc", "nbc", "abc",
    "cbs", "fox", "msnbc", "politico", "axios", "guardian", "telegraph", "herald", "tribune", "gazette",
    "economist", "npr", "breitbart", "huffington", "afp", "magazine", "newspaper", "newsweek", "spiegel",
    "monde", "chronicle", "examiner", "observer", "independent", "inquirer", "globe", "today", "vox",
    "buzzfeed", "slate", "atlantic", "hill", "dispatch", "wire", "insider", "intercept", "daily", "sun",
    "mail", "express", "mirror", "tass", "ria", "xinhua", "interfax", "ap", "upi", "cnbc", "pbs", "c-span",
}
OUTLET_NOUNS = {"newspaper", "paper", "outlet", "magazine", "broadcaster", "network", "channel", "daily", "tabloid", "agency",
                "journal", "publication"}
DOCUMENT_NOUNS = {
    "report", "statement", "study", "survey", "poll", "document", "memo", "letter", "filing", "analysis", "data",
    "record", "release", "email", "e-mail", "tweet", "transcript", "book", "article", "editorial", "op-ed", "complaint",
    "lawsuit", "indictment", "ruling", "order", "bill", "plan", "assessment", "estimate", "figure", "chart", "note",
    "post", "video", "ad", "advertisement", "website", "communique", "declaration", "agreement", "draft", "proposal",
    # evidence a reader can ask to see, though WordNet files most of it as cognition or act
    "research", "datum", "statistic", "finding", "evidence", "footage", "recording", "clip", "film", "review",
    "rule", "law", "bylaw", "constitution", "amendment", "regulation", "guideline", "policy",
    "site", "blog", "act", "treaty", "charter", "manifesto",
}
ORG_NOUNS = {
    "campaign", "committee", "government", "administration", "party", "department", "ministry", "agency", "company",
    "court", "council", "commission", "police", "army", "military", "team", "office", "union", "group", "embassy",
    "organization", "organisation", "firm", "bank", "board", "parliament", "congress", "senate", "house", "kremlin",
    "pentagon", "cabinet", "alliance", "coalition", "university", "institute", "foundation", "association", "fund",
    # States speak through their governments: "some countries, including Germany and Poland, have
    # signalled support" is not an unnamed person, and often names its members.
    "country", "nation", "capital", "state",
    # Businesses and bodies by what they are: "The airline said", "the industry has coined the term".
    "airline", "carrier", "retailer", "industry", "club", "regulator", "watchdog", "authority", "charity", "studio",
    "label", "manufacturer", "maker", "insurer", "lender", "supermarket", "corporation", "conglomerate", "giant",
    "chain", "operator", "supplier", "provider", "body", "tribunal", "federation", "league", "bloc", "consortium",
    "partnership", "opposition", "leadership", "management", "regime", "legislature", "panel", "jury", "lobby",
    # institutions speak as bodies: "the hospital said", "the school said"
    "hospital", "school", "college", "academy", "museum", "airport", "prison", "zoo", "theatre", "orchestra", "choir",
    "church", "trust", "clinic", "service", "establishment", "organiser", "organizer",
    "city", "town", "county", "borough", "municipality", "province", "headquarters", "hq",
}
# Hops that pass a claim on: "X quoted by Y", "X cited by Y", "Y, citing X", "X told Y".
RELAY_VERBS = {"quote", "cite", "tell", "interview", "report", "speak"}
# WordNet noun classes of anything that can speak or stand for speakers. A common noun with no
# sense in them is not an unnamed source: PolNeAR-style relations have sources like "This
# initiative" (aims to ...) or "the euro crisis", and counting those as anonymous would inflate
# the share of anonymous sourcing that a reader looks at first. Quantities and relations stay
# human ("63 percent said", "a majority"), and so does the top class (person, someone).
HUMAN_CLASSES = {"n.person", "n.group", "n.quantity", "n.relation", "n.Tops"}
# How many of a noun's commonest WordNet senses are looked at for a human one (``_thing_kind``).
HUMAN_SENSES = 1
# Non-human sources that carry a text a reader can look up are documents; the rest name no one.
DOCUMENT_CLASSES = {"n.communication", "n.artifact"}


@dataclass(frozen=True)
class Link:
    start: int  # char offsets into the article
    end: int
    source_type: str
    entity: str | None = None


@dataclass(frozen=True)
class SourceInfo:
    source_type: str
    entity: str | None
    chain: tuple[Link, ...]


def _ents(doc: Any) -> list[Any]:
    """doc.ents builds new Span objects on every access; keep one list per doc."""
    cached = doc.user_data.get("veracity_ents")
    if cached is None:
        cached = doc.user_data["veracity_ents"] = list(doc.ents)
    return cached


def _span_head(doc: Any, toks: Sequence[int]) -> int:
    ts = set(toks)
    for i in toks:
        if doc[i].head.i not in ts or doc[i].head.i == i:
            return i
    return toks[0]


def _ent_of(doc: Any, i: int) -> Any | None:
    tok = doc[i]
    if not tok.ent_type_:
        return None
    for ent in _ents(doc):
        if ent.start <= i < ent.end:
            return ent
    return None


def _is_outlet_name(words: Sequence[str]) -> bool:
    low = [w.lower().strip(".") for w in words]
    return any(w in OUTLET_WORDS for w in low) and any(w[:1].isupper() for w in words)


def _full_name(doc: Any, name: str, before: int) -> str:
    """The longest PERSON mention earlier in the article that ends with ``name``'s last word."""
    last = name.split()[-1] if name.split() else name
    best = name
    for ent in _ents(doc):
        if ent.label_ != "PERSON" or ent.start_char >= before:
            continue
        words = ent.text.replace("\u2019s", "").replace("'s", "").split()
        if words and words[-1] == last and len(ent.text) > len(best) and len(words) <= 4:
            best = " ".join(words)
    return best


def resolve_pronoun(doc: Any, i: int) -> str | None:
    """The named antecedent of a pronoun source (``people.antecedent``)."""
    return antecedent(doc, i)


def relative_antecedent(doc: Any, toks: Sequence[int]) -> list[int] | None:
    """"the NATO chief, who has emphasized": the tokens of the noun phrase a relative pronoun
    source stands for (without the relative clause), or None."""
    head = doc[_span_head(doc, toks)]
    if head.lower_ not in RELATIVE or head.head.dep_ != "relcl" or head.head.head.i == head.head.i:
        return None
    noun = head.head.head
    drop = {t.i for t in head.head.subtree}
    ante = [t.i for t in noun.subtree if t.i not in drop and not t.is_punct]
    return ante if ante and noun.lower_ not in RELATIVE else None


def classify(doc: Any, toks: Sequence[int]) -> tuple[str, str | None]:
    """Type and entity of the source made of tokens ``toks`` (contiguous, non-empty)."""
    if not toks:
        return "none", None
    ante = relative_antecedent(doc, toks)
    if ante is not None:
        return classify(doc, ante)
    h = _span_head(doc, toks)
    head = _Lower(doc[h]) if doc[h].pos_ == "PROPN" and doc[h].text.islower() else doc[h]
    inside = set(toks)
    if head.pos_ in ("VERB", "AUX"):
        # A source run that took in its clause: "Mr Boateng served on the Greater London Council"
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in inside]
        if subj:
            return classify(doc, [i for i in subtree_tokens(subj[0]) if i in inside])
    words = [doc[i].text for i in toks]
    if len(toks) <= 2 and head.pos_ == "PRON":
        return "pronoun", resolve_pronoun(doc, h)
    if (head.pos_ in NOT_A_NOUN and head.lower_ not in QUANTIFIERS) or _in_place_or_time(head):
        # "Either [PCs detect updates]"; "discussed in secret meetings between European and U.S.
        # military leaders": an occasion something was said at is not who said it.
        return "none", None
    gov = _metonym(words)
    if gov:
        return "organisation", gov
    part = _partitive(doc, head, inside)
    if part:
        return classify(doc, part)
    ents = [e for e in _ents(doc) if e.start < toks[-1] + 1 and e.end > toks[0]]
    ent = _ent_of(doc, h)
    if ent is None:
        # An apposition or compound may carry the name: "its chief of staff, Andriy Yermak".
        # A compound only names a proper-noun head: "EU official" is an unnamed official.
        name_deps = ("appos", "compound") if head.pos_ == "PROPN" else ("appos",)
        for c in head.children:
            if c.dep_ in name_deps and _ent_of(doc, c.i) is not None:
                ent = _ent_of(doc, c.i)
                break
    if ent is not None and ent.label_ in ("ORG", "WORK_OF_ART", "PERSON") and _is_outlet_name(ent.text.split()):
        # Mastheads keep their article: "The Guardian", not "Guardian".
        lead = "The " if ent.start > 0 and doc[ent.start - 1].text == "The" else ""
        return "outlet", lead + ent.text
    if head.pos_ in ("PROPN", "NOUN") and head.text[:1].isupper() and is_collective(doc, head):
        # "Blackburn have rejected a third bid": a club, whatever the recogniser says.
        return "organisation", head.text
    named = person_name(doc, doc[ent.end - 1]) if ent is not None and ent.label_ == "PERSON" else None
    if named:
        return "person", named
    named = _named_person(doc, head, toks)
    if named:
        return "person", named
    if ent is not None and ent.label_ == "PERSON" and ent.text not in people(doc).collective:
        return "person", _full_name(doc, ent.text, ent.start_char + 1)
    office = _office(doc, head, toks)
    if office:
        return "official", office
    if head.lower_ in SPOKES_NOUNS and head.pos_ in ("NOUN", "PROPN"):
        return _spokesperson(doc, head, inside)
    members = _members(doc, head, inside) or _member_states(doc, head, inside)
    if members:
        return members
    if COUNTRY_GROUP_CODE.match(head.text):
        return "organisation", head.text  # "the G8 of top industrialised nations" (tagged a common noun)
    if ent is not None and ent.label_ in ("ORG", "NORP", "GPE", "FAC", "LOC"):
        return "organisation", _org_name(ent.text)
    if ent is not None and ent.label_ == "LAW":
        return "document", _org_name(ent.text)  # "the Sarbanes-Oxley Act", "The Prevention of Terrorism Bill"
    if head.pos_ == "PROPN" and _is_outlet_name(words):
        return "outlet", " ".join(w for w in words if w[:1].isupper() or w.lower() == "the")
    lemma = head.lemma_.lower()
    if lemma in OUTLET_NOUNS and head.pos_ == "NOUN":
        return "outlet", None
    if lemma in DOCUMENT_NOUNS and head.pos_ == "NOUN":
        return "document", None
    if lemma in ORG_NOUNS and head.pos_ == "NOUN":
        return "organisation", _group_name(doc, head, ents)
    if head.lower_ in MEMBER_TITLES:
        named = _described_person(doc, head)
        return ("person", named) if named else ("anonymous", None)
    persons = [e for e in ents if e.label_ == "PERSON"]
    if persons and head.pos_ == "PROPN":
        return "person", _full_name(doc, persons[-1].text, persons[-1].start_char + 1)
    if head.pos_ == "PROPN":
        return "organisation", _org_name(doc[toks[0]:toks[-1] + 1].text)  # "Winn-Dixie", not "Winn - Dixie"
    if head.pos_ == "NOUN":
        kind = _thing_kind(head)
        if kind is not None:
            return kind, None
        named = _described_person(doc, head)
        if named:
            return "person", named
    # A common-noun human source ("a senior European diplomat", "sources close to the
    # operation", "one unnamed EU official"): unnamed.
    return "anonymous", None


# Parts of speech that cannot head a speaker's name ("Either PCs detect updates").
NOT_A_NOUN = {"CCONJ", "SCONJ", "ADP", "PART", "INTJ", "ADV", "PUNCT", "SYM", "AUX", "DET"}
# Words that stand for a group on their own: "More seemed interested", "Many believe".
QUANTIFIERS = {"more", "most", "many", "some", "few", "fewer", "several", "all", "both", "others", "other", "half",
               "none", "each", "any", "either", "neither"} - {"either", "neither"}
COUNTING_WORDS = {"several", "various", "numerous", "other", "certain", "such", "these", "those", "two", "three",
                  "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "top", "leading", "major",
                  "key", "wealthy", "rich", "poor", "big", "small", "neighbouring", "neighboring", "member", "some"}
# Prepositions of place, time and occasion: their object is where or when, never who.
PLACE_TIME_PREPS = {"in", "at", "during", "within", "before", "after", "since", "until", "throughout", "inside",
                    "outside"}
# Buildings and streets that stand for a government: "Number 10 said", "the White House said".
METONYMS = {
    "number 10": "Number 10", "no 10": "Number 10", "no. 10": "Number 10", "number ten": "Number 10",
    "downing street": "Downing Street", "white house": "White House", "kremlin": "Kremlin", "pentagon": "Pentagon",
    "whitehall": "Whitehall", "elysee": "Elysee", "élysée": "Elysee", "elysee palace": "Elysee",
    "clarence house": "Clarence House", "buckingham palace": "Buckingham Palace", "holyrood": "Holyrood",
    "stormont": "Stormont", "vatican": "Vatican", "state department": "State Department",
}
# Words for whoever speaks for someone: "a spokesman for Mr Blair", "an EU spokesman".
SPOKES_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen",
                "representative", "mouthpiece"}
# Offices a source can be known by without a name. With a qualifier they name one holder ("the
# Celtic manager", "Germany's defence minister", "the head of the IMF", "the NATO Europe Command
# chief"); a few name one on their own in a news story ("the prime minister", "the chancellor").
# "the minister" and "a senior official" name no one: they stay anonymous.
OFFICE_NOUNS = {
    "minister", "secretary", "chancellor", "president", "premier", "leader", "chief", "head", "chairman",
    "chairwoman", "chairperson", "chair", "director", "manager", "coach", "boss", "governor", "mayor", "commander",
    "ambassador", "envoy", "commissioner", "executive", "officer", "founder", "owner", "editor", "captain", "agent",
    "lawyer", "solicitor", "attorney", "general", "treasurer", "speaker", "pope", "king", "queen", "monarch",
    "taoiseach", "prosecutor", "judge", "coroner", "ombudsman", "superintendent", "constable", "inspector",
    "headteacher", "headmaster", "headmistress", "principal", "dean", "archbishop", "bishop", "registrar",
    "comptroller", "controller", "chairperson", "deputy", "whip", "steward", "provost", "rector", "vice-chancellor",
}
UNIQUE_OFFICES = {"chancellor", "president", "premier", "pope", "taoiseach", "king", "queen", "monarch", "mayor"}
# Modifiers that do not make an office one person's: "a senior official", "the former minister".
VAGUE_MODIFIERS = {"senior", "junior", "top", "unnamed", "anonymous", "former", "local", "other", "another", "one",
                   "regional", "some", "several", "high", "ranking", "high-ranking", "leading", "key", "new", "acting",
                   "interim", "ex", "then", "same", "own", "official", "current", "outgoing", "incoming", "deputy",
                   "assistant", "associate", "his", "her", "its", "their", "our", "my", "your", "the", "a"}
DEFINITE = {"the", "this", "that"}
# Heads that count a part of a group: "none of the 18 former directors", "one of the officials".
PARTITIVES = {"none", "one", "some", "many", "most", "all", "few", "several", "each", "any", "both", "half", "two",
              "three", "four", "five", "majority", "minority", "number", "rest", "dozens", "hundreds", "thousands"}
# Nouns whose human sense WordNet lists late but that news uses for speakers: "sources close to
# the talks", "a senior party figure", "insiders", "dissenting voices".
INFORMANT_NOUNS = {"source", "figure", "insider", "voice", "contact", "hand", "quarter", "circle", "camp", "side",
                   # people words whose commonest WordNet sense is something else: "stars", "big names"
                   "star", "superstar", "legend", "great", "name", "talent", "heavyweight", "hopeful", "favourite",
                   "regular", "native", "local", "youth", "rank", "crew", "cast", "backer", "faithful"}


class _Lower:
    """A lower-case word the tagger called a proper noun ("the minister said" after a quotation):
    read as the common noun it is."""

    def __init__(self, tok: Any) -> None:
        self._tok = tok

    pos_ = "NOUN"

    @property
    def tag_(self) -> str:
        return "NNS" if self._tok.tag_ == "NNPS" else "NN"

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tok, name)


def _in_place_or_time(head: Any) -> bool:
    """A common noun in a clause's adverbial of place, time or occasion ("discussed in secret
    meetings"); not a name inside another noun phrase ("War on Want's John Hilary")."""
    prep = head.head
    lemma = head.lemma_.lower()
    return (head.dep_ == "pobj" and head.pos_ == "NOUN" and prep.lower_ in PLACE_TIME_PREPS and prep.dep_ == "prep"
            and prep.head.pos_ in ("VERB", "AUX") and "n.person" not in all_classes(lemma, "NOUN")
            and lemma not in DOCUMENT_NOUNS | ORG_NOUNS | OUTLET_NOUNS)  # "said in a statement" keeps its document


def _metonym(words: Sequence[str]) -> str | None:
    text = " ".join(w.lower() for w in words if w not in (",", "'s", "\u2019s"))
    if text.startswith("the "):
        text = text[4:]
    return METONYMS.get(text)


def _partitive(doc: Any, head: Any, inside: set[int]) -> list[int] | None:
    """The group a partitive counts in: "none of [the 18 former directors]"."""
    if head.lower_ not in PARTITIVES and head.lemma_.lower() not in PARTITIVES:
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            # "most of you" stays a group of people, not the pronoun
            objs = [o for o in c.children if o.dep_ == "pobj" and o.i in inside and o.pos_ in ("NOUN", "PROPN")]
            if objs:
                return [i for i in subtree_tokens(objs[0]) if i in inside]
    return None


def _org_name(text: str) -> str:
    text = text.strip().strip(",")
    return text[4:] if text.startswith(("The ", "the ")) and len(text) > 4 else text


def _named_person(doc: Any, head: Any, toks: Sequence[int]) -> str | None:
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


def _office(doc: Any, head: Any, toks: Sequence[int]) -> str | None:
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


def _spokesperson(doc: Any, head: Any, inside: set[int]) -> tuple[str, str | None]:
    """Whom a spokesperson speaks for: "a Downing Street spokesman" (organisation), "A spokesman
    for Mr Blair" (person), "an EU spokesman"; a bare "a spokeswoman" speaks for the organisation
    the text has just named ("... OneTel adverts were spotted ... It has requested the advert be
    removed, said a spokeswoman"). A fact-checker weighs what the principal said on the record."""
    for c in head.children:
        if c.dep_ in ("compound", "poss", "nmod") or (c.dep_ == "amod" and c.ent_type_):
            sub = [i for i in subtree_tokens(c) if i in inside and doc[i].dep_ != "case" and not doc[i].is_punct]
        elif c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from"):
            objs = [o for o in c.children if o.dep_ == "pobj"]
            sub = [i for i in subtree_tokens(objs[0]) if i in inside] if objs else []
        else:
            continue
        if sub:
            ty, ent = classify(doc, sub)
            if ty in ("organisation", "person", "official", "outlet"):
                return ty, ent
    p = people(doc)
    here = p.sent_of[head.i]
    orgs = [m for m in p.sentences(p.groups, here - 1, here) if m.label == "ORG" and m.end <= head.i and not m.quoted]
    if orgs and not _is_outlet_name(orgs[-1].key.split()):
        return "organisation", orgs[-1].key
    return "anonymous", None


def _members(doc: Any, head: Any, inside: set[int]) -> tuple[str, str | None] | None:
    """A group named by its members: "many experts, including the World Bank" (organisation),
    "others -- particularly in Scandinavia and the Balkans" after "some countries" (organisation,
    the regions). Unnamed people with no named member stay anonymous."""
    named = []
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("including", "like", "as") or (c.dep_ == "prep" and c.lower_ == "such"):
            for t in c.subtree:
                e = _ent_of(doc, t.i)
                if e is not None and t.i in inside and e.label_ in ("ORG", "GPE", "NORP", "PERSON", "LOC") \
                        and e.text not in named:
                    named.append(e.text)
    if named:
        kinds = {e.label_ for e in _ents(doc) if e.text in named}
        return ("person" if kinds == {"PERSON"} else "organisation"), ", ".join(named)
    if head.lemma_.lower() == "other" and head.pos_ in ("NOUN", "PRON", "ADJ"):
        # "While some countries ... have signaled support, others ... have voiced opposition"
        sent = next((s, e) for s, e in sentence_bounds(doc) if s <= head.i < e)
        some = [t for t in doc[sent[0]:head.i] if t.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ == "some" for c in t.children)]
        if some:
            ty, _ = classify(doc, [some[-1].i])
            if ty in ("organisation", "anonymous"):
                places = [e.text for e in _ents(doc) if e.start in inside and e.label_ in ("GPE", "LOC", "NORP")]
                return ty, (", ".join(places) or None) if ty == "organisation" else None
    return None


# Groups of countries: their members are states ("Several Opec members said", "Nato allies").
COUNTRY_GROUPS = {"eu", "european union", "nato", "opec", "g7", "g8", "g20", "un", "united nations", "asean",
                  "african union", "au", "commonwealth", "oecd", "wto", "arab league", "gcc", "mercosur", "brics",
                  "efta", "osce", "council of europe", "eurozone", "euro zone", "ecowas", "sadc", "apec", "nafta"}
COUNTRY_GROUP_CODE = re.compile(r"^[A-Z]\d{1,2}$")  # G7, G8, G20, P5, E3
MEMBER_NOUNS = {"member", "ally", "partner", "signatory", "state", "country", "nation", "government"}


def _member_states(doc: Any, head: Any, inside: set[int]) -> tuple[str, str | None] | None:
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


def _group_name(doc: Any, head: Any, ents: list[Any]) -> str | None:
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


# Words news uses for people it does not name, on purpose: a description with one of these heads
# stays anonymous even when a named person stands next to it.
UNNAMED_ROLES = {"official", "source", "diplomat", "insider", "aide", "officer", "employee", "staffer", "worker",
                 "resident", "witness", "analyst", "expert", "economist", "observer", "critic", "man", "woman",
                 "person", "people", "member", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor",
                 "lawmaker", "legislator", "negotiator", "investigator", "detective", "officer", "soldier",
                 "commentator", "campaigner", "activist", "protester", "supporter", "opponent", "fan", "voter",
                 "student", "parent", "teacher", "doctor", "nurse", "patient", "victim", "survivor", "user",
                 "customer", "consumer", "investor", "trader", "dealer", "executive", "director", "manager", "minister"}


# Abbreviated roles written in capitals that describe one person, not an office: "the MP".
MEMBER_TITLES = {"mp", "mep", "msp", "mla", "qc", "kc"}


def _described_person(doc: Any, head: Any) -> str | None:
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


def _thing_kind(head: Any) -> str | None:
    """"document" or "none" for a common-noun head that cannot be a person or a group, None when
    it can or when WordNet does not know it. A capitalised head is left alone: spaCy's POS tagger
    files names it does not know as nouns ("Sanders" -> "sander").

    A noun counts as human when its commonest sense is (WordNet orders senses by frequency):
    "the relief of many of his supporters" is a feeling and "stock markets" trading, though
    WordNet also lists a person sense of "relief" and a group sense of "market"; offices and news'
    own words for informants ("sources", "a senior figure", "the other side") count whatever their
    rank."""
    if not head.text.islower():
        return None
    lemma = head.lemma_.lower()
    senses = all_classes(lemma, "NOUN")
    if not senses or lemma in INFORMANT_NOUNS or lemma in OFFICE_NOUNS or lemma in SPOKES_NOUNS:
        return None
    if set(first_classes(lemma, "NOUN", HUMAN_SENSES)) & HUMAN_CLASSES:
        return None
    return "document" if set(classes(lemma, "NOUN")) & DOCUMENT_CLASSES else "none"


def _link(doc: Any, toks: Sequence[int]) -> Link:
    # "Zelenskyy's | verdict": the possessive ending is not part of the name.
    toks = [i for i in toks if not doc[i].is_punct and doc[i].dep_ != "case"] or list(toks)
    # A chain names who passed the claim on: "who" tells a reader nothing, its noun does; and
    # "Officials, who spoke on condition of anonymity" is named by "Officials".
    toks = relative_antecedent(doc, toks) or toks
    head = doc[_span_head(doc, toks)]
    clauses = {t.i for c in head.children if c.dep_ == "relcl" for t in c.subtree}
    toks = [i for i in toks if i not in clauses] or toks
    ty, ent = classify(doc, toks)
    return Link(doc[toks[0]].idx, doc[toks[-1]].idx + len(doc[toks[-1]].text), ty, ent)


def _relay_by(doc: Any, h: int) -> tuple[list[int], list[int]] | None:
    """'X quoted/cited by Y' under the source head: (tokens of X without the relay, tokens of Y)."""
    head = doc[h]
    for c in head.children:
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in RELAY_VERBS:
            for a in c.children:
                if a.dep_ == "agent":
                    objs = [p for p in a.children if p.dep_ == "pobj"]
                    if objs:
                        inner = [i for i in subtree_tokens(head) if i < c.left_edge.i]
                        return inner, subtree_tokens(objs[0])
    return None


CITE_VERBS = {"cite", "quote"}


def cited_object(tok: Any) -> list[int] | None:
    """Tokens of whom an active 'citing X' / 'quoting X' / 'which cited X' names (None when the
    clause is passive: "quoted by" is ``_relay_by``'s)."""
    if tok.lemma_.lower() not in CITE_VERBS or any(a.dep_ in ("agent", "auxpass") for a in tok.children):
        return None
    objs = [o for o in tok.children if o.dep_ in ("dobj", "obj")]
    return subtree_tokens(objs[0]) if objs else None


def _citing(doc: Any, cue_head: int) -> list[int] | None:
    """'Y reports, citing X' / 'Y said, citing X': tokens of X. With "according to" the clause
    hangs off the reported verb: "According to a report by AP, citing two people, the state will pay"."""
    cue = doc[cue_head]
    heads = [cue, cue.head] if cue.lower_ == "according" and cue.head.i != cue.i else [cue]
    for h in heads:
        for c in h.children:
            if c.dep_ in ("advcl", "xcomp", "conj", "acl"):
                cited = cited_object(c)
                if cited:
                    return cited
            # the parser hangs "citing X" on the reported clause it precedes:
            # "reports, citing X, that Z" (citing <- is <- reports)
            if c.dep_ == "ccomp":
                opener = min((g.i for g in c.children if g.dep_ in ("mark", "nsubj", "nsubjpass")), default=c.i)
                for g in c.children:
                    if g.dep_ in ("advcl", "xcomp", "conj") and g.i < opener:
                        cited = cited_object(g)
                        if cited:
                            return cited
    return None


def _cites_within(doc: Any, toks: list[int]) -> tuple[list[int], list[int] | None]:
    """A source that itself cites someone: "Reuters, quoting unnamed officials", "The Wall Street
    Journal, which cited a senior European diplomat", "a Reuters report that cited three officials".
    Returns the source without the citing clause, and whom it cites (or None)."""
    head = doc[_span_head(doc, toks)]
    for c in head.children:
        if c.dep_ in ("acl", "relcl"):
            cited = cited_object(c)
            if cited:
                kept = [i for i in toks if i < c.left_edge.i and not doc[i].is_punct]
                return kept or toks, cited
    return toks, None


def _author(doc: Any, toks: list[int]) -> list[int] | None:
    """Who is behind a document source: "a report by the Associated Press", "a Reuters report",
    "the Journal's analysis". A fact-checker weighs the outlet or person, not the word "report"."""
    head = doc[_span_head(doc, toks)]
    if head.pos_ != "NOUN" or head.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            # "a report by the Associated Press", "lending figures from the Bank of England"
            cands = [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ in ("compound", "poss") and c.i < head.i:
            cands = [c]
        elif c.dep_ == "amod" and c.i < head.i and c.ent_type_ == "ORG":
            cands = [c]  # "The Envisional reports": the tagger reads the firm's name as an adjective
        else:
            continue
        for p in cands:
            sub = [i for i in subtree_tokens(p) if doc[i].dep_ != "case" and not doc[i].is_punct]
            if sub and classify(doc, sub)[0] in ("outlet", "organisation", "person", "official"):
                return sub
    return None


SAYING = {"say", "tell", "write", "add", "state", "claim", "warn"}


def _quoted_as(doc: Any, cue_head: int) -> list[int] | None:
    """'AP quoted prosecutor Russell McGuire as saying': whom the reporter quotes, the claim's
    original source, relayed by the cue's subject."""
    cue = doc[cue_head]
    if cue.lemma_.lower() not in CITE_VERBS or any(a.dep_ in ("agent", "auxpass") for a in cue.children):
        return None
    objs = [o for o in cue.children if o.dep_ in ("dobj", "obj")]
    as_saying = any(c.dep_ == "prep" and c.lower_ == "as" and any(
        g.lemma_.lower() in SAYING for g in c.children) for c in cue.children)
    return subtree_tokens(objs[0]) if objs and as_saying else None


def _told(doc: Any, cue_head: int) -> list[int] | None:
    """'X told The Wall Street Journal': the outlet told, which relays X."""
    tok = doc[cue_head]
    if tok.lemma_.lower() != "tell":
        return None
    for c in tok.children:
        if c.dep_ in ("dative", "dobj", "iobj"):
            ty, _ = classify(doc, subtree_tokens(c))
            if ty == "outlet":
                return subtree_tokens(c)
    return None


def describe(doc: Any, source_toks: Sequence[int], cue_toks: Sequence[int]) -> SourceInfo:
    """Type, resolved entity and chain of one relation's source."""
    if not source_toks:
        return SourceInfo("none", None, ())
    toks = sorted(source_toks)
    h = _span_head(doc, toks)
    links: list[Link] = []
    relay = _relay_by(doc, h)
    if relay is not None:
        inner, outer = relay
        links.append(_link(doc, outer))
        toks = [i for i in inner if i in set(toks)] or inner
    cue_head = _span_head(doc, sorted(cue_toks)) if cue_toks else None
    cited = None
    if cue_head is not None and relay is None:
        cited = _citing(doc, cue_head)
        told = _told(doc, cue_head)
        if told and not cited:
            links.append(_link(doc, told))
    toks, own_cited = _cites_within(doc, toks)
    author = _author(doc, toks)
    # Outermost reporter first: the document's author stands for the document, then whom the
    # source cites, however the sentence attached the citing clause.
    links.append(_link(doc, author or toks))
    quoted_as = _quoted_as(doc, cue_head) if cue_head is not None and relay is None else None
    for hop in (own_cited, cited, quoted_as):
        if hop:
            links.append(_link(doc, hop))
    chain: list[Link] = []
    for link in links:
        if all((link.start, link.end) != (c.start, c.end) for c in chain):
            chain.append(link)
    last = chain[-1]
    return SourceInfo(last.source_type, last.entity, tuple(chain))

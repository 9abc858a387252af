"""The words source typing reads, and what a source's head noun or name says on its own.

Word lists (outlets, documents, organisations, offices, spokespeople, partitives, groups of
countries, the words news uses for people it leaves unnamed, ...), the buildings that stand for
a government ("Downing Street"), and the WordNet noun classes that tell a thing that cannot speak
("secret meetings", "the euro crisis") from a person or a group (:func:`thing_kind`). Lookups on
words and single tokens only: the parse is read by ``source_names`` and ``source_types``.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

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

# Groups of countries: their members are states ("Several Opec members said", "Nato allies").
COUNTRY_GROUPS = {"eu", "european union", "nato", "opec", "g7", "g8", "g20", "un", "united nations", "asean",
                  "african union", "au", "commonwealth", "oecd", "wto", "arab league", "gcc", "mercosur", "brics",
                  "efta", "osce", "council of europe", "eurozone", "euro zone", "ecowas", "sadc", "apec", "nafta"}
COUNTRY_GROUP_CODE = re.compile(r"^[A-Z]\d{1,2}$")  # G7, G8, G20, P5, E3
MEMBER_NOUNS = {"member", "ally", "partner", "signatory", "state", "country", "nation", "government"}

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


def is_outlet_name(words: Sequence[str]) -> bool:
    low = [w.lower().strip(".") for w in words]
    return any(w in OUTLET_WORDS for w in low) and any(w[:1].isupper() for w in words)


def metonym(words: Sequence[str]) -> str | None:
    text = " ".join(w.lower() for w in words if w not in (",", "'s", "\u2019s"))
    if text.startswith("the "):
        text = text[4:]
    return METONYMS.get(text)


def org_name(text: str) -> str:
    text = text.strip().strip(",")
    return text[4:] if text.startswith(("The ", "the ")) and len(text) > 4 else text


# WordNet noun classes of anything that can speak or stand for speakers. A common noun with no
# sense in them is not an unnamed source: PolNeAR-style relations have sources like "This
# initiative" (aims to ...) or "the euro crisis", and counting those as anonymous would inflate
# the share of anonymous sourcing that a reader looks at first. Quantities and relations stay
# human ("63 percent said", "a majority"), and so does the top class (person, someone).
HUMAN_CLASSES = {"n.person", "n.group", "n.quantity", "n.relation", "n.Tops"}
# How many of a noun's commonest WordNet senses are looked at for a human one (``thing_kind``).
HUMAN_SENSES = 1
# Non-human sources that carry a text a reader can look up are documents; the rest name no one.
DOCUMENT_CLASSES = {"n.communication", "n.artifact"}


def thing_kind(head: Any) -> str | None:
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

"""What kind of source a relation has, who it resolves to, and the chain of reporters.

Works on the spaCy parse of the whole article (``dossier.doc``) and the source tokens an
extractor found. Types: person | organisation | outlet | anonymous | document | pronoun | none.
A chain lists who passed the claim on, outermost reporter first: "a senior European diplomat
quoted by The Wall Street Journal" is [outlet WSJ, anonymous diplomat]. The relation's own
``source_type`` is that of the innermost link — the original source, the one a fact-checker
has to weigh — so an outlet relaying an unnamed official counts as anonymous.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from .core import subtree_tokens
from .wordnet import all_classes, classes

PRONOUNS_PERSON = {"he", "she", "him", "her", "his"}
PRONOUNS_GROUP = {"they", "we", "it", "them", "us"}
PRONOUNS_SELF = {"i", "you", "me"}
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
}
ORG_NOUNS = {
    "campaign", "committee", "government", "administration", "party", "department", "ministry", "agency", "company",
    "court", "council", "commission", "police", "army", "military", "team", "office", "union", "group", "embassy",
    "organization", "organisation", "firm", "bank", "board", "parliament", "congress", "senate", "house", "kremlin",
    "pentagon", "cabinet", "alliance", "coalition", "university", "institute", "foundation", "association", "fund",
    # States speak through their governments: "some countries, including Germany and Poland, have
    # signalled support" is not an unnamed person, and often names its members.
    "country", "nation", "capital", "state",
}
# Hops that pass a claim on: "X quoted by Y", "X cited by Y", "Y, citing X", "X told Y".
RELAY_VERBS = {"quote", "cite", "tell", "interview", "report", "speak"}
# WordNet noun classes of anything that can speak or stand for speakers. A common noun with no
# sense in them is not an unnamed source: PolNeAR-style relations have sources like "This
# initiative" (aims to ...) or "the euro crisis", and counting those as anonymous would inflate
# the share of anonymous sourcing that a reader looks at first. Quantities and relations stay
# human ("63 percent said", "a majority"), and so does the top class (person, someone).
HUMAN_CLASSES = {"n.person", "n.group", "n.quantity", "n.relation", "n.Tops"}
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


def _named_earlier(doc: Any, tok: Any) -> bool:
    """Whether a PERSON mention of two or more words before ``tok`` ends with ``tok``'s text."""
    for ent in _ents(doc):
        if ent.label_ == "PERSON" and ent.end <= tok.i and len(ent) > 1:
            words = ent.text.replace("\u2019s", "").replace("'s", "").split()
            if words and words[-1] == tok.text:
                return True
    return False


def resolve_pronoun(doc: Any, i: int) -> str | None:
    """The named antecedent of a pronoun source: the nearest earlier fitting entity."""
    low = doc[i].lower_
    if low in PRONOUNS_PERSON:
        labels = {"PERSON"}
    elif low in PRONOUNS_GROUP:
        labels = {"ORG", "NORP", "GPE"}
    else:
        return None
    pos = doc[i].idx
    cands = [e for e in _ents(doc) if e.label_ in labels and e.end_char <= pos]
    if not cands:
        return None
    ent = cands[-1]
    if ent.label_ == "PERSON":
        return _full_name(doc, ent.text, ent.end_char + 1)
    return ent.text


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
    head = doc[h]
    words = [doc[i].text for i in toks]
    if len(toks) <= 2 and head.pos_ == "PRON":
        return "pronoun", resolve_pronoun(doc, h)
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
    if ent is not None and ent.label_ == "PERSON":
        return "person", _full_name(doc, ent.text, ent.start_char + 1)
    if head.pos_ == "PROPN" and (ent is None or len(ent) == 1) and _named_earlier(doc, head):
        # A surname that the entity recogniser found in full earlier in the article, though it
        # missed (or mislabelled) it here: "Volodymyr Zelenskyy ... Zelenskyy's verdict".
        first = [c.text for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < head.i]
        # "Ivanka Trump" keeps her own first name; a bare "Trump" takes the earlier full one
        return "person", " ".join(first + [head.text]) if first else _full_name(doc, head.text, head.idx)
    if ent is not None and ent.label_ in ("ORG", "NORP", "GPE", "FAC"):
        return "organisation", ent.text
    if head.pos_ == "PROPN" and _is_outlet_name(words):
        return "outlet", " ".join(w for w in words if w[:1].isupper() or w.lower() == "the")
    lemma = head.lemma_.lower()
    if lemma in OUTLET_NOUNS and head.pos_ == "NOUN":
        return "outlet", None
    if lemma in DOCUMENT_NOUNS and head.pos_ == "NOUN":
        return "document", None
    if lemma in ORG_NOUNS and head.pos_ == "NOUN":
        named = [e.text for e in ents if e.label_ in ("GPE", "ORG")]
        return "organisation", ", ".join(named) or None
    persons = [e for e in ents if e.label_ == "PERSON"]
    if persons and head.pos_ == "PROPN":
        return "person", _full_name(doc, persons[-1].text, persons[-1].start_char + 1)
    if head.pos_ == "PROPN":
        return "organisation", " ".join(words)
    if head.pos_ == "NOUN":
        kind = _thing_kind(head)
        if kind is not None:
            return kind, None
    # A common-noun human source ("a senior European diplomat", "sources close to the
    # operation", "one unnamed EU official"): unnamed.
    return "anonymous", None


def _thing_kind(head: Any) -> str | None:
    """"document" or "none" for a common-noun head that cannot be a person or a group (by every
    WordNet sense of it), None when it can or when WordNet does not know it. A capitalised head
    is left alone: spaCy's POS tagger files names it does not know as nouns ("Sanders" -> "sander")."""
    if not head.text.islower():
        return None
    lemma = head.lemma_.lower()
    senses = all_classes(lemma, "NOUN")
    if not senses or set(senses) & HUMAN_CLASSES:
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
        if c.dep_ == "prep" and c.lower_ == "by":
            cands = [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ in ("compound", "poss") and c.i < head.i:
            cands = [c]
        else:
            continue
        for p in cands:
            sub = [i for i in subtree_tokens(p) if doc[i].dep_ != "case" and not doc[i].is_punct]
            if sub and classify(doc, sub)[0] in ("outlet", "organisation", "person"):
                return sub
    return None


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
    for hop in (own_cited, cited):
        if hop:
            links.append(_link(doc, hop))
    chain: list[Link] = []
    for link in links:
        if all((link.start, link.end) != (c.start, c.end) for c in chain):
            chain.append(link)
    last = chain[-1]
    return SourceInfo(last.source_type, last.entity, tuple(chain))

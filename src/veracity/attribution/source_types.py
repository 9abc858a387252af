"""What kind of source a relation's source is, and whom it resolves to: :func:`classify`.

Types: person | official | organisation | outlet | anonymous | document | pronoun | none. An
official is known by a unique office, not a name ("the NATO Europe Command chief", "Germany's
defence minister": the office is the entity), unlike an anonymous description ("a senior
European diplomat", "the minister"); none is a source that cannot speak ("secret meetings
between European and U.S. military leaders"). The guideline a person follows, and the labelled
BBC sample these rules are measured on, are in ``benchmarks/data/README.md``
(``benchmarks/source_types.py``). The words are in ``source_words``, the names a source gives in
``source_names``; what is here recurses into ``classify`` (a partitive's group, whom a
spokesperson speaks for, a group named by its members).
"""

from __future__ import annotations

from typing import Any, Sequence

from .core import sentence_bounds, subtree_tokens
from .people import antecedent, is_collective, people, person_name
from .source_names import (described_person, doc_ents, ent_of, group_name, longest_mention, member_states, named_person,
                           office_name, span_head)
from .source_words import (COUNTRY_GROUP_CODE, DOCUMENT_NOUNS, MEMBER_TITLES, NOT_A_NOUN, ORG_NOUNS, OUTLET_NOUNS,
                           PARTITIVES, PLACE_TIME_PREPS, QUANTIFIERS, RELATIVE, SPOKES_NOUNS, is_outlet_name, metonym,
                           org_name, thing_kind)
from .wordnet import all_classes


def resolve_pronoun(doc: Any, i: int) -> str | None:
    """The named antecedent of a pronoun source (``people.antecedent``)."""
    return antecedent(doc, i)


def relative_antecedent(doc: Any, toks: Sequence[int]) -> list[int] | None:
    """"the NATO chief, who has emphasized": the tokens of the noun phrase a relative pronoun
    source stands for (without the relative clause), or None."""
    head = doc[span_head(doc, toks)]
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
    h = span_head(doc, toks)
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
    gov = metonym(words)
    if gov:
        return "organisation", gov
    part = _partitive(doc, head, inside)
    if part:
        return classify(doc, part)
    ents = [e for e in doc_ents(doc) if e.start < toks[-1] + 1 and e.end > toks[0]]
    ent = ent_of(doc, h)
    if ent is None:
        # An apposition or compound may carry the name: "its chief of staff, Andriy Yermak".
        # A compound only names a proper-noun head: "EU official" is an unnamed official.
        name_deps = ("appos", "compound") if head.pos_ == "PROPN" else ("appos",)
        for c in head.children:
            if c.dep_ in name_deps and ent_of(doc, c.i) is not None:
                ent = ent_of(doc, c.i)
                break
    if ent is not None and ent.start > 0 and ent.start - 1 in inside and doc[ent.start - 1].lower_ in OUTLET_NOUNS \
            and doc[ent.start - 1].pos_ in ("NOUN", "ADJ", "ADV") and "n.person" not in all_classes(doc[ent.start - 1].lower_, "NOUN"):
        # A name right after what it is: "the German daily Berliner Morgenblatt", "the newspaper
        # Le Monde", whatever the recogniser made of the name (a person, here); not a person's
        # calling ("fellow broadcaster Michael Pointon").
        return "outlet", ent.text
    if ent is not None and ent.label_ in ("ORG", "WORK_OF_ART", "PERSON") and is_outlet_name(ent.text.split()):
        # Mastheads keep their article: "The Guardian", not "Guardian".
        lead = "The " if ent.start > 0 and doc[ent.start - 1].text == "The" else ""
        return "outlet", lead + ent.text
    if head.pos_ in ("PROPN", "NOUN") and head.text[:1].isupper() and is_collective(doc, head):
        # "Blackburn have rejected a third bid": a club, whatever the recogniser says.
        return "organisation", head.text
    named = person_name(doc, doc[ent.end - 1]) if ent is not None and ent.label_ == "PERSON" else None
    if named:
        return "person", named
    named = named_person(doc, head, toks)
    if named:
        return "person", named
    if ent is not None and ent.label_ == "PERSON" and ent.text not in people(doc).collective:
        return "person", longest_mention(doc, ent.text, ent.start_char + 1)
    office = office_name(doc, head, toks)
    if office:
        return "official", office
    if head.lower_ in SPOKES_NOUNS and head.pos_ in ("NOUN", "PROPN"):
        return _spokesperson(doc, head, inside)
    members = _members(doc, head, inside) or member_states(doc, head, inside)
    if members:
        return members
    if COUNTRY_GROUP_CODE.match(head.text):
        return "organisation", head.text  # "the G8 of top industrialised nations" (tagged a common noun)
    if ent is not None and ent.label_ in ("ORG", "NORP", "GPE", "FAC", "LOC"):
        return "organisation", org_name(ent.text)
    if ent is not None and ent.label_ == "LAW":
        return "document", org_name(ent.text)  # "the Sarbanes-Oxley Act", "The Prevention of Terrorism Bill"
    if head.pos_ == "PROPN" and is_outlet_name(words):
        return "outlet", " ".join(w for w in words if w[:1].isupper() or w.lower() == "the")
    lemma = head.lemma_.lower()
    if lemma in OUTLET_NOUNS and head.pos_ == "NOUN":
        return "outlet", None
    if lemma in DOCUMENT_NOUNS and head.pos_ == "NOUN":
        return "document", None
    if lemma in ORG_NOUNS and head.pos_ == "NOUN":
        return "organisation", group_name(doc, head, ents)
    if head.lower_ in MEMBER_TITLES:
        named = described_person(doc, head)
        return ("person", named) if named else ("anonymous", None)
    persons = [e for e in ents if e.label_ == "PERSON"]
    if persons and head.pos_ == "PROPN":
        return "person", longest_mention(doc, persons[-1].text, persons[-1].start_char + 1)
    if head.pos_ == "PROPN":
        return "organisation", org_name(doc[toks[0]:toks[-1] + 1].text)  # "Winn-Dixie", not "Winn - Dixie"
    if head.pos_ == "NOUN":
        kind = thing_kind(head)
        if kind is not None:
            return kind, None
        named = described_person(doc, head)
        if named:
            return "person", named
    # A common-noun human source ("a senior European diplomat", "sources close to the
    # operation", "one unnamed EU official"): unnamed.
    return "anonymous", None


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
    if orgs and not is_outlet_name(orgs[-1].key.split()):
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
                e = ent_of(doc, t.i)
                if e is not None and t.i in inside and e.label_ in ("ORG", "GPE", "NORP", "PERSON", "LOC") \
                        and e.text not in named:
                    named.append(e.text)
    if named:
        kinds = {e.label_ for e in doc_ents(doc) if e.text in named}
        return ("person" if kinds == {"PERSON"} else "organisation"), ", ".join(named)
    if head.lemma_.lower() == "other" and head.pos_ in ("NOUN", "PRON", "ADJ"):
        # "While some countries ... have signaled support, others ... have voiced opposition"
        sent = next((s, e) for s, e in sentence_bounds(doc) if s <= head.i < e)
        some = [t for t in doc[sent[0]:head.i] if t.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ == "some" for c in t.children)]
        if some:
            ty, _ = classify(doc, [some[-1].i])
            if ty in ("organisation", "anonymous"):
                places = [e.text for e in doc_ents(doc) if e.start in inside and e.label_ in ("GPE", "LOC", "NORP")]
                return ty, (", ".join(places) or None) if ty == "organisation" else None
    return None

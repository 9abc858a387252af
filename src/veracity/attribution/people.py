"""Who an article's people and organisations are, and whom a pronoun source stands for.

Read off the spaCy parse of the whole article (``dossier.doc``), once per document:

- **Person names.** The entity recogniser's PERSON mentions, and names it misses or mislabels
  that the text itself marks as a person's: a courtesy title ("Mr Ebbers", "Lord Nicholls of
  Birkenhead", "Ms Hewitt") or an apposition of a name to its office ("The Shadow Secretary of
  State for the Family, Theresa May,": spaCy reads "May" as a month). A bare surname ("Edwards",
  "Ferguson") is a person's when the article names that person in full anywhere, the headline
  included, or gives the surname a title.
- **Gender**, only where the article states it: the title (Mr, Sir, Lord / Mrs, Ms, Miss, Dame,
  Lady) or a gendered role word next to the name ("spokeswoman", "actress").
- **Collectives.** A name the grammar treats as plural ("Blackburn have rejected a third bid",
  "Blackburn want £6m") is a club, firm or country, whatever the recogniser says: a person
  takes a singular verb.

A pronoun source resolves to the entity the reader would pick: the nearest sentence first,
in it the main clause's subject before other mentions, and never a name inside a quotation
(quoted speech names people the speaker talks about: in "Theresa May said: '... Tony Blair is
now recycling it ...'. She said ...", "She" is Theresa May). "She" skips the men the text marks
as men, "he" the women; a pronoun subject earlier in the text carries its own antecedent forward
("He portrayed Mr Ebbers ... 'He would talk ...,' he said": the second "he" is the first one's;
"it" likewise for organisations). "It" and "they" look at organisations and countries that are
not mere modifiers ("the Saudi flights"). "I" inside a quotation is the quotation's speaker: the
person named, or the "he"/"she", as the main subject of that sentence or one of the three before.
Quotations are found by ``quoted``, which does not let an unclosed quote turn a paragraph inside
out. Everything is computed once per document and looked up by bisection, so a long article
stays linear.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from .core import sentence_bounds

MALE_TITLES = {"mr", "mr.", "sir", "lord", "king", "prince", "mister"}
FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "baroness", "queen", "princess"}
OTHER_TITLES = {"dr", "dr.", "prof", "prof.", "professor", "rev", "rev.", "reverend"}
PEERAGE = {"lord", "lady", "baroness", "dame", "sir"}
# Common nouns that introduce a business's name: "telecommunications firm NTL".
BUSINESS_WORDS = {"firm", "company", "group", "giant", "retailer", "carrier", "airline", "bank", "maker", "chain",
                  "manufacturer", "operator", "supplier", "provider", "studio", "label", "club", "agency", "insurer",
                  "lender", "broker", "publisher", "developer", "conglomerate", "corporation", "charity", "consultancy"}
# Capitalised role words a headline puts before a name: "Rapper Kanye West", "Singer ...".
ROLE_WORDS = {"rapper", "singer", "star", "actor", "actress", "director", "boss", "chief", "coach", "manager",
              "striker", "captain", "player", "minister", "leader", "president", "tycoon", "author", "writer",
              "musician", "designer", "chef", "comedian", "presenter", "judge", "veteran", "legend", "pundit"}
TITLES = MALE_TITLES | FEMALE_TITLES | OTHER_TITLES
MALE_WORDS = {"spokesman", "chairman", "businessman", "congressman", "actor", "husband", "father", "son", "brother",
              "king", "prince", "uncle", "nephew", "boyfriend", "sportsman", "frontman", "councilman", "policeman",
              "headmaster", "grandfather", "man"}
FEMALE_WORDS = {"spokeswoman", "chairwoman", "businesswoman", "congresswoman", "actress", "wife", "mother", "daughter",
                "sister", "queen", "princess", "aunt", "niece", "girlfriend", "sportswoman", "widow", "councilwoman",
                "policewoman", "headmistress", "grandmother", "woman", "waitress", "heiress", "duchess", "countess"}
# Words after a title that make it an office, not a name: "Lord Chancellor", "Lady Justice".
TITLE_OFFICES = {"chancellor", "chief", "justice", "mayor", "president", "provost", "advocate", "lieutenant",
                 "privy", "high", "chamberlain", "speaker"}

PRONOUNS_MALE = {"he", "him", "his", "himself"}
PRONOUNS_FEMALE = {"she", "her", "hers", "herself"}
PRONOUNS_IT = {"it", "its", "itself"}
PRONOUNS_THEY = {"they", "them", "their", "we", "us", "our"}
PRONOUNS_SELF = {"i", "me", "my", "myself"}
# How many sentences back a pronoun's antecedent is looked for before the nearest one at all.
WINDOW = 4
# How many sentences back the speaker of a quotation's "I" is looked for (a quotation runs on).
SPEAKER_WINDOW = 3
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Verb forms that make a singular proper-noun subject a collective: "Blackburn have", "... want".
PLURAL_VERB_TAGS = ("VBP",)


@dataclass(frozen=True)
class Mention:
    start: int  # token indices, end exclusive
    end: int
    key: str  # the person's surname or the organisation's name: what a pronoun resolves to
    sent: int
    subject: bool  # the subject of its clause
    main: bool  # the subject of its sentence's main clause
    quoted: bool  # inside a quotation
    label: str  # PERSON, ORG, GPE, NORP
    name: str = ""  # the name as this mention gives it, when it gives more than a surname


@dataclass
class People:
    names: dict[str, str]  # surname -> fullest name the article gives
    titled: set[str]  # surnames the article gives a courtesy title
    gender: dict[str, str]  # surname -> "m" | "f"
    collective: set[str]  # names the grammar treats as plural
    persons: list[Mention]  # in text order
    groups: list[Mention]  # in text order
    sent_of: list[int]  # token index -> sentence index
    resolved: dict[int, str | None]
    by_token: dict[int, Mention] = field(default_factory=dict)  # token -> the person mention covering it
    sents: dict[int, list[int]] = field(default_factory=dict)  # id(mention list) -> its sentence indices

    def sentences(self, mentions: list[Mention], lo: int, hi: int) -> list[Mention]:
        """The mentions (``persons`` or ``groups``) in sentences ``lo`` to ``hi``, inclusive, found
        by bisection: a long article has thousands of mentions, a pronoun looks at a few sentences."""
        sents = self.sents.get(id(mentions))
        if sents is None:
            sents = self.sents[id(mentions)] = [m.sent for m in mentions]
        return mentions[bisect_left(sents, lo):bisect_right(sents, hi)]


def _clean(words: list[str]) -> list[str]:
    words = [w for w in words if w not in ("'s", "\u2019s", "'", "\u2019")]
    return [w[:-2] if w.endswith(("'s", "\u2019s")) else w for w in words]


def _root(doc: Any, i: int) -> Any:
    """The token that stands for the noun phrase a name is part of ("Lib Dem leader Charles
    Kennedy said": the subject; "The Lord Chief Justice, Lord Woolf, ...": the apposition's head)."""
    tok = doc[i]
    for _ in range(6):
        if tok.dep_ in ("compound", "flat", "appos") and tok.head.i != tok.i:
            tok = tok.head
        else:
            break
    return tok


def _is_collective(doc: Any, tok: Any) -> bool:
    """A singular name as the subject of a plural verb: "Blackburn have rejected", "Blackburn want"."""
    if tok.dep_ not in SUBJECT_DEPS or tok.tag_ not in ("NNP", "NN") or any(c.dep_ == "conj" for c in tok.children):
        return False
    verb = tok.head
    if verb.tag_ in PLURAL_VERB_TAGS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in PLURAL_VERB_TAGS and c.i < verb.i for c in verb.children)


def _title_runs(doc: Any) -> list[tuple[int, int, int, str]]:
    """(title token, first name token, end, gender) for "Mr Ebbers", "Lord Nicholls of Birkenhead"."""
    out = []
    n = len(doc)
    for tok in doc:
        low = tok.lower_
        if low not in TITLES or tok.i + 1 >= n:
            continue
        j = tok.i + 1
        if doc[j].text == ".":
            j += 1
        k = j
        while k < n and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper() and doc[k].lower_ not in TITLES:
            k += 1
        if k == j or doc[j].lower_ in TITLE_OFFICES:
            continue
        gender = "m" if low in MALE_TITLES else "f" if low in FEMALE_TITLES else ""
        out.append((tok.i, j, k, gender))
    return out


def _ent_len(doc: Any, tok: Any) -> list[int]:
    for e in doc.ents:
        if e.start <= tok.i < e.end:
            return list(range(e.start, e.end))
    return [tok.i]


def _gender_near(doc: Any, start: int, end: int) -> str:
    """A gendered role word in the name's own noun phrase: "spokeswoman ... Sandra Gidley"."""
    root = _root(doc, end - 1)
    words = {t.lower_ for t in doc[max(root.left_edge.i, start - 4):start]}
    if root.i != end - 1 and root.i < start:
        words.add(root.lower_)
    if words & FEMALE_WORDS:
        return "f"
    if words & MALE_WORDS:
        return "m"
    return ""


OPENERS = "\u201c\u2018\u00ab\u201e"
CLOSERS = "\u201d\u2019\u00bb"


def quoted(doc: Any) -> list[int]:
    """Per token: 1 inside a quotation. Unlike ``core.quote_state`` (which toggles on straight
    quotes), a straight quote opens or closes by what stands beside it, so one left unclosed (news
    style when a quotation runs on: '... South Africa. "There shall be ...') does not turn the rest
    of the paragraph inside out. Used only to keep names inside quotations out of pronoun resolution."""
    cached = doc.user_data.get("veracity_quoted")
    if cached is not None:
        return cached
    text = doc.text
    out = [0] * len(doc)
    inside = False
    for tok in doc:
        t = tok.text
        before = text[tok.idx - 1] if tok.idx > 0 else " "
        after = text[tok.idx + len(t)] if tok.idx + len(t) < len(text) else " "
        if t in ('"', "''", "``") or (t == "'" and not (before.isalnum() and after.isalnum())):
            opens = (before.isspace() or before in "([-\u2014") and not after.isspace()
            inside = opens
            out[tok.i] = 1
            continue
        if t and t[0] in OPENERS and (t != "\u2018" or not before.isalnum()):
            inside = True
        elif t and t[-1] in CLOSERS and not (t == "\u2019" and after.isalpha()):
            out[tok.i] = 1
            inside = False
            continue
        out[tok.i] = 1 if inside else 0
        if "\n" in tok.whitespace_ or "\n" in t:
            inside = False
    doc.user_data["veracity_quoted"] = out
    return out


def people(doc: Any) -> People:
    cached = doc.user_data.get("veracity_people")
    if cached is not None:
        return cached
    sent_of = [0] * len(doc)
    for k, (s, e) in enumerate(sentence_bounds(doc)):
        for i in range(s, e):
            sent_of[i] = k
    quotes = quoted(doc)
    names: dict[str, str] = {}
    titled: set[str] = set()
    gender: dict[str, str] = {}
    collective: set[str] = set()
    spans: list[tuple[int, int, str]] = []  # (start, end, surname) of person names
    own: dict[tuple[int, int], str] = {}  # a mention's own full name ("Ivanka Trump" beside "Donald Trump")

    first_full: dict[str, int] = {}  # surname -> where the article first names the person in full
    styled: dict[str, str] = {}  # surname -> "Mr Blair", the name to show when the article gives no other

    def add_name(words: list[str]) -> str | None:
        words = _clean(words)
        if not words:
            return None
        last = words[-1]
        if 1 < len(words) <= 4 and len(" ".join(words)) > len(names.get(last, "")):
            names[last] = " ".join(words)
        names.setdefault(last, last)
        return last

    ents = [e for e in doc.ents]
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        if ent.start > 0 and doc[ent.start - 1].lower_ in ("the", "a", "an"):
            continue  # "The Aurora": a ship, a band, a prize -- not a person
        if any(ch.isdigit() for ch in ent.text):
            continue  # "G8": a group of countries the recogniser took for a person
        # words as written: "Winn-Dixie" is one word, not a first name and a surname
        words = _clean([w for w in ent.text.split() if w.lower().strip(".") not in TITLES])
        if len(words) > 2 and words[0].lower() in ROLE_WORDS:
            words = words[1:]  # "Rapper Kanye West" in a headline
        head = doc[ent.end - 1] if doc[ent.end - 1].dep_ != "case" else doc[max(ent.start, ent.end - 2)]
        if _is_collective(doc, _root(doc, head.i)) and len(ent) == 1:
            collective.add(ent.text)
            continue
        key = add_name(words)
        if key:
            spans.append((ent.start, ent.end, key))
            if len(words) > 1:
                own[(ent.start, ent.end)] = " ".join(words)
                first_full.setdefault(key, ent.start)
    for t0, j, k, g in _title_runs(doc):
        run = [doc[i].text for i in range(j, k)]
        if len(run) == 1 and doc[t0].lower_ in PEERAGE:
            run = [doc[t0].text] + run  # "Lord Woolf", "Dame Elizabeth": the title is part of the name
        elif len(run) == 1:
            styled.setdefault(run[0], f"{doc[t0].text} {run[0]}")  # "Mr Blair", when no first name is given
        key = add_name(run)
        if key:
            titled.add(key)
            if g:
                gender.setdefault(key, g)
            spans.append((t0, k, key))
    # An apposition of a name the recogniser missed: "The Shadow Secretary ..., Theresa May, said".
    for tok in doc:
        if tok.dep_ == "appos" and tok.pos_ == "PROPN" and tok.ent_type_ in ("", "DATE", "PERSON"):
            first = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == tok.i - 1]
            if first and first[0].text[:1].isupper() and first[0].lower_ not in TITLES:
                key = add_name([first[0].text, tok.text])
                if key:
                    spans.append((first[0].i, tok.i + 1, key))
                    own[(first[0].i, tok.i + 1)] = f"{first[0].text} {tok.text}"
    # Bare surnames of people the article names elsewhere.
    covered = {i for s, e, _ in spans for i in range(s, e)}
    full = {k for k, v in names.items() if " " in v} | titled
    for tok in doc:
        # "Hanks said": a surname the tagger took for a plural noun is still his
        if tok.i in covered or tok.text not in full or not (tok.pos_ == "PROPN" or (
                tok.pos_ == "NOUN" and tok.text[:1].isupper())):
            continue
        if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"):
            continue
        if tok.ent_type_ in ("ORG", "GPE", "NORP", "FAC", "PRODUCT", "EVENT") and tok.text not in titled and (
                len(_ent_len(doc, tok)) > 1 or first_full.get(tok.text, len(doc)) > tok.i):
            # "Safin" after "Marat Safin" is his, whatever the recogniser says; "Rangers" before a
            # "Glasgow Rangers" it mislabelled a person is not
            continue
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            continue  # part of a longer name: "Ferguson" in "Alex Ferguson" is covered; "Ferguson Ltd" is not his
        first = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == tok.i - 1
                 and c.lower_ not in TITLES]
        start = first[0].i if first else tok.i
        spans.append((start, tok.i + 1, tok.text))
        if first:
            own[(start, tok.i + 1)] = f"{first[0].text} {tok.text}"  # "Deutsche Bank's Simon Champion"
            add_name([first[0].text, tok.text])
    for start, end, key in spans:
        if key in collective:
            continue
        g = gender.get(key) or _gender_near(doc, start, end)
        if g:
            gender.setdefault(key, g)
    persons = []
    for start, end, key in sorted(spans):
        if key in collective:
            continue
        root = _root(doc, end - 1)
        m = _mention(doc, start, end, key, root, sent_of, quotes, "PERSON")
        persons.append(Mention(**{**m.__dict__, "name": own.get((start, end), "")}))
    groups = []
    for ent in ents:
        if ent.label_ not in ("ORG", "GPE", "NORP") or any(s <= ent.start < e for s, e, _ in spans):
            continue
        last = doc[ent.end - 1]
        if last.dep_ == "case" and ent.end - 2 >= ent.start:
            last = doc[ent.end - 2]
        if last.dep_ in ("compound", "amod", "nmod") and not ent.start <= last.head.i < ent.end \
                and last.head.pos_ == "NOUN":
            continue  # a modifier: "the Saudi flights", "the Windows operating system"
        root = _root(doc, last.i)
        name = ent.text
        for tail in ("'s", "\u2019s"):
            name = name[:-len(tail)] if name.endswith(tail) else name
        if name.lower().startswith("the "):
            name = name[4:]
        groups.append(_mention(doc, ent.start, ent.end, name, root, sent_of, quotes, ent.label_))
    # Names a common noun calls a business the recogniser did not: "telecommunications firm NTL".
    taken = {i for m in groups for i in range(m.start, m.end)}
    for tok in doc:
        if tok.pos_ == "PROPN" and tok.i not in taken and not tok.ent_type_ and tok.dep_ not in ("compound", "amod") \
                and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in BUSINESS_WORDS for c in tok.children):
            groups.append(_mention(doc, tok.i, tok.i + 1, tok.text, _root(doc, tok.i), sent_of, quotes, "ORG"))
    for name in collective:
        for tok in doc:
            if tok.text == name:
                groups.append(_mention(doc, tok.i, tok.i + 1, name, _root(doc, tok.i), sent_of, quotes, "ORG"))
    groups.sort(key=lambda m: m.start)
    for last, shown in styled.items():
        if names.get(last) == last:
            names[last] = shown
    by_token: dict[int, Mention] = {}
    for m in persons:
        for i in range(m.start, m.end):
            by_token.setdefault(i, m)
    out = People(names, titled, gender, collective, persons, groups, sent_of, {}, by_token)
    doc.user_data["veracity_people"] = out
    return out


def _mention(doc: Any, start: int, end: int, key: str, root: Any, sent_of: list[int], quotes: list[int],
             label: str) -> Mention:
    subject = root.dep_ in SUBJECT_DEPS
    verb = root.head
    main = subject and (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))
    return Mention(start, end, key, sent_of[start], subject, main, bool(quotes[start]), label)


def person_name(doc: Any, tok: Any) -> str | None:
    """The full name of the person a proper-noun token names, if the article shows it is one."""
    p = people(doc)
    if tok.text in p.collective:
        return None
    m = p.by_token.get(tok.i)
    return (m.name or p.names.get(m.key, m.key)) if m is not None else None


def is_collective(doc: Any, tok: Any) -> bool:
    return tok.text in people(doc).collective or _is_collective(doc, tok)


def full_name(doc: Any, surname: str) -> str:
    return people(doc).names.get(surname, surname)


def antecedent(doc: Any, i: int) -> str | None:
    """The named antecedent of the pronoun at token ``i`` (None when the article gives none)."""
    p = people(doc)
    if i in p.resolved:
        return p.resolved[i]
    p.resolved[i] = None  # a guard against cycles; replaced below
    low = doc[i].lower_
    here = p.sent_of[i]
    if low in PRONOUNS_MALE or low in PRONOUNS_FEMALE:
        want = "m" if low in PRONOUNS_MALE else "f"
        mentions = p.persons
        fits = lambda m: p.gender.get(m.key, want) == want  # noqa: E731
        pool = [m for m in p.sentences(p.persons, here - WINDOW, here) if fits(m)]
        pool += _pronoun_mentions(doc, p, i, PRONOUNS_MALE if want == "m" else PRONOUNS_FEMALE)
    elif low in PRONOUNS_SELF:
        return _speaker(doc, p, i)
    elif low in PRONOUNS_IT or low in PRONOUNS_THEY:
        forms = PRONOUNS_IT if low in PRONOUNS_IT else PRONOUNS_THEY
        labels = ("ORG", "GPE") if low in PRONOUNS_IT else ("ORG", "GPE", "NORP")
        mentions = p.groups
        fits = lambda m: m.label in labels  # noqa: E731
        pool = [m for m in p.sentences(p.groups, here - WINDOW, here) if fits(m)]
        pool += _pronoun_mentions(doc, p, i, forms, "ORG")
    else:
        return None
    in_quote = quoted(doc)[i]
    usable = lambda m: m.end <= i and (in_quote or not m.quoted) and bool(m.key)  # noqa: E731
    near = [m for m in pool if usable(m)]
    if near:
        best = max(near, key=lambda m: (-(here - m.sent), m.main, m.subject, m.start))
    else:
        # nothing in the window: the nearest fitting mention before it, however far
        best = next((m for m in reversed(p.sentences(mentions, 0, here)) if fits(m) and usable(m)), None)
        if best is None:
            p.resolved[i] = None
            return None
    name = (best.name or p.names.get(best.key, best.key)) if best.label == "PERSON" else best.key
    p.resolved[i] = name
    return name


def _pronoun_mentions(doc: Any, p: People, i: int, forms: set[str], label: str = "PERSON") -> list[Mention]:
    """Earlier subject pronouns of the same gender, as mentions of their own antecedents."""
    quotes = quoted(doc)
    out = []
    lo = sentence_bounds(doc)[max(0, p.sent_of[i] - WINDOW)][0]
    for tok in doc[lo:i]:
        if tok.lower_ in forms and tok.dep_ in SUBJECT_DEPS and not quotes[tok.i]:
            name = antecedent(doc, tok.i)
            if name:
                key = name.split()[-1] if label == "PERSON" else name
                m = _mention(doc, tok.i, tok.i + 1, key, tok, p.sent_of, quotes, label)
                out.append(Mention(**{**m.__dict__, "name": name}))  # "Ian Blair", not the other Blair
    return out


def _speaker(doc: Any, p: People, i: int) -> str | None:
    """Whom "I" inside a quotation stands for: the person the sentence or the one before gives as
    speaking, outside the quotation ('"... but I think this government has got itself ...",' after
    "He told BBC's Breakfast with Frost programme ...", "He" being Charles Kennedy)."""
    quotes = quoted(doc)
    if not quotes[i]:
        return None
    p.resolved[i] = None
    here = p.sent_of[i]
    lo = max(0, here - SPEAKER_WINDOW)
    pool = [m for m in p.sentences(p.persons, lo, here) if not m.quoted and m.main]
    for tok in doc[sentence_bounds(doc)[lo][0]:sentence_bounds(doc)[here][1]]:
        if tok.lower_ in PRONOUNS_MALE | PRONOUNS_FEMALE and tok.dep_ in SUBJECT_DEPS and not quotes[tok.i] \
                and tok.head.dep_ == "ROOT":
            name = antecedent(doc, tok.i)
            if name:
                pool.append(Mention(tok.i, tok.i + 1, name.split()[-1], p.sent_of[tok.i], True, True, False, "PERSON",
                                    name))
    if not pool:
        return None
    # the same sentence's speaker first ('"...," said Mr Rubinsohn'), else the latest before
    same = [m for m in pool if m.sent == here]
    best = min(same, key=lambda m: abs(m.start - i)) if same else max(pool, key=lambda m: m.start)
    name = best.name or p.names.get(best.key, best.key)
    p.resolved[i] = name
    return name

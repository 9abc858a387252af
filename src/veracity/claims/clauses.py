"""A sentence's claims: its clauses that each state something of their own.

"While some countries, including Germany and Poland, have signaled cautious support,
others ... have voiced strong opposition" makes two claims, and a fact-checker can find the
first true and the second false. One claim per sentence gives them one verdict, so one of the
two is on the wrong side whatever the evidence says. A sentence is therefore cut where the
parse shows a second statement with a subject of its own:

- a clause of contrast ("while", "whereas", "although", "though"), before or after the main
  clause ("Germany would provide 800 soldiers, the newspaper said, while Poland would send
  400");
- a coordinated clause with its own subject ("South Sudan's government has accepted the
  proposal, the diplomat said, and the first 50 observers could arrive within a month");
- a semicolon between two clauses;
- each country of a list that shares the first one's verb ("France would send six Rafale
  jets, Greece four F-16s and Italy two Eurofighters"): "Greece four F-16s" is a claim that
  reads "Greece would send four F-16s" (its ``reading``: the name, the shared verb, the rest).

Only clauses of the main statement are cut: those of the sentence's root, of what the root
reports (its clausal complement) and of their conjuncts. A relative or conditional clause
("if", "because", "after") belongs to its main clause and stays with it.

Each piece is a contiguous span of the sentence. What is left after the last cut (a trailing
", the newspaper said") stays with the last piece; the attribution stage links every piece
whose text its content overlaps, so each piece keeps its source.
"""

from __future__ import annotations

# Subordinators of a clause that states a fact of its own, set against the main clause.
CONTRAST = frozenset({"while", "whereas", "although", "though"})
# A piece with fewer content words than this is no statement to check on its own ("No one was
# hurt", "Poland would send 400"): no cut. Verification skips claims this short (the same count
# as verify.claimed.MIN_CLAIM_WORDS), so cutting them off would leave them unchecked ...
MIN_PIECE_WORDS = 4
# ... unless a name is what it is about: "Nigeria has backed the plan" (three; verification checks
# a claim that names a party in three, verify.claimed.MIN_NAMED_CLAIM_WORDS).
MIN_NAMED_PIECE_WORDS = 3
_SUBJECT = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_MAIN = frozenset({"ROOT", "ccomp", "parataxis"})
_EDGE = frozenset({",", ";", ":", "and", "but", "or", "while", "whereas", "although", "though", "-", "\u2014", "\u2013"})


# Subjects that name again a party the sentence has named ("Kwabena Ansah Mining's licence had
# expired in June and *the company* was operating without a valid permit"; "..., and *it* raised
# its deposit rate"): cut off, the clause would lose whom it is about (a denial by that party
# could no longer be told from anyone else's), so it stays with the clause that names it.
_NAMED_AGAIN = frozenset("it they he she we its their company firm group government ministry bank council authority "
                         "agency union club federation operator carrier airline court committee board party".split())


def _subject(t) -> bool:
    """``t`` has a subject of its own, not a bare number sharing another's noun ("Two workers were
    killed and three injured")."""
    return any(c.dep_ in _SUBJECT and c.pos_ != "NUM" for c in t.children)


def _own_party(t) -> bool:
    """``t``'s subject names a party of its own, not one named before (_NAMED_AGAIN)."""
    subj = next((c for c in t.children if c.dep_ in _SUBJECT), None)
    if subj is None or subj.pos_ == "NUM":
        return False
    if subj.lower_ in _NAMED_AGAIN and (subj.pos_ == "PRON" or any(c.lower_ in ("the", "this", "that") for c in subj.children)):
        return False
    return True


def _verb(t) -> bool:
    return t.pos_ in ("VERB", "AUX")


# Verbs of saying: a conjunct "the Lagos-based West Africa Chronicle reported on Wednesday,
# citing a senior regional diplomat" (the parser's reading of a trailing attribution) says who
# reports the sentence, it is no second statement.
SAYING = frozenset("say tell report add state announce confirm write quote cite claim note explain insist warn "
                   "disclose reveal according".split())


def _tells_source(v) -> bool:
    """A verb of saying with no clause of what was said."""
    return v.lemma_.lower() in SAYING and not any(c.dep_ in ("ccomp", "dobj") for c in v.children)


def _main(t) -> bool:
    """``t`` is the sentence's root, what it reports, or a conjunct of either."""
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    return t.dep_ in _MAIN


def _own_start(v, skip) -> int:
    """Where ``v``'s clause starts without the child ``skip`` (and edge punctuation)."""
    starts = [c.left_edge.i for c in v.lefts if c is not skip and not c.is_punct]
    return min(starts + [v.i])


def _cuts(toks: list, start: int, end: int) -> set[int]:
    """Token indices where a new piece starts."""
    cuts: set[int] = set()
    for t in toks[start:end]:
        if t.dep_ == "conj" and _verb(t) and _verb(t.head) and _own_party(t) and _main(t.head) and not _tells_source(t):
            cuts.add(t.left_edge.i)
        elif t.dep_ == "advcl" and _main(t.head) and _subject(t) and \
                any(c.dep_ == "mark" and c.lower_ in CONTRAST for c in t.children):
            if t.left_edge.i > start:
                # only after a comma: "will stay suspended for up to six months while the company
                # prepares a new plan" is a time, not a second statement
                if toks[t.left_edge.i - 1].text == ",":
                    cuts.add(t.left_edge.i)
                continue
            main = t.head
            if _subject(main):
                cuts.add(t.right_edge.i + 1)
                continue
            # "While A have Xed B, C have Yed D": the parser often makes C a conjunct of B and
            # leaves the main verb without a subject; the main clause starts at that conjunct.
            own = _own_start(main, t)
            moved = [c for c in t.subtree if c.dep_ == "conj" and not _verb(c) and c.right_edge.i + 1 == own]
            cuts.add(moved[0].left_edge.i if moved else t.right_edge.i + 1)
        elif t.text == ";" and t.head.dep_ == "ROOT":
            cuts.add(t.i + 1)
        elif t.dep_ == "conj" and _verb(t) and _verb(t.head) and not _subject(t) and _main(t.head) and not _tells_source(t) \
                and (who := _stray_subject(toks, start, t)) is not None:
            cuts.add(who.left_edge.i)
    return {c for c in cuts if start < c < end}


# Names the parser may join to the object of the clause before ("be at Naqoura, ..., and *Italy*,
# which has ..., would provide the force commander"), leaving the next verb without a subject.
_PARTY_ENTS = frozenset({"GPE", "ORG", "NORP", "PERSON"})


def _stray_subject(toks: list, start: int, v):
    """The name right before a subjectless conjunct verb (a describing clause between), taken by
    the parser as a conjunct of the clause before's object: the verb's own subject. None when the
    verb has its own "and" (then the name ends a list: "from Gdansk and Rotterdam, and would
    arrive ...")."""
    if any(c.dep_ == "cc" for c in v.children):
        return None
    own = _own_start(v, None)
    for c in toks[start:v.i]:
        if c.dep_ == "conj" and c.pos_ == "PROPN" and c.ent_type_ in _PARTY_ENTS and not _verb(c.head):
            after = c.right_edge.i + 1
            while after < own and toks[after].is_punct:
                after += 1
            if after == own:
                return c
    return None


# Words that open what a listed name gets ("Germany up to 1,500", "Mali some 2,000", "Spain a
# frigate", "Saudi Arabia the rest").
_GETS = frozenset("about some around roughly up nearly almost more over at least another a an the".split())
_NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "CARDINAL", "PERCENT", "QUANTITY", "ORDINAL"})
_ITEM_END = frozenset({",", ";", ".", "while", "with", "whereas", "but"})


def _name_end(toks: list, k: int, end: int) -> int:
    """Where the name starting at ``k`` ends ("the Netherlands", "Côte d'Ivoire"); ``k`` if none."""
    if k >= end:
        return k
    j = k + 1 if toks[k].lower_ == "the" and k + 1 < end and toks[k + 1].pos_ == "PROPN" else k
    while j < end and toks[j].pos_ == "PROPN" and toks[j].ent_type_ not in _NOT_NAMES:
        j += 1
    return j if j > k and toks[j - 1].pos_ == "PROPN" else k


def _gets(toks: list, j: int, end: int) -> bool:
    return j < end and (toks[j].pos_ == "NUM" or toks[j].lower_ in _GETS) and toks[j].ent_type_ not in ("DATE", "TIME")


def _gapped(toks: list, start: int, end: int) -> list[tuple[int, int, int, int, int]]:
    """The names of a list that share a verb with the first, each with what it gets:
    (name start, name end, item end, verb start, verb end) in token indices."""
    out = []
    for v in toks[start:end]:
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if v.pos_ != "VERB" or subj is None or (subj.pos_ != "PROPN" and subj.ent_type_ not in ("GPE", "NORP", "ORG")):
            continue
        k = v.i + 1
        counted = False
        while k < end and toks[k].text not in (",", ";") and toks[k].lower_ != "and" and toks[k].pos_ not in ("VERB", "AUX"):
            counted = counted or toks[k].pos_ == "NUM" or toks[k].lower_ in ("a", "an")
            k += 1
        if not counted:
            continue
        aux = [c.i for c in v.lefts if c.dep_ in ("aux", "auxpass", "neg", "advmod") and c.i >= v.i - 3]
        va = min(aux + [v.i])
        while k < end:
            n = k
            while n < end and (toks[n].text == "," or toks[n].lower_ == "and"):
                n += 1
            if n == k:
                break
            j = _name_end(toks, n, end)
            if j == n or not _gets(toks, j, end):
                if toks[k].lower_ == "and" or (k + 1 < end and toks[k + 1].lower_ == "and"):
                    # "Spain a frigate and a supply ship, and France ...", "two batteries and about
                    # 700 personnel, Qatar 400": the item goes on
                    k = n
                    while k < end and toks[k].lower_ not in _ITEM_END and toks[k].lower_ != "and" and toks[k].pos_ not in ("VERB", "AUX"):
                        k += 1
                    if k < end and toks[k].pos_ not in ("VERB", "AUX"):
                        if out:
                            out[-1] = out[-1][:2] + (k,) + out[-1][3:]
                        continue
                break
            e = j
            while e < end and toks[e].lower_ not in _ITEM_END and toks[e].lower_ != "and" and toks[e].pos_ not in ("VERB", "AUX"):
                e += 1
            if e < end and toks[e].pos_ in ("VERB", "AUX"):
                break  # a clause of its own, not a name with what it gets
            out.append((n, j, e, va, v.i + 1))
            k = e
        if out:
            return out
    return []


def _words(toks: list, a: int, b: int) -> int:
    return sum(1 for t in toks[a:b] if not t.is_punct and not t.is_stop and not t.is_space)


def _too_small(toks: list, a: int, b: int) -> bool:
    """No statement of its own: too few words (a name's own counting less), or no verb."""
    if not any(_verb(t) for t in toks[a:b]):
        return True
    named = any(t.pos_ == "PROPN" and t.dep_ in _SUBJECT for t in toks[a:b])
    return _words(toks, a, b) < (MIN_NAMED_PIECE_WORDS if named else MIN_PIECE_WORDS)


def _trim(toks: list, a: int, b: int) -> tuple[int, int]:
    while a < b and (toks[a].is_punct or toks[a].lower_ in _EDGE or toks[a].is_space):
        a += 1
    while b > a and (toks[b - 1].lower_ in _EDGE or toks[b - 1].is_space) and toks[b - 1].text not in ".!?":
        b -= 1
    return a, b


def pieces(toks: list, start: int, end: int) -> list[tuple[int, int, tuple[tuple[int, int], ...]]]:
    """Token ranges [a, b) of the sentence ``toks[start:end]``'s claims, in order, each with the
    token ranges it reads as when it leaves out a shared verb (else ()): one range (the
    sentence) unless it holds two statements (see the module's docstring)."""
    gapped = {n: ((n, j), (va, vb), (j, e)) for n, j, e, va, vb in _gapped(toks, start, end)}
    cuts = sorted(_cuts(toks, start, end) | set(gapped))
    if not cuts:
        return [(start, end, ())]
    bounds = [start, *cuts, end]
    out: list[tuple[int, int, tuple[tuple[int, int], ...]]] = []
    for a, b in zip(bounds, bounds[1:]):
        reading = gapped.get(a, ())
        if out and not reading and _too_small(toks, a, b):
            out[-1] = (out[-1][0], b, out[-1][2])  # too small to stand alone: back to the piece before
            continue
        out.append((a, b, reading))
    # (the clause a list's names share their verb with stands, however short: "Italy would
    # contribute two frigates, Spain a frigate ...")
    if len(out) > 1 and not out[1][2] and _too_small(toks, out[0][0], out[0][1]):
        out[1] = (out[0][0], out[1][1], out[1][2])
        out.pop(0)
    if len(out) == 1:
        return [(start, end, ())]
    return [(*_trim(toks, a, b), reading) for a, b, reading in out]

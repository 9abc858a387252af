"""Frames from the dependency parse: who does what to whom, where, when, how many.

One frame per verbal predicate (ROOT, conjuncts, complement, adverbial, relative and
participial clauses), plus nominal frames for "the X of Y by Z" ("the establishment of a
patrol system by Ukrainian forces", "a provocation by Moscow").

Roles, by general rules (nothing here knows any particular article):
- agent: the active subject; in the passive the "by" phrase (agent dep), the passive
  subject becoming the patient. A relative pronoun subject ("who", "which") is replaced by
  the noun the clause hangs on. Clauses without a subject inherit one: conjuncts from the
  first conjunct, infinitive/participle complements and purpose clauses from the clause
  they depend on (the surface subject: "the contingent will be stationed ... to provide
  support" -> the contingent provides), "a plan to deploy" from the subject of the verb
  that has the plan as object, participles on a noun ("forces operating from bases",
  "a diplomat quoted by ...") from that noun.
- patient: direct object, or the passive subject.
- location / time: prepositional or adverbial modifiers holding a place entity or a place
  noun / a DATE or TIME entity; further ones go to ``extra``.
- quantity: the first quantity found in the patient, then the agent, then the modifiers.
- extra: ("purpose", to-infinitive adverbial), ("complement", xcomp), ("content", ccomp),
  ("recipient", dative), ("amount", "jumped 76%"), ("location_ref", the one country named
  earlier in the sentence when the location is "the [war-torn] nation/country"), and other
  prepositional phrases under their preposition ("with", "according to", ...).
Spans are clean phrases: the subtree of the role's head, trimmed of relative clauses,
comma-set participle clauses, the clause the frame itself comes from, and edge punctuation.

A known spaCy error is repaired generally: in "While A have Xed B, C have Yed D" the parser
often attaches C as a conjunct of B and leaves the main verb without a subject; a finite
verb with no subject takes such a conjunct that ends right before it.
"""

from __future__ import annotations

from ..records import Frame, Place, Quantity, Span

# Verbs whose complement is an action not done ("refused to take part", "declined to sign").
REFUSING = frozenset({"refuse", "decline"})
# ... with their particle ("has ruled out buying South Korean howitzers").
REFUSING_PHRASAL = frozenset({("rule", "out")})
# Verbs that turn down a request whose action is then not done ("turned down a request to send
# combat troops", "rejected calls to resign").
REJECTING = frozenset({"reject", "refuse", "decline", "dismiss"})
REJECTING_PHRASAL = frozenset({("turn", "down"), ("rule", "out")})
REQUEST_NOUNS = frozenset("request call calls proposal demand demands offer invitation appeal plea".split())
# "She was against withdrawing the licence": being against an action.
AGAINST_HOLDERS = frozenset({"be", "remain", "stand", "come", "argue", "speak", "vote"})


# Verbs whose gerund object is the action itself: "would not involve basing", "does not
# include sending", "does not envisage cutting".
INCLUDING = frozenset("involve include entail envisage envision foresee contemplate mean".split())


def _in_negated_inclusion(v) -> bool:
    head = v.head
    return v.tag_ == "VBG" and v.dep_ in ("xcomp", "dobj") and head is not v and head.lemma_.lower() in INCLUDING \
        and any(c.dep_ == "neg" for c in head.children)


def _particle(v) -> str:
    return next((c.lower_ for c in v.children if c.dep_ == "prt"), "")


def _refused(v) -> bool:
    """Is the action at ``v`` refused, ruled out, opposed or a turned-down request, by a head
    that is not itself negated?"""
    def neg(t) -> bool:
        return any(c.dep_ == "neg" for c in t.children)
    head = v.head
    if v.dep_ == "xcomp" and (head.lemma_.lower() in REFUSING or (head.lemma_.lower(), _particle(head)) in REFUSING_PHRASAL):
        return not neg(head)
    # "ruled out taking part": the parser's adverbial gerund right after the refusal
    if v.dep_ == "advcl" and v.tag_ == "VBG" and 0 < v.i - head.i <= 3 and (head.lemma_.lower(), _particle(head)) in REFUSING_PHRASAL:
        return not neg(head)
    if v.dep_ == "pcomp" and head.lower_ == "against" and head.head.lemma_.lower() in AGAINST_HOLDERS:
        return not neg(head.head)
    if v.dep_ == "acl" and head.lemma_.lower() in REQUEST_NOUNS and head.dep_ == "dobj":
        verb = head.head
        if verb.lemma_.lower() in REJECTING or (verb.lemma_.lower(), _particle(verb)) in REJECTING_PHRASAL:
            return not neg(verb)
    return False

FRAME_DEPS = frozenset({"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj",
                        "csubjpass", "parataxis"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
LOC_PREPS = frozenset({"in", "at", "into", "across", "to", "from", "near", "inside", "outside", "throughout",
                       "within", "along", "over", "onto", "towards", "toward", "around", "on", "through",
                       "off", "beyond", "out", "under", "above", "below", "via"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
TIME_ENTS = frozenset({"DATE", "TIME"})
LOCATION_NOUNS = frozenset("""location base border region area city country nation capital territory
front airspace town village site camp zone province street district frontier coast sea island
headquarters embassy airport port state continent soil ground""".split())
GENERIC_PLACE_NOUNS = frozenset({"nation", "country", "state", "republic", "territory"})
# "according to" is a preposition in all but tag; "be" (copula, existential) is no action.
SKIP_LEMMAS = frozenset({"accord", "be"})
# Two-word prepositions, named in full as extra roles ("according to", "due to").
TWO_WORD_PREPS = frozenset({("according", "to"), ("due", "to"), ("because", "of"), ("instead", "of"),
                            ("ahead", "of"), ("out", "of"), ("prior", "to"), ("thanks", "to")})


def _phrase(tok, text: str, exclude: frozenset[int] = frozenset(), dropped: frozenset[int] = frozenset()) -> Span | None:
    """A clean contiguous phrase for ``tok``'s subtree (see module docstring)."""

    doc = tok.doc

    def keep(child) -> bool:
        if child.i in dropped:
            return False
        dep = child.dep_
        if dep == "relcl":
            return False
        left = child.left_edge.i
        if exclude:
            right = child.right_edge.i
            if any(left <= x <= right for x in exclude):
                return False
        if dep in ("acl", "advcl") and left > 0 and doc[left - 1].text == ",":
            return False
        return True

    lo, hi = tok.i, tok.i
    for child in reversed(list(tok.lefts)):
        if not keep(child):
            break
        lo = child.left_edge.i
    for child in tok.rights:
        if not keep(child):
            break
        hi = child.right_edge.i
    while lo < hi and lo != tok.i and _edge_junk(doc[lo]) and not _closes(doc, lo, hi, lo):
        lo += 1
    while hi > lo and hi != tok.i and _edge_junk(doc[hi]) and not _closes(doc, lo, hi, hi):
        hi -= 1
    return Span.of(text, doc[lo].idx, doc[hi].idx + len(doc[hi].text))


PAIRS = {")": "(", "]": "[", "’": "‘", "”": "“"}


def _edge_junk(t) -> bool:
    return t.is_punct or t.is_space or t.dep_ == "cc"


def _closes(doc, lo: int, hi: int, k: int) -> bool:
    """Whether doc[k] is a bracket or quote paired with another inside [lo, hi]: keep it."""
    ch = doc[k].text
    if ch in ('"', "'", "``", "''"):
        # Straight quotes open and close alike: keep one if the phrase holds an even number.
        return sum(1 for j in range(lo, hi + 1) if doc[j].text in ('"', "'", "``", "''")) % 2 == 0
    if ch in PAIRS:
        opener = PAIRS[ch]
        return any(doc[j].text == opener for j in range(lo, k))
    if ch in PAIRS.values():
        closer = next(c for c, o in PAIRS.items() if o == ch)
        return any(doc[j].text == closer for j in range(k + 1, hi + 1))
    return False



# A subject that no one fills negates its verb: "no origin had been barred", "nobody was hurt".
NONE_WORDS = frozenset({"nobody", "nothing", "none", "no-one"})


def _none_subject(c) -> bool:
    if c.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return c.lower_ in NONE_WORDS or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) or (
        c.lower_ == "one" and any(d.lower_ == "no" for d in c.children))

def _shares_none_subject(v) -> bool:
    """A verb joined to a negated one, with no subject of its own: one whose subject no one fills
    ("none of its directors had been contacted or *questioned*"), or one negated before "or"
    ("had not been contacted or *questioned*")."""
    if v.dep_ != "conj" or v.head.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return False
    up = v.head.children
    return any(_none_subject(c) for c in v.head.children) or (
        any(c.dep_ == "neg" for c in v.head.children) and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in up))


def _no_object(c) -> bool:
    """ "had received no formal proposal": the action with "no" as its object's determiner."""
    return c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)


class _Roles:
    __slots__ = ("subject", "passive")

    def __init__(self, subject, passive: bool):
        self.subject = subject
        self.passive = passive


class FrameBuilder:
    """Builds the frames of one sentence; memoises subject inheritance per verb."""

    def __init__(self, doc, toks: list, text: str, quantities: tuple[Quantity, ...], places: tuple[Place, ...] = ()):
        self.doc, self.toks, self.text, self.quantities, self.places = doc, toks, text, quantities, places
        self.start = toks[0].i if toks else 0
        self._roles: dict[int, _Roles] = {}
        self.dropped: set[int] = set()  # conjuncts re-assigned as another verb's subject

    # ------------------------------------------------------------------ subjects
    @staticmethod
    def _is_passive(v) -> bool:
        if any(c.dep_ == "auxpass" for c in v.children):
            return True
        own_aux = any(c.dep_ in ("aux", "auxpass") for c in v.children)
        # Bare past participles hanging on a noun or clause: "a diplomat quoted by", "tasked with".
        if v.tag_ == "VBN" and v.dep_ in ("acl", "advcl") and not own_aux:
            return True
        # "was confined and told ...": a participle conjunct shares the first verb's passive.
        return v.tag_ == "VBN" and v.dep_ == "conj" and not own_aux and v.head is not v \
            and FrameBuilder._is_passive(v.head)

    def roles(self, v) -> _Roles:
        if v.i in self._roles:
            return self._roles[v.i]
        self._roles[v.i] = _Roles(None, self._is_passive(v))  # guards against cycles
        r = _Roles(self._subject(v), self._is_passive(v))
        self._roles[v.i] = r
        return r

    def _subject(self, v):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl"):
                if c.dep_ == "expl":
                    return None
                if c.lower_ in RELATIVE_PRONOUNS and v.dep_ == "relcl":
                    return v.head
                return c
        dep, head = v.dep_, v.head
        if dep == "conj" and head.pos_ in ("VERB", "AUX"):
            return self.roles(head).subject
        if dep in ("xcomp", "advcl") and head.pos_ in ("VERB", "AUX"):
            return self.roles(head).subject
        if dep == "xcomp" and head.pos_ == "ADJ" and head.head.pos_ in ("VERB", "AUX"):
            return self.roles(head.head).subject  # "X remain hesitant to commit" -> X commits
        if dep == "pcomp" and head.head.pos_ in ("VERB", "AUX"):
            return self.roles(head.head).subject
        if dep in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
            if not infinitive:
                return head  # "forces operating ...", "a diplomat quoted ..."
            if head.dep_ in ("dobj", "attr") and head.head.pos_ in ("VERB", "AUX"):
                return self.roles(head.head).subject  # "X unveiled a plan to deploy" -> X deploys
            return None
        if dep in ("ROOT", "conj", "ccomp") and self._finite(v):
            return self._repair_subject(v)
        return None

    @staticmethod
    def _finite(v) -> bool:
        return v.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in v.children)

    def _repair_subject(self, v):
        """See module docstring: a conjunct noun right before a subjectless finite verb."""
        lefts = [c for c in v.lefts if c.dep_ in ("aux", "auxpass", "neg", "advmod", "punct")]
        first = min([v.i] + [c.i for c in lefts])
        j = first - 1
        while j >= self.start and (self.doc[j].is_punct or self.doc[j].is_space):
            j -= 1
        if j < self.start:
            return None
        # The conjunct whose subtree ends at j.
        for tok in self.toks[: j + 1 - self.start]:
            if tok.dep_ == "conj" and tok.pos_ in ("NOUN", "PROPN", "PRON") and j <= tok.right_edge.i < first \
                    and tok.head.dep_ in ("dobj", "pobj", "attr") and tok.head.head.i != v.i:
                self.dropped.add(tok.i)
                return tok
        return None

    # ------------------------------------------------------------------ roles
    def _has_ent(self, tok, labels) -> bool:
        return any(t.ent_type_ in labels for t in tok.subtree)

    def _modifier_kind(self, child) -> str | None:
        """'location', 'time' or None for a modifier of a predicate. The place or date must
        be the modifier's own object ("in eastern Ukraine", "on Tuesday"), not something deep
        inside it ("in a dramatic escalation of support for Ukraine")."""
        if child.dep_ in ("npadvmod", "advmod", "tmod"):
            return "time" if child.ent_type_ in TIME_ENTS else None
        if child.dep_ != "prep":
            return None
        objs = [c for c in child.children if c.dep_ == "pobj"]
        if any(o.ent_type_ in TIME_ENTS for o in objs):
            return "time"
        if child.lower_ in LOC_PREPS:
            if any(o.ent_type_ in PLACE_ENTS or o.lemma_.lower() in LOCATION_NOUNS for o in objs):
                return "location"
        return None

    def _location_ref(self, location: Span) -> Span | None:
        """ "to the war-torn nation": when a location is a generic place noun with no place
        named in it, and the sentence named exactly one country before it, point to that
        mention. Only within the sentence; anything wider needs real coreference."""
        if any(location.contains(p.span) for p in self.places):
            return None
        words = location.text.lower().split()
        if not words or words[-1] not in GENERIC_PLACE_NOUNS or "the" not in words:
            return None
        before = [p for p in self.places if p.kind == "country" and p.span.end <= location.start]
        if len({p.codes for p in before}) != 1:
            return None
        return before[-1].span

    def _quantity(self, spans: list[Span | None]) -> Span | None:
        for s in spans:
            if s is None:
                continue
            for q in self.quantities:
                if s.contains(q.span):
                    return q.span
        return None

    def verb_frame(self, v) -> Frame | None:
        text = self.text
        me = frozenset({v.i})
        r = self.roles(v)
        agent_tok = patient_tok = None
        explicit_agent = None
        for c in v.children:
            if c.dep_ == "agent" or (r.passive and c.dep_ == "prep" and c.lower_ == "by"):
                explicit_agent = next((o for o in c.children if o.dep_ == "pobj"), None)
        if r.passive:
            patient_tok, agent_tok = r.subject, explicit_agent
        else:
            agent_tok = r.subject
        dobj = next((c for c in v.children if c.dep_ in ("dobj", "obj")), None)
        if dobj is not None:
            patient_tok = dobj
        dropped = frozenset(self.dropped)
        agent = _phrase(agent_tok, text, me, dropped) if agent_tok is not None else None
        patient = _phrase(patient_tok, text, me, dropped) if patient_tok is not None else None
        location = time = None
        extra: list[tuple[str, Span]] = []
        mods: list[Span] = []
        for c in v.children:
            if c.dep_ in ("agent",) or (c is not None and c.dep_ == "prep" and c.lower_ == "by" and r.passive):
                continue
            kind = self._modifier_kind(c)
            if kind is not None:
                span = _phrase(c, text, me, dropped)
                mods.append(span)
                if kind == "location" and location is None:
                    location = span
                elif kind == "time" and time is None:
                    time = span
                else:
                    extra.append((kind, span))
                continue
            if c.dep_ in ("npadvmod", "nummod", "quantmod") and any(
                    c.left_edge.idx <= q.span.start < c.right_edge.idx + len(c.right_edge.text) for q in self.quantities):
                span = _phrase(c, text, me, dropped)
                mods.insert(0, span)  # "profits jumped 76%": the change is the frame's quantity
                extra.append(("amount", span))
            elif c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                extra.append(("purpose", _phrase(c, text, dropped=dropped)))
            elif c.dep_ == "xcomp":
                extra.append(("complement", _phrase(c, text, dropped=dropped)))
            elif c.dep_ in ("acomp", "attr", "oprd"):
                extra.append(("complement", _phrase(c, text, me, dropped)))
            elif c.dep_ == "ccomp":
                extra.append(("content", _phrase(c, text, dropped=dropped)))
            elif c.dep_ in ("dative", "iobj"):
                extra.append(("recipient", _phrase(c, text, me, dropped)))
            elif c.dep_ == "prep":
                span = _phrase(c, text, me, dropped)
                mods.append(span)
                nxt = self.doc[c.i + 1].lower_ if c.i + 1 < len(self.doc) else ""
                extra.append((f"{c.lower_} {nxt}" if (c.lower_, nxt) in TWO_WORD_PREPS else c.lower_, span))
        if location is not None:
            ref = self._location_ref(location)
            if ref is not None:
                extra.append(("location_ref", ref))
        negated = any(c.dep_ == "neg" for c in v.children) or any(_none_subject(c) or _no_object(c) for c in v.children) \
            or _shares_none_subject(v)
        # "Norway has refused to take part", "ruled out buying", "was against withdrawing",
        # "turned down a request to send": the action refused is not done (unless the refusal is
        # itself negated: "did not refuse to sign").
        if _refused(v):
            negated = not negated
        # "the accord would not involve basing foreign soldiers", "does not include sending
        # troops": an action a negated verb of inclusion takes as its object is not done.
        elif not negated and _in_negated_inclusion(v):
            negated = True
        if agent is None and patient is None and location is None and time is None and not extra:
            return None
        return Frame(
            action=Span.of(text, v.idx, v.idx + len(v.text)), lemma=v.lemma_.lower(), agent=agent, patient=patient,
            quantity=self._quantity([patient, agent] + mods), location=location, time=time, negated=negated,
            extra=tuple(extra),
        )

    def noun_frame(self, n) -> Frame | None:
        """ "the X of Y by Z" / "an X by Z": nominal predicates with a by-agent."""
        by = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if by is None:
            return None
        agent_tok = next((o for o in by.children if o.dep_ == "pobj"), None)
        if agent_tok is None:
            return None
        text = self.text
        action, patient = n, None
        if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.pos_ == "NOUN":
            action = n.head.head
            patient = _phrase(n, text, frozenset({by.i}))
        else:
            of = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((o for o in of.children if o.dep_ == "pobj"), None) if of is not None else None
            patient = _phrase(obj, text, frozenset({by.i})) if obj is not None else None
        agent = _phrase(agent_tok, text)
        return Frame(action=Span.of(text, action.idx, action.idx + len(action.text)), lemma=action.lemma_.lower(),
                     agent=agent, patient=patient, quantity=self._quantity([patient, agent]),
                     negated=any(c.dep_ == "neg" for c in action.children))

    def build(self) -> tuple[Frame, ...]:
        frames: list[tuple[int, Frame]] = []
        verbs = [t for t in self.toks if t.pos_ == "VERB" and t.dep_ in FRAME_DEPS and t.is_alpha
                 and t.lemma_.lower() not in SKIP_LEMMAS]
        # Subjects first, so repaired conjuncts are known before any phrase is cut.
        for v in verbs:
            self.roles(v)
        for v in verbs:
            f = self.verb_frame(v)
            if f is not None:
                frames.append((v.i, f))
        for n in self.toks:
            if n.pos_ == "NOUN":
                f = self.noun_frame(n)
                if f is not None:
                    frames.append((n.i, f))
        frames.sort(key=lambda x: x[0])
        return tuple(f for _, f in frames)


def find_frames(doc, toks: list, text: str, quantities: tuple[Quantity, ...] = (),
                places: tuple[Place, ...] = ()) -> tuple[Frame, ...]:
    """Frames of one sentence (``toks``: its spaCy tokens, in order)."""
    if not toks:
        return ()
    return FrameBuilder(doc, toks, text, quantities, places).build()

"""Modality of a sentence, with the cue words that decided it.

Labels: question, reported, opinion, hedged, predicted, planned, asserted.

Precedence, when several kinds of cue occur in one sentence (first wins):
1. question  - the speech act: the sentence asks rather than claims.
2. reported  - someone other than the author vouches for it ("say", "according to",
               "reports", 'continued: "...', a named source or source noun that
               "highlighted"/"revealed" a noun phrase, a sentence that opens inside a
               quotation); who is speaking matters more to a fact-checker than how they
               phrase it.
3. opinion   - a stance, not a checkable fact ("I think", "fears that", "should",
               evaluative adjectives used as predicates: "the plan is reckless").
4. hedged    - the author weakens the claim ("may", "might", "reportedly", "possibly",
               "it is possible that", "appears to").
5. predicted - a statement about the future that nobody controls ("could trigger",
               "will rise", "is expected to", "likely to").
6. planned   - an intention or arrangement ("plan to", "aims to", "is due to",
               "will be stationed": a future passive, "will" with an agentive subject
               and a verb one does on purpose; "will be/miss/lose..." forecast).

A question asked inside a quotation that a reporting verb introduces ("He said 'can I
take it?'") is reported, not a question.
7. asserted  - none of the above.

"possible"/"potential" only hedge when predicative ("it is possible that"); attributive
("a possible invasion") qualifies the event, not the claim. These are heuristics on one
parse; the cues are returned so a reader can judge each decision.
"""

from __future__ import annotations

from ..records import Modality, Span

REPORT_VERBS = frozenset("""say tell report claim state announce add warn confirm deny insist argue
explain note write allege acknowledge admit reveal disclose assert declare emphasize emphasise
stress reiterate maintain tweet testify contend complain remark observe recall quote estimate
predict indicate suggest""".split())
# Reporting with a noun phrase as content ("The Times highlighted the divisions"): reported
# only when a source is the subject (a named person/organisation or a source noun).
REPORT_NOMINAL = frozenset("""highlight reveal describe detail cite confirm deny announce report disclose
document acknowledge admit""".split())
SOURCE_LABELS = frozenset({"PERSON", "ORG"})
SOURCE_NOUNS = frozenset("""official source spokesman spokeswoman spokesperson minister analyst report
newspaper study survey paper statement agency diplomat expert police""".split())
QUOTE_OPEN = frozenset({"‘", "“", '"', "'", "«"})
OPINION_VERBS = frozenset("think believe feel reckon fear hope worry doubt suspect guess suppose".split())
OPINION_NOUNS = frozenset("fear fears belief view opinion concern hope worry".split())
OPINION_PHRASES = (("in", "my", "view"), ("in", "my", "opinion"), ("in", "our", "view"), ("to", "my", "mind"))
DEONTIC = frozenset({"should", "ought", "must"})
EVALUATIVE = frozenset("""wrong right unacceptable outrageous disgraceful shameful absurd ridiculous
brilliant terrible awful excellent fantastic appalling deplorable scandalous unfair fair stupid wise
foolish reckless irresponsible disastrous shocking wonderful horrible pathetic silly crazy
ill-advised misguided laudable admirable dreadful""".split())
HEDGE_MODALS = frozenset({"may", "might"})
HEDGE_ADVERBS = frozenset("""reportedly allegedly apparently possibly perhaps maybe probably seemingly
purportedly supposedly presumably conceivably arguably""".split())
HEDGE_ADJ = frozenset({"possible", "likely", "unlikely", "probable", "plausible", "unclear", "uncertain"})
HEDGE_VERBS = frozenset({"seem", "appear"})
PREDICT_MODALS = frozenset({"could", "would"})
PREDICT_VERBS = frozenset({"expect", "forecast", "predict", "project", "anticipate"})
PLAN_VERBS = frozenset("plan intend aim propose schedule seek prepare vow pledge promise hope want".split())
PLAN_DOBJ = frozenset({"plan", "propose", "schedule", "prepare"})  # "plan an attack"; not "hope"/"want" + noun
PLAN_NOUNS = frozenset("plan proposal scheme intention bid".split())
FUTURE = frozenset({"will", "shall", "'ll", "’ll"})
# Subjects that act on purpose: "will" with one of these states an intention, not a forecast.
AGENTIVE_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
AGENTIVE_NOUNS = frozenset("""government minister ministry army force troops troop soldier personnel
official officer company firm team party leader president council committee police state country
nation agency court bank board union administration contingent group unit authority chief
commander general parliament""".split())
AGENTIVE_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they"})
# Verbs nobody does on purpose: "will" with them forecasts even with a person as subject
# ("Novo will miss two games", "we will be in for a torrid time").
NONVOLITIONAL = frozenset("""be become remain miss lose need face suffer receive get see cost fall rise grow
happen lead result mean fail win""".split())


def _span(text: str, toks) -> Span:
    toks = sorted(toks, key=lambda t: t.i)
    return Span.of(text, toks[0].idx, toks[-1].idx + len(toks[-1].text))


def _question(toks, text) -> list[Span]:
    toks = [t for t in toks if not t.is_space]
    while toks and (toks[-1].is_quote or toks[-1].text in ("’", "”", ")")):
        toks.pop()
    if toks and toks[-1].text == "?":
        return [_span(text, [toks[-1]])]
    return []


QUOTE_CHARS = frozenset({"'", '"', "‘", "’", "“", "”", "``", "''", "«", "»"})


def _quoted_question(toks, q: Span) -> bool:
    """Whether the "?" sits inside a quotation that does not open the sentence: a question
    someone is reported to have asked ("He said 'can I take it?'"), not one the text asks.
    Quote tokens toggle in and out of a quotation (apostrophes inside words are not
    separate tokens, so they do not count)."""
    quotes = [t for t in toks if t.text in QUOTE_CHARS and t.idx < q.start]
    if len(quotes) % 2 == 0:
        return False
    first = next((t for t in toks if not t.is_space), None)
    return first is not None and quotes[0].i != first.i


def _report_verb(t, end: int, has_quote: bool) -> bool:
    """Whether verb ``t`` introduces reported content (see REPORT_VERBS / REPORT_NOMINAL)."""
    lemma = t.lemma_.lower()
    if lemma in REPORT_VERBS:
        if any(c.dep_ in ("ccomp", "parataxis") for c in t.children):
            return True
        if (t.head.dep_ == "ccomp" or has_quote) and t.dep_ in ("ROOT", "parataxis"):
            return True
    if lemma in REPORT_NOMINAL and any(c.dep_ == "dobj" for c in t.children):
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is not None and (subj.ent_type_ in SOURCE_LABELS or subj.lemma_.lower() in SOURCE_NOUNS):
            return True
    # 'The boss continued: "..."'
    return t.i + 2 < end and t.doc[t.i + 1].text == ":" and (
        t.doc[t.i + 2].is_quote or t.doc[t.i + 2].text in QUOTE_OPEN)


def _reported(toks, text) -> list[Span]:
    cues = []
    end = toks[-1].i + 1
    has_quote = any(x.is_quote or x.text in QUOTE_OPEN for x in toks)
    for t in toks:
        if t.lower_ == "according" and t.i + 1 < end and t.doc[t.i + 1].lower_ == "to":
            cues.append(_span(text, [t, t.doc[t.i + 1]]))
        elif t.pos_ == "VERB" and _report_verb(t, end, has_quote):
            cues.append(_span(text, [t]))
    if not cues:
        first = next((t for t in toks if not t.is_space), None)
        if first is not None and (first.text in QUOTE_OPEN or (first.is_quote and first.text != "’")):
            cues.append(_span(text, [first]))
    return cues


def _opinion(toks, text) -> list[Span]:
    cues = []
    words = [t.lower_ for t in toks]
    for k in range(len(words)):
        for phrase in OPINION_PHRASES:
            if tuple(words[k : k + len(phrase)]) == phrase:
                cues.append(_span(text, toks[k : k + len(phrase)]))
    for t in toks:
        lem = t.lemma_.lower()
        if t.pos_ == "VERB" and lem in OPINION_VERBS and any(c.dep_ == "ccomp" for c in t.children):
            cues.append(_span(text, [t]))
        elif t.pos_ == "NOUN" and lem in OPINION_NOUNS and any(
                c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children) for c in t.children):
            cues.append(_span(text, [t]))
        elif t.tag_ == "MD" and t.lower_ in DEONTIC:
            cues.append(_span(text, [t]))
        elif t.pos_ == "ADJ" and t.lower_ in EVALUATIVE and t.dep_ in ("acomp", "attr", "ccomp"):
            cues.append(_span(text, [t]))
    return cues


def _hedged(toks, text) -> list[Span]:
    cues = []
    for t in toks:
        low = t.lower_
        if t.tag_ == "MD" and low in HEDGE_MODALS:
            cues.append(_span(text, [t]))
        elif t.pos_ == "ADV" and low in HEDGE_ADVERBS:
            cues.append(_span(text, [t]))
        elif t.pos_ == "ADJ" and low in HEDGE_ADJ and t.dep_ in ("acomp", "attr"):
            cues.append(_span(text, [t]))
        elif t.pos_ == "VERB" and t.lemma_.lower() in HEDGE_VERBS and any(c.dep_ == "xcomp" for c in t.children):
            cues.append(_span(text, [t]))
    return cues


def _agentive(subj) -> bool:
    if subj.ent_type_ in AGENTIVE_LABELS:
        return True
    if subj.pos_ == "PRON":
        return subj.lower_ in AGENTIVE_PRONOUNS
    return subj.lemma_.lower() in AGENTIVE_NOUNS


def _future(toks, text) -> tuple[list[Span], list[Span]]:
    """(predicted cues, planned cues) from modals and "will"."""
    predicted, planned = [], []
    end = toks[-1].i + 1
    for t in toks:
        low = t.lower_
        if t.tag_ == "MD" and low in PREDICT_MODALS:
            predicted.append(_span(text, [t]))
        elif t.tag_ == "MD" and low in FUTURE:
            verb = t.head
            passive = any(c.dep_ == "auxpass" for c in verb.children)
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if passive:
                planned.append(_span(text, [t, verb]))
            elif verb.lemma_.lower() in NONVOLITIONAL:
                predicted.append(_span(text, [t, verb]))
            elif subj is not None and _agentive(subj):
                planned.append(_span(text, [t, verb]))
            else:
                predicted.append(_span(text, [t, verb]))
        elif t.pos_ == "VERB" and t.lemma_.lower() in PREDICT_VERBS:
            predicted.append(_span(text, [t]))
        elif t.lower_ in ("likely", "set") and any(c.dep_ == "xcomp" for c in t.children):
            (predicted if t.lower_ == "likely" else planned).append(_span(text, [t]))
        elif t.pos_ == "VERB" and t.lemma_.lower() in PLAN_VERBS and any(
                c.dep_ == "xcomp" or (c.dep_ == "dobj" and t.lemma_.lower() in PLAN_DOBJ) for c in t.children):
            planned.append(_span(text, [t]))
        elif t.pos_ == "NOUN" and t.lemma_.lower() in PLAN_NOUNS and any(
                c.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in c.children) for c in t.children):
            planned.append(_span(text, [t]))
        elif low == "due" and t.i + 1 < end and t.doc[t.i + 1].lower_ == "to" and t.i + 2 < end \
                and t.doc[t.i + 2].tag_ == "VB":
            planned.append(_span(text, [t, t.doc[t.i + 1]]))
    return predicted, planned


def classify(toks: list, text: str) -> Modality:
    """Modality of one sentence (its spaCy tokens, in order) under the precedence above."""
    if not toks:
        return Modality("asserted", ())
    question = _question(toks, text)
    reported = _reported(toks, text)
    if question and not (reported and _quoted_question(toks, question[0])):
        return Modality("question", tuple(question))
    if reported:
        return Modality("reported", tuple(reported))
    for label, finder in (("opinion", _opinion), ("hedged", _hedged)):
        cues = finder(toks, text)
        if cues:
            return Modality(label, tuple(cues))
    predicted, planned = _future(toks, text)
    if predicted:
        return Modality("predicted", tuple(predicted))
    if planned:
        return Modality("planned", tuple(planned))
    return Modality("asserted", ())

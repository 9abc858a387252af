"""Word relations from WordNet's data files (Debian's wordnet-base, /usr/share/wordnet).

The support rules ask whether two reports name the same action in different words: "close"
and "shut" (one synset), "merge" and "combine", "negotiate" and "talks" (a verb and a noun
WordNet links by derivation: "negotiation"), "evacuate" and "move" (one step up the
hierarchy). :func:`related` answers that for two lemmas, and says how they are related so a
person can read why two frames were taken as one. Without the data files every answer is
"only the same word", and the rules that use it fire less, never more.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

WORDNET_DIR = Path("/usr/share/wordnet")
POS = {"v": "verb", "n": "noun", "a": "adj"}
# Senses of a word looked at, most frequent first (WordNet orders them by tagged frequency):
# the rare senses of common verbs join unrelated words ("cut" ~ "dilute", "win" ~ "gain"
# ~ "advance"), so only a word's first few senses count.
MAX_SENSES = {"v": 4, "n": 3, "a": 3}
# A step up the hierarchy is taken from a word's first senses only: a verb's third sense is
# often a use of it as a motion verb ("repair" = "resort, go to a place" -> "move"), which
# made "the repairs would cost ..." read as stating "the university is preparing to move ...".
BROADER_SENSES = 2


@functools.lru_cache(maxsize=1)
def _data() -> tuple[dict, dict]:
    """(index, synsets): index[(pos, lemma)] -> synset offsets, most frequent sense first;
    synsets[(pos, offset)] -> (words, pointers) with pointers as (symbol, pos, offset, source
    word number, target word number)."""
    index: dict[tuple[str, str], tuple[str, ...]] = {}
    synsets: dict[tuple[str, str], tuple[tuple[str, ...], tuple]] = {}
    for pos, name in POS.items():
        ipath, dpath = WORDNET_DIR / f"index.{name}", WORDNET_DIR / f"data.{name}"
        if not (ipath.exists() and dpath.exists()):
            continue
        with open(ipath, encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                p = line.split()
                n_syn, n_ptr = int(p[2]), int(p[3])
                index[(pos, p[0])] = tuple(p[6 + n_ptr: 6 + n_ptr + n_syn])
        with open(dpath, encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                p = line.split(" | ")[0].split()
                n = int(p[3], 16)
                words = tuple(p[4 + 2 * i].lower().split("(")[0] for i in range(n))
                i = 4 + 2 * n
                ptrs = []
                for _ in range(int(p[i])):
                    sym, off, tpos, st = p[i + 1], p[i + 2], p[i + 3], p[i + 4]
                    tpos = "a" if tpos == "s" else tpos
                    ptrs.append((sym, tpos, off, int(st[:2], 16), int(st[2:], 16)))
                    i += 4
                synsets[(pos, p[0])] = (words, tuple(ptrs))
    return index, synsets


def available() -> bool:
    return bool(_data()[0])


def known(lemma: str, pos: str) -> bool:
    """Is ``lemma`` a WordNet word of this part of speech ("crew" is; "Solara" is not)? Without
    the data files nothing is known."""
    return bool(_senses(lemma, pos))


@functools.lru_cache(maxsize=8192)
def _senses(lemma: str, pos: str) -> tuple[str, ...]:
    return _data()[0].get((pos, lemma.lower().replace(" ", "_")), ())[: MAX_SENSES[pos]]


@functools.lru_cache(maxsize=8192)
def neighbours(lemma: str, pos: str) -> dict[str, str]:
    """Words related to ``lemma`` (lower case, multiword with spaces), each with how:
    "synonym" (a synset shared in the first senses), "derived" (WordNet's derivation link
    between a verb and a noun, and that noun's synonyms), "broader" (one step up the hierarchy).
    Hyponyms are not listed (a verb like "cut" has over a hundred); :func:`related` finds the
    narrower word from its own side."""
    index, synsets = _data()
    lemma = lemma.lower().replace(" ", "_")
    out: dict[str, str] = {}

    def add(words, how):
        for w in words:
            out.setdefault(w.replace("_", " "), how)

    for rank, off in enumerate(_senses(lemma, pos)):
        words, ptrs = synsets.get((pos, off), ((), ()))
        add(words, "synonym")
        me = words.index(lemma) + 1 if lemma in words else 0
        for sym, tpos, toff, src, tgt in ptrs:
            if tpos not in POS:
                continue
            twords = synsets.get((tpos, toff), ((), ()))[0]
            if sym == "+" and (src == 0 or src == me):
                add(twords if tgt == 0 else twords[tgt - 1: tgt], "derived")
                if tgt:  # the derived word's own synonyms ("negotiation" -> "talks")
                    add(twords, "derived")
            elif sym in ("@", "@i") and tpos == pos and rank < BROADER_SENSES:
                add(twords, "broader")
    out.pop(lemma.replace("_", " "), None)
    return out


# What a party is, in WordNet's hierarchy: a person, a group or organisation, or a place that
# governs ("the region would hire ...").
PARTY_ANCESTORS = frozenset({"person", "organization", "social_group", "administrative_district", "institution"})
ANCESTOR_DEPTH = 10


@functools.lru_cache(maxsize=4096)
def is_party_noun(lemma: str) -> bool:
    """Does one of the first two senses of ``lemma`` name a party ("clinic", "region", "ministry"), not a
    cause or a thing ("outage", "suspension")? False without the data files."""
    _, synsets = _data()
    senses = _senses(lemma, "n")[:2]
    frontier, seen = [("n", off) for off in senses], set()
    for _ in range(ANCESTOR_DEPTH):
        nxt = []
        for key in frontier:
            if key in seen:
                continue
            seen.add(key)
            words, ptrs = synsets.get(key, ((), ()))
            if PARTY_ANCESTORS & set(words):
                return True
            nxt += [(tpos, toff) for sym, tpos, toff, _src, _tgt in ptrs if sym in ("@", "@i") and tpos == "n"]
        frontier = nxt
    return False


@functools.lru_cache(maxsize=8192)
def antonyms_of(lemma: str, pos: str) -> frozenset[str]:
    """Direct antonyms in the first senses ("win" -> "lose", "open" -> "close")."""
    _, synsets = _data()
    lemma = lemma.lower().replace(" ", "_")
    out = set()
    for off in _senses(lemma, pos):
        words, ptrs = synsets.get((pos, off), ((), ()))
        me = words.index(lemma) + 1 if lemma in words else 0
        for sym, tpos, toff, src, tgt in ptrs:
            if sym == "!" and (src == 0 or src == me) and tpos == pos:
                twords = synsets.get((tpos, toff), ((), ()))[0]
                out.update(w.replace("_", " ") for w in (twords if tgt == 0 else twords[tgt - 1: tgt]))
    return frozenset(out)


# News paraphrases WordNet's first senses do not link (curated from the scenario suites'
# confirmations: "suspended work" / "stayed all construction", "hire" / "recruit"). Each group
# is one action in news copy; a word may be in several groups.
CURATED = tuple(frozenset(g.split(",")) for g in (
    "suspend,stay,halt,freeze,pause,stop", "hire,recruit,employ", "pay,cover,fund,finance",
    "fine,penalise,penalize,penalty", "produce,output,make,generate", "postpone,delay,defer,push",
    "lead,top,head", "strike,walk,walkout", "recall,withdraw,pull", "deploy,send,dispatch,station",
    "cut,reduce,eliminate,axe,slash,shed", "close,shut", "open,launch,inaugurate", "raise,hike,increase,lift",
    "build,construct", "base,station,locate", "revoke,withdraw,cancel,rescind,annul", "buy,acquire,purchase", "hijack,board,seize",
    # A minister replaced is one removed: "will replace Interior Minister Rosa Cárdenas" / "rejected
    # reports that ... Cárdenas was about to be dismissed".
    "replace,dismiss,sack,oust,fire", "die,death", "kill,death", "resign,quit,retire",
    # What a government backs, by any name: "has backed the plan" / "supported the proposal".
    "plan,proposal,scheme",
    # Taking a place by force: "Soldiers and police took over the mine's offices" / "Police and
    # army units occupied the offices" (a phrasal verb reads as its one word: PHRASAL).
    "seize,occupy,capture"))
# Phrasal verbs whose light verb alone names no action: (verb, particle) -> the one-word verb.
PHRASAL = {("take", "over"): "seize", ("shut", "down"): "close", ("close", "down"): "close", ("call", "off"): "cancel"}
# One event told from the other side: "Romania will buy 500,000 doses" / "Veltra ... to supply
# half a million doses to the Romanian Health Ministry"; "killed 11 workers" / "eleven
# employees died". The parties swap roles, so a converse match holds only between different
# agents (:mod:`veracity.verify.agreement`).
CONVERSE = {"buy": frozenset({"sell", "supply", "deliver"}), "purchase": frozenset({"sell", "supply"}),
            "acquire": frozenset({"sell"}), "order": frozenset({"supply", "deliver"}),
            "sell": frozenset({"buy", "purchase", "acquire"}), "supply": frozenset({"buy", "purchase", "order"}),
            "lend": frozenset({"borrow"}), "borrow": frozenset({"lend"}), "give": frozenset({"receive"}),
            "pay": frozenset({"receive"}), "receive": frozenset({"give", "pay"}), "hire": frozenset({"join"}), "join": frozenset({"hire"}),
            "kill": frozenset({"die"}), "die": frozenset({"kill"}), "deploy": frozenset({"host"}),
            "send": frozenset({"host"}), "host": frozenset({"deploy", "send"})}
# The converses that hand a thing over, where one side's "not" reaches the other side's verb:
# "had paid 120 million dollars of arrears" / "none of its members had received any arrears
# payment". Not "host" / "send": a country not sending troops says nothing of another hosting
# a headquarters.
TRANSFERS = frozenset({("pay", "receive"), ("receive", "pay"), ("give", "receive"), ("receive", "give"),
                       ("sell", "buy"), ("buy", "sell"), ("sell", "purchase"), ("purchase", "sell")})


# Verbs too light to name an action by themselves: WordNet's senses link them with anything
# ("run" / "flow", "go" / "run"), so only the same verb matches them.
LIGHT_VERBS = frozenset("be have do go get make take become remain keep run come put give".split())


def curated(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a != b and any(a in g and b in g for g in CURATED)


def related(a: str, a_pos: str, b: str, b_pos: str) -> str | None:
    """How lemma ``b`` relates to lemma ``a`` ("same", "synonym", "derived", "broader",
    "narrower"), or None. Looked up from both sides: a verb and its nominalisation are linked
    either way ("withdraw" / "withdrawal")."""
    a, b = a.lower(), b.lower()
    if a == b:
        return "same"
    for x, xp, y in ((a, a_pos, b), (b, b_pos, a)):
        if xp in POS:
            how = neighbours(x, xp).get(y)
            if how is not None:
                return how if x == a or how in ("synonym", "derived") else {"broader": "narrower", "narrower": "broader"}[how]
    return None


def synonym_verbs(a: str, b: str) -> bool:
    """One action in the same verb, a WordNet synonym of its first senses or a curated news
    paraphrase ("recalled" / "withdrawn", "based" / "stationed")."""
    return a == b or curated(a, b) or (available() and related(a, "v", b, "v") == "synonym")



_SUFFIX = re.compile(r"(?:ing|ed|es|e|s)$")


_INFLECTIONS = frozenset("s es d ed ing ning ned ting ted er ers".split())


def same_stem(a: str, b: str) -> bool:
    """Two forms of one word, without WordNet: the same word, the same stem once an inflection is
    cut ("closing" / "close", "sentencing" / "sentenced"), or the same first five letters."""
    if a == b:  # short words too: "no plans to cut jobs" denies "plans to cut about 450 jobs"
        return True
    if min(len(a), len(b)) >= 5 and len(sa := _SUFFIX.sub("", a)) >= 4 and sa == _SUFFIX.sub("", b):
        return True  # "closing" / "close"
    if min(len(a), len(b)) >= 5:
        return a[:5] == b[:5]
    # A short word and its inflection ("plan" / "plans", "cut" is too short), not another word
    # that starts with it ("plan" / "plant", "port" / "portal").
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short) and long_[len(short):] in _INFLECTIONS

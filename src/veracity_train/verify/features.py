"""Features of a (claim, evidence sentence) pair for the stance model.

Three groups, concatenated in this fixed order (the artefact records the layout):
- MiniLM bi-encoder: u, v, |u - v|, u * v (4 x 384) and the cosine;
- lexical: shared content words (both directions), Jaccard, shared bigrams, lengths;
- contradiction cues: the precise checks of :mod:`veracity.verify.checks` as counts, plus
  negation and "refuting vocabulary" on each side (what the vectors cannot see).
"""

from __future__ import annotations

import math
import re

import numpy as np

from veracity.verify import checks

# Words that, in climate and news evidence, tend to mark an evidence sentence that refutes a
# claim ("a myth", "no evidence", "contrary to"). Counted, not hard rules: the model weighs them.
REFUTE_CUES = frozenset(
    "myth myths misleading misconception contrary however although despite but incorrect wrong debunked disputed "
    "unfounded unsupported no little lack lacks hoax exaggerated false denied rejected scepticism skepticism".split()
)
HEDGE_CUES = frozenset("may might could possibly suggest suggests likely unlikely uncertain predicted projected estimated".split())

LEXICAL_NAMES = (
    "cosine", "claim_cov", "evid_cov", "jaccard", "bigram_cov", "log_len_claim", "log_len_evid",
    "num_shared", "num_mismatch", "date_mismatch", "negation_diff", "antonyms", "role",
    "neg_claim", "neg_evid", "refute_cues_evid", "refute_cues_claim", "hedge_evid", "overlap_x_neg", "overlap_x_ant",
)
N_LEXICAL = len(LEXICAL_NAMES)

_WORD = re.compile(r"[a-z0-9]+")


def _bigrams(words: list[str]) -> set[tuple[str, str]]:
    return set(zip(words, words[1:]))


def lexical(claim: str, evidence: str) -> np.ndarray:
    cw, ew = checks.content_words(claim), checks.content_words(evidence)
    cs, es = set(cw), set(ew)
    inter = len(cs & es)
    claim_cov = inter / len(cs) if cs else 0.0
    evid_cov = inter / len(es) if es else 0.0
    jacc = inter / len(cs | es) if cs | es else 0.0
    cb, eb = _bigrams(cw), _bigrams(ew)
    bigram_cov = len(cb & eb) / len(cb) if cb else 0.0
    cn = {n.value for n in checks.numbers(claim)}
    en = {n.value for n in checks.numbers(evidence)}
    fired = checks.run_checks(claim, evidence)
    kinds = [c.kind for c in fired]
    neg_c = len(checks._negations(claim))
    neg_e = len(checks._negations(evidence))
    ewords = _WORD.findall(evidence.lower())
    cwords = _WORD.findall(claim.lower())
    refute_e = sum(w in REFUTE_CUES for w in ewords)
    refute_c = sum(w in REFUTE_CUES for w in cwords)
    hedge_e = sum(w in HEDGE_CUES for w in ewords)
    neg_diff = float((neg_c % 2) != (neg_e % 2))
    ant = float(kinds.count("antonym"))
    return np.array([
        0.0,  # cosine: filled by pair_features (needs the vectors)
        claim_cov, evid_cov, jacc, bigram_cov,
        math.log1p(len(cw)), math.log1p(len(ew)),
        float(len(cn & en)), float(kinds.count("number")), float(kinds.count("date")),
        neg_diff, ant, float(kinds.count("role")),
        float(neg_c), float(neg_e), float(refute_e), float(refute_c), float(hedge_e),
        claim_cov * neg_diff, claim_cov * min(ant, 1.0),
    ], dtype=np.float32)


def pair_features(u: np.ndarray, v: np.ndarray, lex: np.ndarray) -> np.ndarray:
    """Rows of [u, v, |u-v|, u*v, lexical] for claim vectors ``u`` and evidence vectors ``v``."""
    u = np.atleast_2d(u).astype(np.float32)
    v = np.atleast_2d(v).astype(np.float32)
    lex = np.atleast_2d(lex).astype(np.float32).copy()
    lex[:, 0] = (u * v).sum(1)
    return np.hstack([u, v, np.abs(u - v), u * v, lex])

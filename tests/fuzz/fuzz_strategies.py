"""Strategies and settings shared by the property tests in tests/fuzz.

Profiles (``HYPOTHESIS_PROFILE``): ``ci`` (default: the examples each test names, derandomized so
`make test` is repeatable, ~30 s in all) and ``harden`` (50x the examples, random, for
`make harden`); ``VERACITY_FUZZ_SCALE`` overrides the factor. No profile is loaded globally, so
the other test folders keep hypothesis' defaults.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "fuzz"))

import targets  # noqa: E402  (fuzz/targets.py: the properties the fuzzer checks too)

_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much, HealthCheck.large_base_example]
settings.register_profile("ci", deadline=None, derandomize=True, suppress_health_check=_SLOW, print_blob=True, database=None)
settings.register_profile("harden", deadline=None, suppress_health_check=_SLOW, print_blob=True)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
if PROFILE not in ("ci", "harden"):
    PROFILE = "ci"
SCALE = int(os.environ.get("VERACITY_FUZZ_SCALE", "50" if PROFILE == "harden" else "1"))


def budget(n: int) -> settings:
    """Settings for a test worth ``n`` examples in CI (scaled under the harden profile)."""
    return settings(settings.get_profile(PROFILE), max_examples=max(1, n * SCALE))


# --------------------------------------------------------------------------- text

WORDS = ["The", "minister", "said", "300", "troops", "were", "sent", "to", "eastern", "Ukraine", "yesterday",
         "According", "to", "officials", "Tomorrow", "€2.5bn", "10,000", "U.S.", "Dr.", "Mr.", "on", "Monday",
         "reported", "claimed", "a", "senior", "European", "diplomat", "told", "The", "Wall", "Street", "Journal",
         "could", "not", "be", "verified", "over", "people", "in", "Scandinavia", "40%", "1.5", "km", "March", "3",
         "2024", "last", "week", "she", "he", "they", "it", "will", "may", "denied", "that", "spokesperson", "BBC"]
PUNCT = ['"', "“", "”", "‘", "’", "'", ".", ",", ";", ":", "!", "?", "—", "–", "-", "(", ")", "[", "]", "…", "*", "/", "«", "»"]
ODD = ["\u200b", "\u200d", "\u202e", "\u202c", "\u00a0", "\u3000", "\u2028", "\u2029", "\ufeff", "\u0301", "\ufffd",
       "\U0001F600", "\U0001F1FA\U0001F1E6", "\x07", "\x1b", "\t", "\r\n", "\r", "\x0b", "\x0c", "ß", "İ", "ﬁ", "\u0660"]
PAYLOADS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>",
            '"><svg onload=alert(3)>', "<iframe src=javascript:alert(4)>", "[x](javascript:alert(5))", "![i](http://e/x.png)",
            "</textarea><a href=//evil>", "<!--", "]]>", "{{7*7}}", "${7*7}", "&lt;script&gt;", "\\u003cscript", "| --- |",
            "<style>*{}</style>", "<a href='javascript:alert(6)'>x</a>", "<math><mi>x</mi></math>", "`code`", "# heading"]

word = st.sampled_from(WORDS)
punct_run = st.builds(lambda c, n: c * n, st.sampled_from(PUNCT), st.integers(1, 300))
surrogate = st.integers(0xD800, 0xDFFF).map(chr)
odd = st.sampled_from(ODD)
payload = st.sampled_from(PAYLOADS)
any_text = st.text(max_size=40)
piece = st.one_of(word, word, word, word, st.sampled_from(PUNCT), punct_run, odd, payload, any_text,
                  st.integers(-10**12, 10**12).map(str), st.dates().map(lambda d: d.strftime("%B %d, %Y")))
separator = st.sampled_from([" ", " ", " ", "", "\n", "\n\n", ". ", ", "])


@st.composite
def news_text(draw, max_pieces: int = 60, surrogates: bool = False) -> str:
    """Text that reads partly like news and partly like an attack: words, quotes, numbers, dates,
    punctuation runs, odd code points, markup payloads (and lone surrogates if asked)."""
    pieces = draw(st.lists(st.one_of(piece, surrogate) if surrogates else piece, min_size=1, max_size=max_pieces))
    seps = draw(st.lists(separator, min_size=len(pieces), max_size=len(pieces)))
    return "".join(p + s for p, s in zip(pieces, seps))


published = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.sampled_from(["9999-12-31", "0001-01-01"]))

# XML 1.0 forbids most control characters, lone surrogates and U+FFFE/U+FFFF.
xml_char = st.characters(exclude_categories=("Cs",), exclude_characters="\ufffe\uffff").filter(
    lambda c: c in "\t\n\r" or ord(c) >= 0x20)
xml_text = st.one_of(news_text(max_pieces=30).map(lambda s: "".join(c for c in s if c in "\t\n\r" or 0x20 <= ord(c) and c not in "\ufffe\uffff"
                                                                   and not 0xD800 <= ord(c) <= 0xDFFF)),
                     st.text(xml_char, max_size=80))

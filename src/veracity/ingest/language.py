"""Cheap language identification (is this English?) and the one language policy of analysis.

The pipeline's models are English-only, so ingest needs one decision per article, fast (it runs
on every one of thousands of corpus rows) and with no model download. Function words give it:
in running English prose a third or more of the tokens are words like "the", "of", "and",
"said", while in other languages written in the Latin script they are rare and that language's
own function words dominate. Texts in other scripts are told apart by their letters.
"""

from __future__ import annotations

import re
import unicodedata

from ..errors import UnsupportedLanguageError

# Only the start of a text is looked at: a few hundred words decide, and long texts stay cheap.
SAMPLE_CHARS = 2500
# Below this many words the counts are noise ("Officials said 300 people were evacuated.");
# the language is reported as unknown and the text is not refused.
MIN_WORDS = 12
# English news prose scores 0.30-0.50 on this list; German, French or Spanish prose 0.00-0.08
# (shared words such as "in", "a", "die" are kept out of the list). 0.15 sits in the gap.
MIN_ENGLISH_SHARE = 0.15
# More than this share of letters outside the Latin script means the text is not English.
MAX_NON_LATIN_SHARE = 0.5

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to is was that for it with as on be by at this are from has have had not but "
        "they their which were he she his her its an or been would will who said says after about "
        "more than also into there when we our you what can could should".split()
    ),
    "de": frozenset(
        "der die das und ist nicht mit sich auf dem den des ein eine einer auch von zu für wird "
        "sind hat wie bei aus nach oder werden wurde noch nur sie er wir ich kann über zum zur".split()
    ),
    "fr": frozenset(
        "le la les et des du un une est pour que qui dans pas sur au aux par avec ce cette sont "
        "ont été mais plus ou il elle nous vous leur ses son".split()
    ),
    "es": frozenset(
        "el la los las y del que en un una es por con para se no al lo su sus como pero más ha "
        "fue son este esta entre también".split()
    ),
    "it": frozenset(
        "il lo la gli le di che è e un una per non con del della sono nel alla anche più ma come "
        "dei delle si ha questo questa".split()
    ),
    "nl": frozenset(
        "de het een en van dat niet op te met voor zijn er aan ook als bij maar om door naar "
        "wordt werd heeft hij zij wij".split()
    ),
    "pt": frozenset(
        "o a os as e do da dos das que em um uma é para com não por se mais mas foi são ao pelo "
        "pela também".split()
    ),
    "pl": frozenset(
        "i w na z się nie do jest że o jak po przez od za czy ale tak jego jej oraz może być "
        "był była".split()
    ),
    "sv": frozenset("och att det som en på är av för med till den har inte om ett var jag vi men".split()),
}

# Each word's languages, so one pass over the words counts all of them at once.
WORD_LANGS: dict[str, tuple[str, ...]] = {}
for _lang, _words in STOPWORDS.items():
    for _w in _words:
        WORD_LANGS[_w] = WORD_LANGS.get(_w, ()) + (_lang,)

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
LETTER = re.compile(r"[^\W\d_]")
NON_LATIN_LETTER = re.compile(r"[^\W\d_\x00-\u024f]")

# Scripts other than Latin, by the first word of their Unicode character names.
SCRIPT_LANG = {"CYRILLIC": "ru", "GREEK": "el", "ARABIC": "ar", "HEBREW": "he", "CJK": "zh", "HIRAGANA": "ja",
               "KATAKANA": "ja", "HANGUL": "ko", "DEVANAGARI": "hi", "THAI": "th", "ARMENIAN": "hy", "GEORGIAN": "ka"}
# Letters only Ukrainian uses among the Cyrillic languages of the region.
UKRAINIAN = frozenset("іїєґІЇЄҐ")


def _script_language(sample: str) -> str | None:
    if sample.isascii():
        return None
    non_latin = NON_LATIN_LETTER.findall(sample)
    if len(non_latin) <= MAX_NON_LATIN_SHARE * len(LETTER.findall(sample)):
        return None
    counts: dict[str, int] = {}
    for ch in non_latin[:2000]:
        script = unicodedata.name(ch, "UNKNOWN").split(" ")[0]
        counts[script] = counts.get(script, 0) + 1
    script = max(counts, key=counts.__getitem__)
    if script == "CYRILLIC" and any(ch in UKRAINIAN for ch in non_latin):
        return "uk"
    if script == "CJK" and (counts.get("HIRAGANA", 0) or counts.get("KATAKANA", 0)):
        return "ja"
    return SCRIPT_LANG.get(script, "und")


def detect(text: str) -> str | None:
    """An ISO 639-1 code ("en", "de", ...), "und" for a non-English text of unknown language,
    or None when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    by_script = _script_language(sample)
    if by_script:
        return by_script
    words = WORD.findall(sample.lower())
    if len(words) < MIN_WORDS:
        return None
    counts = dict.fromkeys(STOPWORDS, 0)
    for w in words:
        for lang in WORD_LANGS.get(w, ()):
            counts[lang] += 1
    shares = {lang: n / len(words) for lang, n in counts.items()}
    best = max(shares, key=shares.__getitem__)
    if best == "en" and shares["en"] >= MIN_ENGLISH_SHARE:
        return "en"
    if best != "en" and shares[best] >= MIN_ENGLISH_SHARE / 2:
        return best
    # Neither English function words nor another listed language's: a list of names, a table,
    # or a language not listed. Only call it English when English words still lead clearly.
    return "en" if best == "en" and shares["en"] >= MIN_ENGLISH_SHARE / 2 else "und"


def policy(lang: str | None, allow_non_english: bool, source: str) -> str | None:
    """What analysis does with text in language ``lang`` (as ``detect`` gives it), stated once:

    - English, or too short to tell (None): analysed.
    - Any other language: refused with UnsupportedLanguageError, since every model is English-only;
      with ``allow_non_english`` (``--allow-non-english``) analysed anyway, and the returned
      warning is kept on the article and its dossier.

    Extraction (``veracity extract``) does not apply it: reading text out of a page does not
    depend on the language (``Options.check_language``).
    """
    if lang is None or lang == "en":
        return None
    if not allow_non_english:
        raise UnsupportedLanguageError(
            f"the text looks {'non-English' if lang == 'und' else f'non-English ({lang})'}; "
            "the models are English-only (--allow-non-english to analyse it anyway)", source=source)
    return f"non-English text ({lang}) analysed with English models; expect poor results"

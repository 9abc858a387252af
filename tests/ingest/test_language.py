"""Language check: English passes, other languages are refused unless allowed."""

from __future__ import annotations

import pytest

from veracity.errors import UnsupportedLanguageError
from veracity.ingest import read_path
from veracity.ingest.language import detect

GERMAN = ("Der Stadtrat hat am Dienstagabend mit großer Mehrheit den Bau eines neuen Radwegs beschlossen. "
          "Die Kosten werden auf rund 2,4 Millionen Euro geschätzt, sagte der Bürgermeister.")
FRENCH = ("Le gouvernement a annoncé mardi que les travaux du nouveau pont commenceront au printemps, "
          "pour un coût estimé à 40 millions d'euros, selon le ministre des transports.")
SPANISH = ("El gobierno anunció el martes que las obras del nuevo puente comenzarán en primavera, con un "
           "coste de 40 millones de euros, según el ministro de transportes.")
RUSSIAN = "Правительство объявило во вторник, что строительство нового моста начнётся весной."
UKRAINIAN = "Уряд оголосив у вівторок, що будівництво нового мосту розпочнеться навесні, і це важливо."


def test_bbc_sample_is_english(shared):
    folder = shared / "data" / "corpus" / "bbc-news" / "politics"
    files = sorted(folder.glob("*.txt"))[:60]
    langs = {detect(f.read_text(encoding="utf-8")) for f in files}
    assert langs == {"en"}


@pytest.mark.parametrize(("text", "lang"), [(GERMAN, "de"), (FRENCH, "fr"), (SPANISH, "es"), (RUSSIAN, "ru"), (UKRAINIAN, "uk")])
def test_other_languages_are_named(text, lang):
    assert detect(text) == lang


def test_demo_article_is_english(example_text):
    assert detect(example_text) == "en"


def test_short_text_is_unknown_not_refused():
    assert detect("Officials said 300 people were evacuated.") is None


def test_non_english_refused_with_a_clear_reason(tmp_path, options):
    f = tmp_path / "de.txt"
    f.write_text(GERMAN, encoding="utf-8")
    with pytest.raises(UnsupportedLanguageError) as exc:
        read_path(str(f), options)
    assert "non-English (de)" in str(exc.value) and "--allow-non-english" in str(exc.value)


def test_non_english_kept_with_a_warning_when_allowed(tmp_path, options):
    f = tmp_path / "fr.txt"
    f.write_text(FRENCH, encoding="utf-8")
    (article,) = read_path(str(f), options.replace(allow_non_english=True))
    assert article.language == "fr" and article.text == FRENCH
    assert "non-English" in article.meta["warnings"][0]


def test_declared_page_language_decides_short_texts(tmp_path, options):
    f = tmp_path / "short.html"
    f.write_text('<html lang="fr"><body><p>Le pont rouvre lundi.</p></body></html>', encoding="utf-8")
    with pytest.raises(UnsupportedLanguageError, match=r"\(fr\)"):
        read_path(str(f), options)


def test_the_language_policy_is_one_function(options):
    """Analysis: English or too short to tell is analysed; another language refused, or analysed
    with a warning when allowed. Extraction (check_language off) records the language only."""
    from veracity.errors import UnsupportedLanguageError
    from veracity.ingest.language import policy
    from veracity.ingest.text import make_article

    assert policy(None, False, "f") is None and policy("en", False, "f") is None
    with pytest.raises(UnsupportedLanguageError, match="non-English \\(fr\\)"):
        policy("fr", False, "f")
    assert "non-English text (fr)" in policy("fr", True, "f")
    article = make_article(FRENCH, "f.txt", options.replace(check_language=False), kind="text")
    assert article.language == "fr" and "warnings" not in article.meta

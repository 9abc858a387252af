"""HTML pages: the story body and its metadata, without the page furniture; never a crash."""

from __future__ import annotations

import gzip
import json

import pytest

from veracity.errors import InputError, UnsupportedLanguageError
from veracity.ingest import read_path
from veracity.ingest.html import extract_html

BODY = [
    "The government will spend £120m on new flood defences along the River Wend",
    "Speaking in Millbrook, where water reached the first floor of some houses",
    '"People here have waited too long for protection that works," she said.',
    "The Environment Agency estimates that 4,300 properties in the valley are at high risk",
    "Local councillors welcomed the announcement but said it came too late",
    "running more than two years behind schedule.",
]
BOILERPLATE = [
    "We use cookies", "Subscribe for £1 a week", "Share on Facebook", "Related stories",
    "Flood victims count the cost", "My cellar has flooded", "Typical politicians", "Join the discussion",
    "Most read", "Late goal settles derby", "morning briefing newsletter", "All rights reserved",
    "Privacy policy", "dataLayer", "font-family", "addEventListener",
]


def test_news_page_keeps_the_whole_body_and_nothing_else(fixtures, options):
    (article,) = read_path(str(fixtures / "news_article.html"), options)
    for snippet in BODY:
        assert snippet in article.text
    for snippet in BOILERPLATE:
        assert snippet not in article.text
    assert article.kind == "html" and article.language == "en" and "warnings" not in article.meta


def test_news_page_metadata(fixtures, options):
    (article,) = read_path(str(fixtures / "news_article.html"), options)
    assert article.title == "Flood defences to get £120m after river bursts banks"
    assert article.byline == "Helen Marsh"
    assert article.published == "2024-03-14"
    assert article.outlet == "The Riverside Gazette"
    assert article.url == "https://www.riverside-gazette.example/news/2024/03/14/flood-defences-funding"


def test_text_is_one_paragraph_per_line(fixtures, options):
    (article,) = read_path(str(fixtures / "news_article.html"), options)
    lines = article.text.split("\n")
    assert all(line == line.strip() and line for line in lines)
    assert lines[1].startswith("The government will spend £120m")


def test_windows_1252_page_is_decoded(fixtures, options):
    (article,) = read_path(str(fixtures / "wire_story.htm"), options)
    assert "\u201can insult\u201d" in article.text and "£5m a day" in article.text and "Tomás" in article.text
    assert "Advertise with us" not in article.text and "_trackPageview" not in article.text
    assert article.outlet == "Harbour Post" and article.published == "2023-11-08"


def test_malformed_html_still_gives_the_story(fixtures, options):
    (article,) = read_path(str(fixtures / "malformed.html"), options)
    assert "postponed for the third time a vote on plans for 1,200 new homes" in article.text
    assert "add about £3m to the cost" in article.text


@pytest.mark.parametrize("page", [b"<html><head><title>x</title></head></html>", b"<html><body><script>var a=1;</script></body></html>", b"<!-- -->"])
def test_html_without_readable_text_is_an_input_error(tmp_path, options, page):
    f = tmp_path / "blank.html"
    f.write_bytes(page)
    with pytest.raises(InputError, match="no readable text in the HTML"):
        read_path(str(f), options)


def test_fallback_to_plain_text_with_a_warning():
    page = extract_html(b"<p>Officials said 300 people were evacuated from the town on Monday.</p>")
    assert page.text == "Officials said 300 people were evacuated from the town on Monday."
    assert "plain text" in page.warnings[0]


def test_gzipped_page(tmp_path, fixtures, options):
    raw = (fixtures / "news_article.html").read_bytes()
    f = tmp_path / "page.html.gz"
    f.write_bytes(gzip.compress(raw))
    (article,) = read_path(str(f), options)
    (plain,) = read_path(str(fixtures / "news_article.html"), options)
    assert article.text == plain.text and article.id == plain.id


def test_corrupt_gzip_is_an_input_error(tmp_path, options):
    f = tmp_path / "page.html.gz"
    f.write_bytes(b"\x1f\x8b\x08\x00garbage")
    with pytest.raises(InputError, match="cannot read"):
        read_path(str(f), options)


def test_german_page_is_refused(fixtures, options):
    with pytest.raises(UnsupportedLanguageError, match=r"\(de\)"):
        read_path(str(fixtures / "german_news.html"), options)


def test_html_sniffed_from_stdin(fixtures, options):
    import io

    raw = (fixtures / "news_article.html").read_bytes()
    (article,) = read_path("-", options, stdin=io.BytesIO(raw))
    assert article.kind == "html" and article.source_path == "<stdin>" and BODY[0] in article.text


def test_real_english_pages_from_the_trafilatura_set(shared, options):
    """Real pages: every must-have snippet of these English news pages is kept."""
    root = shared / "data" / "html" / "trafilatura_eval"
    meta = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    wanted = {"boingboing.net.millenials.html", "blog.python.org.html"}
    seen = 0
    for entry in meta.values():
        if entry["file"] not in wanted:
            continue
        path = root / "eval" / (entry["file"] + ".gz")
        if not path.exists():
            path = root / "cache" / (entry["file"] + ".gz")
        (article,) = read_path(str(path), options)
        text = " ".join(article.text.split())
        for snippet in entry["with"]:
            assert " ".join(snippet.split()) in text
        seen += 1
    assert seen == len(wanted)


def test_teasers_and_notices_inside_the_article_are_dropped():
    from veracity.ingest.html import drop_boilerplate_lines

    text = "\n".join([
        "The bridge will reopen on Monday, the council said.",
        "Read more: Council approves new bypass",
        "Recommended by the inspectors, the repairs cost £2m.",
        "READ MORE | Flood warnings issued",
        "Follow The Gazette on Twitter and Facebook",
        "© 2024 The Gazette. All rights reserved.",
        "To view the full story, please subscribe to The Gazette.",
        "Sign up to get the best stories of the week",
        "Read more about the repairs in the council's report, which was published on Friday.",
    ])
    kept, dropped = drop_boilerplate_lines(text)
    assert dropped == 6
    assert kept.split("\n") == [
        "The bridge will reopen on Monday, the council said.",
        "Recommended by the inspectors, the repairs cost £2m.",
        "Read more about the repairs in the council's report, which was published on Friday.",
    ]


@pytest.mark.parametrize(
    ("title", "site", "host", "expected"),
    [
        ("Brexit - what happens next - BBC News", "BBC News", "www.bbc.co.uk", "Brexit - what happens next"),
        ("Harbour Post | Port strike enters third day", "Harbour Post", None, "Port strike enters third day"),
        ("Streit ums Feuerholz - www.AussenGedanken.de", None, "www.aussengedanken.de", "Streit ums Feuerholz"),
        ("Ceasefire talks - what we know", "The Daily", "daily.example", "Ceasefire talks - what we know"),
    ],
)
def test_site_name_is_cut_from_the_title(title, site, host, expected):
    from veracity.ingest.html import clean_title

    assert clean_title(title, site, host) == expected


def test_byline_prefix_is_dropped():
    from veracity.ingest.html import clean_byline

    assert clean_byline("By  Helen Marsh") == "Helen Marsh" and clean_byline("Bylaw Office") == "Bylaw Office"

"""RSS/Atom: an article per entry, from the local bytes only."""

from __future__ import annotations

import pytest

from veracity.errors import InputError
from veracity.ingest import iter_articles, read_path

STORY = ("The government said it had sent 500 troops to the border region, according to a statement "
         "issued on Wednesday by the defence ministry.")


def test_rss_entries(fixtures, options):
    items = list(iter_articles([str(fixtures / "feed.rss")], options))
    first, second, third = items
    assert first.kind == "feed" and first.outlet == "Northern Courier - Latest"
    assert first.title == "Hospital waiting lists fall for first time in two years"
    assert first.url == "https://northern-courier.example/health/waiting-lists"
    assert first.byline == "Priya Shah" and first.published == "2024-02-05"
    # content:encoded wins over the one-line description; the script is gone
    assert first.text.startswith("The number of patients waiting") and "alert" not in first.text
    assert first.text.count("\n") == 1  # two paragraphs, one per line
    assert "appeared first on" not in first.text  # the WordPress feed footer is not the story
    assert second.text.startswith("Single bus fares") and "summary" in second.meta["warnings"][0]
    assert isinstance(third, InputError) and third.source.endswith("feed.rss#3") and "no content" in third.message


def test_atom_entry(fixtures, options):
    (entry,) = read_path(str(fixtures / "feed.atom"), options)
    assert entry.outlet == "Coastal Times" and entry.byline == "Gareth Owen"
    assert entry.published == "2024-05-01" and entry.url == "https://coastal-times.example/news/ferry-rescue"
    assert entry.text.startswith("Lifeboat crews rescued 14 passengers")


def test_external_entities_are_not_resolved(tmp_path, options):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRETVALUE", encoding="utf-8")
    f = tmp_path / "evil.xml"
    f.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<rss version=\"2.0\"><channel><title>T</title><item><title>x</title>"
        f"<description>&xxe; {STORY}</description></item></channel></rss>",
        encoding="utf-8",
    )
    items = list(iter_articles([str(f)], options))
    assert items and all("TOPSECRETVALUE" not in getattr(i, "text", str(i)) for i in items)


def test_feed_given_as_url_like_text_is_not_fetched(tmp_path, options):
    # The bytes look like a URL; handed over as a string, feedparser would try to fetch it.
    f = tmp_path / "x.rss"
    f.write_text("http://127.0.0.1:9/feed.xml", encoding="utf-8")
    with pytest.raises(InputError, match="feed"):
        read_path(str(f), options)


def test_xml_that_is_not_a_feed(tmp_path, options):
    f = tmp_path / "data.xml"
    f.write_text("<?xml version='1.0'?><catalog><book>Words</book></catalog>", encoding="utf-8")
    with pytest.raises(InputError, match="not an RSS/Atom feed"):
        read_path(str(f), options)


def test_xml_feed_by_content(tmp_path, fixtures, options):
    f = tmp_path / "news.xml"
    f.write_bytes((fixtures / "feed.atom").read_bytes())
    (entry,) = read_path(str(f), options)
    assert entry.kind == "feed" and entry.outlet == "Coastal Times"


def test_broken_feed_is_one_error(tmp_path, options):
    f = tmp_path / "broken.rss"
    f.write_text("<rss><channel><title>T</tit", encoding="utf-8")
    with pytest.raises(InputError, match="feed"):
        read_path(str(f), options)


@pytest.mark.parametrize(("junk", "reason"), [(b"\x00", "binary data (NUL bytes)"), (b"\x80", "not a readable RSS/Atom feed")])
def test_feed_with_broken_bytes_is_an_input_error(tmp_path, fixtures, options, junk, reason):
    # Found by the property test: feedparser's encoding sniffing raised on these bytes.
    raw = (fixtures / "feed.rss").read_bytes()
    f = tmp_path / "broken.rss"
    f.write_bytes(raw[:30] + junk + raw[30:])
    with pytest.raises(InputError) as exc:
        read_path(str(f), options)
    assert reason in exc.value.message

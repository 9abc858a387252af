"""Hostile bytes: whatever a file holds, reading it ends in Articles or InputErrors, never a crash."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veracity.errors import InputError
from veracity.ingest import iter_articles, read_path
from veracity.records import Article
from veracity.options import Options

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SUFFIXES = [".txt", ".html", ".htm", ".jsonl", ".csv", ".tsv", ".json", ".rss", ".atom", ".xml", ".dat", "", ".html.gz", ".jsonl.gz"]
OPTIONS = Options(max_input_bytes=64 * 1024)

# Bytes that are mostly plausible markup and text, with arbitrary bytes mixed in: pure random
# bytes rarely get past the first checks, these reach the parsers.
TOKENS = st.sampled_from([b"<html>", b"<p>", b"</p>", b"<body>", b"<rss>", b"<feed>", b"<item>", b"<![CDATA[", b"]]>",
                          b'{"text": "', b'"}', b"\n", b",", b'"', b"\xef\xbb\xbf", b"\xa3", b"\xff\xfe", b"&amp;", b"&#0;",
                          b"<!--", b"<script>", b"The minister said 300 troops were sent. ", b"\x00", b"\r\n", b"<?xml?>"])
HOSTILE = st.one_of(st.binary(max_size=2000), st.lists(st.one_of(TOKENS, st.binary(max_size=8)), max_size=60).map(b"".join))


def _check(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
        try:
            articles = read_path(str(path), OPTIONS)
        except InputError as exc:
            assert str(exc) and "\n" not in exc.message
        else:
            assert articles and all(isinstance(a, Article) and a.text.strip() for a in articles)
        items = list(iter_articles([str(path)], OPTIONS))  # never raises
        assert all(isinstance(i, (Article, InputError)) for i in items)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=HOSTILE, suffix=st.sampled_from(SUFFIXES))
def test_read_raises_nothing_but_input_error(data, suffix):
    _check(data, suffix)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=0, max_value=6000), junk=st.binary(max_size=40),
       name=st.sampled_from(["news_article.html", "feed.rss", "corpus.jsonl", "corpus.csv", "malformed.html"]))
def test_damaged_real_files(cut, junk, name):
    raw = (FIXTURES / name).read_bytes()
    cut = min(cut, len(raw))
    _check(raw[:cut] + junk + raw[cut:][: len(raw) // 2], Path(name).suffix)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=HOSTILE)
def test_stdin_raises_nothing_but_input_error(data):
    import io

    try:
        articles = read_path("-", OPTIONS, stdin=io.BytesIO(data))
    except InputError as exc:
        assert "\n" not in exc.message
    else:
        assert all(isinstance(a, Article) and a.text.strip() for a in articles)

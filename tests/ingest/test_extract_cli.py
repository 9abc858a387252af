"""`veracity extract`: exactly Article.text; one line per bad input; exit codes."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from veracity.cli import app
from veracity.ingest import read_path

runner = CliRunner()


def test_extract_prints_exactly_the_article_text(fixtures, options):
    path = str(fixtures / "news_article.html")
    r = runner.invoke(app, ["extract", path])
    assert r.exit_code == 0
    assert r.stdout == read_path(path, options)[0].text


def test_extract_several_inputs_and_errors(fixtures, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    r = runner.invoke(app, ["extract", str(fixtures / "corpus.jsonl"), str(tmp_path / "empty.txt")])
    assert r.exit_code == 1  # some inputs failed
    assert r.stdout.count("==> ") == 2 and "Factory to close" not in r.stdout  # titles are metadata, not text
    errors = [line for line in r.stderr.splitlines() if line]
    assert len(errors) == 2 and any("corpus.jsonl:2" in e for e in errors) and any("empty input" in e for e in errors)
    assert "Traceback" not in r.stderr


def test_extract_jsonl_carries_metadata(fixtures):
    r = runner.invoke(app, ["extract", "--format", "jsonl", str(fixtures / "feed.atom")])
    assert r.exit_code == 0
    (record,) = [json.loads(line) for line in r.stdout.splitlines()]
    assert record["outlet"] == "Coastal Times" and record["published"] == "2024-05-01"
    assert record["text"].startswith("Lifeboat crews")


def test_extract_nothing_readable_exits_2(tmp_path):
    f = tmp_path / "bin.txt"
    f.write_bytes(b"\x00" * 100)
    r = runner.invoke(app, ["extract", str(f)])
    assert r.exit_code == 2 and r.stdout == "" and "binary data" in r.stderr


def test_extract_never_refuses_a_language(fixtures, options):
    """Issue 18: extraction is language-independent; only analysis has a language policy."""
    path = str(fixtures / "german_news.html")
    r = runner.invoke(app, ["extract", path])
    assert r.exit_code == 0 and "Radweg" in r.stdout and r.stderr == ""
    (record,) = [json.loads(x) for x in runner.invoke(app, ["extract", "-f", "jsonl", path]).stdout.splitlines()]
    assert record["language"] == "de" and record["warnings"] == [] and "Radweg" in record["text"]
    assert runner.invoke(app, ["extract", "--allow-non-english", path]).stdout == r.stdout  # the old flag still parses
    analysed = runner.invoke(app, ["analyze", "--no-store", path])  # analysis keeps its policy
    assert analysed.exit_code == 2 and "non-English (de)" in analysed.stderr and "--allow-non-english" in analysed.stderr

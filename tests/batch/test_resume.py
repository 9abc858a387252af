"""`veracity batch --resume` after a kill: every input ends with exactly one line (issue 18 #10)."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from typer.testing import CliRunner

from veracity.batch.resume import done_sources, skip_done
from veracity.cli import app
from veracity.errors import ConfigError, InputError
from veracity.records import Article
from veracity.store import open_store

SAME = "The council said 40 roads were closed on Friday."
ROWS = [SAME, SAME, "a", "Officials said 300 people were evacuated on Monday.", None, SAME]
# Text and claims only: resuming is about lines and records, not about what a dossier holds.
ENV = {"VERACITY_STAGES": "text.spacy.v1,claims.extract.v1"}


def _corpus(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join((json.dumps({"text": t}) if t else "{not json") + "\n" for t in ROWS), encoding="utf-8")
    return corpus


def _batch(corpus, out, db, *extra):
    return CliRunner().invoke(app, ["batch", str(corpus), "-o", str(out), "--db", str(db), "-w", "1", *extra], env=ENV)


def _sources(out):
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    return [(x["source"] if "error" in x else x["article"]["source_path"]).rsplit(":", 1)[1] for x in lines], lines


@pytest.mark.parametrize("kept_lines, stored", [(1, "all"), (2, "first"), (0, "none")])
def test_resume_after_a_kill_gives_each_input_exactly_one_line(tmp_path, kept_lines, stored):
    """Inputs 1, 2 and 6 have the same text (one content id). The kill is simulated: the output
    cut after ``kept_lines`` lines plus half a line, the store holding every record, the first
    one, or none. Resuming by content id skipped inputs 2 and 6, whose lines were never written."""
    corpus, out, db = _corpus(tmp_path), tmp_path / "out.jsonl", tmp_path / "v.db"
    full = _batch(corpus, out, db)
    assert full.exit_code == 1, full.output  # the malformed row fails, the others are analysed
    expected = [str(i) for i in range(1, len(ROWS) + 1)]
    assert _sources(out)[0] == expected
    raw = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(raw[:kept_lines]) + raw[kept_lines][: len(raw[kept_lines]) // 2], encoding="utf-8")
    if stored != "all":
        store = open_store(str(db))
        keep = {json.loads(raw[0])["article"]["id"]} if stored == "first" else set()
        store.conn.execute(f"DELETE FROM dossiers WHERE article_id NOT IN ({','.join('?' * len(keep))})", tuple(keep))
        store.conn.commit()
    again = _batch(corpus, out, db, "--resume")
    assert again.exit_code in (0, 1) and "Traceback" not in again.stderr, again.output
    assert f"{kept_lines} skipped" in again.stderr
    sources, lines = _sources(out)
    assert sources == expected  # exactly one line per input, in input order
    ids = {x["article"]["id"] for x in lines if "error" not in x}
    assert open_store(str(db)).article_ids() == ids  # and every analysed input stored
    assert _batch(corpus, out, db, "--resume").exit_code == 0 and _sources(out)[0] == expected  # nothing left to do


def test_done_sources_counts_complete_lines_and_cuts_a_partial_one(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"article": {"id": "a_1", "source_path": "c.jsonl:1"}}) + "\n"
                   + json.dumps({"schema_version": "1", "source": "c.jsonl:2", "error": {}}) + "\n"
                   + json.dumps({"article": {"id": "a_1", "source_path": "c.jsonl:1"}}) + "\n"
                   + '{"article": {"id": "a_', encoding="utf-8")
    assert done_sources(out) == Counter({"c.jsonl:1": 2, "c.jsonl:2": 1})
    assert out.read_text(encoding="utf-8").endswith("}\n")  # the cut-off line is gone
    assert done_sources(tmp_path / "missing.jsonl") == Counter()
    (tmp_path / "other.jsonl").write_text("hello\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a line `veracity batch` wrote"):
        done_sources(tmp_path / "other.jsonl")


def test_skip_done_keys_by_source_and_occurrence_not_content():
    a1, a2 = Article.create(SAME, source_path="c.jsonl:1"), Article.create(SAME, source_path="c.jsonl:2")
    same_path = [Article.create(SAME, source_path="x.txt"), Article.create(SAME, source_path="x.txt")]
    items = [a1, a2, InputError("empty input", source="e.txt"), *same_path]
    skipped = [0]
    left = list(skip_done(items, Counter({"c.jsonl:1": 1, "e.txt": 1, "x.txt": 1}), skipped))
    assert a1.id == a2.id and left == [a2, same_path[1]] and skipped == [3]

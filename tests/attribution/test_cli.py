"""`veracity attribute FILE... --format jsonl`: one line per file, offsets into the raw text."""

import json

from typer.testing import CliRunner

from veracity.cli import app

runner = CliRunner()


def test_attribute_jsonl_offsets_index_the_file_read_without_newline_translation(tmp_path):
    text = ("Officials said on Tuesday that the bridge would reopen in May.\r\n"
            "\u201cWe are confident,\u201d said Mayor Anne Hidalgo.\r\n")
    f = tmp_path / "bridge-story.txt"
    f.write_bytes(text.encode("utf-8"))
    other = tmp_path / "second.txt"
    other.write_text("Nothing is attributed here.", encoding="utf-8")
    r = runner.invoke(app, ["attribute", str(f), str(other), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["bridge-story", "second"]
    atts = lines[0]["attributions"]
    assert atts, lines[0]
    for a in atts:
        assert set(a) >= {"source", "cue", "content", "source_type", "source_entity", "chain"}
        for s, e in a["content"]:
            assert text[s:e].strip()
    mayor = [a for a in atts if any("Hidalgo" in text[s:e] for s, e in a["source"])]
    assert mayor and mayor[0]["source_type"] == "person"
    assert any("We are confident" in text[s:e] for s, e in mayor[0]["content"])


def test_attribute_missing_file_is_one_line_error(tmp_path):
    r = runner.invoke(app, ["attribute", str(tmp_path / "nope.txt")])
    assert r.exit_code == 2
    assert "no such file" in r.stderr and "Traceback" not in r.stderr

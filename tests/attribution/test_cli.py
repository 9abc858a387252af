"""`veracity attribute FILE... --format jsonl`: one line per file, offsets into the raw text."""

import json

import pytest
from typer.testing import CliRunner

from veracity.cli import app
from veracity.errors import InputError

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


@pytest.mark.parametrize("method", ["tagger", "tagger-fast"])
def test_attribute_with_the_tagger_keeps_the_jsonl_contract(tmp_path, method):
    text = "\u201cWe are confident,\u201d said Mayor Anne Hidalgo.\n"
    f = tmp_path / "mayor.txt"
    f.write_text(text, encoding="utf-8")
    r = runner.invoke(app, ["attribute", str(f), "--method", method, "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    (line,) = [json.loads(x) for x in r.stdout.splitlines()]
    (a,) = line["attributions"]
    assert set(a) >= {"source", "cue", "content", "source_type", "source_entity", "chain"}
    assert [text[s:e] for s, e in a["cue"]] == ["said"]
    assert "Hidalgo" in text[a["source"][0][0]:a["source"][0][1]] and a["source_type"] == "person"
    assert "We are confident" in text[a["content"][0][0]:a["content"][0][1]]


def test_attribute_refuses_a_giant_file_but_does_the_others(tmp_path):
    from veracity.options import MAX_ARTICLE_CHARS

    giant = tmp_path / "giant.txt"
    giant.write_text("The minister said the talks failed. " * (MAX_ARTICLE_CHARS // 36 + 1), encoding="utf-8")
    ok = tmp_path / "ok.txt"
    ok.write_text("The minister said the talks had failed.\n", encoding="utf-8")
    r = runner.invoke(app, ["attribute", str(giant), str(ok), "--method", "learned"])
    assert r.exit_code == 1
    assert "limit for one article" in r.stderr and "Traceback" not in r.stderr
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["giant", "ok"]
    assert lines[0]["attributions"] == [] and "limit for one article" in lines[0]["error"]["message"]
    assert lines[1]["attributions"] and "error" not in lines[1]


def test_attribute_keeps_a_line_per_file_in_order_for_binary_and_wrong_encoding(tmp_path):
    """A batch loses nothing: unreadable files are recorded where they stand, the rest analysed."""
    first = tmp_path / "first.txt"
    first.write_text("The minister said the talks had failed.\n", encoding="utf-8")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le ministre a dit: \u00ab c'est fini \u00bb.".encode("latin-1"))
    last = tmp_path / "last.txt"
    last.write_text("Nothing is attributed here.", encoding="utf-8")
    r = runner.invoke(app, ["attribute", str(first), str(binary), str(latin), str(last), "--method", "learned"])
    assert r.exit_code == 1
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["first", "scan", "latin", "last"]
    assert lines[0]["attributions"] and "error" not in lines[0]
    assert [("not UTF-8" in x.get("error", {}).get("message", "")) for x in lines] == [False, True, True, False]
    assert r.stderr.count("not UTF-8") == 2 and "Traceback" not in r.stderr


def test_attribute_table_is_readable_and_prints_article_text_literally(tmp_path):
    # "[bold red]" is article text: it must print as written, not be taken as console markup.
    text = "\u201cThe [bold red]plan[/] is dead,\u201d said Mayor Anne Hidalgo.\n"
    f = tmp_path / "mayor.txt"
    f.write_text(text, encoding="utf-8")
    out = tmp_path / "table.txt"
    r = runner.invoke(app, ["attribute", str(f), "--format", "table", "-o", str(out)])
    assert r.exit_code == 0, r.output
    table = out.read_text(encoding="utf-8")
    assert "mayor: 1 attribution(s)" in table
    assert "Mayor Anne Hidalgo" in table and "person" in table and "said" in table
    assert "[bold red]plan[/]" in table


def test_attribute_unknown_format_is_refused(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("The minister said the talks had failed.\n", encoding="utf-8")
    r = runner.invoke(app, ["attribute", str(f), "--format", "xml"])
    # The console entry point turns an InputError into a one-line message and exit code 2.
    assert isinstance(r.exception, InputError)
    assert "unknown format 'xml'" in str(r.exception) and "jsonl, table" in str(r.exception)
    assert r.stdout == ""


def test_attribute_with_worker_processes_gives_the_single_process_lines(tmp_path):
    """--processes 2 parses and extracts in spawned workers; the output is the same, in order."""
    texts = {
        "a-mayor": "\u201cWe are confident,\u201d said Mayor Anne Hidalgo.\n",
        "b-police": "Police said the suspect fled on foot, according to a statement released on Monday.\n",
        "c-none": "The bridge reopened in May after two years of repairs.\n",
    }
    paths = []
    for name, text in texts.items():
        f = tmp_path / f"{name}.txt"
        f.write_text(text, encoding="utf-8")
        paths.append(str(f))
    one = runner.invoke(app, ["attribute", *paths, "--method", "learned"])
    two = runner.invoke(app, ["attribute", *paths, "--method", "learned", "--processes", "2"])
    assert one.exit_code == 0 and two.exit_code == 0, two.output
    assert [json.loads(x)["id"] for x in two.stdout.splitlines()] == list(texts)
    assert two.stdout == one.stdout
    assert json.loads(one.stdout.splitlines()[0])["attributions"]


def test_attribute_goes_on_when_extraction_fails_on_one_article(tmp_path, monkeypatch):
    """A bug met on one article costs only that article: its line carries the error, the rest are done."""
    from veracity.attribution import stage

    real = stage.learned_relations

    def flaky(doc):
        if "reactor" in doc.text:
            raise RuntimeError("simulated extractor bug")
        return real(doc)

    monkeypatch.setattr(stage, "learned_relations", flaky)
    paths = []
    for name, text in (("one", "The minister said the talks had failed.\n"),
                       ("two", "Engineers said the reactor was safe.\n"),
                       ("three", "Police said the road would reopen on Monday.\n")):
        f = tmp_path / f"{name}.txt"
        f.write_text(text, encoding="utf-8")
        paths.append(str(f))
    r = runner.invoke(app, ["attribute", *paths, "--method", "learned"])
    assert r.exit_code == 1
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["one", "two", "three"]
    assert lines[0]["attributions"] and lines[2]["attributions"]
    err = lines[1]["error"]
    assert lines[1]["attributions"] == [] and err["code"] == "internal" and err["source"].endswith("two.txt")
    assert "simulated extractor bug" in err["message"] and "simulated extractor bug" in r.stderr
    assert "Traceback" not in r.stderr

import json

from typer.testing import CliRunner

from veracity.cli import app

runner = CliRunner()


def test_analyze_json_and_store(tmp_path, shared):
    db = tmp_path / "v.db"
    ex = str(shared / "examples" / "troops-report.txt")
    r = runner.invoke(app, ["analyze", ex, "--db", str(db), "-f", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["schema_version"] and data["claims"]
    r = runner.invoke(app, ["list", "--db", str(db)])
    assert data["article"]["id"] in r.stdout
    r = runner.invoke(app, ["show", data["article"]["id"][:10], "--db", str(db)])
    assert json.loads(r.stdout)["article"]["id"] == data["article"]["id"]


def test_bad_inputs_one_line_each_and_the_rest_processed(tmp_path, shared):
    good = tmp_path / "good.txt"
    good.write_text("The council said 40 homes were flooded on Monday.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    r = runner.invoke(app, ["analyze", str(good), str(empty), str(binary), "--no-store", "-f", "jsonl"])
    assert r.exit_code == 1  # some inputs failed, some did not
    lines = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    assert len(lines) == 3 and "claims" in lines[0] and [("error" in x) for x in lines] == [False, True, True]
    assert "empty" in r.stderr and "binary" in r.stderr
    assert "Traceback" not in r.stderr


def test_nothing_analysable_exits_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    r = runner.invoke(app, ["analyze", str(empty), "--no-store"])
    assert r.exit_code == 2 and "empty" in r.stderr


def test_extract_prints_the_analysed_text(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Line one.\nLine two.\n", encoding="utf-8")
    r = runner.invoke(app, ["extract", str(f)])
    assert r.exit_code == 0 and r.stdout == "Line one.\nLine two.\n"


def test_several_inputs_in_json_get_a_status_each(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The council said 40 homes were flooded on Monday.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    r = runner.invoke(app, ["analyze", str(good), str(bad), "--no-store", "-f", "json"])
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert [x["ok"] for x in doc["results"]] == [True, False]
    assert doc["results"][1]["error"]["code"] == "input" and doc["results"][1]["source"].endswith("bad.txt")
    r = runner.invoke(app, ["analyze", str(good), str(bad), "--no-store", "-f", "jsonl"])
    lines = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    assert "claims" in lines[0] and lines[1]["error"]["code"] == "input"


def test_analyze_attribution_picks_the_extractor(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("The senator said the bill would pass next week, according to his aides.", encoding="utf-8")
    r = runner.invoke(app, ["analyze", str(f), "--no-store", "-f", "json", "--attribution", "tagger"])
    assert r.exit_code == 0, r.output
    atts = json.loads(r.stdout)["attributions"]
    assert atts and {a["method"] for a in atts} == {"tagger"}
    bad = runner.invoke(app, ["analyze", str(f), "--no-store", "--attribution", "oracle"])
    assert bad.exit_code != 0 and "--attribution" in bad.output


def test_jsonl_rows_after_a_one_letter_row_and_a_lone_surrogate_are_analysed(tmp_path):
    """Issue 18 #1 and #2: a row "a" stopped the run (ValueError); a row "a\\ud800." crashed
    content_id and silently dropped every later row. Every row now keeps its line, in order."""
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": "a"}\n{"text": "a\\ud800."}\n'
                      '{"text": "The council said 40 homes were flooded on Monday."}\n', encoding="utf-8")
    r = runner.invoke(app, ["analyze", str(corpus), "--no-store", "-f", "jsonl"])
    assert r.exit_code == 0, r.output
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["article"]["text"] for x in lines] == ["a", "a\ufffd.", "The council said 40 homes were flooded on Monday."]
    assert [x["article"]["source_path"].rsplit(":", 1)[1] for x in lines] == ["1", "2", "3"]
    assert "Traceback" not in r.stderr


def test_published_at_the_end_of_time_is_not_a_traceback(tmp_path):
    """Issue 18 #3: --published 9999-12-31 with "Tomorrow" in the text: OverflowError traceback."""
    f = tmp_path / "t.txt"
    f.write_text("Tomorrow the minister will visit Kyiv, officials said.", encoding="utf-8")
    r = runner.invoke(app, ["analyze", str(f), "--no-store", "--published", "9999-12-31"])
    assert r.exit_code == 0, r.output
    (date,) = json.loads(r.stdout)["claims"][0]["dates"]
    assert date["span"]["text"] == "Tomorrow" and date["value"] is None


def test_index_exit_code_says_whether_some_or_all_inputs_failed(tmp_path):
    """Issue 18 #9: `veracity index` exited 0 when some inputs failed; now 0 / 1 / 2 as `analyze`."""
    good = tmp_path / "good.txt"
    good.write_text("The council said 40 homes were flooded on Monday after the river burst its banks.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    db = str(tmp_path / "ev.db")
    assert runner.invoke(app, ["index", str(good), "--db", db, "--quiet"]).exit_code == 0
    some = runner.invoke(app, ["index", str(good), str(empty), "--db", db, "--quiet"])  # good: skipped, already in
    assert some.exit_code == 1 and "empty input" in some.stderr
    none = runner.invoke(app, ["index", str(empty), str(tmp_path / "missing.txt"), "--db", db, "--quiet"])
    assert none.exit_code == 2 and "no such file" in none.stderr


def test_an_article_over_the_character_limit_is_one_line_and_the_rest_analysed(tmp_path):
    """Issue 18: max_article_chars (here lowered through the environment) refuses an article with
    a one-line error naming the limit; the other inputs are analysed."""
    text = "The council said 40 homes were flooded on Monday. "
    good = tmp_path / "good.txt"
    good.write_text(text, encoding="utf-8")
    long = tmp_path / "long.txt"
    long.write_text(text * 10, encoding="utf-8")
    env = {"VERACITY_MAX_ARTICLE_CHARS": "200"}
    r = runner.invoke(app, ["analyze", str(long), str(good), "--no-store", "-f", "jsonl", "--attribution", "rules"], env=env)
    assert r.exit_code == 1
    lines = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    assert len(lines) == 2 and lines[0]["error"]["code"] == "input" and "claims" in lines[1]
    assert "over the 200 limit for one article (max_article_chars)" in lines[0]["error"]["message"]
    (err,) = [x for x in r.stderr.splitlines() if x.strip()]
    assert "long.txt" in err and "max_article_chars" in err and "Traceback" not in r.stderr


"""Paths: directories, hidden files, stdin, and batches where one bad input does not stop the rest."""

from __future__ import annotations

import io
import shutil

from veracity.errors import InputError
from veracity.ingest import expand, iter_articles

STORY = "The council said on Monday that 40 homes had been flooded after the river rose by two metres overnight."


def test_directory_is_recursive_sorted_and_skips_hidden_and_unknown(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ["b/two.txt", "a.html", ".hidden.txt", ".git/config.txt", "photo.png", "README", "README.TXT", "LICENSE.txt", "b/c.jsonl"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.replace(str(tmp_path) + "/", "") for p in expand([str(tmp_path)])]
    assert found == ["a.html", "b/c.jsonl", "b/two.txt"]


def test_named_file_with_unknown_suffix_is_sniffed(tmp_path, fixtures, options):
    f = tmp_path / "page.php"
    shutil.copy(fixtures / "news_article.html", f)
    (article,) = list(iter_articles([str(f)], options))
    assert article.kind == "html" and article.title.startswith("Flood defences")


def test_batch_with_bad_files_still_processes_the_good_ones(tmp_path, fixtures, options):
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "german.html").write_bytes((fixtures / "german_news.html").read_bytes())
    with open(tmp_path / "huge.txt", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    paths = [str(tmp_path), str(fixtures / "news_article.html"), str(tmp_path / "missing.txt")]
    items = list(iter_articles(paths, options))
    ok = [i for i in items if not isinstance(i, InputError)]
    errors = {i.source.rsplit("/", 1)[-1]: i.message for i in items if isinstance(i, InputError)}
    assert [a.source_path.rsplit("/", 1)[-1] for a in ok] == ["good.txt", "news_article.html"]
    assert ok[0].text == STORY
    assert set(errors) == {"binary.txt", "empty.txt", "german.html", "huge.txt", "missing.txt"}
    assert "binary" in errors["binary.txt"] and "empty" in errors["empty.txt"] and "non-English" in errors["german.html"]
    assert "50 MiB" in errors["huge.txt"] and "no such file" in errors["missing.txt"]


def test_stdin_dash(options):
    items = list(iter_articles(["-"], options, stdin=io.BytesIO(STORY.encode())))
    assert len(items) == 1 and items[0].text == STORY


def test_same_text_same_id(tmp_path, options):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    a, b = iter_articles([str(tmp_path)], options)
    assert a.id == b.id and a.source_path != b.source_path


def test_empty_directory_is_reported(tmp_path, options):
    (tmp_path / "notes.png").write_bytes(b"x")
    (item,) = iter_articles([str(tmp_path)], options)
    assert isinstance(item, InputError) and "no files of a known type" in item.message


def test_an_unexpected_parser_failure_is_reported_for_that_input_only(tmp_path, options, monkeypatch):
    import veracity.ingest as ingest

    def boom(*args, **kwargs):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(ingest, "iter_feed", boom)
    (tmp_path / "a.rss").write_text("<rss></rss>", encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    bad, good = iter_articles([str(tmp_path)], options)
    assert isinstance(bad, InputError) and "RuntimeError: parser exploded" in bad.message
    assert isinstance(bad.__cause__, RuntimeError) and good.text == STORY


def test_jsonl_piped_on_stdin_is_a_corpus(fixtures, options):
    data = (fixtures / "corpus.jsonl").read_bytes()
    items = list(iter_articles(["-"], options, stdin=io.BytesIO(data)))
    assert len(items) == 3 and items[0].kind == "jsonl" and items[0].source_path == "<stdin>:1"
    assert isinstance(items[1], InputError) and items[1].source == "<stdin>:2"


def test_bbc_directory_gives_exactly_its_2225_articles(shared, options):
    found = list(expand([str(shared / "data" / "corpus" / "bbc-news")]))
    assert len(found) == 2225 and not any("README" in p for p in found)

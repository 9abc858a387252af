"""Corpora: one article per row; a bad row is an error for that row only."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from veracity.errors import InputError
from veracity.ingest import iter_articles, read_path
from veracity.ingest.corpus import _lines

ROW = ("A car parts factory in Redford will close in June with the loss of 300 jobs, its owner announced "
       "on Wednesday, blaming falling orders and higher energy costs.")


def _split(items):
    return [i for i in items if not isinstance(i, InputError)], [i for i in items if isinstance(i, InputError)]


def test_jsonl_rows_become_articles_and_bad_rows_errors(fixtures, options):
    good, bad = _split(list(iter_articles([str(fixtures / "corpus.jsonl")], options)))
    assert [a.title for a in good] == ["Factory to close with loss of 300 jobs", "Library hours extended"]
    first = good[0]
    assert first.kind == "jsonl" and first.outlet == "Midlands Echo" and first.published == "2024-01-17"
    assert first.url == "https://midlands-echo.example/factory" and first.meta["source_id"] == "c1"
    assert first.source_path.endswith("corpus.jsonl:1") and first.text.endswith("The union said it would fight the decision.")
    assert good[1].published == "2024-01-18"  # RFC 2822 date normalised
    assert len(bad) == 1 and bad[0].source.endswith("corpus.jsonl:2") and "'text' is int" in bad[0].message


def test_csv_rows_with_quoted_newlines(fixtures, options):
    good, bad = _split(list(iter_articles([str(fixtures / "corpus.csv")], options)))
    assert [a.meta["source_id"] for a in good] == ["r1", "r3"]
    assert good[0].text == ("The railway line between Oldbridge and Hamley reopened on Thursday, six weeks after a "
                            "landslip, Network Rail said.\nServices will run hourly at first.")
    assert good[1].source_path.endswith("corpus.csv:5")  # physical line, after the quoted newline
    assert len(bad) == 1 and bad[0].source.endswith("corpus.csv:4") and "empty 'text'" in bad[0].message


def test_tsv_and_header_aliases(tmp_path, options):
    f = tmp_path / "c.tsv"
    f.write_text(f"Headline\tBody\tDate\nFactory closes\t{ROW}\t17 January 2024\n", encoding="utf-8")
    (article,) = read_path(str(f), options)
    assert article.title == "Factory closes" and article.text == ROW and article.published == "2024-01-17"


def test_csv_without_text_column(tmp_path, options):
    f = tmp_path / "c.csv"
    f.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="no 'text' column"):
        read_path(str(f), options)


def test_csv_row_in_cp1252_is_decoded_alone(tmp_path, options):
    f = tmp_path / "c.csv"
    f.write_bytes(b'id,text\n1,"' + ROW.replace("300", "\xa3300").encode("latin-1") + b'"\n2,"' + ROW.encode() + b'"\n')
    good, bad = _split(list(iter_articles([str(f)], options)))
    assert not bad and "£300" in good[0].text and "warnings" in good[0].meta and "warnings" not in good[1].meta


def test_ambiguous_and_bad_dates_are_dropped_with_a_warning(tmp_path, options):
    f = tmp_path / "c.jsonl"
    rows = [{"text": ROW, "published": "03/04/2005"}, {"text": ROW, "published": "yesterday-ish"}, {"text": ROW, "published": "25/12/2004"}]
    f.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    a, b, c = read_path(str(f), options)
    assert a.published is None and "not understood" in a.meta["warnings"][0]
    assert b.published is None and c.published == "2004-12-25"


def test_json_list_and_object(tmp_path, options):
    f = tmp_path / "c.json"
    f.write_text(json.dumps([{"text": ROW, "title": "A"}, {"nope": 1}]), encoding="utf-8")
    good, bad = _split(list(iter_articles([str(f)], options)))
    assert good[0].title == "A" and good[0].kind == "json" and bad[0].source.endswith("c.json[1]")


def test_gzipped_jsonl_is_streamed(tmp_path, options):
    f = tmp_path / "c.jsonl.gz"
    f.write_bytes(gzip.compress(b"\n".join(json.dumps({"text": ROW, "id": i}).encode() for i in range(50))))
    items = list(iter_articles([str(f)], options))
    assert len(items) == 50 and items[49].meta["source_id"] == "49"
    assert len({a.id for a in items}) == 1  # same text, same metadata: same content id


def test_row_over_the_limit_is_skipped_and_the_rest_read(tmp_path, options):
    small = options.replace(max_input_bytes=400)
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"text": ROW * 5}) + "\n" + json.dumps({"text": ROW}) + "\n", encoding="utf-8")
    bad, good = list(iter_articles([str(f)], small))
    assert isinstance(bad, InputError) and "over the 400 bytes input limit" in bad.message and bad.source.endswith(":1")
    assert good.text == ROW and good.source_path.endswith(":2")


def test_line_reader_never_holds_more_than_the_limit():
    lines = list(_lines(io.BytesIO(b"x" * 10_000 + b"\nshort\n"), limit=100))
    assert lines == [(1, None), (2, b"short\n")]


@pytest.mark.parametrize("name", ["c.jsonl", "c.csv", "c.jsonl.gz"])
def test_a_binary_file_named_as_a_corpus_is_one_error(tmp_path, options, name):
    f = tmp_path / name
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40
    f.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    items = list(iter_articles([str(f)], options))
    assert len(items) == 1 and "binary data (NUL bytes)" in str(items[0])


def test_sparse_50mb_jsonl_is_one_error(tmp_path, options):
    f = tmp_path / "huge.jsonl"
    with open(f, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    items = list(iter_articles([str(f)], options))
    assert len(items) == 1 and "binary data" in str(items[0])


def test_many_bad_rows_stop_with_one_summary(tmp_path, options):
    f = tmp_path / "c.jsonl"
    f.write_text("not json\n" * 500, encoding="utf-8")
    items = list(iter_articles([str(f)], options))
    assert len(items) == 51 and "stopped after 50 bad rows" in str(items[-1])


def test_lone_surrogate_row_is_replaced_and_later_rows_kept(tmp_path, options):
    """Issue 18 #2: a row with "a\\ud800." crashed content_id and every later row was silently
    dropped. Lone surrogates become U+FFFD, one for one (offsets exact), with a warning."""
    f = tmp_path / "c.jsonl"
    f.write_text('{"text": "a\\ud800.", "title": "T\\udc00"}\n' + json.dumps({"text": ROW}) + "\n", encoding="utf-8")
    first, second = iter_articles([str(f)], options)
    assert first.text == "a\ufffd." and first.title == "T\ufffd" and len(first.text) == len("a\ud800.")
    assert "lone surrogate" in first.meta["warnings"][0] and first.source_path.endswith(":1")
    assert second.text == ROW and second.source_path.endswith(":2")


def test_a_row_that_breaks_a_reader_unexpectedly_costs_only_that_row(tmp_path, options, monkeypatch):
    """Rows after a bad row are never dropped, whatever the row raises (issue 18 #2's silent loss)."""
    import veracity.ingest.corpus as corpus

    real = corpus.article_from_row

    def flaky(row, source, *args):
        if row.get("text") == "boom":
            raise UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates not allowed")
        return real(row, source, *args)

    monkeypatch.setattr(corpus, "article_from_row", flaky)
    jsonl, csvf = tmp_path / "c.jsonl", tmp_path / "c.csv"
    jsonl.write_text("\n".join(json.dumps({"text": t}) for t in (ROW, "boom", ROW + " Again.")) + "\n", encoding="utf-8")
    csvf.write_text("text\n" + "\n".join(f'"{t}"' for t in (ROW, "boom", ROW + " Again.")) + "\n", encoding="utf-8")
    for f, second in ((jsonl, ":2"), (csvf, ":3")):
        items = list(iter_articles([str(f)], options))
        assert [isinstance(i, InputError) for i in items] == [False, True, False]
        assert items[1].source.endswith(second) and "UnicodeEncodeError" in items[1].message
        assert items[2].text == ROW + " Again."


def test_row_over_the_character_limit_is_one_error_naming_it_and_the_rest_read(tmp_path, options):
    """Issue 18: an article over max_article_chars is refused before any analysis, as that row's error."""
    small = options.replace(max_article_chars=len(ROW) * 2)
    f = tmp_path / "c.jsonl"
    f.write_text("\n".join(json.dumps({"text": t}) for t in (ROW, ROW * 3, ROW)) + "\n", encoding="utf-8")
    first, bad, last = list(iter_articles([str(f)], small))
    assert isinstance(bad, InputError) and bad.source.endswith(":2")
    assert bad.message == f"{len(ROW * 3):,} characters, over the {len(ROW) * 2:,} limit for one article (max_article_chars)"
    assert first.text == ROW and last.source_path.endswith(":3")


def test_a_stray_nul_in_one_csv_row_loses_no_other_row(tmp_path, options):
    f = tmp_path / "c.csv"
    f.write_bytes(b"text\nThe minister resigned on Monday.\n\x00 \nTroops were sent to the border.\n")
    items = list(iter_articles([str(f)], options))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article"]

"""Plain text: exact text kept, legacy encodings decoded with a warning, bad bytes refused."""

from __future__ import annotations

import io

import pytest

from veracity.errors import InputError
from veracity.ingest import iter_articles, read_path
from veracity.ingest.text import article_from_bytes, decode, headline

NEWS = ("The foreign minister on Friday denied a newspaper report that officials had held secret talks "
        "with rebel leaders, calling it \u201ccompletely untrue\u201d. The report cited two unnamed officials.\r\n")


def test_txt_text_is_kept_exactly(fixtures, options):
    path = fixtures / "article.txt"
    (article,) = read_path(str(path), options)
    assert article.text == path.read_text(encoding="utf-8")
    assert article.kind == "text" and article.language == "en"
    assert article.title == "Minister denies report of secret talks"
    assert article.id.startswith("a_") and "warnings" not in article.meta


def test_crlf_and_curly_quotes_survive_and_bom_is_stripped(tmp_path, options):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + NEWS.encode("utf-8"))
    (article,) = read_path(str(f), options)
    assert article.text == NEWS  # \r\n kept: offsets index exactly this string


def test_latin1_bbc_article_is_decoded_with_a_warning(shared, options):
    path = shared / "data" / "corpus" / "bbc-news" / "sport" / "199.txt"
    (article,) = read_path(str(path), options)
    assert "\u00a315.8m" in article.text  # the £ sign, byte 0xA3 in Latin-1
    assert article.title == "Chelsea sack Mutu"
    assert any("not UTF-8" in w for w in article.meta["warnings"])


def test_cp1252_smart_quotes(tmp_path, options):
    f = tmp_path / "cp.txt"
    f.write_bytes(NEWS.encode("cp1252"))
    (article,) = read_path(str(f), options)
    assert "\u201ccompletely untrue\u201d" in article.text
    assert article.meta["warnings"] == ["not UTF-8; decoded as cp1252"]


def test_utf16_with_bom(tmp_path, options):
    f = tmp_path / "u16.txt"
    f.write_bytes(NEWS.encode("utf-16"))  # Python writes a BOM first
    (article,) = read_path(str(f), options)
    assert article.text == NEWS and "utf-16" in article.meta["warnings"][0]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty input"),
        (b" \n\t\r\n ", "empty input"),
        (b"\xef\xbb\xbf  \n", "empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary data"),
        (bytes(range(1, 32)) * 20 + b"some words", "binary data (control characters)"),
        ("Caf\u00e9 owners said the \u20ac2 rise was unfair.".encode() + b" \xff\xfe broken", "undecodable bytes"),
    ],
    ids=["empty", "whitespace", "bom-only", "png", "controls", "corrupt-utf8"],
)
def test_bad_bytes_give_one_line_input_errors(tmp_path, options, data, reason):
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    with pytest.raises(InputError) as exc:
        read_path(str(f), options)
    message = str(exc.value)
    assert reason in message and str(f) in message and "\n" not in message


def test_corrupt_utf8_error_names_the_byte():
    data = "Minister said \u2018no\u2019.".encode() + b"\x80\x80 more text"
    with pytest.raises(InputError, match=r"invalid at byte \d+"):
        decode(data, "x.txt")


def test_50mb_sparse_file_refused_without_reading_it(tmp_path, options):
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:  # sparse: 50 MB on paper, no blocks on disk
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(InputError) as exc:
        read_path(str(f), options)
    assert "file is 50 MiB, over the 20 MiB input limit" in str(exc.value)


def test_oversized_stdin_refused(options):
    small = options.replace(max_input_bytes=1000)
    with pytest.raises(InputError, match="over the"):
        read_path("-", small, stdin=io.BytesIO(b"word " * 1000))


def test_stdin_text(options):
    (article,) = read_path("-", options, stdin=io.BytesIO(NEWS.encode()))
    assert article.text == NEWS and article.kind == "stdin" and article.source_path == "<stdin>"


def test_article_from_bytes_is_the_public_entry_for_raw_text(options):
    article = article_from_bytes("Officials said 300 people were evacuated.".encode(), "<text>", options)
    assert article.text == "Officials said 300 people were evacuated."
    assert article.language is None  # too short to tell; not refused


def test_headline_only_when_it_stands_apart():
    assert headline("Chelsea sack Mutu\n\nChelsea have sacked Adrian Mutu.") == "Chelsea sack Mutu"
    assert headline("The plan was unveiled. It says more.\n\nNext.") is None
    assert headline("One line only") is None


def test_missing_path_is_an_input_error(tmp_path, options):
    items = list(iter_articles([str(tmp_path / "nope.txt")], options))
    assert len(items) == 1 and isinstance(items[0], InputError) and "no such file" in str(items[0])

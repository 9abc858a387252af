"""Write the seed corpus under fuzz/corpus/<target>/ (committed; re-run to rebuild it).

Each seed is a flags byte (see fuzz/targets.py) and then the input: the ingest test fixtures,
the demo article, and the smallest inputs of the defects issue 18 found (a one-character
article, a lone surrogate, "Tomorrow" on 9999-12-31, punctuation runs, non-UTF-8 bytes).
Inputs the fuzzer finds later are merged in by ``scripts/fuzz.py --merge``.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
CORPUS = ROOT / "fuzz" / "corpus"
sys.path.insert(0, str(ROOT / "fuzz"))

from targets import MAX_LEN  # noqa: E402

EXAMPLE = (ROOT.parent / "shared" / "examples" / "troops-report.txt")
SENTENCES = [
    "The minister said 300 troops were sent to eastern Ukraine yesterday.",
    '"We will not retreat," a senior European diplomat told The Wall Street Journal on Tuesday.',
    "According to officials, over 10,000 people were evacuated, but the report could not be verified.",
    "Tomorrow the council will vote on the plan, which critics say costs $2.5bn.",
]
HOSTILE_TEXT = [
    "a", "a.", ".", "1", "\u00e9", "A\u0301", "\U0001F600 said the minister.", "Tomorrow.",
    '"' * 300, "!?" * 200, "." * 500, "-" * 150 + " said the minister.", "a" * 1200,
    "He said: \u201c" + "\u201d" * 120 + "\u201d", "x\u200b\u200dy said he.\u2028Next line.", "\u202eevil\u202c said she.",
    "A b. " * 200, "\t\r\n \u00a0\u3000", "<script>alert(1)</script> said the minister.",
    "Officials said 300 people were evacuated.\n\n\n\nOn Monday, 40 more.",
]
HOSTILE_BYTES = [
    b"a\xed\xa0\x80.", b"\xff\xfe" + "Tomorrow he said.".encode("utf-16-le"), b"\xef\xbb\xbfThe minister said so.",
    b"caf\xe9 owners said 40 shops closed.", b"\x80\x81\x82", b"\x00\x00", b"text with a \x07 bell",
    b"\xc3\x28 mixed \xe2\x82\xac", b"\xfe\xff" + "He said.".encode("utf-16-be"), b"\x1b[31mred\x1b[0m said the log.",
]


def seed(target: str, name: str, data: bytes) -> None:
    data = data[: MAX_LEN[target]]
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / f"{name}-{hashlib.sha1(data).hexdigest()[:10]}").write_bytes(data)


def main() -> None:
    example = EXAMPLE.read_bytes() if EXAMPLE.exists() else " ".join(SENTENCES).encode()
    # text: flags selects the suffix (.txt, sniffed, stdin, .md, .txt.gz) and the language policy.
    for i, raw in enumerate([(FIXTURES / "article.txt").read_bytes(), example, *(s.encode() for s in SENTENCES)]):
        seed("text", f"article{i}", bytes([i % 5]) + raw)
    for i, t in enumerate(HOSTILE_TEXT):
        seed("text", f"hostile{i}", bytes([i % 5]) + t.encode("utf-8"))
    for i, b in enumerate(HOSTILE_BYTES):
        seed("text", f"bytes{i}", bytes([i % 3]) + b)
    # html: .html, .htm, sniffed, stdin, .xhtml
    for i, name in enumerate(["news_article.html", "malformed.html", "german_news.html", "wire_story.htm"]):
        seed("html", name.split(".")[0], bytes([i % 5]) + (FIXTURES / name).read_bytes())
    html_hostile = [
        b"<html><body><p>a</p></body></html>", b"<p>" * 400, b"<html lang='de'><body>" + example[:600] + b"</body></html>",
        b"<html><body><script>alert(1)</script><p>The minister said 300 troops were sent.</p></body></html>",
        b"<!DOCTYPE html><html><head><title>T &amp; \xe9</title><meta charset='latin-1'></head><body><article><p>"
        + b"caf\xe9 owners said 40 shops closed.</p></article></body></html>",
        b"<html><body><table><tr><td>" * 50 + b"deep", b"<html><body>&#0;&#xD800;&#1114112;&nbsp;</body></html>",
        b"<html><body><p>" + b'"' * 2000 + b"</p></body></html>",
    ]
    for i, b in enumerate(html_hostile):
        seed("html", f"hostile{i}", bytes([i % 5]) + b)
    # corpus: .jsonl, .csv, .tsv, .json, stdin, .jsonl.gz
    seed("corpus", "jsonl", b"\x00" + (FIXTURES / "corpus.jsonl").read_bytes())
    seed("corpus", "csv", b"\x01" + (FIXTURES / "corpus.csv").read_bytes())
    corpus_hostile = [
        (0, b'{"text": "a"}\n{"text": "a\\ud800."}\n{"text": "ok, said he."}\n'),
        (0, b'{"text": "Same text."}\n{"text": "Same text."}\n[1,2]\n{"body": 3}\n' + b"[" * 3000 + b"\n"),
        (1, b'text,title,published\n"a",t,9999-12-31\n"He said ""hi"".",x,not a date\n'),
        (2, b"text\ttitle\nThe minister said so.\tT\n\xff\xfe\tbad\n"),
        (3, b'[{"text": "One."}, {"content": "Two, said she."}, {"text": ""}]'),
        (4, b'{"text": "from stdin, he said"}\n'),
        (1, b"title\nno text column\n"),
        # found by the fuzzer: a huge year made the date parser overflow and the row was lost
        (0, b'{"text": "The library will open on Sundays, a spokesman said.", "published": '
            b'"Thu, 18 Jan 1111111111111111111112024 10:00:00 GMT"}\n'),
    ]
    for i, (flag, b) in enumerate(corpus_hostile):
        seed("corpus", f"hostile{i}", bytes([flag]) + b)
    # feed: .rss, .atom, .xml, stdin
    seed("feed", "rss", b"\x00" + (FIXTURES / "feed.rss").read_bytes())
    seed("feed", "atom", b"\x01" + (FIXTURES / "feed.atom").read_bytes())
    feed_hostile = [
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item>'
        b"<description>&x; said he.</description></item></channel></rss>",
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><item><description>&c;</description></item></channel></rss>',
        b"<rss><channel><item><title>a</title></item></channel></rss>",
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">&lt;script&gt;x&lt;/script&gt;'
        b"The minister said so.</content><updated>9999-12-31T00:00:00Z</updated></entry></feed>",
    ]
    for i, b in enumerate(feed_hostile):
        seed("feed", f"hostile{i}", bytes([i % 4]) + b)
    # analyze: flags = date (0-3) | decoding << 2 | render 0x10 | refuse non-English 0x20.
    seed("analyze", "example", b"\x10" + example)
    for i, s in enumerate(SENTENCES):
        seed("analyze", f"sentence{i}", bytes([0x10 | (i % 4)]) + s.encode())
    for i, t in enumerate(HOSTILE_TEXT):
        seed("analyze", f"hostile{i}", bytes([i % 4 | (0x10 if i % 2 else 0)]) + t.encode("utf-8"))
    seed("analyze", "surrogate", b"\x14a\xed\xa0\x80.")  # surrogateescape: a lone surrogate
    seed("analyze", "surrogate16", b"\x08" + "a\ud800. Tomorrow.".encode("utf-16-le", "surrogatepass"))
    seed("analyze", "tomorrow9999", b"\x12Tomorrow, the minister said, 300 troops will arrive.")
    seed("analyze", "tomorrow0001", b"\x03Yesterday, the minister said, 300 troops arrived.")


if __name__ == "__main__":
    main()

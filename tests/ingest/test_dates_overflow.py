"""Found by the fuzzer (scripts/fuzz.py, corpus target): an RFC 2822 date with a huge year made
`parsedate_to_datetime` raise OverflowError, so a JSONL/CSV row or feed entry with such a
`published` field was lost ("could not be read (OverflowError: ...)") instead of being read with
the date ignored and a warning, as any other date not understood is."""

import io
import time

from veracity.ingest import read_path
from veracity.ingest.dates import iso_date
from veracity.options import Options

HUGE = "Thu, 18 Jan 1111111111111111111112024 10:00:00 GMT"


def test_a_date_with_a_huge_year_is_not_understood():
    assert iso_date(HUGE) is None
    assert iso_date(time.struct_time((10**20, 1, 18, 10, 0, 0, 3, 18, 0))) is None


def test_the_row_is_read_and_the_date_ignored_with_a_warning():
    row = b'{"text": "The county library will open on Sundays, a spokesman said.", "published": "' + HUGE.encode() + b'"}\n'
    [article] = read_path("-", Options(), stdin=io.BytesIO(row))
    assert article.published is None
    assert any("not understood" in w for w in article.meta["warnings"])

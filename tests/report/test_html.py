import re
from html.parser import HTMLParser

from veracity import analysis
from veracity.options import Options
from veracity.report import render

PAYLOADS = [
    '<script>alert("x")</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(2)>',
    "</script><script>alert(3)</script>",
    "javascript:alert(4)",
]


def _hostile_dossier():
    text = ("Officials said " + PAYLOADS[0] + " that 300 people were evacuated. "
            + PAYLOADS[1] + " The mayor said: " + PAYLOADS[2] + " and " + PAYLOADS[3] + " " + PAYLOADS[4] + ".")
    return analysis.analyze_text(text, Options(), title=PAYLOADS[1], outlet=PAYLOADS[0], url="javascript:alert(5)")


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_no_payload_survives_in_html():
    html = render([_hostile_dossier()], "html")
    parser = _Tags()
    parser.feed(html)
    names = [t for t, _ in parser.tags]
    # Our own page has exactly one executable script, the one we wrote, and no images.
    assert sum(1 for t, a in parser.tags if t == "script" and a.get("type") != "application/json") == 1
    assert "img" not in names
    assert not [a for _, attrs in parser.tags for a in attrs if a.startswith("on")]  # no event handlers at all
    assert not [v for _, attrs in parser.tags for v in attrs.values() if v and "javascript:" in v]
    assert "alert(3)</script>" not in html
    assert "&lt;script&gt;" in html  # the text is shown, escaped


def test_json_island_cannot_close_its_script_tag():
    html = render([_hostile_dossier()], "html")
    islands = re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.S)
    assert islands and all("<" not in body for body in islands)


def test_markdown_escapes_markup():
    md = render([_hostile_dossier()], "md")
    assert "<script>" not in md and "<img" not in md


def test_demo_report_shows_claims_and_chart(example_dossier):
    html = render([example_dossier], "html")
    assert html.count('data-claim="') >= 2 * len(example_dossier.claims)  # in the text and the table
    assert "Sourcing breakdown" in html and "Content-Security-Policy" in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html


def test_corroborated_claims_get_an_escaped_timeline(example_dossier):
    from veracity.records import Corroboration, CorroborationSummary, Span

    hostile = '<script>alert("t")</script>'
    reps = (Corroboration("d1", Span(0, 5, "Troop"), 0.9, outlet=hostile, published="2025-02-10", title="First"),
            Corroboration("d2", Span(0, 5, "Troop"), 0.8, outlet="Second outlet", published="2025-02-12", title=hostile))
    claims = list(example_dossier.claims)
    claims[0] = claims[0].__class__(**{**claims[0].__dict__, "corroboration": CorroborationSummary(reps, "d1", 2)})
    html = render([example_dossier.with_(claims=tuple(claims))], "html")
    assert 'aria-label="reports of this claim"' in html and "2025-02-10" in html
    assert "<script>alert(" not in html
    parser = _Tags()
    parser.feed(html)
    assert sum(1 for t, a in parser.tags if t == "script" and a.get("type") != "application/json") == 1


def test_a_listed_countrys_claim_shows_how_it_reads():
    text = "France would send six Rafale jets, Greece four F-16s and Italy two Eurofighters, the newspaper said."
    html = render([analysis.analyze_text(text, Options())], "html")
    assert "reads: Greece would send four F-16s" in html and "reads: Italy would send two Eurofighters" in html

"""The workspace in a real browser: Debian's chromium driven by Playwright (never `playwright install`).

A server with the real pipeline runs on a free loopback port. The tests add the example
article, open it, open a claim from the keyboard and read its source chain, record a review
and export ClaimReview, render a hostile article inert, check that failures are shown and
never leave the page "analysing…", index evidence and see a verdict (when this tree's
verification models are built), and run axe-core (bundled under tests/api/assets) on every
page. Screenshots go to out/screenshots/.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import socket
import threading
import time
from pathlib import Path

import pytest

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright (requirements/dev.in) is not installed")

from veracity.api.app import create_app  # noqa: E402
from veracity.api.settings import ServerSettings  # noqa: E402
from veracity.options import Options  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
# Flags for a headless, sandbox-free (containers run as root) chromium that talks to nothing
# but the test server: no background updates, sync, first-run pages or GPU.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "out" / "screenshots"
ASSETS = Path(__file__).resolve().parent / "assets"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
# Generous for a 2-core machine busy with other work: an analysis takes 1-3 s warm, the
# first one also loads the models.
ANALYSIS_WAIT_MS = 120_000

HOSTILE = ("Hostile report\n\nThe mayor said <script>window.__pwned = 1</script> that 20 roads were closed on Friday. "
           "A witness said <img src=x onerror=\"window.__pwned = 2\"> the old bridge collapsed overnight.")
EVIDENCE_FILES = {
    "floods-a.txt": "Floods hit Riverside\n\nCouncil officials confirmed on Monday that 40 homes were flooded in Riverside "
                    "after a night of heavy rain. Engineers warned that more rain could follow.",
    "floods-b.txt": "Riverside flood count\n\nThe fire service said on Tuesday that 40 homes in Riverside were flooded by "
                    "the heavy rain on Monday, and that the river was still rising.",
}

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed (scripts/setup-system.sh installs it)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _serving(app):
    """Run ``app`` with uvicorn on a free loopback port in a thread; yields its base URL."""
    import uvicorn

    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)


def _verification_works(folder: Path) -> bool:
    """Whether this tree's verify and corroborate stages can load their models."""
    from veracity.errors import VeracityError
    from veracity.options import with_evidence_stages
    from veracity.pipeline import Pipeline
    from veracity.retrieval.index import EvidenceIndex

    probe = folder / "probe.db"
    EvidenceIndex(probe).close()
    try:
        Pipeline(Options(evidence_db=str(probe), stages=with_evidence_stages(Options().stages)))
    except VeracityError:
        return False
    return True


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    evidence = _verification_works(folder)
    options = Options(db_path=str(folder / "store.db"), evidence_db=str(folder / "evidence.db") if evidence else None)
    with _serving(create_app(options, ServerSettings())) as url:
        yield {"url": url, "evidence": evidence, "folder": folder}


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server["url"], viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    blocked: list[str] = []
    pg.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    pg.dialogs, pg.csp_violations = dialogs, blocked  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert not dialogs, f"a page opened dialogs: {dialogs}"


def _shot(page, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def _analyse(page, text: str, title: str = "", outlet: str = "", published: str = "") -> str:
    """Add an article through the Add page; returns the dossier page's path."""
    expect = playwright_api.expect
    page.goto("/add")
    page.get_by_label("Article text or pasted HTML").fill(text)
    if title:
        page.get_by_label("Title").fill(title)
    if outlet:
        page.get_by_label("Outlet").fill(outlet)
    if published:
        page.get_by_label("Published").fill(published)
    button = page.get_by_role("button", name="Analyse")
    # Job polls answer 300 ms late, so a short article cannot finish before the check below
    # (it did once: the button was enabled again before the assertion looked).
    page.route("**/v1/jobs/**", lambda route: (time.sleep(0.3), route.continue_()))
    button.click()
    expect(button).to_be_disabled()  # while the job runs
    link = page.locator("#add-results a").first
    expect(link).to_be_visible(timeout=ANALYSIS_WAIT_MS)
    expect(button).to_be_enabled()
    assert "analysing" not in page.locator("#add-status").inner_text()
    page.unroute("**/v1/jobs/**")
    return link.get_attribute("href")


def test_add_open_a_claim_read_its_chain_review_and_export(page, example_text):
    expect = playwright_api.expect
    href = _analyse(page, example_text, title="Troops report", outlet="Example Wire", published="2025-02-14")
    _shot(page, "add")
    page.goto(href)
    expect(page.get_by_role("heading", name="Troops report")).to_be_visible()
    _shot(page, "dossier")
    # The first claim whose source has a chain of attribution ("... quoted by The Wall Street Journal").
    index = page.evaluate("""() => { for (const s of document.querySelectorAll('.claim-detail'))
        { const ch = s.querySelector('.chain'); if (ch && ch.textContent.includes('→')) return s.dataset.index; } return null; }""")
    assert index is not None, "no claim of the example has a source chain"
    row = page.locator(f'tr.claim-row[data-claim="{index}"]')
    row.scroll_into_view_if_needed()
    row.focus()  # reachable by keyboard: rows are in the tab order
    assert page.evaluate("document.activeElement.dataset.claim") == index
    page.keyboard.press("Enter")
    detail = page.locator(f'.claim-detail[data-index="{index}"]')
    expect(detail).to_be_visible()
    expect(detail.locator("h3")).to_be_focused()
    chain = detail.locator(".chain").first.inner_text()
    assert "→" in chain and "source chain" in chain
    box, height = detail.bounding_box(), page.viewport_size["height"]
    assert box["y"] < height and box["y"] + box["height"] > 0, "the detail panel is out of view"
    _shot(page, "claim-detail", full_page=False)  # what a person sees: the row and its details side by side

    detail.get_by_label("Status").select_option("checked")
    detail.get_by_label("Rating").select_option("Misleading")
    detail.get_by_label("Note").fill("The chain ends in an anonymous diplomat.")
    detail.get_by_label("Reviewer").fill("Test Reviewer")
    detail.get_by_role("button", name="Save review").click()
    expect(detail.locator(".review-status")).to_contain_text("saved")
    expect(detail.locator("[data-current-review]")).to_contain_text("Misleading")
    page.reload()  # the review is stored, not just shown
    expect(page.locator(f'tr.claim-row[data-claim="{index}"] [data-review-cell]')).to_contain_text("checked: Misleading")

    with page.expect_download() as dl:
        page.locator("#export-claimreview").click()
    reviews = json.loads(Path(dl.value.path()).read_text(encoding="utf-8"))
    assert len(reviews) == 1 and reviews[0]["@type"] == "ClaimReview"
    assert reviews[0]["reviewRating"]["alternateName"] == "Misleading" and reviews[0]["creator"]["name"] == "Test Reviewer"
    assert not page.csp_violations, page.csp_violations

    page.goto("/")
    expect(page.get_by_role("link", name="Troops report")).to_be_visible()
    page.get_by_label("Words to find").fill("troops")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("ol.hits mark").first).to_be_visible()
    _shot(page, "articles")


def test_a_hostile_article_is_rendered_inert(page):
    href = _analyse(page, HOSTILE, title='<img src=y onerror="window.__pwned = 3">', outlet="<b>Evil</b> Times")
    page.goto(href)
    _shot(page, "hostile")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("main img").count() == 0 and page.locator("main script").count() == 0
    assert "<script>window.__pwned = 1</script>" in page.locator("section.article").inner_text()
    assert page.locator("h1").first.inner_text() == '<img src=y onerror="window.__pwned = 3">'


def test_failures_are_shown_stale_results_cleared_and_nothing_hangs(page):
    expect = playwright_api.expect
    button, error, status = page.get_by_role("button", name="Analyse"), page.locator("#add-error"), page.locator("#add-status")
    _analyse(page, "Officials said 300 people were evacuated from the coast on Sunday.")
    expect(page.locator("#add-results-card")).to_be_visible()

    page.get_by_label("Article text or pasted HTML").fill("")
    button.click()  # nothing to analyse: said at once, and the old results go
    expect(error).to_contain_text("Paste an article")
    expect(page.locator("#add-results-card")).to_be_hidden()

    page.get_by_label("Article text or pasted HTML").fill("The minister said taxes would rise.")
    page.route("**/v1/jobs", lambda route: route.abort())  # the network fails
    button.click()
    expect(error).to_contain_text("network error")
    expect(button).to_be_enabled()
    assert "analysing" not in status.inner_text()
    page.unroute("**/v1/jobs")

    page.route("**/v1/jobs", lambda route: route.fulfill(status=500, content_type="application/json", body=json.dumps(
        {"error": {"code": "internal", "message": "internal server error; the server log has the details", "details": None}})))
    button.click()
    expect(error).to_contain_text("internal server error")
    expect(button).to_be_enabled()
    page.unroute("**/v1/jobs")

    page.route("**/v1/jobs/*", lambda route: route.fulfill(status=503, content_type="text/plain", body="gateway down"))
    button.click()  # the job starts, but polling it fails
    expect(error).to_contain_text("503")
    expect(button).to_be_enabled()
    assert "analysing" not in status.inner_text()
    _shot(page, "add-error")


def test_evidence_is_indexed_from_the_ui_and_verdicts_shown(page, server):
    expect = playwright_api.expect
    if not server["evidence"]:
        pytest.skip("this tree's verification models are not built, so the server runs without an evidence index")
    folder = server["folder"] / "upload"
    folder.mkdir(exist_ok=True)
    paths = []
    for name, text in EVIDENCE_FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    page.goto("/evidence")
    page.get_by_label("Files to index").set_input_files(paths)
    page.get_by_role("button", name="Index", exact=True).click()
    expect(page.locator("#ev-status")).to_contain_text("added 2 documents", timeout=ANALYSIS_WAIT_MS)
    expect(page.locator("#ev-documents")).to_have_text("2")
    _shot(page, "evidence")
    href = _analyse(page, "The council said 40 homes were flooded in Riverside on Monday.", published="2025-01-07")
    page.goto(href)
    expect(page.locator("tr.claim-row .pill[class*='v-']").first).to_be_visible()
    page.goto("/stories?min_size=1")
    expect(page.get_by_text("Floods hit Riverside").first).to_be_attached()
    _shot(page, "stories")


def test_axe_finds_no_serious_or_critical_violations(page):
    source = (ASSETS / "axe.min.js").read_bytes()
    assert hashlib.sha256(source).hexdigest() == AXE_SHA256, "tests/api/assets/axe.min.js is not the pinned axe-core"
    page.goto("/")
    first = page.locator("table.list tbody a").first
    # The API's accessible reference is /docs/reference; Swagger UI and ReDoc (/docs, /redoc) are
    # third-party interfaces, of which only our header is held to this (in the test below).
    paths = ["/", "/add", "/evidence", "/stories", "/docs/reference"] + ([first.get_attribute("href")] if first.count() else [])
    report = {}
    for path in paths:
        page.goto(path)
        if path.startswith("/articles/"):
            page.locator("tr.claim-row").first.click()  # with a claim's details and review form open
        page.evaluate(source.decode("utf-8"))  # through the devtools protocol: the page's CSP still forbids inline code
        found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))""")
        report[path] = found
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "axe.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    serious = {p: [v for v in vs if v["impact"] in ("serious", "critical")] for p, vs in report.items()}
    assert not any(serious.values()), json.dumps(serious, indent=2)



def test_swagger_ui_and_redoc_render_offline_from_this_server(page, server):
    """/docs and /redoc show the API from /openapi.json with only this server reachable: any
    request elsewhere is aborted and counted, as are failed requests and CSP violations."""
    expect = playwright_api.expect
    elsewhere, failed, errors = [], [], []

    def only_here(route):
        if route.request.url.startswith(server["url"] + "/"):
            route.continue_()
        else:  # offline: nothing but this server answers
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_here)
    page.on("requestfailed", lambda r: failed.append(f"{r.url} {r.failure}"))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    summary = page.request.get("/openapi.json").json()["paths"]["/v1/analyze"]["post"]["summary"]

    page.goto("/docs")
    expect(page.locator(".opblock-summary-description", has_text=summary)).to_be_visible(timeout=30_000)
    expect(page.locator(".opblock-tag", has_text="analysis")).to_be_visible()
    assert page.locator(".swagger-ui .errors-wrapper").count() == 0  # the document parsed without errors
    expect(page.get_by_role("link", name="Plain reference (no JavaScript)")).to_have_attribute("href", "/docs/reference")
    _shot(page, "docs-swagger", full_page=False)
    source = (ASSETS / "axe.min.js").read_bytes()
    assert hashlib.sha256(source).hexdigest() == AXE_SHA256
    page.evaluate(source.decode("utf-8"))
    found = page.evaluate("""async () => (await axe.run({include: [['header.top'], ['.docs-views']]}, {resultTypes: ['violations']}))
        .violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id)""")
    assert not found, found  # our header and links; Swagger UI's own markup is not ours to fix

    page.goto("/redoc")
    expect(page.locator("h2", has_text=summary)).to_be_visible(timeout=30_000)
    expect(page.locator(".menu-content")).to_contain_text("analysis")
    _shot(page, "docs-redoc", full_page=False)
    page.get_by_role("link", name="Plain reference (no JavaScript)").click()
    expect(page.get_by_role("heading", name=re.compile("veracity API"))).to_be_visible()
    expect(page.get_by_text(summary).first).to_be_visible()

    assert not elsewhere, elsewhere
    assert not failed, failed
    assert not errors, errors
    assert not page.csp_violations, page.csp_violations


# --------------------------------------------------------------------------- token mode

TOKEN = "browser-token-0123456789abcdef"


@pytest.fixture(scope="module")
def token_server(tmp_path_factory):
    """A server with a token (as off loopback), a fake pipeline and no model loading: only signing in is tested."""
    from veracity.pipeline import Pipeline

    folder = tmp_path_factory.mktemp("browser-token")
    app = create_app(Options(db_path=str(folder / "store.db")), ServerSettings(token=TOKEN),
                     analyse=lambda article, options: Pipeline.start(article), warm=lambda: None)
    with _serving(app) as url:
        yield url


def test_with_a_token_the_browser_signs_in_through_the_form(browser, token_server):
    expect = playwright_api.expect
    context = browser.new_context(base_url=token_server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        page.goto("/stories")
        assert page.url.endswith("/login?next=%2Fstories")
        field = page.get_by_label("Access token")
        expect(field).to_be_focused()
        field.fill("not-the-token-0123456789")
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("alert")).to_contain_text("not right")
        assert "not-the-token" not in page.content()
        _shot(page, "login-error")

        source = (ASSETS / "axe.min.js").read_bytes()
        assert hashlib.sha256(source).hexdigest() == AXE_SHA256
        page.evaluate(source.decode("utf-8"))
        found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id)""")
        assert not found, found

        page.get_by_label("Access token").fill(TOKEN)
        with page.expect_request(lambda r: r.method == "POST" and r.url.endswith("/login")) as sent:
            page.get_by_role("button", name="Sign in").click()
        # A plain form post carries this server's origin (not "null") for the cross-site check.
        assert sent.value.all_headers().get("origin") == token_server
        expect(page.get_by_role("heading", name="Stories and sources")).to_be_visible()
        cookie = next(c for c in context.cookies() if c["name"] == "veracity_session")
        assert cookie["value"] != TOKEN and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
        assert page.evaluate("document.cookie") == ""  # no script can read the session
        page.get_by_role("link", name="Articles").click()
        expect(page.get_by_role("heading", name="Articles", exact=True)).to_be_visible()
        # The page's script reaches the API with the cookie alone.
        assert page.evaluate("fetch('/v1/articles').then(r => r.status)") == 200
        _shot(page, "signed-in")
        page.goto("/docs")  # Swagger UI reads /openapi.json (never open) with the session cookie
        expect(page.locator(".opblock-summary-description").first).to_be_visible(timeout=30_000)

        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_label("Access token")).to_be_visible()
        page.goto("/")
        assert "/login?next=%2F" in page.url
        assert not blocked, blocked
    finally:
        context.close()

"""The API's documentation pages (veracity.api.docs): Swagger UI at /docs and ReDoc at /redoc from
fastapi-offline's files served by this server, the plain reference at /docs/reference, their
Content-Security-Policies, and how they behave with a token. (In a real browser: test_browser.py.)"""

import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from fastapi.testclient import TestClient

from veracity.api.app import create_app
from veracity.api.docs import ASSETS_URL
from veracity.api.headers import DOCS_CSP, WORKSPACE_CSP
from veracity.api.settings import ServerSettings
from veracity.options import Options
from veracity.pipeline import Pipeline

TOKEN = "docs-token-0123456789abcdef"
BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
ROOT = Path(__file__).resolve().parents[2]
# fastapi-offline's files, with the media type each must be served with (nosniff is on, so a
# script under another type would not run).
ASSETS = {"swagger-ui-bundle.js": "javascript", "swagger-ui.css": "text/css", "redoc.standalone.js": "javascript",
          "favicon.png": "image/png"}
ANALYZE_SUMMARY = "Analyse text, a pasted page or uploaded files into dossiers"


def _app(token=None):
    return create_app(Options(db_path=":memory:"), ServerSettings(token=token, allowed_hosts=("testserver",)),
                      analyse=lambda article, options: Pipeline.start(article), warm=lambda: None)


@pytest.fixture(scope="module")
def c():
    return TestClient(_app(), follow_redirects=False)


class _Refs(HTMLParser):
    """Every src and href in a page, and whether any script or style is inline."""

    def __init__(self):
        super().__init__()
        self.refs, self.inline_scripts, self.style_attrs, self.style_elements = [], 0, 0, 0
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.refs += [v for k, v in attrs if k in ("src", "href") and v is not None]
        self.style_attrs += "style" in a
        self.style_elements += tag == "style"
        self.inline_scripts += tag == "script" and not a.get("src")
        self.inline_scripts += any(k.startswith("on") for k in a)


def _refs(html):
    p = _Refs()
    p.feed(html)
    return p


def _policy(csp):
    return {d.split()[0]: d.split()[1:] for d in (part.strip() for part in csp.split(";")) if d}


@pytest.mark.parametrize("path,element,library", [("/docs", "swagger-ui", "swagger-ui-bundle.js"),
                                                  ("/redoc", "redoc", "redoc.standalone.js")])
def test_swagger_ui_and_redoc_load_everything_from_this_server(c, path, element, library):
    r = c.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == DOCS_CSP
    assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
    html = r.text
    assert "http://" not in html and "https://" not in html  # no address elsewhere at all
    page = _refs(html)
    assert page.inline_scripts == 0 and page.style_attrs == 0 and page.style_elements == 0  # the page itself is clean
    links = [ref for ref in page.refs if not ref.startswith("#")]  # the skip link stays on the page
    assert all(ref.startswith("/") and not ref.startswith("//") for ref in links), links
    assert f'<script src="{ASSETS_URL}/{library}" defer></script>' in html
    assert '<script src="/static/docs-ui.js" defer></script>' in html  # started from our file, not inline
    assert f'id="{element}" data-openapi="/openapi.json"' in html
    # The way to the reference that needs no script, and the workspace's nav with API current.
    assert '<a href="/docs/reference">' in html and '<a href="/docs" aria-current="page">API</a>' in html
    for ref in links:
        assert c.get(ref).status_code == 200, ref
    assert "/logout" not in html  # no token, nothing to sign out of


def test_the_docs_policy_adds_inline_styles_only():
    docs, workspace = _policy(DOCS_CSP), _policy(WORKSPACE_CSP)
    assert docs["style-src"] == ["'self'", "'unsafe-inline'"]
    assert docs["script-src"] == ["'self'"] and docs["connect-src"] == ["'self'"] and docs["img-src"] == ["'self'", "data:"]
    assert docs["default-src"] == ["'self'"] and "worker-src" not in docs  # workers fall back to script-src 'self'
    for directive, value in workspace.items():  # everything else as strict as the workspace's
        assert docs[directive] == value, directive
    assert not re.search(r"https?:|\*|blob:|unsafe-eval", DOCS_CSP)


def test_every_other_page_keeps_the_workspace_policy(c):
    for path in ("/", "/add", "/evidence", "/stories", "/docs/reference", "/login"):
        r = c.get(path)
        if r.status_code == 303:  # /login without a token goes to the articles
            continue
        assert r.status_code == 200, path
        assert r.headers["content-security-policy"] == WORKSPACE_CSP, path


def test_the_assets_are_the_installed_packages_files_with_their_media_types(c):
    folder = resources.files("fastapi_offline").joinpath("static")
    for name, media in ASSETS.items():
        r = c.get(f"{ASSETS_URL}/{name}")
        assert r.status_code == 200, name
        assert media in r.headers["content-type"], (name, r.headers["content-type"])
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.content == folder.joinpath(name).read_bytes(), name
    for name, media in (("docs-ui.js", "javascript"), ("docs-ui.css", "text/css")):
        r = c.get(f"/static/{name}")
        assert r.status_code == 200 and media in r.headers["content-type"], name
    assert c.get(f"{ASSETS_URL}/core.py").status_code == 404  # the static folder only, not the package
    assert c.get(f"{ASSETS_URL}/../core.py").status_code == 404
    # Served from the installed package, never copied into this tree.
    assert not [p for p in (ROOT / "src").rglob("*") if p.name in ASSETS and p.name != "favicon.png"]


def test_the_docs_script_starts_the_libraries_and_fetches_nothing_elsewhere():
    js = (ROOT / "src/veracity/api/static/docs-ui.js").read_text(encoding="utf-8")
    assert "SwaggerUIBundle(" in js and "Redoc.init(" in js and "validatorUrl: null" in js
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", js, flags=re.S)
    assert "http://" not in code and "https://" not in code


def test_the_plain_reference_renders_the_document_without_script(c):
    r = c.get("/docs/reference")
    assert r.status_code == 200
    html = r.text
    assert ANALYZE_SUMMARY in html and "/v1/claims/{claim_id}/review" in html
    assert '<a href="/docs">Swagger UI</a>' in html and '<a href="/redoc">ReDoc</a>' in html
    assert "<script>" not in html and " style=" not in html and "<style" not in html
    assert not re.search(r'(src|href)="(https?:)?//', html)


def test_openapi_is_still_a_valid_document_and_leaves_the_pages_out(c):
    r = c.get("/openapi.json")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    spec = r.json()
    assert spec["openapi"].startswith("3.1.") and spec["info"]["title"] == "veracity"
    assert not {"/docs", "/redoc", "/docs/reference", "/login", "/"} & set(spec["paths"])
    assert not any(p.startswith("/static") for p in spec["paths"])
    schemas = spec["components"]["schemas"]
    for schema in schemas.values():
        jsonschema.Draft202012Validator.check_schema(schema)
    for path, item in spec["paths"].items():
        for method, op in item.items():
            assert op.get("summary") and op.get("responses"), (method, path)
    assert spec["paths"]["/v1/analyze"]["post"]["summary"] == ANALYZE_SUMMARY
    # every reference points at a schema the document has
    refs = set(re.findall(r'"\$ref": ?"#/components/schemas/([^"]+)"', r.text))
    assert refs and refs <= set(schemas), refs - set(schemas)


# --------------------------------------------------------------------------- token mode

def test_with_a_token_the_pages_need_a_session_like_the_workspace_and_the_assets_stay_open():
    app = _app(TOKEN)
    c = TestClient(app, follow_redirects=False)
    for path in ("/docs", "/redoc", "/docs/reference"):
        r = c.get(path, headers=BROWSER)  # a browser goes to sign in, and comes back
        assert r.status_code == 303 and r.headers["location"] == "/login?next=" + path.replace("/", "%2F"), path
        r = c.get(path)
        assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized", path
    for path in ("/openapi.json",):  # never open: the JSON 401, even to a browser
        for headers in ({}, BROWSER):
            r = c.get(path, headers=headers)
            assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized"
    for name in ASSETS:  # public files, as the workspace's own /static files are
        assert c.get(f"{ASSETS_URL}/{name}").status_code == 200, name
    assert c.get("/static/docs-ui.js").status_code == 200

    signed_in = c.post("/login", data={"token": TOKEN, "next": "/docs"})
    assert signed_in.status_code == 303 and signed_in.headers["location"] == "/docs"
    for path in ("/docs", "/redoc"):
        r = c.get(path, headers=BROWSER)
        assert r.status_code == 200 and r.headers["content-security-policy"] == DOCS_CSP, path
        assert '<form method="post" action="/logout" class="logout"><button type="submit">Sign out</button></form>' in r.text
    r = c.get("/docs/reference", headers=BROWSER)
    assert r.status_code == 200 and r.headers["content-security-policy"] == WORKSPACE_CSP and "Sign out" in r.text
    assert c.get("/openapi.json").status_code == 200  # what the pages fetch, with the session cookie
    bearer = TestClient(app).get("/openapi.json", headers={"Authorization": f"Bearer {TOKEN}"})
    assert bearer.status_code == 200

from fastapi.testclient import TestClient

from veracity.api.app import create_app
from veracity.api.settings import ServerSettings
from veracity.options import Options

TEXT = "The council said 40 homes were flooded on Monday. Officials warned that more rain could follow."


def _client(db=":memory:"):
    # TestClient sends Host "testserver"; no token, as on loopback.
    return TestClient(create_app(Options(db_path=db, max_input_bytes=100_000), ServerSettings(allowed_hosts=("testserver",))))


def test_analyze_stores_and_reads_back():
    c = _client()
    r = c.post("/v1/analyze", json={"text": TEXT, "title": "Floods", "published": "2025-01-06"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["schema_version"] and body["article"]["title"] == "Floods"
    ident = body["article"]["id"]
    assert c.get("/v1/dossiers").json()["items"][0]["id"] == ident
    assert c.get(f"/v1/dossiers/{ident}").json()["article"]["text"] == TEXT
    html = c.get(f"/v1/dossiers/{ident}", params={"format": "html"})
    assert html.status_code == 200 and "Sourcing breakdown" in html.text


def test_errors_are_json_with_status():
    c = _client()
    r = c.post("/v1/analyze", json={"text": "   "})
    assert r.status_code == 422 and r.json()["error"]["code"] == "input"
    r = c.get("/v1/dossiers/nope")
    assert r.status_code == 404 and "no stored dossier" in r.json()["error"]["message"]
    r = c.post("/v1/analyze", json={"text": "x" * 200_000})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    r = c.post("/v1/analyze", params={"format": "pdf"}, json={"text": TEXT})
    assert r.status_code == 422 and r.json()["error"]["code"] == "validation"


def test_ui_and_health():
    c = _client()
    assert c.get("/healthz").json()["status"] == "ok"
    page = c.get("/")
    assert page.status_code == 200 and "default-src 'self'" in page.headers["content-security-policy"]
    assert "<script src=\"/static/app.js\"" in page.text and "<script>" not in page.text

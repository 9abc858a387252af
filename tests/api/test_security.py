"""The server's guards: bind refusal, bearer token, Host allow-list, streaming body limit, CORS."""

import asyncio
import sys

import httpx
import pytest
from fastapi.testclient import TestClient

from veracity.api import security
from veracity.api.app import create_app
from veracity.api.security import allowed_hosts_for, check_bind, is_loopback
from veracity.api.settings import LOOPBACK_HOSTS, ServerSettings
from veracity.errors import ConfigError
from veracity.options import Options
from veracity.pipeline import Pipeline

TEXT = "The council said 40 homes were flooded on Monday. Officials warned that more rain could follow."
TOKEN = "s3cret-token-0123456789abcdef"


def _fake_analyse(calls=None):
    def analyse(article, options):
        if calls is not None:
            calls.append(article.id)
        return Pipeline.start(article)

    return analyse


def _app(settings=None, limit=100_000, calls=None, **kw):
    settings = settings or ServerSettings(allowed_hosts=("testserver",))
    return create_app(Options(db_path=":memory:", max_input_bytes=limit), settings, analyse=_fake_analyse(calls), **kw)


def _is_error(r, status, code):
    body = r.json()
    assert r.status_code == status, r.text
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}, body
    assert body["error"]["code"] == code, body
    return body["error"]


# --------------------------------------------------------------------------- binding

@pytest.mark.parametrize("host", ["0.0.0.0", "::", "[::]", "192.168.1.20", "10.0.0.5", "fe80::1", "example.org", ""])
def test_serving_off_loopback_without_a_token_is_refused(host):
    with pytest.raises(ConfigError) as exc:
        check_bind(host, None)
    message = str(exc.value)
    assert "VERACITY_API_TOKEN" in message and "\n" not in message


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost", "LOCALHOST", "::ffff:127.0.0.1"])
def test_serving_on_loopback_needs_no_token(host):
    assert is_loopback(host)
    check_bind(host, None)


def test_a_token_allows_any_host_but_a_weak_one_is_refused():
    check_bind("0.0.0.0", TOKEN)
    with pytest.raises(ConfigError, match="shorter"):
        check_bind("0.0.0.0", "short")
    with pytest.raises(ConfigError, match="shorter"):
        create_app(Options(), ServerSettings(token="short"))


def test_serve_refuses_a_public_host_without_a_token_before_binding(monkeypatch, capsys):
    import uvicorn

    from veracity.cli import main

    monkeypatch.delenv("VERACITY_API_TOKEN", raising=False)
    monkeypatch.setattr(sys, "argv", ["veracity"])  # main() looks for --verbose/-v there (pytest -v)
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: pytest.fail("uvicorn.run must not be reached"))
    with pytest.raises(SystemExit) as exc:
        main(["serve", "--host", "0.0.0.0", "--db", ":memory:"])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("veracity: error: refusing to listen on '0.0.0.0'") and "\n" not in err


def test_serve_on_a_public_host_with_a_token_passes_its_settings(monkeypatch):
    import uvicorn

    from veracity.cli import main

    seen = {}
    monkeypatch.setenv("VERACITY_API_TOKEN", TOKEN)
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    with pytest.raises(SystemExit) as exc:
        main(["serve", "--host", "0.0.0.0", "--db", ":memory:", "--allowed-host", "news.example.org",
              "--analysis-workers", "1", "--analysis-queue", "3", "--analysis-timeout", "9"])
    assert exc.value.code == 0
    settings = seen["app"].state.settings
    assert seen["host"] == "0.0.0.0" and settings.token == TOKEN and settings.cors_origins == ()
    assert settings.allowed_hosts == ("localhost", "127.0.0.1", "::1", "news.example.org")
    assert (settings.analysis_workers, settings.analysis_queue, settings.analysis_timeout_s) == (1, 3, 9.0)


# --------------------------------------------------------------------------- token

def test_with_a_token_every_request_but_the_probes_needs_it():
    c = TestClient(_app(ServerSettings(token=TOKEN, allowed_hosts=("testserver",))))
    for path in ("/", "/v1/dossiers", "/openapi.json", "/docs", "/v1/dossiers/a_00"):
        e = _is_error(c.get(path), 401, "unauthorized")
        assert TOKEN not in e["message"]
    assert c.get("/v1/dossiers").headers["www-authenticate"].startswith("Bearer")
    for bad in ("Bearer wrong-token-0123456789abcdef", f"Basic {TOKEN}", TOKEN, f"Bearer {TOKEN}x", "Bearer "):
        _is_error(c.get("/v1/dossiers", headers={"Authorization": bad}), 401, "unauthorized")
    _is_error(c.post("/v1/analyze", json={"text": TEXT}), 401, "unauthorized")
    good = {"Authorization": f"Bearer {TOKEN}"}
    assert c.get("/v1/dossiers", headers=good).status_code == 200
    assert c.post("/v1/analyze", json={"text": TEXT}, headers=good).status_code == 200
    assert c.get("/healthz").status_code == 200
    assert c.get("/readyz").status_code in (200, 503)  # open, whatever the state


def test_the_token_is_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("VERACITY_API_TOKEN", TOKEN)
    assert ServerSettings.from_env().token == TOKEN
    monkeypatch.setenv("VERACITY_API_TOKEN", "")
    assert ServerSettings.from_env().token is None


def test_the_token_is_compared_in_constant_time(monkeypatch):
    compared = []
    real = security.hmac.compare_digest

    def spy(a, b):
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(security.hmac, "compare_digest", spy)
    c = TestClient(_app(ServerSettings(token=TOKEN, allowed_hosts=("testserver",))))
    assert c.get("/v1/dossiers", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert c.get("/v1/dossiers", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    assert compared == [(b"nope", TOKEN.encode()), (TOKEN.encode(), TOKEN.encode())]


# --------------------------------------------------------------------------- Host

def test_host_allow_list_is_on_by_default_and_refuses_an_evil_host():
    c = TestClient(_app(ServerSettings()), base_url="http://localhost:8000")
    assert c.get("/v1/dossiers").status_code == 200
    for host in ("127.0.0.1:8000", "[::1]:8000", "localhost", "LOCALHOST."):
        assert c.get("/v1/dossiers", headers={"Host": host}).status_code == 200, host
    for host in ("evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.1.nip.io", "0.0.0.0:8000"):
        e = _is_error(c.get("/v1/dossiers", headers={"Host": host}), 400, "host_not_allowed")
        assert "--allowed-host" in e["message"]
    _is_error(c.post("/v1/analyze", json={"text": TEXT}, headers={"Host": "evil.example"}), 400, "host_not_allowed")
    _is_error(TestClient(_app(ServerSettings())).get("/v1/dossiers"), 400, "host_not_allowed")  # "testserver"


def test_allowed_hosts_are_configurable():
    c = TestClient(_app(ServerSettings(allowed_hosts=("news.example.org", "*.corp.example"))), base_url="http://news.example.org")
    assert c.get("/v1/dossiers").status_code == 200
    assert c.get("/v1/dossiers", headers={"Host": "a.corp.example:8443"}).status_code == 200
    assert c.get("/v1/dossiers", headers={"Host": "localhost"}).status_code == 400
    assert TestClient(_app(ServerSettings(allowed_hosts=("*",))), base_url="http://any.example").get("/healthz").status_code == 200
    # serve's list: loopback names, the bound host unless a wildcard, then --allowed-host
    assert allowed_hosts_for("0.0.0.0", ["news.example.org"], LOOPBACK_HOSTS) == LOOPBACK_HOSTS + ("news.example.org",)
    assert allowed_hosts_for("::", [], LOOPBACK_HOSTS) == LOOPBACK_HOSTS
    assert allowed_hosts_for("192.168.1.20", ["[::1]"], LOOPBACK_HOSTS) == LOOPBACK_HOSTS + ("192.168.1.20",)


# --------------------------------------------------------------------------- body limit

def test_a_streamed_body_over_the_limit_gets_413():
    calls = []
    c = TestClient(_app(limit=10_000, calls=calls))

    def chunks():
        for _ in range(100):
            yield b"x" * 1024

    r = c.post("/v1/analyze", content=chunks(), headers={"Content-Type": "application/json"})
    assert "content-length" not in {k.lower() for k in r.request.headers}  # chunked, no declared size
    _is_error(r, 413, "too_large")
    assert calls == []


def test_the_body_limit_stops_reading_as_soon_as_it_is_crossed():
    # httpx's ASGI transport hands the body over chunk by chunk, as a server does.
    calls, sent = [], []
    app = _app(limit=10_000, calls=calls)

    async def body():
        for i in range(10_000):  # 10 MB if it were all read
            sent.append(i)
            yield b"x" * 1024

    async def go():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
            return await client.post("/v1/analyze", content=body(), headers={"Content-Type": "application/json"})

    r = asyncio.run(go())
    _is_error(r, 413, "too_large")
    assert len(sent) <= 11 and calls == []


def test_a_declared_length_over_the_limit_is_refused_unread():
    c = TestClient(_app(limit=1_000))
    e = _is_error(c.post("/v1/analyze", content=b"{" + b" " * 5_000 + b"}", headers={"Content-Type": "application/json"}),
                  413, "too_large")
    assert "5,002 bytes" in e["message"]
    assert c.post("/v1/analyze", json={"text": TEXT}).status_code == 200  # under the limit


# --------------------------------------------------------------------------- CORS

def test_cors_is_off_by_default():
    c = TestClient(_app())
    r = c.get("/v1/dossiers", headers={"Origin": "https://evil.example"})
    assert r.status_code == 200 and not any(k.lower().startswith("access-control-") for k in r.headers)
    pre = c.options("/v1/analyze", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in pre.headers
    _is_error(pre, 405, "method_not_allowed")


def test_cors_answers_only_the_configured_origins():
    c = TestClient(_app(ServerSettings(allowed_hosts=("testserver",), cors_origins=("https://desk.example",))))
    assert c.get("/v1/dossiers", headers={"Origin": "https://desk.example"}).headers["access-control-allow-origin"] == "https://desk.example"
    assert "access-control-allow-origin" not in c.get("/v1/dossiers", headers={"Origin": "https://evil.example"}).headers

"""Signing in from a browser in token mode: the login form, the session cookie, redirects,
logout, the brute-force throttle, and cross-site requests with the cookie in play."""

import re

import pytest
from fastapi.testclient import TestClient

from veracity.api import security
from veracity.api.app import create_app
from veracity.api.security import LoginThrottle, safe_next, session_cookie_value, session_valid
from veracity.api.settings import LOGIN_MAX_FAILURES, SESSION_MAX_AGE_S, ServerSettings
from veracity.options import Options
from veracity.pipeline import Pipeline

TOKEN = "s3cret-token-0123456789abcdef"
OTHER = "another-token-0123456789abcdef"
# What a browser sends when it navigates to a page.
BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def _app(token=TOKEN):
    return create_app(Options(db_path=":memory:"), ServerSettings(token=token, allowed_hosts=("testserver",)),
                      analyse=lambda article, options: Pipeline.start(article), warm=lambda: None)


def _client(app=None, **kw):
    return TestClient(app or _app(), follow_redirects=False, **kw)


def _login(c, token=TOKEN, next_path="/", **kw):
    return c.post("/login", data={"token": token, "next": next_path}, **kw)


def _cookie_attrs(set_cookie: str) -> dict[str, str]:
    attrs = {}
    for part in set_cookie.split(";")[1:]:
        k, _, v = part.strip().partition("=")
        attrs[k.lower()] = v
    return attrs


def _session(set_cookie: str) -> str:
    name, _, value = set_cookie.split(";")[0].partition("=")
    assert name == "veracity_session"
    return value


def _is_json_401(r):
    assert r.status_code == 401, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["error"]["code"] == "unauthorized"
    assert r.headers["www-authenticate"].startswith("Bearer")


# --------------------------------------------------------------------------- the form and the cookie

def test_the_login_page_is_open_accessible_and_under_the_strict_policy():
    c = _client()
    r = c.get("/login", headers=BROWSER)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "script-src 'unsafe-inline'" not in r.headers["content-security-policy"]
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["cache-control"] == "no-store"
    html = r.text
    assert '<label for="login-token">Access token</label>' in html
    assert re.search(r'<input type="password" id="login-token" name="token"', html)
    assert '<main id="main"' in html and "<header" in html
    assert "<script>" not in html and not re.search(r"\son[a-z]+=", html)  # no inline code: the CSP forbids it
    assert 'href="/add"' not in html and "Sign out" not in html  # no workspace navigation before signing in
    assert c.get("/static/app.css").status_code == 200  # its stylesheet is open too


def test_signing_in_sets_a_session_cookie_that_is_not_the_token():
    c = _client()
    r = _login(c, next_path="/add")
    assert r.status_code == 303 and r.headers["location"] == "/add"
    set_cookie = r.headers["set-cookie"]
    value = _session(set_cookie)
    assert TOKEN not in set_cookie and value != TOKEN and value
    attrs = _cookie_attrs(set_cookie)
    assert "httponly" in attrs and attrs["samesite"].lower() == "strict" and attrs["path"] == "/"
    assert attrs["max-age"] == str(SESSION_MAX_AGE_S) == str(12 * 3600)
    assert "secure" not in attrs  # plain http here: a Secure cookie would never come back
    assert session_valid(TOKEN, value) and not session_valid(OTHER, value)


def test_over_https_the_cookie_is_secure():
    c = _client(base_url="https://testserver")
    attrs = _cookie_attrs(_login(c).headers["set-cookie"])
    assert "secure" in attrs and attrs["samesite"].lower() == "strict"


def test_the_cookie_alone_opens_the_pages_and_the_api():
    app = _app()
    value = _session(_login(_client(app)).headers["set-cookie"])
    c = _client(app, cookies={"veracity_session": value})
    for path in ("/", "/add", "/evidence", "/stories", "/docs"):
        r = c.get(path, headers=BROWSER)
        assert r.status_code == 200, path
        assert '<form method="post" action="/logout"' in r.text and "Sign out" in r.text, path
    assert c.get("/v1/articles").status_code == 200
    assert c.get("/v1/dossiers").status_code == 200
    assert c.post("/v1/analyze", json={"text": "The council said 40 homes were flooded."}).status_code == 200
    # The bearer token still works alone, as before.
    assert _client(app).get("/v1/articles", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


@pytest.mark.parametrize("value", ["", TOKEN, "v1.1.abc", "v1.x.y", "v2." + session_cookie_value(TOKEN)[3:]])
def test_a_cookie_the_server_did_not_issue_opens_nothing(value):
    c = _client(cookies={"veracity_session": value})
    _is_json_401(c.get("/v1/articles"))
    assert c.get("/", headers=BROWSER).status_code == 303


def test_sessions_expire_on_the_server_and_end_when_the_token_changes():
    issued = 1_700_000_000
    value = session_cookie_value(TOKEN, now=issued)
    assert session_valid(TOKEN, value, now=issued + SESSION_MAX_AGE_S - 1)
    assert not session_valid(TOKEN, value, now=issued + SESSION_MAX_AGE_S + 1)
    assert not session_valid(OTHER, value, now=issued + 1)
    forged = value.replace(str(issued), str(issued + 3600), 1)  # a later date with the old MAC
    assert not session_valid(TOKEN, forged, now=issued + SESSION_MAX_AGE_S + 1)
    old = _session(_login(_client(_app(TOKEN))).headers["set-cookie"])
    _is_json_401(_client(_app(OTHER), cookies={"veracity_session": old}).get("/v1/articles"))


def test_the_cookie_is_compared_in_constant_time(monkeypatch):
    app = _app()
    value = _session(_login(_client(app)).headers["set-cookie"])
    compared = []
    real = security.hmac.compare_digest
    monkeypatch.setattr(security.hmac, "compare_digest", lambda a, b: compared.append((a, b)) or real(a, b))
    assert _client(app, cookies={"veracity_session": value}).get("/v1/articles").status_code == 200
    assert len(compared) == 2  # the (absent) bearer header, then the cookie's MAC
    assert compared[1][0] == value.rsplit(".", 1)[1].encode()


def test_a_wrong_token_gets_the_form_again_without_a_cookie_or_the_token():
    c = _client()
    wrong = "wrong-guess-0123456789-zyxwvu"
    r = _login(c, token=wrong, next_path="/evidence")
    assert r.status_code == 401 and r.headers["content-type"].startswith("text/html")
    assert "set-cookie" not in r.headers and wrong not in r.text and TOKEN not in r.text
    assert 'role="alert"' in r.text and 'aria-invalid="true"' in r.text and 'aria-describedby="login-error"' in r.text
    assert '<input type="hidden" name="next" value="/evidence">' in r.text
    assert _login(c, token="").status_code == 401  # nothing entered
    assert c.post("/login", json={"token": TOKEN}).status_code == 401  # only the form is read
    _is_json_401(c.get("/v1/articles"))


def test_a_sign_in_form_over_the_small_limit_is_refused():
    r = _client().post("/login", content=b"token=" + b"x" * 20_000,
                       headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413 and "set-cookie" not in r.headers


# --------------------------------------------------------------------------- redirects

@pytest.mark.parametrize("target", ["//evil.com", "https://evil.com", "http:evil.com", "/\\evil.com", "/\t/evil.com",
                                    "javascript:alert(1)", "evil.com", "///evil.com", "/login", "/logout?x=1", "",
                                    "/caf\u00e9", "/" + "a" * 3000])
def test_next_never_leaves_this_server(target):
    c = _client()
    r = _login(c, next_path=target)
    assert r.status_code == 303 and r.headers["location"] == "/"
    page = _client().get("/login", params={"next": target}, headers=BROWSER)
    assert page.status_code == 200 and '<input type="hidden" name="next" value="/">' in page.text


@pytest.mark.parametrize("target", ["/", "/add", "/articles/a_0123?x=1&y=%2F", "/stories?min_size=2"])
def test_next_to_a_local_path_is_kept(target):
    assert safe_next(target) == target
    assert _login(_client(), next_path=target).headers["location"] == target


def test_a_browser_is_sent_to_login_and_back_but_the_api_gets_json_401():
    c = _client()
    r = c.get("/", headers=BROWSER)
    assert r.status_code == 303 and r.headers["location"] == "/login?next=%2F"
    r = c.get("/stories?min_size=3&x=a b", headers=BROWSER)
    assert r.status_code == 303 and r.headers["location"] == "/login?next=%2Fstories%3Fmin_size%3D3%26x%3Da%2520b"
    page = c.get(r.headers["location"], headers=BROWSER)
    assert '<input type="hidden" name="next" value="/stories?min_size=3&amp;x=a%20b">' in page.text
    assert _login(c, next_path="/stories?min_size=3&x=a%20b").headers["location"] == "/stories?min_size=3&x=a%20b"

    api = _client()
    _is_json_401(api.get("/v1/articles"))  # as before
    _is_json_401(api.get("/v1/articles", headers=BROWSER))  # the API never redirects
    _is_json_401(api.get("/openapi.json", headers=BROWSER))
    _is_json_401(api.get("/"))  # no text/html in Accept: not a browser page load
    _is_json_401(api.get("/", headers={"Accept": "application/json"}))
    _is_json_401(api.post("/v1/analyze", json={"text": "x"}, headers=BROWSER))  # only GET and HEAD redirect


def test_signed_in_the_login_page_moves_on():
    c = _client()
    _login(c)
    r = c.get("/login", params={"next": "/add"}, headers=BROWSER)
    assert r.status_code == 303 and r.headers["location"] == "/add"


def test_logout_clears_the_cookie():
    c = _client()
    _login(c)
    assert c.get("/", headers=BROWSER).status_code == 200
    r = c.post("/logout")
    assert r.status_code == 303 and r.headers["location"] == "/login"
    attrs = _cookie_attrs(r.headers["set-cookie"])
    assert _session(r.headers["set-cookie"]) in ("", '""') and attrs["max-age"] == "0"
    assert "httponly" in attrs and attrs["samesite"].lower() == "strict" and attrs["path"] == "/"
    assert c.get("/", headers=BROWSER).status_code == 303
    _is_json_401(c.get("/v1/articles"))


# --------------------------------------------------------------------------- throttle

def test_repeated_failures_are_throttled_per_client():
    app = _app()
    now = [1000.0]
    app.state.login_throttle.clock = lambda: now[0]
    c = _client(app)
    for _ in range(LOGIN_MAX_FAILURES):
        assert _login(c, token="wrong-guess-0123456789").status_code == 401
    r = _login(c)  # even the right token: it is not looked at now
    assert r.status_code == 429 and "set-cookie" not in r.headers
    assert 1 <= int(r.headers["retry-after"]) <= 60 and "Too many failed attempts" in r.text
    now[0] += 61  # the window has passed
    r = _login(c)
    assert r.status_code == 303 and "set-cookie" in r.headers
    # Success forgets the failures.
    assert app.state.login_throttle.retry_after("testclient") == 0


def test_the_throttle_is_bounded_and_forgets_old_failures():
    now = [0.0]
    t = LoginThrottle(max_failures=2, window_s=10, max_clients=3, clock=lambda: now[0])
    for i in range(10):
        t.failed(f"10.0.0.{i}")
    assert len(t._failures) == 3
    t.failed("a")
    t.failed("a")
    assert t.retry_after("a") == 10 and t.retry_after("b") == 0
    now[0] = 5
    assert t.retry_after("a") == 5
    now[0] = 10.5
    assert t.retry_after("a") == 0
    t.failed("b")
    t.succeeded("b")
    assert t.retry_after("b") == 0


# --------------------------------------------------------------------------- cross-site

def test_other_sites_cannot_sign_in_or_write_with_the_cookie():
    app = _app()
    c = _client(app)
    evil = {"Origin": "https://evil.example"}
    r = _login(c, headers=evil)
    assert r.status_code == 403 and r.json()["error"]["code"] == "cross_site" and "set-cookie" not in r.headers
    assert _login(c, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert _login(c, headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}).status_code == 303
    # An opaque origin (sandboxed frame, data: URL) passes only on the browser's word that it is this server.
    assert _login(c, headers={"Origin": "null"}).status_code == 403
    assert _login(c, headers={"Origin": "null", "Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert _login(c, headers={"Origin": "null", "Sec-Fetch-Site": "same-site"}).status_code == 403
    assert _login(c, headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"}).status_code == 303
    # Pages send a referrer to this server only, so their plain form posts carry a real Origin.
    assert c.get("/login").headers["referrer-policy"] == "same-origin"
    # Signed in: a write from another origin (another site, or a sibling on the same site) is refused.
    for origin in ("https://evil.example", "http://other.testserver", "http://testserver:8081"):
        r = c.post("/v1/jobs", json={"text": "The council said 40 homes were flooded."}, headers={"Origin": origin})
        assert r.status_code == 403 and r.json()["error"]["code"] == "cross_site", origin
    r = c.post("/v1/analyze", json={"text": "The council said 40 homes were flooded."}, headers={"Origin": "http://testserver"})
    assert r.status_code == 200
    assert c.post("/logout", headers=evil).status_code == 403


# --------------------------------------------------------------------------- loopback, no token

def test_without_a_token_nothing_changes():
    app = create_app(Options(db_path=":memory:"), ServerSettings(allowed_hosts=("testserver",)),
                     analyse=lambda article, options: Pipeline.start(article), warm=lambda: None)
    c = _client(app)
    page = c.get("/", headers=BROWSER)
    assert page.status_code == 200 and "Sign out" not in page.text
    assert c.get("/v1/articles").status_code == 200
    for r in (c.get("/login", params={"next": "/add"}), _login(c), c.post("/logout")):
        assert r.status_code == 303 and r.headers["location"] == "/" and "set-cookie" not in r.headers

"""One error shape, 404 for unknown ids, validation before work, probes, the bounded pool."""

import threading
import time

from fastapi.testclient import TestClient

from veracity.api.app import create_app
from veracity.api.settings import ServerSettings
from veracity.errors import StoreError
from veracity.options import Options
from veracity.pipeline import Pipeline

TEXT = "The council said 40 homes were flooded on Monday. Officials warned that more rain could follow."
HOSTS = ("testserver",)


def _is_error(r, status, code):
    body = r.json()
    assert r.status_code == status, r.text
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}, body
    assert body["error"]["code"] == code, body
    assert "Traceback" not in r.text
    return body["error"]


class Gate:
    """A fake analysis that waits until released, so tests can hold it mid-run."""

    def __init__(self):
        self.started = threading.Event()
        self.release = threading.Event()
        self.calls = 0

    def __call__(self, article, options):
        self.calls += 1
        self.started.set()
        assert self.release.wait(10), "the test never released the analysis"
        return Pipeline.start(article)


def _app(db=":memory:", analyse=None, **settings):
    analyse = analyse or (lambda article, options: Pipeline.start(article))
    return create_app(Options(db_path=db, max_input_bytes=100_000), ServerSettings(allowed_hosts=HOSTS, **settings),
                      analyse=analyse)


def _post_in_thread(c, out, **kw):
    t = threading.Thread(target=lambda: out.append(c.post("/v1/analyze", json={"text": TEXT}, **kw)))
    t.start()
    return t


# --------------------------------------------------------------------------- error shape

def test_an_unknown_id_is_404_and_the_body_names_no_path(tmp_path):
    db = tmp_path / "secret-folder" / "store.db"
    c = TestClient(_app(str(db)))
    for ident in ("a_0123456789abcdef", "a_00", "nope", "a_%25", "a_0_", "A_00", "a_00%20OR%201"):
        r = c.get(f"/v1/dossiers/{ident}")
        e = _is_error(r, 404, "not_found")
        assert str(tmp_path) not in r.text and "secret-folder" not in r.text and "store.db" not in r.text, r.text
        assert e["details"] is None


def test_a_stored_dossier_is_found_by_id_and_prefix_and_an_ambiguous_prefix_is_409():
    c = TestClient(_app())
    ids = [c.post("/v1/analyze", json={"text": TEXT + f" Report {i}."}).json()["article"]["id"] for i in range(20)]
    assert c.get(f"/v1/dossiers/{ids[0]}").json()["article"]["id"] == ids[0]
    assert c.get(f"/v1/dossiers/{ids[0][:12]}").json()["article"]["id"] == ids[0]
    _is_error(c.get("/v1/dossiers/a_"), 404, "not_found")  # not an id
    first = {}
    for i in ids:  # two ids sharing their first hex digit make an ambiguous prefix
        first.setdefault(i[:3], []).append(i)
    prefix = next(p for p, group in first.items() if len(group) > 1)
    _is_error(c.get(f"/v1/dossiers/{prefix}"), 409, "ambiguous")


def test_validation_errors_have_the_same_shape_without_echoing_the_input():
    c = TestClient(_app())
    e = _is_error(c.post("/v1/analyze", json={"title": "no text here " * 50}), 422, "validation")
    assert e["details"][0]["loc"] == ["body", "text"] and set(e["details"][0]) == {"loc", "msg", "type"}
    assert "no text here" not in str(e)
    _is_error(c.post("/v1/analyze", content=b"{not json", headers={"Content-Type": "application/json"}), 422, "validation")
    _is_error(c.get("/v1/dossiers", params={"limit": "lots"}), 422, "validation")
    _is_error(c.get("/v1/dossiers", params={"limit": 10_000}), 422, "validation")
    _is_error(c.post("/v1/analyze", json={"text": "   "}), 422, "input")
    _is_error(c.get("/no/such/route"), 404, "not_found")
    _is_error(c.delete("/v1/dossiers"), 405, "method_not_allowed")


def test_an_unknown_format_is_refused_before_analysis_and_storage():
    gate = Gate()
    gate.release.set()
    c = TestClient(_app(analyse=gate))
    for fmt in ("xml", "pdf", ""):
        e = _is_error(c.post("/v1/analyze", params={"format": fmt}, json={"text": TEXT}), 422, "validation")
        assert e["details"][0]["loc"] == ["query", "format"]
    assert gate.calls == 0 and c.get("/v1/dossiers").json()["items"] == []
    ident = c.post("/v1/analyze", json={"text": TEXT}).json()["article"]["id"]
    _is_error(c.get(f"/v1/dossiers/{ident}", params={"format": "xml"}), 422, "validation")


def test_unexpected_errors_are_500_without_traceback_or_path(tmp_path):
    def boom(article, options):
        raise RuntimeError(f"disk trouble at {tmp_path}/x.db")

    def store_down(article, options):
        raise StoreError(f"cannot open database {tmp_path}/other/x.db: locked")

    c = TestClient(_app(analyse=boom), raise_server_exceptions=False)
    e = _is_error(c.post("/v1/analyze", json={"text": TEXT}), 500, "internal")
    assert str(tmp_path) not in str(e) and "disk trouble" not in str(e)
    c = TestClient(_app(analyse=store_down), raise_server_exceptions=False)
    e = _is_error(c.post("/v1/analyze", json={"text": TEXT}), 500, "store")
    assert str(tmp_path) not in str(e) and "cannot open database <path>" in e["message"]


# --------------------------------------------------------------------------- probes and pool

def test_healthz_answers_while_an_analysis_is_running():
    gate = Gate()
    with TestClient(_app(analyse=gate)) as c:  # one event loop for every request, as under uvicorn
        out = []
        t = _post_in_thread(c, out)
        assert gate.started.wait(10)
        t0 = time.perf_counter()
        r = c.get("/healthz")
        assert r.status_code == 200 and r.json() == {"status": "ok"}
        assert time.perf_counter() - t0 < 2 and t.is_alive()  # answered while the analysis still ran
        gate.release.set()
        t.join(10)
        assert out[0].status_code == 200


def test_a_full_queue_gets_503_and_a_slow_analysis_504_and_is_not_stored():
    gate = Gate()
    with TestClient(_app(analyse=gate, analysis_workers=1, analysis_queue=0, analysis_timeout_s=0.5)) as c:
        out = []
        t = _post_in_thread(c, out)
        assert gate.started.wait(10)
        r = c.post("/v1/analyze", json={"text": TEXT + " Another."})
        e = _is_error(r, 503, "busy")
        assert r.headers["retry-after"].isdigit() and "busy" in e["message"]
        t.join(10)
        _is_error(out[0], 504, "timeout")
        gate.release.set()
        for _ in range(100):  # the abandoned analysis frees its slot when its thread ends
            if c.app.state.pool.admitted == 0:
                break
            time.sleep(0.02)
        assert c.get("/v1/dossiers").json()["items"] == []  # timed out: not stored
        assert c.post("/v1/analyze", json={"text": TEXT}).status_code == 200


def test_readyz_waits_for_the_models_and_the_store():
    loaded = threading.Event()
    app = create_app(Options(db_path=":memory:"), ServerSettings(allowed_hosts=HOSTS),
                     analyse=lambda a, o: Pipeline.start(a), warm=lambda: loaded.wait(10))
    with TestClient(app) as c:  # start-up begins loading the models
        e = _is_error(c.get("/readyz"), 503, "not_ready")
        assert e["details"]["checks"] == {"models": "loading", "store": "ok"}
        assert c.get("/healthz").status_code == 200
        loaded.set()
        for _ in range(100):
            r = c.get("/readyz")
            if r.status_code == 200:
                break
            time.sleep(0.02)
        assert r.json() == {"status": "ready", "checks": {"models": "ready", "store": "ok"}}


def test_readyz_reports_models_that_failed_to_load_without_their_path(tmp_path):
    def broken():
        raise RuntimeError(f"{tmp_path}/models/minilm.onnx: hash mismatch")

    app = create_app(Options(db_path=":memory:"), ServerSettings(allowed_hosts=HOSTS),
                     analyse=lambda a, o: Pipeline.start(a), warm=broken)
    with TestClient(app) as c:
        for _ in range(100):
            r = c.get("/readyz")
            if r.json()["error"]["details"]["checks"]["models"] == "failed":
                break
            time.sleep(0.02)
        e = _is_error(r, 503, "not_ready")
        assert e["details"]["checks"] == {"models": "failed", "store": "ok"} and str(tmp_path) not in r.text
        assert c.get("/healthz").status_code == 200

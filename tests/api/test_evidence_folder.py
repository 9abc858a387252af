"""Indexing a server folder under `serve --evidence-root` from the workspace: only inside the root,
as a job with one result per file, one bad file recorded and the rest indexed."""

from __future__ import annotations

import os
import time

import pytest
from fastapi.testclient import TestClient

from veracity.api.app import create_app
from veracity.api.settings import ServerSettings
from veracity.options import Options

HOSTS = ("testserver",)

REPORTS = {
    "wires/flood-a.txt": "Floods hit Riverside\n\nCouncil officials confirmed on Monday that 40 homes were flooded in Riverside "
                         "after a night of heavy rain. Engineers warned that more rain could follow.",
    "wires/2025/flood-b.txt": "Riverside flood count\n\nThe fire service said on Tuesday that 40 homes in Riverside were flooded "
                              "by the heavy rain on Monday, and that the river was still rising.",
    "wires/broken.txt": "\x00\x01 not text",
    "wires/notes.pdf": "a file type the index does not read",
    "other/press.txt": "Bridge reopens\n\nThe Riverside bridge reopened on Friday after repairs, the council said.",
}


def _error(r, status, code):
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and body["error"]["code"] == code, body
    return body["error"]


def _wait(c, job):
    for _ in range(600):
        out = c.get(f"/v1/jobs/{job['id']}").json()
        if out["status"] in ("done", "failed"):
            return out
        time.sleep(0.05)
    raise AssertionError("the job did not finish")


@pytest.fixture()
def served(tmp_path):
    root = tmp_path / "evidence-root"
    for rel, text in REPORTS.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    secret = tmp_path / "secret.txt"
    secret.write_text("Private notes\n\nThe minister resigned on Monday, a private memo says.", encoding="utf-8")
    os.symlink(secret, root / "wires" / "leak.txt")       # a file that points out of the root
    os.symlink(tmp_path, root / "escape")                  # a folder that points out of the root
    settings = ServerSettings(allowed_hosts=HOSTS, evidence_root=str(root))
    app = create_app(Options(db_path=str(tmp_path / "store.db"), evidence_db=str(tmp_path / "evidence.db")), settings)
    with TestClient(app) as c:
        yield c, root, tmp_path


def test_a_folder_is_indexed_as_a_job_one_result_per_file(served):
    c, root, _ = served
    r = c.post("/v1/evidence/folder", json={"path": "wires"})
    assert r.status_code == 202, r.text
    job = _wait(c, r.json())
    assert job["kind"] == "index" and job["status"] == "done"
    by_file = {x["source"]: x for x in job["results"]}
    # Sorted walk, subfolders included; the symlink out of the root and the .pdf are never read.
    assert set(by_file) == {"wires/2025/flood-b.txt", "wires/broken.txt", "wires/flood-a.txt"}
    assert by_file["wires/flood-a.txt"]["added"] == 1 and by_file["wires/2025/flood-b.txt"]["added"] == 1
    bad = by_file["wires/broken.txt"]
    assert not bad["ok"] and bad["error"]["code"] == "input" and str(root) not in bad["error"]["message"]
    assert c.get("/v1/evidence").json()["documents"] == 2
    again = _wait(c, c.post("/v1/evidence/folder", json={"path": "wires"}).json())
    assert sum(x["skipped"] for x in again["results"]) == 2 and sum(x["added"] for x in again["results"]) == 0
    whole = _wait(c, c.post("/v1/evidence/folder", json={"path": ""}).json())
    assert "other/press.txt" in {x["source"] for x in whole["results"]}
    assert c.get("/v1/evidence").json()["documents"] == 3


@pytest.mark.parametrize("path", ["../", "wires/../../", "/etc", "escape", "escape/secret.txt"])
def test_nothing_outside_the_root_is_read(served, path):
    c, root, tmp = served
    r = c.post("/v1/evidence/folder", json={"path": path})
    assert r.status_code in (404, 422), r.text
    assert str(tmp) not in r.text and "Traceback" not in r.text
    assert c.get("/v1/evidence").json()["documents"] == 0


def test_unknown_folder_is_404_and_the_page_offers_the_folders(served):
    c, _, _ = served
    _error(c.post("/v1/evidence/folder", json={"path": "nope"}), 404, "not_found")
    html = c.get("/evidence").text
    assert 'id="folder-form"' in html
    for rel in ("wires", "wires/2025", "other"):
        assert f'<option value="{rel}">' in html
    assert 'value="escape"' not in html  # a symlinked folder is not offered


def test_without_a_root_the_folder_endpoint_is_404_and_not_offered(tmp_path):
    app = create_app(Options(db_path=str(tmp_path / "s.db"), evidence_db=str(tmp_path / "e.db")), ServerSettings(allowed_hosts=HOSTS))
    with TestClient(app) as c:
        _error(c.post("/v1/evidence/folder", json={"path": ""}), 404, "not_found")
        assert 'id="folder-form"' not in c.get("/evidence").text

"""Shared fixtures: paths to ../shared, the demo article, one analysed dossier per session, and
a throwaway PostgreSQL server for the tests of both stores (the store's and the API's)."""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VERACITY_SHARED", ROOT.parent / "shared"))
EXAMPLE = SHARED / "examples" / "troops-report.txt"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.fail(f"../shared not found at {SHARED}: tests read the shared data there")
    return SHARED


@pytest.fixture(scope="session")
def example_text(shared) -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def default_options():
    from veracity.options import Options

    return Options()


@pytest.fixture(scope="session")
def example_dossier(example_text, default_options):
    from veracity import analysis
    from veracity.records import Article

    article = Article.create(example_text, source_path=str(EXAMPLE), published="2025-02-14")
    return analysis.analyze_article(article, default_options)


# --------------------------------------------------------------------------- PostgreSQL
# A throwaway server on loopback, started from the Debian postgresql binaries
# (scripts/setup-system.sh installs them) in a fresh data directory with trust auth on
# 127.0.0.1 only, and removed afterwards. Without the binaries or psycopg, every test that
# asks for it is skipped with the reason.

def _pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_server():
    """The URL of the throwaway server's maintenance database (create test databases from it)."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        pytest.skip("PostgreSQL server binaries not installed (scripts/setup-system.sh installs them)")
    pytest.importorskip("psycopg", reason="psycopg is installed by make test")
    root = tempfile.mkdtemp(prefix="veracity-pg-")
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(root, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = os.path.join(root, "data"), _free_port()
    subprocess.run(as_user + [initdb, "-D", data, "--auth=trust", "-U", "veracity", "-E", "UTF8"], check=True, capture_output=True)
    opts = f"-h 127.0.0.1 -p {port} -k {root} -c fsync=off"
    subprocess.run(as_user + [pg_ctl, "-D", data, "-o", opts, "-l", os.path.join(root, "log"), "-w", "start"], check=True, capture_output=True)
    try:
        url = f"postgresql://veracity@127.0.0.1:{port}/postgres"
        import psycopg

        for _ in range(50):
            try:
                psycopg.connect(url).close()
                break
            except psycopg.OperationalError:
                time.sleep(0.1)
        yield url
    finally:
        subprocess.run(as_user + [pg_ctl, "-D", data, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_database(pg_server):
    """A function that creates a fresh, empty database on the throwaway server and gives its URL
    (each store test and each API test module gets its own: nothing leaks between them)."""
    import psycopg
    from psycopg import sql

    numbers = itertools.count(1)

    def create() -> str:
        name = f"veracity_test_{next(numbers)}"
        with psycopg.connect(pg_server, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return pg_server.rsplit("/", 1)[0] + "/" + name

    return create


@pytest.fixture
def pg_url(pg_database):
    """A fresh, empty PostgreSQL database for one test."""
    return pg_database()

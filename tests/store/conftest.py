"""A throwaway PostgreSQL server on loopback for the PostgreSQL store's tests.

It is started from the Debian postgresql binaries (scripts/setup-system.sh installs them),
in a fresh data directory with trust auth on 127.0.0.1 only, and removed afterwards.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time

import pytest


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_url():
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
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

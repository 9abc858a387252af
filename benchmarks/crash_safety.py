"""Crash safety: kill -9 `veracity batch --resume` and `veracity index` at random points, finish
the run, and check that nothing was lost, duplicated or corrupted.

    python benchmarks/crash_safety.py --trials 5        # a few minutes
    python benchmarks/crash_safety.py --trials 20       # `make harden` (issue 18: 20 + 20)
    python benchmarks/crash_safety.py --only index --seed 7

The corpus is built from ../shared's BBC business articles, with the cases that broke before:
two rows with the same text (the same content id), a row that is not JSON and a row with an
empty text (both must keep an error line), and, for the index, two files with the same text.

Each trial starts the command in its own process group and sends SIGKILL to the group at a
random point: every other trial when the output (batch) or the index (index) reaches a random
count, the others at a random time within the uninterrupted run's duration. The command is then run
again to completion (batch with --resume, index as is) and checked:

- batch: ``PRAGMA integrity_check`` is ok, after the kill and at the end (with ``--postgres``
  the same trials run on a throwaway PostgreSQL server too, where the consistency queries stand
  for it: amcheck is not installed); every input
  (``corpus.jsonl:LINE``) has exactly one output line, with the outcome the uninterrupted run
  gave it (dossier or error); the store holds exactly one record per distinct analysed article
  (inputs with the same text share one), each with its claims rows once, and nothing else;
- index: ``integrity_check`` and FTS5's ``integrity-check`` pass; each distinct input text is
  exactly one document whose sentences are all there, once each (``idx`` 0..n-1), each with its
  vector; the term counts equal a recount from the sentences.

Prints one line per trial and the counts; exit status 1 when any check failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VERACITY_SHARED", ROOT.parent / "shared"))
BBC = SHARED / "data" / "corpus" / "bbc-news" / "business"
VERACITY = str(Path(sys.executable).parent / "veracity")


def build_inputs(tmp: Path, n: int) -> tuple[Path, Path]:
    """A JSONL corpus of ``n`` articles plus the hostile rows, and a directory of .txt files."""
    files = sorted(BBC.glob("*.txt"))[:n]
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    rows = [json.dumps({"text": t, "id": f.stem}) for f, t in zip(files, texts)]
    rows.insert(len(rows) // 3, rows[0])  # the same text twice (same content id), far apart
    rows.insert(len(rows) // 2, "{not json")
    rows.insert(2 * len(rows) // 3, json.dumps({"text": "   "}))
    corpus = tmp / "corpus.jsonl"
    corpus.write_text("\n".join(rows) + "\n", encoding="utf-8")
    docs = tmp / "docs"
    docs.mkdir()
    for f, t in zip(files, texts):
        (docs / f.name).write_text(t, encoding="utf-8")
    (docs / "zz-duplicate.txt").write_text(texts[0], encoding="utf-8")  # same text, another path
    return corpus, docs


def _start(cmd: list[str]) -> subprocess.Popen:
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def _kill(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


def _lines(path: Path) -> int:
    try:
        with open(path, "rb") as f:
            return f.read().count(b"\n")
    except FileNotFoundError:
        return 0


def _documents(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT COUNT(*) FROM evidence_documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def run_killed(cmd: list[str], rng: random.Random, duration: float, progress, total: int, by_count: bool) -> str:
    """Start ``cmd`` and kill its process group at a random point (a random progress count, or a
    random time); returns where."""
    proc = _start(cmd)
    t0 = time.monotonic()
    if by_count:
        target = rng.randrange(0, max(1, total))
        delay = rng.random() * 0.3
        while proc.poll() is None and progress() < target:
            time.sleep(0.02)
        time.sleep(delay)
        where = f"at {progress()}/{total} (aimed {target})"
    else:
        at = rng.uniform(0.05, 1.0) * duration
        while proc.poll() is None and time.monotonic() - t0 < at:
            time.sleep(0.02)
        where = f"at {time.monotonic() - t0:.1f} s of ~{duration:.0f} s ({progress()}/{total})"
    if proc.poll() is not None:
        proc.wait()
        return where + ", finished before the kill"
    _kill(proc)
    return where


def _integrity(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


# --------------------------------------------------------------------------- batch

def batch_cmd(corpus: Path, out: Path, db: str) -> list[str]:
    return [VERACITY, "batch", str(corpus), "-o", str(out), "--db", db, "--resume", "-w", "1", "--attribution", "rules"]


def outcomes(out: Path) -> tuple[Counter, dict[str, str], set[str]]:
    """Lines per source, the outcome per source ('ok' or the error code), the analysed article ids."""
    from veracity.batch.resume import line_source

    per: Counter = Counter()
    outcome: dict[str, str] = {}
    ids: set[str] = set()
    for raw in out.read_text(encoding="utf-8").splitlines():
        rec = json.loads(raw)
        src = line_source(rec)
        per[src] += 1
        outcome[src] = rec["error"]["code"] if "error" in rec else "ok"
        if "error" not in rec:
            ids.add(rec["article"]["id"])
    return per, outcome, ids


def _query(db: str, sql: str) -> list[tuple]:
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db) as conn:
            return [tuple(r) for r in conn.execute(sql).fetchall()]
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _store_integrity(db: str) -> str:
    """SQLite's integrity_check; PostgreSQL (a killed client's transaction is rolled back by the
    server, which is not killed) has no equivalent without the amcheck extension, so the
    consistency queries of check_batch stand for it there."""
    if db.startswith("postgresql://"):
        return "ok"
    return _integrity(Path(db))


def check_batch(out: Path, db: str, reference: dict[str, str]) -> list[str]:
    problems = []
    if (ic := _store_integrity(db)) != "ok":
        problems.append(f"integrity_check: {ic}")
    per, outcome, ids = outcomes(out)
    if dup := [s for s, n in per.items() if n > 1]:
        problems.append(f"{len(dup)} inputs with more than one line: {dup[:3]}")
    if missing := sorted(set(reference) - set(per)):
        problems.append(f"{len(missing)} inputs without a line: {missing[:3]}")
    if extra := sorted(set(per) - set(reference)):
        problems.append(f"lines for unknown inputs: {extra[:3]}")
    if changed := [s for s in reference if s in outcome and outcome[s] != reference[s]]:
        problems.append(f"{len(changed)} inputs with another outcome than the uninterrupted run: {changed[:3]}")
    stored = [r[0] for r in _query(db, "SELECT article_id FROM dossiers")]
    articles = {r[0] for r in _query(db, "SELECT id FROM articles")}
    claims = dict(_query(db, "SELECT article_id, COUNT(*) FROM claims GROUP BY article_id"))
    bodies = {a: len((json.loads(b) if isinstance(b, str) else b)["claims"]) for a, b in _query(db, "SELECT article_id, body FROM dossiers")}
    if len(stored) != len(set(stored)):
        problems.append("a dossier stored twice")
    if set(stored) != ids:
        problems.append(f"store and output disagree: {len(set(stored) - ids)} stored without a line, "
                        f"{len(ids - set(stored))} lines without a stored record")
    if articles != set(stored):
        problems.append("articles and dossiers tables disagree")
    if bad := [a for a, n in bodies.items() if claims.get(a, 0) != n]:
        problems.append(f"{len(bad)} dossiers whose claims rows are missing or doubled")
    return problems


def batch_trials(k: int, rng: random.Random, tmp: Path, corpus: Path, log, new_db) -> tuple[int, int, int]:
    """``new_db(name)``: a fresh store, a SQLite path or a PostgreSQL URL."""
    ref_out, ref_db = tmp / "ref.jsonl", new_db("ref")
    t0 = time.monotonic()
    subprocess.run(batch_cmd(corpus, ref_out, ref_db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    duration = time.monotonic() - t0
    per, reference, _ = outcomes(ref_out)
    total = sum(per.values())
    log(f"batch: uninterrupted run {duration:.0f} s, {total} inputs ({sum(v == 'ok' for v in reference.values())} analysed, "
        f"{sum(v != 'ok' for v in reference.values())} errors), store {'PostgreSQL' if ref_db.startswith('postgresql') else 'SQLite'}")
    base = check_batch(ref_out, ref_db, reference)
    if base:
        log(f"batch: the uninterrupted run itself fails: {base}")
    failed = early = 0
    for i in range(k):
        out, db = tmp / f"b{i}.jsonl", new_db(f"b{i}")
        where = run_killed(batch_cmd(corpus, out, db), rng, duration, lambda: _lines(out), total, by_count=i % 2 == 0)
        problems = []
        if not db.startswith("postgresql://") and Path(db).exists() and (ic := _integrity(Path(db))) != "ok":
            problems.append(f"integrity_check right after the kill: {ic}")
        subprocess.run(batch_cmd(corpus, out, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        problems += check_batch(out, db, reference)
        failed += bool(problems)
        early += where.endswith("finished before the kill")
        log(f"batch trial {i + 1:2}: killed {where}: {'ok' if not problems else 'FAIL ' + '; '.join(problems)}")
    return k - failed, failed, early


class Postgres:
    """A throwaway PostgreSQL server on loopback (as tests/store/conftest.py starts one)."""

    def __init__(self) -> None:
        import glob
        import shutil
        import socket

        def find(name: str) -> str | None:
            found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
            return found[-1] if found else shutil.which(name)

        self.initdb, self.pg_ctl = find("initdb"), find("pg_ctl")
        if not (self.initdb and self.pg_ctl):
            raise SystemExit("crash safety: --postgres needs the PostgreSQL server binaries (scripts/setup-system.sh)")
        self.root = tempfile.mkdtemp(prefix="veracity-crash-pg-")
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # initdb refuses to run as root
            shutil.chown(self.root, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.data = os.path.join(self.root, "data")
        subprocess.run(self.as_user + [self.initdb, "-D", self.data, "--auth=trust", "-U", "veracity", "-E", "UTF8"],
                       check=True, capture_output=True)
        subprocess.run(self.as_user + [self.pg_ctl, "-D", self.data, "-o", f"-h 127.0.0.1 -p {self.port} -k {self.root}",
                                       "-l", os.path.join(self.root, "log"), "-w", "start"], check=True, capture_output=True)
        self.url = f"postgresql://veracity@127.0.0.1:{self.port}"

    def new_db(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"{self.url}/postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"{self.url}/{name}"

    def stop(self) -> None:
        import shutil

        subprocess.run(self.as_user + [self.pg_ctl, "-D", self.data, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)


# --------------------------------------------------------------------------- index

def index_cmd(docs: Path, db: Path) -> list[str]:
    return [VERACITY, "index", str(docs), "--db", str(db), "--quiet"]


def check_index(db: Path, texts: set[str]) -> list[str]:
    from veracity.retrieval.index import _WORD

    problems = []
    if (ic := _integrity(db)) != "ok":
        problems.append(f"integrity_check: {ic}")
    conn = sqlite3.connect(db)
    try:
        try:
            conn.execute("INSERT INTO evidence_fts(evidence_fts) VALUES('integrity-check')")
        except sqlite3.DatabaseError as exc:
            problems.append(f"FTS5 integrity-check: {exc}")
        docs = conn.execute("SELECT id, text, n_sentences FROM evidence_documents").fetchall()
        stored = Counter(t for _, t, _ in docs)
        if dup := [t[:40] for t, n in stored.items() if n > 1]:
            problems.append(f"{len(dup)} texts stored twice")
        if missing := len(texts - set(stored)):
            problems.append(f"{missing} inputs not indexed")
        terms: Counter = Counter()
        incomplete = offsets = unembedded = unembedded_docs = 0
        for ident, text, n in docs:
            rows = conn.execute("SELECT idx, start, end, text, emb IS NOT NULL FROM evidence_sentences WHERE document_id = ? ORDER BY idx",
                                (ident,)).fetchall()
            incomplete += [r[0] for r in rows] != list(range(n))
            offsets += any(text[a:b] != t for _, a, b, t, _ in rows)
            missing_vectors = sum(not r[4] for r in rows)
            unembedded += missing_vectors
            unembedded_docs += bool(missing_vectors)
            for _, _, _, t, _ in rows:
                terms.update(set(_WORD.findall(t.lower())))
        if incomplete:
            problems.append(f"{incomplete} documents whose sentences are missing or doubled")
        if offsets:
            problems.append(f"{offsets} documents with a sentence whose offsets do not match")
        if unembedded:
            problems.append(f"{unembedded} sentences of {unembedded_docs} documents without a vector")
        stored_terms = dict(conn.execute("SELECT term, df FROM evidence_terms").fetchall())
        if stored_terms != dict(terms):
            off = [t for t in set(terms) | set(stored_terms) if terms.get(t, 0) != stored_terms.get(t, 0)]
            problems.append(f"{len(off)} term counts differ from a recount (e.g. {off[:3]})")
    finally:
        conn.close()
    return problems


def index_trials(k: int, rng: random.Random, tmp: Path, docs: Path, log) -> tuple[int, int, int]:
    texts = {p.read_text(encoding="utf-8") for p in docs.glob("*.txt")}
    ref = tmp / "ref-index.db"
    t0 = time.monotonic()
    subprocess.run(index_cmd(docs, ref), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    duration = time.monotonic() - t0
    total = _documents(ref)
    log(f"index: uninterrupted run {duration:.0f} s, {total} documents from {len(list(docs.glob('*.txt')))} files")
    if base := check_index(ref, texts):
        log(f"index: the uninterrupted run itself fails: {base}")
    failed = early = 0
    for i in range(k):
        db = tmp / f"i{i}.db"
        where = run_killed(index_cmd(docs, db), rng, duration, lambda: _documents(db), total, by_count=i % 2 == 0)
        problems = []
        if db.exists() and (ic := _integrity(db)) != "ok":
            problems.append(f"integrity_check right after the kill: {ic}")
        subprocess.run(index_cmd(docs, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        problems += check_index(db, texts)
        failed += bool(problems)
        early += where.endswith("finished before the kill")
        log(f"index trial {i + 1:2}: killed {where}: {'ok' if not problems else 'FAIL ' + '; '.join(problems)}")
    return k - failed, failed, early


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--trials", type=int, default=5, help="kill -9 trials per command (issue 18 asks 20)")
    ap.add_argument("--only", choices=("batch", "index"), default=None)
    ap.add_argument("--postgres", action="store_true", help="also run the batch trials on a throwaway PostgreSQL server")
    ap.add_argument("--articles", type=int, default=24, help="BBC articles in the corpus")
    ap.add_argument("--seed", type=int, default=None)
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(10**6)
    rng = random.Random(seed)

    def log(msg: str) -> None:
        print(msg, flush=True)

    log(f"crash safety: {args.trials} trials per command, seed {seed}")
    t0 = time.monotonic()
    results = {}
    with tempfile.TemporaryDirectory(prefix="veracity-crash-") as d:
        tmp = Path(d)
        corpus, docs = build_inputs(tmp, args.articles)
        if args.only in (None, "batch"):
            results["batch --resume"] = batch_trials(args.trials, rng, tmp, corpus, log, lambda name: str(tmp / f"{name}.db"))
            if args.postgres:
                pg = Postgres()
                try:
                    (tmp / "pg").mkdir()
                    results["batch --resume (PostgreSQL)"] = batch_trials(args.trials, rng, tmp / "pg", corpus, log, pg.new_db)
                finally:
                    pg.stop()
        if args.only in (None, "index"):
            results["index"] = index_trials(args.trials, rng, tmp, docs, log)
    for name, (ok, bad, early) in results.items():
        log(f"{name}: {ok} of {ok + bad} kill -9 trials ok, {bad} failed ({early} finished before their kill)")
    log(f"crash safety: {sum(r[1] for r in results.values())} failed trials in {time.monotonic() - t0:.0f} s (seed {seed})")
    return 1 if any(r[1] for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())

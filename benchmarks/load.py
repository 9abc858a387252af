"""Load: `veracity serve` on a free loopback port, C clients for S seconds mixing analyses and reads.

    python benchmarks/load.py                              # 10 clients x 20 s
    python benchmarks/load.py --clients 50 --seconds 60    # `make harden` (issue 18)

Each client (a thread with its own httpx connection) loops until the time is up: with
probability --analyze-share a POST /v1/analyze of a short text (half of them a text already
stored, half new), otherwise a read: GET /v1/dossiers, /v1/articles, /v1/dossiers/{id} of a
stored one, or /healthz; then it waits a random think time (0 to 2 x --think seconds), as a
person at a workspace does. Traffic goes to 127.0.0.1 only, and every loop is bounded in time.

Printed: requests, status counts, p50/p99/max latency per kind; 5xx, with 503 `busy` (the
bounded pool refusing with Retry-After, by design) apart from the others (500, 504: failures);
the server's RSS (VmRSS of its process) after the warm-up and at the end, and whether it stayed
within 10%. Exit status 1 on any 5xx other than 503, or RSS growth over 10%.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx

VERACITY = str(Path(sys.executable).parent / "veracity")
TEXTS = [
    "The council said 40 homes were flooded on Monday. Officials warned that more rain could follow.",
    "Exports rose 3% in March, the statistics office said, while imports fell for a second month.",
    "A senior European diplomat told The Wall Street Journal that 10,000 troops could be deployed.",
    "The minister denied the report. \"We have sent no troops,\" she said on Tuesday.",
    "According to the company, profits fell to $2.5bn in the fourth quarter of 2024.",
    "Police said three people were arrested after the protest in eastern Ukraine yesterday.",
]
RSS_GROWTH_LIMIT = 0.10


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--warmup", type=float, default=None, help="seconds before the RSS baseline (default: a quarter, at least 5)")
    ap.add_argument("--analyze-share", type=float, default=0.2)
    ap.add_argument("--think", type=float, default=0.5, help="mean seconds a client waits between requests")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    warmup = args.warmup if args.warmup is not None else max(5.0, args.seconds / 4)

    tmp = tempfile.mkdtemp(prefix="veracity-load-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "VERACITY_API_TOKEN"}
    log = open(Path(tmp) / "server.log", "w")
    server = subprocess.Popen([VERACITY, "serve", "--db", str(Path(tmp) / "load.db"), "--port", str(port)],
                              stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        return _run(args, warmup, base, server, tmp)
    finally:
        stop(server, log)


def stop(server: subprocess.Popen, log) -> None:
    """Terminate the server (kill it after 20 s) and close its log."""
    server.terminate()
    try:
        server.wait(20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
    log.close()


def _run(args, warmup: float, base: str, server: subprocess.Popen, tmp: str) -> int:
    t0 = time.monotonic()
    with httpx.Client(base_url=base, timeout=10) as c:
        while True:
            if server.poll() is not None:
                print(f"load: the server exited ({server.returncode}); see {tmp}/server.log")
                return 1
            try:
                if c.get("/readyz").status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() - t0 > 180:
                print("load: the server was not ready in 180 s")
                return 1
            time.sleep(0.5)
        ready_s = time.monotonic() - t0
        ids = []
        for t in TEXTS:  # something to read from the start
            r = c.post("/v1/analyze", json={"text": t}, timeout=120)
            if r.status_code == 200:
                ids.append(r.json()["article"]["id"])
    print(f"load: server ready in {ready_s:.0f} s on {base}; {args.clients} clients x {args.seconds:g} s, "
          f"{args.analyze_share:.0%} analyses, think {args.think:g} s; pid {server.pid}")

    results: list[tuple[str, int, float]] = []  # (kind, status or 0 for a transport error, seconds)
    lock = threading.Lock()
    start = time.monotonic()
    deadline = start + args.seconds
    rss: list[tuple[float, float]] = []
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            rss.append((time.monotonic() - start, rss_mb(server.pid)))
            stop.wait(1.0)

    def client(n: int) -> None:
        rng = random.Random(args.seed * 1000 + n)
        with httpx.Client(base_url=base, timeout=120) as c:
            while time.monotonic() < deadline:
                if rng.random() < args.analyze_share:
                    kind = "analyze"
                    text = rng.choice(TEXTS)
                    if rng.random() < 0.5:
                        text += f" The figure was revised to {rng.randrange(10**6)} on Friday."
                    req = lambda: c.post("/v1/analyze", json={"text": text})  # noqa: E731
                else:
                    kind = rng.choice(["dossiers", "articles", "dossier", "healthz"])
                    path = {"dossiers": "/v1/dossiers?limit=20", "articles": "/v1/articles?limit=20",
                            "dossier": f"/v1/dossiers/{rng.choice(ids)}" if ids else "/healthz", "healthz": "/healthz"}[kind]
                    req = lambda: c.get(path)  # noqa: E731
                t = time.perf_counter()
                try:
                    status = req().status_code
                except httpx.HTTPError:
                    status = 0
                took = time.perf_counter() - t
                with lock:
                    results.append((kind, status, took))
                time.sleep(min(rng.uniform(0, 2 * args.think), max(0.0, deadline - time.monotonic())))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(args.seconds + 300)
    stop.set()
    sampler.join()
    rss.append((time.monotonic() - start, rss_mb(server.pid)))

    by_kind: dict[str, list[float]] = defaultdict(list)
    statuses: dict[str, Counter] = defaultdict(Counter)
    for kind, status, took in results:
        by_kind[kind].append(took)
        statuses[kind][status] += 1
    wall = time.monotonic() - start
    print(f"{'kind':9} {'requests':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}  statuses")
    for kind in sorted(by_kind):
        v = by_kind[kind]
        print(f"{kind:9} {len(v):>8} {1000 * statistics.median(v):>8.0f} {1000 * pct(v, 0.99):>8.0f} {1000 * max(v):>8.0f}  "
              + ", ".join(f"{s or 'error'}: {n}" for s, n in sorted(statuses[kind].items())))
    all_status = Counter(s for _, s, _ in results)
    busy = all_status.get(503, 0)
    failures = sum(n for s, n in all_status.items() if s >= 500 and s != 503) + all_status.get(0, 0)
    after_warmup = next((m for t, m in rss if t >= warmup), rss[-1][1] if rss else 0.0)
    end = rss[-1][1] if rss else 0.0
    peak = max((m for _, m in rss), default=0.0)
    growth = (end - after_warmup) / after_warmup if after_warmup else 0.0
    print(f"load: {len(results)} requests in {wall:.0f} s ({len(results) / wall:.1f}/s); 5xx: {failures + busy} "
          f"({busy} x 503 busy, {failures} failures: 500/504/transport)")
    print(f"server RSS: {after_warmup:.0f} MiB after {warmup:g} s warm-up, {end:.0f} MiB at the end ({growth:+.1%}), "
          f"peak {peak:.0f} MiB; {'stable within 10%' if abs(growth) <= RSS_GROWTH_LIMIT else 'NOT within 10%'}")
    return 1 if failures or abs(growth) > RSS_GROWTH_LIMIT else 0


if __name__ == "__main__":
    sys.exit(main())

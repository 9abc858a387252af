"""Run the coverage-guided fuzzer (atheris) over every target and print the figures.

    python scripts/fuzz.py --runs 20000                 # executions in total, shared by the targets
    python scripts/fuzz.py --runs 1000000 --jobs 2      # `make harden`
    python scripts/fuzz.py --replay                     # the seed corpus (and findings) without atheris
    python scripts/fuzz.py --runs 50000 --merge         # then keep new coverage in fuzz/corpus
    python scripts/fuzz.py --runs 0 --merge --out DIR   # keep what an earlier run in DIR found

Each target (fuzz/targets.py: text, html, corpus, feed, analyze) runs in its own process
(fuzz/atheris_main.py) on its seed corpus, for its share of the executions. Counted per target:
executions; crashes (an exception other than the project's own errors, or a hard crash);
caught (a parser's exception that a safety net turned into an input error: a bug all the same);
span failures (``text[start:end] != span.text``); escapes (input markup in a report); hangs
(over --timeout seconds on one input, libFuzzer's -timeout); out-of-memory (over --rss-limit-mb).
Findings are kept in --out/<target>/ with a note each; reproduce one with
``python scripts/fuzz.py --replay --out ... PATH``. Exit status 1 when anything was found.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FUZZ = ROOT / "fuzz"
sys.path.insert(0, str(FUZZ))

from targets import MAX_LEN, TARGETS, Finding  # noqa: E402

# Shares of the executions: the ingest targets run thousands a second, an analysis tens.
WEIGHTS = {"text": 30, "html": 12, "corpus": 30, "feed": 12, "analyze": 3}
KINDS = ("crash", "caught", "span", "escape", "hang", "oom")
# Not a finding: libFuzzer's -timeout counts wall time, and on a busy machine an input can pass it
# while taking far less CPU; such an input is replayed and counted as a hang only if it also
# takes over --timeout seconds of CPU.
NOT_FINDINGS = ("stalled",)


def _quota(runs: int, names: list[str]) -> dict[str, int]:
    total = sum(WEIGHTS[n] for n in names)
    return {n: max(1, runs * WEIGHTS[n] // total) for n in names}


def _executed(out: Path, run: int) -> int:
    """Executions of one process: libFuzzer's final count when it printed one, else ours."""
    log = out / f"log-{run}.txt"
    text = log.read_text(errors="replace") if log.exists() else ""
    marker = "stat::number_of_executed_units:"
    if marker in text:
        return int(text.split(marker, 1)[1].split()[0])
    try:
        return json.loads((out / f"stats-{run}.json").read_text()).get("execs", 0)
    except (OSError, ValueError):
        return 0


def _hang_confirmed(out: Path, timeout: int) -> bool:
    """Replay the newest timeout-* input in a fresh process: does it take over ``timeout`` s of CPU?"""
    found = sorted(out.glob("timeout-*"), key=lambda p: p.stat().st_mtime)
    if not found:
        return True
    proc = subprocess.run([sys.executable, __file__, "--replay", "--timeout", str(timeout), str(found[-1])],
                          capture_output=True, text=True)
    return proc.returncode != 0


def fuzz_target(name: str, runs: int, args: argparse.Namespace) -> dict:
    """Fuzz one target for ``runs`` executions (or until --max-time), restarting after a hang,
    an out-of-memory or a hard crash; returns its counts."""
    out = Path(args.out) / name
    work = out / "corpus"
    work.mkdir(parents=True, exist_ok=True)
    for p in [*out.glob("stats-*.json"), *out.glob("log-*.txt")]:
        p.unlink()
    counts = {"target": name, "execs": 0, "spans": 0, "seconds": 0.0, "max_seconds": 0.0, "slow": 0, "restarts": 0,
              **{k: 0 for k in KINDS + NOT_FINDINGS}}
    t0 = time.monotonic()
    stalls = run = 0
    while True:
        left_runs = runs - counts["execs"]
        left_time = args.max_time - (time.monotonic() - t0) if args.max_time else None
        if left_runs <= 0 or (left_time is not None and left_time < 1):
            break
        cmd = [sys.executable, str(FUZZ / "atheris_main.py"), name, str(out), str(run),
               f"-runs={left_runs}", f"-timeout={args.timeout}", f"-max_len={MAX_LEN[name]}",
               f"-rss_limit_mb={args.rss_limit_mb}", f"-artifact_prefix={out}/", "-print_final_stats=1",
               f"-seed={args.seed + run}" if args.seed else "-seed=0",
               *([f"-max_total_time={max(1, int(left_time))}"] if left_time is not None else []),
               str(work), str(FUZZ / "corpus" / name)]
        with open(out / f"log-{run}.txt", "w") as f:
            rc = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT, cwd=out).returncode
        n = _executed(out, run)
        counts["execs"] += n
        if rc != 0:
            text = (out / f"log-{run}.txt").read_text(errors="replace")
            kind = "hang" if "libFuzzer: timeout" in text else "oom" if "out-of-memory" in text else "crash"
            if kind == "hang" and not _hang_confirmed(out, args.timeout):
                kind = "stalled"  # over the time in wall seconds only: the machine, not the input
            counts[kind] += 1
            counts["restarts"] += 1
            stalls = stalls + 1 if n <= 1 else 0
            if stalls >= 3:  # the same input kills it at once each time: stop, it is recorded
                print(f"{name}: stopped after {stalls} restarts without progress; see {out}/log-{run}.txt", file=sys.stderr)
                break
        elif n == 0:
            break
        run += 1
    for p in out.glob("stats-*.json"):
        try:
            s = json.loads(p.read_text())
        except (OSError, ValueError):
            continue
        counts["spans"] += s.get("spans", 0)
        counts["slow"] += s.get("slow", 0)
        counts["max_seconds"] = max(counts["max_seconds"], s.get("max_seconds", 0.0))
        for kind, k in s.get("findings", {}).items():
            counts[kind] = counts.get(kind, 0) + k
    counts["seconds"] = round(time.monotonic() - t0, 1)
    return counts


def replay(paths: list[str], out: str | None, timeout: float = 10) -> int:
    """Run the seed corpus (or the given files: a findings dir, one input) through the targets
    in this process, without atheris; print what fails."""
    files: list[tuple[str, Path]] = []
    roots = [Path(p) for p in paths] or [FUZZ / "corpus"]
    for root in roots:
        for p in sorted(root.rglob("*") if root.is_dir() else [root]):
            if p.is_file() and not p.suffix and not p.name.startswith(("stats", "log")):
                target = next((part for part in reversed(p.parts) if part in TARGETS), None)
                if target:
                    files.append((target, p))
    bad = 0
    spans = 0
    from targets import warm_up

    for target in sorted({t for t, _ in files}):
        warm_up(target)  # models load outside the timing
    for target, p in files:
        t0 = time.process_time()
        try:
            spans += TARGETS[target](p.read_bytes())
        except Finding as exc:
            bad += 1
            print(f"{target} {p}: {exc}")
        took = time.process_time() - t0
        if took > timeout:
            bad += 1
            print(f"{target} {p}: hang, {took:.1f} s of CPU")
    print(f"replayed {len(files)} inputs: {bad} failed, {spans} spans checked")
    return 1 if bad else 0


def merge(names: list[str], args: argparse.Namespace) -> None:
    """Keep the inputs that add coverage: libFuzzer -merge=1 of the work corpus into fuzz/corpus."""
    for name in names:
        work = Path(args.out) / name / "corpus"
        if not work.is_dir() or not any(work.iterdir()):
            continue
        before = len(list((FUZZ / "corpus" / name).iterdir()))
        merge_dir = Path(args.out) / name / "merge"
        merge_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(FUZZ / "atheris_main.py"), name, str(merge_dir), "0",
                        "-merge=1", f"-max_len={MAX_LEN[name]}", f"-timeout={args.timeout}", f"-artifact_prefix={merge_dir}/",
                        str(FUZZ / "corpus" / name), str(work)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=merge_dir)
        after = len(list((FUZZ / "corpus" / name).iterdir()))
        print(f"merged {name}: {before} -> {after} corpus files")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=10_000, help="executions in total across the targets")
    ap.add_argument("--targets", default=",".join(TARGETS), help="comma-separated subset of " + ", ".join(TARGETS))
    ap.add_argument("--max-time", type=float, default=None, help="seconds per target at most")
    ap.add_argument("--jobs", type=int, default=1, help="targets fuzzed at once")
    ap.add_argument("--timeout", type=int, default=10, help="seconds on one input that count as a hang")
    ap.add_argument("--rss-limit-mb", type=int, default=3072)
    ap.add_argument("--seed", type=int, default=0, help="libFuzzer seed (0: random)")
    ap.add_argument("--out", default=str(ROOT / "out" / "fuzz"), help="findings, logs and the working corpus")
    ap.add_argument("--merge", action="store_true", help="afterwards, merge new coverage into fuzz/corpus")
    ap.add_argument("--replay", action="store_true", help="replay inputs without atheris (paths, default the corpus)")
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    if args.replay:
        return replay(args.paths, args.out, args.timeout)
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("atheris is not installed (it is in requirements/dev.in: make setup); "
              "the property tests in tests/fuzz run hypothesis instead", file=sys.stderr)
        return 2
    names = [n.strip() for n in args.targets.split(",") if n.strip()]
    if args.runs <= 0:  # --runs 0 --merge: only keep what an earlier run found
        if args.merge:
            merge(names, args)
        return 0
    quota = _quota(args.runs, names)
    t0 = time.monotonic()
    # The targets' input files, in memory when it can be, removed here (libFuzzer skips atexit).
    shm = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    tmp = tempfile.mkdtemp(prefix="veracity-fuzz-run-", dir=shm)
    os.environ["VERACITY_FUZZ_TMP"] = tmp
    try:
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(lambda n: fuzz_target(n, quota[n], args), names))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    wall = time.monotonic() - t0
    head = f"{'target':8} {'execs':>9} {'exec/s':>7} {'spans':>9} {'crash':>5} {'caught':>6} {'span':>4} {'escape':>6} {'hang':>4} {'oom':>3} {'slowest':>8}"
    print(head)
    total = {k: 0 for k in ("execs", "spans", *KINDS)}
    for r in results:
        rate = r["execs"] / r["seconds"] if r["seconds"] else 0
        print(f"{r['target']:8} {r['execs']:>9,} {rate:>7.0f} {r['spans']:>9,} {r['crash']:>5} {r['caught']:>6} {r['span']:>4} "
              f"{r['escape']:>6} {r['hang']:>4} {r['oom']:>3} {r['max_seconds']:>7.2f}s")
        for k in total:
            total[k] += r[k]
    print(f"{'total':8} {total['execs']:>9,} {total['execs'] / wall if wall else 0:>7.0f} {total['spans']:>9,} "
          f"{total['crash']:>5} {total['caught']:>6} {total['span']:>4} {total['escape']:>6} {total['hang']:>4} {total['oom']:>3}"
          f"   in {wall:.0f} s wall")
    findings = sum(total[k] for k in KINDS)
    stalled = sum(r.get("stalled", 0) for r in results)
    if stalled:
        print(f"({stalled} inputs passed {args.timeout} s of wall time but not of CPU on replay: the machine was busy; not counted)")
    print(f"fuzz: {total['execs']:,} executions, {findings} findings "
          f"({total['crash']} crashes, {total['caught']} caught, {total['span']} span failures, {total['escape']} escapes, "
          f"{total['hang']} hangs over {args.timeout} s, {total['oom']} out-of-memory); findings in {args.out}")
    if args.merge:
        merge(names, args)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())

"""Limits that bound cost: inputs the limits accept, measured for peak memory and time.

    python benchmarks/limits.py            # quick: each case at ~100-400 KB (a few minutes)
    python benchmarks/limits.py --full     # `make harden`: up to the character limit
    python benchmarks/limits.py --only article,stdin

Each case runs the CLI as a child process on an input built to the named limits, read from the
code (``Options`` fields ``max_*``, text.nlp's ``MAX_*``, the attribution tagger's ``MAX_CHARS`` and the
cue pass's ``MAX_RUNS``),
so when a limit changes the benchmark follows it:

- ``article``: the demo article repeated, in paragraphs, up to ``max_article_chars``
  (``veracity analyze``, default stages: the tagger attribution);
- ``attribute-lines``: 400 KB of short lines to ``veracity attribute`` (the tagger);
- ``punct-run`` / ``punct-mixed``: one run of 120,000 quotes in a sentence, and text cut by
  runs of 5,000 punctuation marks (``veracity analyze``);
- ``tiny-sentences``: "He said so. It was. They left. She won. " repeated (``veracity analyze``);
- ``over-article-limit``: an article 10% over ``max_article_chars``, which must be
  refused with a one-line error naming the limit;
- ``stdin-zero`` / ``stdin-endless``: ``veracity checkworthy -`` and ``veracity analyze -``
  reading /dev/zero and an endless stream of one English sentence (``yes``), which the input
  limit must stop with an error, in bounded memory.

Peak RSS is the child's ``ru_maxrss`` (os.wait4). Seconds per 100 KB are the run's wall time
less the same command's time on one sentence (start-up and model loading), per 100 KiB of
input. A case passes at <= 1.5 GiB peak and <= 5 s per 100 KB. On a busy machine (load average
over the core count) wall time measures the other processes too, so cases are then judged on
CPU seconds (user + system, likewise less the start-up's), and the line says so.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VERACITY_SHARED", ROOT.parent / "shared"))
EXAMPLE = SHARED / "examples" / "troops-report.txt"
VERACITY = str(Path(sys.executable).parent / "veracity")
KB = 1024
PEAK_LIMIT_MB = 1536  # 1.5 GiB
SECONDS_PER_100KB = 5.0
ONE_SENTENCE = b"The minister said on Monday that 300 troops were sent to eastern Ukraine.\n"


def limits() -> dict[str, int]:
    """The named limits, read from the code."""
    from veracity.options import Options

    found = {f.name: getattr(Options(), f.name) for f in dataclasses.fields(Options)
             if f.name.startswith("max_") and isinstance(getattr(Options(), f.name), int)}
    from veracity.text import nlp

    for name in dir(nlp):
        if name.startswith("MAX_") and isinstance(getattr(nlp, name), int):
            found[f"text.nlp.{name}"] = getattr(nlp, name)
    try:
        from veracity.attribution import tagger

        found["attribution.tagger.MAX_CHARS"] = tagger.MAX_CHARS
    except (ImportError, AttributeError):
        pass
    try:
        from veracity.attribution import cuepass

        found["attribution.cuepass.MAX_RUNS"] = cuepass.MAX_RUNS
    except (ImportError, AttributeError):
        pass
    return found


def article_text(chars: int) -> bytes:
    base = EXAMPLE.read_text(encoding="utf-8") if EXAMPLE.exists() else ONE_SENTENCE.decode() * 40
    paras = [p.strip() for p in base.split("\n\n") if p.strip()]
    out, n, i = [], 0, 0
    while True:
        p = paras[i % len(paras)]
        if n + len(p) + 2 > chars:
            break
        out.append(p)
        n += len(p) + 2
        i += 1
    return "\n\n".join(out).encode("utf-8")


def short_lines(size: int) -> bytes:
    words = (EXAMPLE.read_text(encoding="utf-8") if EXAMPLE.exists() else ONE_SENTENCE.decode()).split()
    lines, n, i = [], 0, 0
    while n < size:
        k = 3 + i % 4
        line = " ".join(words[(i * 5 + j) % len(words)] for j in range(k))
        lines.append(line)
        n += len(line) + 1
        i += 1
    return "\n".join(lines).encode("utf-8")[:size]


def punct_run(size: int) -> bytes:
    return b"The minister said " + b'"' * max(0, size - 40) + b" on Monday."


def punct_mixed(size: int) -> bytes:
    unit = b"Officials said 300 people were evacuated. " + b'"' * 2000 + b" " + b"!?" * 1500 + b" " + b"-" * 1000 + b"\n"
    return (unit * (size // len(unit) + 1))[:size]


def tiny_sentences(size: int) -> bytes:
    # English ones: "A b. " reads as Portuguese to the language check and would be refused.
    unit = b"He said so. It was. They left. She won. "
    return (unit * (size // len(unit) + 1))[:size]


@dataclasses.dataclass
class Case:
    name: str
    cmd: list[str]  # "{input}" is replaced by the input file
    make: object  # size -> bytes
    sizes_quick: tuple[int, ...]
    sizes_full: tuple[int, ...]
    stdin: str | None = None  # stdin instead of an input file: a path, or "yes" (an endless line of text)
    refused: str = ""  # the input is over a limit: the run must fail with a one-line error naming this


def cases(lim: dict[str, int]) -> list[Case]:
    chars = lim.get("max_article_chars", 1_000_000)
    attribute_size = min(400 * KB, lim.get("attribution.tagger.MAX_CHARS", 400 * KB))
    analyze = [VERACITY, "analyze", "{input}", "-f", "json", "-o", os.devnull, "--no-store", "--quiet"]
    return [
        Case("article", analyze, article_text, (100 * KB, min(300 * KB, chars - 2000)),
             tuple(sorted({100 * KB, min(500 * KB, chars - 2000), chars - 2000}))),
        Case("attribute-lines", [VERACITY, "attribute", "{input}", "--format", "jsonl"], short_lines,
             (100 * KB,), (min(attribute_size, chars),)),
        Case("punct-run", analyze, punct_run, (120_000,), (120_000, min(chars - 100, 500 * KB))),
        Case("punct-mixed", analyze, punct_mixed, (100 * KB,), (100 * KB, min(chars - 100, 500 * KB))),
        Case("tiny-sentences", analyze, tiny_sentences, (100 * KB,), (100 * KB, chars - 100)),
        # An article 10% over the character limit (characters, not bytes: the demo article has
        # curly quotes): refused at once, in bounded memory.
        Case("over-article-limit", [a for a in analyze if a != "--quiet"], article_text, (chars * 11 // 10,), (chars * 11 // 10,), refused="max_article_chars"),
        Case("stdin-zero-checkworthy", [VERACITY, "checkworthy", "-"], None, (0,), (0,), stdin="/dev/zero"),
        Case("stdin-zero-analyze", [VERACITY, "analyze", "-", "-f", "json", "-o", os.devnull, "--no-store"],
             None, (0,), (0,), stdin="/dev/zero"),
        Case("stdin-endless-checkworthy", [VERACITY, "checkworthy", "-"], None, (0,), (0,), stdin="yes"),
        Case("stdin-endless-analyze", [VERACITY, "analyze", "-", "-f", "json", "-o", os.devnull, "--no-store"],
             None, (0,), (0,), stdin="yes"),
    ]


def run(cmd: list[str], stdin_path: str | None, timeout: float) -> dict:
    """Wall seconds, CPU seconds, peak RSS (MiB) and exit code of one child process."""
    feeder = None
    if stdin_path == "yes":
        feeder = subprocess.Popen(["yes", ONE_SENTENCE.decode().strip()], stdout=subprocess.PIPE)
    with tempfile.TemporaryFile() as err, (feeder.stdout if feeder else open(stdin_path or os.devnull, "rb")) as stdin:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=err)
        timed_out = False
        while True:
            pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - t0 > timeout:
                proc.kill()
                timed_out = True
                pid, status, ru = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        wall = time.perf_counter() - t0
        if feeder:
            feeder.kill()
            feeder.wait()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read().decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss_mb": ru.ru_maxrss / 1024, "rc": proc.returncode,
            "timed_out": timed_out, "stderr": tail[0][:160]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--full", action="store_true", help="up to the limits (long: `make harden`)")
    ap.add_argument("--only", default="", help="comma-separated case names")
    ap.add_argument("--timeout", type=float, default=900, help="seconds before a run is killed and failed")
    ap.add_argument("--judge", choices=("auto", "wall", "cpu"), default="auto")
    args = ap.parse_args()

    lim = limits()
    print("limits: " + ", ".join(f"{k}={v:,}" for k, v in sorted(lim.items())))
    load = os.getloadavg()[0]
    busy = load > (os.cpu_count() or 1)
    judge = args.judge if args.judge != "auto" else ("cpu" if busy else "wall")
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f}; judged on {judge} seconds")
    only = {s for s in args.only.split(",") if s}
    failed = 0
    base_cache: dict[tuple, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.txt"
        one.write_bytes(ONE_SENTENCE)
        for case in cases(lim):
            if only and case.name not in only:
                continue
            key = tuple(case.cmd)
            if case.make is not None and key not in base_cache:
                base_cache[key] = run([one.as_posix() if a == "{input}" else a for a in case.cmd], None, args.timeout)
            base = base_cache.get(key, {"wall": 0.0, "cpu": 0.0})
            for size in case.sizes_full if args.full else case.sizes_quick:
                path = Path(tmp) / f"{case.name}-{size}.txt"
                if case.make is not None:
                    data = case.make(size)
                    path.write_bytes(data)
                    size = len(data)
                r = run([str(path) if a == "{input}" else a for a in case.cmd], case.stdin, args.timeout)
                if case.refused:
                    ok = (r["rc"] != 0 and not r["timed_out"] and case.refused in r["stderr"] and "Traceback" not in r["stderr"]
                          and r["rss_mb"] <= PEAK_LIMIT_MB)
                    print(f"{case.name:24} {size / KB:8.0f} KB peak {r['rss_mb']:7.0f} MiB  {r['wall']:6.1f} s wall  "
                          f"exit {r['rc']}  {'ok' if ok else 'FAIL'}  [{r['stderr']}]")
                elif case.stdin:
                    # Reading /dev/zero must stop at the input limit with an error, in bounded memory.
                    ok = r["rc"] != 0 and not r["timed_out"] and r["rss_mb"] <= PEAK_LIMIT_MB and r["wall"] < 60
                    print(f"{case.name:24} {'(stdin)':>10} peak {r['rss_mb']:7.0f} MiB  {r['wall']:6.1f} s wall  "
                          f"exit {r['rc']}  {'ok' if ok else 'FAIL'}  [{r['stderr']}]")
                else:
                    per = 100 * KB / size
                    net_wall = max(0.0, r["wall"] - base["wall"]) * per
                    net_cpu = max(0.0, r["cpu"] - base["cpu"]) * per
                    cost = net_cpu if judge == "cpu" else net_wall
                    ok = (r["rc"] == 0 and not r["timed_out"] and r["rss_mb"] <= PEAK_LIMIT_MB and cost <= SECONDS_PER_100KB)
                    why = "timed out" if r["timed_out"] else f"exit {r['rc']}: {r['stderr']}" if r["rc"] else ""
                    print(f"{case.name:24} {size / KB:8.0f} KB peak {r['rss_mb']:7.0f} MiB  {r['wall']:6.1f} s wall "
                          f"{r['cpu']:6.1f} s cpu  {net_wall:5.2f} s/100KB wall {net_cpu:5.2f} s/100KB cpu  "
                          f"{'ok' if ok else 'FAIL'} {why}".rstrip())
                failed += not ok
                sys.stdout.flush()
    base_line = ", ".join(f"{Path(k[0]).name} {k[1]}: {v['wall']:.1f} s wall {v['cpu']:.1f} s cpu {v['rss_mb']:.0f} MiB"
                          for k, v in base_cache.items())
    print(f"start-up (one sentence, subtracted): {base_line}")
    print(f"limits: {failed} case(s) over {PEAK_LIMIT_MB} MiB peak or {SECONDS_PER_100KB:g} s per 100 KB")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

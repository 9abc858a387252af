"""Coverage-guided fuzzing of one target with atheris (libFuzzer): ``python fuzz/atheris_main.py
TARGET FINDINGS_DIR RUN [libFuzzer flags and corpus dirs...]``. ``scripts/fuzz.py`` runs this.

A failed property does not stop the run: it is recorded in FINDINGS_DIR as ``<kind>-<sha1>``
(the input) and ``<kind>-<sha1>.txt`` (the message and traceback), and fuzzing goes on, so one
run counts every distinct finding. Inputs taking over ``targets.SLOW_SECONDS`` of CPU are kept as
``slow-<sha1>``. A hang (libFuzzer's ``-timeout``) or a hard crash (a signal in a C extension)
ends the process; libFuzzer writes the input as ``timeout-*`` / ``crash-*`` where
``-artifact_prefix`` says, and the runner starts the target again.

Counts go to ``FINDINGS_DIR/stats-<RUN>.json`` every second and when ``-runs`` is reached:
executions, spans checked, findings by kind, the slowest input's seconds. (libFuzzer ends the
process without Python's atexit, so a run cut by ``-max_total_time`` may miss its last second;
the runner then takes libFuzzer's own count from the log.)
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import sys
import time
import traceback
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["veracity", "feedparser", "trafilatura", "targets"]):
    import targets  # noqa: E402
    import veracity.analysis  # noqa: E402,F401
    import veracity.ingest  # noqa: E402,F401
    import veracity.report  # noqa: E402,F401


def main() -> None:
    name, findings, run = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    flags = sys.argv[4:]
    runs = next((int(f.split("=", 1)[1]) for f in flags if f.startswith("-runs=")), -1)
    findings.mkdir(parents=True, exist_ok=True)
    target = targets.TARGETS[name]
    stats = {"target": name, "pid": os.getpid(), "execs": 0, "spans": 0, "findings": {}, "max_seconds": 0.0,
             "slow": 0, "started": time.time()}
    stats_path = findings / f"stats-{run}.json"
    last = [0.0]

    def save(force: bool = False) -> None:
        now = time.monotonic()
        if force or now - last[0] >= 1.0:
            last[0] = now
            stats["seconds"] = round(time.time() - stats["started"], 1)
            tmp = stats_path.with_suffix(".tmp")
            tmp.write_text(json.dumps(stats))
            tmp.replace(stats_path)

    def keep(kind: str, data: bytes, note: str) -> None:
        digest = hashlib.sha1(data).hexdigest()
        (findings / f"{kind}-{digest}").write_bytes(data)
        (findings / f"{kind}-{digest}.txt").write_text(note, encoding="utf-8", errors="backslashreplace")

    def one(data: bytes) -> None:
        # CPU seconds: on a busy machine wall time measures the other processes too (a hang,
        # over -timeout seconds of wall time, is libFuzzer's to catch).
        t0 = time.process_time()
        try:
            stats["spans"] += target(data)
        except targets.Finding as exc:
            stats["findings"][exc.kind] = stats["findings"].get(exc.kind, 0) + 1
            keep(exc.kind, data, f"{exc}\n\n{traceback.format_exc()}")
        except Exception as exc:  # noqa: BLE001 - a bug in the target itself is a finding too
            stats["findings"]["crash"] = stats["findings"].get("crash", 0) + 1
            keep("crash", data, f"{type(exc).__name__}: {exc}\n\n{traceback.format_exc()}")
        took = time.process_time() - t0
        stats["max_seconds"] = max(stats["max_seconds"], round(took, 3))
        if took > targets.SLOW_SECONDS:
            stats["slow"] += 1
            keep("slow", data, f"{took:.2f} s CPU\n")
        stats["execs"] += 1
        save(stats["execs"] == runs)

    targets.warm_up(name)
    save(True)
    # libFuzzer's -merge (and -fork) run argv[0] again through the shell: make it the whole
    # command that gets back here, interpreter and target included.
    again = " ".join(shlex.quote(a) for a in (sys.executable, str(Path(__file__).resolve()), name, str(findings), run))
    atheris.Setup([again, *flags], one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

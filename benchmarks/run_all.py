"""`make bench`: every benchmark script in this folder, one after another, printing its figures.

Each script can also be run alone; docs/BENCHMARKS.md records the figures with the command.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    wanted = sys.argv[1:]
    scripts = sorted(p for p in HERE.glob("*.py") if p.name not in ("run_all.py", "__init__.py") and not p.name.startswith("_"))
    if wanted:
        scripts = [p for p in scripts if p.stem in wanted]
    rc = 0
    for script in scripts:
        print(f"\n=== {script.stem} ===", flush=True)
        rc |= subprocess.call([sys.executable, str(script)])
    return rc


if __name__ == "__main__":
    sys.exit(main())

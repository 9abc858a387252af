"""Supply chain: known vulnerabilities in the pinned packages (pip-audit), counted honestly.

    python scripts/audit.py [--pip-audit PATH]

Audits requirements/lock.txt and requirements/nodeps.txt (every package pinned with hashes) with
``pip-audit --no-deps --disable-pip``, first against PyPI's per-release JSON (``-s pypi``), then
OSV (``-s osv``). A package the service cannot look up is *not audited*, not "no known
vulnerabilities": the counts say how many were audited, skipped and vulnerable. Where this
machine reaches no vulnerability database (PyPI's per-release JSON and api.osv.dev are not
reachable from the workplace: docs/RELIABILITY.md), every package is skipped and that is what
is printed.

Exit status: 1 when a vulnerability is found, 0 otherwise (also when nothing could be audited:
the line says so), 2 when pip-audit is not installed (`make harden` installs it in .venv-audit).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCKS = [ROOT / "requirements" / "lock.txt", ROOT / "requirements" / "nodeps.txt"]


def audit(tool: str, service: str) -> tuple[dict, str]:
    deps: dict = {}
    errors = []
    for lock in LOCKS:
        proc = subprocess.run([tool, "-s", service, "--no-deps", "--disable-pip", "-r", str(lock), "-f", "json", "--progress-spinner", "off"],
                              capture_output=True, text=True, timeout=1800)
        try:
            data = json.loads(proc.stdout)
        except ValueError:
            errors.append((proc.stderr.strip().splitlines() or ["no output"])[-1][:200])
            continue
        for d in data.get("dependencies", []):
            deps[d["name"]] = d
    return deps, "; ".join(errors)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pip-audit", default=None, help="the pip-audit executable (default: .venv-audit, then PATH)")
    args = ap.parse_args()
    tool = args.pip_audit or next((str(p) for p in [ROOT / ".venv-audit" / "bin" / "pip-audit"] if p.exists()), None) \
        or shutil.which("pip-audit")
    if not tool:
        print("audit: pip-audit is not installed (make harden installs it in .venv-audit)")
        return 2
    best = None
    for service in ("pypi", "osv"):
        deps, error = audit(tool, service)
        audited = [d for d in deps.values() if "skip_reason" not in d]
        skipped = [d for d in deps.values() if "skip_reason" in d]
        vulns = [(d["name"], d["version"], v["id"]) for d in audited for v in d.get("vulns", [])]
        reason = (skipped[0]["skip_reason"] if skipped else error) or ""
        print(f"audit ({service}): {len(deps)} pinned packages: {len(audited)} audited, {len(skipped)} not audited, "
              f"{len(vulns)} known vulnerabilities" + (f"; e.g. {reason[:150]}" if reason and not audited else ""))
        for name, version, vid in vulns:
            print(f"  {name} {version}: {vid}")
        if audited and (best is None or len(audited) > best[0]):
            best = (len(audited), vulns)
    if best is None:
        print("audit: NOT AUDITED: no vulnerability database answered from this machine (see docs/RELIABILITY.md)")
        return 0
    return 1 if best[1] else 0


if __name__ == "__main__":
    sys.exit(main())

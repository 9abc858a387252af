#!/usr/bin/env bash
# `make harden`: the long versions of issue 18's checks, each log in out/harden/, the figures at
# the end (docs/RELIABILITY.md records them). Every step runs even if an earlier one failed; the
# exit status is 1 if any failed. Sizes come from the environment (see the Makefile):
# HARDEN_FUZZ_RUNS, HARDEN_TRIALS, HARDEN_CLIENTS, HARDEN_SECONDS.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
OUT=out/harden
mkdir -p "$OUT"
rc=0
step() {  # step NAME COMMAND...: run, log, remember a failure
  local name=$1; shift
  echo "== $name: $*"
  local t0=$SECONDS
  "$@" 2>&1 | tee "$OUT/$name.txt"
  local s=${PIPESTATUS[0]}
  echo "== $name: exit $s in $((SECONDS - t0)) s" | tee -a "$OUT/$name.txt"
  [ "$s" -eq 0 ] || rc=1
}

step properties env HYPOTHESIS_PROFILE=harden "$BIN/python" -m pytest tests/fuzz -q -p no:cacheprovider -W ignore::DeprecationWarning
step fuzz "$BIN/python" scripts/fuzz.py --runs "${HARDEN_FUZZ_RUNS:-1000000}" --jobs 2 --out out/fuzz
step limits "$BIN/python" benchmarks/limits.py --full
step crash "$BIN/python" benchmarks/crash_safety.py --trials "${HARDEN_TRIALS:-20}" --postgres
step load "$BIN/python" benchmarks/load.py --clients "${HARDEN_CLIENTS:-50}" --seconds "${HARDEN_SECONDS:-60}"
if [ ! -x .venv-audit/bin/pip-audit ]; then
  # pip-audit audits the lock; it is not part of it (its own dependencies would join the product's).
  python3 -m venv .venv-audit && .venv-audit/bin/pip install -q pip-audit==2.10.1 >/dev/null 2>&1 \
    || echo "pip-audit could not be installed"
fi
step audit "$BIN/python" scripts/audit.py

echo
echo "== figures (logs in $OUT/)"
grep -h -E "^(=+ properties: exit|[0-9]+ passed|fuzz: |limits: [0-9]|.* (ok|FAIL)( .*)?$|batch --resume|index: [0-9]|crash safety: |load: [0-9]|server RSS|audit)" \
  "$OUT"/properties.txt "$OUT"/fuzz.txt "$OUT"/limits.txt "$OUT"/crash.txt "$OUT"/load.txt "$OUT"/audit.txt | grep -v "^batch trial\|^index trial\|^batch: \|^index: uninterrupted"
exit $rc

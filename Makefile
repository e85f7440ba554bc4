# The two commands of the README: `make serve` and `make test`. Each makes its own virtual environment.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: serve test install install-test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[fast]"

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[fast,test]"

serve: install
	$(BIN)/cybergov serve --host $(HOST) --port $(PORT)

# Two passes: everything on the embedded store, then the API suite against a real `oxigraph serve`
# (started on 127.0.0.1 by the fixtures and loaded with `cybergov push`).
test: install-test
	$(BIN)/python -m pytest
	CYBERGOV_TEST_BACKEND=remote $(BIN)/python -m pytest tests/api

bench: install-test
	$(BIN)/python -m pip install --quiet -e ".[fast,test,bench]"
	$(BIN)/python -m bench.run

clean:
	rm -rf .cache .pytest_cache

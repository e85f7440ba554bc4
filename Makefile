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

test: install-test
	$(BIN)/python -m pytest

bench: install-test
	$(BIN)/python -m pip install --quiet -e ".[fast,test,bench]"
	$(BIN)/python -m bench.run

clean:
	rm -rf .cache .pytest_cache

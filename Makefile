# The two commands of the README: `make serve` and `make test`. Each makes its own virtual environment.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: serve test lint install install-test assets browser virtuoso bench bench-1m bench-checks load clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"

# The browser files the pages serve (CodeMirror for the SPARQL editor) and axe-core for the page tests:
# npm packages pinned in package-lock.json, installed into node_modules (git-ignored), served from there.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

assets: node_modules/.package-lock.json

serve: install
	@command -v npm >/dev/null 2>&1 && $(MAKE) --no-print-directory assets || echo "npm not found: the SPARQL page falls back to a plain text box"
	$(BIN)/cybergov serve --host $(HOST) --port $(PORT)

# Three passes: everything on the embedded store, then the API suite against a real `oxigraph serve`
# and against Virtuoso (each started on 127.0.0.1 by the fixtures and loaded with `cybergov push`).
# The page tests drive Debian's chromium through Playwright (no browser download).
# Debian's packages the tests use: chromium (pages) and virtuoso-opensource (a second remote engine).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

virtuoso:
	@command -v virtuoso-t >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource >/dev/null)

# The browser tests start their own server over the embedded store whatever the backend, so the remote
# passes leave them out (they would repeat the first pass's run exactly).
BROWSER_TESTS := $(addprefix --ignore=tests/api/,test_pages_browser.py test_pages_crawl_browser.py \
                   test_sparql_editor_browser.py test_accessibility.py)

lint: install-test
	$(BIN)/ruff check kg api tests bench
	$(BIN)/ruff format --check kg api tests bench

test: install-test assets browser virtuoso lint
	$(BIN)/python -m pytest
	CYBERGOV_TEST_BACKEND=remote $(BIN)/python -m pytest tests/api $(BROWSER_TESTS)
	CYBERGOV_TEST_BACKEND=virtuoso $(BIN)/python -m pytest tests/api $(BROWSER_TESTS)

# Benchmarks (prints a table, then issue 13's table; never part of `make test`): SIZES=10k,100k; wrk and
# virtuoso-opensource from Debian (the peers: oxigraph serve, Virtuoso, rdflib-endpoint). 1M on its own: make bench-1m.
SIZES ?= 10k,100k
bench: install-test virtuoso
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	command -v wrk >/dev/null || apt-get install -y wrk || sudo apt-get install -y wrk
	$(BIN)/python -m bench.run --sizes $(SIZES)

bench-1m:
	$(MAKE) bench SIZES=1M

# Contribution checks alone (incremental in a warm worker vs the full closure): CHECK_SIZES=curated,10k,100k or 1M
CHECK_SIZES ?= curated,10k,100k
bench-checks: install-test
	$(BIN)/python -m bench.checks --sizes $(CHECK_SIZES)

# A mixed REST + SPARQL load on 127.0.0.1 over the repository's data (prints requests, errors, p50/p99).
LOAD_CONNECTIONS ?= 64
LOAD_SECONDS ?= 60
load: install-test
	command -v wrk >/dev/null || apt-get install -y wrk || sudo apt-get install -y wrk
	$(BIN)/python -m bench.load_mixed --connections $(LOAD_CONNECTIONS) --seconds $(LOAD_SECONDS)

clean:
	rm -rf .cache .pytest_cache

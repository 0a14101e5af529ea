# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck unit install bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## demo: install, ingest the bundled sample into demo.db, extract, judge, then serve the dashboard
demo: $(STAMP)
	$(BIN)/hudna --db demo.db demo

## test: install (Python and Debian packages), start PostgreSQL, lint, type-check, run every test
test: $(STAMP)
	bash scripts/system-packages.sh
	$(MAKE) lint typecheck
	HUDNA_TEST_PG_URL="$$(bash scripts/postgres.sh start)" $(BIN)/python -m pytest -q; \
	  status=$$?; bash scripts/postgres.sh stop; exit $$status

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not browser and not postgres"

clean:
	rm -rf $(VENV) demo.db demo.db-* .pytest_cache .mypy_cache .ruff_cache

# The two commands of the README: `make demo` and `make test`. Both set up their own venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= newsprism.duckdb

.PHONY: demo test install clean lint

$(BIN)/newsprism: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,ray]'
	touch $(BIN)/newsprism

install: $(BIN)/newsprism

demo: install
	rm -f $(DB)
	$(BIN)/newsprism analyze examples/crisis --db $(DB)
	$(BIN)/newsprism show --db $(DB)
	@echo
	@echo "Results are in $(DB) (open it with DuckDB, or read it back with newsprism)."
	@echo "Next: $(BIN)/newsprism export --db $(DB) --format parquet --out export/"
	@echo "      $(BIN)/newsprism serve --db $(DB)   (web UI at http://127.0.0.1:8000/)"
	$(BIN)/newsprism report --db $(DB) --out report
	@echo "Open the report: file://$(CURDIR)/report/index.html"

test: install
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests benchmarks

clean:
	rm -rf $(VENV) $(DB) export report .pytest_cache

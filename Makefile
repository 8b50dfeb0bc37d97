# The two commands of the README: `make demo` and `make test`. Everything else is for developers.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean

$(BIN)/tracker: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(BIN)/tracker

demo: $(BIN)/tracker
	TRACKER_ALLOW_PRIVATE_NETWORKS=1 $(BIN)/tracker demo

test: $(BIN)/tracker
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

bench: $(BIN)/tracker
	$(BIN)/python bench/compare.py
	$(BIN)/python bench/check.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

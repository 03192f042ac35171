# The two commands a newcomer runs: `make run` and `make test`. Both create .venv with the machine's python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-browser lint install install-test install-browser messages compile-messages clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

$(VENV)/.installed-browser: pyproject.toml $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet -e ".[test,browser]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test
install-browser: $(VENV)/.installed-browser

compile-messages: install
	$(MANAGE) compile_translations

run: install compile-messages
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	$(MANAGE) runserver $(HOST):$(PORT)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install-test compile-messages lint
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest

# End-to-end journeys, accessibility and screenshots in Debian's Chromium (apt-get install chromium); the
# screenshots land in test-artifacts/screenshots/.
test-browser: install-browser compile-messages
	$(BIN)/pytest -m browser tests/browser

# Update the .po catalogues from the code and templates (needs GNU gettext's xgettext).
messages: install
	$(MANAGE) makemessages --all --no-obsolete --ignore='.venv/*' --ignore='staticfiles/*'

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache test-artifacts

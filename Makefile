# Two commands: `make run` (site with demo content on SQLite) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test lint messages demo serve bench load faults browser two-servers

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo

run: demo
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production-style serving: gunicorn, DEBUG off, hashed compressed static files.
serve: demo
	DJANGO_STATIC_MANIFEST=1 $(BIN)/python manage.py collectstatic --noinput -v0
	DJANGO_STATIC_MANIFEST=1 BIND=$(HOST):$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py

# The page benchmark (wrk against gunicorn on a synthetic journal); see scripts/bench.py.
bench: install
	command -v wrk >/dev/null || apt-get install -y wrk
	$(BIN)/python scripts/bench.py

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
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/ruff check .

# The browser tests (tests/e2e) drive Debian's Chromium; Playwright never downloads one.
browser:
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

test: lint browser
	$(BIN)/pytest

# Regenerate the message catalogues after changing strings, then translate them.
messages: install
	$(BIN)/python manage.py makemessages -l ky -l ru -l en --no-obsolete \
	  --ignore=.venv --ignore=staticfiles --ignore=media
	$(BIN)/python manage.py compilemessages --ignore=.venv

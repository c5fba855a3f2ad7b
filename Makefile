# Heartbeat: `make run` to try it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
PYTEST_ARGS ?=
APT_PACKAGES := chromium chromium-driver

.PHONY: run test install dev lint format chromium bench soak demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

dev: $(VENV)/.dev-installed

## make run: install, migrate, load the demo partnership and serve it on 127.0.0.1:8000,
## with a background worker beside the server, so the emails pages promise are sent (to
## this console) and scheduled jobs run. Ctrl+C stops both.
run: install
	DEBUG=1 $(BIN)/heartbeat migrate --noinput
	DEBUG=1 $(BIN)/heartbeat demo
	@echo ""
	@echo "Heartbeat is starting at http://$(HOST):$(PORT)/  (sign in at http://$(HOST):$(PORT)/accounts/sign-in/)"
	@echo "Emails are printed here by the background worker."
	DEBUG=1 $(BIN)/heartbeat worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(BIN)/heartbeat runserver $(HOST):$(PORT)

demo: install
	DEBUG=1 $(BIN)/heartbeat migrate --noinput
	DEBUG=1 $(BIN)/heartbeat demo

## make test: install the test tools (and Debian's Chromium when missing), lint, run every test.
test: dev chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n $(WORKERS) $(PYTEST_ARGS)

chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    apt-get update && apt-get install -y --no-install-recommends $(APT_PACKAGES); \
	  else \
	    echo "Chromium is needed for the browser tests. Run:"; \
	    echo "  sudo apt-get install -y --no-install-recommends $(APT_PACKAGES)"; \
	    exit 1; \
	  fi; \
	fi

lint: dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## make bench: generate a partnership at SCALE, serve it with gunicorn, load every page.
SCALE ?= 10
BENCH_ARGS ?=
bench: dev
	$(BIN)/python -m heartbeat.bench --scale $(SCALE) $(BENCH_ARGS)

## make soak: the same partnership under a mixed workload of reads and writes (pledges,
## heartbeat updates, project edits) for DURATION seconds; fails on any error or on a
## worker's memory growing 10% or more. SOAK_ARGS passes more options, such as --no-generate.
DURATION ?= 120
SOAK_ARGS ?=
soak: dev
	$(BIN)/python -m heartbeat.bench.soak --scale $(SCALE) --duration $(DURATION) $(SOAK_ARGS)

clean:
	rm -rf $(VENV) staticfiles var/*.sqlite3*

# Kiosque — the README's commands. `make run` serves the demo, `make test` runs everything.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
KIOSQUE := $(BIN)/kiosque
export HOST ?= 127.0.0.1
export PORT ?= 8000
# axe-core runs inside the browser tests; pinned, installed without a lock file so no
# registry address is recorded in the repository.
AXE_VERSION := 4.14.1
AXE_DIR := $(VENV)/npm
# Where the PostgreSQL-only tests run when DATABASE_URL is not set (CI's local server).
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
PYTEST := AXE_PATH=$(AXE_DIR)/node_modules/axe-core/axe.min.js $(BIN)/pytest
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help run serve setup test test-fast lint format lock browsers edge edge-packages messages clean-demo

help:
	@echo "make run    - install, migrate, load the demo and serve it on http://$(HOST):$(PORT)"
	@echo "make test   - install what the tests need and run the whole suite"
	@echo "make test-fast - the unit tests, for the edit-test loop (SELECT=... for another -m)"
	@echo "make lint   - ruff and djhtml checks"
	@echo "make lock   - re-pin requirements/*.txt from requirements/*.in"
	@echo "make bench-pages - every reader page cold and warm against /healthz (bench/cold_path.py)"
	@echo "make bench-live - 2,000 readers polling a live through Varnish (bench/live_polling.py)"
	@echo "make cluster - as root: edges, app hosts, workers, PostgreSQL primary + standby, Redis, each in its namespace (198.18.1.0/24)"
	@echo "make cluster-down - stop and remove everything make cluster created"
	@echo "make cluster-drill - as root: five failures under load on the cluster, a table (cluster/drill.py)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"

# Runtime dependencies, from the hashed lock file only.
$(VENV)/.runtime: $(BIN)/python requirements/base.txt pyproject.toml
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/base.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements/dev.txt
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/dev.txt
	touch $@

setup: $(VENV)/.runtime
	mkdir -p var/media var/mail
	$(KIOSQUE) migrate --no-input
	$(KIOSQUE) createcachetable
	$(KIOSQUE) collectstatic --no-input --verbosity 0
	$(KIOSQUE) demo

run: setup
	$(KIOSQUE) serve

# Varnish on EDGE_PORT in front of the site `make run` serves on BACKEND_PORT. For purges,
# start the site with EDGE_URL=http://127.0.0.1:$(EDGE_PORT) make run.
EDGE_PORT ?= 8080
BACKEND_PORT ?= $(PORT)
edge: $(VENV)/.runtime edge-packages
	$(KIOSQUE) edge --port $(EDGE_PORT) --backend-port $(BACKEND_PORT)

edge-packages:
	@if ! command -v varnishd >/dev/null || ! ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1; then \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y varnish varnish-modules; \
	fi

# Debian's Chromium for Playwright (it cannot download its own browsers here) and Varnish
# with xkey for the edge tests: one `apt-get update`, one install, only when missing.
browsers:
	@if ! command -v chromium >/dev/null || ! command -v varnishd >/dev/null \
		|| ! ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1; then \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y chromium varnish varnish-modules; \
	fi

$(AXE_DIR)/node_modules/axe-core/axe.min.js:
	npm install --silent --prefix $(AXE_DIR) --no-save --no-package-lock --no-audit --no-fund \
		axe-core@$(AXE_VERSION)

# pytest-xdist workers, one per core by default (TEST_WORKERS=0: one process). Tests that
# must share a process (the live demo site and its Chromium, ...) are grouped: see
# tests/conftest.py.
TEST_WORKERS ?= $(shell nproc)
PARALLEL := -n $(TEST_WORKERS) --dist loadgroup

# With DATABASE_URL set (CI), the whole suite runs on that database; SQLite, the embedded
# default that `make run` uses, is still under test there: the browser tests run against
# the demo site on SQLite, and the concurrency tests write real SQLite files. Without it,
# the whole suite runs on SQLite, then the tests that need PostgreSQL run on
# TEST_POSTGRES_URL (the local server CI provides): neither database goes untested. The
# wall time is printed at the end.
test: $(VENV)/.dev browsers $(AXE_DIR)/node_modules/axe-core/axe.min.js
	@start=$$(date +%s); \
	$(KIOSQUE) makemigrations --check --dry-run --settings=kiosque.settings.test; \
	$(BIN)/ruff check .; \
	if [ -n "$${DATABASE_URL:-}" ]; then \
		$(PYTEST) $(PARALLEL); \
	else \
		$(PYTEST) $(PARALLEL) -m "not postgres"; \
		echo "Tests that need PostgreSQL, on $(TEST_POSTGRES_URL):"; \
		DATABASE_URL=$(TEST_POSTGRES_URL) $(PYTEST) $(PARALLEL) -m postgres --durations=5; \
	fi; \
	elapsed=$$(( $$(date +%s) - start )); \
	echo "make test: wall time $$((elapsed / 60)) min $$((elapsed % 60)) s"

# The edit-test loop: the unit tests (no database, no other process, no browser; marked
# at collection by tests/conftest.py), in parallel. The wider loop, every test but the
# browser, PostgreSQL and slow ones, is `make test-fast SELECT="not browser and not
# postgres and not slow"`. `make test` stays the one command that runs everything.
SELECT ?= unit
test-fast: $(VENV)/.dev
	@start=$$(date +%s); \
	env -u DATABASE_URL $(BIN)/pytest $(PARALLEL) -q -m "$(SELECT)"; \
	elapsed=$$(( $$(date +%s) - start )); \
	echo "make test-fast: wall time $$((elapsed / 60)) min $$((elapsed % 60)) s"

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	find kiosque -name '*.html' -print0 | xargs -0 $(BIN)/djhtml --check

format: $(VENV)/.dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: $(VENV)/.runtime
	cd kiosque && ../$(KIOSQUE) makemessages --locale fr --locale en --no-obsolete
	$(BIN)/python scripts/fill_po.py kiosque/locale/fr/LC_MESSAGES/django.po scripts/translations_fr*.py
	cd kiosque && ../$(KIOSQUE) compilemessages

lock:
	$(PYTHON) -m venv /tmp/kiosque-lock && /tmp/kiosque-lock/bin/pip install --quiet uv
	/tmp/kiosque-lock/bin/uv pip compile --quiet --generate-hashes --no-header \
		--python-version 3.11 -o requirements/base.txt requirements/base.in
	/tmp/kiosque-lock/bin/uv pip compile --quiet --generate-hashes --no-header \
		--python-version 3.11 -o requirements/dev.txt requirements/dev.in

.PHONY: bench-wires
bench-wires: $(VENV)/.runtime
	$(BIN)/python bench/wires_ingest.py

# A digest to 10,000 then 100,000 subscribers: prepare time, messages/s to a local SMTP
# server, peak memory (bench/newsletter_send.py; figures in docs/newsletter-sending.md).
.PHONY: bench-newsletters
bench-newsletters: $(VENV)/.runtime
	nice $(BIN)/python bench/newsletter_send.py $(BENCH_ARGS)

# The article page from the application, through Varnish and as a static file (wrk), at
# 1,000 and 200,000 articles; bench/results/README.md explains the databases it loads.
.PHONY: bench
bench: $(VENV)/.runtime edge-packages
	@if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y wrk nginx; \
	fi
	$(BIN)/python bench/http_bench.py $(BENCH_ARGS)
	$(BIN)/python bench/cold_path.py

# Every reader page rendered whole (fragments off) and warm, against /healthz through the
# same server: the cold path of issue 15 (bench/cold_path.py; --profile PAGE for a profile).
.PHONY: bench-pages
bench-pages: $(VENV)/.runtime
	@if ! command -v wrk >/dev/null; then $(SUDO) apt-get update && $(SUDO) apt-get install -y wrk; fi
	$(BIN)/python bench/cold_path.py $(BENCH_ARGS)

# A live's updates through the edge: 2,000 simulated readers poll its answer through
# Varnish while an entry is posted every 5 s; commit-to-reader latency, requests that
# reached the application, errors, against the application alone (bench/live_polling.py).
.PHONY: bench-live
bench-live: $(VENV)/.runtime edge-packages
	$(BIN)/python bench/live_polling.py $(BENCH_ARGS)

# The soak (issue 19): the demo site on PostgreSQL, Redis and Varnish under a steady mixed
# load (readers, commenters, an editor, wires) for MINUTES; memory, connections,
# descriptors and the queue every minute (bench/soak.py; figures in docs/reliability.md).
MINUTES ?= 30
.PHONY: bench-soak
bench-soak: $(VENV)/.runtime edge-packages
	$(BIN)/python bench/soak.py --minutes $(MINUTES) $(BENCH_ARGS)

# Kiosque on several hosts, on this machine (cluster/, deploy/cluster/README.md): two
# edges, two application hosts, two workers, a PostgreSQL primary and its hot standby and
# Redis, each in its own network namespace on 198.18.1.0/24 (namespaces kq-*). It needs
# root and says so otherwise; its data and logs go to CLUSTER_DIR. `make cluster-down`
# removes processes, namespaces, links, bridge and CLUSTER_DIR (safe to run twice).
CLUSTER_DIR ?= var/cluster
.PHONY: cluster cluster-down cluster-packages
cluster: $(VENV)/.runtime edge-packages cluster-packages
	$(BIN)/python -m cluster --dir $(CLUSTER_DIR) up

cluster-down:
	$(BIN)/python -m cluster --dir $(CLUSTER_DIR) down

# ip (iproute2), Redis and the PostgreSQL 15 server binaries, only when missing.
cluster-packages:
	@if ! command -v ip >/dev/null || ! command -v redis-server >/dev/null \
		|| ! command -v setpriv >/dev/null || ! [ -x /usr/lib/postgresql/15/bin/postgres ]; then \
		$(SUDO) apt-get update && $(SUDO) apt-get install -y iproute2 redis-server util-linux postgresql-15; \
	fi

# Five failures under a load of readers, commenters, an editor and agency wires, one after
# the other: an application host, an edge, Redis (30 s), a worker in the middle of a task,
# the PostgreSQL primary (then the standby promoted and the hosts pointed at it). Prints a
# table per drill (reader errors, longest interruption, comments lost, duplicated
# publications, replica lag), also as JSON in var/cluster-drill/; exits non-zero when a
# write was lost or published twice or a check failed. Uses the cluster running in
# CLUSTER_DIR, else starts one and removes it at the end (DRILL_ARGS=--keep leaves it).
.PHONY: cluster-drill
cluster-drill: $(VENV)/.runtime edge-packages cluster-packages
	$(BIN)/python -m cluster.drill --dir $(CLUSTER_DIR) $(DRILL_ARGS)

# Two commands that work on a fresh Debian/Ubuntu machine (see README):
#   make run    set everything up and start the review UI with sample documents
#   make test   set everything up and run the test suite
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 5000
# Parallel tests with pytest-xdist (in the dev extra): `make test TEST_WORKERS=4`, or TEST_WORKERS=0 for one process.
TEST_WORKERS ?= auto
PARALLEL = $$($(PY) -c 'import xdist' 2>/dev/null && [ "$(TEST_WORKERS)" != 0 ] && \
	printf '%s' '-n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder')

.PHONY: setup system-deps run test test-fast test-time scan-samples lint doctor server-install screenshots

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@touch $@

# Tesseract (OCR, Indonesian) and poppler-utils (pdftotext, used to verify redactions).
# Installed with apt where we are root on Debian/Ubuntu; elsewhere the README says what to do.
system-deps:
	@sh scripts/system-deps.sh

scan-samples: setup
	$(VENV)/bin/reviewer scan samples/

# Demo mode: embedded SQLite in instance/demo, the sample documents loaded, demo logins printed.
run: setup system-deps
	-@$(VENV)/bin/reviewer doctor --skip database --instance instance/demo
	$(VENV)/bin/reviewer demo --host $(HOST) --port $(PORT)

test: setup system-deps
	$(PY) -m pytest $(PARALLEL)

# While you work: everything except the tests marked slow (browser, training, batch, fault, deploy tests and
# those listed in tests/conftest.py). CI runs `make test`, the whole suite.
test-fast: setup
	$(PY) -m pytest $(PARALLEL) -m "not slow"

# The suite's wall time on this machine (run it when the machine is otherwise idle); see the script.
test-time: setup system-deps
	sh benchmarks/test_suite_time.sh

lint: setup
	$(VENV)/bin/ruff check reviewer webui tests
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

# Check that everything the reviewer needs is in place (programs, packages, models, database, folders).
doctor: setup
	$(VENV)/bin/reviewer doctor

# Office server on a fresh Debian/Ubuntu machine (root): PostgreSQL, systemd units, backups; see
# docs/pemasangan-server.md. ARGS="--staging" (no HTTPS yet) or ARGS="--https ppid.example.go.id".
server-install:
	sh deploy/install-debian.sh $(ARGS)

# Retake the pictures of the guides (docs/img) with the real UI in headless Chromium (Debian's chromium).
screenshots: setup
	@sh scripts/ci-chromium.sh
	REVIEWER_DOCS_SCREENSHOTS=docs/img $(PY) -m pytest tests/test_docs_screenshots.py -q

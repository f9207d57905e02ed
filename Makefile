# Two commands that work on a fresh Debian/Ubuntu machine (see README):
#   make run    set everything up and start the review UI with sample documents
#   make test   set everything up and run the test suite
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: setup system-deps run test scan-samples lint

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
	$(VENV)/bin/reviewer demo --host $(HOST) --port $(PORT)

test: setup system-deps
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check reviewer webui tests
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

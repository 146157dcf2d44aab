# Telaah: two commands do everything on a fresh machine with Python >= 3.11 and make.
#   make report   set up, run every notebook on the sample corpus, write HTML to reports/
#   make test     set up, lint (ruff), run the whole test suite (notebooks included)
#   make lab      set up, open JupyterLab in notebooks/ (as root too, e.g. in Docker)
#   make notebooks  write the learner notebooks from the solution notebooks (both editions)
#   make lock     re-pin requirements.lock to the newest versions pyproject.toml allows (then run make test)
#
# Set-up installs the exact versions in requirements.lock (the versions the test suite passed
# with), so two classrooms a year apart get the same numbers.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.telaah-installed
LOCK   := requirements.lock

.PHONY: setup test lint report lab notebooks lock bench clean

setup: $(STAMP)

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Telaah needs Python >= 3.11; found " + sys.version.split()[0] + ". Run: make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml $(LOCK) | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --constraint $(LOCK) -e ".[dev]"
	@touch $(STAMP)

lint: setup
	$(BIN)/ruff check .

test: lint
	$(BIN)/python -m pytest

report: setup
	$(BIN)/telaah report data/jepang-rusia.txt --out reports/sample
	$(BIN)/telaah notebooks --html-dir reports
	@echo "Reports written to $(CURDIR)/reports/: open reports/index.html"
	@echo "  the sample report: reports/sample/report.html (charts in reports/sample/figures/, tables in reports/sample/tables/)"

# As root (a Docker classroom), JupyterLab needs --allow-root; elsewhere it must not be given.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root,)

lab: setup
	$(BIN)/jupyter lab notebooks $(ALLOW_ROOT)

# The solution notebooks are the source; the learner notebooks (notebooks/*.ipynb, notebooks/id/*.ipynb)
# are generated from them, and a test fails when a committed one differs.
notebooks: setup
	$(BIN)/telaah notebooks --learner

lock: | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet "pip-tools>=7.4"
	$(BIN)/pip-compile --quiet --upgrade --extra dev --strip-extras --no-emit-index-url --no-emit-find-links --output-file $(LOCK) pyproject.toml
	@echo "$(LOCK) re-pinned: run make test before committing it"

bench: setup
	@echo "Benchmarks take corpus paths as arguments; see bench/README.md"

clean:
	rm -rf reports .pytest_cache .hypothesis

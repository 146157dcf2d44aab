# Telaah: two commands do everything on a fresh machine with Python >= 3.11 and make.
#   make report   set up, run every notebook on the sample corpus, write HTML to reports/
#   make test     set up, run the whole test suite (notebooks included)
#   make lab      set up, open JupyterLab in notebooks/

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.telaah-installed

.PHONY: setup test report lab bench clean

setup: $(STAMP)

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Telaah needs Python >= 3.11; found " + sys.version.split()[0] + ". Run: make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

test: setup
	$(BIN)/python -m pytest

report: setup
	$(BIN)/telaah report data/jepang-rusia.txt --out reports/sample
	$(BIN)/telaah notebooks --html-dir reports
	@echo "Reports written to $(CURDIR)/reports/: open reports/index.html"
	@echo "  the sample report: reports/sample/report.html (charts in reports/sample/figures/, tables in reports/sample/tables/)"

lab: setup
	$(BIN)/jupyter lab notebooks

bench: setup
	@echo "Benchmarks take corpus paths as arguments; see bench/README.md"

clean:
	rm -rf reports .pytest_cache .hypothesis

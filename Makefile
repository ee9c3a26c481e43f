# The two commands of the README. Both install the pinned dependencies into .venv first.
PYTHON ?= python3
VENV := .venv
ENGINE ?= duckdb

.PHONY: demo test

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -r requirements.txt
	touch $@

demo: $(VENV)/.installed
	$(VENV)/bin/python -m tooling.cli demo

test: $(VENV)/.installed
	$(VENV)/bin/python -m tooling.cli test --engine $(ENGINE)

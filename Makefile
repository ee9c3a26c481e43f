# The two commands of the README. Both install the pinned dependencies into .venv first;
# `make test ENGINE=postgres|spark|all` also installs the adapters of requirements-engines.txt.
PYTHON ?= python3
VENV := .venv
ENGINE ?= duckdb
ENGINE_ADAPTERS := $(if $(filter duckdb,$(ENGINE)),,$(VENV)/.engines-installed)

.PHONY: demo test

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.engines-installed: $(VENV)/.installed requirements-engines.txt
	$(VENV)/bin/python -m pip install --quiet -r requirements-engines.txt
	touch $@

demo: $(VENV)/.installed
	$(VENV)/bin/python -m tooling.cli demo

test: $(VENV)/.installed $(ENGINE_ADAPTERS)
	$(VENV)/bin/python -m tooling.cli test --engine $(ENGINE)

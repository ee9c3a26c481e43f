# The commands of the README (`alerts` reads the latest build; it installs nothing and
# exits 1 when there is an alert, 2 when there is no build to read). Both install the pinned dependencies into .venv first;
# `make test` also the test-only ones of requirements-test.txt, and
# `make test ENGINE=postgres|spark|all` the adapters of requirements-engines.txt.
PYTHON ?= python3
VENV := .venv
ENGINE ?= duckdb
ENGINE_ADAPTERS := $(if $(filter duckdb,$(ENGINE)),,$(VENV)/.engines-installed)

.PHONY: demo test alerts

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed requirements-test.txt
	$(VENV)/bin/python -m pip install --quiet -r requirements-test.txt
	touch $@

$(VENV)/.engines-installed: $(VENV)/.installed requirements-engines.txt
	$(VENV)/bin/python -m pip install --quiet -r requirements-engines.txt
	touch $@

demo: $(VENV)/.installed
	$(VENV)/bin/python -m tooling.cli demo

test: $(VENV)/.test-installed $(ENGINE_ADAPTERS)
	$(VENV)/bin/python -m tooling.cli test --engine $(ENGINE)

alerts:
	$(VENV)/bin/python -m tooling.cli alerts

# The commands of the README. All install the pinned dependencies into .venv first:
#   demo        build the demo from scratch on DuckDB and print the North Star
#   dashboard   serve the dashboard on 127.0.0.1 (NORTH_STAR_DASHBOARD_PORT, default 8501),
#               building the marts first when they are missing
#   screenshot  the dashboard's North Star page as docs/images/north_star_dashboard.png
#   test        the whole suite, with the test-only dependencies of requirements-test.txt;
#               `make test ENGINE=postgres|spark|all` also installs the adapters of
#               requirements-engines.txt
#   alerts      the latest day's anomalies from the latest build; installs nothing, exits 1
#               when there is an alert and 2 when there is no build to read
# `test` and `screenshot` need Debian's chromium: installed when missing (as root), else
# the browser tests are skipped.
PYTHON ?= python3
VENV := .venv
ENGINE ?= duckdb
ENGINE_ADAPTERS := $(if $(filter duckdb,$(ENGINE)),,$(VENV)/.engines-installed)
SCREENSHOT := docs/images/north_star_dashboard.png

.PHONY: demo dashboard screenshot test alerts chromium

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed requirements-test.txt
	$(VENV)/bin/python -m pip install --quiet -r requirements-test.txt
	touch $@

$(VENV)/.dashboard-installed: $(VENV)/.installed dashboard/requirements.txt
	$(VENV)/bin/python -m pip install --quiet -r dashboard/requirements.txt
	touch $@

$(VENV)/.engines-installed: $(VENV)/.installed requirements-engines.txt
	$(VENV)/bin/python -m pip install --quiet -r requirements-engines.txt
	touch $@

chromium: $(VENV)/.dashboard-installed
	$(VENV)/bin/python -m tooling.browser install

demo: $(VENV)/.installed
	$(VENV)/bin/python -m tooling.cli demo

dashboard: $(VENV)/.dashboard-installed
	$(VENV)/bin/python -m tooling.cli dashboard

screenshot: chromium
	$(VENV)/bin/python -m tooling.browser screenshot $(SCREENSHOT)

test: $(VENV)/.test-installed $(VENV)/.dashboard-installed $(ENGINE_ADAPTERS) chromium
	$(VENV)/bin/python -m tooling.cli test --engine $(ENGINE)

alerts:
	$(VENV)/bin/python -m tooling.cli alerts

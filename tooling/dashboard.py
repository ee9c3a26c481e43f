"""The North Star dashboard (dashboard/app.py, Streamlit) served on 127.0.0.1.

    python -m tooling.cli dashboard [--port 8501]     # what `make dashboard` runs

reads the marts where dbt builds them (the profile's env vars: NORTH_STAR_TARGET,
NORTH_STAR_DUCKDB_PATH, NORTH_STAR_PG_*), builds them first when any the pages read is
missing (`dbt build --full-refresh`, the demo data on DuckDB), prints the address and
serves until Ctrl-C. Streamlit runs in dashboard/, so it reads
dashboard/.streamlit/config.toml: no usage statistics, the loopback address only.

`running_dashboard()` serves it for the browser tests and `make screenshot`.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

from tooling.dbt_runner import ROOT, build_summary, dbt_env, resolve_mode, run_dbt

DASHBOARD_DIR = ROOT / "dashboard"
DEFAULT_PORT = 8501
# What the pages read (the exposures in models/marts/_marts__exposures.yml). The
# experiment readouts are optional: their page says when they are not built.
RELATIONS_READ = (
    "fct_north_star_daily", "fct_north_star_weekly", "fct_north_star_metrics_daily",
    "fct_north_star_growth_accounting", "fct_organization_north_star_daily",
    "fct_organization_growth_accounting", "dim_organizations", "int_north_star__run_manifest",
    "audit_event_reconciliation", "audit_quarantined_events", "audit_late_events",
    "audit_unmapped_event_names", "fct_north_star_experiment_results",
)
STARTUP_SECONDS = 90


def _warehouse(env: dict):
    if str(DASHBOARD_DIR) not in sys.path:
        sys.path.insert(0, str(DASHBOARD_DIR))
    from north_star_dashboard.warehouse import Warehouse

    return Warehouse.from_env(env)


def missing_relations(env: dict) -> list[str]:
    """The relations the pages read that the warehouse of `env` does not hold (all of
    them when it cannot be read at all)."""
    warehouse = _warehouse(env)
    from north_star_dashboard.warehouse import WarehouseError

    try:
        return [name for name in RELATIONS_READ if not warehouse.relation_exists(name)]
    except WarehouseError:
        return list(RELATIONS_READ)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def streamlit_command(port: int) -> list[str]:
    return [sys.executable, "-m", "streamlit", "run", "app.py",
            "--server.address", "127.0.0.1", "--server.port", str(port)]


def _wait_until_healthy(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the dashboard exited (status {server.returncode}) before it served")
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        time.sleep(0.3)
    raise RuntimeError(f"the dashboard did not answer on {url} within {STARTUP_SECONDS} s")


@contextlib.contextmanager
def running_dashboard(env: dict, port: int | None = None, log: Path | None = None) -> Iterator[str]:
    """The dashboard served on 127.0.0.1 with `env` (the warehouse settings) for the
    block; yields its address. Streamlit's output goes to `log` (default: discarded)."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    with contextlib.ExitStack() as stack:
        output = stack.enter_context(open(log, "w")) if log else subprocess.DEVNULL
        server = subprocess.Popen(streamlit_command(port), cwd=DASHBOARD_DIR, env=env,
                                  stdout=output, stderr=subprocess.STDOUT)
        try:
            _wait_until_healthy(url, server)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def ensure_built(env: dict) -> bool:
    """Builds the marts when the dashboard would miss one; whether they are all there."""
    missing = missing_relations(env)
    if missing:
        mode = resolve_mode()
        lacks = "holds no build yet" if len(missing) == len(RELATIONS_READ) else f"lacks {', '.join(missing)}"
        print(f"north_star: {_warehouse(env).describe()} {lacks}: building the marts (dbt build "
              f"--full-refresh; its log: {mode.project_dir / 'logs' / 'dbt.log'})", flush=True)
        # A failing data test still leaves the marts built: what counts is what is there.
        run_dbt(mode, ["build", "--full-refresh", "--log-level", "warn"], env=env)
        print(f"north_star: dbt build {build_summary(mode.project_dir / 'target' / 'run_results.json')}")
        missing = missing_relations(env)
    if missing:
        print(f"north_star: still missing {', '.join(missing)} (see dbt's output above); "
              "the dashboard needs them.")
    return not missing


def serve(port: int) -> int:
    env = dbt_env()
    if not ensure_built(env):
        return 1
    url = f"http://127.0.0.1:{port}"
    print(f"\nNorth Star dashboard: {url}\n  reading {_warehouse(env).describe()}\n"
          "  pages: North Star, Growth, Organizations, Experiments, Data quality\n"
          "  Ctrl-C stops it.\n", flush=True)
    server = subprocess.Popen(streamlit_command(port), cwd=DASHBOARD_DIR, env=env)
    try:
        return server.wait()
    except KeyboardInterrupt:
        server.terminate()
        return server.wait()


def default_port() -> int:
    return int(os.environ.get("NORTH_STAR_DASHBOARD_PORT", DEFAULT_PORT))

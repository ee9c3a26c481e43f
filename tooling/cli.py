"""The project's commands: `demo` (build the demo and show the NSM), `test` (the suite),
`alerts` (the latest day's anomalies, for a scheduler), `dashboard` (serve the dashboard)
and `mf` (MetricFlow queries of the semantic layer).

    python -m tooling.cli demo
    python -m tooling.cli test [--engine duckdb|postgres|spark|all]
    python -m tooling.cli alerts      # exit 0: none, 1: alerts printed, 2: cannot read the build
    python -m tooling.cli dashboard [--port 8501]
    python -m tooling.cli mf -- query --saved-query north_star_weekly_review
    python -m tooling.cli dbt -- <any dbt arguments>

`--vars` given to `dbt` are merged with the mode's own vars into the one `--vars` dbt
reads (tooling.dbt_runner.merge_vars_args); the user's keys win.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tooling import dashboard
from tooling.alerts import report_alerts
from tooling.dbt_runner import (ROOT, DbtVarsError, build_summary, dbt_env, export_mode, resolve_mode,
                                run_dbt)
from tooling.engines import expand_engines
from tooling.show_latest import show_latest


def demo() -> int:
    """The demo built from scratch; dbt shows only its warnings and errors (its whole log
    is in <project>/logs/dbt.log), then the results, read from the marts."""
    mode = resolve_mode()
    log = mode.project_dir / "logs" / "dbt.log"
    print(f"north_star: building the demo on DuckDB with dbt (dbt build --full-refresh; its log: {log})",
          flush=True)
    built = run_dbt(mode, ["build", "--full-refresh", "--log-level", "warn"])
    print(f"north_star: dbt build {build_summary(mode.project_dir / 'target' / 'run_results.json')}")
    if built.returncode != 0:
        print("north_star: dbt build failed (see above).")
        return 1
    show_latest(dbt_env()["NORTH_STAR_DUCKDB_PATH"],
                dashboard_url=f"http://127.0.0.1:{dashboard.default_port()}")
    return 0


def metricflow(args: list[str]) -> int:
    """`mf args` on the project of the current mode, after a `dbt parse` that writes the
    semantic manifest mf reads (target/semantic_manifest.json of that project)."""
    mode = resolve_mode()
    if run_dbt(mode, ["parse", "--quiet"]).returncode != 0:
        print("north_star: dbt parse failed (see above); mf needs its semantic manifest.")
        return 1
    env = dbt_env({"DBT_PROJECT_DIR": str(mode.project_dir), "DBT_PROFILES_DIR": str(ROOT)})
    return subprocess.run([sys.executable, "-m", "tooling.semantic_layer", *args], cwd=ROOT, env=env).returncode


def lint(mode) -> int:
    """sqlfluff on the SQL as a first build renders it: against an empty database, so the
    result does not depend on what an earlier build left behind."""
    with tempfile.TemporaryDirectory() as scratch:
        env = dbt_env({"DBT_PROJECT_DIR": str(mode.project_dir), "DBT_PROFILES_DIR": str(ROOT),
                       "NORTH_STAR_DUCKDB_PATH": str(Path(scratch) / "lint.duckdb")})
        command = [sys.executable, "-m", "sqlfluff", "lint", "models", "analyses", "tests"]
        return subprocess.run(command, cwd=mode.project_dir, env=env).returncode


def pytest_suite(engine: str) -> int:
    command = [sys.executable, "-m", "pytest", "tests", "-q", f"--engine={engine}",
               "-n", os.environ.get("NORTH_STAR_PYTEST_WORKERS", "2"), "--dist", "loadgroup", "--durations=10"]
    return subprocess.run(command, cwd=ROOT, env=dbt_env()).returncode


def build_on_engines(engines: list[str]) -> int:
    """dbt build on each engine, then the marts compared row by row (DuckDB is the reference)."""
    command = [sys.executable, "-m", "tooling.compare_engines", "--engines", *engines]
    return subprocess.run(command, cwd=ROOT, env=dbt_env()).returncode


def test(engine: str) -> int:
    mode = resolve_mode()
    export_mode(mode)
    engines = expand_engines(engine)
    if engines == ["duckdb"]:
        build_name, build = ("dbt build (models, data tests, unit tests) on DuckDB",
                             lambda: run_dbt(mode, ["build", "--full-refresh"]).returncode)
    else:
        compared = ["duckdb", *[name for name in engines if name != "duckdb"]]
        build_name, build = (f"dbt build (models, data tests; unit tests but on Spark) on {', '.join(compared)}; "
                             "marts compared across engines", lambda: build_on_engines(compared))
    steps = {
        build_name: build,
        f"pytest (scenarios on {', '.join(engines)})": lambda: pytest_suite(engine),
        "sqlfluff lint": lambda: lint(mode),
        "dbt docs generate": lambda: run_dbt(mode, ["docs", "generate"]).returncode,
    }
    results, seconds = {}, {}
    for name, step in steps.items():
        print(f"\n=== {name}", flush=True)
        began = time.monotonic()
        results[name] = step()
        seconds[name] = time.monotonic() - began
    print("\n=== summary")
    for name, code in results.items():
        print(f"{'ok    ' if code == 0 else 'FAILED'}  {seconds[name]:6.0f} s  {name}")
    failed = sum(1 for code in results.values() if code != 0)
    print(f"steps: {len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="north_star", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("demo", help="build everything on DuckDB with the demo data and print the NSM")
    test_parser = commands.add_parser("test", help="run the whole suite; non-zero exit on any failure")
    test_parser.add_argument("--engine", default=os.environ.get("NORTH_STAR_ENGINE", "duckdb"),
                             choices=["duckdb", "postgres", "spark", "all"])
    commands.add_parser("alerts", help="print the latest day's anomaly alerts from the DuckDB build "
                                       "(NORTH_STAR_DUCKDB_PATH); exit 1 when there is one")
    dashboard_parser = commands.add_parser("dashboard", help="serve the dashboard on 127.0.0.1, "
                                                             "building the marts first if missing")
    dashboard_parser.add_argument("--port", type=int, default=dashboard.default_port())
    mf_parser = commands.add_parser("mf", help="MetricFlow's mf on the semantic layer (after a dbt parse)")
    mf_parser.add_argument("args", nargs=argparse.REMAINDER)
    dbt_parser = commands.add_parser("dbt", help="run dbt in the right mode (normal or air-gapped)")
    dbt_parser.add_argument("args", nargs=argparse.REMAINDER)
    options = parser.parse_args(argv)
    if options.command == "demo":
        return demo()
    if options.command == "test":
        return test(options.engine)
    if options.command == "alerts":
        return report_alerts(dbt_env()["NORTH_STAR_DUCKDB_PATH"])
    if options.command == "dashboard":
        return dashboard.serve(options.port)
    args = [arg for arg in options.args if arg != "--"]
    if options.command == "mf":
        return metricflow(args)
    try:
        return run_dbt(resolve_mode(), args).returncode
    except DbtVarsError as error:
        # A usage error, not a crash: one line, no traceback.
        print(f"north_star: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

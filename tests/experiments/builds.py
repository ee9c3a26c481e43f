"""One build of the experiment readout per engine, over the generated experiments.

The experiments seed is replaced through its var (`north_star_experiments`), as a user
replaces it, and the test data are seeds too, so every engine loads them the same way:
each build gets a project folder of its own, the project's files linked in, with
`seeds/experiment_fixtures/` (events, assignment export, experiments, the grid the
statistical functions are checked on) and `models/experiment_fixtures/` (the functions
evaluated on that grid; on DuckDB, also the wrong variants of the experiment marts that
test_experiment_readout must tell apart). Then `dbt seed`, `dbt build` of the models the
readout needs, and `dbt test` of the experiment models' data tests on these data (their
unit tests do not read the data: the demo build of `make test` runs them on every
engine), and the results are read back: directly on DuckDB, through psycopg2 on PostgreSQL, and on Spark
by a pyspark process of its own after dbt has exited (tests/scenarios/spark_io.py).
"""

from __future__ import annotations

import csv
import os
import pickle
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

from tests.scenarios.backends import (SPARK_BUILD_VARS, SPARK_DRIVER_MEMORY, SPARK_JAVA_TOOL_OPTIONS,
                                      PostgresTarget, postgres_connect)
from tests.scenarios.harness import DbtBuildError
from tooling.dbt_runner import OVERLAY_SKIPPED, DbtMode, resolve_mode, run_dbt

from .experiment_data import EXPERIMENTS_HEADER, ExperimentData
from .mutants import write_mutants

ROOT = Path(__file__).resolve().parents[2]
SPARK_IO = ROOT / "tests" / "scenarios" / "spark_io.py"
FIXTURE_SEEDS = ("exp_events", "exp_assignments", "exp_experiments", "exp_stat_grid")
PACKAGE_SEEDS = ("north_star_event_mapping", "north_star_metric_tree")
READOUT = ("fct_north_star_experiment_results", "audit_excluded_experiment_assignments",
           "audit_experiment_assignment_reconciliation", "exp_stat_functions")
TESTED = ("int_experiments", "int_experiment_assignments_classified", "fct_north_star_experiment_units",
          "fct_north_star_experiment_results", "audit_excluded_experiment_assignments",
          "audit_experiment_assignment_reconciliation")
UNIT_COLUMNS = ("experiment_id", "unit_type", "variant", "is_control", "unit_id", "assigned_at",
                "assigned_date", "horizon_end_date", "is_horizon_complete",
                "weekly_learning_user_days", "broadcasted_learnings", "learning_consumers", "active_days",
                "activated_days", "weekly_learning_user_days_pre_period", "broadcasted_learnings_pre_period",
                "learning_consumers_pre_period", "active_days_pre_period", "activated_days_pre_period")
RESULT_COLUMNS = ("experiment_id", "unit_type", "metric_name", "tree_metric_name", "is_target_metric",
                  "variant", "control_variant", "owner_team", "units", "control_units", "mean",
                  "control_mean", "absolute_lift", "relative_lift", "relative_lift_ci_lower",
                  "relative_lift_ci_upper", "p_value", "cuped_theta", "cuped_relative_lift",
                  "cuped_relative_lift_ci_lower", "cuped_relative_lift_ci_upper", "cuped_p_value",
                  "srm_p_value", "is_significant")
QUERIES = {
    "units": f"select {', '.join(UNIT_COLUMNS)} from {{schema}}.fct_north_star_experiment_units",
    "results": f"select {', '.join(RESULT_COLUMNS)} from {{schema}}.fct_north_star_experiment_results",
    "excluded": "select experiment_id, variant, unit_id, assigned_at, exclusion_reason "
                "from {schema}.audit_excluded_experiment_assignments",
    "reconciliation": "select experiment_id, raw_rows, used_rows, units, repeated_assignment_rows, "
                      "excluded_rows, unaccounted_rows, is_reconciled "
                      "from {schema}.audit_experiment_assignment_reconciliation",
    "functions": "select x, df, erfc, normal_cdf, chi_square_sf from {schema}.exp_stat_functions",
}

STAT_FUNCTIONS_SQL = """
select
    x,
    df,
    {{ north_star_erfc('x') }} as erfc,
    {{ north_star_normal_cdf('x') }} as normal_cdf,
    {{ north_star_chi_square_sf('x', 'df') }} as chi_square_sf
from {{ ref('exp_stat_grid') }}
"""


@dataclass
class ExperimentBuild:
    engine: str
    units: list[dict]
    results: list[dict]
    excluded: list[dict]
    reconciliation: list[dict]
    functions: list[dict]
    mutants: dict                 # mutant name -> its rows (DuckDB builds only)


def stat_grid() -> list[tuple]:
    """(x, df): x over ±30 for erfc and Φ (df empty), then x ≥ 0 for each df from 1 to 50."""
    rows = [(round(-30 + i * 0.05, 2), None) for i in range(1201)]
    rows += [(x, None) for x in (-1.4999999, 1.4999999, 1.5000001, -25.9999, 25.9999, 1e-300, -3e-6, 9.9e-6, 1.01e-5)]
    xs = [0.0, 1e-6, 1e-3, 0.1, 0.5, 1, 2, 3.84, 5, 10, 20, 35, 50, 80, 120, 200, 350, 600, 1000, 1500]
    rows += [(float(x), df) for df in range(1, 51) for x in xs]
    return rows


def _write_csv(path: Path, header, rows) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if value is None else
                             value.isoformat(sep=" ") if hasattr(value, "isoformat") else value
                             for value in row])


def _seed_properties(engine: str) -> str:
    text = "string" if engine == "spark" else "varchar"
    double = "double" if engine == "spark" else "double precision"
    columns = {
        "exp_events": {"event_id": text, "event_time": "timestamp", "user_id": text, "org_id": text,
                       "event_name": text, "learning_id": text, "learning_type": text},
        "exp_assignments": {"experiment_id": text, "variant": text, "unit_id": text,
                            "assigned_at": "timestamp"},
        "exp_experiments": {**{name: text for name in EXPERIMENTS_HEADER}, "horizon_days": "integer"},
        "exp_stat_grid": {"x": double, "df": "integer"},
    }
    lines = ["seeds:"]
    for seed, types in columns.items():
        lines += [f"  - name: {seed}", "    description: Test fixture.", "    config:",
                  "      column_types:"]
        lines += [f"        {name}: {kind}" for name, kind in types.items()]
    return "\n".join(lines) + "\n"


def _link_tree(source: Path, target: Path) -> None:
    """`target` as real folders holding links to `source`'s files: dbt follows a linked
    project folder, not linked folders inside it."""
    target.mkdir()
    for entry in source.iterdir():
        if entry.is_dir():
            _link_tree(entry, target / entry.name)
        else:
            (target / entry.name).symlink_to(entry)


def make_project(folder: Path, mode: DbtMode, data: ExperimentData, engine: str,
                 experiments: list[tuple] | None = None, with_mutants: bool = False) -> DbtMode:
    """A project folder whose entries link to the project's (as the air-gapped overlay
    does), with the fixture seeds and models added."""
    folder.mkdir(parents=True)
    real = {"seeds", "models", "macros"}
    for entry in mode.project_dir.iterdir():
        if entry.name not in OVERLAY_SKIPPED and entry.name not in real:
            (folder / entry.name).symlink_to(entry.resolve())
    (folder / "packages.yml").write_text("packages: []\n")
    for name in real:
        _link_tree(ROOT / name, folder / name)
    seeds = folder / "seeds" / "experiment_fixtures"
    seeds.mkdir()
    _write_csv(seeds / "exp_events.csv", ("event_id", "event_time", "user_id", "org_id", "event_name",
                                           "learning_id", "learning_type"),
               [event.as_tuple() for event in data.events])
    _write_csv(seeds / "exp_assignments.csv", ("experiment_id", "variant", "unit_id", "assigned_at"),
               data.assignments)
    _write_csv(seeds / "exp_experiments.csv", EXPERIMENTS_HEADER,
               data.experiments if experiments is None else experiments)
    _write_csv(seeds / "exp_stat_grid.csv", ("x", "df"), stat_grid())
    (seeds / "_experiment_fixtures__seeds.yml").write_text(_seed_properties(engine))
    models = folder / "models" / "experiment_fixtures"
    models.mkdir()
    (models / "exp_stat_functions.sql").write_text(STAT_FUNCTIONS_SQL)
    if with_mutants:
        write_mutants(models, folder / "macros" / "experiment_fixtures")
    return DbtMode(folder, True, {"north_star_package_tests": False})


DBT_VARS = {
    "north_star_events_table": "exp_events",
    "north_star_experiment_assignments_table": "exp_assignments",
    "north_star_experiments": "exp_experiments",
    "north_star_max_future_hours": None,
}


def run(mode: DbtMode, workdir: Path, env: dict, engine: str, *args: str, dbt_vars: dict | None = None):
    result = run_dbt(mode, [*args, "--log-path", str(workdir / "logs")],
                     dbt_vars={**DBT_VARS, **(SPARK_BUILD_VARS if engine == "spark" else {}), **(dbt_vars or {})},
                     env=env,
                     target_path=workdir / "target", capture=True)
    (workdir / f"dbt_{args[0]}.log").write_text((result.stdout or "") + (result.stderr or ""))
    return result


def build(mode: DbtMode, workdir: Path, env: dict, engine: str, extra_models: tuple[str, ...] = ()) -> None:
    steps = [
        ("seed", "--select", " ".join((*FIXTURE_SEEDS, *PACKAGE_SEEDS))),
        ("build", "--select", " ".join(f"+{model}" for model in (*READOUT, *extra_models)),
         "--resource-type", "model"),
        ("test", "--select", " ".join(TESTED), "--exclude-resource-type", "unit_test"),
    ]
    for step in steps:
        result = run(mode, workdir, env, engine, *step)
        if result.returncode != 0:
            tail = "\n".join((result.stdout or "").splitlines()[-60:])
            raise DbtBuildError(f"dbt {step[0]} failed on {engine}; log in {workdir}:\n{tail}")


def engine_env(engine: str, workdir: Path, postgres: PostgresTarget | None) -> tuple[dict, str]:
    """dbt's environment for the engine, and the schema the build writes to."""
    if engine == "duckdb":
        return {"NORTH_STAR_TARGET": "duckdb", "NORTH_STAR_DUCKDB_PATH": str(workdir / "build.duckdb"),
                "NORTH_STAR_DUCKDB_TEMP_DIR": str(workdir / "duckdb_tmp")}, "main"
    if engine == "postgres":
        schema = f"experiments{postgres.schema_suffix}"
        postgres.created.append(schema)
        return {**postgres.env, "NORTH_STAR_TARGET": "postgres", "NORTH_STAR_PG_SCHEMA": schema}, schema
    from tooling.engines import spark_env

    return {**spark_env(workdir),
            "NORTH_STAR_SPARK_DRIVER_MEMORY": os.environ.get("NORTH_STAR_SPARK_DRIVER_MEMORY", SPARK_DRIVER_MEMORY),
            "JAVA_TOOL_OPTIONS": os.environ.get("JAVA_TOOL_OPTIONS", SPARK_JAVA_TOOL_OPTIONS)}, \
        os.environ.get("NORTH_STAR_SPARK_SCHEMA", "north_star")


def read(engine: str, workdir: Path, env: dict, schema: str, queries: dict[str, str]) -> dict[str, list[dict]]:
    """Each query's rows as dicts, with the drivers' values."""
    sql = {name: query.format(schema=schema) for name, query in queries.items()}
    if engine == "duckdb":
        with duckdb.connect(env["NORTH_STAR_DUCKDB_PATH"], read_only=True) as connection:
            return {name: _dicts(connection.execute(query)) for name, query in sql.items()}
    if engine == "postgres":
        connection = postgres_connect(env)
        try:
            with connection.cursor() as cursor:
                rows = {}
                for name, query in sql.items():
                    cursor.execute(query)
                    rows[name] = _dicts(cursor)
                return rows
        finally:
            connection.close()
    queries_file, out = workdir / "queries.pickle", workdir / "rows.pickle"
    queries_file.write_bytes(pickle.dumps(sql))
    completed = subprocess.run([sys.executable, str(SPARK_IO), "query", env["NORTH_STAR_SPARK_DIR"],
                                str(queries_file), str(out)],
                               env={**os.environ, **env}, cwd=workdir, capture_output=True, text=True)
    if completed.returncode != 0:
        raise DbtBuildError(f"spark_io.py query failed:\n{completed.stdout[-3000:]}{completed.stderr[-3000:]}")
    return pickle.loads(out.read_bytes())


def _dicts(cursor) -> list[dict]:
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def build_and_read(engine: str, workdir: Path, data: ExperimentData,
                   postgres: PostgresTarget | None) -> ExperimentBuild:
    workdir.mkdir(parents=True, exist_ok=True)
    with_mutants = engine == "duckdb"
    mode = make_project(workdir / "project", resolve_mode(quiet=True), data, engine, with_mutants=with_mutants)
    env, schema = engine_env(engine, workdir, postgres)
    from .mutants import MUTANTS

    mutant_models = tuple(f"mutant__{name}" for name in MUTANTS) if with_mutants else ()
    build(mode, workdir, env, engine, mutant_models)
    queries = dict(QUERIES)
    for model in mutant_models:
        columns = UNIT_COLUMNS if MUTANTS[model.removeprefix("mutant__")].model.endswith("units") else RESULT_COLUMNS
        queries[model] = f"select {', '.join(columns)} from {{schema}}.{model}"
    rows = read(engine, workdir, env, schema, queries)
    return ExperimentBuild(engine, rows["units"], rows["results"], rows["excluded"], rows["reconciliation"],
                           rows["functions"], {model.removeprefix("mutant__"): rows[model]
                                               for model in mutant_models})

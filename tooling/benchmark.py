"""Benchmark the north_star models on synthetic events against a single-query lower bound.

For each --events N: generate about N raw events (tooling.generate_events) over one year
(--days D: D days) into a fresh DuckDB file under target/bench/ (--reuse: keep and reuse it),
stored in load order as a warehouse's append-only event table is, plus one more day held
back, then for each --engine (duckdb, the default, and/or postgres: give it twice for both
rows from one run) and for each --window W:

1. full build: `dbt run --full-refresh` of all models on the generated table (vars
   north_star_events_schema / north_star_events_table point the source at it; every seed
   but the demo events is loaded first: the event mapping, the metric tree, the experiments
   and the demo's few hundred experiment assignments, which the models read), timed as wall
   seconds and as the sum of the models' execution_time in run_results.json;
2. incremental day: the held-back day (every row whose loaded_at falls on it, including late
   arrivals for earlier days) is appended to the raw table and `dbt run` runs again. Until
   some model is materialized incrementally that run rebuilds everything, and the column
   says so; the appended rows are deleted again before the next build;
3. peak memory: on DuckDB the maximum resident set size of the dbt process
   (/usr/bin/time -v): dbt-duckdb runs DuckDB inside that process, so this is the engine's
   memory. On PostgreSQL the dbt process only sends SQL and the server does the work, so
   the peak RSS column holds the server's peak instead: the summed PSS (proportional set
   size) of the postmaster and its children, sampled every 0.1 s (tooling.benchmark_postgres;
   the lower bound's column likewise); `n/a` where /proc cannot be read;
4. top models: after each full and incremental run, the TOP_MODELS (8) models with the
   most execution_time (ties by name) are printed, one line each, and kept in results.json
   (`top_models` of each run; `models` has every model's seconds);
5. DuckDB's per-operator profile of the slowest model (DuckDB only): after the full build,
   the slowest model's compiled select (<target>/compiled/north_star/models/.../<model>.sql,
   which a full refresh compiles without its incremental filter) runs once more in a
   separate process on a read-only connection to the same database file (the dbt process
   has exited), with the same DuckDB settings and DuckDB's JSON profiler on, as
   `create temp table _bench_profile as <select>`: the write is included, though into
   DuckDB's temporary storage (memory, spilling to temp_directory), not the database file.
   Printed: the TOP_OPERATORS (10) operators with the most time (operator type, seconds,
   rows out, the table scanned or join condition) and the totals, the query's wall seconds
   and its operator seconds. Operator seconds add up each thread's time, so with several
   threads their total can exceed the wall time. The whole profile is kept in target/bench/
   (profile_<database>_w<window>.json) and its summary in results.json (`profile`).

PostgreSQL (--engine postgres): a throwaway local server (tooling.engines.postgres_server,
stopped and removed afterwards) receives raw.events and raw.events_next_day from the DuckDB
file, with the same columns and types, streamed as CSV through psycopg2's copy_expert, and
analyzed; dbt runs with the `postgres` target of profiles.yml; the held-back day is appended
and removed with the same insert and delete on the server. The server runs with its
defaults (initdb's shared_buffers and work_mem; results.json records them).

The lower bound is one query over the same raw table on the same engine, measured in the
same run: distinct active users per day, materialized as a table. On DuckDB it runs in a
separate process with the same DuckDB settings (threads, memory_limit, temp_directory), on
PostgreSQL in a connection of its own. Every ratio in the table is a figure divided by the
lower bound of its engine.

Usage: .venv/bin/python -m tooling.benchmark --events 1000000 [--events 10000000 ...]
           [--engine duckdb --engine postgres] [--window 7 --window 28] [--seed 1] [--keep]
Settings come from the same environment variables as profiles.yml: NORTH_STAR_THREADS,
NORTH_STAR_DUCKDB_MEMORY_LIMIT, NORTH_STAR_DUCKDB_MAX_TEMP, NORTH_STAR_DUCKDB_TEMP_DIR.
Results (with per-model seconds) are also written to target/bench/results.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

import duckdb

from tooling import generate_events
from tooling.benchmark_postgres import PostgresWarehouse, postgres_warehouse
from tooling.dbt_runner import DBT, ROOT, DbtMode, dbt_env, resolve_mode

BENCH = ROOT / "target" / "bench"
START = date(2025, 1, 1)
DAYS = 365  # default history of the base table; one more day is generated and held back
SCHEMA, TABLE, HELD_BACK = "raw", "events", "events_next_day"
TIME = "/usr/bin/time"
ENGINES = ("duckdb", "postgres")
TOP_MODELS = 8
TOP_OPERATORS = 10
DETAIL_CHARS = 60  # an operator's table or join condition is cut to this length
# Each engine's dbt target folder: its compiled SQL, manifest and run_results.json.
TARGET_PATHS = {"duckdb": BENCH / "dbt_target", "postgres": BENCH / "dbt_target_postgres"}


@dataclass
class Run:
    wall_seconds: float
    model_seconds: float
    peak_rss_bytes: int | None  # the engine's peak memory (see the module docstring); None: unmeasured
    models: dict = field(default_factory=dict)  # model name -> execution_time
    top_models: list = field(default_factory=list)  # (model name, execution_time), slowest first


@dataclass
class Operator:
    type: str
    seconds: float
    rows: int  # rows out
    detail: str  # the table it scans or the join condition, else ""


@dataclass
class OperatorProfile:
    """One query's DuckDB profile: its slowest operators and its totals."""
    model: str
    wall_seconds: float  # the query's latency
    operator_seconds: float  # every operator's time, each thread's added up (DuckDB's cpu_time)
    operators: list[Operator]  # the slowest TOP_OPERATORS, slowest first


@dataclass
class Row:
    engine: str
    events: int
    days: int
    window: int
    full: Run
    incremental: Run
    incremental_is_incremental: bool
    incremental_rows: int
    lower_bound_seconds: float
    lower_bound_rss_bytes: int | None
    load_average: float  # 1-minute load average before the full build: other work on the machine
    profile: OperatorProfile | None = None  # the slowest model of the full build, on DuckDB


def duckdb_settings() -> dict:
    """The settings profiles.yml gives DuckDB, read from the same environment variables."""
    return {
        "threads": int(os.environ.get("NORTH_STAR_THREADS", "2")),
        "memory_limit": os.environ.get("NORTH_STAR_DUCKDB_MEMORY_LIMIT", "12GB"),
        "max_temp_directory_size": os.environ.get("NORTH_STAR_DUCKDB_MAX_TEMP", "40GB"),
        "temp_directory": os.environ.get("NORTH_STAR_DUCKDB_TEMP_DIR", str(BENCH / "duckdb_tmp")),
    }


def timed(command: list[str], env: dict | None = None, cwd: Path | None = None) -> tuple[float, int, str]:
    """Runs a command under /usr/bin/time -v: wall seconds, peak RSS bytes, output."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        began = time.perf_counter()
        done = subprocess.run([TIME, "-v", "-o", report.name, *command], env=env, cwd=cwd,
                              capture_output=True, text=True)
        wall = time.perf_counter() - began
        stats = report.read()
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", stats).group(1))
    return wall, rss_kb * 1024, done.stdout


def top_models(models: dict[str, float], count: int = TOP_MODELS) -> list[tuple[str, float]]:
    """The `count` models with the most seconds, slowest first; equal seconds by name."""
    return sorted(models.items(), key=lambda item: (-item[1], item[0]))[:count]


def plan_operators(node: dict) -> Iterator[dict]:
    """Every operator below a node of DuckDB's JSON profile (the query's root is none)."""
    for child in node.get("children", []):
        yield child
        yield from plan_operators(child)


def operator_detail(extra_info: dict) -> str:
    detail = extra_info.get("Table") or extra_info.get("Conditions") or ""
    if isinstance(detail, list):  # one join condition is a string, several a list
        detail = " and ".join(detail)
    return detail if len(detail) <= DETAIL_CHARS else detail[:DETAIL_CHARS - 3] + "..."


def operator_profile(profile: dict, model: str, count: int = TOP_OPERATORS) -> OperatorProfile:
    """The `count` slowest operators of a profile DuckDB wrote (`enable_profiling = 'json'`)."""
    operators = [Operator(node["operator_type"], node["operator_timing"], node["operator_cardinality"],
                          operator_detail(node.get("extra_info", {})))
                 for node in plan_operators(profile)]
    operators.sort(key=lambda operator: -operator.seconds)  # stable: equal times stay in plan order
    return OperatorProfile(model, profile["latency"], profile["cpu_time"], operators[:count])


def format_top_models(top: list[tuple[str, float]]) -> list[str]:
    return [f"{seconds:9.2f} s  {name}" for name, seconds in top]


def format_profile(profile: OperatorProfile) -> list[str]:
    lines = [f"{'seconds':>9}  {'rows out':>14}  operator"]
    for operator in profile.operators:
        detail = f"  {operator.detail}" if operator.detail else ""
        lines.append(f"{operator.seconds:9.3f}  {operator.rows:>14,}  {operator.type}{detail}")
    lines.append(f"{profile.operator_seconds:9.3f}  {'':>14}  all operators (summed over threads); "
                 f"{profile.wall_seconds:.2f} s wall")
    return lines


# Run in a separate process: the model's select once more, with DuckDB's profiler on.
PROFILE_SCRIPT = """
import duckdb, json, sys
database, settings, select_file, output = sys.argv[1:]
con = duckdb.connect(database, read_only=True)
for key, value in json.loads(settings).items():
    con.execute(f"set {key} = '{value}'")
con.execute("pragma enable_profiling = 'json'")
con.execute(f"pragma profiling_output = '{output}'")
with open(select_file) as select:
    con.execute("create temp table _bench_profile as\\n" + select.read())
"""


class DuckDBWarehouse:
    """The benchmark's DuckDB file, which dbt-duckdb opens inside the dbt process."""

    engine = "duckdb"

    def __init__(self, database: Path, settings: dict):
        self.database = database
        self.settings = settings

    def dbt_env(self) -> dict:
        return {
            "NORTH_STAR_TARGET": "duckdb",
            "NORTH_STAR_DUCKDB_PATH": str(self.database),
            "NORTH_STAR_DUCKDB_TEMP_DIR": self.settings["temp_directory"],
            "NORTH_STAR_DUCKDB_MEMORY_LIMIT": self.settings["memory_limit"],
            "NORTH_STAR_DUCKDB_MAX_TEMP": self.settings["max_temp_directory_size"],
        }

    def memory(self) -> contextlib.nullcontext:
        """Nothing to sample: DuckDB's memory is the dbt process's, measured by `timed`."""
        return contextlib.nullcontext()

    def execute(self, sql: str) -> None:
        con = duckdb.connect(str(self.database))
        con.execute(sql)
        con.close()

    def lower_bound(self, select: str) -> tuple[float, int]:
        """`select` materialized as a table in its own process: (query seconds, peak RSS bytes)."""
        script = (
            "import duckdb, json, sys, time\n"
            "con = duckdb.connect(sys.argv[1])\n"
            "for key, value in json.loads(sys.argv[2]).items():\n"
            "    con.execute(f\"set {key} = '{value}'\")\n"
            "began = time.perf_counter()\n"
            f"con.execute({'create or replace table main.bench_lower_bound as ' + select!r})\n"
            "print(time.perf_counter() - began)\n"
        )
        _, rss, out = timed([sys.executable, "-c", script, str(self.database), json.dumps(self.settings)])
        return float(out.strip().splitlines()[-1]), rss

    def profile(self, model: str, compiled_select: Path, output: Path) -> OperatorProfile:
        """Profiles the model's compiled select (PROFILE_SCRIPT); DuckDB writes `output`."""
        timed([sys.executable, "-c", PROFILE_SCRIPT, str(self.database), json.dumps(self.settings),
               str(compiled_select), str(output)])
        return operator_profile(json.loads(output.read_text()), model)


Warehouse = DuckDBWarehouse | PostgresWarehouse


class Project:
    """dbt on one benchmark warehouse, with its own target and log paths."""

    def __init__(self, warehouse: Warehouse, threads: int, project_dir: Path | None = None):
        self.mode: DbtMode = DbtMode(project_dir, False) if project_dir else resolve_mode(quiet=True)
        self.warehouse = warehouse
        self.target_path = TARGET_PATHS[warehouse.engine]
        self.env = dbt_env({**warehouse.dbt_env(), "NORTH_STAR_THREADS": str(threads),
                            "DBT_LOG_PATH": str(BENCH / "logs")})

    def command(self, args: list[str], dbt_vars: dict) -> list[str]:
        merged = {**self.mode.base_vars, **dbt_vars}
        return [DBT, *args, "--project-dir", str(self.mode.project_dir), "--profiles-dir", str(self.mode.project_dir),
                "--target-path", str(self.target_path), "--vars", json.dumps(merged)]

    def seed_configuration(self, dbt_vars: dict) -> None:
        """Every seed the models read; the demo events are the one seed they do not."""
        timed(self.command(["seed", "--exclude", "north_star_demo_events", "--full-refresh"], dbt_vars),
              env=self.env, cwd=self.mode.project_dir)

    def run(self, dbt_vars: dict, full_refresh: bool) -> Run:
        args = ["run"]  # models only: seeds (the demo events included) are never run here
        with self.warehouse.memory() as server:
            wall, rss, _ = timed(self.command(args + (["--full-refresh"] if full_refresh else []), dbt_vars),
                                 env=self.env, cwd=self.mode.project_dir)
        results = json.loads((self.target_path / "run_results.json").read_text())["results"]
        models = {r["unique_id"].split(".")[-1]: r["execution_time"] for r in results}
        return Run(wall, sum(models.values()), rss if server is None else server.peak_bytes, models,
                   top_models(models))

    def compiled_select(self, model: str) -> Path:
        """Where the last dbt command wrote the model's compiled select."""
        manifest = json.loads((self.target_path / "manifest.json").read_text())
        node = next(node for node in manifest["nodes"].values()
                    if node["resource_type"] == "model" and node["name"] == model)
        return self.target_path / "compiled" / node["package_name"] / node["original_file_path"]

    def incremental_models(self) -> list[str]:
        manifest = json.loads((self.target_path / "manifest.json").read_text())
        return sorted(node["name"] for node in manifest["nodes"].values()
                      if node["resource_type"] == "model" and node["config"]["materialized"] == "incremental")


LOWER_BOUND_SELECT = f"""
select cast(event_time as date) as event_date, count(distinct user_id) as active_users
from {SCHEMA}.{TABLE}
group by 1
"""
# The held-back day, appended and removed again; the same SQL on both engines.
APPEND_DAY_SQL = f"insert into {SCHEMA}.{TABLE} select * from {SCHEMA}.{HELD_BACK}"
REMOVE_DAY_SQL = (f"delete from {SCHEMA}.{TABLE} "
                  f"where loaded_at >= (select min(loaded_at) from {SCHEMA}.{HELD_BACK})")


def prepare(events: int, seed: int, days: int, database: Path, settings: dict, reuse: bool) -> tuple[int, int]:
    """Generates the base table and the held-back day: (base rows, held-back rows).

    With reuse, a database kept by an earlier run with the same arguments is used as it is."""
    if reuse and database.exists():
        con = duckdb.connect(str(database))
        counts = [con.execute(f"select count(*) from {SCHEMA}.{t}").fetchone()[0] for t in (TABLE, HELD_BACK)]
        con.close()
        return counts[0], counts[1]
    if database.exists():
        database.unlink()
    con = duckdb.connect(str(database))
    con.execute(f"set threads = {settings['threads']}")
    con.execute(f"set memory_limit = '{settings['memory_limit']}'")
    con.execute(f"set temp_directory = '{settings['temp_directory']}'")
    # Events over DAYS + 1 days; rows landing after the base period form the next day.
    generate_events.generate(con, round(events * (days + 1) / days), seed, SCHEMA, "events_all",
                             START, days + 1, sort=False)
    cutoff = START + timedelta(days=days)
    # In load order, as an append-only event table grows in a warehouse.
    con.execute(f"create or replace table {SCHEMA}.{TABLE} as select * from {SCHEMA}.events_all "
                f"where loaded_at < '{cutoff}' or loaded_at is null order by loaded_at")
    con.execute(f"create or replace table {SCHEMA}.{HELD_BACK} as select * from {SCHEMA}.events_all "
                f"where loaded_at >= '{cutoff}' and loaded_at < '{cutoff + timedelta(days=1)}'")
    con.execute(f"drop table {SCHEMA}.events_all")
    counts = [con.execute(f"select count(*) from {SCHEMA}.{t}").fetchone()[0] for t in (TABLE, HELD_BACK)]
    con.execute("checkpoint")
    con.close()
    return counts[0], counts[1]


@contextlib.contextmanager
def open_warehouse(engine: str, database: Path, settings: dict, row_counts: dict) -> Iterator[Warehouse]:
    """The engine's warehouse holding the generated tables (name -> rows) for the block."""
    if engine == "duckdb":
        yield DuckDBWarehouse(database, settings)
    else:
        with postgres_warehouse(database, SCHEMA, row_counts) as warehouse:
            yield warehouse


def benchmark_window(project: Project, events: int, days: int, window: int, held_back: int,
                     lower_bound: tuple[float, int | None]) -> Row:
    """Full build, one appended day, and the day removed again, on the project's warehouse."""
    warehouse = project.warehouse
    label = f"[{events:,} w{window} {warehouse.engine}]"
    dbt_vars = {"north_star_events_schema": SCHEMA, "north_star_events_table": TABLE,
                "north_star_window_days": window}
    project.seed_configuration(dbt_vars)
    load = os.getloadavg()[0]
    full = project.run(dbt_vars, full_refresh=True)
    incremental_models = project.incremental_models()
    print(f"{label} full build {full.wall_seconds:.1f}s", flush=True)
    print_lines(f"{label} top models of the full build:", format_top_models(full.top_models))
    profile = None
    if isinstance(warehouse, DuckDBWarehouse):
        # Now: the next dbt command overwrites the compiled select with its incremental one.
        slowest = full.top_models[0][0]
        output = BENCH / f"profile_{warehouse.database.stem}_w{window}.json"
        profile = warehouse.profile(slowest, project.compiled_select(slowest), output)
        print_lines(f"{label} DuckDB profile of {slowest}, its full-build select written to a temp table "
                    f"({output.relative_to(ROOT)}):", format_profile(profile))
    warehouse.execute(APPEND_DAY_SQL)
    incremental = project.run(dbt_vars, full_refresh=False)
    warehouse.execute(REMOVE_DAY_SQL)
    print(f"{label} after one appended day {incremental.wall_seconds:.1f}s "
          f"({'incremental: ' + ', '.join(incremental_models) if incremental_models else 'full rebuild'})",
          flush=True)
    print_lines(f"{label} top models after one appended day:", format_top_models(incremental.top_models))
    return Row(warehouse.engine, events, days, window, full, incremental, bool(incremental_models), held_back,
               *lower_bound, load, profile)


def print_lines(title: str, lines: list[str]) -> None:
    print("\n".join([title, *lines]), flush=True)


def gib(n: int | None) -> str:
    return "n/a" if n is None else f"{n / 2**30:.2f}"


def peak(*figures: int | None) -> int | None:
    """The largest figure; None (unmeasured) wins, since the true peak is unknown then."""
    return None if None in figures else max(figures)


def table(rows: list[Row], base_rows: dict) -> str:
    header = ["engine", "events", "days", "window", "full wall s", "full models s", "incr wall s",
              "incr models s", "peak RSS GiB", "LB s", "LB RSS GiB", "full wall/LB", "full models/LB", "incr/full",
              "slowest model (s)", "load"]
    lines = []
    for r in rows:
        slowest, slowest_seconds = r.full.top_models[0]
        label = "" if r.incremental_is_incremental else " (2nd full)"
        lines.append([
            r.engine, f"{base_rows[r.events]:,}", str(r.days), str(r.window),
            f"{r.full.wall_seconds:.1f}", f"{r.full.model_seconds:.1f}",
            f"{r.incremental.wall_seconds:.1f}{label}", f"{r.incremental.model_seconds:.1f}",
            gib(peak(r.full.peak_rss_bytes, r.incremental.peak_rss_bytes)),
            f"{r.lower_bound_seconds:.2f}", gib(r.lower_bound_rss_bytes),
            f"{r.full.wall_seconds / r.lower_bound_seconds:.1f}x",
            f"{r.full.model_seconds / r.lower_bound_seconds:.1f}x",
            f"{r.incremental.wall_seconds / r.full.wall_seconds:.0%}" if r.incremental_is_incremental else "n/a",
            f"{slowest} ({slowest_seconds:.1f})", f"{r.load_average:.1f}",
        ])
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    fmt = lambda cells: "| " + " | ".join(c.rjust(w) for c, w in zip(cells, widths)) + " |"
    return "\n".join([fmt(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(fmt, lines)])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, action="append", required=True)
    parser.add_argument("--window", type=int, action="append")
    parser.add_argument("--engine", action="append", choices=ENGINES,
                        help="duckdb (the default) or postgres; twice for both")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--days", type=int, default=DAYS, help="days of history before the appended day")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark DuckDB files")
    parser.add_argument("--reuse", action="store_true", help="use a kept benchmark DuckDB file instead of "
                        "generating it again (implies --keep)")
    parser.add_argument("--project-dir", type=Path, help="benchmark another copy of the project (with its "
                        "own profiles.yml and installed packages), e.g. a snapshot of a commit")
    args = parser.parse_args(argv)
    windows = args.window or [7]
    engines = list(dict.fromkeys(args.engine or ["duckdb"]))
    settings = duckdb_settings()
    BENCH.mkdir(parents=True, exist_ok=True)
    Path(settings["temp_directory"]).mkdir(parents=True, exist_ok=True)

    rows, base_rows, servers = [], {}, {}
    for events in args.events:
        database = BENCH / f"bench_{events}_{args.days}d_seed{args.seed}.duckdb"
        began = time.perf_counter()
        base_rows[events], held_back = prepare(events, args.seed, args.days, database, settings, args.reuse)
        print(f"[{events:,}] generated {base_rows[events]:,} events (+{held_back:,} held back) "
              f"in {time.perf_counter() - began:.1f}s", flush=True)
        row_counts = {TABLE: base_rows[events], HELD_BACK: held_back}
        for engine in engines:
            label = f"[{events:,} {engine}]"
            began = time.perf_counter()
            with open_warehouse(engine, database, settings, row_counts) as warehouse:
                if isinstance(warehouse, PostgresWarehouse):
                    servers["postgres"] = warehouse.server_settings()
                    print(f"{label} PostgreSQL {servers['postgres']['version']} started, raw tables copied "
                          f"and analyzed in {time.perf_counter() - began:.1f}s", flush=True)
                lower_bound = warehouse.lower_bound(LOWER_BOUND_SELECT)
                print(f"{label} lower bound {lower_bound[0]:.2f}s", flush=True)
                project = Project(warehouse, settings["threads"], args.project_dir)
                for window in windows:
                    rows.append(benchmark_window(project, events, args.days, window, held_back, lower_bound))
        if not (args.keep or args.reuse):
            database.unlink()

    (BENCH / "results.json").write_text(json.dumps(
        {"settings": settings, "duckdb": duckdb.__version__, **servers, "rows": [asdict(r) for r in rows]},
        indent=2))
    print()
    print(table(rows, base_rows))


if __name__ == "__main__":
    main()

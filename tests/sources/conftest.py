"""Builds the package once per source format on the same scenario (sources_scenario.py),
each landed as its tool lands it (sources_landing.py), and once per variant landing of a
format (sources_landing.VARIANT_LANDERS: another loader's shape, other settings), each
in a private DuckDB file and target path under pytest's tmp dir.

The mapping seed's CSV is loaded (as `dbt seed` would, every column text) into a
template DuckDB file that every build copies; the builds then run two at a time
in background threads, each one `dbt run` of the marts and their ancestors (mostly dbt's
start-up and parsing).
"""

from __future__ import annotations

import shutil
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
for path in (ROOT, HERE):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from sources_landing import DEFAULT_FORMAT_VARS, LANDERS, VARIANT_LANDERS, Landing  # noqa: E402
from tooling.dbt_runner import resolve_mode, run_dbt  # noqa: E402

# Every build: name -> (source format, lander); each format's own landing, then the variants.
BUILDS = {**{name: (name, lander) for name, lander in LANDERS.items()}, **VARIANT_LANDERS}
BUILT_MODELS = ("+fct_north_star_daily", "+fct_organization_north_star_daily", "+int_events_valid")



@dataclass
class FormatBuild:
    source_format: str
    database: Path
    landing: Landing

    def query(self, sql: str) -> list[tuple]:
        with duckdb.connect(str(self.database), read_only=True) as con:
            return con.execute(sql).fetchall()


def _dbt(mode, workdir: Path, database: Path, args: list[str], dbt_vars: dict | None = None) -> None:
    result = run_dbt(
        mode, [*args, "--log-path", str(workdir / "logs")], dbt_vars=dbt_vars,
        env={"NORTH_STAR_DUCKDB_PATH": str(database), "NORTH_STAR_DUCKDB_TEMP_DIR": str(workdir / "tmp")},
        target_path=workdir / "target", capture=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"dbt {' '.join(args)} failed in {workdir}:\n{result.stdout[-6000:]}\n{result.stderr[-2000:]}")


class SourceBuilds:
    def __init__(self, workspace: Path, executor: ThreadPoolExecutor):
        self._workspace = workspace
        self._executor = executor
        self._mode = resolve_mode(quiet=True)
        self._template: Future | None = None
        self._builds: dict[str, Future] = {}

    def _seed_template(self) -> Path:
        database = self._workspace / "seeded.duckdb"
        with duckdb.connect(str(database)) as con:
            con.execute(
                "create table main.north_star_event_mapping as "
                "select * from read_csv(?, header = true, all_varchar = true)",
                [str(ROOT / "seeds" / "north_star_event_mapping.csv")],
            )
        return database

    def _build(self, name: str) -> FormatBuild:
        source_format, lander = BUILDS[name]
        workdir = self._workspace / name
        workdir.mkdir()
        database = workdir / f"{name}.duckdb"
        shutil.copyfile(self._template.result(), database)
        schema = f"raw_{name}"
        with duckdb.connect(str(database)) as con:
            landing = lander(con, schema)
        dbt_vars = {
            **DEFAULT_FORMAT_VARS,
            "north_star_source_format": source_format,
            "north_star_events_schema": schema,
            "north_star_events_table": landing.table,
            **landing.dbt_vars,
        }
        _dbt(self._mode, workdir, database, ["run", "--select", *BUILT_MODELS], dbt_vars)
        return FormatBuild(source_format, database, landing)

    def start_all(self) -> None:
        if self._template is None:
            self._template = self._executor.submit(self._seed_template)
        for name in BUILDS:
            if name not in self._builds:
                self._builds[name] = self._executor.submit(self._build, name)

    def get(self, name: str) -> FormatBuild:
        """The build of a format's landing, or of a variant (VARIANT_LANDERS) by its name."""
        self.start_all()
        return self._builds[name].result()


@pytest.fixture(scope="session")
def source_builds(tmp_path_factory, engine):
    if engine not in ("duckdb", "all"):
        pytest.skip("the source-format suite runs on DuckDB")
    executor = ThreadPoolExecutor(max_workers=2)
    builds = SourceBuilds(tmp_path_factory.mktemp("source_formats"), executor)
    yield builds
    executor.shutdown(wait=True, cancel_futures=True)

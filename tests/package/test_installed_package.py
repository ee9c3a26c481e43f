"""north_star installed into another dbt project, the way a data team uses it.

A throwaway project `analytics` gets the package in dbt_packages/, points the source vars at
its own raw table, and builds. The test checks that the demo data stays out of the user's
warehouse, that the marts match a hand-worked scenario, and that each invariant test of the
package fails on a plausible wrong implementation (models in `wrong_models/`).
"""

from __future__ import annotations

import csv
import json
import subprocess
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tooling.dbt_runner import ROOT, REQUIRED_PACKAGES, dbt_command, dbt_env, packages_installed

# s1 owns L1, s2..s5 re-share it, c1 and c2 view it the next day: five WLU in o1, so o1
# is not activated (activation needs more than five). L2 has a single consumer (c1) and
# is never broadcast. c3 is active only through an unknown event name. One row has no user.
RAW_EVENTS = [
    ("k1", "2026-02-02 09:00:00", "s1", "o1", "learning_created", "L1", "chart"),
    ("k2", "2026-02-02 09:05:00", "s2", "o1", "learning_shared", "L1", "chart"),
    ("k3", "2026-02-02 09:06:00", "s3", "o1", "learning_shared", "L1", "chart"),
    ("k4", "2026-02-02 09:07:00", "s4", "o1", "learning_shared", "L1", "chart"),
    ("k5", "2026-02-02 09:08:00", "s5", "o1", "learning_shared", "L1", "chart"),
    ("k6", "2026-02-02 10:00:00", "s1", "o1", "learning_created", "L2", "notebook"),
    ("k7", "2026-02-03 09:00:00", "c1", "o1", "learning_viewed", "L1", "chart"),
    ("k8", "2026-02-03 09:30:00", "c2", "o1", "learning_viewed", "L1", "chart"),
    ("k9", "2026-02-03 10:00:00", "c1", "o1", "learning_viewed", "L2", "notebook"),
    ("k10", "2026-02-05 10:00:00", "c3", "o2", "legacy_ping", None, None),
    ("k11", "2026-02-12 10:00:00", "c1", "o1", "learning_viewed", "L2", "notebook"),
    ("k12", "2026-02-06 10:00:00", None, "o1", "learning_viewed", "L1", "chart"),
]

# Worked by hand from the definitions (7-day window, 2 consumers, threshold 5):
# WLU: s1..s5 are credited while c1, c2 are consumers (02-03..02-09) and active through
# 02-08, the window of their last event. WAU: s1..s5 02-02..02-08, c1 02-03..02-09 and
# 02-12, c2 02-03..02-09, c3 02-05..02-11. BL/CoL: L1 with 2 consumers 02-03..02-09.
EXPECTED_DAILY = {
    # date: (wlu, wau, bl, col, ao)
    "2026-02-02": (0, 5, 0, 0, 0),
    "2026-02-03": (5, 7, 1, 2, 0),
    "2026-02-04": (5, 7, 1, 2, 0),
    "2026-02-05": (5, 8, 1, 2, 0),
    "2026-02-06": (5, 8, 1, 2, 0),
    "2026-02-07": (5, 8, 1, 2, 0),
    "2026-02-08": (5, 8, 1, 2, 0),
    "2026-02-09": (0, 3, 1, 2, 0),
    "2026-02-10": (0, 1, 0, 0, 0),
    "2026-02-11": (0, 1, 0, 0, 0),
    "2026-02-12": (0, 1, 0, 0, 0),
}

# Plausible wrong implementations, each paired with the package's invariant test that must
# catch it on RAW_EVENTS.
WRONG_MODELS = {
    # WLU as every sharer of a broadcast learning, forgetting that a WLU must be active in
    # the window: on 02-09 s1..s5 are still credited but inactive, so WLU 5 > WAU 3.
    "wrong_learning_users_ignoring_activity": (
        """
        select daily.date_day, count(distinct sharers.sharer_user_id) as weekly_learning_users,
            daily.weekly_active_users
        from {{ ref('fct_north_star_daily') }} as daily
        left join {{ ref('int_learning_reach_segments_this_run') }} as reach
            on daily.date_day between reach.segment_start and reach.segment_end
            and reach.consumer_count >= 2
        left join {{ ref('int_learning_sharers') }} as sharers
            on reach.learning_id = sharers.learning_id and sharers.sharer_from_date <= daily.date_day
        group by daily.date_day, daily.weekly_active_users
        """,
        "weekly_learning_users", "north_star_at_most", {"upper_bound_column": "weekly_active_users"},
    ),
    # Consumption summed over every viewed learning, not only broadcasted ones: L2's single
    # consumer on 02-12 gives consumption without a broadcast.
    "wrong_consumption_of_every_viewed_learning": (
        """
        select daily.date_day, daily.broadcasted_learnings,
            coalesce(sum(reach.consumer_count), 0) as consumption_of_learnings
        from {{ ref('fct_north_star_daily') }} as daily
        left join {{ ref('int_learning_reach_segments_this_run') }} as reach
            on daily.date_day between reach.segment_start and reach.segment_end
        group by daily.date_day, daily.broadcasted_learnings
        """,
        "consumption_of_learnings", "north_star_consumption_covers_broadcasts",
        {"broadcasts_column": "broadcasted_learnings", "min_consumers": 2},
    ),
    # "Five or more" instead of "more than five": o1 with exactly five WLU is activated.
    "wrong_activation_at_five": (
        """
        select date_day, organization_id, weekly_learning_users,
            weekly_learning_users >= 5 as is_activated
        from {{ ref('fct_organization_north_star_daily') }}
        """,
        "is_activated", "north_star_activation_matches_threshold",
        {"learning_users_column": "weekly_learning_users", "activation_threshold": 5},
    ),
    # Staging that filters bad rows out instead of quarantining them: k12 disappears.
    "wrong_classification_dropping_invalid_rows": (
        """
        select event_id, 'valid' as event_status
        from {{ source('north_star', 'events') }}
        where user_id is not null
        """,
        "event_status", "north_star_rows_reconcile", {"compare_to": "source('north_star', 'events')"},
    ),
    # An event mapping that lists a raw name twice duplicates every event of that name.
    "wrong_classification_with_mapping_fan_out": (
        """
        with mapping as (
            select 'learning_viewed' as raw_event_name union all select 'learning_viewed'
        )
        select events.event_id, 'valid' as event_status
        from {{ source('north_star', 'events') }} as events
        left join mapping on events.event_name = mapping.raw_event_name
        """,
        "event_status", "north_star_rows_reconcile", {"compare_to": "source('north_star', 'events')"},
    ),
    # Active days kept per event, not per day: c1's two events on 02-03 give two rows of
    # one user, organization and day (a model-level grain test: no column).
    "wrong_active_days_per_event": (
        """
        select user_id, organization_id, event_date
        from {{ ref('int_events_valid') }}
        """,
        None, "north_star_unique_key", {"columns": ["user_id", "organization_id", "event_date"]},
    ),
}


def write_wrong_models(models: Path) -> None:
    models.mkdir()
    properties = ["models:"]
    for name, (sql, column, test, arguments) in WRONG_MODELS.items():
        (models / f"{name}.sql").write_text(sql)
        properties += [f"  - name: {name}"]
        indent = "    "
        if column is not None:
            properties += ["    columns:", f"      - name: {column}"]
            indent = "        "
        properties += [f"{indent}data_tests:", f"{indent}  - north_star.{test}:", f"{indent}      arguments:"]
        # JSON is YAML: strings and lists alike.
        properties += [f"{indent}        {key}: {json.dumps(value)}" for key, value in arguments.items()]
    (models / "_wrong_models.yml").write_text("\n".join(properties) + "\n")


def run(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = dbt_env({"ANALYTICS_DUCKDB_PATH": str(project / "analytics.duckdb")})
    return dbt_command([*args, "--project-dir", str(project), "--profiles-dir", str(project)],
                       project, env, capture=True)


def write_consumer_project(project: Path, events: list[tuple], extra_vars: str = "",
                           extra_config: str = "") -> Path:
    """A consumer project `analytics` with north_star in dbt_packages and `events` in
    raw.product_events; `extra_vars` / `extra_config` are appended to its dbt_project.yml
    (inside `vars:` / after it)."""
    package_tests = packages_installed()
    (project / "dbt_project.yml").write_text(
        "name: analytics\nversion: '1.0'\nconfig-version: 2\nprofile: analytics\n"
        "model-paths: [models]\n"
        "vars:\n"
        "  north_star_events_schema: raw\n"
        "  north_star_events_table: product_events\n"
        f"  north_star_package_tests: {str(package_tests).lower()}\n"
        + extra_vars + extra_config
    )
    (project / "profiles.yml").write_text(
        "analytics:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n"
        "      path: \"{{ env_var('ANALYTICS_DUCKDB_PATH') }}\"\n      threads: 2\n"
    )
    packages = project / "dbt_packages"
    packages.mkdir()
    (packages / "north_star").symlink_to(ROOT)
    if package_tests:
        for name in (*REQUIRED_PACKAGES, "dbt_date"):
            (packages / name).symlink_to(ROOT / "dbt_packages" / name)
    with duckdb.connect(str(project / "analytics.duckdb")) as connection:
        connection.execute("create schema raw")
        connection.execute(
            "create table raw.product_events (event_id varchar, event_time timestamp, user_id varchar,"
            " org_id varchar, event_name varchar, learning_id varchar, learning_type varchar,"
            " app_version varchar)"
        )
        connection.executemany("insert into raw.product_events values (?, ?, ?, ?, ?, ?, ?, '1.2.3')",
                               events)
    return project


@pytest.fixture(scope="module")
def analytics_project(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("analytics")
    write_wrong_models(project / "models")
    return write_consumer_project(project, RAW_EVENTS)


# A second consumer with its own event mapping (README: "add a seed or model with the same
# columns to your project and set north_star_event_mapping"): the views of L1 (k7, k8) are
# sent as `Report Opened`, a name only its mapping knows, in two spellings the mapping must
# match case-insensitively after trimming. It also puts the package's layers in schemas of
# its own choosing, the dbt way (its own `models: north_star:` block).
CUSTOM_EVENT_NAMES = {"k7": "Report Opened", "k8": "  report OPENED\t"}
CUSTOM_EVENTS = [(event_id, time, user, org, CUSTOM_EVENT_NAMES.get(event_id, name), learning, kind)
                 for event_id, time, user, org, name, learning, kind in RAW_EVENTS]
CUSTOM_SCHEMAS = {"staging": "ns_stg", "intermediate": "ns_int", "audit": "ns_audit", "marts": "ns_marts"}


@pytest.fixture(scope="module")
def custom_mapping_project(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("analytics_custom_mapping")
    (project / "models").mkdir()
    seeds = project / "seeds"
    seeds.mkdir()
    with open(ROOT / "seeds" / "north_star_event_mapping.csv", newline="") as package_mapping:
        rows = [row for row in csv.reader(package_mapping)]
    generic = [row for row in rows[1:] if row[0] == "generic"]
    with open(seeds / "my_event_mapping.csv", "w", newline="") as mapping:
        csv.writer(mapping).writerows([rows[0], *generic, ["generic", "Report Opened", "learning_viewed"]])
    layers = "".join(f"    {layer}:\n      +schema: {schema}\n" for layer, schema in CUSTOM_SCHEMAS.items())
    return write_consumer_project(
        project, CUSTOM_EVENTS,
        extra_vars="  north_star_event_mapping: my_event_mapping\n",
        extra_config="seed-paths: [seeds]\nmodels:\n  north_star:\n" + layers,
    )


def seed_and_build(project: Path) -> list[subprocess.CompletedProcess]:
    """The README's steps: `dbt seed` (the user's mapping), then `dbt build --select
    package:north_star`; stops at the first failure."""
    results = [run(project, "seed")]
    if results[0].returncode == 0:
        results.append(run(project, "build", "--select", "package:north_star"))
    return results


@pytest.fixture(scope="module")
def custom_mapping_future(custom_mapping_project: Path):
    """Builds the custom-mapping consumer in a thread, beside the main consumer's build."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        yield pool.submit(seed_and_build, custom_mapping_project)


@pytest.fixture(scope="module")
def custom_mapping_build(custom_mapping_future: Future) -> list[subprocess.CompletedProcess]:
    return custom_mapping_future.result()


@pytest.fixture(scope="module")
def package_build(analytics_project: Path, custom_mapping_future: Future) -> subprocess.CompletedProcess:
    return run(analytics_project, "build", "--exclude", "package:analytics")


def query(project: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(project / "analytics.duckdb"), read_only=True) as connection:
        return connection.execute(sql).fetchall()


def test_package_builds_in_another_project(package_build):
    assert package_build.returncode == 0, package_build.stdout[-4000:]


def test_demo_data_is_not_loaded_into_the_users_warehouse(analytics_project, package_build):
    tables = {name for (name,) in query(analytics_project, "select table_name from information_schema.tables")}
    assert "north_star_demo_events" not in tables
    assert "north_star_demo_experiment_assignments" not in tables
    assert {"north_star_event_mapping", "fct_north_star_daily"} <= tables


def test_experiments_are_empty_until_the_assignment_vars_are_set(analytics_project, package_build):
    """The assignment table var left at its default (the demo seed, not loaded here) means
    no assignments: the experiment marts build, empty, instead of failing."""
    for mart in ("fct_north_star_experiment_units", "fct_north_star_experiment_results"):
        assert query(analytics_project, f"select count(*) from main.{mart}") == [(0,)]


def test_marts_match_the_hand_worked_scenario(analytics_project, package_build):
    rows = query(analytics_project,
                 "select date_day, weekly_learning_users, weekly_active_users, broadcasted_learnings,"
                 " consumption_of_learnings, activated_organizations from main.fct_north_star_daily"
                 " order by date_day")
    actual = {str(day): tuple(values) for day, *values in rows}
    assert actual == EXPECTED_DAILY


def test_rows_reconcile_with_the_quarantine(analytics_project, package_build):
    # raw, valid, quarantined, duplicate, waiting, unaccounted, reconciled
    assert query(analytics_project, "select * from main_north_star_audit.audit_event_reconciliation") \
        == [(12, 11, 1, 0, 0, 0, True)]
    assert query(analytics_project,
                 "select event_id, rejection_reason from main_north_star_audit.audit_quarantined_events") \
        == [("k12", "missing_user_id")]


def test_each_invariant_fails_on_a_plausible_wrong_implementation(analytics_project, package_build):
    result = run(analytics_project, "build", "--select", "package:analytics")
    failing_lines = [line for line in result.stdout.splitlines() if " FAIL " in line]
    caught = {name for name in WRONG_MODELS if any(name in line for line in failing_lines)}
    assert caught == set(WRONG_MODELS), result.stdout[-4000:]
    assert len(failing_lines) == len(WRONG_MODELS), result.stdout[-4000:]


def relation_schemas(project: Path) -> dict[str, str]:
    return dict(query(project, "select table_name, table_schema from information_schema.tables"
                               " where table_catalog = current_database()"))


def layer_of(name: str) -> str | None:
    prefixes = {"stg_": "staging", "int_": "intermediate", "audit_": "audit", "fct_": "marts", "dim_": "marts"}
    return next((layer for prefix, layer in prefixes.items() if name.startswith(prefix)), None)


def test_each_layer_lands_in_its_own_schema(analytics_project, package_build):
    # Installed as a package: staging, intermediate and audit in <target schema>_north_star_<layer>
    # (dbt's default generate_schema_name), marts in the target schema; seeds and the
    # user's raw table are unaffected.
    expected = {"staging": "main_north_star_staging", "intermediate": "main_north_star_intermediate",
                "audit": "main_north_star_audit", "marts": "main"}
    schemas = relation_schemas(analytics_project)
    package_relations = {name: schema for name, schema in schemas.items() if layer_of(name)}
    assert {layer_of(name) for name in package_relations} == set(expected)
    assert {name: expected[layer_of(name)] for name in package_relations} == package_relations
    assert schemas["north_star_event_mapping"] == "main"
    assert schemas["product_events"] == "raw"
    # The consumer's own models (wrong_models/) stay in its target schema.
    assert {schemas[name] for name in WRONG_MODELS} == {"main"}


def test_a_custom_event_mapping_builds(custom_mapping_build):
    for result in custom_mapping_build:
        assert result.returncode == 0, result.stdout[-4000:]
    assert len(custom_mapping_build) == 2


def test_a_custom_event_mapping_makes_the_broadcast(custom_mapping_project, custom_mapping_build):
    # Only `Report Opened` -> learning_viewed makes c1, c2 consumers of L1: the same marts as
    # the main scenario (L1 broadcast 02-03..02-09), none of it with the package's mapping.
    marts = f"main_{CUSTOM_SCHEMAS['marts']}"
    rows = query(custom_mapping_project,
                 "select date_day, weekly_learning_users, weekly_active_users, broadcasted_learnings,"
                 f" consumption_of_learnings, activated_organizations from {marts}.fct_north_star_daily"
                 " order by date_day")
    assert {str(day): tuple(values) for day, *values in rows} == EXPECTED_DAILY
    classified = query(custom_mapping_project,
                       f"select event_id, action from main_{CUSTOM_SCHEMAS['intermediate']}.int_events_classified"
                       " where event_id in ('k7', 'k8') order by event_id")
    assert classified == [("k7", "learning_viewed"), ("k8", "learning_viewed")]
    unmapped = query(custom_mapping_project,
                     f"select event_name from main_{CUSTOM_SCHEMAS['audit']}.audit_unmapped_event_names")
    assert unmapped == [("legacy_ping",)]


def test_a_consumer_chooses_the_layer_schemas(custom_mapping_project, custom_mapping_build):
    schemas = relation_schemas(custom_mapping_project)
    package_relations = {name: schema for name, schema in schemas.items() if layer_of(name)}
    assert {layer_of(name) for name in package_relations} == set(CUSTOM_SCHEMAS)
    assert {name: f"main_{CUSTOM_SCHEMAS[layer_of(name)]}" for name in package_relations} == package_relations
    assert schemas["my_event_mapping"] == "main"
    assert schemas["north_star_event_mapping"] == "main"


def test_the_package_example_exposure_stays_out_of_the_users_docs(analytics_project, package_build):
    """The example dashboard (owner analytics@example.com) is the package's own: it must not
    appear in the lineage of a project that installs it."""
    manifest = json.loads((analytics_project / "target" / "manifest.json").read_text())
    exposures = [exposure["name"] for exposure in manifest["exposures"].values()
                 if exposure["package_name"] == "north_star"]
    assert not exposures, f"package exposures in the user's docs: {exposures}"


def test_the_semantic_layer_comes_with_the_package(analytics_project, package_build):
    """The package's metrics reach the installing project's semantic manifest, and its
    daily time spine is built beside the marts."""
    semantic = json.loads((analytics_project / "target" / "semantic_manifest.json").read_text())
    assert {"weekly_learning_users", "activated_organizations"} <= {metric["name"] for metric in semantic["metrics"]}
    assert [spine["node_relation"]["alias"] for spine in semantic["project_configuration"]["time_spines"]] == [
        "north_star_time_spine_daily"]
    assert relation_schemas(analytics_project)["north_star_time_spine_daily"] == "main"
    days = query(analytics_project, "select min(date_day), max(date_day), count(*) from main.north_star_time_spine_daily")
    assert days == [(date(2026, 2, 2), date(2026, 2, 12), 11)]


# A consumer's own daily time spine. MetricFlow supports one per granularity and warns
# about a second one (which one it then uses is not said).
OWN_TIME_SPINE_SQL = "select cast(range as date) as date_day from range(date '2026-01-01', date '2026-12-31', interval 1 day)"
OWN_TIME_SPINE_YML = """models:
  - name: my_days
    time_spine:
      standard_granularity_column: date_day
    columns:
      - name: date_day
        granularity: day
"""
TWO_SPINES_WARNING = "Only one time spine is supported per granularity"


@pytest.mark.parametrize("package_time_spine", [True, False])
def test_a_consumer_with_its_own_time_spine_switches_the_packages_off(tmp_path, package_time_spine):
    project = tmp_path / "analytics"
    (project / "models").mkdir(parents=True)
    (project / "models" / "my_days.sql").write_text(OWN_TIME_SPINE_SQL)
    (project / "models" / "_my_days.yml").write_text(OWN_TIME_SPINE_YML)
    write_consumer_project(project, RAW_EVENTS,
                           extra_vars="" if package_time_spine else "  north_star_time_spine: false\n")
    result = run(project, "parse")
    assert result.returncode == 0, result.stdout[-3000:]
    semantic = json.loads((project / "target" / "semantic_manifest.json").read_text())
    spines = [spine["node_relation"]["alias"] for spine in semantic["project_configuration"]["time_spines"]]
    assert "weekly_learning_users" in {metric["name"] for metric in semantic["metrics"]}
    if package_time_spine:
        assert sorted(spines) == ["my_days", "north_star_time_spine_daily"]
        assert TWO_SPINES_WARNING in result.stdout, result.stdout[-3000:]
    else:
        assert spines == ["my_days"]
        assert TWO_SPINES_WARNING not in result.stdout, result.stdout[-3000:]

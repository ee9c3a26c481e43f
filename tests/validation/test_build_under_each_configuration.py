"""`dbt build` — seeds, models, data tests and unit tests, on the demo data it seeds —
passes under each configuration the README documents, not only the defaults.

The dbt unit tests were worked out for particular definitions. Unit tests run under the
user's vars unless they pin their own, so before each pinned the vars it assumes, a
28-day window or another time zone failed them and skipped every mart downstream. The
three builds run at once, each in its own DuckDB file.
"""

from __future__ import annotations

import json

import pytest

CONFIGURATIONS = {
    "defaults": {},
    "window28_min_consumers3_threshold10": {
        "north_star_window_days": 28,
        "north_star_min_consumers": 3,
        "north_star_activation_threshold": 10,
    },
    "los_angeles": {"north_star_timezone": "America/Los_Angeles"},
}
MARTS = {
    "fct_north_star_daily", "fct_north_star_weekly", "fct_organization_north_star_daily",
    "dim_learnings", "dim_users", "dim_organizations",
    "fct_north_star_metrics_daily", "fct_north_star_growth_accounting",
    "fct_organization_growth_accounting",
}


@pytest.fixture(scope="module")
def builds(run_dbt_cases):
    return run_dbt_cases(["build"], CONFIGURATIONS)


def node_statuses(target) -> dict[str, tuple[str, str]]:
    """unique_id -> (resource type, status) of every node the build ran."""
    results = json.loads((target / "run_results.json").read_text())["results"]
    return {result["unique_id"]: (result["unique_id"].split(".")[0], result["status"]) for result in results}


@pytest.mark.parametrize("configuration", CONFIGURATIONS)
def test_build_passes_and_builds_the_marts(builds, configuration):
    result, target = builds[configuration]
    assert result.returncode == 0, result.stdout[-6000:]
    statuses = node_statuses(target)
    built = {unique_id.split(".")[-1] for unique_id, (kind, status) in statuses.items()
             if kind == "model" and status == "success"}
    assert MARTS <= built, f"marts not built: {sorted(MARTS - built)}"
    unit_tests = [status for kind, status in statuses.values() if kind == "unit_test"]
    assert unit_tests and set(unit_tests) == {"pass"}, statuses

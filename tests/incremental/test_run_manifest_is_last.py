"""The run manifest's `completed` row says "every table of this run was written": a run
killed before any stored model was written must not leave one. So every stored model
(table or incremental) of the package is upstream of `int_north_star__run_manifest` — a
new model that is not would be skipped by the next run after a crash behind the
manifest's back. Its `started` row is written by the classification's pre-hook, and every
incremental model reads its recompute day there: so each runs after the classification."""

from __future__ import annotations

import pytest

MANIFEST_MODEL = "model.north_star.int_north_star__run_manifest"
CLASSIFICATION = "model.north_star.int_events_classified"


@pytest.fixture(scope="module")
def nodes(parsed_manifest) -> dict:
    return parsed_manifest["nodes"]


def _ancestors(nodes: dict, unique_id: str) -> set[str]:
    seen: set[str] = set()
    pending = list(nodes[unique_id]["depends_on"]["nodes"])
    while pending:
        parent = pending.pop()
        if parent not in seen:
            seen.add(parent)
            pending.extend(nodes.get(parent, {}).get("depends_on", {}).get("nodes", []))
    return seen


def test_every_stored_model_is_written_before_the_run_manifest(nodes):
    stored = {unique_id for unique_id, node in nodes.items()
              if node["resource_type"] == "model" and node["package_name"] == "north_star"
              and node["config"]["materialized"] in ("table", "incremental") and unique_id != MANIFEST_MODEL}
    missing = sorted(stored - _ancestors(nodes, MANIFEST_MODEL))
    assert not missing, f"not upstream of the run manifest (add a depends_on line): {missing}"


def test_the_classification_starts_the_run_before_every_incremental_model(nodes):
    hooks = [hook["sql"] for hook in nodes[CLASSIFICATION]["config"]["pre-hook"]]
    assert any("north_star_start_run()" in sql for sql in hooks), hooks
    incremental = {unique_id for unique_id, node in nodes.items()
                   if node["resource_type"] == "model" and node["package_name"] == "north_star"
                   and node["config"]["materialized"] == "incremental"
                   and unique_id not in (CLASSIFICATION, MANIFEST_MODEL)}
    missing = sorted(unique_id for unique_id in incremental if CLASSIFICATION not in _ancestors(nodes, unique_id))
    assert not missing, f"incremental models that may run before the classification's pre-hook: {missing}"

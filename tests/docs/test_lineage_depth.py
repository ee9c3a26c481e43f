"""How many models deep the North Star is: the longest chain of models from the raw-event
source to `fct_north_star_daily`. Every model on it is a step dbt schedules (with a fixed
cost) and a reader of the lineage follows; a change that lengthens it should be a choice,
made here with its reason (DECISIONLOG, "Fewer steps between the raw events and the North
Star")."""

from __future__ import annotations

from functools import cache

SOURCE = "source.north_star.north_star.events"
DAILY_MART = "model.north_star.fct_north_star_daily"
MAX_MODELS = 7


def test_the_daily_mart_is_at_most_seven_models_from_the_raw_events(parsed_manifest):
    nodes = parsed_manifest["nodes"]

    @cache
    def models_from_source(unique_id: str) -> int | None:
        """Models on the longest chain from the source to this node, itself included
        (None when the source is not upstream)."""
        if unique_id == SOURCE:
            return 0
        chains = [models_from_source(parent) for parent in nodes[unique_id]["depends_on"].get("nodes", [])
                  if parent == SOURCE or parent in nodes]
        chains = [length for length in chains if length is not None]
        if not chains:
            return None
        return max(chains) + (1 if nodes[unique_id]["resource_type"] == "model" else 0)

    depth = models_from_source(DAILY_MART)
    assert depth is not None, "the raw-event source is not upstream of the daily mart"
    assert depth <= MAX_MODELS, f"{depth} models from the raw events to fct_north_star_daily"

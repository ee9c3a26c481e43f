"""The reference model against the hand derivations (pure Python, no dbt).

Two independent derivations of the same definitions must agree before the reference
model is trusted as the oracle of the randomized cross-check.
"""

import pytest

from .configs import CONFIGS
from .harness import Marts, scenario_problems
from .reference_model import compute_marts

_CACHE = {}


def _reference_marts(config_name: str) -> Marts:
    if config_name not in _CACHE:
        config = CONFIGS[config_name]
        events = [e for s in config.hand_scenarios() for e in s.events]
        _CACHE[config_name] = Marts(*compute_marts(events, config.reference))
    return _CACHE[config_name]


CASES = [(name, scenario) for name, config in CONFIGS.items()
         for scenario in config.hand_scenarios()]


@pytest.mark.parametrize("config_name,scenario", CASES,
                         ids=[f"{name}-{scenario.key}" for name, scenario in CASES])
def test_reference_model_agrees_with_hand_derivation(config_name, scenario):
    problems = scenario_problems(_reference_marts(config_name), scenario)
    assert not problems, f"{scenario.key} ({scenario.title}):\n\n" + "\n\n".join(problems)


@pytest.mark.parametrize("config_name", list(CONFIGS))
def test_random_data_exercises_the_definitions(config_name):
    """Guards the generator: the cross-check is only worth something if the random data
    reaches every branch of the definitions."""
    config = CONFIGS[config_name]
    events = config.random_events()
    ids = [e.event_id for e in events if e.event_id and e.event_id.strip()]
    assert len(ids) - len(set(ids)) >= 30, "replays"
    assert sum(e.user_id is None or not e.user_id.strip() for e in events) >= 5, "invalid users"
    assert sum(e.event_time is None for e in events) >= 3, "missing times"
    daily, weekly, org_daily = compute_marts(events, config.reference)
    assert 500 * len(config.random_seeds) <= len(events) <= 800 * len(config.random_seeds)
    assert any(row[5] > 0 for row in daily), "no day with an activated org"
    assert any(row[5] == 0 and row[3] > 0 for row in daily), "orgs always activated"
    for column, name in ((1, "WLU"), (2, "WAU"), (3, "BL"), (4, "CoL")):
        assert len({row[column] for row in daily}) >= 4, f"{name} hardly varies"
    assert any(not row[5] and row[2] > 0 for row in org_daily), "no org row below threshold"

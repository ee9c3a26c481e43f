"""The three configurations the suite runs under, and the fixture table of each.

A configuration's table holds its seeded random data sets (random_events, 2024-2025)
followed by its hand scenarios (2026 on; the weekly scenario last), all far apart in
time and with their own ids, so one dbt build per configuration serves both the hand
scenarios and the randomized cross-check.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import scenarios_los_angeles, scenarios_window28
from .harness import Event, Scenario, check_separated
from .random_events import random_table
from .reference_model import Config
from .scenarios_shared import assert_same_local_day, shared_scenarios

SCENARIO_GAP_DAYS = 60


@dataclass(frozen=True)
class RunConfig:
    name: str
    dbt_vars: dict
    reference: Config
    random_seeds: tuple[int, ...]

    def hand_scenarios(self) -> list[Scenario]:
        """In table order (the weekly scenario stays last)."""
        if self.name == "default":
            return shared_scenarios()
        if self.name == "window28":
            return scenarios_window28.window28_scenarios()
        if self.name == "los_angeles":
            shared = shared_scenarios()
            assert_same_local_day(shared, scenarios_los_angeles.TIMEZONE)
            return scenarios_los_angeles.los_angeles_scenarios() + shared
        raise KeyError(self.name)

    def random_events(self) -> list[Event]:
        return random_table(self.random_seeds, label=f"r{self.name[:2]}")

    def fixture_events(self) -> list[Event]:
        scenarios = self.hand_scenarios()
        check_separated(scenarios, SCENARIO_GAP_DAYS)
        randoms = self.random_events()
        last_random = max(e.event_time for e in randoms if e.event_time is not None).date()
        first_hand = min(s.first_event_day for s in scenarios)
        assert (first_hand - last_random).days >= SCENARIO_GAP_DAYS
        return randoms + [event for scenario in scenarios for event in scenario.events]


CONFIGS = {
    "default": RunConfig("default", {}, Config(), (11, 12, 13)),
    "window28": RunConfig("window28", dict(scenarios_window28.DBT_VARS),
                          Config(window_days=28, min_consumers=3), (21, 22, 23)),
    "los_angeles": RunConfig("los_angeles", dict(scenarios_los_angeles.DBT_VARS),
                             Config(timezone=scenarios_los_angeles.TIMEZONE), (31, 32, 33)),
}

"""The configurations the suite runs under, and the fixture table of each build.

CONFIGS: a configuration's table holds its seeded random data sets (random_events,
2024-2025) followed by its hand scenarios (2026 on; the weekly scenario last), all far
apart in time and with their own ids, so one dbt build per configuration serves both the
hand scenarios and the randomized cross-check.

ADVERSARIAL: the property-based comparison's tables (adversarial_events), one per
configuration — the defaults, window 28 / 3 consumers / threshold 2, America/Los_Angeles —
with many small cases each; fewer cases on the slower engines.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from . import scenarios_los_angeles, scenarios_window28
from .adversarial_events import Case, Edges, adversarial_cases
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
    built_on: tuple[str, ...] = ("duckdb", "postgres", "spark")

    def engines(self) -> tuple[str, ...]:
        return self.built_on

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

    def fixture_events(self, engine: str = "duckdb") -> list[Event]:
        scenarios = self.hand_scenarios()
        check_separated(scenarios, SCENARIO_GAP_DAYS)
        randoms = self.random_events()
        last_random = max(e.event_time for e in randoms if e.event_time is not None).date()
        first_hand = min(s.first_event_day for s in scenarios)
        assert (first_hand - last_random).days >= SCENARIO_GAP_DAYS
        return randoms + [event for scenario in scenarios for event in scenario.events]


CONFIGS = {
    # Not on Spark either (CI time, DECISIONLOG "What runs on Spark in CI"): Spark builds
    # the shared scenarios in the Los Angeles table, and the demo under the defaults.
    "default": RunConfig("default", {}, Config(), (11, 12, 13), ("duckdb", "postgres")),
    # Not on Spark: the window length is a constant in SQL that is the same on every
    # engine, and Spark builds the 28-day adversarial table (CI time, README "Tests").
    "window28": RunConfig("window28", dict(scenarios_window28.DBT_VARS),
                          Config(window_days=28, min_consumers=3), (21, 22, 23), ("duckdb", "postgres")),
    "los_angeles": RunConfig("los_angeles", dict(scenarios_los_angeles.DBT_VARS),
                             Config(timezone=scenarios_los_angeles.TIMEZONE), (31, 32, 33)),
}


@dataclass(frozen=True)
class AdversarialConfig:
    name: str
    dbt_vars: dict
    reference: Config
    first_seed: int
    start: date                   # the first case's first day (later ones: whole weeks on)
    cases_per_engine: dict        # engine -> cases in its build; engines absent do not build

    def engines(self) -> tuple[str, ...]:
        return tuple(self.cases_per_engine)

    def cases(self, engine: str = "duckdb") -> list[Case]:
        edges = Edges(**{name: value for name, value in asdict(self.reference).items()
                         if name in Edges.__dataclass_fields__})
        return adversarial_cases(edges, self.cases_per_engine[engine], f"x{self.name[:2]}",
                                 self.first_seed, self.start)

    def fixture_events(self, engine: str = "duckdb") -> list[Event]:
        return [event for case in self.cases(engine) for event in case.events]


# 70 cases per table on DuckDB (210 a run), 20 on PostgreSQL, 10 of one table on Spark
# (about three CPU-minutes a Spark build, whatever its size). The first days fall on a
# Wednesday, a Monday and a Saturday: the first week is partial in two of the tables.
ADVERSARIAL = {
    "adversarial_default": AdversarialConfig(
        "adversarial_default", {}, Config(), 1000, date(2001, 1, 3),
        {"duckdb": 70, "postgres": 20}),
    "adversarial_window28": AdversarialConfig(
        "adversarial_window28",
        {"north_star_window_days": 28, "north_star_min_consumers": 3,
         "north_star_activation_threshold": 2},
        Config(window_days=28, min_consumers=3, activation_threshold=2), 2000, date(2001, 1, 1),
        {"duckdb": 70, "postgres": 20, "spark": 10}),
    "adversarial_los_angeles": AdversarialConfig(
        "adversarial_los_angeles", dict(scenarios_los_angeles.DBT_VARS),
        Config(timezone=scenarios_los_angeles.TIMEZONE), 3000, date(2001, 1, 6),
        {"duckdb": 70, "postgres": 20}),
}
BUILDS = {**CONFIGS, **ADVERSARIAL}

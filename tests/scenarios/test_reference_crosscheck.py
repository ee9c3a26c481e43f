"""Randomized cross-check: the dbt marts against reference_model on seeded random data.

Per configuration, three seeded data sets (random_events) share the fixture table with
the hand scenarios (configs.py), each on its own dates with its own ids; dbt builds the
marts once and every row of the marts, over the whole table, is compared with the
reference model's: the three North Star marts, and the metric tree with its anomaly
columns and the two growth accountings.
"""

import pytest

from .configs import CONFIGS
from .harness import (DAILY_COLUMNS, GROWTH_COLUMNS, METRICS_DAILY_COLUMNS, ORG_COLUMNS,
                      ORG_GROWTH_COLUMNS, WEEKLY_COLUMNS, first_differences)
from .reference_model import compute_marts, compute_operating_marts

MARTS = {  # mart -> (reference function, index in its result, Marts field, key length, columns)
    "fct_north_star_daily": (compute_marts, 0, "daily", 1, DAILY_COLUMNS),
    "fct_north_star_weekly": (compute_marts, 1, "weekly", 1, WEEKLY_COLUMNS),
    "fct_organization_north_star_daily": (compute_marts, 2, "org_daily", 2, ORG_COLUMNS),
    "fct_north_star_metrics_daily": (compute_operating_marts, 0, "metrics_daily", 2,
                                     METRICS_DAILY_COLUMNS),
    "fct_north_star_growth_accounting": (compute_operating_marts, 1, "growth", 2, GROWTH_COLUMNS),
    "fct_organization_growth_accounting": (compute_operating_marts, 2, "org_growth", 2,
                                           ORG_GROWTH_COLUMNS),
}
# Floating-point columns are computed in a different order by each engine and by Python.
FLOAT_DIGITS = 9
_REFERENCE = {}


def _reference(config_name, function):
    if (config_name, function) not in _REFERENCE:
        config = CONFIGS[config_name]
        _REFERENCE[config_name, function] = function(config.fixture_events(), config.reference)
    return _REFERENCE[config_name, function]


def _rounded(rows):
    return [tuple(round(value, FLOAT_DIGITS) if isinstance(value, float) else value for value in row)
            for row in rows]


@pytest.mark.parametrize("mart", list(MARTS))
@pytest.mark.parametrize("config_name", list(CONFIGS))
def test_marts_match_reference_model(mart_builds, config_name, mart):
    function, index, field, key_len, columns = MARTS[mart]
    expected = _rounded(_reference(config_name, function)[index])
    actual = _rounded(getattr(mart_builds.get(config_name), field))
    assert expected, "the reference produced no rows"
    differences = first_differences(actual, expected, key_len, columns)
    assert not differences, (f"{mart} under {config_name} (seeds {CONFIGS[config_name].random_seeds}, "
                             f"vars {CONFIGS[config_name].dbt_vars}): {differences}")

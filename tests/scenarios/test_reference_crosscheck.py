"""Randomized cross-check: the dbt marts against reference_model on seeded random data.

Per configuration, three seeded data sets (random_events) share the fixture table with
the hand scenarios (configs.py), each on its own dates with its own ids; dbt builds the
marts once and every row of the three marts, over the whole table, is compared with the
reference model's.
"""

import pytest

from .configs import CONFIGS
from .harness import DAILY_COLUMNS, ORG_COLUMNS, WEEKLY_COLUMNS, first_differences
from .reference_model import compute_marts

MARTS = {  # mart -> (index in compute_marts' result, Marts field, key length, columns)
    "fct_north_star_daily": (0, "daily", 1, DAILY_COLUMNS),
    "fct_north_star_weekly": (1, "weekly", 1, WEEKLY_COLUMNS),
    "fct_organization_north_star_daily": (2, "org_daily", 2, ORG_COLUMNS),
}
_REFERENCE = {}


def _reference(config_name):
    if config_name not in _REFERENCE:
        config = CONFIGS[config_name]
        _REFERENCE[config_name] = compute_marts(config.fixture_events(), config.reference)
    return _REFERENCE[config_name]


@pytest.mark.parametrize("mart", list(MARTS))
@pytest.mark.parametrize("config_name", list(CONFIGS))
def test_marts_match_reference_model(mart_builds, config_name, mart):
    index, field, key_len, columns = MARTS[mart]
    expected = _reference(config_name)[index]
    actual = getattr(mart_builds.get(config_name), field)
    assert expected, "the reference produced no rows"
    differences = first_differences(actual, expected, key_len, columns)
    assert not differences, (f"{mart} under {config_name} (seeds {CONFIGS[config_name].random_seeds}, "
                             f"vars {CONFIGS[config_name].dbt_vars}): {differences}")



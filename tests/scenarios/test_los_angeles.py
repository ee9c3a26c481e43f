"""Configuration 3: north_star_timezone America/Los_Angeles.

One test per hand scenario (expected rows derived by hand in the scenarios_* modules),
all scenarios built together in the configuration's fixture table (configs.py), plus
the structural checks of that build.
"""

import pytest

from .configs import CONFIGS
from .harness import assert_scenario, structural_problems

CONFIG = CONFIGS["los_angeles"]


@pytest.mark.parametrize("scenario", CONFIG.hand_scenarios(), ids=lambda s: s.key)
def test_scenario(mart_builds, scenario):
    assert_scenario(mart_builds.get(CONFIG.name), scenario)


def test_marts_are_consistent(mart_builds):
    problems = structural_problems(mart_builds.get(CONFIG.name))
    assert not problems, "\n\n".join(problems)

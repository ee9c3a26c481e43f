"""The statistical functions the engines lack (macros/statistics/) have the accuracy their
documentation states, on every engine `--engine` names: evaluated by the engine on a grid
(builds.stat_grid: x over ±30 in steps of 0.05 and around the branch points 1e-5, 1.5 and 26;
chi-square for 1 to 50 degrees of freedom, x from 0 to 1500) and compared with scipy.

Stated: erfc and Φ within a relative 2e-14 (erfc exactly 0 or 2 beyond |x| = 26, where
the true tail is below 1e-295); the chi-square tail within a relative 1e-12 where it
exceeds 1e-250, and within 1e-290 in absolute terms below (exponents are clipped).
"""

from __future__ import annotations

import numpy as np
from scipy import special, stats


def _grid(build, with_df: bool) -> dict[str, np.ndarray]:
    rows = [row for row in build.functions if (row["df"] is not None) == with_df]
    assert rows, "the grid is empty"
    return {name: np.array([np.nan if row[name] is None else float(row[name]) for row in rows])
            for name in ("x", "df", "erfc", "normal_cdf", "chi_square_sf")}


def _worst_relative_error(actual: np.ndarray, expected: np.ndarray) -> float:
    return float(np.max(np.abs(actual - expected) / expected))


def test_erfc_and_normal_cdf_are_accurate_to_2e_13(experiment_build):
    grid = _grid(experiment_build, with_df=False)
    inside = np.abs(grid["x"]) < 26
    assert inside.sum() > 1000
    assert _worst_relative_error(grid["erfc"][inside], special.erfc(grid["x"][inside])) < 2e-14
    assert np.all(grid["erfc"][~inside] == np.where(grid["x"][~inside] < 0, 2.0, 0.0))
    tail = stats.norm.cdf(grid["x"]) > 1e-290
    assert _worst_relative_error(grid["normal_cdf"][tail], stats.norm.cdf(grid["x"][tail])) < 2e-14


def test_chi_square_tail_is_accurate_to_1e_12(experiment_build):
    grid = _grid(experiment_build, with_df=True)
    expected = stats.chi2.sf(grid["x"], grid["df"])
    assert set(grid["df"].astype(int)) == set(range(1, 51))
    significant = expected > 1e-250
    assert _worst_relative_error(grid["chi_square_sf"][significant], expected[significant]) < 1e-12
    assert np.max(np.abs(grid["chi_square_sf"][~significant] - expected[~significant])) < 1e-290
    assert np.all(grid["chi_square_sf"][grid["x"] == 0] == 1)

"""Wrong variants of the experiment marts, each one edit of the real model (or of the
outcome macro it calls), built beside the real marts on DuckDB: the readout tests must
tell every one of them apart from the independent computation, so that a comparison that
passes means the SQL agrees with each clause, not that the data never reached it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UNITS = "fct_north_star_experiment_units"
RESULTS = "fct_north_star_experiment_results"
OUTCOME_MACRO = ROOT / "macros" / "experiments" / "north_star_experiment_outcome.sql"
CONTRACT = "{{ config(contract={'enforced': true}) }}"


@dataclass(frozen=True)
class Mutant:
    model: str                               # the mart it is a wrong variant of
    edits: tuple[tuple[str, str], ...]       # (old, new) in the model's SQL, each found once
    macro_edits: tuple[tuple[str, str], ...] = ()   # the same in the outcome macro, renamed


MUTANTS = {
    # Per-unit outcomes, compared with the reference model's.
    "units_last_assignment_counts": Mutant(UNITS, (("min(assigned_at) as assigned_at", "max(assigned_at) as assigned_at"),)),
    "units_horizon_one_day_longer": Mutant(UNITS, (("'assigned_units.horizon_days - 1'", "'assigned_units.horizon_days'"),)),
    "units_pre_period_one_day_longer": Mutant(UNITS, (("'-assigned_units.horizon_days'", "'-assigned_units.horizon_days - 1'"),)),
    "units_owner_views_count": Mutant(UNITS, (("    where view_days.viewer_user_id != learnings.owner_user_id\n", ""),)),
    "units_assignment_day_in_pre_period": Mutant(UNITS, (), (
        (">= {{ units }}.assigned_date then", "> {{ units }}.assigned_date then"),
        ("< {{ units }}.assigned_date then", "<= {{ units }}.assigned_date then"),
    )),
    "units_complete_one_day_early": Mutant(UNITS, (("windows.horizon_end_date <= data_bounds.last_date",
                                                     "windows.horizon_end_date < data_bounds.last_date"),)),
    # The readout, compared with numpy / scipy.
    "results_pooled_variance": Mutant(RESULTS, ((
        "{{ north_star_welch_z('mean', 'variance', 'units', 'control_mean', 'control_variance', 'control_units') }}",
        "(mean - control_mean) / nullif(sqrt((variance + control_variance) / 2"
        " * (1.0 / units + 1.0 / nullif(control_units, 0))), 0)",
    ),)),
    "results_population_variance": Mutant(RESULTS, (("var_samp(compared_outcomes.outcome) as variance",
                                                     "var_pop(compared_outcomes.outcome) as variance"),)),
    "results_one_sided_p_value": Mutant(RESULTS, (("2 * {{ north_star_normal_cdf('-abs(estimates.welch_z)') }}",
                                                   "{{ north_star_normal_cdf('-abs(estimates.welch_z)') }}"),)),
    "results_delta_method_without_control_variance": Mutant(RESULTS, ((
        "'mean', 'variance', 'units', 'control_mean', 'control_variance', 'control_units'\n        ) }} as relative_lift_standard_error",
        "'mean', 'variance', 'units', 'control_mean', '0', 'control_units'\n        ) }} as relative_lift_standard_error",
    ),)),
    "results_interval_at_90_percent": Mutant(RESULTS, (("z_975 = 1.959963984540054", "z_975 = 1.6448536269514722"),)),
    "results_theta_of_the_treatment_only": Mutant(RESULTS, ((
        "    from compared_outcomes\n    group by experiment_id, variant, metric_name",
        "    from compared_outcomes\n    where is_treatment\n    group by experiment_id, variant, metric_name",
    ),)),
    "results_covariate_not_centred": Mutant(RESULTS, ((
        "- cuped_adjustments.theta * (compared_outcomes.covariate - cuped_adjustments.covariate_mean)",
        "- cuped_adjustments.theta * compared_outcomes.covariate",
    ),)),
    "results_sample_ratio_with_k_degrees_of_freedom": Mutant(RESULTS, (("count(*) - 1 as degrees_of_freedom",
                                                                        "count(*) as degrees_of_freedom"),)),
    "results_significance_ignores_sample_ratio": Mutant(RESULTS, ((
        "tested.p_value < {{ alpha }} and tested.srm_p_value >= {{ srm_alpha }}", "tested.p_value < {{ alpha }}"),)),
}


def _edited(text: str, edits, name: str) -> str:
    for old, new in edits:
        assert text.count(old) == 1, f"mutant {name}: {old!r} is not in the model exactly once"
        text = text.replace(old, new)
    return text


def write_mutants(models: Path, macros: Path) -> None:
    """Each mutant as models/mutant__<name>.sql (without the contract, which its YAML
    would have to declare), with its own copy of the outcome macro when it edits it."""
    macros.mkdir(exist_ok=True)
    for name, mutant in MUTANTS.items():
        sql = (ROOT / "models" / "marts" / f"{mutant.model}.sql").read_text()
        sql = _edited(sql.replace(CONTRACT, ""), mutant.edits, name)
        if mutant.macro_edits:
            macro_name = f"mutant_outcome__{name}"
            macro = _edited(OUTCOME_MACRO.read_text(), mutant.macro_edits, name)
            (macros / f"{macro_name}.sql").write_text(
                macro.replace("macro north_star_experiment_outcome(", f"macro {macro_name}("))
            sql = sql.replace("north_star_experiment_outcome(", f"{macro_name}(")
        (models / f"mutant__{name}.sql").write_text(sql)

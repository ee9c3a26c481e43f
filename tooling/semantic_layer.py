"""MetricFlow's `mf` command over this project's semantic layer, without its update check.

dbt-metricflow's CLI asks PyPI for a newer release of itself before every command (the
`update_checker` package: a request to pypi.org, one second of waiting when it cannot be
reached). The project's own commands run nothing that leaves the machine, so this entry
point answers that check with "no update" and then runs the CLI unchanged:

    python -m tooling.semantic_layer query --metrics weekly_learning_users --group-by metric_time__week

It reads the dbt project and profiles that DBT_PROJECT_DIR and DBT_PROFILES_DIR name and
the semantic manifest `dbt parse` wrote into the project's target/ (`tooling.cli mf`
sets all three up).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    import update_checker

    update_checker.UpdateChecker.check = lambda self, package_name, package_version: None
    from dbt_metricflow.cli.main import cli

    try:
        cli.main(args=sys.argv[1:] if argv is None else argv, prog_name="mf")
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())

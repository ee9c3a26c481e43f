"""On Spark, `north_star_spark_day_partitions` decides how the models stored by day are
kept: partitioned by day and overwritten a partition at a time (the default), or plain
tables rebuilt whole every run (false). Read from the manifest of `dbt parse` against the
spark target, which needs dbt-spark but no Spark session."""

from __future__ import annotations

import json
import subprocess

import pytest

from tooling.dbt_runner import resolve_mode, run_dbt

pytest.importorskip("dbt.adapters.spark", reason="dbt-spark is installed with requirements-engines.txt")

# model -> its day column
STORED_BY_DAY = {"int_events_classified": "partition_date", "int_active_days": "event_date",
                 "fct_north_star_daily": "date_day", "fct_north_star_growth_accounting": "date_day"}


def parsed_configs(tmp_path, dbt_vars: dict) -> dict[str, dict]:
    target = tmp_path / "target"
    result = run_dbt(resolve_mode(quiet=True), ["parse"], dbt_vars=dbt_vars, target_path=target, capture=True,
                     env={"NORTH_STAR_TARGET": "spark", "NORTH_STAR_SPARK_DIR": str(tmp_path / "spark")})
    assert result.returncode == 0, (result.stdout or "")[-3000:]
    nodes = json.loads((target / "manifest.json").read_text())["nodes"]
    return {name: nodes[f"model.north_star.{name}"]["config"] for name in STORED_BY_DAY}


def test_models_stored_by_day_are_day_partitions_by_default(tmp_path):
    for name, config in parsed_configs(tmp_path, {}).items():
        assert config["materialized"] == "incremental", name
        assert config["incremental_strategy"] == "insert_overwrite", name
        assert config["partition_by"] == [STORED_BY_DAY[name]], name


def test_without_day_partitions_they_are_tables_rebuilt_whole(tmp_path):
    configs = parsed_configs(tmp_path, {"north_star_spark_day_partitions": False})
    for name, config in configs.items():
        assert config["materialized"] == "table", name
        assert config.get("partition_by") is None, name
        assert config["file_format"] == "parquet", name


def test_the_switch_must_be_a_boolean(tmp_path):
    result = run_dbt(resolve_mode(quiet=True), ["parse"], dbt_vars={"north_star_spark_day_partitions": "no"},
                     target_path=tmp_path / "target", capture=True,
                     env={"NORTH_STAR_TARGET": "spark", "NORTH_STAR_SPARK_DIR": str(tmp_path / "spark")})
    assert isinstance(result, subprocess.CompletedProcess)
    assert result.returncode != 0
    assert "Invalid north_star_spark_day_partitions: 'no' is not allowed; expected true or false" in result.stdout

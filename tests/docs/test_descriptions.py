"""What the docs site shows: every model and column described, and no description that
the site's column table would show with raw Markdown (it renders a column's description
as plain text there)."""

from __future__ import annotations

import json

import pytest

from tooling.dbt_runner import resolve_mode, run_dbt


@pytest.fixture(scope="module")
def manifest(tmp_path_factory) -> dict:
    target = tmp_path_factory.mktemp("docs") / "target"
    result = run_dbt(resolve_mode(quiet=True), ["parse"], target_path=target, capture=True,
                     env={"NORTH_STAR_DUCKDB_PATH": str(target.parent / "parse.duckdb")})
    assert result.returncode == 0, result.stdout[-3000:]
    return json.loads((target / "manifest.json").read_text())


def _package_models(manifest: dict) -> list[dict]:
    return [node for node in manifest["nodes"].values()
            if node["resource_type"] == "model" and node["package_name"] == "north_star"]


def test_every_model_and_column_is_described(manifest):
    missing = [node["name"] for node in _package_models(manifest) if not node["description"].strip()]
    missing += [f"{node['name']}.{name}" for node in _package_models(manifest)
                for name, column in node["columns"].items() if not column["description"].strip()]
    assert not missing, f"undescribed: {missing}"


def test_no_column_description_starts_with_markdown(manifest):
    starting = [f"{node['name']}.{name}" for node in _package_models(manifest)
                for name, column in node["columns"].items()
                if column["description"].lstrip().startswith(("*", "_", "#"))]
    assert not starting, f"shown with raw Markdown in the column table: {starting}"


def test_unit_test_names_fit_a_postgres_identifier(manifest):
    """dbt-postgres names a unit test's relation after the test: PostgreSQL refuses names
    longer than 63 characters, and the whole `dbt build` of that engine fails."""
    too_long = [node["name"] for node in manifest["unit_tests"].values() if len(node["name"]) > 63]
    assert not too_long, f"unit test names over 63 characters: {too_long}"

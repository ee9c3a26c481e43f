"""What the docs site shows: every model and column described, and no description that
the site's column table would show with raw Markdown (it renders a column's description
as plain text there). And names every tested engine accepts: dbt creates a relation named
after each unit test, which PostgreSQL refuses beyond 63 characters."""

from __future__ import annotations


def _package_models(manifest: dict) -> list[dict]:
    return [node for node in manifest["nodes"].values()
            if node["resource_type"] == "model" and node["package_name"] == "north_star"]


def test_every_model_and_column_is_described(parsed_manifest):
    missing = [node["name"] for node in _package_models(parsed_manifest) if not node["description"].strip()]
    missing += [f"{node['name']}.{name}" for node in _package_models(parsed_manifest)
                for name, column in node["columns"].items() if not column["description"].strip()]
    assert not missing, f"undescribed: {missing}"


def test_no_column_description_starts_with_markdown(parsed_manifest):
    starting = [f"{node['name']}.{name}" for node in _package_models(parsed_manifest)
                for name, column in node["columns"].items()
                if column["description"].lstrip().startswith(("*", "_", "#"))]
    assert not starting, f"shown with raw Markdown in the column table: {starting}"


def test_every_relation_name_fits_postgres(parsed_manifest):
    """PostgreSQL cuts identifiers at 63 characters and dbt refuses longer relation names
    there, unit tests' temporary relations included (named after the test)."""
    nodes = [*parsed_manifest["nodes"].values(), *parsed_manifest["unit_tests"].values()]
    too_long = [node["name"] for node in nodes
                if node["package_name"] == "north_star" and node["resource_type"] in ("model", "seed", "unit_test")
                and len(node["name"]) > 63]
    assert not too_long, f"longer than PostgreSQL's 63 characters: {too_long}"

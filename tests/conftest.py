"""Shared pytest setup: the repository root is importable and `--engine` picks the warehouse."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def pytest_addoption(parser):
    parser.addoption("--engine", default="duckdb", choices=["duckdb", "postgres", "spark", "all"],
                     help="warehouse(s) the scenario suites run on")


@pytest.fixture(scope="session")
def engine(request) -> str:
    return request.config.getoption("--engine")

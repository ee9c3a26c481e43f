"""Builds the marts once per configuration (in a private DuckDB file and target path
under pytest's tmp dir) and hands them to the tests.

The builds that the collected tests need start together, in background threads, as
soon as the first test asks for one: each is mostly dbt's start-up and parsing.
"""

from __future__ import annotations

import sys
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from .configs import CONFIGS  # noqa: E402
from .harness import Marts, build_marts, read_marts  # noqa: E402


class MartBuilds:
    def __init__(self, tmp_path_factory, executor: ThreadPoolExecutor):
        self._factory = tmp_path_factory
        self._executor = executor
        self._futures: dict[str, Future] = {}

    def start(self, config_name: str) -> None:
        if config_name not in self._futures:
            workdir = self._factory.mktemp(config_name)
            self._futures[config_name] = self._executor.submit(self._build, config_name, workdir)

    @staticmethod
    def _build(config_name: str, workdir: Path) -> Marts:
        config = CONFIGS[config_name]
        return read_marts(build_marts(workdir, config.fixture_events(), config.dbt_vars))

    def get(self, config_name: str) -> Marts:
        self.start(config_name)
        return self._futures[config_name].result()   # re-raises a failed build for each test


def _configs_used(items) -> list[str]:
    used = []
    for item in items:
        if "mart_builds" not in getattr(item, "fixturenames", ()):
            continue
        params = getattr(getattr(item, "callspec", None), "params", {})
        module_config = getattr(getattr(item, "module", None), "CONFIG", None)
        name = params.get("config_name") or (module_config.name if module_config else None)
        if name and name not in used:
            used.append(name)
    return used


@pytest.fixture(scope="session")
def mart_builds(request, tmp_path_factory):
    with ThreadPoolExecutor(max_workers=len(CONFIGS), thread_name_prefix="dbt") as executor:
        builds = MartBuilds(tmp_path_factory, executor)
        for config_name in _configs_used(request.session.items):
            builds.start(config_name)
        yield builds

"""Run dbt against this project, in normal or air-gapped mode.

dbt refuses every command while a package declared in packages.yml is not installed,
and the package hub cannot be reached from every machine. In air-gapped mode dbt runs
with --project-dir on a git-ignored overlay folder (.airgap/) whose entries are
symlinks to the project's own files beside an empty packages.yml, and the tests that
need dbt_utils / dbt_expectations are switched off through the var
north_star_package_tests.

dbt keeps only the last `--vars` it is given, so the runner passes exactly one: the
mode's base vars, then the caller's `dbt_vars`, then every `--vars` in the dbt arguments
(left to right), each later key winning.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OVERLAY = ROOT / ".airgap"
REQUIRED_PACKAGES = ("dbt_utils", "dbt_expectations")
# Entries never mirrored into the overlay: build output, installed packages, tooling state.
OVERLAY_SKIPPED = {
    "packages.yml", "package-lock.yml", "dbt_packages", "target", "logs",
    ".airgap", ".git", ".venv", ".pytest_cache", "__pycache__",
}
DBT = str(Path(sys.executable).with_name("dbt"))


def packages_installed(project_dir: Path = ROOT) -> bool:
    return all((project_dir / "dbt_packages" / name / "dbt_project.yml").exists()
               for name in REQUIRED_PACKAGES)


def build_overlay() -> Path:
    """Creates or refreshes the overlay in place, so concurrent runs can share it."""
    OVERLAY.mkdir(exist_ok=True)
    wanted = {entry.name: entry for entry in ROOT.iterdir() if entry.name not in OVERLAY_SKIPPED}
    for entry in OVERLAY.iterdir():
        if entry.is_symlink() and entry.name not in wanted:
            entry.unlink()
    for name, target in wanted.items():
        link = OVERLAY / name
        if not link.is_symlink():
            link.symlink_to(target)
    packages = OVERLAY / "packages.yml"
    if not packages.exists():
        packages.write_text("packages: []\n")
    return OVERLAY


@dataclass
class DbtMode:
    project_dir: Path
    air_gapped: bool
    base_vars: dict = field(default_factory=dict)


def resolve_mode(quiet: bool = False) -> DbtMode:
    """Normal mode when the packages are installed (or `dbt deps` can install them)."""
    forced = os.environ.get("NORTH_STAR_AIRGAPPED", "") not in ("", "0", "false")
    if not forced and not packages_installed():
        deps = subprocess.run([DBT, "deps", "--project-dir", str(ROOT), "--profiles-dir", str(ROOT)],
                              capture_output=True, text=True, timeout=300, env=dbt_env())
        if deps.returncode != 0 and not quiet:
            print("north_star: `dbt deps` could not reach the package hub.")
    if not forced and packages_installed():
        return DbtMode(ROOT, False)
    if not quiet:
        print("north_star: air-gapped mode: dbt_utils / dbt_expectations are not installed, "
              "so the tests that need them are excluded (models and all other tests run).")
    return DbtMode(build_overlay(), True, {"north_star_package_tests": False})


def dbt_env(extra: dict | None = None) -> dict:
    env = dict(os.environ)
    env.setdefault("NORTH_STAR_DUCKDB_PATH", str(ROOT / "target" / "north_star.duckdb"))
    env.setdefault("NORTH_STAR_DUCKDB_TEMP_DIR", str(ROOT / "target" / "duckdb_tmp"))
    env.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    env.update(extra or {})
    return env


class DbtVarsError(ValueError):
    """A `--vars` value dbt would refuse, reported in one line before dbt starts."""


def parse_vars(text: str) -> dict:
    """A `--vars` value as dbt reads it: a YAML (so also JSON) dictionary."""
    try:
        parsed = yaml.safe_load(text)
    except yaml.YAMLError:
        raise DbtVarsError(f"--vars {text!r} is not valid YAML or JSON") from None
    if not isinstance(parsed, dict):
        raise DbtVarsError(f"--vars must be a dictionary such as '{{\"key\": \"value\"}}', "
                           f"not {type(parsed).__name__}: {text!r}")
    return parsed


def merge_vars_args(args: Sequence[str], base_vars: dict) -> tuple[list[str], dict]:
    """Takes every `--vars X` / `--vars=X` out of `args`; returns the other arguments and
    `base_vars` updated by those values, left to right (later keys win)."""
    rest: list[str] = []
    merged = dict(base_vars)
    remaining = iter(args)
    for arg in remaining:
        if arg == "--vars":
            text = next(remaining, None)
            if text is None:
                raise DbtVarsError("--vars needs a value: a YAML or JSON dictionary")
        elif arg.startswith("--vars="):
            text = arg.removeprefix("--vars=")
        else:
            rest.append(arg)
            continue
        merged.update(parse_vars(text))
    return rest, merged


def run_dbt(mode: DbtMode, args: list[str], dbt_vars: dict | None = None,
            env: dict | None = None, target_path: Path | None = None,
            capture: bool = False) -> subprocess.CompletedProcess:
    """dbt `args` in `mode`; raises DbtVarsError for a `--vars` in `args` that is not a
    dictionary."""
    args, merged = merge_vars_args(args, {**mode.base_vars, **(dbt_vars or {})})
    environment = dbt_env(env)
    # DuckDB creates its database file but not the folder it lives in.
    Path(environment["NORTH_STAR_DUCKDB_PATH"]).parent.mkdir(parents=True, exist_ok=True)
    command = [DBT, *args, "--project-dir", str(mode.project_dir), "--profiles-dir", str(ROOT)]
    if merged:
        # YAML, which dbt reads, keeps what JSON cannot: a user's dates stay dates.
        flow = yaml.safe_dump(merged, default_flow_style=True, width=float("inf")).strip()
        command += ["--vars", flow]
    if target_path is not None:
        command += ["--target-path", str(target_path)]
    return subprocess.run(command, cwd=mode.project_dir, env=environment,
                          capture_output=capture, text=True)

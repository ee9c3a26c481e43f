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

import json
import os
import subprocess
import sys
import time
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


# Whether this process already ran `dbt deps`: an unreachable hub costs seconds per attempt.
_deps_attempted = False


def resolve_mode(quiet: bool = False) -> DbtMode:
    """Normal mode when the packages are installed (or `dbt deps` can install them).
    `dbt deps` is tried once per process; `export_mode` passes the answer to child processes."""
    global _deps_attempted
    forced = os.environ.get("NORTH_STAR_AIRGAPPED", "") not in ("", "0", "false")
    if not forced and not packages_installed() and not _deps_attempted:
        _deps_attempted = True
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


def export_mode(mode: DbtMode) -> None:
    """Child processes (pytest, the engine comparison) inherit the air-gapped decision
    instead of each trying the package hub again."""
    if mode.air_gapped:
        os.environ["NORTH_STAR_AIRGAPPED"] = "1"


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
    started = time.time()
    result = dbt_command(command[1:], mode.project_dir, environment, capture)
    if result.returncode != 0:
        results_file = run_results_path(mode.project_dir, args, target_path, environment)
        hint = out_of_memory_hint(results_file, environment, since=started)
        if hint is not None:
            if capture:
                result.stdout = (result.stdout or "") + hint + "\n"
            else:
                print(hint, flush=True)
    return result


_preloaded = False


def use_preloaded_dbt() -> None:
    """From now on this process forks its dbt commands from a process that has imported
    dbt already (tooling.preloaded_dbt), instead of starting a new Python for each."""
    global _preloaded
    _preloaded = True


def dbt_command(args: Sequence[str], cwd: Path, env: dict, capture: bool) -> subprocess.CompletedProcess:
    """`dbt args` in `cwd` with `env` (the whole environment), as subprocess.run runs it."""
    if _preloaded and env.get("NORTH_STAR_TARGET", "duckdb") == "duckdb":
        from tooling import preloaded_dbt

        return preloaded_dbt.run(args, cwd, env, capture)
    return subprocess.run([DBT, *args], cwd=cwd, env=env, capture_output=capture, text=True)


# DuckDB's error class when a query exceeds memory_limit (and cannot spill). Its own
# advice ("SET memory_limit='...GB'") does not apply to a dbt run: the limit comes from
# the profile's config_options, i.e. NORTH_STAR_DUCKDB_MEMORY_LIMIT.
DUCKDB_OUT_OF_MEMORY = "Out of Memory Error"


def run_results_path(project_dir: Path, args: Sequence[str], target_path: Path | None = None,
                     env: dict | None = None) -> Path:
    """Where dbt writes run_results.json: `target_path`, else a `--target-path` in `args`,
    else DBT_TARGET_PATH, else `<project_dir>/target`."""
    chosen = str(target_path) if target_path is not None else None
    for index, arg in enumerate(args):
        if chosen is None and arg == "--target-path" and index + 1 < len(args):
            chosen = args[index + 1]
        elif chosen is None and arg.startswith("--target-path="):
            chosen = arg.removeprefix("--target-path=")
    chosen = chosen or (env or {}).get("DBT_TARGET_PATH") or "target"
    path = Path(chosen)
    return (path if path.is_absolute() else Path(project_dir) / path) / "run_results.json"


def out_of_memory_hint(run_results: Path, env: dict, since: float | None = None) -> str | None:
    """One line naming NORTH_STAR_DUCKDB_MEMORY_LIMIT when a result in `run_results`
    (dbt's run_results.json) ran out of DuckDB memory; None when none did, or when the file
    is missing, unreadable or older than `since` (left by an earlier command)."""
    try:
        if since is not None and run_results.stat().st_mtime < since - 1:
            return None
        results = json.loads(run_results.read_text()).get("results") or []
    except (OSError, ValueError, AttributeError):
        return None
    if not any(DUCKDB_OUT_OF_MEMORY in str((entry or {}).get("message") or "") for entry in results):
        return None
    limit = env.get("NORTH_STAR_DUCKDB_MEMORY_LIMIT", "12GB")
    threads = env.get("NORTH_STAR_THREADS", "2")
    return (f"north_star: DuckDB ran out of memory (memory_limit NORTH_STAR_DUCKDB_MEMORY_LIMIT={limit}, "
            f"NORTH_STAR_THREADS={threads}): raise NORTH_STAR_DUCKDB_MEMORY_LIMIT, or lower "
            "NORTH_STAR_THREADS (DuckDB's `SET memory_limit` hint above does not apply to dbt runs).")


def build_summary(run_results: Path) -> str:
    """`129 passed, 1 warning, 0 failed in 17 s` from dbt's run_results.json."""
    try:
        results = json.loads(run_results.read_text())
    except (OSError, ValueError):
        return "left no results"
    statuses = [result.get("status") for result in results.get("results", [])]
    passed = sum(status in ("success", "pass") for status in statuses)
    warned = statuses.count("warn")
    failed = sum(status in ("error", "fail") for status in statuses)
    return (f"{passed} passed, {warned} warning{'s' * (warned != 1)}, {failed} failed "
            f"in {results.get('elapsed_time', 0):.0f} s")

"""dbt commands forked from a process that has already imported dbt.

A dbt command in a fresh Python spends about two seconds of CPU importing dbt and its
adapter before it reads the project; the test suite runs close to a hundred of them on
two cores. A multiprocessing forkserver imports dbt once, then forks one child per
command: the child takes the command's working directory and environment, runs dbt's
command line, and ends with dbt's exit code, exactly as `dbt <args>` in a subprocess
would. The forkserver is single-threaded, so forking it is safe even when the caller
runs dbt from several threads. Only DuckDB commands are forked (tooling.dbt_runner
decides): Spark's session starts a JVM that a process of its own shuts down cleanly.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

PRELOADED_MODULES = ["dbt.cli.main", "dbt.adapters.duckdb"]
_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(PRELOADED_MODULES)


def _dbt_in_child(args: list[str], cwd: str, env: dict, stdout_path: str, stderr_path: str) -> None:
    # A session of its own, so that callers can kill the command as they kill a subprocess.
    os.setsid()
    for path, fd in ((stdout_path, 1), (stderr_path, 2)):
        os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    from dbt.cli.main import cli

    # dbt reads some flags (--full-refresh among them) from sys.argv, not from its arguments.
    sys.argv = ["dbt", *args]
    try:
        cli.main(args=args, prog_name="dbt")
    finally:
        _end_as_an_interpreter_does()


def _end_as_an_interpreter_does() -> None:
    """A forked child ends with os._exit, which skips what the end of a Python process
    does: the exit handlers (log files flushed) and closing DuckDB, which moves its
    write-ahead log into the database file (a copy of the file would miss the last
    writes otherwise)."""
    atexit._run_exitfuncs()
    connections = sys.modules.get("dbt.adapters.duckdb.connections")
    environment = connections and connections.DuckDBConnectionManager._ENV
    if environment is not None:
        environment.close()


def start(args: Sequence[str], cwd: Path, env: dict, stdout_path: Path,
          stderr_path: Path) -> multiprocessing.Process:
    """Starts `dbt args`, its output going to the two files; returns the process (its
    `pid` leads a process group; `exitcode` as subprocess's `returncode`)."""
    process = _context.Process(target=_dbt_in_child, daemon=False,
                               args=(list(args), str(cwd), dict(env), str(stdout_path), str(stderr_path)))
    process.start()
    return process


def run(args: Sequence[str], cwd: Path, env: dict, capture: bool,
        on_line: Callable[[str], bool] | None = None) -> subprocess.CompletedProcess:
    """`dbt args` as subprocess.run would run it (capture: output in the result, else
    printed). `on_line` sees each stdout line as it is written; when it returns True the
    command is killed with SIGKILL, as a crash would end it."""
    with tempfile.TemporaryDirectory(prefix="north_star_dbt_") as scratch:
        stdout_path, stderr_path = Path(scratch) / "stdout", Path(scratch) / "stderr"
        stdout_path.touch()
        stderr_path.touch()
        process = start(args, cwd, env, stdout_path, stderr_path)
        if on_line is not None:
            _follow(process, stdout_path, on_line)
        process.join()
        stdout, stderr = stdout_path.read_text(), stderr_path.read_text()
    if not capture:
        sys.stdout.write(stdout)
        sys.stderr.write(stderr)
        sys.stdout.flush()
    return subprocess.CompletedProcess(["dbt", *args], process.exitcode,
                                       stdout if capture else None, stderr if capture else None)


def _follow(process: multiprocessing.Process, stdout_path: Path, on_line: Callable[[str], bool]) -> None:
    with open(stdout_path) as output:
        pending = ""
        while True:
            alive = process.is_alive()
            pending += output.read()
            *lines, pending = pending.split("\n")
            for line in lines:
                if on_line(line):
                    with contextlib.suppress(ProcessLookupError):  # it may have ended already
                        os.killpg(process.pid, signal.SIGKILL)
                    return
            if not alive:
                return
            time.sleep(0.05)

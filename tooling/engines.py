"""The environments dbt needs to build north_star on each tested engine.

DuckDB needs only a database file. PostgreSQL needs a server: `postgres_server()`
starts a throwaway one (Debian's `postgresql` package, installed when missing; a
temporary data directory; 127.0.0.1 only; a free port; a random password) and stops it
and removes its files on the way out, also when the body raises. Spark runs in the dbt
process through pyspark (dbt-spark's `session` method), with the warehouse (parquet
files) and its Derby metastore under the target path: `spark_env()`.

The throwaway server is a superuser's, so only its password opens it: every connection,
the unix socket's included, authenticates with scram-sha-256 (pg_hba.conf has no `trust`
line), and the server's directory (data, log, socket folder) and the socket are mode
0700, owned by the server's OS user (`postgres` when run as root).

A server's directory is either made by start_postgres or given to it; a given one must
be empty (refused otherwise, before anything is touched) and becomes the server's (mode
0700, as root owned by `postgres`). start_postgres first writes PG_STATE_FILE there;
stop_postgres refuses a directory without it, deleting nothing, and removes only the
entries start_postgres makes, plus the directory itself when start_postgres made it. A
failed start removes the same and shows initdb's or pg_ctl's own output.

Every function returns or yields the environment variables to add to dbt's, for the
target of the same name in profiles.yml:

    with engine_env("postgres", ROOT / "target" / "postgres") as env:
        run_dbt(mode, ["build"], env=env, target_path=ROOT / "target" / "postgres")

Command line (used by .ci/postgres.sh; a refused or failed command exits 1 with a
one-line reason, initdb's output after it):

    python -m tooling.engines postgres-start DIR   # prints `export NAME=value` lines
    python -m tooling.engines postgres-stop DIR
    python -m tooling.engines run ENGINE [--target-path P] -- COMMAND...  # with ENGINE's env
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import json
import os
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
ENGINES = ("duckdb", "postgres", "spark")
PG_USER = "north_star"
PG_DATABASE = "postgres"
PG_SCHEMA = "north_star"
# Written into a server's directory by start_postgres, read by stop_postgres.
PG_STATE_FILE = "north_star_server.json"
# The folder of the server's unix socket, inside its directory.
PG_SOCKET_DIR = "socket"
# Everything start_postgres makes in a server's directory: all that stop_postgres removes.
# The state file goes last, so an interrupted stop can be run again.
PG_SERVER_ENTRIES = ("password", "data", PG_SOCKET_DIR, "server.log", PG_STATE_FILE)
# Replaces initdb's: a password for every connection, over the socket too.
PG_HBA = """\
# Written by tooling/engines.py: no connection without the password.
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 scram-sha-256
host    all       all   127.0.0.1/32  scram-sha-256
"""


# ------------------------------------------------------------------ Debian packages

def apt_install(*packages: str) -> None:
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise RuntimeError(f"not installed: {' '.join(packages)} (install it, e.g. with apt-get)")
    print(f"north_star: installing {' '.join(packages)} (Debian packages)...", file=sys.stderr)
    apt_env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update"], check=True, env=apt_env, stdout=subprocess.DEVNULL)
    subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", *packages],
                   check=True, env=apt_env, stdout=subprocess.DEVNULL)


# --------------------------------------------------------------------------- DuckDB

def duckdb_env(target_path: Path) -> dict[str, str]:
    target_path = Path(target_path).resolve()
    return {
        "NORTH_STAR_TARGET": "duckdb",
        "NORTH_STAR_DUCKDB_PATH": str(target_path / "north_star.duckdb"),
        "NORTH_STAR_DUCKDB_TEMP_DIR": str(target_path / "duckdb_tmp"),
    }


# ---------------------------------------------------------------------------- Spark

def ensure_java() -> None:
    """pyspark 3.5 needs a Java 8/11/17 runtime; installs Debian's 17 when there is none."""
    if os.environ.get("JAVA_HOME") or shutil.which("java"):
        return
    apt_install("openjdk-17-jre-headless")


def spark_env(target_path: Path) -> dict[str, str]:
    """The spark target with its warehouse and metastore in `target_path`/spark.

    Absolute paths: the Derby metastore records table locations, and dbt may run from
    the project or from its air-gapped overlay."""
    ensure_java()
    spark_dir = Path(target_path).resolve() / "spark"
    spark_dir.mkdir(parents=True, exist_ok=True)
    return {
        "NORTH_STAR_TARGET": "spark",
        "NORTH_STAR_SPARK_DIR": str(spark_dir),
        "SPARK_LOCAL_IP": "127.0.0.1",
        "PYSPARK_PYTHON": sys.executable,
        "PYSPARK_DRIVER_PYTHON": sys.executable,
    }


def spark_session_conf(spark_dir: Path) -> dict[str, str]:
    """The settings the spark target gives its session (see profiles.yml), for a
    pyspark session of our own over the same warehouse and metastore."""
    spark_dir = Path(spark_dir).resolve()
    return {
        "spark.master": "local[2]",
        "spark.sql.warehouse.dir": f"{spark_dir}/warehouse",
        "spark.hadoop.javax.jdo.option.ConnectionURL":
            f"jdbc:derby:;databaseName={spark_dir}/metastore_db;create=true",
        "spark.driver.extraJavaOptions": f"-Dderby.system.home={spark_dir}",
        "spark.sql.session.timeZone": "UTC",
        "spark.sql.shuffle.partitions": "2",
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
    }


# ----------------------------------------------------------------------- PostgreSQL

def postgres_bin_dir(install: bool = True) -> Path:
    """The newest installed PostgreSQL's bin directory; installs Debian's package when
    there is none (as root) or explains how to."""
    override = os.environ.get("NORTH_STAR_PG_BIN")
    if override:
        return Path(override)
    def major_version(initdb: str) -> int:
        name = Path(initdb).parent.parent.name
        return int(name) if name.isdigit() else 0

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=major_version)
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).parent
    if install and os.geteuid() == 0 and shutil.which("apt-get"):
        apt_install("postgresql")
        return postgres_bin_dir(install=False)
    raise RuntimeError("PostgreSQL is not installed: `apt-get install postgresql`, or set "
                       "NORTH_STAR_PG_BIN to the directory holding initdb and pg_ctl.")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as the `postgres` user."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def _chown_to_server_user(path: Path) -> None:
    if os.geteuid() == 0:
        shutil.chown(path, user="postgres", group="postgres")


def _make_private(path: Path) -> None:
    """Only the server's OS user may enter: a superuser's data and socket live here."""
    path.chmod(0o700)
    _chown_to_server_user(path)


def _claim_server_dir(base_dir: Path | None) -> tuple[Path, bool]:
    """The server's directory and whether this call made it. A given folder must be empty,
    so that nothing of the caller's is ever in the way of the server or of its removal."""
    if base_dir is None:
        return Path(tempfile.mkdtemp(prefix="north_star_pg_")).resolve(), True
    base_dir = Path(base_dir).resolve()
    if not base_dir.exists():
        base_dir.mkdir(parents=True, mode=0o700)
        return base_dir, True
    if not base_dir.is_dir() or any(base_dir.iterdir()):
        raise RuntimeError(f"{base_dir} is not an empty folder: give postgres-start a new or "
                           "an empty one (nothing was changed)")
    return base_dir, False


def _read_state(base_dir: Path) -> dict:
    """The state start_postgres wrote: the proof that base_dir is a server's to remove."""
    try:
        return json.loads((base_dir / PG_STATE_FILE).read_text())
    except (OSError, ValueError):
        raise RuntimeError(f"{base_dir} holds no server of postgres-start (no readable "
                           f"{PG_STATE_FILE}): nothing stopped or deleted") from None


def _init_cluster(bin_dir: Path, base_dir: Path, password: str) -> Path:
    """initdb with password authentication from the start, never a moment of `trust`;
    returns the data directory."""
    password_file = base_dir / "password"
    password_file.touch(mode=0o600)
    password_file.write_text(password + "\n")
    _chown_to_server_user(password_file)
    data_dir = base_dir / "data"
    try:
        initdb = subprocess.run(
            _as_server_user([
                str(bin_dir / "initdb"), "-D", str(data_dir), "-U", PG_USER,
                f"--pwfile={password_file}", "--auth=scram-sha-256", "--encoding=UTF8",
                "--locale=C", "--no-sync",
            ]),
            capture_output=True, text=True,
        )
    finally:
        password_file.unlink()
    if initdb.returncode != 0:
        raise RuntimeError(f"initdb failed (exit {initdb.returncode}):\n"
                           f"{initdb.stderr.strip() or initdb.stdout.strip()}")
    # initdb made the file, mode 0600 and owned by the server's user; both stay.
    (data_dir / "pg_hba.conf").write_text(PG_HBA)
    return data_dir


def _start_server(bin_dir: Path, data_dir: Path, socket_dir: Path, log_file: Path) -> int:
    """Starts the server on a free port (another process may take it first: retried);
    returns the port."""
    for _ in range(5):
        port = _free_port()
        options = " ".join([
            "-c listen_addresses=127.0.0.1", f"-p {port}",
            f"-k {shlex.quote(str(socket_dir))}", "-c unix_socket_permissions=0700",
            # A throwaway server: durability buys nothing.
            "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off",
        ])
        started = subprocess.run(
            _as_server_user([str(bin_dir / "pg_ctl"), "start", "-D", str(data_dir), "-w",
                             "-t", "60", "-l", str(log_file), "-o", options]),
            capture_output=True, text=True,
        )
        if started.returncode == 0:
            return port
    log = log_file.read_text() if log_file.exists() else ""
    raise RuntimeError(f"PostgreSQL did not start:\n{started.stdout}{started.stderr}{log}")


def start_postgres(base_dir: Path | None = None) -> tuple[dict[str, str], Path]:
    """Starts a throwaway server; returns the env for the postgres target and its
    directory (to pass to stop_postgres). A failed start removes what it made."""
    bin_dir = postgres_bin_dir()
    base_dir, made_dir = _claim_server_dir(base_dir)
    # First of all, so that every later failure can be cleaned up by stop_postgres.
    (base_dir / PG_STATE_FILE).write_text(json.dumps({"bin_dir": str(bin_dir),
                                                      "made_dir": made_dir}))
    try:
        _make_private(base_dir)
        password = secrets.token_urlsafe(24)
        data_dir = _init_cluster(bin_dir, base_dir, password)
        socket_dir = base_dir / PG_SOCKET_DIR
        socket_dir.mkdir()
        _make_private(socket_dir)
        port = _start_server(bin_dir, data_dir, socket_dir, base_dir / "server.log")
    except BaseException:
        stop_postgres(base_dir)
        raise
    env = {
        "NORTH_STAR_TARGET": "postgres",
        "NORTH_STAR_PG_HOST": "127.0.0.1",
        "NORTH_STAR_PG_PORT": str(port),
        "NORTH_STAR_PG_USER": PG_USER,
        "NORTH_STAR_PG_PASSWORD": password,
        "NORTH_STAR_PG_DATABASE": PG_DATABASE,
        "NORTH_STAR_PG_SCHEMA": PG_SCHEMA,
    }
    return env, base_dir


def stop_postgres(base_dir: Path) -> None:
    """Stops the server start_postgres started in base_dir (if it runs) and removes what
    start_postgres made there. Raises RuntimeError, deleting nothing, for a directory
    without its state file: whatever that folder holds is not this tool's to delete."""
    base_dir = Path(base_dir)
    state = _read_state(base_dir)
    data_dir = base_dir / "data"
    if (data_dir / "postmaster.pid").exists():
        # Its result is not checked: after a crash pg_ctl fails on the stale pid file,
        # and the files must go all the same.
        subprocess.run(
            _as_server_user([str(Path(state["bin_dir"]) / "pg_ctl"), "stop", "-D",
                             str(data_dir), "-m", "immediate", "-w", "-t", "30"]),
            capture_output=True, text=True,
        )
    for name in PG_SERVER_ENTRIES:
        entry = base_dir / name
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink(missing_ok=True)
    if state.get("made_dir"):
        try:
            base_dir.rmdir()
        except OSError:
            print(f"north_star: left {base_dir}: it holds files postgres-start did not make",
                  file=sys.stderr)


@contextlib.contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """SIGTERM ends the process without running `finally`; inside this block it raises
    SystemExit instead, so that servers are stopped."""
    if sys.platform == "win32" or not _in_main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)

    def handler(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _in_main_thread() -> bool:
    import threading
    return threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def postgres_server(base_dir: Path | None = None) -> Iterator[dict[str, str]]:
    """A throwaway PostgreSQL for the body; yields the env for the postgres target."""
    with _terminate_as_exit():
        env, server_dir = start_postgres(base_dir)
        try:
            yield env
        finally:
            stop_postgres(server_dir)


# -------------------------------------------------------------------------- Engines

@contextlib.contextmanager
def engine_env(engine: str, target_path: Path) -> Iterator[dict[str, str]]:
    """The env for `engine`'s target, with the build's files in target_path; for
    postgres a server that lives as long as the block."""
    target_path = Path(target_path)
    target_path.mkdir(parents=True, exist_ok=True)
    if engine == "duckdb":
        yield duckdb_env(target_path)
    elif engine == "spark":
        yield spark_env(target_path)
    elif engine == "postgres":
        if os.environ.get("NORTH_STAR_PG_HOST"):
            # A server given from outside (e.g. by .ci/postgres.sh or a CI service).
            yield {"NORTH_STAR_TARGET": "postgres"}
        else:
            with postgres_server() as env:
                yield env
    else:
        raise ValueError(f"unknown engine {engine!r}: expected one of {', '.join(ENGINES)}")


def expand_engines(choice: str) -> list[str]:
    """`all` or one engine name, as given to `--engine`."""
    return list(ENGINES) if choice == "all" else [choice]


def _postgres_command(command: str, server_dir: Path) -> int:
    """postgres-start / postgres-stop; a refusal or a failed start is reported, not
    raised: the message says all there is to know."""
    try:
        if command == "postgres-stop":
            stop_postgres(server_dir)
            return 0
        env, _ = start_postgres(server_dir)
    except RuntimeError as error:
        print(f"north_star: {error}", file=sys.stderr)
        return 1
    for name, value in env.items():
        print(f"export {name}={shlex.quote(value)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tooling.engines")
    commands = parser.add_subparsers(dest="command", required=True)
    start = commands.add_parser("postgres-start", help="start a server; print its env as exports")
    start.add_argument("dir", type=Path)
    stop = commands.add_parser("postgres-stop", help="stop postgres-start's server in DIR, "
                                                     "remove the files it made")
    stop.add_argument("dir", type=Path)
    run = commands.add_parser("run", help="run a command with an engine's env")
    run.add_argument("engine", choices=ENGINES)
    run.add_argument("--target-path", type=Path, default=None)
    argv = sys.argv[1:] if argv is None else argv
    cmd: list[str] = []
    if "--" in argv:
        cmd = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    args = parser.parse_args(argv)

    if args.command in ("postgres-start", "postgres-stop"):
        return _postgres_command(args.command, args.dir)
    if not cmd:
        parser.error("run: no command given after --")
    target_path = args.target_path or ROOT / "target" / args.engine
    with _terminate_as_exit(), engine_env(args.engine, target_path) as env:
        return subprocess.run(cmd, env={**os.environ, **env}).returncode


if __name__ == "__main__":
    sys.exit(main())

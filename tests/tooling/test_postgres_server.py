"""The throwaway PostgreSQL of tooling/engines.py: only its password opens it, and its
commands delete only what they made.

The refusals run without PostgreSQL (a fake initdb stands in where one is needed); the
security checks start a real server and are skipped when PostgreSQL is not installed.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

from tooling import engines
from tooling.dbt_runner import ROOT

FAKE_INITDB_ERROR = "initdb: error: the fake initdb of test_postgres_server refuses"


def _engines_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tooling.engines", *args], cwd=ROOT,
                          env={**os.environ, **(env or {})}, capture_output=True, text=True,
                          timeout=120)


def _os_user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextlib.contextmanager
def _shared_folder() -> Iterator[Path]:
    """A folder outside pytest's tmp_path, which is private to the user running pytest:
    as root the server runs as `postgres`, which must reach the files made here."""
    folder = Path(tempfile.mkdtemp(prefix="north_star_test_"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def shared_tmp():
    with _shared_folder() as folder:
        yield folder


@pytest.fixture
def failing_initdb(shared_tmp):
    """NORTH_STAR_PG_BIN naming an initdb that fails the way a real one does: a message
    on stderr and exit 1."""
    if os.geteuid() == 0 and not _os_user_exists("postgres"):
        pytest.skip("as root initdb runs as the OS user `postgres`, which does not exist")
    bin_dir = shared_tmp / "bin"
    bin_dir.mkdir()
    initdb = bin_dir / "initdb"
    initdb.write_text(f"#!/bin/sh\necho '{FAKE_INITDB_ERROR}' >&2\nexit 1\n")
    initdb.chmod(0o755)
    return {"NORTH_STAR_PG_BIN": str(bin_dir)}


# ----------------------------------------------------------- refusals, no server needed

def test_stop_refuses_a_folder_without_the_state_file(tmp_path):
    keep = tmp_path / "precious.txt"
    keep.write_text("the user's")
    result = _engines_cli("postgres-stop", str(tmp_path))
    assert result.returncode != 0
    assert "nothing stopped or deleted" in result.stderr
    assert "Traceback" not in result.stderr
    assert keep.read_text() == "the user's"


def test_start_refuses_a_folder_that_is_not_empty(tmp_path, failing_initdb):
    keep = tmp_path / "precious.txt"
    keep.write_text("the user's")
    result = _engines_cli("postgres-start", str(tmp_path), env=failing_initdb)
    assert result.returncode != 0
    assert "not an empty folder" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == [keep]


def test_failed_start_keeps_the_given_folder_and_shows_initdb_output(tmp_path, failing_initdb):
    given = tmp_path / "server"
    given.mkdir()
    result = _engines_cli("postgres-start", str(given), env=failing_initdb)
    assert result.returncode != 0
    assert FAKE_INITDB_ERROR in result.stderr
    assert "Traceback" not in result.stderr
    assert given.is_dir() and list(given.iterdir()) == []


def test_failed_start_removes_the_folder_it_made(tmp_path, failing_initdb):
    made = tmp_path / "new" / "server"
    result = _engines_cli("postgres-start", str(made), env=failing_initdb)
    assert result.returncode != 0
    assert FAKE_INITDB_ERROR in result.stderr
    assert not made.exists()


# ------------------------------------------------------------------ with a real server

def _installed_bin_dir() -> Path:
    try:
        return engines.postgres_bin_dir(install=False)
    except RuntimeError as error:
        pytest.skip(f"PostgreSQL is not installed ({error})")


@pytest.fixture(scope="module")
def server():
    """One throwaway server for the security checks: (its env, its directory). In a
    directory it makes itself, in a world-readable folder: its own mode is the tool's."""
    _installed_bin_dir()
    with _shared_folder() as folder:
        env, server_dir = engines.start_postgres(folder / "server")
        try:
            yield env, server_dir
        finally:
            engines.stop_postgres(server_dir)


def _psql(env: dict, host: str, password: str | None,
          as_user: str | None = None) -> subprocess.CompletedProcess:
    """`select 1` through psql, never prompting and reading no password file."""
    psql_env = {name: value for name, value in os.environ.items() if not name.startswith("PG")}
    psql_env["PGPASSFILE"] = "/nonexistent/north_star_pgpass"
    if password is not None:
        psql_env["PGPASSWORD"] = password
    command = [str(_installed_bin_dir() / "psql"), "-X", "-w", "-h", host,
               "-p", env["NORTH_STAR_PG_PORT"], "-U", env["NORTH_STAR_PG_USER"],
               "-d", env["NORTH_STAR_PG_DATABASE"], "-Atc", "select 1"]
    if as_user:
        # runuser keeps the environment: the other user has the password.
        command = ["runuser", "-u", as_user, "--", *command]
    return subprocess.run(command, env=psql_env, capture_output=True, text=True, timeout=30)


def test_server_directory_and_socket_are_private(server):
    _, server_dir = server
    socket_dir = server_dir / engines.PG_SOCKET_DIR
    sockets = list(socket_dir.glob(".s.PGSQL.*[0-9]"))
    assert len(sockets) == 1 and sockets[0].is_socket()
    for path in (server_dir, server_dir / "data", socket_dir, sockets[0]):
        assert _mode(path) == 0o700, path


def test_pg_hba_asks_every_connection_for_the_password(server):
    _, server_dir = server
    rules = [line.split() for line in (server_dir / "data" / "pg_hba.conf").read_text().splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    assert ["local", "all", "all", "scram-sha-256"] in rules
    assert all(rule[-1] == "scram-sha-256" for rule in rules), rules


def test_the_socket_needs_the_password(server):
    env, server_dir = server
    socket_dir = str(server_dir / engines.PG_SOCKET_DIR)
    refused = _psql(env, socket_dir, password=None)
    assert refused.returncode != 0
    assert "no password supplied" in refused.stderr
    wrong = _psql(env, socket_dir, password="not-the-password")
    assert wrong.returncode != 0
    assert "password authentication failed" in wrong.stderr
    accepted = _psql(env, socket_dir, password=env["NORTH_STAR_PG_PASSWORD"])
    assert (accepted.returncode, accepted.stdout.strip()) == (0, "1"), accepted.stderr


def test_tcp_needs_the_password_too(server):
    env, _ = server
    assert _psql(env, "127.0.0.1", password=None).returncode != 0
    accepted = _psql(env, "127.0.0.1", password=env["NORTH_STAR_PG_PASSWORD"])
    assert (accepted.returncode, accepted.stdout.strip()) == (0, "1"), accepted.stderr


def test_another_os_user_cannot_reach_the_socket(server):
    if os.geteuid() != 0:
        pytest.skip("needs root, to run psql as another OS user")
    env, server_dir = server
    result = _psql(env, str(server_dir / engines.PG_SOCKET_DIR),
                   password=env["NORTH_STAR_PG_PASSWORD"], as_user="nobody")
    assert result.returncode != 0
    assert "Permission denied" in result.stderr


def test_stop_removes_only_what_start_made_in_a_given_folder(shared_tmp):
    _installed_bin_dir()
    given = shared_tmp / "server"
    given.mkdir()
    started = _engines_cli("postgres-start", str(given))
    try:
        assert started.returncode == 0, started.stderr
        assert re.search(r"^export NORTH_STAR_PG_PASSWORD=\S+$", started.stdout, re.MULTILINE)
        added_later = given / "notes.txt"
        added_later.write_text("the user's")
    finally:
        stopped = _engines_cli("postgres-stop", str(given))
    assert stopped.returncode == 0, stopped.stderr
    assert list(given.iterdir()) == [added_later]


def test_stop_removes_the_folder_start_made(shared_tmp):
    _installed_bin_dir()
    made = shared_tmp / "server"
    engines.start_postgres(made)
    assert made.is_dir()
    engines.stop_postgres(made)
    assert list(shared_tmp.iterdir()) == []

#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL and stops the server afterwards, also
# when the command fails or the script is interrupted.
#
#   .ci/postgres.sh COMMAND [ARG...]
#   e.g. .ci/postgres.sh .venv/bin/python -m tooling.compare_engines --engines postgres
#
# The server (Debian's `postgresql` package, installed when missing) listens on
# 127.0.0.1 at a free port, keeps its files in a temporary directory and has a random
# password; COMMAND gets NORTH_STAR_TARGET=postgres and the NORTH_STAR_PG_* variables
# that profiles.yml reads. The work is done by tooling/engines.py.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python="${NORTH_STAR_PYTHON:-$root/.venv/bin/python}"
[ -x "$python" ] || python=python3
server_dir="$(mktemp -d "${TMPDIR:-/tmp}/north_star_pg.XXXXXX")"

stop_server() {
    # Without its state file (tooling/engines.py PG_STATE_FILE) there is no server: a
    # failed start has removed what it made, and postgres-stop would refuse the folder.
    if [ -e "$server_dir/north_star_server.json" ]; then
        (cd "$root" && "$python" -m tooling.engines postgres-stop "$server_dir") || true
    fi
    # postgres-stop leaves the folder it was given, which is this script's.
    rmdir "$server_dir" 2>/dev/null || true
}
child=""
on_signal() {
    # Pass the signal on to the command, then leave: the EXIT trap stops the server.
    [ -n "$child" ] && kill "-$1" "$child" 2>/dev/null
    exit "$2"
}
trap stop_server EXIT
trap 'on_signal INT 130' INT
trap 'on_signal TERM 143' TERM

exports="$(cd "$root" && "$python" -m tooling.engines postgres-start "$server_dir")"
eval "$exports"
echo "north_star: PostgreSQL on 127.0.0.1:$NORTH_STAR_PG_PORT (data in $server_dir)" >&2

# In the background with `wait`, so that a signal is handled at once rather than after
# the command ends; stdin is passed on explicitly (a background job would get /dev/null).
exec 3<&0
"$@" <&3 3<&- &
child=$!
status=0
wait "$child" || status=$?
exit "$status"

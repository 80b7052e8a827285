#!/usr/bin/env bash
# pg.sh: a throw-away PostgreSQL cluster for the tests, on a loopback port,
# in a temporary folder; started as the postgres user when running as root.
#
#   tests/pg.sh start   prints "export QF_PG=postgresql://...; export QF_PG_DIR=..."
#   tests/pg.sh stop    stops the cluster of $QF_PG_DIR and removes the folder
#
# The superuser connects without a password over 127.0.0.1 (trust, loopback
# only); nothing listens anywhere else.
set -eu

bindir() {
	local d
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
	[ -n "$d" ] && [ -x "$d/initdb" ] || { echo "pg.sh: PostgreSQL server not installed (scripts/install-deps test)" >&2; exit 1; }
	echo "$d"
}

as_pg() {   # as_pg COMMAND...: runs as the postgres user when we are root
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

case "${1:-}" in
start)
	B=$(bindir)
	dir=$(mktemp -d /tmp/qf-pg.XXXXXX)
	chmod 755 "$dir"
	[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
	port=$(free_port)
	as_pg "$B/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
	as_pg "$B/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200" \
		start >/dev/null || {
		cat "$dir/server.log" >&2
		as_pg "$B/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
		rm -rf "$dir"
		exit 1
	}
	echo "export QF_PG=postgresql://postgres@127.0.0.1:$port; export QF_PG_DIR=$dir"
	;;
stop)
	[ -n "${QF_PG_DIR:-}" ] && [ -d "$QF_PG_DIR/data" ] || exit 0
	B=$(bindir)
	as_pg "$B/pg_ctl" -D "$QF_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
	rm -rf "$QF_PG_DIR"
	;;
*)
	echo "usage: tests/pg.sh start|stop" >&2
	exit 2
	;;
esac

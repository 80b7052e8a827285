# t96_result_errors.sh: issue 9, "one result type for domain operations and
# one mapper for pages and one for the API" (domain/result.h, http/result.c).
# A store failure that is not the database being busy answers 500, not 503,
# on a page (系统错误 with 错误编号) and in the API (code 1009 with
# request_id), the id being the answer's X-Request-Id, and the log has an
# ERROR line under that id with the database's message.  On PostgreSQL a
# lock wait that times out (the database busy) answers 503.  The mapper's
# other answers stay as they were: 201/303 on success, 404 for a missing
# record, 422 with the fields or the form.  Fails on the code before
# (every store failure answered 503 "系统繁忙"); the route-wide rule is
# the fault sweep's (t95: busy and storeerr kinds).
. "$(dirname "$0")/lib.sh"

init_db || { not_ok "init"; finish; }
start_server --threads 2 || { not_ok "server starts"; finish; }
expect_eq "cm logs in" 303 "$(login cm "$PW")"

# ---- the answers that are not failures, through the mappers ----------------
out=$(api POST /api/units '{"name":"结果局","kind":"department"}')
expect_eq "API create: 201" 201 "$(status "$out")"
uid=$(body "$out" | jget '["id"]')
out=$(api GET /api/units/99999999)
expect_eq "API missing record: 404" 404 "$(status "$out")"
expect_eq "API missing record: its detail" "no such unit" "$(body "$out" | jget '["detail"]')"
out=$(api POST /api/units '{"name":"","kind":"department"}')
expect_eq "API wrong field: 422" 422 "$(status "$out")"
expect_contains "API wrong field: the field's message" '"name"' "$(body "$out")"
tok=$(csrf_of)
st=$(http_get "$H" -b "$JAR" -H "X-CSRF-Token: $tok" --data-urlencode "name=" --data-urlencode "kind=department" "$BASE/units")
expect_eq "page wrong field: the form again, 422" 422 "$st"
expect_contains "page wrong field: the form's message" "请填写单位名称" "$(cat "$H.b")"
st=$(http_get "$H" -b "$JAR" -H "X-CSRF-Token: $tok" --data-urlencode "name=结果二局" --data-urlencode "kind=department" "$BASE/units")
expect_eq "page success: 303 to the record" 303 "$st"
expect_eq "page missing record: 404" 404 "$(http_status -b "$JAR" "$BASE/units/99999999/edit")"

# ---- a store error that is not busy: 500, logged under the request id ------
# (the table renamed away under the running server: "no such table")
sql "ALTER TABLE units RENAME TO units_away" >/dev/null || not_ok "rename the table"
st=$(http_get "$H" -b "$JAR" "$BASE/units/$uid/edit")
rid=$(header_of "$H.h" X-Request-Id)
expect_eq "page on a store error: 500" 500 "$st"
expect_contains "page on a store error: 系统错误" "系统错误" "$(cat "$H.b")"
expect_contains "page on a store error: shows the request id" "<code>$rid</code>" "$(cat "$H.b")"
check "page on a store error: an ERROR line under its request id with the database's message" \
	grep -qE " ERROR $rid 500 .*database: .*units" "$T_DIR/serve.log"
out=$(curl -s -D "$H.h2" -w '\n%{http_code}' -b "$JAR" "$BASE/api/units/$uid")
rid=$(tr -d '\r' <"$H.h2" | awk -F': ' 'tolower($1) == "x-request-id" {print $2}')
expect_eq "API on a store error: 500" 500 "$(status "$out")"
expect_eq "API on a store error: code 1009" 1009 "$(body "$out" | jget '["code"]')"
expect_eq "API on a store error: request_id is the X-Request-Id" "$rid" "$(body "$out" | jget '["request_id"]')"
check "API on a store error: an ERROR line under its request id" grep -qE " ERROR $rid 500 " "$T_DIR/serve.log"
sql "ALTER TABLE units_away RENAME TO units" >/dev/null || not_ok "rename the table back"
# (units fails the session's own lookup, so that page is bare; a table only
# the page reads fails after it: the signed-in user's 500 keeps the frame)
sql "ALTER TABLE persons RENAME TO persons_away" >/dev/null || not_ok "rename persons"
expect_eq "the persons page on a store error: 500" 500 "$(http_get "$H" -b "$JAR" "$BASE/persons")"
expect_contains "... inside the navigation, like any page (issue 12)" \
	'<nav class="sidenav" aria-label="主导航">' "$(cat "$H.b")"
expect_contains "... with the error and its id" '<p class="error-code">500</p>' "$(cat "$H.b")"
sql "ALTER TABLE persons_away RENAME TO persons" >/dev/null || not_ok "rename persons back"
expect_eq "the table back: the record answers 200" 200 "$(http_status -b "$JAR" "$BASE/api/units/$uid")"

# ---- busy (PostgreSQL: a lock wait past lock_timeout, 2 s) -------------------
if [ "$BACKEND" = pg ]; then
	psql -X -q "$DB" -c "BEGIN; LOCK TABLE units IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(30); COMMIT" \
		>/dev/null 2>&1 &
	locker=$!
	held=0
	for _ in $(seq 1 100); do
		[ "$(sql "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
			  WHERE c.relname = 'units' AND l.mode = 'AccessExclusiveLock' AND l.granted")" = 1 ] &&
			{ held=1; break; }
		sleep 0.1
	done
	expect_eq "busy: another session holds the units table" 1 "$held"
	out=$(curl -s -D "$H.h3" -w '\n%{http_code}' -b "$JAR" "$BASE/api/units/$uid")
	rid=$(tr -d '\r' <"$H.h3" | awk -F': ' 'tolower($1) == "x-request-id" {print $2}')
	expect_eq "busy: 503" 503 "$(status "$out")"
	expect_eq "busy: code 1008" 1008 "$(body "$out" | jget '["code"]')"
	check "busy: an ERROR line under its request id with the lock timeout" \
		grep -qE " ERROR $rid 503 .*database: .*(lock timeout|55P03)" "$T_DIR/serve.log"
	sql "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
	     WHERE datname = current_database() AND query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()" >/dev/null
	wait "$locker" 2>/dev/null
	expect_eq "busy over: the record answers 200" 200 "$(http_status -b "$JAR" "$BASE/api/units/$uid")"
else
	ok "# skip: a real busy database costs SQLite's 5 s busy timeout per try (t95 injects it)"
fi

stop_server
check "the server log has no sanitizer report" server_clean
finish

# t95_fault_sweep.sh: a bounded fault sweep (issue 8, "fault sweeps"): the
# write paths of the black-box suite (login, units, persons, clues and their
# dispositions, reports and their steps, the case team, notes, detention,
# outcomes) each sent to build/fault/qingfeng with its Nth allocation
# (ours, SQLite's, jansson's) and, on SQLite, its Nth write or sync made to
# fail, at a fixed sample of points over each request's range
# (tests/fault/sweep.py CI_SAMPLE).  After each point the server answered without
# crashing or hanging, nothing was half committed (every table compared with
# a snapshot), the server serves and writes again, and `audit verify`
# passes.  Fails on the code before issue 8's fault work: jansson's out-of-
# bounds write when an allocation fails in a \u escape (person update and
# case note, own N=9: an ASan SEGV), and the connection left inside a
# transaction by a ROLLBACK that could not be prepared (unit create, sqlite
# persistent N=16: every later write 503).  See docs/testing.md "Fault sweeps".
# Issue 9 ("one result type ... one mapper"): the store kinds busy and
# storeerr (the Nth store call answers STORE_BUSY or STORE_ERR), on both
# backends, with a case page, a case read and two page forms besides: a
# request that fails answers exactly 503 under busy and 500 under storeerr,
# under any kind never a 4xx (a failed session lookup read as 401, a failed
# lookup as 404 or 422), and every 5xx has an ERROR line under the request
# id of its answer.  Fails on the code before: every store failure was 503,
# and a validation lookup that failed answered 422.
# Issue 10 (rules10): the detention notice, a recusal and its decision, an
# appeal, the violation category catalog (create, retire), a rule-table
# version (API and page) and the correction of a report's kind, under the
# store kinds and SQLite's failures.  Fails on the code before: a recusal
# whose matter or user lookup failed answered 422 (所选用户不存在) or 404.
# `make faultsweep` runs every point, transient and persistent.
. "$(dirname "$0")/lib.sh"

FAULT_BIN=$(dirname "$QF_BIN")/../fault/qingfeng
if [ ! -x "$FAULT_BIN" ]; then
	not_ok "build/fault/qingfeng is built (make build/fault/qingfeng)"
	finish
fi
python3 "$(dirname "$0")/../fault/sweep.py" --bin "$FAULT_BIN"

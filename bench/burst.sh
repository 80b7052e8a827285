#!/usr/bin/env bash
# burst.sh: issue 13's "a burst of 1,000 report submissions with attachments
# without an error" (bench/README.md, "Public reports: a burst of 1,000";
# make bench-burst).
#
# A public instance (init --public; serve --public --trusted-proxy
# 127.0.0.1) and an intranet (init), their keys exchanged.  bench/burst.py
# posts BURST_N (1000) real report forms, BURST_CLIENTS (32) at a time, each
# from its own address in X-Forwarded-For (the per-address budgets apply as
# behind a reverse proxy), each with 1-3 PNG/PDF attachments (8-400 KiB,
# all distinct).  The proof of work is set low (pow_bits 8 on the public
# instance, `config set`): solving it is the citizen's cost, not the
# server's.  Then the inbox goes to the intranet (ferry export / import,
# timed), the replies come back, and every query code is asked on the
# public side.
#
# Fails (exit 1) unless: every POST is answered 200 with a query code; the
# server's log has no ERROR line and no 5xx in its access lines; the
# intranet has BURST_N reports, each with the attachments sent (count and
# SHA-256 of every file); every code shows 已收到 after the reply batch.
# Prints reports/s, the POST's p50/p99 latency and the import's time.
#
# Settings: BURST_N (1-5000), BURST_CLIENTS (1-256), QF_BIN, BENCH_KEEP.
. "$(dirname "$0")/lib.sh"

N=${BURST_N:-1000}
CLIENTS=${BURST_CLIENTS:-32}
in_range "$N" 1 5000 || die "BURST_N must be 1 to 5000"
in_range "$CLIENTS" 1 256 || die "BURST_CLIENTS must be 1 to 256"
bench_setup qf-burst sqlite3
trap bench_cleanup EXIT

IDB=$TMP/intranet.db PDB=$TMP/public.db PKEY=$TMP/public.key ATT=$TMP/att LOG=$TMP/public.log
q() { "$QF_BIN" "$@" >>"$TMP/cli.log" 2>&1 || die "qingfeng $* failed: $(tail -5 "$TMP/cli.log")"; }
q init --db "$IDB" --name "基准测试市纪委监委" --region 230100
q init --public --db "$PDB" --key "$PKEY" --name "基准测试市纪委监委" --region 230100
q config set pow_bits 8 --db "$PDB" --key "$PKEY"
q ferry key export --db "$IDB" --out "$TMP/intranet.pub"
q ferry key import "$TMP/intranet.pub" --db "$PDB" --key "$PKEY"
q ferry key export --db "$PDB" --key "$PKEY" --out "$TMP/public.pub"
q ferry key import "$TMP/public.pub" --db "$IDB"

# the public instance as it runs behind its reverse proxy: the per-address
# limits stay on (no --max-per-address 0), the proxy's X-Forwarded-For names
# each citizen
port=$(free_port)
"$QF_BIN" serve --public --db "$PDB" --key "$PKEY" --trusted-proxy 127.0.0.1 \
	--listen "127.0.0.1:$port" >>"$LOG" 2>&1 &
PID=$!
bench_track "$PID"
BASE=http://127.0.0.1:$port
wait_up "$BASE/healthz" "$PID" || die "the public server did not start (log: $LOG)"

echo "bench: $N reports with 1-3 attachments, $CLIENTS clients, pow_bits 8, one address each"
fail=0
C0=$(cpu_ticks "$PID")
python3 bench/burst.py submit "$BASE" "$N" "$CLIENTS" "$TMP/sent.json" || fail=1
kill -0 "$PID" 2>/dev/null || die "the public server died during the burst (log: $LOG)"
C1=$(cpu_ticks "$PID")
echo "bench: public server CPU: $(( (C1 - C0) * 1000 / TICK / N )) ms per report (the form's GET and the POST)"
RSS=$(hwm_kib "$PID")
errs=$(grep -c ' ERROR ' "$LOG" || true)
e5xx=$(grep -cE ' 5[0-9][0-9] [0-9]+\.[0-9]+ms' "$LOG" || true)
echo "bench: public server: peak RSS $((RSS / 1024)) MiB, $errs ERROR lines, $e5xx 5xx answers in the log"
[ "$errs" = 0 ] || { grep ' ERROR ' "$LOG" | head -5; fail=1; }
[ "$e5xx" = 0 ] || fail=1
INBOX=$(sqlite3 -batch -cmd '.timeout 5000' "$PDB" 'SELECT count(*) FROM public_inbox')
[ "$INBOX" = "$N" ] || { echo "bench: the public inbox holds $INBOX items, want $N"; fail=1; }

# ---- the ferry ------------------------------------------------------------------------
T0=$(date +%s.%N)
q ferry export --db "$PDB" --key "$PKEY" --out "$TMP/inbox.batch"
T1=$(date +%s.%N)
# an inbox past 256 MiB of sealed items is several batch files (domain/ferry.h)
# shellcheck disable=SC2046
q ferry import $(ls -v "$TMP"/inbox.batch*) --db "$IDB" --attachments "$ATT"
T2=$(date +%s.%N)
BATCH_MB=$(( $(cat "$TMP"/inbox.batch* | wc -c) / 1048576 ))
NBATCH=$(ls "$TMP"/inbox.batch* | wc -l)
EXPORT_S=$(python3 -c "print(f'{$T1 - $T0:.2f}')")
IMPORT_S=$(python3 -c "print(f'{$T2 - $T1:.2f}')")
echo "bench: ferry export $EXPORT_S s ($NBATCH batch files, $BATCH_MB MiB), ferry import $IMPORT_S s"

# every report with the files sent (all distinct, so a report's set of
# SHA-256 names the report it was: the summary is encrypted at rest)
sqlite3 -batch -cmd '.timeout 5000' -separator ' ' "$IDB" "
	SELECT r.id, a.sha256
	FROM reports r LEFT JOIN attachments a ON a.obj_type = 'report' AND a.obj_id = r.id
	WHERE r.channel = 'online'" >"$TMP/got.txt"
python3 - "$TMP/sent.json" "$TMP/got.txt" <<'PY' || fail=1
import json, sys
sent = {tuple(sorted(r["files"])): r["marker"] for r in json.load(open(sys.argv[1]))["reports"]}
got = {}
for line in open(sys.argv[2]):
    rid, _, h = line.strip().partition(" ")
    got.setdefault(rid, [])
    if h:
        got[rid].append(h)
found = {tuple(sorted(v)) for v in got.values()}
missing = [m for k, m in sent.items() if k not in found]
files = sum(len(v) for v in got.values())
print("bench: intranet: %d reports (want %d), %d attachments (want %d), %d reports sent not found "
      "with exactly their files" % (len(got), len(sent), files, sum(len(k) for k in sent), len(missing)))
print("  not found: %s" % " ".join(missing[:10]) if missing else "", end="")
sys.exit(1 if missing or len(got) != len(sent) or len(found) != len(sent) else 0)
PY

# ---- the replies, and every code asked on the public side ------------------------------
q ferry export --db "$IDB" --out "$TMP/replies.batch"
q ferry import "$TMP/replies.batch" --db "$PDB" --key "$PKEY"
LEFT=$(sqlite3 -batch -cmd '.timeout 5000' "$PDB" 'SELECT count(*) FROM public_inbox')
[ "$LEFT" = 0 ] || { echo "bench: $LEFT items left in the public inbox after the replies"; fail=1; }
python3 bench/burst.py query "$BASE" "$CLIENTS" "$TMP/sent.json" >"$TMP/query.txt" || fail=1
echo "bench: the codes asked on the public side (status: count): $(paste -sd' ' "$TMP/query.txt")"
[ "$(cat "$TMP/query.txt")" = "200:已收到 $N" ] || fail=1
errs=$(grep -c ' ERROR ' "$LOG" || true)
[ "$errs" = 0 ] || { echo "bench: $errs ERROR lines in the public server's log"; fail=1; }

[ "$fail" = 0 ] || die "the burst FAILED (BENCH_KEEP=1 keeps $TMP)"
echo "bench: the burst passed: $N reports, no error (the machine may be shared: see bench/README.md)"

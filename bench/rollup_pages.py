#!/usr/bin/env python3
"""rollup_pages.py: /ratings' unit table and the recoveries ledger's sum,
live and from the rollup (issue 16, sparse16).

    build/qingfeng init --db /tmp/r.db --name 测 --region 230100 >/dev/null
    python3 bench/rollup_pages.py build/qingfeng /tmp/r.db [ROWS]

Loads ROWS ratings (default 1,000,000) over 1,000 units and ROWS recoveries
of the four kinds, days over 2017-2026 at random, into a fresh database made
by `qingfeng init`, with the rollup off, then `qingfeng stats rebuild` fills
metric_days and its grains. Times (SQLite, best of a 2-second loop,
`ANALYZE`d) the binary's own statements for the unscoped user: the live
GROUP BY of the unit table (Q_RATING_UNITS, the "before") and the rollup's
per-unit sums (q_metrics.c Q_ROLL_BY_UNIT, the "after"), and the live sum
of the ledger (Q_REC_SUM) against the four kinds' rollup sums (Q_ROLL, one
statement a kind), for no period, a whole year, and a period with edge
days, whole months and a year; each pair's rows compared.
"""
import random
import subprocess
import sys

import sqlbest

binary, db = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
texts = [t.decode("utf-8", "replace") for t in open(binary, "rb").read().split(b"\0") if len(t) > 100]
c = sqlbest.open_db(db)
if not c.execute("SELECT count(*) FROM ratings").fetchone()[0]:
    rnd = random.Random(16)
    day = lambda: "20%02d-%02d-%02d" % (17 + rnd.randrange(10), 1 + rnd.randrange(12), 1 + rnd.randrange(28))
    c.execute("BEGIN")
    c.execute("UPDATE metric_state SET live = 0")
    units = [c.execute("INSERT INTO units(region, name, kind, created_at, updated_at) "
                       "VALUES ('230100', ?, 'department', 0, 0)", (f"单位{u:04d}",)).lastrowid for u in range(1000)]
    c.executemany("INSERT INTO ratings(unit_id, stars, day, idem_key) VALUES (?, ?, ?, ?)",
                  ((rnd.choice(units), 1 + rnd.randrange(5), day(), f"k{i}") for i in range(n)))
    kinds = ["confiscated", "ordered", "returned", "recovered"]
    c.executemany("INSERT INTO recoveries(region, day, amount_fen, kind, created_at) VALUES ('230100', ?, ?, ?, 0)",
                  ((day(), rnd.randrange(1, 10_000_000), rnd.choice(kinds)) for i in range(n)))
    c.execute("COMMIT")
    subprocess.run([binary, "stats", "rebuild", "--db", db], check=True, stdout=subprocess.DEVNULL)
    c.execute("ANALYZE")


def one(*needles, without=()):
    got = [t for t in texts if all(x in t for x in needles) and not any(x in t for x in without)]
    if len(got) != 1:
        sys.exit(f"{needles}: {len(got)} statements in the binary")
    t = got[0]
    return t[min(i for i in (t.find("WITH "), t.find("SELECT ")) if i >= 0):]   # a chunk may hold bytes before it


live_units = one("count(*), sum(CASE WHEN r.stars = 5", "GROUP BY r.unit_id, u.name")
roll_units = one("units_in AS (SELECT u.id, u.name,", "GROUP BY u.id, u.name HAVING")
live_sum = one("SELECT CAST(COALESCE(SUM(r.amount_fen), 0) AS BIGINT) FROM recoveries r WHERE")
roll_sum = one("FROM (SELECT day AS p, n, f1", "stat = ? AND dim = ? AND val = ?")
# the grains of each period (store/q_grains.c): head days, tail days, head
# months, tail months, years; "1" > "0" is an empty range
E = ("1", "0")
PERIODS = [
    ("no period", "", "", [E, E, E, E, ("0001", "9999")]),
    ("2025", "2025-01-01", "2025-12-31", [E, E, E, E, ("2025", "2025")]),
    ("2024-03-15..2026-02-10", "2024-03-15", "2026-02-10",
     [("2024-03-15", "2024-03-31"), ("2026-02-01", "2026-02-10"), ("2024-04", "2024-12"), ("2026-01", "2026-01"),
      ("2025", "2025")]),
]
print(f"{n:,} ratings over 1,000 units, {n:,} recoveries; the unscoped user")
print("figure                 period                    live ms   rollup ms  same")
for name, frm, to, parts in PERIODS:
    la = [0, 0, frm, frm, to, to, 0, 0, 0, 0]              # Q_RATING_UNITS: scope x2, from, to, within, stars
    ra = [0, 0, 0, 0] + [x for p in parts for x in ("rating",) + p]
    ms_l, rl = sqlbest.best(c, live_units, la, 2.0)
    ms_r, rr = sqlbest.best(c, roll_units, ra, 2.0)
    same = sorted((r[0], r[2], r[3]) for r in rl) == sorted((r[0], r[2], r[3]) for r in rr)
    print(f"{'/ratings unit table':22s} {name:24s} {ms_l:9.1f} {ms_r:10.2f}  {same} ({len(rr)} units)")
    ms_l, sl = sqlbest.best(c, live_sum, [0, 0, "", "", frm, frm, to, to], 2.0)
    tot, ms_r = 0, 0.0
    for k in ("confiscated", "ordered", "returned", "recovered"):
        ms, s = sqlbest.best(c, roll_sum, [x for p in parts for x in (k, "", "") + p], 1.0)
        tot, ms_r = tot + s[0][0], ms_r + ms
    print(f"{'recoveries sum':22s} {name:24s} {ms_l:9.1f} {ms_r:10.2f}  {sl[0][0] == tot}")

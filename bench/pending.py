#!/usr/bin/env python3
"""pending.py: the executions pending at 1M outcomes, before and after 0070
(issue 16, exec16).

    build/qingfeng init --db /tmp/p.db --name 测 --region 230100 >/dev/null
    python3 bench/pending.py /tmp/p.db [OUTCOMES]

Loads OUTCOMES outcomes (default 1,000,000) into a fresh database made by
`qingfeng init` (schema 0070 or later): 5 % sanctioned, 98 % of those with
all five execution items (through the executions' triggers, which keep
outcomes.exec_items), the rest with 0 to 4; 100 townships under the root
unit; the rollup's triggers off (metric_state). Then times, best of a 3-second loop each, the pending count
(Q_OUT_PENDING_COUNT) and its first page for the unscoped user, before (the
correlated count of executions per sanctioned outcome, as up to 0069) and
after (exec_items and the partial index outcomes_exec_open), and the fill
of 0070's UPDATE. The statements are the store's text (q_outcomes.c,
q_scope.h, q_util.h) written out here.
"""
import sys
import time

import sqlbest

db, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
c = sqlbest.open_db(db)
c.execute("BEGIN")
towns = sqlbest.townships(c)
persons = []
for p in range(10_000):
    cur = c.execute("INSERT INTO persons(region, name, unit_id, rank, position, created_at, updated_at) "
                    "VALUES ('230100', ?, ?, 'staff', '科员', 0, 0)", (f"人{p:05d}", towns[p % 100]))
    persons.append(cur.lastrowid)
clue = c.execute("SELECT COALESCE(max(id), 0) FROM clues").fetchone()[0]
items = ["delivered", "appraisal", "pay_grade", "bonus", "promotion_bar"]
rows, execs = [], []
for i in range(1, n + 1):
    sanctioned = 1 if i % 20 == 0 else 0
    day = "20%02d-%02d-%02d" % (15 + i % 10, 1 + i % 12, 1 + i % 28)
    p = persons[i % len(persons)]
    rows.append((i, p, day, 2 if sanctioned else 1, sanctioned, towns[i % 100]))
    if sanctioned:
        k = 5 if (i // 20) % 50 else (i // 1000) % 5     # 2 % of them short of five
        execs.extend((i, it, day) for it in items[:k])
# each outcome its own clue (an outcome has exactly one matter)
c.executemany("INSERT INTO clues(id, region, received, source, unit_id, created_at, updated_at) "
              "VALUES (?, '230100', '2024-01-01', 'report', ?, 0, 0)", ((clue + r[0], r[5]) for r in rows))
c.executemany("INSERT INTO outcomes(id, region, person_id, clue_id, day, form, sanctioned, effective, "
              "unit_id, created_at) VALUES (?, '230100', ?, ?, ?, ?, ?, ?, ?, 0)",
              ((r[0], r[1], clue + r[0], r[2], r[3], r[4], r[2], r[5]) for r in rows))
t0 = time.perf_counter()
c.executemany("INSERT INTO executions(outcome_id, item, done, at) VALUES (?, ?, ?, 0)", execs)
t_exec = time.perf_counter() - t0
c.execute("COMMIT")
c.execute("ANALYZE")

SCOPE = ("WITH RECURSIVE vis(id) AS (SELECT unit_id FROM user_scopes WHERE user_id = ? "
         "UNION SELECT c.id FROM units c JOIN vis ON c.parent_id = vis.id) ")
IN_SCOPE = "(? = 0 OR o.unit_id IN (SELECT id FROM vis))"
BEFORE = ("WHERE o.sanctioned = 1 AND (SELECT count(*) FROM executions e WHERE e.outcome_id = o.id) < 5 "
          "AND " + IN_SCOPE + " ")
AFTER = "WHERE o.sanctioned = 1 AND o.exec_items < 5 AND " + IN_SCOPE + " "
COUNT = SCOPE + "SELECT count(*) FROM (SELECT 1 FROM outcomes o {} LIMIT 10001) capped"
PAGE = (SCOPE + "SELECT o.id, p.name, u.name FROM outcomes o JOIN persons p ON p.id = o.person_id "
        "JOIN units u ON u.id = o.unit_id {} ORDER BY COALESCE(o.effective, o.day) DESC, o.id DESC "
        "LIMIT 50 OFFSET 0")


def best(sql, args):
    return sqlbest.best(c, sql, args, 3.0)


print(f"outcomes {n:,}, sanctioned {sum(r[4] for r in rows):,}, executions {len(execs):,} "
      f"(inserted through the triggers in {t_exec:.2f} s)")
for name, tmpl in (("count", COUNT), ("page of 50", PAGE)):
    for when, where in (("before", BEFORE), ("after", AFTER)):
        ms, res = best(tmpl.format(where), (0, 0))
        plan = " / ".join(r[3] for r in c.execute("EXPLAIN QUERY PLAN " + tmpl.format(where), (0, 0)))
        print(f"{name:11s} {when:6s} {ms:9.2f} ms  rows {res[0][0] if name == 'count' else len(res)}  "
              f"plan: {plan}")
c.execute("UPDATE outcomes SET exec_items = 0")
t0 = time.perf_counter()
c.execute("UPDATE outcomes SET exec_items = (SELECT count(*) FROM executions e WHERE e.outcome_id = outcomes.id) "
          "WHERE id IN (SELECT outcome_id FROM executions)")
print(f"0070's fill of exec_items: {time.perf_counter() - t0:.2f} s")

#!/usr/bin/env python3
"""sparse.py: a township user's page of clues and of problems, walked in
date order or led by his jurisdiction, by the jurisdiction's size (issue 16,
sparse16; q_scope.h's Q_SCOPE_PAGE_VARIANT and Q_SCOPE_PAGE_LEAD_BELOW).

    build/qingfeng init --db /tmp/s.db --name 测 --region 230100 >/dev/null
    python3 bench/sparse.py build/qingfeng /tmp/s.db [ROWS]

Loads ROWS clues (default 1,000,000, one subject each) and as many problems
into a fresh database made by `qingfeng init`: townships holding 100
(0.01 %), 1,000, 2,000, 5,000, 20,000 and 100,000 (10 %) rows of each, the
rest spread over 94 more; days spread over ten years at random, the same for every township.
Then, for a user scoped to each of them, times (best of a 2-second loop,
SQLite, `ANALYZE`d) the first page of 100 with the binary's own statements
(its string constants): the walk (every user's page, in the order of
clues_received / problems_found) and the led page (Q_SCOPE_LEAD: the
jurisdiction's rows by clues_unit_received / problems_unit, sorted), each
with its EXPLAIN QUERY PLAN, and the capped count the variant is picked
from; the rows of both compared on page 1 and page 2 (OFFSET 100). Parameters bound as an unfiltered list (sqlbest.bind_unfiltered).
"""
import re
import sys

import sparsegen
import sqlbest

binary, db = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
texts = [t.decode("utf-8", "replace") for t in open(binary, "rb").read().split(b"\0") if len(t) > 200]
c = sqlbest.open_db(db)
SIZES = sparsegen.SIZES
if not c.execute("SELECT count(*) FROM clues").fetchone()[0]:
    c.execute("BEGIN")
    towns = sqlbest.townships(c)
    persons = {t: c.execute("INSERT INTO persons(region, name, unit_id, rank, position, created_at, updated_at) "
                            "VALUES ('230100', ?, ?, 'staff', '科员', 0, 0)", (f"人{t:03d}", t)).lastrowid
               for t in towns}
    clues, problems = sparsegen.rows(n, towns)
    c.executemany("INSERT INTO clues(id, region, received, source, unit_id, state, created_at, updated_at) "
                  "VALUES (?, '230100', ?, 'report', ?, 'registered', 0, 0)", clues)
    c.executemany("INSERT INTO clue_subjects(clue_id, person_id) VALUES (?, ?)",
                  ((i, persons[u]) for i, _, u in clues))
    c.executemany("INSERT INTO problems(id, unit_id, source, summary, found, deadline, created_at) "
                  "VALUES (?, ?, 'political', '问题', ?, '2030-01-01', 0)", problems)
    c.execute("COMMIT")
    c.execute("ANALYZE")

towns = [r[0] for r in c.execute("SELECT id FROM units WHERE kind = 'township' ORDER BY id LIMIT ?", (len(SIZES),))]
user0 = 990000


def pick(*needles):
    return [t for t in texts if all(x in t for x in needles)]


LISTS = [("clues", "k", "FROM clues k JOIN units u", "group_concat", "ORDER BY k.received DESC", "k.unit_id"),
         ("problems", "p", "FROM problems p JOIN units u", "ORDER BY p.found DESC", "LIMIT ? OFFSET ?", "p.unit_id")]
print(f"{n:,} clues and {n:,} problems; a township user's first page of 100")
print("list      rows in scope  count (capped)  walk ms   led ms   plan walk / led")
for name, tab, a, b, cc, col in LISTS:
    cands = pick(a, b, cc)
    walk = [t for t in cands if f"WHERE (? = 0 OR {col} IN (SELECT id FROM vis))" in t]
    led = [t for t in cands if f"WHERE {col} IN (SELECT id FROM vis) AND" in t or f"WHERE {col} = vis.id AND" in t]
    count = pick(f"FROM {name} {tab} ", f"{col} IN (SELECT id FROM vis) AND", "SELECT count(*) FROM (SELECT 1 ", "LIMIT 10001) capped")
    if not walk or not led or not count:
        print(f"{name}: not in this binary (walk {len(walk)}, led {len(led)}, count {len(count)})")
        continue
    for size, town in zip(SIZES, towns):
        user = user0 + town
        c.execute("INSERT OR IGNORE INTO user_scopes(user_id, unit_id) VALUES (?, ?)", (user, town))
        ms_c, res_c = sqlbest.best(c, count[0], sqlbest.bind_unfiltered(count[0], user), 1.0)
        row = [name, f"{size:,}", f"{res_c[0][0]:,} ({ms_c:.1f} ms)"]
        plans, rows = [], []
        for sql in (walk[0], led[0]):
            args = sqlbest.bind_unfiltered(sql, user)
            ms, res = sqlbest.best(c, sql, args, 2.0)
            row.append(f"{ms:8.1f}")
            rows.append([r[0] for r in res])
            plans.append(", ".join(r[3] for r in c.execute("EXPLAIN QUERY PLAN " + sql, args)
                                   if re.match(rf"(SCAN|SEARCH) {tab}\b", r[3]) or r[3].startswith("USE TEMP")))
        # page 2 (OFFSET 100) of both, compared too
        page2 = [[r[0] for r in c.execute(sql, sqlbest.bind_unfiltered(sql, user)[:-1] + [100])]
                 for sql in (walk[0], led[0])]
        same = "same rows" if rows[0] == rows[1] and page2[0] == page2[1] else "ROWS DIFFER"
        print(f"{row[0]:9s} {row[1]:>13s}  {row[2]:>16s} {row[3]} {row[4]}   {same}; {plans[0]} / {plans[1]}")

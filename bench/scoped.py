#!/usr/bin/env python3
"""scoped.py: a scoped user's lists before and after their statement per
kind of user (issue 16, exec16; q_scope.h's Q_SCOPE_PAIR).

    python3 bench/scoped.py BINARY DB

DB is bench/pending.py's (1M clues and outcomes, 10,000 persons in 100
townships). The statements are the binary's own text (its string
constants: [0] every user's, the "before", the only statement up to
exec16; [1] the scoped user's, the "after"), their parameters bound the way
the store binds an unfiltered list: each filter off ('' or 0), the scope
user (a township user added here, scoped to one township) in the CTE and
in Q_IN_SCOPE, LIMIT 100 OFFSET 0. Prints each statement's best time of a
2-second loop and its EXPLAIN QUERY PLAN on SQLite.
"""
import re
import sqlite3
import sys

import sqlbest

binary, db = sys.argv[1], sys.argv[2]
texts = [t.decode("utf-8", "replace") for t in open(binary, "rb").read().split(b"\0") if len(t) > 200]
c = sqlite3.connect(db, isolation_level=None)
town = c.execute("SELECT min(id) FROM units WHERE kind = 'township'").fetchone()[0]
c.execute("PRAGMA foreign_keys=OFF")
user = 990001
c.execute("INSERT OR IGNORE INTO user_scopes(user_id, unit_id) VALUES (?, ?)", (user, town))


def bind(sql):
    return sqlbest.bind_unfiltered(sql, user)


def best(sql):
    return sqlbest.best(c, sql, bind(sql), 2.0)


def pick(*needles):
    return [t for t in texts if all(n in t for n in needles)]


LISTS = [
    ("clues count", "FROM clues k WHERE ", "LIMIT 10001) capped", "k.unit_id IN (SELECT id FROM vis) AND"),
    # the clues' page led by the jurisdiction was tried and not kept (bench/README.md
    # "exec16"; measured with the binary of commit a4e20c2): this line finds it there
    ("clues page", "FROM clues k JOIN units u", "group_concat", "k.unit_id IN (SELECT id FROM vis) AND"),
    ("persons count", "FROM persons p WHERE ", "LIMIT 10001) capped", "p.unit_id IN (SELECT id FROM vis) AND"),
    ("persons page", "FROM persons p JOIN units u", "ORDER BY p.id DESC LIMIT", "p.unit_id IN (SELECT id FROM vis) AND"),
]
want = c.execute("SELECT count(*) FROM clues WHERE unit_id = ?", (town,)).fetchone()[0]
print(f"scope: one township of 100 ({want:,} of {c.execute('SELECT count(*) FROM clues').fetchone()[0]:,} clues)")
for name, a, b, lead in LISTS:
    cands = [t for t in pick(a, b) if "ORDER BY k.received DESC" in t or "clues" not in name or "count" in name]
    before = [t for t in cands if lead not in t and "WHERE (? = 0 OR " + lead.split(" IN")[0] + " IN" in t]
    after = [t for t in cands if "WHERE " + lead in t]
    if not before or not after:
        print(f"{name}: not in this binary (before {len(before)}, after {len(after)} statements)")
        continue
    for when, sql in (("before", before[0]), ("after", after[0])):
        ms, res = best(sql)
        tab = "k" if "clues" in name else "p"     # the list's own table, as the plan names it
        plan = " / ".join(r[3] for r in c.execute("EXPLAIN QUERY PLAN " + sql, bind(sql))
                          if re.match(rf"(SCAN|SEARCH) {tab}\b", r[3]))
        print(f"{name:14s} {when:6s} {ms:9.2f} ms  rows {res[0][0] if 'count' in name else len(res)}  plan: {plan}")

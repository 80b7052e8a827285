#!/usr/bin/env python3
"""sparse_pg.py: bench/sparse.py on PostgreSQL (issue 16, pgplan16f): a
township user's clues and problems pages, walked in date order or led by
his jurisdiction (q_scope.h Q_SCOPE_PAGE_VARIANT, Q_PAGE_KEYS), with their
EXPLAIN (ANALYZE, BUFFERS).

    build/qingfeng init --db "$PG" --key K --name 测 --region 230100 >/dev/null
    python3 bench/sparse_pg.py build/qingfeng "$PG" [ROWS] [SIZE...]

Loads ROWS clues (default 1,000,000, one subject each) and as many
problems, the same rows as bench/sparse.py (bench/sparsegen.py), by COPY
into the database `qingfeng init` made, in one transaction with
session_replication_role = replica (no foreign key checks, no rollup
triggers: the rollup is not read by these pages), then VACUUM ANALYZE.
A user per measured township is scoped in user_scopes (no users row: the
statements read user_scopes only).

Then for each township (SIZE: its rows, default every one of
sparsegen.SIZES) and list it runs the binary's own statements (its string
constants, `?` numbered `$n` as store_pg does), prepared as the server
prepares them (parameter types inferred) and bound as an unfiltered list
(sqlbest.bind_unfiltered): the capped count, the walk and the led page,
page 1 and page 2 (OFFSET 100), each under plan_cache_mode
force_custom_plan (the first five executions of a connection) and
force_generic_plan (what a connection may settle on after them;
QF_PLAN_MODES picks), the best Execution Time of up to three EXPLAIN
ANALYZE runs (one when the first took a second or more) and the plan's
nodes, and which plan a connection settles on from its sixth execution
(plan_cache_mode auto); the rows of walk and led compared on both pages.
"""
import csv
import os
import re
import subprocess
import sys
import tempfile

import sparsegen
import sqlbest

binary, db = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
only = {int(x) for x in sys.argv[4:]}
# QF_PLAN_MODES: force_custom_plan,force_generic_plan (default: both)
MODES = os.environ.get("QF_PLAN_MODES", "force_custom_plan,force_generic_plan").split(",")
texts = [t.decode("utf-8", "replace") for t in open(binary, "rb").read().split(b"\0") if len(t) > 200]
SIZES = sparsegen.SIZES
user0 = 990000


def psql(script):
    return subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", db], input=script,
                          capture_output=True, text=True, check=True).stdout


def load():
    psql("BEGIN; SET session_replication_role = replica; UPDATE metric_state SET live = 0; "
         "INSERT INTO units(region, name, kind, created_at, updated_at) VALUES ('230100', '本级', 'department', 0, 0); "
         "INSERT INTO units(region, name, kind, parent_id, created_at, updated_at) "
         "SELECT '230100', '镇' || lpad(t::text, 3, '0'), 'township', (SELECT max(id) FROM units), 0, 0 "
         "FROM generate_series(0, 99) t; "
         "INSERT INTO persons(region, name, unit_id, rank, position, created_at, updated_at) "
         "SELECT '230100', '人' || id, id, 'staff', '科员', 0, 0 FROM units WHERE kind = 'township' ORDER BY id; COMMIT")
    towns = [int(x) for x in psql("SELECT id FROM units WHERE kind = 'township' ORDER BY id").split()]
    persons = dict(tuple(map(int, r.split("|"))) for r in
                   psql("SELECT unit_id, id FROM persons WHERE unit_id IN (SELECT id FROM units "
                        "WHERE kind = 'township')").split())
    clues, problems = sparsegen.rows(n, towns)
    with tempfile.TemporaryDirectory() as d:
        files = {}
        for name, data in (("clues", ((i, "230100", day, "report", u, "registered", 0, 0) for i, day, u in clues)),
                           ("clue_subjects", ((i, persons[u]) for i, _, u in clues)),
                           ("problems", ((i, u, "political", "问题", day, "2030-01-01", 0) for i, u, day in problems))):
            files[name] = os.path.join(d, name + ".csv")
            with open(files[name], "w", newline="") as f:
                csv.writer(f).writerows(data)
        psql("BEGIN; SET session_replication_role = replica;\n"
             f"\\copy clues(id, region, received, source, unit_id, state, created_at, updated_at) FROM '{files['clues']}' CSV\n"
             f"\\copy clue_subjects(clue_id, person_id) FROM '{files['clue_subjects']}' CSV\n"
             f"\\copy problems(id, unit_id, source, summary, found, deadline, created_at) FROM '{files['problems']}' CSV\n"
             "COMMIT;\n")
    for t in ("clues", "problems"):
        psql(f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), (SELECT max(id) FROM {t}))")
    psql("VACUUM ANALYZE")


if not int(psql("SELECT count(*) FROM clues")):
    load()
towns = [int(x) for x in psql(f"SELECT id FROM units WHERE kind = 'township' ORDER BY id LIMIT {len(SIZES)}").split()]
psql("SET session_replication_role = replica; INSERT INTO user_scopes(user_id, unit_id) VALUES " +
     ", ".join(f"({user0 + t}, {t})" for t in towns) + " ON CONFLICT DO NOTHING")


def pick(*needles):
    return [t for t in texts if all(x in t for x in needles)]


def numbered(sql):
    k = iter(range(1, 1000))
    return re.sub(r"\?", lambda m: f"${next(k)}", sql)


def lit(v):
    return str(v) if isinstance(v, int) else "'" + v.replace("'", "''") + "'"


def run(sql, args, mode):
    """(best ms of up to three, the plan's node lines, the rows' first column) of sql under mode
    (a second and third run only when the first took under a second)"""
    ex = f"EXECUTE s({', '.join(lit(a) for a in args)})"
    head = f"SET plan_cache_mode = {mode}; SET jit = off; PREPARE s AS {numbered(sql)};\n"
    out = psql(head + f"EXPLAIN (ANALYZE, BUFFERS) {ex};\n\\echo ====\n\\echo ====\n{ex};\n")
    parts = out.split("====\n")
    times = [float(m) for m in re.findall(r"Execution Time: ([0-9.]+) ms", out)]
    if times[0] < 1000:
        times += [float(m) for m in re.findall(r"Execution Time: ([0-9.]+) ms",
                                               psql(head + f"EXPLAIN (ANALYZE) {ex};\n" * 2))]
    nodes = [re.sub(r"\s*\(cost=.*", "", ln).strip(" ->") for ln in parts[0].splitlines()
             if "(cost=" in ln and re.search(r"Scan|Sort|Limit|Join|Nested|Hash|Aggregate|Unique", ln)]
    return min(times), nodes, [r.split("|")[0] for r in parts[-1].splitlines()]


def settles(sql, args):
    """What a connection runs from its sixth execution on (plan_cache_mode auto,
    as the server's): 'generic' or 'custom', by pg_prepared_statements after
    seven EXPLAINs (planned, not run)"""
    ex = f"EXPLAIN EXECUTE s({', '.join(lit(a) for a in args)});\n"
    out = psql(f"SET jit = off; PREPARE s AS {numbered(sql)};\n\\o /dev/null\n" + ex * 7 +
               "\\o\nSELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 's';\n")
    g, c = out.split()[-1].split("|")
    return "generic" if int(g) else "custom"


LISTS = [("clues", "k", ("FROM clues k JOIN units u", "string_agg", "ORDER BY k.received DESC"), "k.unit_id"),
         ("problems", "p", ("FROM problems p JOIN units u", "ORDER BY p.found DESC", "LIMIT ? OFFSET ?"), "p.unit_id")]
print(f"{n:,} clues and {n:,} problems on PostgreSQL; a township user's pages of 100 (ms: best of up to 3 EXPLAIN ANALYZE)")
for name, tab, needles, col in LISTS:
    cands = pick(*needles)
    walk = [t for t in cands if f"WHERE (? = 0 OR {col} IN (SELECT id FROM vis))" in t]
    # PostgreSQL's led text (Q_SCOPE_LEAD_PG) where the binary has one, else the only one
    leads = (f"WHERE {col} = ANY (ARRAY(SELECT id FROM vis)) AND", f"WHERE {col} IN (SELECT id FROM vis) AND")
    led = [t for lead in leads for t in cands if lead in t]
    count = [t for lead in leads for t in pick(f"FROM {name} {tab} ", lead, "SELECT count(*) FROM (SELECT 1 ",
                                               "LIMIT 10001) capped")]
    if not walk or not led or not count:
        print(f"{name}: not in this binary (walk {len(walk)}, led {len(led)}, count {len(count)})")
        continue
    for size, town in zip(SIZES, towns):
        if only and size not in only:
            continue
        user = user0 + town
        for mode in MODES:
            args = sqlbest.bind_unfiltered(count[0], user)
            ms, plan, res = run(count[0], args, mode)
            print(f"\n{name} {size:,} rows, {mode[6:]}: count {res[0]} {ms:.2f} ms ({settles(count[0], args)} "
                  f"from the 6th); {' / '.join(plan)}")
            for page, off in ((1, 0), (2, 100)):
                rows = []
                for label, sql in (("walk", walk[0]), ("led", led[0])):
                    args = sqlbest.bind_unfiltered(sql, user)
                    args[-1] = off
                    ms, plan, res = run(sql, args, mode)
                    rows.append(res)
                    print(f"  page {page} {label:4s} {ms:10.2f} ms  ({settles(sql, args)} from the 6th) "
                          f"{' / '.join(plan)}")
                print(f"  page {page}: {'same rows' if rows[0] == rows[1] else 'ROWS DIFFER'} ({len(rows[0])})")

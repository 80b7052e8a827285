"""gen_families.py: the families beyond issue 11's for bench/gen-national.py, copied from a demo year.

The demo year (`qingfeng demo --year 2022`, src/cmd/demo*.c) writes every family the platform has
through the domain, with its rules: rectification problems and their steps, inspection rounds and
inspections, the work log, talks, matter reports, opinion requests and their lines, public ratings
and bad reviews, target ledgers, tasks and notes, integrity file updates.  A national year holds
COPIES copies of those rows, each moved onto other units of the national tree (a demo unit's copy
k is national unit (k * demo units + its rank) mod units + 1; a person the one of the same rank in
that unit), with ids shifted per copy (id + k * the demo's largest id) and every reference to a
copied table shifted the same way, so each copy is a consistent demo year of its own units.  What
would collide or cannot be copied is adjusted: external ids dropped, a round's number, a ledger's
name, a rating's idempotency key and a follow-up's hash made unique per copy; talks' notes are
encrypted under the demo's key and are left out (NULL, as a talk without notes); references to
users go to the bench's case manager (BENCH_USER, user 2).  Text loses tabs, newlines, backslashes and
ASCII double quotes (the loaders read tab-separated text without escapes).
"""
import sqlite3

BENCH_USER = "2"                   # after the administrator `qingfeng init` makes
# the tables copied, in the order they load (every reference to a row loaded before)
TABLES = ["inspection_rounds", "inspections", "activities", "ratings", "bad_reviews", "problems", "problem_steps",
          "talks", "matter_reports", "opinion_requests", "opinion_lines", "target_ledgers", "target_tasks",
          "target_notes", "integrity_updates"]
LEFT_OUT = {"talks": ("note_enc",)}
# counts kept by triggers as the rows they count load (0088: a request's lines): start at 0
KEPT = {"opinion_requests": ("lines",)}
UNIQUE_TEXT = {"ratings": ("idem_key",), "bad_reviews": ("followup_hash",)}
CLEAN = str.maketrans({"\t": " ", "\n": " ", "\r": " ", "\\": "/", '"': "“"})


def rows_per_copy(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    n = sum(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)
    con.close()
    return n


def generate(db, copies, region, nat_units, unit_first, unit_count, table):
    """writes COPIES copies of the demo's TABLES through table(name, cols) (gen-national.py's)"""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    demo_units = [r[0] for r in con.execute("SELECT id FROM units ORDER BY id")]
    unit_rank = {u: i for i, u in enumerate(demo_units)}
    person_at = {}                       # demo person -> (its unit's rank, its rank in the unit)
    seen = {}
    for p, u in con.execute("SELECT id, unit_id FROM persons ORDER BY unit_id, id"):
        i = seen.get(u, 0)
        seen[u] = i + 1
        person_at[p] = (unit_rank[u], i)
    span = {t: con.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0] for t in TABLES}
    for t in TABLES:
        cols = [r[1] for r in con.execute(f"SELECT * FROM pragma_table_info('{t}')")]
        fks = {r[3]: r[2] for r in con.execute(f"SELECT * FROM pragma_foreign_key_list('{t}')")}
        out = table(t, ",".join(cols))
        rows = con.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
        for k in range(copies):
            def unit(u):
                return (k * len(demo_units) + unit_rank[u]) % nat_units + 1

            def person(p):
                ur, i = person_at[p]
                nu = (k * len(demo_units) + ur) % nat_units + 1
                return unit_first[nu] + i % unit_count[nu]

            for row in rows:
                v = []
                for c, x in zip(cols, row):
                    ref = fks.get(c)
                    if x is None or c == "ext_id" or c in LEFT_OUT.get(t, ()):
                        x = None
                    elif c in KEPT.get(t, ()):
                        x = 0
                    elif c == "id":
                        x = x + k * span[t]
                    elif ref in span:
                        x = x + k * span[ref]
                    elif ref == "units":
                        x = unit(x)
                    elif ref == "persons":
                        x = person(x)
                    elif ref == "users":
                        x = BENCH_USER
                    elif c in UNIQUE_TEXT.get(t, ()):
                        x = f"{x}-{k}" if k else x
                    elif t == "inspection_rounds" and c == "number":
                        x = x + 100 * k
                    elif t == "target_ledgers" and c == "name" and k:
                        x = f"{x}（{k}）"
                    elif c == "region":
                        x = region
                    v.append("\\N" if x is None else str(x).translate(CLEAN))
                out.put(*v)
    con.close()

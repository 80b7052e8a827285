"""sqlbest.py: a statement's best time over a loop, and the values of an
unfiltered list's parameters (bench/pending.py, bench/scoped.py,
bench/sparse.py)."""
import re
import sqlite3
import time


def best(c, sql, args, secs):
    """(the fastest run in ms over about secs seconds, at least one run; its rows)"""
    t_end, b, res = time.perf_counter() + secs, None, None
    while time.perf_counter() < t_end or b is None:
        t = time.perf_counter()
        res = c.execute(sql, args).fetchall()
        d = time.perf_counter() - t
        b = d if b is None or d < b else b
    return b * 1000, res


def bind_unfiltered(sql, user):
    """The values of an unfiltered list for the scope user, by each ?'s
    place: the CTE's and Q_IN_SCOPE's user, each "(? = '' OR ...)" group
    '' and each "(? = 0 OR ...)" group 0, LIMIT 100 OFFSET 0."""
    out, mode = [], None
    for m in re.finditer(r"\?", sql):
        after, before = sql[m.end():m.end() + 60], sql[max(0, m.start() - 40):m.start()]
        if before.endswith("user_id = "):
            out.append(user)
        elif after.startswith(" = 0 OR") and "IN (SELECT id FROM vis)" in after:
            out.append(user)
        elif after.startswith(" = ''"):
            mode = ""
            out.append("")
        elif after.startswith(" = 0"):
            mode = 0
            out.append(0)
        elif before.endswith("LIMIT "):
            out.append(100)
        elif before.endswith("OFFSET "):
            out.append(0)
        elif before.endswith("WHERE id = ") or before.endswith("CAST("):
            out.append(0)
        else:
            out.append(mode if mode is not None else 0)
    return out


def open_db(db):
    """A connection for a bench's load: autocommit, WAL, no foreign keys
    (the rows are written directly), no syncs."""
    c = sqlite3.connect(db, isolation_level=None)
    c.execute("PRAGMA journal_mode=WAL")
    c.execute("PRAGMA foreign_keys=OFF")
    c.execute("PRAGMA synchronous=OFF")
    return c


def townships(c, k=100):
    """A root unit and k townships under it, in the caller's transaction,
    with the rollup's triggers off (metric_state: not measured here); the
    townships' ids."""
    c.execute("UPDATE metric_state SET live = 0")
    root = c.execute("INSERT INTO units(region, name, kind, created_at, updated_at) "
                     "VALUES ('230100', '本级', 'department', 0, 0)").lastrowid
    return [c.execute("INSERT INTO units(region, name, kind, parent_id, created_at, updated_at) "
                      "VALUES ('230100', ?, 'township', ?, 0, 0)", (f"镇{t:03d}", root)).lastrowid
            for t in range(k)]

"""sqlbest.py: a statement's best time over a loop, and the values of an
unfiltered list's parameters (bench/pending.py, bench/scoped.py,
bench/sparse.py)."""
import re
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

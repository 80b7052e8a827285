"""sqlbest.py: a statement's best time over a loop (bench/pending.py,
bench/scoped.py)."""
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

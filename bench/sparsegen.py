"""sparsegen.py: the rows of bench/sparse.py's national table, for either
backend (bench/sparse.py loads them into SQLite, bench/sparse_pg.py into
PostgreSQL by COPY): the same townships, units and days for a given N."""
import random

# the measured townships' rows of each list, the first len(SIZES) townships
SIZES = [100, 1_000, 2_000, 5_000, 20_000, 100_000]


def rows(n, towns):
    """(clues, problems) for n rows of each over the township ids towns:
    clues as (id, received, unit_id), problems as (id, unit_id, found);
    the measured townships first, the rest spread over the other ones,
    days over ten years at random (seed 16)."""
    rnd = random.Random(16)
    unit_of = [towns[i] for i, s in enumerate(SIZES) for _ in range(s)]
    k = len(SIZES)
    unit_of += [towns[k + i % (len(towns) - k)] for i in range(n - len(unit_of))]
    rnd.shuffle(unit_of)

    def day():
        return "20%02d-%02d-%02d" % (15 + rnd.randrange(10), 1 + rnd.randrange(12), 1 + rnd.randrange(28))

    clues = [(i + 1, day(), u) for i, u in enumerate(unit_of)]
    rnd.shuffle(unit_of)
    problems = [(i + 1, u, day()) for i, u in enumerate(unit_of)]
    return clues, problems

#!/usr/bin/env python3
"""gen-lists.py: an interchange file (docs/interchange.md) for bench/lists.sh.

    gen-lists.py ROWS > FILE

Writes ROWS rows for each list page the staff use most: ROWS persons (100
a unit, ceil(ROWS / 100) units), ROWS letters and visits (reports), ROWS
clues each filed as a case (so ROWS cases), and ROWS problems of the
rectification ledger, in the order the importer needs.  Deterministic:
the same argument gives the same file.
"""
import datetime
import json
import random
import sys


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gen-lists.py ROWS")
    rows = int(sys.argv[1])
    if rows < 1:
        sys.exit("gen-lists.py: ROWS must be at least 1")
    rnd = random.Random(2016)
    out = sys.stdout
    w = lambda o: out.write(json.dumps(o, ensure_ascii=False, separators=(",", ":")) + "\n")
    per_unit = 100
    units = (rows + per_unit - 1) // per_unit
    for u in range(1, units + 1):
        w({"type": "unit", "id": f"U{u}", "name": f"列表单位{u:05d}",
           "kind": "township" if u % 5 == 0 else "department", "parent": None})
    for p in range(1, rows + 1):
        u = (p - 1) // per_unit + 1
        w({"type": "person", "id": f"P{p}", "name": f"干部{p:07d}", "unit": f"U{u}",
           "position": "科员", "rank": "section" if p % 10 == 1 else "staff",
           "top_leader": p % per_unit == 1, "leadership": p % per_unit <= 5, "party_member": True})
    start = datetime.date(2019, 1, 1)
    span = (datetime.date(2026, 10, 31) - start).days
    day = lambda: start + datetime.timedelta(days=rnd.randrange(span))
    channels = ["letter", "visit", "phone", "online"]
    for i in range(1, rows + 1):
        w({"type": "report", "id": f"R{i}", "received": day().isoformat(),
           "channel": channels[i % 4], "category": "accusation",
           "accused": [f"P{rnd.randrange(1, rows + 1)}"], "summary": f"反映问题{i}"})
    for c in range(1, rows + 1):
        d = day()
        subj = f"P{rnd.randrange(1, rows + 1)}"
        w({"type": "clue", "id": f"C{c}", "received": d.isoformat(), "source": "report",
           "subjects": [subj]})
        w({"type": "disposition", "clue": f"C{c}", "decided": (d + datetime.timedelta(days=7)).isoformat(),
           "method": "preliminary_verification"})
        approved = (d + datetime.timedelta(days=14)).isoformat()
        w({"type": "disposition", "clue": f"C{c}", "decided": approved, "method": "file_case",
           "approved_by": "县纪委书记", "committee_by": "县委书记", "committee_day": approved})
        filed = d + datetime.timedelta(days=20)
        case = {"type": "case", "id": f"A{c}", "clue": f"C{c}", "subjects": [subj],
                "filed": filed.isoformat(), "case_type": "discipline", "organ_kind": "office",
                "organ_name": "第一审查调查室", "categories": ["integrity"]}
        if c % 2 == 0:
            case["closed"] = (filed + datetime.timedelta(days=90)).isoformat()
        w(case)
    for i in range(1, rows + 1):
        found = day()
        w({"type": "problem", "id": f"W{i}", "unit": f"U{rnd.randrange(1, units + 1)}",
           "source": "other", "summary": f"整改问题{i}", "found": found.isoformat(),
           "deadline": (found + datetime.timedelta(days=60)).isoformat(), "top_leader": False})


if __name__ == "__main__":
    main()

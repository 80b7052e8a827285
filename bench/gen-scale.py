#!/usr/bin/env python3
"""gen-scale.py: a large interchange file (INTERCHANGE.md) for bench/scale.sh.

    gen-scale.py CLUES CASES [UNITS] > FILE

Writes UNITS units (default 300), 100 persons a unit, CLUES clues spread over 2019-2026
with one disposition each (a tenth still under preliminary verification,
most of those overdue), and CASES of them filed as cases (half closed; issue
10: after a preliminary verification, with the filing's approvals and record),
in the order the importer needs (a record only names ids defined
before it).  Deterministic: the same arguments give the same file.
"""
import datetime
import json
import random
import sys


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: gen-scale.py CLUES CASES [UNITS]")
    n_clues, n_cases = int(sys.argv[1]), int(sys.argv[2])
    units = int(sys.argv[3]) if len(sys.argv) == 4 else 300
    if n_cases > n_clues:
        sys.exit("gen-scale.py: CASES must not exceed CLUES")
    rnd = random.Random(2022)
    out = sys.stdout
    w = lambda o: out.write(json.dumps(o, ensure_ascii=False, separators=(",", ":")) + "\n")
    persons = 100
    for u in range(1, units + 1):
        w({"type": "unit", "id": f"U{u}", "name": f"测试单位{u:03d}",
           "kind": "township" if u % 5 == 0 else "department", "parent": None})
    for u in range(1, units + 1):
        for p in range(1, persons + 1):
            w({"type": "person", "id": f"P{u}_{p}", "name": f"干部{u:03d}{p:03d}", "unit": f"U{u}",
               "position": "科员", "rank": "section" if p <= 10 else "staff",
               "top_leader": p == 1, "leadership": p <= 5, "party_member": True})
    start = datetime.date(2019, 1, 1)
    span = (datetime.date(2026, 10, 31) - start).days
    methods = ["talk_inquiry", "close", "shelve"]
    case_every = n_clues / n_cases if n_cases else 0
    next_case, cases = 0.0, 0
    for c in range(1, n_clues + 1):
        day = start + datetime.timedelta(days=rnd.randrange(span))
        u = rnd.randrange(1, units + 1)
        subj = f"P{u}_{rnd.randrange(1, persons + 1)}"
        w({"type": "clue", "id": f"C{c}", "received": day.isoformat(), "source": "report",
           "subjects": [subj]})
        decided = (day + datetime.timedelta(days=7)).isoformat()
        if case_every and c >= next_case and cases < n_cases:
            # issue 10: filed after a preliminary verification, with the filing's
            # approvals and its record (type, organ, categories)
            w({"type": "disposition", "clue": f"C{c}", "decided": decided,
               "method": "preliminary_verification"})
            approved = (day + datetime.timedelta(days=14)).isoformat()
            w({"type": "disposition", "clue": f"C{c}", "decided": approved, "method": "file_case",
               "approved_by": "县纪委书记", "committee_by": "县委书记", "committee_day": approved})
            filed = day + datetime.timedelta(days=20)
            case = {"type": "case", "id": f"A{c}", "clue": f"C{c}", "subjects": [subj],
                    "filed": filed.isoformat(), "case_type": "discipline", "organ_kind": "office",
                    "organ_name": "第一审查调查室", "categories": ["integrity"]}
            if cases % 2 == 0:
                case["closed"] = (filed + datetime.timedelta(days=90)).isoformat()
            w(case)
            cases += 1
            next_case += case_every
        elif c % 10 == 0:
            w({"type": "disposition", "clue": f"C{c}", "decided": decided,
               "method": "preliminary_verification"})
        else:
            w({"type": "disposition", "clue": f"C{c}", "decided": decided,
               "method": methods[c % len(methods)]})


if __name__ == "__main__":
    main()

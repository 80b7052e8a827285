#!/usr/bin/env python3
"""gen-stats.py: an interchange file for timing `qingfeng report` (docs/statistics.md, "Speed").

    gen-stats.py N > FILE

Writes 40 units (32 of them below 8 top units), N persons, one campaign and N clues over 2021
and 2022 with violation categories; half of them end in a talk inquiry and a first-form
outcome, about a third go through verification to a filed case (nine in ten closed) with an
outcome (party warnings, demerits, ...).  Deterministic (seed 11).
"""
import json, random, sys
random.seed(11)
N = int(sys.argv[1])
w = lambda o: print(json.dumps(o, ensure_ascii=False))
units = 40
for u in range(units):
    w({"type":"unit","id":f"U{u}","name":f"单位{u}","kind":"department","parent": None if u < 8 else f"U{u%8}"})
persons = N
ranks = ["section","staff","staff","staff","village","other"]
for p in range(persons):
    w({"type":"person","id":f"P{p}","name":f"人{p}","unit":f"U{p%units}","rank":random.choice(ranks),
       "top_leader": random.random()<0.05, "leadership": random.random()<0.1, "party_member": True})
w({"type":"campaign","id":"G1","name":"专项"})
def day(y):
    return f"{y}-{random.randint(1,12):02d}-{random.randint(1,28):02d}"
for k in range(N):
    y = random.choice([2021, 2022])
    rec = day(y)
    c = {"type":"clue","id":f"K{k}","received":rec,"source":random.choice(["report","inspection","judicial","supervision"]),
         "subjects":[f"P{k}"],"categories":[random.choice(["eight_rules","integrity","work","mass"])]}
    if random.random() < 0.1: c["campaign"] = "G1"
    w(c)
    r = random.random()
    if r < 0.5:
        w({"type":"disposition","clue":f"K{k}","decided":rec,"method":"talk_inquiry"})
        w({"type":"outcome","person":f"P{k}","clue":f"K{k}","date":rec,"measures":[random.choice(["talk_reminder","criticism","admonishment"])]})
    elif r < 0.85:
        w({"type":"disposition","clue":f"K{k}","decided":rec,"method":"preliminary_verification"})
        w({"type":"disposition","clue":f"K{k}","decided":rec,"method":"file_case",
           "approved_by":"委主要负责人","committee_by":"市委书记","committee_day":rec})
        case = {"type":"case","id":f"A{k}","clue":f"K{k}","filed":rec,"case_type":"discipline","organ_kind":random.choice(["office","township","resident_group"]),
                "organ_name":"室","categories":[random.choice(["eight_rules","integrity","work"])]}
        if random.random() < 0.9: case["closed"] = rec
        w(case)
        w({"type":"outcome","person":f"P{k}","case":f"A{k}","date":rec,"measures":[random.choice(["party_warning","gov_demerit","party_serious_warning","criticism"])]})

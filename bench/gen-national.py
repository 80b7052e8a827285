#!/usr/bin/env python3
"""gen-national.py: a national-scale year of records as tab-separated files, for bench/stats.sh.

    gen-national.py RECORDS REGION OUTDIR [DEMO_DB]

Writes one file per table (OUTDIR/TABLE.tsv, PostgreSQL's COPY text format: tab-separated, \\N
for NULL; no value holds a tab, a newline or a backslash) and OUTDIR/manifest.tsv (the load
order: table, its columns comma-separated, its row count).  The rows are what the app writes
when people register, dispose, file and close (bench/README.md, "Statistics at national
scale"), set-wise and without the domain checks:

- a unit tree: 31 provinces > 8 cities each > 5 counties each > 2 departments and 1 township
  each (5,239 units), and persons in them (7 % of RECORDS) with rank, top-leader, leadership
  and party flags that follow the level of their unit;
- 20 campaigns (the five of the demo year, whose names the annual report's template names);
- clues (17 % of RECORDS), 85 % received in 2022 and the rest in the second half of 2021, from
  every source, one to four subjects (their snapshot copied), a violation category on 70 %,
  a campaign on 15 %; each follows one path: still registered, talk inquiry (once or twice)
  and closed with a first-form outcome per subject, closed, shelved, preliminary verification
  closed (some subjects cleared: clarifications) or still running, or filed as a case;
- cases (6 % of RECORDS: the filed clues) after a preliminary verification and a file_case
  disposition with its two approvals; most closed (some filed in 2021 and closed in 2022, some
  closing in 2023), some in trial, a few still investigating; type, organ, categories; a
  detention for 3 % (the first subject), a transfer to the procuratorate for 4 % (form 4);
- outcomes (about 20 % of RECORDS) with their measures: first forms from talks and
  verifications, sanctions from closed cases (form = the highest form of the measures as
  the form table of migration 0018 maps them; sanctioned when a party or government
  sanction is among them; influence periods from migration 0018's table);
- follow-up visits of sanctioned persons, accountabilities, recoveries;
- with DEMO_DB (a database holding `qingfeng demo --year 2022`): every other family (rectification
  problems, inspections, the work log, talks, matter reports, opinions, public ratings, targets,
  integrity files), about 15 % of RECORDS, as copies of the demo year's rows moved onto the
  national units (bench/gen_families.py).

Deterministic: the same arguments give the same files (seed 11).  Ids are assigned here and
every reference is to a row written before it.
"""
import datetime
import os
import random
import sys

import gen_families

SEED = 11

# migration 0018's form table and influence periods (months; -1 permanent; probation: stated
# months plus 24) for the measures used here
FORM = {"talk_reminder": 1, "criticism": 1, "self_examination": 1, "admonishment": 1,
        "notified_criticism": 1, "inquiry_closed": 1, "verification_closed": 1,
        "party_warning": 2, "party_serious_warning": 2, "gov_warning": 2, "gov_demerit": 2,
        "gov_major_demerit": 2, "gov_demotion": 2, "post_removal": 2,
        "party_post_removal": 3, "party_probation": 3, "party_expulsion": 3, "gov_removal": 3,
        "gov_dismissal": 3, "criminal_transfer": 4}
BAR = {"admonishment": 6, "gov_warning": 6, "gov_demerit": 12, "gov_major_demerit": 18,
       "gov_demotion": 24, "gov_removal": 24, "gov_dismissal": -1, "party_warning": 12,
       "party_serious_warning": 18, "party_post_removal": 24, "party_expulsion": -1,
       "post_removal": 12}

# the measures of a closed case's outcome, with weights (None: a probation's stated months)
CASE_MENU = [
    (("party_warning",), 22), (("party_serious_warning",), 12), (("gov_warning",), 10),
    (("gov_demerit",), 10), (("gov_major_demerit",), 4), (("party_serious_warning", "gov_demerit"), 6),
    (("party_warning", "gov_warning"), 5), (("gov_demotion",), 2), (("party_post_removal",), 3),
    (("party_probation",), 5), (("gov_removal",), 1), (("party_expulsion", "gov_dismissal"), 3),
    (("admonishment",), 4), (("criticism",), 3), (("post_removal",), 1)]
TRANSFER_MEASURES = ("criminal_transfer", "gov_dismissal", "party_expulsion")
TALK_MENU = [("talk_reminder", 30), ("criticism", 20), ("inquiry_closed", 35), ("admonishment", 8),
             ("self_examination", 5), ("notified_criticism", 2)]
SOURCES = [("report", 45), ("inspection", 12), ("audit", 4), ("judicial", 6), ("supervision", 20),
           ("campaign", 5), ("superior", 6), ("other", 2)]
CATEGORIES = [("integrity", 30), ("work", 20), ("eight_rules", 18), ("mass", 10), ("organisational", 6),
              ("life", 4), ("political", 2), ("duty_violation", 7), ("duty_crime", 3)]
ORGANS = [("office", 45), ("resident_group", 30), ("township", 25)]
CASE_TYPES = [("discipline", 55), ("both", 35), ("supervision", 10)]
CAMPAIGNS = ["粮食购销领域、开发区建设领域、黑土地保护专项整治", "玉米、大豆和稻谷种植补贴问题专项整治",
             "疫情防控监督检查", "全市机关“能力作风建设年”活动监督问责", "群众身边“微腐败”专项整治"] + \
            [f"全国专项整治{i:02d}" for i in range(6, 21)]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜"
GIVEN = "建国明华丽丰伟芳军敏静磊洋艳勇杰娟涛超霞平刚桂英德东佳宇红梅海波志强秀兰玉文"

# paths of a clue: (name, share of the clues)
PATHS = [("registered", 0.02), ("talk", 0.447), ("close", 0.05), ("shelve", 0.03),
         ("verify_close", 0.08), ("verifying", 0.02), ("file", 0.353)]

D0 = datetime.date(2021, 1, 1)
DAYS = [(D0 + datetime.timedelta(days=i)).isoformat() for i in range(4 * 366 + 400)]
EPOCH0 = int(datetime.datetime(2021, 1, 1, 1, 0, tzinfo=datetime.timezone.utc).timestamp())
Y2021H2 = (datetime.date(2021, 7, 1) - D0).days
Y2022 = (datetime.date(2022, 1, 1) - D0).days
Y2023 = (datetime.date(2023, 1, 1) - D0).days
N = "\\N"


def at(d):
    """the Unix time of working hours on day index d"""
    return str(EPOCH0 + d * 86400)


def add_months(d, months):
    """day index d plus `months` calendar months, as text (the last day when it overflows)"""
    x = D0 + datetime.timedelta(days=d)
    m = x.month - 1 + months
    y, m = x.year + m // 12, m % 12 + 1
    for day in (x.day, 30, 29, 28):
        try:
            return datetime.date(y, m, day).isoformat()
        except ValueError:
            continue
    raise ValueError(x)


def picker(rnd, items):
    """a function drawing from [(value, weight)]"""
    values = [v for v, _ in items]
    cum, t = [], 0
    for _, w in items:
        t += w
        cum.append(t)
    return lambda: rnd.choices(values, cum_weights=cum)[0]


class Table:
    def __init__(self, outdir, name, cols):
        self.name, self.cols, self.rows = name, cols, 0
        self.f = open(os.path.join(outdir, name + ".tsv"), "w", encoding="utf-8", buffering=1 << 20)

    def put(self, *v):
        self.f.write("\t".join(v) + "\n")
        self.rows += 1


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit("usage: gen-national.py RECORDS REGION OUTDIR [DEMO_DB]")
    records, region, outdir = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    demo = sys.argv[4] if len(sys.argv) == 5 else None
    if records < 10000:
        sys.exit("gen-national.py: RECORDS must be at least 10000")
    os.makedirs(outdir, exist_ok=True)
    rnd = random.Random(SEED)
    R = rnd.random
    T = {}
    order = []

    def table(name, cols):
        T[name] = Table(outdir, name, cols.split(","))
        order.append(name)
        return T[name]

    units = table("units", "id,region,parent_id,name,kind,created_at,updated_at")
    persons = table("persons", "id,region,unit_id,name,position,rank,top_leader,leadership,party_member,"
                               "created_at,updated_at")
    campaigns = table("campaigns", "id,region,name,start_day,end_day,created_at")
    clues = table("clues", "id,region,received,source,campaign_id,unit_id,state,first_disposed,"
                           "created_at,updated_at,clock_start,verification_office")
    clue_subjects = table("clue_subjects", "clue_id,person_id,rank,top_leader,leadership,unit_id")
    clue_categories = table("clue_categories", "clue_id,category")
    dispositions = table("dispositions", "id,region,clue_id,method,state,proposed_at,decided,decided_at")
    approvals = table("approvals", "id,region,object,kind,decision,approver,day,at")
    cases = table("cases", "id,region,clue_id,disposition_id,unit_id,campaign_id,filed,state,transferred,"
                           "trial_accepted,closed,created_at,updated_at,trial_due,case_type,organ_kind,organ_name")
    case_subjects = table("case_subjects", "case_id,person_id,rank,top_leader,leadership,unit_id")
    case_categories = table("case_categories", "case_id,category")
    detentions = table("detentions", "id,region,case_id,person_id,start_day,end_day,created_at,due_day,"
                                     "approved_by,approved_day,announced_at")
    outcomes = table("outcomes", "id,region,person_id,case_id,clue_id,day,form,sanctioned,probation_months,"
                                 "effective,bar_until,campaign_id,unit_id,created_at,subject_rank,"
                                 "subject_top_leader,subject_leadership,subject_party_member,party_decided,"
                                 "gov_decided")
    measures = table("outcome_measures", "outcome_id,measure,decided,months,violations")
    clarifications = table("clarifications", "id,region,person_id,case_id,clue_id,day,manner,note,created_at")
    followups = table("followups", "id,region,outcome_id,day,note,created_at")
    accountabilities = table("accountabilities", "id,region,started,unit_id,person_id,campaign_id,summary,"
                                                 "created_at")
    recoveries = table("recoveries", "id,region,day,amount_fen,kind,campaign_id,case_id,created_at")

    # ---- units: provinces > cities > counties > 2 departments and a township each
    t0 = at(0)
    levels = []          # per unit id (index): 0 province, 1 city, 2 county, 3 department, 4 township
    uid = 0

    def unit(parent, name, kind, level):
        nonlocal uid
        uid += 1
        units.put(str(uid), region, str(parent) if parent else N, name, kind, t0, t0)
        levels.append(level)
        return uid

    for p in range(1, 32):
        pu = unit(None, f"第{p:02d}省", "other", 0)
        for c in range(1, 9):
            cu = unit(pu, f"第{p:02d}省第{c}市", "other", 1)
            for k in range(1, 6):
                ku = unit(cu, f"第{p:02d}省第{c}市第{k}县", "other", 2)
                unit(ku, f"第{p:02d}省第{c}市第{k}县教育局", "department", 3)
                unit(ku, f"第{p:02d}省第{c}市第{k}县住建局", "department", 3)
                unit(ku, f"第{p:02d}省第{c}市第{k}县第{k}镇", "township", 4)

    # ---- persons: more at the lower levels; the first of a unit its top leader, the
    # first five its leadership team; rank follows the unit's level
    n_persons = max(records * 7 // 100, uid * 2)
    weight = {0: 2, 1: 4, 2: 8, 3: 30, 4: 40}
    total_w = sum(weight[lv] for lv in levels)
    rank_by_level = {0: [("county", 45), ("section", 45), ("staff", 10)],
                     1: [("county", 20), ("section", 55), ("staff", 25)],
                     2: [("county", 8), ("section", 40), ("staff", 52)],
                     3: [("section", 20), ("staff", 75), ("other", 5)],
                     4: [("section", 12), ("staff", 40), ("village", 45), ("other", 3)]}
    rank_pick = {lv: picker(rnd, r) for lv, r in rank_by_level.items()}
    position = {"county": "处长", "section": "科长", "staff": "科员", "village": "村党支部书记", "other": "职员"}
    p_unit, p_rank, p_top, p_lead, p_party = [None], [None], [None], [None], [None]
    unit_first = [0] * (uid + 1)        # the first person id of each unit
    unit_count = [0] * (uid + 1)
    pid = 0
    for u in range(1, uid + 1):
        lv = levels[u - 1]
        n = max(2, n_persons * weight[lv] // total_w)
        unit_first[u], unit_count[u] = pid + 1, n
        for i in range(n):
            pid += 1
            rank = rank_pick[lv]()
            top = i == 0
            lead = i < 5
            party = R() < 0.9 or lead
            if top and rank in ("staff", "other"):
                rank = "section"
            name = SURNAMES[pid % len(SURNAMES)] + GIVEN[(pid // 60) % len(GIVEN)] + GIVEN[(pid // 2400) % len(GIVEN)]
            persons.put(str(pid), region, str(u), name, ("主要负责人" if top else position[rank]), rank,
                        "1" if top else "0", "1" if lead else "0", "1" if party else "0", t0, t0)
            p_unit.append(u)
            p_rank.append(rank)
            p_top.append(top)
            p_lead.append(lead)
            p_party.append(party)

    # ---- campaigns
    for i, name in enumerate(CAMPAIGNS, 1):
        campaigns.put(str(i), region, name, "2022-01-01" if i <= 5 else "2021-07-01", "2022-12-31", t0)
    n_campaigns = len(CAMPAIGNS)

    # ---- clues and what follows from them
    n_clues = records * 17 // 100
    source_pick = picker(rnd, SOURCES)
    cat_pick = picker(rnd, CATEGORIES)
    organ_pick = picker(rnd, ORGANS)
    type_pick = picker(rnd, CASE_TYPES)
    talk_pick = picker(rnd, TALK_MENU)
    case_pick = picker(rnd, CASE_MENU)
    paths, cum = [p for p, _ in PATHS], []
    t = 0.0
    for _, s in PATHS:
        t += s
        cum.append(t)
    ids = {"disp": 0, "appr": 0, "case": 0, "out": 0, "det": 0, "clar": 0, "fol": 0, "acc": 0, "rec": 0}

    def snapshot(p):
        return (p_rank[p], "1" if p_top[p] else "0", "1" if p_lead[p] else "0", str(p_unit[p]))

    def disposition(k, method, d):
        ids["disp"] += 1
        dispositions.put(str(ids["disp"]), region, str(k), method, "approved", at(d - 1), DAYS[d], at(d))
        return ids["disp"]

    def outcome(p, case_id, clue_id, d, ms, camp, probation=None):
        ids["out"] += 1
        o = ids["out"]
        form = max(FORM[m] for m in ms)
        party = any(m.startswith("party_") for m in ms)
        gov = any(m.startswith("gov_") for m in ms)
        bar = 0
        for m in ms:
            b = BAR.get(m, 0) if m != "party_probation" else probation + 24
            bar = -1 if b < 0 or bar < 0 else max(bar, b)
        bar_until = "9999-12-31" if bar < 0 else (add_months(d, bar) if bar else N)
        outcomes.put(str(o), region, str(p), case_id or N, clue_id or N, DAYS[d], str(form),
                     "1" if party or gov else "0", str(probation) if probation else N, DAYS[d], bar_until,
                     camp, str(p_unit[p]), at(d), p_rank[p], "1" if p_top[p] else "0",
                     "1" if p_lead[p] else "0", "1" if p_party[p] else "0",
                     DAYS[d] if party else N, DAYS[d] if gov else N)
        for m in ms:
            measures.put(str(o), m, DAYS[d], str(probation) if m == "party_probation" else N, "1")
        return o, party or gov

    for k in range(1, n_clues + 1):
        # received: 85 % in 2022, the rest in the second half of 2021
        if R() < 0.85:
            rec = Y2022 + rnd.randrange(365)
        else:
            rec = Y2021H2 + rnd.randrange(Y2022 - Y2021H2)
        x = R()
        for i, c in enumerate(cum):
            if x < c:
                path = paths[i]
                break
        else:
            path = paths[-1]
        if path == "registered":
            rec = max(rec, Y2023 - 20)     # still undisposed: received in the last days of the year
        # subjects: one person, or up to four of one unit's staff
        x = R()
        ns = 1 if x < 0.6 else 2 if x < 0.85 else 3 if x < 0.95 else 4
        first = rnd.randrange(1, pid + 1)
        u = p_unit[first]
        subj = [first]
        if ns > 1:
            base, cnt = unit_first[u], unit_count[u]
            for j in range(1, min(ns, cnt)):
                subj.append(base + (first - base + j) % cnt)
        camp = str(rnd.randrange(1, n_campaigns + 1)) if R() < 0.15 else N
        src = "campaign" if camp != N and R() < 0.3 else source_pick()
        d1 = rec + 3 + rnd.randrange(15)          # the first decision
        state, first_disposed, clock, office = "registered", N, N, N
        if path == "talk":
            disposition(k, "talk_inquiry", d1)
            d2 = d1 + 10 + rnd.randrange(20)
            if R() < 0.05:                        # a second talk: disposed twice, counted once
                disposition(k, "talk_inquiry", d2)
                d2 += 15
            disposition(k, "close", d2 + 5)
            for p in subj:
                if R() < 0.97:
                    outcome(p, None, str(k), d2, (talk_pick(),), camp)
            state, first_disposed = "closed", DAYS[d1]
        elif path in ("close", "shelve"):
            disposition(k, path, d1)
            state, first_disposed = ("closed" if path == "close" else "shelved"), DAYS[d1]
        elif path == "verify_close":
            disposition(k, "preliminary_verification", d1)
            d2 = d1 + 30 + rnd.randrange(60)
            disposition(k, "close", d2)
            for p in subj:
                x = R()
                if x < 0.7:
                    outcome(p, None, str(k), d2, ("verification_closed",), camp)
                elif x < 0.78:
                    ids["clar"] += 1
                    clarifications.put(str(ids["clar"]), region, str(p), N, str(k), DAYS[d2 + 7], "meeting",
                                       "经初步核实，反映问题不属实，予以澄清正名", at(d2 + 7))
            state, first_disposed = "closed", DAYS[d1]
        elif path == "verifying":
            disposition(k, "preliminary_verification", d1)
            # no proposer (as imported): the verification counts under no office
            state, first_disposed, clock, office = "preliminary_verification", DAYS[d1], DAYS[d1], ""
        elif path == "file":
            disposition(k, "preliminary_verification", d1)
            d2 = d1 + 20 + rnd.randrange(60)
            dp = disposition(k, "file_case", d2)
            for kind, who in (("filing", "委主要负责人"), ("filing_committee", "党委书记")):
                ids["appr"] += 1
                approvals.put(str(ids["appr"]), region, f"disposition/{dp}", kind, "approved", who, DAYS[d2], at(d2))
            state, first_disposed = "filed", DAYS[d1]
        clues.put(str(k), region, DAYS[rec], src, camp, str(u), state, first_disposed, at(rec), at(rec), clock, office)
        for p in subj:
            clue_subjects.put(str(k), str(p), *snapshot(p))
        cat = cat_pick() if R() < 0.7 else None
        if cat:
            clue_categories.put(str(k), cat)
        if path != "file":
            continue

        # ---- the case filed on it
        ids["case"] += 1
        c = ids["case"]
        filed = d2 + 1 + rnd.randrange(6)
        csubj = subj[:1] if R() < 0.88 else subj[:2]
        x = R()
        transferred = trial = closed = trial_due = N
        if x < 0.04 and filed + 150 < Y2023 + 180:    # transferred to the procuratorate (form 4)
            cstate = "closed"
            dt = filed + 90 + rnd.randrange(60)
            transferred, trial, closed = DAYS[dt], DAYS[dt - 20], DAYS[dt + 5]
            trial_due = add_months(dt - 20, 1)
            close_day = dt + 5
        elif x < 0.92:
            cstate = "closed"
            close_day = filed + 30 + rnd.randrange(120)
            trial, closed = DAYS[close_day - 25], DAYS[close_day]
            trial_due = add_months(close_day - 25, 1)
        elif x < 0.97:
            cstate = "trial"
            ta = filed + 60 + rnd.randrange(100)
            trial, trial_due, close_day = DAYS[ta], add_months(ta, 1), None
        else:
            cstate, close_day = "investigating", None
        organ = organ_pick()
        cases.put(str(c), region, str(k), str(dp), str(u), camp, DAYS[filed], cstate, transferred, trial, closed,
                  at(filed), at(filed), trial_due, type_pick(), organ,
                  {"office": "第一审查调查室", "resident_group": "派驻纪检监察组", "township": "乡镇纪委"}[organ])
        for p in csubj:
            case_subjects.put(str(c), str(p), *snapshot(p))
        ccat = cat or cat_pick()
        case_categories.put(str(c), ccat)
        if R() < 0.06:                           # a second category
            second = cat_pick()
            if second != ccat:
                case_categories.put(str(c), second)
        if R() < 0.03:                           # detained (留置): the first subject
            ids["det"] += 1
            s = filed + 10 + rnd.randrange(30)
            end = s + 30 + rnd.randrange(60)
            detentions.put(str(ids["det"]), region, str(c), str(csubj[0]), DAYS[s], DAYS[end], at(s),
                           add_months(s, 3), "上一级监察委员会", DAYS[s - 2], DAYS[s] + "T09:30")
        if close_day is None:
            continue
        for j, p in enumerate(csubj):
            if transferred != N and j == 0:
                ms, prob = TRANSFER_MEASURES, None
            else:
                ms = case_pick()
                prob = (12 if R() < 0.6 else 24) if ms == ("party_probation",) else None
                if not p_party[p] and any(m.startswith("party_") for m in ms):
                    ms, prob = ("gov_demerit",), None
            o, sanctioned = outcome(p, str(c), None, close_day, ms, camp, prob)
            if sanctioned and R() < 0.1:           # a follow-up visit (回访)
                ids["fol"] += 1
                fd = close_day + 90 + rnd.randrange(180)
                followups.put(str(ids["fol"]), region, str(o), DAYS[fd],
                              "回访受处分人员，了解思想和工作情况", at(fd))
        if R() < 0.1:                            # money recovered or ordered returned
            ids["rec"] += 1
            recoveries.put(str(ids["rec"]), region, DAYS[close_day], str(rnd.randrange(10000, 50000000)),
                           "recovered" if R() < 0.7 else "returned", camp, str(c), at(close_day))

    # ---- accountabilities (问责): 0.3 % of RECORDS, of a unit or its top leader
    for _ in range(records * 3 // 1000):
        ids["acc"] += 1
        d = Y2021H2 + rnd.randrange(Y2023 - Y2021H2)
        u = rnd.randrange(1, uid + 1)
        person = str(unit_first[u]) if R() < 0.5 else N
        camp = str(rnd.randrange(1, n_campaigns + 1)) if R() < 0.2 else N
        accountabilities.put(str(ids["acc"]), region, DAYS[d], str(u), person, camp, "落实主体责任不力", at(d))

    # ---- every other family: copies of the demo year (gen_families.py)
    if demo:
        copies = max(1, records * 15 // 100 // gen_families.rows_per_copy(demo))
        gen_families.generate(demo, copies, region, uid, unit_first, unit_count, table)

    with open(os.path.join(outdir, "manifest.tsv"), "w", encoding="utf-8") as m:
        for name in order:
            T[name].f.close()
            m.write(f"{name}\t{','.join(T[name].cols)}\t{T[name].rows}\n")


if __name__ == "__main__":
    main()

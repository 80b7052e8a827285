/*
 * demo_matters.c: the reports, clues, dispositions, cases, detentions,
 * outcomes, accountabilities and recoveries of the demo year.
 *
 * The year is the table groups[] below: each row is a number of clues
 * that take one path (a case, an inquiry that closed the matter, a daily
 * supervision finding, ...) with their campaign, source, violation
 * category, the pool their subjects come from, the years (offsets from the
 * demo year) of the first disposition, the filing, the closing and the
 * outcomes, and what the outcomes are.  The rows are chosen so that the
 * definitions of DOMAIN.md section 6, computed over the records, give the
 * figures of the 2022 report (the sums are in the comments); the dates,
 * measures and names within a row are drawn by the PRNG, in order:
 * received before disposed before filed before decided before closed,
 * sanctions only as the rules allow them (party sanctions for party
 * members, village managers only the three light government sanctions).
 *
 * Daily supervision (日常监督) has no record type yet (issue 15): a
 * finding of daily supervision is a clue of source `supervision`
 * (监督检查发现) closed on the day it is dealt with, and the first-form
 * treatment of each person is an outcome on that clue.
 */
#include "cmd/demo.h"

#include <string.h>

#include "core/arena.h"

/* The figures of the 2022 report the year must give, each by its DOMAIN.md
 * section 6 definition, for the whole year or a scope: a campaign, a
 * violation category or a clue source (a group's own), or "key" (the
 * groups whose subjects are top leaders, leadership members or
 * section-level cadres).  demo_matters checks the groups below against
 * them before writing anything, so an edit of the groups cannot silently
 * move a figure. */
static const struct target {
	const char *key, *scope;
	int value;
} targets[] = {
	{ "clues_disposed", NULL, 516 }, { "cases_filed", NULL, 184 }, { "cases_closed", NULL, 172 },
	{ "sanctioned", NULL, 175 }, { "detained", NULL, 2 }, { "forms_total", NULL, 583 },
	{ "form1", NULL, 404 },
	{ "cases_filed", "key", 26 }, { "sanctioned", "key", 26 }, { "form1", "key", 10 },
	{ "clues_disposed", "eight_rules", 25 }, { "sanctioned", "eight_rules", 29 },
	{ "clues_disposed", "grain", 38 }, { "cases_filed", "grain", 10 }, { "sanctioned", "grain", 25 },
	{ "detained", "grain", 1 }, { "transferred", "grain", 1 }, { "form1", "grain", 2 },
	{ "cases_filed", "subsidy", 43 }, { "sanctioned", "subsidy", 43 },
	{ "sanctioned", "epidemic", 3 }, { "form1", "epidemic", 18 },
	{ "sanctioned", "style", 5 }, { "form1", "style", 45 }, { "sanctioned", "micro", 3 },
	{ "clues_disposed", "judicial", 5 }, { "cases_filed", "judicial", 5 }, { "cases_closed", "judicial", 4 },
};

#define OPEN 9                  /* closed: still open at the end of the year */
#define G_DETAIN   1            /* the first case's first subject is detained */
#define G_TRANSFER 2            /* the first case is transferred to prosecution */
#define G_TRIAL    4            /* open cases: every other one is in trial review */

enum path {
	P_CASE,         /* [talk_inquiry ->] preliminary_verification -> file_case: a case */
	P_SUPERVISION,  /* daily supervision finding, closed; first-form treatment of each subject */
	P_INQUIRY,      /* talk_inquiry [-> talk_inquiry] -> close: inquiry_closed */
	P_VERIFIED,     /* [talk_inquiry ->] preliminary_verification -> close: verification_closed */
	P_CLOSE,        /* close: no ground, no outcome */
	P_SHELVE,       /* shelve pending */
	P_UNFOUNDED,    /* preliminary_verification -> close, found untrue: no outcome */
	P_RUNNING,      /* [talk_inquiry ->] preliminary_verification still running at year end */
};

enum result {
	R_NONE,         /* no outcome (a case dropped: the subject cleared) */
	R_SANCTION,     /* a party or government sanction, or both, as the subject allows */
	R_PARTY,        /* a party sanction */
	R_SEVERE,       /* judicial transfers: expulsion and criminal liability, or probation */
	R_FORM2,        /* an organisational measure of the second form, no sanction */
	R_FORM1,        /* filed, then exempted from sanction with first-form treatment */
};

static const struct group {
	const char *what;
	int n;                  /* clues */
	enum path path;
	const char *campaign;   /* demo_org.c code */
	const char *source;     /* NULL: drawn (report mostly) */
	const char *category;   /* NULL: drawn (never eight_rules) */
	enum demo_pool pool;
	const char *tag;        /* subjects from units of this campaign field, NULL: any */
	const char *subjects;   /* subjects per clue, cycled */
	int disposed, filed, closed, decided;   /* year offsets; closed OPEN */
	enum result result;
	int twice;              /* every twice-th clue is disposed twice (a talk first); 0 never */
	int flags;
	const char *recover_kind;       /* recoveries spread over the first cases */
	int64_t recover_fen;
	int recover_rows;
} groups[] = {
	/* the grain/development zone/black soil campaign: clues 38, cases 10,
	 * party sanctions 25 (the first case's first subject detained,
	 * transferred to prosecution and expelled), first form 2 */
	{ "grain cases", 10, P_CASE, "grain", "campaign", "integrity", POOL_PARTY, "grain",
	  "3 3 3 3 3 2 2 2 2 2", 0, 0, 0, 0, R_PARTY, 3, G_DETAIN | G_TRANSFER, NULL, 0, 0 },
	{ "grain inquiries", 2, P_INQUIRY, "grain", "campaign", "work", POOL_PARTY, "grain", "1", 0, 0, 0, 0,
	  R_NONE, 0, 0, NULL, 0, 0 },
	{ "grain closed", 10, P_CLOSE, "grain", NULL, "work", POOL_PLAIN, "grain", "1", 0, 0, 0, 0, R_NONE, 0,
	  0, NULL, 0, 0 },
	{ "grain unfounded", 8, P_UNFOUNDED, "grain", NULL, "integrity", POOL_PLAIN, "grain", "1", 0, 0, 0, 0,
	  R_NONE, 0, 0, NULL, 0, 0 },
	{ "grain shelved", 4, P_SHELVE, "grain", NULL, "work", POOL_PLAIN, "grain", "1", 0, 0, 0, 0, R_NONE, 0,
	  0, NULL, 0, 0 },
	{ "grain running", 4, P_RUNNING, "grain", "campaign", "integrity", POOL_PLAIN, "grain", "1", 0, 0, 0, 0,
	  R_NONE, 2, 0, NULL, 0, 0 },
	/* the farm-subsidy campaign: 43 cases, 43 sanctioned, 117,526.73 yuan recovered */
	{ "subsidy cases", 43, P_CASE, "subsidy", "campaign", "mass", POOL_VILLAGE, "subsidy", "1", 0, 0, 0, 0,
	  R_SANCTION, 0, 0, "recovered", 11752673, 43 },
	/* 四风 (eight_rules): clues 25 (13 + 9 + 3), sanctioned 29 (26 + 3);
	 * the 9 open checks (明察暗访) gave first-form treatment to 28 */
	{ "eight rules cases", 13, P_CASE, NULL, NULL, "eight_rules", POOL_PLAIN, NULL,
	  "1 2 2 3 1 2 2 3 1 2 2 3 2", 0, 0, 0, 0, R_SANCTION, 4, 0, NULL, 0, 0 },
	{ "eight rules, filed last year", 3, P_CASE, NULL, NULL, "eight_rules", POOL_PLAIN, NULL, "1", -1, -1,
	  0, 0, R_SANCTION, 0, 0, NULL, 0, 0 },
	{ "eight rules checks", 9, P_SUPERVISION, NULL, "supervision", "eight_rules", POOL_PLAIN, NULL,
	  "4 3 3 3 3 3 3 3 3", 0, 0, 0, 0, R_NONE, 0, 0, NULL, 0, 0 },
	{ "eight rules closed", 2, P_CLOSE, NULL, NULL, "eight_rules", POOL_PLAIN, NULL, "1", 0, 0, 0, 0,
	  R_NONE, 0, 0, NULL, 0, 0 },
	{ "eight rules shelved", 1, P_SHELVE, NULL, NULL, "eight_rules", POOL_PLAIN, NULL, "1", 0, 0, 0, 0,
	  R_NONE, 0, 0, NULL, 0, 0 },
	/* epidemic supervision: sanctioned 3, first form 18 */
	{ "epidemic cases", 3, P_CASE, "epidemic", "supervision", "work", POOL_PLAIN, "epidemic", "1", 0, 0, 0,
	  0, R_SANCTION, 0, 0, NULL, 0, 0 },
	{ "epidemic checks", 6, P_SUPERVISION, "epidemic", "supervision", "work", POOL_PLAIN, NULL, "3", 0, 0,
	  0, 0, R_NONE, 0, 0, NULL, 0, 0 },
	/* the year of capability and style: sanctioned 5, first form 45 */
	{ "style cases", 5, P_CASE, "style", "supervision", "work", POOL_PLAIN, "style", "1", 0, 0, 0, 0,
	  R_SANCTION, 0, 0, NULL, 0, 0 },
	{ "style checks", 12, P_SUPERVISION, "style", "supervision", "work", POOL_PLAIN, NULL,
	  "4 4 4 4 4 4 4 4 4 3 3 3", 0, 0, 0, 0, R_NONE, 0, 0, NULL, 0, 0 },
	/* petty corruption: sanctioned 3, 2,725.20 yuan of medical insurance returned */
	{ "micro cases", 3, P_CASE, "micro", NULL, "mass", POOL_PLAIN, "micro", "1", 0, 0, 0, 0, R_SANCTION, 0,
	  0, "returned", 272520, 1 },
	/* transferred by police, procuratorate and court: 5 clues, 4 cases closed, 1 under investigation */
	{ "judicial, closed", 4, P_CASE, NULL, "judicial", "duty_violation", POOL_PARTY, NULL, "1", 0, 0, 0, 0,
	  R_SEVERE, 0, 0, NULL, 0, 0 },
	{ "judicial, open", 1, P_CASE, NULL, "judicial", "duty_violation", POOL_PARTY, NULL, "1", 0, 0, OPEN,
	  0, R_NONE, 0, 0, NULL, 0, 0 },
	/* top leaders, leadership members and section-level cadres: filed 26
	 * (19 + 3 + 4), sanctioned 26 (19 + 3 + 4), first form 10; the second
	 * detention of the year */
	{ "key cases", 19, P_CASE, NULL, NULL, NULL, POOL_KEY, NULL, "1", 0, 0, 0, 0, R_SANCTION, 5, 0, NULL,
	  0, 0 },
	{ "key cases, verified last year", 3, P_CASE, NULL, NULL, NULL, POOL_KEY, NULL, "1", -1, 0, 0, 0,
	  R_SANCTION, 0, 0, NULL, 0, 0 },
	{ "key cases, open", 4, P_CASE, NULL, NULL, NULL, POOL_KEY, NULL, "1", 0, 0, OPEN, 0, R_NONE, 0,
	  G_DETAIN | G_TRIAL, NULL, 0, 0 },
	{ "key cases, filed last year", 4, P_CASE, NULL, NULL, NULL, POOL_KEY, NULL, "1", -1, -1, 0, 0,
	  R_SANCTION, 0, 0, NULL, 0, 0 },
	{ "key inquiries", 10, P_INQUIRY, NULL, NULL, NULL, POOL_KEY, NULL, "1", 0, 0, 0, 0, R_NONE, 3, 0, NULL,
	  0, 0 },
	/* everything else: cases filed 76 (21 + 8 + 4 + 11 + 2 + 30), closed
	 * 62 (those 46 and 16 filed last year), sanctioned 37 (21 + 8 + 8) */
	{ "cases", 21, P_CASE, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_SANCTION, 4, 0,
	  "recovered", 486350, 6 },
	{ "cases, verified last year", 8, P_CASE, NULL, NULL, NULL, POOL_MIXED, NULL, "1", -1, 0, 0, 0,
	  R_SANCTION, 0, 0, NULL, 0, 0 },
	{ "cases, second form", 4, P_CASE, NULL, NULL, NULL, POOL_VILLAGE, NULL, "1", 0, 0, 0, 0, R_FORM2, 0,
	  0, NULL, 0, 0 },
	{ "cases, exempted", 11, P_CASE, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_FORM1, 0, 0,
	  NULL, 0, 0 },
	{ "cases, dropped", 2, P_CASE, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_NONE, 0, 0, NULL,
	  0, 0 },
	{ "cases, open", 30, P_CASE, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, OPEN, 0, R_NONE, 5, G_TRIAL,
	  NULL, 0, 0 },
	{ "cases, filed last year", 8, P_CASE, NULL, NULL, NULL, POOL_MIXED, NULL, "1", -1, -1, 0, 0,
	  R_SANCTION, 0, 0, NULL, 0, 0 },
	{ "cases, decided last year", 8, P_CASE, NULL, NULL, NULL, POOL_MIXED, NULL, "1", -1, -1, 0, -1,
	  R_SANCTION, 0, 0, NULL, 0, 0 },
	/* first form 290 = 100 + 120 + 40 + 30; clues 275 with the 55 below */
	{ "daily supervision", 30, P_SUPERVISION, NULL, "supervision", NULL, POOL_MIXED, NULL, "4 3 3", 0, 0,
	  0, 0, R_NONE, 0, 0, NULL, 0, 0 },
	{ "inquiries closed", 120, P_INQUIRY, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_NONE, 6,
	  0, NULL, 0, 0 },
	{ "inquired, verified", 40, P_VERIFIED, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_NONE, 1,
	  0, NULL, 0, 0 },
	{ "verified", 30, P_VERIFIED, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_NONE, 0, 0, NULL,
	  0, 0 },
	{ "closed", 25, P_CLOSE, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_NONE, 0, 0, NULL, 0, 0 },
	{ "shelved", 12, P_SHELVE, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_NONE, 0, 0, NULL, 0,
	  0 },
	{ "unfounded", 10, P_UNFOUNDED, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_NONE, 0, 0, NULL,
	  0, 0 },
	{ "running", 8, P_RUNNING, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_NONE, 2, 0, NULL, 0,
	  0 },
};

/* reports that are no clue: petitions and suggestions by letter, visit
 * and phone, the QR channel's letters (21 received, 19 concluded) and
 * repeated accusations */
static const struct lone_reports {
	const char *channel, *category;
	int n, concluded, repeated;
} lone_reports[] = {
	{ "qr", "suggestion", 21, 19, 0 },
	{ "letter", "appeal", 14, 12, 0 },
	{ "visit", "suggestion", 9, 9, 0 },
	{ "phone", "other", 8, 8, 0 },
	{ "online", "accusation", 6, 6, 1 },
};

/* accountabilities (问责) started in the year: campaign, units of which field */
static const struct accountability {
	const char *campaign, *tag;
	int n;
} accountabilities[] = {
	{ "grain", "grain", 4 },
	{ NULL, NULL, 5 },
};

/* sources of clues a group does not fix: the inspection transfers of the
 * year exactly (the report: 第一轮巡察移交问题线索12件), the others by weight */
#define INSPECTION_TRANSFERS 12
static const struct {
	const char *source;
	int weight;
} sources[] = {
	{ "report", 72 }, { "audit", 6 }, { "superior", 12 }, { "other", 10 },
};

/* the draw of sources: clues still to draw, inspection transfers still to place */
struct draws {
	int left, inspection;
};

static const char *const categories[] = {
	"integrity", "integrity", "integrity", "mass", "mass", "work", "work", "duty_violation",
	"organisational", "life", "political",
};

static const char *const channels[] = { "letter", "letter", "visit", "phone", "online", "online", "transfer" };

/* what a clue is about, by violation category */
static const struct {
	const char *category;
	const char *text[4];
} problems[] = {
	{ "integrity", { "利用职务便利收受他人财物", "违规收受礼品礼金", "违规经商办企业", "在工程项目中为他人谋取利益" } },
	{ "mass", { "虚报冒领惠农补贴资金", "在低保评定中优亲厚友", "侵占村集体资金", "违规收取群众办事费用" } },
	{ "work", { "工作作风不实、推诿扯皮", "履职不力、监管缺位", "落实防控措施不到位", "服务企业群众态度生硬" } },
	{ "eight_rules", { "违规公款吃喝", "公车私用", "违规操办婚丧喜庆事宜", "违规发放津贴补贴" } },
	{ "duty_violation", { "涉嫌醉酒驾驶机动车", "涉嫌挪用公款", "涉嫌违规出具证明", "涉嫌滥用职权" } },
	{ "organisational", { "违规选人用人", "不如实报告个人有关事项", "违规操作招聘考试", "隐瞒不报违纪问题" } },
	{ "life", { "生活作风不检点", "参与赌博", "违背社会公序良俗", "家风不正" } },
	{ "political", { "对抗组织审查", "搞团团伙伙", "妄议中央大政方针", "落实上级决策部署打折扣" } },
};

/* ---- measures ---------------------------------------------------------------- */

/* choices of measures, space-separated, by weight */
struct choice {
	const char *measures;
	int weight;
};

static const struct choice sanction_party[] = {   /* a party member in a public body */
	{ "party_warning", 30 }, { "party_serious_warning", 18 }, { "party_warning gov_warning", 12 },
	{ "party_serious_warning gov_demerit", 10 }, { "gov_warning", 8 }, { "gov_demerit", 8 },
	{ "party_post_removal", 6 }, { "party_probation gov_removal", 4 }, { "gov_major_demerit", 4 },
};
static const struct choice sanction_other[] = {   /* not a party member */
	{ "gov_warning", 40 }, { "gov_demerit", 35 }, { "gov_major_demerit", 15 }, { "gov_demotion", 10 },
};
static const struct choice sanction_village_party[] = {
	{ "party_warning", 45 }, { "party_serious_warning", 20 }, { "party_warning gov_warning", 15 },
	{ "gov_demerit", 12 }, { "party_serious_warning gov_major_demerit", 8 },
};
static const struct choice sanction_village[] = {
	{ "gov_warning", 50 }, { "gov_demerit", 35 }, { "gov_major_demerit", 15 },
};
static const struct choice party_only[] = {
	{ "party_warning", 35 }, { "party_serious_warning", 30 }, { "party_post_removal", 15 },
	{ "party_probation", 12 }, { "party_expulsion", 8 },
};
static const struct choice form2[] = {
	{ "ordered_resignation", 50 }, { "post_removal", 50 },
};
static const struct choice form1_case[] = {
	{ "admonishment", 50 }, { "criticism", 30 }, { "notified_criticism", 20 },
};
static const struct choice form1_supervision[] = {
	{ "talk_reminder", 40 }, { "criticism", 25 }, { "self_examination", 15 },
	{ "notified_criticism", 10 }, { "admonishment", 10 },
};

#define CHOOSE(d, t) choose(d, t, (int)(sizeof(t) / sizeof(t[0])))

static const char *choose(struct demo *d, const struct choice *t, int n)
{
	int total = 0, r;

	for (int i = 0; i < n; i++)
		total += t[i].weight;
	r = demo_rand(d, total);
	for (int i = 0; i < n; i++) {
		if (r < t[i].weight)
			return t[i].measures;
		r -= t[i].weight;
	}
	return t[n - 1].measures;
}

/* The measures of a subject's outcome, space-separated. */
static const char *measures_of(struct demo *d, enum result r, const struct demo_person *p, int first)
{
	int village = !strcmp(p->rank, "village");

	switch (r) {
	case R_SANCTION:
		if (village)
			return p->party ? CHOOSE(d, sanction_village_party) : CHOOSE(d, sanction_village);
		return p->party ? CHOOSE(d, sanction_party) : CHOOSE(d, sanction_other);
	case R_PARTY:
		return first ? "party_expulsion gov_dismissal criminal_transfer" : CHOOSE(d, party_only);
	case R_SEVERE:
		return demo_rand(d, 2) ? "party_expulsion gov_dismissal criminal_transfer"
				       : "party_probation gov_demotion";
	case R_FORM2:
		return CHOOSE(d, form2);
	case R_FORM1:
		return CHOOSE(d, form1_case);
	default:
		return NULL;
	}
}

static json_t *codes(const char *list)
{
	json_t *a = json_array();
	const char *p = list;

	while (p && *p) {
		const char *e = strchr(p, ' ');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		json_array_append_new(a, json_stringn(p, n));
		p += n + (e != NULL);
	}
	return a;
}

/* ---- one matter -------------------------------------------------------------- */

struct matter {
	const struct group *g;
	struct draws *draws;
	int index;                      /* within the group */
	int subj[4], n_subj;
	const char *category, *source;
	char clue[16], kase[16];
	qf_day received, talk, pv, first, filed, decided, closed, transferred, trial, detained;
	qf_day final;                   /* the day the matter ended in the year, or 0 */
};

static qf_day cap(struct demo *d, qf_day day, int year_offset)
{
	qf_day last = demo_day(d, year_offset, 12, 30);

	return demo_weekday(day > last ? last : day);
}

static qf_day within(struct demo *d, int year_offset, int m1, int d1, int m2, int d2)
{
	qf_day a = demo_day(d, year_offset, m1, d1), b = demo_day(d, year_offset, m2, d2);

	return demo_weekday(a + demo_rand(d, b - a + 1));
}

static qf_day later(struct demo *d, qf_day day, int lo, int hi, int year_offset)
{
	return cap(d, day + demo_between(d, lo, hi), year_offset);
}

/* The days of a case: the filing as the row's years require, the
 * verification (and the talk) before it, the decision and the closing
 * after it. */
static void case_days(struct demo *d, struct matter *m, int twice)
{
	const struct group *g = m->g;
	int special = m->index == 0 && (g->flags & G_TRANSFER);

	if (g->disposed < 0 && g->filed == 0) {
		m->pv = within(d, -1, 11, 20, 12, 28);
		m->filed = within(d, 0, 1, 10, 2, 25);
	} else if (g->filed < 0 && g->decided < 0) {
		m->filed = within(d, -1, 3, 1, 9, 30);
	} else if (g->filed < 0) {
		m->filed = within(d, -1, 7, 1, 12, 10);
	} else if (g->closed == OPEN) {
		m->filed = within(d, 0, (g->flags & G_DETAIN) && !m->index ? 9 : 8, 15, 12, 20);
	} else {
		m->filed = special ? within(d, 0, 4, 6, 5, 20) : within(d, 0, 3, 1, 8, 31);
	}
	if (!m->pv)     /* verification: 15 working days, met but for one in eight */
		m->pv = demo_weekday(m->filed - (demo_rand(d, 8) ? demo_between(d, 10, 20)
							  : demo_between(d, 24, 35)));
	m->talk = twice ? demo_weekday(m->pv - demo_between(d, 10, 20)) : 0;
	m->first = twice ? m->talk : m->pv;
	m->received = demo_weekday(m->first - demo_between(d, 3, 20));
	if (g->closed == OPEN) {
		if ((g->flags & G_TRIAL) && m->index % 2 && m->filed < demo_day(d, 0, 10, 15))
			m->trial = later(d, m->filed, 50, 70, 0);
		return;
	}
	if (g->decided < 0) {
		m->decided = within(d, -1, 12, 1, 12, 22);
		m->closed = within(d, 0, 1, 4, 1, 25);
	} else if (g->filed < 0) {
		qf_day from = m->filed + 60 > demo_day(d, 0, 1, 5) ? m->filed + 60 : demo_day(d, 0, 1, 5);
		m->decided = cap(d, from + demo_rand(d, 90), 0);
		m->closed = later(d, m->decided, 3, 12, 0);
	} else if (special) {
		m->decided = 0;         /* after the transfer: detention_days */
	} else {
		m->decided = later(d, m->filed, 40, 110, 0);
		if (m->decided > demo_day(d, 0, 12, 12))
			m->decided = demo_weekday(demo_day(d, 0, 12, 5));
		m->closed = later(d, m->decided, 3, 14, 0);
	}
	if (m->decided)
		m->trial = demo_weekday(m->decided - demo_between(d, 12, 25));
	if (m->trial && m->trial < m->filed)
		m->trial = m->filed;
}

/* ---- writing ------------------------------------------------------------------ */

static void emit_disposition(struct demo *d, const char *clue, qf_day day, const char *method)
{
	demo_emit(d, json_pack("{s:s, s:s, s:o, s:s}", "type", "disposition", "clue", clue, "decided",
			       demo_date(day), "method", method));
}

/* The file_case decision with its approvals (DOMAIN.md section 2): the
 * commission's principal leader on the day, the city party committee's
 * principal leader the same day or up to two days before. */
static void emit_filing(struct demo *d, const struct matter *m)
{
	qf_day committee = m->filed - demo_rand(d, 3);

	if (committee < m->pv || date_weekday(committee) >= 5)
		committee = m->filed;
	demo_emit(d, json_pack("{s:s, s:s, s:o, s:s, s:s, s:s, s:o}", "type", "disposition", "clue", m->clue,
			       "decided", demo_date(m->filed), "method", "file_case", "approved_by", d->principal,
			       "committee_by", d->secretary, "committee_day", demo_date(committee)));
}

static json_t *subject_list(struct demo *d, const struct matter *m)
{
	json_t *a = json_array();

	for (int i = 0; i < m->n_subj; i++)
		json_array_append_new(a, json_string(d->persons[m->subj[i]].id));
	return a;
}

static const char *summary_of(struct demo *d, const struct matter *m)
{
	const struct demo_person *p = &d->persons[m->subj[0]];
	const char *what = "存在违纪违法问题";

	for (size_t i = 0; i < sizeof(problems) / sizeof(problems[0]); i++)
		if (!strcmp(problems[i].category, m->category))
			what = problems[i].text[demo_rand(d, 4)];
	return arena_printf(d->a, "反映%s%s%s%s%s", d->units[p->unit].name, p->position, p->name,
			    m->n_subj > 1 ? "等人" : "", what);
}

/* The report a clue of source `report` comes from, before it. */
static const char *emit_source_report(struct demo *d, const struct matter *m, const char *summary)
{
	char *id = arena_alloc(d->a, 16);
	qf_day received = demo_weekday(m->received - demo_between(d, 2, 12));
	json_t *o;

	demo_id(d, 'R', id);
	if (received > m->received)
		received = m->received;
	o = json_pack("{s:s, s:s, s:o, s:s, s:b, s:o, s:s, s:s, s:s, s:o}", "type", "report", "id", id,
		      "received", demo_date(received), "channel", DEMO_PICK(d, channels), "real_name",
		      demo_rand(d, 100) < 55, "accused", subject_list(d, m), "category", "accusation",
		      "kind", "accusation", "summary", summary, "accepted",
		      demo_date(received + (m->received - received) / 2));
	if (m->final)
		json_object_set_new(o, "concluded", demo_date(m->final));
	demo_emit(d, o);
	return id;
}

static const char *source_ref(struct demo *d, const struct matter *m, const char *summary)
{
	int y = d->year + (m->received < demo_day(d, 0, 1, 1) ? -1 : 0);

	if (!strcmp(m->source, "report"))
		return emit_source_report(d, m, summary);
	if (!strcmp(m->source, "judicial"))
		return arena_printf(d->a, "%s移送函〔%d〕%d号", m->index % 3 ? "青枫市公安局" : "青枫市人民检察院",
				    y, demo_between(d, 3, 90));
	if (!strcmp(m->source, "inspection"))
		return arena_printf(d->a, "市委巡察移交〔%d〕%d号", y, demo_between(d, 1, 40));
	if (!strcmp(m->source, "audit"))
		return arena_printf(d->a, "青枫审移〔%d〕%d号", y, demo_between(d, 1, 20));
	if (!strcmp(m->source, "superior"))
		return arena_printf(d->a, "鹤原纪交〔%d〕%d号", y, demo_between(d, 1, 60));
	return "";
}

/* The source of a clue its group does not fix, once its received day is
 * known: an inspection transfer with the chance that places exactly
 * INSPECTION_TRANSFERS of them among the clues received in the year. */
static const char *draw_source(struct demo *d, struct matter *m)
{
	struct draws *w = m->draws;
	int total = 0, r, inspection = w->inspection > 0 && demo_rand(d, w->left) < w->inspection;

	w->left--;
	if (inspection && m->received >= demo_day(d, 0, 1, 1)) {
		w->inspection--;
		return "inspection";
	}
	for (size_t i = 0; i < sizeof(sources) / sizeof(sources[0]); i++)
		total += sources[i].weight;
	r = demo_rand(d, total);
	for (size_t i = 0; i < sizeof(sources) / sizeof(sources[0]); i++) {
		if (r < sources[i].weight)
			return sources[i].source;
		r -= sources[i].weight;
	}
	return "report";
}

static void emit_clue(struct demo *d, struct matter *m)
{
	const char *summary, *ref;
	json_t *o;

	if (!m->source)
		m->source = draw_source(d, m);
	summary = summary_of(d, m);
	ref = source_ref(d, m, summary);

	demo_id(d, 'C', m->clue);
	o = json_pack("{s:s, s:s, s:o, s:s, s:s, s:o, s:s, s:[s]}", "type", "clue", "id", m->clue, "received",
		      demo_date(m->received), "source", m->source, "source_ref", ref, "subjects",
		      subject_list(d, m), "summary", summary, "categories", m->category);
	if (m->g->campaign)
		json_object_set_new(o, "campaign", json_string(demo_campaign(d, m->g->campaign)));
	demo_emit(d, o);
}

static void emit_outcome(struct demo *d, const struct matter *m, int person, qf_day day, const char *measures)
{
	json_t *o = json_pack("{s:s, s:s, s:o, s:o}", "type", "outcome", "person", d->persons[person].id,
			      "date", demo_date(day), "measures", codes(measures));

	json_object_set_new(o, m->kase[0] ? "case" : "clue", json_string(m->kase[0] ? m->kase : m->clue));
	if (strstr(measures, "party_probation"))
		json_object_set_new(o, "probation_months", json_integer(demo_rand(d, 2) ? 24 : 12));
	if (m->g->campaign)
		json_object_set_new(o, "campaign", json_string(demo_campaign(d, m->g->campaign)));
	demo_emit(d, o);
}

/* The handling organ: the township's commission for its townships and
 * villages, an office for key persons, else a resident group or an office. */
static void organ_of(struct demo *d, const struct matter *m, json_t *o)
{
	const struct demo_unit *u = &d->units[d->persons[m->subj[0]].unit];
	static const char *const nth[] = { "一", "二", "三", "四", "五", "六", "七", "八" };

	if (u->township >= 0) {
		json_object_set_new(o, "organ_kind", json_string("township"));
		json_object_set_new(o, "organ_name", json_string(arena_printf(d->a, "%s纪委", d->units[u->township].name)));
	} else if (m->g->pool == POOL_KEY || m->index % 2) {
		json_object_set_new(o, "organ_kind", json_string("office"));
		json_object_set_new(o, "organ_name", json_string(arena_printf(d->a, "市纪委监委第%s审查调查室",
									      nth[m->index % 3])));
	} else {
		json_object_set_new(o, "organ_kind", json_string("resident_group"));
		json_object_set_new(o, "organ_name", json_string(arena_printf(d->a, "市纪委监委派驻第%s纪检监察组",
									      nth[d->persons[m->subj[0]].unit % 8])));
	}
}

static void emit_case(struct demo *d, struct matter *m)
{
	const struct demo_person *p = &d->persons[m->subj[0]];
	json_t *o;

	demo_id(d, 'A', m->kase);
	o = json_pack("{s:s, s:s, s:s, s:o, s:o, s:s, s:[s]}", "type", "case", "id", m->kase, "clue", m->clue,
		      "subjects", subject_list(d, m), "filed", demo_date(m->filed), "case_type",
		      p->party ? "both" : "supervision", "categories", m->category);
	organ_of(d, m, o);
	if (m->transferred)
		json_object_set_new(o, "transferred", demo_date(m->transferred));
	if (m->trial)
		json_object_set_new(o, "trial_accepted", demo_date(m->trial));
	if (m->closed)
		json_object_set_new(o, "closed", demo_date(m->closed));
	if (m->g->campaign)
		json_object_set_new(o, "campaign", json_string(demo_campaign(d, m->g->campaign)));
	demo_emit(d, o);
}

/* The detention of the case's first subject, when the row has one:
 * within two weeks of the filing; released on the transfer to
 * prosecution, which the decisions follow. */
static void detention_days(struct demo *d, struct matter *m)
{
	if (m->index || !(m->g->flags & G_DETAIN))
		return;
	m->detained = later(d, m->filed, 7, 15, 0);
	if (!(m->g->flags & G_TRANSFER))
		return;
	m->transferred = later(d, m->detained, 55, 80, 0);
	m->decided = later(d, m->transferred, 10, 25, 0);
	m->closed = later(d, m->decided, 5, 10, 0);
	m->trial = demo_weekday(m->transferred + 3);
}

/* approved by the level above the day before or two, announced in the morning */
static void emit_detention(struct demo *d, const struct matter *m)
{
	char at[32], buf[11];
	json_t *o;

	snprintf(at, sizeof(at), "%sT09:%02d", date_format(m->detained, buf), 10 + demo_rand(d, 40));
	o = json_pack("{s:s, s:s, s:s, s:o, s:s, s:o, s:s}", "type", "detention", "case", m->kase, "person",
		      d->persons[m->subj[0]].id, "start", demo_date(m->detained), "approved_by",
		      "鹤原市监察委员会", "approved_day", demo_date(m->detained - 1 - demo_rand(d, 2)),
		      "announced_at", at);
	if (m->transferred)
		json_object_set_new(o, "end", demo_date(m->transferred));
	demo_emit(d, o);
}

/* A recovery of the case, in fen. */
static void emit_recovery(struct demo *d, const struct matter *m, int64_t fen)
{
	char amount[32];
	json_t *o;

	snprintf(amount, sizeof(amount), "%lld.%02lld", (long long)(fen / 100), (long long)(fen % 100));
	o = json_pack("{s:s, s:o, s:s, s:s, s:s}", "type", "recovery", "date", demo_date(m->closed), "amount",
		      amount, "kind", m->g->recover_kind, "case", m->kase);
	if (m->g->campaign)
		json_object_set_new(o, "campaign", json_string(demo_campaign(d, m->g->campaign)));
	demo_emit(d, o);
}

/* The share of the group's recoveries the case gets: the total split by
 * drawn weights over the first recover_rows cases, the last taking the
 * remainder, so the sum is exact. */
static int64_t recovery_share(struct demo *d, const struct matter *m, int64_t *left, int64_t *weights)
{
	const struct group *g = m->g;

	if (!g->recover_rows || m->index >= g->recover_rows)
		return 0;
	if (m->index == g->recover_rows - 1)
		return *left;
	int64_t share = g->recover_fen * weights[m->index] / weights[g->recover_rows];
	*left -= share;
	return share;
}

static void case_matter(struct demo *d, struct matter *m, int twice, int64_t *left, int64_t *weights)
{
	const struct group *g = m->g;
	int64_t fen;

	case_days(d, m, twice);
	detention_days(d, m);
	m->final = g->closed != OPEN && m->closed >= demo_day(d, 0, 1, 1) ? m->closed : 0;
	emit_clue(d, m);
	if (twice)
		emit_disposition(d, m->clue, m->talk, "talk_inquiry");
	emit_disposition(d, m->clue, m->pv, "preliminary_verification");
	emit_filing(d, m);
	emit_case(d, m);
	if (m->detained)
		emit_detention(d, m);
	for (int i = 0; g->result != R_NONE && m->decided && i < m->n_subj; i++) {
		const char *measures = measures_of(d, g->result, &d->persons[m->subj[i]], m->index == 0 && i == 0 &&
						   (g->flags & G_TRANSFER));
		emit_outcome(d, m, m->subj[i], m->decided, measures);
	}
	fen = recovery_share(d, m, left, weights);
	if (fen > 0)
		emit_recovery(d, m, fen);
}

/* A matter that ends without a case (or is still running): the days from
 * the first disposition, drawn in the year. */
static void other_matter(struct demo *d, struct matter *m, int twice)
{
	const struct group *g = m->g;
	qf_day day;

	m->first = g->path == P_RUNNING ? within(d, 0, 11, 1, 12, 16) : within(d, 0, 1, 4, 10, 15);
	m->received = demo_weekday(m->first - demo_between(d, 3, 20));
	if (g->path == P_SUPERVISION)
		m->received = demo_weekday(m->first - demo_rand(d, 3));
	day = m->first;
	switch (g->path) {
	case P_SUPERVISION:
	case P_CLOSE:
	case P_SHELVE:
		m->final = g->path == P_SHELVE ? 0 : day;
		break;
	case P_INQUIRY:
		m->final = later(d, day + (twice ? 30 : 0), 15, 45, 0);
		break;
	default:        /* a verification, after a talk when twice */
		m->pv = twice ? later(d, day, 20, 40, 0) : day;
		m->final = g->path == P_RUNNING ? 0
			 : later(d, m->pv, 10, demo_rand(d, 10) ? 20 : 32, 0);
		break;
	}
	emit_clue(d, m);
	switch (g->path) {
	case P_SUPERVISION:
	case P_CLOSE:
		emit_disposition(d, m->clue, day, "close");
		break;
	case P_SHELVE:
		emit_disposition(d, m->clue, day, "shelve");
		break;
	case P_INQUIRY:
		emit_disposition(d, m->clue, day, "talk_inquiry");
		if (twice)
			emit_disposition(d, m->clue, later(d, day, 20, 30, 0), "talk_inquiry");
		emit_disposition(d, m->clue, m->final, "close");
		break;
	default:
		if (twice)
			emit_disposition(d, m->clue, day, "talk_inquiry");
		emit_disposition(d, m->clue, m->pv, "preliminary_verification");
		if (m->final)
			emit_disposition(d, m->clue, m->final, "close");
		break;
	}
	for (int i = 0; i < m->n_subj; i++) {
		const char *measures = g->path == P_SUPERVISION ? CHOOSE(d, form1_supervision)
				     : g->path == P_INQUIRY ? "inquiry_closed"
				     : g->path == P_VERIFIED ? "verification_closed" : NULL;
		if (measures)
			emit_outcome(d, m, m->subj[i], m->final, measures);
	}
}

/* The subjects of the group's clue: the first from the pool, the others
 * from the same unit where it has them. */
static int draw_subjects(struct demo *d, struct matter *m, int n)
{
	const struct group *g = m->g;

	m->n_subj = 0;
	for (int i = 0; i < n && i < 4; i++) {
		int p = -1;
		if (i)
			p = demo_subject_near(d, g->pool, d->persons[m->subj[0]].unit);
		if (p < 0)
			p = demo_subject(d, g->pool, g->tag);
		if (p < 0)
			return -1;
		m->subj[m->n_subj++] = p;
	}
	return 0;
}

static int run_group(struct demo *d, const struct group *g, struct draws *w)
{
	const char *counts = g->subjects;
	int64_t weights[64] = { 0 }, left = g->recover_fen;

	for (int i = 0; i < g->recover_rows && i < 63; i++) {
		weights[i] = 400 + demo_rand(d, 1200);
		weights[g->recover_rows] += weights[i];
	}
	for (int i = 0; i < g->n; i++) {
		struct matter m = { .g = g, .draws = w, .index = i };
		int twice = g->twice && i % g->twice == 0;
		if (!*counts)
			counts = g->subjects;
		if (draw_subjects(d, &m, *counts - '0') < 0)
			return -1;
		counts += counts[1] == ' ' ? 2 : 1;
		m.category = g->category ? g->category : DEMO_PICK(d, categories);
		m.source = g->source;
		if (g->path == P_CASE)
			case_matter(d, &m, twice, &left, weights);
		else
			other_matter(d, &m, twice);
	}
	return 0;
}

static void emit_lone_reports(struct demo *d)
{
	for (size_t i = 0; i < sizeof(lone_reports) / sizeof(lone_reports[0]); i++) {
		const struct lone_reports *r = &lone_reports[i];
		for (int k = 0; k < r->n; k++) {
			char id[16];
			qf_day received = k < r->concluded ? within(d, 0, 1, 4, 11, 30) : within(d, 0, 12, 20, 12, 29);
			json_t *o = json_pack("{s:s, s:s, s:o, s:s, s:b, s:s, s:o}", "type", "report", "id",
					      demo_id(d, 'R', id), "received", demo_date(received), "channel",
					      r->channel, "real_name", demo_rand(d, 100) < 40, "category", r->category,
					      "accepted", demo_date(later(d, received, 1, 8, 0)));
			if (r->repeated) {
				int p = demo_subject(d, POOL_MIXED, NULL);
				json_object_set_new(o, "repeated", json_true());
				if (p >= 0)
					json_object_set_new(o, "accused", json_pack("[s]", d->persons[p].id));
			}
			if (k < r->concluded)
				json_object_set_new(o, "concluded", demo_date(later(d, received, 15, 40, 0)));
			demo_emit(d, o);
		}
	}
}

static void emit_accountabilities(struct demo *d)
{
	for (size_t i = 0; i < sizeof(accountabilities) / sizeof(accountabilities[0]); i++) {
		const struct accountability *q = &accountabilities[i];
		for (int k = 0, u = demo_rand(d, d->n_units); k < q->n; u = (u + 1) % d->n_units) {
			char id[16];
			json_t *o;
			if (strcmp(d->units[u].kind, "department") && strcmp(d->units[u].kind, "enterprise"))
				continue;
			if (q->tag && (!d->units[u].tag || strcmp(d->units[u].tag, q->tag)))
				continue;
			o = json_pack("{s:s, s:s, s:o, s:s}", "type", "accountability", "id", demo_id(d, 'Q', id),
				      "started", demo_date(within(d, 0, 5, 1, 11, 30)), "unit", d->units[u].id);
			if (q->campaign)
				json_object_set_new(o, "campaign", json_string(demo_campaign(d, q->campaign)));
			demo_emit(d, o);
			k++;
		}
	}
}

/* The subjects of all the group's clues (its pattern cycled). */
static int group_subjects(const struct group *g)
{
	const char *c = g->subjects;
	int sum = 0;

	for (int i = 0; i < g->n; i++) {
		if (!*c)
			c = g->subjects;
		sum += *c - '0';
		c += c[1] == ' ' ? 2 : 1;
	}
	return sum;
}

/* What the group adds to a figure of the demo year. */
static int group_figure(const struct group *g, const char *key)
{
	int is_case = g->path == P_CASE, subjects = group_subjects(g);
	int decided = is_case && g->result != R_NONE && g->closed != OPEN && g->decided == 0;
	int treated = g->path == P_SUPERVISION || g->path == P_INQUIRY || g->path == P_VERIFIED;
	int sanction = g->result == R_SANCTION || g->result == R_PARTY || g->result == R_SEVERE;

	if (!strcmp(key, "clues_disposed"))
		return g->disposed == 0 ? g->n : 0;
	if (!strcmp(key, "cases_filed"))
		return is_case && g->filed == 0 ? g->n : 0;
	if (!strcmp(key, "cases_closed"))
		return is_case && g->closed == 0 ? g->n : 0;
	if (!strcmp(key, "sanctioned"))
		return decided && sanction ? subjects : 0;
	if (!strcmp(key, "forms_total"))
		return decided || treated ? subjects : 0;
	if (!strcmp(key, "form1"))
		return (decided && g->result == R_FORM1) || treated ? subjects : 0;
	if (!strcmp(key, "detained"))
		return is_case && (g->flags & G_DETAIN) ? 1 : 0;
	if (!strcmp(key, "transferred"))
		return is_case && (g->flags & G_TRANSFER) ? 1 : 0;
	return 0;
}

static int in_scope(const struct group *g, const char *scope)
{
	return !scope || (g->campaign && !strcmp(g->campaign, scope)) ||
	       (g->category && !strcmp(g->category, scope)) || (g->source && !strcmp(g->source, scope)) ||
	       (!strcmp(scope, "key") && g->pool == POOL_KEY);
}

/* 0 when the groups give every target, else -1 naming the first that differs. */
static int check_targets(void)
{
	for (size_t t = 0; t < sizeof(targets) / sizeof(targets[0]); t++) {
		int sum = 0;
		for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
			sum += in_scope(&groups[i], targets[t].scope) ? group_figure(&groups[i], targets[t].key) : 0;
		if (sum != targets[t].value) {
			fprintf(stderr, "demo: the groups give %s %d%s%s, the target is %d\n", targets[t].key, sum,
				targets[t].scope ? " for " : "", targets[t].scope ? targets[t].scope : "",
				targets[t].value);
			return -1;
		}
	}
	return 0;
}

int demo_matters(struct demo *d)
{
	struct draws w = { 0, INSPECTION_TRANSFERS };

	if (check_targets() < 0)
		return -1;

	for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		w.left += groups[i].source ? 0 : groups[i].n;
	emit_lone_reports(d);
	for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++)
		if (run_group(d, &groups[i], &w) < 0) {
			fprintf(stderr, "demo: the org chart has too few persons for '%s'\n", groups[i].what);
			return -1;
		}
	emit_accountabilities(d);
	return d->failed ? -1 : 0;
}

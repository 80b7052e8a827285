/*
 * demo_matters.c: the matters of the demo year: reports, clues and their
 * dispositions, accountabilities; the cases are demo_cases.c's.
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
#include "cmd/demo_matter.h"

#include <string.h>

#include "core/arena.h"

/* The figures of the 2022 report the year must give, each by its DOMAIN.md
 * section 6 definition, for the whole year or a scope: a campaign, a
 * violation category or a clue source (a group's own), or "key" (the
 * groups whose subjects are top leaders, leadership members or
 * section-level cadres).  demo_matters checks the groups below against
 * them before writing anything, so an edit of the groups cannot silently
 * move a figure.  followups: the report's 对受处分人员开展暖心回访36人次;
 * clarifications: 为受到不实举报者澄清正名4人次. */
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
	{ "followups", NULL, 36 }, { "clarifications", NULL, 4 },
};

/* The year: the groups of matters (struct group, demo_matter.h), in the
 * order they are written. */
static const struct group groups[] = {
	/* the grain/development zone/black soil campaign: clues 38, cases 10,
	 * party sanctions 25 (the first case's first subject detained,
	 * transferred to prosecution and expelled), first form 2 */
	{ "grain cases", 10, P_CASE, "grain", "campaign", "integrity", POOL_PARTY, "grain",
	  "3 3 3 3 3 2 2 2 2 2", 0, 0, 0, 0, R_PARTY, 3, G_DETAIN | G_TRANSFER, NULL, 0, 0, 0, 0 },
	{ "grain inquiries", 2, P_INQUIRY, "grain", "campaign", "work", POOL_PARTY, "grain", "1", 0, 0, 0, 0,
	  R_NONE, 0, 0, NULL, 0, 0, 0, 0 },
	{ "grain closed", 10, P_CLOSE, "grain", NULL, "work", POOL_PLAIN, "grain", "1", 0, 0, 0, 0, R_NONE, 0,
	  0, NULL, 0, 0, 0, 0 },
	{ "grain unfounded", 8, P_UNFOUNDED, "grain", NULL, "integrity", POOL_PLAIN, "grain", "1", 0, 0, 0, 0,
	  R_NONE, 0, 0, NULL, 0, 0, 0, 0 },
	{ "grain shelved", 4, P_SHELVE, "grain", NULL, "work", POOL_PLAIN, "grain", "1", 0, 0, 0, 0, R_NONE, 0,
	  0, NULL, 0, 0, 0, 0 },
	{ "grain running", 4, P_RUNNING, "grain", "campaign", "integrity", POOL_PLAIN, "grain", "1", 0, 0, 0, 0,
	  R_NONE, 2, 0, NULL, 0, 0, 0, 0 },
	/* the farm-subsidy campaign: 43 cases, 43 sanctioned, 117,526.73 yuan recovered */
	{ "subsidy cases", 43, P_CASE, "subsidy", "campaign", "mass", POOL_VILLAGE, "subsidy", "1", 0, 0, 0, 0,
	  R_SANCTION, 0, 0, "recovered", 11752673, 43, 10, 0 },
	/* 四风 (eight_rules): clues 25 (13 + 9 + 3), sanctioned 29 (26 + 3);
	 * the 9 open checks (明察暗访) gave first-form treatment to 28 */
	{ "eight rules cases", 13, P_CASE, NULL, NULL, "eight_rules", POOL_PLAIN, NULL,
	  "1 2 2 3 1 2 2 3 1 2 2 3 2", 0, 0, 0, 0, R_SANCTION, 4, 0, NULL, 0, 0, 6, 0 },
	{ "eight rules, filed last year", 3, P_CASE, NULL, NULL, "eight_rules", POOL_PLAIN, NULL, "1", -1, -1,
	  0, 0, R_SANCTION, 0, 0, NULL, 0, 0, 0, 0 },
	{ "eight rules checks", 9, P_SUPERVISION, NULL, "supervision", "eight_rules", POOL_PLAIN, NULL,
	  "4 3 3 3 3 3 3 3 3", 0, 0, 0, 0, R_NONE, 0, 0, NULL, 0, 0, 0, 0 },
	{ "eight rules closed", 2, P_CLOSE, NULL, NULL, "eight_rules", POOL_PLAIN, NULL, "1", 0, 0, 0, 0,
	  R_NONE, 0, 0, NULL, 0, 0, 0, 0 },
	{ "eight rules shelved", 1, P_SHELVE, NULL, NULL, "eight_rules", POOL_PLAIN, NULL, "1", 0, 0, 0, 0,
	  R_NONE, 0, 0, NULL, 0, 0, 0, 0 },
	/* epidemic supervision: sanctioned 3, first form 18 */
	{ "epidemic cases", 3, P_CASE, "epidemic", "supervision", "work", POOL_PLAIN, "epidemic", "1", 0, 0, 0,
	  0, R_SANCTION, 0, 0, NULL, 0, 0, 0, 0 },
	{ "epidemic checks", 6, P_SUPERVISION, "epidemic", "supervision", "work", POOL_PLAIN, NULL, "3", 0, 0,
	  0, 0, R_NONE, 0, 0, NULL, 0, 0, 0, 0 },
	/* the year of capability and style: sanctioned 5, first form 45 */
	{ "style cases", 5, P_CASE, "style", "supervision", "work", POOL_PLAIN, "style", "1", 0, 0, 0, 0,
	  R_SANCTION, 0, 0, NULL, 0, 0, 0, 0 },
	{ "style checks", 12, P_SUPERVISION, "style", "supervision", "work", POOL_PLAIN, NULL,
	  "4 4 4 4 4 4 4 4 4 3 3 3", 0, 0, 0, 0, R_NONE, 0, 0, NULL, 0, 0, 0, 0 },
	/* petty corruption: sanctioned 3, 2,725.20 yuan of medical insurance returned */
	{ "micro cases", 3, P_CASE, "micro", NULL, "mass", POOL_PLAIN, "micro", "1", 0, 0, 0, 0, R_SANCTION, 0,
	  0, "returned", 272520, 1, 0, 0 },
	/* transferred by police, procuratorate and court: 5 clues, 4 cases closed, 1 under investigation */
	{ "judicial, closed", 4, P_CASE, NULL, "judicial", "duty_violation", POOL_PARTY, NULL, "1", 0, 0, 0, 0,
	  R_SEVERE, 0, 0, NULL, 0, 0, 0, 0 },
	{ "judicial, open", 1, P_CASE, NULL, "judicial", "duty_violation", POOL_PARTY, NULL, "1", 0, 0, OPEN,
	  0, R_NONE, 0, 0, NULL, 0, 0, 0, 0 },
	/* top leaders, leadership members and section-level cadres: filed 26
	 * (19 + 3 + 4), sanctioned 26 (19 + 3 + 4), first form 10; the second
	 * detention of the year */
	{ "key cases", 19, P_CASE, NULL, NULL, NULL, POOL_KEY, NULL, "1", 0, 0, 0, 0, R_SANCTION, 5, 0, NULL,
	  0, 0, 8, 0 },
	{ "key cases, verified last year", 3, P_CASE, NULL, NULL, NULL, POOL_KEY, NULL, "1", -1, 0, 0, 0,
	  R_SANCTION, 0, 0, NULL, 0, 0, 0, 0 },
	{ "key cases, open", 4, P_CASE, NULL, NULL, NULL, POOL_KEY, NULL, "1", 0, 0, OPEN, 0, R_NONE, 0,
	  G_DETAIN | G_TRIAL, NULL, 0, 0, 0, 0 },
	{ "key cases, filed last year", 4, P_CASE, NULL, NULL, NULL, POOL_KEY, NULL, "1", -1, -1, 0, 0,
	  R_SANCTION, 0, 0, NULL, 0, 0, 0, 0 },
	{ "key inquiries", 10, P_INQUIRY, NULL, NULL, NULL, POOL_KEY, NULL, "1", 0, 0, 0, 0, R_NONE, 3, 0, NULL,
	  0, 0, 0, 0 },
	/* everything else: cases filed 76 (21 + 8 + 4 + 11 + 2 + 30), closed
	 * 62 (those 46 and 16 filed last year), sanctioned 37 (21 + 8 + 8) */
	{ "cases", 21, P_CASE, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_SANCTION, 4, 0,
	  "recovered", 486350, 6, 12, 0 },
	{ "cases, verified last year", 8, P_CASE, NULL, NULL, NULL, POOL_MIXED, NULL, "1", -1, 0, 0, 0,
	  R_SANCTION, 0, 0, NULL, 0, 0, 0, 0 },
	{ "cases, second form", 4, P_CASE, NULL, NULL, NULL, POOL_VILLAGE, NULL, "1", 0, 0, 0, 0, R_FORM2, 0,
	  0, NULL, 0, 0, 0, 0 },
	{ "cases, exempted", 11, P_CASE, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_FORM1, 0, 0,
	  NULL, 0, 0, 0, 0 },
	{ "cases, dropped", 2, P_CASE, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_NONE, 0, 0, NULL,
	  0, 0, 0, 2 },
	{ "cases, open", 30, P_CASE, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, OPEN, 0, R_NONE, 5, G_TRIAL,
	  NULL, 0, 0, 0, 0 },
	{ "cases, filed last year", 8, P_CASE, NULL, NULL, NULL, POOL_MIXED, NULL, "1", -1, -1, 0, 0,
	  R_SANCTION, 0, 0, NULL, 0, 0, 0, 0 },
	{ "cases, decided last year", 8, P_CASE, NULL, NULL, NULL, POOL_MIXED, NULL, "1", -1, -1, 0, -1,
	  R_SANCTION, 0, 0, NULL, 0, 0, 0, 0 },
	/* first form 290 = 100 + 120 + 40 + 30; clues 275 with the 55 below */
	{ "daily supervision", 30, P_SUPERVISION, NULL, "supervision", NULL, POOL_MIXED, NULL, "4 3 3", 0, 0,
	  0, 0, R_NONE, 0, 0, NULL, 0, 0, 0, 0 },
	{ "inquiries closed", 120, P_INQUIRY, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_NONE, 6,
	  0, NULL, 0, 0, 0, 0 },
	{ "inquired, verified", 40, P_VERIFIED, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_NONE, 1,
	  0, NULL, 0, 0, 0, 0 },
	{ "verified", 30, P_VERIFIED, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_NONE, 0, 0, NULL,
	  0, 0, 0, 0 },
	{ "closed", 25, P_CLOSE, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_NONE, 0, 0, NULL, 0, 0, 0, 0 },
	{ "shelved", 12, P_SHELVE, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_NONE, 0, 0, NULL, 0,
	  0, 0, 0 },
	{ "unfounded", 10, P_UNFOUNDED, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_NONE, 0, 0, NULL,
	  0, 0, 0, 2 },
	{ "running", 8, P_RUNNING, NULL, NULL, NULL, POOL_MIXED, NULL, "1", 0, 0, 0, 0, R_NONE, 2, 0, NULL, 0,
	  0, 0, 0 },
};

/* reports that are no clue: petitions and suggestions by letter, visit,
 * phone and the reporting QR code (扫码举报), and repeated accusations
 * (the 码上问效 letters, 21 received and 19 concluded, were QR reports
 * here until issue 13 gave them their family: demo_ratings.c) */
static const struct lone_reports {
	const char *channel, *category;
	int n, concluded, repeated;
} lone_reports[] = {
	{ "qr", "suggestion", 2, 2, 0 },
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

/* ---- one matter -------------------------------------------------------------- */

/* ---- writing ------------------------------------------------------------------ */

void demo_disposition(struct demo *d, const char *clue, qf_day day, const char *method)
{
	demo_emit(d, json_pack("{s:s, s:s, s:o, s:s}", "type", "disposition", "clue", clue, "decided",
			       demo_date(day), "method", method));
}

json_t *demo_subject_list(struct demo *d, const struct matter *m)
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
		      demo_rand(d, 100) < 55, "accused", demo_subject_list(d, m), "category", "accusation",
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

void demo_clue(struct demo *d, struct matter *m)
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
		      demo_subject_list(d, m), "summary", summary, "categories", m->category);
	if (m->g->campaign)
		json_object_set_new(o, "campaign", json_string(demo_campaign(d, m->g->campaign)));
	/* 移交问题线索: the first round's inspection of the subject's unit */
	if (!strcmp(m->source, "inspection") && m->received >= demo_day(d, 0, 1, 1)) {
		const char *insp = demo_inspection_of(d, d->persons[m->subj[0]].unit);
		if (insp)
			json_object_set_new(o, "inspection", json_string(insp));
	}
	demo_emit(d, o);
}

static const char *const visit_notes[] = {
	"回访受处分人员，了解思想和工作情况，鼓励其放下包袱、担当作为",
	"暖心回访：与本人及所在单位主要负责人谈心谈话",
	"回访教育，督促落实整改，帮助解决实际困难",
};
static const char *const clear_notes[] = {
	"经初步核实，反映问题不属实，在其所在单位会议上予以澄清正名",
	"反映问题查无实据，向本人书面反馈核查结论并澄清",
	"经核查为不实举报，当面向本人澄清并做好思想疏导",
};
static const char *const manners[] = { "meeting", "written", "in_person" };

void demo_followup(struct demo *d, const struct matter *m, const char *outcome, qf_day decided)
{
	if (m->index >= m->g->followups)
		return;
	demo_emit(d, json_pack("{s:s, s:s, s:o, s:s}", "type", "followup", "outcome", outcome, "date",
			       demo_date(demo_later(d, decided, 30, 120, 0)), "note", DEMO_PICK(d, visit_notes)));
}

void demo_clarification(struct demo *d, const struct matter *m)
{
	char id[16];
	int k;
	json_t *o;

	if (m->index >= m->g->clarified || !m->final)
		return;
	k = demo_rand(d, 3);
	o = json_pack("{s:s, s:s, s:s, s:o, s:s, s:s}", "type", "clarification", "id", demo_id(d, 'L', id),
		      "person", d->persons[m->subj[0]].id, "date", demo_date(demo_later(d, m->final, 5, 20, 0)),
		      "manner", manners[k], "note", clear_notes[k]);
	json_object_set_new(o, m->kase[0] ? "case" : "clue", json_string(m->kase[0] ? m->kase : m->clue));
	demo_emit(d, o);
}

/* A matter that ends without a case (or is still running): the days from
 * the first disposition, drawn in the year. */
static void other_matter(struct demo *d, struct matter *m, int twice)
{
	const struct group *g = m->g;
	qf_day day;

	m->first = g->path == P_RUNNING ? demo_within(d, 0, 11, 1, 12, 16) : demo_within(d, 0, 1, 4, 10, 15);
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
		m->final = demo_later(d, day + (twice ? 30 : 0), 15, 45, 0);
		break;
	default:        /* a verification, after a talk when twice */
		m->pv = twice ? demo_later(d, day, 20, 40, 0) : day;
		m->final = g->path == P_RUNNING ? 0
			 : demo_later(d, m->pv, 10, demo_rand(d, 10) ? 20 : 32, 0);
		break;
	}
	demo_clue(d, m);
	switch (g->path) {
	case P_SUPERVISION:
	case P_CLOSE:
		demo_disposition(d, m->clue, day, "close");
		break;
	case P_SHELVE:
		demo_disposition(d, m->clue, day, "shelve");
		break;
	case P_INQUIRY:
		demo_disposition(d, m->clue, day, "talk_inquiry");
		if (twice)
			demo_disposition(d, m->clue, demo_later(d, day, 20, 30, 0), "talk_inquiry");
		demo_disposition(d, m->clue, m->final, "close");
		break;
	default:
		if (twice)
			demo_disposition(d, m->clue, day, "talk_inquiry");
		demo_disposition(d, m->clue, m->pv, "preliminary_verification");
		if (m->final)
			demo_disposition(d, m->clue, m->final, "close");
		break;
	}
	for (int i = 0; i < m->n_subj; i++) {
		const char *measures = g->path == P_SUPERVISION ? demo_first_form(d)
				     : g->path == P_INQUIRY ? "inquiry_closed"
				     : g->path == P_VERIFIED ? "verification_closed" : NULL;
		char id[16];
		if (measures)
			demo_outcome(d, m, m->subj[i], m->final, measures, id);
	}
	demo_clarification(d, m);
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
			demo_case(d, &m, twice, &left, weights);
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
			qf_day received = k < r->concluded ? demo_within(d, 0, 1, 4, 11, 30) : demo_within(d, 0, 12, 20, 12, 29);
			json_t *o = json_pack("{s:s, s:s, s:o, s:s, s:b, s:s, s:o}", "type", "report", "id",
					      demo_id(d, 'R', id), "received", demo_date(received), "channel",
					      r->channel, "real_name", demo_rand(d, 100) < 40, "category", r->category,
					      "accepted", demo_date(demo_later(d, received, 1, 8, 0)));
			if (r->repeated) {
				int p = demo_subject(d, POOL_MIXED, NULL);
				json_object_set_new(o, "repeated", json_true());
				if (p >= 0)
					json_object_set_new(o, "accused", json_pack("[s]", d->persons[p].id));
			}
			if (k < r->concluded)
				json_object_set_new(o, "concluded", demo_date(demo_later(d, received, 15, 40, 0)));
			demo_emit(d, o);
		}
	}
}

/* their measure types (0056), by the record's place in its row: fixed,
 * no draw from the generator (the report names none) */
static const char *const measure_cycle[][2] = {
	{ "notice", NULL }, { "admonish", NULL }, { "check", "notice" }, { "org_handling", NULL },
	{ "discipline", NULL },
};

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
				      "started", demo_date(demo_within(d, 0, 5, 1, 11, 30)), "unit", d->units[u].id);
			if (q->campaign)
				json_object_set_new(o, "campaign", json_string(demo_campaign(d, q->campaign)));
			{
				const char *const *m = measure_cycle[k % 5];
				json_t *a = json_array();
				for (int j = 0; j < 2 && m[j]; j++)
					json_array_append_new(a, json_string(m[j]));
				json_object_set_new(o, "measures", a);
			}
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
	if (!strcmp(key, "followups"))
		return decided && sanction ? g->followups : 0;
	if (!strcmp(key, "clarifications"))
		return g->clarified;
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

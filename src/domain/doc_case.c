/*
 * doc_case.c: the documents of the case family (文书, domain/document.h):
 * the filing decision (立案决定书) and the trial report (审理报告) of a
 * case, the detention decision (留置决定书) and the two detention notices
 * (留置通知书, to the family and to the unit: 监察法 requires both within
 * 24 hours) of a detention.  Visible to whoever may read the case
 * (case_get: the team and those who see every case; refusals audited).
 *
 * The trial report reads the case's trial fields as they are today
 * (transferred, trial_accepted, trial_due); the findings and the opinion
 * are left for the trial office to write until the trial stage records
 * them (issue 12, the trial stage).
 */
#include <inttypes.h>

#include "core/arena.h"
#include "domain/case.h"
#include "domain/case_filing.h"
#include "domain/detention.h"
#include "domain/document.h"
#include "domain/labels.h"
#include "domain/result.h"
#include "model/case.h"
#include "store/q_cases.h"

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* The fields every document of a case has. */
#define CASE_FIELDS "案件编号", "被审查调查人", "所在单位", "立案日期", "案件类型", "承办机关"

static void case_values(struct ctx *c, const struct case_rec *k, struct doc_values *v)
{
	doc_set(v, "案件编号", arena_printf(c->a, "%" PRId64, k->id));
	doc_set(v, "被审查调查人", or_empty(k->subject_names));
	doc_set(v, "所在单位", or_empty(k->unit_name));
	doc_set(v, "立案日期", doc_cn_date(c->a, k->filed));
	doc_set(v, "案件类型", label_of(case_types, k->case_type));
	doc_set(v, "承办机关", k->organ_name && *k->organ_name ? k->organ_name : c->cfg->commission);
}

static int case_load(struct ctx *c, int64_t id, struct doc_values *v, const char **page)
{
	struct case_rec k;
	int rc = case_get(c, id, &k);

	if (rc != RES_DONE)
		return res_from_store(rc);
	case_values(c, &k, v);
	doc_set(v, "移送审理日期", doc_cn_date(c->a, k.transferred));
	doc_set(v, "审理受理日期", doc_cn_date(c->a, k.trial_accepted));
	doc_set(v, "审理期限", doc_cn_date(c->a, k.trial_due));
	*page = arena_printf(c->a, "/cases/%" PRId64, id);
	return RES_DONE;
}

/* 立案决定书 are made per person: the subject's name and 立案编号
 * (case_subjects.filing_no, drawn at filing, kind case_filing) are the
 * document's; subject 0 names the case's only subject. */
static int filing_number(struct ctx *c, int64_t id, int64_t subject, struct doc_values *v, const char **number,
			 const char **why)
{
	struct case_number *n;
	int cnt = case_numbers(c, id, &n);
	const struct case_number *hit = NULL;

	if (cnt < 0)
		return RES_STORE;
	for (int i = 0; i < cnt; i++)
		if (n[i].person_id == subject || (!subject && cnt == 1))
			hit = &n[i];
	if (!hit)
		return *why = subject ? "该人员不是本案的被审查调查人" : "请选择被审查调查人（立案决定书按人制作）",
		       RES_INVALID;
	if (!hit->filing_no || !*hit->filing_no)
		return *why = arena_printf(c->a, "%s尚无立案编号（立案时未编号的旧案件）", hit->person_name),
		       RES_INVALID;
	doc_set(v, "被审查调查人", hit->person_name);
	doc_set(v, "立案编号", hit->filing_no);
	*number = hit->filing_no;
	return RES_DONE;
}

static const char *const filing_fields[] = { CASE_FIELDS, "立案编号", NULL };
static const struct doc_kind filing_decision = {
	.code = "filing_decision", .name = "立案决定书", .order = 30, .record = "案件", .table = "cases",
	.perm = PERM_CASE_ASSIGN, .fields = filing_fields, .load = case_load, .own_number = filing_number,
};
QF_DOCUMENT(filing_decision);

static const char *const trial_fields[] = { CASE_FIELDS, "移送审理日期", "审理受理日期", "审理期限", NULL };
static const struct doc_kind trial_report = {
	.code = "trial_report", .name = "审理报告", .order = 70, .record = "案件", .table = "cases",
	.perm = PERM_CASE_WORK, .fields = trial_fields, .load = case_load,
};
QF_DOCUMENT(trial_report);

static int detention_load(struct ctx *c, int64_t id, struct doc_values *v, const char **page)
{
	struct detention d;
	struct case_rec k;
	int rc = store_detention_get(c->db, c->a, id, &d);

	if (rc <= 0)
		return res_from_store(rc);
	if ((rc = case_get(c, d.case_id, &k)) != RES_DONE)
		return res_from_store(rc);
	case_values(c, &k, v);
	doc_set(v, "被留置人", or_empty(d.person_name));
	doc_set(v, "留置开始日期", doc_cn_date(c->a, d.start_day));
	doc_set(v, "留置期限届满日期", doc_cn_date(c->a, d.due_day));
	doc_set(v, "批准人", or_empty(d.approved_by));
	doc_set(v, "批准日期", doc_cn_date(c->a, d.approved_day));
	doc_set(v, "宣布时间", or_empty(d.announced_at));
	*page = arena_printf(c->a, "/cases/%" PRId64, k.id);
	return RES_DONE;
}

static const char *const detention_fields[] = { CASE_FIELDS, "被留置人", "留置开始日期", "留置期限届满日期",
						"批准人", "批准日期", "宣布时间", NULL };
static const struct doc_kind detention_decision = {
	.code = "detention_decision", .name = "留置决定书", .order = 40, .record = "留置", .table = "detentions",
	.perm = PERM_CASE_WORK, .fields = detention_fields, .load = detention_load,
};
QF_DOCUMENT(detention_decision);

static const struct doc_kind detention_notice_family = {
	.code = "detention_notice_family", .name = "留置通知书（家属）", .order = 50, .record = "留置", .table = "detentions",
	.perm = PERM_CASE_WORK, .fields = detention_fields, .load = detention_load,
};
QF_DOCUMENT(detention_notice_family);

static const struct doc_kind detention_notice_unit = {
	.code = "detention_notice_unit", .name = "留置通知书（单位）", .order = 60, .record = "留置", .table = "detentions",
	.perm = PERM_CASE_WORK, .fields = detention_fields, .load = detention_load,
};
QF_DOCUMENT(detention_notice_unit);

int doc_options_case(struct ctx *c, int64_t case_id, struct doc_options *o)
{
	static const char *const kinds[] = { "detention_decision", "detention_notice_family", "detention_notice_unit" };
	struct detention *d;
	struct case_number *cn;
	int n = store_detentions_of_case(c->db, c->a, case_id, &d);
	int nn = case_numbers(c, case_id, &cn);

	if (n < 0 || nn < 0)
		return RES_STORE;
	for (int i = 0; i < nn; i++)          /* one per subject, numbered by the subject's 立案编号 */
		if (cn[i].filing_no)
			doc_option_add(c, o, "filing_decision", case_id, cn[i].person_id, cn[i].person_name);
	for (int i = 0; i < n; i++)
		for (size_t j = 0; j < sizeof(kinds) / sizeof(kinds[0]); j++)
			doc_option_add(c, o, kinds[j], d[i].id, 0, d[i].person_name);
	doc_option_add(c, o, "trial_report", case_id, 0, NULL);
	return doc_options_clarifications(c, case_id, 0, o);
}

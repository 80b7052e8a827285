/*
 * accountability.c: accountability records (问责) and recovered money
 * (挽回经济损失 / 责令退回); the amounts are parsed by core/money.c.
 *
 * Guarantees: an accountability names a unit or a person the actor may
 * see, and a person named with a unit belongs to it (persons.unit_id); a recovery's case is one the actor may see (case_access); amounts
 * are integer fen parsed without floating point; each write is audited
 * (the step only) in its transaction.
 */
#include "domain/accountability.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "core/money.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/case_access.h"
#include "domain/ctx.h"
#include "store/q_clues.h"
#include "store/q_outcomes.h"
#include "store/q_persons.h"
#include "store/q_units.h"
#include "domain/metrics.h"
#include "store/q_metrics.h"
#include "store/q_campaigns.h"

/* the type of the objects its audit entries name (audit_events.h) */
QF_AUDIT_OBJECT(accountability, "问责");
QF_AUDIT_OBJECT(recovery, "追缴挽损");

/* the codes of its fields and their Chinese names (labels.h) */
/* 0056: the kinds of 追缴挽损 (docs/statistics.md); recovered and returned
 * are the two kinds before it, their codes and meaning kept */
const struct label recovery_kinds[] = {
	{ "confiscated", "收缴" },
	{ "ordered", "追缴" },
	{ "returned", "责令退赔" },
	{ "recovered", "挽回经济损失" },
	{ NULL, NULL }
};

/* 《中国共产党问责条例》第八条: the ways of holding to account (0056) */
const struct label accountability_measure_kinds[] = {
	{ "check", "检查" },
	{ "notice", "通报" },
	{ "admonish", "诫勉" },
	{ "org_handling", "组织调整或者组织处理" },
	{ "discipline", "纪律处分" },
	{ NULL, NULL }
};

static int past_day(const char *day)
{
	qf_day d = date_parse(day ? day : "");

	return d != QF_DAY_NONE && d <= date_today();
}

/* Why money_parse refused s, in words for the form */
static const char *money_msg(const char *s)
{
	const char *dot;

	if (!s || !*s)
		return "请填写金额（元），如 117526.73";
	if (*s == '-')
		return "金额不能为负数";
	dot = strchr(s, '.');
	if (dot && strspn(s, "0123456789") == (size_t)(dot - s) && dot > s &&
	    strspn(dot + 1, "0123456789") == strlen(dot + 1) && strlen(dot + 1) > 2)
		return "金额最多两位小数（到分），如 117526.73";
	return "金额应为以元为单位的数字，最多两位小数，如 117526.73";
}

static void check_campaign(struct ctx *c, int64_t campaign_id, struct fielderr *fe)
{
	struct campaign k;

	if (campaign_id && store_campaign_get(c->db, c->a, campaign_id, &k) != 1)
		fielderr_add(fe, "campaign_id", "所选专项整治不存在");
}

/* measures: codes of accountability_measure_kinds joined by ',', each once */
static void check_measures(struct ctx *c, const char *measures, struct fielderr *fe)
{
	const char *seen[8];
	int n_seen = 0;

	for (const char *p = measures ? measures : ""; *p;) {
		size_t n = strcspn(p, ",");
		const char *code = arena_strndup(c->a, p, n);

		if (!label_of(accountability_measure_kinds, code)) {
			fielderr_add(fe, "measures", arena_printf(c->a, "问责方式“%s”不存在", code));
			return;
		}
		for (int i = 0; i < n_seen; i++)
			if (!strcmp(seen[i], code)) {
				fielderr_add(fe, "measures", "问责方式重复");
				return;
			}
		seen[n_seen++] = code;
		p += n + (p[n] == ',');
	}
}

/* One insert and its audit entry. */
struct insert_arg {
	struct ctx *c;
	const struct accountability *q;
	const struct recovery *m;
	int64_t id;
};

static int insert_tx(struct store *s, void *arg)
{
	struct insert_arg *ia = arg;
	struct ctx *c = ia->c;

	if (ia->q)
		ia->id = store_accountability_insert(s, c->cfg->region, ia->q, c->who.id, c->now);
	else
		ia->id = store_recovery_insert(s, c->cfg->region, ia->m, c->who.id, c->now);
	if (ia->id < 0)
		return -1;
	for (const char *p = ia->q ? ia->q->measures : NULL; p && *p;) {
		size_t n = strcspn(p, ",");
		if (store_accountability_measure_add(s, ia->id, arena_strndup(c->a, p, n)) < 0)
			return -1;
		p += n + (p[n] == ',');
	}
	return audit_append(c, AEV_CREATE, arena_printf(c->a, "%s/%" PRId64, ia->q ? "accountability" : "recovery",
						      ia->id), 1, ia->q ? "启动问责" : "登记追缴款项");
}

int64_t accountability_create(struct ctx *c, const struct accountability *q, struct fielderr *fe)
{
	struct insert_arg ia = { .c = c, .q = q };
	struct person p;
	struct unit u;

	if (!past_day(q->started))
		fielderr_add(fe, "started", fielderr_date_msg(q->started, "请填写启动问责日期（YYYY-MM-DD，不晚于今天）"));
	if (!q->unit_id && !q->person_id)
		fielderr_add(fe, "unit_id", "请选择被问责的单位或人员");
	if (q->unit_id && (store_unit_get(c->db, c->a, q->unit_id, &u) != 1 ||
			   authz_unit(c, q->unit_id, arena_printf(c->a, "unit/%" PRId64, q->unit_id)) != 1))
		fielderr_add(fe, "unit_id", "所选单位不存在");
	if (q->person_id && (store_person_get(c->db, c->a, q->person_id, &p) != 1 ||
			     authz_unit(c, p.unit_id, arena_printf(c->a, "person/%" PRId64, p.id)) != 1))
		fielderr_add(fe, "person_id", "所选人员不存在");
	else if (q->person_id && q->unit_id && p.unit_id != q->unit_id && !fielderr_get(fe, "unit_id"))
		/* 问责 is of a party organisation or of its leading cadres (《中国共产党
		   问责条例》, 问责对象); a person named with a unit is one of that unit's
		   (issue 12: person and unit belong together; persons.unit_id) */
		fielderr_add(fe, "person_id", arena_printf(c->a, "所选人员不属于被问责单位（该人员所在单位：%s）",
							   p.unit_name));
	check_campaign(c, q->campaign_id, fe);
	check_measures(c, q->measures, fe);
	fielderr_len(c->a, fe, "summary", "问责事由", q->summary, 2000);
	if (fe->n)
		return -1;
	return store_tx(c->db, insert_tx, &ia) < 0 ? -2 : ia.id;
}

int accountability_list(struct ctx *c, struct accountability_filter *lq, struct accountability **out,
			int64_t *total)
{
	lq->scope_user = authz_scope_user(c);
	*total = store_accountability_count(c->db, lq);
	if (*total < 0)
		return -1;
	return store_accountability_list(c->db, c->a, lq, out);
}

int64_t recovery_create(struct ctx *c, const struct recovery *m, const char *amount,
			struct fielderr *fe)
{
	struct recovery r = *m;
	struct insert_arg ia = { .c = c, .m = &r };

	if (!past_day(m->day))
		fielderr_add(fe, "day", fielderr_date_msg(m->day, "请填写日期（YYYY-MM-DD，不晚于今天）"));
	if (money_parse(amount, &r.amount_fen) < 0)
		fielderr_add(fe, "amount", money_msg(amount));
	if (!label_of(recovery_kinds, m->kind))
		fielderr_add(fe, "kind", "请选择类别（收缴、追缴、责令退赔或挽回经济损失）");
	check_campaign(c, m->campaign_id, fe);
	if (m->case_id) {
		int rc = case_access(c, m->case_id);
		if (rc < 0)
			return -2;
		if (rc == 0)
			fielderr_add(fe, "case_id", "所选案件不存在");
	}
	if (fe->n)
		return -1;
	return store_tx(c->db, insert_tx, &ia) < 0 ? -2 : ia.id;
}

int recovery_list(struct ctx *c, struct recovery_filter *lq, struct recovery **out, int64_t *total,
		  int64_t *sum_fen)
{
	*total = store_recovery_count(c->db, lq, sum_fen);
	if (*total < 0)
		return -1;
	return store_recovery_list(c->db, c->a, lq, out);
}

/* ---- statistics (DOMAIN.md section 6; docs/statistics.md) ---- */

static const struct metric_def metric_accountabilities = {
	.key = "accountabilities",
	.zh = "问责",
	.en = "accountability records started in the period",
	.kind = METRIC_COUNT,
	.order = 100,
	.scopes = Q_METRIC_ACCOUNTABILITY_SCOPES,
	.compute = store_metric_accountabilities,
	.list = "/accountability?" };
QF_METRIC(&metric_accountabilities);
static const struct metric_def metric_recovered = {
	.key = "recovered",
	.zh = "挽回经济损失",
	.en = "money recovered in the period (recoveries of kind recovered, by day), fen",
	.kind = METRIC_MONEY,
	.order = 110,
	.scopes = Q_METRIC_RECOVERY_SCOPES,
	.compute = store_metric_recovered,
	.list = "/accountability?recovered&recovery_kind=recovered" };
QF_METRIC(&metric_recovered);
static const struct metric_def metric_returned = {
	.key = "returned",
	.zh = "责令退赔",
	.en = "money ordered returned or compensated (责令退赔, before 0056 责令退回) in the period "
	      "(recoveries of kind returned, by day), fen",
	.kind = METRIC_MONEY,
	.order = 115,
	.scopes = Q_METRIC_RECOVERY_SCOPES,
	.compute = store_metric_returned,
	.list = "/accountability?recovered&recovery_kind=returned" };
QF_METRIC(&metric_returned);

/* 0056: the other two kinds of money, and the accountabilities per measure
 * type (one record with several measures counts under each) */
#define MONEY_KEY(KEY, ZH, EN, ORDER)                                                            \
	static int compute_##KEY(struct store *db, const struct metric_period *p,               \
				 const struct metric_scope *s, int64_t *out)                   \
	{                                                                                       \
		return store_metric_money_kind(db, #KEY, p, s, out);                            \
	}                                                                                       \
	static const struct metric_def metric_##KEY = { .key = #KEY, .zh = ZH, .en = EN,        \
		.kind = METRIC_MONEY, .order = ORDER, .scopes = Q_METRIC_RECOVERY_SCOPES,       \
		.compute = compute_##KEY, .list = "/accountability?recovered&recovery_kind=" #KEY }; \
	QF_METRIC(&metric_##KEY)
MONEY_KEY(confiscated, "收缴", "money confiscated (收缴) in the period (recoveries of kind confiscated), fen", 176);
MONEY_KEY(ordered, "追缴", "money recovered by order (追缴) in the period (recoveries of kind ordered), fen", 177);

#define MEASURE_KEY(CODE, ZH, ORDER)                                                             \
	static int compute_##CODE(struct store *db, const struct metric_period *p,              \
				  const struct metric_scope *s, int64_t *out)                  \
	{                                                                                       \
		return store_metric_measure(db, #CODE, p, s, out);                              \
	}                                                                                       \
	static const struct metric_def metric_##CODE = { .key = "accountability_" #CODE,        \
		.zh = "问责：" ZH,                                                               \
		.en = "accountability records started in the period with the measure " #CODE,   \
		.kind = METRIC_COUNT, .order = ORDER, .scopes = Q_METRIC_ACCOUNTABILITY_SCOPES, \
		.compute = compute_##CODE, .list = "/accountability?&measure=" #CODE };          \
	QF_METRIC(&metric_##CODE)
MEASURE_KEY(check, "检查", 170);
MEASURE_KEY(notice, "通报", 171);
MEASURE_KEY(admonish, "诫勉", 172);
MEASURE_KEY(org_handling, "组织调整或者组织处理", 173);
MEASURE_KEY(discipline, "纪律处分", 174);

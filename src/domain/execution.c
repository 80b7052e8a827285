/*
 * execution.c: the execution checklist of a sanction, the queue of
 * sanctions not fully carried out, follow-up visits and clarifications.
 *
 * Guarantees: only outcomes holding a party or government sanction have
 * a checklist and follow-up visits; each item is checked once, by an
 * execution role within the person's unit, on a day between the decision
 * and today; each write is audited (the step only) in its transaction.
 */
#include "domain/execution.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/case_access.h"
#include "domain/ctx.h"
#include "domain/result.h"
#include "domain/outcome.h"
#include "store/q_clues.h"
#include "store/q_outcomes.h"
#include "domain/metrics.h"
#include "store/q_metrics.h"

/* the audit events this file writes (audit_events.h), and its objects' types */
QF_AUDIT_EVENT(EXECUTION, "execution", "处分执行检查");
QF_AUDIT_OBJECT(followup, "回访");
QF_AUDIT_OBJECT(clarification, "澄清正名");

/* the codes of its fields and their Chinese names (labels.h) */
const struct label execution_items[] = {
	{ "delivered", "决定送达" },
	{ "appraisal", "年度考核" },
	{ "pay_grade", "工资档次" },
	{ "bonus", "奖金" },
	{ "promotion_bar", "晋升限制" },
	{ NULL, NULL }
};

const struct label clarification_manners[] = {
	{ "meeting", "召开澄清会" },
	{ "written", "书面澄清" },
	{ "in_person", "当面澄清" },
	{ "notice", "通报澄清" },
	{ "other", "其他方式" },
	{ NULL, NULL }
};

static const char *outcome_object(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "outcome/%" PRId64, id);
}

/* The object of an outcome's matter on the timeline. */
static const char *matter_object(struct ctx *c, const struct outcome *o)
{
	if (o->supervision_id)          /* a talk's first-form outcome (domain/talk.h) */
		return arena_printf(c->a, "talk/%" PRId64, o->supervision_id);
	return o->case_id ? case_obj(c, o->case_id) : arena_printf(c->a, "clue/%" PRId64, o->clue_id);
}

/* 1 when day is a date from `since` to today. */
static int day_in_range(const char *day, const char *since)
{
	qf_day d = date_parse(day ? day : "");

	return d != QF_DAY_NONE && d <= date_today() && strcmp(day, since) >= 0;
}

/* A write and its timeline entry and audit entry (the step only). */
struct step_arg {
	struct ctx *c;
	const char *timeline_object, *action, *detail;
	const struct audit_event *audit_event;
	int64_t (*insert)(struct store *s, void *arg);
	void *insert_arg;
	const char *kind;               /* audit object: "<kind>/<id>" */
	int64_t id;
	int refused;
};

static int step_tx(struct store *s, void *arg)
{
	struct step_arg *sa = arg;
	struct ctx *c = sa->c;

	sa->id = sa->insert(s, sa->insert_arg);
	if (sa->id == 0)
		sa->refused = 1;
	if (sa->id <= 0)
		return -1;
	if (store_timeline_add(s, c->cfg->region, sa->timeline_object, c->now, c->who.id, c->who.name,
			       sa->action, sa->detail) < 0)
		return -1;
	return audit_append(c, sa->audit_event, arena_printf(c->a, "%s/%" PRId64, sa->kind, sa->id), 1,
			    sa->action);
}

/* ---- the checklist ------------------------------------------------------- */

struct check_arg {
	struct ctx *c;
	int64_t outcome_id;
	const char *item, *done, *note;
};

/* 0 when the item is already checked, else the outcome id (or < 0). */
static int64_t check_insert(struct store *s, void *arg)
{
	struct check_arg *ca = arg;
	struct execution_item *v;
	int n = store_execution_items(s, ca->c->a, ca->outcome_id, &v);

	if (n < 0)
		return n;
	for (int i = 0; i < n; i++)
		if (!strcmp(v[i].item, ca->item))
			return 0;
	if (store_execution_add(s, ca->outcome_id, ca->item, ca->done, ca->note, ca->c->who.id,
				ca->c->now) < 0)
		return -1;
	return ca->outcome_id;
}

int execution_check(struct ctx *c, int64_t outcome_id, const char *item, const char *done,
		    const char *note, struct fielderr *fe)
{
	struct outcome o;
	struct check_arg ca = { .c = c, .outcome_id = outcome_id, .item = item, .done = done,
				.note = note ? note : "" };
	struct step_arg sa = { .c = c, .audit_event = AEV_EXECUTION, .insert = check_insert,
			       .insert_arg = &ca, .kind = "outcome" };
	int rc = store_outcome_get(c->db, c->a, outcome_id, &o);

	if (rc <= 0)
		return rc < 0 ? -2 : 0;
	rc = authz_unit(c, o.unit_id, outcome_object(c, outcome_id));
	if (rc <= 0)
		return rc < 0 ? -2 : 0;
	if (!o.sanctioned)
		fielderr_add(fe, "item", "该处理结果不含党纪政务处分，无需确认执行");
	else if (!label_of(execution_items, item))
		fielderr_add(fe, "item", "请选择执行事项");
	if (!day_in_range(done, o.day))
		fielderr_add(fe, "done", fielderr_date_msg(done, "请填写办理日期（不早于处理日期、不晚于今天）"));
	fielderr_len(c->a, fe, "note", "说明", ca.note, 500);
	if (fe->n)
		return -1;
	sa.timeline_object = outcome_object(c, outcome_id);
	sa.action = arena_printf(c->a, "处分执行：%s", label_of(execution_items, item));
	sa.detail = ca.note;
	if (store_tx(c->db, step_tx, &sa) < 0) {
		if (!sa.refused)
			return -2;
		fielderr_add(fe, "item", "该事项已确认");
		return -1;
	}
	return 1;
}

int execution_items_of(struct ctx *c, int64_t outcome_id, struct execution_item **out)
{
	return store_execution_items(c->db, c->a, outcome_id, out);
}

int execution_pending(struct ctx *c, struct execution_filter *lq, struct outcome **out, int64_t *total)
{
	lq->scope_user = authz_scope_user(c);
	*total = store_executions_pending_count(c->db, lq);
	if (*total < 0)
		return -1;
	return store_executions_pending(c->db, c->a, lq, out);
}

/* ---- follow-up visits ---------------------------------------------------- */

struct followup_arg {
	struct ctx *c;
	struct followup f;
};

static int64_t followup_insert(struct store *s, void *arg)
{
	struct followup_arg *fa = arg;

	return store_followup_insert(s, fa->c->cfg->region, &fa->f, fa->c->who.id, fa->c->now);
}

int followup_valid(struct arena *a, const struct followup *f, const char *since, struct fielderr *fe)
{
	int before = fe->n;

	if (!day_in_range(f->day, since))
		fielderr_add(fe, "day", fielderr_date_msg(f->day, "请填写回访日期（不早于处理或澄清日期、不晚于今天）"));
	fielderr_len(a, fe, "note", "回访情况", f->note, 2000);
	return fe->n == before;
}

/* The checks and the write of a visit whose subject is visible. */
static int64_t followup_write(struct ctx *c, struct followup_arg *fa, const char *since,
			      const char *object, const char *person_name, struct fielderr *fe)
{
	struct step_arg sa = { .c = c, .audit_event = AEV_CREATE, .insert = followup_insert,
			       .insert_arg = fa, .kind = "followup", .action = "回访" };

	if (!followup_valid(c->a, &fa->f, since, fe))
		return -1;
	sa.timeline_object = object;
	sa.detail = arena_printf(c->a, "%s：%s", person_name, fa->f.note);
	return store_tx(c->db, step_tx, &sa) < 0 ? -2 : sa.id;
}

int64_t followup_record(struct ctx *c, int64_t outcome_id, const char *day, const char *note,
			struct fielderr *fe)
{
	struct outcome o;
	struct followup_arg fa = { .c = c, .f = { .outcome_id = outcome_id, .day = day,
						  .note = note ? note : "" } };
	int rc = store_outcome_get(c->db, c->a, outcome_id, &o);

	if (rc <= 0)
		return rc < 0 ? -2 : 0;
	rc = outcome_matter_access(c, &o);
	if (rc <= 0)
		return rc < 0 ? -2 : 0;
	/* anyone who received an outcome, first-form treatment included */
	return followup_write(c, &fa, o.day, matter_object(c, &o), o.person_name, fe);
}

int64_t followup_record_cleared(struct ctx *c, int64_t clarification_id, const char *day, const char *note,
				struct fielderr *fe)
{
	struct clarification k;
	struct outcome m = { 0 };
	struct followup_arg fa = { .c = c, .f = { .clarification_id = clarification_id, .day = day,
						  .note = note ? note : "" } };
	int rc = store_clarification_get(c->db, c->a, clarification_id, &k);

	if (rc <= 0)
		return rc < 0 ? -2 : 0;
	m.case_id = k.case_id;
	m.clue_id = k.clue_id;
	rc = outcome_matter_access(c, &m);
	if (rc <= 0)
		return rc < 0 ? -2 : 0;
	return followup_write(c, &fa, k.day, matter_object(c, &m), k.person_name, fe);
}

int followups_of(struct ctx *c, int64_t outcome_id, struct followup **out)
{
	return store_followups_of_outcome(c->db, c->a, outcome_id, out);
}

int64_t clarification_person(struct ctx *c, int64_t clarification_id)
{
	struct clarification k;
	int rc = store_clarification_get(c->db, c->a, clarification_id, &k);

	return rc == 1 ? k.person_id : res_from_store(rc);
}

/* ---- clarifications ------------------------------------------------------ */

struct clar_arg {
	struct ctx *c;
	const struct clarification *k;
};

static int64_t clar_insert(struct store *s, void *arg)
{
	struct clar_arg *ka = arg;

	return store_clarification_insert(s, ka->c->cfg->region, ka->k, ka->c->who.id, ka->c->now);
}

int clarification_valid(struct arena *a, const struct clarification *k, const struct person *subject,
			struct fielderr *fe)
{
	int before = fe->n;

	if (!subject)
		fielderr_add(fe, "person_id", "所选人员不是该案件（线索）的当事人");
	if (!day_in_range(k->day, "0000-00-00"))
		fielderr_add(fe, "day", fielderr_date_msg(k->day, "请填写澄清日期（YYYY-MM-DD，不晚于今天）"));
	if (!k->manner || !label_of(clarification_manners, k->manner))
		fielderr_add(fe, "manner", "请选择澄清方式");
	fielderr_len(a, fe, "note", "说明", k->note, 2000);
	return fe->n == before;
}

int64_t clarification_record(struct ctx *c, const struct clarification *k, struct fielderr *fe)
{
	struct outcome_matter m;
	struct clar_arg ka = { .c = c, .k = k };
	struct step_arg sa = { .c = c, .audit_event = AEV_CREATE, .insert = clar_insert,
			       .insert_arg = &ka, .kind = "clarification", .action = "澄清正名" };
	const struct person *p;
	int rc = outcome_matter_open(c, k->case_id, k->clue_id, &m, fe);

	if (rc != 1)
		return rc;
	p = outcome_matter_subject(&m, k->person_id);
	if (!clarification_valid(c->a, k, p, fe))
		return -1;
	sa.timeline_object = m.object;
	sa.detail = arena_printf(c->a, "%s：%s", p->name, label_of(clarification_manners, k->manner));
	return store_tx(c->db, step_tx, &sa) < 0 ? -2 : sa.id;
}

/* ---- statistics (DOMAIN.md section 6; docs/statistics.md) ---- */

static const struct metric_def metric_followups = {
	.key = "followups",
	.zh = "回访人次",
	.en = "follow-up visits (of outcomes and of cleared persons) made in the period",
	.kind = METRIC_COUNT,
	.order = 120,
	.scopes = Q_METRIC_FOLLOWUP_SCOPES,
	.compute = store_metric_followups };
QF_METRIC(&metric_followups);
static const struct metric_def metric_clarifications = {
	.key = "clarifications",
	.zh = "澄清正名人次",
	.en = "clarifications (a subject cleared of a false report) made in the period",
	.kind = METRIC_COUNT,
	.order = 130,
	.scopes = Q_METRIC_CLARIFICATION_SCOPES,
	.compute = store_metric_clarifications };
QF_METRIC(&metric_clarifications);

/*
 * inspection.c: inspections (domain/inspection.h): rounds, inspections,
 * their groups with the recusal check, the feedback and the report's
 * clock, need-to-know by need_to_know.h's rule.
 *
 * Guarantees: a round's year and number are unique, its days well-formed;
 * an inspection names an existing round, unit and leader, a known kind;
 * its report's due day is the clock inspection_report's from the
 * feedback day; a member with a statutory ground on the inspected unit is
 * never added.  Every write and its audit entry commit together.
 */
#include "domain/inspection.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/clocks.h"
#include "domain/clue.h"
#include "domain/metrics.h"
#include "domain/ctx.h"
#include "domain/need_to_know.h"
#include "domain/problem.h"
#include "domain/recusal.h"
#include "domain/result.h"
#include "domain/todo.h"
#include "model/unit.h"
#include "model/user.h"
#include "store/q_inspections.h"
#include "store/q_problems.h"
#include "store/q_units.h"
#include "store/q_users.h"
#include "store/store.h"

QF_AUDIT_EVENT(INSPECTION_ROUND_ADD, "inspection_round_add", "登记巡察轮次");
QF_AUDIT_EVENT(INSPECTION_ADD, "inspection_add", "登记巡察");
QF_AUDIT_EVENT(INSPECTION_MEMBER_ADD, "inspection_member_add", "巡察组增加成员");
QF_AUDIT_EVENT(INSPECTION_RECUSAL_OVERRIDDEN, "recusal_overridden", "委领导决定回避例外");
QF_AUDIT_EVENT(INSPECTION_FEEDBACK, "inspection_feedback", "巡察反馈");
QF_AUDIT_EVENT(INSPECTION_REPORTED, "inspection_reported", "收到巡察整改情况报告");
QF_AUDIT_OBJECT(inspection, "巡察");
QF_AUDIT_OBJECT(inspection_round, "巡察轮次");

const struct label inspection_kinds[] = {
	{ "regular", "常规巡察" },
	{ "special", "专项巡察" },
	{ "elevated", "提级巡察" },
	{ "mobile", "机动巡察" },
	{ "village", "村（社区）巡察" },
	{ NULL, NULL }
};

static const char *const sees_all[] = { "inspection", "leader", NULL };
static const struct need_rule rule = {
	.exists = store_inspection_exists,
	.member = store_inspection_member_has,
	.sees_all = sees_all,
	.object = "inspection",
	.note = "not on the inspection group",
};

int inspection_access(struct ctx *c, int64_t id)
{
	return need_to_know(c, &rule, id);
}

static int day_ok(const char *d)
{
	return d && date_parse(d) != QF_DAY_NONE;
}

/* an optional day: "" or NULL is none */
static void opt_day(struct fielderr *fe, const char *field, const char *d, const char *msg)
{
	if (d && *d && !day_ok(d))
		fielderr_add(fe, field, fielderr_date_msg(d, msg));
}

/* ---- rounds ------------------------------------------------------------------ */

struct round_arg {
	struct ctx *c;
	const struct inspection_round *r;
	struct fielderr *fe;
	int64_t id;
};

static int round_tx(struct store *s, void *arg)
{
	struct round_arg *ra = arg;
	struct ctx *c = ra->c;
	int64_t dup = store_round_find(s, ra->r->year, ra->r->number);

	if (dup < 0)
		return -1;
	if (dup) {
		fielderr_add(ra->fe, "number", arena_printf(c->a, "%d年第%d轮巡察已登记", ra->r->year, ra->r->number));
		return -1;
	}
	ra->id = store_round_insert(s, ra->r, c->who.id, c->now);
	if (ra->id <= 0)
		return -1;
	return audit_append(c, AEV_INSPECTION_ROUND_ADD, arena_printf(c->a, "inspection_round/%" PRId64, ra->id), 1,
			    ra->r->name);
}

int64_t inspection_round_add(struct ctx *c, const struct inspection_round *r, struct fielderr *fe)
{
	struct round_arg ra = { .c = c, .r = r, .fe = fe };
	int rc;

	if (!authz_has(&c->who, PERM_INSPECTION_WRITE))
		return RES_NOT_FOUND;
	if (r->year < 2000 || r->year > 2100)
		fielderr_add(fe, "year", "请填写年度");
	if (r->number < 1)
		fielderr_add(fe, "number", "请填写轮次");
	if (!r->name || !*r->name)
		fielderr_add(fe, "name", "请填写轮次名称");
	else
		fielderr_len(c->a, fe, "name", "轮次名称", r->name, INSPECTION_TEXT_MAX);
	if (!day_ok(r->starts))
		fielderr_add(fe, "starts", fielderr_date_msg(r->starts, "开始日期格式应为 YYYY-MM-DD"));
	opt_day(fe, "ends", r->ends, "结束日期格式应为 YYYY-MM-DD");
	if (fe->n)
		return RES_INVALID;
	rc = store_tx(c->db, round_tx, &ra);
	if (fe->n)
		return RES_INVALID;
	return rc < 0 ? RES_STORE : ra.id;
}

int inspection_round_get(struct ctx *c, int64_t id, struct inspection_round *out)
{
	int rc = store_round_get(c->db, c->a, id, out);

	return rc < 0 ? RES_STORE : rc ? RES_DONE : RES_NOT_FOUND;
}

int inspection_round_list(struct ctx *c, struct inspection_round **out)
{
	int n = store_round_list(c->db, c->a, out);

	return n < 0 ? RES_STORE : n;
}

/* ---- the report's clock ------------------------------------------------------- */

/* the due day of a feedback day under limit l and cal, NULL on an error */
static const char *due_of(struct ctx *c, const struct calendar *cal, const struct clock_limit *l, const char *feedback)
{
	qf_day due = clock_due(cal, l, date_parse(feedback));
	char buf[16];

	if (due == QF_DAY_NONE)
		return NULL;
	date_format(due, buf);
	return arena_strdup(c->a, buf);
}

const char *inspection_report_due(struct ctx *c, const char *feedback)
{
	struct clock_table t;
	const struct clock_limit *l;

	if (clock_table_load(c->db, c->a, &t) < 0 || !(l = clock_find(&t, "inspection_report")))
		return NULL;
	return due_of(c, c->cal, l, feedback);
}

int inspection_dues_refill(struct ctx *c, struct store *s, const struct calendar *cal)
{
	struct clock_table t;
	const struct clock_limit *l;
	struct inspection *v;
	int n;

	if (clock_table_load(s, c->a, &t) < 0 || !(l = clock_find(&t, "inspection_report")))
		return -1;
	n = store_inspections_running(s, c->a, &v);
	for (int i = 0; i < n; i++) {
		const char *due = due_of(c, cal, l, v[i].feedback);
		if (!due || store_inspection_set_feedback(s, v[i].id, v[i].feedback, due) < 0)
			return -1;
	}
	return n < 0 ? -1 : 0;
}

/* ---- members ------------------------------------------------------------------ */

/* A declared `other` ground (RECUSAL_OPEN) is a leader's decision: 1 the
 * member m may join (m->override_* set, audited), 0 refused (fe, audited
 * by the caller), -1 store. */
static int leader_decides(struct ctx *c, const struct inspection *i, struct inspection_member *m,
			  const char *reason, const char *why, struct fielderr *fe)
{
	if (!reason || !*reason) {
		fielderr_add(fe, "user_id", arena_printf(c->a, "%s。未经委领导决定，不得加入巡察组；"
						       "如确需参加，须由委领导填写理由决定。", why));
		return 0;
	}
	if (!authz_has(&c->who, PERM_CASE_OVERRIDE)) {
		fielderr_add(fe, "override_reason", arena_printf(c->a, "%s。回避例外只能由委领导决定。", why));
		return 0;
	}
	if (m->user_id == c->who.id) {
		fielderr_add(fe, "override_reason", arena_printf(c->a, "%s。本人的回避事项不能由本人决定。", why));
		return 0;
	}
	if (fielderr_len(c->a, fe, "override_reason", "理由", reason, INSPECTION_TEXT_MAX))
		return 0;
	m->override_by = c->who.id;
	m->override_reason = reason;
	return audit_append(c, AEV_INSPECTION_RECUSAL_OVERRIDDEN, need_obj(c, &rule, i->id), 1,
			    arena_printf(c->a, "%s；理由：%s", why, reason)) < 0 ? -1 : 1;
}

/* Inside the transaction: adds the member after the recusal check (an
 * `other` ground: a leader's reason lets him join).  1 added (or already
 * one), 0 refused (fe; the caller audits), -1 store. */
static int member_add_in_tx(struct ctx *c, const struct inspection *i, int64_t user_id, const char *home_office,
			    const char *override_reason, struct fielderr *fe)
{
	struct inspection_member m = { .inspection_id = i->id, .user_id = user_id, .home_office = home_office };
	struct user u;
	const char *why = NULL;
	int rc = store_user_by_id(c->db, c->a, user_id, &u);

	if (rc < 0)
		return -1;
	if (!rc) {
		fielderr_add(fe, "user_id", "请选择巡察组成员");
		return 0;
	}
	rc = recusal_unit_check(c, i->unit_id, i->unit_name, &u, &why);
	if (rc < 0)
		return -1;
	if (rc == RECUSAL_BARRED) {
		fielderr_add(fe, "user_id", arena_printf(c->a, "%s。", why));
		return 0;
	}
	if (rc == RECUSAL_OPEN && (rc = leader_decides(c, i, &m, override_reason, why, fe)) != 1)
		return rc;
	if (rc == RECUSAL_NONE && !authz_has(&c->who, PERM_INSPECTION_WRITE)) {
		fielderr_add(fe, "override_reason", "该成员没有需要委领导决定的回避事项，由巡察办增加");
		return 0;
	}
	rc = store_inspection_member_add(c->db, &m, c->now);
	if (rc < 0)
		return -1;
	return audit_append(c, AEV_INSPECTION_MEMBER_ADD, need_obj(c, &rule, i->id), 1,
			    arena_printf(c->a, "%s%s%s", *u.display_name ? u.display_name : u.name,
					 home_office && *home_office ? "，派出单位：" : "",
					 home_office ? home_office : "")) < 0 ? -1 : 1;
}

/* ---- inspections -------------------------------------------------------------- */

struct add_arg {
	struct ctx *c;
	struct inspection i;
	struct fielderr *fe;
	int64_t id;
	int refused;            /* the recusal refused the leader */
};

static int add_tx(struct store *s, void *arg)
{
	struct add_arg *aa = arg;
	struct ctx *c = aa->c;
	int rc;

	aa->id = store_inspection_insert(s, &aa->i, c->who.id, c->now);
	if (aa->id <= 0)
		return -1;
	aa->i.id = aa->id;
	if (audit_append(c, AEV_INSPECTION_ADD, need_obj(c, &rule, aa->id), 1,
			 arena_printf(c->a, "%s：%s", aa->i.group_name, aa->i.unit_name)) < 0)
		return -1;
	if (!aa->i.leader_id)
		return 0;
	rc = member_add_in_tx(c, &aa->i, aa->i.leader_id, "", NULL, aa->fe);
	if (rc == 0)
		aa->refused = 1;
	return rc == 1 ? 0 : -1;
}

static int check_inspection(struct ctx *c, const struct inspection *i, struct fielderr *fe, struct unit *u)
{
	struct inspection_round r;
	int rc;

	if ((rc = i->round_id > 0 ? store_round_get(c->db, c->a, i->round_id, &r) : 0) < 0)
		return -1;
	if (!rc)
		fielderr_add(fe, "round_id", "请选择巡察轮次");
	if ((rc = i->unit_id > 0 ? store_unit_get(c->db, c->a, i->unit_id, u) : 0) < 0)
		return -1;
	if (!rc)
		fielderr_add(fe, "unit_id", "请选择被巡察党组织");
	if (!i->kind || !label_of(inspection_kinds, i->kind))
		fielderr_add(fe, "kind", "请选择巡察类型");
	if (!i->group_name || !*i->group_name)
		fielderr_add(fe, "group_name", "请填写巡察组名称");
	else
		fielderr_len(c->a, fe, "group_name", "巡察组名称", i->group_name, INSPECTION_TEXT_MAX);
	opt_day(fe, "entered", i->entered, "进驻日期格式应为 YYYY-MM-DD");
	opt_day(fe, "left_on", i->left_on, "撤离日期格式应为 YYYY-MM-DD");
	opt_day(fe, "feedback", i->feedback, "反馈日期格式应为 YYYY-MM-DD");
	opt_day(fe, "reported", i->reported, "整改报告日期格式应为 YYYY-MM-DD");
	if (day_ok(i->entered) && day_ok(i->left_on) && strcmp(i->left_on, i->entered) < 0)
		fielderr_add(fe, "left_on", "撤离日期不能早于进驻日期");
	if (i->reported && *i->reported && !(i->feedback && *i->feedback))
		fielderr_add(fe, "reported", "反馈之后才有整改情况报告");
	if (i->note)
		fielderr_len(c->a, fe, "note", "备注", i->note, 2000);
	return 0;
}

static const char *nonempty(const char *s)
{
	return s && *s ? s : NULL;
}

int64_t inspection_add(struct ctx *c, const struct inspection *i, struct fielderr *fe)
{
	struct add_arg aa = { .c = c, .i = *i, .fe = fe };
	struct unit u;
	int rc;

	if (!authz_has(&c->who, PERM_INSPECTION_WRITE))
		return RES_NOT_FOUND;
	if (check_inspection(c, i, fe, &u) < 0)
		return RES_STORE;
	if (fe->n)
		return RES_INVALID;
	aa.i.unit_name = u.name;
	aa.i.entered = nonempty(i->entered);
	aa.i.left_on = nonempty(i->left_on);
	aa.i.feedback = nonempty(i->feedback);
	aa.i.reported = nonempty(i->reported);
	aa.i.report_due = NULL;
	if (aa.i.feedback && !(aa.i.report_due = inspection_report_due(c, aa.i.feedback)))
		return RES_STORE;
	rc = store_tx(c->db, add_tx, &aa);
	if (aa.refused) {
		audit_record(c, AEV_RECUSAL_REFUSED, arena_printf(c->a, "unit/%" PRId64, i->unit_id), 0, "recusal");
		return RES_INVALID;
	}
	return rc < 0 ? RES_STORE : aa.id;
}

int inspection_get(struct ctx *c, int64_t id, struct inspection *out)
{
	int rc = inspection_access(c, id);

	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	rc = store_inspection_get(c->db, c->a, id, out);
	return rc < 0 ? RES_STORE : rc ? RES_DONE : RES_NOT_FOUND;
}

int inspection_list(struct ctx *c, int64_t round_id, struct inspection **out)
{
	int n = store_inspection_list(c->db, c->a, round_id, need_sees_all(c, &rule) ? 0 : c->who.id, out);

	return n < 0 ? RES_STORE : n;
}

int inspection_members(struct ctx *c, int64_t id, struct inspection_member **out)
{
	int n = store_inspection_members(c->db, c->a, id, out);

	return n < 0 ? RES_STORE : n;
}

/* a write on an inspection the actor may see and change: RES_DONE with *i */
static int writable(struct ctx *c, int64_t id, struct inspection *i)
{
	if (!authz_has(&c->who, PERM_INSPECTION_WRITE))
		return RES_NOT_FOUND;
	return inspection_get(c, id, i);
}

struct member_arg {
	struct ctx *c;
	const struct inspection *i;
	int64_t user_id;
	const char *home_office, *override_reason;
	struct fielderr *fe;
};

static int member_tx(struct store *s, void *arg)
{
	struct member_arg *ma = arg;

	(void)s;
	return member_add_in_tx(ma->c, ma->i, ma->user_id, ma->home_office, ma->override_reason, ma->fe) == 1 ? 0
														 : -1;
}

int inspection_member_add(struct ctx *c, int64_t id, int64_t user_id, const char *home_office,
			  const char *override_reason, struct fielderr *fe)
{
	struct inspection i;
	struct member_arg ma = { .c = c, .i = &i, .user_id = user_id, .home_office = home_office,
				 .override_reason = override_reason, .fe = fe };
	/* the inspection office; or a leader deciding a recusal (his reason) */
	int rc = override_reason && *override_reason && authz_has(&c->who, PERM_CASE_OVERRIDE)
			 ? inspection_get(c, id, &i) : writable(c, id, &i);

	if (rc != RES_DONE)
		return rc;
	if (home_office)
		fielderr_len(c->a, fe, "home_office", "派出单位", home_office, INSPECTION_TEXT_MAX);
	if (fe->n)
		return RES_INVALID;
	rc = store_tx(c->db, member_tx, &ma);
	if (fe->n) {
		audit_record(c, AEV_RECUSAL_REFUSED, need_obj(c, &rule, id), 0, "recusal");
		return RES_INVALID;
	}
	return rc < 0 ? RES_STORE : RES_DONE;
}

/* ---- feedback and report ------------------------------------------------------ */

struct day_arg {
	struct ctx *c;
	int64_t id;
	const char *day, *due;
	const struct audit_event *ev;
};

static int day_tx(struct store *s, void *arg)
{
	struct day_arg *da = arg;
	int rc = da->due ? store_inspection_set_feedback(s, da->id, da->day, da->due)
			 : store_inspection_set_reported(s, da->id, da->day);

	if (rc != 1)
		return -1;
	return audit_append(da->c, da->ev, need_obj(da->c, &rule, da->id), 1, da->day);
}

static int set_day(struct ctx *c, int64_t id, const char *day, int feedback, struct fielderr *fe)
{
	struct inspection i;
	struct day_arg da = { .c = c, .id = id, .day = day,
			      .ev = feedback ? AEV_INSPECTION_FEEDBACK : AEV_INSPECTION_REPORTED };
	int rc = writable(c, id, &i);

	if (rc != RES_DONE)
		return rc;
	if (!day_ok(day))
		fielderr_add(fe, feedback ? "feedback" : "reported", fielderr_date_msg(day, "日期格式应为 YYYY-MM-DD"));
	else if (!feedback && !i.feedback)
		fielderr_add(fe, "reported", "反馈之后才有整改情况报告");
	else if (!feedback && strcmp(day, i.feedback) < 0)
		fielderr_add(fe, "reported", "整改报告日期不能早于反馈日期");
	if (fe->n)
		return RES_INVALID;
	if (feedback && !(da.due = inspection_report_due(c, day)))
		return RES_STORE;
	return store_tx(c->db, day_tx, &da) < 0 ? RES_STORE : RES_DONE;
}

int inspection_feedback(struct ctx *c, int64_t id, const char *day, struct fielderr *fe)
{
	return set_day(c, id, day, 1, fe);
}

int inspection_reported(struct ctx *c, int64_t id, const char *day, struct fielderr *fe)
{
	return set_day(c, id, day, 0, fe);
}

/* ---- findings ----------------------------------------------------------------- */

struct finding_arg {
	struct ctx *c;
	const struct problem *p;
	struct fielderr *fe;
	int64_t id;
};

static int finding_tx(struct store *s, void *arg)
{
	struct finding_arg *fa = arg;

	(void)s;
	fa->id = problem_add_in_tx(fa->c, fa->p, fa->fe);
	return fa->id < 0 ? -1 : 0;
}

int64_t inspection_finding_add(struct ctx *c, int64_t id, const struct problem *p, struct fielderr *fe)
{
	struct inspection i;
	struct problem q = *p;
	struct finding_arg fa = { .c = c, .p = &q, .fe = fe };
	int rc = writable(c, id, &i);

	if (rc != RES_DONE)
		return rc;
	q.source = "inspection";
	q.inspection_id = id;
	q.campaign_id = 0;
	q.bad_review_id = 0;
	if (!q.unit_id)
		q.unit_id = i.unit_id;
	rc = store_tx(c->db, finding_tx, &fa);
	if (fe->n)
		return RES_INVALID;
	return rc < 0 ? RES_STORE : fa.id;
}

int inspection_findings(struct ctx *c, int64_t id, struct problem **out)
{
	struct problem_filter f = { .page = { .offset = 0, .limit = 100000 }, .inspection_id = id,
				    .today = problem_today(c), .source_code = "" };
	int n = store_problem_list(c->db, c->a, &f, -1, out);

	return n < 0 ? RES_STORE : n;
}

/* ---- clues transferred -------------------------------------------------------- */

static int link_clue(struct store *s, void *arg, int64_t clue_id)
{
	const int64_t *id = arg;

	return store_clue_set_inspection(s, clue_id, *id) == 1 ? 0 : -1;
}

int64_t inspection_clue_transfer(struct ctx *c, int64_t id, struct clue_input *in, struct fielderr *fe,
				 struct clue_dup **dups, int *n_dups)
{
	struct inspection i;
	int rc = writable(c, id, &i);

	*dups = NULL;
	*n_dups = 0;
	if (rc != RES_DONE)
		return rc;
	in->source = "inspection";
	if (!in->source_ref || !*in->source_ref)
		in->source_ref = arena_printf(c->a, "%s%s", i.round_name, i.group_name);
	in->then = link_clue;
	in->then_arg = &id;
	return clue_register(c, in, fe, dups, n_dups);
}

int inspection_clues(struct ctx *c, int64_t id, struct inspection_clue **out)
{
	int n = store_inspection_clues(c->db, c->a, id, out);

	return n < 0 ? RES_STORE : n;
}

int64_t inspection_of_clue(struct ctx *c, int64_t clue_id)
{
	return store_clue_inspection(c->db, clue_id);
}

int inspection_round_figures(struct ctx *c, int64_t round_id, struct inspection_figures *out)
{
	*out = (struct inspection_figures){ 0 };
	return store_round_figures(c->db, round_id, out) < 0 ? RES_STORE : RES_DONE;
}

/* ---- the home page: the rectification reports due (the inspection office) ------- */

static int inspection_todo(struct ctx *c, struct todo_acc *acc)
{
	struct inspection *v;
	char last[16];
	int n;

	date_format(acc->soon_last, last);
	n = store_inspections_due(c->db, c->a, last, 500, &v);
	for (int i = 0; i < n; i++) {
		struct todo *t = todo_add(c, acc, "巡察整改情况报告", date_parse(v[i].feedback));

		t->kind = TODO_CLOCK;
		t->due = date_parse(v[i].report_due);
		t->state = clock_state(c->cal, t->due, QF_DAY_NONE, acc->today);
		if (t->state != CLOCK_OVERDUE && t->state != CLOCK_DUE_SOON) {
			acc->n--;
			continue;
		}
		t->object = arena_printf(c->a, "%s（%s）", v[i].group_name, v[i].unit_name);
		t->href = arena_printf(c->a, "/inspections/%" PRId64, v[i].id);
		t->office = "";
		todo_counted(c, acc, t);
	}
	return n < 0 ? -1 : 0;
}
QF_TODO_PROVIDER(inspection_todo_provider, 65, PERM_INSPECTION_WRITE, inspection_todo);

/* ---- statistics (DOMAIN.md section 6; docs/statistics.md) ---------------------- */

static const struct metric_def metric_orgs = {
	.key = "inspection_orgs",
	.zh = "巡察党组织",
	.en = "organisations inspected by the rounds started in the period",
	.kind = METRIC_COUNT,
	.order = 160,
	.scopes = Q_METRIC_INSPECTION_SCOPES,
	.compute = store_metric_inspection_orgs,
	.list = NULL };   /* no list filters inspections by period yet */
QF_METRIC(&metric_orgs);
static const struct metric_def metric_problems = {
	.key = "inspection_problems",
	.zh = "巡察发现问题",
	.en = "problems an inspection found in the period (day found)",
	.kind = METRIC_COUNT,
	.order = 161,
	.scopes = Q_METRIC_INSPECTION_SCOPES,
	.compute = store_metric_inspection_problems,
	.list = "/problems?found&source=inspection" };
QF_METRIC(&metric_problems);
static const struct metric_def metric_top = {
	.key = "inspection_top_leader",
	.zh = "巡察发现“一把手”问题",
	.en = "problems an inspection found in the period that concern the top leader",
	.kind = METRIC_COUNT,
	.order = 162,
	.scopes = Q_METRIC_INSPECTION_SCOPES,
	.compute = store_metric_inspection_top_leader,
	.list = "/problems?found&source=inspection&top_leader=1" };
QF_METRIC(&metric_top);
static const struct metric_def metric_clues = {
	.key = "inspection_clues",
	.zh = "巡察移交问题线索",
	.en = "clues an inspection transferred, received in the period",
	.kind = METRIC_COUNT,
	.order = 163,
	.scopes = Q_METRIC_INSPECTION_SCOPES,
	.compute = store_metric_inspection_clues,
	.list = "/clues?received&source=inspection" };
QF_METRIC(&metric_clues);
static const struct metric_def metric_lent = {
	.key = "inspection_lent",
	.zh = "抽调参与巡察干部",
	.en = "distinct members lent from other offices to the rounds started in the period",
	.kind = METRIC_COUNT,
	.order = 164,
	.scopes = Q_METRIC_INSPECTION_SCOPES,
	.compute = store_metric_inspection_lent,
	.list = NULL };
QF_METRIC(&metric_lent);
static const struct metric_def metric_groups = {
	.key = "inspection_groups",
	.zh = "派出巡察组",
	.en = "inspection groups sent by the rounds started in the period (a special inspection's group apart)",
	.kind = METRIC_COUNT,
	.order = 165,
	.scopes = Q_METRIC_INSPECTION_SCOPES,
	.compute = store_metric_inspection_groups,
	.list = NULL };
QF_METRIC(&metric_groups);
static const struct metric_def metric_orgs_regular = {
	.key = "inspection_orgs_regular",
	.zh = "常规巡察单位",
	.en = "organisations a regular inspection of a round started in the period inspected",
	.kind = METRIC_COUNT,
	.order = 166,
	.scopes = Q_METRIC_INSPECTION_SCOPES,
	.compute = store_metric_inspection_orgs_regular,
	.list = NULL };
QF_METRIC(&metric_orgs_regular);
static const struct metric_def metric_orgs_elevated = {
	.key = "inspection_orgs_elevated",
	.zh = "提级巡察党组织",
	.en = "organisations an elevated inspection of a round started in the period inspected",
	.kind = METRIC_COUNT,
	.order = 167,
	.scopes = Q_METRIC_INSPECTION_SCOPES,
	.compute = store_metric_inspection_orgs_elevated,
	.list = NULL };
QF_METRIC(&metric_orgs_elevated);


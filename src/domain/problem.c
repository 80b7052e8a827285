/*
 * problem.c: the rectification ledger (domain/problem.h): the checks, the
 * steps with their timeline and audit, the evidence's attachment kind, the
 * home page's overdue alerts and the statistics.
 *
 * Guarantees: a problem names an existing unit (and campaign, bad review
 * when linked), a known source, a summary of at most 2000 characters, a
 * found day and a deadline not before it; the unit's steps go only from
 * their state, 申请销号 only with evidence attached; confirmation and
 * return only of a problem the unit marked rectified and nobody confirmed;
 * a confirmed problem changes no more.  Every write, its timeline row and
 * its audit entry commit together.
 */
#include "domain/problem.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/attach.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/metrics.h"
#include "domain/result.h"
#include "domain/todo.h"
#include "domain/worklog.h"
#include "model/clue.h"
#include "model/rating.h"
#include "model/unit.h"
#include "model/worklog.h"
#include "store/q_clues.h"
#include "store/q_inspections.h"
#include "store/q_problems.h"
#include "store/q_ratings.h"
#include "store/q_units.h"
#include "store/q_worklog.h"
#include "store/store.h"

QF_AUDIT_EVENT(PROBLEM_ADD, "problem_add", "登记整改问题");
QF_AUDIT_EVENT(PROBLEM_EDIT, "problem_edit", "修改整改问题");
QF_AUDIT_EVENT(PROBLEM_START, "problem_start", "开始整改");
QF_AUDIT_EVENT(PROBLEM_APPLY, "problem_apply", "申请销号");
QF_AUDIT_EVENT(PROBLEM_CONFIRM, "problem_confirm", "确认整改销号");
QF_AUDIT_EVENT(PROBLEM_RETURN, "problem_return", "退回整改");
QF_AUDIT_OBJECT(problem, "整改问题");

/* DOMAIN.md section 5's sources, in the order of model/problem.c's choices */
const struct label problem_sources[] = {
	{ "inspection", "巡察" },
	{ "political", "政治监督" },
	{ "campaign", "专项整治" },
	{ "spot_check", "明察暗访" },
	{ "cross_check", "交叉互检" },
	{ "case_review", "案件质量评查" },
	{ "resident", "派驻监督" },
	{ "rating", "码上问效" },
	{ "other", "其他" },
	{ NULL, NULL }
};

/* 性质 of a problem (0062), recorded where the finding says it (a case-quality
 * review's 共性问题 / 个性问题), in the order of model/problem.c's choices */
const struct label problem_natures[] = {
	{ "common", "共性问题" },
	{ "individual", "个性问题" },
	{ NULL, NULL }
};

const struct label problem_states[] = {
	{ "open", "未整改" },
	{ "rectifying", "整改中" },
	{ "rectified", "已整改" },
	{ NULL, NULL }
};

const struct label problem_step_labels[] = {
	{ "add", "登记" },
	{ "edit", "修改" },
	{ "start", "开始整改" },
	{ "apply", "申请销号" },
	{ "confirm", "确认销号" },
	{ "return", "退回整改" },
	{ "import", "导入" },
	{ NULL, NULL }
};

const char *problem_today(struct ctx *c)
{
	char buf[16];

	date_format(date_from_unix_cst(c->now), buf);
	return arena_strdup(c->a, buf);
}

const char *problem_state_text(const struct problem *p)
{
	if (!strcmp(p->state, "rectified"))
		return p->confirmed_on ? "已整改（已确认）" : "已整改（待确认）";
	return label_of(problem_states, p->state);
}

static const char *object_of(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "problem/%" PRId64, id);
}

/* the checks of the office's fields: 0 with the messages in fe, or -1
 * when a lookup failed (a store error is no refusal of the input) */
static int check(struct ctx *c, struct store *s, const struct problem *p, struct fielderr *fe)
{
	struct unit u;
	int rc = p->unit_id > 0 ? store_unit_get(s, c->a, p->unit_id, &u) : 0;

	if (rc < 0)
		return -1;
	if (!rc)
		fielderr_add(fe, "unit_id", "请选择整改单位");
	if (!p->source || !label_of(problem_sources, p->source))
		fielderr_add(fe, "source", "请选择问题来源");
	if (p->nature && *p->nature && !label_of(problem_natures, p->nature))
		fielderr_add(fe, "nature", "问题性质只能为共性问题或个性问题");
	if (!p->summary || !*p->summary)
		fielderr_add(fe, "summary", "请填写问题描述");
	else
		fielderr_len(c->a, fe, "summary", "问题描述", p->summary, PROBLEM_SUMMARY_MAX);
	if (!p->found || date_parse(p->found) == QF_DAY_NONE)
		fielderr_add(fe, "found", fielderr_date_msg(p->found, "发现日期格式应为 YYYY-MM-DD"));
	if (!p->deadline || date_parse(p->deadline) == QF_DAY_NONE)
		fielderr_add(fe, "deadline", fielderr_date_msg(p->deadline, "整改时限格式应为 YYYY-MM-DD"));
	else if (p->found && date_parse(p->found) != QF_DAY_NONE && strcmp(p->deadline, p->found) < 0)
		fielderr_add(fe, "deadline", "整改时限不能早于发现日期");
	if (p->campaign_id) {
		struct campaign k;
		if ((rc = store_campaign_get(s, c->a, p->campaign_id, &k)) < 0)
			return -1;
		if (!rc)
			fielderr_add(fe, "campaign_id", "所选专项整治不存在");
	} else if (p->source && !strcmp(p->source, "campaign")) {
		fielderr_add(fe, "campaign_id", "来源为专项整治的问题须选择所属专项整治");
	}
	if (p->bad_review_id) {
		struct bad_review v;
		if (!p->source || strcmp(p->source, "rating"))
			fielderr_add(fe, "bad_review_id", "只有来源为码上问效的问题可关联差评");
		else if ((rc = store_bad_review_get(s, c->a, p->bad_review_id, 0, &v)) < 0)
			return -1;
		else if (!rc)
			fielderr_add(fe, "bad_review_id", "所关联的差评不存在");
	}
	if (p->activity_id) {
		struct activity v;
		if ((rc = store_activity_get(s, c->a, p->activity_id, &v)) < 0)
			return -1;
		if (!rc)
			fielderr_add(fe, "activity_id", "所关联的工作台账不存在");
	}
	if (p->inspection_id) {
		if (!p->source || strcmp(p->source, "inspection"))
			fielderr_add(fe, "inspection_id", "只有来源为巡察的问题可关联巡察");
		else if ((rc = store_inspection_exists(s, p->inspection_id)) < 0)
			return -1;
		else if (!rc)
			fielderr_add(fe, "inspection_id", "所关联的巡察不存在");
	}
	return 0;
}

/* the timeline row and the audit entry of a step, inside the transaction */
static int record(struct ctx *c, int64_t id, const char *step, const char *note, const struct audit_event *ev)
{
	if (store_problem_step_add(c->db, id, c->now, c->who.id, c->who.name, step, note) < 0)
		return -1;
	return audit_append(c, ev, object_of(c, id), 1, label_of(problem_step_labels, step));
}

int64_t problem_add_in_tx(struct ctx *c, const struct problem *p, struct fielderr *fe)
{
	int64_t id;

	if (check(c, c->db, p, fe) < 0)
		return -2;
	if (fe->n)
		return -1;
	id = store_problem_insert(c->db, p, c->who.id, c->now);
	if (id <= 0)
		return -2;
	return record(c, id, "add", p->summary, AEV_PROBLEM_ADD) < 0 ? -2 : id;
}

struct add_arg {
	struct ctx *c;
	const struct problem *p;
	struct fielderr *fe;
	int64_t id;
};

static int add_tx(struct store *s, void *arg)
{
	struct add_arg *aa = arg;

	(void)s;
	aa->id = problem_add_in_tx(aa->c, aa->p, aa->fe);
	return aa->id < 0 ? -1 : 0;
}

/* The activity a request names must be one the actor sees (the work log's
 * jurisdiction, activity_get audits a denial): RES_DONE, RES_NOT_FOUND or
 * RES_STORE; none named: RES_DONE. */
static int activity_seen(struct ctx *c, int64_t activity_id)
{
	struct activity v;

	return activity_id ? activity_get(c, activity_id, &v) : RES_DONE;
}

int64_t problem_add(struct ctx *c, const struct problem *p, struct fielderr *fe)
{
	struct add_arg aa = { .c = c, .p = p, .fe = fe };
	int rc = activity_seen(c, p->activity_id);

	if (rc != RES_DONE)
		return rc == RES_NOT_FOUND ? RES_NOT_FOUND : -2;

	if (p->unit_id > 0) {
		rc = authz_unit(c, p->unit_id, arena_printf(c->a, "unit/%" PRId64, p->unit_id));
		if (rc < 0)
			return -2;
		if (!rc) {
			fielderr_add(fe, "unit_id", "请选择整改单位");
			return -1;
		}
	}
	rc = store_tx(c->db, add_tx, &aa);
	if (fe->n)
		return -1;
	return rc < 0 ? -2 : aa.id;
}

int problem_get(struct ctx *c, int64_t id, struct problem *out)
{
	/* read, then the jurisdiction of its unit: a denial is audited (authz_unit) */
	int rc = store_problem_get(c->db, c->a, id, 0, problem_today(c), out);

	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	rc = authz_unit(c, out->unit_id, object_of(c, id));
	return rc < 0 ? RES_STORE : rc ? RES_DONE : RES_NOT_FOUND;
}

/* the derived members of a filter: scope, today, the source's code */
static void filter_fill(struct ctx *c, struct problem_filter *f)
{
	int n = 0;

	while (problem_sources[n].code)
		n++;
	f->scope_user = authz_scope_user(c);
	f->today = problem_today(c);
	/* the choices of model/problem.c follow problem_sources (test_labels) */
	f->source_code = f->source > 0 && f->source <= n ? problem_sources[f->source - 1].code : "";
	f->nature_code = f->nature == 1 || f->nature == 2 ? problem_natures[f->nature - 1].code : "";
}

int problem_filter_check(struct ctx *c, const struct problem_filter *f, struct fielderr *fe)
{
	const char *why;
	int rc;

	if (f->kind && strchr(f->kind, '+')) {
		fielderr_add(fe, "kind", "工作台账类别只能选择一个");
	} else if (f->kind && *f->kind) {
		if ((rc = metric_scope_valid(c->db, c->a, &(struct metric_scope){ .activity_kind = f->kind }, &why)) < 0)
			return RES_STORE;
		if (!rc)
			fielderr_add(fe, "kind", why);
	}
	if (f->category && *f->category) {
		if ((rc = metric_scope_valid(c->db, c->a, &(struct metric_scope){ .category = f->category }, &why)) < 0)
			return RES_STORE;
		if (!rc)
			fielderr_add(fe, "category", why);
	}
	return fe->n ? RES_INVALID : RES_DONE;
}

int problem_list(struct ctx *c, struct problem_filter *f, struct problem **out, int64_t *total)
{
	filter_fill(c, f);
	*total = store_problem_count(c->db, f);
	if (*total < 0)
		return -1;
	return store_problem_list(c->db, c->a, f, *total, out);
}

int problem_by_source(struct ctx *c, struct problem_filter *f, struct problem_count **out)
{
	filter_fill(c, f);
	return store_problem_by_source(c->db, c->a, f, out);
}

int problem_steps(struct ctx *c, int64_t id, struct problem_step **out)
{
	return store_problem_steps(c->db, c->a, id, out);
}

/* ---- edits and steps -------------------------------------------------------- */

struct edit_arg {
	struct ctx *c;
	const struct problem *p;
	int changed;
};

static int edit_tx(struct store *s, void *arg)
{
	struct edit_arg *ea = arg;

	ea->changed = store_problem_update(s, ea->p);
	if (ea->changed <= 0)
		return ea->changed < 0 ? -1 : 0;
	return record(ea->c, ea->p->id, "edit", "", AEV_PROBLEM_EDIT);
}

int problem_edit(struct ctx *c, const struct problem *p, struct fielderr *fe)
{
	struct edit_arg ea = { .c = c, .p = p };
	struct problem old;
	int rc;

	if ((rc = problem_get(c, p->id, &old)) != RES_DONE)
		return rc;
	if (p->activity_id != old.activity_id && (rc = activity_seen(c, p->activity_id)) != RES_DONE)
		return rc;
	if (old.confirmed_on) {
		fielderr_add(fe, "state", "该问题已确认销号，不能再修改");
		return RES_INVALID;
	}
	if (check(c, c->db, p, fe) < 0)
		return RES_STORE;
	/* an inspection's finding stays one (its link is kept, never cleared) */
	if (old.inspection_id && (!p->source || strcmp(p->source, "inspection")))
		fielderr_add(fe, "source", "该问题为巡察发现的问题，来源不能改为其他");
	if (!fe->n && p->unit_id != old.unit_id) {
		rc = authz_unit(c, p->unit_id, arena_printf(c->a, "unit/%" PRId64, p->unit_id));
		if (rc < 0)
			return RES_STORE;
		if (!rc)
			fielderr_add(fe, "unit_id", "请选择整改单位");
	}
	if (fe->n)
		return RES_INVALID;
	if (store_tx(c->db, edit_tx, &ea) < 0)
		return RES_STORE;
	return RES_DONE;
}

struct step_arg {
	struct ctx *c;
	int64_t id;
	const char *from, *to, *measures, *rectified, *step, *note;
	const struct audit_event *ev;
	int confirm;
	int changed;
};

static int step_tx(struct store *s, void *arg)
{
	struct step_arg *sa = arg;
	struct ctx *c = sa->c;

	if (sa->confirm)
		sa->changed = store_problem_confirm(s, sa->id, c->who.id, problem_today(c));
	else
		sa->changed = store_problem_set_state(s, sa->id, sa->from, sa->to, sa->measures, sa->rectified);
	if (sa->changed <= 0)
		return sa->changed < 0 ? -1 : 0;
	return record(c, sa->id, sa->step, sa->note, sa->ev);
}

/* the problem, checked to be in state `from` and not confirmed: RES_DONE
 * or a result (RES_INVALID with the message) */
static int in_state(struct ctx *c, int64_t id, const char *from, struct problem *p, struct fielderr *fe)
{
	int rc = problem_get(c, id, p);

	if (rc != RES_DONE)
		return rc;
	if (strcmp(p->state, from) || p->confirmed_on) {
		fielderr_add(fe, "state", arena_printf(c->a, "该问题的状态为“%s”，不能进行此操作",
						       problem_state_text(p)));
		return RES_INVALID;
	}
	return RES_DONE;
}

static int run_step(struct ctx *c, struct step_arg *sa, struct fielderr *fe)
{
	if (store_tx(c->db, step_tx, sa) < 0)
		return RES_STORE;
	if (!sa->changed) {
		fielderr_add(fe, "state", "该问题刚被他人处理，请刷新页面");
		return RES_INVALID;
	}
	return RES_DONE;
}

int problem_start(struct ctx *c, int64_t id, const char *measures, struct fielderr *fe)
{
	struct step_arg sa = { .c = c, .id = id, .from = "open", .to = "rectifying", .measures = measures,
			       .step = "start", .note = measures, .ev = AEV_PROBLEM_START };
	struct problem p;
	int rc;

	if (!measures || !*measures)
		fielderr_add(fe, "measures", "请填写整改措施");
	else
		fielderr_len(c->a, fe, "measures", "整改措施", measures, PROBLEM_NOTE_MAX);
	if (fe->n)
		return RES_INVALID;
	if ((rc = in_state(c, id, "open", &p, fe)) != RES_DONE)
		return rc;
	return run_step(c, &sa, fe);
}

/* 1 when the problem has evidence not withdrawn, 0 not, < 0 */
static int has_evidence(struct ctx *c, int64_t id)
{
	const struct attach_kind *k = attach_kind_find("problem");
	struct attachment *v;
	int n = k ? attach_list(c, k, id, &v) : -1;

	for (int i = 0; i < n; i++)
		if (!v[i].withdrawn_at)
			return 1;
	return n < 0 ? -1 : 0;
}

int problem_apply(struct ctx *c, int64_t id, const char *measures, struct fielderr *fe)
{
	struct step_arg sa = { .c = c, .id = id, .from = "rectifying", .to = "rectified",
			       .measures = measures && *measures ? measures : NULL, .step = "apply",
			       .note = measures, .ev = AEV_PROBLEM_APPLY };
	struct problem p;
	int rc;

	fielderr_len(c->a, fe, "measures", "整改措施", measures, PROBLEM_NOTE_MAX);
	if (fe->n)
		return RES_INVALID;
	if ((rc = in_state(c, id, "rectifying", &p, fe)) != RES_DONE)
		return rc;
	rc = has_evidence(c, id);
	if (rc < 0)
		return RES_STORE;
	if (!rc) {
		fielderr_add(fe, "file", "申请销号前请上传整改佐证材料");
		return RES_INVALID;
	}
	sa.rectified = problem_today(c);
	return run_step(c, &sa, fe);
}

int problem_confirm(struct ctx *c, int64_t id, const char *note, struct fielderr *fe)
{
	struct step_arg sa = { .c = c, .id = id, .confirm = 1, .step = "confirm", .note = note,
			       .ev = AEV_PROBLEM_CONFIRM };
	struct problem p;
	int rc;

	fielderr_len(c->a, fe, "note", "确认意见", note, PROBLEM_NOTE_MAX);
	if (fe->n)
		return RES_INVALID;
	if ((rc = in_state(c, id, "rectified", &p, fe)) != RES_DONE)
		return rc;
	return run_step(c, &sa, fe);
}

int problem_return(struct ctx *c, int64_t id, const char *reason, struct fielderr *fe)
{
	struct step_arg sa = { .c = c, .id = id, .from = "rectified", .to = "rectifying", .step = "return",
			       .note = reason, .ev = AEV_PROBLEM_RETURN };
	struct problem p;
	int rc;

	if (!reason || !*reason)
		fielderr_add(fe, "note", "请填写退回理由");
	else
		fielderr_len(c->a, fe, "note", "退回理由", reason, PROBLEM_NOTE_MAX);
	if (fe->n)
		return RES_INVALID;
	if ((rc = in_state(c, id, "rectified", &p, fe)) != RES_DONE)
		return rc;
	return run_step(c, &sa, fe);
}

/* ---- evidence: the attachment kind (domain/attach.h) ----------------------- */

static int seen_problem(struct ctx *c, int64_t id)
{
	struct problem p;
	return problem_get(c, id, &p);
}

/* the unit's staff and the offices who may take its steps, while the
 * problem is not confirmed */
static int work_problem(struct ctx *c, int64_t id)
{
	struct problem p;
	int rc;

	if (!authz_has(&c->who, PERM_PROBLEM_RECTIFY))
		return 0;
	rc = store_problem_get(c->db, c->a, id, authz_scope_user(c), "", &p);
	if (rc <= 0)
		return rc;
	return !p.confirmed_on;
}

static const struct attach_kind evidence_kind = {
	"problem", "problems", "整改问题", PERM_PROBLEM_READ, seen_problem, work_problem };
QF_REGISTER(attach_kinds, &evidence_kind);

/* ---- the home page's alerts --------------------------------------------------- */

static int problem_todo(struct ctx *c, struct todo_acc *acc)
{
	struct problem *v;
	char last[16];
	int n;

	/* the owners: the unit's staff and the supervising offices, not every reader */
	if (!authz_has(&c->who, PERM_PROBLEM_RECTIFY) && !authz_has(&c->who, PERM_PROBLEM_WRITE))
		return 0;
	date_format(acc->soon_last, last);
	n = store_problems_due(c->db, c->a, authz_scope_user(c), last, 500, &v);
	for (int i = 0; i < n; i++) {
		struct todo *t = todo_add(c, acc, "整改时限", date_parse(v[i].found));

		t->kind = TODO_CLOCK;
		t->due = date_parse(v[i].deadline);
		t->state = clock_state(c->cal, t->due, QF_DAY_NONE, acc->today);
		if (t->state != CLOCK_OVERDUE && t->state != CLOCK_DUE_SOON) {
			acc->n--;
			continue;
		}
		t->object = arena_printf(c->a, "整改问题 %" PRId64 "（%s）", v[i].id, v[i].unit_name);
		t->href = arena_printf(c->a, "/problems/%" PRId64, v[i].id);
		t->office = v[i].unit_name;
		todo_counted(c, acc, t);
	}
	return n < 0 ? -1 : 0;
}
QF_TODO_PROVIDER(problem_todo_provider, 55, PERM_PROBLEM_READ, problem_todo);

/* ---- statistics (DOMAIN.md section 6; docs/statistics.md) ---------------- */

static const struct metric_def metric_found = {
	.key = "problems_found",
	.zh = "发现问题",
	.en = "rectification problems found in the period (day found), any source",
	.kind = METRIC_COUNT,
	.order = 150,
	.scopes = Q_METRIC_PROBLEM_SCOPES,
	.compute = store_metric_problems_found,
	.list = "/problems?found" };
QF_METRIC(&metric_found);
static const struct metric_def metric_rectified = {
	.key = "problems_rectified",
	.zh = "完成整改问题",
	.en = "problems the unit marked rectified (申请销号) in the period",
	.kind = METRIC_COUNT,
	.order = 151,
	.scopes = Q_METRIC_PROBLEM_SCOPES,
	.compute = store_metric_problems_rectified,
	.list = "/problems?rectified" };
QF_METRIC(&metric_rectified);
static const struct metric_def metric_top = {
	.key = "problems_top_leader",
	.zh = "一把手问题",
	.en = "problems found in the period that concern the unit's top leader",
	.kind = METRIC_COUNT,
	.order = 152,
	.scopes = Q_METRIC_PROBLEM_SCOPES,
	.compute = store_metric_problems_top_leader,
	.list = "/problems?found&top_leader=1" };
QF_METRIC(&metric_top);
static const struct metric_def metric_common = {
	.key = "problems_common",
	.zh = "共性问题",
	.en = "problems found in the period whose nature is common (共性, 0062)",
	.kind = METRIC_COUNT,
	.order = 153,
	.scopes = Q_METRIC_PROBLEM_SCOPES,
	.compute = store_metric_problems_common,
	.list = "/problems?found&nature=common" };
QF_METRIC(&metric_common);
static const struct metric_def metric_individual = {
	.key = "problems_individual",
	.zh = "个性问题",
	.en = "problems found in the period whose nature is individual (个性, 0062)",
	.kind = METRIC_COUNT,
	.order = 154,
	.scopes = Q_METRIC_PROBLEM_SCOPES,
	.compute = store_metric_problems_individual,
	.list = "/problems?found&nature=individual" };
QF_METRIC(&metric_individual);

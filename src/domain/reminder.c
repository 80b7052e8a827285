/*
 * reminder.c: work reminders (domain/reminder.h): issuing with its number
 * and recipients in one transaction, the acknowledgements, the list and
 * the home page's to-dos.
 */
#include "domain/reminder.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/numbering.h"
#include "domain/metrics.h"
#include "domain/result.h"
#include "domain/target.h"
#include "domain/todo.h"
#include "store/q_targets.h"
#include "store/store.h"

QF_AUDIT_EVENT(REMINDER_ISSUE, "reminder_issue", "印发工作提示");
QF_AUDIT_EVENT(REMINDER_ACK, "reminder_ack", "确认已阅工作提示");
QF_AUDIT_OBJECT(reminder, "工作提示");

/* issue_tx's answer when the offices chosen have no active account: rolled back */
#define ISSUE_NOBODY (-1000)

struct issue_arg {
	struct ctx *c;
	const struct reminder_input *in;
	struct reminder v;
	int64_t id;
	int recipients;
};

static int issue_tx(struct store *s, void *arg)
{
	struct issue_arg *ia = arg;
	struct ctx *c = ia->c;
	const struct reminder_input *in = ia->in;
	int64_t seq = 0;
	const char *number = numbering_next(c, s, arena_printf(c->a, "reminder_%s", in->kind), ia->v.issued, &seq);

	if (!number)
		return -1;
	ia->v.number = number;
	ia->v.seq = seq;
	ia->id = store_reminder_insert(s, &ia->v, c->who.id);
	if (ia->id < 0)
		return -1;
	for (int i = 0; i < in->n_tasks; i++)
		if (store_reminder_task_add(s, ia->id, in->tasks[i]) < 0)
			return -1;
	for (int i = 0; i < in->n_users; i++)
		if (store_reminder_recipient_add(s, ia->id, in->users[i]) < 0)
			return -1;
	for (int i = 0; i < in->n_offices; i++) {
		int64_t *u;
		int n = store_office_users(s, c->a, in->offices[i], &u);
		if (n < 0)
			return -1;
		for (int j = 0; j < n; j++)
			if (store_reminder_recipient_add(s, ia->id, u[j]) < 0)
				return -1;
	}
	ia->recipients = (int)store_reminder_recipient_count(s, ia->id);
	if (ia->recipients < 0)
		return -1;
	if (!ia->recipients)
		return ISSUE_NOBODY;    /* roll back: no number is used up */
	return audit_append(c, AEV_REMINDER_ISSUE, arena_printf(c->a, "reminder/%" PRId64, ia->id), 1,
			    arena_printf(c->a, "%s%s", ia->v.kind_label, number));
}

int64_t reminder_issue(struct ctx *c, const struct reminder_input *in, struct fielderr *fe)
{
	struct issue_arg ia = { .c = c, .in = in };
	struct target_code *k;
	int n = store_target_codes(c->db, c->a, 1, &k), rc;

	if (n < 0)
		return RES_STORE;
	for (int i = 0; i < n && in->kind; i++)
		if (!strcmp(k[i].code, in->kind))
			ia.v.kind_label = k[i].label;
	if (!ia.v.kind_label)
		fielderr_add(fe, "kind", "请选择工作提示类别");
	if (!in->title || !*in->title)
		fielderr_add(fe, "title", "请填写标题");
	fielderr_len(c->a, fe, "title", "标题", in->title, REMINDER_TITLE_MAX);
	if (!in->body || !*in->body)
		fielderr_add(fe, "text", "请填写提示内容");
	fielderr_len(c->a, fe, "text", "提示内容", in->body, REMINDER_BODY_MAX);
	ia.v.issued = in->day && *in->day ? in->day : target_today(c);
	if (date_check(ia.v.issued) != DATE_OK)
		fielderr_add(fe, "day", fielderr_date_msg(ia.v.issued, "日期格式应为 YYYY-MM-DD"));
	if (in->n_offices + in->n_users == 0)
		fielderr_add(fe, "to", "请选择接收部门或人员");
	if (in->n_offices > REMINDER_TO_MAX || in->n_users > REMINDER_TO_MAX || in->n_tasks > REMINDER_TO_MAX)
		fielderr_add(fe, "to", "接收部门、人员或关联任务过多");
	for (int i = 0; i < in->n_users && !fe->n; i++)
		if (store_target_user_active(c->db, in->users[i]) != 1)
			fielderr_add(fe, "to", "接收人员应为在用的账号");
	for (int i = 0; i < in->n_tasks && !fe->n; i++) {
		struct target_task t;
		if (store_target_get(c->db, c->a, in->tasks[i], &t) != 1)
			fielderr_add(fe, "tasks", "关联的目标任务不存在");
	}
	if (fe->n)
		return RES_INVALID;
	ia.v.kind = in->kind;
	ia.v.title = in->title;
	ia.v.body = in->body;
	ia.v.year = atoi(ia.v.issued);    /* YYYY-MM-DD, checked */
	rc = store_tx(c->db, issue_tx, &ia);
	if (rc == ISSUE_NOBODY) {
		fielderr_add(fe, "to", "所选部门没有在用的账号，请另选接收部门或人员");
		return RES_INVALID;
	}
	return rc < 0 ? RES_STORE : ia.id;
}

int reminder_get(struct ctx *c, int64_t id, struct reminder *out)
{
	int rc = store_reminder_get(c->db, c->a, id, c->who.id, out);

	return rc < 0 ? RES_STORE : rc ? RES_DONE : RES_NOT_FOUND;
}

int reminder_list(struct ctx *c, struct reminder_filter *f, struct reminder **out, int64_t *total)
{
	f->year = target_year_of(f->year_text);
	if (!authz_has(&c->who, PERM_TARGET_MANAGE))
		f->mine = c->who.id;
	if (f->unacked)
		f->mine = c->who.id;
	*total = store_reminder_count(c->db, f);
	if (*total < 0)
		return RES_STORE;
	return store_reminder_list(c->db, c->a, f, c->who.id, out);
}

int reminder_recipients(struct ctx *c, int64_t id, struct reminder_recipient **out)
{
	int n = store_reminder_recipients(c->db, c->a, id, out);

	return n < 0 ? RES_STORE : n;
}

int reminder_tasks(struct ctx *c, int64_t id, struct target_task **out)
{
	int n = store_reminder_tasks(c->db, c->a, id, out);

	return n < 0 ? RES_STORE : n;
}

struct ack_arg {
	struct ctx *c;
	int64_t id;
};

static int ack_tx(struct store *s, void *arg)
{
	struct ack_arg *aa = arg;
	int rc = store_reminder_ack(s, aa->id, aa->c->who.id, aa->c->now);

	if (rc <= 0)
		return rc;
	return audit_append(aa->c, AEV_REMINDER_ACK, arena_printf(aa->c->a, "reminder/%" PRId64, aa->id), 1, NULL);
}

int reminder_ack(struct ctx *c, int64_t id)
{
	struct ack_arg aa = { c, id };
	struct reminder v;
	int rc = reminder_get(c, id, &v);

	if (rc != RES_DONE)
		return rc;
	if (v.acked_at < 0)
		return RES_INVALID;
	if (v.acked_at > 0)
		return RES_DONE;
	return store_tx(c->db, ack_tx, &aa) < 0 ? RES_STORE : RES_DONE;
}

/* ---- the home page: the reminders the user has not acknowledged ------------------------ */

static int reminder_todo(struct ctx *c, struct todo_acc *acc)
{
	struct reminder_filter f = { .page = { 0, 200 }, .mine = c->who.id, .unacked = 1 };
	struct reminder *v;
	int n = store_reminder_list(c->db, c->a, &f, c->who.id, &v);

	for (int i = 0; i < n; i++) {
		struct todo *t = todo_add(c, acc, arena_printf(c->a, "%s待阅", v[i].kind_label),
					  date_parse(v[i].issued));
		t->kind = TODO_ASSIGNED;        /* issued to the user's office or the user */
		t->status = "待阅";
		if (!todo_counted(c, acc, t))
			continue;
		t->object = arena_printf(c->a, "%s%s：%s", v[i].kind_label, v[i].number, v[i].title);
		t->href = arena_printf(c->a, "/reminders/%" PRId64, v[i].id);
	}
	return n < 0 ? -1 : 0;
}
QF_TODO_PROVIDER(reminder_todo_provider, 61, PERM_TARGET_READ, reminder_todo);

/* ---- statistics (docs/statistics.md; the 2022 report's 工作提示10期 and 16期) ---- */

static int metric_standing(struct store *db, const struct metric_period *p, const struct metric_scope *s,
			   int64_t *out)
{
	return store_metric_reminders(db, p, s, "standing", out);
}

static int metric_recent(struct store *db, const struct metric_period *p, const struct metric_scope *s,
			 int64_t *out)
{
	return store_metric_reminders(db, p, s, "recent", out);
}

static const struct metric_def metric_reminders_standing = {
	.key = "reminders_standing",
	.zh = "常委会议定事项工作提示",
	.en = "work reminders of the kind standing (常委会议定事项工作提示) issued in the period",
	.kind = METRIC_COUNT,
	.order = 162,
	.scopes = Q_METRIC_TARGET_SCOPES,
	.compute = metric_standing,
	.list = NULL };
QF_METRIC(&metric_reminders_standing);
static const struct metric_def metric_reminders_recent = {
	.key = "reminders_recent",
	.zh = "近期重点工作提示",
	.en = "work reminders of the kind recent (近期重点工作提示) issued in the period",
	.kind = METRIC_COUNT,
	.order = 163,
	.scopes = Q_METRIC_TARGET_SCOPES,
	.compute = metric_recent,
	.list = NULL };
QF_METRIC(&metric_reminders_recent);

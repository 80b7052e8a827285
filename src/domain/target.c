/*
 * target.c: the target tasks of the four systems (domain/target.h): the
 * code tables, ledgers, tasks, progress notes and the home page's to-dos.
 *
 * Guarantees: the state is derived from the deadline, the started and
 * done days and today (target_state, and the same CASE in q_targets.c);
 * every write and its audit entry in one store_tx; a progress note only
 * by the task's leader, its office's members or the case manager's
 * office (target_may_write).
 */
#include "domain/target.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/date.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/labels.h"
#include "domain/metrics.h"
#include "domain/result.h"
#include "domain/todo.h"
#include "domain/user.h"
#include "store/q_targets.h"
#include "store/q_todo.h"
#include "store/store.h"

QF_AUDIT_EVENT(TARGET_CREATE, "target_create", "新增目标任务");
QF_AUDIT_EVENT(TARGET_EDIT, "target_edit", "修改目标任务");
QF_AUDIT_EVENT(TARGET_PROGRESS, "target_progress", "登记目标任务进展");
QF_AUDIT_EVENT(TARGET_LEDGER, "target_ledger", "新增目标任务台账");
QF_AUDIT_EVENT(TARGET_CODE, "target_code", "修改目标任务代码表");
QF_AUDIT_OBJECT(target, "目标任务");
QF_AUDIT_OBJECT(target_ledger, "目标任务台账");
QF_AUDIT_OBJECT(target_code, "目标任务代码表");

const struct label target_states[] = {
	{ "pending", "未开始" },
	{ "running", "推进中" },
	{ "done", "已完成" },
	{ "overdue", "逾期" },
	{ NULL, NULL }
};

enum target_state target_state(const struct target_task *t, const char *today)
{
	if (t->done)
		return TARGET_DONE;
	if (strcmp(t->deadline, today) < 0)
		return TARGET_OVERDUE;
	return t->started ? TARGET_RUNNING : TARGET_PENDING;
}

const char *target_state_code(enum target_state s)
{
	return s >= TARGET_PENDING && s <= TARGET_OVERDUE ? target_states[s - 1].code : "";
}

static const char *day_text(struct ctx *c, qf_day d)
{
	char buf[16];

	date_format(d, buf);
	return arena_strdup(c->a, buf);
}

int target_year_of(const char *text)
{
	int y;

	if (!text || strlen(text) != 4 || strspn(text, "0123456789") != 4)
		return 0;
	y = atoi(text);
	return y >= 2000 && y <= 2100 ? y : 0;
}

const char *target_today(struct ctx *c)
{
	return day_text(c, date_from_unix_cst(c->now));
}

/* ---- code tables ------------------------------------------------------------------ */

int target_codes(struct ctx *c, int table, struct target_code **out)
{
	int n = store_target_codes(c->db, c->a, table, out);

	return n < 0 ? RES_STORE : n;
}

struct code_arg {
	struct ctx *c;
	int table, seq;
	const char *code, *label;
};

static int code_tx(struct store *s, void *arg)
{
	struct code_arg *ca = arg;

	if (store_target_code_put(s, ca->table, ca->code, ca->label, ca->seq) < 0)
		return -1;
	/* a new kind of reminder numbers its own (〔2022〕第1期) */
	if (ca->table == 1 && store_reminder_kind_pattern(s, ca->code) < 0)
		return -1;
	return audit_append(ca->c, AEV_TARGET_CODE,
			    arena_printf(ca->c->a, "target_code/%s", ca->code), 1, ca->label);
}

int target_code_put(struct ctx *c, int table, const char *code, const char *label, int seq,
		    struct fielderr *fe)
{
	struct code_arg ca = { c, table, seq, code, label };

	if (!code || !*code || strlen(code) > 40 ||
	    strspn(code, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(code))
		fielderr_add(fe, "code", "代码只能由小写字母、数字和下划线组成，不超过40个字符");
	if (!label || !*label)
		fielderr_add(fe, "label", "请填写名称");
	fielderr_len(c->a, fe, "label", "名称", label, TARGET_NAME_MAX);
	if (fe->n)
		return RES_INVALID;
	return store_tx(c->db, code_tx, &ca) < 0 ? RES_STORE : RES_DONE;
}

int target_staff(struct ctx *c, struct target_code **out)
{
	int n = store_target_staff(c->db, c->a, out);

	return n < 0 ? RES_STORE : n;
}

/* ---- ledgers ------------------------------------------------------------------------ */

int target_ledgers(struct ctx *c, int year, struct target_ledger **out)
{
	int n = store_target_ledgers(c->db, c->a, year, out);

	return n < 0 ? RES_STORE : n;
}

struct ledger_arg {
	struct ctx *c;
	int year;
	const char *name;
	int64_t id;
};

static int ledger_tx(struct store *s, void *arg)
{
	struct ledger_arg *la = arg;

	la->id = store_target_ledger_insert(s, la->year, la->name);
	if (la->id < 0)
		return (int)la->id;     /* STORE_CONSTRAINT: the name is taken */
	return audit_append(la->c, AEV_TARGET_LEDGER,
			    arena_printf(la->c->a, "target_ledger/%" PRId64, la->id), 1, la->name);
}

int64_t target_ledger_create(struct ctx *c, int year, const char *name, struct fielderr *fe)
{
	struct ledger_arg la = { c, year, name, 0 };
	int rc;

	if (year < 2000 || year > 2100)
		fielderr_add(fe, "year", "年度应为2000至2100之间的年份");
	if (!name || !*name)
		fielderr_add(fe, "name", "请填写台账名称");
	fielderr_len(c->a, fe, "name", "台账名称", name, TARGET_NAME_MAX);
	if (fe->n)
		return RES_INVALID;
	rc = store_tx(c->db, ledger_tx, &la);
	if (rc == STORE_CONSTRAINT) {
		fielderr_add(fe, "name", "该年度已有同名台账");
		return RES_INVALID;
	}
	return rc < 0 ? RES_STORE : la.id;
}

/* ---- tasks ---------------------------------------------------------------------------- */

int target_get(struct ctx *c, int64_t id, struct target_task *out)
{
	int rc = store_target_get(c->db, c->a, id, out);

	return rc < 0 ? RES_STORE : rc ? RES_DONE : RES_NOT_FOUND;
}

int target_list(struct ctx *c, struct target_filter *f, struct target_task **out, int64_t *total)
{
	f->today = target_today(c);
	f->year = target_year_of(f->year_text);
	if (f->overdue)
		f->state = TARGET_OVERDUE;
	f->mine_leader = 0;
	f->mine_office = NULL;
	f->due_before = NULL;
	*total = store_target_count(c->db, f);
	if (*total < 0)
		return RES_STORE;
	return store_target_list(c->db, c->a, f, out);
}

int target_notes(struct ctx *c, int64_t id, struct target_note **out)
{
	int n = store_target_notes(c->db, c->a, id, out);

	return n < 0 ? RES_STORE : n;
}

int target_may_write(struct ctx *c, const struct target_task *t)
{
	const char *office;

	if (authz_has(&c->who, PERM_TARGET_MANAGE))
		return 1;
	if (!authz_has(&c->who, PERM_TARGET_READ))
		return 0;
	if (t->leader_id && t->leader_id == c->who.id)
		return 1;
	office = user_office(c, c->who.id);
	return *t->office && !strcmp(office, t->office);
}

/* The checks of a task's fields: 0, or the messages in fe. */
static void task_check(struct ctx *c, const struct target_task *t, struct fielderr *fe)
{
	struct target_ledger l;
	struct target_code *asp;
	int n, found = 0;

	if (!t->ledger_id || store_target_ledger_get(c->db, c->a, t->ledger_id, &l) != 1)
		fielderr_add(fe, "ledger_id", "请选择台账");
	n = store_target_codes(c->db, c->a, 0, &asp);
	for (int i = 0; i < n && t->aspect; i++)
		found |= !strcmp(asp[i].code, t->aspect);
	if (!found)
		fielderr_add(fe, "aspect", "请选择所属体系");
	if (!t->title || !*t->title)
		fielderr_add(fe, "title", "请填写任务内容");
	fielderr_len(c->a, fe, "title", "任务内容", t->title, TARGET_TITLE_MAX);
	if (date_check(t->deadline) != DATE_OK)
		fielderr_add(fe, "deadline", fielderr_date_msg(t->deadline, "请填写完成时限（YYYY-MM-DD）"));
	if (t->leader_id && store_target_user_active(c->db, t->leader_id) != 1)
		fielderr_add(fe, "leader_id", "责任领导应为在用的账号");
	fielderr_len(c->a, fe, "office", "责任部门", t->office, TARGET_NAME_MAX);
}

struct task_arg {
	struct ctx *c;
	const struct target_task *t;
	int64_t id;
};

static int create_tx(struct store *s, void *arg)
{
	struct task_arg *ta = arg;

	ta->id = store_target_insert(s, ta->t, ta->c->who.id, ta->c->now);
	if (ta->id < 0)
		return -1;
	return audit_append(ta->c, AEV_TARGET_CREATE, arena_printf(ta->c->a, "target/%" PRId64, ta->id), 1,
			    ta->t->title);
}

int64_t target_create(struct ctx *c, const struct target_task *t, struct fielderr *fe)
{
	struct task_arg ta = { c, t, 0 };

	task_check(c, t, fe);
	if (fe->n)
		return RES_INVALID;
	return store_tx(c->db, create_tx, &ta) < 0 ? RES_STORE : ta.id;
}

static int update_tx(struct store *s, void *arg)
{
	struct task_arg *ta = arg;
	int rc = store_target_update(s, ta->t);

	if (rc <= 0)
		return rc < 0 ? -1 : 0;
	ta->id = ta->t->id;
	return audit_append(ta->c, AEV_TARGET_EDIT, arena_printf(ta->c->a, "target/%" PRId64, ta->t->id), 1,
			    ta->t->title);
}

int target_update(struct ctx *c, const struct target_task *t, struct fielderr *fe)
{
	struct task_arg ta = { c, t, 0 };
	struct target_task old;
	int rc = target_get(c, t->id, &old);

	if (rc != RES_DONE)
		return rc;
	task_check(c, t, fe);
	if (fe->n)
		return RES_INVALID;
	if (store_tx(c->db, update_tx, &ta) < 0)
		return RES_STORE;
	return ta.id ? RES_DONE : RES_NOT_FOUND;
}

struct progress_arg {
	struct ctx *c;
	int64_t id;
	const char *day, *text;
	int done;
};

static int progress_tx(struct store *s, void *arg)
{
	struct progress_arg *pa = arg;
	struct ctx *c = pa->c;

	if (store_target_note_insert(s, pa->id, pa->day, c->who.id, pa->text, c->now) < 0 ||
	    store_target_progress(s, pa->id, pa->day, pa->done ? pa->day : NULL) < 0)
		return -1;
	return audit_append(c, AEV_TARGET_PROGRESS, arena_printf(c->a, "target/%" PRId64, pa->id), 1,
			    pa->done ? "已完成" : "进展");
}

int target_progress(struct ctx *c, int64_t id, const char *day, const char *text, int done,
		    struct fielderr *fe)
{
	struct progress_arg pa = { c, id, day && *day ? day : target_today(c), text, done };
	struct target_task t;
	int rc = target_get(c, id, &t);

	if (rc != RES_DONE)
		return rc;
	if (!target_may_write(c, &t)) {
		fielderr_add(fe, "text", "只有责任领导、责任部门或案件监督管理室可以登记进展");
		return RES_INVALID;
	}
	if (date_check(pa.day) != DATE_OK)
		fielderr_add(fe, "day", fielderr_date_msg(pa.day, "日期格式应为 YYYY-MM-DD"));
	else if (strcmp(pa.day, target_today(c)) > 0)
		fielderr_add(fe, "day", "进展日期不能晚于今天");
	if (!text || !*text)
		fielderr_add(fe, "text", "请填写进展情况");
	fielderr_len(c->a, fe, "text", "进展情况", text, TARGET_NOTE_MAX);
	if (t.done)
		fielderr_add(fe, "text", "该任务已完成");
	if (fe->n)
		return RES_INVALID;
	return store_tx(c->db, progress_tx, &pa) < 0 ? RES_STORE : RES_DONE;
}

/* ---- the home page's to-dos (todo.h) ---------------------------------------------------- */

/* The user's tasks (as the leader or of the user's office) not done and
 * overdue or due within 3 working days: counted per office in SQL, the
 * first offset + limit read in due order (q_targets.h). */
static int task_todo(struct ctx *c, struct todo_acc *acc)
{
	struct store_todo_tasks f = { .due_by = day_text(c, todo_last_due(acc)), .leader = c->who.id,
				      .office = user_office(c, c->who.id), .only = todo_office_filter(acc) };
	struct store_due_count *cnt;
	struct target_task *v;
	int n;

	if (acc->counting) {
		n = store_target_todo_count(c->db, c->a, &f, day_text(c, acc->today - 1), &cnt);
		if (n < 0)
			return -1;
		todo_tally_dues(c, acc, cnt, n);
	}
	if (!acc->want)
		return 0;
	n = store_target_todo(c->db, c->a, &f, acc->want, &v);
	for (int i = 0; i < n; i++) {
		qf_day due = date_parse(v[i].deadline);
		enum clock_state st = clock_state(c->cal, due, QF_DAY_NONE, acc->today);
		struct todo *t;

		if (st != CLOCK_OVERDUE && st != CLOCK_DUE_SOON)
			continue;
		if (!todo_wants(acc, st == CLOCK_OVERDUE ? TODO_B_OVERDUE : TODO_B_DUE_SOON, v[i].office))
			continue;
		t = todo_add(c, acc, "目标任务", due);
		t->kind = TODO_CLOCK;
		t->due = due;
		t->state = st;
		t->office = v[i].office;
		t->object = arena_printf(c->a, "%s（%s）", v[i].title, v[i].ledger_name);
		t->href = arena_printf(c->a, "/targets/%" PRId64, v[i].id);
	}
	return n < 0 ? -1 : 0;
}
QF_TODO_PROVIDER_BY_OFFICE(target_todo_provider, 60, PERM_TARGET_READ, task_todo);

/* ---- statistics (docs/statistics.md; the 2022 report's 近200项目标任务, 工作台帐7份) ---- */

static const struct metric_def metric_target_tasks = {
	.key = "target_tasks",
	.zh = "目标任务",
	.en = "target tasks whose deadline falls in the period",
	.kind = METRIC_COUNT,
	.order = 160,
	.scopes = Q_METRIC_TARGET_SCOPES,
	.compute = store_metric_target_tasks,
	.list = NULL };
QF_METRIC(&metric_target_tasks);
static const struct metric_def metric_target_ledgers = {
	.key = "target_ledgers",
	.zh = "工作台账",
	.en = "task ledgers of the years the period covers",
	.kind = METRIC_COUNT,
	.order = 161,
	.scopes = Q_METRIC_TARGET_SCOPES,
	.compute = store_metric_target_ledgers,
	.list = NULL };
QF_METRIC(&metric_target_ledgers);

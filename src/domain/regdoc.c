/*
 * regdoc.c: the document register (domain/regdoc.h): the checks, the
 * sent number, the secrecy rule, the states, the home page's answers due,
 * and the statistics documents_received, documents_sent, documents_registered.
 */
#include "domain/regdoc.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/date.h"
#include "domain/attach.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/clocks.h"
#include "domain/ctx.h"
#include "domain/metrics.h"
#include "domain/numbering.h"
#include "domain/result.h"
#include "domain/todo.h"
#include "domain/user.h"
#include "store/q_worklog.h"
#include "store/store.h"

QF_AUDIT_EVENT(REGDOC_ADD, "regdoc_add", "登记收发文");
QF_AUDIT_EVENT(REGDOC_STATE, "regdoc_state", "收发文办理状态");
QF_AUDIT_OBJECT(regdoc, "收发文");

const struct label regdoc_directions[] = {
	{ "in", "收文" },
	{ "out", "发文" },
	{ NULL, NULL }
};

const struct label regdoc_secrecies[] = {
	{ "public", "公开" },
	{ "internal", "内部" },
	{ "secret", "秘密" },
	{ "confidential", "机密" },
	{ NULL, NULL }
};

const struct label regdoc_states[] = {
	{ "registered", "已登记" },
	{ "circulating", "传阅办理中" },
	{ "filed", "已归档" },
	{ NULL, NULL }
};

static const char *today(struct ctx *c)
{
	char buf[16];

	date_format(date_from_unix_cst(c->now), buf);
	return arena_strdup(c->a, buf);
}

static int is_secret(const char *secrecy)
{
	return secrecy && (!strcmp(secrecy, "secret") || !strcmp(secrecy, "confidential"));
}

static const char *my_office(struct ctx *c)
{
	const char *o = c->who.id ? user_office(c, c->who.id) : NULL;

	return o ? o : "";
}

int regdoc_sees(struct ctx *c, const struct regdoc *d)
{
	const char *o;

	if (!is_secret(d->secrecy) || authz_has(&c->who, PERM_REGDOC_SECRET))
		return 1;
	o = my_office(c);
	return *o && d->office && !strcmp(o, d->office);
}

struct add_arg {
	struct ctx *c;
	struct regdoc d;
	int64_t id;
};

static int add_tx(struct store *s, void *arg)
{
	struct add_arg *aa = arg;
	struct ctx *c = aa->c;

	if (!strcmp(aa->d.direction, "out") && !*aa->d.number) {
		aa->d.number = numbering_next(c, s, "sent_doc", aa->d.day, NULL);
		if (!aa->d.number)
			return -1;
	} else if (!strcmp(aa->d.direction, "out") && numbering_note(c, s, "sent_doc", aa->d.day, aa->d.number) < 0) {
		return -1;
	}
	aa->id = store_regdoc_insert(s, &aa->d, c->who.id, c->now);
	if (aa->id <= 0)
		return -1;
	/* the audit detail names no secret title */
	return audit_append(c, AEV_REGDOC_ADD, arena_printf(c->a, "regdoc/%" PRId64, aa->id), 1,
			    arena_printf(c->a, "%s %s %s", label_of(regdoc_directions, aa->d.direction),
					 aa->d.number, label_of(regdoc_secrecies, aa->d.secrecy)));
}

int64_t regdoc_add(struct ctx *c, const struct regdoc *in, struct fielderr *fe)
{
	struct add_arg aa = { .c = c, .d = *in };
	struct regdoc *d = &aa.d;

	if (!d->direction || !label_of(regdoc_directions, d->direction))
		fielderr_add(fe, "direction", "请选择收文或发文");
	if (d->secrecy && (!strcmp(d->secrecy, "top_secret") || !strcmp(d->secrecy, "绝密")))
		fielderr_add(fe, "secrecy", "绝密文件不得在本系统登记，请按涉密文件管理规定线下登记办理");
	else if (!d->secrecy || !label_of(regdoc_secrecies, d->secrecy))
		fielderr_add(fe, "secrecy", "请选择密级（公开、内部、秘密、机密）");
	if (!d->title || !*d->title)
		fielderr_add(fe, "title", "请填写文件标题");
	fielderr_len(c->a, fe, "title", "文件标题", d->title, REGDOC_TITLE_MAX);
	fielderr_len(c->a, fe, "number", "文号", d->number, 60);
	fielderr_len(c->a, fe, "counterpart", "来文/主送单位", d->counterpart, 100);
	fielderr_len(c->a, fe, "handler", "承办人", d->handler, 60);
	if (!d->day || !*d->day)
		d->day = today(c);
	if (date_check(d->day) != DATE_OK)
		fielderr_add(fe, "day", fielderr_date_msg(d->day, "日期格式应为 YYYY-MM-DD"));
	if (!d->state || !*d->state)
		d->state = "registered";
	if (!label_of(regdoc_states, d->state))
		fielderr_add(fe, "state", "办理状态无效");
	if (d->due && !*d->due)
		d->due = NULL;
	if (d->due && (date_check(d->due) != DATE_OK))
		fielderr_add(fe, "due", fielderr_date_msg(d->due, "办复期限格式应为 YYYY-MM-DD"));
	else if (d->due && d->direction && strcmp(d->direction, "in"))
		fielderr_add(fe, "due", "只有收文可设办复期限");
	else if (d->due && d->day && strcmp(d->due, d->day) < 0)
		fielderr_add(fe, "due", "办复期限不能早于收文日期");
	if (fe->n)
		return RES_INVALID;
	if (!d->number)
		d->number = "";
	if (!d->office || !*d->office)
		d->office = my_office(c);
	if (store_tx(c->db, add_tx, &aa) < 0)
		return RES_STORE;
	return aa.id;
}

int regdoc_get(struct ctx *c, int64_t id, struct regdoc *out)
{
	int rc = store_regdoc_get(c->db, c->a, id, out);

	if (rc < 0)
		return RES_STORE;
	if (!rc)
		return RES_NOT_FOUND;
	if (!regdoc_sees(c, out)) {
		audit_record(c, AEV_ACCESS_DENIED, arena_printf(c->a, "regdoc/%" PRId64, id), 0,
			     "secret entry of another office");
		return RES_NOT_FOUND;
	}
	return RES_DONE;
}

struct state_arg {
	struct ctx *c;
	int64_t id;
	const char *state;
};

static int state_tx(struct store *s, void *arg)
{
	struct state_arg *sa = arg;

	if (store_regdoc_set_state(s, sa->id, sa->state) < 0)
		return -1;
	return audit_append(sa->c, AEV_REGDOC_STATE, arena_printf(sa->c->a, "regdoc/%" PRId64, sa->id), 1,
			    label_of(regdoc_states, sa->state));
}

int regdoc_set_state(struct ctx *c, int64_t id, const char *state)
{
	struct regdoc d;
	struct state_arg sa = { c, id, state };
	int rc;

	if (!state || !label_of(regdoc_states, state))
		return RES_INVALID;
	if ((rc = regdoc_get(c, id, &d)) != RES_DONE)
		return rc;
	return store_tx(c->db, state_tx, &sa) < 0 ? RES_STORE : RES_DONE;
}

int regdoc_list(struct ctx *c, struct regdoc_filter *f, struct regdoc **out, int64_t *total)
{
	int n;

	f->see_all = authz_has(&c->who, PERM_REGDOC_SECRET);
	f->office = my_office(c);
	*total = store_regdoc_count(c->db, f);
	if (*total < 0)
		return RES_STORE;
	n = store_regdoc_list(c->db, c->a, f, out);
	return n < 0 ? RES_STORE : n;
}

/* ---- attachments (a scan of the document, the answer): domain/attach.h ------------ */

static int seen_regdoc(struct ctx *c, int64_t id)
{
	struct regdoc d;

	return regdoc_get(c, id, &d);
}

/* whoever sees the entry may attach to it (the secrecy rule decides who sees) */
static int work_regdoc(struct ctx *c, int64_t id)
{
	struct regdoc d;
	int rc = store_regdoc_get(c->db, c->a, id, &d);

	return rc <= 0 ? rc : regdoc_sees(c, &d);
}

static const struct attach_kind regdoc_attach = {
	"regdoc", "regdocs", "收发文", PERM_WORKLOG, seen_regdoc, work_regdoc };
QF_REGISTER(attach_kinds, &regdoc_attach);

/* ---- the home page: received documents whose answer is due ---------------------- */

static int regdoc_todo(struct ctx *c, struct todo_acc *acc)
{
	struct regdoc *v;
	const char *mine = my_office(c);
	char last[16];
	int n;

	date_format(acc->soon_last, last);
	n = store_regdocs_due(c->db, c->a, last, 500, &v);
	for (int i = 0; i < n; i++) {
		struct todo *t;
		/* the registering office's, and a leader's */
		if (strcmp(v[i].office, mine) && !authz_has(&c->who, PERM_REGDOC_SECRET))
			continue;
		t = todo_add(c, acc, "收文办复期限", date_parse(v[i].day));
		t->kind = TODO_CLOCK;
		t->due = date_parse(v[i].due);
		t->state = clock_state(c->cal, t->due, QF_DAY_NONE, acc->today);
		if (t->state != CLOCK_OVERDUE && t->state != CLOCK_DUE_SOON) {
			acc->n--;
			continue;
		}
		t->object = regdoc_sees(c, &v[i]) ? arena_printf(c->a, "收文 %s %s", v[i].number, v[i].title)
						  : arena_printf(c->a, "收文 %s（密件）", v[i].number);
		t->href = arena_printf(c->a, "/regdocs/%" PRId64, v[i].id);
		t->office = v[i].office;
		todo_counted(c, acc, t);
	}
	return n < 0 ? -1 : 0;
}
QF_TODO_PROVIDER(regdoc_todo_provider, 85, PERM_WORKLOG, regdoc_todo);

/* ---- statistics ------------------------------------------------------------------ */

static int metric_in(struct store *db, const struct metric_period *p, const struct metric_scope *s, int64_t *out)
{
	return store_metric_regdocs(db, p, s, "in", out);
}

static int metric_out(struct store *db, const struct metric_period *p, const struct metric_scope *s, int64_t *out)
{
	return store_metric_regdocs(db, p, s, "out", out);
}

static int metric_all(struct store *db, const struct metric_period *p, const struct metric_scope *s, int64_t *out)
{
	return store_metric_regdocs(db, p, s, "", out);
}

static const struct metric_def metric_regdocs = {
	.key = "documents_registered",
	.zh = "收发文",
	.en = "documents received and sent, registered with a day in the period",
	.kind = METRIC_COUNT,
	.order = 202,
	.scopes = 0,
	.compute = metric_all,
	.list = "/regdocs?" };
QF_METRIC(&metric_regdocs);
static const struct metric_def metric_regdocs_in = {
	.key = "documents_received",
	.zh = "收文",
	.en = "documents received (收文) registered with a day in the period",
	.kind = METRIC_COUNT,
	.order = 203,
	.scopes = 0,
	.compute = metric_in,
	.list = "/regdocs?&direction=in" };
QF_METRIC(&metric_regdocs_in);
static const struct metric_def metric_regdocs_out = {
	.key = "documents_sent",
	.zh = "发文",
	.en = "documents sent (发文) registered with a day in the period",
	.kind = METRIC_COUNT,
	.order = 204,
	.scopes = 0,
	.compute = metric_out,
	.list = "/regdocs?&direction=out" };
QF_METRIC(&metric_regdocs_out);

/*
 * matter_report.c: personal matter reports (domain/matter_report.h): the
 * checks, the 30-day clock from the event, the check step, the home
 * page's unchecked reports and the figure of the reports received.
 *
 * Guarantees: a report names a person within the actor's jurisdiction
 * (its unit copied), a known kind, an event day (a planned event may be
 * reported before it), a reported day not after today, a scale not negative,
 * a note of at most 2000 characters; a report is checked once; every
 * write and its audit entry commit together.
 */
#include "domain/matter_report.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/changes.h"
#include "domain/clocks.h"
#include "domain/ctx.h"
#include "domain/metrics.h"
#include "domain/person.h"
#include "domain/result.h"
#include "domain/talk.h"
#include "domain/todo.h"
#include "store/q_clues.h"
#include "store/q_talks.h"
#include "store/store.h"

QF_AUDIT_EVENT(MATTER_REPORT_ADD, "matter_report_add", "登记重大事项报告");
QF_AUDIT_EVENT(MATTER_REPORT_EDIT, "matter_report_edit", "修改重大事项报告");
QF_AUDIT_EVENT(MATTER_REPORT_CHECK, "matter_report_check", "核查重大事项报告");
QF_AUDIT_OBJECT(matter_report, "重大事项报告");

const struct label matter_report_states[] = {
	{ "received", "已接收" }, { "checked", "已核查" }, { "concern", "发现问题" }, { NULL, NULL } };

const char *matter_report_state_text(const char *state)
{
	const char *s = label_of(matter_report_states, state);

	return s ? s : state;
}

static const char *object_of(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "matter_report/%" PRId64, id);
}

void matter_report_clock(struct ctx *c, struct matter_report *m)
{
	struct clock_table t;
	const struct clock_limit *l;
	qf_day due = QF_DAY_NONE;
	char buf[11];

	if (clock_table_load(c->db, c->a, &t) >= 0 && (l = clock_find(&t, "personal_matter_report")))
		due = clock_due(c->cal, l, date_parse(m->event_day));
	m->due = due == QF_DAY_NONE ? "" : arena_strdup(c->a, date_format(due, buf));
	m->late = *m->due && strcmp(m->reported, m->due) > 0;
}

static void check(struct ctx *c, const struct matter_report *m, int kind_ok, struct fielderr *fe)
{
	char today[11];

	date_format(date_from_unix_cst(c->now), today);
	if (!kind_ok)
		fielderr_add(fe, "kind", "请选择事项类别");
	if (!m->event_day || date_parse(m->event_day) == QF_DAY_NONE)
		fielderr_add(fe, "event_day", fielderr_date_msg(m->event_day, "请填写事项日期（YYYY-MM-DD）"));
	if (!m->reported || date_parse(m->reported) == QF_DAY_NONE)
		fielderr_add(fe, "reported", fielderr_date_msg(m->reported, "请填写报告日期（YYYY-MM-DD）"));
	else if (strcmp(m->reported, today) > 0)
		fielderr_add(fe, "reported", "报告日期不能晚于今天");
	if (m->guests < 0 || m->guests > 100000)
		fielderr_add(fe, "guests", "宾客人数应为0至100000");
	if (m->tables < 0 || m->tables > 10000)
		fielderr_add(fe, "tables", "桌数应为0至10000");
	fielderr_len(c->a, fe, "note", "备注", m->note, MATTER_REPORT_NOTE_MAX);
}

/* 1 a kind of the family matter_report, 0 not, -1 store */
static int kind_known(struct ctx *c, const char *code)
{
	struct sup_kind *k;
	int n = sup_kinds(c, "matter_report", &k), ok = 0;

	for (int i = 0; i < n; i++)
		ok |= code && !strcmp(k[i].code, code);
	return n < 0 ? -1 : ok;
}

struct add_arg {
	struct ctx *c;
	const struct matter_report *m;
	int64_t id;
};

static int add_tx(struct store *s, void *arg)
{
	struct add_arg *aa = arg;

	aa->id = store_matter_report_insert(s, aa->m, aa->c->who.id, aa->c->now);
	if (aa->id <= 0)
		return -1;
	return audit_append(aa->c, AEV_MATTER_REPORT_ADD, object_of(aa->c, aa->id), 1, aa->m->kind);
}

int64_t matter_report_add(struct ctx *c, const struct matter_report *m, struct fielderr *fe)
{
	struct matter_report in = *m;
	struct add_arg aa = { .c = c, .m = &in };
	struct person p;
	int ok = kind_known(c, m->kind), rc;

	if (ok < 0)
		return RES_STORE;
	check(c, m, ok, fe);
	/* reported before the event (事前报告) is on time: no order between the days */
	if (m->person_id <= 0)
		fielderr_add(fe, "person_id", "请选择报告人");
	if (fe->n)
		return RES_INVALID;
	rc = person_pick(c, m->person_id, &p);
	if (rc != RES_DONE)
		return rc;
	in.unit_id = p.unit_id;
	if (store_tx(c->db, add_tx, &aa) < 0)
		return RES_STORE;
	return aa.id;
}

int matter_report_get(struct ctx *c, int64_t id, struct matter_report *out)
{
	int rc = store_matter_report_get(c->db, c->a, id, 0, out);

	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	rc = authz_unit(c, out->unit_id, object_of(c, id));
	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	matter_report_clock(c, out);
	return RES_DONE;
}

int matter_report_list(struct ctx *c, struct matter_report_filter *f, struct matter_report **out,
		       int64_t *total)
{
	int n;

	f->scope_user = authz_scope_user(c);
	*total = store_matter_report_count(c->db, f);
	if (*total < 0)
		return -1;
	n = store_matter_report_list(c->db, c->a, f, out);
	for (int i = 0; i < n; i++)
		matter_report_clock(c, &(*out)[i]);
	return n;
}

/* ---- correcting a report ----------------------------------------------------------- */

struct edit_arg {
	struct ctx *c;
	const struct matter_report *m;
	const char *detail, *audit;
	int changed;
};

static int edit_tx(struct store *s, void *arg)
{
	struct edit_arg *ea = arg;
	struct ctx *c = ea->c;
	const char *obj = object_of(c, ea->m->id);

	ea->changed = store_matter_report_update(s, ea->m);
	if (ea->changed <= 0)
		return ea->changed < 0 ? -1 : 0;
	if (audit_append(c, AEV_MATTER_REPORT_EDIT, obj, 1, ea->audit) < 0)
		return -1;
	return store_timeline_add(s, c->cfg->region, obj, c->now, c->who.id, c->who.name, "修改报告", ea->detail) < 0
	       ? -1 : 0;
}

static const char *num(struct ctx *c, int64_t v)
{
	return arena_printf(c->a, "%" PRId64, v);
}

static const char *yes_no(int v)
{
	return v ? "是" : "否";
}

int matter_report_edit(struct ctx *c, struct matter_report *in, const char *reason, struct fielderr *fe)
{
	struct edit_arg ea = { .c = c, .m = in };
	struct matter_report old;
	struct changes ch;
	int rc = matter_report_get(c, in->id, &old), known;

	if (rc != RES_DONE)
		return rc;
	if ((known = kind_known(c, in->kind)) < 0)
		return RES_STORE;
	check(c, in, known, fe);
	if (fe->n)
		return RES_INVALID;
	/* the clock again from the new days (computed, never stored) */
	in->person_id = old.person_id;
	in->unit_id = old.unit_id;
	matter_report_clock(c, in);
	changes_init(&ch, c);
	changes_add(&ch, "事项类别", sup_kind_label(c, "matter_report", old.kind),
		    sup_kind_label(c, "matter_report", in->kind));
	changes_add(&ch, "事项日期", old.event_day, in->event_day);
	changes_add(&ch, "报告日期", old.reported, in->reported);
	changes_add(&ch, "宾客人数", num(c, old.guests), num(c, in->guests));
	changes_add(&ch, "桌数", num(c, old.tables), num(c, in->tables));
	changes_add(&ch, "使用公款", yes_no(old.public_funds), yes_no(in->public_funds));
	changes_add(&ch, "使用公车", yes_no(old.public_vehicles), yes_no(in->public_vehicles));
	changes_secret(&ch, "备注", old.note, in->note);
	if (changes_check(&ch, reason, fe) < 0)
		return RES_INVALID;
	/* the clock's result, when it moved */
	changes_add(&ch, "应报告日期", old.due, in->due);
	changes_add(&ch, "逾期报告", yes_no(old.late), yes_no(in->late));
	ea.detail = changes_detail(&ch, reason);
	ea.audit = changes_audit(&ch);
	if (store_tx(c->db, edit_tx, &ea) < 0)
		return RES_STORE;
	return ea.changed ? RES_DONE : RES_NOT_FOUND;
}

int matter_report_timeline(struct ctx *c, int64_t id, struct timeline_entry **out)
{
	return store_timeline_list(c->db, c->a, object_of(c, id), out);
}

struct check_arg {
	struct ctx *c;
	int64_t id;
	const char *state;
	int changed;
};

static int check_tx(struct store *s, void *arg)
{
	struct check_arg *ca = arg;
	struct ctx *c = ca->c;
	char day[11];

	date_format(date_from_unix_cst(c->now), day);
	ca->changed = store_matter_report_check(s, ca->id, ca->state, c->who.id, day);
	if (ca->changed <= 0)
		return ca->changed < 0 ? -1 : 0;
	return audit_append(c, AEV_MATTER_REPORT_CHECK, object_of(c, ca->id), 1, ca->state);
}

int matter_report_check(struct ctx *c, int64_t id, int concern, struct fielderr *fe)
{
	struct check_arg ca = { .c = c, .id = id, .state = concern ? "concern" : "checked" };
	struct matter_report m;
	int rc = matter_report_get(c, id, &m);

	if (rc != RES_DONE)
		return rc;
	if (strcmp(m.state, "received")) {
		fielderr_add(fe, "state", "该报告已核查");
		return RES_INVALID;
	}
	if (store_tx(c->db, check_tx, &ca) < 0)
		return RES_STORE;
	if (!ca.changed) {
		fielderr_add(fe, "state", "该报告刚被他人核查，请刷新页面");
		return RES_INVALID;
	}
	return RES_DONE;
}

/* ---- the home page: reports received and not yet checked ------------------- */

static int report_todo(struct ctx *c, struct todo_acc *acc)
{
	struct matter_report *v;
	int n;

	if (!authz_has(&c->who, PERM_SUPERVISION_WRITE))
		return 0;
	n = store_matter_reports_unchecked(c->db, c->a, authz_scope_user(c), 200, &v);
	for (int i = 0; i < n; i++) {
		struct todo *t = todo_add(c, acc, "重大事项报告待核查", date_parse(v[i].reported));

		matter_report_clock(c, &v[i]);
		t->kind = TODO_ASSIGNED;
		t->status = v[i].late ? "待核查（逾期报告）" : "待核查";
		t->office = "";
		if (!todo_counted(c, acc, t))
			continue;
		t->object = arena_printf(c->a, "重大事项报告 %" PRId64 "（%s，%s）", v[i].id, v[i].person_name,
					 sup_kind_label(c, "matter_report", v[i].kind));
		t->href = arena_printf(c->a, "/matter-reports/%" PRId64, v[i].id);
	}
	return n < 0 ? -1 : 0;
}
QF_TODO_PROVIDER(matter_report_todo_provider, 80, PERM_SUPERVISION_READ, report_todo);

/* ---- statistics ------------------------------------------------------------------ */

static const struct metric_def metric_reports = {
	.key = "matter_reports",
	.zh = "受理重大事项报告",
	.en = "personal matter reports (weddings, funerals, celebrations) received in the period",
	.kind = METRIC_COUNT,
	.order = 197,
	.scopes = Q_METRIC_TALK_SCOPES,
	.compute = store_metric_matter_reports,
	.list = "/matter-reports?reported" };
QF_METRIC(&metric_reports);

/*
 * detention.c: 留置 of a case's subject: the start with the level above's
 * approval, the notices to the family and the unit and their 24-hour
 * clock, the extensions and the recalculation, the end.  Every limit is
 * the row of detention_limits in force on the day of the step (read
 * inside the transaction); the due day is stored with the detention and
 * the extensions keep the months they added.  Detention limits end on
 * their day even when it is a rest day (DOMAIN.md section 4), so the due
 * day is plain calendar-month arithmetic, not clock_due.
 */
#include "domain/detention.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/case.h"
#include "domain/clocks.h"
#include "domain/ctx.h"
#include "domain/result.h"
#include "domain/todo.h"
#include "store/q_cases.h"
#include "store/q_detention.h"
#include "store/q_settings.h"
#include "domain/metrics.h"
#include "store/q_metrics.h"

/* the audit events this file writes (audit_events.h) */
QF_AUDIT_EVENT(DETENTION_START, "detention_start", "留置");
QF_AUDIT_EVENT(DETENTION_EXTEND, "detention_extend", "延长留置");
QF_AUDIT_EVENT(DETENTION_END, "detention_end", "解除留置");
QF_AUDIT_EVENT(DETENTION_NOTICE, "detention_notice", "留置通知");

/* the codes of its fields and their Chinese names (labels.h) */
const struct label detention_ext_kinds[] = {
	{ "extension", "延长（上一级批准）" },
	{ "national", "再延长（国家监委批准）" },
	{ "recalc", "重新计算" },
	{ NULL, NULL }
};

const struct label detention_parties[] = {
	{ "family", "家属" },
	{ "unit", "所在单位" },
	{ NULL, NULL }
};

const struct label commission_levels[] = {
	{ "county", "县级" },
	{ "prefecture", "设区的市级" },
	{ "province", "省级" },
	{ NULL, NULL }
};

static int level_rank(const char *level)
{
	for (int i = 0; commission_levels[i].code; i++)
		if (!strcmp(commission_levels[i].code, level))
			return i;
	return 0;
}

const char *detention_level(struct ctx *c)
{
	const char *v = NULL;

	if (store_setting_get(c->db, c->a, "level", &v) != 1 || !v || !label_of(commission_levels, v))
		return "county";
	return v;
}

/* ---- moments: YYYY-MM-DDTHH:MM in CST, as minutes since 1970-01-01 00:00 CST ---- */

static int two_digits(const char *s, int max)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0') <= max ? (s[0] - '0') * 10 + (s[1] - '0') : -1;
}

/* -1 unless s is YYYY-MM-DDTHH:MM (or with a space). */
static int64_t moment_parse(const char *s)
{
	char day[11];
	qf_day d;
	int h, m;

	if (!s || strlen(s) != 16 || (s[10] != 'T' && s[10] != ' ') || s[13] != ':')
		return -1;
	memcpy(day, s, 10);
	day[10] = 0;
	d = date_parse(day);
	h = two_digits(s + 11, 23);
	m = two_digits(s + 14, 59);
	if (d == QF_DAY_NONE || h < 0 || m < 0)
		return -1;
	return (int64_t)d * 1440 + h * 60 + m;
}

int detention_moment_valid(const char *s)
{
	return moment_parse(s) >= 0 && s[10] == 'T';
}

static const char *moment_text(struct arena *a, int64_t t)
{
	char buf[11];
	qf_day d = (qf_day)(t / 1440);
	int mins = (int)(t % 1440);

	return arena_printf(a, "%sT%02d:%02d", date_format(d, buf), mins / 60, mins % 60);
}

static int64_t moment_now(struct ctx *c)
{
	return (c->now + 8 * 3600) / 60;
}

static const char *day_text(struct ctx *c, qf_day d)
{
	char buf[11];
	return arena_strdup(c->a, date_format(d, buf));
}

/* ---- the rule of a step ------------------------------------------------------------ */

int detention_step_allowed(struct store *s, struct arena *a, const char *level, const char *kind,
			   const char *day, const struct detention_ext *prior, int n,
			   struct detention_limit *rule, const char **why)
{
	const char *what = label_of(detention_ext_kinds, kind);
	int ext = 0, nat = 0, recalc = 0, rc;

	*why = NULL;
	if (!what) {
		*why = "请选择延长、再延长或重新计算";
		return 0;
	}
	/* after a recalculation the extension is available again, the
	   national one only if it was not used before: 《监察法实施条例》
	   (2025) art. 133, 此前已经再延长留置时间的，不得再次适用该规定 */
	for (int i = 0; i < n; i++) {
		if (!strcmp(prior[i].kind, "recalc")) {
			recalc++;
			ext = 0;
		}
		ext += !strcmp(prior[i].kind, "extension");
		nat += !strcmp(prior[i].kind, "national");
	}
	if (!strcmp(kind, "extension") && ext)
		*why = "留置期限只能延长一次（重新计算后方可再次延长）";
	else if (!strcmp(kind, "national") && nat)
		*why = recalc ? "已经国家监委批准再延长的，重新计算后不得再次再延长（《监察法实施条例》第一百三十三条）"
			      : "国家监委批准的再延长只能一次";
	else if (!strcmp(kind, "national") && !ext)
		*why = "须先经上一级批准延长，才能报国家监委批准再延长";
	else if (!strcmp(kind, "recalc") && recalc)
		*why = "留置时间重新计算以一次为限";
	if (*why)
		return 0;
	rc = store_detention_limit(s, a, kind, day, rule);
	if (rc < 0)
		return rc;
	if (rc == 0 || rule->amount == 0) {
		struct detention_limit later;
		rc = store_detention_limit(s, a, kind, "9999-12-31", &later);
		if (rc < 0)
			return rc;
		*why = rc && later.amount && strcmp(later.effective_from, day) > 0
		     ? arena_printf(a, "%s自%s起施行（%s），批准日期%s时尚无此规定", what,
				    later.effective_from, later.source, day)
		     : arena_printf(a, "%s在%s没有适用的规定（detention_limits: %s）", what, day, kind);
		return 0;
	}
	if (level_rank(level) < level_rank(rule->min_level)) {
		*why = arena_printf(a, "%s只能由%s以上监察机关决定（%s）；本机关为%s", what,
				    label_of(commission_levels, rule->min_level), rule->source,
				    label_of(commission_levels, level));
		return 0;
	}
	return 1;
}

struct det_arg {
	struct ctx *c;
	struct detention d;
	struct detention_ext e;
	struct fielderr *fe;
	const char *party;
	int64_t id;
};

/* ---- start ------------------------------------------------------------------- */

/* 1 when the person is a subject of the case and not detained now in it. */
static int may_detain(struct det_arg *da, struct store *s)
{
	struct ctx *c = da->c;
	struct person *p;
	struct detention *v;
	int n = store_case_subjects(s, c->a, da->d.case_id, &p), found = 0;

	if (n < 0)
		return 0;               /* a store error, not a wrong person */
	for (int i = 0; i < n; i++)
		if (p[i].id == da->d.person_id) {
			found = 1;
			da->d.person_name = p[i].name;
		}
	if (!found) {
		fielderr_add(da->fe, "person_id", "请选择本案的被调查人");
		return 0;
	}
	n = store_detentions_of_case(s, c->a, da->d.case_id, &v);
	for (int i = 0; i < n; i++)
		if (v[i].person_id == da->d.person_id && !v[i].end_day) {
			fielderr_add(da->fe, "person_id", "该被调查人正处于留置中");
			return 0;
		}
	return n >= 0;
}

static int start_tx(struct store *s, void *arg)
{
	struct det_arg *da = arg;
	struct ctx *c = da->c;
	struct detention_limit lim;
	struct case_rec k;
	int rc;

	if (store_case_get(s, c->a, da->d.case_id, &k) != 1)
		return -1;
	if (strcmp(k.state, "investigating")) {
		fielderr_add(da->fe, "state", "只有审查调查中的案件可以采取留置措施");
		return -1;
	}
	if (!case_day_ok(c, da->fe, "start", da->d.start_day, k.filed, "立案日期") || !may_detain(da, s))
		return -1;
	rc = store_detention_limit(s, c->a, "detention", da->d.start_day, &lim);
	if (rc <= 0) {
		if (rc == 0)
			fielderr_add(da->fe, "start", "该日期没有适用的留置期限规定（detention_limits: detention）");
		return -1;
	}
	da->d.due_day = day_text(c, date_add_months(date_parse(da->d.start_day), lim.amount));
	da->id = store_detention_insert(s, c->cfg->region, &da->d, c->who.id, c->now);
	if (da->id < 0)
		return -1;
	return case_record_named(c, k.id, AEV_DETENTION_START, "留置",
				 arena_printf(c->a, "留置：%s", da->d.person_name),
				 arena_printf(c->a, "%s %s 宣布，%s %s 批准，期限至 %s", da->d.start_day,
					      da->d.announced_at + 11, da->d.approved_day, da->d.approved_by,
					      da->d.due_day));
}

int64_t detention_start(struct ctx *c, int64_t case_id, const struct detention_input *in,
			struct fielderr *fe)
{
	struct det_arg da = { .c = c, .fe = fe };
	struct case_rec k;
	const char *approver = in->approved_by ? in->approved_by : "";
	/* the investigation's form: not the trial member's, not on a closed case */
	int rc = case_for_side(c, case_id, CASE_SIDE_INVESTIGATION, &k, fe);

	if (rc != 1)
		return rc;
	/* Supervision Law art. 43 (2018) / art. 48 (2025): the level above approves */
	if (!*approver || utf8_len(approver) > 100)
		fielderr_add(fe, "approved_by", "请填写批准留置的上一级监察机关（不超过100字）");
	if (case_day_ok(c, fe, "approved_day", in->approved_day, NULL, NULL) && in->start &&
	    strcmp(in->approved_day, in->start) > 0)
		fielderr_add(fe, "approved_day", "批准日期不能晚于宣布留置之日");
	if (!in->start_time || moment_parse(arena_printf(c->a, "%sT%s", in->start ? in->start : "",
							 in->start_time)) < 0)
		fielderr_add(fe, "start_time", "请填写宣布留置的时间（时:分）");
	if (fe->n) {
		case_day_ok(c, fe, "start", in->start, k.filed, "立案日期");
		return -1;
	}
	da.d.case_id = case_id;
	da.d.person_id = in->person_id;
	da.d.start_day = in->start;
	da.d.approved_by = approver;
	da.d.approved_day = in->approved_day;
	da.d.announced_at = moment_text(c->a, moment_parse(arena_printf(c->a, "%sT%s", in->start,
									  in->start_time)));
	if (store_tx(c->db, start_tx, &da) < 0)
		return fe->n ? RES_INVALID : RES_STORE;   /* refused, or the store failed */
	return da.id;
}

/* ---- the notices ------------------------------------------------------------------------ */

/* The notice limit in force on the day announced; 0 when none. */
static int notice_hours(struct ctx *c, const struct detention *d)
{
	struct detention_limit lim;

	return store_detention_limit(c->db, c->a, "notice", d->start_day, &lim) == 1 ? lim.amount : 0;
}

const char *detention_notice_due(struct ctx *c, const struct detention *d)
{
	int64_t t = moment_parse(d->announced_at);
	int hours = t < 0 ? 0 : notice_hours(c, d);

	return hours ? moment_text(c->a, t + (int64_t)hours * 60) : "";
}

int detention_notice_state(struct ctx *c, const struct detention *d, const char *due)
{
	int64_t t_due = moment_parse(due), f = moment_parse(d->family_notified), u = moment_parse(d->unit_notified);

	if (f >= 0 && u >= 0)
		return (f > u ? f : u) > t_due ? CLOCK_DONE_LATE : CLOCK_DONE;
	return moment_now(c) > t_due ? CLOCK_OVERDUE : CLOCK_DUE_SOON;
}

int detention_notice_valid(struct ctx *c, const struct detention *d, const char *party, const char *at,
			   const char *note, struct fielderr *fe)
{
	int64_t t = moment_parse(at);
	int before = fe->n;

	if (!label_of(detention_parties, party ? party : ""))
		fielderr_add(fe, "party", "请选择通知家属或所在单位");
	if (t < 0)
		fielderr_add(fe, "at", "请填写通知时间（日期和时:分）");
	else if (t > moment_now(c))
		fielderr_add(fe, "at", "通知时间不能晚于现在");
	fielderr_len(c->a, fe, "note", "说明", note, 500);
	if (fe->n > before || !d)
		return fe->n == before;
	if (!d->announced_at)
		fielderr_add(fe, "state", "该留置未记录宣布时间（迁移前的记录），无需在此登记通知");
	else if (strcmp(moment_text(c->a, t), d->announced_at) < 0)
		fielderr_add(fe, "at", arena_printf(c->a, "通知时间不能早于宣布留置的时间（%s）", d->announced_at));
	return fe->n == before;
}

static int notice_tx(struct store *s, void *arg)
{
	struct det_arg *da = arg;
	struct ctx *c = da->c;
	int rc;

	if (store_detention_get(s, c->a, da->e.detention_id, &da->d) != 1)
		return -1;
	if (!detention_notice_valid(c, &da->d, da->party, da->e.approved, da->e.note, da->fe))
		return -1;
	rc = store_detention_notice_insert(s, da->d.id, da->party, da->e.approved, da->e.note, c->who.id,
					   c->now);
	if (rc != 0) {
		if (rc > 0)
			fielderr_add(da->fe, "party", arena_printf(c->a, "已登记通知%s",
								   label_of(detention_parties, da->party)));
		return -1;
	}
	return case_record_named(c, da->d.case_id, AEV_DETENTION_NOTICE,
				 arena_printf(c->a, "留置通知%s", label_of(detention_parties, da->party)),
				 arena_printf(c->a, "留置通知%s：%s", label_of(detention_parties, da->party),
					      da->d.person_name),
				 arena_printf(c->a, "%s 通知。%s", da->e.approved, da->e.note));
}

/* ---- extension, national extension, recalculation ------------------------------------ */

int detention_step_valid(struct ctx *c, struct store *s, const struct detention *d,
			 const struct detention_ext *v, int n, struct detention_ext *e, struct fielderr *fe)
{
	struct detention_limit rule;
	const char *base, *why;
	int rc;

	if (d->end_day) {
		fielderr_add(fe, "state", "留置已解除");
		return 0;
	}
	base = d->start_day;
	for (int i = 0; i < n; i++)
		if (!strcmp(v[i].kind, "recalc"))
			base = v[i].approved;
	if (!case_day_ok(c, fe, "approved", e->approved, base, "留置期限起算日"))
		return 0;
	if (strcmp(e->approved, d->due_day) > 0) {
		fielderr_add(fe, "approved", arena_printf(c->a, "须在留置期限（%s）届满前批准", d->due_day));
		return 0;
	}
	rc = detention_step_allowed(s, c->a, detention_level(c), e->kind, e->approved, v, n, &rule, &why);
	if (rc <= 0) {
		if (rc == 0)
			fielderr_add(fe, "kind", why);
		return rc;
	}
	e->months = rule.amount;
	return 1;
}

const char *detention_step_due(struct ctx *c, const struct detention *d, const struct detention_ext *e)
{
	return day_text(c, date_add_months(date_parse(strcmp(e->kind, "recalc") ? d->due_day : e->approved),
					   e->months));
}

static int extend_tx(struct store *s, void *arg)
{
	struct det_arg *da = arg;
	struct ctx *c = da->c;
	struct detention_ext *v;
	const char *due;
	int n;

	if (store_detention_get(s, c->a, da->e.detention_id, &da->d) != 1)
		return -1;
	n = store_detention_exts(s, c->a, 0, da->d.id, &v);
	if (n < 0 || detention_step_valid(c, s, &da->d, v, n, &da->e, da->fe) != 1)
		return -1;
	due = detention_step_due(c, &da->d, &da->e);
	da->id = store_detention_ext_insert(s, &da->e, c->who.id, c->now);
	if (da->id < 0 || store_detention_set(s, da->d.id, due, NULL) < 0)
		return -1;
	return case_record_named(c, da->d.case_id, AEV_DETENTION_EXTEND,
				 arena_printf(c->a, "留置%s", label_of(detention_ext_kinds, da->e.kind)),
				 arena_printf(c->a, "留置%s：%s", label_of(detention_ext_kinds, da->e.kind),
					      da->d.person_name),
				 arena_printf(c->a, "%s %s 批准，期限至 %s。%s", da->e.approved, da->e.approver,
					      due, da->e.note));
}

/* The case of a detention and the work check on it: 1, or as case.h. */
static int detention_work(struct ctx *c, int64_t detention_id, struct fielderr *fe)
{
	struct case_rec k;
	int64_t case_id = detention_case_of(c, detention_id);

	if (case_id <= 0)
		return case_id < 0 ? -2 : 0;
	return case_for_side(c, case_id, CASE_SIDE_INVESTIGATION, &k, fe);
}

int detention_step_input_valid(struct arena *a, const struct detention_step *in, struct fielderr *fe)
{
	const char *kind = in->kind ? in->kind : "";
	int before = fe->n;

	if (!label_of(detention_ext_kinds, kind))
		fielderr_add(fe, "kind", "请选择延长、再延长或重新计算");
	/* every step, the recalculation included, names who approved it */
	else if (!in->approver || !*in->approver)
		fielderr_add(fe, "approver", "请填写批准机关");
	else if (!strcmp(kind, "national") && !in->ten_years)
		fielderr_add(fe, "ten_years", "再延长仅适用于可能判处十年有期徒刑以上刑罚的案件，请确认");
	fielderr_len(a, fe, "approver", "批准机关", in->approver, 100);
	fielderr_len(a, fe, "note", "说明", in->note, 500);
	return fe->n == before;
}

int64_t detention_extend(struct ctx *c, int64_t detention_id, const struct detention_step *in,
			 struct fielderr *fe)
{
	struct det_arg da = { .c = c, .fe = fe };
	const char *kind = in->kind ? in->kind : "";
	int rc = detention_work(c, detention_id, fe);

	if (rc != 1)
		return rc;
	if (!detention_step_input_valid(c->a, in, fe))
		return -1;
	da.e.detention_id = detention_id;
	da.e.kind = kind;
	da.e.approved = in->approved ? in->approved : "";
	da.e.approver = in->approver;
	da.e.note = in->note ? in->note : "";
	da.e.ten_years = !strcmp(kind, "national") && in->ten_years;
	if (store_tx(c->db, extend_tx, &da) < 0)
		return fe->n ? RES_INVALID : RES_STORE;   /* refused, or the store failed */
	return da.id;
}

int detention_notify(struct ctx *c, int64_t detention_id, const char *party, const char *at,
		     const char *note, struct fielderr *fe)
{
	struct det_arg da = { .c = c, .fe = fe };
	int rc = detention_work(c, detention_id, fe);

	if (rc != 1)
		return rc;
	if (!detention_notice_valid(c, NULL, party, at, note, fe))
		return -1;
	da.e.detention_id = detention_id;
	da.e.approved = moment_text(c->a, moment_parse(at));
	da.e.note = note ? note : "";
	da.party = party;
	if (store_tx(c->db, notice_tx, &da) < 0)
		return fe->n ? RES_INVALID : RES_STORE;   /* refused, or the store failed */
	return 1;
}

/* ---- end ----------------------------------------------------------------------------- */

static int end_tx(struct store *s, void *arg)
{
	struct det_arg *da = arg;
	struct ctx *c = da->c;

	if (store_detention_get(s, c->a, da->e.detention_id, &da->d) != 1)
		return -1;
	if (da->d.end_day) {
		fielderr_add(da->fe, "state", "留置已解除");
		return -1;
	}
	if (!case_day_ok(c, da->fe, "day", da->e.approved, da->d.start_day, "留置开始日"))
		return -1;
	if (store_detention_set(s, da->d.id, da->d.due_day, da->e.approved) < 0)
		return -1;
	return case_record_named(c, da->d.case_id, AEV_DETENTION_END, "解除留置",
				 arena_printf(c->a, "解除留置：%s", da->d.person_name),
				 arena_printf(c->a, "%s 解除", da->e.approved));
}

int detention_end(struct ctx *c, int64_t detention_id, const char *day, struct fielderr *fe)
{
	struct det_arg da = { .c = c, .fe = fe };
	int rc = detention_work(c, detention_id, fe);

	if (rc != 1)
		return rc;
	da.e.detention_id = detention_id;
	da.e.approved = day ? day : "";
	if (store_tx(c->db, end_tx, &da) < 0)
		return fe->n ? RES_INVALID : RES_STORE;   /* refused, or the store failed */
	return 1;
}

int64_t detention_case_of(struct ctx *c, int64_t detention_id)
{
	struct detention d;
	int rc = store_detention_get(c->db, c->a, detention_id, &d);

	return rc == 1 ? d.case_id : res_from_store(rc);
}

/* ---- the home page ---------------------------------------------------------------- */

/* The home page (todo.h): the detentions whose family or unit has not yet
 * been notified, of the cases the actor is on the team of (every case for
 * case_sees_all), due the day after the announcement, in the state of the
 * hour clock. */
static int notice_todo(struct ctx *c, struct todo_acc *acc)
{
	struct detention *v;
	const char **office, **unit;
	int n = store_notice_clocks(c->db, c->a, case_sees_all(c) ? 0 : c->who.id, &v, &office, &unit);

	for (int i = 0; i < n; i++) {
		const char *due = detention_notice_due(c, &v[i]);
		struct todo *t;
		if (!*due)
			continue;
		t = todo_add_clock(c, acc, "detention", "留置通知家属和单位（24小时）",
				   date_parse(v[i].start_day), date_parse(arena_strndup(c->a, due, 10)));
		if (!t)
			continue;
		t->state = detention_notice_state(c, &v[i], due);
		t->office = office[i];
		if (!todo_counted(c, acc, t))
			continue;
		t->object = arena_printf(c->a, "案件 %" PRId64 "（%s，%s，%s前）", v[i].case_id, unit[i],
					 v[i].person_name, due);
		t->href = arena_printf(c->a, "/cases/%" PRId64, v[i].case_id);
	}
	return n < 0 ? -1 : 0;
}
QF_TODO_PROVIDER(detention_notice_provider, 39, PERM_CASE_READ, notice_todo);

/* ---- statistics (DOMAIN.md section 6; docs/statistics.md) ---- */

static const struct metric_def metric_detained = {
	.key = "detained",
	.zh = "留置",
	.en = "persons whose detention started in the period",
	.kind = METRIC_COUNT,
	.order = 70,
	.scopes = Q_METRIC_DETENTION_SCOPES,
	.compute = store_metric_detained,
	.list = "/detentions?" };
QF_METRIC(&metric_detained);

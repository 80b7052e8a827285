/*
 * detention.c: 留置 of a case's subject: start, the extensions and the
 * recalculation, the end.  The due day is computed here from the limits
 * in clock_limits (read inside the transaction) and stored with the
 * detention; the extensions keep the months they added.
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
#include "store/q_cases.h"

/* the audit events this file writes (audit_events.h) */
QF_AUDIT_EVENT(DETENTION_START, "detention_start", "留置");
QF_AUDIT_EVENT(DETENTION_EXTEND, "detention_extend", "延长留置");
QF_AUDIT_EVENT(DETENTION_END, "detention_end", "解除留置");

/* the codes of its fields and their Chinese names (labels.h) */
const struct label detention_ext_kinds[] = {
	{ "extension", "延长（上一级批准）" },
	{ "national", "再延长（国家监委批准）" },
	{ "recalc", "重新计算" },
	{ NULL, NULL }
};

/* The clock_limits code of each kind of step. */
static const char *limit_of(const char *kind)
{
	return !strcmp(kind, "extension") ? "detention_extension"
	     : !strcmp(kind, "national") ? "detention_extension_national" : "detention";
}

struct det_arg {
	struct ctx *c;
	struct detention d;
	struct detention_ext e;
	struct fielderr *fe;
	int64_t id;
};

/* The limit `code`, or a message in fe. */
static const struct clock_limit *limit_load(struct det_arg *da, struct store *s, const char *code)
{
	struct clock_table t;
	const struct clock_limit *l;

	if (clock_table_load(s, da->c->a, &t) < 0)
		return NULL;
	l = clock_find(&t, code);
	if (!l)
		fielderr_add(da->fe, "state", arena_printf(da->c->a, "未配置期限（clock_limits: %s）", code));
	return l;
}

static const char *day_text(struct ctx *c, qf_day d)
{
	char buf[11];
	return arena_strdup(c->a, date_format(d, buf));
}

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
	const struct clock_limit *lim;
	struct case_rec k;

	if (store_case_get(s, c->a, da->d.case_id, &k) != 1)
		return -1;
	if (strcmp(k.state, "investigating")) {
		fielderr_add(da->fe, "state", "只有审查调查中的案件可以采取留置措施");
		return -1;
	}
	if (!case_day_ok(c, da->fe, "start", da->d.start_day, k.filed, "立案日期") || !may_detain(da, s))
		return -1;
	lim = limit_load(da, s, "detention");
	if (!lim)
		return -1;
	da->d.due_day = day_text(c, clock_due(c->cal, lim, date_parse(da->d.start_day)));
	da->id = store_detention_insert(s, c->cfg->region, &da->d, c->who.id, c->now);
	if (da->id < 0)
		return -1;
	return case_record_named(c, k.id, AEV_DETENTION_START, "留置",
				 arena_printf(c->a, "留置：%s", da->d.person_name),
				 arena_printf(c->a, "自 %s 起，期限至 %s", da->d.start_day, da->d.due_day));
}

int64_t detention_start(struct ctx *c, int64_t case_id, int64_t person_id, const char *day,
			struct fielderr *fe)
{
	struct det_arg da = { .c = c, .fe = fe };
	struct case_rec k;
	int rc = case_for_work(c, case_id, &k, fe);

	if (rc != 1)
		return rc;
	da.d.case_id = case_id;
	da.d.person_id = person_id;
	da.d.start_day = day;
	if (store_tx(c->db, start_tx, &da) < 0)
		return fe->n ? RES_INVALID : RES_STORE;   /* refused, or the store failed */
	return da.id;
}

/* ---- extension, national extension, recalculation ------------------------------------ */

/* Whether this kind may follow the steps taken so far: 1, or 0 with fe;
 * *base gets the day the clock last (re)started. */
static int ext_allowed(struct det_arg *da, const struct detention_ext *v, int n, const char **base)
{
	int ext = 0, nat = 0, recalc = 0;
	const char *kind = da->e.kind;

	*base = da->d.start_day;
	for (int i = 0; i < n; i++) {
		ext += !strcmp(v[i].kind, "extension");
		nat += !strcmp(v[i].kind, "national");
		if (!strcmp(v[i].kind, "recalc")) {
			recalc++;
			*base = v[i].approved;
		}
	}
	if (!strcmp(kind, "extension") && ext)
		fielderr_add(da->fe, "kind", "留置期限只能延长一次");
	else if (!strcmp(kind, "national") && !ext)
		fielderr_add(da->fe, "kind", "须先经上一级批准延长，才能报国家监委批准再延长");
	else if (!strcmp(kind, "national") && nat)
		fielderr_add(da->fe, "kind", "国家监委批准的再延长只能一次");
	else if (!strcmp(kind, "recalc") && recalc)
		fielderr_add(da->fe, "kind", "留置期限只能重新计算一次");
	return !da->fe->n;
}

static int extend_tx(struct store *s, void *arg)
{
	struct det_arg *da = arg;
	struct ctx *c = da->c;
	const struct clock_limit *lim;
	struct detention_ext *v;
	const char *base;
	qf_day due;
	int n;

	if (store_detention_get(s, c->a, da->e.detention_id, &da->d) != 1)
		return -1;
	n = store_detention_exts(s, c->a, 0, da->d.id, &v);
	if (n < 0)
		return -1;
	if (da->d.end_day) {
		fielderr_add(da->fe, "state", "留置已解除");
		return -1;
	}
	if (!ext_allowed(da, v, n, &base) ||
	    !case_day_ok(c, da->fe, "approved", da->e.approved, base, "留置期限起算日"))
		return -1;
	if (strcmp(da->e.kind, "recalc") && strcmp(da->e.approved, da->d.due_day) > 0) {
		fielderr_add(da->fe, "approved", arena_printf(c->a, "延长须在留置期限（%s）届满前批准",
							      da->d.due_day));
		return -1;
	}
	lim = limit_load(da, s, limit_of(da->e.kind));
	if (!lim)
		return -1;
	due = clock_due(c->cal, lim, date_parse(strcmp(da->e.kind, "recalc") ? da->d.due_day
								       : da->e.approved));
	da->e.months = lim->amount;
	da->id = store_detention_ext_insert(s, &da->e, c->who.id, c->now);
	if (da->id < 0 || store_detention_set(s, da->d.id, day_text(c, due), NULL) < 0)
		return -1;
	return case_record_named(c, da->d.case_id, AEV_DETENTION_EXTEND,
				 arena_printf(c->a, "留置%s", label_of(detention_ext_kinds, da->e.kind)),
				 arena_printf(c->a, "留置%s：%s", label_of(detention_ext_kinds, da->e.kind),
					      da->d.person_name),
				 arena_printf(c->a, "%s %s 批准，期限至 %s。%s", da->e.approved, da->e.approver,
					      day_text(c, due), da->e.note));
}

/* The case of a detention and the work check on it: 1, or as case.h. */
static int detention_work(struct ctx *c, int64_t detention_id, struct fielderr *fe)
{
	struct case_rec k;
	int64_t case_id = detention_case_of(c, detention_id);

	if (case_id <= 0)
		return case_id < 0 ? -2 : 0;
	return case_for_work(c, case_id, &k, fe);
}

int64_t detention_extend(struct ctx *c, int64_t detention_id, const char *kind, const char *approved,
			 const char *approver, const char *note, struct fielderr *fe)
{
	struct det_arg da = { .c = c, .fe = fe };
	int rc = detention_work(c, detention_id, fe);

	if (rc != 1)
		return rc;
	if (!label_of(detention_ext_kinds, kind ? kind : ""))
		fielderr_add(fe, "kind", "请选择延长、再延长或重新计算");
	else if (strcmp(kind, "recalc") && (!approver || !*approver))
		fielderr_add(fe, "approver", "请填写批准机关");
	if (approver && utf8_len(approver) > 100)
		fielderr_add(fe, "approver", "批准机关不能超过100字");
	if (note && utf8_len(note) > 500)
		fielderr_add(fe, "note", "说明不能超过500字");
	if (fe->n)
		return -1;
	da.e.detention_id = detention_id;
	da.e.kind = kind;
	da.e.approved = approved ? approved : "";
	da.e.approver = approver ? approver : "";
	da.e.note = note ? note : "";
	if (store_tx(c->db, extend_tx, &da) < 0)
		return fe->n ? RES_INVALID : RES_STORE;   /* refused, or the store failed */
	return da.id;
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

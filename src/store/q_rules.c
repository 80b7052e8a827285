/* q_rules.c: the rules kept as data: influence periods and the form table
 * (both effective-dated, 0018), clock limits with their versions (0021);
 * every rule table staff edit, read and written alike (store_rule_rows,
 * store_rule_put);
 * and the running clocks whose stored due days are computed again from
 * them (the trial reviews, clock_fill.c). */
#include "store/q_rules.h"
#include "store/q_util.h"

#include <stdlib.h>
#include <string.h>


static const struct store_sql Q_PERIODS = {
	"SELECT measure, months, stated, extra_months, permanent, valid_from, source "
	"FROM influence_periods ORDER BY measure, valid_from", NULL };
static const struct store_sql Q_FORMS = {
	"SELECT f.measure, f.valid_from, f.form, f.source, "
	"COALESCE(NULLIF(u.display_name, ''), u.name, ''), f.created_at "
	"FROM form_rules f LEFT JOIN users u ON u.id = f.created_by ORDER BY f.measure, f.valid_from", NULL };
/* each clock's undated limit, then its versions by effective_from */
static const struct store_sql Q_CLOCKS = {
	"SELECT clock, amount, unit, label, rest_day_moves, NULL, '' FROM clock_limits "
	"UNION ALL SELECT v.clock, v.amount, v.unit, c.label, c.rest_day_moves, v.effective_from, v.source "
	"FROM clock_limit_versions v JOIN clock_limits c ON c.clock = v.clock "
	"ORDER BY 1, 6 NULLS FIRST", NULL };

int store_sanction_periods(struct store *s, struct arena *a, struct period_rule **out)
{
	struct store_stmt *st = store_prepare(s, &Q_PERIODS);
	struct period_rule *v = NULL;
	int rc, n = 0, cap = 0;

	*out = NULL;
	if (!st)
		return STORE_ERR;
	while ((rc = store_step(st)) == STORE_ROW) {
		struct period_rule *r = arena_push(a, &v, &cap, n++, sizeof(*v));
		r->measure = q_text(a, st, 0);
		r->months = (int)store_col_int(st, 1);
		r->stated = (int)store_col_int(st, 2);
		r->extra_months = (int)store_col_int(st, 3);
		r->permanent = (int)store_col_int(st, 4);
		r->valid_from = q_text(a, st, 5);
		r->source = q_text(a, st, 6);
	}
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
}

int store_form_rules(struct store *s, struct arena *a, struct form_rule **out)
{
	struct store_stmt *st = store_prepare(s, &Q_FORMS);
	struct form_rule *v = NULL;
	int rc, n = 0, cap = 0;

	*out = NULL;
	if (!st)
		return STORE_ERR;
	while ((rc = store_step(st)) == STORE_ROW) {
		struct form_rule *r = arena_push(a, &v, &cap, n++, sizeof(*v));
		r->measure = q_text(a, st, 0);
		r->valid_from = q_text(a, st, 1);
		r->form = (int)store_col_int(st, 2);
		r->source = q_text(a, st, 3);
		r->user_name = q_text(a, st, 4);
		r->created_at = store_col_int(st, 5);
	}
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
}

/* ---- the rule tables as the pages edit them (model/rules.h) ---------------- */

/* One table: its list (the value columns, the date, the source, who and
 * when, by key then date), the removal of a version not yet in force and
 * the insertion of a version.  types: 't' text or 'i' integer per value
 * column, keys first. */
struct rule_sql {
	const char *types;
	int nkeys;
	struct store_sql list, del, put;
};

#define RULE_WHO "COALESCE(NULLIF(u.display_name, ''), u.name, ''), t.created_at "
#define RULE_LIST(cols, date, table, keys) \
	{ "SELECT " cols ", t." date ", t.source, " RULE_WHO "FROM " table " t " \
	  "LEFT JOIN users u ON u.id = t.created_by ORDER BY " keys ", t." date, NULL }

static const struct rule_sql rule_sql[RULES_N] = {
	[RULES_FORMS] = { "ti", 1,
		RULE_LIST("t.measure, t.form", "valid_from", "form_rules", "t.measure"),
		{ "DELETE FROM form_rules WHERE measure = ? AND valid_from = ?", NULL },
		{ "INSERT INTO form_rules(measure, form, valid_from, source, created_by, created_at) "
		  "VALUES (?, ?, ?, ?, ?, ?)", NULL } },
	[RULES_PERIODS] = { "tiiii", 1,
		RULE_LIST("t.measure, t.months, t.stated, t.extra_months, t.permanent", "valid_from",
			  "influence_periods", "t.measure"),
		{ "DELETE FROM influence_periods WHERE measure = ? AND valid_from = ?", NULL },
		{ "INSERT INTO influence_periods(measure, months, stated, extra_months, permanent, valid_from, "
		  "source, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", NULL } },
	[RULES_CLOCKS] = { "tit", 1,
		RULE_LIST("t.clock, t.amount, t.unit", "effective_from", "clock_limit_versions", "t.clock"),
		{ "DELETE FROM clock_limit_versions WHERE clock = ? AND effective_from = ?", NULL },
		{ "INSERT INTO clock_limit_versions(clock, amount, unit, effective_from, source, created_by, "
		  "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", NULL } },
	[RULES_DETENTION] = { "tittt", 1,
		RULE_LIST("t.step, t.amount, t.unit, t.min_level, t.approver", "effective_from",
			  "detention_limits", "t.step"),
		{ "DELETE FROM detention_limits WHERE step = ? AND effective_from = ?", NULL },
		{ "INSERT INTO detention_limits(step, amount, unit, min_level, approver, effective_from, source, "
		  "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", NULL } },
	[RULES_JURISDICTION] = { "tti", 2,
		RULE_LIST("t.level, t.rank, t.up", "valid_from", "jurisdiction_rules", "t.level, t.rank"),
		{ "DELETE FROM jurisdiction_rules WHERE level = ? AND rank = ? AND valid_from = ?", NULL },
		{ "INSERT INTO jurisdiction_rules(level, rank, up, valid_from, source, created_by, created_at) "
		  "VALUES (?, ?, ?, ?, ?, ?, ?)", NULL } },
};

int store_rule_rows(struct store *s, struct arena *a, enum rule_table_id t, struct rule_row **out)
{
	const struct rule_sql *q = &rule_sql[t];
	struct store_stmt *st = store_prepare(s, &q->list);
	int nv = (int)strlen(q->types), rc, n = 0, cap = 0;
	struct rule_row *v = NULL;

	*out = NULL;
	if (!st)
		return STORE_ERR;
	while ((rc = store_step(st)) == STORE_ROW) {
		struct rule_row *r = arena_push(a, &v, &cap, n++, sizeof(*v));
		memset(r, 0, sizeof(*r));
		for (int i = 0; i < nv; i++)
			r->v[i] = q_text(a, st, i);
		r->valid_from = q_text(a, st, nv);
		r->source = q_text(a, st, nv + 1);
		r->user_name = q_text(a, st, nv + 2);
		r->created_at = store_col_int(st, nv + 3);
	}
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
}

int store_rule_put(struct store *s, enum rule_table_id t, const struct rule_row *r, int64_t user_id,
		   int64_t now)
{
	const struct rule_sql *q = &rule_sql[t];
	struct store_stmt *st = store_prepare(s, &q->del);
	int nv = (int)strlen(q->types), k = 1;

	if (!st)
		return STORE_ERR;
	for (int i = 0; i < q->nkeys; i++)
		store_bind_text(st, k++, r->v[i]);
	store_bind_text(st, k, r->valid_from);
	if (store_exec(st) < 0 || !(st = store_prepare(s, &q->put)))
		return STORE_ERR;
	for (k = 1; k <= nv; k++) {
		if (q->types[k - 1] == 'i')
			store_bind_int(st, k, strtoll(r->v[k - 1], NULL, 10));
		else
			store_bind_text(st, k, r->v[k - 1]);
	}
	store_bind_text(st, k++, r->valid_from);
	store_bind_text(st, k++, r->source);
	q_bind_id(st, k++, user_id);
	store_bind_int(st, k, now);
	return store_exec(st) < 0 ? STORE_ERR : 1;
}

int store_clock_limits(struct store *s, struct arena *a, struct clock_limit_row **out)
{
	struct store_stmt *st = store_prepare(s, &Q_CLOCKS);
	struct clock_limit_row *v = NULL;
	int rc, n = 0, cap = 0;

	*out = NULL;
	if (!st)
		return STORE_ERR;
	while ((rc = store_step(st)) == STORE_ROW) {
		struct clock_limit_row *c = arena_push(a, &v, &cap, n++, sizeof(*v));
		c->clock = q_text(a, st, 0);
		c->amount = (int)store_col_int(st, 1);
		c->unit = q_text(a, st, 2);
		c->label = q_text(a, st, 3);
		c->rest_day_moves = store_col_int(st, 4) != 0;
		c->from = q_text_or_null(a, st, 5);
		c->source = q_text(a, st, 6);
	}
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
}

static const struct store_sql Q_TRIALS = {
	"SELECT id, trial_accepted FROM cases WHERE state = 'trial' AND trial_accepted IS NOT NULL "
	"ORDER BY id", NULL };
static const struct store_sql Q_SET_TRIAL_DUE = {
	"UPDATE cases SET trial_due = ? WHERE id = ?", NULL };

int store_trials_running(struct store *s, struct arena *a, struct clock_start **out)
{
	struct store_stmt *st = store_prepare(s, &Q_TRIALS);
	struct clock_start *v = NULL;
	int rc, n = 0, cap = 0;

	*out = NULL;
	if (!st)
		return STORE_ERR;
	while ((rc = store_step(st)) == STORE_ROW) {
		struct clock_start *c = arena_push(a, &v, &cap, n++, sizeof(*v));
		c->id = store_col_int(st, 0);
		c->start = q_text(a, st, 1);
	}
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
}

int store_case_set_trial_due(struct store *s, int64_t id, const char *due)
{
	struct store_stmt *st = store_prepare(s, &Q_SET_TRIAL_DUE);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, due);
	store_bind_int(st, 2, id);
	return store_exec(st);
}

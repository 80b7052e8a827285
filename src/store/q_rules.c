/* q_rules.c: the rules kept as data: influence periods and the form table
 * (both effective-dated, 0018), clock limits with their versions (0021);
 * and the running clocks whose stored due days are computed again from
 * them (the trial reviews, clock_fill.c). */
#include "store/q_rules.h"
#include "store/q_util.h"


static const struct store_sql Q_PERIODS = {
	"SELECT measure, months, stated, extra_months, permanent, valid_from, source "
	"FROM influence_periods ORDER BY measure, valid_from", NULL };
static const struct store_sql Q_FORMS = {
	"SELECT f.measure, f.valid_from, f.form, f.source, "
	"COALESCE(NULLIF(u.display_name, ''), u.name, ''), f.created_at "
	"FROM form_rules f LEFT JOIN users u ON u.id = f.created_by ORDER BY f.measure, f.valid_from", NULL };
static const struct store_sql Q_FORM_DEL = {
	"DELETE FROM form_rules WHERE measure = ? AND valid_from = ?", NULL };
static const struct store_sql Q_FORM_PUT = {
	"INSERT INTO form_rules(measure, valid_from, form, source, created_by, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?)", NULL };
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

int store_form_rule_put(struct store *s, const struct form_rule *r, int64_t user_id, int64_t now)
{
	struct store_stmt *st = store_prepare(s, &Q_FORM_DEL);

	if (!st)
		return STORE_ERR;
	store_bind_text(st, 1, r->measure);
	store_bind_text(st, 2, r->valid_from);
	if (store_exec(st) < 0 || !(st = store_prepare(s, &Q_FORM_PUT)))
		return STORE_ERR;
	store_bind_text(st, 1, r->measure);
	store_bind_text(st, 2, r->valid_from);
	store_bind_int(st, 3, r->form);
	store_bind_text(st, 4, r->source);
	q_bind_id(st, 5, user_id);
	store_bind_int(st, 6, now);
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

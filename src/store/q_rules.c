/* q_rules.c: the rules kept as data: sanction periods and clock limits. */
#include "store/q_rules.h"
#include "store/q_util.h"


static const struct store_sql Q_PERIODS = {
	"SELECT measure, months, stated, extra_months, permanent FROM sanction_periods ORDER BY measure",
	NULL };
static const struct store_sql Q_CLOCKS = {
	"SELECT clock, amount, unit, label FROM clock_limits ORDER BY clock", NULL };

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
	}
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
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
	}
	store_reset(st);
	*out = v;
	return rc < 0 ? rc : n;
}

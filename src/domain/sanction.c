/*
 * sanction.c: influence periods.  Months are calendar months
 * (date_add_months clamps to the month's end: 2022-01-31 + 1 month =
 * 2022-02-28).  The end is the first day no longer under the influence.
 */
#include "domain/sanction.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/measures.h"
#include "store/q_rules.h"
#include "store/q_settings.h"

static const struct period_rule *rule_find(const struct period_table *t, const char *measure)
{
	for (int i = 0; i < t->n; i++)
		if (!strcmp(t->rules[i].measure, measure))
			return &t->rules[i];
	return NULL;
}

int period_table_load(struct store *s, struct arena *a, struct period_table *t)
{
	const char *cap;

	memset(t, 0, sizeof(*t));
	t->n = store_sanction_periods(s, a, &t->rules);
	if (t->n < 0)
		return -1;
	t->gov_cap_months = 48;
	if (store_setting_get(s, a, "gov_sanction_cap_months", &cap) == STORE_ROW && atoi(cap) > 0)
		t->gov_cap_months = atoi(cap);
	return 0;
}

static qf_day later(qf_day a, qf_day b)
{
	if (a == QF_DAY_NONE)
		return b;
	if (b == QF_DAY_NONE)
		return a;
	return a > b ? a : b;
}

int outcome_influence(const struct period_table *t, const char *const *codes, int n,
		      qf_day effective, int stated_months, qf_day running_gov_end,
		      struct influence *out)
{
	int any = 0;

	memset(out, 0, sizeof(*out));
	out->start = effective;
	out->end = QF_DAY_NONE;
	out->gov_end = QF_DAY_NONE;
	if (outcome_form(codes, n) < 0 || effective == QF_DAY_NONE)
		return -1;
	for (int i = 0; i < n; i++) {
		const struct measure *m = measure_find(codes[i]);
		const struct period_rule *r = rule_find(t, codes[i]);
		qf_day end;
		int months;

		if (!r)
			continue;       /* no period for this measure */
		any = 1;
		if (r->permanent) {
			out->permanent = 1;
			continue;
		}
		months = r->months;
		if (r->stated) {
			if (stated_months != 12 && stated_months != 24)
				return -1;
			months = stated_months;
		}
		end = date_add_months(effective, months + r->extra_months);
		if (m && m->kind == MEASURE_GOV) {
			qf_day own = date_add_months(effective, months);
			if (running_gov_end != QF_DAY_NONE && running_gov_end > effective) {
				/* the remainder of the running one plus the new period,
				 * at most the cap counted from the new decision */
				qf_day cap = date_add_months(effective, t->gov_cap_months);
				own = date_add_months(running_gov_end, months);
				if (own > cap)
					own = cap;
			}
			out->gov_end = later(out->gov_end, own);
			end = later(end, own);
		}
		out->end = later(out->end, end);
	}
	if (out->permanent)
		out->end = QF_DAY_NONE;
	return any;
}

int influence_running(const struct influence *in, qf_day day)
{
	if (day < in->start)
		return 0;
	return in->permanent || (in->end != QF_DAY_NONE && day < in->end);
}

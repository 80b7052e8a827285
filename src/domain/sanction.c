/*
 * sanction.c: influence periods and the lawfulness of an outcome's
 * measures.  Months are calendar months (date_add_months clamps to the
 * month's end: 2022-01-31 + 1 month = 2022-02-28).  The end is the first
 * day no longer under the influence.
 *
 * Regulations (DOMAIN.md section 3): periods, 政务处分法 art. 8 and the
 * rows' sources; one sanction of each kind and the stated period of
 * several violations, 政务处分法 (DOMAIN.md: art. 15; arts. 9-14 are other
 * matters) and 纪律处分条例 (2023) art. 24 (合并处理: the highest plus one
 * grade, one sanction); party sanctions for party members only, 纪律处分条例
 * (2023);
 * village managers only 警告, 记过, 记大过, 政务处分法 (as DOMAIN.md states
 * it).
 */
#include "domain/sanction.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/measures.h"
#include "store/q_rules.h"

int period_table_load(struct store *s, struct arena *a, struct period_table *t)
{
	memset(t, 0, sizeof(*t));
	t->n = store_sanction_periods(s, a, &t->rules);
	return t->n < 0 ? -1 : 0;
}

const struct period_rule *period_rule_on(const struct period_table *t, const char *code, qf_day day)
{
	const struct period_rule *best = NULL;
	char d[11];

	date_format(day, d);
	for (int i = 0; i < t->n; i++) {
		const struct period_rule *r = &t->rules[i];
		if (strcmp(r->measure, code) || strcmp(r->valid_from, d) > 0)
			continue;
		if (!best || strcmp(r->valid_from, best->valid_from) > 0)
			best = r;
	}
	return best;
}

int outcome_influence(const struct period_table *t, const struct measure_decision *v, int n,
		      struct influence *out)
{
	int any = 0;

	memset(out, 0, sizeof(*out));
	out->start = QF_DAY_NONE;
	out->end = QF_DAY_NONE;
	for (int i = 0; i < n; i++) {
		const struct period_rule *r;
		qf_day end;
		int months;

		if (!measure_find(v[i].code) || v[i].decided == QF_DAY_NONE)
			return -1;
		r = period_rule_on(t, v[i].code, v[i].decided);
		if (!r)
			continue;       /* no period for this measure */
		any = 1;
		if (out->start == QF_DAY_NONE || v[i].decided < out->start)
			out->start = v[i].decided;
		if (r->permanent) {
			out->permanent = 1;
			continue;
		}
		months = r->months;
		if (r->stated) {
			if (v[i].months != 12 && v[i].months != 24)
				return -1;
			months = v[i].months;
		} else if (v[i].months > 0) {
			months = v[i].months;   /* several violations: the stated period */
		}
		end = date_add_months(v[i].decided, months + r->extra_months);
		if (out->end == QF_DAY_NONE || end > out->end)
			out->end = end;
	}
	if (out->permanent)
		out->end = QF_DAY_NONE;
	return any;
}

int influence_running(const struct influence *in, qf_day day)
{
	if (in->start == QF_DAY_NONE || day < in->start)
		return 0;
	return in->permanent || (in->end != QF_DAY_NONE && day < in->end);
}

/* The government sanctions a village manager may receive. */
static int village_allowed(const char *code)
{
	return !strcmp(code, "gov_warning") || !strcmp(code, "gov_demerit") ||
	       !strcmp(code, "gov_major_demerit");
}

/* The stated period of a government sanction for several violations. */
static void check_stated(struct arena *a, const struct period_table *t, const struct measure_decision *d,
			 const struct measure *m, struct fielderr *fe)
{
	const struct period_rule *r = d->decided == QF_DAY_NONE ? NULL : period_rule_on(t, d->code, d->decided);
	int own, most;

	if (d->violations < 1) {
		fielderr_add(fe, "gov_violations", "违法行为数应为正整数");
		return;
	}
	if (!r || r->permanent || r->stated || r->months <= 0) {
		if (d->months)
			fielderr_add(fe, "gov_months", arena_printf(a, "“%s”没有处分期间，不能填写处分期", m->label));
		return;
	}
	own = r->months;
	most = own * d->violations;
	if (most > SANCTION_MAX_STATED)
		most = SANCTION_MAX_STATED;
	if (d->violations == 1) {
		if (d->months && d->months != own)
			fielderr_add(fe, "gov_months", arena_printf(a, "只有一个违法行为时，“%s”的处分期为%d个月", m->label, own));
	} else if (d->months < own || d->months > most) {
		fielderr_add(fe, "gov_months",
			     arena_printf(a, "%d个同类违法行为合并给予“%s”：处分期应在%d个月至%d个月之间（最长四十八个月）",
					  d->violations, m->label, own, most));
	}
}

void sanction_rules_check(struct arena *a, const struct period_table *t, const struct measure_decision *v,
			  int n, const struct sanction_subject *who, struct fielderr *fe)
{
	const struct measure *party = NULL, *gov = NULL;

	for (int i = 0; i < n; i++) {
		const struct measure *m = measure_find(v[i].code);
		if (!m)
			continue;       /* the caller names unknown codes */
		if (m->kind == MEASURE_PARTY) {
			if (party)
				fielderr_add(fe, "measures", arena_printf(a, "一个处理结果只能给予一项党纪处分：“%s”和“%s”不能同时给予，"
					     "多个违纪行为应合并处理，按其中最高处分加重一档给予一项处分"
					     "（《中国共产党纪律处分条例》第二十四条）", party->label, m->label));
			else if (!who->party_member)
				fielderr_add(fe, "measures", arena_printf(a, "“%s”是党纪处分，只能给予中共党员；该人员不是党员",
								       m->label));
			party = party ? party : m;
		} else if (m->kind == MEASURE_GOV) {
			if (gov)
				fielderr_add(fe, "measures", arena_printf(a, "一个处理结果只能给予一项政务处分：“%s”和“%s”不能同时给予，"
					     "多个违法行为应合并给予其中最重的处分", gov->label, m->label));
			else if (who->rank && !strcmp(who->rank, "village") && !village_allowed(m->code))
				fielderr_add(fe, "measures", arena_printf(a, "对村民委员会等基层群众性自治组织中从事管理的人员，"
					     "只能给予政务警告、记过或者记大过，不能给予“%s”", m->label));
			else
				check_stated(a, t, &v[i], m, fe);
			gov = gov ? gov : m;
		} else if (v[i].violations > 1 || v[i].months) {
			fielderr_add(fe, "gov_months", "只有政务处分可以注明合并的违法行为数和处分期");
		}
	}
}

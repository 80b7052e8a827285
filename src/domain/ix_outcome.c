/*
 * ix_outcome.c: what an imported outcome computes instead of reading it:
 * its form and `sanctioned` from its measures (measures.h), its
 * influence period's end (sanction.h) counted from its date, with the
 * person's earlier government sanctions running into it (the cap).
 */
#include "domain/interchange.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/ctx.h"
#include "domain/measures.h"
#include "domain/sanction.h"
#include "store/q_interchange.h"

#define PROBATION_DEFAULT 12    /* 留党察看 without stated months: one year */

/* Folds the person's earlier outcomes, one group of measure rows each,
 * into the end of the government-sanction period running at the end. */
struct prior {
	const struct period_table *t;
	struct arena *a;
	int64_t id;
	qf_day day;
	int months;
	const char *codes[IX_MAX_LIST];
	int n;
	qf_day gov_end;
};

static void prior_close(struct prior *p)
{
	struct influence inf;

	if (p->n && outcome_influence(p->t, p->codes, p->n, p->day, p->months, p->gov_end, &inf) == 1 &&
	    inf.gov_end != QF_DAY_NONE && (p->gov_end == QF_DAY_NONE || inf.gov_end > p->gov_end))
		p->gov_end = inf.gov_end;
	p->n = 0;
}

static int prior_row(void *arg, int ncols, const char *const *col)
{
	struct prior *p = arg;
	int64_t id = strtoll(col[0], NULL, 10);

	if (id != p->id) {
		prior_close(p);
		p->id = id;
		p->day = date_parse(col[1]);
		p->months = atoi(col[2]);
	}
	if (p->n < IX_MAX_LIST)
		p->codes[p->n++] = arena_strdup(p->a, col[3]);
	return 0;
}

static int running_gov_end(struct ix *ix, int64_t person, const char *day, qf_day *out)
{
	struct ctx *c = ix_ctx(ix);
	struct prior p = { .t = ix_periods(ix), .a = c->a, .gov_end = QF_DAY_NONE };

	if (!p.t || store_ix_prior_measures(c->db, person, day, prior_row, &p) < 0)
		return -1;
	prior_close(&p);
	*out = p.gov_end;
	return 0;
}

static void set(struct ix_val *v, int64_t i, const char *s)
{
	v->set = 1;
	v->i = i;
	v->s = s;
}

int ix_outcome_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	struct ix_val *measures = &v[ix_field(ix, "measures")], *months = &v[ix_field(ix, "probation_months")];
	const char *day = v[ix_field(ix, "date")].s;
	int64_t person = v[ix_field(ix, "person")].i, unit;
	int probation = 0, form, rc;
	struct influence inf;
	qf_day gov_end;
	char buf[11];

	if (v[ix_field(ix, "case")].set == v[ix_field(ix, "clue")].set)
		return ix_fail(ix, "case", "exactly one of case and clue is required");
	for (int i = 0; i < measures->n; i++) {
		if (!measure_find(measures->codes[i]))
			return ix_fail(ix, "measures", "\"%s\" is not a measure (DOMAIN.md section 3)",
				       measures->codes[i]);
		probation |= !strcmp(measures->codes[i], "party_probation");
	}
	form = outcome_form(measures->codes, measures->n);
	if (form < 1)
		return ix_fail(ix, "measures", "a measure is given twice");
	if (!probation)
		months->set = 0;
	else if (!months->set)
		set(months, PROBATION_DEFAULT, NULL);
	else if (months->i != 12 && months->i != 24)
		return ix_fail(ix, "probation_months", "party_probation lasts 12 or 24 months");
	if (running_gov_end(ix, person, day, &gov_end) < 0)
		return -1;
	rc = outcome_influence(ix_periods(ix), measures->codes, measures->n, date_parse(day),
			       probation ? (int)months->i : 0, gov_end, &inf);
	if (rc < 0)
		return ix_fail(ix, "measures", "no influence period can be computed for these measures");
	if (rc == 1 && inf.permanent)
		set(&v[ix_field(ix, "bar_until")], 0, "9999-12-31");
	else if (rc == 1 && inf.end != QF_DAY_NONE)
		set(&v[ix_field(ix, "bar_until")], 0, arena_strdup(c->a, date_format(inf.end, buf)));
	set(&v[ix_field(ix, "form")], form, NULL);
	set(&v[ix_field(ix, "sanctioned")], outcome_has_sanction(measures->codes, measures->n), NULL);
	set(&v[ix_field(ix, "effective")], 0, day);
	unit = ix_person_unit(ix, person);
	if (unit < 0)
		return -1;
	set(&v[ix_field(ix, "unit_id")], unit, NULL);
	return 0;
}

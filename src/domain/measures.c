/*
 * measures.c: the measure table of DOMAIN.md section 3, the form table
 * read from form_rules (effective-dated data), and the form of an outcome.
 * The Chinese labels are the terms of the regulations; the codes are those
 * of INTERCHANGE.md.
 *
 * Guarantees: the form of a measure on a day is the row of form_rules in
 * force that day; a change of the table starts today or later, so the form
 * of an outcome decided before it never changes; each change is audited
 * with the write (domain/rule_tables.c).
 */
#include "domain/measures.h"

#include <string.h>

#include "core/arena.h"
#include "domain/audit.h"
#include "domain/ctx.h"
#include "domain/result.h"
#include "store/q_rules.h"


const struct measure measure_table[] = {
	{ "talk_reminder", "谈话提醒", MEASURE_OTHER, 0 },
	{ "criticism", "批评教育", MEASURE_OTHER, 0 },
	{ "self_examination", "责令检查", MEASURE_OTHER, 0 },
	{ "admonishment", "诫勉", MEASURE_OTHER, 0 },
	{ "notified_criticism", "通报批评", MEASURE_OTHER, 0 },
	{ "public_apology", "责令公开道歉（检讨）", MEASURE_OTHER, 0 },
	{ "inquiry_closed", "谈话函询后了结", MEASURE_OTHER, 0 },
	{ "verification_closed", "初核后了结（面对面）", MEASURE_OTHER, 0 },
	{ "party_warning", "警告", MEASURE_PARTY, 1 },
	{ "party_serious_warning", "严重警告", MEASURE_PARTY, 2 },
	{ "gov_warning", "政务警告", MEASURE_GOV, 1 },
	{ "gov_demerit", "记过", MEASURE_GOV, 2 },
	{ "gov_major_demerit", "记大过", MEASURE_GOV, 3 },
	{ "gov_demotion", "降级", MEASURE_GOV, 4 },
	{ "suspension", "停职检查", MEASURE_OTHER, 0 },
	{ "post_adjustment", "调整职务", MEASURE_OTHER, 0 },
	{ "ordered_resignation", "责令辞职", MEASURE_OTHER, 0 },
	{ "post_removal", "免职", MEASURE_OTHER, 0 },
	{ "party_post_removal", "撤销党内职务", MEASURE_PARTY, 3 },
	{ "party_probation", "留党察看", MEASURE_PARTY, 4 },
	{ "party_expulsion", "开除党籍", MEASURE_PARTY, 5 },
	{ "gov_removal", "撤职", MEASURE_GOV, 5 },
	{ "gov_dismissal", "开除", MEASURE_GOV, 6 },
	{ "rank_demotion", "降职", MEASURE_OTHER, 0 },
	{ "criminal_transfer", "严重违纪涉嫌犯罪，追究刑事责任", MEASURE_CRIMINAL, 0 },
	{ NULL, NULL, MEASURE_OTHER, 0 }
};

const struct measure *measure_find(const char *code)
{
	if (!code)
		return NULL;
	for (const struct measure *m = measure_table; m->code; m++)
		if (!strcmp(m->code, code))
			return m;
	return NULL;
}

int form_table_load(struct store *s, struct arena *a, struct form_table *t)
{
	memset(t, 0, sizeof(*t));
	t->n = store_form_rules(s, a, &t->rules);
	return t->n < 0 ? -1 : 0;
}

int form_table_read(struct ctx *c, struct form_table *t)
{
	return form_table_load(c->db, c->a, t);
}

int form_of_measure(const struct form_table *t, const char *code, qf_day day)
{
	const char *best = NULL;
	int form = 0;
	char d[11];

	date_format(day, d);
	for (int i = 0; i < t->n; i++) {
		const struct form_rule *r = &t->rules[i];
		if (strcmp(r->measure, code) || strcmp(r->valid_from, d) > 0)
			continue;
		if (!best || strcmp(r->valid_from, best) > 0) {
			best = r->valid_from;
			form = r->form;
		}
	}
	return form;
}

int outcome_form(const struct form_table *t, const char *const *codes, int n, qf_day day)
{
	int form = 0;

	for (int i = 0; i < n; i++) {
		int f = measure_find(codes[i]) ? form_of_measure(t, codes[i], day) : 0;
		if (f < 1)
			return -1;
		for (int j = 0; j < i; j++)
			if (!strcmp(codes[j], codes[i]))
				return -1;
		if (f > form)
			form = f;
	}
	return form;
}

int outcome_has_sanction(const char *const *codes, int n)
{
	for (int i = 0; i < n; i++) {
		const struct measure *m = measure_find(codes[i]);
		if (m && (m->kind == MEASURE_PARTY || m->kind == MEASURE_GOV))
			return 1;
	}
	return 0;
}

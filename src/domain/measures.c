/*
 * measures.c: the measure table of DOMAIN.md section 3 and the form of an
 * outcome.  The Chinese labels are the terms of the regulations; the codes
 * are those of INTERCHANGE.md.
 */
#include "domain/measures.h"

#include <string.h>

const struct measure measure_table[] = {
	{ "talk_reminder", "谈话提醒", 1, MEASURE_OTHER },
	{ "criticism", "批评教育", 1, MEASURE_OTHER },
	{ "self_examination", "责令检查", 1, MEASURE_OTHER },
	{ "admonishment", "诫勉", 1, MEASURE_OTHER },
	{ "party_warning", "警告", 2, MEASURE_PARTY },
	{ "party_serious_warning", "严重警告", 2, MEASURE_PARTY },
	{ "gov_warning", "政务警告", 2, MEASURE_GOV },
	{ "gov_demerit", "记过", 2, MEASURE_GOV },
	{ "gov_major_demerit", "记大过", 2, MEASURE_GOV },
	{ "suspension", "停职检查", 2, MEASURE_OTHER },
	{ "post_adjustment", "调整职务", 2, MEASURE_OTHER },
	{ "ordered_resignation", "责令辞职", 2, MEASURE_OTHER },
	{ "post_removal", "免职", 2, MEASURE_OTHER },
	{ "rank_demotion", "降职", 2, MEASURE_OTHER },
	{ "party_post_removal", "撤销党内职务", 3, MEASURE_PARTY },
	{ "party_probation", "留党察看", 3, MEASURE_PARTY },
	{ "party_expulsion", "开除党籍", 3, MEASURE_PARTY },
	{ "gov_demotion", "降级", 3, MEASURE_GOV },
	{ "gov_removal", "撤职", 3, MEASURE_GOV },
	{ "gov_dismissal", "开除", 3, MEASURE_GOV },
	{ "criminal_transfer", "严重违纪涉嫌违法犯罪，移送追究刑事责任", 4, MEASURE_CRIMINAL },
	{ NULL, NULL, 0, MEASURE_OTHER }
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

int outcome_form(const char *const *codes, int n)
{
	int form = 0;

	for (int i = 0; i < n; i++) {
		const struct measure *m = measure_find(codes[i]);
		if (!m)
			return -1;
		for (int j = 0; j < i; j++)
			if (!strcmp(codes[j], codes[i]))
				return -1;
		if (m->form > form)
			form = m->form;
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

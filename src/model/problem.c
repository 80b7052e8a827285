/*
 * model/problem.c: the query arguments of the rectification ledger
 * (model/problem.h), read by http/filter.c for the page and the API.
 * The source choices follow problem_sources (domain/problem.c) in order.
 */
#include "model/problem.h"

#include <stddef.h>

static const struct filter_choice sources[] = {
	{ "inspection", 1 }, { "political", 2 }, { "campaign", 3 }, { "spot_check", 4 }, { "cross_check", 5 },
	{ "case_review", 6 }, { "resident", 7 }, { "rating", 8 }, { "other", 9 }, { NULL, 0 },
};
static const struct filter_choice states[] = {
	{ "open", 1 }, { "rectifying", 2 }, { "rectified", 3 }, { "confirmed", 4 }, { NULL, 0 },
};
static const struct filter_choice natures[] = { { "common", 1 }, { "individual", 2 }, { NULL, 0 } };
static const struct filter_choice sheets[] = { { "source", 0 }, { "unit", 1 }, { NULL, 0 } };
static const struct filter_field problem_fields[] = {
	FILTER_ENUM_F("source", struct problem_filter, source, sources),
	FILTER_ID_F("within", struct problem_filter, within),
	FILTER_ENUM_F("state", struct problem_filter, state, states),
	FILTER_FLAG_F("overdue", struct problem_filter, overdue),
	FILTER_ID_F("campaign_id", struct problem_filter, campaign_id),
	FILTER_ID_F("inspection_id", struct problem_filter, inspection_id),
	FILTER_ID_F("activity_id", struct problem_filter, activity_id),
	FILTER_TEXT_F("kind", struct problem_filter, kind),
	FILTER_TEXT_F("category", struct problem_filter, category),
	FILTER_FLAG_F("top_leader", struct problem_filter, top_leader),
	FILTER_ENUM_F("nature", struct problem_filter, nature, natures),
	FILTER_DAY_F("found_from", struct problem_filter, found_from),
	FILTER_DAY_F("found_to", struct problem_filter, found_to),
	FILTER_DAY_F("rectified_from", struct problem_filter, rectified_from),
	FILTER_DAY_F("rectified_to", struct problem_filter, rectified_to),
	FILTER_ENUM_F("sheets", struct problem_filter, by_unit, sheets),
	{ NULL },
};
const struct filter_spec problem_filter_spec = FILTER_SPEC(struct problem_filter, problem_fields);

/*
 * model/rating.c: the query arguments of the ratings family's lists
 * (model/rating.h), read by http/filter.c for the pages.
 */
#include "model/rating.h"

#include <stddef.h>

static const struct filter_choice stars[] = {
	{ "1", 1 }, { "2", 2 }, { "3", 3 }, { "4", 4 }, { "5", 5 }, { NULL, 0 },
};
static const struct filter_field rating_fields[] = {
	FILTER_DAY_F("from", struct rating_filter, day_from),
	FILTER_DAY_F("to", struct rating_filter, day_to),
	FILTER_ID_F("within", struct rating_filter, within),
	FILTER_ENUM_F("stars", struct rating_filter, stars, stars),
	{ NULL },
};
const struct filter_spec rating_filter_spec = FILTER_SPEC(struct rating_filter, rating_fields);

static const struct filter_choice letter_states[] = {
	{ "received", 1 }, { "accepted", 2 }, { "concluded", 3 }, { NULL, 0 },
};
static const struct filter_field letter_fields[] = {
	FILTER_DAY_F("from", struct letter_filter, day_from),
	FILTER_DAY_F("to", struct letter_filter, day_to),
	FILTER_DAY_F("concluded_from", struct letter_filter, concluded_from),
	FILTER_DAY_F("concluded_to", struct letter_filter, concluded_to),
	FILTER_ID_F("within", struct letter_filter, within),
	FILTER_ENUM_F("state", struct letter_filter, state, letter_states),
	{ NULL },
};
const struct filter_spec letter_filter_spec = FILTER_SPEC(struct letter_filter, letter_fields);

static const struct filter_choice review_states[] = {
	{ "open", 1 }, { "called_back", 2 }, { "fixed", 3 }, { NULL, 0 },
};
static const struct filter_field review_fields[] = {
	FILTER_DAY_F("from", struct bad_review_filter, day_from),
	FILTER_DAY_F("to", struct bad_review_filter, day_to),
	FILTER_ID_F("within", struct bad_review_filter, within),
	FILTER_ENUM_F("state", struct bad_review_filter, state, review_states),
	{ NULL },
};
const struct filter_spec bad_review_filter_spec = FILTER_SPEC(struct bad_review_filter, review_fields);

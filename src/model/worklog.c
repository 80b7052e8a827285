/*
 * model/worklog.c: the query arguments of the work log's and the document
 * register's lists (model/worklog.h), read by http/filter.c for the pages
 * and the API.
 */
#include "model/worklog.h"

#include <stddef.h>

static const struct filter_field activity_fields[] = {
	FILTER_TEXT_F("kind", struct activity_filter, kind),
	FILTER_DAY_F("from", struct activity_filter, from),
	FILTER_DAY_F("to", struct activity_filter, to),
	FILTER_ID_F("within", struct activity_filter, within),
	FILTER_ID_F("campaign_id", struct activity_filter, campaign_id),
	FILTER_TEXT_F("category", struct activity_filter, category),
	FILTER_TEXT_F("q", struct activity_filter, q),
	{ NULL },
};
const struct filter_spec activity_filter_spec = FILTER_SPEC(struct activity_filter, activity_fields);

static const struct filter_choice directions[] = { { "in", 1 }, { "out", 2 }, { NULL, 0 } };
static const struct filter_choice states[] = {
	{ "registered", 1 }, { "circulating", 2 }, { "filed", 3 }, { NULL, 0 },
};
static const struct filter_field regdoc_fields[] = {
	FILTER_ENUM_F("direction", struct regdoc_filter, direction, directions),
	FILTER_ENUM_F("state", struct regdoc_filter, state, states),
	FILTER_DAY_F("from", struct regdoc_filter, from),
	FILTER_DAY_F("to", struct regdoc_filter, to),
	FILTER_TEXT_F("q", struct regdoc_filter, q),
	{ NULL },
};
const struct filter_spec regdoc_filter_spec = FILTER_SPEC(struct regdoc_filter, regdoc_fields);

/*
 * model/case.c: how the case list's filter is read from a request's query
 * arguments (http/filter.c reads it for the page and the API alike).
 * The argument names are part of the interface: bookmarks and tests use
 * them.
 */
#include "model/case.h"

static const struct filter_field fields[] = {
	FILTER_TEXT_F("state", struct case_filter, state),
	FILTER_ID_F("unit_id", struct case_filter, unit_id),
	FILTER_ID_F("campaign_id", struct case_filter, campaign_id),
	FILTER_DAY_F("from", struct case_filter, day_from),
	FILTER_DAY_F("to", struct case_filter, day_to),
	FILTER_FLAG_F("overdue", struct case_filter, overdue),
	{ NULL, 0, 0, NULL },
};

const struct filter_spec case_filter_spec = FILTER_SPEC(struct case_filter, fields);

/*
 * model/report.c: how the report list's filter is read from a request's query
 * arguments (http/filter.c reads it for the page and the API alike).
 * The argument names are part of the interface: bookmarks and tests use
 * them.
 */
#include "model/report.h"

static const struct filter_field fields[] = {
	FILTER_TEXT_F("state", struct report_filter, state),
	FILTER_TEXT_F("channel", struct report_filter, channel),
	FILTER_TEXT_F("category", struct report_filter, category),
	FILTER_TEXT_F("kind", struct report_filter, kind),
	FILTER_ID_F("unit_id", struct report_filter, unit_id),
	FILTER_DAY_F("from", struct report_filter, day_from),
	FILTER_DAY_F("to", struct report_filter, day_to),
	FILTER_FLAG_F("overdue", struct report_filter, overdue),
	{ NULL, 0, 0, NULL },
};

const struct filter_spec report_filter_spec = FILTER_SPEC(struct report_filter, fields);

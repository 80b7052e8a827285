/*
 * model/clue.c: how the clue list's filter is read from a request's query
 * arguments (http/filter.c reads it for the page and the API alike).
 * The argument names are part of the interface: bookmarks and tests use
 * them.
 */
#include "model/clue.h"

static const struct filter_field fields[] = {
	FILTER_TEXT_F("subject", struct clue_filter, q),
	FILTER_TEXT_F("state", struct clue_filter, state),
	FILTER_TEXT_F("source", struct clue_filter, source),
	FILTER_ID_F("unit_id", struct clue_filter, unit_id),
	FILTER_ID_F("campaign_id", struct clue_filter, campaign_id),
	FILTER_DAY_F("from", struct clue_filter, day_from),
	FILTER_DAY_F("to", struct clue_filter, day_to),
	FILTER_FLAG_F("overdue", struct clue_filter, overdue),
	{ NULL, 0, 0, NULL },
};

const struct filter_spec clue_filter_spec = FILTER_SPEC(struct clue_filter, fields);

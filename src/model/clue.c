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
	FILTER_TEXT_F("office", struct clue_filter, office),
	FILTER_DAY_F("received_from", struct clue_filter, received_from),
	FILTER_DAY_F("received_to", struct clue_filter, received_to),
	FILTER_DAY_F("disposed_from", struct clue_filter, disposed_from),
	FILTER_DAY_F("disposed_to", struct clue_filter, disposed_to),
	FILTER_ID_F("within", struct clue_filter, sc.unit_id),
	FILTER_TEXT_F("category", struct clue_filter, sc.category),
	FILTER_TEXT_F("rank", struct clue_filter, sc.rank),
	FILTER_FLAG_F("top_leader", struct clue_filter, sc.top_leader),
	FILTER_FLAG_F("leadership", struct clue_filter, sc.leadership),
	FILTER_FLAG_F("key_persons", struct clue_filter, sc.key_persons),
	{ NULL, 0, 0, NULL },
};

const struct filter_spec clue_filter_spec = FILTER_SPEC(struct clue_filter, fields);

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
	FILTER_TEXT_F("no", struct case_filter, number),
	FILTER_DAY_F("filed_from", struct case_filter, filed_from),
	FILTER_DAY_F("filed_to", struct case_filter, filed_to),
	FILTER_DAY_F("closed_from", struct case_filter, closed_from),
	FILTER_DAY_F("closed_to", struct case_filter, closed_to),
	FILTER_DAY_F("transferred_from", struct case_filter, transferred_from),
	FILTER_DAY_F("transferred_to", struct case_filter, transferred_to),
	FILTER_ID_F("within", struct case_filter, sc.unit_id),
	FILTER_TEXT_F("category", struct case_filter, sc.category),
	FILTER_TEXT_F("source", struct case_filter, sc.source),
	FILTER_TEXT_F("organ_kind", struct case_filter, sc.organ_kind),
	FILTER_TEXT_F("rank", struct case_filter, sc.rank),
	FILTER_FLAG_F("top_leader", struct case_filter, sc.top_leader),
	FILTER_FLAG_F("leadership", struct case_filter, sc.leadership),
	FILTER_FLAG_F("key_persons", struct case_filter, sc.key_persons),
	{ NULL, 0, 0, NULL },
};

const struct filter_spec case_filter_spec = FILTER_SPEC(struct case_filter, fields);

static const struct filter_field det_fields[] = {
	FILTER_DAY_F("from", struct detention_filter, day_from),
	FILTER_DAY_F("to", struct detention_filter, day_to),
	FILTER_ID_F("campaign_id", struct detention_filter, campaign_id),
	FILTER_ID_F("within", struct detention_filter, sc.unit_id),
	FILTER_TEXT_F("category", struct detention_filter, sc.category),
	FILTER_TEXT_F("source", struct detention_filter, sc.source),
	FILTER_TEXT_F("organ_kind", struct detention_filter, sc.organ_kind),
	FILTER_TEXT_F("rank", struct detention_filter, sc.rank),
	FILTER_FLAG_F("top_leader", struct detention_filter, sc.top_leader),
	FILTER_FLAG_F("leadership", struct detention_filter, sc.leadership),
	FILTER_FLAG_F("key_persons", struct detention_filter, sc.key_persons),
	{ NULL, 0, 0, NULL },
};

const struct filter_spec detention_filter_spec = FILTER_SPEC(struct detention_filter, det_fields);

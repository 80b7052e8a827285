/*
 * model/unit.c: how the unit list's filter is read from a request's query
 * arguments (http/filter.c reads it for the page and the API alike).
 * The argument names are part of the interface: bookmarks and tests use
 * them.
 */
#include "model/unit.h"

static const struct filter_field fields[] = {
	FILTER_TEXT_F("q", struct unit_filter, q),
	FILTER_TEXT_F("kind", struct unit_filter, kind),
	FILTER_ID_F("parent", struct unit_filter, parent_id),
	{ NULL, 0, 0, NULL },
};

const struct filter_spec unit_filter_spec = FILTER_SPEC(struct unit_filter, fields);

/*
 * model/person.c: how the person list's filter is read from a request's query
 * arguments (http/filter.c reads it for the page and the API alike).
 * The argument names are part of the interface: bookmarks and tests use
 * them.
 */
#include "model/person.h"

static const struct filter_field fields[] = {
	FILTER_TEXT_F("q", struct person_filter, q),
	FILTER_TEXT_F("rank", struct person_filter, rank),
	FILTER_ID_F("unit_id", struct person_filter, unit_id),
	{ NULL, 0, 0, NULL },
};

const struct filter_spec person_filter_spec = FILTER_SPEC(struct person_filter, fields);

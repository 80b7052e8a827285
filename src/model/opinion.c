/*
 * model/opinion.c: the query arguments of the opinion requests' list
 * (model/opinion.h), read by http/filter.c for the page and the API.  The
 * state choices follow opinion_states (domain/opinion.c) in order.
 */
#include "model/opinion.h"

#include <stddef.h>

static const struct filter_choice states[] = {
	{ "draft", 1 }, { "checked", 2 }, { "confirmed", 3 }, { "replied", 4 }, { NULL, 0 },
};
static const struct filter_field opinion_fields[] = {
	FILTER_ENUM_F("state", struct opinion_filter, state, states),
	FILTER_DAY_F("received_from", struct opinion_filter, received_from),
	FILTER_DAY_F("received_to", struct opinion_filter, received_to),
	FILTER_DAY_F("replied_from", struct opinion_filter, replied_from),
	FILTER_DAY_F("replied_to", struct opinion_filter, replied_to),
	{ NULL },
};
const struct filter_spec opinion_filter_spec = FILTER_SPEC(struct opinion_filter, opinion_fields);

/*
 * model/talk.c: the query arguments of the personal matter report and talk
 * lists (model/talk.h), read by http/filter.c for the pages and the API.
 */
#include "model/talk.h"

#include <stddef.h>

static const struct filter_choice report_states[] = {
	{ "received", 1 }, { "checked", 2 }, { "concern", 3 }, { NULL, 0 },
};
static const struct filter_field report_fields[] = {
	FILTER_ID_F("within", struct matter_report_filter, within),
	FILTER_ID_F("person_id", struct matter_report_filter, person_id),
	FILTER_TEXT_F("kind", struct matter_report_filter, kind),
	FILTER_ENUM_F("state", struct matter_report_filter, state, report_states),
	FILTER_DAY_F("reported_from", struct matter_report_filter, reported_from),
	FILTER_DAY_F("reported_to", struct matter_report_filter, reported_to),
	{ NULL },
};
const struct filter_spec matter_report_filter_spec = FILTER_SPEC(struct matter_report_filter, report_fields);

static const struct filter_field talk_fields[] = {
	FILTER_ID_F("within", struct talk_filter, within),
	FILTER_ID_F("person_id", struct talk_filter, person_id),
	FILTER_TEXT_F("kind", struct talk_filter, kind),
	FILTER_FLAG_F("unit_led", struct talk_filter, unit_led),
	FILTER_DAY_F("day_from", struct talk_filter, day_from),
	FILTER_DAY_F("day_to", struct talk_filter, day_to),
	{ NULL },
};
const struct filter_spec talk_filter_spec = FILTER_SPEC(struct talk_filter, talk_fields);

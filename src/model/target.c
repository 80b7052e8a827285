/*
 * model/target.c: the query arguments of the target family's lists
 * (model/target.h), read by http/filter.c for the pages and the API.
 */
#include "model/target.h"

#include <stddef.h>

static const struct filter_choice task_states[] = {
	{ "pending", 1 }, { "running", 2 }, { "done", 3 }, { "overdue", 4 }, { NULL, 0 },
};
static const struct filter_field task_fields[] = {
	FILTER_ID_F("ledger", struct target_filter, ledger),
	FILTER_TEXT_F("aspect", struct target_filter, aspect),
	FILTER_TEXT_F("office", struct target_filter, office),
	FILTER_ENUM_F("state", struct target_filter, state, task_states),
	FILTER_FLAG_F("overdue", struct target_filter, overdue),
	FILTER_TEXT_F("year", struct target_filter, year_text),
	{ NULL },
};
const struct filter_spec target_filter_spec = FILTER_SPEC(struct target_filter, task_fields);

static const struct filter_field reminder_fields[] = {
	FILTER_TEXT_F("kind", struct reminder_filter, kind),
	FILTER_TEXT_F("year", struct reminder_filter, year_text),
	FILTER_FLAG_F("unacked", struct reminder_filter, unacked),
	{ NULL },
};
const struct filter_spec reminder_filter_spec = FILTER_SPEC(struct reminder_filter, reminder_fields);

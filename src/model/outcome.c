/*
 * model/outcome.c: how the lists of the outcome family (pending
 * executions, accountability, recovered money) read their filters from a
 * request's query arguments (http/filter.c).
 */
#include "model/outcome.h"

static const struct filter_field no_fields[] = { { NULL, 0, 0, NULL } };

static const struct filter_field acc_fields[] = {
	FILTER_ID_F("campaign_id", struct accountability_filter, campaign_id),
	{ NULL, 0, 0, NULL },
};

static const struct filter_field rec_fields[] = {
	FILTER_ID_F("campaign_id", struct recovery_filter, campaign_id),
	FILTER_TEXT_F("kind", struct recovery_filter, kind),
	{ NULL, 0, 0, NULL },
};

const struct filter_spec execution_filter_spec = FILTER_SPEC(struct execution_filter, no_fields);
const struct filter_spec accountability_filter_spec =
	FILTER_SPEC(struct accountability_filter, acc_fields);
const struct filter_spec recovery_filter_spec = FILTER_SPEC(struct recovery_filter, rec_fields);

/*
 * model/outcome.c: how the lists of the outcome family (pending
 * executions, accountability, recovered money) read their filters from a
 * request's query arguments (http/filter.c), and the outcomes behind the
 * figures (issue 11).
 */
#include "model/outcome.h"

static const struct filter_field no_fields[] = { { NULL, 0, 0, NULL } };

static const struct filter_field acc_fields[] = {
	FILTER_ID_F("campaign_id", struct accountability_filter, campaign_id),
	FILTER_DAY_F("from", struct accountability_filter, day_from),
	FILTER_DAY_F("to", struct accountability_filter, day_to),
	FILTER_ID_F("within", struct accountability_filter, within),
	FILTER_TEXT_F("measure", struct accountability_filter, measure),
	{ NULL, 0, 0, NULL },
};

static const struct filter_field rec_fields[] = {
	FILTER_ID_F("campaign_id", struct recovery_filter, campaign_id),
	FILTER_TEXT_F("kind", struct recovery_filter, kind),
	FILTER_DAY_F("recovered_from", struct recovery_filter, day_from),
	FILTER_DAY_F("recovered_to", struct recovery_filter, day_to),
	FILTER_TEXT_F("recovery_kind", struct recovery_filter, recovery_kind),
	{ NULL, 0, 0, NULL },
};

const struct filter_spec execution_filter_spec = FILTER_SPEC(struct execution_filter, no_fields);
const struct filter_spec accountability_filter_spec =
	FILTER_SPEC(struct accountability_filter, acc_fields);
const struct filter_spec recovery_filter_spec = FILTER_SPEC(struct recovery_filter, rec_fields);

static const struct filter_choice forms[] = {
	{ "1", 1 }, { "2", 2 }, { "3", 3 }, { "4", 4 }, { NULL, 0 },
};

static const struct filter_field out_fields[] = {
	FILTER_DAY_F("from", struct outcome_filter, day_from),
	FILTER_DAY_F("to", struct outcome_filter, day_to),
	FILTER_ENUM_F("form", struct outcome_filter, form, forms),
	FILTER_FLAG_F("sanctioned", struct outcome_filter, sanctioned),
	FILTER_ID_F("campaign_id", struct outcome_filter, campaign_id),
	FILTER_ID_F("within", struct outcome_filter, sc.unit_id),
	FILTER_TEXT_F("category", struct outcome_filter, sc.category),
	FILTER_TEXT_F("source", struct outcome_filter, sc.source),
	FILTER_TEXT_F("organ_kind", struct outcome_filter, sc.organ_kind),
	FILTER_TEXT_F("rank", struct outcome_filter, sc.rank),
	FILTER_FLAG_F("top_leader", struct outcome_filter, sc.top_leader),
	FILTER_FLAG_F("leadership", struct outcome_filter, sc.leadership),
	FILTER_FLAG_F("key_persons", struct outcome_filter, sc.key_persons),
	{ NULL, 0, 0, NULL },
};

const struct filter_spec outcome_filter_spec = FILTER_SPEC(struct outcome_filter, out_fields);

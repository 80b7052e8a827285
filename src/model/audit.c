/*
 * model/audit.c: how the audit list's filter is read from a request's query
 * arguments (http/filter.c reads it for the page and the API alike).
 * The argument names are part of the interface: bookmarks and tests use
 * them.
 */
#include "model/audit.h"

static const struct filter_choice results[] = {
	{ "1", AUDIT_SUCCEEDED }, { "0", AUDIT_FAILED }, { NULL, AUDIT_ANY },
};

static const struct filter_field fields[] = {
	FILTER_TEXT_F("q", struct audit_filter, q),
	FILTER_TEXT_F("event", struct audit_filter, event),
	FILTER_TEXT_F("user", struct audit_filter, user),
	FILTER_ENUM_F("success", struct audit_filter, result, results),
	FILTER_DAY_F("from", struct audit_filter, day_from),
	FILTER_DAY_F("to", struct audit_filter, day_to),
	{ NULL, 0, 0, NULL },
};

const struct filter_spec audit_filter_spec = FILTER_SPEC(struct audit_filter, fields);

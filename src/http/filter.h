#ifndef QF_HTTP_FILTER_H
#define QF_HTTP_FILTER_H
/*
 * filter: a list's filter read from the query arguments, driven by the
 * family's filter_spec (model/filter.h).  One reader for every family,
 * so the page and the API of a family read the same arguments alike.
 */
#include "model/filter.h"

struct req;

/* The value of a query argument, "" when absent. */
typedef const char *(*filter_get_fn)(void *arg, const char *name);

/* Resets the filter f (spec->size bytes): every text and day "", every
 * number 0, enums their default; then sets each field from its argument
 * (bad ids and days are left at "any"/"open") and the page: rows from
 * (page - 1) * per_page, per_page of them.  Returns the number of
 * arguments given but ignored as invalid. */
int filter_parse(const struct filter_spec *spec, void *f, filter_get_fn get, void *arg, int page,
		 int per_page);

/* filter_parse from the request's query (req_arg) and page (req_page). */
int req_filter(struct req *r, const struct filter_spec *spec, void *f, int per_page);

#endif

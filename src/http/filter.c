/*
 * filter.c: the one reader of list filters.  A family's filter_spec names
 * each query argument, its type and where it goes in the filter; this
 * file knows what each type accepts.  Invalid values filter nothing (an
 * id that is not a positive number, a day that is not a date): a list is
 * never refused over a stale bookmark.
 */
#include "http/filter.h"

#include <stdint.h>
#include <string.h>

#include "core/date.h"
#include "http/http.h"

/* A positive decimal id, or 0. */
static int64_t parse_id(const char *v)
{
	int64_t n = 0;

	if (!*v)
		return 0;
	for (; *v; v++) {
		if (*v < '0' || *v > '9' || n > (INT64_MAX - (*v - '0')) / 10)
			return 0;
		n = n * 10 + (*v - '0');
	}
	return n;
}

static int parse_enum(const struct filter_choice *c, const char *v, int *out)
{
	for (; c->arg; c++)
		if (!strcmp(c->arg, v)) {
			*out = c->value;
			return 0;
		}
	*out = c->value;
	return *v ? -1 : 0;
}

/* Sets one field from its argument v; -1 when v was given but invalid. */
static int set_field(const struct filter_field *fd, char *base, const char *v)
{
	void *p = base + fd->offset;
	int64_t id;

	switch (fd->type) {
	case FILTER_TEXT:
		*(const char **)p = v;
		return 0;
	case FILTER_DAY:
		if (date_parse(v) == QF_DAY_NONE) {
			*(const char **)p = "";
			return *v ? -1 : 0;
		}
		*(const char **)p = v;
		return 0;
	case FILTER_ID:
		id = parse_id(v);
		*(int64_t *)p = id;
		return *v && !id ? -1 : 0;
	case FILTER_FLAG:
		*(int *)p = *v && strcmp(v, "0") != 0;
		return 0;
	case FILTER_ENUM:
		return parse_enum(fd->choices, v, (int *)p);
	}
	return -1;
}

int filter_parse(const struct filter_spec *spec, void *f, filter_get_fn get, void *arg, int page,
		 int per_page)
{
	char *base = f;
	struct page_req *pg = (struct page_req *)(base + spec->page);
	int bad = 0;

	memset(f, 0, spec->size);
	for (const struct filter_field *fd = spec->fields; fd->arg; fd++) {
		const char *v = get(arg, fd->arg);
		if (set_field(fd, base, v ? v : "") < 0)
			bad++;
	}
	if (page < 1)
		page = 1;
	pg->limit = per_page;
	pg->offset = (page - 1) * per_page;
	return bad;
}

static const char *query_arg(void *arg, const char *name)
{
	return req_arg(arg, name);
}

int req_filter(struct req *r, const struct filter_spec *spec, void *f, int per_page)
{
	return filter_parse(spec, f, query_arg, r, req_page(r), per_page);
}

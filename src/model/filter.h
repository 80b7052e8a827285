#ifndef QF_MODEL_FILTER_H
#define QF_MODEL_FILTER_H
/*
 * model/filter.h: what every list filter shares, and the table that says
 * how a family's filter is read from a request's query arguments.
 *
 * Each family declares its filter struct (struct report_filter ...) in its
 * model/<family>.h, embedding a struct page_req and, where the list is
 * bounded by jurisdiction, the scope; a zeroed filter means "everything,
 * first page": no sentinel values (text NULL or "" is no filter, an id 0
 * any, an enum's 0 any).  Beside it the family defines its
 * filter_spec (model/<family>.c), a table of {query argument, type,
 * offset}; http/filter.c reads any family's filter from that table, so
 * a page and its JSON twin parse the same arguments the same way and a
 * new family touches nothing shared.
 */
#include <stddef.h>
#include <stdint.h>

/* A list's count stops here (issue 16): the store counts at most
 * LIST_COUNT_CAP + 1 matching rows (LIST_COUNT_STOP, the same number for
 * the SQL text), so no page view counts a whole large table; a count of
 * more than LIST_COUNT_CAP means "more than 10,000" (the pager's
 * 「1万余条」, the JSON lists' "total_capped").  Below it the count is
 * exact. */
#define LIST_COUNT_CAP 10000
#define LIST_COUNT_STOP "10001"
#define LIST_COUNT_CAP_SQL "10000"

/* The page of a list: rows offset .. offset + limit - 1. */
struct page_req {
	int offset, limit;
};

enum filter_type {
	FILTER_TEXT,    /* const char *: the argument as given ("" when absent) */
	FILTER_ID,      /* int64_t: a positive decimal id, else 0 (any) */
	FILTER_DAY,     /* const char *: a valid YYYY-MM-DD, else "" (open) */
	FILTER_FLAG,    /* int: 1 unless absent, empty or "0" */
	FILTER_ENUM,    /* int-sized enum: the value of the matching choice */
};

/* A choice of an enum argument; the list ends with { NULL, v }: v is the
 * value when the argument is absent or matches none. */
struct filter_choice {
	const char *arg;
	int value;
};

struct filter_field {
	const char *arg;                        /* the query argument */
	enum filter_type type;
	size_t offset;                          /* of the member in the filter */
	const struct filter_choice *choices;    /* FILTER_ENUM only */
};

struct filter_spec {
	size_t size;                            /* sizeof the filter */
	size_t page;                            /* offsetof its struct page_req */
	const struct filter_field *fields;      /* ends with { NULL } */
};

/* Table entries, checked at compile time against the member's type (a
 * mismatch does not compile: _Generic has no match). */
#define FILTER_OFF_(T, m, ...) (offsetof(T, m) + 0 * sizeof(_Generic(((T *)0)->m, __VA_ARGS__)))
#define FILTER_TEXT_F(arg, T, m) { arg, FILTER_TEXT, FILTER_OFF_(T, m, const char *: 1), NULL }
#define FILTER_DAY_F(arg, T, m)  { arg, FILTER_DAY, FILTER_OFF_(T, m, const char *: 1), NULL }
#define FILTER_ID_F(arg, T, m)   { arg, FILTER_ID, FILTER_OFF_(T, m, int64_t: 1), NULL }
#define FILTER_FLAG_F(arg, T, m) { arg, FILTER_FLAG, FILTER_OFF_(T, m, int: 1), NULL }
#define FILTER_ENUM_F(arg, T, m, choices) \
	{ arg, FILTER_ENUM, FILTER_OFF_(T, m, int: 1, unsigned: 1), choices }
#define FILTER_SPEC(T, fields) { sizeof(T), offsetof(T, page), fields }

/* 1 when f sets none of spec's fields (text and days NULL or "", ids,
 * flags and enums 0): as far as its query arguments go, the list's filter
 * selects every row.  The members a domain sets (need-to-know, a user's
 * jurisdiction) are not in the spec: the family checks them (issue 16,
 * the whole table's count: store/q_util.h Q_WHOLE). */
int filter_unset(const struct filter_spec *spec, const void *f);

#endif

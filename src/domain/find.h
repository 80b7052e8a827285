#ifndef QF_FIND_H
#define QF_FIND_H
/*
 * find: the pickers' and the search box's matches (issue 12), within the
 * actor's jurisdiction and, for cases, need-to-know, one kind at a time
 * and one page at a time (no fixed cap: a caller pages on).  A person is
 * found by a name or a unit name containing the text, or by the last 4
 * characters of the ID number (keyed MAC: never stored in clear), the
 * last 6 only for the roles that may see ID numbers
 * (PERM_PERSON_IDNUM).  Finding is not reading: no audit entry, and a
 * match names only what the actor's lists already show.
 *
 * Strings of the hits live in the actor's arena (c->a).
 */
#include <stdint.h>

#include "model/find.h"

struct ctx;
struct store;

/* The permission a kind needs (route and search page): PERM_REPORT_READ,
 * PERM_CLUE_READ, PERM_CASE_READ, PERM_PERSON_READ, PERM_UNIT_READ. */
int find_allowed(const struct ctx *c, enum find_kind k);
/* The kind's name in URLs ("persons", ...) and its Chinese label. */
const char *find_kind_name(enum find_kind k);
const char *find_kind_label(enum find_kind k);
/* The kind a URL names, or -1. */
int find_kind_parse(const char *name);

/* The longest text a search takes (characters). */
#define FIND_MAX_CHARS 50

/* One page (offset, limit) of the matches of q (trimmed; empty finds
 * nothing) of kind k, best first: the row count, *total the count of all
 * matches; unit_id (persons only) narrows to one unit.  RES_STORE (< 0)
 * on a store error. */
int find_run(struct ctx *c, enum find_kind k, const char *q, int64_t unit_id, int offset, int limit,
	     struct find_hit **out, int64_t *total);

/* How a hit reads in a list of choices: 张三（县财政局 · 局长）, a unit
 * with its parent, 案件 12：张三（县财政局）; in c->a. */
const char *find_hit_label(struct ctx *c, enum find_kind k, const struct find_hit *h);

/* Stores the tail MACs of a person's ID number (the clear, upper-case
 * number; NULL or "" clears them), in the caller's transaction on s.
 * 0 or < 0. */
int find_tails_set(struct ctx *c, struct store *s, int64_t person_id, const char *id_number);
/* Once after migration 0031 (setting person_tails_filled = 0): the tails
 * of every person that already holds an ID number.  0 or < 0. */
int find_tails_fill(struct ctx *c);

#endif

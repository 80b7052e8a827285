#ifndef QF_DOMAIN_KEPT_H
#define QF_DOMAIN_KEPT_H
/*
 * kept: the one rule by which a figure read from the database may be kept
 * in the process and served again without reading it (the to-do counts,
 * the dashboard's data, the home page's totals): until a transaction
 * commits through this process (store_commits), the day changes (China
 * Standard Time) or KEPT_SECS pass, the bound on how late another
 * process's or server's writes show.  A write through this server shows at
 * once.
 */
#include <stdint.h>

#include "core/date.h"

struct ctx;

#define KEPT_SECS 30

struct kept_stamp {
	uint64_t commits;
	qf_day day;
	int64_t at;              /* the request's time, seconds */
};

/* The stamp of now, for the request c. */
struct kept_stamp kept_now(const struct ctx *c);

/* 1 when a figure stamped `then` may still be served at `now`. */
int kept_fresh(const struct kept_stamp *then, const struct kept_stamp *now);

/* The data's version (store.h store_data_version): read before the
 * queries of a page kept against it (pages/list_kept.h), which is served
 * again while it reads the same: unlike the rule above, exact for every
 * process and server on the database.  0 and *v, or < 0 (no version). */
int kept_data_version(struct ctx *c, int64_t *v);

/* The home page's totals (the cards): the unscoped count of a whole table,
 * kept by the rule above; a user with a jurisdiction gets count(c). */
enum kept_total { KEPT_PERSONS, KEPT_UNITS, KEPT_TOTALS };
int64_t kept_total(struct ctx *c, enum kept_total which, int64_t (*count)(struct ctx *c));

#endif

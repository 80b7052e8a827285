#ifndef QF_STORE_Q_NUMBERS_H
#define QF_STORE_Q_NUMBERS_H
/*
 * q_numbers.h: the patterns of official numbers (number_patterns,
 * effective-dated with their source) and the one counter per kind and year
 * (number_counters), migrations 0032 and 0035.  Conventions of
 * store/q_*.h (docs/architecture.md).
 */
#include <stdint.h>

#include "model/number.h"
#include "store/store.h"

struct arena;

/* The pattern of `kind` in force on `day`: 1, 0 none, < 0. */
int store_number_pattern(struct store *s, struct arena *a, const char *kind, const char *day,
			 const char **pattern);
/* Every pattern of kind, the newest effective_from first: the count or < 0. */
int store_number_patterns(struct store *s, struct arena *a, const char *kind, struct number_pattern **out);
/* Adds a pattern: 0, STORE_CONSTRAINT when kind has one from that day, < 0. */
int store_number_pattern_put(struct store *s, const struct number_pattern *p, int64_t author_id);
/* The next counter of kind and year (1 for the first), in the caller's
 * transaction: > 0, or < 0. */
int64_t store_number_next(struct store *s, const char *kind, int year);
/* Raises the counter of kind and year to n when it is lower (a number
 * given by an import): 0, or < 0. */
int store_number_raise(struct store *s, const char *kind, int year, int64_t n);
/* The last counter given of kind and year (0 none yet), or < 0. */
int64_t store_number_last(struct store *s, const char *kind, int year);

#endif

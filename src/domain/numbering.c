/*
 * numbering.c: official numbers from patterns and per-year counters
 * (numbering.h).  The counter's year is the year of the record's own day
 * (the filing day, the day a clue was received), so numbers restart on
 * the first record of a new year whenever it is entered.
 */
#include "domain/numbering.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/strbuf.h"
#include "store/q_trial.h"

const char *numbering_format(struct arena *a, const char *pattern, int year, int64_t n)
{
	struct strbuf b = STRBUF_INIT;
	const char *p = pattern, *out;

	while (*p) {
		if (!strncmp(p, "{year}", 6)) {
			strbuf_addf(&b, "%d", year);
			p += 6;
		} else if (!strncmp(p, "{n3}", 4)) {
			strbuf_addf(&b, "%03" PRId64, n);
			p += 4;
		} else if (!strncmp(p, "{n}", 3)) {
			strbuf_addf(&b, "%" PRId64, n);
			p += 3;
		} else {
			strbuf_addch(&b, *p++);
		}
	}
	out = arena_strdup(a, b.buf ? b.buf : "");
	strbuf_release(&b);
	return out;
}

int numbering_pattern_valid(const char *pattern)
{
	int counters = 0;

	for (const char *p = pattern; p && *p; p++) {
		if (*p != '{')
			continue;
		if (!strncmp(p, "{year}", 6))
			continue;
		if (!strncmp(p, "{n}", 3) || !strncmp(p, "{n3}", 4)) {
			counters++;
			continue;
		}
		return 0;
	}
	return pattern && counters == 1;
}

const char *numbering_next(struct store *s, struct arena *a, const char *kind, const char *day)
{
	const char *pattern;
	int64_t n;
	int year;

	if (!day || strlen(day) < 4 || store_number_pattern(s, a, kind, day, &pattern) != 1)
		return NULL;
	year = atoi(day);
	n = store_number_next(s, kind, year);
	return n > 0 ? numbering_format(a, pattern, year, n) : NULL;
}

#ifndef QF_NUMBERING_H
#define QF_NUMBERING_H
/*
 * numbering: official numbers (编号) from commission-editable patterns
 * with a counter per kind and year (migration 0032: number_patterns,
 * number_counters).  Kinds today: case_filing (立案编号, one per subject:
 * 立案决定书 are made per person) and clue (线索编号).  A number is
 * allocated inside the transaction that writes its record, so a rolled
 * back write hands nothing out and concurrent writers never share one.
 *
 * A pattern is text with placeholders: {year} (the year of the record's
 * day), {n} (the counter), {n3} (the counter with at least 3 digits),
 * e.g. 青纪立〔{year}〕{n}号 -> 青纪立〔2022〕12号.  The same module is meant
 * to serve document numbers (文号) with their own kinds.
 */
#include <stdint.h>

struct arena;
struct store;

/* pattern with year and n filled in (in a): no validation */
const char *numbering_format(struct arena *a, const char *pattern, int year, int64_t n);
/* 1 when every {...} in pattern is a known placeholder and {n} or {n3}
 * occurs once */
int numbering_pattern_valid(const char *pattern);
/* The next number of kind for a record dated day (YYYY-MM-DD), in the
 * caller's transaction on s: the text in a, or NULL (no pattern in force
 * on that day, or the store failed). */
const char *numbering_next(struct store *s, struct arena *a, const char *kind, const char *day);

#endif

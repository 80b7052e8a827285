#ifndef QF_IX_LINE_H
#define QF_IX_LINE_H
/*
 * ix_line: one JSON Lines record as a flat list of its members.  The plain
 * shape the exports write (an object of strings without escapes, integers
 * of at most 18 digits, true, false, null and lists of such strings, every
 * key given once) is read here without a jansson tree; any other line is
 * declined and read by jansson (ix_line_from_json), so that what is
 * accepted, the values, and every error message stay jansson's.
 *
 * Ownership: the struct owns its copy of the line (buf, freed by
 * ix_line_release); the members point into it, or into the jansson tree
 * and the arena given to ix_line_from_json, which must outlive the use.
 */
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

struct arena;

enum ix_jkind { IX_J_NULL, IX_J_STR, IX_J_INT, IX_J_TRUE, IX_J_FALSE, IX_J_ARRAY, IX_J_OTHER };

struct ix_jval {
	enum ix_jkind kind;
	const char *s;                  /* STR: NUL-terminated UTF-8 */
	int64_t i;                      /* INT */
	int n;                          /* ARRAY: its entries */
	const struct ix_jval *e;
};

struct ix_jmember {
	const char *key;
	struct ix_jval v;
};

#define IX_LINE_MEMBERS 48
#define IX_LINE_ENTRIES 256

struct ix_line {
	int n;
	struct ix_jmember *m;           /* fixed, or the arena's (ix_line_from_json) */
	struct ix_jmember fixed[IX_LINE_MEMBERS];
	struct ix_jval entries[IX_LINE_ENTRIES];
	char *buf;
	size_t cap;
};

/* Reads a line of the plain shape: 0, 1 when it is not (jansson reads it),
 * -1 out of memory. */
int ix_line_read(struct ix_line *l, const char *line, size_t len);
/* The members of a jansson object, in its order: 0, or -1 out of memory. */
int ix_line_from_json(struct ix_line *l, json_t *obj, struct arena *a);
/* The member's value, NULL when the line has no such key. */
const struct ix_jval *ix_line_get(const struct ix_line *l, const char *key);
void ix_line_release(struct ix_line *l);

#endif

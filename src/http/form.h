#ifndef QF_FORM_H
#define QF_FORM_H
/*
 * form: the fields of a submitted form or a query string, with limits.
 *
 * Every value added is checked: valid UTF-8 with no NUL and no control
 * characters other than tab, CR and LF; at most FORM_MAX_FIELDS fields and
 * FORM_MAX_VALUE bytes per value.  A violation sets `err` (a precise
 * English message for logs/API) and the form must be answered with 400.
 * Keys and values are copied into the arena given at init; the form owns
 * nothing else.
 */
#include <stddef.h>

struct arena;

#define FORM_MAX_FIELDS 256
#define FORM_MAX_KEY 64
#define FORM_MAX_VALUE (64 * 1024)

struct form_field {
	const char *key;
	const char *value;      /* NUL-terminated, UTF-8 */
	size_t len;
	const char *filename;   /* multipart file fields, else NULL */
};

struct form {
	struct arena *arena;
	struct form_field fields[FORM_MAX_FIELDS];
	int n;
	const char *err;        /* NULL while the form is good */
};

void form_init(struct form *f, struct arena *a);
/* Adds a field (value of vlen bytes; it need not be NUL-terminated).
 * Repeated keys are kept in order.  -1 and f->err set on a violation. */
int form_add(struct form *f, const char *key, const char *value, size_t vlen);
/* Appends to the value of the last field when it has the same key (the
 * post processor hands large values over in pieces).  -1 on violation. */
int form_append(struct form *f, const char *key, const char *filename,
		const char *data, size_t len, size_t off);
/* Parses application/x-www-form-urlencoded data ("a=1&b=%E4%B8%AD").
 * -1 with f->err set on a malformed escape or a limit. */
int form_parse_urlencoded(struct form *f, const char *data, size_t len);

/* First value of key, or NULL. */
const char *form_get(const struct form *f, const char *key);
/* Like form_get with leading and trailing ASCII whitespace removed; ""
 * when absent. */
const char *form_get_trim(const struct form *f, const char *key);
/* 1 when a checkbox-like field is present with a value other than "" or "0". */
int form_get_bool(const struct form *f, const char *key);
/* Parses a decimal integer value; 0 ok, -1 absent or malformed. */
int form_get_int(const struct form *f, const char *key, long long *out);

#endif

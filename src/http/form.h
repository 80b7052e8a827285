#ifndef QF_FORM_H
#define QF_FORM_H
/*
 * form: the fields of a submitted form or a query string, with limits.
 *
 * Every value added is checked by text_check (core/text.h: valid UTF-8,
 * no NUL, no control characters, no bidi controls, no noncharacters), as
 * a one-line text unless form_field_flags() names the field multi-line
 * (or it is an uploaded file); at most FORM_MAX_FIELDS fields and
 * FORM_MAX_VALUE bytes per value.  A violation sets `err` (a precise
 * English message for logs/API), and `fault` when it was the text rule;
 * the form must be answered with 400.  Keys and values are copied into
 * the arena given at init; the form owns nothing else.
 *
 * Keys are 1..FORM_MAX_KEY bytes of ASCII [A-Za-z0-9_.-[]].  The first
 * violation is sticky: once `err` is set every further call fails and
 * the getters report every field as absent.
 *
 * Binary files: after form_binary_files(f, max), a multipart file field
 * (one with a filename) is kept as the bytes sent, unchecked, up to max
 * bytes (the attachment upload routes, http.h R_UPLOAD); past max the
 * form fails with `too_large` set (413).  Without it a file is text like
 * any value (the calendar's CSV import).  Its value may then hold NUL
 * bytes: read it with form_file, by its len, never as a C string.
 *
 * Values that arrive in pieces (form_append) are checked byte by byte as
 * they come, and as UTF-8 up to the last complete character; the rest is
 * checked by form_finish(), which the server calls when the body ends and
 * before any handler reads the form.  Until then the getters ignore the
 * open value: they never return bytes that were not checked.
 */
#include <stddef.h>
#include <stdint.h>

#include "core/text.h"

struct arena;

#define FORM_MAX_FIELDS 256
#define FORM_MAX_KEY 64
#define FORM_MAX_VALUE (64 * 1024)

struct form_field {
	const char *key;
	const char *value;      /* NUL-terminated, UTF-8 */
	size_t len;
	const char *filename;   /* multipart file fields, else NULL */
	int binary;             /* a file kept as sent (form_binary_files) */
};

struct form {
	struct arena *arena;
	struct form_field *fields;  /* in the arena, grown as fields arrive */
	int cap;
	int n;
	const char *err;        /* NULL while the form is good */
	struct text_fault fault;    /* reason TEXT_OK unless err is a text fault */
	int too_large;          /* err is a binary file past file_max */
	int value_too_long;     /* err is a text value past FORM_MAX_VALUE */
	size_t file_max;        /* 0: files are text; else binary, at most this */

	/* private to form.c: the last field's value while form_append grows it */
	char *open;             /* NULL when no value is open */
	size_t open_cap;        /* bytes allocated for it, without the NUL */
	size_t open_checked;    /* leading bytes already checked as UTF-8 */
};

void form_init(struct form *f, struct arena *a);
/* Keeps multipart files as binary, at most max bytes each (see above). */
void form_binary_files(struct form *f, size_t max);
/* The first file field named key (after form_finish), or NULL. */
const struct form_field *form_file(const struct form *f, const char *key);
/* Adds a field (value of vlen bytes; it need not be NUL-terminated).
 * Repeated keys are kept in order.  -1 and f->err set on a violation. */
int form_add(struct form *f, const char *key, const char *value, size_t vlen);
/* Appends to the value of the last field when it has the same key (the
 * post processor hands large values over in pieces).  -1 on violation.
 * off == 0 starts a new field (filename: NULL, or the name of an uploaded
 * file, checked like a value and at most 255 bytes), except that it goes
 * on with the open field while that is still empty and has the same key
 * and file name (the post processor may start a part twice, form.c);
 * off > 0 continues
 * the open field and must equal the bytes it holds so far, as
 * libmicrohttpd's iterator passes it.  A UTF-8 character may be split
 * across pieces.  The form copies `data`. */
int form_append(struct form *f, const char *key, const char *filename,
		const char *data, size_t len, size_t off);
/* Completes the value form_append left open (checks its last characters).
 * Call it once the body has been fed in, before reading the form; it is
 * harmless when nothing is open.  0, or -1 with f->err set (also when an
 * earlier call had failed). */
int form_finish(struct form *f);
/* Parses application/x-www-form-urlencoded data ("a=1&b=%E4%B8%AD").
 * -1 with f->err set on a malformed escape or a limit. */
int form_parse_urlencoded(struct form *f, const char *data, size_t len);

/* TEXT_MULTILINE for the free-text fields (the one table of them, also
 * used for the JSON API's members), else TEXT_ONELINE. */
int form_field_flags(const char *key);

/* First value of key, or NULL. */
const char *form_get(const struct form *f, const char *key);
/* Like form_get with leading and trailing ASCII whitespace removed; ""
 * when absent.  A trimmed copy, when needed, is taken from the form's arena. */
const char *form_get_trim(const struct form *f, const char *key);
/* 1 when a checkbox-like field is present with a value other than "" or "0". */
int form_get_bool(const struct form *f, const char *key);
/* Parses a decimal integer value (optional '-', digits only, surrounding
 * ASCII whitespace ignored); 0 ok, -1 absent, malformed or out of range,
 * *out untouched then. */
int form_get_int(const struct form *f, const char *key, long long *out);
/* An optional id field: 0 when empty; when it is not a positive id, 0
 * and the message `msg` on the field in fe. */
struct fielderr;
int64_t form_opt_id(const struct form *f, const char *key, struct fielderr *fe, const char *msg);

#endif

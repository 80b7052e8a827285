/*
 * form.c: the fields of a submitted form or query string (see form.h).
 *
 * Everything a client sends passes through here before a handler sees it,
 * so this file guarantees, for every field a getter returns: the key is
 * 1..FORM_MAX_KEY bytes of [A-Za-z0-9_.-[]]; the value is at most
 * FORM_MAX_VALUE bytes that pass text_check (core/text.h: valid UTF-8
 * without NUL, controls, bidi controls or noncharacters; one line unless
 * the field is in the table of multi-line fields below or is a file); and
 * it is NUL-terminated in the form's arena.  The first violation is
 * recorded in f->err (English, the field name quoted when it is
 * printable), with f->fault when the text rule refused it, and is sticky.
 * The JSON API applies the same rule with the same table (json_in.c).
 * Nothing here knows libmicrohttpd: the functions are pure and fuzzed
 * (tests/fuzz/fuzz_form.c).
 */
#include "http/form.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/fielderr.h"

#define FORM_MAX_FILENAME 255

void form_init(struct form *f, struct arena *a)
{
	memset(f, 0, sizeof(*f));
	f->arena = a;
}

void form_binary_files(struct form *f, size_t max)
{
	f->file_max = max;
}

const struct form_field *form_file(const struct form *f, const char *key)
{
	int n = f->open ? f->n - 1 : f->n;

	if (f->err || !key)
		return NULL;
	for (int i = 0; i < n; i++)
		if (f->fields[i].filename && !strcmp(f->fields[i].key, key))
			return &f->fields[i];
	return NULL;
}

static int fail(struct form *f, const char *msg)
{
	if (!f->err)
		f->err = msg;
	return -1;
}

static int key_char(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-' ||
	       c == '[' || c == ']';
}

/* Checks a field name; only a name that passed may be quoted in f->err. */
static int check_key(struct form *f, const char *key, size_t klen)
{
	size_t i;

	if (klen == 0)
		return fail(f, "empty field name");
	if (klen > FORM_MAX_KEY)
		return fail(f, arena_printf(f->arena,
			"field name too long (max %d bytes)", FORM_MAX_KEY));
	for (i = 0; i < klen; i++)
		if (!key_char((unsigned char)key[i]))
			return fail(f, arena_printf(f->arena,
				"invalid character 0x%02x in field name",
				(unsigned char)key[i]));
	return 0;
}

/*
 * The fields whose value may span lines: the textareas (clue and report
 * summary, disposition reason, case note text; a rating's comment, a
 * citizen's letter and its answer, issue 13) and the free-text notes and
 * reasons beside them, also under a page's prefix ("ext7_note",
 * "override_reason").  Every other field, names above all, is one line.
 * The JSON API looks its members up here too.
 */
static const char *const multiline_fields[] = { "note", "reason", "summary", "text", "comment", "letter",
	"answer" };

int form_field_flags(const char *key)
{
	size_t klen = key ? strlen(key) : 0;

	for (size_t i = 0; i < QF_ARRAY_SIZE(multiline_fields); i++) {
		const char *m = multiline_fields[i];
		size_t mlen = strlen(m);

		if (klen == mlen && !memcmp(key, m, mlen))
			return TEXT_MULTILINE;
		if (klen > mlen + 1 && key[klen - mlen - 1] == '_' &&
		    !memcmp(key + klen - mlen, m, mlen))
			return TEXT_MULTILINE;
	}
	return TEXT_ONELINE;
}

static int field_flags(const struct form_field *ff)
{
	return ff->filename ? TEXT_MULTILINE : form_field_flags(ff->key);
}

/* Checks s[0..n), the part of key's value (NULL) or file name after
 * `done` bytes already checked, by the text rule; records the fault. */
static int check_text(struct form *f, const char *key, const char *part,
		      const char *done, size_t ndone, const char *s, size_t n, int flags)
{
	struct text_fault tf = { 0 };
	char msg[256];

	if (text_check(s, n, flags, &tf) == TEXT_OK)
		return 0;
	if (f->err)
		return -1;
	text_fault_shift(&tf, done, ndone);
	tf.part = part;
	text_fault_field(&tf, key, strlen(key));
	f->fault = tf;
	return fail(f, arena_strdup(f->arena, text_fault_en(&tf, msg, sizeof(msg))));
}

static int too_long(struct form *f, const char *key)
{
	if (!f->err)
		f->value_too_long = 1;
	return fail(f, arena_printf(f->arena,
		"field \"%s\": value too long (max %d bytes)", key,
		FORM_MAX_VALUE));
}

/* Where a check of s[from..len) as UTF-8 may stop without cutting a
 * character: len, or the start of an incomplete sequence at the end.  from
 * must be a character boundary.  A bad lead byte counts as complete so that
 * the check sees it now. */
static size_t complete_prefix(const unsigned char *s, size_t from, size_t len)
{
	size_t i = len;
	int back = 0;

	while (i > from && back < 4) {
		unsigned char c = s[--i];
		size_t need;

		back++;
		if ((c & 0xc0) == 0x80)
			continue;
		if (c >= 0xf0 && c <= 0xf4)
			need = 4;
		else if (c >= 0xe0 && c <= 0xef)
			need = 3;
		else if (c >= 0xc2 && c <= 0xdf)
			need = 2;
		else
			need = 1;       /* ASCII, or never valid: check now */
		return i + need > len ? i : len;
	}
	return len;
}

/* Checks the unchecked rest of the open value and closes it. */
static int close_open(struct form *f)
{
	struct form_field *ff;
	int rc;

	if (!f->open)
		return 0;
	ff = &f->fields[f->n - 1];
	rc = ff->binary ? 0 : check_text(f, ff->key, NULL, f->open, f->open_checked,
					  f->open + f->open_checked, ff->len - f->open_checked,
					  field_flags(ff));
	f->open = NULL;
	f->open_cap = f->open_checked = 0;
	return rc;
}

/* Takes the next field slot for key (checked, in the arena); the value is
 * left empty for the caller to fill. */
static struct form_field *new_field(struct form *f, const char *key)
{
	struct form_field *ff;

	if (f->n >= FORM_MAX_FIELDS) {
		fail(f, arena_printf(f->arena, "too many fields (max %d)",
				     FORM_MAX_FIELDS));
		return NULL;
	}
	if (f->n == f->cap) {
		int ncap = f->cap ? 2 * f->cap : 8;
		struct form_field *v = arena_alloc(f->arena, (size_t)ncap * sizeof(*v));
		if (f->n)
			memcpy(v, f->fields, (size_t)f->n * sizeof(*v));
		f->fields = v;
		f->cap = ncap;
	}
	ff = &f->fields[f->n++];
	ff->key = key;
	ff->value = "";
	ff->len = 0;
	ff->filename = NULL;
	ff->binary = 0;
	return ff;
}

/* form_add on a key of klen bytes (not necessarily NUL-terminated). */
static int add_field(struct form *f, const char *key, size_t klen,
		     const char *value, size_t vlen)
{
	struct form_field *ff;
	const char *k;

	if (f->err || close_open(f) < 0)
		return -1;
	if (f->n >= FORM_MAX_FIELDS)
		return fail(f, arena_printf(f->arena, "too many fields (max %d)",
					    FORM_MAX_FIELDS));
	if (check_key(f, key, klen) < 0)
		return -1;
	k = arena_strndup(f->arena, key, klen);
	if (vlen > FORM_MAX_VALUE)
		return too_long(f, k);
	if (vlen && check_text(f, k, NULL, "", 0, value, vlen, form_field_flags(k)) < 0)
		return -1;
	ff = new_field(f, k);
	if (!ff)
		return -1;
	ff->value = vlen ? arena_strndup(f->arena, value, vlen) : "";
	ff->len = vlen;
	return 0;
}

int form_add(struct form *f, const char *key, const char *value, size_t vlen)
{
	if (!key)
		key = "";
	if (!value)
		vlen = 0;
	return add_field(f, key, strlen(key), value, vlen);
}

/* Starts a value for form_append: a new field, open for more pieces. */
static int open_field(struct form *f, const char *key, size_t klen,
		      const char *filename)
{
	struct form_field *ff;
	const char *k;

	if (close_open(f) < 0)
		return -1;
	k = arena_strndup(f->arena, key, klen);
	if (filename) {
		size_t flen = strlen(filename);
		if (flen > FORM_MAX_FILENAME)
			return fail(f, arena_printf(f->arena,
				"field \"%s\": file name too long (max %d bytes)",
				k, FORM_MAX_FILENAME));
		if (check_text(f, k, "file name", "", 0, filename, flen, TEXT_ONELINE) < 0)
			return -1;
	}
	ff = new_field(f, k);
	if (!ff)
		return -1;
	ff->filename = arena_strdup(f->arena, filename);
	ff->binary = filename && f->file_max;
	f->open = arena_alloc(f->arena, 1);
	f->open[0] = '\0';
	f->open_cap = 0;
	f->open_checked = 0;
	ff->value = f->open;
	return 0;
}

/* The most bytes the value of ff may hold. */
static size_t value_max(const struct form *f, const struct form_field *ff)
{
	return ff->binary ? f->file_max : FORM_MAX_VALUE;
}

/* Appends data to the open value, growing its arena buffer by doubling
 * (the old buffer stays in the arena: at most twice the value's size). */
static void open_grow(struct form *f, struct form_field *ff, size_t need)
{
	size_t cap = f->open_cap ? f->open_cap * 2 : 256;
	char *buf;

	if (cap < need)
		cap = need;
	if (cap > value_max(f, ff))
		cap = value_max(f, ff);
	buf = arena_alloc(f->arena, cap + 1);
	memcpy(buf, f->open, ff->len);
	buf[ff->len] = '\0';
	f->open = buf;
	f->open_cap = cap;
	ff->value = buf;
}

/* 1 when a piece at offset 0 continues the open value instead of starting
 * one: that value is still empty and has the same key and file name.
 * libmicrohttpd's post processor calls with (offset 0, no bytes) when a
 * part's first bytes arrive with the end of a read but it cannot yet tell
 * them from the start of the boundary, and then again from offset 0 with
 * the bytes: taken as two fields, a file sent split that way (about one
 * in a thousand under a burst, bench/burst.sh) was an empty file and then
 * itself.  The cost: an empty value followed by a value of the same key
 * (and file name) is one field, which no form needs to tell apart. */
static int restarts_empty(const struct form *f, const char *key, const char *filename)
{
	const struct form_field *ff;

	if (!f->open || !f->n)
		return 0;
	ff = &f->fields[f->n - 1];
	if (ff->len || strcmp(ff->key, key))
		return 0;
	if (!ff->filename || !filename)
		return !ff->filename && !filename;
	return !strcmp(ff->filename, filename);
}

int form_append(struct form *f, const char *key, const char *filename,
		const char *data, size_t len, size_t off)
{
	struct form_field *ff;
	size_t klen, end;

	if (f->err)
		return -1;
	if (!key)
		key = "";
	klen = strlen(key);
	if (check_key(f, key, klen) < 0)
		return -1;
	if (off == 0 && !restarts_empty(f, key, filename)) {
		if (open_field(f, key, klen, filename) < 0)
			return -1;
	} else if (off == 0) {
		/* the same empty value again from its start: go on with it */
	} else if (!f->open || strcmp(f->fields[f->n - 1].key, key) != 0) {
		return fail(f, arena_printf(f->arena,
			"field \"%s\": value continued at offset %zu without its start",
			key, off));
	} else if (off != f->fields[f->n - 1].len) {
		return fail(f, arena_printf(f->arena,
			"field \"%s\": piece at offset %zu does not follow the %zu bytes received",
			key, off, f->fields[f->n - 1].len));
	}
	ff = &f->fields[f->n - 1];
	if (len == 0)
		return 0;
	if (ff->binary && len > f->file_max - ff->len) {
		f->too_large = 1;
		return fail(f, arena_printf(f->arena, "field \"%s\": file larger than %zu bytes",
					    ff->key, f->file_max));
	}
	if (!ff->binary && len > FORM_MAX_VALUE - ff->len)
		return too_long(f, ff->key);
	if (ff->len + len > f->open_cap)
		open_grow(f, ff, ff->len + len);
	memcpy(f->open + ff->len, data, len);
	ff->len += len;
	f->open[ff->len] = '\0';
	if (ff->binary)
		return 0;

	end = complete_prefix((const unsigned char *)f->open, f->open_checked, ff->len);
	if (check_text(f, ff->key, NULL, f->open, f->open_checked, f->open + f->open_checked,
		       end - f->open_checked, field_flags(ff)) < 0)
		return -1;
	f->open_checked = end;
	return 0;
}

int form_finish(struct form *f)
{
	if (f->err)
		return -1;
	return close_open(f);
}


/* Decodes s[0..n) (form encoding: %XX and '+') into out, which has room for
 * n bytes.  The decoded length, or -1 on a malformed escape. */
static long decode(const char *s, size_t n, char *out)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '+') {
			out[o++] = ' ';
		} else if (c == '%') {
			int hi, lo;
			if (n - i < 3)
				return -1;
			hi = hex_value((unsigned char)s[i + 1]);
			lo = hex_value((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			out[o++] = (char)(hi << 4 | lo);
			i += 2;
		} else {
			out[o++] = (char)c;
		}
	}
	return (long)o;
}

/* One "key[=value]" of urlencoded data. */
static int parse_pair(struct form *f, const char *s, size_t n)
{
	const char *eq = memchr(s, '=', n);
	size_t kraw = eq ? (size_t)(eq - s) : n;
	size_t vraw = eq ? n - kraw - 1 : 0;
	char *key, *value = NULL;
	long klen, vlen = 0;

	/* a name longer than this cannot decode to FORM_MAX_KEY bytes */
	if (kraw > 3 * (size_t)FORM_MAX_KEY)
		return fail(f, arena_printf(f->arena,
			"field name too long (max %d bytes)", FORM_MAX_KEY));
	key = arena_alloc(f->arena, kraw + 1);
	klen = decode(s, kraw, key);
	if (klen < 0)
		return fail(f, "malformed percent-escape in field name");
	if (check_key(f, key, (size_t)klen) < 0)
		return -1;
	key[klen] = '\0';
	if (vraw > 3 * (size_t)FORM_MAX_VALUE)
		return too_long(f, key);
	if (vraw) {
		value = arena_alloc(f->arena, vraw + 1);
		vlen = decode(eq + 1, vraw, value);
		if (vlen < 0)
			return fail(f, arena_printf(f->arena,
				"field \"%s\": malformed percent-escape", key));
	}
	return add_field(f, key, (size_t)klen, value, (size_t)vlen);
}

int form_parse_urlencoded(struct form *f, const char *data, size_t len)
{
	size_t i = 0;

	if (f->err || close_open(f) < 0)
		return -1;
	while (i < len) {
		const char *amp = memchr(data + i, '&', len - i);
		size_t n = amp ? (size_t)(amp - (data + i)) : len - i;

		/* empty pairs ("a=1&&b=2", a trailing '&') carry nothing */
		if (n && parse_pair(f, data + i, n) < 0)
			return -1;
		i += n + 1;
	}
	return 0;
}

const char *form_get(const struct form *f, const char *key)
{
	int i, n;

	if (f->err || !key)
		return NULL;
	n = f->open ? f->n - 1 : f->n;
	for (i = 0; i < n; i++)
		if (strcmp(f->fields[i].key, key) == 0)
			return f->fields[i].value;
	return NULL;
}

static int ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

const char *form_get_trim(const struct form *f, const char *key)
{
	const char *v = form_get(f, key);
	size_t n;

	if (!v)
		return "";
	while (ascii_space(*v))
		v++;
	n = strlen(v);
	if (n == 0 || !ascii_space(v[n - 1]))
		return v;
	while (n > 0 && ascii_space(v[n - 1]))
		n--;
	return arena_strndup(f->arena, v, n);
}

int form_get_bool(const struct form *f, const char *key)
{
	const char *v = form_get(f, key);

	return v && v[0] && strcmp(v, "0") != 0;
}

/* Leading and trailing ASCII whitespace is allowed (a pasted number); an
 * optional '-', then digits only; overflow is malformed. */
int form_get_int(const struct form *f, const char *key, long long *out)
{
	const char *v = form_get_trim(f, key);
	unsigned long long acc = 0, limit = LLONG_MAX;
	int neg = 0;

	if (*v == '-') {
		neg = 1;
		limit = (unsigned long long)LLONG_MAX + 1;
		v++;
	}
	if (!*v)
		return -1;
	for (; *v; v++) {
		unsigned d;
		if (*v < '0' || *v > '9')
			return -1;
		d = (unsigned)(*v - '0');
		if (acc > (limit - d) / 10)
			return -1;
		acc = acc * 10 + d;
	}
	if (neg)
		*out = acc == (unsigned long long)LLONG_MAX + 1 ?
			LLONG_MIN : -(long long)acc;
	else
		*out = (long long)acc;
	return 0;
}

int64_t form_opt_id(const struct form *f, const char *key, struct fielderr *fe, const char *msg)
{
	long long v = 0;

	if (!*form_get_trim(f, key))
		return 0;
	if (form_get_int(f, key, &v) < 0 || v <= 0)
		fielderr_add(fe, key, msg);
	return v > 0 ? v : 0;
}

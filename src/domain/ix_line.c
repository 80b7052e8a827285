/*
 * ix_line.c: the import's reader of a plain JSON Lines record (ix_line.h).
 * It accepts a strict subset of what jansson accepts with
 * JSON_REJECT_DUPLICATES and gives the same values: on anything outside it
 * (an escape, a number with a fraction or exponent or of 19 digits or
 * more, a nested object, a list of anything but strings, a duplicate key,
 * a control character, UTF-8 that jansson's utf.c would refuse, a syntax
 * error) it returns 1 and the caller asks jansson, whose result and error
 * text are then the import's.  Declining is always safe; accepting is only
 * done where jansson would accept with the same value.
 */
#include "domain/ix_line.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"

#define WS(c) ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r')

static const char *skip_ws(const char *p)
{
	while (WS(*p))
		p++;
	return p;
}

/* The length of a valid UTF-8 sequence at p (jansson's utf8_check_first
 * and utf8_check_full), 0 when invalid; the line's NUL ends any sequence. */
static int utf8_len(const unsigned char *p)
{
	unsigned c = p[0], v;
	int n;

	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0;
	n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
	if (!n)
		return 0;
	v = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
	for (int k = 1; k < n; k++) {
		if ((p[k] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (p[k] & 0x3F);
	}
	if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) || (n == 3 && v < 0x800) ||
	    (n == 4 && v < 0x10000))
		return 0;
	return n;
}

/* A string at *pp (its opening quote): NUL-terminated in place, *pp past
 * it; NULL when declined (an escape, a control character, bad UTF-8). */
static char *read_string(char **pp)
{
	unsigned char *p = (unsigned char *)*pp + 1;
	char *s = (char *)p;

	for (;;) {
		int n;
		if (*p == '"')
			break;
		if (*p < 0x20 || *p == '\\' || !(n = utf8_len(p)))
			return NULL;
		p += n;
	}
	*p = '\0';
	*pp = (char *)p + 1;
	return s;
}

/* A literal's or a number's end: what jansson's next token may start with. */
static int delimited(const char *p)
{
	return WS(*p) || *p == ',' || *p == '}' || *p == ']' || !*p;
}

/* A value at *pp into v: 0, 1 declined. */
static int read_value(struct ix_line *l, int *ne, char **pp, struct ix_jval *v)
{
	char *p = *pp;

	memset(v, 0, sizeof(*v));
	if (*p == '"') {
		v->kind = IX_J_STR;
		if (!(v->s = read_string(&p)))
			return 1;
	} else if (*p == '-' || (*p >= '0' && *p <= '9')) {
		int neg = *p == '-', digits = 0;
		int64_t i = 0;
		p += neg;
		if (*p == '0' && p[1] >= '0' && p[1] <= '9')
			return 1;
		for (; *p >= '0' && *p <= '9'; p++) {
			if (++digits > 18)      /* jansson's range check and text */
				return 1;
			i = i * 10 + (*p - '0');
		}
		if (!digits || !delimited(p))
			return 1;
		v->kind = IX_J_INT;
		v->i = neg ? -i : i;
	} else if (!strncmp(p, "true", 4) || !strncmp(p, "null", 4)) {
		v->kind = *p == 't' ? IX_J_TRUE : IX_J_NULL;
		p += 4;
	} else if (!strncmp(p, "false", 5)) {
		v->kind = IX_J_FALSE;
		p += 5;
	} else if (*p == '[') {
		v->kind = IX_J_ARRAY;
		v->e = &l->entries[*ne];
		p = (char *)skip_ws(p + 1);
		while (*p != ']') {
			struct ix_jval *e = &l->entries[*ne];
			if (v->n && *p++ != ',')
				return 1;
			p = (char *)skip_ws(p);
			if (*ne == IX_LINE_ENTRIES || *p != '"')
				return 1;
			memset(e, 0, sizeof(*e));
			e->kind = IX_J_STR;
			if (!(e->s = read_string(&p)))
				return 1;
			(*ne)++;
			v->n++;
			p = (char *)skip_ws(p);
		}
		p++;
	} else {
		return 1;
	}
	if (!delimited(p))
		return 1;
	*pp = p;
	return 0;
}

int ix_line_read(struct ix_line *l, const char *line, size_t len)
{
	char *p;
	int ne = 0;

	if (len + 1 > l->cap) {
		size_t cap = (len + 1) * 2;
		char *b = realloc(l->buf, cap);
		if (!b)
			return -1;
		l->buf = b;
		l->cap = cap;
	}
	memcpy(l->buf, line, len);
	l->buf[len] = '\0';
	l->m = l->fixed;
	l->n = 0;
	p = (char *)skip_ws(l->buf);
	if (*p++ != '{')
		return 1;
	p = (char *)skip_ws(p);
	while (*p != '}') {
		struct ix_jmember *m = &l->m[l->n];
		if (l->n && *p++ != ',')
			return 1;
		p = (char *)skip_ws(p);
		if (l->n == IX_LINE_MEMBERS || *p != '"' || !(m->key = read_string(&p)))
			return 1;
		p = (char *)skip_ws(p);
		if (*p++ != ':')
			return 1;
		p = (char *)skip_ws(p);
		if (read_value(l, &ne, &p, &m->v))
			return 1;
		for (int k = 0; k < l->n; k++)      /* jansson refuses a duplicate */
			if (!strcmp(l->m[k].key, m->key))
				return 1;
		l->n++;
		p = (char *)skip_ws(p);
	}
	/* nothing after it, a NUL byte included (jansson reads len bytes) */
	return skip_ws(p + 1) == l->buf + len ? 0 : 1;
}

static void from_json(struct ix_jval *v, json_t *j)
{
	memset(v, 0, sizeof(*v));
	if (json_is_string(j)) {
		v->kind = IX_J_STR;
		v->s = json_string_value(j);
	} else if (json_is_integer(j)) {
		v->kind = IX_J_INT;
		v->i = json_integer_value(j);
	} else {
		v->kind = json_is_true(j) ? IX_J_TRUE : json_is_false(j) ? IX_J_FALSE
			: json_is_null(j) ? IX_J_NULL : json_is_array(j) ? IX_J_ARRAY : IX_J_OTHER;
	}
}

int ix_line_from_json(struct ix_line *l, json_t *obj, struct arena *a)
{
	const char *key;
	json_t *val;
	int n = 0;

	l->m = arena_alloc(a, (json_object_size(obj) + 1) * sizeof(*l->m));
	if (!l->m)
		return -1;
	json_object_foreach(obj, key, val) {
		struct ix_jmember *m = &l->m[n++];
		m->key = key;
		from_json(&m->v, val);
		if (m->v.kind == IX_J_ARRAY) {
			struct ix_jval *e = arena_alloc(a, (json_array_size(val) + 1) * sizeof(*e));
			if (!e)
				return -1;
			m->v.n = (int)json_array_size(val);
			for (int k = 0; k < m->v.n; k++)
				from_json(&e[k], json_array_get(val, (size_t)k));
			m->v.e = e;
		}
	}
	l->n = n;
	return 0;
}

const struct ix_jval *ix_line_get(const struct ix_line *l, const char *key)
{
	for (int k = 0; k < l->n; k++)
		if (!strcmp(l->m[k].key, key))
			return &l->m[k].v;
	return NULL;
}

void ix_line_release(struct ix_line *l)
{
	free(l->buf);
	l->buf = NULL;
	l->cap = 0;
}

#ifndef QF_TEST_OFFICE_CHECK_H
#define QF_TEST_OFFICE_CHECK_H
/*
 * office_check.h: what test_docx.c and test_xlsx.c share to look inside
 * a written file: reading a part out of the zip in memory (libzip), a
 * small XML well-formedness check (one root, balanced and matching tags,
 * quoted attributes without '<', every '&' a predefined or numeric
 * entity, valid UTF-8), and the folder the script test t178_office.sh
 * asks for the sample files ($QF_OFFICE_OUT).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/escape.h"
#include "core/strbuf.h"

/* Reads part `name` of the zip in buf into out (reset first).  0 or -1. */
static int office_zip_part(const struct strbuf *buf, const char *name, struct strbuf *out)
{
	zip_error_t zerr;
	zip_source_t *src;
	zip_t *z;
	zip_file_t *f;
	char chunk[4096];
	zip_int64_t n;
	int rc = -1;

	strbuf_reset(out);
	zip_error_init(&zerr);
	src = zip_source_buffer_create(buf->buf, buf->len, 0, &zerr);
	if (!src)
		return -1;
	z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
	if (!z) {
		zip_source_free(src);
		zip_error_fini(&zerr);
		return -1;
	}
	f = zip_fopen(z, name, 0);
	if (f) {
		while ((n = zip_fread(f, chunk, sizeof(chunk))) > 0)
			strbuf_add(out, chunk, (size_t)n);
		rc = n < 0 ? -1 : 0;
		zip_fclose(f);
	}
	zip_close(z);
	zip_error_fini(&zerr);
	return rc;
}

/* The number of parts of the zip in buf, -1 when it is not a zip. */
static int office_zip_count(const struct strbuf *buf)
{
	zip_error_t zerr;
	zip_source_t *src;
	zip_t *z;
	int n;

	zip_error_init(&zerr);
	src = zip_source_buffer_create(buf->buf, buf->len, 0, &zerr);
	if (!src)
		return -1;
	z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
	zip_error_fini(&zerr);
	if (!z) {
		zip_source_free(src);
		return -1;
	}
	n = (int)zip_get_num_entries(z, 0);
	zip_close(z);
	return n;
}

static int xc_name_start(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':';
}

static int xc_name_char(int c)
{
	return xc_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/* Length of the name at s, 0 when none. */
static size_t xc_name(const char *s)
{
	size_t i = 0;

	if (!xc_name_start((unsigned char)s[0]))
		return 0;
	while (xc_name_char((unsigned char)s[i]))
		i++;
	return i;
}

/* Length of the entity at s ('&' ... ';'), 0 when not a valid one. */
static size_t xc_entity(const char *s)
{
	static const char *const named[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&apos;" };
	size_t i;

	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (!strncmp(s, named[i], strlen(named[i])))
			return strlen(named[i]);
	if (s[1] != '#')
		return 0;
	i = 2;
	if (s[2] == 'x') {
		for (i = 3; strchr("0123456789abcdefABCDEF", s[i]) && s[i]; i++)
			;
		return i > 3 && s[i] == ';' ? i + 1 : 0;
	}
	for (; s[i] >= '0' && s[i] <= '9'; i++)
		;
	return i > 2 && s[i] == ';' ? i + 1 : 0;
}

/* 0 when the XML in s is well formed; else -1, with the byte offset of
 * the fault in *at. */
static int xml_well_formed(const char *s, size_t *at)
{
	const char *stack[256];
	size_t slen[256], depth = 0, n;
	int roots = 0;
	const char *p = s;

	*at = 0;
	if (!utf8_valid(s, strlen(s)))
		return -1;
	if (!strncmp(p, "<?xml", 5)) {
		p = strstr(p, "?>");
		if (!p)
			return -1;
		p += 2;
	}
	while (*p) {
		*at = (size_t)(p - s);
		if (*p == '&') {
			if (!(n = xc_entity(p)) || !depth)
				return -1;
			p += n;
		} else if (*p != '<') {
			if (!depth && !strchr(" \t\r\n", *p))
				return -1;
			p++;
		} else if (!strncmp(p, "<!--", 4)) {
			if (!(p = strstr(p + 4, "-->")))
				return -1;
			p += 3;
		} else if (p[1] == '?') {
			if (!(p = strstr(p + 2, "?>")))
				return -1;
			p += 2;
		} else if (p[1] == '/') {
			n = xc_name(p + 2);
			if (!n || !depth || n != slen[depth - 1] || strncmp(p + 2, stack[depth - 1], n) ||
			    p[2 + n] != '>')
				return -1;
			depth--;
			p += n + 3;
		} else {
			const char *name = p + 1;

			n = xc_name(name);
			if (!n || (!depth && roots++) || depth == 256)
				return -1;
			p = name + n;
			for (;;) {
				size_t an;
				char q;

				while (strchr(" \t\r\n", *p) && *p)
					p++;
				if (*p == '>' || (p[0] == '/' && p[1] == '>'))
					break;
				if (!(an = xc_name(p)) || p[-1] == '"' || p[-1] == '\'')
					return -1;
				p += an;
				if (*p++ != '=' || (*p != '"' && *p != '\''))
					return -1;
				q = *p++;
				while (*p && *p != q) {
					if (*p == '<')
						return -1;
					if (*p == '&') {
						if (!(an = xc_entity(p)))
							return -1;
						p += an;
					} else {
						p++;
					}
				}
				if (*p++ != q)
					return -1;
			}
			if (*p == '>') {
				stack[depth] = name;
				slen[depth++] = n;
				p++;
			} else {
				p += 2;
			}
		}
	}
	*at = (size_t)(p - s);
	return depth == 0 && roots == 1 ? 0 : -1;
}

/* A random string from a hostile alphabet into s (reset first): markup,
 * entities, line breaks, controls, bidirectional overrides,
 * noncharacters, invalid UTF-8 (a surrogate, an overlong '<'), formula
 * starters, Chinese and an emoji; seed advances. */
static void office_hostile(struct strbuf *s, unsigned *seed)
{
	static const char *const atoms[] = {
		"&", "<", ">", "\"", "'", "]]>", "<w:p>", "&amp;", "&#x1;", "\n", "\r\n", "\r", "\t", "纪", "监",
		"🙂", "a", " ", "\x01", "\x1f", "\x7f", "\xc2\x85", "\xe2\x80\xae", "\xef\xbf\xbe", "\xff",
		"\xed\xa0\x80", "\xc0\xbc", "-", "=", "\\", "〔", "\xe2\x80\xa8",
	};

	strbuf_reset(s);
	for (int k = 0, n = 1 + (int)(rand_r(seed) % 12); k < n; k++)
		strbuf_addstr(s, atoms[rand_r(seed) % (sizeof(atoms) / sizeof(atoms[0]))]);
}

/* A table with grouped columns: 单位 | 处分 (党纪处分, 政务处分) | 第一种形态
 * (one column of its own group) | 备注, one row. */
static const struct office_col office_grouped_cols[] = {
	{ .head = "单位" }, { .head = "党纪处分", .group = "处分（人）" }, { .head = "政务处分", .group = "处分（人）" },
	{ .head = "人次", .group = "第一种形态" }, { .head = "备注" },
};
static const struct office_cell office_grouped_cells[] = {
	{ OFFICE_TEXT, "城关镇", 0, 0 }, { OFFICE_INT, NULL, 175, 0 }, { OFFICE_INT, NULL, 12, 0 },
	{ OFFICE_INT, NULL, 404, 0 }, { OFFICE_EMPTY, NULL, 0, 0 },
};
static const struct office_table office_grouped = {
	.title = "分组表头", .ncols = 5, .nrows = 1, .cols = office_grouped_cols, .cells = office_grouped_cells,
};

/* The path to write a sample to when $QF_OFFICE_OUT names a folder (the
 * script test converts it with LibreOffice), else NULL. */
static const char *office_sample_path(const char *file, char *buf, size_t n)
{
	const char *dir = getenv("QF_OFFICE_OUT");

	if (!dir || !*dir)
		return NULL;
	snprintf(buf, n, "%s/%s", dir, file);
	return buf;
}

#endif

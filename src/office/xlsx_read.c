/*
 * xlsx_read.c: the first worksheet of a workbook as tab-separated text
 * (office/xlsx_read.h).  libzip opens the buffer; the two XML parts
 * (xl/sharedStrings.xml, xl/worksheets/sheet1.xml) are scanned for the
 * few elements SpreadsheetML puts values in (<si>, <c r= t=>, <v>, <t>),
 * entities decoded; no other XML is interpreted.  Parts are capped at
 * 64 MB unpacked and the shared strings at 1,000,000.
 */
#include "office/xlsx_read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define PART_MAX (64u << 20)
#define STRINGS_MAX 1000000
#define COLS_MAX 64

int xlsx_is_zip(const void *data, size_t len)
{
	return len >= 4 && !memcmp(data, "PK\x03\x04", 4);
}

/* the part's bytes (NUL-terminated, malloc'd) or NULL when absent or too big */
static char *part(zip_t *z, const char *name, size_t *len)
{
	zip_stat_t st;
	zip_file_t *f;
	char *buf;
	zip_int64_t got;

	if (zip_stat(z, name, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) || st.size > PART_MAX)
		return NULL;
	if (!(f = zip_fopen(z, name, 0)))
		return NULL;
	buf = malloc((size_t)st.size + 1);
	got = buf ? zip_fread(f, buf, st.size) : -1;
	zip_fclose(f);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		free(buf);
		return NULL;
	}
	buf[got] = '\0';
	*len = (size_t)got;
	return buf;
}

/* XML text [s, e) with entities decoded into sb; tabs and line breaks as spaces */
static void text_of(struct strbuf *sb, const char *s, const char *e)
{
	static const struct { const char *ent; char c; } ents[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&apos;", '\'' } };

	while (s < e) {
		if (*s == '&') {
			size_t k;
			for (k = 0; k < sizeof(ents) / sizeof(ents[0]); k++)
				if (!strncmp(s, ents[k].ent, strlen(ents[k].ent)))
					break;
			if (k < sizeof(ents) / sizeof(ents[0])) {
				strbuf_addch(sb, ents[k].c);
				s += strlen(ents[k].ent);
				continue;
			}
			if (s[1] == '#') {
				char *end;
				unsigned long cp = s[2] == 'x' ? strtoul(s + 3, &end, 16) : strtoul(s + 2, &end, 10);
				if (*end == ';' && cp > 0 && cp <= 0x10FFFF) {
					char u[4];
					int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
					if (n == 1)
						u[0] = (char)cp;
					else {
						for (int i = n - 1; i > 0; i--, cp >>= 6)
							u[i] = (char)(0x80 | (cp & 0x3F));
						u[0] = (char)((n == 2 ? 0xC0 : n == 3 ? 0xE0 : 0xF0) | cp);
					}
					strbuf_add(sb, u, (size_t)n);
					s = end + 1;
					continue;
				}
			}
		}
		strbuf_addch(sb, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
		s++;
	}
}

/* the text of every <t>..</t> within [s, e) (a rich string has several) */
static void runs_of(struct strbuf *sb, const char *s, const char *e)
{
	for (const char *t = s; (t = strstr(t, "<t")) && t < e;) {
		const char *open = strchr(t, '>'), *close;
		if (t[2] != '>' && t[2] != ' ') {   /* <tc ...>, not a text run */
			t += 2;
			continue;
		}
		if (!open || open >= e || open[-1] == '/' || !(close = strstr(open, "</t>")) || close > e)
			break;
		text_of(sb, open + 1, close);
		t = close + 4;
	}
}

/* the value of attribute name in the tag [s, e), or NULL */
static const char *attr(const char *s, const char *e, const char *name, size_t *n)
{
	size_t l = strlen(name);

	for (const char *p = s; p + l + 2 < e; p++)
		if (p[-1] == ' ' && !strncmp(p, name, l) && p[l] == '=' && p[l + 1] == '"') {
			const char *v = p + l + 2, *q = memchr(v, '"', (size_t)(e - v));
			if (!q)
				return NULL;
			*n = (size_t)(q - v);
			return v;
		}
	return NULL;
}

/* 0-based column of a reference "AB12", -1 when none */
static int column(const char *r, size_t n)
{
	int c = 0;
	size_t i = 0;

	for (; i < n && r[i] >= 'A' && r[i] <= 'Z'; i++)
		c = c * 26 + (r[i] - 'A' + 1);
	return i ? c - 1 : -1;
}

int xlsx_read_tsv(const void *data, size_t len, struct strbuf *out, char *err, size_t n)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	char *ss = NULL, *sh;
	size_t sslen = 0, shlen;
	const char **str = NULL;
	size_t *strl = NULL;
	struct strbuf pool = STRBUF_INIT;
	size_t *off = NULL;
	int nstr = 0, row = 0, rc = -1;

	*err = '\0';
	zip_error_init(&ze);
	if (!(src = zip_source_buffer_create(data, len, 0, &ze)) || !(z = zip_open_from_source(src, ZIP_RDONLY, &ze))) {
		snprintf(err, n, "not a zip: %s", zip_error_strerror(&ze));
		if (src)
			zip_source_free(src);
		zip_error_fini(&ze);
		return -1;
	}
	zip_error_fini(&ze);
	if (!(sh = part(z, "xl/worksheets/sheet1.xml", &shlen))) {
		snprintf(err, n, "no first worksheet (xl/worksheets/sheet1.xml)");
		zip_discard(z);
		return -1;
	}
	ss = part(z, "xl/sharedStrings.xml", &sslen);
	zip_discard(z);
	/* the shared strings, each as text in pool (offsets, then pointers) */
	for (const char *p = ss; p && (p = strstr(p, "<si")) && nstr < STRINGS_MAX;) {
		const char *e = strstr(p, "</si>");
		if (!e)
			break;
		if (!(nstr % 1024)) {
			size_t *w = realloc(off, sizeof(*off) * (size_t)(nstr + 1025));
			if (!w)
				goto done;
			off = w;
		}
		off[nstr++] = pool.len;
		runs_of(&pool, p, e);
		strbuf_addch(&pool, '\0');
		p = e + 5;
	}
	str = calloc((size_t)nstr + 1, sizeof(*str));
	strl = calloc((size_t)nstr + 1, sizeof(*strl));
	if (!str || !strl)
		goto done;
	for (int i = 0; i < nstr; i++) {
		str[i] = pool.buf + off[i];
		strl[i] = strlen(str[i]);
	}
	/* the rows: empty ones kept, so the line number is the row number */
	for (const char *p = sh; (p = strstr(p, "<row")); ) {
		const char *e = strstr(p, "</row>"), *tagend = strchr(p, '>');
		size_t rl;
		const char *rv = tagend ? attr(p + 1, tagend, "r", &rl) : NULL;
		int r = rv ? atoi(rv) : row + 1, col = 0;

		if (!tagend)
			break;
		while (row + 1 < r && row < r) {       /* the rows skipped */
			strbuf_addch(out, '\n');
			row++;
		}
		row = r;
		if (tagend[-1] == '/' || !e) {         /* <row .../> */
			strbuf_addch(out, '\n');
			p = tagend + 1;
			continue;
		}
		for (const char *c = tagend; (c = strstr(c, "<c")) && c < e;) {
			const char *ce = strchr(c, '>'), *cend;
			size_t tl = 0, al = 0;
			const char *t, *ref;
			int k;

			if (!ce || (c[2] != ' ' && c[2] != '>'))
				break;
			t = attr(c + 1, ce, "t", &tl);
			ref = attr(c + 1, ce, "r", &al);
			k = ref ? column(ref, al) : col;
			if (k < 0 || k >= COLS_MAX) {
				snprintf(err, n, "row %d: a cell beyond column %d", r, COLS_MAX);
				goto done;
			}
			for (; col < k; col++)
				strbuf_addch(out, '\t');
			if (ce[-1] == '/') {
				c = ce + 1;
				continue;
			}
			cend = strstr(ce, "</c>");
			if (!cend || cend > e)
				break;
			if (t && tl == 9 && !strncmp(t, "inlineStr", 9)) {
				runs_of(out, ce, cend);
			} else {
				const char *v = strstr(ce, "<v>");
				const char *ve = v && v < cend ? strstr(v, "</v>") : NULL;
				if (ve && ve <= cend) {
					if (t && tl == 1 && *t == 's') {
						long i = strtol(v + 3, NULL, 10);
						if (i >= 0 && i < nstr)
							strbuf_add(out, str[i], strl[i]);
					} else {
						text_of(out, v + 3, ve);
					}
				}
			}
			c = cend + 4;
		}
		strbuf_addch(out, '\n');
		p = e + 6;
	}
	rc = 0;
done:
	if (rc < 0 && !*err)
		snprintf(err, n, "out of memory");
	free(str);
	free(strl);
	free(off);
	strbuf_release(&pool);
	free(ss);
	free(sh);
	return rc;
}

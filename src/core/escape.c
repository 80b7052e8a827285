/*
 * escape.c: the one escaping layer (see escape.h; after cgit's html.c).
 *
 * Every function here reads its input as UTF-8 and guarantees:
 *  - no byte of an invalid sequence reaches the output as is: each invalid
 *    byte (a stray continuation byte, an overlong form, a surrogate, a code
 *    point past U+10FFFF, a truncated sequence) becomes U+FFFD;
 *  - the output is safe for its one context (element text, double-quoted
 *    attribute, query component, JSON string inside or outside a <script>,
 *    CSV cell opened by a spreadsheet);
 *  - the append is all or nothing: when the strbuf's max is reached the
 *    strbuf is put back to its length before the call (its `overflow` flag
 *    stays set) and -1 is returned, so a page never ends in half an entity
 *    or an unclosed JSON string.
 * Safe runs of bytes are copied with one append each, so escaping is close
 * to the cost of a copy for ordinary text.
 */
#include "core/escape.h"

#include <string.h>

#include "core/text.h"

static const char replacement[] = "\xef\xbf\xbd";      /* U+FFFD */

int utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	if (!s)
		return len == 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(p + i, len - i, &cp);
		if (!n || !cp)
			return 0;
		i += n;
	}
	return 1;
}

size_t utf8_len(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len, count = 0;

	if (!s)
		return 0;
	len = strlen(s);
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(p + i, len - i, &cp);
		i += n ? n : 1;         /* an invalid byte counts as its U+FFFD */
		count++;
	}
	return count;
}

/*
 * What a context does with one code point: NULL to copy it as is, else
 * the text to write instead.  `cp` is UINT32_MAX for an invalid byte.
 * `buf` (at least 16 bytes) may be used for the replacement text.
 */
typedef const char *(*escape_fn)(uint32_t cp, char *buf);

static const char hexdig[] = "0123456789ABCDEF";

/* What text_check refuses in every field: C0 controls other than tab, LF
 * and CR, DEL, C1 controls, bidirectional embeddings, overrides and
 * isolates, noncharacters.  Never useful in a page or a spreadsheet and
 * invisible to the person reading it, or worse (U+202E turns the rest of
 * a line around).  New input never holds them; text stored before the
 * check existed may, so the escapers replace them with U+FFFD (JSON keeps
 * them exactly, as \uXXXX escapes). */
static int is_bad_control(uint32_t cp)
{
	return text_check_cp(cp, TEXT_MULTILINE) != TEXT_OK;
}

static const char *esc_html_txt(uint32_t cp, char *buf)
{
	switch (cp) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\'': return "&#39;";
	}
	if (cp == UINT32_MAX || is_bad_control(cp))
		return replacement;
	return NULL;
}

static const char *esc_html_attr(uint32_t cp, char *buf)
{
	switch (cp) {
	case '`': return "&#96;";
	case '=': return "&#61;";
	case '\t': return "&#9;";
	case '\n': return "&#10;";
	case '\r': return "&#13;";
	}
	return esc_html_txt(cp, buf);
}

/* Percent-encodes every byte of the UTF-8 form of cp except RFC 3986's
 * unreserved characters. */
static const char *esc_url(uint32_t cp, char *buf)
{
	unsigned char u[4];
	size_t n, i;
	char *o = buf;

	if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
	    (cp >= '0' && cp <= '9') || cp == '-' || cp == '.' || cp == '_' || cp == '~')
		return NULL;
	if (cp == UINT32_MAX) {
		memcpy(u, replacement, 3);
		n = 3;
	} else if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (unsigned char)(0xc0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (unsigned char)(0xe0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (unsigned char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		u[0] = (unsigned char)(0xf0 | (cp >> 18));
		u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
		u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		u[3] = (unsigned char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	for (i = 0; i < n; i++) {
		*o++ = '%';
		*o++ = hexdig[u[i] >> 4];
		*o++ = hexdig[u[i] & 15];
	}
	*o = '\0';
	return buf;
}

static const char *esc_json(uint32_t cp, char *buf)
{
	switch (cp) {
	case '"': return "\\\"";
	case '\\': return "\\\\";
	case '\b': return "\\b";
	case '\f': return "\\f";
	case '\n': return "\\n";
	case '\r': return "\\r";
	case '\t': return "\\t";
	case UINT32_MAX: return replacement;
	}
	if (cp < 0x20 || cp == '<' || cp == '>' || cp == '&' || cp == '\'' ||
	    cp == 0x2028 || cp == 0x2029 || (cp < 0x10000 && is_bad_control(cp))) {
		buf[0] = '\\';
		buf[1] = 'u';
		buf[2] = hexdig[(cp >> 12) & 15];
		buf[3] = hexdig[(cp >> 8) & 15];
		buf[4] = hexdig[(cp >> 4) & 15];
		buf[5] = hexdig[cp & 15];
		buf[6] = '\0';
		return buf;
	}
	return NULL;
}

static const char *esc_csv(uint32_t cp, char *buf)
{
	if (cp == '"')
		return "\"\"";
	if (cp == UINT32_MAX || is_bad_control(cp))
		return replacement;
	return NULL;
}

/*
 * The loop all escapers share: copies runs of code points that need no
 * escaping with one append, writes the replacement of the others.  Does
 * not restore the length on failure; the callers do.
 */
/* Printable ASCII that no HTML context escapes (everything but
 * & < > " ' ` =): copied without asking the context, the hot path of every
 * page.  Anything else still goes through the context's function. */
static int html_plain(unsigned char b)
{
	return b >= 0x20 && b < 0x7f && b != '&' && b != '<' && b != '>' && b != '"' &&
	       b != '\'' && b != '`' && b != '=';
}

static int escape_run(struct strbuf *out, const char *s, escape_fn fn)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, run = 0;
	int html = fn == esc_html_txt || fn == esc_html_attr;
	char buf[16];

	while (i < len) {
		uint32_t cp;
		size_t n;
		const char *rep;

		if (html && html_plain(p[i])) {
			i++;
			continue;
		}
		/* a well-formed three-byte sequence led by E3..EC: U+3000..U+CFFF
		 * (CJK, kana, hangul), none of which any HTML context escapes or
		 * replaces (issue 16: the list pages' names and units decoded
		 * character by character were a fifth of their instructions) */
		if (html && p[i] >= 0xe3 && p[i] <= 0xec && len - i >= 3 && (p[i + 1] & 0xc0) == 0x80 &&
		    (p[i + 2] & 0xc0) == 0x80) {
			i += 3;
			continue;
		}
		n = utf8_decode(p + i, len - i, &cp);

		if (!n) {
			cp = UINT32_MAX;
			n = 1;
		}
		rep = fn(cp, buf);
		if (!rep) {
			i += n;
			continue;
		}
		if (strbuf_add(out, s + run, i - run) < 0 || strbuf_addstr(out, rep) < 0)
			return -1;
		i += n;
		run = i;
	}
	return strbuf_add(out, s + run, i - run);
}

static int escape_into(struct strbuf *out, const char *s, escape_fn fn,
		       const char *open, const char *close)
{
	size_t start = out->len;

	if (!s)
		return 0;
	if ((open && strbuf_addstr(out, open) < 0) ||
	    escape_run(out, s, fn) < 0 ||
	    (close && strbuf_addstr(out, close) < 0)) {
		strbuf_setlen(out, start);
		return -1;
	}
	return 0;
}

int html_txt(struct strbuf *out, const char *s)
{
	return escape_into(out, s, esc_html_txt, NULL, NULL);
}

int html_attr(struct strbuf *out, const char *s)
{
	return escape_into(out, s, esc_html_attr, NULL, NULL);
}

int url_arg(struct strbuf *out, const char *s)
{
	return escape_into(out, s, esc_url, NULL, NULL);
}

int json_str(struct strbuf *out, const char *s)
{
	return escape_into(out, s, esc_json, "\"", "\"");
}

/*
 * A field is quoted when it holds a comma, a quote, CR or LF, or begins
 * or ends with a space (which some readers trim).  A field that begins
 * with = + - @, tab or CR (OWASP's list) would be taken for a formula by
 * Excel, LibreOffice and WPS, so it gets a leading ' and is quoted.
 */
int csv_field(struct strbuf *out, const char *s)
{
	size_t len;
	int formula, quote;

	if (!s)
		return 0;
	len = strlen(s);
	formula = len && strchr("=+-@\t\r", s[0]);
	quote = formula || strpbrk(s, ",\"\r\n") ||
		(len && (s[0] == ' ' || s[len - 1] == ' '));
	return escape_into(out, s, esc_csv,
			   quote ? (formula ? "\"'" : "\"") : (formula ? "'" : NULL),
			   quote ? "\"" : NULL);
}

int hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Checks every escape before changing anything, so that on -1 the string
 * is as it was.  "%00" counts as malformed: a NUL inside a C string would
 * silently cut the value short.  The result is not checked for UTF-8;
 * callers pass it to utf8_valid.
 */
long url_decode(char *s)
{
	char *r, *w;

	for (r = s; *r; r++) {
		if (*r != '%')
			continue;
		if (hex_value(r[1]) < 0 || hex_value(r[2]) < 0 || (r[1] == '0' && r[2] == '0'))
			return -1;
		r += 2;
	}
	for (r = w = s; *r; r++) {
		if (*r == '%') {
			*w++ = (char)(hex_value(r[1]) << 4 | hex_value(r[2]));
			r += 2;
		} else if (*r == '+') {
			*w++ = ' ';
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	return (long)(w - s);
}

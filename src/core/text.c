/*
 * text.c: the one rule for submitted text (see text.h), and its messages.
 *
 * form.c and json_in.c call text_check on every value, file name and
 * member name a client sends, so a character refused on one path is
 * refused on the other with the same reason, the same English detail and
 * the same Chinese sentence.  The check decodes each character once
 * (printable ASCII without decoding) and stops at the first fault; it
 * never reads past len and never allocates.  The messages quote only the
 * field name the caller vouches for and the code point as U+XXXX, never
 * the refused text itself.  Hostile strings: tests/unit/test_text.c.
 */
#include "core/text.h"

#include <stdio.h>
#include <string.h>

size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	unsigned char c = s[0];
	unsigned char lo = 0x80, hi = 0xbf;
	size_t n, i;
	uint32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		v = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0;      /* no overlongs */
		else if (c == 0xed)
			hi = 0x9f;      /* no surrogates */
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		v = c & 0x07;
		if (c == 0xf0)
			lo = 0x90;      /* no overlongs */
		else if (c == 0xf4)
			hi = 0x8f;      /* nothing past U+10FFFF */
	} else {
		return 0;               /* 80..c1, f5..ff */
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		unsigned char b = s[i];
		if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xbf))
			return 0;
		v = (v << 6) | (b & 0x3f);
	}
	*cp = v;
	return n;
}

enum text_reason text_check_cp(uint32_t cp, int flags)
{
	int multi = flags & TEXT_MULTILINE;

	if (cp == 0)
		return TEXT_NUL;
	if (cp == '\t')
		return multi ? TEXT_OK : TEXT_TAB;
	if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029)
		return multi ? TEXT_OK : TEXT_LINEBREAK;
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return TEXT_CONTROL;
	if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return TEXT_BIDI;
	if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe)
		return TEXT_NONCHAR;
	return TEXT_OK;
}

enum text_reason text_check(const char *s, size_t len, int flags, struct text_fault *tf)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, at = 0;

	while (i < len) {
		enum text_reason r;
		uint32_t cp;
		size_t n;

		at++;
		if (p[i] >= 0x20 && p[i] < 0x7f) {
			i++;
			continue;
		}
		n = utf8_decode(p + i, len - i, &cp);
		if (!n) {
			r = TEXT_UTF8;
			cp = p[i];
		} else {
			r = text_check_cp(cp, flags);
		}
		if (r != TEXT_OK) {
			if (tf) {
				tf->reason = r;
				tf->cp = cp;
				tf->off = i;
				tf->at = at;
			}
			return r;
		}
		i += n;
	}
	return TEXT_OK;
}

void text_fault_shift(struct text_fault *tf, const char *prefix, size_t n)
{
	size_t i, chars = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)prefix[i] & 0xc0) != 0x80)
			chars++;
	tf->off += n;
	tf->at += chars;
}

void text_fault_field(struct text_fault *tf, const char *name, size_t len)
{
	size_t n = len;

	if (n > TEXT_FIELD_MAX) {
		n = TEXT_FIELD_MAX;
		while (n > 0 && ((unsigned char)name[n] & 0xc0) == 0x80)
			n--;            /* not inside a character */
	}
	memcpy(tf->field, name, n);
	memcpy(tf->field + n, n < len ? "..." : "", n < len ? 4 : 1);
}

static const struct {
	const char *code, *en, *zh;
} reasons[] = {
	[TEXT_OK] = { "", "", "" },
	[TEXT_UTF8] = { "utf8", "invalid UTF-8", "无效的 UTF-8 编码" },
	[TEXT_NUL] = { "nul", "NUL byte", "空字符" },
	[TEXT_CONTROL] = { "control", "control character", "控制字符" },
	[TEXT_LINEBREAK] = { "linebreak", "line break in a one-line field", "换行符" },
	[TEXT_TAB] = { "tab", "tab in a one-line field", "制表符" },
	[TEXT_BIDI] = { "bidi", "bidirectional control character",
			"改变文字显示方向的控制符" },
	[TEXT_NONCHAR] = { "nonchar", "noncharacter", "非字符码位" },
};

static size_t reason_index(enum text_reason r)
{
	return (size_t)r < sizeof(reasons) / sizeof(reasons[0]) ? (size_t)r : TEXT_OK;
}

const char *text_reason_code(enum text_reason r)
{
	return reasons[reason_index(r)].code;
}

/* The Chinese name of a fault's part (see text_fault.part). */
static const char *part_zh(const char *part)
{
	return !strcmp(part, "file name") ? "文件名" : "成员名";
}

const char *text_fault_en(const struct text_fault *tf, char *buf, size_t n)
{
	size_t i = reason_index(tf->reason);
	char where[TEXT_FIELD_MAX + 64], cp[16];

	if (!tf->part)
		snprintf(where, sizeof(where), "field \"%s\"", tf->field);
	else if (tf->field[0])
		snprintf(where, sizeof(where), "field \"%s\", %s", tf->field, tf->part);
	else
		snprintf(where, sizeof(where), "%s", tf->part);
	if (tf->reason == TEXT_UTF8)
		snprintf(cp, sizeof(cp), " (byte 0x%02X)", (unsigned)tf->cp);
	else
		snprintf(cp, sizeof(cp), " U+%04X", (unsigned)tf->cp);
	snprintf(buf, n, "%s: %s%s at character %zu", where, reasons[i].en, cp, tf->at);
	return buf;
}

const char *text_fault_zh(const struct text_fault *tf, char *buf, size_t n)
{
	size_t i = reason_index(tf->reason);
	char where[TEXT_FIELD_MAX + 64];

	if (!tf->part)
		snprintf(where, sizeof(where), "“%s”", tf->field);
	else if (tf->field[0])
		snprintf(where, sizeof(where), "“%s”的%s", tf->field, part_zh(tf->part));
	else
		snprintf(where, sizeof(where), "%s", part_zh(tf->part));
	if (tf->reason == TEXT_UTF8)
		snprintf(buf, n, "%s第 %zu 个字符处是%s（字节 0x%02X），请检查后重新提交。",
			 where, tf->at, reasons[i].zh, (unsigned)tf->cp);
	else if (tf->reason == TEXT_LINEBREAK || tf->reason == TEXT_TAB)
		snprintf(buf, n, "%s只能填写一行，第 %zu 个字符是%s（U+%04X），请删除后重新提交。",
			 where, tf->at, reasons[i].zh, (unsigned)tf->cp);
	else
		snprintf(buf, n, "%s第 %zu 个字符是%s（U+%04X），不能提交，请删除后重新提交。",
			 where, tf->at, reasons[i].zh, (unsigned)tf->cp);
	return buf;
}

/*
 * office/table.c: what the .docx and .xlsx writers share about text and
 * tables: the check that keeps controls out of the XML (the input rule of
 * core/text.c, so a document refuses what a form refuses), the display
 * width that sizes columns, and the one way a typed cell is shown as text
 * (counts, yuan from fen, dates, percentages rounded half up from exact
 * counts).  Nothing here allocates beyond the caller's strbuf.
 */
#include "office/table.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/money.h"
#include "core/text.h"

int office_text_check(const char *s, const char *what, char *err, size_t n)
{
	struct text_fault tf;

	if (!s)
		return 0;
	if (text_check(s, strlen(s), TEXT_MULTILINE, &tf) == TEXT_OK)
		return 0;
	if (tf.reason == TEXT_UTF8)
		snprintf(err, n, "%s: invalid UTF-8 at byte %zu", what, tf.off);
	else
		snprintf(err, n, "%s: character U+%04" PRIX32 " at character %zu not allowed (%s)",
			 what, tf.cp, tf.at, text_reason_code(tf.reason));
	return -1;
}

/* East Asian Wide and Fullwidth (UAX #11), as far as documents meet them. */
static int wide(uint32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
	       (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
	       (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

size_t office_text_width(const char *s)
{
	size_t w = 0, len, k;
	uint32_t cp;

	if (!s)
		return 0;
	len = strlen(s);
	for (size_t i = 0; i < len; i += k) {
		k = utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (!k) {
			k = 1;
			cp = '?';
		}
		w += wide(cp) ? 2 : 1;
	}
	return w;
}

int64_t office_ratio_bp(int64_t n, int64_t d)
{
	int neg;
	uint64_t un, ud, q;

	if (d == 0)
		return 0;
	neg = (n < 0) != (d < 0);
	un = n < 0 ? -(uint64_t)n : (uint64_t)n;
	ud = d < 0 ? -(uint64_t)d : (uint64_t)d;
	/* (n * 10000 + d / 2) / d without overflow for counts below 2^49 */
	q = (un * 20000 / ud + 1) / 2;
	return neg ? -(int64_t)q : (int64_t)q;
}

void office_cell_format(struct strbuf *sb, const struct office_cell *c)
{
	char day[16];
	int64_t bp;

	switch (c->kind) {
	case OFFICE_TEXT:
		strbuf_addstr(sb, c->text ? c->text : "");
		break;
	case OFFICE_INT:
		strbuf_addf(sb, "%" PRId64, c->n);
		break;
	case OFFICE_FEN:
		money_format(sb, c->n, 1);
		break;
	case OFFICE_DATE:
		strbuf_addstr(sb, date_format((qf_day)c->n, day));
		break;
	case OFFICE_RATIO:
		if (!c->d)
			break;
		bp = office_ratio_bp(c->n, c->d);
		strbuf_addf(sb, "%s%" PRId64 ".%02" PRId64 "%%", bp < 0 ? "-" : "",
			    (bp < 0 ? -bp : bp) / 100, (bp < 0 ? -bp : bp) % 100);
		break;
	case OFFICE_EMPTY:
		break;
	}
}

size_t office_col_width(const struct office_table *t, size_t col, int with_head)
{
	struct strbuf sb = STRBUF_INIT;
	size_t w, cw;

	if (t->cols[col].width > 0)
		return (size_t)t->cols[col].width;
	w = with_head ? office_text_width(t->cols[col].head) : 0;
	for (size_t r = 0; r < t->nrows; r++) {
		strbuf_reset(&sb);
		office_cell_format(&sb, &t->cells[r * t->ncols + col]);
		cw = office_text_width(sb.buf);
		if (cw > w)
			w = cw;
	}
	strbuf_release(&sb);
	return w ? w : 1;
}

static void text_cell(struct strbuf *sb, const char *s, size_t width, int last)
{
	strbuf_addstr(sb, s);
	if (last)
		return;
	for (size_t w = office_text_width(s); w < width + 2; w++)
		strbuf_addch(sb, ' ');
}

void office_text_table(struct strbuf *sb, const struct office_table *t)
{
	struct strbuf cell = STRBUF_INIT;
	size_t w[64];

	for (size_t c = 0; c < t->ncols && c < 64; c++)
		w[c] = office_col_width(t, c, 1);
	for (size_t c = 0; c < t->ncols && c < 64; c++)
		text_cell(sb, t->cols[c].head, w[c], c + 1 == t->ncols);
	strbuf_addch(sb, '\n');
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols && c < 64; c++) {
			strbuf_reset(&cell);
			office_cell_format(&cell, &t->cells[r * t->ncols + c]);
			text_cell(sb, cell.buf, w[c], c + 1 == t->ncols);
		}
		strbuf_addch(sb, '\n');
	}
	strbuf_release(&cell);
}

int office_has_groups(const struct office_table *t)
{
	for (size_t c = 0; c < t->ncols; c++)
		if (t->cols[c].group)
			return 1;
	return 0;
}

static int same_group(const struct office_col *a, const struct office_col *b)
{
	return a->group && b->group && !strcmp(a->group, b->group);
}

size_t office_group_span(const struct office_table *t, size_t col)
{
	size_t n = 1;

	if (col > 0 && same_group(&t->cols[col - 1], &t->cols[col]))
		return 0;
	while (col + n < t->ncols && same_group(&t->cols[col], &t->cols[col + n]))
		n++;
	return n;
}

int office_table_check(const struct office_table *t, char *err, size_t n)
{
	char what[64];

	if (!t || !t->ncols || !t->cols || (t->nrows && !t->cells)) {
		snprintf(err, n, "table without columns or cells");
		return -1;
	}
	if (office_text_check(t->title, "table title", err, n) ||
	    office_text_check(t->subtitle, "table subtitle", err, n))
		return -1;
	for (size_t c = 0; c < t->ncols; c++) {
		snprintf(what, sizeof(what), "header of column %zu", c + 1);
		if (office_text_check(t->cols[c].head, what, err, n) ||
		    office_text_check(t->cols[c].group, what, err, n))
			return -1;
	}
	for (size_t i = 0; i < t->nrows * t->ncols; i++) {
		if (t->cells[i].kind != OFFICE_TEXT)
			continue;
		snprintf(what, sizeof(what), "row %zu column %zu", i / t->ncols + 1, i % t->ncols + 1);
		if (office_text_check(t->cells[i].text, what, err, n))
			return -1;
	}
	return 0;
}

int office_write_file(const char *path, const void *data, size_t len, char *err, size_t n)
{
	FILE *f = fopen(path, "wb");

	if (!f) {
		snprintf(err, n, "cannot create '%s': %s", path, strerror(errno));
		return -1;
	}
	if (fwrite(data, 1, len, f) != len) {
		snprintf(err, n, "cannot write '%s': %s", path, strerror(errno));
		fclose(f);
		return -1;
	}
	if (fclose(f) != 0) {
		snprintf(err, n, "cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * office/xlsx.c: the .xlsx writer (xlsx.h) over libxlsxwriter.  One sheet
 * per table; every cell is written by its kind (write_string for text, so
 * user text never becomes a formula; write_number with a number format for
 * counts, yuan, dates and ratios); every value passes office_table_check
 * first, so a workbook refuses the characters a form refuses.
 *
 * libxlsxwriter assembles the workbook in a file: a private temporary file
 * here, read back into memory once the workbook is closed and removed by
 * xlsx_free.  The creation time in docProps is fixed, so the same tables
 * give the same bytes.
 */
#include "office/xlsx.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/text.h"
#include "core/xalloc.h"

#define FONT "宋体"
#define FONT_PT 11
#define WIDTH_MAX 50            /* wider columns wrap their text */
#define LANDSCAPE_AT 90         /* a table wider than this prints landscape */
#define SHEETNAME_UNITS 31      /* Excel counts UTF-16 code units */
#define EXCEL_EPOCH 25569       /* 1970-01-01 as an Excel serial day */
#define FIXED_CREATED 315532800 /* 1980-01-01T00:00:00Z */

struct xlsx {
	lxw_workbook *wb;
	char path[256];
	int failed, closed, nsheets;
	int streaming;          /* constant_memory: rows go to disk as written */
	char err[OFFICE_ERR_MAX];
	struct strbuf out;      /* the finished file */
	char **names;           /* the sheet names given so far */
	lxw_format *title, *sub, *head, *text, *wrap, *num, *fen, *date, *ratio, *blank;
	lxw_doc_properties props;
};

QF_PRINTF(2, 3)
static int fail(struct xlsx *x, const char *fmt, ...)
{
	va_list ap;

	if (!x->failed) {
		va_start(ap, fmt);
		vsnprintf(x->err, sizeof(x->err), fmt, ap);
		va_end(ap);
	}
	x->failed = 1;
	return -1;
}

/* A format in 宋体 11 pt; `cell` adds the thin border of table cells. */
static lxw_format *format(lxw_workbook *wb, int cell, const char *num)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_font_name(f, FONT);
	format_set_font_size(f, FONT_PT);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	if (cell)
		format_set_border(f, LXW_BORDER_THIN);
	if (num)
		format_set_num_format(f, num);
	return f;
}

static struct xlsx *new_opt(int streaming)
{
	struct xlsx *x = xcalloc(1, sizeof(*x));
	const char *dir = getenv("TMPDIR");
	lxw_workbook_options opt = { 0 };
	int fd;

	if (!dir || !*dir)
		dir = "/tmp";
	strbuf_init(&x->out, 0);
	if ((size_t)snprintf(x->path, sizeof(x->path), "%s/qf-xlsx-XXXXXX", dir) >= sizeof(x->path) ||
	    (fd = mkstemp(x->path)) < 0) {
		x->path[0] = '\0';
		xlsx_free(x);
		return NULL;
	}
	close(fd);
	opt.tmpdir = (char *)dir;
	opt.constant_memory = streaming ? LXW_TRUE : LXW_FALSE;
	x->streaming = streaming;
	x->wb = workbook_new_opt(x->path, &opt);
	if (!x->wb) {
		xlsx_free(x);
		errno = ENOMEM;
		return NULL;
	}
	x->props.created = FIXED_CREATED;
	workbook_set_properties(x->wb, &x->props);
	x->title = format(x->wb, 0, NULL);
	format_set_bold(x->title);
	format_set_font_size(x->title, 16);
	/* streaming cannot merge cells: the banners are centred across */
	format_set_align(x->title, streaming ? LXW_ALIGN_CENTER_ACROSS : LXW_ALIGN_CENTER);
	x->sub = format(x->wb, 0, NULL);
	format_set_align(x->sub, streaming ? LXW_ALIGN_CENTER_ACROSS : LXW_ALIGN_CENTER);
	x->head = format(x->wb, 1, NULL);
	format_set_bold(x->head);
	format_set_align(x->head, LXW_ALIGN_CENTER);
	format_set_text_wrap(x->head);
	x->text = format(x->wb, 1, "@");
	x->wrap = format(x->wb, 1, "@");
	format_set_text_wrap(x->wrap);
	x->num = format(x->wb, 1, "0");
	x->fen = format(x->wb, 1, "#,##0.00");
	x->date = format(x->wb, 1, "yyyy-mm-dd");
	format_set_align(x->date, LXW_ALIGN_CENTER);
	x->ratio = format(x->wb, 1, "0.00%");
	x->blank = format(x->wb, 1, NULL);
	return x;
}

struct xlsx *xlsx_new(void)
{
	return new_opt(0);
}

struct xlsx *xlsx_new_streaming(void)
{
	return new_opt(1);
}

void xlsx_free(struct xlsx *x)
{
	if (!x)
		return;
	if (x->wb && !x->closed)
		lxw_workbook_free(x->wb);      /* not written: dropped */
	if (x->path[0])
		unlink(x->path);
	for (int i = 0; i < x->nsheets; i++)
		free(x->names[i]);
	free(x->names);
	strbuf_release(&x->out);
	free(x);
}

const char *xlsx_error(const struct xlsx *x)
{
	return x->err;
}

/* The sheet name Excel accepts: forbidden characters and controls as "_",
 * no apostrophe at either end, at most 31 UTF-16 units less `reserve`. */
static void sheet_name(struct strbuf *sb, const char *name, size_t reserve)
{
	size_t len = strlen(name), k, units = 0;
	uint32_t cp;

	for (size_t i = 0; i < len; i += k) {
		k = utf8_decode((const unsigned char *)name + i, len - i, &cp);
		if (!k)
			break;
		units += cp > 0xFFFF ? 2 : 1;
		if (units > SHEETNAME_UNITS - reserve)
			break;
		if (cp < 0x20 || (cp < 0x80 && strchr("[]:*?/\\", (int)cp)) ||
		    (cp == '\'' && (i == 0 || i + k == len)))
			strbuf_addch(sb, '_');
		else
			strbuf_add(sb, name + i, k);
	}
}

static int name_taken(const struct xlsx *x, const char *name)
{
	for (int i = 0; i < x->nsheets; i++)
		if (!strcasecmp(x->names[i], name))
			return 1;
	return 0;
}

/* Excel's column width for w character cells (a Chinese character is 2). */
static double col_width(size_t w)
{
	if (w > WIDTH_MAX)
		w = WIDTH_MAX;
	return (double)w + 2.5 < 6 ? 6 : (double)w + 2.5;
}

static lxw_error write_cell(struct xlsx *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
			    const struct office_cell *v, int wrap)
{
	switch (v->kind) {
	case OFFICE_TEXT:
		return worksheet_write_string(ws, r, c, v->text, wrap ? x->wrap : x->text);
	case OFFICE_INT:
		return worksheet_write_number(ws, r, c, (double)v->n, x->num);
	case OFFICE_FEN:
		/* fen divided only here, on the way out */
		return worksheet_write_number(ws, r, c, (double)v->n / 100.0, x->fen);
	case OFFICE_DATE:
		return worksheet_write_number(ws, r, c, (double)(v->n + EXCEL_EPOCH), x->date);
	case OFFICE_RATIO:
		if (!v->d)
			break;
		return worksheet_write_number(ws, r, c, (double)v->n / (double)v->d, x->ratio);
	case OFFICE_EMPTY:
		break;
	}
	return worksheet_write_blank(ws, r, c, x->blank);
}

/* A title or subtitle line across the table's columns: merged, or when
 * streaming (no merges) the text centred across blank cells. */
static lxw_error banner(const struct xlsx *x, lxw_worksheet *ws, lxw_row_t r, size_t ncols, const char *s,
			lxw_format *f)
{
	lxw_error e;

	if (ncols == 1)
		return worksheet_write_string(ws, r, 0, s, f);
	if (!x->streaming)
		return worksheet_merge_range(ws, r, 0, r, (lxw_col_t)(ncols - 1), s, f);
	e = worksheet_write_string(ws, r, 0, s, f);
	for (size_t c = 1; !e && c < ncols; c++)
		e = worksheet_write_blank(ws, r, (lxw_col_t)c, f);
	return e;
}

/* The first of two header rows: a group's header merged across its
 * columns, a column without a group merged over both rows. */
static lxw_error group_row(struct xlsx *x, lxw_worksheet *ws, const struct office_table *t, lxw_row_t top)
{
	lxw_error e = LXW_NO_ERROR;
	size_t n;

	for (size_t c = 0; !e && c < t->ncols; c++) {
		if (!(n = office_group_span(t, c)))
			continue;
		if (!t->cols[c].group)
			e = worksheet_merge_range(ws, top, (lxw_col_t)c, top + 1, (lxw_col_t)c,
						  t->cols[c].head ? t->cols[c].head : "", x->head);
		else if (n > 1)
			e = worksheet_merge_range(ws, top, (lxw_col_t)c, top, (lxw_col_t)(c + n - 1),
						  t->cols[c].group, x->head);
		else
			e = worksheet_write_string(ws, top, (lxw_col_t)c, t->cols[c].group, x->head);
	}
	return e;
}

int xlsx_sheet(struct xlsx *x, const char *name, const struct office_table *t)
{
	struct strbuf nm = STRBUF_INIT;
	lxw_worksheet *ws;
	lxw_error e = LXW_NO_ERROR;
	lxw_row_t r = 0, top, head;
	size_t total = 0, w;
	int grouped;
	char *wrap;
	int rc = -1;

	if (x->failed)
		return -1;
	if (x->closed)
		return fail(x, "sheet: the workbook is already written");
	if (office_table_check(t, x->err, sizeof(x->err)) < 0 ||
	    office_text_check(name, "sheet name", x->err, sizeof(x->err)) < 0) {
		x->failed = 1;
		return -1;
	}
	if (t->ncols > LXW_COL_MAX || t->nrows + 4 > LXW_ROW_MAX)
		return fail(x, "sheet: %zu rows of %zu columns do not fit a sheet", t->nrows, t->ncols);
	if (name && *name)
		sheet_name(&nm, name, 0);
	if (!nm.len)
		strbuf_addf(&nm, "Sheet%d", x->nsheets + 1);
	for (int n = 2; name_taken(x, nm.buf); n++) {
		strbuf_reset(&nm);
		if (name && *name)
			sheet_name(&nm, name, 6);
		else
			strbuf_addstr(&nm, "Sheet");
		strbuf_addf(&nm, " (%d)", n);
	}
	ws = workbook_add_worksheet(x->wb, nm.buf);
	if (!ws) {
		fail(x, "sheet \"%s\": refused by libxlsxwriter", nm.buf);
		goto out;
	}
	x->names = xrealloc(x->names, (size_t)(x->nsheets + 1) * sizeof(*x->names));
	x->names[x->nsheets++] = strbuf_detach(&nm, NULL);

	if (t->title) {
		e = banner(x, ws, r, t->ncols, t->title, x->title);
		if (!e)
			e = worksheet_set_row(ws, r, 28, NULL);
		r++;
	}
	if (!e && t->subtitle)
		e = banner(x, ws, r++, t->ncols, t->subtitle, x->sub);
	top = r;
	grouped = office_has_groups(t);
	if (!e && grouped && x->streaming) {
		fail(x, "sheet \"%s\": grouped headers need merged cells, not streaming", x->names[x->nsheets - 1]);
		goto out;
	}
	head = grouped ? top + 1 : top;
	if (!e && grouped)
		e = group_row(x, ws, t, top);
	for (size_t c = 0; !e && c < t->ncols; c++)
		if (!grouped || t->cols[c].group)
			e = worksheet_write_string(ws, head, (lxw_col_t)c, t->cols[c].head ? t->cols[c].head : "",
						   x->head);
	wrap = xcalloc(t->ncols, 1);
	for (size_t c = 0; !e && c < t->ncols; c++) {
		w = office_col_width(t, c, 1);
		total += w > WIDTH_MAX ? WIDTH_MAX : w;
		wrap[c] = w > WIDTH_MAX;
		e = worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, col_width(w), NULL);
	}
	/* row after row, as libxlsxwriter's constant-memory mode would need */
	for (size_t i = 0; !e && i < t->nrows; i++)
		for (size_t c = 0; !e && c < t->ncols; c++)
			e = write_cell(x, ws, (lxw_row_t)(head + 1 + i), (lxw_col_t)c,
				       &t->cells[i * t->ncols + c], wrap[c]);
	free(wrap);
	if (!e)
		e = worksheet_autofilter(ws, head, 0, (lxw_row_t)(head + t->nrows), (lxw_col_t)(t->ncols - 1));
	if (!e)
		e = worksheet_repeat_rows(ws, top, head);
	if (!e)
		e = worksheet_set_footer(ws, "&C第 &P 页，共 &N 页");
	if (e) {
		fail(x, "sheet \"%s\": %s", x->names[x->nsheets - 1], lxw_strerror(e));
		goto out;
	}
	worksheet_freeze_panes(ws, head + 1, 0);
	worksheet_set_paper(ws, 9);     /* A4 */
	if (total > LANDSCAPE_AT)
		worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	rc = 0;
out:
	strbuf_release(&nm);
	return rc;
}

/* Writes the workbook (once) and reads the file into x->out. */
static int finish(struct xlsx *x)
{
	lxw_error e;
	FILE *f;
	char chunk[8192];
	size_t n;

	if (x->failed)
		return -1;
	if (x->closed)
		return 0;
	if (!x->nsheets && !workbook_add_worksheet(x->wb, NULL))
		return fail(x, "workbook: no sheet");
	x->closed = 1;
	e = workbook_close(x->wb);
	x->wb = NULL;
	if (e)
		return fail(x, "workbook: %s", lxw_strerror(e));
	f = fopen(x->path, "rb");
	if (!f)
		return fail(x, "workbook: cannot read '%s': %s", x->path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		strbuf_add(&x->out, chunk, n);
	if (ferror(f)) {
		fclose(f);
		return fail(x, "workbook: cannot read '%s'", x->path);
	}
	fclose(f);
	return 0;
}

int xlsx_to_buf(struct xlsx *x, struct strbuf *out)
{
	if (finish(x) < 0)
		return -1;
	if (strbuf_add(out, x->out.buf, x->out.len) < 0)
		return fail(x, "workbook: larger than the buffer allows");
	return 0;
}

int xlsx_save(struct xlsx *x, const char *path)
{
	if (finish(x) < 0)
		return -1;
	if (office_write_file(path, x->out.buf, x->out.len, x->err, sizeof(x->err)) < 0) {
		x->failed = 1;
		return -1;
	}
	return 0;
}

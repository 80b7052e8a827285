#ifndef QF_PAGES_LIST_H
#define QF_PAGES_LIST_H
/*
 * list: a list page's table written once for two readers (issue 12).  A
 * page declares its columns in one table (struct list_def: the heading,
 * the HTML class and the sheet's column) and writes each row once, cell
 * by cell, with typed calls (list_text, list_day, list_int, list_fen,
 * list_id ...).  On the page (GET /clues?...) the cells become the <td>s
 * of the kit's table; with format=xlsx (GET /clues?...&format=xlsx, the
 * 导出Excel link list_pager writes beside the count) the same calls fill
 * typed office cells and list_export answers the whole filtered list as
 * an .xlsx sheet (office/xlsx.h) with a file name in Chinese: the
 * columns shown are the columns exported by construction, the rows are
 * those of the page's own store query and filter (its jurisdiction and
 * need-to-know), all of them instead of one page.
 *
 *   list_filter(r, &clue_filter_spec, &f, PAGE_SIZE);   // all rows when exporting
 *   n = clue_list(&r->c, &f, &v, &total);
 *   page_begin(...); the filter form ...
 *   list_open(&w, r, &sb, &clue_list_def);
 *   for (...) { list_id(&w, "/clues", v[i].id); list_day(&w, v[i].received); ...; list_row_end(&w); }
 *   if (w.xlsx)
 *           return list_export(&w, &clue_filter_spec, &f, total);
 *   list_close(&w, "没有符合条件的线索");
 *   list_pager(&w, base.buf, page, total, PAGE_SIZE);
 *
 * An export of a list whose def names an audit object (protected data:
 * reports, clues, cases, outcomes, detentions, persons, the audit log)
 * is an audit entry (list_export) with the list, its filters and the row
 * count.
 */
#include <stdint.h>

#include "core/strbuf.h"
#include "model/filter.h"
#include "office/table.h"

struct req;

/* The most rows a sheet takes (Excel: 1,048,576 rows less title,
 * subtitle and header). */
#define LIST_EXPORT_MAX 1048000

/* A column: its heading, the class of its <th>/<td> ("num", NULL), its
 * width in the sheet in character cells (0: from the content), and
 * page_only for a column of controls (操作: buttons, forms) that is not
 * data and stays out of the sheet. */
struct list_col {
	const char *label;
	const char *cls;
	int width;
	int page_only;
};

struct list_def {
	const char *title;          /* the page's title: sheet title and file name (问题线索) */
	const char *file;           /* the ASCII file name's stem (clues) */
	const char *audit;          /* the audit object of an export, NULL: not audited */
	const struct list_col *cols;
	int ncols;
};
#define LIST_DEF(title, file, audit, cols) { title, file, audit, cols, (int)(sizeof(cols) / sizeof((cols)[0])) }

struct listw {
	struct req *r;
	struct strbuf *sb;          /* the page (not written to when exporting) */
	const struct list_def *d;
	int xlsx;                   /* 1: format=xlsx, the rows go to cells */
	int col, rows, bad;         /* bad: a row of the wrong number of cells */
	int nsheet;                 /* the columns of the sheet (not page_only) */
	const char *row_cls;        /* the class of the next row's <tr> (NULL: none), reset by the row */
	struct office_cell *cells;  /* rows * ncols (xlsx) */
	size_t cap;
};

/* 1 when the request asks for the list as a workbook (format=xlsx). */
int list_wants_xlsx(struct req *r);
/* req_filter for a list page: per_page rows of the asked page, or every
 * row (up to LIST_EXPORT_MAX) from the first when exporting. */
void list_filter(struct req *r, const struct filter_spec *spec, void *f, int per_page);
/* (list_filter also reads the unit typed into the filter bar's picker,
 * unit_id_q, into the filter's unit_id: pick_filter_unit, pages/find.h.)
 * The unit of the filter on a link (the pager, the export): unit_id=N&,
 * or the text typed when it named no single unit (the link then lists
 * none either), nothing for any unit. */
void list_unit_url(struct req *r, struct strbuf *base, int64_t unit_id);
/* The rows a page of the list shows: ?per=N (10 to 100, issue 16: a list
 * of 100 rows), else PAGE_SIZE.  list_pager keeps it on its links. */
int list_per_page(struct req *r);
/* The rows a list query asks for: per_page, or LIST_EXPORT_MAX. */
int list_rows(struct req *r, int per_page);

/* Starts the table: the kit's table_open with the def's headings on the
 * page, nothing yet when exporting. */
void list_open(struct listw *w, struct req *r, struct strbuf *sb, const struct list_def *d);
/* The same with the table's class (list_open: "list") and a caption
 * (NULL: none). */
void list_open_cls(struct listw *w, struct req *r, struct strbuf *sb, const struct list_def *d,
		   const char *cls, const char *caption);
/* The cells of a row, in the order of the def's columns.  NULL text is
 * an empty cell.  The sheet keeps the pointers, not copies: text must
 * live until list_export (the rows from the store or the request's
 * arena; never a buffer on the stack). */
void list_text(struct listw *w, const char *text);
/* A link on the page, its text in the sheet. */
void list_link(struct listw *w, const char *href, const char *text);
/* TEXT linking to BASE/ID (BASE a constant path, "/persons") on the
 * page, the text in the sheet: list_link without formatting the href. */
void list_link_id(struct listw *w, const char *base, int64_t id, const char *text);
/* The record's number linking to BASE/ID on the page, a number in the sheet. */
void list_id(struct listw *w, const char *base, int64_t id);
/* A day YYYY-MM-DD (NULL or "" empty): text on the page, a date in the sheet. */
void list_day(struct listw *w, const char *day);
void list_int(struct listw *w, int64_t n);
/* Fen: yuan with two decimals on the page, a number (#,##0.00) in the sheet. */
void list_fen(struct listw *w, int64_t fen);
/* A cell whose HTML the page writes itself (badges, forms): the sheet
 * holds `value` (a copy of an office cell, e.g. office_text(...)); on the
 * page, returns the strbuf after "<td>" (the caller writes the content
 * and calls list_cell_end), NULL when exporting. */
struct strbuf *list_cell(struct listw *w, const char *cls, struct office_cell value);
void list_cell_end(struct listw *w);
/* Ends a row (a row must have as many cells as the def has columns). */
void list_row_end(struct listw *w);
/* The kit's table_close: the `empty` sentence when there were no rows. */
void list_close(struct listw *w, const char *empty);
/* The kit's table_rows_end (a <tfoot> and table_end follow). */
void list_rows_end(struct listw *w, const char *empty);

/* "PATH?a=..&b=..&": the list's own query arguments (args, NULL-ended)
 * that the request holds, for list_pager's base; in the request's arena. */
const char *list_args_base(struct req *r, const char *path, const char *const *args);
/* The kit's pager and, beside it, the 导出Excel link: base (the list's URL
 * with its filters, ending in '?' or '&') with format=xlsx. */
void list_pager(struct listw *w, const char *base, int page, int64_t total, int per_page);
/* The 导出Excel link alone, for a list without a pager. */
void list_export_link(struct strbuf *sb, const char *base);

/* Answers the rows as an .xlsx download named TITLE_YYYY-MM-DD.xlsx: row 1
 * the title, row 2 the filters (those of spec set in f; spec may be NULL),
 * the row count (total: the list's; more than the rows only past
 * LIST_EXPORT_MAX, said so), who exported and when; then the header
 * and the rows.
 * Audited when the def names an audit object.  Releases the page's
 * strbuf. */
int list_export(struct listw *w, const struct filter_spec *spec, const void *f, int64_t total);

#endif

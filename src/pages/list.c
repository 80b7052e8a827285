/*
 * list.c: the list pages' one table for the page and the workbook
 * (pages/list.h).  A row's cells are written once; each call either
 * appends the <td> to the page or stores a typed office cell, so the
 * sheet has the page's columns, headings and order by construction and
 * only the cell types differ (a date, a number, yuan as numbers).  The
 * export takes the cells of every row the page's own query returned
 * (list_filter asked for all of them), writes one sheet with office/xlsx,
 * audits it when the list holds protected data, and answers it through
 * reply_download with the list's title and the day as the file name.
 */
#include "pages/list.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "core/money.h"
#include "core/xalloc.h"
#include "domain/list_export.h"
#include "domain/result.h"
#include "http/filter.h"
#include "http/http.h"
#include "office/xlsx.h"
#include "pages/figlist.h"
#include "pages/find.h"
#include "pages/kit.h"

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

int list_wants_xlsx(struct req *r)
{
	return !strcmp(req_arg(r, "format"), "xlsx");
}

int list_rows(struct req *r, int per_page)
{
	return list_wants_xlsx(r) ? LIST_EXPORT_MAX : per_page;
}

/* The unit typed into the filter bar's picker (unit_id_q, sent without
 * JavaScript or with the text changed): the list's unit_id, or
 * PICK_UNRESOLVED (no rows, the field says why). */
static void filter_unit_text(struct req *r, const struct filter_spec *spec, void *f)
{
	for (const struct filter_field *fd = spec->fields; fd->arg; fd++)
		if (fd->type == FILTER_ID && !strcmp(fd->arg, "unit_id")) {
			int64_t *id = (int64_t *)(void *)((char *)f + fd->offset);
			*id = pick_filter_unit(r, fd->arg, *id);
		}
}

int list_per_page(struct req *r)
{
	long long n;

	if (form_get_int(&r->query, "per", &n) < 0 || n < 10 || n > 100)
		return PAGE_SIZE;
	return (int)n;
}

void list_filter(struct req *r, const struct filter_spec *spec, void *f, int per_page)
{
	struct page_req *pg;

	req_filter(r, spec, f, list_rows(r, per_page));
	filter_unit_text(r, spec, f);
	if (list_wants_xlsx(r)) {
		pg = (struct page_req *)(void *)((char *)f + spec->page);
		pg->offset = 0;
	}
}

void list_open(struct listw *w, struct req *r, struct strbuf *sb, const struct list_def *d)
{
	list_open_cls(w, r, sb, d, "list", NULL);
}

void list_open_cls(struct listw *w, struct req *r, struct strbuf *sb, const struct list_def *d,
		   const char *cls, const char *caption)
{
	memset(w, 0, sizeof(*w));
	w->r = r;
	w->sb = sb;
	w->d = d;
	w->xlsx = list_wants_xlsx(r);
	for (int i = 0; i < d->ncols; i++)
		w->nsheet += !d->cols[i].page_only;
	if (w->xlsx)
		return;
	strbuf_addstr(sb, "<div class=\"table-wrap\"><table class=\"");
	html_attr(sb, cls);
	strbuf_addstr(sb, "\">");
	if (caption) {
		strbuf_addstr(sb, "<caption>");
		html_txt(sb, caption);
		strbuf_addstr(sb, "</caption>");
	}
	strbuf_addstr(sb, "<thead><tr>");
	for (int i = 0; i < d->ncols; i++) {
		strbuf_addstr(sb, "<th scope=\"col\"");
		if (d->cols[i].cls) {
			strbuf_addstr(sb, " class=\"");
			html_attr(sb, d->cols[i].cls);
			strbuf_addstr(sb, "\"");
		}
		strbuf_addstr(sb, ">");
		html_txt(sb, d->cols[i].label);
		strbuf_addstr(sb, "</th>");
	}
	strbuf_addstr(sb, "</tr></thead><tbody>");
}

/* The next cell of the sheet (xlsx); a page_only column's is dropped. */
static void put(struct listw *w, struct office_cell c)
{
	size_t n = (size_t)w->rows * (size_t)w->nsheet;

	if (w->col >= w->d->ncols) {
		w->bad = 1;
		return;
	}
	if (w->d->cols[w->col++].page_only)
		return;
	for (int i = 0; i < w->col - 1; i++)
		n += !w->d->cols[i].page_only;
	if (n >= w->cap) {
		w->cap = w->cap ? w->cap * 2 : (size_t)w->nsheet * 64;
		w->cells = xrealloc(w->cells, w->cap * sizeof(*w->cells));
	}
	w->cells[n] = c;
}

/* <td> or <td class="CLS"> on the page */
static void td_open(struct listw *w, const char *cls)
{
	if (!cls) {
		strbuf_addstr(w->sb, "<td>");
		return;
	}
	strbuf_addstr(w->sb, "<td class=\"");
	html_attr(w->sb, cls);
	strbuf_addstr(w->sb, "\">");
}

static const char *col_cls(const struct listw *w)
{
	return w->col < w->d->ncols ? w->d->cols[w->col].cls : NULL;
}

struct strbuf *list_cell(struct listw *w, const char *cls, struct office_cell value)
{
	if (w->xlsx) {
		put(w, value);
		return NULL;
	}
	if (w->col == 0 && w->row_cls) {
		strbuf_addstr(w->sb, "<tr class=\"");
		html_attr(w->sb, w->row_cls);
		strbuf_addstr(w->sb, "\">");
	} else if (w->col == 0) {
		strbuf_addstr(w->sb, "<tr>");
	}
	td_open(w, cls ? cls : col_cls(w));
	w->col++;
	return w->sb;
}

void list_cell_end(struct listw *w)
{
	if (!w->xlsx)
		strbuf_addstr(w->sb, "</td>");
}

void list_text(struct listw *w, const char *text)
{
	struct strbuf *sb = list_cell(w, NULL, office_text(text && *text ? text : NULL));

	if (sb && text)
		html_txt(sb, text);
	list_cell_end(w);
}

void list_link(struct listw *w, const char *href, const char *text)
{
	struct strbuf *sb = list_cell(w, NULL, office_text(text));

	if (sb)
		html_link(sb, href, text);
	list_cell_end(w);
}

/* <a href="BASE/ID"> */
static void link_open(struct strbuf *sb, const char *base, int64_t id)
{
	strbuf_addstr(sb, "<a href=\"");
	html_attr(sb, base);
	strbuf_addch(sb, '/');
	strbuf_add_i64(sb, id);
	strbuf_addstr(sb, "\">");
}

void list_id(struct listw *w, const char *base, int64_t id)
{
	struct strbuf *sb = list_cell(w, NULL, office_int(id));

	if (sb) {
		link_open(sb, base, id);
		strbuf_add_i64(sb, id);
		strbuf_addstr(sb, "</a>");
	}
	list_cell_end(w);
}

void list_link_id(struct listw *w, const char *base, int64_t id, const char *text)
{
	struct strbuf *sb = list_cell(w, NULL, office_text(text));

	if (sb) {
		link_open(sb, base, id);
		html_txt(sb, text);
		strbuf_addstr(sb, "</a>");
	}
	list_cell_end(w);
}

void list_day(struct listw *w, const char *day)
{
	qf_day d = day && *day ? date_parse(day) : QF_DAY_NONE;
	/* a value that is not a day stays text rather than vanish */
	struct office_cell c = d != QF_DAY_NONE ? office_date(d) : office_text(day && *day ? day : NULL);
	struct strbuf *sb = list_cell(w, NULL, c);

	if (sb && day)
		html_txt(sb, day);
	list_cell_end(w);
}

void list_int(struct listw *w, int64_t n)
{
	struct strbuf *sb = list_cell(w, NULL, office_int(n));

	if (sb)
		strbuf_addf(sb, "%" PRId64, n);
	list_cell_end(w);
}

void list_fen(struct listw *w, int64_t fen)
{
	struct strbuf *sb = list_cell(w, NULL, office_fen(fen));

	if (sb)
		money_format(sb, fen, 1);
	list_cell_end(w);
}

void list_row_end(struct listw *w)
{
	if (w->col != w->d->ncols)
		w->bad = 1;
	while (w->xlsx && w->col < w->d->ncols)
		put(w, office_text(NULL));
	if (!w->xlsx)
		strbuf_addstr(w->sb, "</tr>");
	w->col = 0;
	w->row_cls = NULL;
	w->rows++;
}

void list_close(struct listw *w, const char *empty)
{
	list_rows_end(w, empty);
	if (!w->xlsx)
		table_end(w->sb);
}

void list_rows_end(struct listw *w, const char *empty)
{
	free(w->cells);
	w->cells = NULL;
	if (!w->xlsx)
		table_rows_end(w->sb, w->rows, w->d->ncols, empty);
}

void list_unit_url(struct req *r, struct strbuf *base, int64_t unit_id)
{
	if (unit_id > 0)
		strbuf_addf(base, "unit_id=%" PRId64 "&", unit_id);
	else if (unit_id == PICK_UNRESOLVED)
		url_param(base, "unit_id_q", req_arg(r, "unit_id_q"));
}

void list_export_link(struct strbuf *sb, const char *base)
{
	strbuf_addstr(sb, "<a class=\"export\" download href=\"");
	html_attr(sb, base);
	strbuf_addstr(sb, "format=xlsx\">导出Excel</a>");
}

const char *list_args_base(struct req *r, const char *path, const char *const *args)
{
	struct strbuf b = STRBUF_INIT;
	const char *out;

	strbuf_addstr(&b, path);
	strbuf_addch(&b, '?');
	for (int i = 0; args[i]; i++) {
		const char *v = req_arg(r, args[i]);
		if (!*v)
			continue;
		strbuf_addstr(&b, args[i]);
		strbuf_addch(&b, '=');
		url_arg(&b, v);
		strbuf_addch(&b, '&');
	}
	out = arena_strdup(r->arena, b.buf);
	strbuf_release(&b);
	return out;
}

void list_pager(struct listw *w, const char *base, int page, int64_t total, int per_page)
{
	struct strbuf *sb = w->sb;
	size_t at;

	if (per_page != PAGE_SIZE)
		base = arena_printf(w->r->arena, "%sper=%d&", base, per_page);
	page_pager_rows(sb, base, page, total, per_page, w->rows);
	/* inside the pager's <nav>, after the count */
	if (sb->len >= 6 && !memcmp(sb->buf + sb->len - 6, "</nav>", 6)) {
		at = sb->len - 6;
		strbuf_setlen(sb, at);
		list_export_link(sb, base);
		strbuf_addstr(sb, "</nav>");
	}
}

/* "2026-12-04 09:30" in CST */
static const char *now_words(struct req *r, char *buf)
{
	time_format_cst(r->c.now, buf);
	buf[16] = '\0';
	buf[10] = ' ';
	return buf;
}

int list_export(struct listw *w, const struct filter_spec *spec, const void *f, int64_t total)
{
	struct req *r = w->r;
	const struct list_def *d = w->d;
	struct strbuf words = STRBUF_INIT, body = STRBUF_INIT;
	struct office_col *cols = arena_alloc(r->arena, (size_t)d->ncols * sizeof(*cols));
	size_t nc = 0;
	struct office_table t = { 0 };
	struct xlsx *x;
	char now[32], day[11];
	const char *filters, *who, *err = NULL;
	int rc;

	strbuf_release(w->sb);
	if (w->bad) {
		free(w->cells);
		return reply_error(r, E_INTERNAL, arena_printf(r->arena, "list %s: a row of the wrong width", d->file));
	}
	if (spec)
		figlist_words(&words, spec, f);
	filters = arena_strdup(r->arena, words.len ? words.buf : "");
	strbuf_release(&words);
	for (int i = 0; i < d->ncols; i++)
		if (!d->cols[i].page_only)
			cols[nc++] = (struct office_col){ .head = d->cols[i].label, .width = d->cols[i].width };
	who = *r->user.display_name ? r->user.display_name : r->user.name;
	t.title = d->title;
	t.subtitle = arena_printf(r->arena, "%s  筛选条件：%s  共 %d 条%s  导出人：%s  导出时间：%s",
				  r->app ? r->app->cfg.commission : "",
				  *filters ? filters : "无", w->rows,
				  total > w->rows && total <= LIST_COUNT_CAP ? arena_printf(r->arena, "（列表共 %" PRId64 " 条，超出一张工作表的行数）",
								 total) :
				  w->rows >= LIST_EXPORT_MAX ? "（列表超出一张工作表的行数）" : "",
				  who, now_words(r, now));
	t.ncols = nc;
	t.nrows = (size_t)w->rows;
	t.cols = cols;
	t.cells = w->cells;
	x = xlsx_new_streaming();
	if (!x)
		err = "cannot create a temporary file";
	else if (xlsx_sheet(x, d->title, &t) < 0 || xlsx_to_buf(x, &body) < 0)
		err = arena_strdup(r->arena, xlsx_error(x));
	xlsx_free(x);
	free(w->cells);
	w->cells = NULL;
	if (err) {
		strbuf_release(&body);
		return reply_error(r, E_INTERNAL, arena_printf(r->arena, "list %s xlsx: %s", d->file, err));
	}
	if (d->audit && list_export_record(&r->c, d->audit, d->title, filters, w->rows) < 0) {
		strbuf_release(&body);
		return res_error(r, RES_STORE, "audit");
	}
	date_format(date_from_unix_cst(r->c.now), day);
	rc = reply_download(r, XLSX_TYPE, arena_printf(r->arena, "%s_%s.xlsx", d->file, day),
			    arena_printf(r->arena, "%s_%s.xlsx", d->title, day), &body);
	return rc;
}

/*
 * statdoc.c: the figures of a period and scope as a document (issue 11,
 * "The report"): one table of the keys (中文 name, the value as
 * displayed, the same period a year earlier for comparison) written as
 * standalone HTML with a print stylesheet, as a .docx in the official
 * layout (title, table, date) and as an .xlsx workbook with a second
 * sheet by month for the countable keys.  The report command and the
 * statistics page's downloads both call it, so a file looks the same
 * whichever way it was made.
 */
#include "pages/statdoc.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/metrics.h"
#include "domain/result.h"
#include "office/docx.h"
#include "office/xlsx.h"

/* "YYYY-MM-DD" a year earlier (02-29 becomes 02-28) */
static const char *year_earlier(struct arena *a, const char *day)
{
	char buf[11];

	return arena_strdup(a, date_format(date_add_months(date_parse(day), -12), buf));
}

int statdoc_compute(struct store *db, struct arena *a, const struct metric_period *p,
		    const struct metric_scope *s, int by_month, struct statdoc *d)
{
	struct metric_value *v, *prev;
	int n, np, rc, y, m, dd, y2, m2;
	qf_day from = date_parse(p->from), to = date_parse(p->to);

	memset(d, 0, sizeof(*d));
	d->p = *p;
	d->s = s;
	d->made = date_today();
	d->prev_p = (struct metric_period){ year_earlier(a, p->from), year_earlier(a, p->to) };
	if ((rc = metrics_compute(db, a, p, s, &v, &n)) != RES_DONE)
		return rc;
	if ((rc = metrics_compute(db, a, &d->prev_p, s, &prev, &np)) != RES_DONE)
		return rc;
	d->v = v;
	d->prev = np == n ? prev : NULL;
	d->n = n;
	date_to_ymd(from, &y, &m, &dd);
	date_to_ymd(to, &y2, &m2, &dd);
	d->nm = (y2 - y) * 12 + (m2 - m) + 1;
	if (!by_month || d->nm > STATDOC_MAX_MONTHS) {
		d->nm = 0;
		return RES_DONE;
	}
	d->mp = arena_alloc(a, sizeof(*d->mp) * (size_t)d->nm);
	d->mv = arena_alloc(a, sizeof(*d->mv) * (size_t)d->nm);
	for (int i = 0; i < d->nm; i++) {
		qf_day first = date_add_months(date_from_ymd(y, m, 1), i);
		qf_day last = date_add_months(first, 1) - 1;
		char b1[11], b2[11];

		d->mp[i].from = arena_strdup(a, date_format(first < from ? from : first, b1));
		d->mp[i].to = arena_strdup(a, date_format(last > to ? to : last, b2));
		if ((rc = metrics_compute(db, a, &d->mp[i], s, &d->mv[i], &np)) != RES_DONE)
			return rc;
		if (np != n)
			return RES_STORE;
	}
	return RES_DONE;
}

static const char *const quarter_zh[] = { "一", "二", "三", "四" };

/* 2022年度, 2022年第一季度, 2022年3月, or 2022年1月5日至2022年2月3日 */
static const char *period_words(struct arena *a, const struct metric_period *p)
{
	int y, m, d, y2, m2, d2;
	qf_day from = date_parse(p->from), to = date_parse(p->to);

	date_to_ymd(from, &y, &m, &d);
	date_to_ymd(to, &y2, &m2, &d2);
	if (y == y2 && m == 1 && d == 1 && m2 == 12 && d2 == 31)
		return arena_printf(a, "%d年度", y);
	if (d == 1 && to + 1 == date_add_months(from, 3) && (m - 1) % 3 == 0)
		return arena_printf(a, "%d年第%s季度", y, quarter_zh[(m - 1) / 3]);
	if (d == 1 && to + 1 == date_add_months(from, 1))
		return arena_printf(a, "%d年%d月", y, m);
	return arena_printf(a, "%d年%d月%d日至%d年%d月%d日", y, m, d, y2, m2, d2);
}

const char *statdoc_title(struct arena *a, const struct statdoc *d)
{
	return arena_printf(a, "%s%s监督执纪统计表", d->organ ? d->organ : "", period_words(a, &d->p));
}

static const char *subtitle(struct arena *a, const struct statdoc *d)
{
	return arena_printf(a, "统计期间：%s至%s  统计范围：%s", d->p.from, d->p.to, d->scope_words + 1);
}

/* a figure as a cell: typed (xlsx: numbers stay numbers) or as displayed */
static struct office_cell cell_of(const struct metric_value *v, int typed)
{
	if (!typed || !v->applicable)
		return office_text(v->display);
	if (v->kind == METRIC_RATE)
		return v->den ? office_ratio(v->num, v->den) : office_text(v->display);
	return v->kind == METRIC_MONEY ? office_fen(v->value) : office_int(v->value);
}

/* The figures: 指标, 本期 and, when computed, 上年同期. */
static struct office_table figures_table(const struct statdoc *d, struct arena *a, int typed)
{
	int cmp = d->prev != NULL;
	size_t nc = cmp ? 3 : 2;
	struct office_col *cols = arena_alloc(a, sizeof(*cols) * nc);
	struct office_cell *cells = arena_alloc(a, sizeof(*cells) * nc * (size_t)d->n);

	memset(cols, 0, sizeof(*cols) * nc);
	cols[0].head = "指标";
	cols[1].head = arena_printf(a, "本期（%s）", period_words(a, &d->p));
	if (cmp)
		cols[2].head = arena_printf(a, "上年同期（%s）", period_words(a, &d->prev_p));
	for (int i = 0; i < d->n; i++) {
		/* typed money is a number of yuan; as displayed it says 元 itself */
		const char *zh = typed && d->v[i].kind == METRIC_MONEY ? arena_printf(a, "%s（元）", d->v[i].zh)
									: d->v[i].zh;

		cells[(size_t)i * nc] = office_text(zh);
		cells[(size_t)i * nc + 1] = cell_of(&d->v[i], typed);
		if (cmp)
			cells[(size_t)i * nc + 2] = cell_of(&d->prev[i], typed);
	}
	return (struct office_table){ statdoc_title(a, d), subtitle(a, d), nc, (size_t)d->n, cols, cells };
}

/* By month: a row per countable key (counts and money; a rate is not the
 * sum of its months), a column per month. */
static struct office_table month_table(const struct statdoc *d, struct arena *a)
{
	size_t nc = (size_t)d->nm + 1, nr = 0;
	struct office_col *cols = arena_alloc(a, sizeof(*cols) * nc);
	struct office_cell *cells = arena_alloc(a, sizeof(*cells) * nc * (size_t)d->n);

	memset(cols, 0, sizeof(*cols) * nc);
	cols[0].head = "指标";
	for (int j = 0; j < d->nm; j++) {
		int y, m, dd;

		date_to_ymd(date_parse(d->mp[j].from), &y, &m, &dd);
		cols[j + 1].head = arena_printf(a, "%d年%d月", y, m);
	}
	for (int i = 0; i < d->n; i++) {
		if (d->v[i].kind == METRIC_RATE)
			continue;
		cells[nr * nc] = office_text(d->v[i].kind == METRIC_MONEY ?
					     arena_printf(a, "%s（元）", d->v[i].zh) : d->v[i].zh);
		for (int j = 0; j < d->nm; j++)
			cells[nr * nc + (size_t)j + 1] = cell_of(&d->mv[j][i], 1);
		nr++;
	}
	return (struct office_table){ arena_printf(a, "%s（按月）", statdoc_title(a, d)), subtitle(a, d),
				      nc, nr, cols, cells };
}

static const char *day_words(struct arena *a, qf_day day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return arena_printf(a, "%d年%d月%d日", y, m, d);
}

/* Print stylesheet: A4, the table on the page, no controls to hide. */
static const char html_css[] =
	"body{font-family:\"FangSong\",\"仿宋_GB2312\",\"仿宋\",serif;margin:2em auto;max-width:50em;color:#000}"
	"h1{font-family:\"FZXiaoBiaoSong-B05S\",\"方正小标宋简体\",\"SimSun\",serif;font-size:22pt;"
	"font-weight:normal;text-align:center;margin:0 0 .5em}"
	"p.sub{text-align:center;margin:0 0 1em}"
	"table{border-collapse:collapse;width:100%}"
	"th,td{border:1px solid #000;padding:.3em .6em}"
	"th{font-family:\"SimHei\",\"黑体\",sans-serif;font-weight:normal}"
	"td.n{text-align:right;font-variant-numeric:tabular-nums}"
	"thead{display:table-header-group}tr{page-break-inside:avoid}"
	"p.date{text-align:right;margin-top:2em}"
	"@page{size:A4;margin:37mm 26mm 35mm 28mm}"
	"@media print{body{margin:0;max-width:none}a{color:#000;text-decoration:none}}";

int statdoc_html(const struct statdoc *d, struct arena *a, struct strbuf *out, const char **err)
{
	struct office_table t = figures_table(d, a, 0);
	struct strbuf cell = STRBUF_INIT;

	strbuf_addstr(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>");
	html_txt(out, t.title);
	strbuf_addf(out, "</title><style>%s</style></head><body>\n<h1>", html_css);
	html_txt(out, t.title);
	strbuf_addstr(out, "</h1>\n<p class=\"sub\">");
	html_txt(out, t.subtitle);
	strbuf_addstr(out, "</p>\n<table><thead><tr>");
	for (size_t j = 0; j < t.ncols; j++) {
		strbuf_addstr(out, "<th>");
		html_txt(out, t.cols[j].head);
		strbuf_addstr(out, "</th>");
	}
	strbuf_addstr(out, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < t.nrows; i++) {
		strbuf_addstr(out, "<tr data-key=\"");
		html_attr(out, d->v[i].key);
		strbuf_addstr(out, "\">");
		for (size_t j = 0; j < t.ncols; j++) {
			strbuf_reset(&cell);
			office_cell_format(&cell, &t.cells[i * t.ncols + j]);
			strbuf_addstr(out, j ? "<td class=\"n\">" : "<td>");
			html_txt(out, cell.buf);
			strbuf_addstr(out, "</td>");
		}
		strbuf_addstr(out, "</tr>\n");
	}
	strbuf_release(&cell);
	strbuf_addstr(out, "</tbody></table>\n<p class=\"date\">");
	html_txt(out, day_words(a, d->made));
	strbuf_addstr(out, "</p>\n</body></html>\n");
	*err = "";
	return 0;
}

void statdoc_docx_table(const struct statdoc *d, struct arena *a, struct docx *x)
{
	struct office_table t = figures_table(d, a, 0);

	/* the title in the official face; the table carries only its subtitle */
	docx_title(x, t.title);
	t.title = NULL;
	docx_table(x, &t);
}

int statdoc_docx(const struct statdoc *d, struct arena *a, struct strbuf *out, const char **err)
{
	struct docx *x = docx_new();
	int rc;

	statdoc_docx_table(d, a, x);
	docx_signature(x, d->organ, d->made);
	rc = docx_to_buf(x, out);
	*err = arena_strdup(a, docx_error(x));
	docx_free(x);
	return rc;
}

int statdoc_xlsx(const struct statdoc *d, struct arena *a, struct strbuf *out, const char **err)
{
	struct xlsx *x = xlsx_new();
	struct office_table t = figures_table(d, a, 1);
	int rc;

	if (!x) {
		*err = "cannot create a temporary file";
		return -1;
	}
	xlsx_sheet(x, "统计数据", &t);
	if (d->nm > 0) {
		struct office_table m = month_table(d, a);

		xlsx_sheet(x, "按月", &m);
	}
	rc = xlsx_to_buf(x, out);
	*err = arena_strdup(a, xlsx_error(x));
	xlsx_free(x);
	return rc;
}

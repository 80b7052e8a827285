/*
 * scores.c: the scoring pages (issue 14, domain/score.h): /scores, the
 * scoreboard (晾晒) of a period with its history by quarter, the publish
 * button for leaders; /scores/sheet, the scorers' sheet (criteria and
 * points per subject); /scores.xlsx, the scoreboard's workbook.  A period
 * not yet published is shown only to the scorers and leaders.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/score.h"
#include "domain/target.h"
#include "http/form.h"
#include "http/http.h"
#include "office/xlsx.h"
#include "pages/page.h"
#include "pages/target_export.h"
#include "pages/targets.h"

static const char *const quarter_words[] = { "年终", "一季度", "二季度", "三季度", "四季度" };

/* year and quarter from the query or form (default: this year, quarter 1) */
static void period_of(struct req *r, int *year, int *quarter)
{
	const char *y = req_arg(r, "year"), *q = req_arg(r, "quarter");

	if (!*y)
		y = req_field(r, "year");
	if (!*q)
		q = req_field(r, "quarter");
	*year = *y ? atoi(y) : atoi(target_today(&r->c));
	*quarter = *q ? atoi(q) : 1;
}

static void period_links(struct req *r, struct strbuf *sb, const char *path, int year, int quarter)
{
	strbuf_addstr(sb, "<p class=\"toolbar\">");
	for (int q = 1; q <= 5; q++) {
		int qq = q % 5;
		button_link(sb, arena_printf(r->arena, "%s?year=%d&quarter=%d", path, year, qq),
			    arena_printf(r->arena, "%d年%s", year, quarter_words[qq]), qq == quarter);
		strbuf_addch(sb, ' ');
	}
	strbuf_addstr(sb, "</p>");
}

static void board_table(struct req *r, struct strbuf *sb, const struct score_board *b)
{
	int nc = b->ncrit + 3;
	struct column *cols = arena_zalloc(r->arena, sizeof(*cols) * (size_t)nc);
	char buf[16];

	cols[0] = (struct column){ "名次", "num" };
	cols[1] = (struct column){ "单位", NULL };
	for (int j = 0; j < b->ncrit; j++)
		cols[2 + j] = (struct column){ arena_printf(r->arena, "%s（%s分）", b->crit[j].name,
							    score_tenths_text(b->crit[j].max_tenths, buf)), "num" };
	cols[nc - 1] = (struct column){ arena_printf(r->arena, "总分（%s分）", score_tenths_text(b->max_total, buf)),
				       "num" };
	table_open(sb, NULL, score_period_name(&r->c, b->period.year, b->period.quarter), cols, nc);
	for (int i = 0; i < b->nrows; i++) {
		strbuf_addf(sb, "<tr><td class=\"num\">%d</td>", b->rows[i].rank);
		html_td(sb, b->rows[i].township ? arena_printf(r->arena, "%s纪委", b->rows[i].label) : b->rows[i].label);
		for (int j = 0; j < b->ncrit; j++) {
			strbuf_addstr(sb, "<td class=\"num\">");
			if (b->rows[i].tenths[j] >= 0)
				html_txt(sb, score_tenths_text(b->rows[i].tenths[j], buf));
			strbuf_addstr(sb, "</td>");
		}
		strbuf_addf(sb, "<td class=\"num\">%s</td></tr>", score_tenths_text(b->rows[i].total, buf));
	}
	table_close(sb, b->nrows, nc, "没有考核对象");
}

/* the ranks of the year's visible periods, one column each */
static void history(struct req *r, struct strbuf *sb, int year)
{
	struct score_period *p;
	int np = score_periods(&r->c, year, &p);
	struct score_board *b;
	struct column *cols;

	if (np <= 0)
		return;
	b = arena_zalloc(r->arena, sizeof(*b) * (size_t)np);
	cols = arena_zalloc(r->arena, sizeof(*cols) * (size_t)(np + 1));
	cols[0] = (struct column){ "单位", NULL };
	for (int k = 0; k < np; k++) {
		/* oldest first */
		if (score_board(&r->c, year, p[np - 1 - k].quarter, &b[k]) != RES_DONE)
			return;
		cols[k + 1] = (struct column){ arena_printf(r->arena, "%s名次", quarter_words[b[k].period.quarter]),
					       "num" };
	}
	strbuf_addstr(sb, "<h2>历次名次</h2>");
	table_open(sb, NULL, NULL, cols, np + 1);
	for (int i = 0; i < b[0].nrows; i++) {
		strbuf_addstr(sb, "<tr>");
		html_td(sb, b[0].rows[i].label);
		for (int k = 0; k < np; k++)
			for (int j = 0; j < b[k].nrows; j++)
				if (!strcmp(b[k].rows[j].subject, b[0].rows[i].subject))
					strbuf_addf(sb, "<td class=\"num\">%d</td>", b[k].rows[j].rank);
		strbuf_addstr(sb, "</tr>");
	}
	table_close(sb, b[0].nrows, np + 1, "");
}

static int scores_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "目标任务", "/targets", "考核晾晒", NULL, NULL };
	struct score_board b;
	int year, quarter, rc;

	period_of(r, &year, &quarter);
	rc = score_board(&r->c, year, quarter, &b);
	if (rc == RES_STORE)
		return res_error(r, rc, "scores");
	page_begin(r, &sb, "目标任务考核成绩单（晾晒）", crumbs);
	field_errors_summary(&sb, fe);
	period_links(r, &sb, "/scores", year, quarter);
	if (rc != RES_DONE || !b.ncrit) {
		strbuf_addstr(&sb, "<p class=\"empty\">本期考核成绩单尚未发布。</p>");
	} else {
		if (!b.period.published_at)
			html_notice(&sb, "warn", "本期成绩单尚未发布，仅考核人员和委领导可见。");
		else {
			strbuf_addstr(&sb, "<p>发布：");
			html_txt(&sb, b.period.publisher_name);
			strbuf_addch(&sb, ' ');
			html_time(&sb, b.period.published_at);
			strbuf_addstr(&sb, "</p>");
		}
		board_table(r, &sb, &b);
		toolbar_open(&sb);
		button_link(&sb, arena_printf(r->arena, "/scores.xlsx?year=%d&quarter=%d", year, quarter), "导出成绩单", 0);
		toolbar_close(&sb);
		if (!b.period.published_at && authz_has(&r->c.who, PERM_TARGET_PUBLISH)) {
			form_open(r, &sb, "/scores/publish", "record-form");
			form_hidden(&sb, "year", arena_printf(r->arena, "%d", year));
			form_hidden(&sb, "quarter", arena_printf(r->arena, "%d", quarter));
			form_close(&sb, "发布成绩单（全体干部可见）", NULL);
		}
	}
	if (authz_has(&r->c.who, PERM_TARGET_MANAGE))
		toolbar(&sb, arena_printf(r->arena, "/scores/sheet?year=%d&quarter=%d", year, quarter), "评分表", 0);
	history(r, &sb, year);
	return page_finish(r, &sb, status);
}

int page_scores(struct req *r)
{
	struct fielderr fe = { 0 };

	return scores_page(r, &fe, 200);
}

/* A score's input name: v_<criterion>_<the subject's UTF-8 as hex> (a
 * form's field names are ASCII; an office's name is not). */
static const char *input_name(struct req *r, int64_t crit, const char *subject)
{
	size_t n = strlen(subject);
	char *hex = arena_alloc(r->arena, 2 * n + 1);

	hex_encode((const unsigned char *)subject, n, hex);
	return arena_printf(r->arena, "v_%" PRId64 "_%s", crit, hex);
}

/* the subject of an input name's hex part, NULL when it is not hex */
static const char *input_subject(struct req *r, const char *hex)
{
	size_t n = strlen(hex);
	unsigned char *out;

	if (!n || n % 2 || n > 400)
		return NULL;
	out = arena_alloc(r->arena, n / 2 + 1);
	if (hex_decode(hex, out, n / 2) < 0)
		return NULL;
	out[n / 2] = 0;
	return (const char *)out;
}

/* ---- the scorers' sheet ------------------------------------------------------------------------ */

static int sheet_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "考核晾晒", "/scores", "评分表", NULL, NULL };
	struct score_board b;
	int year, quarter, rc;
	char buf[16];

	period_of(r, &year, &quarter);
	rc = score_board(&r->c, year, quarter, &b);
	if (rc != RES_DONE)
		return res_error(r, rc, "score sheet");
	page_begin(r, &sb, arena_printf(r->arena, "评分表 · %s", score_period_name(&r->c, year, quarter)), crumbs);
	field_errors_summary(&sb, fe);
	period_links(r, &sb, "/scores/sheet", year, quarter);
	if (b.period.published_at)
		html_notice(&sb, "ok", "本期成绩单已发布，得分不再修改。");
	else {
		strbuf_addstr(&sb, "<h2>考核项目</h2>");
		form_open(r, &sb, "/scores/criteria", "filter");
		form_hidden(&sb, "year", arena_printf(r->arena, "%d", year));
		form_hidden(&sb, "quarter", arena_printf(r->arena, "%d", quarter));
		field_text(&sb, "name", "考核项目", req_field(r, "name"), 1, fielderr_get(fe, "name"), "maxlength=\"100\"");
		field_text(&sb, "max_points", "分值", req_field(r, "max_points"), 1, fielderr_get(fe, "max_points"),
			   "inputmode=\"decimal\"");
		form_close(&sb, "新增考核项目", NULL);
	}
	if (b.ncrit) {
		strbuf_addstr(&sb, "<h2>得分</h2>");
		form_open(r, &sb, "/scores/sheet", "record-form");
		form_hidden(&sb, "year", arena_printf(r->arena, "%d", year));
		form_hidden(&sb, "quarter", arena_printf(r->arena, "%d", quarter));
		strbuf_addstr(&sb, "<div class=\"table-wrap\"><table class=\"list\"><thead><tr><th scope=\"col\">单位</th>");
		for (int j = 0; j < b.ncrit; j++) {
			strbuf_addstr(&sb, "<th scope=\"col\">");
			html_txt(&sb, arena_printf(r->arena, "%s（%s分）", b.crit[j].name,
						   score_tenths_text(b.crit[j].max_tenths, buf)));
			strbuf_addstr(&sb, "</th>");
		}
		strbuf_addstr(&sb, "</tr></thead><tbody>");
		for (int i = 0; i < b.nrows; i++) {
			strbuf_addstr(&sb, "<tr><th scope=\"row\">");
			html_txt(&sb, b.rows[i].label);
			strbuf_addstr(&sb, "</th>");
			for (int j = 0; j < b.ncrit; j++) {
				const char *name = input_name(r, b.crit[j].id, b.rows[i].subject);
				strbuf_addstr(&sb, "<td><input class=\"num\" inputmode=\"decimal\" size=\"5\" name=\"");
				html_attr(&sb, name);
				strbuf_addstr(&sb, "\" aria-label=\"");
				html_attr(&sb, arena_printf(r->arena, "%s %s", b.rows[i].label, b.crit[j].name));
				strbuf_addstr(&sb, "\" value=\"");
				if (b.rows[i].tenths[j] >= 0)
					html_attr(&sb, score_tenths_text(b.rows[i].tenths[j], buf));
				strbuf_addstr(&sb, "\"");
				if (b.period.published_at)
					strbuf_addstr(&sb, " disabled");
				strbuf_addstr(&sb, "></td>");
			}
			strbuf_addstr(&sb, "</tr>");
		}
		strbuf_addstr(&sb, "</tbody></table></div>");
		if (!b.period.published_at)
			form_close(&sb, "保存得分", NULL);
		else
			form_end(&sb);
	}
	return page_finish(r, &sb, status);
}

int page_score_sheet(struct req *r)
{
	struct fielderr fe = { 0 };

	return sheet_page(r, &fe, 200);
}

static const char *sheet_url(struct req *r, int year, int quarter)
{
	return arena_printf(r->arena, "/scores/sheet?year=%d&quarter=%d&ok=saved", year, quarter);
}

int page_score_criterion_create(struct req *r)
{
	struct fielderr fe = { 0 };
	int year, quarter, rc;

	period_of(r, &year, &quarter);
	rc = score_criterion_add(&r->c, year, quarter, req_field(r, "name"), req_field(r, "max_points"), 0, &fe);
	if (rc == RES_INVALID)
		return sheet_page(r, &fe, 422);
	return page_result(r, rc, "score criterion", sheet_url(r, year, quarter));
}

int page_score_save(struct req *r)
{
	struct fielderr fe = { 0 };
	struct score_entry *v = arena_alloc(r->arena, sizeof(*v) * (size_t)(r->form.n + 1));
	int year, quarter, n = 0, rc;

	period_of(r, &year, &quarter);
	for (int i = 0; i < r->form.n; i++) {
		const char *k = r->form.fields[i].key;
		char *end;
		const char *subject;
		long long id;
		int t;
		if (strncmp(k, "v_", 2))
			continue;
		id = strtoll(k + 2, &end, 10);
		if (id <= 0 || *end != '_' || !(subject = input_subject(r, end + 1)))
			continue;
		/* "" removes the score; a value that is not a number is refused (-3) */
		t = score_parse_tenths(r->form.fields[i].value);
		v[n++] = (struct score_entry){ .criterion_id = id, .subject = subject,
					       .tenths = t == -2 ? -1 : t == -1 ? -3 : t };
	}
	rc = score_save(&r->c, year, quarter, v, n, &fe);
	if (rc == RES_INVALID)
		return sheet_page(r, &fe, 422);
	return page_result(r, rc, "scores", sheet_url(r, year, quarter));
}

int page_score_publish(struct req *r)
{
	struct fielderr fe = { 0 };
	int year, quarter, rc;

	period_of(r, &year, &quarter);
	rc = score_publish(&r->c, year, quarter, &fe);
	if (rc == RES_INVALID)
		return scores_page(r, &fe, 422);
	return page_result(r, rc, "scores",
			   arena_printf(r->arena, "/scores?year=%d&quarter=%d&ok=done", year, quarter));
}

/* ---- the workbook ---------------------------------------------------------------------------------- */

int page_scores_xlsx(struct req *r)
{
	struct score_board b;
	struct office_col *cols;
	struct office_cell *cells;
	struct office_table t = { 0 };
	struct xlsx *x;
	int year, quarter, rc, nc;
	char buf[16];

	period_of(r, &year, &quarter);
	rc = score_board(&r->c, year, quarter, &b);
	if (rc != RES_DONE)
		return res_error(r, rc, "scores");
	nc = b.ncrit + 3;
	cols = arena_zalloc(r->arena, sizeof(*cols) * (size_t)nc);
	cells = arena_alloc(r->arena, sizeof(*cells) * (size_t)nc * (size_t)(b.nrows ? b.nrows : 1));
	cols[0].head = "名次";
	cols[1].head = "单位";
	for (int j = 0; j < b.ncrit; j++)
		cols[2 + j].head = arena_printf(r->arena, "%s（%s分）", b.crit[j].name,
						score_tenths_text(b.crit[j].max_tenths, buf));
	cols[nc - 1].head = "总分";
	for (int i = 0; i < b.nrows; i++) {
		struct office_cell *c = cells + (size_t)i * (size_t)nc;
		c[0] = office_int(b.rows[i].rank);
		c[1] = office_text(b.rows[i].label);
		for (int j = 0; j < b.ncrit; j++)
			/* points as numbers with two decimals (a tenth is 10 hundredths) */
			c[2 + j] = b.rows[i].tenths[j] >= 0 ? office_fen(b.rows[i].tenths[j] * 10) : office_text(NULL);
		c[nc - 1] = office_fen(b.rows[i].total * 10);
	}
	t.title = arena_printf(r->arena, "%s目标任务考核成绩单", score_period_name(&r->c, year, quarter));
	t.subtitle = target_made_words(r, b.period.published_at ? "已发布" : "未发布");
	t.ncols = (size_t)nc;
	t.nrows = (size_t)b.nrows;
	t.cols = cols;
	t.cells = cells;
	x = xlsx_new();
	if (!x)
		return reply_error(r, E_INTERNAL, "xlsx");
	if (xlsx_sheet(x, "成绩单", &t) < 0) {
		const char *err = arena_strdup(r->arena, xlsx_error(x));
		xlsx_free(x);
		return reply_error(r, E_INTERNAL, err);
	}
	return target_xlsx_reply(r, x, arena_printf(r->arena, "scores_%d_%d.xlsx", year, quarter),
				 arena_printf(r->arena, "%s考核成绩单.xlsx", score_period_name(&r->c, year, quarter)));
}

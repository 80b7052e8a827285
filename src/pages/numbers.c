/*
 * numbers.c: the number patterns page (pages/numbers.h).  /numbers lists
 * the kinds, each with its pattern in force today and the number the next
 * record would get; ?kind= shows one kind's history and the form adding a
 * pattern from a day on, a refusal shown beside its field.
 */
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/fielderr.h"
#include "domain/numbering.h"
#include "domain/result.h"
#include "http/http.h"
#include "pages/numbers.h"
#include "pages/page.h"

static const char *today(struct req *r)
{
	char buf[11];

	date_format(date_from_unix_cst(r->c.now), buf);
	return arena_strdup(r->arena, buf);
}

static void language(struct req *r, struct strbuf *sb)
{
	strbuf_addstr(sb, "<p>编号规则由文字和标记组成：<code>{机关代字}</code>（本委为“");
	html_txt(sb, numbering_abbr(&r->c));
	strbuf_addstr(sb, "”，在文书模板页面设置）、<code>{年}</code>（记录日期的年份）、"
		      "<code>{序号}</code>（该种编号当年从1起连续编号）或<code>{序号3}</code>（不足3位补0，如007），"
		      "须含{年}，且只含一个序号。例如<code>{机关代字}纪审〔{年}〕{序号}号</code>。"
		      "新规则自生效日期起用于此后编号的记录，序号接续不断号；已编的号不变。</p>");
}

static void overview(struct req *r, struct strbuf *sb)
{
	static const struct column cols[] = { { "编号种类", NULL }, { "现行规则", NULL }, { "下一个编号（今天）", NULL } };
	const struct number_kind *k;
	int n = numbering_kinds(&r->c, &k);
	const char *day = today(r);

	table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	for (int i = 0; i < n; i++) {
		struct number_pattern *p;
		int np = numbering_patterns(&r->c, k[i].code, &p);
		const char *next = numbering_preview(&r->c, k[i].code, day);

		int now = 0;            /* p newest first: the one in force today, after those to come */

		while (now < np && strcmp(p[now].effective_from, day) > 0)
			now++;
		strbuf_addstr(sb, "<tr>");
		html_td_link(sb, arena_printf(r->arena, "/numbers?kind=%s", k[i].code), k[i].name);
		html_td(sb, now < np ? (now ? arena_printf(r->arena, "%s（自%s起：%s）", p[now].pattern,
							   p[now - 1].effective_from, p[now - 1].pattern)
					    : p[now].pattern)
				     : np ? arena_printf(r->arena, "（自%s起：%s）", p[np - 1].effective_from,
							 p[np - 1].pattern)
					  : "（未设置）");
		html_td(sb, next && *next ? next : "—");
		strbuf_addstr(sb, "</tr>");
	}
	table_close(sb, n, 3, NULL);
}

static int kind_page(struct req *r, const struct number_kind *k, const struct number_pattern *in,
		     const struct fielderr *fe, unsigned status)
{
	static const char *const crumbs[] = { "工作台", "/", "编号规则", "/numbers", NULL, NULL };
	static const struct column cols[] = { { "生效日期", NULL }, { "编号规则", NULL }, { "依据", NULL },
					      { "修改人", NULL } };
	const char *cr[QF_ARRAY_SIZE(crumbs)];
	struct strbuf sb = STRBUF_INIT;
	struct number_pattern *p;
	int n = numbering_patterns(&r->c, k->code, &p);
	const char *next = numbering_preview(&r->c, k->code, today(r));

	if (n < 0 || !next)
		return res_error(r, RES_STORE, "number_pattern");
	memcpy(cr, crumbs, sizeof(crumbs));
	cr[4] = k->name;
	page_begin(r, &sb, k->name, cr);
	field_errors_summary(&sb, fe);
	strbuf_addstr(&sb, "<p>按今天的规则，下一个编号为：<strong class=\"next-number\">");
	html_txt(&sb, *next ? next : "（今天没有生效的规则）");
	strbuf_addstr(&sb, "</strong></p>");
	table_open(&sb, NULL, "规则（按生效日期）", cols, QF_ARRAY_SIZE(cols));
	for (int i = 0; i < n; i++) {
		const char *cells[] = { p[i].effective_from, p[i].pattern, p[i].source, p[i].author };

		strbuf_addstr(&sb, "<tr>");
		html_cells(&sb, cells, 4);
		strbuf_addstr(&sb, "</tr>");
	}
	table_close(&sb, n, 4, "尚无规则");
	strbuf_addstr(&sb, "<h2>增加规则</h2>");
	language(r, &sb);
	form_open(r, &sb, "/numbers", "record-form");
	form_hidden(&sb, "kind", k->code);
	field_text(&sb, "pattern", "编号规则", in ? in->pattern : n ? p[0].pattern : "", 1,
		   fielderr_get(fe, "pattern"), "maxlength=\"200\"");
	field_text(&sb, "effective_from", "生效日期", in ? in->effective_from : NULL, 1,
		   fielderr_get(fe, "effective_from"), "type=\"date\"");
	field_text(&sb, "source", "依据", in ? in->source : NULL, 1, fielderr_get(fe, "source"),
		   "maxlength=\"500\"");
	form_close(&sb, "增加规则", "/numbers");
	return page_finish(r, &sb, status);
}

int page_numbers(struct req *r)
{
	static const char *const crumbs[] = { "工作台", "/", "编号规则", NULL, NULL };
	const char *code = req_arg(r, "kind");
	struct strbuf sb = STRBUF_INIT;

	if (code && *code) {
		const struct number_kind *k = numbering_kind_find(&r->c, code);

		if (!k)
			return res_error(r, RES_NOT_FOUND, "number_pattern");
		return kind_page(r, k, NULL, &(struct fielderr){ 0 }, 200);
	}
	page_begin(r, &sb, "编号规则", crumbs);
	strbuf_addstr(&sb, "<p>线索编号、立案编号和各种文书的文号都按本页的规则编号，每种编号每年一个计数器。"
		      "立案决定书按人制作，文号为该被审查调查人的立案编号。</p>");
	overview(r, &sb);
	language(r, &sb);
	return page_finish(r, &sb, 200);
}

int page_number_pattern_save(struct req *r)
{
	const struct number_kind *k = numbering_kind_find(&r->c, req_field(r, "kind"));
	struct number_pattern p = { .pattern = req_field(r, "pattern"), .effective_from = req_field(r, "effective_from"),
				    .source = req_field(r, "source") };
	struct fielderr fe = { 0 };
	int rc;

	if (!k)
		return res_error(r, RES_NOT_FOUND, "number_pattern");
	rc = numbering_pattern_save(&r->c, k->code, &p, &fe);
	if (rc == RES_INVALID)
		return kind_page(r, k, &p, &fe, 422);
	return page_result(r, rc, "number_pattern",
			   arena_printf(r->arena, "/numbers?kind=%s&ok=saved", k->code));
}

/*
 * annual.c: the annual report page (年度工作报告, issue 11): the template in
 * a textarea with its placeholders beside it (each one's meaning and the
 * chosen year's value), the keys a placeholder may name, a form to render
 * the report (view HTML, download DOCX or text) and the kept renderings,
 * each opened again with the figures it used.  For the case manager and
 * leaders (PERM_ANNUAL_REPORT, docs/security.md).  A template that does
 * not check is refused before saving, its line and placeholder named.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/annual.h"
#include "domain/labels.h"
#include "domain/metrics.h"
#include "domain/dash.h"
#include "domain/result.h"
#include "http/http.h"
#include "office/docx.h"
#include "pages/annual.h"
#include "pages/list_kept.h"
#include "pages/page.h"

/* ?year=, else the last full year, or the latest year before it with a
 * clue when it has none (a database of past years, such as the demo's) */
static int year_of(struct req *r)
{
	const char *y = req_arg(r, "year");
	char today[11];
	long v = y ? strtol(y, NULL, 10) : 0;

	if (v >= 1900 && v <= 9999)
		return (int)v;
	date_format(date_today(), today);
	return dash_latest_year(&r->c, atoi(today) - 1);
}

static void placeholders(struct req *r, struct strbuf *sb, const char *body, int year)
{
	static const struct column cols[] = { { "占位符", NULL }, { "含义", NULL }, { "本年度数值", "num" } };
	struct annual_doc d;
	struct tmpl_error e;
	struct annual_fig *f = NULL;
	int ok = annual_check(r->c.db, r->arena, body, &d, &e) == 1 &&
		 annual_figures(r->c.db, r->arena, &d, year, r->c.who.scoped ? r->c.who.id : 0, &f, &e) == RES_DONE;

	strbuf_addf(sb, "<h2>模板中的占位符（%d年数值）</h2>", year);
	if (!ok) {
		html_notice(sb, "error", e.message);
		return;
	}
	table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	for (int i = 0; i < d.nphs; i++) {
		const char *cells[] = { d.phs[i].src, annual_ph_meaning(r->arena, &d.phs[i]), f[i].display };
		strbuf_addstr(sb, "<tr>");
		html_cells(sb, cells, 2);
		strbuf_addstr(sb, "<td class=\"num\">");
		html_txt(sb, cells[2]);
		strbuf_addstr(sb, "</td></tr>");
	}
	table_close(sb, d.nphs, 3, "模板中没有占位符");
}

static void keys(struct arena *a, struct strbuf *sb)
{
	static const struct column cols[] = { { "指标", NULL }, { "含义", NULL }, { "可用范围", NULL } };
	static const struct { unsigned bit; const char *words; } scopes[] = {
		{ METRIC_SCOPE_UNIT, "unit=" }, { METRIC_SCOPE_CAMPAIGN, "campaign=" },
		{ METRIC_SCOPE_ROUND, "round=" },
		{ METRIC_SCOPE_CATEGORY, "category=" }, { METRIC_SCOPE_SOURCE, "source=" },
		{ METRIC_SCOPE_ORGAN, "organ=" },
		{ METRIC_SCOPE_SUBJECT, "key_persons、top_leader、leadership、rank=" },
	};
	const struct metric_def *const *defs;
	int n = 0, nd;

	strbuf_addstr(sb, "<h2>可用的统计指标</h2><p>写法：<code>{{指标}}</code>，加范围："
		      "<code>{{指标|范围,范围}}</code>，如 <code>{{cases_filed|key_persons}}</code>、"
		      "<code>{{sanctioned|category=eight_rules}}</code>、"
		      "<code>{{form1|campaign=专项工作名称或编号}}</code>、"
		      "<code>{{inspection_orgs|round=1}}</code>（报告年度的第1轮巡察）；<code>prev</code> 取上一年同一数字；"
		      "<code>{{year}}</code>、<code>{{prev_year}}</code> 为年份。</p>");
	table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	defs = metric_defs(a, &nd);
	for (int k = 0; k < nd; k++) {
		const struct metric_def *const *d = &defs[k];

		strbuf_addstr(sb, "<tr><td><code>");
		html_txt(sb, (*d)->key);
		strbuf_addstr(sb, "</code></td><td>");
		html_txt(sb, (*d)->zh);
		strbuf_addstr(sb, "</td><td>");
		for (size_t i = 0; i < QF_ARRAY_SIZE(scopes); i++)
			if ((*d)->scopes & scopes[i].bit) {
				html_txt(sb, scopes[i].words);
				strbuf_addstr(sb, "、");
			}
		strbuf_addstr(sb, "prev</td></tr>");
		n++;
	}
	table_close(sb, n, 3, "");
}

static void renderings(struct req *r, struct strbuf *sb)
{
	static const struct column cols[] = { { "编号", "num" }, { "年度", "num" }, { "模板版本", "num" },
					      { "生成人", NULL }, { "生成时间", NULL }, { "打开", NULL } };
	struct annual_rendering *v;
	int n = annual_renderings(&r->c, 50, &v);

	strbuf_addstr(sb, "<h2>已生成的报告</h2><p>每次生成都留存所用模板版本和数字，"
		      "以后打开仍是当时的内容，不随记录更正或模板修改而变；“核对更正”列出此后因记录更正而变化的数字"
		      "（原报数和更正数）。</p>");
	if (n < 0) {
		html_notice(sb, "error", "读取生成记录失败");
		return;
	}
	table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	for (int i = 0; i < n; i++) {
		strbuf_addf(sb, "<tr><td class=\"num\">%" PRId64 "</td><td class=\"num\">%d</td>"
			    "<td class=\"num\">%" PRId64 "</td><td>", v[i].id, v[i].year, v[i].template_version);
		html_txt(sb, v[i].author);
		strbuf_addstr(sb, "</td><td>");
		html_time(sb, v[i].created_at);
		strbuf_addf(sb, "</td><td><a href=\"/annual/renderings/%" PRId64 "?format=html\">查看</a> "
			    "<a href=\"/annual/renderings/%" PRId64 "?format=docx\">下载DOCX</a> "
			    "<a href=\"/annual/renderings/%" PRId64 "?format=text\">文本</a> "
			    "<a href=\"/annual/renderings/%" PRId64 "/corrections\">核对更正</a></td></tr>",
			    v[i].id, v[i].id, v[i].id, v[i].id);
	}
	table_close(sb, n, 6, "尚未生成报告");
}

static int annual_page(struct req *r, const char *body, const struct fielderr *fe, unsigned status)
{
	static const char *const crumbs[] = { "工作台", "/", "年度工作报告", NULL, NULL };
	static const struct label formats[] = { { "html", "网页（可打印）" }, { "docx", "Word 文档（DOCX）" },
						{ "text", "纯文本" }, { NULL, NULL } };
	struct strbuf sb = STRBUF_INIT;
	struct annual_version v = { 0 };
	struct list_kept k = { 0 };
	int year, rc;

	/* the view of the latest template (GET) is kept as a list's (issue 16,
	 * annual16g): it renders from the data, the session and the query
	 * alone, and no view is audited; a refused save (a 422 with the text
	 * sent) is neither kept nor served */
	if (!body && list_kept_serve(r, &k, "年度工作报告", crumbs))
		return k.rc;
	year = year_of(r);
	rc = annual_latest(&r->c, &v);
	if (rc == RES_STORE)
		return res_error(r, RES_STORE, "annual");
	if (!body)
		body = rc == RES_DONE ? v.body : "";
	list_kept_begin(r, &k, &sb, "年度工作报告", crumbs);
	field_errors_summary(&sb, fe);
	strbuf_addstr(&sb, "<h2>生成报告</h2>");
	form_open(r, &sb, "/annual/render", "record-form");
	field_text(&sb, "year", "年度", arena_printf(r->arena, "%d", year), 1, NULL,
		   "type=\"number\" min=\"1900\" max=\"9999\"");
	field_select(&sb, "format", "格式", formats, "html", 1, NULL, NULL);
	form_close(&sb, "生成并留存", NULL);
	renderings(r, &sb);
	strbuf_addf(&sb, "<h2>报告模板</h2><p>当前为第%" PRId64 "版", v.version);
	if (rc == RES_DONE) {
		strbuf_addstr(&sb, "（");
		html_txt(&sb, v.author);
		if (v.created_at) {     /* 0: the default, seeded by migration 0027 */
			strbuf_addstr(&sb, "，");
			html_time(&sb, v.created_at);
		}
		strbuf_addstr(&sb, "）");
	}
	strbuf_addstr(&sb, "。每行一段：<code># </code>标题，<code>## </code>一级标题（一、），"
		      "<code>### </code>二级标题（（一）），标题后 <code>||</code> 接同段正文，"
		      "<code>//</code> 开头为注释。数字写作占位符，保存前逐一检查。</p>");
	strbuf_addstr(&sb, "<div class=\"annual-edit\"><div>");
	form_open(r, &sb, "/annual/template", "record-form");
	field_textarea(&sb, "template_text", "模板", body, 1, fielderr_get(fe, "template_text"), 30, ANNUAL_MAX_BYTES,
		       "保存后成为新版本；以往生成的报告不受影响。");
	form_close(&sb, "检查并保存", NULL);
	strbuf_addstr(&sb, "</div><div class=\"annual-phs\">");
	placeholders(r, &sb, body, year);
	strbuf_addstr(&sb, "</div></div>");
	keys(r->arena, &sb);
	return k.on && status == 200 ? list_kept_finish(r, &k, &sb) : page_finish(r, &sb, status);
}

int page_annual(struct req *r)
{
	struct fielderr fe = { 0 };

	return annual_page(r, NULL, &fe, 200);
}

int page_annual_save(struct req *r)
{
	struct fielderr fe = { 0 };
	struct tmpl_error e;
	const char *body = req_field(r, "template_text");
	int64_t version;
	int rc = annual_save(&r->c, body ? body : "", &version, &e);

	if (rc == RES_INVALID) {
		fielderr_add(&fe, "template_text", e.message);
		return annual_page(r, body, &fe, 422);
	}
	return page_result(r, rc, "annual", "/annual?ok=saved");
}

static const char *format_arg(const char *f)
{
	return f && (!strcmp(f, "docx") || !strcmp(f, "text")) ? f : "html";
}

int page_annual_render(struct req *r)
{
	struct fielderr fe = { 0 };
	struct strbuf out = STRBUF_INIT;
	struct tmpl_error e;
	const char *y = req_field(r, "year"), *format = format_arg(req_field(r, "format"));
	long year = y ? strtol(y, NULL, 10) : 0;
	int64_t id;
	int rc;

	if (year < 1900 || year > 9999) {
		fielderr_add(&fe, "year", "请填写年度，如 2022");
		return annual_page(r, NULL, &fe, 422);
	}
	rc = annual_render(&r->c, (int)year, format, &out, &id, &e);
	strbuf_release(&out);
	if (rc == RES_INVALID) {
		fielderr_add(&fe, "template_text", e.message);
		return annual_page(r, NULL, &fe, 422);
	}
	return page_result(r, rc, "annual",
			   arena_printf(r->arena, "/annual/renderings/%" PRId64 "?format=%s", id, format));
}

int page_annual_rendering(struct req *r)
{
	struct strbuf out = STRBUF_INIT;
	struct annual_rendering k;
	const char *format = format_arg(req_arg(r, "format"));
	int rc = annual_reproduce(&r->c, r->id, format, &out, &k);

	if (rc != RES_DONE) {
		strbuf_release(&out);
		return res_error(r, rc, "annual");
	}
	if (!strcmp(format, "docx"))
		return reply_text(r, 200, DOCX_MIME,
				  &out);
	if (!strcmp(format, "text"))
		return reply_text(r, 200, "text/plain; charset=utf-8", &out);
	return reply_html(r, 200, &out);
}

/* GET /annual/renderings/{id}/corrections: the figures of a kept report
 * that the records give differently today, 原报数 beside 更正数; the kept
 * report itself never changes. */
int page_annual_corrections(struct req *r)
{
	static const struct column cols[] = { { "数字", NULL }, { "原报数", "num" }, { "更正数", "num" } };
	struct strbuf sb = STRBUF_INIT;
	struct annual_rendering k;
	struct annual_correction *v = NULL;
	struct tmpl_error e = { 0 };
	const char *crumbs[] = { "工作台", "/", "年度工作报告", "/annual", NULL, NULL, NULL };
	int n, rc = annual_corrections(&r->c, r->id, &k, &v, &n, &e);

	if (rc != RES_DONE && rc != RES_INVALID)
		return res_error(r, rc, "annual");
	crumbs[4] = arena_printf(r->arena, "第%" PRId64 "号报告核对更正", r->id);
	page_begin(r, &sb, crumbs[4], crumbs);
	strbuf_addf(&sb, "<p>%d年度报告，模板第%" PRId64 "版，", k.year, k.template_version);
	html_txt(&sb, k.author);
	strbuf_addstr(&sb, "生成于");
	html_time(&sb, k.created_at);
	strbuf_addstr(&sb, "。下表按当前记录重新计算报告中的每个数字（在您的管辖范围内），"
		      "列出与原报数不同的数字；留存的报告不变，<a href=\"/annual/renderings/");
	strbuf_addf(&sb, "%" PRId64 "?format=html\">打开原报告</a>。</p>", r->id);
	if (rc == RES_INVALID) {
		html_notice(&sb, "error", arena_printf(r->arena, "无法按当前记录重新计算：%s", e.message ? e.message : "模板不再适用"));
		return page_finish(r, &sb, 200);
	}
	if (!n) {
		strbuf_addstr(&sb, "<p class=\"empty\" id=\"no-corrections\">按当前记录计算，各数字与原报数一致，没有更正。</p>");
		return page_finish(r, &sb, 200);
	}
	table_open(&sb, "list corrections", NULL, cols, QF_ARRAY_SIZE(cols));
	for (int i = 0; i < n; i++) {
		strbuf_addstr(&sb, "<tr><td>");
		html_txt(&sb, v[i].meaning);
		strbuf_addstr(&sb, " <code>");
		html_txt(&sb, v[i].src);
		strbuf_addstr(&sb, "</code></td>");
		strbuf_addstr(&sb, "<td class=\"num\">");
		html_txt(&sb, v[i].was);
		strbuf_addstr(&sb, "</td><td class=\"num\">");
		html_txt(&sb, v[i].now);
		strbuf_addstr(&sb, "</td></tr>");
	}
	table_close(&sb, n, 3, "");
	return page_finish(r, &sb, 200);
}

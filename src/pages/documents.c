/*
 * documents.c: the pages of documents (文书, issue 12; domain/document.h).
 * On a record page, the 文书 section lists the documents kept with it
 * (number, kind, date, who; each a download) and offers "生成文书" for the
 * kinds the page names and the actor may make.  A document downloads only
 * for those who may see its record (404 otherwise).  The templates page
 * (PERM_DOC_TEMPLATES) edits each kind's template, checked before saving
 * with its placeholder named, and the 机关代字 (the number patterns:
 * pages/numbers.c).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/document.h"
#include "domain/fielderr.h"
#include "domain/numbering.h"
#include "domain/result.h"
#include "http/http.h"
#include "office/docx.h"
#include "pages/documents.h"
#include "pages/page.h"


static void section(struct req *r, struct strbuf *sb, const char *page, const struct doc_option *opts, int n)
{
	static const struct column cols[] = { { "文号", NULL }, { "文书", NULL }, { "成文日期", NULL },
					      { "生成人", NULL }, { "生成时间", NULL } };
	struct document *d;
	int nd = doc_list_of_page(&r->c, page, &d);

	strbuf_addstr(sb, "<section class=\"documents\">");
	fold_open(sb, "文书");
	if (nd < 0) {
		html_notice(sb, "error", "读取文书失败");
		nd = 0;
	}
	table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	for (int i = 0; i < nd; i++) {
		const struct doc_kind *k = doc_kind_find(d[i].kind);

		strbuf_addstr(sb, "<tr>");
		html_td_link(sb, arena_printf(r->arena, "/documents/%" PRId64, d[i].id), d[i].number);
		html_td(sb, k ? k->name : d[i].kind);
		html_td(sb, d[i].day);
		html_td(sb, d[i].author);
		strbuf_addstr(sb, "<td>");
		html_time(sb, d[i].created_at);
		strbuf_addstr(sb, "</td></tr>");
	}
	table_close(sb, nd, 5, "尚未生成文书");
	if (n > 0) {     /* doc_option_add offers only what the actor may make */
		char today[11];

		date_format(date_from_unix_cst(r->c.now), today);
		form_open(r, sb, "/documents", "record-form no-print");
		field_select_open(sb, "doc", "生成文书", 1, NULL, "请选择");
		for (int i = 0; i < n; i++) {
			strbuf_addstr(sb, "<option value=\"");
			html_attr(sb, opts[i].subject ? arena_printf(r->arena, "%s:%" PRId64 ":%" PRId64, opts[i].kind,
								     opts[i].record_id, opts[i].subject)
						      : arena_printf(r->arena, "%s:%" PRId64, opts[i].kind, opts[i].record_id));
			strbuf_addstr(sb, "\">");
			html_txt(sb, opts[i].label);
			strbuf_addstr(sb, "</option>");
		}
		field_select_close(sb, "doc", NULL);
		field_text(sb, "day", "成文日期", today, 1, NULL, "type=\"date\"");
		form_close(sb, "生成文书", NULL);
	}
	fold_close(sb);
	strbuf_addstr(sb, "</section>");
}

void page_documents_report(struct req *r, struct strbuf *sb, int64_t report_id)
{
	struct doc_options o = { 0 };

	doc_options_report(&r->c, report_id, &o);
	section(r, sb, arena_printf(r->arena, "/reports/%" PRId64, report_id), o.v, o.n);
}

void page_documents_clue(struct req *r, struct strbuf *sb, int64_t clue_id)
{
	struct doc_options o = { 0 };

	if (doc_options_clue(&r->c, clue_id, &o) != RES_DONE)
		html_notice(sb, "error", "读取可生成的文书失败");
	section(r, sb, arena_printf(r->arena, "/clues/%" PRId64, clue_id), o.v, o.n);
}

void page_documents_case(struct req *r, struct strbuf *sb, int64_t case_id)
{
	struct doc_options o = { 0 };

	if (doc_options_case(&r->c, case_id, &o) != RES_DONE)
		html_notice(sb, "error", "读取可生成的文书失败");
	section(r, sb, arena_printf(r->arena, "/cases/%" PRId64, case_id), o.v, o.n);
}

void page_documents_outcome(struct req *r, struct strbuf *sb, int64_t outcome_id, int sanctioned)
{
	struct doc_options o = { 0 };

	doc_options_outcome(&r->c, outcome_id, sanctioned, &o);
	section(r, sb, arena_printf(r->arena, "/outcomes/%" PRId64, outcome_id), o.v, o.n);
}

/* "kind:id" */
static const struct doc_kind *chosen(struct req *r, int64_t *id, int64_t *subject)
{
	const char *v = req_field(r, "doc"), *colon = v ? strchr(v, ':') : NULL;
	char *end;
	long long n, sub = 0;

	if (!colon)
		return NULL;
	n = strtoll(colon + 1, &end, 10);
	if (*end == ':')        /* kind:record:subject (立案决定书 per subject) */
		sub = strtoll(end + 1, &end, 10);
	if (*end || n <= 0 || sub < 0)
		return NULL;
	*id = n;
	*subject = sub;
	return doc_kind_find(arena_strndup(r->arena, v, (size_t)(colon - v)));
}

static int refusal_page(struct req *r, const char *msg, const char *back)
{
	static const char *const crumbs[] = { "工作台", "/", "生成文书", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;

	page_begin(r, &sb, "生成文书", crumbs);
	html_notice(&sb, "error", msg);
	if (back)
		toolbar(&sb, back, "返回", 0);
	return page_finish(r, &sb, 422);
}

int page_document_allowed(struct req *r, const struct doc_kind *k, int64_t id)
{
	int rc;

	/* the permission first: a 403 only for records that exist told
	 * anyone how many cases and detentions there are */
	if (!authz_has(&r->c.who, k->perm))
		return reply_error(r, E_FORBIDDEN, NULL), 0;
	if ((rc = doc_record_exists(&r->c, k, id)) != 1)
		return res_error(r, rc < 0 ? RES_STORE : RES_NOT_FOUND, "document"), 0;
	return 1;
}

int page_document_issue(struct req *r)
{
	struct document d;
	struct tmpl_error e;
	int64_t id = 0, subject = 0;
	const struct doc_kind *k = chosen(r, &id, &subject);
	int rc;

	if (!k)
		return refusal_page(r, "请选择要生成的文书", NULL);
	if (!page_document_allowed(r, k, id))
		return MHD_YES;
	rc = doc_issue(&r->c, k, id, subject, req_field(r, "day"), &d, &e);
	if (rc == RES_INVALID)
		return refusal_page(r, arena_printf(r->arena, "%s未能生成：%s", k->name, e.message), NULL);
	return page_result(r, rc, "document", rc == RES_DONE ? arena_printf(r->arena, "%s?ok=done", d.page) : "/");
}

int page_document_download(struct req *r)
{
	struct document d;
	struct strbuf out = STRBUF_INIT;
	int rc = doc_download(&r->c, r->id, &d);

	if (rc != RES_DONE)
		return res_error(r, rc, "document");
	strbuf_add(&out, d.content, (size_t)d.size);
	return reply_download(r, DOCX_MIME, arena_printf(r->arena, "document-%" PRId64 ".docx", d.id),
			      doc_file_name(r->arena, &d), &out);
}

/* ---- templates and numbering -------------------------------------------------- */

static void kind_list(struct req *r, struct strbuf *sb, const struct doc_kind *cur)
{
	int n;
	const struct doc_kind *const *ks = doc_kinds_sorted(r->arena, &n);

	strbuf_addstr(sb, "<nav class=\"tabs\" aria-label=\"文书种类\"><ul>");
	for (int i = 0; i < n; i++) {
		strbuf_addstr(sb, ks[i] == cur ? "<li aria-current=\"page\">" : "<li>");
		html_link(sb, arena_printf(r->arena, "/documents/templates?kind=%s", ks[i]->code), ks[i]->name);
		strbuf_addstr(sb, "</li>");
	}
	strbuf_addstr(sb, "</ul></nav>");
}

/* the 机关代字 (used by every number pattern) and where the patterns are set */
static void abbr_section(struct req *r, struct strbuf *sb, const struct doc_kind *k, const struct fielderr *fe)
{
	strbuf_addstr(sb, "<h2>文号</h2><p>各种文书的文号规则（以及线索编号、立案编号）在");
	html_link(sb, "/numbers", "编号规则");
	strbuf_addstr(sb, "页面设置；立案决定书使用被审查调查人的立案编号。</p>");
	form_open(r, sb, "/documents/abbr", "record-form");
	form_hidden(sb, "kind", k->code);
	field_text(sb, "abbr", "机关代字", numbering_abbr(&r->c), 1, fielderr_get(fe, "abbr"), NULL);
	form_close(sb, "保存机关代字", NULL);
}

static int templates_page(struct req *r, const struct doc_kind *k, const char *body, const struct fielderr *fe,
			  unsigned status)
{
	static const char *const crumbs[] = { "工作台", "/", "文书模板", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;
	struct doc_template t = { 0 };
	int rc = doc_template_latest(&r->c, k->code, &t);

	if (rc == RES_STORE)
		return res_error(r, rc, "document");
	page_begin(r, &sb, "文书模板", crumbs);
	field_errors_summary(&sb, fe);
	kind_list(r, &sb, k);
	strbuf_addstr(&sb, "<h2>");
	html_txt(&sb, k->name);
	strbuf_addf(&sb, "模板</h2><p>当前为第%" PRId64 "版（", t.version);
	html_txt(&sb, t.author ? t.author : "—");
	strbuf_addstr(&sb, "）。每行一段：<code># </code>标题，<code>## </code>一级标题，"
		      "<code>@文号</code>、<code>@主送</code>、<code>@落款 机关 || 日期</code>、<code>@表 标题</code>、"
		      "<code>@空行</code>、<code>@分页</code>、<code>@抄送</code>为版式指令，"
		      "<code>| 项目 | 内容 |</code>为表格一行，<code>//</code>为注释。保存前逐一检查占位符；"
		      "新版本只用于此后生成的文书，已生成的文书不变。</p><p>可用字段：");
	for (const char *const *f = k->fields; *f; f++) {
		strbuf_addstr(&sb, "<code>{{");
		html_txt(&sb, *f);
		strbuf_addstr(&sb, "}}</code> ");
	}
	for (const char *const *f = doc_common_fields; *f; f++) {
		strbuf_addstr(&sb, "<code>{{");
		html_txt(&sb, *f);
		strbuf_addstr(&sb, "}}</code> ");
	}
	strbuf_addstr(&sb, "</p>");
	form_open(r, &sb, "/documents/templates", "record-form");
	form_hidden(&sb, "kind", k->code);
	field_textarea(&sb, "template_text", "模板", body ? body : t.body ? t.body : "", 1,
		       fielderr_get(fe, "template_text"), 20, TMPL_MAX_BYTES, "保存后成为新版本。");
	form_close(&sb, "检查并保存", NULL);
	abbr_section(r, &sb, k, fe);
	return page_finish(r, &sb, status);
}

static const struct doc_kind *kind_arg(const char *code)
{
	const struct doc_kind *k = doc_kind_find(code);

	if (!k)         /* the first in order */
		QF_FOREACH(doc_kinds, const struct doc_kind, it)
			if (!k || (*it)->order < k->order)
				k = *it;
	return k;
}

int page_doc_templates(struct req *r)
{
	const struct doc_kind *k = kind_arg(req_arg(r, "kind"));

	if (!k)
		return res_error(r, RES_NOT_FOUND, "document");
	return templates_page(r, k, NULL, &(struct fielderr){ 0 }, 200);
}

static const char *back_to(struct req *r, const struct doc_kind *k)
{
	return arena_printf(r->arena, "/documents/templates?kind=%s&ok=saved", k->code);
}

int page_doc_template_save(struct req *r)
{
	const struct doc_kind *k = doc_kind_find(req_field(r, "kind"));
	const char *body = req_field(r, "template_text");
	struct fielderr fe = { 0 };
	struct tmpl_error e;
	int64_t version;
	int rc;

	if (!k)
		return res_error(r, RES_NOT_FOUND, "document");
	rc = doc_template_save(&r->c, k, body ? body : "", &version, &e);
	if (rc == RES_INVALID) {
		fielderr_add(&fe, "template_text", e.message);
		return templates_page(r, k, body, &fe, 422);
	}
	return page_result(r, rc, "document", back_to(r, k));
}

int page_doc_abbr_save(struct req *r)
{
	const struct doc_kind *k = kind_arg(req_field(r, "kind"));
	struct fielderr fe = { 0 };
	const char *why = NULL;
	int rc = doc_organ_abbr_save(&r->c, req_field(r, "abbr"), &why);

	if (rc == RES_INVALID) {
		fielderr_add(&fe, "abbr", why);
		return templates_page(r, k, NULL, &fe, 422);
	}
	return page_result(r, rc, "document", back_to(r, k));
}

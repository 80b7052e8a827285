/*
 * persons.c: the pages of the cadres under supervision: list with search,
 * filters and paging, detail (the read is audited), create and edit.
 * The ID number is shown in full only to roles allowed to see it, and a
 * form never echoes a stored ID number back into the page.
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/labels.h"
#include "domain/person.h"
#include "domain/role.h"
#include "http/http.h"
#include "pages/page.h"
#include "pages/pages.h"

static void flag(struct strbuf *sb, int on)
{
	strbuf_addstr(sb, on ? "<td class=\"flag\">是</td>" : "<td class=\"flag\"></td>");
}

static int per_page(struct req *r)
{
	long long n;

	if (form_get_int(&r->query, "per", &n) < 0 || n < 10 || n > 100)
		return PAGE_SIZE;
	return (int)n;
}

int page_persons(struct req *r)
{
	struct strbuf sb = STRBUF_INIT, base = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "监督对象", NULL, NULL };
	struct list_query lq = { 0 };
	struct person *v = NULL;
	int64_t total = 0;
	long long unit = 0;
	int page = req_page(r), per = per_page(r), n;

	lq.q = req_arg(r, "q");
	lq.kind = req_arg(r, "rank");
	form_get_int(&r->query, "unit_id", &unit);
	lq.unit_id = unit;
	lq.limit = per;
	lq.offset = (page - 1) * per;
	lq.success = -1;
	n = person_list(&r->c, &lq, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "person list");

	page_begin(r, &sb, "监督对象", crumbs);
	strbuf_addstr(&sb, "<form class=\"filters\" method=\"get\" action=\"/persons\" role=\"search\">");
	field_text(&sb, "q", "姓名或职务", lq.q, 0, NULL, "type=\"search\" maxlength=\"50\"");
	unit_select(r, &sb, "unit_id", "单位（含下级）", lq.unit_id, 0, NULL, "全部单位");
	field_select(&sb, "rank", "职级", person_ranks, lq.kind, 0, NULL, "全部");
	strbuf_addstr(&sb, "<div class=\"field actions\"><button type=\"submit\">查询</button>"
		      "<a href=\"/persons\">重置</a></div></form>");
	if (authz_has(&r->c.who, PERM_PERSON_WRITE))
		strbuf_addstr(&sb, "<p class=\"toolbar\"><a class=\"button primary\" href=\"/persons/new\">新增监督对象</a></p>");
	strbuf_addstr(&sb, "<div class=\"table-wrap\"><table class=\"list\"><thead><tr><th scope=\"col\">姓名</th>"
		      "<th scope=\"col\">单位</th><th scope=\"col\">职务</th><th scope=\"col\">职级</th>"
		      "<th scope=\"col\" class=\"flag\">一把手</th><th scope=\"col\" class=\"flag\">班子成员</th>"
		      "<th scope=\"col\" class=\"flag\">党员</th>"
		      "</tr></thead><tbody>");
	for (int i = 0; i < n; i++) {
		strbuf_addf(&sb, "<tr><td><a href=\"/persons/%" PRId64 "\">", v[i].id);
		html_txt(&sb, v[i].name);
		strbuf_addstr(&sb, "</a></td><td>");
		html_txt(&sb, v[i].unit_name);
		strbuf_addstr(&sb, "</td><td>");
		html_txt(&sb, v[i].position);
		strbuf_addstr(&sb, "</td><td>");
		html_txt(&sb, label_of(person_ranks, v[i].rank));
		strbuf_addstr(&sb, "</td>");
		flag(&sb, v[i].top_leader);
		flag(&sb, v[i].leadership);
		flag(&sb, v[i].party_member);
		strbuf_addstr(&sb, "</tr>");
	}
	if (!n)
		strbuf_addstr(&sb, "<tr><td colspan=\"7\" class=\"empty\">没有符合条件的监督对象</td></tr>");
	strbuf_addstr(&sb, "</tbody></table></div>");
	strbuf_addstr(&base, "/persons?");
	url_param(&base, "q", lq.q);
	url_param(&base, "rank", lq.kind);
	if (unit)
		strbuf_addf(&base, "unit_id=%lld&", unit);
	if (per != PAGE_SIZE)
		strbuf_addf(&base, "per=%d&", per);
	page_pager(&sb, base.buf, page, total, per);
	strbuf_release(&base);
	return page_finish(r, &sb, 200);
}

static int person_form(struct req *r, const struct person *p, const char *idnum,
		       const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	const char *title = p->id ? "编辑监督对象" : "新增监督对象";
	const char *crumbs[] = { "工作台", "/", "监督对象", "/persons", title, NULL, NULL };

	page_begin(r, &sb, title, crumbs);
	field_errors_summary(&sb, fe);
	if (p->id)
		strbuf_addf(&sb, "<form method=\"post\" action=\"/persons/%" PRId64 "\" class=\"record-form\">",
			    p->id);
	else
		strbuf_addstr(&sb, "<form method=\"post\" action=\"/persons\" class=\"record-form\">");
	page_csrf(r, &sb);
	field_text(&sb, "name", "姓名", p->name, 1, fielderr_get(fe, "name"), "maxlength=\"50\"");
	unit_select(r, &sb, "unit_id", "所在单位", p->unit_id, 1, fielderr_get(fe, "unit_id"), "请选择");
	field_text(&sb, "position", "职务", p->position, 0, fielderr_get(fe, "position"), "maxlength=\"100\"");
	field_select(&sb, "rank", "职级", person_ranks, p->rank, 1, fielderr_get(fe, "rank"), "请选择");
	strbuf_addstr(&sb, "<fieldset><legend>身份</legend>");
	field_checkbox(&sb, "top_leader", "一把手", p->top_leader);
	field_checkbox(&sb, "leadership", "领导班子成员", p->leadership);
	field_checkbox(&sb, "party_member", "中共党员", p->party_member);
	strbuf_addstr(&sb, "</fieldset>");
	field_text(&sb, "id_number", p->id ? "身份证号码（不修改请留空）" : "身份证号码", idnum, 0,
		   fielderr_get(fe, "id_number"),
		   "maxlength=\"18\" autocomplete=\"off\" spellcheck=\"false\"");
	if (p->id && p->id_number_enc)
		field_checkbox(&sb, "clear_id_number", "清除已登记的身份证号码", 0);
	strbuf_addstr(&sb, "<p class=\"hint\">身份证号码加密保存，仅授权角色可查看。</p>"
		      "<div class=\"form-actions\"><button type=\"submit\" class=\"primary\">保存</button>");
	if (p->id)
		strbuf_addf(&sb, "<a href=\"/persons/%" PRId64 "\">取消</a>", p->id);
	else
		strbuf_addstr(&sb, "<a href=\"/persons\">取消</a>");
	strbuf_addstr(&sb, "</div></form>");
	return page_finish(r, &sb, status);
}

int page_person_new(struct req *r)
{
	struct person p = { .name = "", .position = "", .rank = "" };
	struct fielderr fe = { 0 };
	long long unit = 0;

	form_get_int(&r->query, "unit_id", &unit);
	p.unit_id = unit;
	return person_form(r, &p, "", &fe, 200);
}

static int person_save_page(struct req *r, struct person *p)
{
	struct fielderr fe = { 0 };
	long long unit = 0;
	const char *idnum = req_field(r, "id_number");
	const char *keep = NULL;
	int64_t id;

	p->name = req_field(r, "name");
	p->position = req_field(r, "position");
	p->rank = req_field(r, "rank");
	if (form_get_int(&r->form, "unit_id", &unit) < 0 && *req_field(r, "unit_id"))
		fielderr_add(&fe, "unit_id", "所选单位不存在");
	p->unit_id = unit;
	p->top_leader = form_get_bool(&r->form, "top_leader");
	p->leadership = form_get_bool(&r->form, "leadership");
	p->party_member = form_get_bool(&r->form, "party_member");
	if (*idnum && form_get_bool(&r->form, "clear_id_number"))
		fielderr_add(&fe, "id_number", "不能同时填写新号码和清除已登记的号码");
	else if (form_get_bool(&r->form, "clear_id_number"))
		keep = "";
	else if (*idnum || !p->id)
		keep = idnum;
	/* the domain checks the record first (404 outside the jurisdiction),
	 * then adds its own messages to the ones above */
	id = person_save(&r->c, p, keep, &fe);
	if (id == RES_INVALID)
		return person_form(r, p, idnum, &fe, 422);
	return page_result(r, id, "person",
			   arena_printf(r->arena, "/persons/%" PRId64 "?ok=saved", id));
}

int page_person_create(struct req *r)
{
	struct person p = { 0 };
	return person_save_page(r, &p);
}

int page_person_update(struct req *r)
{
	struct person p = { .id = r->id };
	return person_save_page(r, &p);
}

int page_person_edit(struct req *r)
{
	struct person p;
	struct fielderr fe = { 0 };
	int rc = person_get(&r->c, r->id, &p);

	if (rc <= 0)
		return res_error(r, rc, "person");
	return person_form(r, &p, "", &fe, 200);
}

static void yesno(struct strbuf *sb, const char *label, int v)
{
	strbuf_addstr(sb, "<dt>");
	html_txt(sb, label);
	strbuf_addstr(sb, v ? "</dt><dd>是</dd>" : "</dt><dd>否</dd>");
}

int page_person_show(struct req *r)
{
	struct strbuf sb = STRBUF_INIT, id = STRBUF_INIT;
	struct person p;
	int rc = person_get(&r->c, r->id, &p);

	if (rc <= 0)
		return res_error(r, rc, "person");
	{
		const char *crumbs[] = { "工作台", "/", "监督对象", "/persons", p.name, NULL, NULL };
		page_begin(r, &sb, p.name, crumbs);
	}
	strbuf_addf(&sb, "<dl class=\"record\"><dt>所在单位</dt><dd><a href=\"/units/%" PRId64 "\">",
		    p.unit_id);
	html_txt(&sb, p.unit_name);
	strbuf_addstr(&sb, "</a></dd><dt>职务</dt><dd>");
	html_txt(&sb, p.position);
	strbuf_addstr(&sb, "</dd><dt>职级</dt><dd>");
	html_txt(&sb, label_of(person_ranks, p.rank));
	strbuf_addstr(&sb, "</dd>");
	yesno(&sb, "一把手", p.top_leader);
	yesno(&sb, "领导班子成员", p.leadership);
	yesno(&sb, "中共党员", p.party_member);
	strbuf_addstr(&sb, "<dt>身份证号码</dt><dd>");
	rc = person_id_number(&r->c, &p, &id);
	if (rc == 1)
		html_txt(&sb, id.buf);
	else if (rc < 0)
		strbuf_addstr(&sb, "<span class=\"bad\">无法解密（密钥不匹配）</span>");
	else if (p.id_number_enc)
		strbuf_addstr(&sb, "已登记（仅授权角色可查看）");
	else
		strbuf_addstr(&sb, "未登记");
	strbuf_release(&id);
	strbuf_addstr(&sb, "</dd><dt>更新时间</dt><dd>");
	html_time(&sb, p.updated_at);
	strbuf_addstr(&sb, "</dd></dl>");
	if (authz_has(&r->c.who, PERM_PERSON_WRITE))
		strbuf_addf(&sb, "<p class=\"toolbar\"><a class=\"button\" href=\"/persons/%" PRId64
			    "/edit\">编辑</a></p>", p.id);
	page_person_record(r, &sb, &p);
	return page_finish(r, &sb, 200);
}

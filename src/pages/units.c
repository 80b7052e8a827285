/*
 * units.c: the unit pages: list with search and paging, detail, create
 * and edit forms with the errors beside their fields.  Jurisdiction is
 * checked by the domain on every unit named (404 when not visible).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/labels.h"
#include "domain/role.h"
#include "domain/unit.h"
#include "http/http.h"
#include "pages/page.h"
#include "pages/pages.h"

static void unit_option(struct strbuf *sb, const struct unit *u, int64_t selected)
{
	strbuf_addf(sb, "<option value=\"%" PRId64 "\"%s>", u->id, u->id == selected ? " selected" : "");
	html_txt(sb, u->name);
	if (*u->parent_name) {
		strbuf_addstr(sb, "（");
		html_txt(sb, u->parent_name);
		strbuf_addstr(sb, "）");
	}
	strbuf_addstr(sb, "</option>");
}

void unit_select(struct req *r, struct strbuf *sb, const char *name, const char *label,
		 int64_t selected, int required, const char *err, const char *none_label)
{
	struct unit *v = NULL;
	int n = unit_options(&r->c, 2000, &v), seen = 0;

	field_select_open(sb, name, label, required, err, none_label);
	for (int i = 0; i < n; i++) {
		unit_option(sb, &v[i], selected);
		seen |= v[i].id == selected;
	}
	if (selected && !seen) {
		/* past the list's limit: the current value is always offered, so
		 * saving a form unchanged never drops it */
		struct unit cur;
		if (unit_get(&r->c, selected, &cur) == 1)
			unit_option(sb, &cur, selected);
	}
	field_select_close(sb, name, err);
}

int page_units(struct req *r)
{
	struct strbuf sb = STRBUF_INIT, base = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "单位管理", NULL, NULL };
	struct list_query lq = { 0 };
	struct unit *v = NULL;
	int64_t total = 0;
	long long parent = 0;
	int page = req_page(r), n;

	lq.q = req_arg(r, "q");
	lq.kind = req_arg(r, "kind");
	form_get_int(&r->query, "parent", &parent);
	lq.unit_id = parent;
	lq.limit = PAGE_SIZE;
	lq.offset = (page - 1) * PAGE_SIZE;
	lq.success = -1;
	n = unit_list(&r->c, &lq, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "unit list");

	page_begin(r, &sb, "单位管理", crumbs);
	strbuf_addstr(&sb, "<form class=\"filters\" method=\"get\" action=\"/units\" role=\"search\">");
	field_text(&sb, "q", "名称", lq.q, 0, NULL, "type=\"search\" maxlength=\"100\"");
	field_select(&sb, "kind", "类别", unit_kinds, lq.kind, 0, NULL, "全部");
	strbuf_addstr(&sb, "<div class=\"field actions\"><button type=\"submit\">查询</button>"
		      "<a href=\"/units\">重置</a></div></form>");
	if (authz_has(&r->c.who, PERM_UNIT_WRITE))
		strbuf_addstr(&sb, "<p class=\"toolbar\"><a class=\"button primary\" href=\"/units/new\">新增单位</a></p>");
	strbuf_addstr(&sb, "<div class=\"table-wrap\"><table class=\"list\"><thead><tr><th scope=\"col\">单位名称</th>"
		      "<th scope=\"col\">类别</th><th scope=\"col\">上级单位</th>"
		      "<th scope=\"col\" class=\"num\">监督对象</th><th scope=\"col\" class=\"num\">下级单位</th>"
		      "</tr></thead><tbody>");
	for (int i = 0; i < n; i++) {
		strbuf_addf(&sb, "<tr><td><a href=\"/units/%" PRId64 "\">", v[i].id);
		html_txt(&sb, v[i].name);
		strbuf_addstr(&sb, "</a></td><td>");
		html_txt(&sb, label_of(unit_kinds, v[i].kind));
		strbuf_addstr(&sb, "</td><td>");
		html_txt(&sb, v[i].parent_name);
		strbuf_addf(&sb, "</td><td class=\"num\">%" PRId64 "</td><td class=\"num\">%" PRId64
			    "</td></tr>", v[i].n_persons, v[i].n_children);
	}
	if (!n)
		strbuf_addstr(&sb, "<tr><td colspan=\"5\" class=\"empty\">没有符合条件的单位</td></tr>");
	strbuf_addstr(&sb, "</tbody></table></div>");
	strbuf_addstr(&base, "/units?");
	url_param(&base, "q", lq.q);
	url_param(&base, "kind", lq.kind);
	if (parent)
		strbuf_addf(&base, "parent=%lld&", parent);
	page_pager(&sb, base.buf, page, total, PAGE_SIZE);
	strbuf_release(&base);
	return page_finish(r, &sb, 200);
}

static int unit_form(struct req *r, const struct unit *u, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	const char *title = u->id ? "编辑单位" : "新增单位";
	const char *crumbs[] = { "工作台", "/", "单位管理", "/units", title, NULL, NULL };

	page_begin(r, &sb, title, crumbs);
	field_errors_summary(&sb, fe);
	if (u->id)
		strbuf_addf(&sb, "<form method=\"post\" action=\"/units/%" PRId64 "\" class=\"record-form\">",
			    u->id);
	else
		strbuf_addstr(&sb, "<form method=\"post\" action=\"/units\" class=\"record-form\">");
	page_csrf(r, &sb);
	field_text(&sb, "name", "单位名称", u->name, 1, fielderr_get(fe, "name"), "maxlength=\"100\"");
	field_select(&sb, "kind", "类别", unit_kinds, u->kind, 1, fielderr_get(fe, "kind"), "请选择");
	unit_select(r, &sb, "parent_id", "上级单位", u->parent_id, 0, fielderr_get(fe, "parent_id"),
		    "（无，顶级单位）");
	strbuf_addstr(&sb, "<div class=\"form-actions\"><button type=\"submit\" class=\"primary\">保存</button>");
	if (u->id)
		strbuf_addf(&sb, "<a href=\"/units/%" PRId64 "\">取消</a>", u->id);
	else
		strbuf_addstr(&sb, "<a href=\"/units\">取消</a>");
	strbuf_addstr(&sb, "</div></form>");
	return page_finish(r, &sb, status);
}

int page_unit_new(struct req *r)
{
	struct unit u = { .name = "", .kind = "" };
	struct fielderr fe = { 0 };
	long long parent = 0;

	form_get_int(&r->query, "parent", &parent);
	u.parent_id = parent;
	return unit_form(r, &u, &fe, 200);
}

static void unit_from_form(struct req *r, struct unit *u, struct fielderr *fe)
{
	long long parent = 0;
	const char *p = req_field(r, "parent_id");

	u->name = req_field(r, "name");
	u->kind = req_field(r, "kind");
	if (*p && (form_get_int(&r->form, "parent_id", &parent) < 0 || parent <= 0))
		fielderr_add(fe, "parent_id", "上级单位不存在");
	u->parent_id = parent;
}

static int unit_save_page(struct req *r, struct unit *u)
{
	struct fielderr fe = { 0 };
	int64_t id;

	unit_from_form(r, u, &fe);
	/* the domain checks the unit first (404 outside the jurisdiction), then
	 * adds its messages to the ones above */
	id = unit_save(&r->c, u, &fe);
	if (id == RES_INVALID)
		return unit_form(r, u, &fe, 422);
	return page_result(r, id, "unit",
			   arena_printf(r->arena, "/units/%" PRId64 "?ok=saved", id));
}

int page_unit_create(struct req *r)
{
	struct unit u = { 0 };
	return unit_save_page(r, &u);
}

int page_unit_update(struct req *r)
{
	struct unit u = { .id = r->id };
	return unit_save_page(r, &u);
}

int page_unit_edit(struct req *r)
{
	struct unit u;
	struct fielderr fe = { 0 };
	int rc = unit_get(&r->c, r->id, &u);

	if (rc <= 0)
		return res_error(r, rc, "unit");
	return unit_form(r, &u, &fe, 200);
}

int page_unit_show(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;
	struct unit u, *kids = NULL;
	struct list_query lq = { .q = "", .kind = "", .limit = 200, .success = -1 };
	int64_t total;
	int rc = unit_get(&r->c, r->id, &u), n;

	if (rc <= 0)
		return res_error(r, rc, "unit");
	{
		const char *crumbs[] = { "工作台", "/", "单位管理", "/units", u.name, NULL, NULL };
		page_begin(r, &sb, u.name, crumbs);
	}
	strbuf_addstr(&sb, "<dl class=\"record\"><dt>类别</dt><dd>");
	html_txt(&sb, label_of(unit_kinds, u.kind));
	strbuf_addstr(&sb, "</dd><dt>上级单位</dt><dd>");
	if (u.parent_id) {
		strbuf_addf(&sb, "<a href=\"/units/%" PRId64 "\">", u.parent_id);
		html_txt(&sb, u.parent_name);
		strbuf_addstr(&sb, "</a>");
	} else {
		strbuf_addstr(&sb, "（顶级单位）");
	}
	strbuf_addf(&sb, "</dd><dt>监督对象</dt><dd><a href=\"/persons?unit_id=%" PRId64 "\">%" PRId64
		    " 人</a></dd><dt>更新时间</dt><dd>", u.id, u.n_persons);
	html_time(&sb, u.updated_at);
	strbuf_addstr(&sb, "</dd></dl>");
	if (authz_has(&r->c.who, PERM_UNIT_WRITE))
		strbuf_addf(&sb, "<p class=\"toolbar\"><a class=\"button\" href=\"/units/%" PRId64
			    "/edit\">编辑</a> <a class=\"button\" href=\"/units/new?parent=%" PRId64
			    "\">新增下级单位</a></p>", u.id, u.id);
	lq.unit_id = u.id;
	n = unit_list(&r->c, &lq, &kids, &total);
	strbuf_addstr(&sb, "<h2>下级单位</h2>");
	if (n > 0) {
		strbuf_addstr(&sb, "<ul class=\"plain\">");
		for (int i = 0; i < n; i++) {
			strbuf_addf(&sb, "<li><a href=\"/units/%" PRId64 "\">", kids[i].id);
			html_txt(&sb, kids[i].name);
			strbuf_addstr(&sb, "</a></li>");
		}
		strbuf_addstr(&sb, "</ul>");
	} else {
		strbuf_addstr(&sb, "<p class=\"empty\">无</p>");
	}
	return page_finish(r, &sb, 200);
}

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
#include "http/filter.h"
#include "http/http.h"
#include "pages/list.h"
#include "pages/list_kept.h"
#include "pages/find.h"

#include "pages/page.h"
#include "pages/units.h"

static const struct list_col unit_cols[] = { { "单位名称", NULL, 0, 0 }, { "类别", NULL, 0, 0 },
	{ "上级单位", NULL, 0, 0 }, { "监督对象", "num", 0, 0 }, { "下级单位", "num", 0, 0 } };
static const struct list_def unit_list_def = LIST_DEF("单位管理", "units", NULL, unit_cols);

int page_units(struct req *r)
{
	struct strbuf sb = STRBUF_INIT, base = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "单位管理", NULL, NULL };
	struct unit_filter lq;
	struct unit *v = NULL;
	struct listw w;
	struct list_kept k;
	int64_t total = 0;
	int page = req_page(r), n;

	if (list_kept_serve(r, &k, "单位管理", crumbs))
		return k.rc;
	list_filter(r, &unit_filter_spec, &lq, list_per_page(r));
	n = unit_list(&r->c, &lq, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "unit list");

	if (!list_wants_xlsx(r)) {
		list_kept_begin(r, &k, &sb, "单位管理", crumbs);
		filter_open(&sb, "/units");
		field_text(&sb, "q", "名称", lq.q, 0, NULL, "type=\"search\" maxlength=\"100\"");
		field_select(&sb, "kind", "类别", unit_kinds, lq.kind, 0, NULL, "全部");
		filter_close(&sb, NULL, "/units");
		if (authz_has(&r->c.who, PERM_UNIT_WRITE))
			toolbar(&sb, "/units/new", "新增单位", 1);
	}
	list_open(&w, r, &sb, &unit_list_def);
	for (int i = 0; i < n; i++) {
		list_link(&w, arena_printf(r->arena, "/units/%" PRId64, v[i].id), v[i].name);
		list_text(&w, label_of(unit_kinds, v[i].kind));
		list_text(&w, v[i].parent_name);
		list_int(&w, v[i].n_persons);
		list_int(&w, v[i].n_children);
		list_row_end(&w);
	}
	if (w.xlsx)
		return list_export(&w, &unit_filter_spec, &lq, total);
	list_close(&w, "没有符合条件的单位");
	strbuf_addstr(&base, "/units?");
	url_param(&base, "q", lq.q);
	url_param(&base, "kind", lq.kind);
	if (lq.parent_id)
		strbuf_addf(&base, "parent=%" PRId64 "&", lq.parent_id);
	list_pager(&w, base.buf, page, total, list_per_page(r));
	strbuf_release(&base);
	return list_kept_finish(r, &k, &sb);
}

/* The parent's name for the picker: the record's, or for a new unit the
 * parent the link named (?parent=) when the user may see it. */
static const char *parent_label(struct req *r, const struct unit *u)
{
	struct unit p;

	if (u->parent_name && *u->parent_name)
		return u->parent_name;
	return u->parent_id && unit_get(&r->c, u->parent_id, &p) == RES_DONE ? p.name : "";
}

static int unit_form(struct req *r, const struct unit *u, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	const char *title = u->id ? "编辑单位" : "新增单位";
	const char *crumbs[] = { "工作台", "/", "单位管理", "/units", title, NULL, NULL };
	const char *back = u->id ? arena_printf(r->arena, "/units/%" PRId64, u->id) : "/units";

	page_begin(r, &sb, title, crumbs);
	field_errors_summary(&sb, fe);
	form_open(r, &sb, back, "record-form");
	field_text(&sb, "name", "单位名称", u->name, 1, fielderr_get(fe, "name"), "maxlength=\"100\"");
	field_select(&sb, "kind", "类别", unit_kinds, u->kind, 1, fielderr_get(fe, "kind"), "请选择");
	field_pick_at(r, &sb, FIND_UNIT, "parent_id", "上级单位（顶级单位不填）", u->parent_id, parent_label(r, u), 0,
		      fielderr_get(fe, "parent_id"));
	form_close(&sb, "保存", back);
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
	int64_t parent = pick_resolve(r, FIND_UNIT, "parent_id", fe);

	u->name = req_field(r, "name");
	u->kind = req_field(r, "kind");
	if (parent < 0)
		fielderr_add(fe, "parent_id", "暂时无法查找，请稍后再试");
	u->parent_id = parent > 0 ? parent : 0;
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
	struct unit_filter lq = { .page.limit = 200 };
	int64_t total;
	int rc = unit_get(&r->c, r->id, &u), n;

	if (rc <= 0)
		return res_error(r, rc, "unit");
	{
		const char *crumbs[] = { "工作台", "/", "单位管理", "/units", u.name, NULL, NULL };
		page_begin(r, &sb, u.name, crumbs);
	}
	record_open(&sb);
	record_item(&sb, "类别", label_of(unit_kinds, u.kind));
	if (u.parent_id)
		record_link(&sb, "上级单位", arena_printf(r->arena, "/units/%" PRId64, u.parent_id), u.parent_name);
	else
		record_item(&sb, "上级单位", "（顶级单位）");
	record_link(&sb, "监督对象", page_href(r, arena_printf(r->arena, "/persons?unit_id=%" PRId64, u.id)),
		    arena_printf(r->arena, "%" PRId64 " 人", u.n_persons));
	record_link(&sb, "码上问效", page_href(r, arena_printf(r->arena, "/units/%" PRId64 "/rating", u.id)),
		    "评价二维码与海报");
	record_time(&sb, "更新时间", u.updated_at);
	record_close(&sb);
	if (authz_has(&r->c.who, PERM_UNIT_WRITE)) {
		toolbar_open(&sb);
		button_link(&sb, arena_printf(r->arena, "/units/%" PRId64 "/edit", u.id), "编辑", 0);
		strbuf_addch(&sb, ' ');
		button_link(&sb, arena_printf(r->arena, "/units/new?parent=%" PRId64, u.id), "新增下级单位", 0);
		toolbar_close(&sb);
	}
	lq.parent_id = u.id;
	n = unit_list(&r->c, &lq, &kids, &total);
	strbuf_addstr(&sb, "<h2>下级单位</h2>");
	if (n > 0) {
		strbuf_addstr(&sb, "<ul class=\"plain\">");
		for (int i = 0; i < n; i++)
			html_li_link(&sb, arena_printf(r->arena, "/units/%" PRId64, kids[i].id), kids[i].name, NULL);
		strbuf_addstr(&sb, "</ul>");
	} else {
		strbuf_addstr(&sb, "<p class=\"empty\">无</p>");
	}
	return page_finish(r, &sb, 200);
}

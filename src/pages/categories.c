/*
 * categories.c: the violation category catalog page (违纪违法类别): the
 * catalog with how many cases use each category, a form to add one, and
 * per category a form to retire it from a day (or take it back).  A
 * category is never deleted (case_filing.h).
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/case_filing.h"
#include "domain/result.h"
#include "http/http.h"
#include "pages/categories.h"
#include "pages/list.h"
#include "pages/page.h"

static const struct list_col cat_cols[] = { { "代码", NULL, 0, 0 }, { "名称", NULL, 0, 0 },
	{ "依据", NULL, 0, 0 }, { "启用日期", NULL, 0, 0 }, { "停用日期", NULL, 0, 0 }, { "案件数", "num", 0, 0 },
	{ "操作", NULL, 0, 1 } };
static const struct list_def cat_list_def = LIST_DEF("违纪违法类别", "categories", NULL, cat_cols);

static int catalog_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	struct listw w;
	static const char *const crumbs[] = { "工作台", "/", "违纪违法类别", NULL, NULL };
	struct violation_category *v;
	int n = category_list(&r->c, &v);

	if (n < 0)
		return res_error(r, RES_STORE, "category");
	page_begin(r, &sb, "违纪违法类别", crumbs);
	field_errors_summary(&sb, fe);
	strbuf_addstr(&sb, "<p>立案时从本目录选择违纪违法类别。类别只能停用，不能删除："
		      "已按某类别立案的案件始终保留该类别，以往统计不变。</p>");
	list_open(&w, r, &sb, &cat_list_def);
	for (int i = 0; i < n; i++) {
		struct strbuf *td;
		list_text(&w, v[i].code);
		list_text(&w, v[i].label);
		list_text(&w, v[i].source);
		list_day(&w, v[i].valid_from);
		if (v[i].retired)
			list_day(&w, v[i].retired);
		else
			list_text(&w, "—");
		list_int(&w, v[i].used);
		/* one line in the cell (a block form made each row some 150 px
		   tall, on a phone more): the label is for screen readers */
		td = list_cell(&w, NULL, office_text(NULL));
		if (!td) {
			list_row_end(&w);
			continue;
		}
		form_open(r, &sb, "/categories/retire", "inline");
		form_hidden(&sb, "code", v[i].code);
		if (v[i].retired) {
			form_hidden(&sb, "day", "");
			form_button(&sb, "恢复使用", NULL, NULL, "small");
		} else {
			field_inline(&sb, "day", arena_printf(r->arena, "%s的停用日期", v[i].label), 0, 1,
				     "type=\"date\"");
			form_button(&sb, "停用", NULL, NULL, "small");
		}
		form_end(&sb);
		list_cell_end(&w);
		list_row_end(&w);
	}
	if (w.xlsx)
		return list_export(&w, NULL, NULL, n);
	list_close(&w, "目录为空");
	strbuf_addstr(&sb, "<p class=\"count\">");
	list_export_link(&sb, "/categories?");
	strbuf_addstr(&sb, "</p>");
	strbuf_addstr(&sb, "<h2>新增类别</h2>");
	form_open(r, &sb, "/categories", "record-form");
	field_text(&sb, "code", "代码（小写字母、数字、下划线）", req_field(r, "code"), 1, fielderr_get(fe, "code"),
		   "maxlength=\"40\"");
	field_text(&sb, "label", "名称", req_field(r, "label"), 1, fielderr_get(fe, "label"), "maxlength=\"60\"");
	field_text(&sb, "source", "依据", req_field(r, "source"), 0, fielderr_get(fe, "source"),
		   "maxlength=\"200\"");
	field_text(&sb, "valid_from", "启用日期", req_field(r, "valid_from"), 1, fielderr_get(fe, "valid_from"),
		   "type=\"date\"");
	form_close(&sb, "新增", NULL);
	return page_finish(r, &sb, status);
}

int page_categories(struct req *r)
{
	struct fielderr fe = { 0 };
	return catalog_page(r, &fe, 200);
}

int page_category_create(struct req *r)
{
	struct fielderr fe = { 0 };
	struct violation_category v = { .code = req_field(r, "code"), .label = req_field(r, "label"),
					.source = req_field(r, "source"), .valid_from = req_field(r, "valid_from") };
	int rc = category_add(&r->c, &v, &fe);

	if (rc == RES_INVALID)
		return catalog_page(r, &fe, 422);
	return page_result(r, rc, "category", "/categories?ok=created");
}

int page_category_retire(struct req *r)
{
	struct fielderr fe = { 0 };
	int rc = category_retire(&r->c, req_field(r, "code"), req_field(r, "day"), &fe);

	if (rc == RES_INVALID)
		return catalog_page(r, &fe, 422);
	return page_result(r, rc, "category", "/categories?ok=saved");
}

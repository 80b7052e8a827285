/*
 * regdocs.c: the document register's pages (pages/regdocs.h), through the
 * domain's secrecy rule (domain/regdoc.h): the list withholds what the
 * user may not see, the record answers 404.
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/ctx.h"
#include "domain/labels.h"
#include "domain/regdoc.h"
#include "domain/result.h"
#include "http/filter.h"
#include "http/form.h"
#include "http/http.h"
#include "pages/attach.h"
#include "pages/figlist.h"
#include "pages/kit.h"
#include "pages/list.h"
#include "pages/page.h"
#include "pages/regdocs.h"

static const char *const list_args[] = { "direction", "state", "from", "to", "q", NULL };

static const struct list_col cols[] = { { "编号", "num", 0, 0 }, { "日期", NULL, 0, 0 }, { "收发", NULL, 0, 0 },
	{ "文号", NULL, 0, 0 }, { "标题", NULL, 40, 0 }, { "密级", NULL, 0, 0 }, { "来文/主送单位", NULL, 0, 0 },
	{ "办理状态", NULL, 0, 0 }, { "办复期限", NULL, 0, 0 }, { "登记部门", NULL, 0, 0 } };
static const struct list_def list_def = LIST_DEF("收发文登记", "regdocs", "regdoc", cols);

static const char *list_base(struct req *r, const struct regdoc_filter *f)
{
	struct strbuf b = STRBUF_INIT;
	const char *out;

	strbuf_addstr(&b, "/regdocs?");
	figlist_url(&b, &regdoc_filter_spec, f, list_args);
	out = arena_strdup(r->arena, b.buf);
	strbuf_release(&b);
	return out;
}

int page_regdocs(struct req *r)
{
	static const char *const crumbs[] = { "工作台", "/", "工作台账", "/worklog", "收发文登记", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;
	struct regdoc_filter f;
	struct regdoc *v;
	struct listw w;
	int64_t total;
	int n;

	list_filter(r, &regdoc_filter_spec, &f, list_per_page(r));
	n = regdoc_list(&r->c, &f, &v, &total);
	if (n < 0)
		return res_error(r, RES_STORE, "regdocs");
	if (!list_wants_xlsx(r)) {
		page_begin(r, &sb, "收发文登记", crumbs);
		toolbar(&sb, "/regdocs/new", "登记收发文", 1);
		filter_open(&sb, "/regdocs");
		field_select(&sb, "direction", "收发", regdoc_directions, req_arg(r, "direction"), 0, NULL, "全部");
		field_select(&sb, "state", "办理状态", regdoc_states, req_arg(r, "state"), 0, NULL, "全部");
		field_text(&sb, "from", "日期自", req_arg(r, "from"), 0, NULL, "type=\"date\"");
		field_text(&sb, "to", "至", req_arg(r, "to"), 0, NULL, "type=\"date\"");
		field_text(&sb, "q", "文号或标题含", req_arg(r, "q"), 0, NULL, NULL);
		filter_close(&sb, NULL, "/regdocs");
	}
	list_open(&w, r, &sb, &list_def);
	for (int i = 0; i < n; i++) {
		if (v[i].hidden)
			list_text(&w, arena_printf(r->arena, "%" PRId64, v[i].id));
		else
			list_id(&w, "/regdocs", v[i].id);
		list_day(&w, v[i].day);
		list_text(&w, label_of(regdoc_directions, v[i].direction));
		list_text(&w, v[i].number);
		list_text(&w, v[i].hidden ? "（密件，标题不予显示）" : v[i].title);
		list_text(&w, label_of(regdoc_secrecies, v[i].secrecy));
		list_text(&w, v[i].counterpart);
		list_text(&w, label_of(regdoc_states, v[i].state));
		list_day(&w, v[i].due);
		list_text(&w, v[i].office);
		list_row_end(&w);
	}
	if (w.xlsx)
		return list_export(&w, &regdoc_filter_spec, &f, total);
	list_close(&w, "没有符合条件的收发文");
	list_pager(&w, list_base(r, &f), req_page(r), total, list_per_page(r));
	return page_finish(r, &sb, 200);
}

static int form_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	static const char *const crumbs[] = { "工作台", "/", "收发文登记", "/regdocs", "登记收发文", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;
	const char *secrecy = *req_field(r, "secrecy") ? req_field(r, "secrecy") : "internal";

	page_begin(r, &sb, "登记收发文", crumbs);
	field_errors_summary(&sb, fe);
	form_open(r, &sb, "/regdocs", "record-form");
	field_select(&sb, "direction", "收发", regdoc_directions, req_field(r, "direction"), 1,
		     fielderr_get(fe, "direction"), "请选择");
	field_text(&sb, "number", "文号（发文不填则按编号规则自动编号）", req_field(r, "number"), 0,
		   fielderr_get(fe, "number"), "maxlength=\"60\"");
	field_text(&sb, "title", "文件标题", req_field(r, "title"), 1, fielderr_get(fe, "title"), "maxlength=\"300\"");
	field_select(&sb, "secrecy", "密级（绝密文件不得在本系统登记）", regdoc_secrecies, secrecy, 1,
		     fielderr_get(fe, "secrecy"), NULL);
	field_text(&sb, "day", "收发日期", req_field(r, "day"), 0, fielderr_get(fe, "day"), "type=\"date\"");
	field_text(&sb, "counterpart", "来文单位/主送单位", req_field(r, "counterpart"), 0,
		   fielderr_get(fe, "counterpart"), "maxlength=\"100\"");
	field_text(&sb, "handler", "承办人", req_field(r, "handler"), 0, fielderr_get(fe, "handler"), "maxlength=\"60\"");
	field_text(&sb, "due", "办复期限（需答复的收文）", req_field(r, "due"), 0, fielderr_get(fe, "due"),
		   "type=\"date\"");
	form_close(&sb, "登记", "/regdocs");
	return page_finish(r, &sb, status);
}

int page_regdoc_new(struct req *r)
{
	struct fielderr fe = { 0 };

	return form_page(r, &fe, 200);
}

int page_regdoc_create(struct req *r)
{
	struct fielderr fe = { 0 };
	struct regdoc d = {
		.direction = req_field(r, "direction"), .number = req_field(r, "number"), .title = req_field(r, "title"),
		.secrecy = req_field(r, "secrecy"), .day = req_field(r, "day"), .counterpart = req_field(r, "counterpart"),
		.handler = req_field(r, "handler"), .due = req_field(r, "due"),
	};
	int64_t id = regdoc_add(&r->c, &d, &fe);

	if (id == RES_INVALID)
		return form_page(r, &fe, 422);
	if (id < 0)
		return res_error(r, RES_STORE, "regdoc");
	return page_result(r, RES_DONE, "regdoc", arena_printf(r->arena, "/regdocs/%" PRId64 "?ok=created", id));
}

int page_regdoc(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;
	struct regdoc d;
	const char *title;
	int rc = regdoc_get(&r->c, r->id, &d);

	if (rc != RES_DONE)
		return res_error(r, rc, "regdoc");
	title = arena_printf(r->arena, "%s %s", label_of(regdoc_directions, d.direction), d.number);
	{
		const char *crumbs[] = { "工作台", "/", "收发文登记", "/regdocs", title, NULL, NULL };
		page_begin(r, &sb, title, crumbs);
	}
	record_head(&sb, label_of(regdoc_states, d.state));
	record_open(&sb);
	record_item(&sb, "文号", d.number);
	record_item(&sb, "标题", d.title);
	record_item(&sb, "密级", label_of(regdoc_secrecies, d.secrecy));
	record_item(&sb, "日期", d.day);
	record_item(&sb, !strcmp(d.direction, "in") ? "来文单位" : "主送单位", d.counterpart);
	record_item(&sb, "承办人", d.handler);
	record_item(&sb, "办复期限", d.due);
	record_item(&sb, "登记部门", d.office);
	record_close(&sb);
	attach_section(r, &sb, "regdoc", d.id);
	if (strcmp(d.state, "filed")) {
		strbuf_addstr(&sb, "<h2>办理</h2>");
		form_open(r, &sb, arena_printf(r->arena, "/regdocs/%" PRId64 "/state", d.id), "record-form");
		field_select(&sb, "state", "办理状态", regdoc_states, d.state, 1, NULL, NULL);
		form_close(&sb, "保存", NULL);
	}
	return page_finish(r, &sb, 200);
}

int page_regdoc_state(struct req *r)
{
	int rc = regdoc_set_state(&r->c, r->id, req_field(r, "state"));

	if (rc == RES_INVALID)
		return res_error(r, RES_INVALID, "办理状态无效");
	return page_result(r, rc, "regdoc", arena_printf(r->arena, "/regdocs/%" PRId64 "?ok=saved", r->id));
}

/*
 * rules.c: /rules and /rules/{forms,periods,clocks,detention,jurisdiction},
 * the rule tables kept as data (domain/rule_tables.h), one page kit for
 * all: the versions in force today, the whole history with its source and
 * who added it, and the form adding a version from a date (today or
 * later: what was decided before keeps its period, due day or form).  The
 * table is the last segment of the path; its definition in the domain
 * gives the columns, their labels and choices.
 */
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/result.h"
#include "domain/rule_tables.h"
#include "http/http.h"
#include "pages/list.h"
#include "pages/page.h"
#include "pages/rules.h"

static const struct label yes_no[] = { { "1", "是" }, { "0", "否" }, { NULL, NULL } };

/* the table named by the path's last segment (routes.c lists each) */
static const struct rule_table *table_of(struct req *r)
{
	const char *s = strrchr(r->url, '/');
	return rule_table_find(s ? s + 1 : "");
}

/* a stored value as the page shows it: its choice's label, 是/否 */
static const char *cell(struct req *r, const struct rule_table *t, int i, const char *v)
{
	const struct label *ch;

	if (t->cols[i].kind == RULE_FLAG)
		return label_of(yes_no, v) ? label_of(yes_no, v) : v;
	if (t->cols[i].kind == RULE_CHOICE && (ch = rule_col_choices(&r->c, t, i)) && label_of(ch, v))
		return label_of(ch, v);
	return v;
}

/* The versions in force (current) or the whole history; the history is
 * the list a format=xlsx export gives (its reply in *answered). */
static void versions(struct req *r, struct strbuf *sb, const struct rule_table *t, const struct rule_view *v,
		     int current, int *answered)
{
	struct list_col *cols = arena_zalloc(r->arena, sizeof(*cols) * (RULE_COLS_MAX + 4));
	struct list_def d = { t->title, t->code, NULL, cols, 0 };
	struct listw w;

	for (int i = 0; i < t->ncols; i++)
		cols[d.ncols++] = (struct list_col){ t->cols[i].label, t->cols[i].kind == RULE_INT ? "num" : NULL, 0, 0 };
	cols[d.ncols++] = (struct list_col){ "施行日期", NULL, 0, 0 };
	cols[d.ncols++] = (struct list_col){ "依据", NULL, 0, 0 };
	if (!current) {
		cols[d.ncols++] = (struct list_col){ "修改人", NULL, 0, 0 };
		cols[d.ncols++] = (struct list_col){ "状态", NULL, 0, 0 };
	}
	list_open_cls(&w, r, sb, &d, "list", current ? "现行规则" : "全部版本");
	if (current)
		w.xlsx = 0;     /* the export is of the history */
	for (int k = 0; k < v->n; k++) {
		const struct rule_row *x = &v->rows[k];

		if (current && !v->in_force[k])
			continue;
		for (int i = 0; i < t->ncols; i++)
			list_text(&w, cell(r, t, i, x->v[i]));
		list_day(&w, x->valid_from);
		list_text(&w, x->source);
		if (!current) {
			list_text(&w, *x->user_name ? x->user_name : "（初始）");
			list_text(&w, v->in_force[k] ? "现行" : strcmp(x->valid_from, v->today) > 0 ? "待施行" : "已被替代");
		}
		list_row_end(&w);
	}
	if (w.xlsx) {
		*answered = list_export(&w, NULL, NULL, w.rows);
		return;
	}
	list_close(&w, "没有规则");
	if (!current) {
		strbuf_addstr(sb, "<p class=\"count\">");
		list_export_link(sb, arena_printf(r->arena, "/rules/%s?", t->code));
		strbuf_addstr(sb, "</p>");
	}
}

static int rules_page(struct req *r, const struct rule_table *t, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	const char *crumbs[] = { "工作台", "/", "规则表", "/rules", t->title, NULL, NULL };
	const char *action = arena_printf(r->arena, "/rules/%s", t->code);
	struct rule_view v;

	if (rule_table_read(&r->c, t, &v) < 0)
		return reply_error(r, E_STORE, "rule table");
	page_begin(r, &sb, t->title, crumbs);
	strbuf_addstr(&sb, "<p class=\"hint\">");
	html_txt(&sb, t->hint);
	strbuf_addstr(&sb, "</p>");
	field_errors_summary(&sb, fe);
	versions(r, &sb, t, &v, 1, NULL);
	strbuf_addstr(&sb, "<h2>修改规则</h2><p class=\"hint\">新增一个版本，自施行日期起适用；施行日期不能早于今天，"
		      "已施行的版本不能替换。</p>");
	form_open(r, &sb, action, "record-form");
	for (int i = 0; i < t->ncols; i++) {
		const struct rule_col *k = &t->cols[i];
		const char *val = req_field(r, k->name), *err = fielderr_get(fe, k->name);

		if (k->kind == RULE_CHOICE || k->kind == RULE_FLAG) {
			const struct label *ch = k->kind == RULE_FLAG ? yes_no : rule_col_choices(&r->c, t, i);
			if (!ch)
				return reply_error(r, E_STORE, "rule choices");
			field_select(&sb, k->name, k->label, ch, val, 1, err, "请选择");
		} else {
			field_text(&sb, k->name, k->label, val, k->kind == RULE_INT, err,
				   k->kind == RULE_INT ? "inputmode=\"numeric\"" : "maxlength=\"100\"");
		}
	}
	field_text(&sb, "valid_from", "施行日期（不早于今天）", req_field(r, "valid_from"), 1,
		   fielderr_get(fe, "valid_from"), "type=\"date\"");
	field_text(&sb, "source", "依据（文件名称及条款）", req_field(r, "source"), 1, fielderr_get(fe, "source"),
		   "maxlength=\"500\"");
	form_close(&sb, "保存", NULL);
	versions(r, &sb, t, &v, 0, NULL);
	return page_finish(r, &sb, status);
}

int page_rules_index(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "规则表", NULL, NULL };

	page_begin(r, &sb, "规则表", crumbs);
	strbuf_addstr(&sb, "<p class=\"hint\">以下规则按施行日期保存，每次修改新增一个版本并记录依据和修改人；"
		      "修改自施行日期起适用，不改变此前已决定的事项。</p><ul class=\"links\">");
	for (int i = 0; i < RULES_N; i++)
		html_li_link(&sb, arena_printf(r->arena, "/rules/%s", rule_tables[i].code), rule_tables[i].title,
			     NULL);
	strbuf_addstr(&sb, "</ul>");
	return page_finish(r, &sb, 200);
}

int page_rule_table(struct req *r)
{
	const struct rule_table *t = table_of(r);
	struct fielderr fe = { 0 };

	if (!t)
		return reply_error(r, E_NOT_FOUND, "rule table");
	if (list_wants_xlsx(r)) {
		struct strbuf sb = STRBUF_INIT;
		struct rule_view v;
		int answered = 0;
		if (rule_table_read(&r->c, t, &v) < 0)
			return reply_error(r, E_STORE, "rule table");
		versions(r, &sb, t, &v, 0, &answered);
		return answered;
	}
	return rules_page(r, t, &fe, 200);
}

int page_rule_add(struct req *r)
{
	const struct rule_table *t = table_of(r);
	const char *v[RULE_COLS_MAX] = { 0 };
	struct fielderr fe = { 0 };
	int rc;

	if (!t)
		return reply_error(r, E_NOT_FOUND, "rule table");
	for (int i = 0; i < t->ncols; i++)
		v[i] = req_field(r, t->cols[i].name);
	rc = rule_version_add(&r->c, t, v, req_field(r, "valid_from"), req_field(r, "source"), &fe);
	if (rc == RES_INVALID)
		return rules_page(r, t, &fe, 422);
	return page_result(r, rc, "rule table", arena_printf(r->arena, "/rules/%s?ok=saved", t->code));
}

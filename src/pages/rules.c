/*
 * rules.c: /rules/forms, the form table (四种形态口径) as data: every row
 * with its date and source, the form each measure counts in today, and
 * the case manager's form to add a row that applies from a date (today or
 * later: an outcome already decided keeps its form).  The rule is the
 * domain's (measures.c, form_rule_add).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/measures.h"
#include "domain/outcome.h"
#include "http/http.h"
#include "pages/page.h"
#include "pages/rules.h"

static const struct label form_choices[] = {
	{ "1", "第一种形态" }, { "2", "第二种形态" }, { "3", "第三种形态" }, { "4", "第四种形态" },
	{ NULL, NULL }
};

static int rules_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "四种形态口径", NULL, NULL };
	static const struct column cols[] = { { "处理措施", NULL }, { "施行日期", NULL }, { "形态", NULL },
					      { "依据", NULL }, { "修改人", NULL } };
	struct label *measures = arena_zalloc(r->arena, sizeof(*measures) * 40);
	struct form_table ft;
	int k = 0;

	if (form_table_read(&r->c, &ft) < 0)
		return reply_error(r, E_STORE, "form table");
	for (const struct measure *x = measure_table; x->code && k < 39; x++)
		measures[k++] = (struct label){ x->code, x->label };
	page_begin(r, &sb, "四种形态口径", crumbs);
	strbuf_addstr(&sb, "<p class=\"hint\">每项处理措施计入哪一种形态，自施行日期起适用；"
		      "处理结果按其首次决定日期施行的口径计算形态，修改口径不改变此前已决定的处理结果。</p>");
	field_errors_summary(&sb, fe);
	table_open(&sb, NULL, "口径表", cols, QF_ARRAY_SIZE(cols));
	for (int i = 0; i < ft.n; i++) {
		const struct measure *m = measure_find(ft.rules[i].measure);
		const char *cells[] = { m ? m->label : ft.rules[i].measure, ft.rules[i].valid_from,
					outcome_form_label(ft.rules[i].form), ft.rules[i].source,
					*ft.rules[i].user_name ? ft.rules[i].user_name : "（初始）" };
		strbuf_addstr(&sb, "<tr>");
		html_cells(&sb, cells, QF_ARRAY_SIZE(cells));
		strbuf_addstr(&sb, "</tr>");
	}
	table_close(&sb, ft.n, (int)QF_ARRAY_SIZE(cols), "口径表为空");
	strbuf_addstr(&sb, "<h2>修改口径</h2>");
	form_open(r, &sb, "/rules/forms", "record-form");
	field_select(&sb, "measure", "处理措施", measures, req_field(r, "measure"), 1, fielderr_get(fe, "measure"),
		     "请选择");
	field_select(&sb, "form", "计入形态", form_choices, req_field(r, "form"), 1, fielderr_get(fe, "form"),
		     "请选择");
	field_text(&sb, "valid_from", "施行日期（不早于今天）", req_field(r, "valid_from"), 1,
		   fielderr_get(fe, "valid_from"), "type=\"date\"");
	field_text(&sb, "source", "依据（文件名称及条款）", req_field(r, "source"), 1, fielderr_get(fe, "source"),
		   "maxlength=\"500\"");
	form_close(&sb, "保存", NULL);
	return page_finish(r, &sb, status);
}

int page_form_rules(struct req *r)
{
	struct fielderr fe = { 0 };
	return rules_page(r, &fe, 200);
}

int page_form_rule_add(struct req *r)
{
	struct fielderr fe = { 0 };
	int rc = form_rule_add(&r->c, req_field(r, "measure"), atoi(req_field(r, "form")),
			       req_field(r, "valid_from"), req_field(r, "source"), &fe);

	if (rc == RES_INVALID)
		return rules_page(r, &fe, 422);
	return page_result(r, rc, "form rule", "/rules/forms?ok=saved");
}

/*
 * matter_outcomes.c: the outcomes table (处理结果) as the person page, the
 * case page and the clue page show it, and the matter pages' section with
 * the links to record an outcome or a clarification.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/outcome.h"
#include "domain/role.h"
#include "http/http.h"
#include "pages/page.h"
#include "pages/pages.h"
#include "store/queries.h"

void page_outcome_table(struct strbuf *sb, const struct outcome *v, int n, const int *linked,
			int with_person)
{
	strbuf_addstr(sb, "<div class=\"table-wrap\"><table class=\"list\"><caption>处理结果</caption><thead><tr>");
	if (with_person)
		strbuf_addstr(sb, "<th scope=\"col\">人员</th>");
	strbuf_addstr(sb, "<th scope=\"col\">处理日期</th><th scope=\"col\">处理措施</th><th scope=\"col\">形态</th>"
		      "<th scope=\"col\">影响期</th><th scope=\"col\"></th></tr></thead><tbody>");
	for (int i = 0; i < n; i++) {
		const struct outcome *o = &v[i];
		const char *cells[] = { outcome_form_label(o->form),
					!o->bar_until ? "无" : !strcmp(o->bar_until, OUTCOME_PERMANENT) ? "永久"
								: o->bar_until };
		char href[40];
		strbuf_addstr(sb, "<tr>");
		if (with_person)
			html_td(sb, o->person_name);
		html_td(sb, o->day);
		strbuf_addstr(sb, "<td>");
		outcome_measures_text(sb, o->measures);
		strbuf_addstr(sb, "</td>");
		html_cells(sb, cells, QF_ARRAY_SIZE(cells));
		snprintf(href, sizeof(href), "/outcomes/%" PRId64, o->id);
		if (!linked || linked[i])
			html_td_link(sb, href, "详情");
		else
			html_td(sb, NULL);
		strbuf_addstr(sb, "</tr>");
	}
	if (!n)
		strbuf_addf(sb, "<tr><td colspan=\"%d\" class=\"empty\">无处理结果</td></tr>", with_person ? 6 : 5);
	strbuf_addstr(sb, "</tbody></table></div>");
}

void page_matter_outcomes(struct req *r, struct strbuf *sb, int64_t case_id, int64_t clue_id,
			  int may_record)
{
	struct outcome *v;
	int n = store_outcomes_of_matter(r->c.db, r->c.a, case_id, clue_id, &v);
	const char *q = case_id ? "case" : "clue";
	int64_t id = case_id ? case_id : clue_id;

	strbuf_addstr(sb, "<h2>处理结果</h2>");
	if (may_record && authz_has(&r->c.who, PERM_OUTCOME_WRITE)) {
		toolbar_open(sb);
		button_link(sb, arena_printf(r->arena, "/outcomes/new?%s=%" PRId64, q, id), "记录处理结果", 0);
		strbuf_addch(sb, ' ');
		button_link(sb, arena_printf(r->arena, "/clarifications/new?%s=%" PRId64, q, id), "澄清正名", 0);
		toolbar_close(sb);
	}
	if (n < 0) {
		html_notice(sb, "error", "处理结果暂时无法读取，请稍后再试。");
		return;
	}
	page_outcome_table(sb, v, n, NULL, 1);
}

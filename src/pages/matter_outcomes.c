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
#include "pages/outcomes.h"
#include "pages/page.h"

void page_outcome_table(struct strbuf *sb, const struct outcome *v, int n, const int *linked,
			int with_person)
{
	static const struct column cols[] = { { "人员", NULL }, { "处理日期", NULL }, { "处理措施", NULL },
					      { "形态", NULL }, { "影响期", NULL }, { "", NULL } };
	int skip = with_person ? 0 : 1;     /* without the person column */

	table_open(sb, NULL, "处理结果", cols + skip, (int)QF_ARRAY_SIZE(cols) - skip);
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
	table_close(sb, n, (int)QF_ARRAY_SIZE(cols) - skip, "无处理结果");
}

void page_matter_outcomes(struct req *r, struct strbuf *sb, int64_t case_id, int64_t clue_id,
			  int may_record)
{
	struct outcome *v;
	int n = outcome_list_of_matter(&r->c, case_id, clue_id, &v);
	const char *q = case_id ? "case" : "clue";
	int64_t id = case_id ? case_id : clue_id;

	fold_open(sb, "处理结果");
	if (may_record && authz_has(&r->c.who, PERM_OUTCOME_WRITE)) {
		toolbar_open(sb);
		button_link(sb, arena_printf(r->arena, "/outcomes/new?%s=%" PRId64, q, id), "记录处理结果", 0);
		strbuf_addch(sb, ' ');
		button_link(sb, arena_printf(r->arena, "/clarifications/new?%s=%" PRId64, q, id), "澄清正名", 0);
		toolbar_close(sb);
	}
	if (n < 0) {
		html_notice(sb, "error", "处理结果暂时无法读取，请稍后再试。");
		fold_close(sb);
		return;
	}
	page_outcome_table(sb, v, n, NULL, 1);
	fold_close(sb);
}

/*
 * person_record.c: the record section of a person's page: the clues
 * within the jurisdiction, the cases the user may see (the others are
 * not listed), the outcomes with their form and measures, and whether a
 * sanction's influence period is running today.
 */
#include <inttypes.h>
#include <string.h>

#include "core/escape.h"
#include "domain/case.h"
#include "domain/clue_flow.h"
#include "domain/labels.h"
#include "domain/outcome.h"
#include "domain/person_record.h"
#include "http/http.h"
#include "pages/outcomes.h"
#include "pages/page.h"
#include "pages/persons.h"

void page_person_record(struct req *r, struct strbuf *sb, const struct person *p)
{
	struct person_record rec;
	int rc = person_record_get(&r->c, p, &rec);

	if (rc == 0)
		return;
	if (rc < 0) {
		strbuf_addstr(sb, "<p class=\"notice error\">问题线索、案件和处理结果暂时无法读取，请稍后再试。</p>");
		return;
	}
	strbuf_addstr(sb, "<h2>问题线索、案件与处理结果</h2><dl class=\"record\"><dt>处分影响期</dt><dd>");
	if (!rec.influence)
		strbuf_addstr(sb, "无");
	else if (!strcmp(rec.influence, OUTCOME_PERMANENT))
		strbuf_addstr(sb, "<span class=\"state bad\">永久</span>");
	else {
		strbuf_addstr(sb, "<span class=\"state warn\">影响期至 ");
		html_txt(sb, rec.influence);
		strbuf_addstr(sb, "</span>");
	}
	strbuf_addstr(sb, "</dd><dt>问题线索</dt><dd><ul class=\"plain\">");
	for (int i = 0; i < rec.n_clues; i++) {
		strbuf_addf(sb, "<li><a href=\"/clues/%" PRId64 "\">问题线索 %" PRId64 "</a> ",
			    rec.clues[i].id, rec.clues[i].id);
		html_txt(sb, rec.clues[i].received);
		strbuf_addstr(sb, " ");
		html_txt(sb, clue_state_label(rec.clues[i].state));
		strbuf_addstr(sb, "</li>");
	}
	strbuf_addstr(sb, rec.n_clues ? "</ul></dd><dt>案件</dt><dd><ul class=\"plain\">"
				      : "<li>无</li></ul></dd><dt>案件</dt><dd><ul class=\"plain\">");
	for (int i = 0; i < rec.n_cases; i++) {
		strbuf_addf(sb, "<li><a href=\"/cases/%" PRId64 "\">案件 %" PRId64 "</a> 立案 ",
			    rec.cases[i].id, rec.cases[i].id);
		html_txt(sb, rec.cases[i].filed);
		strbuf_addstr(sb, " ");
		html_txt(sb, label_of(case_states, rec.cases[i].state));
		strbuf_addstr(sb, "</li>");
	}
	strbuf_addstr(sb, rec.n_cases ? "</ul></dd></dl>" : "<li>无（或不在知悉范围）</li></ul></dd></dl>");
	page_outcome_table(sb, rec.outcomes, rec.n_outcomes, rec.matter_visible, 0);
}

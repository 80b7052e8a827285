/*
 * person_record.c: the record section of a person's page: the clues
 * within the jurisdiction, the cases the user may see (the others are
 * not listed), the outcomes with their form and measures, and whether a
 * sanction's influence period is running today.
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/case.h"
#include "domain/authz.h"
#include "domain/clue_flow.h"
#include "domain/execution.h"
#include "domain/labels.h"
#include "domain/outcome.h"
#include "domain/person_record.h"
#include "domain/role.h"
#include "http/http.h"
#include "pages/outcomes.h"
#include "pages/page.h"
#include "pages/persons.h"

/* A record row holding a list (<ul class="plain">); none says so. */
static void list_open(struct strbuf *sb, const char *label)
{
	record_value_open(sb, label, NULL);
	strbuf_addstr(sb, "<ul class=\"plain\">");
}

static void list_close(struct strbuf *sb, int n, const char *none)
{
	if (!n) {
		strbuf_addstr(sb, "<li>");
		html_txt(sb, none);
		strbuf_addstr(sb, "</li>");
	}
	strbuf_addstr(sb, "</ul>");
	record_value_close(sb);
}

void page_person_record(struct req *r, struct strbuf *sb, const struct person *p)
{
	struct person_record rec;
	int rc = person_record_get(&r->c, p, &rec);

	if (rc == 0)
		return;
	if (rc < 0) {
		html_notice(sb, "error", "问题线索、案件和处理结果暂时无法读取，请稍后再试。");
		return;
	}
	strbuf_addstr(sb, "<h2>问题线索、案件与处理结果</h2>");
	record_open(sb);
	record_value_open(sb, "处分影响期", NULL);
	if (!rec.influence)
		strbuf_addstr(sb, "无");
	else if (!strcmp(rec.influence, OUTCOME_PERMANENT))
		html_state(sb, "bad", "永久");
	else
		html_state(sb, "warn", arena_printf(r->arena, "影响期至 %s", rec.influence));
	if (rec.open_case) {
		strbuf_addch(sb, ' ');
		html_state(sb, "bad", "立案审查调查中，暂停提拔");
	}
	record_value_close(sb);
	list_open(sb, "问题线索");
	for (int i = 0; i < rec.n_clues; i++)
		html_li_link(sb, page_href(r, arena_printf(r->arena, "/clues/%" PRId64, rec.clues[i].id)),
			     arena_printf(r->arena, "问题线索 %" PRId64, rec.clues[i].id),
			     arena_printf(r->arena, " %s %s", rec.clues[i].received,
					  clue_state_label(rec.clues[i].state)));
	list_close(sb, rec.n_clues, "无");
	list_open(sb, "案件");
	for (int i = 0; i < rec.n_cases; i++)
		html_li_link(sb, page_href(r, arena_printf(r->arena, "/cases/%" PRId64, rec.cases[i].id)),
			     arena_printf(r->arena, "案件 %" PRId64, rec.cases[i].id),
			     arena_printf(r->arena, " 立案 %s %s", rec.cases[i].filed,
					  label_of(case_states, rec.cases[i].state)));
	list_close(sb, rec.n_cases, "无（或不在知悉范围）");
	list_open(sb, "澄清正名");
	for (int i = 0; i < rec.n_clars; i++) {
		const struct clarification *k = &rec.clars[i];
		strbuf_addstr(sb, "<li>");
		html_txt(sb, arena_printf(r->arena, "%s %s（回访 %d 次）", k->day,
					  label_of(clarification_manners, k->manner), rec.n_clar_visits[i]));
		if (authz_has(&r->c.who, PERM_OUTCOME_WRITE)) {
			form_open(r, sb, arena_printf(r->arena, "/clarifications/%" PRId64 "/followups", k->id), "inline");
			field_inline(sb, "day", "回访日期", 1, 0, "type=\"date\"");
			field_inline(sb, "note", "回访情况", 0, 0, "maxlength=\"2000\"");
			form_button(sb, "记录回访", NULL, NULL, NULL);
			form_end(sb);
		}
		strbuf_addstr(sb, "</li>");
	}
	list_close(sb, rec.n_clars, "无");
	record_close(sb);
	page_outcome_table(sb, rec.outcomes, rec.n_outcomes, rec.matter_visible, 0);
}

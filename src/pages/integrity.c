/*
 * integrity.c: the integrity file's page and download (pages/integrity.h).
 * What the file holds is the domain's (integrity_get: the reader's view of
 * the record); the page lays it out, with the 更新 button for the offices.
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/case.h"
#include "domain/clue_flow.h"
#include "domain/ctx.h"
#include "domain/integrity.h"
#include "domain/matter_report.h"
#include "domain/person.h"
#include "domain/result.h"
#include "domain/talk.h"
#include "http/http.h"
#include "office/docx.h"
#include "pages/integrity.h"
#include "pages/outcomes.h"
#include "pages/page.h"

static const struct column report_cols[] = { { "事项类别", NULL }, { "事项日期", NULL }, { "报告日期", NULL },
	{ "应报告日期", NULL }, { "状态", NULL } };
static const struct column talk_cols[] = { { "谈话日期", NULL }, { "谈话类别", NULL }, { "谈话人", NULL },
	{ "处理", NULL } };
static const struct column matter_cols[] = { { "编号", NULL }, { "日期", NULL }, { "状态", NULL } };

static void matters(struct req *r, struct strbuf *sb, const struct person_record *rec)
{
	table_open(sb, NULL, "问题线索", matter_cols, 3);
	for (int i = 0; i < rec->n_clues; i++) {
		strbuf_addstr(sb, "<tr>");
		html_td_link(sb, arena_printf(r->arena, "/clues/%" PRId64, rec->clues[i].id),
			     arena_printf(r->arena, "问题线索 %" PRId64, rec->clues[i].id));
		html_td(sb, rec->clues[i].received);
		html_td(sb, clue_state_label(rec->clues[i].state));
		strbuf_addstr(sb, "</tr>");
	}
	table_close(sb, rec->n_clues, 3, "无（或不在管辖范围）");
	table_open(sb, NULL, "立案审查调查", matter_cols, 3);
	for (int i = 0; i < rec->n_cases; i++) {
		strbuf_addstr(sb, "<tr>");
		html_td_link(sb, arena_printf(r->arena, "/cases/%" PRId64, rec->cases[i].id),
			     arena_printf(r->arena, "案件 %" PRId64, rec->cases[i].id));
		html_td(sb, rec->cases[i].filed);
		html_td(sb, label_of(case_states, rec->cases[i].state));
		strbuf_addstr(sb, "</tr>");
	}
	table_close(sb, rec->n_cases, 3, "无（或不在知悉范围）");
	page_outcome_table(sb, rec->outcomes, rec->n_outcomes, rec->matter_visible, 0);
}

static int file_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	struct fielderr err = { 0 };
	struct integrity_file f;
	const char *title;
	int rc = integrity_get(&r->c, r->id, &f, &err);

	if (rc == RES_INVALID)
		return res_error(r, RES_NOT_FOUND, "integrity");     /* no file below section rank */
	if (rc != RES_DONE)
		return res_error(r, rc, "integrity");
	title = arena_printf(r->arena, "%s的廉政档案", f.person.name);
	{
		const char *crumbs[] = { "工作台", "/", "监督对象", "/persons", f.person.name,
					 arena_printf(r->arena, "/persons/%" PRId64, f.person.id), "廉政档案", NULL, NULL };
		page_begin(r, &sb, title, crumbs);
	}
	field_errors_summary(&sb, fe);
	toolbar_open(&sb);
	button_link(&sb, arena_printf(r->arena, "/persons/%" PRId64 "/integrity/docx", f.person.id), "导出Word", 0);
	toolbar_close(&sb);
	record_open(&sb);
	record_item(&sb, "单位", f.person.unit_name);
	record_item(&sb, "职务", f.person.position);
	record_item(&sb, "职级", label_of(person_ranks, f.person.rank));
	record_item(&sb, "档案更新日期", f.updated ? f.updated : "未更新");
	record_close(&sb);
	if (authz_has(&r->c.who, PERM_SUPERVISION_WRITE)) {
		form_open(&*r, &sb, arena_printf(r->arena, "/persons/%" PRId64 "/integrity", f.person.id), "inline");
		form_button(&sb, "更新廉政档案（已核对）", NULL, NULL, "primary");
		form_end(&sb);
	}
	table_open(&sb, NULL, "重大事项报告", report_cols, 5);
	for (int i = 0; i < f.n_reports; i++) {
		const struct matter_report *m = &f.reports[i];
		strbuf_addstr(&sb, "<tr>");
		html_td_link(&sb, arena_printf(r->arena, "/matter-reports/%" PRId64, m->id),
			     sup_kind_label(&r->c, "matter_report", m->kind));
		html_td(&sb, m->event_day);
		html_td(&sb, m->reported);
		html_td(&sb, m->due);
		html_td(&sb, m->late ? arena_printf(r->arena, "%s（逾期报告）", matter_report_state_text(m->state))
				     : matter_report_state_text(m->state));
		strbuf_addstr(&sb, "</tr>");
	}
	table_close(&sb, f.n_reports, 5, "无");
	table_open(&sb, NULL, "谈话情况", talk_cols, 4);
	for (int i = 0; i < f.n_talks; i++) {
		const struct talk *t = &f.talks[i];
		strbuf_addstr(&sb, "<tr>");
		html_td_link(&sb, arena_printf(r->arena, "/talks/%" PRId64, t->id), t->day);
		html_td(&sb, sup_kind_label(&r->c, "talk", t->kind));
		html_td(&sb, t->talker_name);
		html_td(&sb, t->outcome_id ? "第一种形态" : "");
		strbuf_addstr(&sb, "</tr>");
	}
	table_close(&sb, f.n_talks, 4, "无");
	if (f.has_record)
		matters(r, &sb, &f.rec);
	strbuf_addstr(&sb, "<h2>提拔任用限制</h2><p>");
	html_txt(&sb, !f.has_record ? "（无权查看处分和案件）"
		 : !f.rec.influence ? "目前不在处分、组织处理影响期内。"
		 : !strcmp(f.rec.influence, "9999-12-31") ? "处分影响期：永久。"
		 : arena_printf(r->arena, "处分、组织处理影响期至%s。", f.rec.influence));
	if (f.has_record && f.rec.open_case)
		html_txt(&sb, "正在接受立案审查调查，暂停提拔。");
	strbuf_addstr(&sb, "</p>");
	return page_finish(r, &sb, status);
}

int page_integrity(struct req *r)
{
	struct fielderr fe = { 0 };

	return file_page(r, &fe, 200);
}

int page_integrity_update(struct req *r)
{
	struct fielderr fe = { 0 };
	int rc = integrity_update(&r->c, r->id, &fe);

	if (rc == RES_INVALID)
		return res_error(r, RES_NOT_FOUND, "integrity");
	return page_result(r, rc, "integrity", arena_printf(r->arena, "/persons/%" PRId64 "/integrity?ok=saved", r->id));
}

int page_integrity_docx(struct req *r)
{
	struct fielderr fe = { 0 };
	struct strbuf body = STRBUF_INIT;
	int rc = integrity_docx(&r->c, r->id, r->app ? r->app->cfg.commission : "", &body, &fe);

	if (rc != RES_DONE) {
		strbuf_release(&body);
		return res_error(r, rc == RES_INVALID ? RES_NOT_FOUND : rc, "integrity");
	}
	return reply_download(r, DOCX_MIME, arena_printf(r->arena, "integrity_%" PRId64 ".docx", r->id),
			      "廉政档案.docx", &body);
}

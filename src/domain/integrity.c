/*
 * integrity.c: the integrity file (domain/integrity.h): gathered from the
 * person, their personal matter reports and talks and what the reader may
 * see of their record; the 更新 step; the .docx in the official document
 * layout (office/docx.c); the figure integrity_files.
 *
 * Guarantees: nothing of a clue or case the reader may not see (the record
 * comes from person_record_get: clues within the jurisdiction, cases on
 * need-to-know, an outcome's matter only when visible); no talk's note
 * and no clue summary in the file; the read, each update and each export
 * audited.
 */
#include "domain/integrity.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/strbuf.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/case.h"
#include "domain/clue_flow.h"
#include "domain/ctx.h"
#include "domain/matter_report.h"
#include "domain/metrics.h"
#include "domain/outcome.h"
#include "domain/person.h"
#include "domain/result.h"
#include "domain/talk.h"
#include "office/docx.h"
#include "store/q_talks.h"
#include "store/store.h"

QF_AUDIT_EVENT(INTEGRITY_UPDATE, "integrity_update", "更新廉政档案");
QF_AUDIT_EVENT(INTEGRITY_EXPORT, "integrity_export", "导出廉政档案");
QF_AUDIT_OBJECT(integrity, "廉政档案");

int integrity_rank(const char *rank)
{
	return rank && (!strcmp(rank, "county") || !strcmp(rank, "section"));
}

static const char *object_of(struct ctx *c, int64_t person_id)
{
	return arena_printf(c->a, "integrity/%" PRId64, person_id);
}

/* the person, visible and of a rank with a file */
static int open_person(struct ctx *c, int64_t person_id, struct person *p, struct fielderr *fe)
{
	int rc = person_get(c, person_id, p);

	if (rc != RES_DONE)
		return rc;
	if (!integrity_rank(p->rank)) {
		fielderr_add(fe, "person_id", "廉政档案只为科级以上领导干部建立");
		return RES_INVALID;
	}
	return RES_DONE;
}

int integrity_get(struct ctx *c, int64_t person_id, struct integrity_file *f, struct fielderr *fe)
{
	int rc;

	memset(f, 0, sizeof(*f));
	if ((rc = open_person(c, person_id, &f->person, fe)) != RES_DONE)
		return rc;
	f->n_reports = store_matter_reports_of_person(c->db, c->a, person_id, &f->reports);
	f->n_talks = store_talks_of_person(c->db, c->a, person_id, &f->talks);
	rc = person_record_get(c, &f->person, &f->rec);
	if (f->n_reports < 0 || f->n_talks < 0 || rc < 0 ||
	    store_integrity_last(c->db, c->a, person_id, &f->updated, &f->n_updates) < 0)
		return RES_STORE;
	f->has_record = rc == 1;
	for (int i = 0; i < f->n_reports; i++)
		matter_report_clock(c, &f->reports[i]);
	return RES_DONE;
}

struct update_arg {
	struct ctx *c;
	int64_t person_id;
};

static int update_tx(struct store *s, void *arg)
{
	struct update_arg *ua = arg;
	struct ctx *c = ua->c;
	char day[11];

	date_format(date_from_unix_cst(c->now), day);
	if (store_integrity_update_add(s, ua->person_id, day, c->who.id, c->now) < 0)
		return -1;
	return audit_append(c, AEV_INTEGRITY_UPDATE, object_of(c, ua->person_id), 1, day);
}

int integrity_update(struct ctx *c, int64_t person_id, struct fielderr *fe)
{
	struct update_arg ua = { .c = c, .person_id = person_id };
	struct person p;
	int rc = open_person(c, person_id, &p, fe);

	if (rc != RES_DONE)
		return rc;
	return store_tx(c->db, update_tx, &ua) < 0 ? RES_STORE : RES_DONE;
}

/* ---- the .docx ------------------------------------------------------------------------ */

static void table(struct docx *d, const struct office_col *cols, size_t ncols, const struct office_cell *cells,
		  size_t nrows, const char *none)
{
	struct office_table t = { .ncols = ncols, .nrows = nrows, .cols = cols, .cells = cells };

	if (nrows)
		docx_table(d, &t);
	else
		docx_para(d, none);
}

static void profile(struct ctx *c, struct docx *d, const struct integrity_file *f)
{
	static const struct office_col cols[] = { { .head = "项目" }, { .head = "内容", .width = 30 } };
	const struct person *p = &f->person;
	const char *rows[][2] = {
		{ "姓名", p->name }, { "单位", p->unit_name }, { "职务", p->position },
		{ "职级", label_of(person_ranks, p->rank) }, { "中共党员", p->party_member ? "是" : "否" },
		{ "单位主要负责人", p->top_leader ? "是" : "否" }, { "领导班子成员", p->leadership ? "是" : "否" },
		{ "档案更新日期", f->updated ? f->updated : "未更新" } };
	size_t n = sizeof(rows) / sizeof(rows[0]);
	struct office_cell *cells = arena_alloc(c->a, n * 2 * sizeof(*cells));

	for (size_t i = 0; i < n; i++) {
		cells[2 * i] = office_text(rows[i][0]);
		cells[2 * i + 1] = office_text(rows[i][1] ? rows[i][1] : "");
	}
	docx_heading(d, 1, "基本情况");
	table(d, cols, 2, cells, n, "无。");
}

static void reports(struct ctx *c, struct docx *d, const struct integrity_file *f)
{
	static const struct office_col cols[] = { { .head = "事项类别" }, { .head = "事项日期" },
		{ .head = "报告日期" }, { .head = "应报告日期" }, { .head = "状态" } };
	struct office_cell *cells = arena_alloc(c->a, (size_t)(f->n_reports + 1) * 5 * sizeof(*cells));

	for (int i = 0; i < f->n_reports; i++) {
		const struct matter_report *m = &f->reports[i];
		struct office_cell *row = &cells[5 * i];
		row[0] = office_text(sup_kind_label(c, "matter_report", m->kind));
		row[1] = office_date(date_parse(m->event_day));
		row[2] = office_date(date_parse(m->reported));
		row[3] = office_date(date_parse(m->due));
		row[4] = office_text(m->late ? arena_printf(c->a, "%s（逾期报告）", matter_report_state_text(m->state))
					     : matter_report_state_text(m->state));
	}
	docx_heading(d, 1, "重大事项报告");
	table(d, cols, 5, cells, (size_t)f->n_reports, "无。");
}

static void talks(struct ctx *c, struct docx *d, const struct integrity_file *f)
{
	static const struct office_col cols[] = { { .head = "谈话日期" }, { .head = "谈话类别" }, { .head = "谈话人" },
		{ .head = "处理" } };
	struct office_cell *cells = arena_alloc(c->a, (size_t)(f->n_talks + 1) * 4 * sizeof(*cells));

	for (int i = 0; i < f->n_talks; i++) {
		const struct talk *t = &f->talks[i];
		struct office_cell *row = &cells[4 * i];
		row[0] = office_date(date_parse(t->day));
		row[1] = office_text(sup_kind_label(c, "talk", t->kind));
		row[2] = office_text(t->talker_name);
		row[3] = office_text(t->outcome_id ? "第一种形态" : "");
	}
	docx_heading(d, 1, "谈话情况");
	table(d, cols, 4, cells, (size_t)f->n_talks, "无。");
}

static void record(struct ctx *c, struct docx *d, const struct integrity_file *f)
{
	static const struct office_col mcols[] = { { .head = "编号" }, { .head = "日期" }, { .head = "状态" } };
	static const struct office_col ocols[] = { { .head = "处理日期" }, { .head = "处理措施", .width = 24 },
		{ .head = "形态" }, { .head = "影响期至" } };
	const struct person_record *r = &f->rec;
	int n = r->n_clues > r->n_cases ? r->n_clues : r->n_cases;
	struct office_cell *cells = arena_alloc(c->a, (size_t)(n + r->n_outcomes + 1) * 4 * sizeof(*cells));

	docx_heading(d, 1, "问题线索");
	for (int i = 0; i < r->n_clues; i++) {
		cells[3 * i] = office_text(arena_printf(c->a, "问题线索 %" PRId64, r->clues[i].id));
		cells[3 * i + 1] = office_date(date_parse(r->clues[i].received));
		cells[3 * i + 2] = office_text(clue_state_label(r->clues[i].state));
	}
	table(d, mcols, 3, cells, (size_t)r->n_clues, "无（或不在查阅人的管辖范围）。");
	docx_heading(d, 1, "立案审查调查");
	for (int i = 0; i < r->n_cases; i++) {
		cells[3 * i] = office_text(arena_printf(c->a, "案件 %" PRId64, r->cases[i].id));
		cells[3 * i + 1] = office_date(date_parse(r->cases[i].filed));
		cells[3 * i + 2] = office_text(label_of(case_states, r->cases[i].state));
	}
	table(d, mcols, 3, cells, (size_t)r->n_cases, "无（或不在查阅人的知悉范围）。");
	docx_heading(d, 1, "处理结果、处分及影响期");
	for (int i = 0; i < r->n_outcomes; i++) {
		const struct outcome *o = &r->outcomes[i];
		struct strbuf sb = STRBUF_INIT;
		outcome_measures_text(&sb, o->measures);
		cells[4 * i] = office_date(date_parse(o->day));
		cells[4 * i + 1] = office_text(arena_strdup(c->a, sb.len ? sb.buf : ""));
		cells[4 * i + 2] = office_text(outcome_form_label(o->form));
		cells[4 * i + 3] = office_text(!o->bar_until ? "无" : !strcmp(o->bar_until, OUTCOME_PERMANENT) ? "永久"
											: o->bar_until);
		strbuf_release(&sb);
	}
	table(d, ocols, 4, cells, (size_t)r->n_outcomes, "无。");
	docx_heading(d, 1, "提拔任用限制");
	docx_para(d, arena_printf(c->a, "%s%s",
				  !r->influence ? "目前不在处分、组织处理影响期内。"
				  : !strcmp(r->influence, OUTCOME_PERMANENT) ? "处分影响期：永久。"
				  : arena_printf(c->a, "处分、组织处理影响期至%s。", r->influence),
				  r->open_case ? "正在接受立案审查调查，暂停提拔。" : ""));
}

int integrity_docx(struct ctx *c, int64_t person_id, const char *organ, struct strbuf *out, struct fielderr *fe)
{
	struct integrity_file f;
	struct docx *d;
	int rc = integrity_get(c, person_id, &f, fe);

	if (rc != RES_DONE)
		return rc;
	d = docx_new();
	if (!d)
		return RES_STORE;
	docx_title(d, arena_printf(c->a, "%s同志廉政档案", f.person.name));
	profile(c, d, &f);
	reports(c, d, &f);
	talks(c, d, &f);
	if (f.has_record)
		record(c, d, &f);
	docx_signature(d, organ && *organ ? organ : "纪律检查委员会", date_from_unix_cst(c->now));
	rc = docx_to_buf(d, out);
	docx_free(d);
	if (rc < 0)
		return RES_STORE;
	return audit_record(c, AEV_INTEGRITY_EXPORT, object_of(c, person_id), 1, "docx") < 0 ? RES_STORE : RES_DONE;
}

/* ---- statistics ------------------------------------------------------------------ */

static const struct metric_def metric_files = {
	.key = "integrity_files",
	.zh = "更新廉政档案",
	.en = "integrity files (廉政档案) brought up to date in the period, persons once each",
	.kind = METRIC_COUNT,
	.order = 198,
	.scopes = Q_METRIC_TALK_SCOPES,
	.compute = store_metric_integrity_files,
	.list = NULL };
QF_METRIC(&metric_files);

/*
 * target_export.c: the target family's workbooks (issue 14,
 * ../shared/design/DOCUMENTS.md "Ledgers"): GET /targets/ledger.xlsx, the
 * task ledger of a year with one sheet per ledger (台账), and the
 * scoreboard's workbook (pages/scores.c builds its table and hands it to
 * target_xlsx_reply).  Dates are real dates, counts numbers; the writer
 * (office/xlsx.c) owns the look.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "domain/ctx.h"
#include "domain/result.h"
#include "domain/target.h"
#include "http/http.h"
#include "office/xlsx.h"
#include "pages/target_export.h"
#include "pages/targets.h"

#define XLSX_MIME "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#define LEDGER_ROWS_MAX 5000

const char *target_made_words(struct req *r, const char *period)
{
	char day[11];

	date_format(date_from_unix_cst(r->c.now), day);
	return arena_printf(r->arena, "%s  %s  制表：%s", r->app ? r->app->cfg.commission : "", period, day);
}

int target_xlsx_reply(struct req *r, struct xlsx *x, const char *ascii_name, const char *name)
{
	struct strbuf body = STRBUF_INIT;

	if (xlsx_to_buf(x, &body) < 0) {
		const char *err = arena_strdup(r->arena, xlsx_error(x));
		xlsx_free(x);
		strbuf_release(&body);
		return reply_error(r, E_INTERNAL, arena_printf(r->arena, "target xlsx: %s", err));
	}
	xlsx_free(x);
	return reply_download(r, XLSX_MIME, ascii_name, name, &body);
}

/* one ledger's sheet: its tasks by deadline */
static int ledger_sheet(struct req *r, struct xlsx *x, const struct target_ledger *l, const char *today)
{
	static const struct office_col cols[] = { { .head = "序号" }, { .head = "所属体系" },
		{ .head = "任务内容" }, { .head = "责任领导" }, { .head = "责任部门" }, { .head = "完成时限" },
		{ .head = "状态" }, { .head = "完成日期" } };
	enum { NC = sizeof(cols) / sizeof(cols[0]) };
	struct target_filter f = { .page = { 0, LEDGER_ROWS_MAX }, .ledger = l->id };
	struct target_task *v;
	int64_t total;
	int n = target_list(&r->c, &f, &v, &total);
	struct office_cell *cells;
	struct office_table t = { 0 };

	if (n < 0)
		return -1;
	cells = arena_alloc(r->arena, sizeof(*cells) * (size_t)(n ? n : 1) * NC);
	for (int i = 0; i < n; i++) {
		struct office_cell *c = cells + (size_t)i * NC;
		c[0] = office_int(i + 1);
		c[1] = office_text(v[i].aspect_label);
		c[2] = office_text(v[i].title);
		c[3] = office_text(v[i].leader_name);
		c[4] = office_text(v[i].office);
		c[5] = office_date(date_parse(v[i].deadline));
		c[6] = office_text(label_of(target_states, target_state_code(target_state(&v[i], today))));
		c[7] = v[i].done ? office_date(date_parse(v[i].done)) : office_text("");
	}
	t.title = arena_printf(r->arena, "%d年%s", l->year, l->name);
	t.subtitle = target_made_words(r, arena_printf(r->arena, "共 %d 项", n));
	t.ncols = NC;
	t.nrows = (size_t)n;
	t.cols = cols;
	t.cells = cells;
	return xlsx_sheet(x, l->name, &t);
}

int page_targets_xlsx(struct req *r)
{
	struct target_ledger *l;
	int year = atoi(req_arg(r, "year"));
	int n = target_ledgers(&r->c, year, &l);
	const char *today = target_today(&r->c);
	struct xlsx *x;

	if (n < 0)
		return res_error(r, RES_STORE, "ledgers");
	if (!n)
		return reply_error(r, E_NOT_FOUND, "没有台账可以导出");
	x = xlsx_new();
	if (!x)
		return reply_error(r, E_INTERNAL, "xlsx");
	for (int i = 0; i < n; i++)
		if (ledger_sheet(r, x, &l[i], today) < 0) {
			xlsx_free(x);
			return res_error(r, RES_STORE, "ledger sheet");
		}
	return target_xlsx_reply(r, x, year ? arena_printf(r->arena, "targets_%d.xlsx", year) : "targets.xlsx",
				 year ? arena_printf(r->arena, "%d年目标任务台账.xlsx", year) : "目标任务台账.xlsx");
}

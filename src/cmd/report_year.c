/*
 * report_year.c: `qingfeng report --year Y --format docx` for the whole
 * commission (issue 15): the year's report, one .docx of
 *
 *   the annual report rendered from the current template, exactly what
 *   `report --annual --year Y --format docx` writes and kept as a
 *   rendering the same way (domain/annual.h annual_render_into);
 *   附表：Y年度统计数据 on a new page (office/docx.h docx_annex): the
 *   statistics table of pages/statdoc.h, its title and table.
 *
 * cmd/report.c decides when (a whole year, no scope member, no --table);
 * docs/statistics.md "The year's report".
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "core/arena.h"
#include "core/log.h"
#include "core/strbuf.h"
#include "domain/annual.h"
#include "domain/metrics.h"
#include "domain/result.h"
#include "office/docx.h"
#include "pages/statdoc.h"
#include "store/store.h"

/* Why the report could not be rendered, in Chinese, with the way out. */
static void render_error(struct cmd_env *env, int res, const struct tmpl_error *e)
{
	if (res == RES_INVALID && !strcmp(e->code, "empty"))
		error("尚无年度报告模板：先用 qingfeng report --annual --template FILE 保存一版，"
		      "或加 --table 只写统计表");
	else if (res == RES_INVALID)
		error("年度报告模板有误 [%s] %s（可加 --table 只写统计表）", e->code, e->message);
	else
		error("cannot render the annual report: %s", store_errmsg(env->db));
}

int cmd_report_year_docx(struct cmd_env *env, int year, const struct metric_period *p,
			 const struct metric_scope *s, struct strbuf *out)
{
	struct docx *x = docx_new();
	struct tmpl_error e;
	struct statdoc d;
	int64_t id;
	int res, rc = -1;

	/* the figures first: nothing is kept when they cannot be computed */
	if (statdoc_compute(env->db, env->a, p, s, 0, &d) != RES_DONE) {
		error("cannot compute the statistics: %s", store_errmsg(env->db));
		goto out;
	}
	d.organ = env->cfg.commission;
	d.scope_words = metric_scope_words(env->db, env->a, s);
	res = annual_render_into(&env->c, year, x, &id, &e);
	if (res != RES_DONE) {
		render_error(env, res, &e);
		goto out;
	}
	fprintf(stderr, "qingfeng: 年度报告已生成并留存，编号 %" PRId64 "\n", id);
	docx_annex(x, arena_printf(env->a, "附表：%d年度统计数据", year));
	statdoc_docx_table(&d, env->a, x);
	if (docx_to_buf(x, out) < 0)
		error("cannot write the document: %s", docx_error(x));
	else
		rc = 0;
out:
	docx_free(x);
	return rc;
}

/*
 * doc_report.c: the documents of the report and clue families (文书,
 * domain/document.h): the report registration form (信访举报登记表) of a
 * report and the disposition approval form (问题线索处置呈批件) of a
 * disposition, both tables.  A document is visible to whoever may read its
 * report or clue (report_get, clue_get: need-to-know, refusals audited).
 */
#include <inttypes.h>

#include "core/arena.h"
#include "core/strbuf.h"
#include "domain/clue.h"
#include "domain/clue_flow.h"
#include "domain/disposition.h"
#include "domain/document.h"
#include "domain/labels.h"
#include "domain/report.h"
#include "domain/result.h"
#include "model/clue.h"
#include "model/report.h"
#include "store/q_clues.h"

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

static const char *const report_fields[] = { "登记编号", "收到日期", "来信来访方式", "署名情况", "反映类别",
					     "被反映人", "被反映人单位", "反映的主要问题", "办理情况", NULL };

static int report_load(struct ctx *c, int64_t id, struct doc_values *v, const char **page)
{
	struct report k;
	struct report_detail d;
	int rc = report_get(c, id, &k);

	if (rc != RES_DONE)
		return rc;
	if (report_detail(c, &k, &d) < 0)
		return RES_STORE;
	doc_set(v, "登记编号", arena_printf(c->a, "%" PRId64, k.id));
	doc_set(v, "收到日期", doc_cn_date(c->a, k.received));
	doc_set(v, "来信来访方式", label_of(report_channels, k.channel));
	doc_set(v, "署名情况", k.real_name ? "署名" : "匿名");
	doc_set(v, "反映类别", label_of(report_categories, k.category));
	doc_set(v, "被反映人", or_empty(k.accused_names));
	doc_set(v, "被反映人单位", or_empty(k.unit_name));
	doc_set(v, "反映的主要问题", or_empty(d.summary));
	doc_set(v, "办理情况", label_of(report_states, k.state));
	*page = arena_printf(c->a, "/reports/%" PRId64, id);
	return RES_DONE;
}

static const struct doc_kind report_form = {
	.code = "report_form", .name = "信访举报登记表", .order = 10, .record = "信访举报", .table = "reports",
	.perm = PERM_REPORT_WRITE, .fields = report_fields, .load = report_load,
};
QF_DOCUMENT(report_form);

static const char *const disposition_fields[] = { "线索编号", "收到日期", "线索来源", "被反映人", "所在单位",
						  "反映的主要问题", "处置方式", "拟办理由", "承办人",
						  "审批意见", "审批人", "审批日期", NULL };

static int disposition_load(struct ctx *c, int64_t id, struct doc_values *v, const char **page)
{
	struct disposition d;
	struct clue k;
	struct strbuf sum = STRBUF_INIT;
	const struct disposition_method *m;
	int rc = store_disposition_get(c->db, c->a, id, &d);

	if (rc <= 0)
		return res_from_store(rc);
	if ((rc = clue_get(c, d.clue_id, &k)) != RES_DONE)
		return rc;
	if (clue_summary(c, &k, &sum) < 0) {
		strbuf_release(&sum);
		return RES_STORE;
	}
	m = disposition_method_find(d.method);
	doc_set(v, "线索编号", arena_printf(c->a, "%" PRId64, k.id));
	doc_set(v, "收到日期", doc_cn_date(c->a, k.received));
	doc_set(v, "线索来源", label_of(clue_sources, k.source));
	doc_set(v, "被反映人", or_empty(k.subject_names));
	doc_set(v, "所在单位", or_empty(k.unit_name));
	doc_set(v, "反映的主要问题", arena_strdup(c->a, sum.buf ? sum.buf : ""));
	doc_set(v, "处置方式", m ? m->label : d.method);
	doc_set(v, "拟办理由", or_empty(d.reason));
	doc_set(v, "承办人", or_empty(d.proposed_by_name));
	doc_set(v, "审批意见", or_empty(d.decision_note));
	doc_set(v, "审批人", or_empty(d.decided_by_name));
	doc_set(v, "审批日期", doc_cn_date(c->a, d.decided));
	strbuf_release(&sum);
	*page = arena_printf(c->a, "/clues/%" PRId64, k.id);
	return RES_DONE;
}

static const struct doc_kind disposition_approval = {
	.code = "disposition_approval", .name = "问题线索处置呈批件", .order = 20, .record = "线索处置", .table = "dispositions",
	.perm = PERM_CLUE_PROPOSE, .fields = disposition_fields, .load = disposition_load,
};
QF_DOCUMENT(disposition_approval);

int doc_options_report(struct ctx *c, int64_t report_id, struct doc_options *o)
{
	doc_option_add(c, o, "report_form", report_id, 0, NULL);
	return RES_DONE;
}

int doc_options_clue(struct ctx *c, int64_t clue_id, struct doc_options *o)
{
	struct disposition *d;
	int n = store_dispositions_of_clue(c->db, c->a, clue_id, &d);

	if (n < 0)
		return RES_STORE;
	for (int i = 0; i < n; i++) {
		const struct disposition_method *m = disposition_method_find(d[i].method);

		doc_option_add(c, o, "disposition_approval", d[i].id, 0,
			       arena_printf(c->a, "处置意见%" PRId64 "：%s", d[i].id, m ? m->label : d[i].method));
	}
	return doc_options_clarifications(c, 0, clue_id, o);
}

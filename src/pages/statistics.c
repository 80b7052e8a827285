/*
 * statistics.c: the staff statistics page (issue 11, PERM_STATS: the
 * leaders and the case manager).  A form for the period (year, quarter,
 * month, or from/to) and the scope (unit and below, campaign, category,
 * source, handling organ, rank, top leader, leadership, key persons);
 * the figures of domain/metrics.h for it against the same period a year
 * earlier, each number linked to the list of its records
 * (metrics_list_url) when the user may open that list; and the same
 * figures as docx, xlsx and html downloads (pages/statdoc.h), each one
 * audited.  The user's jurisdiction always applies (scope_user).  The
 * query reader is shared with GET /api/statistics.
 */
#include "office/docx.h"
#include "pages/statistics.h"
#include "pages/worklog.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/case_filing.h"
#include "domain/clue.h"
#include "domain/ctx.h"
#include "domain/inspection.h"
#include "domain/labels.h"
#include "domain/metrics.h"
#include "domain/person.h"
#include "domain/result.h"
#include "domain/statistics.h"
#include "http/http.h"
#include "pages/find.h"
#include "pages/home.h"
#include "pages/list_kept.h"
#include "pages/page.h"
#include "pages/statdoc.h"

/* an id argument: 0 when empty, -1 when not a positive whole number */
static int64_t id_arg(const char *s)
{
	char *end;
	long long v;

	if (!*s)
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	return errno || *end || v <= 0 || *s == '+' || *s == ' ' ? -1 : v;
}

/* a yes/no argument: "1" (a checkbox) */
static int flag_arg(struct req *r, const char *key)
{
	return !strcmp(req_arg(r, key), "1");
}

/* Checks one member of the scope alone, so the message names its field. */
static int member_valid(struct req *r, const struct metric_scope *one, const char *field,
			struct fielderr *fe)
{
	const char *why;
	int rc = metric_scope_valid(r->c.db, r->arena, one, &why);

	if (rc == 0)
		fielderr_add(fe, field, why);
	return rc < 0 ? -1 : 0;
}

static const char *const text_args[] = { "year", "quarter", "month", "from", "to", "unit", "campaign_id",
					  "category", "source", "organ", "kind", "rank", "round_id" };
static const char *const flag_args[] = { "top_leader", "leadership", "key_persons" };

int stats_query_parse(struct req *r, struct stats_query *q, struct fielderr *fe)
{
	struct metric_scope *s = &q->s;
	struct strbuf args = STRBUF_INIT;
	const char *year = req_arg(r, "year"), *from = req_arg(r, "from"), *to = req_arg(r, "to");
	const char *field, *why;
	int y, m, d;

	memset(q, 0, sizeof(*q));
	if (!*year && !*from && !*to && !*req_arg(r, "quarter") && !*req_arg(r, "month")) {
		date_to_ymd(date_today(), &y, &m, &d);
		year = arena_printf(r->arena, "%d", y);
	}
	why = stats_period_of(r->arena, year, req_arg(r, "quarter"), req_arg(r, "month"), from, to, &q->p,
			      &field);
	if (why)
		fielderr_add(fe, field, why);
	if ((s->unit_id = id_arg(req_arg(r, "unit"))) < 0)
		fielderr_add(fe, "unit", "单位应为单位编号");
	/* the unit typed into the picker (unit_q) when the units are too many
	 * for a <select> (unit_select) */
	else if ((s->unit_id = pick_filter_unit(r, "unit", s->unit_id)) == PICK_UNRESOLVED)
		fielderr_add(fe, "unit", pick_filter_unit_error(r, "unit"));
	if ((s->campaign_id = id_arg(req_arg(r, "campaign_id"))) < 0)
		fielderr_add(fe, "campaign_id", "专项工作应为专项工作编号");
	/* an inspection round (the inspection keys) */
	if ((s->round_id = id_arg(req_arg(r, "round_id"))) < 0)
		fielderr_add(fe, "round_id", "巡察轮次应为轮次编号");
	s->category = req_arg(r, "category");
	s->source = req_arg(r, "source");
	s->organ_kind = req_arg(r, "organ");
	s->activity_kind = req_arg(r, "kind");
	s->rank = req_arg(r, "rank");
	s->top_leader = flag_arg(r, "top_leader");
	s->leadership = flag_arg(r, "leadership");
	s->key_persons = flag_arg(r, "key_persons");
	s->scope_user = authz_scope_user(&r->c);
	if ((s->unit_id > 0 && member_valid(r, &(struct metric_scope){ .unit_id = s->unit_id }, "unit", fe) < 0) ||
	    (s->campaign_id > 0 &&
	     member_valid(r, &(struct metric_scope){ .campaign_id = s->campaign_id }, "campaign_id", fe) < 0) ||
	    (s->round_id > 0 &&
	     member_valid(r, &(struct metric_scope){ .round_id = s->round_id }, "round_id", fe) < 0) ||
	    member_valid(r, &(struct metric_scope){ .category = s->category }, "category", fe) < 0 ||
	    member_valid(r, &(struct metric_scope){ .source = s->source }, "source", fe) < 0 ||
	    member_valid(r, &(struct metric_scope){ .organ_kind = s->organ_kind }, "organ", fe) < 0 ||
	    member_valid(r, &(struct metric_scope){ .activity_kind = s->activity_kind }, "kind", fe) < 0 ||
	    member_valid(r, &(struct metric_scope){ .rank = s->rank }, "rank", fe) < 0)
		return -1;
	for (size_t i = 0; i < QF_ARRAY_SIZE(text_args); i++)
		if (strcmp(text_args[i], "unit"))
			url_param(&args, text_args[i], req_arg(r, text_args[i]));
		else if (s->unit_id > 0)    /* the unit chosen, also when typed (unit_q) */
			strbuf_addf(&args, "unit=%" PRId64 "&", s->unit_id);
	for (size_t i = 0; i < QF_ARRAY_SIZE(flag_args); i++)
		if (flag_arg(r, flag_args[i]))
			url_param(&args, flag_args[i], "1");
	if (args.len)
		strbuf_setlen(&args, args.len - 1);   /* the last '&' */
	q->args = arena_strdup(r->arena, args.len ? args.buf : "");
	strbuf_release(&args);
	return fe->n ? 1 : 0;
}

static const struct label quarters[] = {
	{ "1", "第一季度" }, { "2", "第二季度" }, { "3", "第三季度" }, { "4", "第四季度" }, { NULL, NULL }
};
static const struct label months[] = {
	{ "1", "1月" }, { "2", "2月" }, { "3", "3月" }, { "4", "4月" }, { "5", "5月" }, { "6", "6月" },
	{ "7", "7月" }, { "8", "8月" }, { "9", "9月" }, { "10", "10月" }, { "11", "11月" }, { "12", "12月" },
	{ NULL, NULL }
};

/* The inspection rounds as a label table (a few a year): the round scope
 * of the inspection keys; empty when they cannot be read. */
static const struct label *round_labels(struct req *r)
{
	struct inspection_round *v;
	int n = inspection_round_list(&r->c, &v);
	struct label *l;

	if (n < 0)
		n = 0;
	l = arena_alloc(r->arena, (size_t)(n + 1) * sizeof(*l));
	for (int i = 0; i < n; i++)
		l[i] = (struct label){ arena_printf(r->arena, "%" PRId64, v[i].id), v[i].name };
	l[n] = (struct label){ NULL, NULL };
	return l;
}

static void query_form(struct req *r, struct strbuf *sb, const struct stats_query *q, const struct fielderr *fe)
{
	filter_open(sb, "/statistics");
	field_text(sb, "year", "年份", *req_arg(r, "from") || *req_arg(r, "to") ? req_arg(r, "year") :
		   *req_arg(r, "year") ? req_arg(r, "year") : q->p.from ? arena_strndup(r->arena, q->p.from, 4) : "",
		   0, fielderr_get(fe, "year"), "inputmode=\"numeric\" maxlength=\"4\"");
	field_select(sb, "quarter", "季度", quarters, req_arg(r, "quarter"), 0, fielderr_get(fe, "quarter"), "全年");
	field_select(sb, "month", "月份", months, req_arg(r, "month"), 0, fielderr_get(fe, "month"), "全部");
	field_text(sb, "from", "或起始日期", req_arg(r, "from"), 0, fielderr_get(fe, "from"), "type=\"date\"");
	field_text(sb, "to", "截止日期", req_arg(r, "to"), 0, fielderr_get(fe, "to"), "type=\"date\"");
	unit_select(r, sb, "unit", "单位（含下属单位）", q->s.unit_id > 0 || q->s.unit_id == PICK_UNRESOLVED ?
		    q->s.unit_id : 0, 0,
		    fielderr_get(fe, "unit"), "全部");
	campaign_select(r, sb, q->s.campaign_id > 0 ? q->s.campaign_id : 0, fielderr_get(fe, "campaign_id"), "全部");
	field_select(sb, "round_id", "巡察轮次（仅巡察指标）", round_labels(r), req_arg(r, "round_id"), 0,
		     fielderr_get(fe, "round_id"), "全部");
	field_select(sb, "category", "违纪违法类别", category_options(r), req_arg(r, "category"), 0,
		     fielderr_get(fe, "category"), "全部");
	field_select(sb, "source", "线索来源", clue_sources, req_arg(r, "source"), 0, fielderr_get(fe, "source"), "全部");
	field_select(sb, "organ", "承办机关", case_organs, req_arg(r, "organ"), 0, fielderr_get(fe, "organ"), "全部");
	field_select(sb, "kind", "工作台账类别", activity_kind_options(r, 1), req_arg(r, "kind"), 0,
		     fielderr_get(fe, "kind"), "全部");
	field_select(sb, "rank", "职级", person_ranks, req_arg(r, "rank"), 0, fielderr_get(fe, "rank"), "全部");
	field_checkbox(sb, "top_leader", "一把手", q->s.top_leader);
	field_checkbox(sb, "leadership", "领导班子成员", q->s.leadership);
	field_checkbox(sb, "key_persons", "一把手和领导班子及科级干部", q->s.key_persons);
	filter_close(sb, "统计", "/statistics");
}

/* The figures against the year before, each linked to its list. */
static void figures(struct req *r, struct strbuf *sb, const struct stats_query *q, const struct statdoc *d)
{
	static const char *const fmts[][2] = { { "docx", "下载 Word" }, { "xlsx", "下载 Excel" },
					       { "html", "下载网页（可打印）" } };
	const struct column cols[] = { { "指标", NULL }, { "本期", "num" }, { "上年同期", "num" } };

	strbuf_addstr(sb, "<h2>");
	html_txt(sb, statdoc_title(r->arena, d));
	strbuf_addstr(sb, "</h2><p>");
	html_txt(sb, arena_printf(r->arena, "统计期间：%s 至 %s；统计范围：%s", d->p.from, d->p.to, d->scope_words + 1));
	strbuf_addstr(sb, "</p>");
	toolbar_open(sb);
	for (size_t i = 0; i < QF_ARRAY_SIZE(fmts); i++)
		button_link(sb, arena_printf(r->arena, "/statistics/export?format=%s%s%s", fmts[i][0],
					     *q->args ? "&" : "", q->args), fmts[i][1], i == 0);
	toolbar_close(sb);
	table_open(sb, "list figures", NULL, cols, QF_ARRAY_SIZE(cols));
	for (int i = 0; i < d->n; i++) {
		strbuf_addstr(sb, "<tr data-key=\"");
		html_attr(sb, d->v[i].key);
		strbuf_addstr(sb, "\">");
		html_td(sb, d->v[i].zh);
		dash_figure_cell(r, sb, &d->v[i], &d->p, d->s);
		if (d->prev)
			dash_figure_cell(r, sb, &d->prev[i], &d->prev_p, d->s);
		else
			strbuf_addstr(sb, "<td></td>");
		strbuf_addstr(sb, "</tr>");
	}
	table_close(sb, d->n, 3, "没有统计指标");
}

/* The statistics of the request's query; 0, 1 invalid, or a result code
 * (< 0 or RES_STORE) from the computation. */
static int stats_compute(struct req *r, struct stats_query *q, struct fielderr *fe, struct statdoc *d,
			 int by_month)
{
	int rc = stats_query_parse(r, q, fe);

	if (rc != 0)
		return rc < 0 ? RES_STORE : 1;
	if ((rc = statdoc_compute(r->c.db, r->arena, &q->p, &q->s, by_month, d)) != RES_DONE)
		return rc;
	d->organ = r->app->cfg.commission;
	d->scope_words = metric_scope_words(r->c.db, r->arena, &q->s);
	return 0;
}

static const char *const crumbs[] = { "工作台", "/", "统计数据", NULL, NULL };

/* The page; k (the view's kept rendering, or NULL) keeps it when the
 * figures are shown. */
static int stats_page(struct req *r, struct stats_query *q, const struct fielderr *fe,
		      const struct statdoc *d, struct list_kept *k)
{
	struct strbuf sb = STRBUF_INIT;

	if (k)
		list_kept_begin(r, k, &sb, "统计数据", crumbs);
	else
		page_begin(r, &sb, "统计数据", crumbs);
	field_errors_summary(&sb, fe);
	query_form(r, &sb, q, fe);
	if (d)
		figures(r, &sb, q, d);
	if (k && k->on && d && !fe->n)
		return list_kept_finish(r, k, &sb);
	return page_finish(r, &sb, fe->n ? 422 : 200);
}

/* GET /statistics: kept as a list's rendering (issue 16): the figures
 * come from the data, the session and the query alone, and a view is not
 * audited (an export is, and is never kept); a refused query (422) is
 * neither kept nor served. */
int page_statistics(struct req *r)
{
	struct stats_query q;
	struct fielderr fe = { 0 };
	struct statdoc d;
	struct list_kept k = { 0 };
	int rc;

	if (list_kept_serve(r, &k, "统计数据", crumbs))
		return k.rc;
	rc = stats_compute(r, &q, &fe, &d, 0);
	if (rc == 1)
		return stats_page(r, &q, &fe, NULL, NULL);
	if (rc != 0)
		return res_error(r, rc, "statistics");
	return stats_page(r, &q, &fe, &d, &k);
}

static const struct {
	const char *name, *type;
	int (*render)(const struct statdoc *, struct arena *, struct strbuf *, const char **);
	int by_month;
} exports[] = {
	{ "docx", DOCX_MIME, statdoc_docx, 0 },
	{ "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", statdoc_xlsx, 1 },
	{ "html", "text/html; charset=utf-8", statdoc_html, 0 },
};

int page_statistics_export(struct req *r)
{
	struct stats_query q;
	struct fielderr fe = { 0 };
	struct strbuf body = STRBUF_INIT;
	struct statdoc d;
	const char *fmt = req_arg(r, "format"), *why;
	size_t i;
	int rc;

	for (i = 0; i < QF_ARRAY_SIZE(exports) && strcmp(exports[i].name, fmt); i++)
		;
	rc = stats_compute(r, &q, &fe, &d, i < QF_ARRAY_SIZE(exports) && exports[i].by_month);
	if (rc == 0 && i == QF_ARRAY_SIZE(exports)) {
		fielderr_add(&fe, "format", "下载格式应为 docx、xlsx 或 html");
		rc = 1;
	}
	if (rc == 1)
		return stats_page(r, &q, &fe, NULL, NULL);
	if (rc != 0)
		return res_error(r, rc, "statistics");
	if (exports[i].render(&d, r->arena, &body, &why) < 0) {
		strbuf_release(&body);
		return reply_error(r, E_INTERNAL, arena_printf(r->arena, "statistics %s: %s", fmt, why));
	}
	if (stats_export_record(&r->c, fmt, &q.p, d.scope_words) < 0) {
		strbuf_release(&body);
		return res_error(r, RES_STORE, "audit");
	}
	return reply_download(r, exports[i].type,
			      arena_printf(r->arena, "statistics_%s_%s.%s", q.p.from, q.p.to, fmt),
			      arena_printf(r->arena, "%s.%s", statdoc_title(r->arena, &d), fmt), &body);
}

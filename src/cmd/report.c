/*
 * report.c: `qingfeng report` computes the statistics of DOMAIN.md section
 * 6 (domain/metrics.h) for a period and a scope and writes them as text,
 * JSON, or a document (pages/statdoc.h: html that prints, docx in the
 * official layout, xlsx with a sheet by month; docs/statistics.md).
 * The formats are a table: a new one adds a row.  A whole year of the
 * whole commission in docx is the year's report (issue 15): the annual
 * report from its template with this table as its appendix
 * (report_year.c); --table, a shorter period or any scope member writes
 * the table alone.
 *
 *   qingfeng report --year 2022 [--quarter N | --month N] | --from D --to D
 *                   [--unit ID] [--campaign ID] [--round ID] [--category CODE] [--source CODE]
 *                   [--organ KIND] [--kind CODE] [--rank RANK] [--top-leader] [--leadership]
 *                   [--key-persons] [--user NAME] [--format text|json|html|docx|xlsx]
 *                   [--table] [--out FILE]
 *
 * Exit codes: 0 ok, 1 failure (the database, a scope that names nothing),
 * 2 usage (options, the period).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "api/statistics.h"
#include "cmd/cmd.h"
#include "core/arena.h"
#include "core/log.h"
#include "core/strbuf.h"
#include "domain/metrics.h"
#include "domain/result.h"
#include "domain/statistics.h"
#include "pages/statdoc.h"
#include "store/store.h"

#define USAGE "qingfeng report (--year YYYY [--quarter N | --month N] | --from YYYY-MM-DD --to YYYY-MM-DD)\n" \
	"       [--unit ID] [--campaign ID] [--round ID] [--category CODE] [--source CODE] [--organ KIND] [--kind CODE] [--rank RANK]\n" \
	"       [--top-leader] [--leadership] [--key-persons] [--user NAME] [--format text|json|html|docx|xlsx] [--table] [--out FILE]\n" \
	"       qingfeng report --annual --year YYYY [--format text|html|docx] [--out FILE]\n" \
	"       qingfeng report --annual --template FILE | --rendering ID [--out FILE]"

/* What a format writes. */
struct report_out {
	const struct metric_period *p;
	const struct metric_scope *s;
	const struct metric_value *v;
	int n;
	struct arena *a;
	struct store *db;
	const char *organ;      /* the commission's name (setting "commission") */
};

static int write_text(FILE *f, const struct report_out *r)
{
	fprintf(f, "统计期间 %s 至 %s\n统计范围%s\n", r->p->from, r->p->to, metric_scope_words(r->db, r->a, r->s));
	for (int i = 0; i < r->n; i++)
		fprintf(f, "%-24s %s  %s\n", r->v[i].key, r->v[i].zh, r->v[i].display);
	return 0;
}

static int write_json(FILE *f, const struct report_out *r)
{
	json_t *root = api_metrics_json(r->a, r->p, r->s, r->v, r->n);
	int rc;

	if (!root)
		return -1;
	rc = json_dumpf(root, f, JSON_INDENT(2));
	fputc('\n', f);
	json_decref(root);
	return rc;
}

/* The figures as a document (pages/statdoc.h): computed again with the
 * year before and, for xlsx, by month. */
static int write_doc(FILE *f, const struct report_out *r,
		     int (*render)(const struct statdoc *, struct arena *, struct strbuf *, const char **),
		     int by_month)
{
	struct strbuf sb = STRBUF_INIT;
	struct statdoc d;
	const char *why = "";
	int rc = -1;

	if (statdoc_compute(r->db, r->a, r->p, r->s, by_month, &d) != RES_DONE) {
		error("cannot compute the statistics: %s", store_errmsg(r->db));
		return -1;
	}
	d.organ = r->organ;
	d.scope_words = metric_scope_words(r->db, r->a, r->s);
	if (render(&d, r->a, &sb, &why) < 0)
		error("cannot write the document: %s", why);
	else if (fwrite(sb.buf, 1, sb.len, f) == sb.len)
		rc = 0;
	strbuf_release(&sb);
	return rc;
}

static int write_html(FILE *f, const struct report_out *r)
{
	return write_doc(f, r, statdoc_html, 0);
}

static int write_docx(FILE *f, const struct report_out *r)
{
	return write_doc(f, r, statdoc_docx, 0);
}

static int write_xlsx(FILE *f, const struct report_out *r)
{
	return write_doc(f, r, statdoc_xlsx, 1);
}

static const struct report_format {
	const char *name;
	int (*write)(FILE *f, const struct report_out *r);
	int binary;             /* refused on a terminal without --out */
} formats[] = {
	{ "text", write_text, 0 },
	{ "json", write_json, 0 },
	{ "html", write_html, 0 },
	{ "docx", write_docx, 1 },
	{ "xlsx", write_xlsx, 1 },
};

/* A positive whole number (an id, a year, a quarter); 0 when absent, -1
 * when it is not one. */
static int64_t number_arg(const char *s)
{
	char *end;
	long long v;

	if (!s)
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v <= 0 || *s == '+')
		return -1;
	return v;
}

/* The period from the options (domain/statistics.h); 0, or -1 with the
 * message printed, naming the option. */
static int period_of(struct arena *a, const char *year, const char *quarter, const char *month,
		     const char *from, const char *to, struct metric_period *p)
{
	const char *field, *why;

	if (!year && !quarter && !month && !from && !to)
		return error("请指定统计期间：--year YYYY（可加 --quarter N 或 --month N），"
			     "或 --from YYYY-MM-DD --to YYYY-MM-DD");
	why = stats_period_of(a, year, quarter, month, from, to, p, &field);
	return why ? error("--%s：%s", field, why) : 0;
}

int cmd_report(int argc, char **argv)
{
	const char *db = NULL, *key = NULL, *year = NULL, *quarter = NULL, *month = NULL, *from = NULL,
		   *to = NULL, *unit = NULL, *campaign = NULL, *round = NULL, *user = NULL, *format = NULL, *out = NULL,
		   *pos[1], *tmpl = NULL, *rendering = NULL;
	int annual = 0, table = 0, year_doc;
	struct metric_scope s = { 0 };
	struct strbuf doc = STRBUF_INIT;
	const struct option_spec specs[] = {
		{ "--db", &db, NULL, "database" },
		{ "--key", &key, NULL, "key file (default <db>.key; required with PostgreSQL)" },
		{ "--year", &year, NULL, "the calendar year YYYY (China Standard Time)" },
		{ "--quarter", &quarter, NULL, "with --year: quarter 1-4" },
		{ "--month", &month, NULL, "with --year: month 1-12" },
		{ "--from", &from, NULL, "first day YYYY-MM-DD (with --to; both inclusive)" },
		{ "--to", &to, NULL, "last day YYYY-MM-DD" },
		{ "--unit", &unit, NULL, "unit ID and all units below it" },
		{ "--campaign", &campaign, NULL, "campaign ID" },
		{ "--round", &round, NULL, "inspection round ID (the inspection keys)" },
		{ "--category", &s.category, NULL, "violation category code (eight_rules: 四风)" },
		{ "--source", &s.source, NULL, "clue source (report, inspection, audit, judicial, ...)" },
		{ "--organ", &s.organ_kind, NULL, "handling organ: office, resident_group, township" },
		{ "--kind", &s.activity_kind, NULL, "work log kind (spot_check; several joined by +)" },
		{ "--rank", &s.rank, NULL, "subject's rank as copied onto the record" },
		{ "--top-leader", NULL, &s.top_leader, "subjects who were their unit's top leader" },
		{ "--leadership", NULL, &s.leadership, "subjects in the leadership team" },
		{ "--key-persons", NULL, &s.key_persons, "top leaders, leadership members and section rank" },
		{ "--user", &user, NULL, "only what user NAME may see (a township or resident group's jurisdiction)" },
		{ "--format", &format, NULL, "text (default; with --annual --rendering: the rendering's own), json, "
		  "html (prints well), docx (official layout; --year alone: the year's report, "
		  "the table its appendix) or xlsx" },
		{ "--table", NULL, &table, "with --format docx and --year alone: the statistics table alone, "
		  "not the year's report with the table as its appendix" },
		{ "--out", &out, NULL, "write to FILE (default: standard output)" },
		{ "--annual", NULL, &annual, "the annual report rendered from its template (text, html, docx), kept with its figures" },
		{ "--template", &tmpl, NULL, "with --annual: check FILE and save it as the next template version" },
		{ "--rendering", &rendering, NULL, "with --annual: write kept rendering ID again" },
		{ NULL, NULL, NULL, NULL }
	};
	const struct report_format *fmt = NULL;
	struct report_out r = { 0 };
	struct metric_period p;
	struct metric_value *v;
	struct cmd_env env;
	const char *why;
	int n = cmd_parse(argc, argv, specs, pos, 0, USAGE), rc, nv;
	FILE *f = stdout;

	if (n == -2)
		return 0;
	if (n != 0)
		return EXIT_USAGE;
	if (annual)
		return cmd_report_annual(db, key, year, format, out, tmpl, rendering);   /* NULL: a rendering's own */
	if (!format)
		format = "text";
	for (size_t i = 0; i < QF_ARRAY_SIZE(formats); i++)
		if (!strcmp(formats[i].name, format))
			fmt = &formats[i];
	if (!fmt)
		return error("--format 应为 text、json、html、docx 或 xlsx，而不是“%s”", format), EXIT_USAGE;
	if (fmt->binary && !out && isatty(STDOUT_FILENO))
		return error("--format %s 是二进制文件，不能写到终端：请用 --out 文件名或重定向输出", format),
		       EXIT_USAGE;
	if ((s.unit_id = number_arg(unit)) < 0)
		return error("--unit 应为单位编号（正整数），而不是“%s”", unit), EXIT_USAGE;
	if ((s.campaign_id = number_arg(campaign)) < 0)
		return error("--campaign 应为专项工作编号（正整数），而不是“%s”", campaign), EXIT_USAGE;
	if ((s.round_id = number_arg(round)) < 0)
		return error("--round 应为巡察轮次编号（正整数），而不是“%s”", round), EXIT_USAGE;
	if (cmd_open(&env, cmd_db_path(db), key) < 0)
		return 1;
	if (period_of(env.a, year, quarter, month, from, to, &p) < 0) {
		cmd_close(&env);
		return EXIT_USAGE;
	}
	rc = user ? metric_scope_user(env.db, env.a, user, &s.scope_user, &why) : 1;
	if (rc == 1)
		rc = metric_scope_valid(env.db, env.a, &s, &why);
	if (rc == 0)
		error("%s", why);
	if (rc == 1 && metrics_compute(env.db, env.a, &p, &s, &v, &nv) != RES_DONE) {
		error("cannot compute the statistics: %s", store_errmsg(env.db));
		rc = -1;
	}
	/* the year's report: rendered before the file is created */
	year_doc = !strcmp(fmt->name, "docx") && !table && year && !quarter && !month && !from && !to &&
		   metric_scope_whole(&s);
	if (rc == 1 && year_doc && cmd_report_year_docx(&env, (int)number_arg(year), &p, &s, &doc) < 0)
		rc = -1;
	if (rc == 1 && out && !(f = fopen(out, "wb"))) {
		error("cannot create '%s'", out);
		rc = -1;
	}
	if (rc == 1) {
		r = (struct report_out){ &p, &s, v, nv, env.a, env.db, env.cfg.commission };
		if ((year_doc ? (fwrite(doc.buf, 1, doc.len, f) == doc.len ? 0 : -1) : fmt->write(f, &r)) < 0 ||
		    (f == stdout ? fflush(f) : fclose(f)) != 0) {
			error("cannot write the report");
			rc = -1;
		}
	}
	strbuf_release(&doc);
	cmd_close(&env);
	return rc == 1 ? 0 : 1;
}

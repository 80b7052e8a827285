#ifndef QF_PAGES_STATDOC_H
#define QF_PAGES_STATDOC_H
/*
 * pages/statdoc: the figures of a period and scope (domain/metrics.h) as
 * a document: a standalone HTML page that prints well, a .docx in the
 * official layout (office/docx.h) and an .xlsx workbook (office/xlsx.h:
 * the figures, and a sheet by month for the countable keys).  One
 * builder for `qingfeng report --format html|docx|xlsx` and the
 * downloads of the statistics page (issue 11, "The report").
 *
 *   struct statdoc d;
 *   if (statdoc_compute(db, a, &p, &s, &d) != RES_DONE) ...
 *   d.organ = cfg.commission;  d.scope_words = metric_scope_words(db, a, &s);
 *   statdoc_docx(&d, a, &sb, &err);
 */
#include "core/date.h"
#include "core/strbuf.h"
#include "model/metrics.h"

struct arena;
struct docx;
struct store;

struct statdoc {
	const char *organ;              /* the commission, e.g. 青枫市纪委监委 */
	const char *scope_words;        /* "全委", " 单位7及下属单位" ... */
	struct metric_period p, prev_p; /* the period and the same period a year earlier */
	const struct metric_scope *s;
	const struct metric_value *v, *prev;    /* n each, same keys in the same order */
	int n;
	/* by month (the months the period touches, each clipped to it; none
	 * when more than STATDOC_MAX_MONTHS): nm arrays of n values */
	int nm;
	struct metric_period *mp;
	struct metric_value **mv;
	qf_day made;                    /* the date printed on the document */
};

#define STATDOC_MAX_MONTHS 24

/* Computes the figures of p and s, those of a year earlier and, with
 * by_month, each month's: RES_DONE, or the result of metrics_compute. */
int statdoc_compute(struct store *db, struct arena *a, const struct metric_period *p,
		    const struct metric_scope *s, int by_month, struct statdoc *d);

/* "青枫市纪委监委2022年度监督执纪统计表" (年度, 第一季度, 3月, or the
 * days from and to). */
const char *statdoc_title(struct arena *a, const struct statdoc *d);

/* Append the document to out.  0, or -1 with an English reason in *err. */
int statdoc_html(const struct statdoc *d, struct arena *a, struct strbuf *out, const char **err);
int statdoc_docx(const struct statdoc *d, struct arena *a, struct strbuf *out, const char **err);
/* The docx's title and table (no date under it) appended to a document
 * being built: the appendix of the year's report (cmd/report_year.c). */
void statdoc_docx_table(const struct statdoc *d, struct arena *a, struct docx *x);
int statdoc_xlsx(const struct statdoc *d, struct arena *a, struct strbuf *out, const char **err);

#endif

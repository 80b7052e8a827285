#ifndef QF_DOMAIN_ANNUAL_H
#define QF_DOMAIN_ANNUAL_H
/*
 * domain/annual.h: the annual report (年度工作报告) rendered from an
 * editable template (issue 11; docs/statistics.md "The annual report
 * template").  The template is plain text, one block a line:
 *
 *   # 青枫市纪委监委2022年工作情况报告      the title
 *   ## 2022年工作开展情况                    a heading of level 1 (一、)
 *   ### 坚守政治机关定位……卷”。 || 正文……      level 2 (（一）) run into its paragraph
 *   正文……                                  a body paragraph
 *   // 注释                                  a comment, not rendered
 *
 * and its figures are placeholders in double braces:
 *
 *   {{clues_disposed}}                      a key of domain/metrics.h
 *   {{cases_filed|key_persons}}             scoped: members after "|", comma-separated
 *   {{sanctioned|category=eight_rules}}     category=, source=, organ=, rank=, unit=ID
 *   {{form1|campaign=粮食购销……专项整治}}    campaign= an id or the campaign's name
 *   {{cases_filed|prev}}                    the same figure a year earlier
 *   {{year}} {{prev_year}}                  the report's year and the one before
 *
 * Numbers are the metric's display string (516, 93.48%, 117,526.73元).
 * Figures the platform does not record yet stay as literal text.
 *
 * annual_parse checks the syntax without the database (unbalanced braces,
 * a key no metric has, a scope member that is unknown or that the key does
 * not honour); annual_check adds what needs it (the campaign, category,
 * source, organ and unit exist).  Both stop at the first error and name
 * its line and placeholder.
 */
#include <stdint.h>

#include "domain/ctx.h"
#include "domain/tmpl.h"
#include "model/annual.h"
#include "model/metrics.h"

struct arena;
struct docx;
struct store;
struct strbuf;

struct annual_ph {
	const char *src;        /* as written, "{{cases_filed|key_persons}}" */
	const char *key;        /* "cases_filed", or "year" / "prev_year" */
	struct metric_scope scope;
	const char *campaign;   /* campaign= as written (id or name), NULL without */
	int prev;               /* the period one year earlier */
	int64_t round;          /* round= as written: the inspection round's number
				   within the report's (or, with prev, the earlier)
				   year, resolved when the figures are computed; 0 without */
	int line;
};

struct annual_doc {
	struct tmpl_block *blocks;
	int nblocks;
	struct annual_ph *phs;  /* distinct by src, in order of appearance */
	int nphs, phcap;
};

#define ANNUAL_MAX_BYTES TMPL_MAX_BYTES

/* Parses the template into d (arena a).  0, or -1 with *e filled. */
int annual_parse(struct arena *a, const char *tmpl, struct annual_doc *d, struct tmpl_error *e);

/* annual_parse, then resolves campaign names and checks each scope's
 * members against the records (metric_scope_valid).  1 valid; 0 not,
 * with *e; < 0 the store failed. */
int annual_check(struct store *db, struct arena *a, const char *tmpl, struct annual_doc *d,
		 struct tmpl_error *e);

/* One figure as used by a rendering. */
struct annual_fig {
	const char *src;        /* the placeholder as written */
	const char *key;
	int64_t value;          /* count, fen, or a rate's numerator */
	int64_t den;            /* a rate's denominator, else 0 */
	const char *display;    /* what the text shows */
};

/* The figures of every placeholder of d (checked by annual_check) for
 * the year's period p (and the year before for prev), scope_user applied
 * to every scope.  RES_DONE, RES_INVALID (a key not applicable to its
 * scope: *e says which), RES_STORE. */
int annual_figures(struct store *db, struct arena *a, const struct annual_doc *d, int year,
		   int64_t scope_user, struct annual_fig **out, struct tmpl_error *e);

/* What a placeholder means in Chinese: "立案（一把手和领导班子及科级干部）",
 * "党纪政务处分（专项工作：粮食购销……；上一年）". */
const char *annual_ph_meaning(struct arena *a, const struct annual_ph *ph);

/* Text with every placeholder replaced by its figure's display (figs as
 * from annual_figures or read back from a kept rendering), from arena a. */
const char *annual_fill(struct arena *a, const char *raw, const struct annual_fig *figs, int n);

/* The number a heading of level (1..4) and ordinal n (1-based) shows:
 * "一、", "（一）", "1.", "（1）". */
const char *annual_heading_number(struct arena *a, int level, int n);

/* Renderings of a filled document. */
int annual_render_text(struct strbuf *out, struct arena *a, const struct annual_doc *d,
		       const struct annual_fig *figs, int n);
/* A whole HTML page that prints well, every piece of text escaped. */
int annual_render_html(struct strbuf *out, struct arena *a, const struct annual_doc *d,
		       const struct annual_fig *figs, int n);
/* A .docx in the official layout (office/docx.h); -1 with *why. */
int annual_render_docx(struct strbuf *out, struct arena *a, const struct annual_doc *d,
		       const struct annual_fig *figs, int n, const char **why);
/* Its blocks appended to a document being built (x's first error, if
 * any, is the caller's to read). */
void annual_docx_blocks(struct docx *x, struct arena *a, const struct annual_doc *d,
			const struct annual_fig *figs, int n);

/* The latest version (the one rendering uses): RES_DONE, RES_NOT_FOUND, RES_STORE. */
int annual_latest(struct ctx *c, struct annual_version *v);
/* A given version. */
int annual_version_get(struct ctx *c, int64_t version, struct annual_version *v);
/* Saves body as the next version, when it checks (annual_check): audited
 * annual_template_edit.  RES_DONE (*version set), RES_INVALID (*e),
 * RES_STORE. */
int annual_save(struct ctx *c, const char *body, int64_t *version, struct tmpl_error *e);

/* Renders the latest template for year in format (text|html|docx) into
 * out, keeps the rendering (audited annual_render) and sets *id.
 * RES_DONE, RES_INVALID (*e: the template or a figure), RES_STORE. */
int annual_render(struct ctx *c, int year, const char *format, struct strbuf *out, int64_t *id,
		  struct tmpl_error *e);
/* annual_render in docx, but as blocks appended to the caller's document
 * x, which may go on (`report --year Y --format docx` adds the statistics
 * table as an appendix: cmd/report_year.c).  Kept as a docx rendering, so
 * annual_reproduce gives the report alone.  The same results. */
int annual_render_into(struct ctx *c, int year, struct docx *x, int64_t *id, struct tmpl_error *e);
/* Renders a kept rendering again from its template version and its kept
 * figures (never recomputed): the same bytes as then.  RES_DONE,
 * RES_NOT_FOUND, RES_STORE; *r describes it. */
int annual_reproduce(struct ctx *c, int64_t id, const char *format, struct strbuf *out,
		     struct annual_rendering *r);
/* A figure of a kept rendering that the records give differently today
 * (a record corrected since, docs/statistics.md "How a past period's
 * figures stay fixed"): the rendering keeps what it reported (原报数);
 * the correction is shown beside it, never written into it. */
struct annual_correction {
	const char *src;        /* the placeholder */
	const char *meaning;    /* annual_ph_meaning */
	const char *was;        /* the kept display, "—" when the rendering had none */
	const char *now;        /* the display computed from the records today */
};
/* The figures of rendering id that differ today, computed with its
 * template version for its year within the viewer's jurisdiction, in the
 * template's order.  RES_DONE (*n may be 0), RES_NOT_FOUND, RES_INVALID
 * (the template no longer checks, e.g. a campaign renamed: *e),
 * RES_STORE; *r describes the rendering. */
int annual_corrections(struct ctx *c, int64_t id, struct annual_rendering *r,
		       struct annual_correction **out, int *n, struct tmpl_error *e);

/* The kept renderings, newest first, at most limit. */
int annual_renderings(struct ctx *c, int limit, struct annual_rendering **out);

#endif

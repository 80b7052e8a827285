#ifndef QF_PAGE_H
#define QF_PAGE_H
/*
 * page: the frame of a staff page (UI.md: top bar, navigation by role,
 * breadcrumb, title) and the small builders every page uses: form fields
 * with their error beside them, the pager, the CSRF field, flash notices.
 * Every value goes through core/escape.h; literals are written raw.
 */
#include <stdint.h>

#include "core/strbuf.h"
#include "domain/fielderr.h"

struct req;
struct label;

#define PAGE_SIZE 50

/* Opens the document and the frame.  crumbs: label, href pairs ending with
 * NULL (the last crumb is the page itself, href may be NULL). */
void page_begin(struct req *r, struct strbuf *sb, const char *title, const char *const *crumbs);
/* Closes the frame and sends it with 200 (or status). */
int page_finish(struct req *r, struct strbuf *sb, unsigned status);
/* A bare page without navigation (login, errors). */
void page_begin_bare(struct strbuf *sb, const char *title);
int page_finish_bare(struct req *r, struct strbuf *sb, unsigned status);

void page_csrf(struct req *r, struct strbuf *sb);
/* A notice from ?ok= after a redirect (a fixed set of codes, never text
 * from the URL). */
void page_notice(struct req *r, struct strbuf *sb);

/* Form fields.  err may be NULL.  Every field has a label; required ones
 * are marked. */
void field_text(struct strbuf *sb, const char *name, const char *label, const char *value,
		int required, const char *err, const char *extra_attrs);
/* none_label: the text of the empty choice ("请选择" in forms, "全部" in
 * filters). */
void field_select(struct strbuf *sb, const char *name, const char *label,
		  const struct label *options, const char *value, int required, const char *err,
		  const char *none_label);
/* The special campaigns as a select named campaign_id (none_label: the
 * empty choice). */
void campaign_select(struct req *r, struct strbuf *sb, int64_t selected, const char *err,
		     const char *none_label);
/* A clock's state as a badge: 逾期 / 临期 marked, the others plain. */
enum clock_state;
void html_clock(struct strbuf *sb, enum clock_state st);
void field_checkbox(struct strbuf *sb, const char *name, const char *label, int checked);
/* The pieces the builders above are made of, for fields built elsewhere
 * (unit_select): the wrapper and label; id, name, required and the
 * aria attributes linking the error; the error and the closing tag. */
void field_open(struct strbuf *sb, const char *name, const char *label, int required,
		const char *err);
void field_attrs(struct strbuf *sb, const char *name, int required, const char *err);
void field_close(struct strbuf *sb, const char *name, const char *err);
/* A <select> with its label and empty choice, for options written by the
 * caller between open and close. */
void field_select_open(struct strbuf *sb, const char *name, const char *label, int required,
		       const char *err, const char *none_label);
void field_select_close(struct strbuf *sb, const char *name, const char *err);
/* A summary of the errors above the form, for screen readers and phones. */
void field_errors_summary(struct strbuf *sb, const struct fielderr *fe);

/* "共 N 条" and the page links; base is the list URL with its filters
 * already escaped for a URL (ending in '?' or '&'). */
void page_pager(struct strbuf *sb, const char *base, int page, int64_t total, int per_page);
/* Appends "key=value&" with value URL-encoded, when value is not empty. */
void url_param(struct strbuf *sb, const char *key, const char *value);

/* A date-time in CST for display: 2022-03-01 09:30 */
void html_time(struct strbuf *sb, int64_t t);

struct req;
/* A <select> of the units the user may see (units.c). */
void unit_select(struct req *r, struct strbuf *sb, const char *name, const char *label,
		 int64_t selected, int required, const char *err, const char *none_label);

#endif

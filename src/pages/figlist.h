#ifndef QF_PAGES_FIGLIST_H
#define QF_PAGES_FIGLIST_H
/*
 * figlist: the arguments a list receives from a figure of the dashboard
 * (issue 11: period and statistics scope, model/metrics.h), kept through
 * the list's filter form and pager and shown above its rows, so the list
 * a figure links to keeps counting what the figure counted.
 */
#include "core/strbuf.h"
#include "model/filter.h"

/* Among names (ends with NULL), the arguments of spec that are set in
 * the filter f: "name=value&" for each, appended to a URL. */
void figlist_url(struct strbuf *sb, const struct filter_spec *spec, const void *f,
		 const char *const *names);
/* The same as hidden inputs of a filter form, and a line above the list
 * naming them ("按统计口径筛选") with a link to reset_href; nothing when
 * none is set.  Returns the number set. */
int figlist_form(struct strbuf *sb, const struct filter_spec *spec, const void *f,
		 const char *const *names, const char *reset_href);
/* The line alone, for a page without a filter form. */
int figlist_note(struct strbuf *sb, const struct filter_spec *spec, const void *f,
		 const char *const *names, const char *reset_href);

/* Every argument of spec set in the filter f as plain words
 * "name=value name=value" (the filters an export states and audits);
 * the number set. */
int figlist_words(struct strbuf *sb, const struct filter_spec *spec, const void *f);

#endif

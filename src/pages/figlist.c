/*
 * figlist.c: a list's figure arguments (pages/figlist.h) written back out
 * from the filter the list read, driven by the family's filter_spec like
 * http/filter.c reads them: a day or a text as given, an id in decimal,
 * a flag as 1.  Only the fields named by the page are written; the page
 * keeps writing its own filter form for the others.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/escape.h"
#include "pages/figlist.h"
#include "pages/kit.h"

/* The value of field fd in f as text into buf, NULL when not set. */
static const char *field_value(const struct filter_field *fd, const void *f, char *buf, size_t n)
{
	const char *p = (const char *)f + fd->offset;

	switch (fd->type) {
	case FILTER_TEXT:
	case FILTER_DAY: {
		const char *v = *(const char *const *)(const void *)p;
		return v && *v ? v : NULL;
	}
	case FILTER_ID: {
		int64_t id = *(const int64_t *)(const void *)p;
		if (!id)
			return NULL;
		snprintf(buf, n, "%" PRId64, id);
		return buf;
	}
	case FILTER_FLAG:
		return *(const int *)(const void *)p ? "1" : NULL;
	case FILTER_ENUM: {
		int v = *(const int *)(const void *)p;
		const struct filter_choice *c = fd->choices;
		const char *arg = NULL;
		for (; c->arg; c++)
			if (c->value == v && !arg)
				arg = c->arg;
		return arg && v != c->value ? arg : NULL;      /* c: the default */
	}
	}
	return NULL;
}

/* names NULL: every field */
static int named(const char *arg, const char *const *names)
{
	if (!names)
		return 1;
	for (; *names; names++)
		if (!strcmp(*names, arg))
			return 1;
	return 0;
}

/* Calls emit for each named field set in f; the number set. */
static int each_set(struct strbuf *sb, const struct filter_spec *spec, const void *f,
		    const char *const *names,
		    void (*emit)(struct strbuf *sb, const char *name, const char *value))
{
	char buf[24];
	int n = 0;

	for (const struct filter_field *fd = spec->fields; fd->arg; fd++) {
		const char *v;
		if (!named(fd->arg, names) || !(v = field_value(fd, f, buf, sizeof(buf))))
			continue;
		if (emit)
			emit(sb, fd->arg, v);
		n++;
	}
	return n;
}

static void emit_url(struct strbuf *sb, const char *name, const char *value)
{
	url_param(sb, name, value);
}

static void emit_text(struct strbuf *sb, const char *name, const char *value)
{
	strbuf_addstr(sb, " <code>");
	html_txt(sb, name);
	strbuf_addstr(sb, "=");
	html_txt(sb, value);
	strbuf_addstr(sb, "</code>");
}

static void emit_word(struct strbuf *sb, const char *name, const char *value)
{
	if (sb->len)
		strbuf_addch(sb, ' ');
	strbuf_addf(sb, "%s=%s", name, value);
}

int figlist_words(struct strbuf *sb, const struct filter_spec *spec, const void *f)
{
	return each_set(sb, spec, f, NULL, emit_word);
}

void figlist_url(struct strbuf *sb, const struct filter_spec *spec, const void *f,
		 const char *const *names)
{
	each_set(sb, spec, f, names, emit_url);
}

int figlist_form(struct strbuf *sb, const struct filter_spec *spec, const void *f,
		 const char *const *names, const char *reset_href)
{
	each_set(sb, spec, f, names, form_hidden);
	return figlist_note(sb, spec, f, names, reset_href);
}

int figlist_note(struct strbuf *sb, const struct filter_spec *spec, const void *f,
		 const char *const *names, const char *reset_href)
{
	int n = each_set(sb, spec, f, names, NULL);

	if (!n)
		return 0;
	strbuf_addstr(sb, "<p class=\"hint figlist\">按统计口径筛选：");
	each_set(sb, spec, f, names, emit_text);
	strbuf_addstr(sb, " <a href=\"");
	html_attr(sb, reset_href);
	strbuf_addstr(sb, "\">清除</a></p>");
	return n;
}

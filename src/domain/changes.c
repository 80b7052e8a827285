/*
 * changes.c: the words of a correction (domain/changes.h).
 */
#include "domain/changes.h"

#include <string.h>

#include "core/arena.h"
#include "domain/ctx.h"

void changes_init(struct changes *ch, struct ctx *c)
{
	ch->c = c;
	ch->text = ch->audit = "";
	ch->n = 0;
}

static int differ(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") != 0;
}

static const char *join(struct ctx *c, const char *text, const char *part)
{
	return arena_printf(c->a, "%s%s%s", text, *text ? "；" : "", part);
}

static const char *values(struct ctx *c, const char *label, const char *before, const char *after)
{
	return arena_printf(c->a, "%s：%s → %s", label, before && *before ? before : "（空）",
			    after && *after ? after : "（空）");
}

/* both texts, when the values differ */
static void append(struct changes *ch, const char *label, const char *before, const char *after,
		   int timeline_values, int audit_values)
{
	const char *shown = values(ch->c, label, before, after);
	const char *hidden = arena_printf(ch->c->a, "%s：已修改", label);

	if (!differ(before, after))
		return;
	ch->text = join(ch->c, ch->text, timeline_values ? shown : hidden);
	ch->audit = join(ch->c, ch->audit, audit_values ? shown : hidden);
	ch->n++;
}

void changes_add(struct changes *ch, const char *label, const char *before, const char *after)
{
	append(ch, label, before, after, 1, 1);
}

void changes_personal(struct changes *ch, const char *label, const char *before, const char *after)
{
	append(ch, label, before, after, 1, 0);
}

void changes_secret(struct changes *ch, const char *label, const char *before, const char *after)
{
	append(ch, label, before, after, 0, 0);
}

/* only spaces (ASCII or the full-width 　) */
static int blank(const char *s)
{
	while (s && *s) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		else if (!strncmp(s, "\xe3\x80\x80", 3))
			s += 3;
		else
			return 0;
	}
	return 1;
}

int changes_check(struct changes *ch, const char *reason, struct fielderr *fe)
{
	if (blank(reason))
		fielderr_add(fe, "reason", "请填写修改原因");
	else
		fielderr_len(ch->c->a, fe, "reason", "修改原因", reason, CHANGE_REASON_MAX);
	if (!fe->n && !ch->n)
		fielderr_add(fe, "state", "没有修改任何内容");
	return fe->n ? -1 : 0;
}

const char *changes_detail(const struct changes *ch, const char *reason)
{
	return arena_printf(ch->c->a, "修改原因：%s；%s", reason, ch->text);
}

const char *changes_audit(const struct changes *ch)
{
	return ch->audit;
}

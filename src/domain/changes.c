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
	ch->text = "";
	ch->n = 0;
}

static int differ(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") != 0;
}

static void append(struct changes *ch, const char *part)
{
	ch->text = arena_printf(ch->c->a, "%s%s%s", ch->text, *ch->text ? "；" : "", part);
	ch->n++;
}

void changes_add(struct changes *ch, const char *label, const char *before, const char *after)
{
	if (differ(before, after))
		append(ch, arena_printf(ch->c->a, "%s：%s → %s", label, before && *before ? before : "（空）",
					after && *after ? after : "（空）"));
}

void changes_secret(struct changes *ch, const char *label, const char *before, const char *after)
{
	if (differ(before, after))
		append(ch, arena_printf(ch->c->a, "%s：已修改", label));
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

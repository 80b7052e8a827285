/*
 * tmpl.c: the platform's one template syntax (domain/tmpl.h): lines into
 * blocks, braces checked, each distinct placeholder handed to the caller
 * to resolve or refuse, and the filling of placeholders with values.
 * Factored out of the annual report (issue 11) for the 文书 of issue 12,
 * so both read and check templates the same way.
 */
#include "domain/tmpl.h"

#include <string.h>

#include "core/arena.h"
#include "core/strbuf.h"

int tmpl_fail(struct tmpl_error *e, struct arena *a, int line, const char *ph, const char *code,
	      const char *msg)
{
	e->line = line;
	e->placeholder = ph ? ph : "";
	e->code = code;
	e->message = line ? (ph && *ph ? arena_printf(a, "第%d行 %s：%s", line, ph, msg)
				       : arena_printf(a, "第%d行：%s", line, msg))
			  : msg;
	return -1;
}

char *tmpl_trim(struct arena *a, const char *s, size_t len)
{
	while (len && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
		len--;
	char *r = arena_alloc(a, len + 1);
	memcpy(r, s, len);
	r[len] = 0;
	return r;
}

/* The first bytes of s, at most max, not cutting a UTF-8 character. */
static const char *excerpt(struct arena *a, const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n > max) {
		n = max;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	return arena_printf(a, "%.*s", (int)n, s);
}

struct seen {
	const char **src;
	int n, cap;
};

/* Checks the braces of one piece of text and hands each new placeholder
 * to the caller. */
static int scan(struct arena *a, const char *s, int line, const struct tmpl_ops *ops, struct seen *sn,
		struct tmpl_error *e)
{
	for (const char *p = s; *p;) {
		const char *open = strstr(p, "{{"), *close = strstr(p, "}}");

		if (close && (!open || close < open)) {
			/* named by the text before it, about 40 bytes back */
			const char *from = close - p > 38 ? close - 38 : p;

			while (from > p && ((unsigned char)*from & 0xC0) == 0x80)
				from++;
			return tmpl_fail(e, a, line, arena_printf(a, "%.*s", (int)(close + 2 - from), from),
					 "unbalanced", "多出的“}}”：没有与之配对的“{{”");
		}
		if (!open)
			break;
		const char *end = strstr(open + 2, "}}"), *inner = strstr(open + 2, "{{");
		if (!end || (inner && inner < end))
			return tmpl_fail(e, a, line, excerpt(a, open, 40), "unbalanced", "“{{”没有配对的“}}”");
		const char *src = arena_printf(a, "%.*s", (int)(end + 2 - open), open);
		int dup = 0;

		for (int i = 0; i < sn->n && !dup; i++)
			dup = !strcmp(sn->src[i], src);
		if (!dup) {
			if (sn->n == sn->cap) {
				const char **n = arena_alloc(a, sizeof(*n) * (size_t)(sn->cap * 2 + 16));
				if (sn->n)
					memcpy(n, sn->src, sizeof(*n) * (size_t)sn->n);
				sn->src = n;
				sn->cap = sn->cap * 2 + 16;
			}
			sn->src[sn->n++] = src;
			if (ops->placeholder(ops->arg, a, src, tmpl_trim(a, open + 2, (size_t)(end - open - 2)), line,
					     e) < 0)
				return -1;
		}
		p = end + 2;
	}
	return 0;
}

/* A directive line "@名称 文字" into b; 0 or -1. */
static int directive(struct arena *a, char *l, const struct tmpl_ops *ops, struct tmpl_block *b,
		     struct tmpl_error *e)
{
	char *sp = l + 1;
	int known = 0;

	while (*sp && *sp != ' ' && *sp != '\t')
		sp++;
	b->kind = TMPL_DIRECTIVE;
	b->heading = arena_printf(a, "%.*s", (int)(sp - l - 1), l + 1);
	b->text = tmpl_trim(a, sp, strlen(sp));
	for (const char *const *d = ops->directives; d && *d && !known; d++)
		known = !strcmp(*d, b->heading);
	if (!known) {
		struct strbuf sb = STRBUF_INIT;

		for (const char *const *d = ops->directives; d && *d; d++)
			strbuf_addf(&sb, "%s@%s", d == ops->directives ? "" : "、", *d);
		tmpl_fail(e, a, b->line, NULL, "bad_line",
			  arena_printf(a, "未知的指令“@%s”（可用：%s）", b->heading, sb.buf ? sb.buf : ""));
		strbuf_release(&sb);
		return -1;
	}
	return 0;
}

/* A table row "| a | b |" into b. */
static void row(struct arena *a, char *l, struct tmpl_block *b)
{
	size_t len = strlen(l);
	int n = 0;
	const char **cells;

	if (len > 1 && l[len - 1] == '|')
		l[--len] = 0;
	for (char *p = l; *p; p++)
		n += *p == '|';
	cells = arena_alloc(a, sizeof(*cells) * (size_t)(n + 1));
	b->kind = TMPL_ROW;
	b->ncells = 0;
	for (char *p = l + 1; p;) {
		char *bar = strchr(p, '|');

		cells[b->ncells++] = tmpl_trim(a, p, bar ? (size_t)(bar - p) : strlen(p));
		p = bar ? bar + 1 : NULL;
	}
	b->cells = cells;
}

static int block_text(struct arena *a, struct tmpl_block *b, const struct tmpl_ops *ops, struct seen *sn,
		      struct tmpl_error *e)
{
	if (b->kind == TMPL_HEADING && scan(a, b->heading, b->line, ops, sn, e) < 0)
		return -1;
	for (int i = 0; i < b->ncells; i++)
		if (scan(a, b->cells[i], b->line, ops, sn, e) < 0)
			return -1;
	return scan(a, b->text, b->line, ops, sn, e);
}

int tmpl_parse(struct arena *a, const char *tmpl, const struct tmpl_ops *ops, struct tmpl_block **blocks,
	       int *nblocks, struct tmpl_error *e)
{
	int line = 0, cap = 0, n = 0;
	struct tmpl_block *bl = NULL;
	struct seen sn = { 0 };

	*blocks = NULL;
	*nblocks = 0;
	*e = (struct tmpl_error){ 0, "", "", "" };
	if (strlen(tmpl) > TMPL_MAX_BYTES)
		return tmpl_fail(e, a, 0, NULL, "too_long", "模板过长（不超过256KB）");
	for (const char *p = tmpl; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *l = tmpl_trim(a, p, len);
		struct tmpl_block b = { .kind = TMPL_PARA, .line = ++line, .text = l, .heading = "" };
		int hashes = 0;

		p = nl ? nl + 1 : p + len;
		if (!*l || !strncmp(l, "//", 2))
			continue;
		while (l[hashes] == '#')
			hashes++;
		if (hashes) {
			char *sep;

			if (hashes > 5 || l[hashes] != ' ')
				return tmpl_fail(e, a, line, NULL, "bad_line",
						 "以“#”开头的行应为“# 标题”或“## ”至“##### ”加标题文字");
			l = tmpl_trim(a, l + hashes, strlen(l + hashes));
			if (hashes == 1) {
				b.kind = TMPL_TITLE;
				b.text = l;
			} else {
				b.kind = TMPL_HEADING;
				b.level = hashes - 1;
				b.heading = l;
				b.text = "";
				if ((sep = strstr(l, "||"))) {
					*sep = 0;
					b.heading = tmpl_trim(a, l, strlen(l));
					b.text = tmpl_trim(a, sep + 2, strlen(sep + 2));
				}
				if (!*b.heading)
					return tmpl_fail(e, a, line, NULL, "bad_line", "标题为空");
			}
		} else if (ops->document && l[0] == '@') {
			if (directive(a, l, ops, &b, e) < 0)
				return -1;
		} else if (ops->document && l[0] == '|') {
			row(a, l, &b);
			b.text = "";
		}
		if (block_text(a, &b, ops, &sn, e) < 0)
			return -1;
		if (n == cap) {
			struct tmpl_block *nb = arena_alloc(a, sizeof(*nb) * (size_t)(cap * 2 + 32));
			if (n)
				memcpy(nb, bl, sizeof(*nb) * (size_t)n);
			bl = nb;
			cap = cap * 2 + 32;
		}
		bl[n++] = b;
	}
	if (!n)
		return tmpl_fail(e, a, 0, NULL, "empty", "模板为空");
	*blocks = bl;
	*nblocks = n;
	return 0;
}

const char *tmpl_fill(struct arena *a, const char *raw, const char *(*value)(void *arg, const char *src),
		      void *arg)
{
	struct strbuf sb = STRBUF_INIT;
	const char *r;

	for (const char *p = raw; *p;) {
		const char *open = strstr(p, "{{"), *end = open ? strstr(open + 2, "}}") : NULL;
		const char *v;

		if (!end) {
			strbuf_addstr(&sb, p);
			break;
		}
		strbuf_add(&sb, p, (size_t)(open - p));
		v = value(arg, arena_printf(a, "%.*s", (int)(end + 2 - open), open));
		if (v)
			strbuf_addstr(&sb, v);
		else    /* show, never drop */
			strbuf_add(&sb, open, (size_t)(end + 2 - open));
		p = end + 2;
	}
	r = arena_strdup(a, sb.buf ? sb.buf : "");
	strbuf_release(&sb);
	return r;
}

static const char *cn_number(struct arena *a, int n)
{
	static const char *const d[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

	if (n < 10)
		return d[n];
	return arena_printf(a, "%s十%s", n / 10 > 1 ? d[n / 10 % 10] : "", d[n % 10]);
}

const char *tmpl_heading_number(struct arena *a, int level, int n)
{
	switch (level) {
	case 1: return arena_printf(a, "%s、", cn_number(a, n));
	case 2: return arena_printf(a, "（%s）", cn_number(a, n));
	case 3: return arena_printf(a, "%d.", n);
	default: return arena_printf(a, "（%d）", n);
	}
}

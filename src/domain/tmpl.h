#ifndef QF_DOMAIN_TMPL_H
#define QF_DOMAIN_TMPL_H
/*
 * domain/tmpl.h: the platform's one template syntax and its checker (issue
 * 11's annual report, issue 12's 文书).  A template is plain text, one
 * block a line:
 *
 *   # 标题                          the title
 *   ## 标题文字 || 正文              a heading of level 1..4 (## to #####),
 *                                   optionally run into its paragraph
 *   正文……                          a body paragraph
 *   // 注释                          a comment, not rendered
 *
 * and, where the caller allows them (TMPL_DOCUMENT, the 文书):
 *
 *   @名称 文字                       a directive: @文号, @主送, @落款 机关 || 日期,
 *                                   @表 标题, @空行, @分页, @抄送 (the caller
 *                                   names the ones it knows: tmpl_parse refuses others)
 *   | 项目 | 内容 |                 a table row (consecutive rows are one table,
 *                                   the first its header)
 *
 * Values are placeholders in double braces, {{名称}} or {{key|scope}}: the
 * syntax (balanced braces, no nesting) is checked here; what a name means
 * is the caller's, asked once for each distinct placeholder through the
 * `placeholder` callback, which refuses an unknown one by name.  The
 * first error stops the parse and names its line and placeholder.
 */
#include <stddef.h>

struct arena;

enum tmpl_block_kind { TMPL_TITLE, TMPL_HEADING, TMPL_PARA, TMPL_DIRECTIVE, TMPL_ROW };

struct tmpl_block {
	enum tmpl_block_kind kind;
	int level;              /* headings: 1..4 */
	int line;               /* 1-based line of the template */
	const char *heading;    /* headings: the heading's words; directives: the name ("文号") */
	const char *text;       /* a run-in heading's paragraph, a paragraph, a title, a
				   directive's text; "" none */
	const char *const *cells;  /* rows: the cells' raw text */
	int ncells;
};

/* What is wrong, first error only. */
struct tmpl_error {
	int line;               /* 1-based; 0 for the whole template */
	const char *placeholder;/* as written, "" when none */
	const char *code;       /* unbalanced, unknown_key, bad_scope, scope_not_honoured,
				   unknown_campaign, scope_invalid, bad_line, empty, too_long,
				   unknown_field */
	const char *message;    /* Chinese, naming the line and placeholder */
};

#define TMPL_MAX_BYTES (256 * 1024)

/* The caller's part of a parse. */
struct tmpl_ops {
	int document;           /* 1: directives and table rows are allowed */
	const char *const *directives;   /* document: the directive names known, NULL-terminated */
	/* Called once for each distinct placeholder, in order of appearance:
	 * src as written ("{{被反映人}}"), inner its trimmed inside; 0, or
	 * -1 with *e filled (tmpl_fail). */
	int (*placeholder)(void *arg, struct arena *a, const char *src, const char *inner, int line,
			   struct tmpl_error *e);
	void *arg;
};

/* Parses tmpl into blocks (arena a).  0, or -1 with *e filled. */
int tmpl_parse(struct arena *a, const char *tmpl, const struct tmpl_ops *ops, struct tmpl_block **blocks,
	       int *nblocks, struct tmpl_error *e);

/* Fills *e (message prefixed "第N行 {{x}}：" when line > 0); returns -1. */
int tmpl_fail(struct tmpl_error *e, struct arena *a, int line, const char *ph, const char *code,
	      const char *msg);

/* s with leading and trailing blanks removed, copied into a. */
char *tmpl_trim(struct arena *a, const char *s, size_t len);

/* raw with every placeholder replaced by value(arg, src) (src as
 * written); a placeholder value() answers NULL for stays as written. */
const char *tmpl_fill(struct arena *a, const char *raw, const char *(*value)(void *arg, const char *src),
		      void *arg);

/* The number a heading of level (1..4) and ordinal n (1-based) shows:
 * "一、", "（一）", "1.", "（1）". */
const char *tmpl_heading_number(struct arena *a, int level, int n);

#endif

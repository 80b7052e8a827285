/*
 * numbering.c: official numbers from patterns and per-year counters
 * (numbering.h).  The counter's year is the year of the record's own day
 * (the filing day, the day a clue was received, the document's date), so
 * numbers restart on the first record of a new year whenever it is entered.
 */
#include "domain/numbering.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "core/strbuf.h"
#include "domain/audit.h"
#include "domain/audit_events.h"
#include "domain/document.h"
#include "domain/fielderr.h"
#include "domain/result.h"
#include "domain/txmemo.h"
#include "store/q_numbers.h"
#include "store/q_settings.h"
#include "store/q_trial.h"
#include "store/store.h"

QF_AUDIT_EVENT(NUMBER_PATTERN_EDIT, "number_pattern_edit", "修改编号规则");
QF_AUDIT_OBJECT(number_pattern, "编号规则");

/* a placeholder, its older spelling, what it stands for */
enum token { T_ABBR, T_YEAR, T_SEQ, T_SEQ3 };
static const struct {
	const char *text;
	enum token t;
} tokens[] = {
	{ "{机关代字}", T_ABBR }, { "{年}", T_YEAR }, { "{year}", T_YEAR }, { "{序号}", T_SEQ },
	{ "{n}", T_SEQ }, { "{序号3}", T_SEQ3 }, { "{n3}", T_SEQ3 },
};

/* the token at p, or -1 */
static int token_at(const char *p, size_t *len)
{
	for (size_t i = 0; i < sizeof(tokens) / sizeof(tokens[0]); i++) {
		size_t n = strlen(tokens[i].text);

		if (!strncmp(p, tokens[i].text, n)) {
			*len = n;
			return (int)tokens[i].t;
		}
	}
	return -1;
}

/* n as printf's "%03" PRId64 (a clue's and a case's number each formats
 * one, a million times in a large import: strbuf_add_i64, not printf) */
static void add_seq3(struct strbuf *b, int64_t n)
{
	if (n < 0) {
		strbuf_addf(b, "%03" PRId64, n);
		return;
	}
	if (n < 100)
		strbuf_add(b, "00", n < 10 ? 2 : 1);
	strbuf_add_i64(b, n);
}

const char *numbering_format(struct arena *a, const char *pattern, const char *abbr, int year, int64_t n)
{
	struct strbuf b = STRBUF_INIT;
	const char *out;
	size_t len;

	for (const char *p = pattern; *p;) {
		switch (*p == '{' ? token_at(p, &len) : -1) {
		case T_ABBR:
			strbuf_addstr(&b, abbr ? abbr : "");
			break;
		case T_YEAR:
			strbuf_add_i64(&b, year);
			break;
		case T_SEQ:
			strbuf_add_i64(&b, n);
			break;
		case T_SEQ3:
			add_seq3(&b, n);
			break;
		default:
			strbuf_addch(&b, *p++);
			continue;
		}
		p += len;
	}
	out = arena_strdup(a, b.buf ? b.buf : "");
	strbuf_release(&b);
	return out;
}

const char *numbering_pattern_refusal(struct arena *a, const char *p)
{
	int seqs = 0, years = 0;
	size_t len;

	if (!p || !*p)
		return "请填写编号规则";
	if (utf8_len(p) > 200)        /* characters, as the field's maxlength counts them */
		return arena_printf(a, "编号规则不能超过200个字，现为%zu个字", utf8_len(p));
	for (const char *s = p; (s = strpbrk(s, "{}"));) {
		int t = *s == '{' ? token_at(s, &len) : -1;

		if (t < 0) {
			const char *end = strchr(s, '}');

			return arena_printf(a, "未知的标记“%.*s”（可用：{机关代字}、{年}、{序号}、{序号3}）",
					    end && *s == '{' ? (int)(end + 1 - s) : 1, s);
		}
		seqs += t == T_SEQ || t == T_SEQ3;
		years += t == T_YEAR;
		s += len;
	}
	if (seqs != 1)
		return "编号规则须含一个{序号}（或{序号3}）";
	/* the counter restarts every year: without the year the numbers of
	 * one year would be those of the last (and the unique 线索编号 and
	 * 立案编号 refused at the first record of the new year) */
	if (!years)
		return "编号规则须含{年}：序号每年从1起，不含年份的编号会与往年重复";
	return NULL;
}

int numbering_pattern_valid(struct arena *a, const char *pattern)
{
	return !numbering_pattern_refusal(a, pattern);
}

const char *numbering_abbr(struct ctx *c)
{
	const char *v = NULL;
	const char *name = c->cfg->commission;
	size_t n = 1;

	if (txmemo_setting(c, "doc_organ_abbr", &v) == STORE_ROW && v && *v)
		return v;
	if (!*name)
		return "";
	while (name[n] && ((unsigned char)name[n] & 0xC0) == 0x80)
		n++;
	return arena_strndup(c->a, name, n);
}

/* numbers taken by imported records skipped in one draw, at most */
#define NUMBER_SKIP_MAX 1000

const char *numbering_next(struct ctx *c, struct store *s, const char *kind, const char *day, int64_t *seq)
{
	const char *pattern;
	int64_t n;
	int year;

	if (!day || strlen(day) < 4 || txmemo_number_pattern(c, s, kind, day, &pattern) != 1)
		return NULL;
	year = atoi(day);
	/* 线索编号 and 立案编号 are unique: a number an import brought that
	 * its own day's pattern did not read back (numbering_note: a clue of
	 * 2022 numbered 〔2024〕) is skipped, not drawn again into a 500 */
	for (int tries = 0; tries < NUMBER_SKIP_MAX; tries++) {
		const char *no;
		int taken = 0;

		int unique = !strcmp(kind, "clue") || !strcmp(kind, "case_filing");

		if ((n = txmemo_number_next(c, s, kind, year)) <= 0)
			return NULL;
		no = numbering_format(c->a, pattern, numbering_abbr(c), year, n);
		if (unique && (taken = txmemo_number_taken(c, s, kind, no)) < 0)
			return NULL;
		if (!taken) {
			if (seq)
				*seq = n;
			return unique && txmemo_number_take(c, kind, no) < 0 ? NULL : no;
		}
	}
	return NULL;
}

int numbering_note(struct ctx *c, struct store *s, const char *kind, const char *day, const char *number)
{
	const char *pattern, *pre, *post, *p;
	size_t len, np, npost, nn;
	int year, rc, t = -1;
	int64_t n = 0;

	if (!day || strlen(day) < 4 || !number)
		return 0;
	if ((rc = txmemo_number_pattern(c, s, kind, day, &pattern)) <= 0)
		return rc;
	year = atoi(day);
	for (p = pattern; *p; p++)      /* the counter's place */
		if (*p == '{' && ((t = token_at(p, &len)) == T_SEQ || t == T_SEQ3))
			break;
	if (!*p)
		return 0;
	pre = numbering_format(c->a, arena_strndup(c->a, pattern, (size_t)(p - pattern)), numbering_abbr(c), year, 0);
	post = numbering_format(c->a, p + len, numbering_abbr(c), year, 0);
	np = strlen(pre), npost = strlen(post), nn = strlen(number);
	if (nn <= np + npost || strncmp(number, pre, np) || strcmp(number + nn - npost, post))
		return 0;
	for (const char *d = number + np; d < number + nn - npost; d++) {
		if (*d < '0' || *d > '9' || n > INT64_MAX / 10 - 10)
			return 0;
		n = n * 10 + (*d - '0');
	}
	return n > 0 && txmemo_number_raise(c, s, kind, year, n) < 0 ? -1 : 0;
}

/* ---- the patterns page ------------------------------------------------------------- */

int numbering_kinds(struct ctx *c, const struct number_kind **out)
{
	int nd = 0;
	const struct doc_kind *const *dk = doc_kinds_sorted(c->a, &nd);
	struct number_kind *v = arena_alloc(c->a, sizeof(*v) * (size_t)(nd + 3));
	int n = 0;

	v[n++] = (struct number_kind){ "clue", "线索编号" };
	v[n++] = (struct number_kind){ "case_filing", "立案编号（立案决定书，按人编号）" };
	v[n++] = (struct number_kind){ "sent_doc", "发文文号（收发文登记）" };
	for (int i = 0; i < nd; i++)
		if (!dk[i]->own_number)
			v[n++] = (struct number_kind){ arena_printf(c->a, "doc_%s", dk[i]->code),
						       arena_printf(c->a, "%s文号", dk[i]->name) };
	*out = v;
	return n;
}

const struct number_kind *numbering_kind_find(struct ctx *c, const char *code)
{
	const struct number_kind *k;
	int n = numbering_kinds(c, &k);

	for (int i = 0; code && i < n; i++)
		if (!strcmp(k[i].code, code))
			return &k[i];
	return NULL;
}

int numbering_patterns(struct ctx *c, const char *kind, struct number_pattern **out)
{
	int n = store_number_patterns(c->db, c->a, kind, out);

	return n < 0 ? RES_STORE : n;
}

const char *numbering_preview(struct ctx *c, const char *kind, const char *day)
{
	const char *pattern;
	int rc = store_number_pattern(c->db, c->a, kind, day, &pattern);
	int64_t last;

	if (rc < 0)
		return NULL;
	if (rc == 0)
		return "";
	if ((last = store_number_last(c->db, kind, atoi(day))) < 0)
		return NULL;
	return numbering_format(c->a, pattern, numbering_abbr(c), atoi(day), last + 1);
}

struct pattern_save {
	struct ctx *c;
	const struct number_kind *k;
	struct number_pattern *p;
};

static int pattern_save_tx(struct store *s, void *arg)
{
	struct pattern_save *ps = arg;
	struct ctx *c = ps->c;
	int rc = store_number_pattern_put(s, ps->p, c->who.id);

	if (rc < 0)
		return rc;
	return audit_append(c, AEV_NUMBER_PATTERN_EDIT, arena_printf(c->a, "number_pattern/%s", ps->k->code), 1,
			    arena_printf(c->a, "%s 自%s起：%s（依据：%s）", ps->k->name, ps->p->effective_from,
					 ps->p->pattern, ps->p->source));
}

int numbering_pattern_save(struct ctx *c, const char *kind, struct number_pattern *p, struct fielderr *fe)
{
	struct pattern_save ps = { c, numbering_kind_find(c, kind), p };
	const char *why;
	int rc;

	if (!ps.k)
		return RES_NOT_FOUND;
	p->kind = ps.k->code;
	p->author = c->who.name;
	p->created_at = c->now;
	if ((why = numbering_pattern_refusal(c->a, p->pattern)))
		fielderr_add(fe, "pattern", why);
	if (!p->source || !*p->source)
		fielderr_add(fe, "source", "请填写规则的依据（文件名称或会议纪要）");
	else
		fielderr_len(c->a, fe, "source", "依据", p->source, 500);
	if (!p->effective_from || !*p->effective_from)
		fielderr_add(fe, "effective_from", "请填写生效日期");
	else if (date_parse(p->effective_from) == QF_DAY_NONE)
		fielderr_add(fe, "effective_from", fielderr_date_msg(p->effective_from, "生效日期格式应为 YYYY-MM-DD"));
	if (fe->n)
		return RES_INVALID;
	rc = store_tx(c->db, pattern_save_tx, &ps);
	if (rc == STORE_CONSTRAINT) {
		fielderr_add(fe, "effective_from", "该日期起已有一条规则：请另选生效日期");
		return RES_INVALID;
	}
	return rc < 0 ? RES_STORE : RES_DONE;
}

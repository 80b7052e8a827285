/*
 * document.c: documents (文书, issue 12; domain/document.h).  The kinds'
 * registry, their templates (checked with the platform's one template
 * checker, domain/tmpl.c, every placeholder a field of the kind), the
 * 机关代字, the rendering into the official layout (office/docx.h) and the
 * issued documents kept with their bytes.
 *
 * A document is numbered, rendered, sealed (doc_seal.c: encrypted at rest,
 * bound to its row) and kept in one transaction: its 文号
 * drawn from the platform's one counter (domain/numbering.h, kind
 * doc_<code>) or, for the filing decision, its subject's 立案编号; a
 * failure anywhere rolls the counter back (no gap), and the counter row
 * is advanced by one statement under its lock (no duplicate, on both
 * backends; store/q_numbers.c).
 */
#include "domain/document.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/strbuf.h"
#include "domain/audit.h"
#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "domain/result.h"
#include "office/docx.h"
#include "domain/numbering.h"
#include "store/q_documents.h"
#include "store/q_numbers.h"
#include "store/q_settings.h"
#include "store/store.h"

QF_AUDIT_EVENT(DOCUMENT_ISSUE, "document_issue", "生成文书");
QF_AUDIT_EVENT(DOCUMENT_DOWNLOAD, "document_download", "下载文书");
QF_AUDIT_EVENT(DOC_TEMPLATE_EDIT, "doc_template_edit", "修改文书模板");
QF_AUDIT_EVENT(DOC_NUMBER_RULE_EDIT, "doc_number_rule_edit", "修改发文字号规则");
QF_AUDIT_OBJECT(document, "文书");
QF_AUDIT_OBJECT(doc_template, "文书模板");
QF_AUDIT_OBJECT(doc_number_rule, "发文字号规则");

const char *const doc_common_fields[] = { "文号", "机关", "机关代字", "成文日期", "年", NULL };

/* The directives a document template may use (domain/tmpl.h). */
static const char *const directives[] = { "文号", "标志", "主送", "落款", "表", "空行", "分页", "抄送", NULL };

void doc_set(struct doc_values *v, const char *name, const char *value)
{
	for (int i = 0; i < v->n; i++)
		if (!strcmp(v->name[i], name)) {
			v->value[i] = value ? value : "";
			return;
		}
	if (v->n == v->cap) {
		int cap = v->cap * 2 + 16;
		const char **nn = arena_alloc(v->a, sizeof(*nn) * (size_t)cap);
		const char **nv = arena_alloc(v->a, sizeof(*nv) * (size_t)cap);

		if (v->n) {
			memcpy(nn, v->name, sizeof(*nn) * (size_t)v->n);
			memcpy(nv, v->value, sizeof(*nv) * (size_t)v->n);
		}
		v->name = nn, v->value = nv, v->cap = cap;
	}
	v->name[v->n] = name;
	v->value[v->n++] = value ? value : "";
}

void doc_option_add(struct ctx *c, struct doc_options *o, const char *kind, int64_t id, int64_t subject,
		    const char *label)
{
	const struct doc_kind *k = doc_kind_find(kind);
	struct doc_option *x;

	if (!k || !perm_has(c->who.perms, k->perm))
		return;
	x = arena_push(c->a, &o->v, &o->cap, o->n++, sizeof(*x));
	*x = (struct doc_option){ kind, id, subject, label ? arena_printf(c->a, "%s（%s）", k->name, label) : k->name };
}

const char *doc_cn_date(struct arena *a, const char *iso)
{
	qf_day d = iso && *iso ? date_parse(iso) : QF_DAY_NONE;
	int y, m, dd;

	if (d == QF_DAY_NONE)
		return "";
	date_to_ymd(d, &y, &m, &dd);
	return arena_printf(a, "%d年%d月%d日", y, m, dd);
}

const struct doc_kind *doc_kind_find(const char *code)
{
	QF_FOREACH(doc_kinds, const struct doc_kind, k)
		if (code && !strcmp((*k)->code, code))
			return *k;
	return NULL;
}

static int by_order(const void *x, const void *y)
{
	const struct doc_kind *a = *(const struct doc_kind *const *)x, *b = *(const struct doc_kind *const *)y;

	return a->order - b->order;
}

const struct doc_kind *const *doc_kinds_sorted(struct arena *a, int *n)
{
	return QF_SORTED(a, doc_kinds, by_order, n);
}

/* ---- templates ---------------------------------------------------------------- */

static int has_field(const char *const *list, const char *name)
{
	for (; list && *list; list++)
		if (!strcmp(*list, name))
			return 1;
	return 0;
}

static int field_cb(void *arg, struct arena *a, const char *src, const char *inner, int line,
		    struct tmpl_error *e)
{
	const struct doc_kind *k = arg;
	struct strbuf sb = STRBUF_INIT;

	if (has_field(k->fields, inner) || has_field(doc_common_fields, inner))
		return 0;
	for (const char *const *f = k->fields; *f; f++)
		strbuf_addf(&sb, "%s%s", f == k->fields ? "" : "、", *f);
	for (const char *const *f = doc_common_fields; *f; f++)
		strbuf_addf(&sb, "、%s", *f);
	tmpl_fail(e, a, line, src, "unknown_field",
		  arena_printf(a, "%s没有名为“%s”的字段（可用：%s）", k->name, inner, sb.buf ? sb.buf : ""));
	strbuf_release(&sb);
	return -1;
}

int doc_template_check(struct arena *a, const struct doc_kind *k, const char *body, struct tmpl_block **bl,
		       int *nbl, struct tmpl_error *e)
{
	struct tmpl_ops ops = { .document = 1, .directives = directives, .placeholder = field_cb,
				.arg = (void *)k };

	return tmpl_parse(a, body, &ops, bl, nbl, e) == 0;
}

int doc_template_latest(struct ctx *c, const char *kind, struct doc_template *t)
{
	return res_from_store(store_doc_template(c->db, c->a, kind, 0, t));
}

struct tmpl_save {
	struct ctx *c;
	const struct doc_kind *k;
	const char *body;
	int64_t version;
};

static int tmpl_save_tx(struct store *s, void *arg)
{
	struct tmpl_save *ts = arg;
	struct ctx *c = ts->c;

	if ((ts->version = store_doc_template_put(s, ts->k->code, ts->body, c->who.id, c->who.name, c->now)) < 0)
		return -1;
	return audit_append(c, AEV_DOC_TEMPLATE_EDIT, arena_printf(c->a, "doc_template/%s", ts->k->code), 1,
			    arena_printf(c->a, "%s 第%" PRId64 "版，%zu字节", ts->k->name, ts->version,
					 strlen(ts->body)));
}

int doc_template_save(struct ctx *c, const struct doc_kind *k, const char *body, int64_t *version,
		      struct tmpl_error *e)
{
	struct tmpl_block *bl;
	int nbl;
	struct tmpl_save ts = { c, k, body, 0 };

	if (!doc_template_check(c->a, k, body, &bl, &nbl, e))
		return RES_INVALID;
	if (store_tx(c->db, tmpl_save_tx, &ts) < 0)
		return RES_STORE;
	*version = ts.version;
	return RES_DONE;
}

/* ---- the 机关代字 (numbering.h) ------------------------------------------------ */

struct rule_save {
	struct ctx *c;
	const char *abbr;
};

static int rule_save_tx(struct store *s, void *arg)
{
	struct rule_save *rs = arg;
	struct ctx *c = rs->c;

	if (store_setting_set(s, "doc_organ_abbr", rs->abbr) < 0)
		return -1;
	return audit_append(c, AEV_DOC_NUMBER_RULE_EDIT, "doc_number_rule/organ_abbr", 1,
			    arena_printf(c->a, "机关代字：%s", rs->abbr));
}

int doc_organ_abbr_save(struct ctx *c, const char *abbr, const char **why)
{
	struct rule_save rs = { c, abbr };

	if (!abbr || !*abbr || strlen(abbr) > 30 || strpbrk(abbr, "{}"))
		return *why = "请填写机关代字（不超过10个字）", RES_INVALID;
	return store_tx(c->db, rule_save_tx, &rs) < 0 ? RES_STORE : RES_DONE;
}

/* ---- rendering ---------------------------------------------------------------- */

static const char *value_of(void *arg, const char *src)
{
	const struct doc_values *v = arg;
	size_t len = strlen(src);

	for (int i = 0; i < v->n; i++)
		if (strlen(v->name[i]) + 4 == len && !strncmp(src + 2, v->name[i], len - 4))
			return v->value[i];
	return NULL;
}

static const char *fill(struct doc_values *v, const char *raw)
{
	return tmpl_fill(v->a, raw, value_of, v);
}

/* 2024年3月5日 or 2024-03-05 */
static qf_day day_of(const char *s)
{
	int y, m, d;

	if (sscanf(s, "%d年%d月%d日", &y, &m, &d) == 3)
		return date_from_ymd(y, m, d);
	return date_parse(s);
}

/* The table of rows bl[from..to): the first row the header. */
static void table(struct docx *x, struct doc_values *v, const char *title, const struct tmpl_block *bl, int n)
{
	int ncols = 0;
	struct office_col *cols;
	struct office_cell *cells;
	struct office_table t = { .title = title && *title ? title : NULL };

	for (int i = 0; i < n; i++)
		ncols = bl[i].ncells > ncols ? bl[i].ncells : ncols;
	cols = arena_zalloc(v->a, sizeof(*cols) * (size_t)ncols);
	cells = arena_zalloc(v->a, sizeof(*cells) * (size_t)(ncols * (n > 1 ? n - 1 : 1)));
	for (int j = 0; j < ncols; j++)
		cols[j].head = j < bl[0].ncells ? fill(v, bl[0].cells[j]) : "";
	for (int i = 1; i < n; i++)
		for (int j = 0; j < ncols; j++)
			cells[(i - 1) * ncols + j] = office_text(j < bl[i].ncells ? fill(v, bl[i].cells[j]) : "");
	t.ncols = (size_t)ncols;
	t.nrows = (size_t)(n - 1);
	t.cols = cols;
	t.cells = cells;
	docx_table(x, &t);
}

static int render(struct strbuf *out, struct doc_values *v, const struct tmpl_block *bl, int n,
		  const char **why)
{
	struct docx *x = docx_new();
	const char *table_title = NULL;
	int rc = 0;

	if (!x)
		return *why = "out of memory", -1;
	for (int i = 0; i < n; i++) {
		const struct tmpl_block *b = &bl[i];
		const char *t = fill(v, b->text);

		if (b->kind == TMPL_TITLE)
			docx_title(x, t);
		else if (b->kind == TMPL_HEADING && !*t)
			docx_heading(x, b->level, fill(v, b->heading));
		else if (b->kind == TMPL_HEADING)
			docx_heading_para(x, b->level, fill(v, b->heading), t);
		else if (b->kind == TMPL_PARA)
			docx_para(x, t);
		else if (b->kind == TMPL_ROW) {
			int j = i;

			while (j < n && bl[j].kind == TMPL_ROW)
				j++;
			table(x, v, table_title, bl + i, j - i);
			table_title = NULL;
			i = j - 1;
		} else if (!strcmp(b->heading, "文号"))
			docx_number(x, t);
		else if (!strcmp(b->heading, "标志"))
			docx_header(x, t);
		else if (!strcmp(b->heading, "主送"))
			docx_addressee(x, t);
		else if (!strcmp(b->heading, "表"))
			table_title = t;
		else if (!strcmp(b->heading, "空行"))
			docx_blank(x);
		else if (!strcmp(b->heading, "分页"))
			docx_page_break(x);
		else if (!strcmp(b->heading, "落款") || !strcmp(b->heading, "抄送")) {
			const char *sep = strstr(t, "||");
			const char *organ = sep ? arena_strndup(v->a, t, (size_t)(sep - t)) : t;
			const char *day = sep ? sep + 2 : value_of(v, "{{成文日期}}");

			organ = tmpl_trim(v->a, organ, strlen(organ));
			day = tmpl_trim(v->a, day, strlen(day));
			if (!strcmp(b->heading, "落款"))
				docx_signature(x, *organ ? organ : NULL, day_of(day));
			else
				docx_record(x, *organ ? organ : NULL, value_of(v, "{{机关}}"),
					    day_of(value_of(v, "{{成文日期}}")));
		}
	}
	if (docx_to_buf(x, out) < 0) {
		*why = arena_strdup(v->a, docx_error(x));
		rc = -1;
	}
	docx_free(x);
	return rc;
}

int doc_record_exists(struct ctx *c, const struct doc_kind *k, int64_t id)
{
	int rc = store_doc_record_exists(c->db, k->table, id);

	return rc < 0 ? RES_STORE : rc;
}

/* ---- issuing ------------------------------------------------------------------ */

struct issue {
	struct ctx *c;
	const struct doc_kind *k;
	struct doc_values *v;
	const struct tmpl_block *bl;
	int nbl;
	const char *own;        /* the record's own number (k->own_number), or NULL */
	struct document d;
	const char *why;
};

static int issue_tx(struct store *s, void *arg)
{
	struct issue *is = arg;
	struct ctx *c = is->c;
	struct strbuf out = STRBUF_INIT;
	char hex[65];
	int64_t seq = 0;

	if (is->own) {
		is->d.number = is->own;
		if (store_document_fixed_seq(s, &seq) < 0)
			return STORE_ERR;
	} else
		is->d.number = numbering_next(c, s, arena_printf(c->a, "doc_%s", is->k->code), is->d.day, &seq);
	if (!is->d.number || !seq)
		return STORE_ERR;
	is->d.seq = seq;
	doc_set(is->v, "文号", is->d.number);
	if (render(&out, is->v, is->bl, is->nbl, &is->why) < 0) {
		strbuf_release(&out);
		return STORE_ERR;
	}
	sha256_hex(out.buf, out.len, hex);
	is->d.sha256 = arena_strdup(c->a, hex);
	is->d.size = (int64_t)out.len;
	{
		void *bytes = arena_alloc(c->a, out.len);      /* binary: NULs inside */

		memcpy(bytes, out.buf, out.len);
		is->d.content = bytes;
	}
	strbuf_release(&out);
	if (doc_seal(c, c->a, &is->d) < 0)
		return STORE_ERR;
	if ((is->d.id = store_document_insert(s, c->cfg->region, &is->d)) < 0)
		return (int)is->d.id;
	return audit_append(c, AEV_DOCUMENT_ISSUE, arena_printf(c->a, "document/%" PRId64, is->d.id), 1,
			    arena_printf(c->a, "%s %s（%s，模板第%" PRId64 "版）", is->k->name, is->d.number,
					 is->d.page, is->d.template_version));
}

int doc_issue(struct ctx *c, const struct doc_kind *k, int64_t id, int64_t subject, const char *day,
	      struct document *d, struct tmpl_error *e)
{
	struct doc_values v = { .a = c->a };
	struct doc_template t;
	struct tmpl_block *bl;
	struct issue is = { c, k, &v, NULL, 0, NULL, { 0 }, NULL };
	const char *pattern, *why = NULL;
	const char *page = NULL;
	char buf[16];
	qf_day dd = day && *day ? date_parse(day) : date_from_unix_cst(c->now);
	int rc, nbl, y, m, dday;

	*e = (struct tmpl_error){ 0, "", "", "" };
	if (!perm_has(c->who.perms, k->perm))
		return RES_NOT_FOUND;
	if ((rc = k->load(c, id, &v, &page)) != RES_DONE)
		return rc;
	if (dd == QF_DAY_NONE)
		return tmpl_fail(e, c->a, 0, NULL, "bad_day",
				 arena_printf(c->a, "成文日期“%s”：%s", day,
					      fielderr_date_msg(day, "格式应为 YYYY-MM-DD"))), RES_INVALID;
	date_to_ymd(dd, &y, &m, &dday);
	date_format(dd, buf);
	if ((rc = doc_template_latest(c, k->code, &t)) != RES_DONE)
		return rc == RES_NOT_FOUND ? (tmpl_fail(e, c->a, 0, NULL, "empty", "尚无该文书的模板"), RES_INVALID)
					   : rc;
	/* refused before rendering, and before a number is taken */
	if (!doc_template_check(c->a, k, t.body, &bl, &nbl, e))
		return RES_INVALID;
	if (k->own_number) {            /* the record's own number: nothing drawn */
		if ((rc = k->own_number(c, id, subject, &v, &is.own, &why)) != RES_DONE)
			return rc == RES_INVALID ? (tmpl_fail(e, c->a, 0, NULL, "subject", why), RES_INVALID) : rc;
	} else {
		rc = store_number_pattern(c->db, c->a, arena_printf(c->a, "doc_%s", k->code), buf, &pattern);
		if (rc < 0)
			return RES_STORE;
		if (rc == 0)
			return tmpl_fail(e, c->a, 0, NULL, "no_rule",
					 arena_printf(c->a, "%s在%s没有生效的编号规则", k->name, buf)), RES_INVALID;
	}
	doc_set(&v, "机关", c->cfg->commission);
	doc_set(&v, "机关代字", numbering_abbr(c));
	doc_set(&v, "成文日期", doc_cn_date(c->a, buf));
	doc_set(&v, "年", arena_printf(c->a, "%d", y));
	is.bl = bl;
	is.nbl = nbl;
	is.d = (struct document){ .kind = k->code, .record_id = id, .page = page, .year = y,
				  .day = arena_strdup(c->a, buf), .template_version = t.version,
				  .author_id = c->who.id, .author = c->who.name, .created_at = c->now };
	if (store_tx(c->db, issue_tx, &is) < 0) {
		if (is.why)
			return tmpl_fail(e, c->a, 0, NULL, "render",
					 arena_printf(c->a, "文书无法生成：%s", is.why)), RES_INVALID;
		return RES_STORE;
	}
	*d = is.d;
	return RES_DONE;
}

int doc_download(struct ctx *c, int64_t id, struct document *d)
{
	struct doc_values v = { .a = c->a };
	const struct doc_kind *k;
	const char *page;
	int rc = res_from_store(store_document_get(c->db, c->a, id, 1, d));

	if (rc != RES_DONE)
		return rc;
	if (!(k = doc_kind_find(d->kind)))
		return RES_STORE;
	if ((rc = k->load(c, d->record_id, &v, &page)) != RES_DONE)
		return rc;
	/* opened only for who may see the record; never served unopened */
	if (doc_unseal(c, d) < 0)
		return RES_STORE;
	if (audit_record(c, AEV_DOCUMENT_DOWNLOAD, arena_printf(c->a, "document/%" PRId64, id), 1,
			 arena_printf(c->a, "%s %s", k->name, d->number)) < 0)
		return RES_STORE;
	return RES_DONE;
}

int doc_list_of_page(struct ctx *c, const char *page, struct document **out)
{
	int n = store_documents_of_page(c->db, c->a, page, out);

	return n < 0 ? RES_STORE : n;
}

const char *doc_file_name(struct arena *a, const struct document *d)
{
	const struct doc_kind *k = doc_kind_find(d->kind);

	return arena_printf(a, "%s-%s.docx", k ? k->name : "文书", d->number);
}

/*
 * annual.c: the annual report from its editable template (issue 11).
 * Parses the template (the platform's template syntax, domain/tmpl.h;
 * the placeholders of figures in domain/annual.h and docs/statistics.md), checks every
 * placeholder against the metrics registry and the records, fills the
 * figures from metrics_compute_keys (per distinct scope and year, the keys
 * its placeholders name, each once),
 * renders text, HTML and DOCX, and keeps each rendering with the template
 * version and the figures it used, so a kept rendering is reproduced from
 * them and never recomputed.
 *
 * Errors name the line and the placeholder, first error only: a template
 * that does not check is never saved and never rendered.
 */
#include "domain/annual.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/escape.h"
#include "core/strbuf.h"
#include "domain/audit.h"
#include "domain/audit_events.h"
#include "domain/metrics.h"
#include "domain/result.h"
#include "office/docx.h"
#include "store/q_annual.h"
#include "store/q_inspections.h"
#include "store/q_metrics.h"
#include "store/store.h"

QF_AUDIT_EVENT(ANNUAL_TEMPLATE_EDIT, "annual_template_edit", "修改年度报告模板");
QF_AUDIT_EVENT(ANNUAL_RENDER, "annual_render", "生成年度报告");
QF_AUDIT_OBJECT(annual_template, "年度报告模板");
QF_AUDIT_OBJECT(annual_rendering, "年度报告");

static int positive_id(const char *s, int64_t *v)
{
	char *end;
	long long n;

	if (!*s || *s < '1' || *s > '9')
		return 0;
	n = strtoll(s, &end, 10);
	if (*end || n <= 0)
		return 0;
	*v = n;
	return 1;
}

/* One scope member "name" or "name=value" into ph; the METRIC_SCOPE_* bit
 * it needs in *bit (0: prev).  0, or -1 with the Chinese reason in *why. */
static int member(struct arena *a, char *m, struct annual_ph *ph, unsigned *bit, const char **why)
{
	char *eq = strchr(m, '='), *v = NULL;

	if (eq) {
		*eq = 0;
		m = tmpl_trim(a, m, strlen(m));
		v = tmpl_trim(a, eq + 1, strlen(eq + 1));
		if (!*v)
			return *why = arena_printf(a, "范围“%s”缺少取值", m), -1;
	}
	*bit = METRIC_SCOPE_SUBJECT;
	if (!v && !strcmp(m, "key_persons"))
		ph->scope.key_persons = 1;
	else if (!v && !strcmp(m, "top_leader"))
		ph->scope.top_leader = 1;
	else if (!v && !strcmp(m, "leadership"))
		ph->scope.leadership = 1;
	else if (!v && !strcmp(m, "prev"))
		ph->prev = 1, *bit = 0;
	else if (v && !strcmp(m, "rank"))
		ph->scope.rank = v;
	else if (v && !strcmp(m, "category"))
		ph->scope.category = v, *bit = METRIC_SCOPE_CATEGORY;
	else if (v && !strcmp(m, "source"))
		ph->scope.source = v, *bit = METRIC_SCOPE_SOURCE;
	else if (v && !strcmp(m, "organ"))
		ph->scope.organ_kind = v, *bit = METRIC_SCOPE_ORGAN;
	else if (v && !strcmp(m, "kind"))
		ph->scope.activity_kind = v, *bit = METRIC_SCOPE_KIND;
	else if (v && !strcmp(m, "campaign"))
		ph->campaign = v, *bit = METRIC_SCOPE_CAMPAIGN;
	else if (v && !strcmp(m, "round")) {
		if (!positive_id(v, &ph->round))
			return *why = arena_printf(a, "round= 应为巡察轮次在报告年度内的序号（正整数），而不是“%s”", v), -1;
		*bit = METRIC_SCOPE_ROUND;
	} else if (v && !strcmp(m, "unit")) {
		if (!positive_id(v, &ph->scope.unit_id))
			return *why = arena_printf(a, "unit= 应为单位编号（正整数），而不是“%s”", v), -1;
		*bit = METRIC_SCOPE_UNIT;
	} else
		return *why = arena_printf(a, "未知的范围“%s%s%s”（可用：key_persons、top_leader、leadership、"
					   "prev、rank=、category=、source=、organ=、kind=、unit=、campaign=、round=）",
					   m, v ? "=" : "", v ? v : ""), -1;
	return 0;
}

/* The inside of "{{...}}" into ph; 0 or -1 with *e. */
static int placeholder(struct arena *a, const char *src, const char *in, size_t len, int line,
		       struct annual_ph *ph, struct tmpl_error *e)
{
	char *body = tmpl_trim(a, in, len), *bar = strchr(body, '|');
	const struct metric_def *d;
	const char *why;

	*ph = (struct annual_ph){ .src = src, .line = line };
	if (bar)
		*bar = 0;
	ph->key = tmpl_trim(a, body, strlen(body));
	if (!*ph->key)
		return tmpl_fail(e, a, line, src, "unknown_key", "占位符缺少指标名");
	if (!strcmp(ph->key, "year") || !strcmp(ph->key, "prev_year")) {
		if (bar)
			return tmpl_fail(e, a, line, src, "bad_scope", "年份占位符不带范围");
		return 0;
	}
	if (!(d = metric_find(ph->key)))
		return tmpl_fail(e, a, line, src, "unknown_key",
			    arena_printf(a, "没有名为“%s”的统计指标（见占位符一览）", ph->key));
	for (char *m = bar ? bar + 1 : NULL; m;) {
		char *next = strchr(m, ',');
		unsigned bit;

		if (next)
			*next++ = 0;
		m = tmpl_trim(a, m, strlen(m));
		if (!*m)
			return tmpl_fail(e, a, line, src, "bad_scope", "范围为空（“|”或“,”后缺少范围）");
		if (member(a, m, ph, &bit, &why) < 0)
			return tmpl_fail(e, a, line, src, "bad_scope", why);
		if (bit && !(d->scopes & bit))
			return tmpl_fail(e, a, line, src, "scope_not_honoured",
				    arena_printf(a, "指标“%s”（%s）不能按范围“%s”统计", d->key, d->zh, m));
		m = next;
	}
	return 0;
}

/* tmpl_parse's callback: one distinct placeholder of the annual report. */
static int annual_ph_cb(void *arg, struct arena *a, const char *src, const char *inner, int line,
			struct tmpl_error *e)
{
	struct annual_doc *d = arg;

	if (d->nphs == d->phcap) {
		struct annual_ph *n = arena_alloc(a, sizeof(*n) * (size_t)(d->phcap * 2 + 16));
		if (d->nphs)
			memcpy(n, d->phs, sizeof(*n) * (size_t)d->nphs);
		d->phs = n;
		d->phcap = d->phcap * 2 + 16;
	}
	if (placeholder(a, src, inner, strlen(inner), line, &d->phs[d->nphs], e) < 0)
		return -1;
	d->nphs++;
	return 0;
}

int annual_parse(struct arena *a, const char *tmpl, struct annual_doc *d, struct tmpl_error *e)
{
	struct tmpl_ops ops = { .placeholder = annual_ph_cb, .arg = d };

	*d = (struct annual_doc){ 0 };
	return tmpl_parse(a, tmpl, &ops, &d->blocks, &d->nblocks, e);
}

int annual_check(struct store *db, struct arena *a, const char *tmpl, struct annual_doc *d,
		 struct tmpl_error *e)
{
	if (annual_parse(a, tmpl, d, e) < 0)
		return 0;
	for (int i = 0; i < d->nphs; i++) {
		struct annual_ph *ph = &d->phs[i];
		const char *why;
		int rc;

		if (ph->campaign && !positive_id(ph->campaign, &ph->scope.campaign_id)) {
			rc = store_campaign_by_name(db, ph->campaign, &ph->scope.campaign_id);
			if (rc < 0)
				return rc;
			if (rc == 0)
				return tmpl_fail(e, a, ph->line, ph->src, "unknown_campaign",
					    arena_printf(a, "没有名为“%s”的专项工作", ph->campaign)), 0;
		}
		rc = metric_scope_valid(db, a, &ph->scope, &why);
		if (rc < 0)
			return rc;
		if (rc == 0)
			return tmpl_fail(e, a, ph->line, ph->src, "scope_invalid", why), 0;
	}
	return 1;
}

/* One computed set of figures per distinct scope and period: the keys
 * the template asks of it, each computed once. */
struct scope_cache {
	struct metric_scope s;
	int prev;
	const char **keys;
	int nkeys;
	struct metric_value *v;
	int n;
};

static int same_str(const char *x, const char *y)
{
	return !strcmp(x ? x : "", y ? y : "");
}

static int same_scope(const struct metric_scope *x, const struct metric_scope *y)
{
	return x->unit_id == y->unit_id && x->campaign_id == y->campaign_id && same_str(x->category, y->category) &&
	       same_str(x->source, y->source) && same_str(x->organ_kind, y->organ_kind) &&
	       same_str(x->activity_kind, y->activity_kind) &&
	       same_str(x->rank, y->rank) && x->top_leader == y->top_leader && x->leadership == y->leadership &&
	       x->key_persons == y->key_persons && x->scope_user == y->scope_user && x->round_id == y->round_id;
}

static int is_year(const struct annual_ph *ph)
{
	return !strcmp(ph->key, "year") || !strcmp(ph->key, "prev_year");
}

/* The scope and period of each placeholder of d (NULL for the year's),
 * into at most d->nphs caches, each with the keys asked of it. */
static struct scope_cache **group_scopes(struct arena *a, const struct annual_doc *d, int64_t scope_user,
					 const int64_t *round_ids, struct scope_cache *c, int *nc)
{
	struct scope_cache **of = arena_zalloc(a, sizeof(*of) * (size_t)(d->nphs + 1));

	*nc = 0;
	for (int i = 0; i < d->nphs; i++) {
		const struct annual_ph *ph = &d->phs[i];
		struct metric_scope s = ph->scope;
		struct scope_cache *k = NULL;
		int have = 0;

		if (is_year(ph))
			continue;
		s.scope_user = scope_user;
		s.round_id = round_ids[i];
		for (int j = 0; j < *nc && !k; j++)
			if (c[j].prev == ph->prev && same_scope(&c[j].s, &s))
				k = &c[j];
		if (!k) {
			k = &c[(*nc)++];
			*k = (struct scope_cache){ .s = s, .prev = ph->prev,
						   .keys = arena_alloc(a, sizeof(char *) * (size_t)d->nphs) };
		}
		for (int j = 0; j < k->nkeys && !have; j++)
			have = !strcmp(k->keys[j], ph->key);
		if (!have)
			k->keys[k->nkeys++] = ph->key;
		of[i] = k;
	}
	return of;
}

int annual_figures(struct store *db, struct arena *a, const struct annual_doc *d, int year,
		   int64_t scope_user, struct annual_fig **out, struct tmpl_error *e)
{
	struct annual_fig *f = arena_alloc(a, sizeof(*f) * (size_t)(d->nphs + 1));
	struct scope_cache *c = arena_alloc(a, sizeof(*c) * (size_t)(d->nphs + 1));
	int64_t *round_ids = arena_zalloc(a, sizeof(*round_ids) * (size_t)(d->nphs + 1));
	struct scope_cache **of;
	int nc;

	/* round=N: the round numbered N in the placeholder's year.  A year
	 * without such a round counts nothing (-1 matches no round): the
	 * shipped template names rounds 1 and 2 and renders for any year
	 * (docs/statistics.md "The annual report template"). */
	for (int i = 0; i < d->nphs; i++) {
		const struct annual_ph *ph = &d->phs[i];

		if (!ph->round)
			continue;
		round_ids[i] = store_round_find(db, ph->prev ? year - 1 : year, (int)ph->round);
		if (round_ids[i] < 0)
			return RES_STORE;
		if (round_ids[i] == 0)
			round_ids[i] = -1;
	}
	of = group_scopes(a, d, scope_user, round_ids, c, &nc);
	/* one batch around every scope: the work log's and the problems'
	 * figures of a year are read once, in groups (store/q_mgroups.h) */
	store_metric_batch(1);
	for (int j = 0; j < nc; j++) {
		struct metric_period p = metric_year(a, c[j].prev ? year - 1 : year);

		if (metrics_compute_keys(db, a, &p, &c[j].s, (const char *const *)c[j].keys, c[j].nkeys,
					 &c[j].v, &c[j].n) != RES_DONE) {
			store_metric_batch(0);
			return RES_STORE;
		}
	}
	store_metric_batch(0);
	for (int i = 0; i < d->nphs; i++) {
		const struct annual_ph *ph = &d->phs[i];
		const struct scope_cache *k = of[i];

		f[i] = (struct annual_fig){ .src = ph->src, .key = ph->key };
		if (is_year(ph)) {
			f[i].value = ph->key[0] == 'y' ? year : year - 1;
			f[i].display = arena_printf(a, "%" PRId64, f[i].value);
			continue;
		}
		for (int j = 0; j < k->n; j++)
			if (!strcmp(k->v[j].key, ph->key)) {
				if (!k->v[j].applicable)
					return tmpl_fail(e, a, ph->line, ph->src, "scope_not_honoured",
						    "该指标不能按此范围统计"), RES_INVALID;
				f[i].value = k->v[j].value;
				f[i].den = k->v[j].kind == METRIC_RATE ? k->v[j].den : 0;
				f[i].display = k->v[j].display;
			}
		if (!f[i].display)
			return tmpl_fail(e, a, ph->line, ph->src, "unknown_key", "没有该统计指标"), RES_INVALID;
	}
	*out = f;
	return RES_DONE;
}

const char *annual_ph_meaning(struct arena *a, const struct annual_ph *ph)
{
	const struct metric_def *d = metric_find(ph->key);
	const struct metric_scope *s = &ph->scope;
	const char *m = "";

	if (!d)
		return !strcmp(ph->key, "year") ? "报告年度" : "报告年度的上一年";
	if (s->key_persons)
		m = arena_printf(a, "%s；一把手和领导班子及科级干部", m);
	if (s->top_leader)
		m = arena_printf(a, "%s；一把手", m);
	if (s->leadership)
		m = arena_printf(a, "%s；领导班子成员", m);
	if (s->rank)
		m = arena_printf(a, "%s；职级 %s", m, s->rank);
	if (s->category)
		m = arena_printf(a, "%s；违纪违法类别 %s", m, s->category);
	if (s->source)
		m = arena_printf(a, "%s；线索来源 %s", m, s->source);
	if (s->organ_kind)
		m = arena_printf(a, "%s；承办机关 %s", m, s->organ_kind);
	if (s->activity_kind)
		m = arena_printf(a, "%s；工作台账类别 %s", m, s->activity_kind);
	if (s->unit_id)
		m = arena_printf(a, "%s；单位 %" PRId64 " 及下属单位", m, s->unit_id);
	if (ph->campaign)
		m = arena_printf(a, "%s；专项工作 %s", m, ph->campaign);
	if (ph->round)
		m = arena_printf(a, "%s；第%" PRId64 "轮巡察", m, ph->round);
	if (ph->prev)
		m = arena_printf(a, "%s；上一年", m);
	return *m ? arena_printf(a, "%s（%s）", d->zh, m + strlen("；")) : d->zh;
}

struct figs {
	const struct annual_fig *f;
	int n;
};

static const char *fig_value(void *arg, const char *src)
{
	const struct figs *fs = arg;

	for (int i = 0; i < fs->n; i++)
		if (!strcmp(fs->f[i].src, src))
			return fs->f[i].display;
	return NULL;    /* a kept rendering always has them all */
}

const char *annual_fill(struct arena *a, const char *raw, const struct annual_fig *figs, int n)
{
	struct figs fs = { figs, n };

	return tmpl_fill(a, raw, fig_value, &fs);
}

const char *annual_heading_number(struct arena *a, int level, int n)
{
	return tmpl_heading_number(a, level, n);
}

/* Walks the blocks with their heading numbers filled in. */
struct walk {
	int count[5];
};

static const char *number_of(struct arena *a, struct walk *w, const struct tmpl_block *b)
{
	w->count[b->level]++;
	for (int l = b->level + 1; l < 5; l++)
		w->count[l] = 0;
	return annual_heading_number(a, b->level, w->count[b->level]);
}

int annual_render_text(struct strbuf *out, struct arena *a, const struct annual_doc *d,
		       const struct annual_fig *figs, int n)
{
	struct walk w = { 0 };

	for (int i = 0; i < d->nblocks; i++) {
		const struct tmpl_block *b = &d->blocks[i];
		const char *t = annual_fill(a, b->text, figs, n);

		if (b->kind == TMPL_TITLE)
			strbuf_addf(out, "%s\n\n", t);
		else if (b->kind == TMPL_HEADING)
			strbuf_addf(out, "%s%s%s\n", number_of(a, &w, b), annual_fill(a, b->heading, figs, n), t);
		else
			strbuf_addf(out, "　　%s\n", t);
	}
	return out->len ? 0 : -1;
}

int annual_render_html(struct strbuf *out, struct arena *a, const struct annual_doc *d,
		       const struct annual_fig *figs, int n)
{
	struct walk w = { 0 };
	const char *title = "年度工作报告";
	int rc = 0;

	for (int i = 0; i < d->nblocks; i++)
		if (d->blocks[i].kind == TMPL_TITLE) {
			title = annual_fill(a, d->blocks[i].text, figs, n);
			break;
		}
	strbuf_addstr(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>");
	rc |= html_txt(out, title);
	strbuf_addstr(out, "</title><style>"
		      "body{max-width:42em;margin:2em auto;font-family:FangSong,\"仿宋_GB2312\",\"仿宋\",serif;"
		      "font-size:16pt;line-height:1.75}"
		      "h1{font-family:\"方正小标宋简体\",\"SimSun\",serif;font-size:22pt;text-align:center;font-weight:normal}"
		      "h2{font-family:SimHei,\"黑体\",sans-serif;font-size:16pt;font-weight:normal;margin:0;text-indent:2em}"
		      "p{margin:0;text-indent:2em;text-align:justify}.h{font-family:KaiTi,\"楷体\",serif}"
		      "@page{size:A4;margin:37mm 26mm 35mm 28mm}"
		      "</style></head><body>\n");
	for (int i = 0; i < d->nblocks; i++) {
		const struct tmpl_block *b = &d->blocks[i];
		const char *t = annual_fill(a, b->text, figs, n);

		if (b->kind == TMPL_TITLE) {
			strbuf_addstr(out, "<h1>");
			rc |= html_txt(out, t);
			strbuf_addstr(out, "</h1>\n");
		} else if (b->kind == TMPL_HEADING && b->level == 1 && !*t) {
			strbuf_addstr(out, "<h2>");
			rc |= html_txt(out, number_of(a, &w, b));
			rc |= html_txt(out, annual_fill(a, b->heading, figs, n));
			strbuf_addstr(out, "</h2>\n");
		} else if (b->kind == TMPL_HEADING) {
			strbuf_addstr(out, b->level == 1 ? "<p><span class=\"h\" style=\"font-family:SimHei\">"
							 : "<p><span class=\"h\">");
			rc |= html_txt(out, number_of(a, &w, b));
			rc |= html_txt(out, annual_fill(a, b->heading, figs, n));
			strbuf_addstr(out, "</span>");
			rc |= html_txt(out, t);
			strbuf_addstr(out, "</p>\n");
		} else {
			strbuf_addstr(out, "<p>");
			rc |= html_txt(out, t);
			strbuf_addstr(out, "</p>\n");
		}
	}
	strbuf_addstr(out, "</body></html>\n");
	return rc < 0 ? -1 : 0;
}

void annual_docx_blocks(struct docx *x, struct arena *a, const struct annual_doc *d,
			const struct annual_fig *figs, int n)
{
	for (int i = 0; i < d->nblocks; i++) {
		const struct tmpl_block *b = &d->blocks[i];
		const char *t = annual_fill(a, b->text, figs, n);

		if (b->kind == TMPL_TITLE)
			docx_title(x, t);
		else if (b->kind == TMPL_HEADING && !*t)
			docx_heading(x, b->level, annual_fill(a, b->heading, figs, n));
		else if (b->kind == TMPL_HEADING)
			docx_heading_para(x, b->level, annual_fill(a, b->heading, figs, n), t);
		else
			docx_para(x, t);
	}
}

int annual_render_docx(struct strbuf *out, struct arena *a, const struct annual_doc *d,
		       const struct annual_fig *figs, int n, const char **why)
{
	struct docx *x = docx_new();
	int rc = 0;

	if (!x)
		return *why = "out of memory", -1;
	annual_docx_blocks(x, a, d, figs, n);
	if (docx_to_buf(x, out) < 0) {
		*why = arena_strdup(a, docx_error(x));
		rc = -1;
	}
	docx_free(x);
	return rc;
}

/* ---- versions and renderings ---- */

int annual_latest(struct ctx *c, struct annual_version *v)
{
	return annual_version_get(c, 0, v);
}

int annual_version_get(struct ctx *c, int64_t version, struct annual_version *v)
{
	return res_from_store(store_annual_version(c->db, c->a, version, v));
}

struct save_arg {
	struct ctx *c;
	const char *body;
	int64_t version;
};

static int save_tx(struct store *s, void *arg)
{
	struct save_arg *sa = arg;

	if ((sa->version = store_annual_put(s, sa->body, sa->c->who.id, sa->c->who.name, sa->c->now)) < 0)
		return -1;
	return audit_append(sa->c, AEV_ANNUAL_TEMPLATE_EDIT,
			    arena_printf(sa->c->a, "annual_template/%" PRId64, sa->version), 1,
			    arena_printf(sa->c->a, "第%" PRId64 "版，%zu字节", sa->version, strlen(sa->body)));
}

int annual_save(struct ctx *c, const char *body, int64_t *version, struct tmpl_error *e)
{
	struct annual_doc d;
	struct save_arg sa = { c, body, 0 };
	int rc = annual_check(c->db, c->a, body, &d, e);

	if (rc < 0)
		return RES_STORE;
	if (rc == 0)
		return RES_INVALID;
	if (store_tx(c->db, save_tx, &sa) < 0)
		return RES_STORE;
	*version = sa.version;
	return RES_DONE;
}

static const char *figures_json(struct arena *a, const struct annual_fig *f, int n)
{
	json_t *arr = json_array();
	char *s;
	const char *r;

	for (int i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s, s:I, s:I, s:s}", "src", f[i].src, "key", f[i].key,
						     "value", (json_int_t)f[i].value, "den", (json_int_t)f[i].den,
						     "display", f[i].display));
	s = json_dumps(arr, JSON_COMPACT);
	json_decref(arr);
	r = arena_strdup(a, s);
	free(s);
	return r;
}

/* The figures of a kept rendering; their number, or -1. */
static int figures_of(struct arena *a, const char *js, struct annual_fig **out)
{
	json_t *arr = json_loads(js, 0, NULL);
	size_t n = json_is_array(arr) ? json_array_size(arr) : 0;
	struct annual_fig *f = arena_alloc(a, sizeof(*f) * (n + 1));

	if (!json_is_array(arr))
		return json_decref(arr), -1;
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_array_get(arr, i);

		f[i] = (struct annual_fig){
			arena_strdup(a, json_string_value(json_object_get(o, "src"))),
			arena_strdup(a, json_string_value(json_object_get(o, "key"))),
			json_integer_value(json_object_get(o, "value")),
			json_integer_value(json_object_get(o, "den")),
			arena_strdup(a, json_string_value(json_object_get(o, "display"))) };
		if (!f[i].src || !f[i].display)
			return json_decref(arr), -1;
	}
	json_decref(arr);
	*out = f;
	return (int)n;
}

static int render_as(struct arena *a, const char *format, const struct annual_doc *d,
		     const struct annual_fig *f, int n, struct strbuf *out)
{
	const char *why;

	if (!strcmp(format, "html"))
		return annual_render_html(out, a, d, f, n);
	if (!strcmp(format, "docx"))
		return annual_render_docx(out, a, d, f, n, &why);
	return annual_render_text(out, a, d, f, n);
}

struct keep_arg {
	struct ctx *c;
	struct annual_rendering r;
};

static int keep_tx(struct store *s, void *arg)
{
	struct keep_arg *k = arg;

	if ((k->r.id = store_annual_rendering_put(s, &k->r, k->c->who.id)) < 0)
		return -1;
	return audit_append(k->c, AEV_ANNUAL_RENDER, arena_printf(k->c->a, "annual_rendering/%" PRId64, k->r.id), 1,
			    arena_printf(k->c->a, "%d年，模板第%" PRId64 "版，%s", k->r.year,
					 k->r.template_version, k->r.format));
}

/* annual_render and annual_render_into: the latest template for year,
 * written to out in format or, with x, as blocks into x (docx), then kept. */
static int render_kept(struct ctx *c, int year, const char *format, struct strbuf *out, struct docx *x,
		       int64_t *id, struct tmpl_error *e)
{
	struct annual_version v;
	struct annual_doc d;
	struct annual_fig *f;
	struct keep_arg k = { c, { 0 } };
	int rc = annual_latest(c, &v);

	if (rc != RES_DONE)
		return rc == RES_NOT_FOUND ? (tmpl_fail(e, c->a, 0, NULL, "empty", "尚无年度报告模板"), RES_INVALID) : rc;
	rc = annual_check(c->db, c->a, v.body, &d, e);
	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_INVALID;
	rc = annual_figures(c->db, c->a, &d, year, c->who.scoped ? c->who.id : 0, &f, e);
	if (rc != RES_DONE)
		return rc;
	if (x)
		annual_docx_blocks(x, c->a, &d, f, d.nphs);
	else if (render_as(c->a, format, &d, f, d.nphs, out) < 0)
		return RES_STORE;
	k.r = (struct annual_rendering){ 0, v.version, year, format, figures_json(c->a, f, d.nphs),
					 c->who.name, c->now };
	if (store_tx(c->db, keep_tx, &k) < 0)
		return RES_STORE;
	*id = k.r.id;
	return RES_DONE;
}

int annual_render(struct ctx *c, int year, const char *format, struct strbuf *out, int64_t *id,
		  struct tmpl_error *e)
{
	return render_kept(c, year, format, out, NULL, id, e);
}

int annual_render_into(struct ctx *c, int year, struct docx *x, int64_t *id, struct tmpl_error *e)
{
	return render_kept(c, year, "docx", NULL, x, id, e);
}

int annual_reproduce(struct ctx *c, int64_t id, const char *format, struct strbuf *out,
		     struct annual_rendering *r)
{
	struct annual_version v;
	struct annual_doc d;
	struct tmpl_error e;
	struct annual_fig *f;
	int rc = res_from_store(store_annual_rendering(c->db, c->a, id, r)), n;

	if (rc != RES_DONE)
		return rc;
	if ((rc = annual_version_get(c, r->template_version, &v)) != RES_DONE)
		return rc == RES_NOT_FOUND ? RES_STORE : rc;
	/* a saved version parsed when it was saved: only the syntax is needed */
	if (annual_parse(c->a, v.body, &d, &e) < 0 || (n = figures_of(c->a, r->figures, &f)) < 0)
		return RES_STORE;
	return render_as(c->a, format ? format : r->format, &d, f, n, out) < 0 ? RES_STORE : RES_DONE;
}

int annual_corrections(struct ctx *c, int64_t id, struct annual_rendering *r,
		       struct annual_correction **out, int *n, struct tmpl_error *e)
{
	struct annual_version v;
	struct annual_doc d;
	struct annual_fig *was, *now;
	int rc = res_from_store(store_annual_rendering(c->db, c->a, id, r)), nwas, k = 0;

	*n = 0;
	if (rc != RES_DONE)
		return rc;
	if ((rc = annual_version_get(c, r->template_version, &v)) != RES_DONE)
		return rc == RES_NOT_FOUND ? RES_STORE : rc;
	rc = annual_check(c->db, c->a, v.body, &d, e);
	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_INVALID;
	if ((nwas = figures_of(c->a, r->figures, &was)) < 0)
		return RES_STORE;
	rc = annual_figures(c->db, c->a, &d, r->year, c->who.scoped ? c->who.id : 0, &now, e);
	if (rc != RES_DONE)
		return rc;
	*out = arena_alloc(c->a, sizeof(**out) * (size_t)(d.nphs + 1));
	for (int i = 0; i < d.nphs; i++) {
		const struct annual_fig *w = NULL;

		for (int j = 0; j < nwas && !w; j++)
			if (!strcmp(was[j].src, now[i].src))
				w = &was[j];
		if (w && w->value == now[i].value && w->den == now[i].den)
			continue;
		(*out)[k++] = (struct annual_correction){ now[i].src, annual_ph_meaning(c->a, &d.phs[i]),
							  w ? w->display : "—", now[i].display };
	}
	*n = k;
	return RES_DONE;
}

int annual_renderings(struct ctx *c, int limit, struct annual_rendering **out)
{
	int n = store_annual_renderings(c->db, c->a, limit, out);

	return n < 0 ? RES_STORE : n;
}

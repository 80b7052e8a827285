/*
 * metrics.c: the statistics of DOMAIN.md section 6 for a period and a
 * scope (issue 11).  The keys are registered by the files of the families
 * that own their records (QF_METRIC in clue.c, case.c, detention.c,
 * outcome.c, execution.c, accountability.c); this file walks them in
 * order, computes each count in SQL (store/q_metrics.c), divides rates
 * from the exact counts and formats the display strings.
 *
 * Guarantees: a key whose scopes do not include every member the scope
 * sets is "not applicable" (never an unscoped number), and so is a rate
 * whose numerator or denominator is; rates are rounded half up only for
 * display, from integers (93.478.. -> 93.48%); money stays in fen.
 */
#include "domain/metrics.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/money.h"
#include "core/strbuf.h"
#include "domain/case_filing.h"
#include "domain/clue.h"
#include "domain/labels.h"
#include "domain/person.h"
#include "domain/result.h"
#include "domain/role.h"
#include "domain/worklog.h"
#include "model/caserules.h"
#include "model/clue.h"
#include "model/unit.h"
#include "model/user.h"
#include "store/q_caserules.h"
#include "store/q_metrics.h"
#include "store/q_clues.h"
#include "store/q_inspections.h"
#include "store/q_units.h"
#include "store/q_users.h"
#include "store/store.h"

static int by_order(const void *x, const void *y)
{
	const struct metric_def *a = *(const struct metric_def *const *)x;
	const struct metric_def *b = *(const struct metric_def *const *)y;

	return a->order != b->order ? (a->order < b->order ? -1 : 1) : strcmp(a->key, b->key);
}

const struct metric_def *const *metric_defs(struct arena *a, int *n)
{
	return QF_SORTED(a, metrics, by_order, n);
}

const struct metric_def *metric_find(const char *key)
{
	QF_FOREACH(metrics, const struct metric_def, d)
		if (!strcmp((*d)->key, key))
			return *d;
	return NULL;
}

const char *metric_rate_display(struct arena *a, int64_t num, int64_t den, int decimals)
{
	int64_t scale = 1, q;

	if (den <= 0 || num < 0)
		return "—";
	for (int i = 0; i < decimals; i++)
		scale *= 10;
	/* round(num * 100 * scale / den), half up, in integers */
	q = (2 * num * 100 * scale + den) / (2 * den);
	if (!decimals)
		return arena_printf(a, "%" PRId64 "%%", q);
	return arena_printf(a, "%" PRId64 ".%0*" PRId64 "%%", q / scale, decimals, q % scale);
}

static const char *money_display(struct arena *a, int64_t fen)
{
	struct strbuf sb = STRBUF_INIT;
	const char *r;

	money_format(&sb, fen, 1);
	strbuf_addstr(&sb, "元");
	r = arena_strdup(a, sb.buf);
	strbuf_release(&sb);
	return r;
}

static const struct metric_value *value_of(const struct metric_value *v, int n, const char *key)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(v[i].key, key))
			return &v[i];
	return NULL;
}

static int listed(const char *const *keys, int nkeys, const char *key)
{
	for (int i = 0; i < nkeys; i++)
		if (!strcmp(keys[i], key))
			return 1;
	return 0;
}

/* Whether key d is computed: every key without a list (keys NULL); else a
 * listed key, or a count that a listed rate divides. */
static int wanted(const struct metric_def *const *defs, int nd, const char *const *keys, int nkeys,
		  const struct metric_def *d)
{
	if (!keys || listed(keys, nkeys, d->key))
		return 1;
	for (int i = 0; i < nd; i++)
		if (!defs[i]->compute && listed(keys, nkeys, defs[i]->key) &&
		    ((defs[i]->num_key && !strcmp(defs[i]->num_key, d->key)) ||
		     (defs[i]->den_key && !strcmp(defs[i]->den_key, d->key))))
			return 1;
	return 0;
}

static int compute(struct store *db, struct arena *a, const struct metric_period *p,
		   const struct metric_scope *s, const struct metric_def *const *defs, int nd,
		   const char *const *keys, int nkeys, struct metric_value *v)
{
	unsigned used = q_metric_scope_used(s);

	/* counts first, then the rates that divide them */
	for (int i = 0; i < nd; i++) {
		const struct metric_def *d = defs[i];

		v[i] = (struct metric_value){ .key = d->key, .zh = d->zh, .kind = d->kind,
					      .decimals = d->decimals };
		if (!d->compute || !wanted(defs, nd, keys, nkeys, d))
			continue;
		v[i].applicable = (used & ~d->scopes) == 0;
		if (!v[i].applicable) {
			v[i].display = "不适用";
			continue;
		}
		if (d->compute(db, p, s, &v[i].value) < 0)
			return RES_STORE;
		v[i].display = d->kind == METRIC_MONEY ? money_display(a, v[i].value)
						       : arena_printf(a, "%" PRId64, v[i].value);
	}
	for (int i = 0; i < nd; i++) {
		const struct metric_def *d = defs[i];
		const struct metric_value *num, *den;

		if (d->compute || !wanted(defs, nd, keys, nkeys, d))
			continue;
		num = d->num_key ? value_of(v, nd, d->num_key) : NULL;
		den = d->den_key ? value_of(v, nd, d->den_key) : NULL;
		v[i].applicable = num && den && num->applicable && den->applicable;
		if (!v[i].applicable) {
			v[i].display = "不适用";
			continue;
		}
		v[i].num = v[i].value = num->value;
		v[i].den = den->value;
		v[i].display = metric_rate_display(a, v[i].num, v[i].den, d->decimals);
	}
	return RES_DONE;
}

int metrics_compute_keys(struct store *db, struct arena *a, const struct metric_period *p,
			 const struct metric_scope *s, const char *const *keys, int nkeys,
			 struct metric_value **out, int *n)
{
	const struct metric_def *const *defs;
	struct metric_value *v;
	qf_day from, to;
	int nd, rc;

	*out = NULL;
	*n = 0;
	from = date_parse(p->from ? p->from : "");
	to = date_parse(p->to ? p->to : "");
	if (from == QF_DAY_NONE || to == QF_DAY_NONE || from > to)
		return RES_INVALID;
	defs = QF_SORTED(a, metrics, by_order, &nd);
	v = arena_zalloc(a, sizeof(*v) * (size_t)(nd ? nd : 1));
	/* only reads: keys that share a row of the rollup read it once */
	store_metric_batch(1);
	rc = compute(db, a, p, s, defs, nd, keys, nkeys, v);
	store_metric_batch(0);
	if (rc != RES_DONE)
		return rc;
	*out = v;
	*n = nd;
	return RES_DONE;
}

int metrics_compute(struct store *db, struct arena *a, const struct metric_period *p,
		    const struct metric_scope *s, struct metric_value **out, int *n)
{
	return metrics_compute_keys(db, a, p, s, NULL, 0, out, n);
}

static struct metric_period period_of(struct arena *a, qf_day from, qf_day to)
{
	char b1[16], b2[16];

	if (from == QF_DAY_NONE || to == QF_DAY_NONE)
		return (struct metric_period){ NULL, NULL };
	return (struct metric_period){ arena_strdup(a, date_format(from, b1)),
				       arena_strdup(a, date_format(to, b2)) };
}

struct metric_period metric_year(struct arena *a, int year)
{
	return period_of(a, date_from_ymd(year, 1, 1), date_from_ymd(year, 12, 31));
}

struct metric_period metric_quarter(struct arena *a, int year, int quarter)
{
	qf_day from;

	if (quarter < 1 || quarter > 4)
		return (struct metric_period){ NULL, NULL };
	from = date_from_ymd(year, 3 * quarter - 2, 1);
	return period_of(a, from, from == QF_DAY_NONE ? from : date_add_months(from, 3) - 1);
}

struct metric_period metric_month(struct arena *a, int year, int month)
{
	qf_day from = month >= 1 && month <= 12 ? date_from_ymd(year, month, 1) : QF_DAY_NONE;

	return period_of(a, from, from == QF_DAY_NONE ? from : date_add_months(from, 1) - 1);
}

/* "&name=value" with the value percent-encoded (ids, codes and days need
 * none, but a category code is catalog data) */
static void add_arg(struct strbuf *sb, const char *name, const char *value)
{
	static const char hex[] = "0123456789ABCDEF";

	strbuf_addch(sb, strchr(sb->buf, '?') ? '&' : '?');
	strbuf_addstr(sb, name);
	strbuf_addch(sb, '=');
	for (const unsigned char *c = (const unsigned char *)value; *c; c++) {
		if ((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		    *c == '-' || *c == '_' || *c == '.')
			strbuf_addch(sb, *c);
		else
			strbuf_addf(sb, "%%%c%c", hex[*c >> 4], hex[*c & 15]);
	}
}

const char *metrics_list_url(struct arena *a, const struct metric_def *d,
			     const struct metric_period *p, const struct metric_scope *s)
{
	struct strbuf sb = STRBUF_INIT;
	const char *list, *q, *r;
	char id[24];

	/* no list filters by an inspection round */
	if (!d->list || (s->round_id && (d->scopes & METRIC_SCOPE_ROUND)))
		return NULL;
	if (s->activity_kind && strchr(s->activity_kind, '+'))
		return NULL;    /* several work log kinds: the list filters by one */
	/* d->list: "/clues?disposed" -> /clues?disposed_from=..&disposed_to=..;
	 * "/outcomes?" -> /outcomes?from=..&to=..; anything after a second
	 * '&' is a fixed filter ("/outcomes?&form=1") */
	list = d->list;
	q = strchr(list, '?');
	strbuf_add(&sb, list, q ? (size_t)(q - list) : strlen(list));
	if (q) {
		const char *fixed = strchr(q + 1, '&');
		size_t plen = fixed ? (size_t)(fixed - q - 1) : strlen(q + 1);
		char *name = arena_strndup(a, q + 1, plen);

		add_arg(&sb, *name ? arena_printf(a, "%s_from", name) : "from", p->from);
		add_arg(&sb, *name ? arena_printf(a, "%s_to", name) : "to", p->to);
		if (fixed)
			strbuf_addstr(&sb, fixed);
	}
	if (s->unit_id && (d->scopes & METRIC_SCOPE_UNIT)) {
		snprintf(id, sizeof(id), "%" PRId64, s->unit_id);
		add_arg(&sb, "within", id);
	}
	if (s->campaign_id && (d->scopes & METRIC_SCOPE_CAMPAIGN)) {
		snprintf(id, sizeof(id), "%" PRId64, s->campaign_id);
		add_arg(&sb, "campaign_id", id);
	}
	if (s->category && *s->category && (d->scopes & METRIC_SCOPE_CATEGORY))
		add_arg(&sb, "category", s->category);
	if (s->source && *s->source && (d->scopes & METRIC_SCOPE_SOURCE))
		add_arg(&sb, "source", s->source);
	if (s->organ_kind && *s->organ_kind && (d->scopes & METRIC_SCOPE_ORGAN))
		add_arg(&sb, "organ_kind", s->organ_kind);
	if (s->activity_kind && *s->activity_kind && (d->scopes & METRIC_SCOPE_KIND))
		add_arg(&sb, "kind", s->activity_kind);
	if (d->scopes & METRIC_SCOPE_SUBJECT) {
		if (s->rank && *s->rank)
			add_arg(&sb, "rank", s->rank);
		if (s->top_leader)
			add_arg(&sb, "top_leader", "1");
		if (s->leadership)
			add_arg(&sb, "leadership", "1");
		if (s->key_persons)
			add_arg(&sb, "key_persons", "1");
	}
	r = arena_strdup(a, sb.buf);
	strbuf_release(&sb);
	return r;
}

int metric_scope_valid(struct store *db, struct arena *a, const struct metric_scope *s,
		       const char **why)
{
	struct unit u;
	struct campaign g;
	struct violation_category vc;
	int rc;

	*why = NULL;
	if (s->unit_id) {
		if ((rc = store_unit_get(db, a, s->unit_id, &u)) < 0)
			return rc;
		if (!rc)
			*why = arena_printf(a, "单位 %" PRId64 " 不存在", s->unit_id);
	}
	if (!*why && s->campaign_id) {
		if ((rc = store_campaign_get(db, a, s->campaign_id, &g)) < 0)
			return rc;
		if (!rc)
			*why = arena_printf(a, "专项工作 %" PRId64 " 不存在", s->campaign_id);
	}
	if (!*why && s->round_id) {
		struct inspection_round r;

		if ((rc = store_round_get(db, a, s->round_id, &r)) < 0)
			return rc;
		if (!rc)
			*why = arena_printf(a, "巡察轮次 %" PRId64 " 不存在", s->round_id);
	}
	if (!*why && s->category && *s->category) {
		if ((rc = store_category_get(db, a, s->category, &vc)) < 0)
			return rc;
		if (!rc)
			*why = arena_printf(a, "违纪违法类别“%s”不在类别目录中", s->category);
	}
	if (!*why && s->source && *s->source && !label_of(clue_sources, s->source))
		*why = arena_printf(a, "线索来源“%s”无效", s->source);
	if (!*why && s->organ_kind && *s->organ_kind && !label_of(case_organs, s->organ_kind))
		*why = arena_printf(a, "承办机关类别“%s”无效（office、resident_group、township）", s->organ_kind);
	if (!*why && s->activity_kind && *s->activity_kind) {
		if ((rc = activity_kinds_valid(db, a, s->activity_kind, why)) < 0)
			return rc;
	}
	if (!*why && s->rank && *s->rank && !label_of(person_ranks, s->rank))
		*why = arena_printf(a, "职级“%s”无效（county、section、staff、village、other）", s->rank);
	return *why ? 0 : 1;
}

int metric_scope_user(struct store *db, struct arena *a, const char *name, int64_t *scope_user,
		      const char **why)
{
	struct user u;
	const struct role *ro;
	int rc = store_user_by_name(db, a, name, &u);

	*scope_user = 0;
	*why = NULL;
	if (rc < 0)
		return rc;
	if (!rc) {
		*why = arena_printf(a, "用户“%s”不存在", name);
		return 0;
	}
	ro = role_find(u.role);
	*scope_user = ro && ro->scoped ? u.id : 0;
	return 1;
}

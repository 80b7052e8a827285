#ifndef QF_DOMAIN_METRICS_H
#define QF_DOMAIN_METRICS_H
/*
 * domain/metrics.h: the statistics of DOMAIN.md section 6, computed from
 * the records in SQL on either backend (issue 11).  docs/statistics.md
 * states each definition in Chinese and English with its SQL.
 *
 * Each key is a `struct metric_def` registered in the file of the family
 * that owns its records (QF_METRIC, core/registry.h), so a later family
 * (ratings, inspections, supervision) adds its keys without touching a
 * shared list.  metrics_compute walks them in `order`.
 *
 * Every figure is traceable: `list` names the staff list page whose
 * filters select exactly the records the figure counts, and
 * metrics_list_url() builds that link for a period and scope; the list
 * shows the same count (tests/http checks each key).
 */
#include "core/registry.h"
#include "model/metrics.h"

struct arena;
struct store;

struct metric_def {
	const char *key;        /* DOMAIN.md section 6 key */
	const char *zh;
	const char *en;         /* one line for docs and the JSON */
	enum metric_kind kind;
	int order;              /* walk and display order */
	/* which scope members the key honours: METRIC_SCOPE_* bits */
	unsigned scopes;
	/* a count or money figure: fills *out (fen or count) for the period
	 * and scope (never called with a member the key does not honour);
	 * 0, or a negative store code.  NULL for a rate.  The functions of
	 * store/q_metrics.h have this type. */
	int (*compute)(struct store *db, const struct metric_period *p,
		       const struct metric_scope *s, int64_t *out);
	/* a rate: numerator and denominator keys, digits after the point */
	const char *num_key, *den_key;
	int decimals;
	/* the list that shows the records behind the figure ("/clues"), NULL
	 * when there is none; the period and scope become its filters */
	const char *list;
};

/* METRIC_SCOPE_* bits: model/metrics.h */

QF_SET(metrics, const struct metric_def);
#define QF_METRIC(def) QF_REGISTER(metrics, def)

/* The computed figures of every registered key, in order, into an array
 * from arena a; their number in *n.  RES_DONE, RES_INVALID (a bad period:
 * from after to, or not a date), RES_STORE. */
int metrics_compute(struct store *db, struct arena *a, const struct metric_period *p,
		    const struct metric_scope *s, struct metric_value **out, int *n);

/* The same array, but only the keys of `keys` (nkeys of them) are
 * computed, with the counts a rate among them divides; the others keep
 * display NULL and applicable 0.  For a caller that uses a few figures of
 * a scope (the annual report's placeholders): each key once. */
int metrics_compute_keys(struct store *db, struct arena *a, const struct metric_period *p,
			 const struct metric_scope *s, const char *const *keys, int nkeys,
			 struct metric_value **out, int *n);

/* The scope in words for titles (domain/metric_words.c): units,
 * campaigns, categories and users by name, codes by label, each member
 * after a space; " 全委" when the scope is the whole commission. */
const char *metric_scope_words(struct store *db, struct arena *a, const struct metric_scope *s);
/* 1 when the scope has no member (the whole commission, " 全委"); every
 * member of struct metric_scope counts, scope_user too. */
int metric_scope_whole(const struct metric_scope *s);

/* Checks the members of a scope against the records: the unit and the
 * campaign exist, the category is in the catalog, source, organ and rank
 * are known codes.  1 valid; 0 not, with a Chinese message naming the
 * member in *why (from arena a); < 0 the store failed. */
int metric_scope_valid(struct store *db, struct arena *a, const struct metric_scope *s,
		       const char **why);

/* The scope_user of the user called `name` (his id when his role is
 * scoped, 0 when it is not): 1; 0 with a Chinese message in *why when no
 * such user; < 0 the store failed.  `qingfeng report --user`. */
int metric_scope_user(struct store *db, struct arena *a, const char *name, int64_t *scope_user,
		      const char **why);

/* num/den as a percentage with `decimals` digits, rounded half up from
 * the exact integers (172/184 -> "93.48%"), from arena a; "—" when den
 * is 0.  The display of a METRIC_RATE. */
const char *metric_rate_display(struct arena *a, int64_t num, int64_t den, int decimals);

/* Every registered definition in display order (by `order`, then key),
 * an array from arena a; their number in *n. */
const struct metric_def *const *metric_defs(struct arena *a, int *n);

/* The definition of key, NULL if none is registered. */
const struct metric_def *metric_find(const char *key);

/* The period of a year, a quarter (1-4) or a month (1-12) of year. */
struct metric_period metric_year(struct arena *a, int year);
struct metric_period metric_quarter(struct arena *a, int year, int quarter);
struct metric_period metric_month(struct arena *a, int year, int month);

/* "/clues?disposed_from=2022-01-01&disposed_to=2022-12-31&unit=7": the list
 * behind key's figure, from arena a; NULL when the key has no list. */
const char *metrics_list_url(struct arena *a, const struct metric_def *d,
			     const struct metric_period *p, const struct metric_scope *s);

#endif

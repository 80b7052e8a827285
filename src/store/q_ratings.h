#ifndef QF_Q_RATINGS_H
#define QF_Q_RATINGS_H
/*
 * q_ratings: the typed queries of the "码上问效" family (issue 13): the
 * units' rating tokens, ratings, letters and bad reviews, their lists
 * (bounded by jurisdiction through q_scope.h) and their statistics.
 * Conventions of every q_*.h (docs/architecture.md): lookups 1 / 0 / < 0,
 * inserts the new id or < 0 (STORE_CONSTRAINT on a duplicate key), lists
 * the row count with an arena array, strings copied into the arena; none
 * opens a transaction.
 */
#include <stdint.h>

#include "model/metrics.h"
#include "model/rating.h"

struct arena;
struct store;

/* the rating page of a unit */
int store_rating_token_of(struct store *s, struct arena *a, int64_t unit_id, const char **token);
int64_t store_rating_token_insert(struct store *s, int64_t unit_id, const char *token, int64_t now);
/* the departments and townships without a rating page, by id: the count
 * (array in a), or < 0 */
int store_rating_tokenless(struct store *s, struct arena *a, int64_t **ids);
/* the unit of a token: its id and name */
int store_rating_token_unit(struct store *s, struct arena *a, const char *token, int64_t *unit_id,
			    const char **unit_name);

/* the rating and letter a page's idempotency key already made: 1 with the
 * rating's id and stars (and *letter_id, 0 none), 0 none */
int store_rating_by_key(struct store *s, const char *idem_key, int64_t *id, int *stars,
			int64_t *letter_id);
/* the letter of a key (a letter without a rating): 1 with its id, 0 none */
int store_letter_by_key(struct store *s, const char *idem_key, int64_t *id);
int64_t store_rating_insert(struct store *s, const struct rating *v, const char *idem_key);
int64_t store_letter_insert(struct store *s, const struct letter *v, const char *code_hash,
			    const char *idem_key);
/* the encrypted contact of a new letter: 0 or < 0 */
int store_letter_set_contact(struct store *s, int64_t id, const char *contact_enc);
int64_t store_bad_review_insert(struct store *s, const struct bad_review *v, const char *followup_hash);
/* the bad review of a rating: 1 with it, 0 none */
int store_bad_review_of_rating(struct store *s, struct arena *a, int64_t rating_id, struct bad_review *out);

/* the bad reviews not fixed (id, opened, state; for the dues' refill) */
int store_bad_reviews_running(struct store *s, struct arena *a, struct bad_review **out);
/* the due days of a running review: the call-back's only while it is open */
int store_bad_review_set_dues(struct store *s, int64_t id, const char *callback_due, const char *fix_due);

/* lookups by id within the scope user's jurisdiction (0: all) */
int store_letter_get(struct store *s, struct arena *a, int64_t id, int64_t scope_user, struct letter *out);
int store_bad_review_get(struct store *s, struct arena *a, int64_t id, int64_t scope_user,
			 struct bad_review *out);
/* by the hash of the citizen's code */
int store_letter_by_code(struct store *s, struct arena *a, const char *code_hash, struct letter *out);
int store_bad_review_by_code(struct store *s, struct arena *a, const char *code_hash,
			     struct bad_review *out);

/* state steps: the rows changed (0: not in state `from`) or < 0 */
int store_letter_step(struct store *s, int64_t id, const char *from, const char *to, const char *day,
		      const char *answer, int64_t user_id);
int store_bad_review_step(struct store *s, int64_t id, const char *from, const char *to, const char *day,
			  const char *note);
int store_bad_review_followup(struct store *s, int64_t id, int stars, const char *day);

/* the lists */
int64_t store_rating_count(struct store *s, const struct rating_filter *f);
int store_rating_list(struct store *s, struct arena *a, const struct rating_filter *f, struct rating **out);
int64_t store_letter_count(struct store *s, const struct letter_filter *f);
int store_letter_list(struct store *s, struct arena *a, const struct letter_filter *f, struct letter **out);
int64_t store_bad_review_count(struct store *s, const struct bad_review_filter *f);
int store_bad_review_list(struct store *s, struct arena *a, const struct bad_review_filter *f,
			  struct bad_review **out);
/* ratings and five-star ratings per unit of the filter's period and
 * jurisdiction (stars ignored), units with a rating only, by name */
int store_rating_units(struct store *s, struct arena *a, const struct rating_filter *f,
		       struct rating_unit_row **out);

/* the statistics (store_metric_fn of q_metrics.h): unit scope only */
#define Q_METRIC_RATING_SCOPES METRIC_SCOPE_UNIT
int store_metric_ratings(struct store *db, const struct metric_period *p, const struct metric_scope *s,
			 int64_t *out);
int store_metric_ratings_5star(struct store *db, const struct metric_period *p,
			       const struct metric_scope *s, int64_t *out);
int store_metric_letters_received(struct store *db, const struct metric_period *p,
				  const struct metric_scope *s, int64_t *out);
int store_metric_letters_concluded(struct store *db, const struct metric_period *p,
				   const struct metric_scope *s, int64_t *out);

/* The inbox's links (0042): the item a rating or letter came from; the
 * rating / letter of an item (1 found, 0 none, < 0); every unit's token
 * and name for the reply batch (the count, array in a). */
int store_rating_set_item(struct store *s, int64_t id, const char *item_id);
int store_letter_set_item(struct store *s, int64_t id, const char *item_id);
int store_rating_of_item(struct store *s, const char *item_id, int64_t *id);
int store_letter_of_item(struct store *s, struct arena *a, const char *item_id, struct letter *out);
int store_rating_points_all(struct store *s, struct arena *a, struct rating_point **out);

#endif

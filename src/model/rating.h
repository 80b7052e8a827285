#ifndef QF_MODEL_RATING_H
#define QF_MODEL_RATING_H
/*
 * model/rating.h: the records of the "码上问效" channel (issue 13):
 * ratings, letters (群众信件) and bad reviews (差评), with their list
 * filters.  Plain records, no functions: strings point into the arena the
 * caller passed to the store function that filled them; ids are 0 when
 * absent.  Days are CST days (YYYY-MM-DD); nothing records a time of day,
 * an address or a user agent.
 */
#include <stdint.h>

#include "model/filter.h"

/* One citizen's rating of a unit. */
struct rating {
	int64_t id;
	int64_t unit_id;
	const char *unit_name;
	int stars;              /* 1-5 */
	const char *comment;    /* "" none */
	const char *day;
};

/* A letter left with a rating: state received, accepted, concluded. */
struct letter {
	int64_t id;
	int64_t unit_id;
	const char *unit_name;
	const char *body;
	const char *contact;    /* as stored: encrypted, "" none (the domain decrypts) */
	const char *received;
	const char *state;
	const char *accepted, *concluded;   /* NULL: not yet */
	const char *answer;     /* "" none */
	const char *code_hash;  /* the keyed hash of the citizen's code (the contact's associated data) */
};

/* A bad review: opened by a rating of 1 or 2 stars; state open,
 * called_back, fixed.  The due days are stored when it opens. */
struct bad_review {
	int64_t id;
	int64_t rating_id;
	int64_t unit_id;
	const char *unit_name;
	int stars;
	const char *comment;
	const char *opened;
	const char *callback_due, *fix_due;
	const char *called_back, *fixed;    /* NULL: not yet */
	const char *state;
	const char *note;
	int followup_stars;     /* 0: none yet */
	const char *followup_day;
};

/* Unit figures of a period: ratings, five-star ratings. */
/* A unit's public rating page as the reply batch carries it (0042). */
struct rating_point {
	const char *token;
	const char *unit_name;
};

struct rating_unit_row {
	int64_t unit_id;
	const char *unit_name;
	int64_t ratings, five_star;
};

/* The lists: by day in [from, to], unit (and all below: within), state;
 * bounded by jurisdiction (scope_user, set by the domain).  stars: 0 any,
 * else that many.  The letters list reads from/to on `received`, or on
 * `concluded` with concluded_from/_to (the list behind letters_concluded). */
struct rating_filter {
	struct page_req page;
	int64_t scope_user;
	const char *day_from, *day_to;
	int64_t within;
	int stars;
};
extern const struct filter_spec rating_filter_spec;

struct letter_filter {
	struct page_req page;
	int64_t scope_user;
	const char *day_from, *day_to;
	const char *concluded_from, *concluded_to;
	int64_t within;
	int state;              /* 0 any, 1 received, 2 accepted, 3 concluded */
};
extern const struct filter_spec letter_filter_spec;

struct bad_review_filter {
	struct page_req page;
	int64_t scope_user;
	const char *day_from, *day_to;
	int64_t within;
	int state;              /* 0 any, 1 open, 2 called_back, 3 fixed */
	const char *due_before; /* derived by the domain (the to-do): a clock not done and due before it */
};
extern const struct filter_spec bad_review_filter_spec;

#endif

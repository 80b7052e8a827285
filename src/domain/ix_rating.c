/*
 * ix_rating.c: the interchange types of the "码上问效" family (issue 13;
 * docs/interchange.md "Ratings and letters"): rating and letter.
 *
 * A rating carries its CST day as `date`, or the moment it was made as
 * `at` (RFC 3339, e.g. 2022-12-31T16:30:00Z, converted to the CST day:
 * that one is 2023-01-01), never both with different days.  A rating of 1
 * or 2 stars opens its bad review as the page does (clocks from its day
 * on the working-day calendar); the file may give the review's progress
 * (called_back, fixed, note), exported from the review.  `key`, the
 * idempotency key, is made up when the file has none; the citizen's codes
 * derive from it (domain/rating.h).  A letter's state follows from its
 * days; its contact is encrypted (letters.contact/<id>) and exported only
 * with --with-sensitive.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/date.h"
#include "domain/bad_review.h"
#include "domain/clocks.h"
#include "domain/ctx.h"
#include "domain/interchange.h"
#include "domain/rating.h"
#include "store/q_ratings.h"

#define F(ix, name) ix_value(ix, v, name)

static void set_text(struct ix_val *x, const char *s)
{
	x->set = 1;
	x->s = s;
}

/* The Unix time of an RFC 3339 moment (Z or +hh:mm / -hh:mm): 0, or -1. */
static int moment_parse(const char *s, int64_t *out)
{
	int y, mo, d, h, mi, se, n = 0, oh = 0, om = 0;
	char sign = 0;
	struct tm tm = { 0 };

	if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &se, &n) != 6)
		return -1;
	s += n;
	if (*s == '.')                   /* fractions of a second: ignored */
		while (*++s >= '0' && *s <= '9')
			;
	if (!strcmp(s, "Z")) {
		sign = '+';
	} else if ((*s == '+' || *s == '-') && sscanf(s + 1, "%2d:%2d%n", &oh, &om, &n) == 2 && !s[1 + n]) {
		sign = *s;
	} else {
		return -1;
	}
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60 || oh > 23 || om > 59)
		return -1;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = se;
	*out = (int64_t)timegm(&tm) - (sign == '-' ? -1 : 1) * (int64_t)(oh * 3600 + om * 60);
	return 0;
}

/* a key for a line without one */
static const char *new_key(struct ix *ix)
{
	char k[QF_TOKEN_CHARS + 1];

	token_new(k);
	return arena_strdup(ix_ctx(ix)->a, k);
}

const struct ix_field ix_rating_fields[] = {
	{ "unit", IX_REF, "unit_id", "unit", NULL, IX_REQ, NULL },
	{ "stars", IX_INT, "stars", NULL, NULL, IX_REQ, NULL },
	{ "comment", IX_TEXT, "comment", NULL, NULL, IX_EMPTY, NULL },
	{ "date", IX_DATE, "day", NULL, NULL, 0, NULL },
	{ "at", IX_TEXT, NULL, NULL, NULL, IX_VIRT | IX_EXT, NULL },
	{ "key", IX_TEXT, "idem_key", NULL, NULL, IX_EXT, NULL },
	{ "called_back", IX_DATE, "(SELECT b.called_back FROM bad_reviews b WHERE b.rating_id = t.id)", NULL, NULL,
	  IX_VIRT | IX_EXT, NULL },
	{ "fixed", IX_DATE, "(SELECT b.fixed FROM bad_reviews b WHERE b.rating_id = t.id)", NULL, NULL,
	  IX_VIRT | IX_EXT, NULL },
	{ "note", IX_TEXT, "(SELECT NULLIF(b.note, '') FROM bad_reviews b WHERE b.rating_id = t.id)", NULL, NULL,
	  IX_VIRT | IX_EXT, NULL },
	{ 0 }
};

int ix_rating_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	struct ix_val *date = F(ix, "date"), *at = F(ix, "at"), *key = F(ix, "key");
	int64_t stars = F(ix, "stars")->i, t;

	if (stars < 1 || stars > 5)
		return ix_fail(ix, "stars", "stars must be 1 to 5");
	if (at->set) {
		const char *day;
		if (moment_parse(at->s, &t) < 0)
			return ix_fail(ix, "at", "not an RFC 3339 moment (2022-12-31T16:30:00Z)");
		day = rating_day_of(c, t);
		if (date->set && strcmp(date->s, day))
			return ix_fail(ix, "date", "\"%s\" is not the CST day of \"at\" (%s)", date->s, day);
		set_text(date, day);
	}
	if (!date->set)
		return ix_fail(ix, "date", "one of date and at is required");
	if (!key->set)
		set_text(key, new_key(ix));
	if (F(ix, "fixed")->set && !F(ix, "called_back")->set)
		return ix_fail(ix, "fixed", "a bad review is fixed after it was called back");
	if ((F(ix, "called_back")->set || F(ix, "note")->set) && stars > BAD_REVIEW_MAX_STARS)
		return ix_fail(ix, "called_back", "only a rating of 1 or 2 stars has a bad review");
	return 0;
}

int ix_rating_after(struct ix *ix, struct ix_val *v, int64_t id)
{
	struct ctx *c = ix_ctx(ix);
	struct clock_table t;
	struct ix_val *cb = F(ix, "called_back"), *fx = F(ix, "fixed"), *note = F(ix, "note");
	int64_t bid;

	if (F(ix, "stars")->i > BAD_REVIEW_MAX_STARS)
		return 0;
	if (clock_table_load(c->db, c->a, &t) < 0)
		return -1;
	bid = bad_review_open(c, c->db, &t, id, F(ix, "unit")->i, F(ix, "date")->s, F(ix, "key")->s,
			      NULL);
	if (bid < 0)
		return -1;
	if (cb->set && store_bad_review_step(c->db, bid, "open", "called_back", cb->s,
					     note->set ? note->s : "") < 0)
		return -1;
	if (fx->set && store_bad_review_step(c->db, bid, "called_back", "fixed", fx->s,
					     note->set ? note->s : "") < 0)
		return -1;
	return 0;
}

const struct ix_field ix_letter_fields[] = {
	{ "unit", IX_REF, "unit_id", "unit", NULL, IX_REQ, NULL },
	{ "text", IX_TEXT, "body", NULL, NULL, IX_REQ, NULL },
	{ "contact", IX_SECRET, "contact", "letters.contact", NULL, IX_EMPTY | IX_EXT, NULL },
	{ "received", IX_DATE, "received", NULL, NULL, IX_REQ, NULL },
	{ "accepted", IX_DATE, "accepted", NULL, NULL, 0, NULL },
	{ "concluded", IX_DATE, "concluded", NULL, NULL, 0, NULL },
	{ "answer", IX_TEXT, "answer", NULL, NULL, IX_EMPTY, NULL },
	{ "key", IX_TEXT, "idem_key", NULL, NULL, IX_EXT, NULL },
	{ NULL, IX_DERIVED, "state", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "code_hash", NULL, NULL, 0, NULL },
	{ 0 }
};

int ix_letter_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	struct ix_val *key = F(ix, "key"), *acc = F(ix, "accepted"), *con = F(ix, "concluded");
	const char *received = F(ix, "received")->s;
	char code[RATING_CODE_SHOWN + 1], hash[65];

	if (acc->set && strcmp(acc->s, received) < 0)
		return ix_fail(ix, "accepted", "accepted before it was received");
	if (con->set && strcmp(con->s, acc->set ? acc->s : received) < 0)
		return ix_fail(ix, "concluded", "concluded before it was received or accepted");
	if (con->set && !F(ix, "answer")->set)
		return ix_fail(ix, "answer", "a concluded letter has its answer");
	if (!key->set)
		set_text(key, new_key(ix));
	set_text(F(ix, "state"), con->set ? "concluded" : acc->set ? "accepted" : "received");
	if (rating_code_of(c, RATING_LETTER_CODE, key->s, code) < 0 || rating_code_hash(c, code, hash) < 0)
		return -1;
	set_text(F(ix, "code_hash"), arena_strdup(c->a, hash));
	return 0;
}

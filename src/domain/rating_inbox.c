/*
 * rating_inbox.c: the "码上问效" kinds of the public inbox on the intranet
 * (domain/public_rating.h): "rating", "letter" and "followup" accepted
 * into the ratings family inside the import's transaction (or the
 * single-instance submission's), and what flows back per item in the
 * reply batch: a letter's state, answer and days, a bad review's state
 * and days, and every unit's rating token and name.  The kind "ratings"
 * is a group of plain ratings the group writer sealed as one item.
 *
 * Guarantees: an item is accepted once (inbox.c, public_items) and a key
 * writes once (rating.c: a retry's second item changes nothing); the
 * records name their item so the outcome finds them; what flows back is
 * only what the citizen's pages show (never a comment, letter or contact).
 */
#include "domain/public_rating.h"

#include <string.h>

#include "core/arena.h"
#include "core/log.h"
#include "domain/bad_review.h"
#include "domain/ctx.h"
#include "domain/inbox.h"
#include "domain/letter.h"
#include "domain/result.h"
#include "store/q_ratings.h"

static const char *jstr(json_t *o, const char *key)
{
	const char *v = json_string_value(json_object_get(o, key));
	return v ? v : "";
}

static int64_t jmoment(struct ctx *c, json_t *o)
{
	json_int_t at = json_integer_value(json_object_get(o, "at"));

	return at > 0 && at <= c->now ? (int64_t)at : c->now;   /* a public clock ahead of ours: now */
}

static int accept_submission(struct ctx *c, json_t *p, const char *item_id, int with_rating,
			     struct fielderr *fe)
{
	struct rating_input in = {
		.token = jstr(p, "token"), .idem_key = jstr(p, "key"),
		.stars = (int)json_integer_value(json_object_get(p, "stars")),
		.comment = jstr(p, "comment"), .contact = jstr(p, "contact"), .at = jmoment(c, p),
		.letter_code = json_string_value(json_object_get(p, "letter_code")),
		.followup_code = json_string_value(json_object_get(p, "followup_code")),
		.item_id = item_id,
	};
	int64_t id;

	/* a rating's letter travels as an item of its own (its own code) */
	in.letter = with_rating ? NULL : jstr(p, "letter");
	id = rating_submit_in_tx(c, &in, with_rating, fe);
	if (id == RES_NOT_FOUND) {
		/* a page taken down after the citizen opened it: nothing to
		 * file it under; the batch goes on */
		log_warn("public channel: item %s names no unit's rating page; skipped", item_id);
		return 0;
	}
	return id < 0 ? (int)id : 0;
}

static int accept_rating(struct ctx *c, json_t *p, const char *item_id, struct fielderr *fe)
{
	return accept_submission(c, p, item_id, 1, fe);
}

static int accept_letter(struct ctx *c, json_t *p, const char *item_id, struct fielderr *fe)
{
	return accept_submission(c, p, item_id, 0, fe);
}

/* A group of plain ratings (3-5 stars, no letter) the group writer sealed
 * as one item (domain/rating_group.c): each as a "rating" item's payload,
 * all filed under the group's item; a key used before writes nothing. */
static int accept_ratings(struct ctx *c, json_t *p, const char *item_id, struct fielderr *fe)
{
	json_t *arr = json_object_get(p, "ratings"), *o;
	size_t i;
	int rc;

	if (!json_is_array(arr)) {
		fielderr_add(fe, "item", arena_printf(c->a, "条目 %s 没有评价列表", item_id));
		return RES_INVALID;
	}
	json_array_foreach(arr, i, o)
		if ((rc = accept_submission(c, o, item_id, 1, fe)) < 0)
			return rc;
	return 0;
}

/* a plain rating has nothing that flows back but its receipt */
static int ratings_outcome(struct ctx *c, const struct public_item *it, const char **status,
			   const char **answer, json_t **detail)
{
	(void)c;
	(void)it;
	*status = "received";
	*answer = "";
	*detail = NULL;
	return 0;
}

static int accept_followup(struct ctx *c, json_t *p, const char *item_id, struct fielderr *fe)
{
	int stars = (int)json_integer_value(json_object_get(p, "stars"));

	(void)item_id;
	(void)fe;
	/* the first follow-up of a review counts; a code that names none
	 * (it cannot: the public side checked it) changes nothing */
	return bad_review_followup_in_tx(c, jstr(p, "code"), stars, rating_day_of(c, jmoment(c, p))) < 0
	       ? RES_STORE : 0;
}

json_t *rating_review_detail(const struct bad_review *b)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:s?, s:s?, s:i, s:s?}", "unit", b->unit_name, "opened", b->opened,
			 "callback_due", b->callback_due, "fix_due", b->fix_due, "called_back", b->called_back,
			 "fixed", b->fixed, "followup_stars", b->followup_stars, "followup_day", b->followup_day);
}

json_t *rating_letter_detail(const struct letter *v)
{
	return json_pack("{s:s, s:s, s:s?, s:s?}", "unit", v->unit_name, "received", v->received, "accepted",
			 v->accepted, "concluded", v->concluded);
}

static int rating_outcome(struct ctx *c, const struct public_item *it, const char **status, const char **answer,
			  json_t **detail)
{
	struct bad_review b;
	int64_t rid = 0;
	int rc = store_rating_of_item(c->db, it->item_id, &rid);

	*status = "received";
	*answer = "";
	*detail = NULL;
	if (rc > 0)
		rc = store_bad_review_of_rating(c->db, c->a, rid, &b);
	if (rc <= 0)
		return rc < 0 ? RES_STORE : 0;
	*status = b.state;
	*detail = rating_review_detail(&b);
	return 0;
}

static int letter_outcome(struct ctx *c, const struct public_item *it, const char **status, const char **answer,
			  json_t **detail)
{
	struct letter v;
	int rc = store_letter_of_item(c->db, c->a, it->item_id, &v);

	*status = "received";
	*answer = "";
	*detail = NULL;
	if (rc <= 0)
		return rc < 0 ? RES_STORE : 0;
	*status = v.state;
	*answer = v.answer ? v.answer : "";
	*detail = rating_letter_detail(&v);
	return 0;
}

int rating_points_json(struct ctx *c, json_t *arr)
{
	struct rating_point *p;
	int n = store_rating_points_all(c->db, c->a, &p);

	for (int i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s}", "token", p[i].token, "unit", p[i].unit_name));
	return n < 0 ? -1 : 0;
}

static const struct inbox_kind rating_kind = { "rating", accept_rating, rating_outcome };
QF_REGISTER(inbox_kinds, &rating_kind);
static const struct inbox_kind letter_kind = { "letter", accept_letter, letter_outcome };
QF_REGISTER(inbox_kinds, &letter_kind);
static const struct inbox_kind ratings_kind = { "ratings", accept_ratings, ratings_outcome };
QF_REGISTER(inbox_kinds, &ratings_kind);
static const struct inbox_kind followup_kind = { "followup", accept_followup, NULL };
QF_REGISTER(inbox_kinds, &followup_kind);

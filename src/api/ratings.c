/*
 * api/ratings.c: GET /api/ratings, /api/ratings/letters, /api/ratings/bad
 * (api/ratings.h): the lists of the staff's pages as JSON, one json_pack
 * per object; optional members null.  A letter's contact is not in the
 * list (its page shows it).
 *
 * The steps of the staff's pages, the same domain calls: POST
 * /api/ratings/letters/{id}/accept ({}), .../conclude ({"answer"}),
 * /api/ratings/bad/{id}/callback ({"note"}, optional), .../fix
 * ({"note"}).  200 {"ok": true}; 422 {"fields"} for a missing text or a
 * wrong state ({"state": "该信件已办结，不能再受理"}); 404 for a record of
 * another jurisdiction (audited by the domain's lookup, as on the pages).
 */
#include "api/common.h"
#include "api/ratings.h"
#include "domain/bad_review.h"
#include "domain/fielderr.h"
#include "domain/letter.h"
#include "domain/rating.h"
#include "http/filter.h"
#include "http/http.h"

int api_ratings(struct req *r)
{
	struct rating_filter f;
	struct rating *v;
	int64_t total;
	int page = req_page(r), n;
	json_t *items;

	req_filter(r, &rating_filter_spec, &f, 100);
	n = rating_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "rating list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, json_pack("{s:I, s:s, s:I, s:s, s:i, s:s}", "id", (json_int_t)v[i].id,
			"day", v[i].day, "unit_id", (json_int_t)v[i].unit_id, "unit_name", v[i].unit_name,
			"stars", v[i].stars, "comment", v[i].comment));
	return api_reply_list(r, items, total, page);
}

int api_rating_letters(struct req *r)
{
	struct letter_filter f;
	struct letter *v;
	int64_t total;
	int page = req_page(r), n;
	json_t *items;

	req_filter(r, &letter_filter_spec, &f, 100);
	n = letter_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "letter list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, json_pack("{s:I, s:s, s:I, s:s, s:s, s:s, s:s?, s:s?, s:s}",
			"id", (json_int_t)v[i].id, "received", v[i].received, "unit_id", (json_int_t)v[i].unit_id,
			"unit_name", v[i].unit_name, "text", v[i].body, "state", v[i].state,
			"accepted", v[i].accepted, "concluded", v[i].concluded, "answer", v[i].answer));
	return api_reply_list(r, items, total, page);
}

int api_bad_reviews(struct req *r)
{
	struct bad_review_filter f;
	struct bad_review *v;
	int64_t total;
	int page = req_page(r), n;
	json_t *items;

	req_filter(r, &bad_review_filter_spec, &f, 100);
	n = bad_review_list(&r->c, &f, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "bad review list");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, json_pack("{s:I, s:I, s:s, s:I, s:s, s:i, s:s, s:s, s:s, s:s, s:s?, s:s?, "
						       "s:s, s:o?}",
			"id", (json_int_t)v[i].id, "rating_id", (json_int_t)v[i].rating_id, "opened", v[i].opened,
			"unit_id", (json_int_t)v[i].unit_id, "unit_name", v[i].unit_name, "stars", v[i].stars,
			"comment", v[i].comment, "state", v[i].state, "callback_due", v[i].callback_due,
			"fix_due", v[i].fix_due, "called_back", v[i].called_back, "fixed", v[i].fixed,
			"note", v[i].note, "followup_stars", api_opt_int(v[i].followup_stars)));
	return api_reply_list(r, items, total, page);
}

/* The body's text member `key` (optional) into *text: the JSON object, or
 * NULL after answering (400 for a body that is not JSON, 422 for a member
 * that is not text). */
static json_t *step_body(struct req *r, const char *key, const char **text)
{
	json_t *j = api_body(r);

	*text = "";
	if (j && key && api_str(r, j, key, text) < 0) {
		struct fielderr fe = { 0 };

		json_decref(j);
		fielderr_add(&fe, key, "应为文字");
		reply_fields(r, &fe);
		return NULL;
	}
	return j;
}

/* step(ctx, id, text, fe) behind the body's member key (NULL: none) */
static int step_reply(struct req *r, const char *key, const char *what,
		      int (*step)(struct ctx *, int64_t, const char *, struct fielderr *))
{
	struct fielderr fe = { 0 };
	const char *text;
	json_t *j = step_body(r, key, &text);

	if (!j)
		return MHD_YES;
	json_decref(j);
	return api_result(r, step(&r->c, r->id, text, &fe), &fe, what, 0);
}

static int accept_letter(struct ctx *c, int64_t id, const char *none, struct fielderr *fe)
{
	return letter_accept(c, id, fe);
}

int api_rating_letter_accept(struct req *r)
{
	return step_reply(r, NULL, "letter", accept_letter);
}

int api_rating_letter_conclude(struct req *r)
{
	return step_reply(r, "answer", "letter", letter_conclude);
}

int api_bad_review_callback(struct req *r)
{
	return step_reply(r, "note", "bad review", bad_review_callback);
}

int api_bad_review_fix(struct req *r)
{
	return step_reply(r, "note", "bad review", bad_review_fix);
}

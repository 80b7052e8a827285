/*
 * public_rating.c: the "码上问效" pages' side of the public inbox
 * (domain/public_rating.h): a rating, a letter and a follow-up rating
 * sealed as inbox items in both modes, the receipt with the codes and
 * the due days, the citizen's views by code, and the units' rating points
 * a reply batch brings.
 *
 * Guarantees: nothing of a submission but its kinds and day is stored
 * outside the sealed items; the codes only as Argon2id hashes (public
 * instance) or the intranet's keyed hashes (single instance); the page's
 * idempotency key only as a BLAKE2b hash (after its render time:
 * domain/rating_key.h); a key makes its items once (the
 * key's row is written in the items' transaction, UNIQUE, and a twin that
 * loses the race is answered as the retry it is).
 */
#include "domain/public_rating.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "domain/bad_review.h"
#include "domain/ctx.h"
#include "domain/inbox.h"
#include "domain/letter.h"
#include "domain/public_report.h"
#include "domain/rating_group.h"
#include "domain/rating_key.h"
#include "domain/result.h"
#include "store/q_public.h"
#include "store/store.h"

/* this process holds no sealing secret: the public instance */
static int public_side(const struct ctx *c)
{
	return !c->keys->has_seal_sk;
}

/* ---- submission ------------------------------------------------------------ */

struct submit_arg {
	struct ctx *c;
	const struct rating_input *in;
	int with_rating;
	const char *hash, *unit_name;
	struct public_rating_receipt *out;
	struct public_submission sub;
	int seen;                       /* the key claimed in the set: appended too */
	unsigned char digest[SEEN_DIGEST];
	/* the public side's status rows: bucket and Argon2id of each code */
	int lbucket, fbucket;
	char lhash[QF_PWHASH_MAX], fhash[QF_PWHASH_MAX];
	struct fielderr *fe;
};

static json_t *payload(struct submit_arg *sa, int letter)
{
	const struct rating_input *in = sa->in;
	const struct public_rating_receipt *out = sa->out;
	json_t *p = json_pack("{s:I, s:s, s:s}", "at", (json_int_t)sa->c->now, "key", in->idem_key, "token",
			      in->token);

	if (!p)
		return NULL;
	if (letter) {
		json_object_set_new(p, "letter", json_string(in->letter));
		json_object_set_new(p, "contact", json_string(in->contact ? in->contact : ""));
		json_object_set_new(p, "letter_code", json_string(out->letter_code));
	} else {
		json_object_set_new(p, "stars", json_integer(in->stars));
		json_object_set_new(p, "comment", json_string(in->comment ? in->comment : ""));
		if (*out->followup_code)
			json_object_set_new(p, "followup_code", json_string(out->followup_code));
	}
	return p;
}

/* inbox_submit of one item: 0, or a result */
static int put_item(struct submit_arg *sa, const char *kind, int letter, char id[PUBLIC_ID_CHARS + 1])
{
	json_t *p = payload(sa, letter);
	int rc;

	if (!p)
		return RES_STORE;
	rc = inbox_submit(sa->c, kind, p, sa->fe, id);
	json_decref(p);
	return rc;
}

static int status_row(struct submit_arg *sa, const char *item_id, const char *kind, int bucket,
		      const char *hash, json_t *detail)
{
	/* the first state of each record: a letter received, a bad review open */
	struct public_status row = { .item_id = item_id, .code_hash = hash,
				     .status = strcmp(kind, "review") ? "received" : "open",
				     .day = sa->sub.day, .kind = kind };
	char *d = json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS);
	int rc;

	json_decref(detail);
	if (!d)
		return -1;
	row.detail = d;
	rc = store_pstatus_put_as(sa->c->db, sa->c->cfg->region, &row, bucket);
	free(d);
	return rc;
}

static int submit_tx(struct store *s, void *arg)
{
	struct submit_arg *sa = arg;
	struct public_rating_receipt *out = sa->out;
	const struct rating_input *in = sa->in;
	char rid[PUBLIC_ID_CHARS + 1] = "", lid[PUBLIC_ID_CHARS + 1] = "";

	(void)s;
	if (sa->with_rating && put_item(sa, "rating", 0, rid) < 0)
		return -1;
	if (in->letter && *in->letter && put_item(sa, "letter", 1, lid) < 0)
		return -1;
	/* a letter alone: both name its item */
	sa->sub.item_id = sa->with_rating ? rid : lid;
	sa->sub.letter_item = lid;
	if (store_psub_put(sa->c->db, sa->c->cfg->region, sa->hash, &sa->sub) < 0)
		return -1;
	if (sa->seen) {
		char hex[2 * SEEN_DIGEST + 1];
		rating_key_digest_hex(sa->digest, hex);
		if (store_prkey_add(sa->c->db, hex, sa->sub.day) < 0)
			return -1;
	}
	if (!public_side(sa->c))
		return 0;       /* single instance: the pages read the records */
	if (*out->followup_code &&
	    status_row(sa, rid, "review", sa->fbucket, sa->fhash,
		       json_pack("{s:s, s:s, s:s, s:s}", "unit", sa->unit_name, "opened", sa->sub.day,
				 "callback_due", out->callback_due, "fix_due", out->fix_due)) < 0)
		return -1;
	if (*out->letter_code &&
	    status_row(sa, lid, "letter", sa->lbucket, sa->lhash,
		       json_pack("{s:s, s:s}", "unit", sa->unit_name, "received", sa->sub.day)) < 0)
		return -1;
	return 0;
}

/* The receipt of what a key made (sub): the codes again from the key,
 * the due days again from the day. */
static int fill_receipt(struct ctx *c, const char *key, const struct public_submission *sub,
			struct public_rating_receipt *out)
{
	out->letter_code[0] = out->followup_code[0] = '\0';
	out->callback_due = out->fix_due = NULL;
	if (*sub->letter_item && rating_code_of(c, RATING_LETTER_CODE, key, out->letter_code) < 0)
		return RES_STORE;
	if (sub->review && (rating_code_of(c, RATING_FOLLOWUP_CODE, key, out->followup_code) < 0 ||
			    bad_review_dues(c, sub->day, &out->callback_due, &out->fix_due) < 0))
		return RES_STORE;
	return RES_DONE;
}

/* A plain rating as the group writer's job (domain/rating_group.h). */
static void fill_job(struct ctx *c, const struct rating_input *in, const char *hash, const char *day,
		     struct rating_job *job)
{
	struct rating_group *g = job->g;

	memset(job, 0, sizeof(*job));
	job->g = g;
	job->token = in->token;
	job->key = in->idem_key;
	job->comment = in->comment ? in->comment : "";
	job->day = day;
	memcpy(job->hash, hash, sizeof(job->hash));
	job->stars = in->stars;
	job->at = c->now;
}

/* What a key made before, answered (nothing stored): the items of its
 * public_submissions row, or, for a key the set knew without a row, a
 * plain rating's. */
static int replay(struct ctx *c, const char *key, const char *hash, struct public_rating_receipt *out)
{
	struct public_submission sub = { .letter_item = "" };
	int rc = store_psub_get(c->db, c->a, hash, &sub);

	if (rc < 0)
		return RES_STORE;
	out->replay = 1;
	out->stars = 0;
	return fill_receipt(c, key, &sub, out);
}

/* The key's claim: RES_DONE go on (sa->seen when claimed in the set),
 * or what to answer. */
static int claim_key(struct ctx *c, const struct rating_input *in, int plain, struct rating_job *job,
		     struct submit_arg *sa, struct public_rating_receipt *out, struct fielderr *fe)
{
	int rc = rating_group_claim(job ? job->g : NULL, in->idem_key, c->now, !plain, sa->digest);

	switch (rc) {
	case SEEN_NEW:
		sa->seen = 1;
		return RES_DONE;
	case SEEN_DONE:
		return replay(c, in->idem_key, sa->hash, out);
	case SEEN_BUSY:         /* the same page's other submission is being stored */
		return PUBLIC_RATING_LATER;
	case SEEN_EXPIRED:
		fielderr_add(fe, "idem_key", RATING_KEY_EXPIRED);
		return RES_INVALID;
	}
	/* no render time in the key: its public_submissions row tells */
	rc = store_psub_get(c->db, c->a, sa->hash, &sa->sub);
	if (rc < 0)
		return RES_STORE;
	return rc > 0 ? replay(c, in->idem_key, sa->hash, out) : RES_DONE;
}

/* The slow path's own transaction (a letter, a bad review): RES_DONE. */
static int submit_own(struct ctx *c, const struct rating_input *in, struct submit_arg *sa,
		      struct public_rating_receipt *out, struct fielderr *fe)
{
	int rc;

	sa->sub.review = sa->with_rating && in->stars <= BAD_REVIEW_MAX_STARS;
	sa->sub.letter_item = in->letter && *in->letter ? "x" : "";
	if ((rc = fill_receipt(c, in->idem_key, &sa->sub, out)) != RES_DONE)
		return rc;
	/* the slow hashes before the transaction, which they would hold up */
	if (public_side(c) &&
	    ((*out->letter_code && public_code_hash(out->letter_code, &sa->lbucket, sa->lhash) < 0) ||
	     (*out->followup_code && public_code_hash(out->followup_code, &sa->fbucket, sa->fhash) < 0)))
		return RES_STORE;
	if (store_tx(c->db, submit_tx, sa) < 0) {
		if (fe->n)
			return RES_INVALID;
		/* a concurrent twin with the same key won the UNIQUE race */
		rc = store_psub_get(c->db, c->a, sa->hash, &sa->sub);
		if (rc <= 0)
			return RES_STORE;
		out->replay = 1;
		out->stars = 0;
		return fill_receipt(c, in->idem_key, &sa->sub, out);
	}
	return RES_DONE;
}

int public_rating_submit(struct ctx *c, const struct rating_input *in, int with_rating,
			 struct public_rating_receipt *out, struct fielderr *fe, struct rating_job *job)
{
	struct submit_arg sa = { .c = c, .in = in, .with_rating = with_rating, .out = out, .fe = fe };
	char hash[RATING_KEY_HASH_MAX];
	int64_t unit_id;
	int rc, plain;

	memset(out, 0, sizeof(*out));
	if ((rc = rating_check(c, in, with_rating, fe)) < 0)
		return rc;
	if (in->unit_name)      /* the page looked it up (one SELECT a request) */
		out->unit_name = in->unit_name;
	else if ((rc = rating_token_unit(c, in->token, &unit_id, &out->unit_name)) != RES_DONE)
		return rc;
	sa.unit_name = out->unit_name;
	rating_key_hash(in->idem_key, hash);
	sa.hash = hash;
	/* a plain rating (no code, no status row): the writer commits it
	 * with its group */
	plain = job && with_rating && in->stars > BAD_REVIEW_MAX_STARS && !(in->letter && *in->letter);
	if ((rc = claim_key(c, in, plain, job, &sa, out, fe)) != RES_DONE || out->replay)
		return rc;
	out->stars = with_rating ? in->stars : 0;
	sa.sub.day = rating_day_of(c, c->now);
	if (plain) {
		fill_job(c, in, hash, sa.sub.day, job);
		job->seen = sa.seen;
		memcpy(job->digest, sa.digest, SEEN_DIGEST);
		return PUBLIC_RATING_QUEUED;
	}
	rc = submit_own(c, in, &sa, out, fe);
	if (sa.seen)
		rating_group_release(job->g, sa.digest, rc == RES_DONE && !out->replay);
	return rc;
}

int public_rating_finish(struct ctx *c, const struct rating_job *job, struct public_rating_receipt *out)
{
	struct public_submission sub;
	int rc;

	memset(out, 0, sizeof(*out));
	if (job->rc >= 0) {
		out->stars = job->stars;
		return RES_DONE;
	}
	if (job->rc == STORE_BUSY)
		return PUBLIC_RATING_LATER;
	if (job->rc != STORE_CONSTRAINT)
		return RES_STORE;
	/* a twin with the same key was stored first: this is its retry (a
	 * key in the set has no public_submissions row: a plain rating's) */
	sub = (struct public_submission){ .letter_item = "" };
	rc = store_psub_get(c->db, c->a, job->hash, &sub);
	if (rc < 0 || (rc == 0 && !job->seen))
		return RES_STORE;
	out->replay = 1;
	return fill_receipt(c, job->key, &sub, out);
}

/* ---- the citizen's views ------------------------------------------------------ */

static const char *dstr(struct ctx *c, json_t *d, const char *key)
{
	const char *v = json_string_value(json_object_get(d, key));
	return v ? arena_strdup(c->a, v) : NULL;
}

/* The status row of a code of kind on the public side, its detail parsed
 * (*d, new reference): RES_DONE, RES_NOT_FOUND, RES_STORE. */
static int status_of(struct ctx *c, const char *code, const char *kind, struct public_status *row, json_t **d)
{
	int rc = public_code_item(c, code, kind, row);

	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	*d = json_loads(row->detail, 0, NULL);
	if (!json_is_object(*d)) {
		json_decref(*d);
		*d = json_object();
	}
	return RES_DONE;
}

int public_letter_view(struct ctx *c, const char *code, struct letter *out)
{
	struct public_status row;
	json_t *d;
	int rc;

	if (!public_side(c))
		return letter_by_code(c, code, out);
	memset(out, 0, sizeof(*out));
	if ((rc = status_of(c, code, "letter", &row, &d)) != RES_DONE)
		return rc;
	out->unit_name = dstr(c, d, "unit");
	out->received = dstr(c, d, "received");
	out->accepted = dstr(c, d, "accepted");
	out->concluded = dstr(c, d, "concluded");
	out->state = row.status;
	out->answer = row.answer;
	out->contact = "";
	json_decref(d);
	return RES_DONE;
}

int public_review_view(struct ctx *c, const char *code, struct bad_review *out)
{
	struct public_status row;
	json_t *d;
	int rc;

	if (!public_side(c))
		return bad_review_by_code(c, code, out);
	memset(out, 0, sizeof(*out));
	if ((rc = status_of(c, code, "review", &row, &d)) != RES_DONE)
		return rc;
	out->unit_name = dstr(c, d, "unit");
	out->opened = dstr(c, d, "opened");
	out->callback_due = dstr(c, d, "callback_due");
	out->fix_due = dstr(c, d, "fix_due");
	out->called_back = dstr(c, d, "called_back");
	out->fixed = dstr(c, d, "fixed");
	out->followup_stars = (int)json_integer_value(json_object_get(d, "followup_stars"));
	out->followup_day = dstr(c, d, "followup_day");
	out->state = row.status;
	json_decref(d);
	return RES_DONE;
}

/* ---- the follow-up rating --------------------------------------------------- */

struct followup_arg {
	struct ctx *c;
	const char *code, *item_id;     /* item_id: the public side's status row */
	int stars;
	json_t *d;
	struct fielderr *fe;
};

static int followup_tx(struct store *s, void *arg)
{
	struct followup_arg *fa = arg;
	struct ctx *c = fa->c;
	char id[PUBLIC_ID_CHARS + 1], *d;
	json_t *p = json_pack("{s:I, s:s, s:i}", "at", (json_int_t)c->now, "code", fa->code, "stars", fa->stars);
	int rc;

	(void)s;
	if (!p)
		return -1;
	rc = inbox_submit(c, "followup", p, fa->fe, id);
	json_decref(p);
	if (rc < 0)
		return -1;
	if (!fa->item_id)
		return 0;
	/* shown at once on the public side; the reply batch confirms it */
	json_object_set_new(fa->d, "followup_stars", json_integer(fa->stars));
	json_object_set_new(fa->d, "followup_day", json_string(rating_day_of(c, c->now)));
	d = json_dumps(fa->d, JSON_COMPACT | JSON_SORT_KEYS);
	rc = d ? store_pstatus_detail(c->db, fa->item_id, d) : -1;
	free(d);
	return rc < 0 ? -1 : 0;
}

int public_followup_submit(struct ctx *c, const char *code, int stars, struct fielderr *fe)
{
	struct followup_arg fa = { .c = c, .code = code, .stars = stars, .fe = fe };
	struct public_status row;
	struct bad_review b;
	int rc, given;

	if (stars < 1 || stars > 5) {
		fielderr_add(fe, "stars", "请选择1至5颗星");
		return RES_INVALID;
	}
	if (public_side(c)) {
		rc = status_of(c, code, "review", &row, &fa.d);
		if (rc != RES_DONE)
			return rc;
		fa.item_id = row.item_id;
		given = json_integer_value(json_object_get(fa.d, "followup_stars")) > 0;
	} else {
		rc = bad_review_by_code(c, code, &b);
		if (rc != RES_DONE)
			return rc;
		given = b.followup_stars > 0;
	}
	if (given)
		fielderr_add(fe, "stars", "您已提交过回访评价，感谢您的监督");
	rc = given ? RES_INVALID : store_tx(c->db, followup_tx, &fa) < 0 ? RES_STORE : RES_DONE;
	json_decref(fa.d);
	return rc;
}

/* ---- the units' rating points (public side) ------------------------------------ */

int rating_points_apply(struct ctx *c, json_t *arr)
{
	size_t i;
	json_t *o;

	if (store_ppoint_clear(c->db) < 0)
		return -1;
	json_array_foreach(arr, i, o) {
		const char *t = json_string_value(json_object_get(o, "token"));
		const char *u = json_string_value(json_object_get(o, "unit"));
		if (t && u && store_ppoint_put(c->db, c->cfg->region, t, u) < 0)
			return -1;
	}
	return 0;
}

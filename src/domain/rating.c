/*
 * rating.c: the ratings of the "码上问效" channel (domain/rating.h): the
 * units' public tokens, the submission of a rating with its letter and
 * bad review inside the inbox's transaction under an idempotency key, the
 * citizen's codes, the staff lists and the statistics ratings,
 * ratings_5star and good_rate.
 *
 * Guarantees: a key writes once (looked up in the transaction, UNIQUE in
 * the table); the codes are MACs of the key under the key of the side
 * that served the page, stored here as keyed hashes; no
 * address, user agent or time of day is stored; lists are bounded by the
 * actor's jurisdiction.
 */
#include "domain/rating.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/date.h"
#include "domain/authz.h"
#include "domain/bad_review.h"
#include "domain/clocks.h"
#include "domain/ctx.h"
#include "domain/letter.h"
#include "domain/metrics.h"
#include "domain/result.h"
#include "store/q_public.h"
#include "store/q_ratings.h"
#include "store/q_settings.h"
#include "store/q_units.h"
#include "store/store.h"

QF_AUDIT_OBJECT(rating, "群众评价");

const char *rating_day_of(struct ctx *c, int64_t t)
{
	char buf[16];

	date_format(date_from_unix_cst(t), buf);
	return arena_strdup(c->a, buf);
}

/* ---- codes ---------------------------------------------------------------- */

int rating_code_of(struct ctx *c, const char *purpose, const char *key, char out[RATING_CODE_SHOWN + 1])
{
	unsigned char mac[QF_MAC_BYTES];
	unsigned long long v = 0;
	char d[RATING_CODE_DIGITS + 1];

	out[0] = '\0';
	if (!key || keyed_mac(c->keys, purpose, key, strlen(key), mac) < 0)
		return -1;
	for (int i = 0; i < 8; i++)
		v = v << 8 | mac[i];
	snprintf(d, sizeof(d), "%016llu", v % 10000000000000000ULL);
	snprintf(out, RATING_CODE_SHOWN + 1, "%.4s %.4s %.4s %.4s", d, d + 4, d + 8, d + 12);
	return 0;
}

int rating_code_hash(struct ctx *c, const char *typed, char hash[65])
{
	char d[RATING_CODE_DIGITS + 1];
	unsigned char mac[QF_MAC_BYTES];
	size_t n = 0;

	hash[0] = '\0';
	for (const char *p = typed ? typed : ""; *p; p++) {
		if (*p == ' ' || *p == '-')
			continue;
		if (*p < '0' || *p > '9' || n == RATING_CODE_DIGITS)
			return -1;
		d[n++] = *p;
	}
	if (n != RATING_CODE_DIGITS)
		return -1;
	d[n] = '\0';
	if (keyed_mac(c->keys, "rating-code-hash", d, n, mac) < 0)
		return -1;
	hex_encode(mac, sizeof(mac), hash);
	return 0;
}

/* ---- tokens --------------------------------------------------------------- */

struct token_arg {
	struct ctx *c;
	int64_t unit_id;
	const char *token;
};

static int token_tx(struct store *s, void *arg)
{
	struct token_arg *ta = arg;
	char tok[QF_TOKEN_CHARS + 1];
	int rc = store_rating_token_of(s, ta->c->a, ta->unit_id, &ta->token);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	token_new(tok);
	if (store_rating_token_insert(s, ta->unit_id, tok, ta->c->now) < 0)
		return -1;
	ta->token = arena_strdup(ta->c->a, tok);
	return 0;
}

int rating_token(struct ctx *c, int64_t unit_id, const char **token)
{
	struct token_arg ta = { .c = c, .unit_id = unit_id };
	struct unit u;
	int rc = store_unit_get(c->db, c->a, unit_id, &u);

	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	rc = authz_unit(c, unit_id, arena_printf(c->a, "unit/%" PRId64, unit_id));
	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	if (store_tx(c->db, token_tx, &ta) < 0)
		return RES_STORE;
	*token = ta.token;
	return RES_DONE;
}

struct tokens_arg {
	struct ctx *c;
	int made;
};

static int tokens_tx(struct store *s, void *arg)
{
	struct tokens_arg *ta = arg;
	char tok[QF_TOKEN_CHARS + 1];
	int64_t *ids;
	int n = store_rating_tokenless(s, ta->c->a, &ids);

	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++) {
		token_new(tok);
		if (store_rating_token_insert(s, ids[i], tok, ta->c->now) < 0)
			return -1;
	}
	ta->made = n;
	return 0;
}

int rating_tokens_all(struct ctx *c)
{
	struct tokens_arg ta = { .c = c };

	return store_tx(c->db, tokens_tx, &ta) < 0 ? RES_STORE : ta.made;
}

/* a token's text: base64url of QF_TOKEN_CHARS */
static int token_ok(const char *t)
{
	return t && strlen(t) == QF_TOKEN_CHARS &&
	       strspn(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == QF_TOKEN_CHARS;
}

int rating_token_unit(struct ctx *c, const char *token, int64_t *unit_id, const char **unit_name)
{
	int rc;

	if (!token_ok(token))
		return RES_NOT_FOUND;
	if (!c->keys->has_seal_sk) {    /* a public instance: what the reply batch brought */
		*unit_id = 0;
		rc = store_ppoint_get(c->db, c->a, token, unit_name);
		return rc < 0 ? RES_STORE : rc ? RES_DONE : RES_NOT_FOUND;
	}
	rc = store_rating_token_unit(c->db, c->a, token, unit_id, unit_name);
	return rc < 0 ? RES_STORE : rc ? RES_DONE : RES_NOT_FOUND;
}

const char *rating_url(struct ctx *c, const char *token)
{
	const char *base = NULL;
	size_t n;

	if (store_setting_get(c->db, c->a, "public_base_url", &base) != 1 || !base || !*base)
		return NULL;
	n = strlen(base);
	while (n && base[n - 1] == '/')
		n--;
	return arena_printf(c->a, "%.*s/p/rate/%s", (int)n, base, token);
}

/* ---- submission ----------------------------------------------------------- */

static int key_ok(const char *k)
{
	size_t n = k ? strlen(k) : 0;

	return n >= 16 && n <= 64 &&
	       strspn(k, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == n;
}

struct submit_arg {
	struct ctx *c;
	const struct rating_input *in;
	int64_t unit_id;
	const char *day;
	const struct clock_table *clocks;
	int with_rating;
	int64_t id;
};

static int submit_tx(struct store *s, void *arg)
{
	struct submit_arg *sa = arg;
	const struct rating_input *in = sa->in;
	int64_t lid = 0;
	int stars = 0, rc;

	/* a key already used: a replay, nothing new */
	if (sa->with_rating)
		rc = store_rating_by_key(s, in->idem_key, &sa->id, &stars, &lid);
	else
		rc = store_letter_by_key(s, in->idem_key, &sa->id);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	if (sa->with_rating) {
		struct rating v = { .unit_id = sa->unit_id, .stars = in->stars, .comment = in->comment,
				    .day = sa->day };
		sa->id = store_rating_insert(s, &v, in->idem_key);
		if (sa->id < 0 || (in->item_id && store_rating_set_item(s, sa->id, in->item_id) < 0))
			return -1;
		if (in->stars <= BAD_REVIEW_MAX_STARS &&
		    bad_review_open(sa->c, s, sa->clocks, sa->id, sa->unit_id, sa->day, in->idem_key,
				    in->followup_code) < 0)
			return -1;
	}
	if (in->letter && *in->letter) {
		const char *item = sa->with_rating ? in->letter_item : in->item_id;
		lid = letter_insert(sa->c, s, in, sa->unit_id, sa->day);
		if (lid < 0 || (item && store_letter_set_item(s, lid, item) < 0))
			return -1;
		if (!sa->with_rating)
			sa->id = lid;
	}
	return 0;
}

int rating_check(struct ctx *c, const struct rating_input *in, int with_rating, struct fielderr *fe)
{
	if (!key_ok(in->idem_key))
		fielderr_add(fe, "idem_key", "页面已失效，请刷新页面后重新提交");
	if (with_rating && (in->stars < 1 || in->stars > 5))
		fielderr_add(fe, "stars", "请选择1至5颗星");
	if (!with_rating && !(in->letter && *in->letter))
		fielderr_add(fe, "letter", "请填写信件内容");
	fielderr_len(c->a, fe, "comment", "评价意见", in->comment, RATING_COMMENT_MAX);
	fielderr_len(c->a, fe, "letter", "信件内容", in->letter, LETTER_BODY_MAX);
	fielderr_len(c->a, fe, "contact", "联系方式", in->contact, LETTER_CONTACT_MAX);
	return fe->n ? RES_INVALID : 0;
}

/* Validates `in` and resolves its unit into sa: 0, or a result. */
static int prepare(struct ctx *c, const struct rating_input *in, struct fielderr *fe, struct submit_arg *sa,
		   struct clock_table *t)
{
	const char *name;
	int rc;

	if ((rc = rating_check(c, in, sa->with_rating, fe)) < 0)
		return rc;
	if (in->token) {
		rc = rating_token_unit(c, in->token, &sa->unit_id, &name);
		if (rc != RES_DONE)
			return rc;
	} else {
		struct unit u;
		if ((rc = store_unit_get(c->db, c->a, in->unit_id, &u)) <= 0)
			return rc < 0 ? RES_STORE : RES_NOT_FOUND;
		sa->unit_id = in->unit_id;
	}
	sa->day = rating_day_of(c, in->at ? in->at : c->now);
	if (sa->with_rating && in->stars <= BAD_REVIEW_MAX_STARS) {
		if (clock_table_load(c->db, c->a, t) < 0)
			return RES_STORE;
		sa->clocks = t;
	}
	return 0;
}

int64_t rating_submit_in_tx(struct ctx *c, const struct rating_input *in, int with_rating,
			    struct fielderr *fe)
{
	struct submit_arg sa = { .c = c, .in = in, .with_rating = with_rating };
	struct clock_table t = { 0 };
	int rc = prepare(c, in, fe, &sa, &t);

	if (rc < 0)
		return rc;
	return submit_tx(c->db, &sa) < 0 ? RES_STORE : sa.id;
}

/* ---- lists ---------------------------------------------------------------- */

int rating_list(struct ctx *c, struct rating_filter *f, struct rating **out, int64_t *total)
{
	f->scope_user = authz_scope_user(c);
	*total = store_rating_count(c->db, f);
	if (*total < 0)
		return -1;
	return store_rating_list(c->db, c->a, f, out);
}

int rating_units(struct ctx *c, struct rating_filter *f, struct rating_unit_row **out)
{
	f->scope_user = authz_scope_user(c);
	return store_rating_units(c->db, c->a, f, out);
}

/* ---- statistics (DOMAIN.md section 6; docs/statistics.md) ---------------- */

static const struct metric_def metric_ratings = {
	.key = "ratings",
	.zh = "线上评价",
	.en = "service ratings made in the period (CST day of the rating)",
	.kind = METRIC_COUNT,
	.order = 140,
	.scopes = Q_METRIC_RATING_SCOPES,
	.compute = store_metric_ratings,
	.list = "/ratings?" };
QF_METRIC(&metric_ratings);
static const struct metric_def metric_ratings_5star = {
	.key = "ratings_5star",
	.zh = "五星好评",
	.en = "ratings of 5 stars made in the period",
	.kind = METRIC_COUNT,
	.order = 141,
	.scopes = Q_METRIC_RATING_SCOPES,
	.compute = store_metric_ratings_5star,
	.list = "/ratings?&stars=5" };
QF_METRIC(&metric_ratings_5star);
static const struct metric_def metric_good_rate = {
	.key = "good_rate",
	.zh = "好评率",
	.en = "ratings_5star / ratings, 1 decimal",
	.kind = METRIC_RATE,
	.order = 142,
	.scopes = Q_METRIC_RATING_SCOPES,
	.num_key = "ratings_5star",
	.den_key = "ratings",
	.decimals = 1 };
QF_METRIC(&metric_good_rate);

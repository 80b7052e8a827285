/*
 * rate.c: the citizen's pages of the "码上问效" channel, on a phone,
 * without an account: /p/rate/{token} (stars, comment, an optional
 * letter with an optional contact), the receipt with the codes and what
 * happens next, /p/letter?code= (a letter's state and answer) and
 * /p/followup (the follow-up rating of a bad review).
 *
 * The frame is the report pages' (pages/citizen.h: one column, large
 * touch targets, no staff navigation); the forms need no script.  The
 * form carries an idempotency key the server draws when it serves the
 * page, so a retry (a reload of the answer, a second tap) counts once and
 * shows the same receipt.  A plain rating (3-5 stars, no letter) is
 * parked (req_park) until the group writer has committed it, then
 * answered: acknowledged only once durable.  Nothing identifies the visitor: the pages
 * read no cookie, store no address or user agent, and log what every
 * request logs (method, path, status, latency: docs/security.md).
 * Before the key exchange (no seal_public) every page answers 503, as
 * the report form does; an unknown token 404 (unknown_point).
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/escape.h"
#include "domain/bad_review.h"
#include "domain/ctx.h"
#include "domain/letter.h"
#include "domain/public_rating.h"
#include "domain/rating.h"
#include "domain/rating_group.h"
#include "domain/rating_key.h"
#include "http/form.h"
#include "http/http.h"
#include "pages/citizen.h"
#include "pages/page.h"
#include "pages/public.h"
#include "pages/ratings.h"

static const char *const star_labels[] = { NULL, "1星 很不满意", "2星 不满意", "3星 一般", "4星 满意",
	"5星 非常满意" };

/* the title of the 503 before the keys are exchanged (citizen_closed) */
#define RATE_CLOSED "服务评价暂未开通"

static const char *token_of(struct req *r)
{
	return r->url + strlen("/p/rate/");
}

/* The rating form of a unit; values kept after an error. */
static int rate_form(struct req *r, const char *token, const char *unit_name, const char *key,
		     const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	const char *stars = req_field(r, "stars");

	citizen_begin(r, &sb, "服务评价", unit_name);
	strbuf_addstr(&sb, "<p>请对本单位的服务作出评价。评价直接送达");
	html_txt(&sb, r->c.cfg->commission);
	strbuf_addstr(&sb, "，用于监督改进作风。1星、2星的评价，单位须在1个工作日内回访、15个工作日内整改。</p>");
	field_errors_summary(&sb, fe);
	form_open_token(&sb, arena_printf(r->arena, "/p/rate/%s", token), "citizen-form", NULL);
	form_hidden(&sb, "idem_key", key);
	html_notice(&sb, "error", fielderr_get(fe, "idem_key"));
	field_group_open(&sb, "stars", "您的评价", 1, fielderr_get(fe, "stars"));
	strbuf_addstr(&sb, "<div class=\"stars\">");
	for (int i = 5; i >= 1; i--) {
		char v[2] = { (char)('0' + i), 0 };
		radio_option(&sb, "stars", v, star_labels[i], !strcmp(stars, v));
	}
	strbuf_addstr(&sb, "</div>");
	field_group_close(&sb, "stars", fielderr_get(fe, "stars"));
	field_textarea(&sb, "comment", "评价意见（可不填）", req_field(r, "comment"), 0, fielderr_get(fe, "comment"),
		       3, RATING_COMMENT_MAX, NULL);
	strbuf_addstr(&sb, "<h2>写信给本单位（可不填）</h2><p>有具体问题或建议，可以写信（群众信件）。"
		      "提交后会显示查询码，凭查询码可查看办理情况和答复。</p>");
	field_textarea(&sb, "letter", "信件内容", req_field(r, "letter"), 0, fielderr_get(fe, "letter"), 5,
		       LETTER_BODY_MAX, NULL);
	field_text(&sb, "contact", "联系方式（可不填，仅办理人员可见）", req_field(r, "contact"), 0,
		   fielderr_get(fe, "contact"), "maxlength=\"100\" autocomplete=\"off\"");
	form_close(&sb, "提交", NULL);
	return citizen_finish(r, &sb, status);
}

/* An unknown token: 404.  The public side knows only the rating points
 * the last reply batch brought, so a token whose point has not arrived
 * yet looks like a wrong or withdrawn one; the page says both. */
static int unknown_point(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;

	citizen_begin(r, &sb, "服务评价", "未找到评价页面");
	strbuf_addstr(&sb, "<p id=\"no-rating-point\">没有找到这个单位的评价页面。请核对二维码或网址；"
		      "如果二维码刚刚张贴，评价页面可能尚未开通，请过一两天再试。</p>");
	return citizen_finish(r, &sb, 404);
}

/* The unit of the page's token: 1 with *name when the page goes on;
 * 0 with *answer the page sent instead (closed, unknown, failed). */
static int rating_point(struct req *r, const char **name, int *answer)
{
	int64_t unit_id;
	int rc;

	if (citizen_closed(r)) {
		*answer = citizen_closed_page(r, RATE_CLOSED);
		return 0;
	}
	rc = rating_token_unit(&r->c, token_of(r), &unit_id, name);
	if (rc == RES_DONE)
		return 1;
	*answer = rc == RES_NOT_FOUND ? unknown_point(r) : res_error(r, rc, "rating page");
	return 0;
}

int page_rate_form(struct req *r)
{
	char key[RATING_KEY_CHARS + 1];
	struct fielderr fe = { 0 };
	const char *name;
	int rc;

	if (!rating_point(r, &name, &rc))
		return rc;
	rating_key_new(key);
	return rate_form(r, token_of(r), name, key, &fe, 200);
}

/* The receipt: thanks, the codes, what happens next. */
static int receipt_page(struct req *r, const char *unit_name, const struct public_rating_receipt *rc)
{
	struct strbuf sb = STRBUF_INIT;

	citizen_begin(r, &sb, "提交成功", NULL);
	strbuf_addstr(&sb, "<p>感谢您对");
	html_txt(&sb, unit_name);
	strbuf_addstr(&sb, "的监督。</p>");
	if (rc->stars)
		strbuf_addf(&sb, "<p>您的评价：%d星。</p>", rc->stars);
	else if (rc->replay)
		strbuf_addstr(&sb, "<p id=\"rate-replay\">您的提交已收到，无需重复提交。</p>");
	if (*rc->followup_code) {
		strbuf_addstr(&sb, "<section class=\"citizen-next\"><h2>接下来</h2><p>您的评价已转该单位办理，纪委监委督办："
			      "单位须最迟于");
		html_txt(&sb, rc->callback_due);
		strbuf_addstr(&sb, "（1个工作日内）回访您反映的情况，最迟于");
		html_txt(&sb, rc->fix_due);
		strbuf_addstr(&sb, "（15个工作日内）完成整改。</p><p>请保存回访评价码（只显示在本页）：</p><p class=\"code\">");
		html_txt(&sb, rc->followup_code);
		strbuf_addstr(&sb, "</p><p>整改后，您可以凭此码对处理结果再次评价：");
		html_link(&sb, "/p/followup", "回访评价");
		strbuf_addstr(&sb, "。</p></section>");
	}
	if (*rc->letter_code) {
		strbuf_addstr(&sb, "<section class=\"citizen-next\"><h2>您的信件</h2><p>信件已送达，将由该单位受理、办结并答复。"
			      "请保存查询码（只显示在本页）：</p><p class=\"code\">");
		html_txt(&sb, rc->letter_code);
		strbuf_addstr(&sb, "</p><p>凭查询码查看办理情况和答复：");
		html_link(&sb, "/p/letter", "查询信件");
		strbuf_addstr(&sb, "。</p></section>");
	}
	return citizen_finish(r, &sb, 200);
}

/* A plain rating parked while the group writer commits it. */
struct parked_rating {
	struct rating_job job;
	const char *unit_name;
};

/* The second half of page_rate_submit, once the rating's group is done. */
static int rate_finish(struct req *r)
{
	struct parked_rating *p = r->park_arg;
	struct public_rating_receipt rc;
	int res = public_rating_finish(&r->c, &p->job, &rc);

	/* the writer is stopping, or the database was busy: nothing was
	 * stored, and the citizen may send it again (503) */
	if (res == PUBLIC_RATING_LATER)
		return reply_error(r, E_BUSY, "the rating was not stored: the writer is stopping or busy");
	if (res != RES_DONE)
		return res_error(r, res, "rating");
	return receipt_page(r, p->unit_name, &rc);
}

int page_rate_submit(struct req *r)
{
	struct parked_rating *park = r->app->ratings ? arena_zalloc(r->arena, sizeof(*park)) : NULL;
	struct fielderr fe = { 0 };
	struct public_rating_receipt rc;
	struct rating_input in = {
		.token = token_of(r), .idem_key = req_field(r, "idem_key"), .comment = req_field(r, "comment"),
		.letter = req_field(r, "letter"), .contact = req_field(r, "contact"),
	};
	const char *name, *stars = req_field(r, "stars");
	int res;

	if (!rating_point(r, &name, &res))
		return res;
	in.unit_name = name;
	if (park)
		park->job.g = r->app->ratings;
	if (!public_post_allowed(r)) {
		fielderr_add(&fe, "idem_key", "提交过于频繁，请稍后再试");
		return rate_form(r, in.token, name, in.idem_key, &fe, 429);
	}
	if (strlen(stars) == 1 && stars[0] >= '1' && stars[0] <= '5')
		in.stars = stars[0] - '0';
	else if (*stars)
		in.stars = -1;          /* refused as out of range */
	/* a letter alone is a letter; anything else asks for stars; sealed
	 * into the public inbox in both modes (domain/public_rating.c) */
	res = public_rating_submit(&r->c, &in, !(!*stars && *in.letter), &rc, &fe, park ? &park->job : NULL);
	if (res == PUBLIC_RATING_QUEUED) {
		/* acknowledged only once durable: parked until its group commits */
		park->unit_name = name;
		park->job.notify = req_unpark;
		park->job.arg = r;
		r->park_arg = park;
		res = req_park(r, rate_finish);
		rating_group_submit(r->app->ratings, &park->job);
		return res;
	}
	if (res == PUBLIC_RATING_LATER)         /* the same page's other submission */
		return reply_error(r, E_BUSY, "the rating was not stored: its key is being stored");
	if (res == RES_INVALID) {
		char key[RATING_KEY_CHARS + 1];
		if (fielderr_get(&fe, "idem_key"))
			rating_key_new(key);
		return rate_form(r, in.token, name, fielderr_get(&fe, "idem_key") ? key : in.idem_key, &fe, 422);
	}
	if (res != RES_DONE)
		return res_error(r, res, "rating");
	return receipt_page(r, name, &rc);
}

/* ---- /p/letter ------------------------------------------------------------- */

static void code_form(struct strbuf *sb, const char *action, const char *code, const char *err)
{
	filter_open_as(sb, action, NULL);
	field_text(sb, "code", "查询码（16位数字）", code, 1, err,
		   "inputmode=\"numeric\" autocomplete=\"off\" maxlength=\"40\"");
	filter_close(sb, "查询", NULL);
}

int page_letter_status(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;
	const char *code = req_arg(r, "code");
	struct letter v;
	int limited, rc;
	unsigned status = 200;

	if (citizen_closed(r))
		return citizen_closed_page(r, RATE_CLOSED);
	limited = *code && !public_guess_allowed(r);
	rc = *code && !limited ? public_letter_view(&r->c, code, &v) : RES_NOT_FOUND;
	if (rc == RES_STORE)
		return res_error(r, rc, "letter");
	if (limited) {
		citizen_begin(r, &sb, "查询信件", "查询信件办理情况");
		code_form(&sb, "/p/letter", code, "查询次数过多，请稍后再试");
		return citizen_finish(r, &sb, 429);
	}
	if (*code && rc != RES_DONE)
		public_guess_missed(r);  /* a wrong code: one of the guessing budget */
	citizen_begin(r, &sb, "查询信件", "查询信件办理情况");
	if (*code && rc != RES_DONE)
		status = 404;
	code_form(&sb, "/p/letter", code, status == 404 ? "未找到该查询码对应的信件，请核对后重试" : NULL);
	if (rc == RES_DONE) {
		record_open(&sb);
		record_item(&sb, "办理单位", v.unit_name);
		record_item(&sb, "收到日期", v.received);
		record_item(&sb, "状态", label_of(letter_states, v.state));
		record_item(&sb, "受理日期", v.accepted);
		record_item(&sb, "办结日期", v.concluded);
		record_item(&sb, "答复", *v.answer ? v.answer : NULL);
		record_close(&sb);
	}
	return citizen_finish(r, &sb, status);
}

/* ---- /p/followup --------------------------------------------------------------- */

static int followup_page(struct req *r, const struct fielderr *fe, unsigned status, const char *done)
{
	struct strbuf sb = STRBUF_INIT;
	const char *code = *req_field(r, "code") ? req_field(r, "code") : req_arg(r, "code");
	const char *stars = req_field(r, "stars");
	struct bad_review v;
	const char *busy = NULL;
	int rc = RES_NOT_FOUND;

	if (*code && !fielderr_get(fe, "code") && !public_guess_allowed(r)) {
		status = 429;
		busy = "查询次数过多，请稍后再试";
	} else if (*code && !fielderr_get(fe, "code")) {
		rc = public_review_view(&r->c, code, &v);
		if (rc == RES_NOT_FOUND)
			public_guess_missed(r);
	}
	if (rc == RES_STORE)
		return res_error(r, rc, "bad review");
	citizen_begin(r, &sb, "回访评价", NULL);
	html_notice(&sb, "ok", done);
	html_notice(&sb, "error", busy);
	if (rc == RES_DONE) {
		record_open(&sb);
		record_item(&sb, "单位", v.unit_name);
		record_item(&sb, "评价日期", v.opened);
		record_item(&sb, "办理情况", label_of(bad_review_states, v.state));
		record_item(&sb, "回访期限", v.callback_due);
		record_item(&sb, "整改期限", v.fix_due);
		record_item(&sb, "回访日期", v.called_back);
		record_item(&sb, "整改日期", v.fixed);
		record_close(&sb);
	}
	if (rc == RES_DONE && v.followup_stars) {
		strbuf_addstr(&sb, "<p>您已于");
		html_txt(&sb, v.followup_day);
		strbuf_addf(&sb, "作出回访评价：%d星。感谢您的监督。</p>", v.followup_stars);
		return citizen_finish(r, &sb, status);
	}
	field_errors_summary(&sb, fe);
	form_open_token(&sb, "/p/followup", "citizen-form", NULL);
	field_text(&sb, "code", "回访评价码（16位数字）", code, 1,
		   fielderr_get(fe, "code") ? fielderr_get(fe, "code")
		   : (*code && rc != RES_DONE ? "未找到该回访评价码，请核对后重试" : NULL),
		   "inputmode=\"numeric\" autocomplete=\"off\" maxlength=\"40\"");
	field_group_open(&sb, "stars", "对处理结果的评价", 1, fielderr_get(fe, "stars"));
	strbuf_addstr(&sb, "<div class=\"stars\">");
	for (int i = 5; i >= 1; i--) {
		char s[2] = { (char)('0' + i), 0 };
		radio_option(&sb, "stars", s, star_labels[i], !strcmp(stars, s));
	}
	strbuf_addstr(&sb, "</div>");
	field_group_close(&sb, "stars", fielderr_get(fe, "stars"));
	form_close(&sb, "提交", NULL);
	return citizen_finish(r, &sb, status);
}

int page_followup_form(struct req *r)
{
	struct fielderr fe = { 0 };

	if (citizen_closed(r))
		return citizen_closed_page(r, RATE_CLOSED);
	return followup_page(r, &fe, 200, NULL);
}

int page_followup_submit(struct req *r)
{
	struct fielderr fe = { 0 };
	const char *stars = req_field(r, "stars");
	int n = strlen(stars) == 1 && stars[0] >= '1' && stars[0] <= '5' ? stars[0] - '0' : 0;
	int rc;

	if (citizen_closed(r))
		return citizen_closed_page(r, RATE_CLOSED);
	if (!public_post_allowed(r) || !public_guess_allowed(r)) {
		fielderr_add(&fe, "code", "提交过于频繁，请稍后再试");
		return followup_page(r, &fe, 429, NULL);
	}
	rc = public_followup_submit(&r->c, req_field(r, "code"), n, &fe);
	if (rc == RES_NOT_FOUND)
		public_guess_missed(r);
	if (rc == RES_INVALID)
		return followup_page(r, &fe, 422, NULL);
	if (rc == RES_NOT_FOUND) {
		fielderr_add(&fe, "code", "未找到该回访评价码，请核对后重试");
		return followup_page(r, &fe, 404, NULL);
	}
	if (rc != RES_DONE)
		return res_error(r, rc, "bad review");
	return followup_page(r, &fe, 200, "回访评价已提交，感谢您的监督。");
}

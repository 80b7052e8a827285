/*
 * public.c: the citizen's pages of the public channel (issue 13): the
 * report form, the page that shows the query code once, and the query.
 * Mobile-first and bare (no staff frame); every value escaped by the kit.
 *
 * No session exists here, so the forms carry the login form's kind of
 * token (core/pretoken.c: a MAC over a time and a nonce, good for two
 * hours) against cross-site posting.  Every post takes a token of the
 * address's budget (r->app->post_limits: each costs an Argon2id) and a
 * wrong query code one of its guessing budget (r->app->query_limits),
 * both in memory only; the address is never stored or logged (the ctx's
 * who.ip is "-" on these routes).
 *
 * Every form is also a proof-of-work challenge (core/pow.h): its token is
 * the challenge, assets/pow.js finds the nonce (field "pow") before the
 * form goes, and a post is checked (one SHA-256) and its token marked used
 * before anything costly (Argon2id, sealing).  The report form takes files
 * (R_UPLOAD): they are checked here and sealed with the rest.
 */
#include "pages/public.h"

#include <string.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/escape.h"
#include "core/pow.h"
#include "core/ratelimit.h"
#include "domain/public_report.h"
#include "domain/result.h"
#include "http/http.h"
#include "office/filetype.h"
#include "pages/citizen.h"
#include "pages/page.h"

#define TOKEN_MAX_AGE (2 * 3600)

static const struct label name_modes[] = {
	{ "anonymous", "匿名举报" },
	{ "real", "实名举报" },
	{ NULL, NULL }
};

/* A form of this server, opened with a fresh token that is also its
 * proof-of-work challenge (data-pow: the bits assets/pow.js must find);
 * upload: multipart, for files. */
static void public_form(struct req *r, struct strbuf *sb, const char *action, int upload)
{
	char token[QF_PRETOKEN_CHARS + 1];

	pretoken_new(&r->app->keys, r->c.now, token);
	strbuf_addstr(sb, "<noscript><p class=\"notice error\">本页需要启用浏览器的 JavaScript 才能提交："
		      "提交前浏览器要先完成一道自动的计算验证（约一秒），用于防止恶意批量提交。"
		      "请在浏览器设置中启用 JavaScript 后刷新本页。</p></noscript>");
	strbuf_addstr(sb, "<form method=\"post\" action=\"");
	html_attr(sb, action);
	strbuf_addf(sb, "\" class=\"stack\" data-pow=\"%d\"%s>", r->c.cfg->pow_bits,
		    upload ? " enctype=\"multipart/form-data\"" : "");
	form_hidden(sb, "csrf", token);
	form_hidden(sb, "pow", "");
}

/* The proof of work of a post whose token is good: NULL when it is solved
 * and its challenge was not used before (now marked used), else why not. */
static const char *pow_refused(struct req *r)
{
	const char *t = req_field(r, "csrf"), *nonce = req_field(r, "pow");
	int rc;

	if (!*nonce)
		return "提交验证未完成：本页需要启用浏览器的 JavaScript，请启用后刷新页面重新提交";
	if (!pow_solved(t, nonce, r->c.cfg->pow_bits))
		return "提交验证未通过，请刷新页面后重新提交";
	rc = pow_seen_mark(r->app->pow_seen, t, r->c.now, r->c.now + TOKEN_MAX_AGE + 60);
	if (rc == 0)
		return "此页面已经提交过一次，请刷新页面后重新填写提交";
	if (rc < 0)
		return "提交的人数过多，请稍后再试";
	return NULL;
}

/* The uploaded files (multipart fields "files" with a name or content)
 * into an arena array: their count. */
static int uploaded_files(struct req *r, struct public_file **out)
{
	struct public_file *v = arena_alloc(r->arena, sizeof(*v) * (size_t)(r->form.n + 1));
	int n = 0;

	for (int i = 0; i < r->form.n; i++) {
		const struct form_field *f = &r->form.fields[i];
		if (strcmp(f->key, "files") || !f->filename || (!*f->filename && !f->len))
			continue;
		v[n++] = (struct public_file){ f->filename, f->value, f->len };
	}
	*out = v;
	return n;
}

static int token_ok(struct req *r)
{
	const char *t = req_field(r, "csrf");

	return *t && pretoken_check(&r->app->keys, t, r->c.now, TOKEN_MAX_AGE) == 0;
}

/* Takes a token of the address's post budget (in memory only): 1 when it
 * may go on. */
int public_post_allowed(struct req *r)
{
	char key[QF_ADDR_KEY_MAX];

	ratelimit_addr_key(req_client_ip(r), key);
	return ratelimit_take(r->app->post_limits, key, r->c.now) >= 0;
}

int public_guess_allowed(struct req *r)
{
	char key[QF_ADDR_KEY_MAX];

	ratelimit_addr_key(req_client_ip(r), key);
	return ratelimit_allowed(r->app->query_limits, key, r->c.now);
}

void public_guess_missed(struct req *r)
{
	char key[QF_ADDR_KEY_MAX];

	ratelimit_addr_key(req_client_ip(r), key);
	ratelimit_take(r->app->query_limits, key, r->c.now);
}

static int report_form(struct req *r, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	const char *mode = req_field(r, "mode");

	citizen_begin(r, &sb, "网上举报", NULL);
	strbuf_addstr(&sb, "<p class=\"hint\">您反映的内容在提交时即加密，只有纪委监委受理人员能够查看。"
		      "提交后您会得到一个16位查询码，请妥善保存，"
		      "凭码可查询办理情况和答复。</p>");
	field_errors_summary(&sb, fe);
	public_form(r, &sb, "/p/report", 1);
	field_select(&sb, "mode", "举报方式", name_modes, *mode ? mode : "anonymous", 1,
		     fielderr_get(fe, "mode"), "请选择");
	field_text(&sb, "reporter", "您的姓名（实名举报填写）", req_field(r, "reporter"), 0,
		   fielderr_get(fe, "reporter"), "maxlength=\"50\" autocomplete=\"off\"");
	field_text(&sb, "contact", "联系方式（实名举报填写）", req_field(r, "contact"), 0,
		   fielderr_get(fe, "contact"), "maxlength=\"100\" autocomplete=\"off\" inputmode=\"tel\"");
	field_text(&sb, "person", "被反映人姓名", req_field(r, "person"), 0, fielderr_get(fe, "person"),
		   "maxlength=\"100\" autocomplete=\"off\"");
	field_text(&sb, "unit", "被反映人所在单位、职务", req_field(r, "unit"), 0, fielderr_get(fe, "unit"),
		   "maxlength=\"100\" autocomplete=\"off\"");
	field_textarea(&sb, "summary", "反映的主要问题", req_field(r, "summary"), 1,
		       fielderr_get(fe, "summary"), 8, 5000,
		       "请写明时间、地点、经过和涉及的人和事，尽量具体。");
	field_text(&sb, "files", "附件（可选）", "", 0, fielderr_get(fe, "files"),
		   arena_printf(r->arena, "type=\"file\" multiple data-max-bytes=\"%d\" data-max-files=\"%d\" "
				"accept=\"image/jpeg,image/png,image/tiff,.jpg,.jpeg,.png,.tif,.tiff,"
				".pdf,.ofd,.doc,.docx,.xls,.xlsx,.txt\"", r->c.cfg->public_file_max, PUBLIC_FILES_MAX));
	strbuf_addf(&sb, "<p class=\"hint\" id=\"files-limits\">最多 %d 个文件，每个不超过 %.1f MB，"
		    "合计不超过 %.0f MB；按文件内容识别类型，只接受 ", PUBLIC_FILES_MAX,
		    r->c.cfg->public_file_max / (1024.0 * 1024.0), r->app->max_upload / (1024.0 * 1024.0));
	html_txt(&sb, filetype_accepted());
	strbuf_addstr(&sb, "。附件与举报内容一同加密，只有受理人员能够查看。");
	if (fe->n)
		strbuf_addstr(&sb, "如页面提示有误，请重新选择附件。");
	strbuf_addstr(&sb, "</p>");
	form_button(&sb, "提交举报", NULL, NULL, "primary");
	form_end(&sb);
	return citizen_finish(r, &sb, status);
}

int page_public_report_form(struct req *r)
{
	if (citizen_closed(r))
		return citizen_closed_page(r, "网上举报暂未开通");
	return report_form(r, &(struct fielderr){ 0 }, 200);
}

int page_public_report(struct req *r)
{
	struct public_report_input in = { 0 };
	struct fielderr fe = { 0 };
	struct strbuf sb = STRBUF_INIT;
	struct public_file *files;
	char code[PUBLIC_CODE_DIGITS + 1];
	const char *mode = req_field(r, "mode"), *why;
	int rc;

	if (citizen_closed(r))
		return citizen_closed_page(r, "网上举报暂未开通");
	if (!token_ok(r)) {
		fielderr_add(&fe, "summary", "页面已过期，请核对内容后重新提交");
		return report_form(r, &fe, 403);
	}
	if ((why = pow_refused(r))) {
		fielderr_add(&fe, "summary", why);
		return report_form(r, &fe, 403);
	}
	if (!public_post_allowed(r)) {
		fielderr_add(&fe, "summary", "提交过于频繁，请稍后再试");
		return report_form(r, &fe, 429);
	}
	if (!label_of(name_modes, mode))
		fielderr_add(&fe, "mode", "请选择实名或匿名举报");
	in.real_name = !strcmp(mode, "real");
	in.reporter = req_field(r, "reporter");
	in.contact = req_field(r, "contact");
	in.person = req_field(r, "person");
	in.unit = req_field(r, "unit");
	in.summary = req_field(r, "summary");
	in.n_files = uploaded_files(r, &files);
	in.files = files;
	if (!in.real_name && (*in.reporter || *in.contact))
		fielderr_add(&fe, "reporter", "匿名举报请不要填写姓名和联系方式");
	if (fe.n)
		return report_form(r, &fe, 422);
	rc = public_report_submit(&r->c, &in, &fe, code);
	if (rc == RES_INVALID)
		return report_form(r, &fe, 422);
	if (rc < 0)
		return res_error(r, rc, "public report");
	citizen_begin(r, &sb, "举报已提交", NULL);
	strbuf_addstr(&sb, "<p>您的举报已加密保存，我们将按规定受理办理。请记下您的查询码，"
		      "它只显示这一次，丢失后无法找回：</p><p class=\"code\" id=\"query-code\">");
	for (int i = 0; i < PUBLIC_CODE_DIGITS; i += 4) {
		strbuf_add(&sb, code + i, 4);
		if (i + 4 < PUBLIC_CODE_DIGITS)
			strbuf_addch(&sb, ' ');
	}
	strbuf_addstr(&sb, "</p><p class=\"hint\">凭查询码可在“查询办理情况”页面看到办理状态"
		      "（已收到、已受理、办理中、已办结）和答复。办理需要时间，请过几个工作日再查询。"
		      "请勿将查询码告诉他人。</p>");
	return citizen_finish(r, &sb, 200);
}

static int status_page(struct req *r, const char *code, const char *status, const char *answer,
		       const struct fielderr *fe, unsigned st);

static int query_form(struct req *r, const char *msg, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;

	citizen_begin(r, &sb, "查询办理情况", NULL);
	html_notice(&sb, "error", msg);
	public_form(r, &sb, "/p/query", 0);
	field_text(&sb, "code", "查询码（16位数字）", "", 1, NULL,
		   "inputmode=\"numeric\" autocomplete=\"off\" maxlength=\"24\"");
	form_button(&sb, "查询", NULL, NULL, "primary");
	form_end(&sb);
	return citizen_finish(r, &sb, status);
}

int page_public_query_form(struct req *r)
{
	return query_form(r, NULL, 200);
}

int page_public_query(struct req *r)
{
	char key[QF_ADDR_KEY_MAX];
	const char *status, *answer, *why;
	int rc;

	if (!token_ok(r))
		return query_form(r, "页面已过期，请重新输入查询码", 403);
	if ((why = pow_refused(r)))
		return query_form(r, why, 403);
	/* counted per address in memory only, never stored (issue 13) */
	ratelimit_addr_key(req_client_ip(r), key);
	if (!public_post_allowed(r) || !ratelimit_allowed(r->app->query_limits, key, r->c.now))
		return query_form(r, "查询次数过多，请稍后再试", 429);
	rc = public_report_query(&r->c, req_field(r, "code"), &status, &answer);
	if (rc < 0)
		return res_error(r, rc, "public query");
	if (rc == 0) {
		ratelimit_take(r->app->query_limits, key, r->c.now);
		return query_form(r, "查询码不正确，请核对后重新输入", 404);
	}
	return status_page(r, req_field(r, "code"), status, answer, &(struct fielderr){ 0 }, 200);
}

/* The status, the answer and the form of a follow-up (the code travels
 * in it: the page is the reporter's own, sent with no-store). */
static int status_page(struct req *r, const char *code, const char *status, const char *answer,
		       const struct fielderr *fe, unsigned st)
{
	struct strbuf sb = STRBUF_INIT;

	citizen_begin(r, &sb, "办理情况", NULL);
	record_open(&sb);
	record_item(&sb, "办理状态", label_of(public_statuses, status));
	record_close(&sb);
	if (*answer) {
		strbuf_addstr(&sb, "<h2>答复</h2><p class=\"answer\" id=\"public-answer\">");
		html_txt(&sb, answer);
		strbuf_addstr(&sb, "</p>");
	}
	strbuf_addstr(&sb, "<h2>补充说明</h2><p class=\"hint\">有新的情况可在此补充，内容同样加密，"
		      "只有受理人员能看到。</p>");
	field_errors_summary(&sb, fe);
	public_form(r, &sb, "/p/message", 0);
	form_hidden(&sb, "code", code);
	field_textarea(&sb, "message", "补充说明", fe->n ? req_field(r, "message") : "", 1,
		       fielderr_get(fe, "message"), 5, 2000, NULL);
	form_button(&sb, "提交补充说明", NULL, NULL, "primary");
	form_end(&sb);
	return citizen_finish(r, &sb, st);
}

int page_public_message(struct req *r)
{
	char key[QF_ADDR_KEY_MAX];
	const char *status, *answer, *why;
	struct fielderr fe = { 0 };
	struct strbuf sb = STRBUF_INIT;
	int rc;

	if (citizen_closed(r))
		return citizen_closed_page(r, "网上举报暂未开通");
	if (!token_ok(r))
		return query_form(r, "页面已过期，请重新输入查询码", 403);
	if ((why = pow_refused(r)))
		return query_form(r, why, 403);
	ratelimit_addr_key(req_client_ip(r), key);
	if (!public_post_allowed(r) || !ratelimit_allowed(r->app->query_limits, key, r->c.now))
		return query_form(r, "提交过于频繁，请稍后再试", 429);
	rc = public_message_submit(&r->c, req_field(r, "code"), req_field(r, "message"), &fe);
	if (rc == RES_INVALID) {
		rc = public_report_query(&r->c, req_field(r, "code"), &status, &answer);
		if (rc > 0)
			return status_page(r, req_field(r, "code"), status, answer, &fe, 422);
	}
	if (rc < 0)
		return res_error(r, rc, "public message");
	if (rc == 0) {
		ratelimit_take(r->app->query_limits, key, r->c.now);
		return query_form(r, "查询码不正确，请核对后重新输入", 404);
	}
	citizen_begin(r, &sb, "补充说明已提交", NULL);
	strbuf_addstr(&sb, "<p id=\"message-sent\">您的补充说明已加密提交，受理人员会一并处理。</p>");
	return citizen_finish(r, &sb, 200);
}

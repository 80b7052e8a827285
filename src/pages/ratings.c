/*
 * ratings.c: the staff's pages of the "码上问效" channel: /ratings
 * (ratings and the good rate by unit for a period, and the ratings
 * themselves), /ratings/letters and a letter's page (accept, conclude
 * with the answer the citizen reads), /ratings/bad and a bad review's
 * page (its two clocks, call back, fix), and a unit's QR code and A4
 * poster.  Every list is bounded by the user's jurisdiction in the
 * domain; comments and letters are citizens' text, escaped like any
 * value by the kit.
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/escape.h"
#include "domain/authz.h"
#include "domain/bad_review.h"
#include "domain/ctx.h"
#include "domain/letter.h"
#include "domain/metrics.h"
#include "domain/rating.h"
#include "domain/unit.h"
#include "http/filter.h"
#include "http/form.h"
#include "http/http.h"
#include "office/docx.h"
#include "pages/list.h"
#include "pages/list_kept.h"
#include "pages/page.h"
#include "pages/rating_units.h"
#include "pages/ratings.h"

static const struct label star_choices[] = {
	{ "5", "5星" }, { "4", "4星" }, { "3", "3星" }, { "2", "2星" }, { "1", "1星" }, { NULL, NULL } };
static const struct label letter_state_choices[] = {
	{ "received", "待受理" }, { "accepted", "已受理" }, { "concluded", "已办结" }, { NULL, NULL } };
static const struct label review_state_choices[] = {
	{ "open", "待回访" }, { "called_back", "已回访，整改中" }, { "fixed", "已整改" }, { NULL, NULL } };

/* the three lists' links under the title */
static void rating_tabs(struct strbuf *sb)
{
	strbuf_addstr(sb, "<p class=\"toolbar\">");
	button_link(sb, "/ratings", "评价", 0);
	strbuf_addch(sb, ' ');
	button_link(sb, "/ratings/letters", "群众信件", 0);
	strbuf_addch(sb, ' ');
	button_link(sb, "/ratings/bad", "差评办理", 0);
	strbuf_addstr(sb, "</p>");
}

/* from, to, the unit (within) */
static void period_fields(struct req *r, struct strbuf *sb, int64_t within)
{
	field_text(sb, "from", "自", req_arg(r, "from"), 0, NULL, "type=\"date\"");
	field_text(sb, "to", "至", req_arg(r, "to"), 0, NULL, "type=\"date\"");
	unit_select(r, sb, "within", "单位（含下级）", within, 0, NULL, "全部");
}

/* The head of one of the three list pages: the frame, the tabs, the filter
 * bar opened with the period and the unit (the page adds its own fields
 * and closes it).  The three lists keep their rendering under the data's
 * version (list_kept.h; ratings16h: /ratings read 25 ms of CPU a view at
 * 10M). */
static void list_page_begin(struct req *r, struct list_kept *k, struct strbuf *sb, const char *title,
			    const char *const *crumbs, const char *action, int64_t within)
{
	list_kept_begin(r, k, sb, title, crumbs);
	rating_tabs(sb);
	filter_open(sb, action);
	period_fields(r, sb, within);
}

/* The end of a list page: the workbook when exporting (format=xlsx), else
 * the empty sentence, the pager and the page. */
static int list_finish(struct req *r, struct list_kept *k, struct listw *w, struct strbuf *sb,
		       const struct filter_spec *spec, const void *f, int64_t total, const char *empty,
		       const char *path, const char *const *args)
{
	if (w->xlsx)
		return list_export(w, spec, f, total);
	list_close(w, empty);
	list_pager(w, list_args_base(r, path, args), req_page(r), total, list_per_page(r));
	return list_kept_finish(r, k, sb);
}

/* The frame of a record's page under 群众评价 > section, its notice and
 * the form's errors. */
static void record_begin(struct req *r, struct strbuf *sb, const char *title, const char *section,
			 const char *section_href, const struct fielderr *fe)
{
	const char *crumbs[] = { "工作台", "/", "群众评价", "/ratings", section, section_href, title, NULL, NULL };

	page_begin(r, sb, title, crumbs);
	field_errors_summary(sb, fe);
}

/* ---- /ratings --------------------------------------------------------------- */

static const struct list_col rating_cols[] = { { "日期", NULL, 0, 0 }, { "单位", NULL, 0, 0 },
	{ "星级", "num", 0, 0 }, { "评价意见", NULL, 0, 0 } };
static const struct list_def rating_list_def = LIST_DEF("群众评价", "ratings", NULL, rating_cols);
static const char *const rating_args[] = { "from", "to", "within", "stars", NULL };

int page_ratings(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "群众评价", NULL, NULL };
	struct rating_filter f;
	struct rating *v;
	struct rating_unit_row *u;
	struct listw w;
	int64_t total;
	int n, nu;
	struct list_kept k;

	if (list_kept_serve(r, &k, "群众评价（码上问效）", crumbs))
		return k.rc;
	list_filter(r, &rating_filter_spec, &f, list_per_page(r));
	n = rating_list(&r->c, &f, &v, &total);
	if (n < 0)
		return res_error(r, RES_STORE, "ratings");
	if (!list_wants_xlsx(r)) {
		list_page_begin(r, &k, &sb, "群众评价（码上问效）", crumbs, "/ratings", f.within);
		field_select(&sb, "stars", "星级", star_choices, req_arg(r, "stars"), 0, NULL, "全部");
		filter_close(&sb, NULL, "/ratings");
		nu = rating_units(&r->c, &f, &u);
		if (nu < 0)
			return res_error(r, RES_STORE, "ratings");
		rating_unit_table(r, &sb, u, nu);
		strbuf_addstr(&sb, "<h2>评价明细</h2>");
	}
	list_open(&w, r, &sb, &rating_list_def);
	for (int i = 0; i < n; i++) {
		list_day(&w, v[i].day);
		list_text(&w, v[i].unit_name);
		list_int(&w, v[i].stars);
		list_text(&w, v[i].comment);
		list_row_end(&w);
	}
	return list_finish(r, &k, &w, &sb, &rating_filter_spec, &f, total, "没有符合条件的评价", "/ratings",
			   rating_args);
}

/* ---- letters ---------------------------------------------------------------- */

static const struct list_col letter_cols[] = { { "编号", "num", 0, 0 }, { "收到日期", NULL, 0, 0 },
	{ "单位", NULL, 0, 0 }, { "信件内容", NULL, 0, 0 }, { "状态", NULL, 0, 0 },
	{ "办结日期", NULL, 0, 0 } };
static const struct list_def letter_list_def = LIST_DEF("群众信件", "letters", "letter", letter_cols);
static const char *const letter_args[] = { "from", "to", "concluded_from", "concluded_to", "within", "state",
	NULL };

int page_rating_letters(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "群众评价", "/ratings", "群众信件", NULL, NULL };
	struct letter_filter f;
	struct letter *v;
	struct listw w;
	int64_t total;
	int n;
	struct list_kept k;

	if (list_kept_serve(r, &k, "群众信件", crumbs))
		return k.rc;
	list_filter(r, &letter_filter_spec, &f, list_per_page(r));
	n = letter_list(&r->c, &f, &v, &total);
	if (n < 0)
		return res_error(r, RES_STORE, "letters");
	if (!list_wants_xlsx(r)) {
		list_page_begin(r, &k, &sb, "群众信件", crumbs, "/ratings/letters", f.within);
		field_text(&sb, "concluded_from", "办结自", req_arg(r, "concluded_from"), 0, NULL, "type=\"date\"");
		field_text(&sb, "concluded_to", "办结至", req_arg(r, "concluded_to"), 0, NULL, "type=\"date\"");
		field_select(&sb, "state", "状态", letter_state_choices, req_arg(r, "state"), 0, NULL, "全部");
		filter_close(&sb, NULL, "/ratings/letters");
	}
	list_open(&w, r, &sb, &letter_list_def);
	for (int i = 0; i < n; i++) {
		list_id(&w, "/ratings/letters", v[i].id);
		list_day(&w, v[i].received);
		list_text(&w, v[i].unit_name);
		list_text(&w, v[i].body);
		list_text(&w, label_of(letter_states, v[i].state));
		list_day(&w, v[i].concluded);
		list_row_end(&w);
	}
	return list_finish(r, &k, &w, &sb, &letter_filter_spec, &f, total, "没有符合条件的群众信件", "/ratings/letters",
			   letter_args);
}

static int letter_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	struct letter v;
	int rc = letter_get(&r->c, r->id, &v);

	if (rc != RES_DONE)
		return res_error(r, rc, "letter");
	record_begin(r, &sb, arena_printf(r->arena, "群众信件 %" PRId64, v.id), "群众信件", "/ratings/letters", fe);
	record_head(&sb, label_of(letter_states, v.state));
	record_open(&sb);
	record_item(&sb, "单位", v.unit_name);
	record_item(&sb, "收到日期", v.received);
	record_item(&sb, "信件内容", v.body);
	record_item(&sb, "联系方式", v.contact);
	record_item(&sb, "受理日期", v.accepted);
	record_item(&sb, "办结日期", v.concluded);
	record_item(&sb, "答复", v.answer);
	record_close(&sb);
	if (authz_has(&r->c.who, PERM_RATING_WORK) && strcmp(v.state, "concluded")) {
		if (!strcmp(v.state, "received")) {
			form_open(r, &sb, arena_printf(r->arena, "/ratings/letters/%" PRId64 "/accept", v.id), NULL);
			form_close(&sb, "受理", NULL);
		}
		strbuf_addstr(&sb, "<h2>办结并答复</h2>");
		form_open(r, &sb, arena_printf(r->arena, "/ratings/letters/%" PRId64 "/conclude", v.id), "record-form");
		field_textarea(&sb, "answer", "答复内容（群众凭查询码可见）", req_field(r, "answer"), 1,
			       fielderr_get(fe, "answer"), 5, LETTER_ANSWER_MAX, NULL);
		form_close(&sb, "办结", NULL);
	}
	return page_finish(r, &sb, status);
}

int page_rating_letter(struct req *r)
{
	struct fielderr fe = { 0 };

	return letter_page(r, &fe, 200);
}

static int step_done(struct req *r, int rc, struct fielderr *fe, int (*again)(struct req *, const struct fielderr *, unsigned),
		     const char *what, const char *path)
{
	if (rc == RES_INVALID)
		return again(r, fe, 422);
	return page_result(r, rc, what, arena_printf(r->arena, "%s/%" PRId64 "?ok=done", path, r->id));
}

int page_rating_letter_accept(struct req *r)
{
	struct fielderr fe = { 0 };

	return step_done(r, letter_accept(&r->c, r->id, &fe), &fe, letter_page, "letter", "/ratings/letters");
}

int page_rating_letter_conclude(struct req *r)
{
	struct fielderr fe = { 0 };

	return step_done(r, letter_conclude(&r->c, r->id, req_field(r, "answer"), &fe), &fe, letter_page, "letter",
			 "/ratings/letters");
}

/* ---- bad reviews --------------------------------------------------------------- */

static const struct list_col review_cols[] = { { "编号", "num", 0, 0 }, { "评价日期", NULL, 0, 0 },
	{ "单位", NULL, 0, 0 }, { "星级", "num", 0, 0 }, { "评价意见", NULL, 0, 0 }, { "状态", NULL, 0, 0 },
	{ "回访时限", NULL, 0, 0 }, { "整改时限", NULL, 0, 0 } };
static const struct list_def review_list_def = LIST_DEF("差评办理", "bad_reviews", "bad_review", review_cols);
static const char *const review_args[] = { "from", "to", "within", "state", NULL };

/* a clock's cell: the due day and its badge */
static void clock_cell(struct listw *w, const char *due, const char *done)
{
	struct strbuf *td = list_cell(w, NULL, office_text(due));

	if (!td)
		return;
	html_txt(td, due);
	strbuf_addch(td, ' ');
	clock_badge(w->r, td, due, done);
	list_cell_end(w);
}

int page_bad_reviews(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "群众评价", "/ratings", "差评办理", NULL, NULL };
	struct bad_review_filter f;
	struct bad_review *v;
	struct listw w;
	int64_t total;
	int n;
	struct list_kept k;

	if (list_kept_serve(r, &k, "差评办理", crumbs))
		return k.rc;
	list_filter(r, &bad_review_filter_spec, &f, list_per_page(r));
	n = bad_review_list(&r->c, &f, &v, &total);
	if (n < 0)
		return res_error(r, RES_STORE, "bad reviews");
	if (!list_wants_xlsx(r)) {
		list_page_begin(r, &k, &sb, "差评办理", crumbs, "/ratings/bad", f.within);
		field_select(&sb, "state", "状态", review_state_choices, req_arg(r, "state"), 0, NULL, "全部");
		filter_close(&sb, NULL, "/ratings/bad");
	}
	if (!list_wants_xlsx(r))
		strbuf_addstr(&sb, "<p>1星、2星评价自动转为差评：1个工作日内回访，15个工作日内整改（时限见规则表，按工作日历计算）。</p>");
	list_open(&w, r, &sb, &review_list_def);
	for (int i = 0; i < n; i++) {
		list_id(&w, "/ratings/bad", v[i].id);
		list_day(&w, v[i].opened);
		list_text(&w, v[i].unit_name);
		list_int(&w, v[i].stars);
		list_text(&w, v[i].comment);
		list_text(&w, label_of(bad_review_states, v[i].state));
		clock_cell(&w, v[i].callback_due, v[i].called_back);
		clock_cell(&w, v[i].fix_due, v[i].fixed);
		list_row_end(&w);
	}
	return list_finish(r, &k, &w, &sb, &bad_review_filter_spec, &f, total, "没有符合条件的差评", "/ratings/bad",
			   review_args);
}

/* a record row of a clock: its due day and its badge */
static void record_clock(struct req *r, struct strbuf *sb, const char *label, const char *due, const char *done)
{
	record_value_open(sb, label, NULL);
	html_txt(sb, due);
	strbuf_addch(sb, ' ');
	clock_badge(r, sb, due, done);
	record_value_close(sb);
}

static int review_page(struct req *r, const struct fielderr *fe, unsigned status)
{
	struct strbuf sb = STRBUF_INIT;
	struct bad_review v;
	int rc = bad_review_get(&r->c, r->id, &v);

	if (rc != RES_DONE)
		return res_error(r, rc, "bad review");
	record_begin(r, &sb, arena_printf(r->arena, "差评 %" PRId64, v.id), "差评办理", "/ratings/bad", fe);
	record_head(&sb, label_of(bad_review_states, v.state));
	record_open(&sb);
	record_item(&sb, "单位", v.unit_name);
	record_item(&sb, "评价日期", v.opened);
	record_item(&sb, "星级", arena_printf(r->arena, "%d星", v.stars));
	record_item(&sb, "评价意见", v.comment);
	record_clock(r, &sb, "回访时限", v.callback_due, v.called_back);
	record_clock(r, &sb, "整改时限", v.fix_due, v.fixed);
	record_item(&sb, "回访日期", v.called_back);
	record_item(&sb, "整改日期", v.fixed);
	record_item(&sb, "情况说明", v.note);
	record_item(&sb, "群众回访评价", v.followup_stars ? arena_printf(r->arena, "%d星（%s）", v.followup_stars,
									  v.followup_day) : NULL);
	record_close(&sb);
	if (authz_has(&r->c.who, PERM_RATING_WORK) && strcmp(v.state, "fixed")) {
		int open = !strcmp(v.state, "open");
		strbuf_addstr(&sb, open ? "<h2>登记回访</h2>" : "<h2>登记整改</h2>");
		form_open(r, &sb, arena_printf(r->arena, "/ratings/bad/%" PRId64 "/%s", v.id, open ? "callback" : "fix"),
			  "record-form");
		field_textarea(&sb, "note", open ? "回访情况" : "整改情况", req_field(r, "note"), !open,
			       fielderr_get(fe, "note"), 4, BAD_REVIEW_NOTE_MAX, NULL);
		form_close(&sb, open ? "已回访" : "已整改", NULL);
	}
	return page_finish(r, &sb, status);
}

int page_bad_review(struct req *r)
{
	struct fielderr fe = { 0 };

	return review_page(r, &fe, 200);
}

int page_bad_review_callback(struct req *r)
{
	struct fielderr fe = { 0 };

	return step_done(r, bad_review_callback(&r->c, r->id, req_field(r, "note"), &fe), &fe, review_page,
			 "bad review", "/ratings/bad");
}

int page_bad_review_fix(struct req *r)
{
	struct fielderr fe = { 0 };

	return step_done(r, bad_review_fix(&r->c, r->id, req_field(r, "note"), &fe), &fe, review_page,
			 "bad review", "/ratings/bad");
}

/* ---- a unit's QR code and poster ---------------------------------------------------- */

/* The unit's name, its public URL (absolute when public_base_url is set,
 * else the path) and the QR code's SVG; RES_DONE or a result. */
static int unit_qr(struct req *r, const char **name, const char **url, struct strbuf *svg, int *absolute)
{
	struct unit u;
	const char *token;
	int rc = unit_get(&r->c, r->id, &u);

	if (rc != RES_DONE)
		return rc;
	if ((rc = rating_token(&r->c, r->id, &token)) != RES_DONE)
		return rc;
	*name = u.name;
	*url = rating_url(&r->c, token);
	*absolute = *url != NULL;
	if (!*url)
		*url = arena_printf(r->arena, "/p/rate/%s", token);
	return qr_svg(*url, svg) < 0 ? RES_STORE : RES_DONE;
}

int page_unit_rating(struct req *r)
{
	struct strbuf sb = STRBUF_INIT, svg = STRBUF_INIT;
	const char *name, *url;
	int absolute, rc = unit_qr(r, &name, &url, &svg, &absolute);

	if (rc != RES_DONE) {
		strbuf_release(&svg);
		return res_error(r, rc, "unit");
	}
	{
		const char *crumbs[] = { "工作台", "/", "单位管理", "/units", name,
			arena_printf(r->arena, "/units/%" PRId64, r->id), "评价二维码", NULL, NULL };
		page_begin(r, &sb, arena_printf(r->arena, "%s · 评价二维码", name), crumbs);
	}
	if (!absolute)
		html_notice(&sb, "warn", "尚未设置公开访问地址（public_base_url），二维码只含页面路径，手机扫码无法打开。"
			    "请系统管理员执行：qingfeng config set public_base_url https://…");
	strbuf_addstr(&sb, "<div class=\"qr\">");
	strbuf_add(&sb, svg.buf, svg.len);
	strbuf_addstr(&sb, "</div><p>评价页面：");
	html_link(&sb, url, url);
	strbuf_addstr(&sb, "</p>");
	toolbar_open(&sb);
	button_link(&sb, arena_printf(r->arena, "/units/%" PRId64 "/rating/poster", r->id), "打印A4海报", 1);
	strbuf_addch(&sb, ' ');
	button_link(&sb, arena_printf(r->arena, "/units/%" PRId64 "/rating/poster?format=docx", r->id),
		    "下载海报（Word）", 0);
	toolbar_close(&sb);
	strbuf_release(&svg);
	return page_finish(r, &sb, 200);
}

/* The poster's words, the same in print and in the .docx */
static const char *const poster_steps[] = { "用手机微信或浏览器扫描上方二维码",
	"为本单位的服务打1至5颗星，可留下评价意见", "有问题或建议，可以写信，凭查询码查看答复", NULL };
#define POSTER_NOTE "1星、2星评价由纪委监委督办：1个工作日内回访，15个工作日内整改。评价不记录您的身份和设备信息。"
#define POSTER_QR_MM 90         /* the QR code's printed width: 2 mm a module up to version 5 */

/* The poster as a Word file (../shared/design/DOCUMENTS.md's faces and
 * A4 type area): the commission, the unit's name and 扫码评价 as the
 * title, the QR code as a picture, the steps and the note. */
static int poster_docx(struct req *r, const char *name, const char *url)
{
	struct strbuf png = STRBUF_INIT, out = STRBUF_INIT;
	struct docx *d = docx_new();
	int rc = qr_png(url, &png);
	const char *why = NULL;

	docx_centered(d, arena_printf(r->arena, "%s · 码上问效", r->c.cfg->commission));
	docx_title(d, arena_printf(r->arena, "%s\n扫码评价", name));
	if (rc == 0)
		docx_image(d, png.buf, png.len, POSTER_QR_MM, arena_printf(r->arena, "评价二维码：%s", url));
	for (int i = 0; poster_steps[i]; i++)
		docx_para(d, arena_printf(r->arena, "%d．%s", i + 1, poster_steps[i]));
	docx_para(d, POSTER_NOTE);
	if (rc < 0)
		why = "no QR code";
	else if (docx_to_buf(d, &out) < 0)
		why = arena_strdup(r->arena, docx_error(d));
	docx_free(d);
	strbuf_release(&png);
	if (why) {
		strbuf_release(&out);
		return reply_error(r, E_INTERNAL, arena_printf(r->arena, "poster docx: %s", why));
	}
	return reply_download(r, DOCX_MIME, arena_printf(r->arena, "poster-unit-%" PRId64 ".docx", r->id),
			      arena_printf(r->arena, "%s-扫码评价海报.docx", name), &out);
}

int page_unit_rating_poster(struct req *r)
{
	struct strbuf sb = STRBUF_INIT, svg = STRBUF_INIT;
	const char *name, *url;
	int absolute, rc = unit_qr(r, &name, &url, &svg, &absolute);

	if (rc != RES_DONE) {
		strbuf_release(&svg);
		return res_error(r, rc, "unit");
	}
	if (!strcmp(req_arg(r, "format"), "docx")) {
		strbuf_release(&svg);
		return poster_docx(r, name, url);
	}
	page_begin_bare(&sb, arena_printf(r->arena, "%s · 扫码评价", name));
	strbuf_addstr(&sb, "<article class=\"poster\"><p class=\"poster-org\">");
	html_txt(&sb, r->c.cfg->commission);
	strbuf_addstr(&sb, " · 码上问效</p><h1>");
	html_txt(&sb, name);
	strbuf_addstr(&sb, "</h1><p class=\"poster-call\">扫码评价</p><div class=\"qr\">");
	strbuf_add(&sb, svg.buf, svg.len);
	strbuf_addstr(&sb, "</div><ol class=\"poster-steps\">");
	for (int i = 0; poster_steps[i]; i++) {
		strbuf_addstr(&sb, "<li>");
		html_txt(&sb, poster_steps[i]);
		strbuf_addstr(&sb, "</li>");
	}
	strbuf_addstr(&sb, "</ol><p class=\"poster-note\">" POSTER_NOTE "</p></article>");
	strbuf_release(&svg);
	return page_finish_bare(r, &sb, 200);
}

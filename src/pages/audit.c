/*
 * audit.c: the audit admin's view of the audit log: filters by event,
 * user, result, date range and text; paging; and a check of the whole
 * MAC chain on request.  Only PERM_AUDIT_READ reaches this page (the
 * route says so).
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/labels.h"
#include "domain/role.h"
#include "http/filter.h"
#include "http/http.h"
#include "pages/audit.h"
#include "pages/list.h"
#include "pages/page.h"

static const struct label results[] = {
	{ "1", "成功" },
	{ "0", "失败或拒绝" },
	{ NULL, NULL }
};

/* "信访举报（report/12）": the type's name, and the object as stored (what
 * the text filter matches). */
static const char *object_words(struct req *r, const char *label, const char *object)
{
	return label ? arena_printf(r->arena, "%s（%s）", label, object) : object;
}

/* The known events as the choices of the event filter, in Chinese, in
 * the order of their codes. */
static const struct label *event_choices(struct req *r)
{
	const struct audit_event *const *ev;
	int n = audit_event_list(r->arena, &ev);
	struct label *l = arena_alloc(r->arena, sizeof(*l) * (size_t)(n + 1));

	for (int i = 0; i < n; i++)
		l[i] = (struct label){ ev[i]->code, ev[i]->label };
	l[n] = (struct label){ NULL, NULL };
	return l;
}

static const struct list_col audit_cols[] = { { "序号", "num", 0, 0 }, { "时间", NULL, 0, 0 },
	{ "用户", NULL, 0, 0 }, { "角色", NULL, 0, 0 }, { "事件", NULL, 0, 0 }, { "对象", NULL, 0, 0 },
	{ "结果", NULL, 0, 0 }, { "说明", NULL, 0, 0 }, { "IP", NULL, 0, 0 } };
static const struct list_def audit_list_def = LIST_DEF("审计日志", "audit", "audit", audit_cols);

static void verify_box(struct req *r, struct strbuf *sb)
{
	struct strbuf msg = STRBUF_INIT;
	struct audit_ckpt ck;
	int64_t bad = 0, count = 0;
	int have = r->app->audit_ckpt ? audit_ckpt_read(r->app->audit_ckpt, &ck, &msg) : 0;
	int rc = have < 0 ? -1 : audit_verify(r->c.db, r->c.keys, have ? &ck : NULL, &bad, &count, &msg);

	if (rc == 0)
		html_notice(sb, "ok", arena_printf(r->arena, "审计链校验通过：共 %" PRId64 " 条记录，均未被篡改。",
						   count));
	else if (rc == 1)
		html_notice(sb, "error", arena_printf(r->arena, "审计链校验失败：第 %" PRId64
						      " 条记录起被篡改或删除（%s）。", bad, msg.buf));
	else if (have < 0)
		html_notice(sb, "error", "无法读取审计检查点文件。");
	else
		html_notice(sb, "error", "校验时读取数据库失败。");
	strbuf_release(&msg);
}

int page_audit(struct req *r)
{
	struct strbuf sb = STRBUF_INIT, base = STRBUF_INIT;
	static const char *const crumbs[] = { "工作台", "/", "审计日志", NULL, NULL };
	struct audit_filter lq;
	struct audit_entry *v = NULL;
	const char *res = req_arg(r, "success");
	int page = req_page(r), n;
	struct listw w;
	int64_t total;

	list_filter(r, &audit_filter_spec, &lq, list_per_page(r));
	n = audit_list(&r->c, &lq, &v, &total);
	if (n < 0)
		return reply_error(r, E_STORE, "audit list");

	page_begin(r, &sb, "审计日志", crumbs);
	if (*req_arg(r, "verify"))
		verify_box(r, &sb);
	filter_open(&sb, "/audit");
	field_text(&sb, "user", "用户名", lq.user, 0, NULL, "maxlength=\"64\"");
	field_select(&sb, "event", "事件", event_choices(r), lq.event, 0, NULL, "全部");
	field_select(&sb, "success", "结果", results, res, 0, NULL, "全部");
	field_text(&sb, "from", "起始日期", lq.day_from, 0, NULL, "type=\"date\"");
	field_text(&sb, "to", "截止日期", lq.day_to, 0, NULL, "type=\"date\"");
	field_text(&sb, "q", "对象或说明", lq.q, 0, NULL, "type=\"search\" maxlength=\"100\"");
	filter_close(&sb, NULL, "/audit");
	toolbar(&sb, "/audit?verify=1", "校验审计链", 0);
	list_open_cls(&w, r, &sb, &audit_list_def, "list audit", NULL);
	for (int i = 0; i < n; i++) {
		struct strbuf *td;
		char at[32];
		time_format_cst(v[i].at, at);
		at[16] = '\0';
		at[10] = ' ';
		w.row_cls = v[i].success ? NULL : "failed";
		td = list_cell(&w, NULL, office_int(v[i].id));
		if (td)
			strbuf_addf(td, "%" PRId64, v[i].id);
		list_cell_end(&w);
		list_text(&w, arena_strdup(r->arena, at));
		list_text(&w, v[i].user_name);
		list_text(&w, *v[i].role ? role_label(v[i].role) : "");
		list_text(&w, audit_event_label(v[i].event));
		list_text(&w, object_words(r, audit_object_label(r->arena, v[i].object), v[i].object));
		td = list_cell(&w, v[i].success ? NULL : "bad", office_text(v[i].success ? "成功" : "失败"));
		if (td)
			strbuf_addstr(td, v[i].success ? "成功" : "失败");
		list_cell_end(&w);
		list_text(&w, audit_reason_label(r->arena, v[i].detail));
		list_text(&w, v[i].ip);
		list_row_end(&w);
	}
	if (w.xlsx)
		return list_export(&w, &audit_filter_spec, &lq, total);
	list_close(&w, "没有符合条件的记录");
	strbuf_addstr(&base, "/audit?");
	url_param(&base, "user", lq.user);
	url_param(&base, "event", lq.event);
	url_param(&base, "success", res);
	url_param(&base, "from", lq.day_from);
	url_param(&base, "to", lq.day_to);
	url_param(&base, "q", lq.q);
	list_pager(&w, base.buf, page, total, list_per_page(r));
	strbuf_release(&base);
	return page_finish(r, &sb, 200);
}

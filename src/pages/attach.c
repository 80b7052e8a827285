/*
 * attach.c (pages): the attachments of a record on its page, and the
 * upload, download, thumbnail and withdrawal routes (see pages/attach.h;
 * docs/security.md "Attachments").
 *
 * A download is always application/octet-stream with Content-Disposition:
 * attachment and a sandboxing CSP (http/reply.c reply_download), the name
 * as uploaded in filename* (RFC 6266/5987) and an ASCII stand-in
 * "attachment-<id><ext>"; the detected type decides the extension, never
 * the uploaded name.  Only the thumbnail, a PNG the server drew itself, is
 * shown in the page (<img>).
 */
#include "pages/attach.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/escape.h"
#include "domain/attach.h"
#include "domain/ctx.h"
#include "domain/result.h"
#include "http/http.h"
#include "office/filetype.h"
#include "pages/kit.h"
#include "pages/page.h"

const struct attach_kind *attach_kind_of_url(const char *url)
{
	const char *p = url, *e;

	if (!strncmp(p, "/api/", 5))
		p += 4;
	if (*p != '/')
		return NULL;
	p++;
	e = strchr(p, '/');
	return e ? attach_kind_of_path(p, (size_t)(e - p)) : NULL;
}

/* "12.3 KB", "4.5 MB" */
static const char *size_text(struct req *r, int64_t n)
{
	if (n < 1024)
		return arena_printf(r->arena, "%" PRId64 " 字节", n);
	if (n < 1024 * 1024)
		return arena_printf(r->arena, "%.1f KB", (double)n / 1024);
	return arena_printf(r->arena, "%.1f MB", (double)n / (1024 * 1024));
}

static void row(struct req *r, struct strbuf *sb, const struct attachment *a, int work)
{
	const struct filetype *t = filetype_find(a->ftype);
	const char *href = arena_printf(r->arena, "/attachments/%" PRId64, a->id);

	strbuf_addf(sb, "<tr id=\"attachment-%" PRId64 "\"%s><td>", a->id,
		    a->withdrawn_at ? " class=\"withdrawn\"" : "");
	if (a->thumb) {
		strbuf_addf(sb, "<img class=\"thumb\" src=\"/attachments/%" PRId64 "/thumb\" alt=\"", a->id);
		html_attr(sb, a->name);
		strbuf_addstr(sb, " 的缩略图\" loading=\"lazy\"> ");
	}
	strbuf_addstr(sb, "<a download href=\"");
	html_attr(sb, href);
	strbuf_addstr(sb, "\">");
	html_txt(sb, attach_download_name(&r->c, a));
	strbuf_addstr(sb, "</a>");
	if (a->withdrawn_at) {
		strbuf_addstr(sb, "<br><small>已撤回（");
		html_txt(sb, a->withdrawn_by);
		strbuf_addstr(sb, "，");
		html_time(sb, a->withdrawn_at);
		strbuf_addstr(sb, "）：");
		html_txt(sb, a->withdraw_reason);
		strbuf_addstr(sb, "</small>");
	}
	strbuf_addstr(sb, "</td>");
	html_td(sb, t ? t->label : a->ftype);
	strbuf_addstr(sb, "<td class=\"num\">");
	html_txt(sb, size_text(r, a->size));
	strbuf_addstr(sb, "</td>");
	html_td(sb, a->creator);
	strbuf_addstr(sb, "<td>");
	html_time(sb, a->created_at);
	strbuf_addstr(sb, "</td><td>");
	if (work && !a->withdrawn_at) {
		form_open_ex(r, sb, arena_printf(r->arena, "/attachments/%" PRId64 "/withdraw", a->id),
			     "inline", "撤回后附件仍保留备查，确定撤回吗？", 0);
		field_inline(sb, "reason", "撤回原因", 1, 1, "maxlength=\"200\" placeholder=\"撤回原因\"");
		form_button(sb, "撤回", NULL, NULL, "small");
		form_end(sb);
	}
	strbuf_addstr(sb, "</td></tr>");
}

void attach_section(struct req *r, struct strbuf *sb, const char *type, int64_t id)
{
	static const struct column cols[] = {
		{ "文件", NULL }, { "类型", NULL }, { "大小", "num" }, { "上传人", NULL }, { "上传时间", NULL },
		{ "", NULL },
	};
	const struct attach_kind *k = attach_kind_find(type);
	struct attachment *v = NULL;
	int n, work;

	if (!k)
		return;
	n = attach_list(&r->c, k, id, &v);
	work = attach_may_work(&r->c, k, id) > 0;
	strbuf_addstr(sb, "<section class=\"attachments\" id=\"attachments\">");
	fold_open(sb, "附件");
	table_open(sb, NULL, NULL, cols, QF_ARRAY_SIZE(cols));
	for (int i = 0; i < n; i++)
		row(r, sb, &v[i], work);
	table_close(sb, n < 0 ? 0 : n, QF_ARRAY_SIZE(cols), n < 0 ? "附件暂时无法读取" : "无附件");
	if (work) {
		form_open_ex(r, sb, arena_printf(r->arena, "/%s/%" PRId64 "/attachments", k->path, id),
			     "record-form", NULL, 1);
		field_text(sb, "file", "上传附件", "", 1, NULL, "type=\"file\"");
		strbuf_addstr(sb, "<p class=\"hint\">按文件内容识别类型，接受 ");
		html_txt(sb, filetype_accepted());
		strbuf_addf(sb, "；每个文件不超过 %.0f MB。文件加密保存，下载留痕。</p>",
			    (double)r->app->max_upload / (1024 * 1024));
		form_close(sb, "上传", NULL);
	}
	fold_close(sb);
	strbuf_addstr(sb, "</section>");
}

/* A refused upload or withdrawal: 422 with the message and a link back. */
static int refused(struct req *r, const struct fielderr *fe, const char *back, const char *back_text)
{
	static const char *const crumbs[] = { "工作台", "/", "附件", NULL, NULL };
	struct strbuf sb = STRBUF_INIT;

	page_begin(r, &sb, "附件", crumbs);
	field_errors_summary(&sb, fe);
	if (back) {
		strbuf_addstr(&sb, "<p>");
		html_link(&sb, back, back_text);
		strbuf_addstr(&sb, "</p>");
	}
	return page_finish(r, &sb, 422);
}

int page_attach_upload(struct req *r)
{
	const struct attach_kind *k = attach_kind_of_url(r->url);
	const struct form_field *f = form_file(&r->form, "file");
	struct fielderr fe = { 0 };
	const char *back;
	int64_t rc;

	if (!k)
		return reply_error(r, E_NOT_FOUND, NULL);
	back = arena_printf(r->arena, "/%s/%" PRId64, k->path, r->id);
	rc = attach_add(&r->c, k, r->id, f ? f->filename : "", f ? f->value : NULL, f ? f->len : 0, &fe);
	if (rc == RES_INVALID)
		return refused(r, &fe, back, arena_printf(r->arena, "返回%s %" PRId64, k->label, r->id));
	return page_result(r, rc, "attachment", arena_printf(r->arena, "%s?ok=saved#attachments", back));
}

/* The download, or the thumbnail: both after the record's own check. */
static int send_file(struct req *r, int thumb)
{
	struct strbuf body = STRBUF_INIT;
	struct attachment a;
	const struct filetype *t;
	int rc = attach_open(&r->c, r->id, thumb, &a, &body);

	if (rc <= 0) {
		strbuf_release(&body);
		return res_error(r, rc, "attachment");
	}
	if (thumb)
		return reply_text(r, 200, "image/png", &body);
	t = filetype_find(a.ftype);
	return reply_download(r, "application/octet-stream",
			      arena_printf(r->arena, "attachment-%" PRId64 "%.*s", a.id,
					   t ? (int)strcspn(t->exts, " ") : 0, t ? t->exts : ""),
			      attach_download_name(&r->c, &a), &body);
}

int page_attach_download(struct req *r)
{
	return send_file(r, 0);
}

int page_attach_thumb(struct req *r)
{
	return send_file(r, 1);
}

int page_attach_withdraw(struct req *r)
{
	struct fielderr fe = { 0 };
	struct attachment a = { 0 };
	int rc = attach_withdraw(&r->c, r->id, req_field(r, "reason"), &a, &fe);
	const char *back = a.obj_type ? attach_record_url(&r->c, &a) : NULL;

	if (rc == RES_INVALID)
		return refused(r, &fe, back, "返回记录");
	return page_result(r, rc, "attachment",
			   back ? arena_printf(r->arena, "%s?ok=done#attachments", back) : "/");
}

/*
 * citizen.c: the frame of the citizen's pages (pages/citizen.h), shared
 * by the report pages (public.c) and the rating pages (rate.c), so both
 * look and read alike: one set of CSS rules (.citizen), one brand line,
 * one footer, the same touch targets.
 */
#include "pages/citizen.h"

#include "core/crypto.h"
#include "core/escape.h"
#include "domain/ctx.h"
#include "http/http.h"
#include "pages/page.h"

void citizen_begin(struct req *r, struct strbuf *sb, const char *title, const char *heading)
{
	page_begin_bare(sb, title);
	strbuf_addstr(sb, "<div class=\"citizen\"><p class=\"citizen-brand\">");
	html_txt(sb, r->c.cfg->commission);
	strbuf_addstr(sb, "</p><h1>");
	html_txt(sb, heading ? heading : title);
	strbuf_addstr(sb, "</h1>");
}

int citizen_finish(struct req *r, struct strbuf *sb, unsigned status)
{
	strbuf_addstr(sb, "<nav class=\"citizen-links\" aria-label=\"群众服务\">"
		      "<a href=\"/p/report\">我要举报</a><a href=\"/p/query\">查询举报办理情况</a>"
		      "<a href=\"/p/letter\">查询信件</a><a href=\"/p/followup\">回访评价</a></nav>"
		      "<p class=\"citizen-foot\">本页面不记录您的IP地址、设备信息或提交时间（只记日期）。</p></div>"
		      "<script src=\"/assets/pow.js\" defer></script>");
	return page_finish_bare(r, sb, status);
}

int citizen_closed(const struct req *r)
{
	return !r->app->keys.has_seal_pk;
}

int citizen_closed_page(struct req *r, const char *title)
{
	struct strbuf sb = STRBUF_INIT;

	citizen_begin(r, &sb, title, NULL);
	strbuf_addstr(&sb, "<p id=\"channel-closed\">本渠道尚在准备中，暂时无法受理。请稍后再试，"
		      "或通过来信、来访、拨打举报电话反映问题。</p>");
	return citizen_finish(r, &sb, 503);
}

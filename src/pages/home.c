/*
 * home.c: the user's start page: who they are and, for each part of the
 * platform their role may use, how many records it holds for them.
 */
#include <inttypes.h>

#include "core/escape.h"
#include "domain/authz.h"
#include "domain/person.h"
#include "domain/role.h"
#include "domain/unit.h"
#include "http/http.h"
#include "pages/page.h"
#include "pages/pages.h"

static void card(struct strbuf *sb, const char *href, const char *label, int64_t n, const char *unit)
{
	strbuf_addstr(sb, "<a class=\"card\" href=\"");
	html_attr(sb, href);
	strbuf_addstr(sb, "\"><span class=\"card-label\">");
	html_txt(sb, label);
	strbuf_addf(sb, "</span><span class=\"card-num\">%" PRId64 "</span><span class=\"card-unit\">", n);
	html_txt(sb, unit);
	strbuf_addstr(sb, "</span></a>");
}

int page_home(struct req *r)
{
	struct strbuf sb = STRBUF_INIT;
	struct list_query lq = { .q = "", .kind = "", .limit = 0, .success = -1 };
	int64_t total;

	page_begin(r, &sb, "工作台", NULL);
	strbuf_addstr(&sb, "<p class=\"lead\">");
	html_txt(&sb, *r->user.display_name ? r->user.display_name : r->user.name);
	strbuf_addstr(&sb, "，您好。您的角色是");
	html_txt(&sb, role_label(r->user.role));
	strbuf_addstr(&sb, "。</p><div class=\"cards\">");
	if (authz_has(&r->c.who, PERM_UNIT_READ)) {
		struct unit *u;
		if (unit_list(&r->c, &lq, &u, &total) >= 0)
			card(&sb, "/units", "单位", total, "个");
	}
	if (authz_has(&r->c.who, PERM_PERSON_READ)) {
		struct person *p;
		if (person_list(&r->c, &lq, &p, &total) >= 0)
			card(&sb, "/persons", "监督对象", total, "人");
	}
	strbuf_addstr(&sb, "</div>");
	if (role_find(r->user.role) && role_find(r->user.role)->admin)
		strbuf_addstr(&sb, "<p class=\"hint\">三员分立：系统管理员、安全管理员、审计管理员均不查阅案件内容；"
			      "审计日志仅审计管理员可查阅。</p>");
	return page_finish(r, &sb, 200);
}

/*
 * annual.c: the annual report over the API (issue 11; docs/statistics.md
 * "The annual report template").
 *
 *   GET  /api/annual/template      {"version","author","created_at","template_text","placeholders":[...]}
 *   POST /api/annual/template      {"template_text"} -> 201 {"version"}; 422 {"code","hint","error":
 *                                  {"line","placeholder","code","message"}} before saving
 *   POST /api/annual/render        {"year","format"} -> 201 {"id","template_version","figures"}
 *                                  (the file: GET /annual/renderings/{id}?format=...)
 *   GET  /api/annual/renderings    the kept renderings, newest first
 */
#include "api/annual.h"

#include <string.h>

#include "api/common.h"
#include "core/arena.h"
#include "core/strbuf.h"
#include "domain/annual.h"
#include "domain/fielderr.h"
#include "domain/result.h"
#include "http/http.h"

static int refused(struct req *r, const struct tmpl_error *e)
{
	return reply_json(r, 422, json_pack("{s:i, s:s, s:{s:i, s:s, s:s, s:s}}", "code", (int)E_VALIDATION,
					    "hint", "年度报告模板有误", "error", "line", e->line,
					    "placeholder", e->placeholder, "code", e->code, "message", e->message));
}

int api_annual_template(struct req *r)
{
	struct annual_version v;
	struct annual_doc d;
	struct tmpl_error e;
	json_t *phs = json_array();
	int rc = annual_latest(&r->c, &v);

	if (rc != RES_DONE) {
		json_decref(phs);
		return res_error(r, rc, "annual");
	}
	if (annual_parse(r->arena, v.body, &d, &e) == 0)
		for (int i = 0; i < d.nphs; i++)
			json_array_append_new(phs, json_pack("{s:s, s:s, s:s, s:i}", "placeholder", d.phs[i].src,
							     "key", d.phs[i].key, "meaning",
							     annual_ph_meaning(r->arena, &d.phs[i]), "line", d.phs[i].line));
	return reply_json(r, 200, json_pack("{s:I, s:s, s:I, s:s, s:o}", "version", (json_int_t)v.version,
					    "author", v.author, "created_at", (json_int_t)v.created_at,
					    "template_text", v.body, "placeholders", phs));
}

int api_annual_template_save(struct req *r)
{
	json_t *j = api_body(r);
	const char *body = "";
	struct tmpl_error e;
	int64_t version;
	int rc;

	if (!j)
		return MHD_YES;
	api_str(r, j, "template_text", &body);
	body = arena_strdup(r->arena, body);
	json_decref(j);
	rc = annual_save(&r->c, body, &version, &e);
	if (rc == RES_INVALID)
		return refused(r, &e);
	if (rc != RES_DONE)
		return res_error(r, rc, "annual");
	return reply_json(r, 201, json_pack("{s:I}", "version", (json_int_t)version));
}

int api_annual_render(struct req *r)
{
	json_t *j = api_body(r), *year;
	const char *format = "html";
	struct strbuf out = STRBUF_INIT;
	struct annual_rendering k;
	struct tmpl_error e;
	int64_t id, y;
	int rc;

	if (!j)
		return MHD_YES;
	year = json_object_get(j, "year");
	y = json_is_integer(year) ? json_integer_value(year) : 0;
	api_str(r, j, "format", &format);
	format = arena_strdup(r->arena, format);
	json_decref(j);
	if (y < 1900 || y > 9999 || (strcmp(format, "html") && strcmp(format, "docx") && strcmp(format, "text"))) {
		struct fielderr fe = { 0 };

		if (y < 1900 || y > 9999)
			fielderr_add(&fe, "year", "year 应为年份（整数），如 2022");
		else
			fielderr_add(&fe, "format", "format 应为 html、docx 或 text");
		return reply_fields(r, &fe);
	}
	rc = annual_render(&r->c, (int)y, format, &out, &id, &e);
	strbuf_release(&out);
	if (rc == RES_INVALID)
		return refused(r, &e);
	if (rc != RES_DONE)
		return res_error(r, rc, "annual");
	rc = annual_reproduce(&r->c, id, NULL, &out, &k);
	strbuf_release(&out);
	if (rc != RES_DONE)
		return res_error(r, rc, "annual");
	return reply_json(r, 201, json_pack("{s:I, s:I, s:i, s:s, s:o}", "id", (json_int_t)id, "template_version",
					    (json_int_t)k.template_version, "year", k.year, "format", k.format,
					    "figures", json_loads(k.figures, 0, NULL)));
}

int api_annual_renderings(struct req *r)
{
	struct annual_rendering *v;
	int n = annual_renderings(&r->c, 200, &v);
	json_t *items;

	if (n < 0)
		return res_error(r, RES_STORE, "annual");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, json_pack("{s:I, s:i, s:I, s:s, s:s, s:I}", "id", (json_int_t)v[i].id,
						       "year", v[i].year, "template_version",
						       (json_int_t)v[i].template_version, "format", v[i].format,
						       "author", v[i].author, "created_at", (json_int_t)v[i].created_at));
	return reply_json(r, 200, json_pack("{s:o}", "items", items));
}

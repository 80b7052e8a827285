/*
 * documents.c: the API of documents (文书, issue 12; domain/document.h).
 *   POST /api/documents {"kind", "record_id", "day"?}: makes a document
 *     from the record: 201 {"id", "number", "kind", "day", "page",
 *     "template_version", "sha256", "size", "download"}; 422 with the
 *     template's error (line, placeholder) when it does not check; 404 when
 *     the record is absent or not the caller's to see; 403 without the
 *     kind's permission.
 *   GET /api/documents/{id}: the .docx, for those who may see the record
 *     (the page's handler, page_document_download: the same answer).
 *   POST /api/documents/templates {"kind", "template_text"}: 201 {"version"}.
 */
#include "api/documents.h"

#include <inttypes.h>

#include "api/common.h"
#include "core/arena.h"
#include "domain/document.h"
#include "domain/result.h"
#include "http/http.h"
#include "pages/documents.h"

static int refused(struct req *r, const char *hint, const struct tmpl_error *e)
{
	return reply_json(r, 422, json_pack("{s:i, s:s, s:{s:i, s:s, s:s, s:s}}", "code", (int)E_VALIDATION,
					    "hint", hint, "error", "line", e->line, "placeholder", e->placeholder,
					    "code", e->code, "message", e->message));
}

int api_document_issue(struct req *r)
{
	json_t *j = api_body(r);
	const char *kind = "", *day = "";
	json_int_t id, subject;
	const struct doc_kind *k;
	struct document d;
	struct tmpl_error e;
	int rc;

	if (!j)
		return MHD_YES;
	api_str(r, j, "kind", &kind);
	api_str(r, j, "day", &day);
	id = json_integer_value(json_object_get(j, "record_id"));
	subject = json_integer_value(json_object_get(j, "subject_id"));
	json_decref(j);
	if (!(k = doc_kind_find(kind)) || id <= 0)
		return res_error(r, RES_NOT_FOUND, "document");
	if (!page_document_allowed(r, k, (int64_t)id))
		return MHD_YES;
	rc = doc_issue(&r->c, k, (int64_t)id, (int64_t)subject, *day ? day : NULL, &d, &e);
	if (rc == RES_INVALID)
		return refused(r, "文书未能生成", &e);
	if (rc != RES_DONE)
		return res_error(r, rc, "document");
	return reply_json(r, 201, json_pack("{s:I, s:s, s:s, s:s, s:s, s:I, s:s, s:I, s:s}", "id", (json_int_t)d.id,
					    "number", d.number, "kind", d.kind, "day", d.day, "page", d.page,
					    "template_version", (json_int_t)d.template_version, "sha256", d.sha256,
					    "size", (json_int_t)d.size, "download",
					    arena_printf(r->arena, "/api/documents/%" PRId64, d.id)));
}

int api_doc_template_save(struct req *r)
{
	json_t *j = api_body(r);
	const char *kind = "", *body = "";
	const struct doc_kind *k;
	struct tmpl_error e;
	int64_t version;
	int rc;

	if (!j)
		return MHD_YES;
	api_str(r, j, "kind", &kind);
	api_str(r, j, "template_text", &body);
	json_decref(j);
	if (!(k = doc_kind_find(kind)))
		return res_error(r, RES_NOT_FOUND, "document");
	rc = doc_template_save(&r->c, k, body, &version, &e);
	if (rc == RES_INVALID)
		return refused(r, "文书模板有误", &e);
	if (rc != RES_DONE)
		return res_error(r, rc, "document");
	return reply_json(r, 201, json_pack("{s:I}", "version", (json_int_t)version));
}

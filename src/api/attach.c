/*
 * attach.c (api): the attachment routes of the API (see api/attach.h);
 * the checks are the domain's (domain/attach.h), as for the pages.
 */
#include "api/attach.h"

#include <inttypes.h>

#include "api/common.h"
#include "core/arena.h"
#include "domain/attach.h"
#include "domain/ctx.h"
#include "domain/result.h"
#include "http/http.h"
#include "office/filetype.h"
#include "pages/attach.h"

int api_attach_upload(struct req *r)
{
	const struct attach_kind *k = attach_kind_of_url(r->url);
	const struct form_field *f = form_file(&r->form, "file");
	struct fielderr fe = { 0 };
	int64_t rc;

	if (!k)
		return reply_error(r, E_NOT_FOUND, NULL);
	/* a body that is not multipart holds no file: refused as an empty one
	 * (422), after the record's own check */
	rc = attach_add(&r->c, k, r->id, f ? f->filename : "", f ? f->value : NULL, f ? f->len : 0, &fe);
	return api_result(r, rc, &fe, "attachment", 1);
}

static json_t *item(struct req *r, const struct attachment *a)
{
	const struct filetype *t = filetype_find(a->ftype);

	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:I, s:s, s:b, s:i, s:i, s:s, s:I, s:o?, s:s?, s:s?, s:s}",
			 "id", (json_int_t)a->id, "name", a->name,
			 "download_name", attach_download_name(&r->c, a), "type", a->ftype,
			 "type_label", t ? t->label : a->ftype, "size", (json_int_t)a->size,
			 "sha256", a->sha256, "thumbnail", a->thumb != NULL, "width", a->width,
			 "height", a->height, "creator", a->creator, "created_at", (json_int_t)a->created_at,
			 "withdrawn_at", api_opt_int(a->withdrawn_at),
			 "withdrawn_by", a->withdrawn_at ? a->withdrawn_by : NULL,
			 "withdraw_reason", a->withdrawn_at ? a->withdraw_reason : NULL,
			 "href", arena_printf(r->arena, "/attachments/%" PRId64, a->id));
}

int api_attach_list(struct req *r)
{
	const struct attach_kind *k = attach_kind_of_url(r->url);
	struct attachment *v = NULL;
	json_t *items;
	int n;

	if (!k)
		return reply_error(r, E_NOT_FOUND, NULL);
	n = attach_visible(&r->c, k, r->id);
	if (n <= 0)
		return res_error(r, n, k->type);
	n = attach_list(&r->c, k, r->id, &v);
	if (n < 0)
		return res_error(r, n, "attachment");
	items = json_array();
	for (int i = 0; i < n; i++)
		json_array_append_new(items, item(r, &v[i]));
	return api_reply_list(r, items, n, 1);
}

int api_attach_withdraw(struct req *r)
{
	struct fielderr fe = { 0 };
	struct attachment a = { 0 };
	const char *reason;
	json_t *j = api_body(r);
	int rc;

	if (!j)
		return MHD_YES;
	api_str(r, j, "reason", &reason);
	json_decref(j);
	rc = attach_withdraw(&r->c, r->id, reason, &a, &fe);
	return api_result(r, rc, &fe, "attachment", 0);
}

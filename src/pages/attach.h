#ifndef QF_PAGES_ATTACH_H
#define QF_PAGES_ATTACH_H
/*
 * pages/attach: the "附件" section of a record's page and the routes of
 * the attachment store (domain/attach.h): the upload form's target
 * (POST /reports|clues|cases|outcomes/{id}/attachments), the download
 * (GET /attachments/{id}: always a download, never shown inline), the
 * thumbnail (GET /attachments/{id}/thumb: our own re-encoded PNG) and the
 * withdrawal (POST /attachments/{id}/withdraw).
 */
#include <stdint.h>

#include "core/strbuf.h"

struct req;
struct attach_kind;

/* The section, for a page that has shown the record (so the actor may see
 * it): the list, and for those who may work the record the upload form
 * and a withdrawal form per attachment.  type: an attach_kind type. */
void attach_section(struct req *r, struct strbuf *sb, const char *type, int64_t id);

int page_attach_upload(struct req *r);
int page_attach_download(struct req *r);
int page_attach_thumb(struct req *r);
int page_attach_withdraw(struct req *r);

/* The kind of the record a URL ("/cases/7/attachments", "/api/cases/7/...")
 * names, or NULL (shared with api/attach.c). */
const struct attach_kind *attach_kind_of_url(const char *url);

#endif

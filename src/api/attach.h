#ifndef QF_API_ATTACH_H
#define QF_API_ATTACH_H
/*
 * api/attach: the attachment store's API twin of the pages (pages/attach.h):
 *   POST /api/{reports|clues|cases|outcomes}/{id}/attachments  multipart,
 *        the file in the field "file": 201 {"id"}; 422 {"fields":{"file"}}
 *        for an empty file, a type not accepted or an actor who may not
 *        add; 413 past the size limit;
 *   GET  /api/{...}/{id}/attachments  {"items":[...]} after the record's
 *        own visibility check (404 otherwise);
 *   GET  /api/attachments/{id}  the file itself (as /attachments/{id});
 *   POST /api/attachments/{id}/withdraw  {"reason"}.
 */
struct req;

int api_attach_upload(struct req *r);
int api_attach_list(struct req *r);
int api_attach_withdraw(struct req *r);

#endif

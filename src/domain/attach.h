#ifndef QF_DOMAIN_ATTACH_H
#define QF_DOMAIN_ATTACH_H
/*
 * attach: the one attachment store of the platform (issue 12).  Scans,
 * photos and files bound to one record of a family that registers itself
 * as an attachment kind; any later family (rectification problems, public
 * reports) adds its kind in its own .c file with QF_REGISTER(attach_kinds,
 * &kind) and calls the functions below; nothing here changes.
 *
 *   attach_add       store an upload for (kind, record id): the type is
 *                    detected from the content (office/filetype.h), the
 *                    file encrypted (crypto.h field_encrypt, bound to its
 *                    file name and its record) into a new file with a
 *                    random name in the attachments folder, a thumbnail
 *                    made for JPEG/PNG (office/thumb.h), the row and the
 *                    audit entry written in one transaction;
 *   attach_list      a record's attachments, for a caller that has itself
 *                    checked that the actor may see the record (its page
 *                    did); attach_visible is that check for a caller that
 *                    has not (the API's list);
 *   attach_open      one attachment (or its thumbnail) decrypted, after the
 *                    kind's own visibility check of its record: RES_NOT_FOUND
 *                    when the actor may not see it (404, never 403: no
 *                    existence oracle); every opening audited;
 *   attach_withdraw  never a deletion: the file stays, the row is marked
 *                    withdrawn (撤回) with who, when and a reason, audited;
 *                    only those who may add to the record may withdraw.
 *
 * Results follow domain/result.h.
 */
#include <stddef.h>
#include <stdint.h>

#include "core/registry.h"
#include "core/strbuf.h"
#include "domain/audit_events.h"
#include "domain/fielderr.h"
#include "domain/perm.h"
#include "model/attach.h"

struct ctx;

/* A family whose records take attachments. */
struct attach_kind {
	const char *type;       /* stored obj_type and audit name: "report" */
	const char *path;       /* the records' URL segment: "reports" */
	const char *label;      /* Chinese: "信访举报" */
	enum perm read;         /* the permission its pages need to be read */
	/* RES_DONE when the actor may see record id (the family's own check,
	 * auditing as it does), RES_NOT_FOUND when absent or not, RES_STORE;
	 * called only for an actor who holds `read` */
	int (*visible)(struct ctx *c, int64_t id);
	/* 1 when the actor may add to (and withdraw from) the visible record
	 * id, 0 when not, < 0 on a store error */
	int (*may_work)(struct ctx *c, int64_t id);
};
QF_SET(attach_kinds, const struct attach_kind);

/* The kind of a stored type or of a URL segment, or NULL. */
const struct attach_kind *attach_kind_find(const char *type);
const struct attach_kind *attach_kind_of_path(const char *path, size_t len);

/* See above.  name: as uploaded (kept as metadata, cut to 255 bytes).  The
 * new attachment's id; RES_NOT_FOUND; RES_INVALID with fe ("file": empty,
 * a type not accepted, or the actor may not add here); RES_STORE (also
 * when the folder cannot be written: nothing is left behind). */
int64_t attach_add(struct ctx *c, const struct attach_kind *k, int64_t obj_id, const char *name,
		   const void *data, size_t len, struct fielderr *fe);
/* The same without the actor's checks, inside the caller's write
 * transaction: for a record the caller has just made on behalf of someone
 * outside (a public report's files, opened from its sealed item by the
 * inbox).  On a rollback of the caller's transaction the encrypted file
 * stays behind unreferenced, as after a crash. */
int64_t attach_add_in_tx(struct ctx *c, const struct attach_kind *k, int64_t obj_id,
			 const char *name, const void *data, size_t len, struct fielderr *fe);
int attach_visible(struct ctx *c, const struct attach_kind *k, int64_t obj_id);
/* 1 when the actor may add to the record (visible already checked). */
int attach_may_work(struct ctx *c, const struct attach_kind *k, int64_t obj_id);
/* The record's attachments, oldest first, withdrawn ones included: the
 * count or RES_STORE. */
int attach_list(struct ctx *c, const struct attach_kind *k, int64_t obj_id, struct attachment **out);
/* thumb: the thumbnail (RES_NOT_FOUND when there is none).  The plaintext
 * is appended to out; *a describes it. */
int attach_open(struct ctx *c, int64_t id, int thumb, struct attachment *a, struct strbuf *out);
/* RES_DONE; RES_NOT_FOUND; RES_INVALID with fe ("reason" empty, or the
 * actor may not; already withdrawn); RES_STORE.  *a is filled once the
 * record is known visible (obj_type NULL before). */
int attach_withdraw(struct ctx *c, int64_t id, const char *reason, struct attachment *a,
		    struct fielderr *fe);
/* The record an attachment belongs to, as a URL of its page ("/cases/7"),
 * for a redirect after a withdrawal: arena text, or NULL. */
const char *attach_record_url(struct ctx *c, const struct attachment *a);

/* A sanitized download name: the uploaded name without path, control or
 * quoting characters, with the detected type's extension when it had
 * another one (a "x.pdf" that is a PNG downloads as "x.pdf.png"). */
const char *attach_download_name(struct ctx *c, const struct attachment *a);

QF_AUDIT_EVENT_DECL(ATTACH_ADD);
QF_AUDIT_EVENT_DECL(ATTACH_DOWNLOAD);
QF_AUDIT_EVENT_DECL(ATTACH_WITHDRAW);

#endif

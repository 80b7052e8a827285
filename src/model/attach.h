#ifndef QF_MODEL_ATTACH_H
#define QF_MODEL_ATTACH_H
/*
 * model/attach.h: one attachment as kept (migration 0029), shared by the
 * store (store/q_attach.h) and the domain (domain/attach.h).
 */
#include <stdint.h>

struct attachment {
	int64_t id;
	const char *obj_type;       /* "report", "clue", "case", "outcome" */
	int64_t obj_id;
	const char *name;           /* as uploaded: metadata only */
	const char *ftype;          /* detected (office/filetype.h code) */
	int64_t size;               /* plaintext bytes */
	const char *sha256;         /* of the plaintext, hex */
	const char *file;           /* encrypted file's name in the folder */
	const char *thumb;          /* its thumbnail's, NULL when none */
	int64_t thumb_size;
	int width, height;          /* images: pixels, else 0 */
	int64_t created_by;
	const char *creator;
	int64_t created_at;
	int64_t withdrawn_at;       /* 0 while current */
	const char *withdrawn_by;
	const char *withdraw_reason;
};

#endif

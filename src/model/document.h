#ifndef QF_MODEL_DOCUMENT_H
#define QF_MODEL_DOCUMENT_H
/*
 * model/document.h: documents (文书, issue 12, migration 0030): a kind's
 * template versions and the documents issued (their numbers: model/number.h).
 * Plain records shared by store/q_documents.h and domain/document.h.
 */
#include <stddef.h>
#include <stdint.h>

struct doc_template {
	const char *kind;
	int64_t version;
	const char *body;
	const char *author;
	int64_t created_at;
};

/* A document issued: kept with its record and its bytes. */
struct document {
	int64_t id;
	const char *kind;
	int64_t record_id;
	const char *page;               /* the record page that lists it, "/cases/12" */
	const char *number;
	int year;
	int64_t seq;
	const char *day;                /* 成文日期, YYYY-MM-DD */
	int64_t template_version;
	int64_t author_id;
	const char *author;
	int64_t created_at;
	const char *sha256;             /* hex of the .docx */
	int64_t size;
	const void *content;            /* the .docx (only when asked for), size bytes */
	/* the column as stored (store/q_documents.h): the .docx sealed with
	 * field_encrypt, text ("x1:..."), NUL-terminated, sealed_len bytes; a
	 * row written before migration 0036 holds the plain .docx until
	 * doc_seal_fill runs (domain/document.h) */
	const char *sealed;
	size_t sealed_len;
};

#endif

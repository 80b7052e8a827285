#ifndef QF_STORE_Q_DOCUMENTS_H
#define QF_STORE_Q_DOCUMENTS_H
/*
 * q_documents.h: documents (文书, migration 0030): template versions per
 * kind and the issued documents (numbers: store/q_numbers.h).
 * Conventions of store/q_*.h (docs/architecture.md).
 */
#include <stddef.h>
#include <stdint.h>

#include "model/document.h"
#include "store/store.h"

struct arena;

/* A kind's template, version 0 the newest: 1 found, 0 none, < 0 error. */
int store_doc_template(struct store *s, struct arena *a, const char *kind, int64_t version,
		       struct doc_template *t);
/* Adds the next version of kind's template: it, or < 0. */
int64_t store_doc_template_put(struct store *s, const char *kind, const char *body, int64_t author_id,
			       const char *author, int64_t now);
/* The seq of a document numbered by its record's own number (no counter):
 * negative, distinct from every other (inside the write transaction), in
 * *seq: 0, or < 0. */
int store_document_fixed_seq(struct store *s, int64_t *seq);
/* 1 when the row id of table (reports, dispositions, cases, detentions,
 * outcomes, clarifications) exists, 0 not (or another table), < 0 error. */
int store_doc_record_exists(struct store *s, const char *table, int64_t id);
/* Keeps a document with its stored bytes (d->sealed, d->sealed_len; the
 * caller seals them): its id, or < 0. */
int64_t store_document_insert(struct store *s, const char *region, const struct document *d);
/* A document, with its stored bytes (d->sealed, d->sealed_len; d->content
 * stays NULL) when content: 1 found, 0 not, < 0 error. */
int store_document_get(struct store *s, struct arena *a, int64_t id, int content, struct document *d);
/* The documents listed on a record page (without bytes), newest first:
 * the count or < 0. */
int store_documents_of_page(struct store *s, struct arena *a, const char *page, struct document **out);
/* Up to limit documents with id > after, by id, with their stored bytes
 * (the sealing pass after migration 0036): the count or < 0. */
int store_documents_after(struct store *s, struct arena *a, int64_t after, int limit, struct document **out);
/* Replaces a document's stored bytes (the sealing pass): 0 or < 0. */
int store_document_seal(struct store *s, int64_t id, const char *sealed, size_t len);

#endif

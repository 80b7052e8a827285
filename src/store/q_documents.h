#ifndef QF_STORE_Q_DOCUMENTS_H
#define QF_STORE_Q_DOCUMENTS_H
/*
 * q_documents.h: documents (文书, migration 0030): template versions per
 * kind, numbering rules, the counters, the issued documents.
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
/* The rule of kind in force on day: 1 found, 0 none, < 0 error. */
int store_doc_rule(struct store *s, struct arena *a, const char *kind, const char *day, struct doc_rule *r);
/* Every rule of kind, newest effective_from first: the count or < 0. */
int store_doc_rules(struct store *s, struct arena *a, const char *kind, struct doc_rule **out);
/* Adds a rule: 0, STORE_CONSTRAINT when kind has one from that day, < 0. */
int store_doc_rule_put(struct store *s, const struct doc_rule *r, int64_t author_id);
/* Advances the counter of kind and year (inside the caller's write
 * transaction): the new number (1 for the year's first), or < 0. */
int64_t store_doc_counter_next(struct store *s, const char *kind, int year);
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
 * (the sealing pass after migration 0037): the count or < 0. */
int store_documents_after(struct store *s, struct arena *a, int64_t after, int limit, struct document **out);
/* Replaces a document's stored bytes (the sealing pass): 0 or < 0. */
int store_document_seal(struct store *s, int64_t id, const char *sealed, size_t len);

#endif

#ifndef QF_PAGES_DOCUMENTS_H
#define QF_PAGES_DOCUMENTS_H
/*
 * pages/documents.h: documents (文书, issue 12): the 文书 section of a
 * record page, making and downloading a document, the templates page
 * (with the 机关代字; the number patterns are pages/numbers.h).
 */
#include <stdint.h>

struct req;
struct strbuf;

/* The 文书 section of a record page (the caller has read the record): the
 * documents kept with it, each a download, and the form "生成文书"
 * offering the kinds made from it (or its detentions, dispositions,
 * clarifications) that the actor may make. */
void page_documents_report(struct req *r, struct strbuf *sb, int64_t report_id);
void page_documents_clue(struct req *r, struct strbuf *sb, int64_t clue_id);
void page_documents_case(struct req *r, struct strbuf *sb, int64_t case_id);
void page_documents_outcome(struct req *r, struct strbuf *sb, int64_t outcome_id, int sanctioned);

/* 1 when the actor may make a document of kind k from record id: else 0
 * after answering (403 without the kind's permission, whether the record
 * exists or not; 404 no such record;
 * the record's visibility is doc_issue's). */
struct doc_kind;
int page_document_allowed(struct req *r, const struct doc_kind *k, int64_t id);

int page_document_issue(struct req *r);         /* POST /documents */
int page_document_download(struct req *r);      /* GET /documents/{id} */
int page_doc_templates(struct req *r);          /* GET /documents/templates?kind= */
int page_doc_template_save(struct req *r);      /* POST /documents/templates */
int page_doc_abbr_save(struct req *r);          /* POST /documents/abbr */

#endif

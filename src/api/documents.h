#ifndef QF_API_DOCUMENTS_H
#define QF_API_DOCUMENTS_H
/*
 * api/documents.h: documents (文书, issue 12), the API twins of the pages:
 * POST /api/documents makes one (GET /api/documents/{id}, its .docx, is
 * page_document_download),
 * POST /api/documents/templates saves a template.
 */
struct req;

int api_document_issue(struct req *r);
int api_doc_template_save(struct req *r);

#endif

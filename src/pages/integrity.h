#ifndef QF_PAGES_INTEGRITY_H
#define QF_PAGES_INTEGRITY_H
/*
 * pages/integrity: a cadre's integrity file (廉政档案, domain/integrity.h):
 * GET /persons/{id}/integrity (the file), POST /persons/{id}/integrity
 * (更新廉政档案), GET /persons/{id}/integrity/docx (the .docx).
 */
struct req;

int page_integrity(struct req *r);
int page_integrity_update(struct req *r);
int page_integrity_docx(struct req *r);

#endif

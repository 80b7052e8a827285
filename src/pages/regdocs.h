#ifndef QF_PAGES_REGDOCS_H
#define QF_PAGES_REGDOCS_H
/*
 * pages/regdocs: the document register (收发文登记, domain/regdoc.h): GET
 * /regdocs (filters by direction, state, period, number or title; a
 * secret entry another office registered shows as 密件 without its
 * title), GET /regdocs/new and POST /regdocs, GET /regdocs/{id} (404 for
 * a secret entry the user may not see), POST /regdocs/{id}/state.
 */
struct req;

int page_regdocs(struct req *r);
int page_regdoc_new(struct req *r);
int page_regdoc_create(struct req *r);
int page_regdoc(struct req *r);
int page_regdoc_state(struct req *r);

#endif

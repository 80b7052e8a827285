#ifndef QF_PAGES_OPINIONS_H
#define QF_PAGES_OPINIONS_H
/* opinions: the integrity opinion replies' pages (domain/opinion.h). */
#include "http/http.h"

int page_opinions(struct req *r);
int page_opinion_new(struct req *r);
int page_opinion_create(struct req *r);
int page_opinion(struct req *r);
int page_opinion_resolve(struct req *r);
/* GET /opinions/{id}/person?line_id=N: the person form prefilled from a
 * line that found nobody; POST /opinions/{id}/person makes the person and
 * matches the line (opinion_create_person). */
int page_opinion_person_new(struct req *r);
int page_opinion_person_create(struct req *r);
int page_opinion_check(struct req *r);
int page_opinion_confirm(struct req *r);
int page_opinion_confirm_all(struct req *r);
int page_opinion_reply(struct req *r);
int page_opinion_letter(struct req *r);

#endif

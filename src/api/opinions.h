#ifndef QF_API_OPINIONS_H
#define QF_API_OPINIONS_H
/* api/opinions: the JSON twin of the integrity opinion replies' pages. */
#include "http/http.h"

int api_opinions(struct req *r);
int api_opinion(struct req *r);
int api_opinion_create(struct req *r);
int api_opinion_resolve(struct req *r);
/* POST /api/opinions/{id}/person: {"line_id": N, and the person's fields
 * as POST /api/persons}: 201 {"id": the new person} (opinion_create_person). */
int api_opinion_person(struct req *r);
int api_opinion_check(struct req *r);
int api_opinion_confirm(struct req *r);
int api_opinion_confirm_all(struct req *r);
int api_opinion_reply(struct req *r);

#endif

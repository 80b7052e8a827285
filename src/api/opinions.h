#ifndef QF_API_OPINIONS_H
#define QF_API_OPINIONS_H
/* api/opinions: the JSON twin of the integrity opinion replies' pages. */
#include "http/http.h"

int api_opinions(struct req *r);
int api_opinion(struct req *r);
int api_opinion_create(struct req *r);
int api_opinion_resolve(struct req *r);
int api_opinion_check(struct req *r);
int api_opinion_confirm(struct req *r);
int api_opinion_confirm_all(struct req *r);
int api_opinion_reply(struct req *r);

#endif

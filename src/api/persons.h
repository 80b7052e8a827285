#ifndef QF_API_PERSONS_H
#define QF_API_PERSONS_H
/*
 * api/persons: /api/persons (persons.c).
 * The handlers the route table names (src/http/routes.c); errors have
 * the one shape of reply_error / reply_fields.
 */
struct req;

int api_persons(struct req *r);
int api_person_create(struct req *r);
int api_person_show(struct req *r);
int api_person_update(struct req *r);

#endif

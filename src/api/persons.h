#ifndef QF_API_PERSONS_H
#define QF_API_PERSONS_H
/*
 * api/persons: /api/persons (persons.c).
 * The handlers the route table names (src/http/routes.c); errors have
 * the one shape of reply_error / reply_fields.
 */
#include <jansson.h>

struct fielderr;
struct person;
struct req;

int api_persons(struct req *r);
int api_person_create(struct req *r);
int api_person_show(struct req *r);
int api_person_update(struct req *r);
/* The person fields of a JSON body into p (text in the request, so j may
 * be released after), messages in fe: the ID number for person_save
 * (absent: NULL keep for an update, "" none for a new person, p->id 0). */
const char *api_person_read(struct req *r, json_t *j, struct person *p, struct fielderr *fe);

#endif

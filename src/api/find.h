#ifndef QF_API_FIND_H
#define QF_API_FIND_H
/* api/find: the pickers' endpoints GET /api/pick/{persons,units,cases}
 * (find.c); each route needs its kind's read permission. */
struct req;

int api_pick_persons(struct req *r);
int api_pick_units(struct req *r);
int api_pick_cases(struct req *r);

#endif

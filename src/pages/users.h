#ifndef QF_PAGES_USERS_H
#define QF_PAGES_USERS_H
/*
 * pages/users: the user administration page (users.c).
 * The handlers the route table names (src/http/routes.c); nothing here
 * owns memory.
 */
struct req;

int page_users(struct req *r);
int page_user_create(struct req *r);
int page_user_action(struct req *r);

#endif

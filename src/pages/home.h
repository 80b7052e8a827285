#ifndef QF_PAGES_HOME_H
#define QF_PAGES_HOME_H
/*
 * pages/home: the home page with the user's to-dos (home.c).
 * The handlers the route table names (src/http/routes.c); nothing here
 * owns memory.
 */
struct req;

int page_home(struct req *r);

#endif

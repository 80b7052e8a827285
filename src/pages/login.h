#ifndef QF_PAGES_LOGIN_H
#define QF_PAGES_LOGIN_H
/*
 * pages/login: the login form, the second factor and logout (login.c).
 * The handlers the route table names (src/http/routes.c); nothing here
 * owns memory.
 */
struct req;

int page_login_form(struct req *r);
int page_login(struct req *r);
int page_totp_form(struct req *r);
int page_totp(struct req *r);
int page_logout(struct req *r);

#endif

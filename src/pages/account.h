#ifndef QF_PAGES_ACCOUNT_H
#define QF_PAGES_ACCOUNT_H
/*
 * pages/account: the user's own account: password and second factor (account.c).
 * The handlers the route table names (src/http/routes.c); nothing here
 * owns memory.
 */
struct req;

int page_account(struct req *r);
int page_account_password(struct req *r);
int page_account_totp(struct req *r);

#endif

#ifndef QF_HEALTH_H
#define QF_HEALTH_H
/*
 * health: whether this server can serve requests (/readyz).
 */
struct ctx;

/* 1 when the request's database connection answers, 0 when it does not. */
int health_ready(struct ctx *c);

#endif

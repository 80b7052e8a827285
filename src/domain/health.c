/*
 * health.c: readiness for load balancers and monitoring: the database
 * answers a trivial statement on this request's connection.  The pages
 * ask here instead of calling the store.
 */
#include "domain/health.h"

#include "domain/ctx.h"
#include "store/store.h"

int health_ready(struct ctx *c)
{
	return store_ping(c->db) >= 0;
}

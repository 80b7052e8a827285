/*
 * figlists.c: the outcome and detention lists behind the figures
 * (domain/figlists.h).  The domain sets who may see what (the team user,
 * the scope user); the store counts and reads with the same filter, so
 * the count above a list is the number of its rows.
 */
#include "domain/figlists.h"

#include "domain/authz.h"
#include "domain/case_access.h"
#include "domain/ctx.h"
#include "store/q_cases.h"
#include "store/q_outcomes.h"

int outcome_list(struct ctx *c, struct outcome_filter *f, struct outcome **out, int64_t *total)
{
	f->team_user = case_sees_all(c) ? 0 : c->who.id;
	f->scope_user = authz_scope_user(c);
	f->execution = authz_has(&c->who, PERM_EXECUTION);
	*total = store_outcome_count(c->db, f);
	if (*total < 0)
		return -1;
	return store_outcome_list(c->db, c->a, f, out);
}

int detention_list(struct ctx *c, struct detention_filter *f, struct detention **out,
		   int64_t *total)
{
	f->team_user = case_sees_all(c) ? 0 : c->who.id;
	*total = store_detention_count(c->db, f);
	if (*total < 0)
		return -1;
	return store_detention_list(c->db, c->a, f, out);
}

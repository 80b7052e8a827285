/* case_access.c: need-to-know on cases (see case_access.h), the rule of
 * need_to_know.h with the case team. */
#include "domain/case_access.h"

#include "domain/ctx.h"
#include "domain/need_to_know.h"
#include "store/q_access.h"

static const char *const sees_all[] = { "case_manager", "leader", NULL };
static const struct need_rule rule = {
	.exists = store_case_exists,
	.member = store_case_team_has,
	.sees_all = sees_all,
	.object = "case",
	.note = "not on the case team",
};

int case_sees_all(const struct ctx *c)
{
	return need_sees_all(c, &rule);
}

const char *case_obj(struct ctx *c, int64_t case_id)
{
	return need_obj(c, &rule, case_id);
}

int case_on_team(struct ctx *c, int64_t case_id)
{
	return need_member(c, &rule, case_id);
}

int case_access(struct ctx *c, int64_t case_id)
{
	return need_to_know(c, &rule, case_id);
}

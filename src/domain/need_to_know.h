#ifndef QF_NEED_TO_KNOW_H
#define QF_NEED_TO_KNOW_H
/*
 * need_to_know: the one rule of the families whose content is shown only
 * to those who work on a matter (DOMAIN.md section 1): a case's team, an
 * inspection's group.  A matter is visible to its members and to the
 * roles that see every matter of the family; to nobody else, whatever
 * their jurisdiction.  A refused look is audited as access_denied, and
 * callers answer 404 as for a matter that does not exist.
 */
#include <stdint.h>

struct ctx;
struct store;

struct need_rule {
	int (*exists)(struct store *s, int64_t id);              /* 1, 0, < 0 */
	int (*member)(struct store *s, int64_t id, int64_t user); /* 1, 0, < 0 */
	const char *const *sees_all;  /* role codes, NULL-terminated */
	const char *object;           /* the audit object's prefix: "case" -> "case/N" */
	const char *note;             /* the refusal's audit note */
};

/* 1 when the actor may see matter `id` (which exists); 0 when it does not
 * exist or the actor may not (the refusal audited); < 0 on a store error.
 * Does not audit the read itself: the caller does, once. */
int need_to_know(struct ctx *c, const struct need_rule *r, int64_t id);
/* 1 when the actor's role is one of r->sees_all. */
int need_sees_all(const struct ctx *c, const struct need_rule *r);
/* 1 when the actor is a member of matter id, 0 not, < 0 (no audit). */
int need_member(struct ctx *c, const struct need_rule *r, int64_t id);
/* "<object>/N" in the arena. */
const char *need_obj(struct ctx *c, const struct need_rule *r, int64_t id);

#endif

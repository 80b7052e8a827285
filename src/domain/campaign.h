#ifndef QF_CAMPAIGN_H
#define QF_CAMPAIGN_H
/*
 * campaign: special campaigns (专项整治) that clues, cases and outcomes
 * are tagged to.  Lists are in the caller's arena (c->a).
 */
#include <stdint.h>

#include "domain/fielderr.h"
#include "model/clue.h"

struct ctx;

/* Creates one: its id; -1 with messages in fe; -2 on a store error. */
int64_t campaign_create(struct ctx *c, const char *name, const char *start, const char *end,
			struct fielderr *fe);
/* Every campaign: the count, or < 0. */
int campaign_list(struct ctx *c, struct campaign **out);

#endif

#ifndef QF_DOMAIN_FIGLISTS_H
#define QF_DOMAIN_FIGLISTS_H
/*
 * figlists: the two lists that exist for the figures of the dashboard
 * and the report (issue 11): the outcomes (the four forms, the
 * sanctioned) and the detentions.  The clue and case lists are their
 * families' own (domain/clue.h, domain/case.h) with the figures'
 * arguments added to their filters.  Need-to-know is the records' own:
 * a case's outcome or detention for those who see the case
 * (case_access), a clue's outcome within the user's units.
 */
#include <stdint.h>

#include "model/case.h"
#include "model/outcome.h"

struct ctx;

/* The rows of page f into *out (arena), the number matching in *total:
 * the row count, or -1 on a store error. */
int outcome_list(struct ctx *c, struct outcome_filter *f, struct outcome **out, int64_t *total);
int detention_list(struct ctx *c, struct detention_filter *f, struct detention **out,
		   int64_t *total);

#endif

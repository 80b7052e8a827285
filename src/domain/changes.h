#ifndef QF_DOMAIN_CHANGES_H
#define QF_DOMAIN_CHANGES_H
/*
 * changes: the words a correction of a record leaves in the audit log and
 * on its timeline (talk_edit, matter_report_edit): the reason first, then
 * each field that changed as "名称：前 → 后", a secret field as
 * "名称：已修改" only (never its text), joined by "；".  Text in c->a.
 */
#include <stddef.h>

#include "domain/fielderr.h"

struct ctx;

#define CHANGE_REASON_MAX 500

struct changes {
	struct ctx *c;
	const char *text;           /* "" none yet */
	int n;                      /* fields changed */
};

void changes_init(struct changes *ch, struct ctx *c);
/* "label：before → after" when the two differ (NULL counts as "") */
void changes_add(struct changes *ch, const char *label, const char *before, const char *after);
/* "label：已修改" when the two differ: the values are not written */
void changes_secret(struct changes *ch, const char *label, const char *before, const char *after);
/* The reason checked (required: not blank, at most CHANGE_REASON_MAX characters,
 * message under "reason") and nothing-changed refused (under "state"):
 * 0, or -1 with fe. */
int changes_check(struct changes *ch, const char *reason, struct fielderr *fe);
/* "修改原因：reason；..." */
const char *changes_detail(const struct changes *ch, const char *reason);

#endif

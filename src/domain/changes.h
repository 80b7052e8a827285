#ifndef QF_DOMAIN_CHANGES_H
#define QF_DOMAIN_CHANGES_H
/*
 * changes: the words a correction of a record leaves on its timeline and
 * in the audit log (talk_edit, matter_report_edit), each changed field as
 * "名称：前 → 后", joined by "；".  The timeline (read by those who may read
 * the record) gets the typed reason first and the values of every field
 * but a secret one ("名称：已修改": a talk's note); the audit log names no
 * persons, notes nor typed reasons (docs/security.md "No protected values
 * in the log"): it gets the plain fields' values (kinds, days, counts,
 * record ids) and, for a personal or secret field, "名称：已修改" only, and
 * no reason.  Text in c->a.
 */
#include <stddef.h>

#include "domain/fielderr.h"

struct ctx;

#define CHANGE_REASON_MAX 500

struct changes {
	struct ctx *c;
	const char *text;           /* the timeline's: "" none yet */
	const char *audit;          /* the audit log's */
	int n;                      /* fields changed */
};

void changes_init(struct changes *ch, struct ctx *c);
/* a plain field: "label：before → after" in both when the two differ
 * (NULL counts as "") */
void changes_add(struct changes *ch, const char *label, const char *before, const char *after);
/* a personal field (a typed name): the values on the timeline, "label：已修改" in the audit log */
void changes_personal(struct changes *ch, const char *label, const char *before, const char *after);
/* a secret field: "label：已修改" in both, the values never written */
void changes_secret(struct changes *ch, const char *label, const char *before, const char *after);
/* The reason checked (required: not blank, at most CHANGE_REASON_MAX
 * characters, message under "reason") and nothing-changed refused (under
 * "state"): 0, or -1 with fe. */
int changes_check(struct changes *ch, const char *reason, struct fielderr *fe);
/* the timeline's words: "修改原因：reason；..." */
const char *changes_detail(const struct changes *ch, const char *reason);
/* the audit entry's words (no reason) */
const char *changes_audit(const struct changes *ch);

#endif

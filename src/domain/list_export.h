#ifndef QF_DOMAIN_LIST_EXPORT_H
#define QF_DOMAIN_LIST_EXPORT_H
/*
 * list_export: the audit entry of a list exported as a workbook (issue
 * 12, pages/list.h): protected data leaving the system is logged with
 * the list, its filters and the number of rows.
 */
#include <stdint.h>

#include "domain/audit_events.h"

struct ctx;

QF_AUDIT_EVENT_DECL(LIST_EXPORT);

/* Audits the export of `rows` rows of the list `title` (问题线索) under
 * the audit object type `object` (clue), filtered by `filters` (words,
 * "" for none).  0, or -1 when the entry could not be written. */
int list_export_record(struct ctx *c, const char *object, const char *title, const char *filters,
		       int64_t rows);

#endif

#ifndef QF_HOLIDAYS_H
#define QF_HOLIDAYS_H
/*
 * holidays: the working-day calendar as the database keeps it (the State
 * Council's arrangements, data/cn-holidays.csv format), shared by the CLI
 * and the calendar page.  Imports are all or nothing and audited.
 */
#include <stddef.h>

#include "core/strbuf.h"
#include "domain/audit_events.h"

struct ctx;
struct store;
struct calendar;

/* The calendar stored in the database; NULL on a store error.  The caller
 * frees it with calendar_free(). */
struct calendar *holidays_load(struct store *s);

struct holidays_result {
	int days;                 /* rows stored */
	int first_year, last_year;
};

/* Parses CSV text and stores every row in one transaction with its audit
 * entry.  0, or -1 with the reason in err (the parser names the line). */
int holidays_import(struct ctx *c, const char *text, size_t len, const char *what,
		    struct holidays_result *res, struct strbuf *err);

/* the audit events of holidays (holidays.c) */
QF_AUDIT_EVENT_DECL(CALENDAR_IMPORT);

#endif

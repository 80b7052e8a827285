#ifndef QF_PAGES_CALENDAR_H
#define QF_PAGES_CALENDAR_H
/*
 * pages/calendar: the working-day calendar page and its import (calendar.c).
 * The handlers the route table names (src/http/routes.c); nothing here
 * owns memory.
 */
struct req;

int page_calendar(struct req *r);
int page_calendar_import(struct req *r);

#endif

#ifndef QF_PAGES_HOME_H
#define QF_PAGES_HOME_H
/*
 * pages/home: the home page with the user's to-dos (home.c) and, for the
 * leaders and the case manager, the dashboard (dash.c).
 * The handlers the route table names (src/http/routes.c); nothing here
 * owns memory.
 */
struct req;

int page_home(struct req *r);

/* The dashboard (dash.c): the section of the home page for the roles of
 * dash_shown (domain/dash.h); dash_figures the key figures of `year`
 * against the year before (dash_figures.c). */
struct strbuf;
void dash_section(struct req *r, struct strbuf *sb);
void dash_figures(struct req *r, struct strbuf *sb, int year);
/* url when the user may open it (its GET route's permission), else NULL. */
const char *dash_link(struct req *r, const char *url);
/* The dashboard's year: the query argument year, or this year. */
int dash_year(struct req *r);

#endif

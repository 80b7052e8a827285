#ifndef QF_PAGES_RECUSAL_H
#define QF_PAGES_RECUSAL_H
/*
 * pages/recusal: the recusal section of a case's or a clue's page (the
 * declarations of the matter, a leader's decision forms, the form to
 * declare), and the clue's recusal forms (recusal.c).  The handlers the
 * route table names (src/http/routes.c); nothing here owns memory.
 */
#include <stdint.h>

struct req;
struct strbuf;
struct fielderr;

/* One of case_id, clue_id.  fe: the messages of the form `form` that was
 * sent (NULL when none): its fields keep their values and show them. */
void page_recusals(struct req *r, struct strbuf *sb, int64_t case_id, int64_t clue_id,
		   const struct fielderr *fe, const char *form);

int page_clue_recusal_create(struct req *r);
/* The decision on a clue's declaration (page_recusal_decide hands it on). */
int page_clue_recusal_decide(struct req *r, int64_t clue_id);

#endif

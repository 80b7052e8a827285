#ifndef QF_API_CLUES_H
#define QF_API_CLUES_H
/*
 * api/clues: /api/clues, /api/dispositions, /api/campaigns (clues.c).
 * The handlers the route table names (src/http/routes.c); errors have
 * the one shape of reply_error / reply_fields.
 */
struct req;
struct clue_dup;

int api_clues(struct req *r);
int api_clue_show(struct req *r);
int api_clue_create(struct req *r);
int api_disposition_create(struct req *r);
int api_disposition_decide(struct req *r);
int api_campaigns(struct req *r);
int api_campaign_create(struct req *r);

/* 409 with the subjects that have open clues (also /clue of a report). */
int api_reply_dups(struct req *r, const struct clue_dup *dups, int n_dups);

#endif

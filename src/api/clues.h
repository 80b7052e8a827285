#ifndef QF_API_CLUES_H
#define QF_API_CLUES_H
/*
 * api/clues: /api/clues, /api/dispositions (clues.c).
 * The handlers the route table names (src/http/routes.c); errors have
 * the one shape of reply_error / reply_fields.
 */
#include <stdint.h>

struct req;
struct clue_dup;
struct json_t;

int api_clues(struct req *r);
int api_clue_show(struct req *r);
int api_clue_create(struct req *r);
int api_clue_categories(struct req *r);
int api_disposition_create(struct req *r);
int api_disposition_decide(struct req *r);

/* 409 with the subjects that have open clues (also /clue of a report). */
int api_reply_dups(struct req *r, const struct clue_dup *dups, int n_dups);

/* A clue's body {"received", "source", "source_ref", "summary",
 * "campaign_id", "subjects": [ids], "categories", "confirm"} into in
 * (strings in the request's arena), malformed members into fe; and the
 * answer to clue_register's result (201 {"id"}, 409 with the
 * duplicates, or the error).  Also an inspection's 移交线索. */
struct clue_input;
struct fielderr;
void api_clue_input(struct req *r, struct json_t *j, struct clue_input *in, struct fielderr *fe);
int api_clue_registered(struct req *r, int64_t id, const struct fielderr *fe, const struct clue_dup *dups,
			int n_dups);

/* {"case_type", "organ_kind", "organ_name", "categories": [...],
 * "committee_by", "committee_day"} into f (strings copied into the
 * request's arena); a malformed categories list goes to fe.  Used by the
 * approval of file_case and by a case filed under the old rules
 * (api/cases.c). */
struct case_filing;
struct fielderr;
struct json_t;
void api_read_filing(struct req *r, struct json_t *o, struct case_filing *f, struct fielderr *fe);

#endif

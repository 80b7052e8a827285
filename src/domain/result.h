#ifndef QF_RESULT_H
#define QF_RESULT_H
/*
 * result: what a domain write or lookup answers, one convention for all.
 *
 * A domain operation returns an int (or an int64_t, when it creates a
 * record) read as follows:
 *
 *   > 0            done: the new record's id for a call that creates one,
 *                  RES_DONE (1) otherwise (a lookup: found and visible)
 *   RES_NOT_FOUND  no such record, or the actor may not see it (404: the
 *                  two are never told apart)
 *   RES_INVALID    the input was refused, the messages are in the caller's
 *                  struct fielderr (422 with the form or {"fields"})
 *   RES_STORE      the store failed; store_failure(c->db) says whether the
 *                  database was busy or unreachable (503) or anything else
 *                  went wrong (500).  The store's message is logged with
 *                  the request id by the reply (http/reply.c)
 *   RES_CONFIRM    the operation needs the user's confirmation first (an
 *                  open clue for the same subject): 409 from the API, the
 *                  form again with the question on a page
 *
 * The values are the ones the code used before they had names, so an
 * `rc <= 0` or `rc < 0` test keeps its meaning.  The mapping to replies
 * is written once: page_result() for pages, api_result() for the API
 * (http/http.h).  A function whose header says "a result (result.h)"
 * follows this convention.
 */
enum qf_result {
	RES_DONE = 1,
	RES_NOT_FOUND = 0,
	RES_INVALID = -1,
	RES_STORE = -2,
	RES_CONFIRM = -3,
};

/* A store code (or any other negative) as a result: RES_STORE; 0 and
 * positive values pass. */
static inline int res_from_store(int rc)
{
	return rc < 0 ? RES_STORE : rc;
}

/* 1 when rc means success (an id or RES_DONE). */
static inline int res_ok(long long rc)
{
	return rc > 0;
}

#endif

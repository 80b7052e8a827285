#ifndef QF_Q_OPINIONS_H
#define QF_Q_OPINIONS_H
/*
 * q_opinions: the typed calls of the integrity opinion replies (migration
 * 0058, domain/opinion.h).  The match, the check and the confirmation of a
 * whole request are a few statements over all its lines, never one query
 * per cadre (the benchmark bench/opinion.sh).  Results as store.h: ids,
 * counts or negative codes; text in the arena.
 */
#include <stdint.h>

#include "core/arena.h"
#include "model/metrics.h"
#include "model/opinion.h"
#include "model/person.h"
#include "store/store.h"

int64_t store_opinion_insert(struct store *s, const struct opinion_request *q, int64_t user_id, int64_t now);
int store_opinion_line_insert(struct store *s, int64_t request_id, const struct opinion_in *in);
/* 1 found, 0 not, < 0. */
int store_opinion_get(struct store *s, struct arena *a, int64_t id, struct opinion_request *out);
int64_t store_opinion_count(struct store *s, const struct opinion_filter *f);
int store_opinion_list(struct store *s, struct arena *a, const struct opinion_filter *f,
		       struct opinion_request **out);
/* from -> to (and reply_day, number, replied when not NULL): changed rows. */
int store_opinion_set_state(struct store *s, int64_t id, const char *from, const char *to, const char *reply_day,
			    const char *number, const char *replied);

/* Matches every line of the request still unmatched by the matcher
 * ('none' with no decision taken): by the ID number's MAC (one person or
 * none: the MAC is unique), else by name and a unit of that name in
 * region (candidates counted: 1 matched, 0 none, more ambiguous). */
int store_opinion_match(struct store *s, int64_t request_id, const char *region);
int store_opinion_lines(struct store *s, struct arena *a, int64_t request_id, struct opinion_line **out);
int store_opinion_line_get(struct store *s, struct arena *a, int64_t request_id, int64_t line_id,
			   struct opinion_line *out);
/* The persons of that name in a unit of that name (a line's candidates). */
int store_opinion_candidates(struct store *s, struct arena *a, const char *region, const char *name,
			     const char *unit_name, struct person **out);
/* A staff decision on an unconfirmed line: person (0 none) and matched. */
int store_opinion_line_resolve(struct store *s, int64_t line_id, int64_t person_id, const char *matched);

/* A line that found nobody (未找到, or answered as no record after it),
 * unconfirmed, of a draft or checked request, matched to the person made
 * from it ('created'): changed rows (0: the line or the request moved on). */
int store_opinion_line_created(struct store *s, int64_t request_id, int64_t line_id, int64_t person_id);
/* Every fact of every matched line on `day` (open cases, open clues and
 * reports, outcomes in effect by then with their measures): one
 * statement, ordered by line, kind, record. */
int store_opinion_facts(struct store *s, struct arena *a, int64_t request_id, const char *day,
			struct opinion_fact **out);
/* Writes the proposals (one prepared statement, n executions), clearing
 * earlier confirmations. */
int store_opinion_propose(struct store *s, int64_t request_id, const struct opinion_proposal *v, int n);
/* A line's opinion (note: the reason of a change): changed rows. */
int store_opinion_line_confirm(struct store *s, int64_t request_id, int64_t line_id, const char *code,
			       const char *note, int64_t user_id);
/* Every unconfirmed line as proposed: changed rows. */
int store_opinion_confirm_all(struct store *s, int64_t request_id, int64_t user_id);
/* Lines of the request without an opinion. */
int64_t store_opinion_unconfirmed(struct store *s, int64_t request_id);
/* Not replied and due on or before `last` (the to-do): at most limit, the earliest first. */
int store_opinions_due(struct store *s, struct arena *a, const char *last, int limit, struct opinion_request **out);
int64_t store_opinion_by_ext(struct store *s, const char *ext_id);

/* statistics (QF_METRIC in domain/opinion.c) */
int store_metric_opinion_replies(struct store *db, const struct metric_period *p, const struct metric_scope *sc,
				 int64_t *out);
int store_metric_opinion_cadres(struct store *db, const struct metric_period *p, const struct metric_scope *sc,
				int64_t *out);

#endif

#ifndef QF_DOMAIN_SCORE_H
#define QF_DOMAIN_SCORE_H
/*
 * score: the quarterly and year-end scoring of target tasks (季度和年终目标
 * 任务考核) and its scoreboard (晾晒考核成绩单), issue 14.
 *
 * A period is a quarter (1-4) or the year end (0) of a year.  The case
 * manager's office (PERM_TARGET_MANAGE: the scorers) sets its criteria
 * (name, maximum points) and enters each subject's points per criterion;
 * the subjects are the commission's offices (users' offices) and the
 * township commissions (units of kind township).  Totals and ranks are
 * computed, never stored (score_rank: competition ranking, ties share a
 * rank and the next rank skips: 1, 2, 2, 4).  Points are kept in tenths.
 *
 * Visibility: before a leader publishes a period (PERM_TARGET_PUBLISH),
 * only the scorers and the leaders see it; after, every staff member
 * does (PERM_TARGET_READ), and its scores are no longer edited.
 */
#include <stdint.h>

#include "domain/fielderr.h"
#include "model/target.h"

struct ctx;

#define SCORE_CRITERIA_MAX 30
#define SCORE_POINTS_MAX 10000      /* tenths: 1000 points */

/* One subject's line of a period's sheet. */
struct score_row {
	const char *subject;        /* office:<name>, unit:<id> */
	const char *label;          /* the office's or the unit's name */
	int township;               /* 1: a township commission */
	int *tenths;                /* per criterion, -1 not entered */
	int total;                  /* tenths, the sum of those entered */
	int rank;                   /* 1-based */
};

struct score_board {
	struct score_period period; /* id 0: no such period yet */
	struct score_criterion *crit;
	int ncrit;
	struct score_row *rows;     /* by rank, then label */
	int nrows;
	int max_total;              /* tenths: the sum of the criteria's maxima */
};

/* ---- the arithmetic (pure; tests/unit/test_score.c) ---- */

/* "18", "18.5", "0.5" to tenths; -2 for "" (not entered), -1 when it is
 * not a number of at most one decimal in [0, SCORE_POINTS_MAX]. */
int score_parse_tenths(const char *text);
/* tenths as text: "18", "18.5" (into buf of at least 16 bytes) */
const char *score_tenths_text(int tenths, char buf[16]);
/* the totals of rows (ncrit scores each, -1 none) and their ranks; sorts
 * rows by rank, then label (byte order) */
void score_rank(struct score_row *rows, int nrows, int ncrit);

/* ---- the rules ---- */

/* 1 when the actor sees periods before they are published */
int score_may_preview(struct ctx *c);
/* The sheet of year/quarter: RES_DONE with the board (a period not yet
 * made has id 0 and no criteria); RES_NOT_FOUND when the actor may not see
 * it (unpublished, not a scorer or leader); RES_STORE. */
int score_board(struct ctx *c, int year, int quarter, struct score_board *out);
/* the periods of a year the actor may see, newest first */
int score_periods(struct ctx *c, int year, struct score_period **out);
/* adds a criterion to the period (made on first use): RES_DONE, RES_INVALID */
int score_criterion_add(struct ctx *c, int year, int quarter, const char *name, const char *max_points,
			int seq, struct fielderr *fe);
/* enters the scores: n entries (tenths -1: remove); RES_DONE, RES_INVALID
 * (a score over its criterion's maximum, an unknown subject or criterion,
 * a published period), RES_STORE */
int score_save(struct ctx *c, int year, int quarter, const struct score_entry *v, int n, struct fielderr *fe);
/* publishes the period to every staff member (PERM_TARGET_PUBLISH) */
int score_publish(struct ctx *c, int year, int quarter, struct fielderr *fe);
/* "2022年第一季度", "2022年年终" */
const char *score_period_name(struct ctx *c, int year, int quarter);

#endif

#ifndef QF_STORE_Q_RULES_H
#define QF_STORE_Q_RULES_H
/*
 * q_rules.h: the typed store calls of q_rules.c: the rules kept as data (0006_rules.sql): rows for
 * domain/ to interpret.
 * Conventions of every store/q_*.h (docs/architecture.md, "Store
 * headers"): lookups return 1 found, 0 not found, < 0 error (a STORE_*
 * code); inserts return the new id (> 0) or < 0; lists return the row
 * count (>= 0) with an array allocated in `a`, or < 0; strings are copied
 * into `a`; none opens a transaction (writes go through store_tx).
 */
#include <stdint.h>

#include "model/rules.h"
#include "store/store.h"

struct arena;

/* Every row of influence_periods, by measure then valid_from. */
int store_sanction_periods(struct store *s, struct arena *a, struct period_rule **out);
/* Every row of form_rules, by measure then valid_from. */
int store_form_rules(struct store *s, struct arena *a, struct form_rule **out);
/* Every version of a rule table, by key then date (model/rules.h). */
int store_rule_rows(struct store *s, struct arena *a, enum rule_table_id t, struct rule_row **out);
/* Inserts the version, replacing the one of the same key and date: 1, or < 0. */
int store_rule_put(struct store *s, enum rule_table_id t, const struct rule_row *r, int64_t user_id,
		   int64_t now);
/* Every clock's limits: its undated row then its versions (model/rules.h). */
int store_clock_limits(struct store *s, struct arena *a, struct clock_limit_row **out);
/* The cases whose trial review runs: id and the day it was accepted. */
int store_trials_running(struct store *s, struct arena *a, struct clock_start **out);
int store_case_set_trial_due(struct store *s, int64_t id, const char *due);

#endif

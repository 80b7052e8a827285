/*
 * ix_target.c: the interchange types of the target family (issue 14;
 * docs/interchange.md "Target tasks"): target (a task of a ledger, named
 * by year and ledger name, the ledger made on first use), target_note (a
 * dated progress note of a task), reminder (a numbered work reminder with
 * the tasks it names; its number raises the counter of its kind and year,
 * numbering_note) and score (one subject's points on one criterion of a
 * period (an office by name, or a township commission: a unit), the
 * period and criterion made on first use; stored by the hook
 * like a rule table's row).  Users are named by their account name; a
 * name this database does not know is refused.  A reminder's recipients
 * and their acknowledgements are records of this instance's accounts and
 * are not carried.
 */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/ctx.h"
#include "domain/interchange.h"
#include "domain/numbering.h"
#include "domain/score.h"
#include "store/q_interchange.h"
#include "store/q_targets.h"
#include "store/store.h"

#define F(ix, name) ix_value(ix, v, name)

static void set_id(struct ix_val *x, int64_t id)
{
	x->set = id > 0;
	x->i = id;
	x->s = NULL;
}

/* the id of the account named `name` (field `field`): > 0, or -1 (failed) */
static int64_t user_named(struct ix *ix, const char *field, const char *name)
{
	struct store_ix_value b[1] = { { 2, 0, name } };
	int64_t id = store_ix_run(ix_ctx(ix)->db, store_ix_sql("SELECT id FROM users WHERE name = ?"), b, 1);

	if (id < 0)
		return -1;
	return id ? id : ix_fail(ix, field, "no account is named \"%s\"", name);
}

/* 1 when code is in code table `table` (0 aspects, 1 reminder kinds), else refused */
static int known_code(struct ix *ix, int table, const char *field, const char *code)
{
	struct target_code *k;
	int n = store_target_codes(ix_ctx(ix)->db, ix_ctx(ix)->a, table, &k);

	for (int i = 0; i < n; i++)
		if (!strcmp(k[i].code, code))
			return 1;
	return n < 0 ? -1 : ix_fail(ix, field, "\"%s\" is not a code of the table", code);
}

const struct ix_field ix_target_fields[] = {
	{ "year", IX_INT, "SELECT l.year FROM target_ledgers l WHERE l.id = t.ledger_id", NULL, NULL,
	  IX_VIRT | IX_REQ, NULL },
	{ "ledger", IX_TEXT, "SELECT l.name FROM target_ledgers l WHERE l.id = t.ledger_id", NULL, NULL,
	  IX_VIRT | IX_REQ, NULL },
	{ "aspect", IX_TEXT, "aspect", NULL, NULL, IX_REQ, NULL },
	{ "title", IX_TEXT, "title", NULL, NULL, IX_REQ, NULL },
	{ "leader", IX_TEXT, "SELECT u.name FROM users u WHERE u.id = t.leader_id", NULL, NULL, IX_VIRT, NULL },
	{ "office", IX_TEXT, "office", NULL, NULL, IX_EMPTY, NULL },
	{ "deadline", IX_DATE, "deadline", NULL, NULL, IX_REQ, NULL },
	{ "started", IX_DATE, "started", NULL, NULL, 0, NULL },
	{ "done", IX_DATE, "done", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "ledger_id", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "leader_id", NULL, NULL, 0, NULL },
	{ 0 }
};

int ix_target_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	struct ix_val *leader = F(ix, "leader"), *started = F(ix, "started"), *done = F(ix, "done");
	int64_t year = F(ix, "year")->i, lid;
	struct store_ix_value b[2] = { { 1, year, NULL }, { 2, 0, F(ix, "ledger")->s } };

	if (year < 2000 || year > 2100)
		return ix_fail(ix, "year", "a year from 2000 to 2100");
	if (known_code(ix, 0, "aspect", F(ix, "aspect")->s) <= 0)
		return -1;
	if (done->set && started->set && strcmp(done->s, started->s) < 0)
		return ix_fail(ix, "done", "done before it was started");
	lid = store_ix_run(c->db, store_ix_sql("SELECT id FROM target_ledgers WHERE year = ? AND name = ?"), b, 2);
	if (lid == 0)
		lid = store_target_ledger_insert(c->db, (int)year, F(ix, "ledger")->s);
	if (lid <= 0)
		return -1;
	set_id(F(ix, "ledger_id"), lid);
	if (leader->set) {
		int64_t u = user_named(ix, "leader", leader->s);
		if (u < 0)
			return -1;
		set_id(F(ix, "leader_id"), u);
	}
	return 0;
}

const struct ix_field ix_target_note_fields[] = {
	{ "target", IX_REF, "task_id", "target", NULL, IX_REQ, NULL },
	{ "date", IX_DATE, "day", NULL, NULL, IX_REQ, NULL },
	{ "by", IX_TEXT, "SELECT u.name FROM users u WHERE u.id = t.user_id", NULL, NULL, IX_VIRT, NULL },
	{ "text", IX_TEXT, "text", NULL, NULL, IX_REQ, NULL },
	{ NULL, IX_DERIVED, "user_id", NULL, NULL, 0, NULL },
	{ 0 }
};

int ix_target_note_prepare(struct ix *ix, struct ix_val *v)
{
	struct ix_val *by = F(ix, "by");

	if (by->set) {
		int64_t u = user_named(ix, "by", by->s);
		if (u < 0)
			return -1;
		set_id(F(ix, "user_id"), u);
	}
	return 0;
}

const struct ix_field ix_reminder_fields[] = {
	{ "kind", IX_TEXT, "kind", NULL, NULL, IX_REQ, NULL },
	{ "number", IX_TEXT, "number", NULL, NULL, IX_REQ, NULL },
	{ "title", IX_TEXT, "title", NULL, NULL, IX_REQ, NULL },
	{ "text", IX_TEXT, "body", NULL, NULL, IX_REQ, NULL },
	{ "issued", IX_DATE, "issued", NULL, NULL, IX_REQ, NULL },
	{ "targets", IX_REFS, NULL, "target", "reminder_tasks reminder_id task_id", 0, NULL },
	{ NULL, IX_DERIVED, "year", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "seq", NULL, NULL, 0, NULL },
	{ 0 }
};

int ix_reminder_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	const char *kind = F(ix, "kind")->s, *issued = F(ix, "issued")->s;
	int64_t year = atoi(issued), seq;
	struct store_ix_value b[2] = { { 2, 0, kind }, { 1, year, NULL } };

	if (known_code(ix, 1, "kind", kind) <= 0)
		return -1;
	/* the next sequence of its kind and year; a number in the pattern raises the counter */
	seq = store_ix_run(c->db, store_ix_sql("SELECT COALESCE(max(seq), 0) + 1 FROM reminders "
					       "WHERE kind = ? AND year = ?"), b, 2);
	if (seq < 0 || numbering_note(c, c->db, arena_printf(c->a, "reminder_%s", kind), issued,
				      F(ix, "number")->s) < 0)
		return -1;
	set_id(F(ix, "year"), year);
	set_id(F(ix, "seq"), seq);
	return 0;
}

const struct ix_field ix_score_fields[] = {
	{ "year", IX_INT, "SELECT p.year FROM score_criteria c JOIN score_periods p ON p.id = c.period_id "
	  "WHERE c.id = t.criterion_id", NULL, NULL, IX_VIRT | IX_REQ, NULL },
	{ "quarter", IX_INT, "SELECT p.quarter FROM score_criteria c JOIN score_periods p ON p.id = c.period_id "
	  "WHERE c.id = t.criterion_id", NULL, NULL, IX_VIRT | IX_REQ, NULL },
	{ "criterion", IX_TEXT, "SELECT c.name FROM score_criteria c WHERE c.id = t.criterion_id", NULL, NULL,
	  IX_VIRT | IX_REQ, NULL },
	{ "max_tenths", IX_INT, "SELECT c.max_tenths FROM score_criteria c WHERE c.id = t.criterion_id", NULL,
	  NULL, IX_VIRT | IX_REQ, NULL },
	/* the subject: an office (users' offices) or a township commission (a unit: its file id) */
	{ "office", IX_TEXT, "CASE WHEN t.subject LIKE 'office:%' THEN substr(t.subject, 8) END", NULL, NULL,
	  IX_VIRT, NULL },
	{ "unit", IX_REF, "SELECT COALESCE(u.ext_id, 'U' || u.id) FROM units u "
	  "WHERE t.subject = 'unit:' || CAST(u.id AS TEXT)", "unit", NULL, IX_VIRT, NULL },
	{ "tenths", IX_INT, "t.tenths", NULL, NULL, IX_VIRT | IX_REQ, NULL },
	{ 0 }
};

int ix_score_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	int64_t year = F(ix, "year")->i, quarter = F(ix, "quarter")->i, max = F(ix, "max_tenths")->i;
	int64_t tenths = F(ix, "tenths")->i, pid, cid;
	struct ix_val *office = F(ix, "office"), *unit = F(ix, "unit");
	const char *name = F(ix, "criterion")->s, *subject;
	struct store_ix_value pb[2] = { { 1, year, NULL }, { 1, quarter, NULL } };
	struct store_ix_value cb[2] = { { 1, 0, NULL }, { 2, 0, name } };

	if (year < 2000 || year > 2100 || quarter < 0 || quarter > 4)
		return ix_fail(ix, "quarter", "a quarter 1-4 (0: the year end) of a year from 2000 to 2100");
	if (office->set == unit->set)
		return ix_fail(ix, "office", "one of office and unit");
	subject = office->set ? arena_printf(c->a, "office:%s", office->s)
			      : arena_printf(c->a, "unit:%lld", (long long)unit->i);
	if (max <= 0 || max > SCORE_POINTS_MAX || tenths < 0 || tenths > max)
		return ix_fail(ix, "tenths", "0 to the criterion's max_tenths (at most %d)", SCORE_POINTS_MAX);
	pid = store_ix_run(c->db, store_ix_sql("SELECT id FROM score_periods WHERE year = ? AND quarter = ?"), pb, 2);
	if (pid == 0)
		pid = store_score_period_insert(c->db, (int)year, (int)quarter);
	if (pid <= 0)
		return -1;
	cb[0].i = pid;
	cid = store_ix_run(c->db, store_ix_sql("SELECT id FROM score_criteria WHERE period_id = ? AND name = ?"),
			   cb, 2);
	if (cid == 0)
		cid = store_score_criterion_insert(c->db, pid, name, (int)max, 0);
	if (cid <= 0 || store_score_put(c->db, cid, subject, (int)tenths) < 0)
		return -1;
	return 1;       /* stored here */
}

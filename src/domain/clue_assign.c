/*
 * clue_assign.c: a clue's handling office (承办部门, issue 12).  The case
 * manager (PERM_CLUE_ASSIGN) assigns open clues, one or several at once,
 * to one of the offices the accounts work in (users.office); the office's
 * staff find the clues still waiting for their proposal among their
 * notices (a to-do provider), the clue list filters by office.  Several
 * clues are assigned all or nothing: each is checked (visible to the
 * actor, still open) before, and its state again inside, the one
 * transaction; each gets its own timeline and audit entry.
 *
 * Also here: the notice of a proposal sent back (退回) to whoever made it,
 * until something new is proposed on the clue.
 */
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/clue.h"
#include "domain/clue_flow.h"
#include "domain/ctx.h"
#include "domain/disposition.h"
#include "domain/result.h"
#include "domain/todo.h"
#include "domain/user.h"
#include "store/q_clues.h"
#include "store/q_users.h"
#include "store/store.h"

QF_AUDIT_EVENT(CLUE_ASSIGN, "clue_assign", "分配承办部门");

int clue_offices(struct ctx *c, const char ***out)
{
	int n = store_user_offices(c->db, c->a, out);

	return n < 0 ? RES_STORE : n;
}

/* 1 when a clue in `state` may still get a handling office: not closed,
 * filed or transferred (nothing is left to handle). */
static int assignable(const char *state)
{
	return strcmp(state, "closed") && strcmp(state, "filed") && strcmp(state, "transferred");
}

struct assign_arg {
	struct ctx *c;
	const int64_t *ids;
	int n;
	const char *office;
	int64_t refused;        /* the clue found changed inside the transaction */
};

static int assign_tx(struct store *s, void *arg)
{
	struct assign_arg *aa = arg;
	struct ctx *c = aa->c;

	for (int i = 0; i < aa->n; i++) {
		struct clue k;
		int rc = store_clue_state(s, c->a, aa->ids[i], &k);
		if (rc < 0)
			return -1;
		if (rc == 0 || !assignable(k.state)) {
			aa->refused = aa->ids[i];
			return -1;
		}
		if (store_clue_assign(s, aa->ids[i], aa->office, c->now) < 0 ||
		    clue_record_step(c, aa->ids[i], AEV_CLUE_ASSIGN,
				     arena_printf(c->a, "分配承办部门：%s", aa->office), "") < 0)
			return -1;
	}
	return 1;
}

int clue_assign(struct ctx *c, const int64_t *ids, int n, const char *office, struct fielderr *fe)
{
	struct assign_arg aa = { .c = c, .ids = ids, .n = n, .office = office };
	const char **offices;
	int no, found = 0, rc;

	if (!authz_has(&c->who, PERM_CLUE_ASSIGN))
		return RES_NOT_FOUND;
	if (n <= 0) {
		fielderr_add(fe, "ids", "请至少选择一条线索");
		return RES_INVALID;
	}
	if (n > CLUE_BULK_MAX) {
		fielderr_add(fe, "ids", arena_printf(c->a, "一次最多处理%d条", CLUE_BULK_MAX));
		return RES_INVALID;
	}
	if ((no = store_user_offices(c->db, c->a, &offices)) < 0)
		return RES_STORE;
	for (int i = 0; office && i < no && !found; i++)
		found = !strcmp(offices[i], office);
	if (!found) {
		fielderr_add(fe, "office", "请选择承办部门（用户所属的室、组）");
		return RES_INVALID;
	}
	/* every clue named is checked before anything is written */
	for (int i = 0; i < n; i++) {
		struct clue k;
		for (int j = 0; j < i; j++)
			if (ids[j] == ids[i]) {
				fielderr_add(fe, "ids", arena_printf(c->a, "问题线索 %" PRId64 " 重复选择", ids[i]));
				return RES_INVALID;
			}
		rc = clue_get(c, ids[i], &k);
		if (rc < 0)
			return rc;
		if (rc == 0) {
			fielderr_add(fe, "ids", arena_printf(c->a, "问题线索 %" PRId64 " 不存在或您无权查看", ids[i]));
			return RES_INVALID;
		}
		if (!assignable(k.state)) {
			fielderr_add(fe, "ids", arena_printf(c->a, "问题线索 %" PRId64 " 已%s，不能再分配承办部门",
							     ids[i], clue_state_label(k.state)));
			return RES_INVALID;
		}
	}
	if (store_tx(c->db, assign_tx, &aa) < 0) {
		if (!aa.refused)
			return RES_STORE;
		fielderr_add(fe, "ids", arena_printf(c->a, "问题线索 %" PRId64 " 状态已变化，请刷新后再试",
						     aa.refused));
		return RES_INVALID;
	}
	return RES_DONE;
}

/* ---- notices ------------------------------------------------------------- */

/* Clues assigned to the user's office, waiting for a proposal. */
static int todo_assigned(struct ctx *c, struct todo_acc *acc)
{
	const char *office = user_office(c, c->who.id);
	struct clue *k;
	int n;

	if (!*office || !todo_wants(acc, TODO_B_ASSIGNED, office))
		return 0;
	if (acc->counting && todo_tally(c, acc, office, TODO_B_ASSIGNED,
					store_clues_assigned_count(c->db, authz_scope_user(c), office)) < 0)
		return -1;
	if (!acc->want)
		return 0;
	n = store_clues_assigned(c->db, c->a, authz_scope_user(c), office, acc->want, &k);
	for (int i = 0; i < n; i++) {
		struct todo *t = todo_add(c, acc, arena_printf(c->a, "分配给%s承办", office),
					  date_from_unix_cst(k[i].assigned_at));
		t->kind = TODO_ASSIGNED;
		t->object = arena_printf(c->a, "问题线索 %" PRId64 "（%s）", k[i].id, k[i].unit_name);
		t->href = arena_printf(c->a, "/clues/%" PRId64, k[i].id);
		t->office = office;
	}
	return n < 0 ? -1 : 0;
}

/* The user's proposals sent back, until a new one is made on the clue. */
static int todo_returned(struct ctx *c, struct todo_acc *acc)
{
	struct disposition *d;
	const char **units;
	int n;

	if (!todo_wants(acc, TODO_B_RETURN, ""))
		return 0;
	if (acc->counting && todo_tally(c, acc, "", TODO_B_RETURN,
					store_dispositions_returned_count(c->db, c->who.id)) < 0)
		return -1;
	if (!acc->want)
		return 0;
	n = store_dispositions_returned(c->db, c->a, c->who.id, acc->want, &d, &units);

	for (int i = 0; i < n; i++) {
		const struct disposition_method *m = disposition_method_find(d[i].method);
		struct todo *t = todo_add(c, acc, arena_printf(c->a, "处置意见被退回：%s",
							       m ? m->label : d[i].method),
					  date_from_unix_cst(d[i].decided_at));
		t->kind = TODO_RETURN;
		t->object = arena_printf(c->a, "问题线索 %" PRId64 "（%s）", d[i].clue_id, units[i]);
		t->href = arena_printf(c->a, "/clues/%" PRId64, d[i].clue_id);
		t->note = d[i].decision_note;
	}
	return n < 0 ? -1 : 0;
}

QF_TODO_PROVIDER(clue_assigned_todo, 12, PERM_CLUE_READ, todo_assigned);
QF_TODO_PROVIDER(clue_returned_todo, 21, PERM_CLUE_PROPOSE, todo_returned);

/*
 * case.c: filing a case from its clue, reading cases on need-to-know,
 * the handling team (with recusal), notes, and the steps of a case:
 * transfer to prosecution, trial review, closure.  Detention is in
 * detention.c.
 *
 * Guarantees: the list query itself holds only the cases the actor may
 * see; a refused look is a 404 and an access_denied audit entry; only the
 * legal state changes (investigating -> trial -> closed), dated neither in
 * the future nor before the step they follow; each step writes the
 * timeline and the audit log in the same transaction, and is checked
 * again inside it.
 */
#include "domain/case.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/case_filing.h"
#include "domain/clocks.h"
#include "domain/ctx.h"
#include "domain/outcome.h"
#include "domain/recusal.h"
#include "domain/result.h"
#include "domain/role.h"
#include "domain/todo.h"
#include "domain/trial.h"
#include "store/q_access.h"
#include "store/q_cases.h"
#include "store/q_clues.h"
#include "store/q_todo.h"
#include "store/q_trial.h"
#include "store/q_users.h"
#include "domain/user.h"
#include "domain/metrics.h"
#include "domain/numbering.h"
#include "store/q_metrics.h"

/* the audit events this file writes (audit_events.h), and its objects' types */
QF_AUDIT_EVENT(TEAM_ADD, "team_add", "加入办案组");
QF_AUDIT_EVENT(TEAM_REMOVE, "team_remove", "移出办案组");
QF_AUDIT_EVENT(TEAM_OVERRIDE, "team_override", "越过回避加入办案组");
QF_AUDIT_EVENT(TEAM_REFUSED, "team_refused", "因回避拒绝加入办案组");
QF_AUDIT_EVENT(CASE_NOTE, "case_note", "添加审查调查记录");
QF_AUDIT_EVENT(CASE_TRANSFER, "case_transfer", "移送司法机关");
QF_AUDIT_EVENT(CASE_TRIAL, "case_trial", "审理受理");
QF_AUDIT_EVENT(CASE_CLOSE, "case_close", "结案");
QF_AUDIT_EVENT(TRIAL_OPINION, "trial_opinion", "审理意见");
QF_AUDIT_EVENT(TRIAL_RETURN, "trial_return", "退回补充调查");
QF_AUDIT_OBJECT(case, "案件");

/* the codes of its fields and their Chinese names (labels.h) */
const struct label case_states[] = {
	{ "investigating", "审查调查中" },
	{ "trial", "审理中" },
	{ "closed", "已结案" },
	{ NULL, NULL }
};

const struct label case_team_roles[] = {
	{ "lead", "主办" },
	{ "member", "协办" },
	{ "trial", "审理" },
	{ NULL, NULL }
};

static const char *note_ad(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "case_notes.text/%" PRId64, id);
}

int case_record_named(struct ctx *c, int64_t case_id, const struct audit_event *event,
		      const char *audit_action, const char *action, const char *detail)
{
	if (store_timeline_add(c->db, c->cfg->region, case_obj(c, case_id), c->now, c->who.id,
			       c->who.name, action, detail) < 0)
		return -1;
	return audit_append(c, event, case_obj(c, case_id), 1, audit_action);
}

int case_record(struct ctx *c, int64_t case_id, const struct audit_event *event, const char *action,
		const char *detail)
{
	return case_record_named(c, case_id, event, action, action, detail);
}

int case_day_ok(struct ctx *c, struct fielderr *fe, const char *field, const char *day,
		const char *not_before, const char *what)
{
	qf_day d = date_parse(day ? day : "");

	if (d == QF_DAY_NONE) {
		fielderr_add(fe, field, fielderr_date_msg(day, "请填写日期（YYYY-MM-DD）"));
		return 0;
	}
	if (d > date_today()) {
		fielderr_add(fe, field, "日期不能晚于今天");
		return 0;
	}
	if (not_before && strcmp(day, not_before) < 0) {
		fielderr_add(fe, field, arena_printf(c->a, "日期不能早于%s（%s）", what, not_before));
		return 0;
	}
	return 1;
}

/* ---- filing ------------------------------------------------------------------ */

/* 立案编号: one per subject (the filing decision is made per person), in
 * the order of the subjects, from the pattern and counter of the filing
 * day's year (numbering.h), in the caller's transaction; a subject that
 * has one keeps it: 0 or -1. */
int case_filing_numbers_of(struct ctx *c, int64_t case_id, const char *day, const int64_t *persons, int n)
{
	for (int i = 0; i < n; i++) {
		const char *no = numbering_next(c, c->db, "case_filing", day, NULL);

		if (!no || store_case_subject_set_no(c->db, case_id, persons[i], no) < 0)
			return -1;
	}
	return 0;
}

int case_filing_numbers(struct ctx *c, int64_t case_id, const char *day)
{
	struct case_number *p;
	int n = store_case_numbers(c->db, c->a, case_id, &p), k = 0;
	int64_t *ids = n > 0 ? arena_alloc(c->a, sizeof(*ids) * (size_t)n) : NULL;

	/* those without a number come last, by person id */
	for (int i = 0; i < n; i++)
		if (!p[i].filing_no)
			ids[k++] = p[i].person_id;
	return n < 0 ? -1 : case_filing_numbers_of(c, case_id, day, ids, k);
}

int64_t case_file(struct ctx *c, const struct clue *k, int64_t disposition_id, const char *day,
		  const struct case_filing *f)
{
	struct case_rec r = { 0 };
	int64_t id;

	r.region = c->cfg->region;
	r.clue_id = k->id;
	r.disposition_id = disposition_id;
	r.unit_id = k->unit_id;
	r.campaign_id = k->campaign_id;
	r.filed = day;
	r.created_by = c->who.id;
	id = store_case_insert(c->db, &r, c->now);
	/* the subjects with their rank, flags and unit as of today (snapshot);
	 * the filing record; the clue's outcomes become the case's (part A) */
	if (id < 0 || store_case_copy_subjects(c->db, id, k->id) < 0 || case_filing_store(c, id, f) < 0 ||
	    outcome_move_to_case(c, c->db, k->id, id) < 0 || case_filing_numbers(c, id, day) < 0)
		return -1;
	if (store_timeline_add(c->db, c->cfg->region, arena_printf(c->a, "clue/%" PRId64, k->id), c->now,
			       c->who.id, c->who.name, arena_printf(c->a, "立案：案件 %" PRId64, id), "") < 0)
		return -1;
	if (case_record(c, id, AEV_CREATE, "立案",
			arena_printf(c->a, "由问题线索 %" PRId64 " 立案，立案日期 %s", k->id, day)) < 0)
		return -1;
	return id;
}

/* ---- reading ----------------------------------------------------------------- */

int case_list(struct ctx *c, struct case_filter *cq, struct case_rec **out, int64_t *total)
{
	cq->team_user = case_sees_all(c) ? 0 : c->who.id;
	cq->overdue_on = cq->overdue ? date_format(date_today(), arena_alloc(c->a, 11)) : "";
	*total = store_case_count(c->db, cq);
	if (*total < 0)
		return -1;
	return store_case_list(c->db, c->a, cq, out);
}

int case_get(struct ctx *c, int64_t id, struct case_rec *k)
{
	int rc = case_access(c, id);

	if (rc <= 0)
		return res_from_store(rc);
	rc = store_case_get(c->db, c->a, id, k);
	if (rc <= 0)
		return res_from_store(rc);
	return audit_record(c, AEV_READ, case_obj(c, id), 1, "") < 0 ? RES_STORE : 1;
}

int case_detail(struct ctx *c, const struct case_rec *k, struct case_detail *d)
{
	memset(d, 0, sizeof(*d));
	d->n_subjects = store_case_subjects(c->db, c->a, k->id, &d->subjects);
	d->n_team = store_case_team(c->db, c->a, k->id, &d->team);
	d->n_notes = store_case_notes(c->db, c->a, k->id, &d->notes);
	d->n_detentions = store_detentions_of_case(c->db, c->a, k->id, &d->detentions);
	d->n_exts = store_detention_exts(c->db, c->a, k->id, 0, &d->exts);
	d->n_timeline = store_timeline_list(c->db, c->a, case_obj(c, k->id), &d->timeline);
	return d->n_subjects < 0 || d->n_team < 0 || d->n_notes < 0 || d->n_detentions < 0 ||
	       d->n_exts < 0 || d->n_timeline < 0 ? -1 : 0;
}

int case_numbers(struct ctx *c, int64_t case_id, struct case_number **out)
{
	return store_case_numbers(c->db, c->a, case_id, out);
}

int case_note_text(struct ctx *c, const struct case_note *n, struct strbuf *out)
{
	return field_decrypt(c->keys, note_ad(c, n->id), n->text_enc, out);
}

/* ---- the handling team ------------------------------------------------------- */

struct team_arg {
	struct ctx *c;
	int64_t case_id, user_id, override_by;
	const char *role, *reason, *label;
	int refused;
};

static int team_add_tx(struct store *s, void *arg)
{
	struct team_arg *ta = arg;
	struct ctx *c = ta->c;
	int rc = store_case_team_has(s, ta->case_id, ta->user_id);

	if (rc != 0) {
		ta->refused = rc > 0;
		return -1;
	}
	if (store_case_team_add(s, ta->case_id, ta->user_id, ta->role, c->who.id, c->now, ta->override_by,
				ta->reason) < 0)
		return -1;
	/* the timeline names the member, the audit entry the account */
	if (case_record_named(c, ta->case_id, AEV_TEAM_ADD,
			      arena_printf(c->a, "加入办理组：user/%" PRId64 "（%s）", ta->user_id,
					   label_of(case_team_roles, ta->role)),
			      arena_printf(c->a, "加入办理组：%s（%s）", ta->label,
					   label_of(case_team_roles, ta->role)),
			      ta->override_by ? ta->reason : "") < 0)
		return -1;
	return ta->override_by ? audit_append(c, AEV_TEAM_OVERRIDE, case_obj(c, ta->case_id), 1,
					      arena_printf(c->a, "recusal override for user/%" PRId64,
							   ta->user_id)) : 0;
}

/* The investigation roles of a team (lead, member) are for the roles that
 * investigate: the investigation offices and their leaders, and the
 * township commissions and resident groups in the cases they handle. */
static int investigates(const char *role)
{
	static const char *const roles[] = { "investigator", "leader", "township", "resident_group", NULL };

	for (int i = 0; roles[i]; i++)
		if (!strcmp(role, roles[i]))
			return 1;
	return 0;
}

int case_team_role_open(const char *user_role, const char *team_role)
{
	if (!user_role || !team_role)
		return 0;
	if (!strcmp(team_role, "trial"))
		return !strcmp(user_role, "trial");
	return investigates(user_role);
}

/* The user to put on a team in `role`: 1 fine (u filled), 0 with fe,
 * RES_STORE.  Investigation and trial are separate (审查调查与审理分离): the
 * trial member comes from the trial office, the investigation team never
 * does. */
static int team_candidate(struct ctx *c, int64_t user_id, const char *role, struct user *u,
			  struct fielderr *fe)
{
	const struct role *ro;
	int rc = store_user_by_id(c->db, c->a, user_id, u);

	if (rc < 0)
		return RES_STORE;
	if (rc != 1 || u->disabled) {
		fielderr_add(fe, "user_id", "所选用户不存在或已停用");
		return 0;
	}
	ro = role_find(u->role);
	if (!perm_has(role_perms(ro), PERM_CASE_WORK) && strcmp(u->role, "leader")) {
		fielderr_add(fe, "user_id", arena_printf(c->a, "%s的角色（%s）不办理案件", u->name,
							 role_label(u->role)));
		return 0;
	}
	if (!strcmp(role, "trial") && strcmp(u->role, "trial")) {
		fielderr_add(fe, "role", arena_printf(c->a, "审理人员须来自案件审理室，%s的角色为%s（审查调查与审理分离）",
						      u->name, role_label(u->role)));
		return 0;
	}
	if (strcmp(role, "trial") && !case_team_role_open(u->role, role)) {
		fielderr_add(fe, "role", arena_printf(c->a, "审查调查组成员须为审查调查人员，%s的角色为%s（审查调查与审理分离）",
						      u->name, role_label(u->role)));
		return 0;
	}
	return 1;
}

int case_team_add(struct ctx *c, int64_t case_id, int64_t user_id, const char *role,
		  const char *override_reason, struct fielderr *fe)
{
	struct team_arg ta = { .c = c, .case_id = case_id, .user_id = user_id, .role = role,
			       .reason = "" };
	struct user u;
	struct case_rec k;
	const char *why;
	int rc = case_access(c, case_id);

	if (rc <= 0)
		return rc < 0 ? -2 : 0;
	/* a closed case's team still changes: the team is who may read the
	 * file, and an appeal's reviewer or the clerk executing the sanction
	 * needs it after closure; what the case holds stays closed
	 * (case_closed_refuse on every other write) */
	if (store_case_get(c->db, c->a, case_id, &k) != 1)
		return -2;
	if (!label_of(case_team_roles, role ? role : "")) {
		fielderr_add(fe, "role", "请选择在办理组中的分工");
		return RES_INVALID;
	}
	rc = team_candidate(c, user_id, role, &u, fe);
	if (rc < 0)
		return RES_STORE;
	if (!rc)
		return RES_INVALID;
	ta.label = *u.display_name ? u.display_name : u.name;
	rc = recusal_check(c, case_id, 0, &u, &why);
	if (rc < 0)
		return -2;
	if (rc == RECUSAL_BARRED) {     /* a statutory ground: no override */
		audit_record(c, AEV_TEAM_REFUSED, case_obj(c, case_id), 0, "recusal statutory");
		fielderr_add(fe, "user_id", arena_printf(c->a, "%s。", why));
		return RES_INVALID;
	}
	if (rc) {
		if (user_id == c->who.id) {
			audit_record(c, AEV_ACCESS_DENIED, case_obj(c, case_id), 0, "own recusal override");
			fielderr_add(fe, "override_reason", arena_printf(c->a, "%s。本人的回避事项不能由本人决定。", why));
			return RES_INVALID;
		}
		if (!override_reason || !*override_reason) {
			audit_record(c, AEV_TEAM_REFUSED, case_obj(c, case_id), 0, "recusal");
			fielderr_add(fe, "user_id", arena_printf(c->a, "%s。如确需参加，须由委领导填写理由批准。", why));
			return -1;
		}
		if (!authz_has(&c->who, PERM_CASE_OVERRIDE)) {
			audit_record(c, AEV_ACCESS_DENIED, case_obj(c, case_id), 0, "recusal override needs a leader");
			fielderr_add(fe, "override_reason", arena_printf(c->a, "%s。回避例外只能由委领导批准。", why));
			return -1;
		}
		if (fielderr_len(c->a, fe, "override_reason", "理由", override_reason, 500))
			return -1;
		ta.override_by = c->who.id;
		ta.reason = override_reason;
	}
	if (store_tx(c->db, team_add_tx, &ta) < 0) {
		if (!ta.refused)
			return -2;
		fielderr_add(fe, "user_id", "该用户已在办理组中");
		return -1;
	}
	return 1;
}

static int team_remove_tx(struct store *s, void *arg)
{
	struct team_arg *ta = arg;
	int rc = store_case_team_remove(s, ta->case_id, ta->user_id);

	if (rc <= 0) {
		ta->refused = rc == 0;
		return -1;
	}
	return case_record_named(ta->c, ta->case_id, AEV_TEAM_REMOVE,
				 arena_printf(ta->c->a, "退出办理组：user/%" PRId64, ta->user_id),
				 arena_printf(ta->c->a, "退出办理组：%s", ta->label), "");
}

int case_team_remove(struct ctx *c, int64_t case_id, int64_t user_id, struct fielderr *fe)
{
	struct team_arg ta = { .c = c, .case_id = case_id, .user_id = user_id, .label = "" };
	struct user u;
	int rc = case_access(c, case_id);

	if (rc <= 0)
		return rc < 0 ? -2 : 0;
	if (store_user_by_id(c->db, c->a, user_id, &u) == 1)
		ta.label = *u.display_name ? u.display_name : u.name;
	if (store_tx(c->db, team_remove_tx, &ta) < 0) {
		if (!ta.refused)
			return -2;
		fielderr_add(fe, "user_id", "该用户不在办理组中");
		return -1;
	}
	return 1;
}

/* ---- work by the team ---------------------------------------------------------- */

int case_for_work(struct ctx *c, int64_t case_id, struct case_rec *k, struct fielderr *fe)
{
	int rc = case_access(c, case_id);

	if (rc <= 0)
		return rc < 0 ? -2 : 0;
	rc = case_on_team(c, case_id);
	if (rc < 0 || store_case_get(c->db, c->a, case_id, k) != 1)
		return -2;
	if (!rc) {
		fielderr_add(fe, "state", "您不在本案办理组中，不能办理本案");
		return -1;
	}
	return 1;
}

/* The actor's role on the case's team in *role ("" when not on it): 0,
 * or -1. */
static int team_role(struct ctx *c, int64_t case_id, const char **role)
{
	struct case_member *m;
	int n = store_case_team(c->db, c->a, case_id, &m);

	*role = "";
	for (int i = 0; i < n; i++)
		if (m[i].user_id == c->who.id)
			*role = m[i].role;
	return n < 0 ? -1 : 0;
}

int case_closed_refuse(struct ctx *c, const struct case_rec *k, struct fielderr *fe)
{
	if (strcmp(k->state, "closed"))
		return 0;
	fielderr_add(fe, "state", arena_printf(c->a, "本案已于%s结案，不能再作变更（结案后只能登记申诉、复审复核和处分执行）",
					       k->closed ? k->closed : ""));
	return 1;
}

int case_for_side(struct ctx *c, int64_t case_id, enum case_side side, struct case_rec *k,
		  struct fielderr *fe)
{
	const char *role;
	int trial, rc = case_for_work(c, case_id, k, fe);

	if (rc != 1)
		return rc;
	if (team_role(c, case_id, &role) < 0)
		return -2;
	trial = !strcmp(role, "trial");
	if (trial != (side == CASE_SIDE_TRIAL)) {
		/* the other side's form: refused and audited (审查调查与审理分离) */
		if (audit_record(c, AEV_ACCESS_DENIED, case_obj(c, case_id), 0,
				 trial ? "investigation form by a trial member" : "trial form by the investigation") < 0)
			return -2;
		fielderr_add(fe, "state", trial ? "审理人员不能办理留置、审查调查记录等审查调查事项（审查调查与审理分离）"
			     : "审理受理、审理意见、退回补充调查和结案由办理组中的审理人员办理，审查调查人员不能办理（审查调查与审理分离）");
		return -1;
	}
	return case_closed_refuse(c, k, fe) ? -1 : 1;
}

struct note_arg {
	struct ctx *c;
	int64_t case_id, id;
	const char *text;
};

static int note_tx(struct store *s, void *arg)
{
	struct note_arg *na = arg;
	struct ctx *c = na->c;
	struct strbuf enc = STRBUF_INIT;
	int rc;

	na->id = store_case_note_insert(s, c->cfg->region, na->case_id, c->now, c->who.id);
	if (na->id < 0)
		return -1;
	/* encrypted once the id is known: the ciphertext is bound to its row */
	rc = field_encrypt(c->keys, note_ad(c, na->id), na->text, strlen(na->text), &enc);
	if (rc == 0)
		rc = store_case_note_set(s, na->id, enc.buf);
	strbuf_release(&enc);
	if (rc < 0)
		return -1;
	return case_record(c, na->case_id, AEV_CASE_NOTE, "添加审查调查记录", "");
}

int64_t case_note_add(struct ctx *c, int64_t case_id, const char *text, struct fielderr *fe)
{
	struct note_arg na = { .c = c, .case_id = case_id, .text = text };
	struct case_rec k;
	int rc = case_for_side(c, case_id, CASE_SIDE_INVESTIGATION, &k, fe);

	if (rc != 1)
		return rc;
	if (!text || !*text || utf8_len(text) > 10000) {
		fielderr_add(fe, "text", "请填写记录内容（不超过10000字）");
		return -1;
	}
	return store_tx(c->db, note_tx, &na) < 0 ? -2 : na.id;
}

/* ---- transfer, trial review, closure ------------------------------------------------ */

struct step_arg {
	struct ctx *c;
	struct case_rec k;
	enum case_step step;
	const char *day;
	struct fielderr *fe;
	int refused;
};

/* The step's rule on the case as it is now, inside the transaction on s:
 * 1 allowed (k updated, a return closed on re-acceptance), 0 with the
 * message in fe, -1 the store failed. */
static int step_apply(struct ctx *c, struct store *s, struct case_rec *k, enum case_step step,
		      const char *day, struct fielderr *fe, struct clock_table *clocks)
{
	const struct clock_limit *lim;
	char buf[11];
	int rc;

	switch (step) {
	case CASE_TRANSFER:
		if (!strcmp(k->state, "closed") || k->transferred) {
			fielderr_add(fe, "state", k->transferred ? "本案已移送司法机关" : "本案已结案");
			return 0;
		}
		if (!case_day_ok(c, fe, "day", day, k->filed, "立案日期"))
			return 0;
		k->transferred = day;
		return 1;
	case CASE_TRIAL:
		if (strcmp(k->state, "investigating")) {
			fielderr_add(fe, "state", "只有审查调查中的案件可以移送审理");
			return 0;
		}
		lim = clock_find(clocks, "trial_review");
		if (!case_day_ok(c, fe, "day", day, k->filed, "立案日期"))
			return 0;
		if (!lim) {
			fielderr_add(fe, "state", "未配置审理期限（clock_limits: trial_review）");
			return 0;
		}
		/* back from a supplementary investigation: the clock resumes */
		rc = trial_reaccept(c, s, k, day, lim, fe);
		if (rc != 0)
			return rc < 0 ? (fe->n ? 0 : -1) : 1;
		k->state = "trial";
		k->trial_accepted = day;
		k->trial_due = arena_strdup(c->a, date_format(clock_due(c->cal, lim, date_parse(day)), buf));
		return 1;
	case CASE_CLOSE:
	default:
		if (strcmp(k->state, "trial")) {
			fielderr_add(fe, "state", !strcmp(k->state, "closed") ? "本案已结案"
					: "案件须经审理受理后才能结案");
			return 0;
		}
		if (!case_day_ok(c, fe, "day", day, trial_last_accepted(c, s, k), "审理受理日期"))
			return 0;
		rc = trial_no_open_detention(c, s, k->id, fe);
		if (rc <= 0)
			return rc < 0 ? -1 : 0;
		k->state = "closed";
		k->closed = day;
		return 1;
	}
}

static int step_tx(struct store *s, void *arg)
{
	static const char *const actions[] = { "移送司法机关", "审理受理", "结案" };
	static const struct audit_event *const events[] = { AEV_CASE_TRANSFER, AEV_CASE_TRIAL,
							    AEV_CASE_CLOSE };
	struct step_arg *sa = arg;
	struct ctx *c = sa->c;
	struct clock_table clocks;
	const char *again;
	int rc;

	/* again under the write lock: the state may have moved */
	if (store_case_get(s, c->a, sa->k.id, &sa->k) != 1 || clock_table_load(s, c->a, &clocks) < 0)
		return -1;
	again = sa->k.trial_accepted;
	rc = step_apply(c, s, &sa->k, sa->step, sa->day, sa->fe, &clocks);
	if (rc <= 0) {
		sa->refused = rc == 0;
		return -1;
	}
	if (store_case_set_steps(s, &sa->k, c->now) < 0)
		return -1;
	if (sa->step == CASE_TRIAL && again)
		return case_record(c, sa->k.id, AEV_CASE_TRIAL, "补充调查后重新受理",
				   arena_printf(c->a, "日期 %s，审理期限（扣除退回补充调查期间）至 %s", sa->day,
						sa->k.trial_due));
	return case_record(c, sa->k.id, events[sa->step], actions[sa->step],
			   arena_printf(c->a, "日期 %s", sa->day));
}

int case_step(struct ctx *c, int64_t case_id, enum case_step step, const char *day,
	      struct fielderr *fe)
{
	struct step_arg sa = { .c = c, .step = step, .day = day, .fe = fe };
	/* accepting and closing are the trial office's (审查调查与审理分离); the
	 * transfer to prosecution any member's */
	int rc = step == CASE_TRANSFER ? case_for_work(c, case_id, &sa.k, fe)
		: case_for_side(c, case_id, CASE_SIDE_TRIAL, &sa.k, fe);

	if (rc != 1)
		return rc;
	if (store_tx(c->db, step_tx, &sa) < 0)
		return sa.refused ? -1 : -2;
	return 1;
}

/* ---- the home page ---------------------------------------------------------------- */

/* The home page (todo.h): running detention and trial clocks overdue or due
 * within 3 working days, of the cases the actor is on the team of (every
 * case for case_sees_all, with the office of the case's lead): counted in
 * SQL by their stored due days, the earliest due listed. */
static int case_todo(struct ctx *c, struct todo_acc *acc)
{
	int64_t team = case_sees_all(c) ? 0 : c->who.id;
	const char *due_by = todo_day_text(c, todo_last_due(acc)), *office = todo_office_filter(acc);
	struct store_due_count *cnt;
	struct case_clock *v;
	int n;

	if (acc->counting) {
		/* the badge needs no office: the lead's office is a lookup per
		 * running clock (30,192 trial reviews at 10M), the total an
		 * index read (bench/README.md "outc16i") */
		n = todo_offices_wanted(acc) ?
			store_case_clocks_count(c->db, c->a, team, todo_day_text(c, acc->today - 1), due_by, office, &cnt) :
			store_case_clocks_total(c->db, c->a, team, todo_day_text(c, acc->today - 1), due_by, &cnt);
		if (n < 0)
			return -1;
		todo_tally_dues(c, acc, cnt, n);
	}
	if (!acc->want)
		return 0;
	n = store_case_clocks(c->db, c->a, team, due_by, office, acc->want, &v);
	for (int i = 0; i < n; i++) {
		int det = !strcmp(v[i].kind, "detention");
		struct todo *t = todo_add_clock(c, acc, det ? "detention" : "trial_review",
						det ? "留置期限" : NULL, date_parse(v[i].start),
						date_parse(v[i].due ? v[i].due : ""));
		if (!t)
			continue;
		t->object = det ? arena_printf(c->a, "案件 %" PRId64 "（%s，%s）", v[i].case_id,
					       v[i].unit_name, v[i].person_name)
				: arena_printf(c->a, "案件 %" PRId64 "（%s）", v[i].case_id, v[i].unit_name);
		t->href = arena_printf(c->a, "/cases/%" PRId64, v[i].case_id);
		t->office = v[i].office;
	}
	return n < 0 ? -1 : 0;
}
QF_TODO_PROVIDER_BY_OFFICE(case_todo_provider, 40, PERM_CASE_READ, case_todo);

/* ---- statistics (DOMAIN.md section 6; docs/statistics.md) ---- */

static const struct metric_def metric_cases_filed = {
	.key = "cases_filed",
	.zh = "立案",
	.en = "cases filed in the period",
	.kind = METRIC_COUNT,
	.order = 30,
	.scopes = Q_METRIC_CASE_SCOPES,
	.compute = store_metric_cases_filed,
	.list = "/cases?filed" };
QF_METRIC(&metric_cases_filed);
static const struct metric_def metric_cases_closed = {
	.key = "cases_closed",
	.zh = "结案",
	.en = "cases closed in the period, whenever filed",
	.kind = METRIC_COUNT,
	.order = 40,
	.scopes = Q_METRIC_CASE_SCOPES,
	.compute = store_metric_cases_closed,
	.list = "/cases?closed" };
QF_METRIC(&metric_cases_closed);
static const struct metric_def metric_closure_rate = {
	.key = "closure_rate",
	.zh = "结案率",
	.en = "cases_closed / cases_filed, 2 decimals",
	.kind = METRIC_RATE,
	.order = 50,
	.scopes = Q_METRIC_CASE_SCOPES,
	.num_key = "cases_closed",
	.den_key = "cases_filed",
	.decimals = 2 };
QF_METRIC(&metric_closure_rate);
static const struct metric_def metric_transferred = {
	.key = "transferred",
	.zh = "移送司法机关",
	.en = "cases transferred to prosecution in the period",
	.kind = METRIC_COUNT,
	.order = 80,
	.scopes = Q_METRIC_CASE_SCOPES,
	.compute = store_metric_transferred,
	.list = "/cases?transferred" };
QF_METRIC(&metric_transferred);

/*
 * clue.c: registering problem clues, reading them within the
 * jurisdiction, proposing and approving their disposition.
 *
 * Guarantees: only the transitions of clue_flow.c; one pending proposal
 * at a time; approval by the role and level clue_flow.c names (the
 * principal leader for a county-rank subject); the first approved
 * decision sets first_disposed (the statistics' 处置问题线索) and later ones
 * never move it; each step writes the timeline and the audit log in the
 * same transaction as the change.
 */
#include "domain/clue.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/case.h"
#include "domain/clocks.h"
#include "domain/clue_flow.h"
#include "domain/ctx.h"
#include "domain/labels.h"
#include "domain/person.h"
#include "domain/result.h"
#include "domain/role.h"
#include "store/queries.h"

static const char *clue_obj(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "clue/%" PRId64, id);
}

static const char *summary_ad(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "clues.summary/%" PRId64, id);
}

/* Timeline and audit of one step, in the caller's transaction.  The
 * reasons people type (detail) go to the timeline, which only those who
 * may read the clue see; the audit log, which the audit admin reads,
 * gets the step (action) only: no case content. */
static int record_step(struct ctx *c, int64_t clue_id, enum audit_ev event, const char *action,
		       const char *detail)
{
	if (store_timeline_add(c->db, c->cfg->region, clue_obj(c, clue_id), c->now, c->who.id,
			       c->who.name, action, detail) < 0)
		return -1;
	return audit_append(c, event, clue_obj(c, clue_id), 1, action);
}

/* ---- registering ---------------------------------------------------------- */

/* Adds the messages of the input to fe: 0, or RES_STORE when a lookup
 * failed (a failed lookup is no wrong subject: 503/500, not 422). */
static int validate(struct ctx *c, const struct clue_input *in, struct fielderr *fe,
		    int64_t *unit_id)
{
	int rc;

	qf_day received = date_parse(in->received ? in->received : "");

	if (received == QF_DAY_NONE)
		fielderr_add(fe, "received", "请填写受理日期（YYYY-MM-DD）");
	else if (received > date_today())
		fielderr_add(fe, "received", "受理日期不能晚于今天");
	if (!label_of(clue_sources, in->source))
		fielderr_add(fe, "source", "请选择线索来源");
	if (in->source_ref && utf8_len(in->source_ref) > 100)
		fielderr_add(fe, "source_ref", "来源编号不能超过100个字");
	if (!in->summary || !*in->summary)
		fielderr_add(fe, "summary", "请填写反映的主要问题");
	else if (utf8_len(in->summary) > 5000)
		fielderr_add(fe, "summary", "主要问题不能超过5000个字");
	if (in->n_subjects <= 0)
		fielderr_add(fe, "subjects", "请至少选择一名被反映人");
	for (int i = 0; i < in->n_subjects; i++) {
		struct person p;
		for (int j = 0; j < i; j++)
			if (in->subjects[j] == in->subjects[i]) {
				fielderr_add(fe, "subjects", "被反映人重复");
				return 0;
			}
		rc = person_pick(c, in->subjects[i], &p);
		if (rc < 0)
			return RES_STORE;
		if (rc != 1) {
			fielderr_add(fe, "subjects", "所选被反映人不存在");
			return 0;
		}
		if (i == 0)
			*unit_id = p.unit_id;
	}
	if (in->campaign_id) {
		struct campaign k;
		rc = store_campaign_get(c->db, c->a, in->campaign_id, &k);
		if (rc < 0)
			return RES_STORE;
		if (rc != 1)
			fielderr_add(fe, "campaign_id", "所选专项整治不存在");
	}
	return 0;
}

/* The subjects that already have open clues, in the arena. */
static int find_dups(struct ctx *c, const struct clue_input *in, struct clue_dup **out)
{
	struct clue_dup *v = arena_zalloc(c->a, sizeof(*v) * CLUE_MAX_SUBJECTS);
	int n = 0;

	for (int i = 0; i < in->n_subjects; i++) {
		int64_t open = store_open_clues_of_person(c->db, in->subjects[i], 0);
		struct person p;
		if (open < 0)
			return -1;
		if (!open || store_person_get(c->db, c->a, in->subjects[i], &p) != 1)
			continue;
		v[n].person_id = p.id;
		v[n].name = p.name;
		v[n].open = open;
		n++;
	}
	*out = v;
	return n;
}

struct register_arg {
	struct ctx *c;
	const struct clue_input *in;
	struct clue k;
	int64_t id;
};

static int register_tx(struct store *s, void *arg)
{
	struct register_arg *ra = arg;
	struct ctx *c = ra->c;
	struct strbuf enc = STRBUF_INIT;
	int rc;

	ra->id = store_clue_insert(s, &ra->k, c->now);
	if (ra->id < 0)
		return -1;
	for (int i = 0; i < ra->in->n_subjects; i++)
		if (store_clue_add_subject(s, ra->id, ra->in->subjects[i]) < 0)
			return -1;
	/* encrypted once the id is known: the ciphertext is bound to its row */
	rc = field_encrypt(c->keys, summary_ad(c, ra->id), ra->in->summary, strlen(ra->in->summary),
			   &enc);
	if (rc == 0)
		rc = store_clue_set_summary(s, ra->id, enc.buf);
	strbuf_release(&enc);
	if (rc < 0)
		return -1;
	if (ra->in->then && ra->in->then(s, ra->in->then_arg, ra->id) < 0)
		return -1;
	return record_step(c, ra->id, AEV_CREATE, "登记线索", label_of(clue_sources, ra->k.source));
}

int64_t clue_register(struct ctx *c, const struct clue_input *in, struct fielderr *fe,
		      struct clue_dup **dups, int *n_dups)
{
	struct register_arg ra = { .c = c, .in = in };
	int n;

	*dups = NULL;
	*n_dups = 0;
	if (validate(c, in, fe, &ra.k.unit_id) < 0)
		return RES_STORE;
	if (fe->n)
		return RES_INVALID;
	n = find_dups(c, in, dups);
	if (n < 0)
		return RES_STORE;
	*n_dups = n;
	if (n && !in->confirm)
		return RES_CONFIRM;
	ra.k.region = c->cfg->region;
	ra.k.received = in->received;
	ra.k.source = in->source;
	ra.k.source_ref = in->source_ref;
	ra.k.campaign_id = in->campaign_id;
	ra.k.created_by = c->who.id;
	if (store_tx(c->db, register_tx, &ra) < 0)
		return -2;
	return ra.id;
}

/* ---- reading ------------------------------------------------------------- */

int clue_get(struct ctx *c, int64_t id, struct clue *k)
{
	int rc = store_clue_get(c->db, c->a, id, k);

	if (rc <= 0)
		return res_from_store(rc);
	rc = authz_unit(c, k->unit_id, clue_obj(c, id));
	if (rc <= 0)
		return res_from_store(rc);
	return audit_record(c, AEV_READ, clue_obj(c, id), 1, "") < 0 ? RES_STORE : 1;
}

int clue_summary(struct ctx *c, const struct clue *k, struct strbuf *out)
{
	if (!k->summary_enc)
		return 0;
	return field_decrypt(c->keys, summary_ad(c, k->id), k->summary_enc, out);
}

/* The overdue filter as a start-day bound: a clue's preliminary
 * verification is overdue when its clock started on or before it. */
static int overdue_bound(struct ctx *c, struct list_query *lq)
{
	struct clock_table t;
	qf_day s;

	if (!lq->overdue)
		return 0;
	if (clock_table_load(c->db, c->a, &t) < 0)
		return -1;
	s = clock_overdue_start(c->cal, clock_find(&t, "preliminary_verification"), date_today());
	lq->clock_before = s == QF_DAY_NONE ? "0000-00-00" : date_format(s, arena_alloc(c->a, 11));
	return 0;
}

int clue_list(struct ctx *c, struct list_query *lq, struct clue **out, int64_t *total)
{
	lq->scope_user = authz_scope_user(c);
	if (overdue_bound(c, lq) < 0)
		return -1;
	*total = store_clue_count(c->db, lq);
	if (*total < 0)
		return -1;
	return store_clue_list(c->db, c->a, lq, out);
}

int clue_detail(struct ctx *c, const struct clue *k, struct clue_detail *d)
{
	memset(d, 0, sizeof(*d));
	d->n_subjects = store_clue_subjects(c->db, c->a, k->id, &d->subjects);
	d->n_dispositions = store_dispositions_of_clue(c->db, c->a, k->id, &d->dispositions);
	d->n_timeline = store_timeline_list(c->db, c->a, clue_obj(c, k->id), &d->timeline);
	return d->n_subjects < 0 || d->n_dispositions < 0 || d->n_timeline < 0 ? -1 : 0;
}

/* ---- disposition ------------------------------------------------------------ */

struct propose_arg {
	struct ctx *c;
	struct disposition d;
	int64_t id;
	int refused;            /* found pending or moved on inside the transaction */
};

static int propose_tx(struct store *s, void *arg)
{
	struct propose_arg *pa = arg;
	struct ctx *c = pa->c;
	struct clue k;

	/* again under the write lock: the state and the pending proposal
	 * (a lookup that fails is a store error, not a refusal) */
	int rc = store_clue_get(s, c->a, pa->d.clue_id, &k);

	if (rc == 1 && !clue_transition_allowed(k.state, pa->d.method))
		rc = 0;
	if (rc == 1) {
		int64_t pending = store_disposition_pending(s, pa->d.clue_id);
		rc = pending < 0 ? -1 : !pending;
	}
	pa->refused = rc == 0;
	if (rc != 1)
		return -1;
	pa->id = store_disposition_insert(s, c->cfg->region, &pa->d);
	if (pa->id < 0)
		return -1;
	return record_step(c, pa->d.clue_id, AEV_DISPOSE_PROPOSE,
			   arena_printf(c->a, "拟处置：%s", disposition_method_find(pa->d.method)->label),
			   pa->d.reason);
}

int64_t disposition_propose(struct ctx *c, int64_t clue_id, const char *method, const char *reason,
			    struct fielderr *fe)
{
	struct propose_arg pa = { .c = c };
	struct clue k;
	int rc = store_clue_get(c->db, c->a, clue_id, &k);

	if (rc > 0)
		rc = authz_unit(c, k.unit_id, clue_obj(c, clue_id));
	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	if (!disposition_method_find(method)) {
		fielderr_add(fe, "method", "请选择处置方式");
		return -1;
	}
	if (!clue_transition_allowed(k.state, method)) {
		fielderr_add(fe, "method", arena_printf(c->a, "线索当前为“%s”，不能再提出“%s”",
							clue_state_label(k.state),
							disposition_method_find(method)->label));
		return -1;
	}
	if (!reason || !*reason || utf8_len(reason) > 2000) {
		fielderr_add(fe, "reason", "请填写处置理由（不超过2000字）");
		return -1;
	}
	pa.d.clue_id = clue_id;
	pa.d.method = method;
	pa.d.reason = reason;
	pa.d.proposed_by = c->who.id;
	pa.d.proposed_at = c->now;
	if (store_tx(c->db, propose_tx, &pa) < 0) {
		if (!pa.refused)
			return RES_STORE;
		fielderr_add(fe, "method", "该线索已有待审批的处置意见，或状态已变化，请刷新后再试");
		return RES_INVALID;
	}
	return pa.id;
}

/* 1 when a subject of the clue is of county rank (处级). */
static int county_subject(struct ctx *c, int64_t clue_id)
{
	struct person *v;
	int n = store_clue_subjects(c->db, c->a, clue_id, &v);

	for (int i = 0; i < n; i++)
		if (!strcmp(v[i].rank, "county"))
			return 1;
	return n < 0 ? -1 : 0;
}

struct decide_arg {
	struct ctx *c;
	struct disposition d;
	int approve;
	const char *day, *note;
	int refused;
};

static int decide_tx(struct store *s, void *arg)
{
	struct decide_arg *da = arg;
	struct ctx *c = da->c;
	const struct disposition_method *m = disposition_method_find(da->d.method);
	struct clue k;
	int rc;

	rc = store_clue_get(s, c->a, da->d.clue_id, &k);
	if (rc == 1 && da->approve && !clue_transition_allowed(k.state, da->d.method))
		rc = 0;
	if (rc != 1) {
		da->refused = rc == 0;  /* a failed lookup is a store error */
		return -1;
	}
	rc = store_disposition_decide(s, da->d.id, da->approve ? "approved" : "rejected", da->day,
				      c->who.id, c->now, da->note);
	if (rc <= 0) {
		da->refused = rc == 0;
		return -1;
	}
	if (da->approve && store_clue_set_state(s, k.id, m->state, da->day, c->now) < 0)
		return -1;
	if (record_step(c, k.id, da->approve ? AEV_DISPOSE_APPROVE : AEV_DISPOSE_REJECT,
			arena_printf(c->a, "%s：%s", da->approve ? "批准处置" : "退回处置意见", m->label),
			da->note) < 0)
		return -1;
	/* filing: the case is created in the same transaction */
	return da->approve && !strcmp(da->d.method, "file_case") && case_file(c, &k, da->d.id, da->day) < 0
	       ? -1 : 0;
}

int disposition_decide(struct ctx *c, int64_t id, int approve, const char *day, const char *note,
		       struct fielderr *fe)
{
	struct decide_arg da = { .c = c, .approve = approve, .day = day, .note = note ? note : "" };
	struct clue k;
	qf_day d;
	int county;

	int rc = store_disposition_get(c->db, c->a, id, &da.d);

	if (rc == 1)
		rc = store_clue_get(c->db, c->a, da.d.clue_id, &k);
	if (rc == 1)
		rc = authz_unit(c, k.unit_id, clue_obj(c, k.id));
	if (rc != 1)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	if (strcmp(da.d.state, "proposed")) {
		fielderr_add(fe, "state", "该处置意见已审批");
		return -1;
	}
	d = date_parse(day ? day : "");
	if (d == QF_DAY_NONE) {
		fielderr_add(fe, "day", "请填写审批日期（YYYY-MM-DD）");
		return -1;
	}
	if (d > date_today() || strcmp(day, k.received) < 0) {
		fielderr_add(fe, "day", "审批日期应在线索受理日期之后、不晚于今天");
		return -1;
	}
	county = county_subject(c, k.id);
	if (county < 0)
		return -2;
	if (!disposition_approval_allowed(c->who.role, c->who.principal, county)) {
		audit_record(c, AEV_ACCESS_DENIED, arena_printf(c->a, "disposition/%" PRId64, id), 0,
			     county ? "county-rank subject needs the principal leader" : "not an approver");
		fielderr_add(fe, "state", county ? "被反映人为处级干部，须由主要负责人审批"
						 : "您无权审批处置意见");
		return -1;
	}
	if (store_tx(c->db, decide_tx, &da) < 0) {
		if (!da.refused)
			return RES_STORE;
		fielderr_add(fe, "state", "该处置意见已审批或线索状态已变化，请刷新后再试");
		return RES_INVALID;
	}
	return RES_DONE;
}

/* ---- campaigns ----------------------------------------------------------- */

struct campaign_arg {
	struct ctx *c;
	struct campaign k;
	int64_t id;
};

static int campaign_tx(struct store *s, void *arg)
{
	struct campaign_arg *ka = arg;

	ka->id = store_campaign_insert(s, ka->c->cfg->region, &ka->k, ka->c->now);
	if (ka->id < 0)
		return -1;
	return audit_append(ka->c, AEV_CREATE, arena_printf(ka->c->a, "campaign/%" PRId64, ka->id), 1,
			    ka->k.name);
}

int64_t campaign_create(struct ctx *c, const char *name, const char *start, const char *end,
			struct fielderr *fe)
{
	struct campaign_arg ka = { .c = c };

	if (!name || !*name || utf8_len(name) > 100)
		fielderr_add(fe, "name", "请填写专项整治名称（不超过100字）");
	if (start && *start && date_parse(start) == QF_DAY_NONE)
		fielderr_add(fe, "start", "开始日期格式应为 YYYY-MM-DD");
	if (end && *end && date_parse(end) == QF_DAY_NONE)
		fielderr_add(fe, "end", "结束日期格式应为 YYYY-MM-DD");
	if (!fe->n && start && *start && end && *end && strcmp(end, start) < 0)
		fielderr_add(fe, "end", "结束日期不能早于开始日期");
	if (fe->n)
		return -1;
	ka.k.name = name;
	ka.k.start_day = start && *start ? start : NULL;
	ka.k.end_day = end && *end ? end : NULL;
	return store_tx(c->db, campaign_tx, &ka) < 0 ? -2 : ka.id;
}

int campaign_list(struct ctx *c, struct campaign **out)
{
	return store_campaign_list(c->db, c->a, out);
}

int64_t disposition_clue_of(struct ctx *c, int64_t disposition_id)
{
	struct disposition d;
	int rc = store_disposition_get(c->db, c->a, disposition_id, &d);

	return rc == 1 ? d.clue_id : res_from_store(rc);
}

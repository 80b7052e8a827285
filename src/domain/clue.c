/*
 * clue.c: registering problem clues and reading them within the
 * jurisdiction; their disposition is in disposition.c.
 *
 * Guarantees: a clue is registered with its subjects, its encrypted
 * summary bound to its row, and the open-clue warning; each step writes
 * the timeline and the audit log in the same transaction as the change
 * (clue_record_step, also used by disposition.c).
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
#include "domain/clocks.h"
#include "domain/ctx.h"
#include "domain/disposition.h"
#include "domain/labels.h"
#include "domain/person.h"
#include "domain/result.h"
#include "domain/role.h"
#include "domain/numbering.h"
#include "store/q_trial.h"
#include "store/q_clues.h"
#include "store/q_persons.h"
#include "domain/case_filing.h"
#include "domain/metrics.h"
#include "store/q_metrics.h"

/* the type of the objects its audit entries name (audit_events.h) */
QF_AUDIT_EVENT(CLUE_CATEGORIES, "clue_categories", "修改线索违纪违法类别");
QF_AUDIT_OBJECT(clue, "问题线索");

/* the codes of its fields and their Chinese names (labels.h) */
const struct label clue_sources[] = {
	{ "report", "信访举报" },
	{ "inspection", "巡察移交" },
	{ "audit", "审计移交" },
	{ "judicial", "公检法机关移交" },
	{ "supervision", "监督检查发现" },
	{ "campaign", "专项整治发现" },
	{ "superior", "上级交办" },
	{ "other", "其他" },
	{ NULL, NULL }
};

const char *clue_object(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "clue/%" PRId64, id);
}

static const char *summary_ad(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "clues.summary/%" PRId64, id);
}

/* The reasons people type (detail) go to the timeline, which only those
 * who may read the clue see; the audit log, which the audit admin reads,
 * gets the step (action) only: no case content. */
int clue_record_step(struct ctx *c, int64_t clue_id, const struct audit_event *event,
		     const char *action, const char *detail)
{
	if (store_timeline_add(c->db, c->cfg->region, clue_object(c, clue_id), c->now, c->who.id,
			       c->who.name, action, detail) < 0)
		return -1;
	return audit_append(c, event, clue_object(c, clue_id), 1, action);
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
		fielderr_add(fe, "received", fielderr_date_msg(in->received, "请填写受理日期（YYYY-MM-DD）"));
	else if (received > date_today())
		fielderr_add(fe, "received", "受理日期不能晚于今天");
	if (!label_of(clue_sources, in->source))
		fielderr_add(fe, "source", "请选择线索来源");
	fielderr_len(c->a, fe, "source_ref", "来源编号", in->source_ref, 100);
	if (!in->summary || !*in->summary)
		fielderr_add(fe, "summary", "请填写反映的主要问题");
	else
		fielderr_len(c->a, fe, "summary", "主要问题", in->summary, 5000);
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
	if (received != QF_DAY_NONE && in->n_categories &&
	    categories_valid(c, in->categories, in->n_categories, in->received, "受理日期", fe) < 0)
		return RES_STORE;
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
	const char *no;
	int rc;

	ra->id = store_clue_insert(s, &ra->k, c->now);
	if (ra->id < 0)
		return -1;
	/* 线索编号, allocated in this transaction (numbering.h) */
	no = numbering_next(c, s, "clue", ra->k.received, NULL);
	if (!no || store_clue_set_no(s, ra->id, no) < 0)
		return -1;
	for (int i = 0; i < ra->in->n_subjects; i++)
		if (store_clue_add_subject(s, ra->id, ra->in->subjects[i]) < 0)
			return -1;
	for (int i = 0; i < ra->in->n_categories; i++)
		if (store_clue_add_category(s, ra->id, ra->in->categories[i]) < 0)
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
	ra->k.id = ra->id;
	if (clue_forward_start(c, s, &ra->k) < 0)       /* jurisdiction: the forwarding clock */
		return -1;
	return clue_record_step(c, ra->id, AEV_CREATE, "登记线索", label_of(clue_sources, ra->k.source));
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
	rc = authz_unit(c, k->unit_id, clue_object(c, id));
	if (rc <= 0)
		return res_from_store(rc);
	return audit_record(c, AEV_READ, clue_object(c, id), 1, "") < 0 ? RES_STORE : 1;
}

int clue_summary(struct ctx *c, const struct clue *k, struct strbuf *out)
{
	if (!k->summary_enc)
		return 0;
	return field_decrypt(c->keys, summary_ad(c, k->id), k->summary_enc, out);
}

/* The overdue filter as a start-day bound: a clue's preliminary
 * verification is overdue when its clock started on or before it. */
static int overdue_bound(struct ctx *c, struct clue_filter *lq)
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

int clue_list(struct ctx *c, struct clue_filter *lq, struct clue **out, int64_t *total)
{
	lq->scope_user = authz_scope_user(c);
	if (overdue_bound(c, lq) < 0)
		return -1;
	*total = store_clue_count(c->db, lq);
	if (*total < 0)
		return -1;
	return store_clue_list(c->db, c->a, lq, *total, out);
}

int clue_detail(struct ctx *c, const struct clue *k, struct clue_detail *d)
{
	memset(d, 0, sizeof(*d));
	d->n_subjects = store_clue_subjects(c->db, c->a, k->id, &d->subjects);
	d->n_dispositions = store_dispositions_of_clue(c->db, c->a, k->id, &d->dispositions);
	d->n_timeline = store_timeline_list(c->db, c->a, clue_object(c, k->id), &d->timeline);
	d->n_categories = store_clue_categories(c->db, c->a, k->id, &d->categories);
	if (d->n_subjects < 0 || d->n_dispositions < 0 || d->n_timeline < 0 || d->n_categories < 0)
		return -1;
	return category_labels_of(c, d->categories, d->n_categories, &d->category_labels);
}

/* ---- violation categories (issue 11) -------------------------------------- */

struct categories_arg {
	struct ctx *c;
	int64_t id;
	const char *const *codes;
	int n;
	struct fielderr *fe;
};

static int categories_tx(struct store *s, void *arg)
{
	struct categories_arg *ca = arg;
	struct ctx *c = ca->c;
	struct strbuf sb = STRBUF_INIT;
	struct clue k;
	int rc;

	/* checked again inside the transaction: a disposition may have been
	 * approved since the page was shown */
	if ((rc = store_clue_get(s, c->a, ca->id, &k)) != 1)
		return rc < 0 ? -1 : 0;
	if (k.first_disposed) {
		fielderr_add(ca->fe, "categories", "线索已处置，违纪违法类别不能再修改");
		return 0;
	}
	if (store_clue_clear_categories(s, ca->id) < 0)
		return -1;
	for (int i = 0; i < ca->n; i++) {
		if (store_clue_add_category(s, ca->id, ca->codes[i]) < 0)
			return -1;
		strbuf_addf(&sb, "%s%s", i ? "、" : "", ca->codes[i]);
	}
	rc = clue_record_step(c, ca->id, AEV_CLUE_CATEGORIES, "修改违纪违法类别", ca->n ? sb.buf : "无");
	strbuf_release(&sb);
	return rc < 0 ? -1 : 1;
}

int clue_set_categories(struct ctx *c, int64_t clue_id, const char *const *codes, int n,
			struct fielderr *fe)
{
	struct categories_arg ca = { c, clue_id, codes, n, fe };
	struct clue k;
	int rc;

	/* the route asks PERM_CLUE_PROPOSE (who handles the clue classifies
	 * it); a registrar who may not read clues (intake) sets them only
	 * when registering: the clue is not his to see afterwards */
	if (!authz_has(&c->who, PERM_CLUE_READ))
		return RES_NOT_FOUND;
	if ((rc = clue_get(c, clue_id, &k)) <= 0)
		return rc;
	if (n > CASE_MAX_CATEGORIES) {
		fielderr_add(fe, "categories", "违纪违法类别过多");
		return RES_INVALID;
	}
	rc = categories_valid(c, codes, n, k.received, "受理日期", fe);
	if (rc < 0)
		return RES_STORE;
	if (!rc)
		return RES_INVALID;
	rc = store_tx(c->db, categories_tx, &ca);
	if (rc < 0)
		return RES_STORE;
	return fe->n ? RES_INVALID : RES_DONE;
}

/* ---- statistics (DOMAIN.md section 6; docs/statistics.md) ---- */

static const struct metric_def metric_clues_received = {
	.key = "clues_received",
	.zh = "受理问题线索",
	.en = "clues received in the period",
	.kind = METRIC_COUNT,
	.order = 10,
	.scopes = Q_METRIC_CLUE_SCOPES,
	.compute = store_metric_clues_received,
	.list = "/clues?received" };
QF_METRIC(&metric_clues_received);
static const struct metric_def metric_clues_disposed = {
	.key = "clues_disposed",
	.zh = "处置问题线索",
	.en = "clues whose first disposition decision (not a transfer) falls in the period",
	.kind = METRIC_COUNT,
	.order = 20,
	.scopes = Q_METRIC_CLUE_SCOPES,
	.compute = store_metric_clues_disposed,
	.list = "/clues?disposed" };
QF_METRIC(&metric_clues_disposed);

/*
 * report.c: registering reports (信访举报), reading them within the
 * jurisdiction, their dated steps, and turning one into a problem clue.
 *
 * Guarantees: a step only from the state it may follow (checked here for
 * the message, and again by the guarded update inside the transaction);
 * the reporter's identity, contact and the summary are stored only
 * encrypted, bound to the row; each write records its timeline entry and
 * its audit entry (the step, never the text people typed nor who
 * reported) in the same transaction.
 */
#include "domain/report.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/clue.h"
#include "domain/ctx.h"
#include "domain/jurisdiction.h"
#include "domain/person.h"
#include "domain/result.h"
#include "domain/role.h"
#include "store/q_clues.h"
#include "store/q_persons.h"
#include "store/q_caserules.h"
#include "store/q_reports.h"

/* the audit events this file writes (audit_events.h), and its objects' types */
QF_AUDIT_EVENT(REPORT_ACCEPT, "report_accept", "受理信访举报");
QF_AUDIT_EVENT(REPORT_NOT_ACCEPT, "report_not_accept", "不予受理信访举报");
QF_AUDIT_EVENT(REPORT_TRANSFER, "report_transfer", "转送信访举报");
QF_AUDIT_EVENT(REPORT_CONCLUDE, "report_conclude", "办结信访举报");
QF_AUDIT_EVENT(REPORT_NOTIFY, "report_notify", "告知或反馈举报人");
QF_AUDIT_EVENT(REPORT_EXTEND, "report_extend", "延期办理信访举报");
QF_AUDIT_EVENT(REPORT_TO_CLUE, "report_to_clue", "转为问题线索");
QF_AUDIT_EVENT(REPORT_KIND, "report_kind", "更正举报类型");
QF_AUDIT_OBJECT(report, "信访举报");

/* the codes of its fields and their Chinese names (labels.h) */
const struct label report_channels[] = {
	{ "letter", "来信" },
	{ "visit", "来访" },
	{ "phone", "来电" },
	{ "online", "网络举报" },
	{ "qr", "扫码举报" },
	{ "transfer", "上级转办" },
	{ NULL, NULL }
};

const struct label report_categories[] = {
	{ "accusation", "检举控告" },
	{ "appeal", "申诉" },
	{ "suggestion", "批评建议" },
	{ "other", "其他" },
	{ NULL, NULL }
};

/* which regulation's clocks apply (report_clock.c) */
const struct label report_kinds[] = {
	{ "accusation", "检举控告" },
	{ "petition", "信访（申诉、批评建议等）" },
	{ "other", "其他" },
	{ NULL, NULL }
};

const char *report_kind_of_category(const char *category)
{
	if (!category)
		return NULL;
	if (!strcmp(category, "accusation"))
		return "accusation";
	if (!strcmp(category, "appeal") || !strcmp(category, "suggestion"))
		return "petition";
	return !strcmp(category, "other") ? "other" : NULL;
}

const char *report_kind_mismatch(const char *kind, const char *category)
{
	int acc_kind = kind && !strcmp(kind, "accusation");
	int acc_cat = category && !strcmp(category, "accusation");

	if (acc_cat && !acc_kind)
		return "检举控告类举报应按检举控告办理";
	if (acc_kind && !acc_cat)
		return "按检举控告办理的举报，类别应为检举控告";
	return NULL;
}

const struct label report_states[] = {
	{ "registered", "待受理" },
	{ "accepted", "已受理" },
	{ "not_accepted", "不予受理" },
	{ "transferred", "已转送" },
	{ "concluded", "已办结" },
	{ NULL, NULL }
};

/* audit event, timeline action, the day's name in messages */
static const struct {
	const struct audit_event *event;
	const char *action, *day_label;
} step_rules[REPORT_N_STEPS] = {
	[REPORT_ACCEPT] = { AEV_REPORT_ACCEPT, "受理", "受理日期" },
	[REPORT_NOT_ACCEPT] = { AEV_REPORT_NOT_ACCEPT, "不予受理", "决定日期" },
	[REPORT_TRANSFER] = { AEV_REPORT_TRANSFER, "转送其他层级", "转送日期" },
	[REPORT_CONCLUDE] = { AEV_REPORT_CONCLUDE, "办结", "办结日期" },
	[REPORT_NOTIFY_ACCEPT] = { AEV_REPORT_NOTIFY, "告知举报人受理情况", "告知日期" },
	[REPORT_NOTIFY_OUTCOME] = { AEV_REPORT_NOTIFY, "向举报人反馈办理结果", "反馈日期" },
	[REPORT_EXTEND] = { AEV_REPORT_EXTEND, "延期办理", "批准延期日期" },
};

static const char *report_obj(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "report/%" PRId64, id);
}

/* The associated data binding an encrypted field to its row. */
static const char *field_ad(struct ctx *c, const char *field, int64_t id)
{
	return arena_printf(c->a, "reports.%s/%" PRId64, field, id);
}

/* Timeline and audit of one step, in the caller's transaction; the audit
 * log gets the step only. */
static int record_step(struct ctx *c, int64_t id, const struct audit_event *event,
		       const char *action, const char *detail)
{
	if (store_timeline_add(c->db, c->cfg->region, report_obj(c, id), c->now, c->who.id,
			       c->who.name, action, detail) < 0)
		return -1;
	return audit_append(c, event, report_obj(c, id), 1, action);
}

/* 1 when the actor may see a report of unit_id (0: nobody named, then
 * only the unscoped roles); a denial is audited. */
static int visible(struct ctx *c, int64_t unit_id, int64_t id)
{
	if (unit_id)
		return authz_unit(c, unit_id, report_obj(c, id));
	if (!c->who.scoped)
		return 1;
	audit_record(c, AEV_ACCESS_DENIED, report_obj(c, id), 0, "outside jurisdiction");
	return 0;
}

/* ---- registering ---------------------------------------------------------- */

/* 0, or RES_STORE when a lookup failed (not a wrong accused: 503/500).
 * The accused persons go to acc (jurisdiction). */
static int validate_accused(struct ctx *c, const struct report_input *in, struct fielderr *fe,
			    int64_t *unit_id, struct person *acc)
{
	if (in->n_accused > REPORT_MAX_ACCUSED) {
		fielderr_add(fe, "accused", "被反映人至多16人");
		return 0;
	}
	for (int i = 0; i < in->n_accused; i++) {
		struct person p;
		int rc;

		for (int j = 0; j < i; j++)
			if (in->accused[j] == in->accused[i]) {
				fielderr_add(fe, "accused", "被反映人重复");
				return 0;
			}
		rc = person_pick(c, in->accused[i], &p);
		if (rc < 0)
			return RES_STORE;
		if (rc != 1) {
			fielderr_add(fe, "accused", "所选被反映人不存在");
			return 0;
		}
		if (i == 0)
			*unit_id = p.unit_id;
		acc[i] = p;
	}
	return 0;
}

/* The jurisdiction rule (jurisdiction.h): a report about a subject managed
 * one level up, or marked as another level's, keeps only its forwarding
 * record: no summary, reporter or contact is stored (《纪检监察机关处理检举
 * 控告工作规则》(2020) art. 15: 不得将有关信息录入检举举报平台).  Sets
 * *other; the refusals go to fe.  0, or RES_STORE. */
static int validate_other_level(struct ctx *c, const struct report_input *in, struct fielderr *fe,
				const struct person *acc, int accused_ok, int *other)
{
	const char *why = NULL;
	int rc = accused_ok && date_parse(in->received ? in->received : "") != QF_DAY_NONE
		 ? jurisdiction_other_level(c, acc, in->n_accused, in->received, &why) : 0;

	if (rc < 0)
		return RES_STORE;
	*other = in->other_level || rc == 1;
	if (*other && ((in->summary && *in->summary) || (in->reporter && *in->reporter) ||
		       (in->contact && *in->contact)))
		fielderr_add(fe, "summary", arena_printf(c->a, "%s%s不属本级受理的举报只保留转送记录（转送日期、"
							 "接收机关、文号），不得录入举报内容、举报人和联系方式",
							 why ? why : "", why ? "。" : ""));
	return 0;
}

/* The messages of the input in fe: 0, or RES_STORE.  *other: the report
 * belongs to another level (no content). */
static int validate(struct ctx *c, const struct report_input *in, struct fielderr *fe,
		    int64_t *unit_id, int *other)
{
	qf_day received = date_parse(in->received ? in->received : "");
	int has_reporter = in->reporter && *in->reporter, has_contact = in->contact && *in->contact;
	struct person acc[REPORT_MAX_ACCUSED];
	int before;

	if (received == QF_DAY_NONE)
		fielderr_add(fe, "received", fielderr_date_msg(in->received, "请填写收到日期（YYYY-MM-DD）"));
	else if (received > date_today())
		fielderr_add(fe, "received", "收到日期不能晚于今天");
	if (!label_of(report_channels, in->channel))
		fielderr_add(fe, "channel", "请选择举报渠道");
	if (!label_of(report_categories, in->category))
		fielderr_add(fe, "category", "请选择举报类别");
	if (!label_of(report_kinds, in->kind))
		fielderr_add(fe, "kind", "请选择办理依据（检举控告、信访或其他）");
	else if (label_of(report_categories, in->category) && report_kind_mismatch(in->kind, in->category))
		fielderr_add(fe, "kind", report_kind_mismatch(in->kind, in->category));
	before = fe->n;
	if (validate_accused(c, in, fe, unit_id, acc) < 0 ||
	    validate_other_level(c, in, fe, acc, fe->n == before, other) < 0)
		return RES_STORE;
	if (*other)
		return 0;       /* no content: the checks below do not apply */
	if (in->real_name && !has_reporter)
		fielderr_add(fe, "reporter", "实名举报请填写举报人姓名");
	else if (!in->real_name && has_reporter)
		fielderr_add(fe, "reporter", "匿名举报不填写举报人姓名");
	else
		fielderr_len(c->a, fe, "reporter", "举报人姓名", in->reporter, 50);
	if (in->real_name && !has_contact)
		fielderr_add(fe, "contact", "实名举报请填写联系方式");
	else if (!in->real_name && has_contact)
		fielderr_add(fe, "contact", "匿名举报不填写联系方式");
	else
		fielderr_len(c->a, fe, "contact", "联系方式", in->contact, 100);
	if (!in->summary || !*in->summary)
		fielderr_add(fe, "summary", "请填写反映的主要问题");
	else
		fielderr_len(c->a, fe, "summary", "主要问题", in->summary, 5000);
	return 0;
}

/* Encrypts text bound to field/id into an arena string; NULL for no text
 * (*failed set on an error). */
static const char *seal(struct ctx *c, const char *field, int64_t id, const char *text, int *failed)
{
	struct strbuf enc = STRBUF_INIT;
	const char *out;

	if (!text || !*text)
		return NULL;
	if (field_encrypt(c->keys, field_ad(c, field, id), text, strlen(text), &enc) < 0) {
		*failed = 1;
		out = NULL;
	} else {
		out = arena_strdup(c->a, enc.buf);
	}
	strbuf_release(&enc);
	return out;
}

struct register_arg {
	struct ctx *c;
	const struct report_input *in;
	struct report k;
	int64_t id;
};

static int register_tx(struct store *s, void *arg)
{
	struct register_arg *ra = arg;
	struct ctx *c = ra->c;
	const struct report_input *in = ra->in;
	const char *rep, *con, *sum;
	int failed = 0;

	ra->id = store_report_insert(s, &ra->k, c->now);
	if (ra->id < 0)
		return -1;
	for (int i = 0; i < in->n_accused; i++)
		if (store_report_add_accused(s, ra->id, in->accused[i]) < 0)
			return -1;
	/* encrypted once the id is known: each ciphertext is bound to its row */
	rep = seal(c, "reporter", ra->id, in->real_name ? in->reporter : NULL, &failed);
	con = seal(c, "contact", ra->id, in->real_name ? in->contact : NULL, &failed);
	sum = seal(c, "summary", ra->id, in->summary, &failed);
	if (failed || store_report_set_secrets(s, ra->id, rep, con, sum) < 0)
		return -1;
	if (report_dues_store(c, s, ra->id) < 0)
		return -1;
	return record_step(c, ra->id, AEV_CREATE, "登记信访举报", label_of(report_channels, in->channel));
}

/* Checks in and fills ra->k: 0, RES_INVALID (messages in fe), RES_STORE. */
static int register_prepare(struct ctx *c, const struct report_input *in, struct fielderr *fe,
			    struct register_arg *ra)
{
	int other = 0;

	if (validate(c, in, fe, &ra->k.unit_id, &other) < 0)
		return RES_STORE;
	if (fe->n)
		return RES_INVALID;
	ra->k.region = c->cfg->region;
	ra->k.received = in->received;
	ra->k.channel = in->channel;
	ra->k.category = in->category;
	ra->k.kind = in->kind;
	ra->k.repeated = in->repeated != 0;
	ra->k.real_name = in->real_name != 0;
	ra->k.other_level = other;
	ra->k.created_by = c->who.id;
	return 0;
}

int64_t report_register_in_tx(struct ctx *c, const struct report_input *in, struct fielderr *fe)
{
	struct register_arg ra = { .c = c, .in = in };
	int rc = register_prepare(c, in, fe, &ra);

	if (rc < 0)
		return rc;
	if (register_tx(c->db, &ra) < 0)
		return RES_STORE;
	return ra.id;
}

int64_t report_register(struct ctx *c, const struct report_input *in, struct fielderr *fe)
{
	struct register_arg ra = { .c = c, .in = in };
	int rc = register_prepare(c, in, fe, &ra);

	if (rc < 0)
		return rc;
	if (store_tx(c->db, register_tx, &ra) < 0)
		return -2;
	return ra.id;
}

/* ---- reading ------------------------------------------------------------- */

int report_get(struct ctx *c, int64_t id, struct report *k)
{
	int rc = store_report_get(c->db, c->a, id, k);

	if (rc <= 0)
		return res_from_store(rc);
	rc = visible(c, k->unit_id, id);
	if (rc <= 0)
		return res_from_store(rc);
	return audit_record(c, AEV_READ, report_obj(c, id), 1, "") < 0 ? RES_STORE : 1;
}

/* The registry: the overdue filter is the stored next_due before today
 * (report_clock.c stores it), so totals and pages are exact SQL. */
int report_list(struct ctx *c, struct report_filter *f, struct report **out, int64_t *total)
{
	*out = NULL;
	f->scope_user = authz_scope_user(c);
	f->due_before = f->overdue ? date_format(date_today(), arena_alloc(c->a, 11)) : NULL;
	*total = store_report_count(c->db, f);
	if (*total < 0)
		return -1;
	return store_report_list(c->db, c->a, f, out);
}

/* The clear text of an encrypted field, in the arena; "" when none. */
static const char *unseal(struct ctx *c, const char *field, int64_t id, const char *enc, int *failed)
{
	struct strbuf out = STRBUF_INIT;
	const char *s = "";

	if (!enc)
		return s;
	if (field_decrypt(c->keys, field_ad(c, field, id), enc, &out) < 0)
		*failed = 1;
	else
		s = arena_strdup(c->a, out.buf ? out.buf : "");
	strbuf_release(&out);
	return s;
}

int report_detail(struct ctx *c, const struct report *k, struct report_detail *d)
{
	struct clock_table t;
	int failed = 0;

	memset(d, 0, sizeof(*d));
	d->summary = unseal(c, "summary", k->id, k->summary_enc, &failed);
	if (k->real_name && authz_has(&c->who, PERM_REPORTER)) {
		d->reporter = unseal(c, "reporter", k->id, k->reporter_enc, &failed);
		d->contact = unseal(c, "contact", k->id, k->contact_enc, &failed);
	}
	d->identity_hidden = k->real_name && !authz_has(&c->who, PERM_REPORTER);
	d->n_accused = store_report_accused(c->db, c->a, k->id, &d->accused);
	d->n_timeline = store_timeline_list(c->db, c->a, report_obj(c, k->id), &d->timeline);
	if (clock_table_load(c->db, c->a, &t) < 0)
		return -1;
	d->n_clocks = report_clocks(c, &t, k, date_today(), d->clocks);
	return failed || d->n_accused < 0 || d->n_timeline < 0 ? -1 : 0;
}

/* ---- steps ---------------------------------------------------------------- */

const char *report_step_label(enum report_step step)
{
	return (unsigned)step < REPORT_N_STEPS ? step_rules[step].action : "";
}

const char *report_step_refusal(const struct report *k, enum report_step step)
{
	int registered = !strcmp(k->state, "registered");

	switch (step) {
	case REPORT_ACCEPT:
	case REPORT_NOT_ACCEPT:
		if (!registered)
			return "该举报已作出受理决定或已转送";
		return k->other_level ? "该举报不属本级受理，应予转送" : NULL;
	case REPORT_TRANSFER:
		if (!registered)
			return "该举报已作出受理决定或已转送";
		return k->other_level ? NULL : "该举报属本级受理，无需转送";
	case REPORT_CONCLUDE:
		return strcmp(k->state, "accepted") ? "只有已受理、尚未办结的举报才能办结" : NULL;
	case REPORT_NOTIFY_ACCEPT:
		if (strcmp(k->kind, "accusation"))
			return "只有实名检举控告需要告知受理情况";
		if (!k->real_name)
			return "匿名举报无需告知";
		if (registered)
			return "尚未作出受理决定";
		return k->notified_accept ? "已记录受理告知" : NULL;
	case REPORT_NOTIFY_OUTCOME:
		if (strcmp(k->kind, "accusation"))
			return "只有实名检举控告需要反馈办理结果";
		if (!k->real_name)
			return "匿名举报无需反馈";
		if (strcmp(k->state, "concluded"))
			return "举报尚未办结";
		return k->notified_outcome ? "已记录结果反馈" : NULL;
	case REPORT_EXTEND:
		if (strcmp(k->kind, "petition"))
			return "只有信访事项可以延期办理（检举控告没有信访办理期限）";
		if (strcmp(k->state, "accepted"))
			return "只有已受理、尚未办结的举报才能延期";
		return k->extended ? "已延期一次，不能再次延期" : NULL;
	default:
		return "未知的办理步骤";
	}
}

/* The day the step follows: it may not be dated earlier. */
static const char *earliest(const struct report *k, enum report_step step)
{
	switch (step) {
	case REPORT_CONCLUDE:
	case REPORT_EXTEND:
		return k->accepted;
	case REPORT_NOTIFY_ACCEPT:
		return k->accepted ? k->accepted : k->transferred;
	case REPORT_NOTIFY_OUTCOME:
		return k->concluded;
	default:
		return k->received;
	}
}

/* Checks the day of a step: NULL, or the message. */
static const char *day_error(struct ctx *c, const char *day, const char *after, const char *label)
{
	qf_day d = date_parse(day ? day : "");

	if (d == QF_DAY_NONE)
		return date_check(day) == DATE_NO_SUCH_DAY ? FIELDERR_NO_SUCH_DAY
							    : arena_printf(c->a, "请填写%s（YYYY-MM-DD）", label);
	if (d > date_today())
		return arena_printf(c->a, "%s不能晚于今天", label);
	if (after && strcmp(day, after) < 0)
		return arena_printf(c->a, "%s不能早于%s", label, after);
	return NULL;
}

static void validate_text(struct arena *a, enum report_step step, const char *text, struct fielderr *fe)
{
	if (step == REPORT_TRANSFER) {
		if (!*text)
			fielderr_add(fe, "transfer_to", "请填写转送的机关或层级");
		else
			fielderr_len(a, fe, "transfer_to", "转送机关", text, 100);
	} else if (step == REPORT_NOT_ACCEPT && !*text)
		fielderr_add(fe, "note", "请填写不予受理的理由");
	else if (step == REPORT_EXTEND && !*text)
		fielderr_add(fe, "note", "请填写延期理由");
	else
		fielderr_len(a, fe, "note", "说明", text, 2000);
}

/* An extension is decided before the conclusion deadline lapses. */
static const char *extension_too_late(struct ctx *c, const struct report *k, const char *day)
{
	struct clock_table t;
	struct report_clock clk[REPORT_MAX_CLOCKS];
	int n;
	char buf[11];

	if (clock_table_load(c->db, c->a, &t) < 0)
		return "办理期限暂时无法计算，请稍后再试";
	n = report_clocks(c, &t, k, date_today(), clk);
	for (int i = 0; i < n; i++)
		if (!strcmp(clk[i].clock, "petition_conclude") && date_parse(day) > clk[i].due)
			return arena_printf(c->a, "延期应在办理期限（%s）届满前批准",
					    date_format(clk[i].due, buf));
	return NULL;
}

struct step_arg {
	struct ctx *c;
	int64_t id;
	enum report_step step;
	const char *day, *text;
	const char *ref;        /* a transfer's reference (文号), "" none */
	int refused;
};

static int step_tx(struct store *s, void *arg)
{
	struct step_arg *sa = arg;
	int rc = store_report_step(s, sa->step, sa->id, sa->day, sa->text, sa->c->now);

	if (rc <= 0) {
		sa->refused = rc == 0;
		return -1;
	}
	/* the forwarding record: date, to whom, reference */
	if (*sa->ref) {
		if (store_report_set_transfer_ref(s, sa->id, sa->ref) < 0)
			return -1;
		sa->text = arena_printf(sa->c->a, "%s（文号：%s）", sa->text, sa->ref);
	}
	/* read back inside the transaction: a step taken meanwhile counts */
	if (report_dues_store(sa->c, s, sa->id) < 0)
		return -1;
	return record_step(sa->c, sa->id, step_rules[sa->step].event, step_rules[sa->step].action,
			   sa->text);
}

static int step_run(struct ctx *c, int64_t id, enum report_step step, const char *day,
		    const char *text, const char *ref, struct fielderr *fe)
{
	struct step_arg sa = { .c = c, .id = id, .step = step, .day = day, .text = text ? text : "",
			       .ref = ref ? ref : "" };
	struct report k;
	const char *msg;
	int rc;

	if ((unsigned)step >= REPORT_N_STEPS)
		return -2;
	rc = store_report_get(c->db, c->a, id, &k);
	if (rc <= 0)
		return rc < 0 ? -2 : 0;
	if (visible(c, k.unit_id, id) != 1)
		return 0;
	msg = report_step_refusal(&k, step);
	if (msg) {
		fielderr_add(fe, "state", msg);
		return -1;
	}
	msg = day_error(c, day, earliest(&k, step), step_rules[step].day_label);
	if (!msg && step == REPORT_EXTEND)
		msg = extension_too_late(c, &k, day);
	if (msg)
		fielderr_add(fe, "day", msg);
	validate_text(c->a, step, sa.text, fe);
	if (fe->n)
		return -1;
	if (store_tx(c->db, step_tx, &sa) < 0) {
		if (!sa.refused)
			return -2;
		fielderr_add(fe, "state", "举报状态已变化，请刷新后再试");
		return -1;
	}
	return 1;
}

int report_step(struct ctx *c, int64_t id, enum report_step step, const char *day,
		const char *text, struct fielderr *fe)
{
	return step_run(c, id, step, day, text, NULL, fe);
}

int report_forward(struct ctx *c, int64_t id, const char *day, const char *to, const char *ref,
		   struct fielderr *fe)
{
	if (fielderr_len(c->a, fe, "transfer_ref", "转送文号", ref, 100))
		return -1;
	return step_run(c, id, REPORT_TRANSFER, day, to, ref, fe);
}

/* ---- correcting the kind ------------------------------------------------------ */

struct kind_arg {
	struct ctx *c;
	int64_t id;
	const char *kind, *category, *detail;
	int repeated, refused;
};

static int kind_tx(struct store *s, void *arg)
{
	struct kind_arg *ka = arg;
	int rc = store_report_set_kind(s, ka->id, ka->kind, ka->repeated, ka->category, ka->c->now);

	if (rc <= 0) {
		ka->refused = rc == 0;
		return -1;
	}
	/* the clocks of the new kind, from the days the steps were taken */
	if (report_dues_recompute(ka->c, s, ka->id) < 0)
		return -1;
	return record_step(ka->c, ka->id, AEV_REPORT_KIND, "更正举报类型", ka->detail);
}

static const char *yes_no(int v)
{
	return v ? "是" : "否";
}

int report_correct_kind(struct ctx *c, int64_t id, const char *kind, int repeated, const char *category,
			struct fielderr *fe)
{
	struct kind_arg ka = { .c = c, .id = id };
	struct report k;
	int rc = store_report_get(c->db, c->a, id, &k);

	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	if (visible(c, k.unit_id, id) != 1)
		return RES_NOT_FOUND;
	ka.category = category && *category ? category : k.category;
	ka.kind = kind = kind && *kind ? kind : k.kind;
	ka.repeated = repeated < 0 ? k.repeated : repeated != 0;
	if (!strcmp(k.state, "concluded"))
		fielderr_add(fe, "kind", "举报已办结，不能更正类型");
	else if (!label_of(report_kinds, kind ? kind : ""))
		fielderr_add(fe, "kind", "请选择办理类型");
	else if (!label_of(report_categories, ka.category))
		fielderr_add(fe, "category", "请选择举报类别");
	else if (report_kind_mismatch(kind, ka.category))
		fielderr_add(fe, "kind", report_kind_mismatch(kind, ka.category));
	else if (!strcmp(kind, k.kind ? k.kind : "") && ka.repeated == k.repeated && !strcmp(ka.category, k.category))
		fielderr_add(fe, "kind", "类型、类别和重复举报均未改变");
	if (fe->n)
		return RES_INVALID;
	ka.detail = arena_printf(c->a, "办理类型：%s → %s；类别：%s → %s；重复举报：%s → %s",
				 label_of(report_kinds, k.kind) ? label_of(report_kinds, k.kind) : k.kind,
				 label_of(report_kinds, kind), label_of(report_categories, k.category),
				 label_of(report_categories, ka.category), yes_no(k.repeated), yes_no(ka.repeated));
	if (store_tx(c->db, kind_tx, &ka) < 0) {
		if (!ka.refused)
			return RES_STORE;
		fielderr_add(fe, "kind", "举报状态已变化，请刷新后再试");
		return RES_INVALID;
	}
	return RES_DONE;
}

/* ---- to a problem clue -------------------------------------------------------- */

struct link_arg {
	struct ctx *c;
	int64_t id;
	int refused;
};

/* Inside clue_register's transaction: link the new clue to the report. */
static int link_tx(struct store *s, void *arg, int64_t clue_id)
{
	struct link_arg *la = arg;
	int rc = store_report_set_clue(s, la->id, clue_id, la->c->now);

	if (rc <= 0) {
		la->refused = rc == 0;
		return -1;
	}
	return record_step(la->c, la->id, AEV_REPORT_TO_CLUE, "转为问题线索",
			   arena_printf(la->c->a, "问题线索 %" PRId64, clue_id));
}

int64_t report_to_clue(struct ctx *c, int64_t id, const char *day, int confirm,
		       struct fielderr *fe, struct clue_dup **dups, int *n_dups)
{
	struct link_arg la = { .c = c, .id = id };
	struct clue_input in = { .source = "report", .confirm = confirm, .then = link_tx, .then_arg = &la };
	struct report k;
	struct person *acc;
	const char *msg;
	int failed = 0, rc, n;
	int64_t clue_id;

	*dups = NULL;
	*n_dups = 0;
	rc = store_report_get(c->db, c->a, id, &k);
	if (rc <= 0)
		return rc < 0 ? -2 : 0;
	if (visible(c, k.unit_id, id) != 1)
		return 0;
	if (!authz_has(&c->who, PERM_CLUE_REGISTER))
		msg = "您无权登记问题线索";
	else if (k.clue_id)
		msg = "该举报已转为问题线索";
	else if (strcmp(k.state, "accepted") && strcmp(k.state, "concluded"))
		msg = "只有已受理的举报才能转为问题线索";
	else
		msg = NULL;
	if (msg) {
		fielderr_add(fe, "state", msg);
		return -1;
	}
	msg = day_error(c, day, k.received, "线索受理日期");
	if (msg) {
		fielderr_add(fe, "day", msg);
		return -1;
	}
	n = store_report_accused(c->db, c->a, id, &acc);
	if (n < 0)
		return -2;
	if (!n) {
		fielderr_add(fe, "state", "该举报没有被反映人，不能转为问题线索");
		return -1;
	}
	for (int i = 0; i < n && i < CLUE_MAX_SUBJECTS; i++)
		in.subjects[in.n_subjects++] = acc[i].id;
	in.received = day;
	in.source_ref = arena_printf(c->a, "信访举报 %" PRId64, id);
	in.summary = unseal(c, "summary", id, k.summary_enc, &failed);
	if (failed)
		return -2;
	clue_id = clue_register(c, &in, fe, dups, n_dups);
	if (clue_id == -2 && la.refused) {
		fielderr_add(fe, "state", "举报状态已变化，请刷新后再试");
		return -1;
	}
	return clue_id;
}

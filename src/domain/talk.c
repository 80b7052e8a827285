/*
 * talk.c: talks and the editable kinds of daily supervision (domain/talk.h),
 * a talk as an outcome's matter, and the talks' statistics.
 *
 * Guarantees: a talk has a known kind, a day not after today, a named
 * person within the actor's jurisdiction (or, unit-led, a unit within it
 * and 1 to 100000 persons), a talker (an account or a typed name) and a
 * note of at most 2000 characters, encrypted once the id is known; quick
 * entry writes all its talks and their audit entries in one transaction
 * or none; the outcome of a talk is first-form and the talk's person's.
 */
#include "domain/talk.h"

#include <ctype.h>
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/strbuf.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/changes.h"
#include "domain/ctx.h"
#include "domain/metrics.h"
#include "domain/outcome.h"
#include "domain/person.h"
#include "domain/result.h"
#include "store/q_clues.h"
#include "store/q_persons.h"
#include "store/q_talks.h"
#include "store/store.h"

QF_AUDIT_EVENT(TALK_ADD, "talk_add", "登记谈话");
QF_AUDIT_EVENT(TALK_EDIT, "talk_edit", "修改谈话");
QF_AUDIT_EVENT(SUP_KIND_ADD, "sup_kind_add", "新增日常监督类别");
QF_AUDIT_OBJECT(talk, "谈话");
QF_AUDIT_OBJECT(sup_kind, "谈话和报告类别");

/* ---- kinds ---------------------------------------------------------------------- */

int sup_kinds(struct ctx *c, const char *family, struct sup_kind **out)
{
	return store_sup_kinds(c->db, c->a, family, out);
}

const char *sup_kind_label(struct ctx *c, const char *family, const char *code)
{
	struct sup_kind *v;
	int n = sup_kinds(c, family, &v);

	for (int i = 0; i < n; i++)
		if (!strcmp(v[i].code, code))
			return v[i].label;
	return code;
}

static int kind_known(struct ctx *c, const char *family, const char *code)
{
	struct sup_kind *v;
	int n = sup_kinds(c, family, &v);

	for (int i = 0; i < n; i++)
		if (code && !strcmp(v[i].code, code))
			return 1;
	return n < 0 ? -1 : 0;
}

struct kind_arg {
	struct ctx *c;
	const char *family, *code, *label;
	int added;
};

static int kind_tx(struct store *s, void *arg)
{
	struct kind_arg *ka = arg;
	struct ctx *c = ka->c;

	ka->added = store_sup_kind_add(s, ka->family, ka->code, ka->label, c->who.id, c->now);
	if (ka->added <= 0)
		return ka->added < 0 ? -1 : 0;
	return audit_append(c, AEV_SUP_KIND_ADD, arena_printf(c->a, "sup_kind/%s", ka->family), 1, ka->code);
}

int sup_kind_add(struct ctx *c, const char *family, const char *code, const char *label, struct fielderr *fe)
{
	struct kind_arg ka = { .c = c, .family = family, .code = code, .label = label };
	size_t n = code ? strlen(code) : 0;

	if (strcmp(family, "talk") && strcmp(family, "matter_report"))
		fielderr_add(fe, "family", "未知的类别表");
	if (!n || n > 32)
		fielderr_add(fe, "code", "请填写代码（小写字母、数字或下划线，不超过32个字符）");
	for (size_t i = 0; i < n; i++)
		if (!islower((unsigned char)code[i]) && !isdigit((unsigned char)code[i]) && code[i] != '_') {
			fielderr_add(fe, "code", "代码只能包含小写字母、数字或下划线");
			break;
		}
	if (!label || !*label)
		fielderr_add(fe, "label", "请填写名称");
	else
		fielderr_len(c->a, fe, "label", "名称", label, SUP_KIND_LABEL_MAX);
	if (fe->n)
		return RES_INVALID;
	if (store_tx(c->db, kind_tx, &ka) < 0)
		return RES_STORE;
	if (!ka.added) {
		fielderr_add(fe, "code", "该代码已存在");
		return RES_INVALID;
	}
	return RES_DONE;
}

/* ---- talks ---------------------------------------------------------------------- */

static const char *note_ad(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "talks.note/%" PRId64, id);
}

static const char *talk_object(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "talk/%" PRId64, id);
}

static void check_talk(struct ctx *c, const struct talk *t, int kind_ok, int n_persons, struct fielderr *fe)
{
	qf_day day = date_parse(t->day ? t->day : "");
	char today[11];

	if (!kind_ok)
		fielderr_add(fe, "kind", "请选择谈话类别");
	if (day == QF_DAY_NONE)
		fielderr_add(fe, "day", fielderr_date_msg(t->day, "请填写谈话日期（YYYY-MM-DD）"));
	else if (strcmp(t->day, date_format(date_from_unix_cst(c->now), today)) > 0)
		fielderr_add(fe, "day", "谈话日期不能晚于今天");
	if (!t->talker_id && (!t->talker_name || !*t->talker_name))
		fielderr_add(fe, "talker_name", "请填写谈话人");
	else if (!t->talker_id)
		fielderr_len(c->a, fe, "talker_name", "谈话人", t->talker_name, 60);
	fielderr_len(c->a, fe, "note", "谈话情况", t->note, TALK_NOTE_MAX);
	if (n_persons > TALK_BATCH_MAX)
		fielderr_add(fe, "person_ids", arena_printf(c->a, "一次最多登记%d人", TALK_BATCH_MAX));
	if (!n_persons && !t->unit_led)
		fielderr_add(fe, "person_ids", "请选择谈话对象（单位负责人开展的谈话可只填人次）");
	if (!n_persons && t->unit_led && t->unit_id <= 0)
		fielderr_add(fe, "unit_id", "请选择开展谈话的单位");
	if (!n_persons && t->unit_led && (t->persons < 1 || t->persons > 100000))
		fielderr_add(fe, "persons", "请填写谈话人次（1至100000）");
	if (n_persons && t->persons > 1)
		fielderr_add(fe, "persons", "选择了谈话对象时，每人记1人次");
}

struct add_arg {
	struct ctx *c;
	const struct talk *t;
	const struct person *persons;
	int n;
	int64_t *ids;
	int made;
};

static int insert_one(struct ctx *c, struct store *s, const struct talk *t, int64_t *id_out)
{
	struct strbuf enc = STRBUF_INIT;
	int64_t id = store_talk_insert(s, t, c->who.id, c->now);
	int rc;

	if (id <= 0)
		return -1;
	if (id_out)
		*id_out = id;
	if (t->note && *t->note) {
		rc = field_encrypt(c->keys, note_ad(c, id), t->note, strlen(t->note), &enc);
		if (rc == 0)
			rc = store_talk_set_note(s, id, enc.buf) < 0 ? -1 : 0;
		strbuf_release(&enc);
		if (rc < 0)
			return -1;
	}
	/* the audit entry names the kind only: the person is the talk's */
	if (audit_append(c, AEV_TALK_ADD, talk_object(c, id), 1, t->kind) < 0)
		return -1;
	return 0;
}

static int add_tx(struct store *s, void *arg)
{
	struct add_arg *aa = arg;
	struct talk one = *aa->t;

	if (!aa->n)
		return insert_one(aa->c, s, &one, aa->ids) < 0 ? -1 : (aa->made = 1, 0);
	for (int i = 0; i < aa->n; i++) {
		one.person_id = aa->persons[i].id;
		one.unit_id = aa->persons[i].unit_id;
		one.persons = 1;
		one.unit_led = aa->t->unit_led;
		if (insert_one(aa->c, s, &one, aa->ids ? &aa->ids[i] : NULL) < 0)
			return -1;
		aa->made++;
	}
	return 0;
}

int talk_add(struct ctx *c, const struct talk *t, const int64_t *person_ids, int n_persons,
	     int64_t *ids_out, struct fielderr *fe)
{
	struct add_arg aa = { .c = c, .t = t, .n = n_persons, .ids = ids_out };
	struct person *pv = NULL;
	int known = kind_known(c, "talk", t->kind), rc;

	if (known < 0)
		return RES_STORE;
	check_talk(c, t, known, n_persons, fe);
	if (fe->n)
		return RES_INVALID;
	if (n_persons) {
		pv = arena_alloc(c->a, (size_t)n_persons * sizeof(*pv));
		for (int i = 0; i < n_persons; i++) {
			for (int j = 0; j < i; j++)
				if (person_ids[j] == person_ids[i]) {
					fielderr_add(fe, "person_ids", "谈话对象重复");
					return RES_INVALID;
				}
			rc = person_pick(c, person_ids[i], &pv[i]);
			if (rc != RES_DONE)
				return rc;
		}
	} else {
		rc = authz_unit(c, t->unit_id, arena_printf(c->a, "unit/%" PRId64, t->unit_id));
		if (rc <= 0)
			return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	}
	aa.persons = pv;
	if (store_tx(c->db, add_tx, &aa) < 0)
		return RES_STORE;
	return aa.made;
}

int talk_get(struct ctx *c, int64_t id, struct talk *out)
{
	struct strbuf clear = STRBUF_INIT;
	int rc = store_talk_get(c->db, c->a, id, 0, out);

	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	rc = authz_unit(c, out->unit_id, talk_object(c, id));
	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	if (out->note_enc) {
		if (field_decrypt(c->keys, note_ad(c, id), out->note_enc, &clear) < 0) {
			strbuf_release(&clear);
			return RES_STORE;
		}
		out->note = arena_strdup(c->a, clear.buf ? clear.buf : "");
		strbuf_release(&clear);
	}
	return RES_DONE;
}

int talk_list(struct ctx *c, struct talk_filter *f, struct talk **out, int64_t *total)
{
	f->scope_user = authz_scope_user(c);
	*total = store_talk_count(c->db, f);
	if (*total < 0)
		return -1;
	return store_talk_list(c->db, c->a, f, out);
}

int talk_timeline(struct ctx *c, int64_t id, struct timeline_entry **out)
{
	return store_timeline_list(c->db, c->a, talk_object(c, id), out);
}

/* ---- correcting a talk ------------------------------------------------------------ */

struct edit_arg {
	struct ctx *c;
	const struct talk *t;
	int outcomes, note_changed, changed;
	const char *detail, *audit;
};

static int edit_tx(struct store *s, void *arg)
{
	struct edit_arg *ea = arg;
	struct ctx *c = ea->c;
	const struct talk *t = ea->t;
	struct strbuf enc = STRBUF_INIT;
	int rc = 0;

	ea->changed = store_talk_update(s, t, ea->outcomes);
	if (ea->changed <= 0)
		return ea->changed < 0 ? -1 : 0;
	if (ea->note_changed) {
		/* encrypted again, bound to the same id; an emptied note is NULL */
		if (t->note && *t->note)
			rc = field_encrypt(c->keys, note_ad(c, t->id), t->note, strlen(t->note), &enc);
		if (rc == 0)
			rc = store_talk_set_note(s, t->id, t->note && *t->note ? enc.buf : NULL) < 0 ? -1 : 0;
		strbuf_release(&enc);
		if (rc < 0)
			return -1;
	}
	if (audit_append(c, AEV_TALK_EDIT, talk_object(c, t->id), 1, ea->audit) < 0)
		return -1;
	return store_timeline_add(s, c->cfg->region, talk_object(c, t->id), c->now, c->who.id, c->who.name,
				  "修改谈话", ea->detail) < 0 ? -1 : 0;
}

/* a talk with a first-form outcome: the outcome's person, form and day are
 * the talk's (talk_outcome), and the outcomes family has no correction */
static void outcome_guard(struct ctx *c, const struct talk *old, const struct talk *t, struct fielderr *fe)
{
	const char *which = arena_printf(c->a, "该谈话已记录第一种形态处理结果（处理结果 %" PRId64 "），", old->outcome_id);

	if (t->person_id != old->person_id)
		fielderr_add(fe, "person_id", arena_printf(c->a, "%s不能更换谈话对象", which));
	if (strcmp(t->kind, "reminder") && strcmp(t->kind, "warning"))
		fielderr_add(fe, "kind", arena_printf(c->a, "%s只能是提醒谈话或诫勉谈话", which));
	if (strcmp(t->day, old->day))
		fielderr_add(fe, "day", arena_printf(c->a, "%s不能修改谈话日期（处理结果的日期、统计期间、"
						     "形态和影响期以谈话日期为准）", which));
}

static const char *person_word(struct ctx *c, int64_t id)
{
	return id ? arena_printf(c->a, "人员 %" PRId64, id) : "";
}

int talk_edit(struct ctx *c, const struct talk *in, const char *reason, struct fielderr *fe)
{
	struct edit_arg ea = { .c = c };
	struct talk old, t = *in;
	struct changes ch;
	int known, rc = talk_get(c, in->id, &old);

	if (rc != RES_DONE)
		return rc;
	if ((known = kind_known(c, "talk", t.kind)) < 0)
		return RES_STORE;
	t.unit_led = old.unit_led;
	t.unit_id = old.unit_id;
	/* the talker unchanged keeps its account */
	t.talker_id = t.talker_name && !strcmp(t.talker_name, old.talker_name) ? old.talker_id : 0;
	if (old.person_id) {
		t.persons = 1;
		if (t.person_id <= 0)
			fielderr_add(fe, "person_id", "请选择谈话对象");
	} else if (t.person_id) {
		fielderr_add(fe, "person_id", "单位自行开展的谈话未列姓名，不能改为具体谈话对象");
	}
	check_talk(c, &t, known, old.person_id ? 1 : 0, fe);
	if (old.outcome_id && !fe->n)
		outcome_guard(c, &old, &t, fe);
	if (fe->n)
		return RES_INVALID;
	if (t.person_id != old.person_id) {
		struct person p;
		if ((rc = person_pick(c, t.person_id, &p)) != RES_DONE)
			return rc;
		t.unit_id = p.unit_id;
	}
	changes_init(&ch, c);
	changes_add(&ch, "谈话类别", sup_kind_label(c, "talk", old.kind), sup_kind_label(c, "talk", t.kind));
	changes_add(&ch, "谈话日期", old.day, t.day);
	changes_add(&ch, "谈话对象", person_word(c, old.person_id), person_word(c, t.person_id));
	changes_add(&ch, "人次", arena_printf(c->a, "%" PRId64, old.persons), arena_printf(c->a, "%" PRId64, t.persons));
	changes_personal(&ch, "谈话人", old.talker_name, t.talker_name);
	changes_secret(&ch, "谈话情况", old.note, t.note);
	if (changes_check(&ch, reason, fe) < 0)
		return RES_INVALID;
	ea.t = &t;
	ea.outcomes = old.outcome_id ? 1 : 0;
	ea.note_changed = strcmp(old.note ? old.note : "", t.note ? t.note : "") != 0;
	ea.detail = changes_detail(&ch, reason);
	ea.audit = changes_audit(&ch);
	if (store_tx(c->db, edit_tx, &ea) < 0)
		return RES_STORE;
	if (!ea.changed) {
		fielderr_add(fe, "state", "该谈话的处理结果刚有变化，请刷新页面后重试");
		return RES_INVALID;
	}
	return RES_DONE;
}

/* ---- the talk as an outcome's matter ----------------------------------------- */

int talk_matter_open(struct ctx *c, int64_t talk_id, struct outcome_matter *m, struct fielderr *fe)
{
	struct talk t;
	int rc = talk_get(c, talk_id, &t);

	memset(m, 0, sizeof(*m));
	if (rc != RES_DONE)
		return rc == RES_STORE ? -2 : 0;
	if (!t.person_id) {
		fielderr_add(fe, "supervision_id", "该谈话没有具体谈话对象，不能记录处理结果");
		return -1;
	}
	m->object = talk_object(c, talk_id);
	m->subjects = arena_alloc(c->a, sizeof(*m->subjects));
	if (store_person_get(c->db, c->a, t.person_id, &m->subjects[0]) != 1)
		return -2;
	m->n_subjects = 1;
	return 1;
}

int64_t talk_outcome(struct ctx *c, int64_t id, const char *measure, struct fielderr *fe)
{
	struct outcome_input in = { .supervision_id = id, .n_measures = 1 };
	struct talk t;
	int rc = talk_get(c, id, &t);

	if (rc != RES_DONE)
		return rc;
	if (strcmp(t.kind, "reminder") && strcmp(t.kind, "warning")) {
		fielderr_add(fe, "measure", "只有提醒谈话、诫勉谈话可以记录为第一种形态处理");
		return RES_INVALID;
	}
	if (!measure || (strcmp(measure, "talk_reminder") && strcmp(measure, "admonishment"))) {
		fielderr_add(fe, "measure", "请选择谈话提醒或诫勉");
		return RES_INVALID;
	}
	in.person_id = t.person_id;
	in.day = t.day;
	in.measures[0] = measure;
	return outcome_record(c, &in, fe);
}

/* ---- statistics (DOMAIN.md section 6; docs/statistics.md) ---------------- */

#define TALK_METRIC(ID, KEY, ZH, EN, ORDER, FN, LIST)                                    \
	static const struct metric_def ID = { .key = KEY, .zh = ZH, .en = EN, .kind = METRIC_COUNT, \
					      .order = ORDER, .scopes = Q_METRIC_TALK_SCOPES,  \
					      .compute = FN, .list = LIST };                    \
	QF_METRIC(&ID)
TALK_METRIC(m_pre, "talks_pre_appointment", "任前廉政谈话（人次）",
	    "pre-appointment integrity talks in the period, persons (人次)", 190,
	    store_metric_talks_pre_appointment, "/talks?day&kind=pre_appointment");
TALK_METRIC(m_unit_led, "talks_unit_led", "督促单位负责人谈话（人次）",
	    "talks held by units' leaders in the period (unit-led), persons", 191, store_metric_talks_unit_led,
	    "/talks?day&unit_led=1");
TALK_METRIC(m_integrity, "talks_integrity", "廉政谈话（人次）", "integrity talks in the period, persons",
	    192, store_metric_talks_integrity, "/talks?day&kind=integrity");
TALK_METRIC(m_heart, "talks_heart", "谈心谈话（人次）", "heart-to-heart talks in the period, persons", 193,
	    store_metric_talks_heart, "/talks?day&kind=heart");
TALK_METRIC(m_reminder, "talks_reminder", "提醒谈话（人次）", "reminder talks in the period, persons", 194,
	    store_metric_talks_reminder, "/talks?day&kind=reminder");
TALK_METRIC(m_warning, "talks_warning", "诫勉谈话（人次）", "warning (admonishment) talks in the period, persons",
	    195, store_metric_talks_warning, "/talks?day&kind=warning");
TALK_METRIC(m_total, "talks_total", "谈话（人次）", "talks of every kind in the period, persons", 196,
	    store_metric_talks_total, "/talks?day");

/*
 * trial.c: the trial stage's forms (trial.h): the opinion (审理意见) and
 * the return for supplementary investigation (退回补充调查), the paused
 * trial clock, and the checks case.c's acceptance and closure make inside
 * their transaction.  The opinion and the reason are encrypted at rest,
 * bound to their row like the investigation notes; the timeline and the
 * audit log say that they were recorded, never what they say.
 */
#include "domain/trial.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/crypto.h"
#include "core/strbuf.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/case.h"
#include "domain/clocks.h"
#include "domain/ctx.h"
#include "store/q_cases.h"
#include "store/q_trial.h"

static const char *opinion_ad(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "case_trial_opinions.text_enc/%" PRId64, id);
}

static const char *reason_ad(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "case_trial_returns.reason_enc/%" PRId64, id);
}

/* ---- the clock ----------------------------------------------------------------------- */

qf_day trial_due(const struct calendar *cal, const struct clock_limit *lim, const char *accepted,
		 const struct trial_return *r, int n)
{
	qf_day due = clock_due(cal, lim, date_parse(accepted ? accepted : ""));

	for (int i = 0; i < n && due != QF_DAY_NONE; i++) {
		int back;

		if (!r[i].back_day)
			continue;
		back = calendar_workdays_between(cal, date_parse(r[i].sent_day), date_parse(r[i].back_day));
		if (back > 0)
			due = calendar_add_workdays(cal, due, back);
	}
	return due;
}

qf_day trial_due_of(struct ctx *c, struct store *s, const struct calendar *cal,
		    const struct clock_limit *lim, int64_t case_id, const char *accepted)
{
	struct trial_return *r;
	int n = store_trial_returns(s, c->a, case_id, &r);

	return n < 0 ? QF_DAY_NONE : trial_due(cal, lim, accepted, r, n);
}

int trial_reaccept(struct ctx *c, struct store *s, struct case_rec *k, const char *day,
		   const struct clock_limit *lim, struct fielderr *fe)
{
	struct trial_return *r;
	char buf[11];
	int n = store_trial_returns(s, c->a, k->id, &r);

	if (n < 0)
		return -1;
	if (n == 0 || r[n - 1].back_day)
		return 0;
	if (!case_day_ok(c, fe, "day", day, r[n - 1].sent_day, "退回补充调查日期"))
		return -1;
	if (store_trial_return_close(s, k->id, day) != 1)
		return -1;
	r[n - 1].back_day = day;
	k->state = "trial";
	k->trial_due = arena_strdup(c->a, date_format(trial_due(c->cal, lim, k->trial_accepted, r, n), buf));
	return 1;
}

const char *trial_last_accepted(struct ctx *c, struct store *s, const struct case_rec *k)
{
	struct trial_return *r;
	int n = store_trial_returns(s, c->a, k->id, &r);

	return n > 0 && r[n - 1].back_day ? r[n - 1].back_day : k->trial_accepted;
}

int trial_no_open_detention(struct ctx *c, struct store *s, int64_t case_id, struct fielderr *fe)
{
	struct detention *d;
	int n = store_detentions_of_case(s, c->a, case_id, &d);

	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++)
		if (!d[i].end_day) {
			fielderr_add(fe, "state", arena_printf(c->a, "对%s的留置（%s起）尚未解除，不能结案",
							       d[i].person_name, d[i].start_day));
			return 0;
		}
	return 1;
}

/* ---- the opinion ------------------------------------------------------------------------- */

struct opinion_arg {
	struct ctx *c;
	int64_t case_id, id;
	const struct trial_opinion_input *in;
	const char *text;
	int revision;
	struct fielderr *fe;
};

static int opinion_tx(struct store *s, void *arg)
{
	struct opinion_arg *oa = arg;
	struct ctx *c = oa->c;
	struct strbuf enc = STRBUF_INIT;
	struct trial_opinion *prev;
	struct case_rec k;
	int rc;

	/* again under the write lock: the case may have been sent back or closed */
	if (store_case_get(s, c->a, oa->case_id, &k) != 1)
		return -1;
	if (strcmp(k.state, "trial")) {
		fielderr_add(oa->fe, "state", "审理意见在审理受理后、结案前填写");
		return -1;
	}
	rc = store_trial_opinions(s, c->a, oa->case_id, &prev);
	if (rc < 0)
		return -1;
	oa->revision = rc > 0;
	oa->id = store_trial_opinion_insert(s, c->cfg->region, oa->case_id, oa->in->day, c->who.id, c->now);
	if (oa->id <= 0)
		return -1;
	rc = field_encrypt(c->keys, opinion_ad(c, oa->id), oa->text, strlen(oa->text), &enc);
	if (rc == 0)
		rc = store_trial_opinion_set(s, oa->id, enc.buf);
	strbuf_release(&enc);
	if (rc < 0)
		return -1;
	return case_record(c, oa->case_id, AEV_TRIAL_OPINION, oa->revision ? "修改审理意见" : "审理意见",
			   arena_printf(c->a, "日期 %s", oa->in->day));
}

/* The proposals against the case's subjects: 1 good (one per subject),
 * 0 with fe, -1. */
static int proposals_ok(struct ctx *c, int64_t case_id, const struct trial_opinion_input *in,
			struct fielderr *fe)
{
	struct person *subj;
	int n = store_case_subjects(c->db, c->a, case_id, &subj);

	if (n < 0)
		return -1;
	for (int i = 0; i < in->n; i++) {
		int found = 0;

		for (int j = 0; j < n; j++)
			found |= subj[j].id == in->person_ids[i];
		if (!found) {
			fielderr_add(fe, "proposals", "拟处理意见只能针对本案被审查调查人");
			return 0;
		}
	}
	for (int j = 0; j < n; j++) {
		const char *v = NULL;

		for (int i = 0; i < in->n; i++)
			if (in->person_ids[i] == subj[j].id)
				v = in->sanctions[i];
		if (!v || !*v || utf8_len(v) > 200) {
			fielderr_add(fe, arena_printf(c->a, "proposal_%" PRId64, subj[j].id),
				     arena_printf(c->a, "请填写对%s的拟处理意见（不超过200字）", subj[j].name));
			return 0;
		}
	}
	return 1;
}

int64_t trial_opinion_add(struct ctx *c, int64_t case_id, const struct trial_opinion_input *in,
			  struct fielderr *fe)
{
	struct opinion_arg oa = { .c = c, .case_id = case_id, .in = in, .fe = fe };
	struct case_rec k;
	json_t *j, *props;
	char *text;
	int rc = case_for_side(c, case_id, CASE_SIDE_TRIAL, &k, fe);

	if (rc != 1)
		return rc;
	if (strcmp(k.state, "trial")) {
		fielderr_add(fe, "state", "审理意见在审理受理后、结案前填写");
		return -1;
	}
	case_day_ok(c, fe, "day", in->day, k.trial_accepted, "审理受理日期");
	if (!in->facts || !*in->facts || utf8_len(in->facts) > 10000)
		fielderr_add(fe, "facts", "请填写审理认定的事实（不超过10000字）");
	if (!in->nature || !*in->nature || utf8_len(in->nature) > 500)
		fielderr_add(fe, "nature", "请填写定性意见（不超过500字）");
	rc = proposals_ok(c, case_id, in, fe);
	if (rc < 0)
		return -2;
	if (fe->n)
		return -1;
	j = json_object();
	props = json_array();
	json_object_set_new(j, "facts", json_string(in->facts));
	json_object_set_new(j, "nature", json_string(in->nature));
	for (int i = 0; i < in->n; i++)
		json_array_append_new(props, json_pack("{sIss}", "person_id", (json_int_t)in->person_ids[i],
						       "sanction", in->sanctions[i]));
	json_object_set_new(j, "proposals", props);
	text = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	if (!text)
		return -2;
	oa.text = arena_strdup(c->a, text);
	free(text);
	if (store_tx(c->db, opinion_tx, &oa) < 0)
		return fe->n ? -1 : -2;
	return oa.id;
}

/* A string member of o in the arena, "" when absent. */
static const char *member_text(struct ctx *c, json_t *o, const char *key)
{
	const char *v = json_string_value(json_object_get(o, key));

	return arena_strdup(c->a, v ? v : "");
}

int trial_opinions_read(struct ctx *c, int64_t case_id, struct trial_opinion_view **out, int *n)
{
	struct trial_opinion *o;
	struct person *subj;
	int m = store_trial_opinions(c->db, c->a, case_id, &o);
	int ns = store_case_subjects(c->db, c->a, case_id, &subj);

	*out = NULL;
	*n = 0;
	if (m < 0 || ns < 0)
		return -1;
	*out = m ? arena_alloc(c->a, (size_t)m * sizeof(**out)) : NULL;
	for (int i = 0; i < m; i++) {
		struct trial_opinion_view *v = &(*out)[i];
		struct strbuf pt = STRBUF_INIT;
		json_t *j, *props;
		size_t k;
		json_t *e;

		memset(v, 0, sizeof(*v));
		v->id = o[i].id;
		v->day = o[i].day;
		v->user_name = o[i].user_name;
		if (field_decrypt(c->keys, opinion_ad(c, o[i].id), o[i].text_enc, &pt) < 0) {
			strbuf_release(&pt);
			return -1;
		}
		j = json_loads(pt.buf, 0, NULL);
		strbuf_release(&pt);
		if (!j)
			return -1;
		v->facts = member_text(c, j, "facts");
		v->nature = member_text(c, j, "nature");
		props = json_object_get(j, "proposals");
		json_array_foreach(props, k, e) {
			int64_t pid = json_integer_value(json_object_get(e, "person_id"));

			if (v->n >= TRIAL_MAX_SUBJECTS)
				break;
			v->person_ids[v->n] = pid;
			v->names[v->n] = "";
			for (int s = 0; s < ns; s++)
				if (subj[s].id == pid)
					v->names[v->n] = subj[s].name;
			v->sanctions[v->n++] = member_text(c, e, "sanction");
		}
		json_decref(j);
	}
	*n = m;
	return 0;
}

/* ---- the return ------------------------------------------------------------------------------ */

struct return_arg {
	struct ctx *c;
	int64_t case_id, id;
	const char *day, *reason;
	struct fielderr *fe;
};

static int return_tx(struct store *s, void *arg)
{
	struct return_arg *ra = arg;
	struct ctx *c = ra->c;
	struct strbuf enc = STRBUF_INIT;
	struct trial_return *r;
	struct clock_table clocks;
	const struct clock_limit *lim;
	struct case_rec k;
	const char *source;
	char buf[11];
	int n, max, rc;

	if (store_case_get(s, c->a, ra->case_id, &k) != 1 || clock_table_load(s, c->a, &clocks) < 0)
		return -1;
	if (strcmp(k.state, "trial")) {
		fielderr_add(ra->fe, "state", "只有审理中的案件可以退回补充调查");
		return -1;
	}
	if (!case_day_ok(c, ra->fe, "day", ra->day, trial_last_accepted(c, s, &k), "审理受理日期"))
		return -1;
	n = store_trial_returns(s, c->a, k.id, &r);
	rc = n < 0 ? -1 : store_step_limit(s, c->a, "trial_return", ra->day, &max, &source);
	if (rc < 0)
		return -1;
	lim = clock_find(&clocks, "trial_return");
	if (rc == 0 || !lim) {
		fielderr_add(ra->fe, "state", "未配置退回补充调查的次数或期限（step_limits、clock_limits: trial_return）");
		return -1;
	}
	if (n >= max) {
		fielderr_add(ra->fe, "state", arena_printf(c->a, "本案已退回补充调查%d次，以%d次为限（%s）", n, max, source));
		return -1;
	}
	ra->id = store_trial_return_insert(s, c->cfg->region, k.id, n + 1, ra->day,
					   date_format(clock_due(c->cal, lim, date_parse(ra->day)), buf),
					   c->who.id, c->now);
	if (ra->id <= 0)
		return -1;
	rc = field_encrypt(c->keys, reason_ad(c, ra->id), ra->reason, strlen(ra->reason), &enc);
	if (rc == 0)
		rc = store_trial_return_set(s, ra->id, enc.buf);
	strbuf_release(&enc);
	if (rc < 0)
		return -1;
	/* back to the investigation: the trial clock pauses (no due day) */
	k.state = "investigating";
	k.trial_due = NULL;
	if (store_case_set_steps(s, &k, c->now) < 0)
		return -1;
	return case_record(c, k.id, AEV_TRIAL_RETURN, "退回补充调查",
			   arena_printf(c->a, "日期 %s，第%d次，补充调查期限至 %s，审理期限暂停计算", ra->day, n + 1, buf));
}

int64_t trial_return_send(struct ctx *c, int64_t case_id, const char *day, const char *reason,
			  struct fielderr *fe)
{
	struct return_arg ra = { .c = c, .case_id = case_id, .day = day, .reason = reason, .fe = fe };
	struct case_rec k;
	int rc = case_for_side(c, case_id, CASE_SIDE_TRIAL, &k, fe);

	if (rc != 1)
		return rc;
	if (!reason || !*reason || utf8_len(reason) > 2000) {
		fielderr_add(fe, "reason", "请填写退回补充调查的理由（不超过2000字）");
		return -1;
	}
	if (store_tx(c->db, return_tx, &ra) < 0)
		return fe->n ? -1 : -2;
	return ra.id;
}

int trial_returns_read(struct ctx *c, int64_t case_id, struct trial_return **out, const char ***reasons,
		       int *n)
{
	int m = store_trial_returns(c->db, c->a, case_id, out);

	*n = 0;
	*reasons = NULL;
	if (m < 0)
		return -1;
	*reasons = m ? arena_alloc(c->a, (size_t)m * sizeof(**reasons)) : NULL;
	for (int i = 0; i < m; i++) {
		struct strbuf pt = STRBUF_INIT;

		if (field_decrypt(c->keys, reason_ad(c, (*out)[i].id), (*out)[i].reason_enc, &pt) < 0) {
			strbuf_release(&pt);
			return -1;
		}
		(*reasons)[i] = arena_strdup(c->a, pt.buf);
		strbuf_release(&pt);
	}
	*n = m;
	return 0;
}

/*
 * demo_cases.c: the cases of the demo year, with everything that hangs
 * on them: the filing decision and its approvals, the handling organ, the
 * detention (approved by the level above, announced, released on the
 * transfer), the trial, the outcomes of each subject and the recoveries.
 * The measures are drawn from the tables below, as the subject allows:
 * party sanctions only for party members, a village manager only the
 * three light government sanctions (DOMAIN.md section 3); the import
 * checks the same rules again.
 */
#include "cmd/demo_matter.h"

#include <string.h>

#include "core/arena.h"

/* ---- measures ---------------------------------------------------------------- */

/* choices of measures, space-separated, by weight */
struct choice {
	const char *measures;
	int weight;
};

static const struct choice sanction_party[] = {   /* a party member in a public body */
	{ "party_warning", 30 }, { "party_serious_warning", 18 }, { "party_warning gov_warning", 12 },
	{ "party_serious_warning gov_demerit", 10 }, { "gov_warning", 8 }, { "gov_demerit", 8 },
	{ "party_post_removal", 6 }, { "party_probation gov_removal", 4 }, { "gov_major_demerit", 4 },
};
static const struct choice sanction_other[] = {   /* not a party member */
	{ "gov_warning", 40 }, { "gov_demerit", 35 }, { "gov_major_demerit", 15 }, { "gov_demotion", 10 },
};
static const struct choice sanction_village_party[] = {
	{ "party_warning", 45 }, { "party_serious_warning", 20 }, { "party_warning gov_warning", 15 },
	{ "gov_demerit", 12 }, { "party_serious_warning gov_major_demerit", 8 },
};
static const struct choice sanction_village[] = {
	{ "gov_warning", 50 }, { "gov_demerit", 35 }, { "gov_major_demerit", 15 },
};
static const struct choice party_only[] = {
	{ "party_warning", 35 }, { "party_serious_warning", 30 }, { "party_post_removal", 15 },
	{ "party_probation", 12 }, { "party_expulsion", 8 },
};
static const struct choice form2[] = {
	{ "ordered_resignation", 50 }, { "post_removal", 50 },
};
static const struct choice form1_case[] = {
	{ "admonishment", 50 }, { "criticism", 30 }, { "notified_criticism", 20 },
};
static const struct choice form1_supervision[] = {
	{ "talk_reminder", 40 }, { "criticism", 25 }, { "self_examination", 15 },
	{ "notified_criticism", 10 }, { "admonishment", 10 },
};

#define CHOOSE(d, t) choose(d, t, (int)(sizeof(t) / sizeof(t[0])))

static const char *choose(struct demo *d, const struct choice *t, int n)
{
	int total = 0, r;

	for (int i = 0; i < n; i++)
		total += t[i].weight;
	r = demo_rand(d, total);
	for (int i = 0; i < n; i++) {
		if (r < t[i].weight)
			return t[i].measures;
		r -= t[i].weight;
	}
	return t[n - 1].measures;
}

/* The measures of a subject's outcome, space-separated. */
static const char *measures_of(struct demo *d, enum result r, const struct demo_person *p, int first)
{
	int village = !strcmp(p->rank, "village");

	switch (r) {
	case R_SANCTION:
		if (village)
			return p->party ? CHOOSE(d, sanction_village_party) : CHOOSE(d, sanction_village);
		return p->party ? CHOOSE(d, sanction_party) : CHOOSE(d, sanction_other);
	case R_PARTY:
		return first ? "party_expulsion gov_dismissal criminal_transfer" : CHOOSE(d, party_only);
	case R_SEVERE:
		return demo_rand(d, 2) ? "party_expulsion gov_dismissal criminal_transfer"
				       : "party_probation gov_demotion";
	case R_FORM2:
		return CHOOSE(d, form2);
	case R_FORM1:
		return CHOOSE(d, form1_case);
	default:
		return NULL;
	}
}

static json_t *codes(const char *list)
{
	json_t *a = json_array();
	const char *p = list;

	while (p && *p) {
		const char *e = strchr(p, ' ');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		json_array_append_new(a, json_stringn(p, n));
		p += n + (e != NULL);
	}
	return a;
}

const char *demo_first_form(struct demo *d)
{
	return CHOOSE(d, form1_supervision);
}

/* The days of a case: the filing as the row's years require, the
 * verification (and the talk) before it, the decision and the closing
 * after it. */
static void case_days(struct demo *d, struct matter *m, int twice)
{
	const struct group *g = m->g;
	int special = m->index == 0 && (g->flags & G_TRANSFER);

	if (g->disposed < 0 && g->filed == 0) {
		m->pv = demo_within(d, -1, 11, 20, 12, 28);
		m->filed = demo_within(d, 0, 1, 10, 2, 25);
	} else if (g->filed < 0 && g->decided < 0) {
		m->filed = demo_within(d, -1, 3, 1, 9, 30);
	} else if (g->filed < 0) {
		m->filed = demo_within(d, -1, 7, 1, 12, 10);
	} else if (g->closed == OPEN) {
		m->filed = demo_within(d, 0, (g->flags & G_DETAIN) && !m->index ? 9 : 8, 15, 12, 20);
	} else {
		m->filed = special ? demo_within(d, 0, 4, 6, 5, 20) : demo_within(d, 0, 3, 1, 8, 31);
	}
	if (!m->pv)     /* verification: 15 working days, met but for one in eight */
		m->pv = demo_weekday(m->filed - (demo_rand(d, 8) ? demo_between(d, 10, 20)
							  : demo_between(d, 24, 35)));
	m->talk = twice ? demo_weekday(m->pv - demo_between(d, 10, 20)) : 0;
	m->first = twice ? m->talk : m->pv;
	m->received = demo_weekday(m->first - demo_between(d, 3, 20));
	if (g->closed == OPEN) {
		if ((g->flags & G_TRIAL) && m->index % 2 && m->filed < demo_day(d, 0, 10, 15))
			m->trial = demo_later(d, m->filed, 50, 70, 0);
		return;
	}
	if (g->decided < 0) {
		m->decided = demo_within(d, -1, 12, 1, 12, 22);
		m->closed = demo_within(d, 0, 1, 4, 1, 25);
	} else if (g->filed < 0) {
		qf_day from = m->filed + 60 > demo_day(d, 0, 1, 5) ? m->filed + 60 : demo_day(d, 0, 1, 5);
		m->decided = demo_cap(d, from + demo_rand(d, 90), 0);
		m->closed = demo_later(d, m->decided, 3, 12, 0);
	} else if (special) {
		m->decided = 0;         /* after the transfer: detention_days */
	} else {
		m->decided = demo_later(d, m->filed, 40, 110, 0);
		if (m->decided > demo_day(d, 0, 12, 12))
			m->decided = demo_weekday(demo_day(d, 0, 12, 5));
		m->closed = demo_later(d, m->decided, 3, 14, 0);
	}
	if (m->decided)
		m->trial = demo_weekday(m->decided - demo_between(d, 12, 25));
	if (m->trial && m->trial < m->filed)
		m->trial = m->filed;
}

/* The file_case decision with its approvals (DOMAIN.md section 2): the
 * commission's principal leader on the day, the city party committee's
 * principal leader the same day or up to two days before. */
static void emit_filing(struct demo *d, const struct matter *m)
{
	qf_day committee = m->filed - demo_rand(d, 3);

	if (committee < m->pv || date_weekday(committee) >= 5)
		committee = m->filed;
	demo_emit(d, json_pack("{s:s, s:s, s:o, s:s, s:s, s:s, s:o}", "type", "disposition", "clue", m->clue,
			       "decided", demo_date(m->filed), "method", "file_case", "approved_by", d->principal,
			       "committee_by", d->secretary, "committee_day", demo_date(committee)));
}

const char *demo_outcome(struct demo *d, const struct matter *m, int person, qf_day day, const char *measures,
			 char id[16])
{
	json_t *o = json_pack("{s:s, s:s, s:s, s:o, s:o}", "type", "outcome", "id", demo_id(d, 'O', id), "person",
			      d->persons[person].id, "date", demo_date(day), "measures", codes(measures));

	json_object_set_new(o, m->kase[0] ? "case" : "clue", json_string(m->kase[0] ? m->kase : m->clue));
	if (strstr(measures, "party_probation"))
		json_object_set_new(o, "probation_months", json_integer(demo_rand(d, 2) ? 24 : 12));
	if (m->g->campaign)
		json_object_set_new(o, "campaign", json_string(demo_campaign(d, m->g->campaign)));
	demo_emit(d, o);
	return id;
}

/* The handling organ: the township's commission for its townships and
 * villages, an office for key persons, else a resident group or an office. */
static void organ_of(struct demo *d, const struct matter *m, json_t *o)
{
	const struct demo_unit *u = &d->units[d->persons[m->subj[0]].unit];
	static const char *const nth[] = { "一", "二", "三", "四", "五", "六", "七", "八" };

	if (u->township >= 0) {
		json_object_set_new(o, "organ_kind", json_string("township"));
		json_object_set_new(o, "organ_name", json_string(arena_printf(d->a, "%s纪委", d->units[u->township].name)));
	} else if (m->g->pool == POOL_KEY || m->index % 2) {
		json_object_set_new(o, "organ_kind", json_string("office"));
		json_object_set_new(o, "organ_name", json_string(arena_printf(d->a, "市纪委监委第%s审查调查室",
									      nth[m->index % 3])));
	} else {
		json_object_set_new(o, "organ_kind", json_string("resident_group"));
		json_object_set_new(o, "organ_name", json_string(arena_printf(d->a, "市纪委监委派驻第%s纪检监察组",
									      nth[d->persons[m->subj[0]].unit % 8])));
	}
}

static void emit_case(struct demo *d, struct matter *m)
{
	const struct demo_person *p = &d->persons[m->subj[0]];
	json_t *o;

	demo_id(d, 'A', m->kase);
	o = json_pack("{s:s, s:s, s:s, s:o, s:o, s:s, s:[s]}", "type", "case", "id", m->kase, "clue", m->clue,
		      "subjects", demo_subject_list(d, m), "filed", demo_date(m->filed), "case_type",
		      p->party ? "both" : "supervision", "categories", m->category);
	organ_of(d, m, o);
	if (m->transferred)
		json_object_set_new(o, "transferred", demo_date(m->transferred));
	if (m->trial)
		json_object_set_new(o, "trial_accepted", demo_date(m->trial));
	if (m->closed)
		json_object_set_new(o, "closed", demo_date(m->closed));
	if (m->g->campaign)
		json_object_set_new(o, "campaign", json_string(demo_campaign(d, m->g->campaign)));
	demo_emit(d, o);
}

/* The detention of the case's first subject, when the row has one:
 * within two weeks of the filing; released on the transfer to
 * prosecution, which the decisions follow. */
static void detention_days(struct demo *d, struct matter *m)
{
	if (m->index || !(m->g->flags & G_DETAIN))
		return;
	m->detained = demo_later(d, m->filed, 7, 15, 0);
	if (!(m->g->flags & G_TRANSFER))
		return;
	m->transferred = demo_later(d, m->detained, 55, 80, 0);
	m->decided = demo_later(d, m->transferred, 10, 25, 0);
	m->closed = demo_later(d, m->decided, 5, 10, 0);
	m->trial = demo_weekday(m->transferred + 3);
}

/* approved by the level above the day before or two, announced in the morning */
static void emit_detention(struct demo *d, const struct matter *m)
{
	char at[32], buf[11];
	json_t *o;

	snprintf(at, sizeof(at), "%sT09:%02d", date_format(m->detained, buf), 10 + demo_rand(d, 40));
	o = json_pack("{s:s, s:s, s:s, s:o, s:s, s:o, s:s}", "type", "detention", "case", m->kase, "person",
		      d->persons[m->subj[0]].id, "start", demo_date(m->detained), "approved_by",
		      "鹤原市监察委员会", "approved_day", demo_date(m->detained - 1 - demo_rand(d, 2)),
		      "announced_at", at);
	if (m->transferred)
		json_object_set_new(o, "end", demo_date(m->transferred));
	demo_emit(d, o);
}

/* A recovery of the case, in fen. */
static void emit_recovery(struct demo *d, const struct matter *m, int64_t fen)
{
	char amount[32];
	json_t *o;

	snprintf(amount, sizeof(amount), "%lld.%02lld", (long long)(fen / 100), (long long)(fen % 100));
	o = json_pack("{s:s, s:o, s:s, s:s, s:s}", "type", "recovery", "date", demo_date(m->closed), "amount",
		      amount, "kind", m->g->recover_kind, "case", m->kase);
	if (m->g->campaign)
		json_object_set_new(o, "campaign", json_string(demo_campaign(d, m->g->campaign)));
	demo_emit(d, o);
}

/* The share of the group's recoveries the case gets: the total split by
 * drawn weights over the first recover_rows cases, the last taking the
 * remainder, so the sum is exact. */
static int64_t recovery_share(struct demo *d, const struct matter *m, int64_t *left, int64_t *weights)
{
	const struct group *g = m->g;

	if (!g->recover_rows || m->index >= g->recover_rows)
		return 0;
	if (m->index == g->recover_rows - 1)
		return *left;
	int64_t share = g->recover_fen * weights[m->index] / weights[g->recover_rows];
	*left -= share;
	return share;
}

void demo_case(struct demo *d, struct matter *m, int twice, int64_t *left, int64_t *weights)
{
	const struct group *g = m->g;
	int64_t fen;

	case_days(d, m, twice);
	detention_days(d, m);
	m->final = g->closed != OPEN && m->closed >= demo_day(d, 0, 1, 1) ? m->closed : 0;
	demo_clue(d, m);
	if (twice)
		demo_disposition(d, m->clue, m->talk, "talk_inquiry");
	demo_disposition(d, m->clue, m->pv, "preliminary_verification");
	emit_filing(d, m);
	emit_case(d, m);
	if (m->detained)
		emit_detention(d, m);
	for (int i = 0; g->result != R_NONE && m->decided && i < m->n_subj; i++) {
		const char *measures = measures_of(d, g->result, &d->persons[m->subj[i]], m->index == 0 && i == 0 &&
						   (g->flags & G_TRANSFER));
		char id[16];
		demo_outcome(d, m, m->subj[i], m->decided, measures, id);
		if (i == 0)
			demo_followup(d, m, id, m->decided);
	}
	fen = recovery_share(d, m, left, weights);
	if (fen > 0)
		emit_recovery(d, m, fen);
	demo_clarification(d, m);
}

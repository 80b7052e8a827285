/*
 * ix_types.c: the record types of INTERCHANGE.md that exist so far, each
 * one entry of ix_types[] (fields mapped to columns) and, where the type
 * has rules of its own, a hook.  The codes are the schema's CHECK lists,
 * read from the families' code tables (struct label) the pages use.  The
 * types of issue 10's later records keep their fields and hooks in their
 * family's file (ix_outcome.c, ix_detention.c, ix_rules.c); the table
 * here only orders them.
 */
#include "domain/interchange.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/date.h"
#include "core/strbuf.h"
#include "domain/accountability.h"
#include "domain/case.h"
#include "domain/case_filing.h"
#include "domain/clocks.h"
#include "domain/clue.h"
#include "domain/numbering.h"
#include "domain/clue_flow.h"
#include "domain/ctx.h"
#include "domain/jurisdiction.h"
#include "domain/disposition.h"
#include "domain/ix_clue_state.h"
#include "domain/detention.h"
#include "model/clue.h"
#include "model/person.h"
#include "model/report.h"
#include "domain/report.h"
#include "domain/txmemo.h"
#include "store/q_caserules.h"
#include "store/q_clues.h"
#include "store/q_detention.h"
#include "store/q_interchange.h"
#include "store/q_persons.h"
#include "store/q_trial.h"
#include "domain/person.h"
#include "domain/unit.h"

static void set_text(struct ix_val *v, const char *s)
{
	v->set = 1;
	v->s = s;
}

static void set_int(struct ix_val *v, int64_t i)
{
	v->set = 1;
	v->i = i;
}

#define F(ix, name) (&v[ix_field(ix, name)])

/* unit_id of a record: the unit of its first person (subject, accused,
 * person), as the pages do; unset when the list is empty. */
static int unit_of_first(struct ix *ix, struct ix_val *v, const char *list)
{
	const struct ix_val *p = F(ix, list);
	int64_t unit;

	if (!p->set || (!p->n && !p->i))
		return 0;
	unit = ix_person_unit(ix, p->n ? p->ids[0] : p->i);
	if (unit < 0)
		return -1;
	set_int(F(ix, "unit_id"), unit);
	return 0;
}

/* ---- unit, person, campaign: fields only ---------------------------------- */

static const struct ix_field unit_fields[] = {
	{ "name", IX_TEXT, "name", NULL, NULL, IX_REQ, NULL },
	{ "kind", IX_ENUM, "kind", NULL, NULL, IX_REQ, unit_kinds },
	{ "parent", IX_REF, "parent_id", "unit", NULL, 0, NULL },
	{ 0 }
};

static const struct ix_field person_fields[] = {
	{ "name", IX_TEXT, "name", NULL, NULL, IX_REQ, NULL },
	{ "unit", IX_REF, "unit_id", "unit", NULL, IX_REQ, NULL },
	{ "position", IX_TEXT, "position", NULL, NULL, IX_EMPTY, NULL },
	{ "rank", IX_ENUM, "rank", NULL, NULL, IX_REQ, person_ranks },
	{ "top_leader", IX_BOOL, "top_leader", NULL, NULL, 0, NULL },
	{ "leadership", IX_BOOL, "leadership", NULL, NULL, 0, NULL },
	{ "party_member", IX_BOOL, "party_member", NULL, NULL, 0, NULL },
	/* the personnel record's fields (issue 12, migration 0034) */
	{ "gender", IX_ENUM, "gender", NULL, NULL, IX_EMPTY, person_genders },
	{ "birth_date", IX_DATE, "birth_date", NULL, NULL, 0, NULL },
	{ "ethnicity", IX_ENUM, "ethnicity", NULL, NULL, IX_EMPTY, person_ethnicities },
	{ "party_joined", IX_DATE, "party_joined", NULL, NULL, 0, NULL },
	{ "npc_deputy", IX_BOOL, "npc_deputy", NULL, NULL, 0, NULL },
	{ "cppcc_member", IX_BOOL, "cppcc_member", NULL, NULL, 0, NULL },
	{ 0 }
};

/* An imported person holds the post the line gives, since a day not
 * recorded (0034: every person has an open post; moves are made on the
 * pages and the API, which keep the history). */
static int person_after(struct ix *ix, struct ix_val *v, int64_t id)
{
	const struct ix_val *pos = F(ix, "position");

	/* what the clues' hooks read of it, kept: its unit, name and rank */
	if (ix_person_unit_note(ix, id, F(ix, "unit")->i) < 0 ||
	    txmemo_person_note(ix_ctx(ix), id, F(ix, "name")->s, F(ix, "rank")->s) < 0)
		return -1;
	return store_person_post_start(ix_ctx(ix)->db, id, F(ix, "unit")->i, pos->set ? pos->s : "", NULL,
				       ix_ctx(ix)->now) < 0 ? -1 : 0;
}

static const struct ix_field campaign_fields[] = {
	{ "name", IX_TEXT, "name", NULL, NULL, IX_REQ, NULL },
	{ "start", IX_DATE, "start_day", NULL, NULL, 0, NULL },
	{ "end", IX_DATE, "end_day", NULL, NULL, 0, NULL },
	/* 0056: the plan's text and the lead office (an office name) */
	{ "plan", IX_TEXT, "plan", NULL, NULL, IX_EMPTY, NULL },
	{ "lead_office", IX_TEXT, "lead_office", NULL, NULL, IX_EMPTY, NULL },
	{ 0 }
};

/* 0056: a campaign's working group.  Its leader and members are accounts,
 * which are not interchange records: they stay in the database that has
 * the accounts (docs/interchange.md). */
static const struct ix_field campaign_group_fields[] = {
	{ "campaign", IX_REF, "campaign_id", "campaign", NULL, IX_REQ, NULL },
	{ "name", IX_TEXT, "name", NULL, NULL, IX_REQ, NULL },
	{ "area", IX_TEXT, "area", NULL, NULL, IX_EMPTY, NULL },
	{ 0 }
};

/* ---- report ------------------------------------------------------------------ */

static const struct ix_field report_fields[] = {
	{ "received", IX_DATE, "received", NULL, NULL, IX_REQ, NULL },
	{ "channel", IX_ENUM, "channel", NULL, NULL, IX_REQ, report_channels },
	{ "real_name", IX_BOOL, "real_name", NULL, NULL, 0, NULL },
	{ "accused", IX_REFS, NULL, "person", "report_accused report_id person_id", 0, NULL },
	{ "category", IX_ENUM, "category", NULL, NULL, IX_REQ, report_categories },
	{ "kind", IX_ENUM, "kind", NULL, NULL, 0, report_kinds },   /* missing: from category */
	{ "repeated", IX_BOOL, "repeated", NULL, NULL, 0, NULL },
	{ "summary", IX_SECRET, "summary_enc", "reports.summary", NULL, 0, NULL },
	{ "accepted", IX_DATE, "accepted", NULL, NULL, 0, NULL },
	{ "concluded", IX_DATE, "concluded", NULL, NULL, 0, NULL },
	{ "reporter", IX_SECRET, "reporter_enc", "reports.reporter", NULL, IX_EXT, NULL },
	{ "contact", IX_SECRET, "contact_enc", "reports.contact", NULL, IX_EXT, NULL },
	{ NULL, IX_DERIVED, "unit_id", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "state", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "accept_due", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "accept_notice_due", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "conclude_due", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "outcome_notice_due", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "forwarded_due", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "next_due", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "other_level", NULL, NULL, 0, NULL },
	{ 0 }
};

/* The jurisdiction rule, as the pages: a report about a subject of the
 * level above keeps no content (《纪检监察机关处理检举控告工作规则》 art.
 * 15); such a report in a file with a summary, reporter or contact is
 * refused. */
static int report_jurisdiction(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	const struct ix_val *acc = F(ix, "accused");
	struct person p[IX_MAX_LIST];
	const char *why = NULL, *content[] = { "summary", "reporter", "contact" };
	int n = 0, rc;

	for (int i = 0; acc->set && i < acc->n; i++)
		if (store_person_get(c->db, c->a, acc->ids[i], &p[n]) == 1)
			n++;
	rc = jurisdiction_other_level(c, p, n, F(ix, "received")->s, &why);
	if (rc < 0)
		return -1;
	set_int(F(ix, "other_level"), rc);
	if (rc && F(ix, "accepted")->set)
		return ix_fail(ix, "accepted", "the report belongs to the level above (jurisdiction_rules): "
				   "it is forwarded, not accepted here");
	for (size_t i = 0; rc && i < sizeof(content) / sizeof(content[0]); i++)
		if (F(ix, content[i])->set)
			return ix_fail(ix, content[i], "the report belongs to the level above (jurisdiction_rules): "
					   "only its forwarding record is kept, not its content");
	return 0;
}

static const char *text_or_null(const struct ix_val *f)
{
	return f->set ? f->s : NULL;
}

static void set_text_or_null(struct ix_val *v, const char *s)
{
	if (s)
		set_text(v, s);
}

/* The kind, the state, and the due days of the clocks as the pages store
 * them (report_dues: a file has no transfer, notices nor extension).  A
 * report without a kind was made under the old rules: it is converted
 * exactly, to the kind its category states (report_kind_of_category, as
 * migration 0021 converts the stored ones); a kind that contradicts the
 * category is refused, as the pages refuse it. */
static int report_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	struct clock_table t;
	struct ix_val *kind = F(ix, "kind");
	const char *category = F(ix, "category")->s, *mismatch;
	struct report k = { .received = F(ix, "received")->s, .real_name = F(ix, "real_name")->set && F(ix, "real_name")->i,
			    .channel = F(ix, "channel")->s, .category = category,
			    .repeated = F(ix, "repeated")->set && F(ix, "repeated")->i,
			    .accepted = text_or_null(F(ix, "accepted")),
			    .concluded = text_or_null(F(ix, "concluded")) };

	if (!kind->set)
		set_text(kind, report_kind_of_category(category));
	mismatch = report_kind_mismatch(kind->s, category);
	if (mismatch)
		return ix_fail(ix, "kind", "\"%s\" contradicts category \"%s\" (%s)", kind->s, category,
			       mismatch);
	k.kind = kind->s;
	if (report_jurisdiction(ix, v) < 0)
		return -1;
	k.other_level = (int)F(ix, "other_level")->i;
	k.state = k.concluded ? "concluded" : k.accepted ? "accepted" : "registered";
	set_text(F(ix, "state"), k.state);
	if (clock_table_load(c->db, c->a, &t) < 0)
		return -1;
	report_dues(c, &t, &k);
	set_text_or_null(F(ix, "accept_due"), k.accept_due);
	set_text_or_null(F(ix, "accept_notice_due"), k.accept_notice_due);
	set_text_or_null(F(ix, "conclude_due"), k.conclude_due);
	set_text_or_null(F(ix, "outcome_notice_due"), k.outcome_notice_due);
	set_text_or_null(F(ix, "forwarded_due"), k.forwarded_due);
	set_text_or_null(F(ix, "next_due"), k.next_due);
	return unit_of_first(ix, v, "accused");
}

/* ---- clue ------------------------------------------------------------------- */

static const struct ix_field clue_fields[] = {
	{ "received", IX_DATE, "received", NULL, NULL, IX_REQ, NULL },
	{ "source", IX_ENUM, "source", NULL, NULL, IX_REQ, clue_sources },
	{ "source_ref", IX_TEXT, "source_ref", NULL, NULL, IX_EMPTY, NULL },
	{ "subjects", IX_REFS, NULL, "person", "clue_subjects clue_id person_id", IX_REQ | IX_SNAP, NULL },
	{ "campaign", IX_REF, "campaign_id", "campaign", NULL, 0, NULL },
	/* issue 14: the inspection that transferred it (移交线索) */
	{ "inspection", IX_REF, "inspection_id", "inspection", NULL, IX_EXT, NULL },
	{ "summary", IX_SECRET, "summary_enc", "clues.summary", NULL, 0, NULL },
	/* issue 11: optional, codes offered on the received day (clue_prepare) */
	{ "categories", IX_CODES, NULL, NULL, "clue_categories clue_id category", 0, NULL },
	/* issue 12: 线索编号, unique (clue_prepare); absent on older clues */
	{ "clue_no", IX_TEXT, "clue_no", NULL, NULL, IX_EXT, NULL },
	/* issue 12: the handling office (承办部门, 0033), written when assigned;
	 * set by clue_after as an assignment on the pages sets it */
	{ "assigned_office", IX_TEXT, "NULLIF(t.assigned_office, '')", NULL, NULL, IX_VIRT | IX_EXT, NULL },
	{ NULL, IX_DERIVED, "unit_id", NULL, NULL, 0, NULL },
	/* the column's default, written so the memo knows it (clue_after) */
	{ NULL, IX_DERIVED, "state", NULL, NULL, 0, NULL },
	/* NULL as the columns' defaults: in the insert so that the clue's
	 * decisions' state (store_clue_settle) can go into a row the
	 * PostgreSQL import still holds in its batch */
	{ NULL, IX_DERIVED, "first_disposed", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "clock_start", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "verification_office", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, NULL, "report", NULL, 0, NULL },  /* the report source_ref names */
	{ NULL, IX_DERIVED, NULL, "no_drawn", NULL, 0, NULL },  /* clue_no drawn, not given */
	{ 0 }
};

static int clue_prepare(struct ix *ix, struct ix_val *v)
{
	const struct ix_val *ref = F(ix, "source_ref"), *cats = F(ix, "categories"), *no = F(ix, "clue_no");
	struct fielderr fe = { 0 };

	if (F(ix, "inspection")->set && strcmp(F(ix, "source")->s, "inspection"))
		return ix_fail(ix, "inspection", "only a clue of source inspection names an inspection");
	/* an official number is given once (numbering.h) */
	if (no->set && no->s && *no->s) {
		int taken = txmemo_number_taken(ix_ctx(ix), ix_ctx(ix)->db, "clue", no->s);

		if (taken < 0)
			return -1;
		if (taken)
			return ix_fail(ix, "clue_no", "线索编号 %s 已存在", no->s);
	} else {
		/* none given: drawn as registration draws it, and inserted with
		 * the row rather than written into it after (an update of a clue
		 * writes all its indexes) */
		const char *drawn = numbering_next(ix_ctx(ix), ix_ctx(ix)->db, "clue", F(ix, "received")->s, NULL);

		if (!drawn)
			return -1;
		set_text(F(ix, "clue_no"), drawn);
		set_int(F(ix, "no_drawn"), 1);
	}

	/* the violation categories, as the pages check them (the catalog is
	 * read only for a clue that has some) */
	switch (!cats->n ? 1 : categories_valid(ix_ctx(ix), (const char *const *)cats->codes, cats->n,
						 F(ix, "received")->s, "受理日期", &fe)) {
	case 1:
		break;
	case 0:
		return ix_fail(ix, "categories", "%s", fe.msg[0]);
	default:
		return -1;
	}

	if (!strcmp(F(ix, "source")->s, "report") && ref->set && *ref->s) {
		int64_t id = ix_ref(ix, "report", ref->s);
		if (id < 0)
			return -1;
		/* a report of the file or the database is linked; anything else
		 * is a reference of the paper ledger, kept as text */
		if (id)
			set_int(F(ix, "report"), id);
	}
	set_text(F(ix, "state"), CLUE_REGISTERED);
	/* a bulk load: the row with the state its decisions, the next lines,
	 * will leave, checked as they come (ix_clue_state.h); the memo still
	 * starts at registered (clue_memo) */
	if (ix_bulk(ix)) {
		const struct ix_clue_guess *g;
		int pv;

		switch (ix_clue_state_guess(ix, &g)) {
		case 1:
			pv = !strcmp(g->state, "preliminary_verification");
			set_text(F(ix, "state"), g->state);
			set_text(F(ix, "first_disposed"), g->first);
			if (pv) {
				set_text(F(ix, "clock_start"), g->last);
				set_text(F(ix, "verification_office"), g->office.buf);
			}
			break;
		case 0:
			break;
		default:
			return -1;
		}
	}
	return unit_of_first(ix, v, "subjects");
}

/* The clue's facts the later lines' hooks read, known from its line: its
 * state and day of receipt, and its level when the import wrote all its
 * subjects (txmemo_person), so clue_other_level reads none back. */
static int clue_memo(struct ix *ix, struct ix_val *v, const struct clue *k)
{
	struct ctx *c = ix_ctx(ix);
	const struct ix_val *subj = F(ix, "subjects");
	struct txmemo_clue *m = txmemo_clue(c, k->id);
	struct person p[IX_MAX_LIST];
	const char *why = NULL;
	int rc;

	/* no memo (out of memory): the later lines read the clue from the
	 * database, which a bulk load's row holds with its guessed state
	 * (ix_clue_state.h), not registered: refused, not misread */
	if (!m)
		return c->memo && ix_bulk(ix) ? ix_fail(ix, "id", "out of memory (the import's memo of clues)") : 0;
	m->state = CLUE_REGISTERED;
	m->received = txmemo_keep(c, k->received);
	for (int i = 0; i < subj->n; i++) {
		const struct person *q = txmemo_person(c, subj->ids[i]);
		if (!q)
			return 0;
		p[i] = *q;
	}
	if ((rc = jurisdiction_other_level(c, p, subj->n, k->received, &why)) < 0)
		return -1;
	m->level = rc;
	m->why = rc ? txmemo_keep(c, why) : NULL;
	return 0;
}

static int clue_after(struct ix *ix, struct ix_val *v, int64_t id)
{
	const struct ix_val *report = F(ix, "report");
	struct store_ix_value b[2] = { { 1, id, NULL }, { 1, report->i, NULL } };
	struct clue k = { .id = id, .received = F(ix, "received")->s };

	ix_clue_state_guessed(ix, id);
	/* the subjects' snapshot went in with their rows (IX_SNAP) */
	if (clue_memo(ix, v, &k) < 0)
		return -1;
	/* jurisdiction: a clue of the level above gets its forwarding clock */
	if (clue_forward_start(ix_ctx(ix), ix_ctx(ix)->db, &k) < 0)
		return -1;
	if (F(ix, "assigned_office")->set && *F(ix, "assigned_office")->s &&
	    store_clue_assign(ix_ctx(ix)->db, id, F(ix, "assigned_office")->s, ix_ctx(ix)->now) < 0)
		return -1;
	/* 线索编号 the file gave: the counter raised past it (numbering_note);
	 * none given: drawn in clue_prepare */
	if (!F(ix, "no_drawn")->set &&
	    (numbering_note(ix_ctx(ix), ix_ctx(ix)->db, "clue", k.received, F(ix, "clue_no")->s) < 0 ||
	     txmemo_number_take(ix_ctx(ix), "clue", F(ix, "clue_no")->s) < 0))
		return -1;
	if (!report->set)
		return 0;
	return store_ix_run(ix_ctx(ix)->db, store_ix_sql("UPDATE reports SET clue_id = ? WHERE id = ?"),
			    b, 2) < 0 ? -1 : 0;
}

/* ---- disposition: an approved decision, applied along clue_flow ------------- */

/* export: a column of the latest approved approvals row of kinds `kinds`
 * on the disposition t */
#define APPROVAL_OF(col, kinds) "SELECT a." col " FROM approvals a WHERE a.object = 'disposition/' || " \
	"t.id AND a.kind IN " kinds " AND a.decision = 'approved' ORDER BY a.id DESC LIMIT 1"

/* export: the clue's verification office when t is its running verification */
#define RUNNING_OFFICE "SELECT NULLIF(k.verification_office, '') FROM clues k WHERE k.id = t.clue_id " \
	"AND k.state = 'preliminary_verification' AND t.method = 'preliminary_verification' AND t.id = " \
	"(SELECT max(e.id) FROM dispositions e WHERE e.clue_id = t.clue_id AND e.state = 'approved')"

static const struct ix_field disposition_fields[] = {
	{ "clue", IX_REF, "clue_id", "clue", NULL, IX_REQ, NULL },
	{ "decided", IX_DATE, "decided", NULL, NULL, IX_REQ, NULL },
	{ "method", IX_TEXT, "method", NULL, NULL, IX_REQ, NULL },    /* a disposition_methods code */
	{ "transfer_direction", IX_ENUM, "transfer_direction", NULL, NULL, 0, transfer_directions },
	{ "transfer_to", IX_TEXT, "transfer_to", NULL, NULL, IX_EMPTY, NULL },
	{ "transfer_ref", IX_TEXT, "transfer_ref", NULL, NULL, IX_EMPTY, NULL },
	/* the approvals rows of the decision (0019): who approved it and, for a
	 * filing, the same-level party committee principal's approval */
	{ "approved_by", IX_TEXT, APPROVAL_OF("approver", "('filing', 'disposition')"), NULL, NULL,
	  IX_VIRT | IX_EXT, NULL },
	{ "committee_by", IX_TEXT, APPROVAL_OF("approver", "('filing_committee')"), NULL, NULL,
	  IX_VIRT | IX_EXT, NULL },
	{ "committee_day", IX_DATE, APPROVAL_OF("day", "('filing_committee')"), NULL, NULL,
	  IX_VIRT | IX_EXT, NULL },
	/* issue 16: the office handling the running preliminary verification
	 * (clues.verification_office, 0045), on the clue's latest approved
	 * disposition while it runs; set by disposition_after */
	{ "verification_office", IX_TEXT, RUNNING_OFFICE, NULL, NULL, IX_VIRT | IX_EXT, NULL },
	{ NULL, IX_DERIVED, "state", NULL, NULL, 0, NULL },
	{ 0 }
};

/* A transfer names its direction and organ; the jurisdiction rule: a
 * clue of the level above takes only a transfer upward (as the pages). */
static int disposition_jurisdiction(struct ix *ix, struct ix_val *v, struct clue *k)
{
	const struct ix_val *dir = F(ix, "transfer_direction"), *to = F(ix, "transfer_to");
	const char *why = NULL;
	int transfer = !strcmp(F(ix, "method")->s, "transfer"), rc;

	if (transfer && !dir->set)
		return ix_fail(ix, "transfer_direction", "a transfer needs its direction (upward, downward, org_dept)");
	if (transfer && (!to->set || !*to->s))
		return ix_fail(ix, "transfer_to", "a transfer needs the organ it goes to");
	if (!transfer && dir->set)
		return ix_fail(ix, "transfer_direction", "only a transfer has a direction");
	k->id = F(ix, "clue")->i;
	rc = clue_other_level(ix_ctx(ix), k, &why);
	if (rc < 0)
		return -1;
	if (rc && !(transfer && !strcmp(dir->s, "upward")))
		return ix_fail(ix, "method", "the clue belongs to the level above (jurisdiction_rules): "
				   "only a transfer upward, not %s", F(ix, "method")->s);
	return 0;
}

static int disposition_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	const char *method = F(ix, "method")->s, *decided = F(ix, "decided")->s;
	struct clue k;

	if (!disposition_method_find(method)) {
		struct strbuf codes = STRBUF_INIT;
		for (const struct disposition_method *m = disposition_methods; m->code; m++)
			strbuf_addf(&codes, "%s%s", m == disposition_methods ? "" : " ", m->code);
		ix_fail(ix, "method", "not one of: %s", codes.buf);
		strbuf_release(&codes);
		return -1;
	}
	if (txmemo_clue_state(c, F(ix, "clue")->i, &k) != 1)
		return -1;
	if (!clue_transition_allowed(k.state, method))
		return ix_fail(ix, "method", "%s is not allowed for a clue in state %s "
				   "(dispositions apply in file order)", method, k.state);
	if (strcmp(decided, k.received) < 0)
		return ix_fail(ix, "decided", "before the clue was received (%s)", k.received);
	if (disposition_jurisdiction(ix, v, &k) < 0)
		return -1;
	/* a filing is approved by the commission's principal leader with the
	 * same-level party committee principal's approval (DOMAIN.md section 2;
	 * 监督执纪工作规则 art. 34): recorded as the filing page records them,
	 * checked with the case's filing record (case_filing_valid) */
	if (!strcmp(method, "file_case")) {
		static const char *const need[] = { "approved_by", "committee_by", "committee_day" };
		for (int i = 0; i < 3; i++)
			if (!F(ix, need[i])->set || !*F(ix, need[i])->s)
				return ix_fail(ix, need[i], "a filing needs its approvals (approved_by: the "
					       "commission's principal leader; committee_by, committee_day: the "
					       "same-level party committee's principal leader): a file_case "
					       "without them, made under the old rules, is refused; add them "
					       "from the paper file");
	}
	if (F(ix, "verification_office")->set && strcmp(method, "preliminary_verification"))
		return ix_fail(ix, "verification_office", "only a preliminary verification has a handling office");
	if ((F(ix, "committee_by")->set || F(ix, "committee_day")->set) && strcmp(method, "file_case"))
		return ix_fail(ix, F(ix, "committee_by")->set ? "committee_by" : "committee_day",
			       "only a filing (file_case) has the party committee's approval");
	set_text(F(ix, "state"), "approved");
	return 0;
}

/* The approvals rows of an imported decision, as record_approvals
 * (disposition.c) writes them; the approvers are no users here. */
static int ix_disposition_approvals(struct ix *ix, struct ix_val *v, int64_t id)
{
	struct ctx *c = ix_ctx(ix);
	int filing = !strcmp(F(ix, "method")->s, "file_case");
	struct approval ap = { .kind = filing ? "filing" : "disposition", .decision = "approved",
			       .approver = F(ix, "approved_by")->s, .day = F(ix, "decided")->s,
			       .reason = "", .at = c->now };
	struct txmemo_clue *m;

	if (!F(ix, "approved_by")->set)
		return 0;
	ap.object = arena_printf(c->a, "disposition/%" PRId64, id);     /* only with an approver */
	if (store_approval_insert(c->db, c->cfg->region, &ap) < 0)
		return -1;
	if (!filing)
		return 0;
	ap.kind = "filing_committee";
	ap.approver = F(ix, "committee_by")->s;
	ap.day = F(ix, "committee_day")->s;
	if (store_approval_insert(c->db, c->cfg->region, &ap) < 0)
		return -1;
	/* the latest approval of the clue's filing, for its case line */
	if ((m = txmemo_clue(c, F(ix, "clue")->i))) {
		m->committee = 1;
		m->committee_by = txmemo_keep(c, ap.approver);
		m->committee_day = txmemo_keep(c, ap.day);
	}
	return 0;
}

static int disposition_after(struct ix *ix, struct ix_val *v, int64_t id)
{
	struct ctx *c = ix_ctx(ix);
	const struct disposition_method *m = disposition_method_find(F(ix, "method")->s);

	if (ix_disposition_approvals(ix, v, id) < 0)
		return -1;
	/* first_disposed is set by the first decision only; a verification
	 * counts under the office the file names ("" none: no proposer here);
	 * written once for the clue's run of decisions (ix_clue_state.h) */
	if (ix_clue_state_note(ix, F(ix, "clue")->i, m->state, F(ix, "decided")->s,
			       F(ix, "verification_office")->set ? F(ix, "verification_office")->s : "") < 0)
		return -1;
	txmemo_clue_state_set(c, F(ix, "clue")->i, m->state);
	return 0;
}

/* ---- case -------------------------------------------------------------------- */

static const struct ix_field case_fields[] = {
	{ "clue", IX_REF, "clue_id", "clue", NULL, IX_REQ, NULL },
	{ "subjects", IX_REFS, NULL, "person", "case_subjects case_id person_id", IX_SNAP, NULL },
	/* issue 12: the subjects' 立案编号, in the order of subjects ("" none);
	 * unique (case_filing_nos); a subject without one gets the next number,
	 * and each goes into its subject's row (aligned: "filing_no@person_id") */
	{ "filing_nos", IX_CODES, NULL, NULL, "case_subjects case_id filing_no@person_id", IX_VIRT, NULL },
	{ "filed", IX_DATE, "filed", NULL, NULL, IX_REQ, NULL },
	{ "transferred", IX_DATE, "transferred", NULL, NULL, 0, NULL },
	{ "closed", IX_DATE, "closed", NULL, NULL, 0, NULL },
	{ "campaign", IX_REF, "campaign_id", "campaign", NULL, 0, NULL },
	{ "trial_accepted", IX_DATE, "trial_accepted", NULL, NULL, IX_EXT, NULL },
	/* issue 10: required, checked in case_prepare with the old-rule message */
	{ "case_type", IX_ENUM, "case_type", NULL, NULL, 0, case_types },
	{ "organ_kind", IX_ENUM, "organ_kind", NULL, NULL, 0, case_organs },
	{ "organ_name", IX_TEXT, "organ_name", NULL, NULL, IX_EMPTY, NULL },
	{ "categories", IX_CODES, NULL, NULL, "case_categories case_id category", 0, NULL },
	{ NULL, IX_DERIVED, "unit_id", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "state", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "trial_due", NULL, NULL, 0, NULL },
	{ 0 }
};

/* The rules of filing a case, as the pages apply them (DOMAIN.md section
 * 2): filed from a clue whose preliminary verification led to an approved
 * file_case disposition (the file's dispositions come first), with a type,
 * an organ and categories offered on the filing day, and the same-level
 * party committee principal's approval that the file_case line recorded
 * (its day after the clue was received, not after the filing).  A case made under
 * the old rules has none of these and cannot be converted exactly (its
 * type, organ and categories are not in the record): it is refused, the
 * message says what to add. */
static int case_filing_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	const struct ix_val *cats = F(ix, "categories");
	struct case_filing f = { .case_type = text_or_null(F(ix, "case_type")),
				 .organ_kind = text_or_null(F(ix, "organ_kind")),
				 .organ_name = text_or_null(F(ix, "organ_name")) };
	struct fielderr fe = { 0 };
	struct clue k;

	if (!f.case_type && !f.organ_kind && !cats->n)
		return ix_fail(ix, "case_type", "a case filed under the old rules (no case_type, organ_kind, "
				   "organ_name, categories) is refused: it cannot be converted exactly; add them "
				   "(docs/interchange.md)");
	if (txmemo_clue_state(c, F(ix, "clue")->i, &k) != 1)
		return -1;
	if (strcmp(k.state, "filed"))
		return ix_fail(ix, "clue", "the clue is in state %s: a case is filed only by an approved "
				   "file_case disposition after a preliminary verification", k.state);
	for (int i = 0; i < cats->n && i < CASE_MAX_CATEGORIES; i++)
		f.categories[f.n_categories++] = cats->codes[i];
	/* the party committee's approval of the clue's file_case decision */
	struct txmemo_clue *m = txmemo_clue(c, F(ix, "clue")->i);

	if (m && m->committee) {
		f.committee_by = m->committee_by;
		f.committee_day = m->committee_day;
	} else if (store_ix_filing_committee(c->db, c->a, F(ix, "clue")->i, &f.committee_by, &f.committee_day) < 0) {
		return -1;
	}
	switch (case_filing_valid(c, &f, F(ix, "filed")->s, &k, &fe)) {
	case 1:
		break;
	case 0:
		return ix_refuse(ix, &fe, NULL);
	default:
		return -1;
	}
	return 0;
}

static int id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* The subjects' 立案编号 (filing_nos, one per subject in their order): those
 * the file gives checked (unique) and noted in the counter, the others
 * drawn as a filing draws them (a case entered by import is filed into the
 * platform's counter), for the subjects without one by ascending person
 * id.  Before the insert: the numbers go into the subjects' rows with
 * their snapshot (the link row's aligned column, interchange.c). */
static int case_filing_nos(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	const struct ix_val *subj = F(ix, "subjects");
	struct ix_val *nos = F(ix, "filing_nos");
	int64_t need[IX_MAX_LIST];
	int nn = 0;

	if (nos->n && nos->n != subj->n)
		return ix_fail(ix, "filing_nos", "%d numbers for %d subjects: one per subject, in their order "
				   "(\"\" for none)", nos->n, subj->n);
	for (int k = 0; k < nos->n; k++) {
		int taken;

		if (!*nos->codes[k])
			continue;
		if ((taken = txmemo_number_taken(c, c->db, "case_filing", nos->codes[k])) < 0)
			return -1;
		if (taken)
			return ix_fail(ix, "filing_nos", "立案编号 %s 已存在", nos->codes[k]);
		if (numbering_note(c, c->db, "case_filing", F(ix, "filed")->s, nos->codes[k]) < 0 ||
		    txmemo_number_take(c, "case_filing", nos->codes[k]) < 0)
			return -1;
	}
	for (int k = nos->n; k < subj->n; k++)
		nos->codes[k] = "";
	nos->n = subj->n;
	for (int k = 0; k < subj->n; k++)
		if (!*nos->codes[k])
			need[nn++] = subj->ids[k];
	qsort(need, (size_t)nn, sizeof(*need), id_cmp);
	for (int i = 0; i < nn; i++) {
		const char *no = numbering_next(c, c->db, "case_filing", F(ix, "filed")->s, NULL);
		int k = 0;

		if (!no)
			return -1;
		while (subj->ids[k] != need[i])
			k++;
		nos->codes[k] = no;
	}
	nos->set = 1;
	return 0;
}

/* The due day of `clock` (clock_limits) started on `start`, as the pages
 * store it when the step is taken (case.c, detention.c). */
static int set_due(struct ix *ix, struct ix_val *v, const char *field, const char *clock,
		   const char *start)
{
	struct ctx *c = ix_ctx(ix);
	struct clock_table t;
	qf_day due;

	if (clock_table_load(c->db, c->a, &t) < 0)
		return -1;
	due = clock_due(c->cal, clock_find(&t, clock), date_parse(start));
	if (due != QF_DAY_NONE)
		set_text(F(ix, field), date_format(due, arena_alloc(c->a, 11)));
	return 0;
}

static int case_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	struct ix_val *subjects = F(ix, "subjects");

	if (!subjects->n) {     /* the clue's subjects */
		struct person *p;
		int n = store_clue_subjects(c->db, c->a, F(ix, "clue")->i, &p);
		if (n < 0)
			return -1;
		for (int i = 0; i < n && i < IX_MAX_LIST; i++)
			subjects->ids[subjects->n++] = p[i].id;
		subjects->set = 1;
	}
	if (case_filing_prepare(ix, v) < 0)
		return -1;
	set_text(F(ix, "state"), F(ix, "closed")->set ? "closed"
				 : F(ix, "trial_accepted")->set ? "trial" : "investigating");
	if (F(ix, "trial_accepted")->set &&
	    set_due(ix, v, "trial_due", "trial_review", F(ix, "trial_accepted")->s) < 0)
		return -1;
	if (unit_of_first(ix, v, "subjects") < 0)
		return -1;
	return case_filing_nos(ix, v);
}

/* ---- detention, accountability, recovery ---------------------------------- */

static const struct ix_field detention_fields[] = {
	{ "case", IX_REF, "case_id", "case", NULL, IX_REQ, NULL },
	{ "person", IX_REF, "person_id", "person", NULL, IX_REQ, NULL },
	{ "start", IX_DATE, "start_day", NULL, NULL, IX_REQ, NULL },
	{ "end", IX_DATE, "end_day", NULL, NULL, 0, NULL },
	{ "approved_by", IX_TEXT, "approved_by", NULL, NULL, IX_EXT, NULL },
	{ "approved_day", IX_DATE, "approved_day", NULL, NULL, IX_EXT, NULL },
	{ "announced_at", IX_TEXT, "announced_at", NULL, NULL, IX_EXT, NULL },
	{ NULL, IX_DERIVED, "due_day", NULL, NULL, 0, NULL },
	{ 0 }
};

/* The level above's approval and the moment announced, as the case page
 * requires them (Supervision Law art. 43, 44); a record without them,
 * made under the old rules, is refused (there is nothing to convert it
 * from).  The clock of the announced detention from detention_limits in
 * force on its day, without extensions (the file has none). */
static int detention_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	struct detention_limit lim;
	const char *start = F(ix, "start")->s, *at = F(ix, "announced_at")->s;
	char buf[11];
	int rc;

	if (!F(ix, "approved_by")->set || !*F(ix, "approved_by")->s || !F(ix, "approved_day")->set)
		return ix_fail(ix, "approved_by", "a detention needs the level above's approval (approved_by, "
			       "approved_day; Supervision Law art. 43): a record made without it under the old "
			       "rules is refused, add the approval");
	if (strcmp(F(ix, "approved_day")->s, start) > 0)
		return ix_fail(ix, "approved_day", "approved after the detention was announced");
	if (!F(ix, "announced_at")->set || !detention_moment_valid(at) || strncmp(at, start, 10))
		return ix_fail(ix, "announced_at", "the moment announced is required, YYYY-MM-DDTHH:MM on the "
			       "start day (the 24-hour notice runs from it)");
	rc = store_detention_limit(c->db, c->a, "detention", start, &lim);
	if (rc <= 0)
		return rc < 0 ? -1 : ix_fail(ix, "start", "no detention limit in force on that day");
	set_text(F(ix, "due_day"), arena_strdup(c->a, date_format(date_add_months(date_parse(start),
										  lim.amount), buf)));
	return 0;
}

static const struct ix_field outcome_fields[] = {
	{ "person", IX_REF, "person_id", "person", NULL, IX_REQ, NULL },
	{ "case", IX_REF, "case_id", "case", NULL, 0, NULL },
	{ "clue", IX_REF, "clue_id", "clue", NULL, 0, NULL },
	/* issue 15: a first-form outcome recorded on a talk (outcomes.supervision_id) */
	{ "talk", IX_REF, "supervision_id", "talk", NULL, IX_EXT, NULL },
	{ "date", IX_DATE, "day", NULL, NULL, IX_REQ, NULL },
	/* as first decided: a measure an appeal added is the appeal line's
	 * (an appeal ends a sanction again on import) */
	{ "measures", IX_CODES, NULL, NULL, "outcome_measures outcome_id measure NOT EXISTS (SELECT 1 "
	  "FROM appeals a WHERE a.outcome_id = l.outcome_id AND a.result = 'changed' AND a.new_measure = "
	  "l.measure AND a.decided = l.decided)", IX_REQ, NULL },
	{ "campaign", IX_REF, "campaign_id", "campaign", NULL, 0, NULL },
	{ "probation_months", IX_INT, "probation_months", NULL, NULL, IX_EXT, NULL },
	{ "party_decided", IX_DATE, "party_decided", NULL, NULL, IX_EXT, NULL },
	{ "gov_decided", IX_DATE, "gov_decided", NULL, NULL, IX_EXT, NULL },
	{ "gov_violations", IX_INT, "gov_violations", NULL, NULL, IX_EXT, NULL },
	{ "gov_months", IX_INT, "gov_months", NULL, NULL, IX_EXT, NULL },
	{ NULL, IX_DERIVED, "unit_id", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "subject_rank", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "subject_top_leader", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "subject_leadership", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "subject_party_member", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "form", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "sanctioned", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "effective", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "bar_until", NULL, NULL, 0, NULL },
	{ 0 }
};

static const struct ix_field accountability_fields[] = {
	{ "started", IX_DATE, "started", NULL, NULL, IX_REQ, NULL },
	{ "unit", IX_REF, "unit_id", "unit", NULL, 0, NULL },
	{ "person", IX_REF, "person_id", "person", NULL, 0, NULL },
	{ "campaign", IX_REF, "campaign_id", "campaign", NULL, 0, NULL },
	/* 0056: its measure types, codes of accountability_measure_kinds */
	{ "measures", IX_CODES, NULL, NULL, "accountability_measures accountability_id measure", 0, NULL },
	{ 0 }
};

static int accountability_prepare(struct ix *ix, struct ix_val *v)
{
	const struct ix_val *m = F(ix, "measures");
	int64_t unit;

	for (int k = 0; m->set && k < m->n; k++)
		if (!label_of(accountability_measure_kinds, m->codes[k]))
			return ix_fail(ix, "measures", "unknown measure '%s'", m->codes[k]);

	if (!F(ix, "unit")->set && !F(ix, "person")->set)
		return ix_fail(ix, "unit", "one of unit and person is required");
	if (!F(ix, "unit")->set || !F(ix, "person")->set)
		return 0;
	/* as the pages and the API (accountability_create): a person named
	   with a unit belongs to it */
	unit = ix_person_unit(ix, F(ix, "person")->i);
	if (unit < 0)
		return -1;
	if (unit != F(ix, "unit")->i)
		return ix_fail(ix, "person", "the person does not belong to the unit (所选人员不属于被问责单位)");
	return 0;
}

static const struct ix_field recovery_fields[] = {
	{ "date", IX_DATE, "day", NULL, NULL, IX_REQ, NULL },
	{ "amount", IX_MONEY, "amount_fen", NULL, NULL, IX_REQ, NULL },
	{ "kind", IX_ENUM, "kind", NULL, NULL, IX_REQ, recovery_kinds },
	{ "campaign", IX_REF, "campaign_id", "campaign", NULL, 0, NULL },
	{ "case", IX_REF, "case_id", "case", NULL, IX_EXT, NULL },
	{ 0 }
};

#define UNIT_DEPTH "WITH RECURSIVE d(id, depth) AS (SELECT id, 0 FROM units WHERE parent_id IS NULL " \
	"UNION ALL SELECT u.id, d.depth + 1 FROM units u JOIN d ON u.parent_id = d.id) "

/* scores by criterion, then offices by name, then units by their file id: the order
 * another database that imported the file writes too (unit ids differ there) */
#define SCORE_ORDER "t.criterion_id, CASE WHEN t.subject LIKE 'office:%' THEN 0 ELSE 1 END, " \
	"(SELECT COALESCE(u.ext_id, 'U' || u.id) FROM units u WHERE t.subject = 'unit:' || CAST(u.id AS TEXT)), " \
	"t.subject"

/* in dependency order: export writes them so, import needs them so (the
 * rule tables first: a case's categories and an outcome's form read them) */
const struct ix_type ix_types[] = {
	{ "form_rule", "form_rules", NULL, "", NULL, NULL, NULL, "t.measure, t.valid_from",
	  ix_form_rule_fields, ix_form_rule_prepare, NULL, IX_T_RULES },
	{ "violation_category", "violation_categories", NULL, "", NULL, NULL, NULL, "t.valid_from, t.code",
	  ix_category_fields, ix_category_prepare, NULL, IX_T_RULES },
	{ "influence_period", "influence_periods", NULL, "", NULL, NULL, NULL, "t.measure, t.valid_from",
	  ix_period_fields, ix_rule_row_prepare, NULL, IX_T_RULES },
	{ "clock_limit_version", "clock_limit_versions", NULL, "", NULL, NULL, NULL, "t.clock, t.effective_from",
	  ix_clock_fields, ix_rule_row_prepare, NULL, IX_T_RULES },
	{ "detention_limit", "detention_limits", NULL, "", NULL, NULL, NULL, "t.step, t.effective_from",
	  ix_detention_limit_fields, ix_rule_row_prepare, NULL, IX_T_RULES },
	{ "jurisdiction_rule", "jurisdiction_rules", NULL, "", NULL, NULL, NULL,
	  "t.level, t.rank, t.valid_from", ix_jurisdiction_fields, ix_rule_row_prepare, NULL, IX_T_RULES },
	{ "unit", "units", "U", "created_at updated_at", NULL, UNIT_DEPTH, "JOIN d ON d.id = t.id",
	  "d.depth, t.id", unit_fields, NULL, NULL, 0 },
	{ "person", "persons", "P", "created_at updated_at", NULL, NULL, NULL, "t.id", person_fields,
	  NULL, person_after, 0 },
	{ "campaign", "campaigns", "K", "created_at", NULL, NULL, NULL, "t.id", campaign_fields, NULL,
	  NULL, 0 },
	{ "campaign_group", "campaign_groups", "J", "created_at", NULL, NULL, NULL, "t.id", campaign_group_fields,
	  NULL, NULL, IX_T_NOREGION },
	{ "inspection_round", "inspection_rounds", "X", "created_at", NULL, NULL, NULL, "t.id", ix_round_fields,
	  NULL, NULL, IX_T_NOREGION },
	{ "inspection", "inspections", "I", "created_at", NULL, NULL, NULL, "t.id", ix_inspection_fields,
	  ix_inspection_prepare, NULL, IX_T_NOREGION },
	{ "report", "reports", "R", "created_at updated_at", NULL, NULL, NULL, "t.id", report_fields,
	  report_prepare, NULL, 0 },
	{ "clue", "clues", "C", "created_at updated_at", NULL, NULL, NULL, "t.id", clue_fields,
	  clue_prepare, clue_after, 0 },
	{ "disposition", "dispositions", NULL, "proposed_at decided_at", "t.state = 'approved'", NULL,
	  NULL, "t.id", disposition_fields, disposition_prepare, disposition_after, IX_T_CLUE_STATE },
	{ "case", "cases", "A", "created_at updated_at", NULL, NULL, NULL, "t.id", case_fields,
	  case_prepare, NULL, 0 },
	{ "detention", "detentions", "D", "created_at", NULL, NULL, NULL, "t.id", detention_fields,
	  detention_prepare, NULL, 0 },
	{ "trial_return", "case_trial_returns", NULL, "created_at", "t.back_day IS NOT NULL", NULL, NULL,
	  "t.case_id, t.seq",
	  ix_trial_return_fields, ix_trial_return_prepare, ix_trial_return_after, 0 },
	{ "detention_notice", "detention_notices", NULL, "at", NULL, NULL, NULL, "t.id",
	  ix_detention_notice_fields, ix_detention_notice_prepare, NULL, IX_T_NOREGION },
	{ "detention_step", "detention_extensions", NULL, "at", NULL, NULL, NULL, "t.id",
	  ix_detention_step_fields, ix_detention_step_prepare, ix_detention_step_after, IX_T_NOREGION },
	/* issue 15: talks before outcomes (a first-form outcome's matter may be a talk) */
	{ "talk", "talks", "T", "created_at", NULL, NULL, NULL, "t.id", ix_talk_fields, ix_talk_prepare, NULL,
	  IX_T_NOREGION },
	{ "matter_report", "matter_reports", "Y", "created_at", NULL, NULL, NULL, "t.id", ix_matter_report_fields,
	  ix_matter_report_prepare, NULL, IX_T_NOREGION },
	{ "integrity_update", "integrity_updates", NULL, "created_at", NULL, NULL, NULL, "t.id",
	  ix_integrity_update_fields, NULL, NULL, IX_T_NOREGION },
	{ "outcome", "outcomes", "O", "created_at", NULL, NULL, NULL, "t.id", outcome_fields,
	  ix_outcome_prepare, ix_outcome_after, 0 },
	{ "clarification", "clarifications", "L", "created_at", NULL, NULL, NULL, "t.id",
	  ix_clarification_fields, ix_clarification_prepare, NULL, 0 },
	{ "followup", "followups", NULL, "created_at", NULL, NULL, NULL, "t.id", ix_followup_fields,
	  ix_followup_prepare, NULL, 0 },
	{ "appeal", "appeals", NULL, "created_at", NULL, NULL, NULL, "t.id", ix_appeal_fields,
	  ix_appeal_prepare, ix_appeal_after, 0 },
	{ "accountability", "accountabilities", "Q", "created_at", NULL, NULL, NULL, "t.id",
	  accountability_fields, accountability_prepare, NULL, 0 },
	{ "recovery", "recoveries", NULL, "created_at", NULL, NULL, NULL, "t.id", recovery_fields, NULL,
	  NULL, 0 },
	/* issue 13: no time columns (a day only), no region */
	{ "rating", "ratings", NULL, "", NULL, NULL, NULL, "t.id", ix_rating_fields, ix_rating_prepare,
	  ix_rating_after, IX_T_NOREGION },
	{ "letter", "letters", NULL, "", NULL, NULL, NULL, "t.id", ix_letter_fields, ix_letter_prepare, NULL,
	  IX_T_NOREGION },
	/* issue 14: target tasks, their notes, work reminders, scores (ix_target.c) */
	{ "target", "target_tasks", "G", "created_at", NULL, NULL, NULL, "t.id", ix_target_fields,
	  ix_target_prepare, NULL, IX_T_NOREGION },
	{ "target_note", "target_notes", NULL, "at", NULL, NULL, NULL, "t.id", ix_target_note_fields,
	  ix_target_note_prepare, NULL, IX_T_NOREGION },
	{ "reminder", "reminders", "M", "", NULL, NULL, NULL, "t.id", ix_reminder_fields, ix_reminder_prepare,
	  NULL, IX_T_NOREGION },
	{ "score", "scores", NULL, "", NULL, NULL, NULL, SCORE_ORDER, ix_score_fields,
	  ix_score_prepare, NULL, IX_T_RULES },
	/* issue 15: the work log's catalog and entries, the document register
	   (ix_worklog.c); activities before problems (0061: a problem names the
	   activity that found it) */
	{ "activity_kind", "activity_kinds", NULL, "", NULL, NULL, NULL, "t.seq, t.code", ix_activity_kind_fields,
	  ix_activity_kind_prepare, NULL, IX_T_RULES },
	{ "activity", "activities", "V", "created_at", NULL, NULL, NULL, "t.id", ix_activity_fields,
	  ix_activity_prepare, NULL, IX_T_NOREGION },
	/* issue 14: the rectification ledger (after campaigns: a problem names its campaign,
	   and after activities: the activity that found it) */
	{ "problem", "problems", "W", "created_at", NULL, NULL, NULL, "t.id", ix_problem_fields,
	  ix_problem_prepare, ix_problem_after, IX_T_NOREGION },
	{ "register_document", "registered_docs", "N", "created_at", NULL, NULL, NULL, "t.id", ix_regdoc_fields,
	  ix_regdoc_prepare, NULL, IX_T_NOREGION },
	/* issue 15: integrity opinion replies (after persons: a line names its person) */
	{ "opinion", "opinion_requests", "H", "created_at", NULL, NULL, NULL, "t.id", ix_opinion_fields,
	  ix_opinion_prepare, NULL, IX_T_NOREGION },
	{ "opinion_line", "opinion_lines", NULL, "", NULL, NULL, NULL, "t.request_id, t.line_no",
	  ix_opinion_line_fields, ix_opinion_line_prepare, NULL, IX_T_NOREGION },
	{ 0 }
};

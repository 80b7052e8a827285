/*
 * ix_talk.c: the interchange types `talk` and `matter_report` of daily
 * supervision (issue 15; docs/interchange.md "Talks and personal matter
 * reports").  A kind is a code of supervision_kinds (the builtin ones, or
 * one staff added: the receiving database must have it, else the line is
 * refused naming it).  A talk's talker is written as a name (a file names
 * no accounts): imported, it is the typed talker_name.  The note is
 * encrypted at rest (IX_SECRET, talks.note/ID).  A report's unit is the
 * person's; its state received, checked or concern.
 */
#include <string.h>

#include "domain/ctx.h"
#include "domain/interchange.h"
#include "domain/matter_report.h"
#include "domain/talk.h"
#include "model/talk.h"
#include "store/q_talks.h"

#define F(ix, name) (&v[ix_field(ix, name)])

const struct ix_field ix_talk_fields[] = {
	{ "kind", IX_TEXT, "kind", NULL, NULL, IX_REQ, NULL },
	{ "date", IX_DATE, "day", NULL, NULL, IX_REQ, NULL },
	{ "person", IX_REF, "person_id", "person", NULL, 0, NULL },
	{ "unit", IX_REF, "unit_id", "unit", NULL, IX_REQ, NULL },
	{ "persons", IX_INT, "persons", NULL, NULL, 0, NULL },
	{ "unit_led", IX_BOOL, "unit_led", NULL, NULL, 0, NULL },
	{ "talker", IX_TEXT, "COALESCE((SELECT COALESCE(NULLIF(u.display_name, ''), u.name) FROM users u "
	  "WHERE u.id = t.talker_id), t.talker_name)", NULL, NULL, IX_VIRT, NULL },
	{ "note", IX_SECRET, "note_enc", "talks.note", NULL, 0, NULL },
	{ NULL, IX_DERIVED, "talker_name", NULL, NULL, 0, NULL },
	{ 0 }
};

const struct ix_field ix_matter_report_fields[] = {
	{ "person", IX_REF, "person_id", "person", NULL, IX_REQ, NULL },
	{ "kind", IX_TEXT, "kind", NULL, NULL, IX_REQ, NULL },
	{ "event_date", IX_DATE, "event_day", NULL, NULL, IX_REQ, NULL },
	{ "reported", IX_DATE, "reported", NULL, NULL, IX_REQ, NULL },
	{ "guests", IX_INT, "guests", NULL, NULL, 0, NULL },
	{ "tables", IX_INT, "tables_n", NULL, NULL, 0, NULL },
	{ "public_funds", IX_BOOL, "public_funds", NULL, NULL, 0, NULL },
	{ "public_vehicles", IX_BOOL, "public_vehicles", NULL, NULL, 0, NULL },
	{ "note", IX_TEXT, "note", NULL, NULL, IX_EMPTY, NULL },
	{ "state", IX_ENUM, "state", NULL, NULL, IX_REQ, matter_report_states },
	{ "checked", IX_DATE, "checked_on", NULL, NULL, 0, NULL },
	{ NULL, IX_DERIVED, "unit_id", NULL, NULL, 0, NULL },
	{ 0 }
};

/* an integrity file brought up to date (更新廉政档案): the person and the
 * day; the account that did it is not carried */
const struct ix_field ix_integrity_update_fields[] = {
	{ "person", IX_REF, "person_id", "person", NULL, IX_REQ, NULL },
	{ "date", IX_DATE, "day", NULL, NULL, IX_REQ, NULL },
	{ 0 }
};

/* 0 when the kind is in the family's table, else the refusal */
static int kind_check(struct ix *ix, const char *family, const char *code)
{
	struct ctx *c = ix_ctx(ix);
	struct sup_kind *k;
	int n = store_sup_kinds(c->db, c->a, family, &k);

	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++)
		if (!strcmp(k[i].code, code))
			return 0;
	return ix_fail(ix, "kind", "\"%s\" is not a kind of %s here (supervision_kinds: add it on /talks/kinds first)",
		       code, family);
}

int ix_talk_prepare(struct ix *ix, struct ix_val *v)
{
	struct ix_val *person = F(ix, "person"), *persons = F(ix, "persons"), *led = F(ix, "unit_led");
	struct ix_val *talker = F(ix, "talker"), *name = F(ix, "talker_name");

	if (kind_check(ix, "talk", F(ix, "kind")->s) < 0)
		return -1;
	if (!persons->set) {
		persons->set = 1;
		persons->i = 1;
	}
	if (persons->i < 1)
		return ix_fail(ix, "persons", "persons (人次) is at least 1");
	if (person->set && persons->i != 1)
		return ix_fail(ix, "persons", "a talk with a named person counts 1 person");
	if (!person->set && !(led->set && led->i))
		return ix_fail(ix, "person", "a talk without a named person is a unit's own talk (unit_led)");
	if (!talker->set || !*talker->s)
		return ix_fail(ix, "talker", "who talked is required");
	name->set = 1;
	name->s = talker->s;
	return 0;
}

int ix_matter_report_prepare(struct ix *ix, struct ix_val *v)
{
	struct ix_val *unit = F(ix, "unit_id"), *checked = F(ix, "checked");
	const char *state = F(ix, "state")->s;
	int64_t u;

	if (kind_check(ix, "matter_report", F(ix, "kind")->s) < 0)
		return -1;
	if (F(ix, "guests")->set && F(ix, "guests")->i < 0)
		return ix_fail(ix, "guests", "negative");
	if (F(ix, "tables")->set && F(ix, "tables")->i < 0)
		return ix_fail(ix, "tables", "negative");
	if (checked->set != (strcmp(state, "received") != 0))
		return ix_fail(ix, "checked", "the day checked goes with a checked state, and only with it");
	u = ix_person_unit(ix, F(ix, "person")->i);
	if (u < 0)
		return -1;
	unit->set = 1;
	unit->i = u;
	return 0;
}

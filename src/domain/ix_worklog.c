/*
 * ix_worklog.c: the interchange types of the work log and the document
 * register (issue 15; docs/interchange.md "The work log"):
 * activity_kind (one kind of the catalog, stored by its hook like a rule
 * table's row: a kind of the file changes the kind of the same code),
 * activity (an entry, its kind a code of the catalog: a deactivated kind's
 * entries import, as they were recorded while it was in use) and
 * register_document (a received or sent document; a sent number in the
 * pattern of its day raises the counter of sent_doc, numbering_note).
 */
#include <string.h>

#include "domain/ctx.h"
#include "domain/interchange.h"
#include "domain/numbering.h"
#include "domain/regdoc.h"
#include "store/q_caserules.h"
#include "store/q_worklog.h"
#include "model/caserules.h"

#define F(ix, name) ix_value(ix, v, name)

const struct ix_field ix_activity_kind_fields[] = {
	{ "code", IX_TEXT, "code", NULL, NULL, IX_REQ | IX_KEY, NULL },
	{ "name", IX_TEXT, "name", NULL, NULL, IX_REQ, NULL },
	{ "unit", IX_TEXT, "unit", NULL, NULL, IX_REQ, NULL },
	{ "participants", IX_BOOL, "participants", NULL, NULL, 0, NULL },
	{ "active", IX_BOOL, "active", NULL, NULL, 0, NULL },
	{ "seq", IX_INT, "seq", NULL, NULL, 0, NULL },
	{ 0 }
};

int ix_activity_kind_prepare(struct ix *ix, struct ix_val *v)
{
	struct activity_kind k = {
		.code = F(ix, "code")->s, .name = F(ix, "name")->s, .unit = F(ix, "unit")->s,
		.participants = (int)F(ix, "participants")->i,
		.active = F(ix, "active")->set ? (int)F(ix, "active")->i : 1,
		.seq = (int)F(ix, "seq")->i,
	};
	const char *s = k.code;

	if (!(*s >= 'a' && *s <= 'z'))
		return ix_fail(ix, "code", "a code of lower-case letters, digits and '_'");
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return ix_fail(ix, "code", "a code of lower-case letters, digits and '_'");
	return store_activity_kind_put(ix_ctx(ix)->db, &k) < 0 ? -1 : 1;  /* stored here */
}

const struct ix_field ix_activity_fields[] = {
	{ "kind", IX_TEXT, "kind", NULL, NULL, IX_REQ, NULL },
	{ "date", IX_DATE, "day", NULL, NULL, IX_REQ, NULL },
	{ "count", IX_INT, "count", NULL, NULL, 0, NULL },
	{ "participants", IX_INT, "participants", NULL, NULL, 0, NULL },
	{ "unit", IX_REF, "unit_id", "unit", NULL, 0, NULL },
	{ "office", IX_TEXT, "office", NULL, NULL, IX_EMPTY, NULL },
	{ "title", IX_TEXT, "title", NULL, NULL, IX_REQ, NULL },
	{ "note", IX_TEXT, "note", NULL, NULL, IX_EMPTY, NULL },
	{ "campaign", IX_REF, "campaign_id", "campaign", NULL, 0, NULL },
	{ "category", IX_TEXT, "category", NULL, NULL, 0, NULL },
	{ 0 }
};

int ix_activity_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	struct ix_val *count = F(ix, "count"), *people = F(ix, "participants"), *cat = F(ix, "category");
	struct activity_kind k;
	int rc = store_activity_kind_get(c->db, c->a, F(ix, "kind")->s, &k);

	if (rc < 0)
		return -1;
	if (!rc)
		return ix_fail(ix, "kind", "\"%s\" is not a kind of the catalog", F(ix, "kind")->s);
	if (!count->set) {
		count->set = 1;
		count->i = 1;
	}
	if (count->i < 1)
		return ix_fail(ix, "count", "a count of at least 1");
	if (!people->set) {
		people->set = 1;
		people->i = 0;
	}
	if (people->i < 0)
		return ix_fail(ix, "participants", "not negative");
	if (cat->set) {
		struct violation_category vc;
		rc = store_category_get(c->db, c->a, cat->s, &vc);
		if (rc < 0)
			return -1;
		if (!rc)
			return ix_fail(ix, "category", "\"%s\" is not in the category catalog", cat->s);
	}
	return 0;
}

const struct ix_field ix_regdoc_fields[] = {
	{ "direction", IX_ENUM, "direction", NULL, NULL, IX_REQ, regdoc_directions },
	{ "number", IX_TEXT, "number", NULL, NULL, IX_EMPTY, NULL },
	{ "title", IX_TEXT, "title", NULL, NULL, IX_REQ, NULL },
	{ "secrecy", IX_ENUM, "secrecy", NULL, NULL, IX_REQ, regdoc_secrecies },
	{ "date", IX_DATE, "day", NULL, NULL, IX_REQ, NULL },
	{ "counterpart", IX_TEXT, "counterpart", NULL, NULL, IX_EMPTY, NULL },
	{ "state", IX_ENUM, "state", NULL, NULL, 0, regdoc_states },
	{ "handler", IX_TEXT, "handler", NULL, NULL, IX_EMPTY, NULL },
	{ "due", IX_DATE, "due", NULL, NULL, 0, NULL },
	{ "office", IX_TEXT, "office", NULL, NULL, IX_EMPTY, NULL },
	{ 0 }
};

int ix_regdoc_prepare(struct ix *ix, struct ix_val *v)
{
	struct ctx *c = ix_ctx(ix);
	struct ix_val *state = F(ix, "state"), *due = F(ix, "due"), *number = F(ix, "number");
	const char *dir = F(ix, "direction")->s, *day = F(ix, "date")->s;

	if (!state->set) {
		state->set = 1;
		state->s = "registered";
	}
	if (due->set && strcmp(dir, "in"))
		return ix_fail(ix, "due", "only a received document has a due day");
	if (due->set && strcmp(due->s, day) < 0)
		return ix_fail(ix, "due", "due before the day received");
	if (!strcmp(dir, "out") && number->set && *number->s &&
	    numbering_note(c, c->db, "sent_doc", day, number->s) < 0)
		return -1;
	return 0;
}

/*
 * ix_opinion.c: the interchange types `opinion` (an opinion request) and
 * `opinion_line` (one cadre of it) of the integrity opinion replies (issue
 * 15; docs/interchange.md "Opinion replies").  A line names its person by
 * reference; the ID number's keyed MAC is not carried (it is this
 * instance's key), nor the confirming account (a file names no accounts).
 * The checks: a replied request has its number and day, a checked one its
 * reply day; a matched line names its person, a confirmed one had a
 * proposal; an imported number raises the opinion_reply counter
 * (numbering_note) so the next letter does not repeat it.
 */
#include <string.h>

#include "domain/ctx.h"
#include "domain/interchange.h"
#include "domain/numbering.h"
#include "domain/opinion.h"

#define F(ix, name) ix_value(ix, v, name)

const struct ix_field ix_opinion_fields[] = {
	{ "letter_no", IX_TEXT, "letter_no", NULL, NULL, IX_REQ, NULL },
	{ "requester", IX_TEXT, "requester", NULL, NULL, IX_REQ, NULL },
	{ "received", IX_DATE, "received", NULL, NULL, IX_REQ, NULL },
	{ "purpose", IX_ENUM, "purpose", NULL, NULL, IX_REQ, opinion_purposes },
	{ "due", IX_DATE, "due", NULL, NULL, 0, NULL },
	{ "state", IX_ENUM, "state", NULL, NULL, IX_REQ, opinion_states },
	{ "reply_day", IX_DATE, "reply_day", NULL, NULL, 0, NULL },
	{ "number", IX_TEXT, "number", NULL, NULL, 0, NULL },
	{ "replied", IX_DATE, "replied", NULL, NULL, 0, NULL },
	{ 0 }
};

const struct ix_field ix_opinion_line_fields[] = {
	{ "opinion", IX_REF, "request_id", "opinion", NULL, IX_REQ, NULL },
	{ "line_no", IX_INT, "line_no", NULL, NULL, IX_REQ, NULL },
	{ "name", IX_TEXT, "name", NULL, NULL, IX_REQ, NULL },
	{ "unit", IX_TEXT, "unit_name", NULL, NULL, IX_EMPTY, NULL },
	{ "position", IX_TEXT, "position", NULL, NULL, IX_EMPTY, NULL },
	{ "person", IX_REF, "person_id", "person", NULL, 0, NULL },
	{ "matched", IX_ENUM, "matched", NULL, NULL, IX_REQ, opinion_matches },
	{ "candidates", IX_INT, "candidates", NULL, NULL, 0, NULL },
	{ "proposed", IX_ENUM, "proposed", NULL, NULL, 0, opinion_codes },
	{ "reason", IX_TEXT, "reason", NULL, NULL, IX_EMPTY, NULL },
	{ "opinion_code", IX_ENUM, "opinion", NULL, NULL, 0, opinion_codes },
	{ "note", IX_TEXT, "note", NULL, NULL, IX_EMPTY, NULL },
	{ 0 }
};

int ix_opinion_prepare(struct ix *ix, struct ix_val *v)
{
	const char *state = F(ix, "state")->s;
	struct ix_val *reply_day = F(ix, "reply_day"), *number = F(ix, "number"), *replied = F(ix, "replied");

	if (strcmp(state, "draft") && !reply_day->set)
		return ix_fail(ix, "reply_day", "a checked request has its reply day");
	if (reply_day->set && strcmp(reply_day->s, F(ix, "received")->s) < 0)
		return ix_fail(ix, "reply_day", "the reply day is before the day received");
	if (!strcmp(state, "replied") != (number->set && replied->set))
		return ix_fail(ix, "number", "a replied request, and only one, has its number and day");
	if (number->set && replied->set &&
	    numbering_note(ix_ctx(ix), ix_ctx(ix)->db, "opinion_reply", replied->s, number->s) < 0)
		return -1;
	return 0;
}

int ix_opinion_line_prepare(struct ix *ix, struct ix_val *v)
{
	const char *m = F(ix, "matched")->s;
	int person = F(ix, "person")->set;
	int matched = !strcmp(m, "id") || !strcmp(m, "name") || !strcmp(m, "chosen") || !strcmp(m, "created");

	if (matched != person)
		return ix_fail(ix, "person", "a matched line, and only one, names its person");
	if (F(ix, "opinion_code")->set && !F(ix, "proposed")->set)
		return ix_fail(ix, "opinion_code", "an opinion confirmed without a proposal");
	return 0;
}

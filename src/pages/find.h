#ifndef QF_PAGES_FIND_H
#define QF_PAGES_FIND_H
/*
 * pages/find: the picker component every form uses to choose a person, a
 * unit or a case, and the search page (find.c).  Nothing here owns
 * memory: strings are in the request's arena.
 *
 * A form that chooses a record:
 *
 *   field_pick(r, sb, FIND_PERSON, "person_id", "被问责人员", 0, fielderr_get(fe, "person_id"));
 *   ...
 *   id = pick_resolve(r, FIND_PERSON, "person_id", &fe);
 *
 * The field is a text box (name "<name>_q") and a hidden id ("<name>");
 * with JavaScript, assets/pick.js suggests matches as the user types
 * (GET /api/pick/<kind>, page by page) and fills the id.  Without it the
 * form is sent with the text only, and pick_resolve decides: exactly one
 * match is taken, several put a message beside the field and the form
 * comes back listing them to choose from, none a message with the text
 * kept.
 */
#include <stdint.h>

#include "core/strbuf.h"
#include "domain/fielderr.h"
#include "model/find.h"

struct req;

void field_pick(struct req *r, struct strbuf *sb, enum find_kind k, const char *name, const char *label,
		int required, const char *err);
/* The same with the record's current choice (an edit form): id and its
 * name as text, shown unless the form was sent (then what was sent). */
void field_pick_at(struct req *r, struct strbuf *sb, enum find_kind k, const char *name, const char *label,
		   int64_t id, const char *text, int required, const char *err);
/* The persons of a form that names several (a clue's subjects, a report's
 * accused): those chosen (ids) as ticked boxes named `name`, and a picker
 * that adds one more; pick_add takes what was typed in it. */
void field_pick_persons(struct req *r, struct strbuf *sb, const char *name, const char *label,
			const int64_t *ids, int n_ids, int required, const char *err);
/* Adds the record the text typed beside field `name` names to ids (n of
 * them, at most max, no repeats): the new count; a message in fe when the
 * text names none or several. */
int pick_add(struct req *r, enum find_kind k, const char *name, int64_t *ids, int n, int max,
	     struct fielderr *fe);
/* The id the form chose for field `name`: > 0; 0 when nothing was typed
 * or the typed text does not name exactly one record (the message then
 * in fe under `name`); RES_STORE on a store error. */
int64_t pick_resolve(struct req *r, enum find_kind k, const char *name, struct fielderr *fe);

/*
 * A unit in a GET form (a list's filter bar, the statistics page) when the
 * viewer sees too many units for a <select> (unit_select, pages/kit.c):
 * the same picker, its text named "<name>_q" in the query.
 *
 * pick_filter_unit: the unit the query chose, given the id read from
 * argument `name` (0 any): that id when no text was sent (a link, the
 * API, another page of the list); 0 when the text was emptied; the id
 * when the text is still its name; else the one unit the text names, or
 * PICK_UNRESOLVED when it names none or several: the list then shows no
 * rows (never the unfiltered list as if filtered) and the field says why.
 */
#define PICK_UNRESOLVED ((int64_t)-1)
int64_t pick_filter_unit(struct req *r, const char *name, int64_t id);
/* Why the text typed beside `name` chose no unit (none or several). */
const char *pick_filter_unit_error(struct req *r, const char *name);
/* The field: the chosen unit by name (id > 0); for PICK_UNRESOLVED the
 * text as typed, the message (err, or the one the text earns) and the
 * matching units to choose from. */
void field_pick_filter_unit(struct req *r, struct strbuf *sb, const char *name, const char *label, int64_t id,
			    const char *err);

/* GET /search?q=...[&kind=...&page=N] */
int page_search(struct req *r);

#endif

#ifndef QF_PAGES_CLUES_H
#define QF_PAGES_CLUES_H
/*
 * pages/clues: the clue pages and the disposition forms (clues.c), and three
 * builders defined there that the report and case pages share.
 * The handlers the route table names (src/http/routes.c); nothing here
 * owns memory.
 */
#include <stdint.h>

struct req;
struct strbuf;
struct timeline_entry;

int page_clues(struct req *r);
int page_clue_new(struct req *r);
int page_clue_create(struct req *r);
int page_clue_show(struct req *r);
int page_clue_categories(struct req *r);
int page_disposition_create(struct req *r);
int page_disposition_decide(struct req *r);

/* The clue registration form (GET /clues/new), for another family's page
 * that registers a clue through its own call (移交线索 of an inspection:
 * pages/inspection_forms.c): the title and crumbs, the action, the 取消
 * link, a note above the fields, and source_fixed: no source field (the
 * caller's call sets it).  page_clue_read: the form's fields into *in
 * (the subjects through the picker), its refusals in fe. */
struct clue_input;
struct clue_dup;
struct fielderr;
struct clue_form_view {
	const char *title;
	const char *const *crumbs;
	const char *action, *cancel;
	const char *intro;      /* NULL none */
	int source_fixed;
};
int page_clue_form(struct req *r, const struct clue_form_view *v, const struct clue_input *in,
		   const struct fielderr *fe, const struct clue_dup *dups, int n_dups, unsigned status);
void page_clue_read(struct req *r, struct clue_input *in, struct fielderr *fe);

/* The persons a clue or report names: the picker of pages/find.h
 * (field_pick_persons, no cap on the names one may find);
 * the positive ids of a repeated form field (count, -1 on a bad one or
 * more than max); the timeline of a record. */
void person_multiselect(struct req *r, struct strbuf *sb, const char *name, const char *label,
			const int64_t *ids, int n_ids, const char *err);
int form_ids(struct req *r, const char *key, int64_t *out, int max);
void page_timeline(struct strbuf *sb, const struct timeline_entry *v, int n);

/* The handling office (clue_assign.c): a <select name="office"> of the
 * offices a clue may be assigned to; the assignment form of a clue's page
 * (for PERM_CLUE_ASSIGN, an open clue). */
struct clue;
struct fielderr;
void office_select(struct req *r, struct strbuf *sb, const char *label, const char *value,
		   int required, const char *err, const char *none_label);
void page_clue_assign_form(struct req *r, struct strbuf *sb, const struct clue *k, const struct fielderr *fe);

/* The warning that the persons named have open clues (nothing when
 * n_dups is 0); after: a sentence under the list, or NULL. */
struct clue_dup;
void page_clue_dups(struct strbuf *sb, const struct clue_dup *dups, int n_dups, const char *after);

/* The fields of a filing record (case_filing.h): type, organ, categories
 * offered now, and with `committee` the same-level party committee
 * principal's approval; values from the posted form, messages from fe
 * (the approval of file_case; a case filed under the old rules). */
struct strbuf;
struct fielderr;
void page_filing_fields(struct req *r, struct strbuf *sb, const struct fielderr *fe, int committee);

#endif

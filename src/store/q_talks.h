#ifndef QF_Q_TALKS_H
#define QF_Q_TALKS_H
/*
 * q_talks: the typed calls of daily supervision's first records (migration
 * 0059, domain/talk.h, domain/matter_report.h): the editable kinds,
 * personal matter reports and talks.  Lists and lookups are bounded by the
 * scope user's jurisdiction (q_scope.h) on the record's unit.  Results as
 * store.h: ids, counts or negative codes; text in the arena.
 */
#include <stdint.h>

#include "core/arena.h"
#include "model/metrics.h"
#include "model/talk.h"
#include "store/store.h"

/* the kinds of one family by order: their count */
int store_sup_kinds(struct store *s, struct arena *a, const char *family, struct sup_kind **out);
/* 1 added, 0 the code exists, < 0 */
int store_sup_kind_add(struct store *s, const char *family, const char *code, const char *label,
		       int64_t user_id, int64_t now);

int64_t store_matter_report_insert(struct store *s, const struct matter_report *m, int64_t user_id, int64_t now);
/* 1 found within scope_user's jurisdiction (0 any), 0 not, < 0 */
int store_matter_report_get(struct store *s, struct arena *a, int64_t id, int64_t scope_user,
			    struct matter_report *out);
/* the state from received to checked or concern, with the checker and day: changed rows */
int store_matter_report_check(struct store *s, int64_t id, const char *state, int64_t user_id, const char *day);
/* a correction (matter_report_edit): kind, days, scale, note: changed rows */
int store_matter_report_update(struct store *s, const struct matter_report *m);
int64_t store_matter_report_count(struct store *s, const struct matter_report_filter *f);
int store_matter_report_list(struct store *s, struct arena *a, const struct matter_report_filter *f,
			     struct matter_report **out);
/* received and not checked, the oldest first: at most limit */
int store_matter_reports_unchecked(struct store *s, struct arena *a, int64_t scope_user, int limit,
				   struct matter_report **out);

int64_t store_talk_insert(struct store *s, const struct talk *t, int64_t user_id, int64_t now);
int store_talk_set_note(struct store *s, int64_t id, const char *note_enc);
/* a correction (talk_edit): the fields but the note, while the talk has
 * `outcomes` outcomes (0 or 1): changed rows */
int store_talk_update(struct store *s, const struct talk *t, int outcomes);
int store_talk_get(struct store *s, struct arena *a, int64_t id, int64_t scope_user, struct talk *out);
int64_t store_talk_count(struct store *s, const struct talk_filter *f);
int store_talk_list(struct store *s, struct arena *a, const struct talk_filter *f, struct talk **out);
/* the talks of a person (the integrity file, the person's record), by day: their count */
int store_talks_of_person(struct store *s, struct arena *a, int64_t person_id, struct talk **out);
int store_matter_reports_of_person(struct store *s, struct arena *a, int64_t person_id,
				   struct matter_report **out);

/* the integrity file (domain/integrity.h): an update on day; the last day
 * (NULL none) and the number of updates */
int store_integrity_update_add(struct store *s, int64_t person_id, const char *day, int64_t user_id, int64_t now);
int store_integrity_last(struct store *s, struct arena *a, int64_t person_id, const char **day, int *n);

/* statistics (QF_METRIC in domain/talk.c, domain/matter_report.c) */
#define Q_METRIC_TALK_SCOPES METRIC_SCOPE_UNIT
int store_metric_talks_pre_appointment(struct store *db, const struct metric_period *p,
				       const struct metric_scope *s, int64_t *out);
int store_metric_talks_integrity(struct store *db, const struct metric_period *p, const struct metric_scope *s,
				 int64_t *out);
int store_metric_talks_heart(struct store *db, const struct metric_period *p, const struct metric_scope *s,
			     int64_t *out);
int store_metric_talks_reminder(struct store *db, const struct metric_period *p, const struct metric_scope *s,
				int64_t *out);
int store_metric_talks_warning(struct store *db, const struct metric_period *p, const struct metric_scope *s,
			       int64_t *out);
int store_metric_talks_unit_led(struct store *db, const struct metric_period *p, const struct metric_scope *s,
				int64_t *out);
int store_metric_talks_total(struct store *db, const struct metric_period *p, const struct metric_scope *s,
			     int64_t *out);
int store_metric_integrity_files(struct store *db, const struct metric_period *p, const struct metric_scope *s,
				 int64_t *out);
int store_metric_matter_reports(struct store *db, const struct metric_period *p, const struct metric_scope *s,
				int64_t *out);

#endif

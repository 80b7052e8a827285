#ifndef QF_API_TARGETS_H
#define QF_API_TARGETS_H
/*
 * api/targets: the JSON twin of the target family's pages (issue 14):
 * tasks, progress, reminders and their acknowledgement, the scoreboard.
 */
struct req;

int api_targets(struct req *r);
int api_target(struct req *r);
int api_target_create(struct req *r);
int api_target_progress(struct req *r);
int api_reminders(struct req *r);
int api_reminder_ack(struct req *r);
int api_scores(struct req *r);

#endif

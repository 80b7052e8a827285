#ifndef QF_PAGES_TARGET_EXPORT_H
#define QF_PAGES_TARGET_EXPORT_H
/*
 * target_export: the target family's workbooks (pages/target_export.c).
 */
struct req;
struct xlsx;

/* the subtitle row: the commission, the period words, the day it was made */
const char *target_made_words(struct req *r, const char *period);
/* serves x as a download (consumes x): the handler's answer */
int target_xlsx_reply(struct req *r, struct xlsx *x, const char *ascii_name, const char *name);

#endif

#ifndef QF_STORE_Q_SETTINGS_H
#define QF_STORE_Q_SETTINGS_H
/*
 * q_settings.h: the typed store calls of q_settings.c: settings and the working-day calendar
 * exceptions.
 * Conventions of every store/q_*.h (docs/architecture.md, "Store
 * headers"): lookups return 1 found, 0 not found, < 0 error (a STORE_*
 * code); inserts return the new id (> 0) or < 0; lists return the row
 * count (>= 0) with an array allocated in `a`, or < 0; strings are copied
 * into `a`; none opens a transaction (writes go through store_tx).
 */
#include <stdint.h>

#include "store/store.h"

struct arena;

int store_setting_get(struct store *s, struct arena *a, const char *key, const char **value);
int store_setting_set(struct store *s, const char *key, const char *value);
/* 1 when the setting exists and holds value, 0 when not, < 0 on error
 * (the "to be filled once" flags of migrations 0017 and 0018). */
int store_setting_is(struct store *s, struct arena *a, const char *key, const char *value);
int store_holiday_put(struct store *s, const char *day, int off_day, const char *name);
int store_holiday_each(struct store *s, void (*fn)(void *arg, const char *day, int off_day,
						   const char *name), void *arg);

#endif

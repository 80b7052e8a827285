#ifndef QF_TODO_H
#define QF_TODO_H
/*
 * todo: what the user must act on, for the home page (DOMAIN.md section
 * 4): every clock within its jurisdiction that is overdue or due within 3
 * working days, and the dispositions waiting for an approver's decision.
 * Each family of records adds its own items through a provider it
 * registers in its own file (QF_TODO_PROVIDER, core/registry.h); todo_list
 * runs the providers the user's role may use and merges what they add.
 */
#include "core/date.h"
#include "core/registry.h"
#include "domain/clocks.h"
#include "domain/perm.h"

struct ctx;

/* What an item asks of the user (the groups of the notices page). */
enum todo_kind {
	TODO_CLOCK = 0,          /* a clock overdue or due within 3 working days */
	TODO_APPROVAL,           /* a decision asked of the user */
	TODO_RETURN,             /* the user's proposal sent back */
	TODO_ASSIGNED,           /* a record assigned to the user's office */
};

struct todo {
	enum todo_kind kind;     /* todo_add_clock: TODO_CLOCK, todo_add: TODO_APPROVAL */
	const char *what;        /* 初步核实, 处置意见待审批 */
	const char *object;      /* 问题线索 12（甲局） */
	const char *href;        /* /clues/12 */
	const char *office;      /* the handling office, "" when none is known */
	qf_day start, due;       /* due QF_DAY_NONE for approvals */
	enum clock_state state;
	int seq;                 /* the order added in: ties of urgency keep it */
	const char *note;        /* a returned proposal's reason, NULL none */
	int64_t approval_id;     /* TODO_APPROVAL: the disposition to decide (bulk approval), 0 none */
	const char *status;      /* the state's words for an item without a clock (待阅), NULL: by kind */
};

/* The groups an item is counted in, in the order of the notices page. */
enum todo_bucket {
	TODO_B_APPROVAL = 0,     /* TODO_APPROVAL */
	TODO_B_RETURN,           /* TODO_RETURN */
	TODO_B_ASSIGNED,         /* TODO_ASSIGNED */
	TODO_B_OVERDUE,          /* TODO_CLOCK overdue */
	TODO_B_DUE_SOON,         /* TODO_CLOCK due within 3 working days */
	TODO_BUCKETS
};
enum todo_bucket todo_bucket_of(const struct todo *t);

/* The exact counts of one office's items ("" none known), by group. */
struct todo_office {
	const char *office;
	int n[TODO_BUCKETS];
	int total;
};

/* The order of the items: the home page's (overdue, due soon, the rest)
 * or the notices page's (its groups, enum todo_bucket); within a group by
 * due day, then in the order the providers added them. */
enum todo_order { TODO_BY_URGENCY = 0, TODO_BY_GROUP };

/* Which items and how many: the slice [offset, offset + limit) of the
 * user's items in `order` (limit 0: the counts alone), only overdue clocks
 * (只看逾期), only one office's items (office, NULL: all). */
struct todo_query {
	int offset, limit;
	int overdue_only;
	const char *office;
	enum todo_order order;
	int total_only;          /* the badge (todo_count): the total alone, no
				  * office needed; kept as the total alone */
	/* several offices' items at once (the home page's tables; NULL: not
	 * so, office then applies): the providers that filter by office in
	 * SQL (QF_TODO_PROVIDER_BY_OFFICE) run once for each office, the
	 * others once, their items of any of these offices let through; the
	 * answer holds every item read (offset 0), each office's first
	 * limit among them in order */
	const char *const *offices;
	int noffices;
};

/* The slice asked for, and the exact counts of every item the filters let
 * through: in total, by group, by office (the offices in the order of
 * their first item, then those with no item in the slice). */
struct todo_page {
	struct todo *v;
	int n;
	struct todo *all;        /* every item read, in order (v is its slice): a
				  * family read in full has all of its here */
	int nall;
	int total;
	int n_by[TODO_BUCKETS];
	struct todo_office *offices;
	int noffices;
};

/* The items being collected; each family of records adds its own: at
 * most `want` items (its first by the day that decides urgency, a LIMIT
 * in SQL), and the exact counts of all of them (todo_tally, a count(*) in
 * SQL).  The thresholds let SQL split overdue from due soon: a clock is
 * overdue when its due day is before `today`, due soon when its due day
 * is at most `soon_last`. */
struct todo_acc {
	struct todo *v;
	int n, cap;
	qf_day today;
	qf_day soon_last;            /* the last due day that is due soon today */
	int want;                    /* offset + limit of the query */
	int counting;                /* 0: the counts are known (kept per user) */
	const struct todo_query *q;
	struct todo_office *offices; /* the counts so far */
	int noffices, ocap;
	struct clock_table clocks;   /* the limits, loaded once */
};

/* 1 when the query lets items of bucket b of `office` through (office
 * NULL: the provider filters by office itself, todo_office_filter). */
int todo_wants(const struct todo_acc *acc, enum todo_bucket b, const char *office);
/* The office the query asks for: NULL all, "" the items of no office. */
const char *todo_office_filter(const struct todo_acc *acc);
/* 0 when the query wants the total alone (the badge): a provider whose
 * office costs a lookup per item may then tally all under no office. */
int todo_offices_wanted(const struct todo_acc *acc);
/* Counts n items of bucket b of `office` (those the query lets through):
 * 0, or -1 when n is (a store's error). */
int todo_tally(struct ctx *c, struct todo_acc *acc, const char *office, enum todo_bucket b, int64_t n);
/* Counts the rows of a clock's count statement (store/q_todo.h): per
 * office, how many are overdue and how many due soon (or only overdue). */
struct store_due_count;
void todo_tally_dues(struct ctx *c, struct todo_acc *acc, const struct store_due_count *rows, int n);
/* The last due day a listed clock may have: acc->soon_last, or
 * yesterday when the query wants overdue clocks only; as SQL text
 * (todo_day_text, in the arena). */
qf_day todo_last_due(const struct todo_acc *acc);
const char *todo_day_text(struct ctx *c, qf_day d);

/* Adds a clock started on `start` under the limit `clock` (clock_limits)
 * when it is overdue or due within 3 working days (and the query wants
 * it); `due` may be given (QF_DAY_NONE: computed from the limit).
 * Returns the item or NULL when the clock needs no attention yet.  `what`
 * defaults to the limit's label.  Counts nothing (todo_tally). */
struct todo *todo_add_clock(struct ctx *c, struct todo_acc *acc, const char *clock, const char *what,
			    qf_day start, qf_day due);
/* For a family that reads all its items (a few by nature) and counts them
 * in C: keeps t, the item just added with its office and state set, when
 * the query lets it through, and counts it; NULL when it does not. */
struct todo *todo_counted(struct ctx *c, struct todo_acc *acc, struct todo *t);
/* Adds an item without a clock (an approval waiting). */
struct todo *todo_add(struct ctx *c, struct todo_acc *acc, const char *what, qf_day start);

/* A family's items for the home page.  The providers run in the order of
 * `order` (the order the home page lists items of equal urgency), each
 * for a user holding `perm`; add may check more (the case manager's
 * overview) and returns 0 or -1. */
struct todo_provider {
	int order;
	enum perm perm;
	int (*add)(struct ctx *c, struct todo_acc *acc);
	int by_office;           /* 1: add filters by todo_office_filter in SQL
				  * (run once per office of a query of several) */
};
QF_SET(todo_providers, const struct todo_provider);

#define QF_TODO_PROVIDER_AS(name, order_, perm_, add_, by_office_)                          \
	static const struct todo_provider name = { .order = (order_), .perm = (perm_), .add = (add_), \
						   .by_office = (by_office_) };                \
	QF_REGISTER(todo_providers, &name)
#define QF_TODO_PROVIDER(name, order_, perm_, add_) QF_TODO_PROVIDER_AS(name, order_, perm_, add_, 0)
/* A provider whose statements filter by todo_office_filter (one office). */
#define QF_TODO_PROVIDER_BY_OFFICE(name, order_, perm_, add_) QF_TODO_PROVIDER_AS(name, order_, perm_, add_, 1)

/* 1 when some provider may add items for the user (the home page shows
 * its to-do section), 0 when none may. */
int todo_shown(const struct ctx *c);

/* The user's items asked for by q (todo_query, todo_page): 0, or -1 on
 * error.  Each provider counts in SQL and reads at most offset + limit of
 * its items, so the reading is bounded by the page, not by the records.
 * The counts of the unfiltered list are kept per user in this process by
 * the rule of domain/kept.h (until a commit here, the next day or
 * KEPT_SECS): the badge, the home page and /notices of one user (filtered
 * or not: the filters keep what they let through) count once between
 * writes. */
int todo_list(struct ctx *c, const struct todo_query *q, struct todo_page *out);

/* The number of the user's items (the badge of the navigation, on every
 * page): todo_list's total, its counts alone; 0 for a user no provider
 * serves, -1 on error. */
int todo_count(struct ctx *c);

#endif

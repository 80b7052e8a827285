/*
 * score.c: the scoring rules (domain/score.h): periods, criteria, the
 * sheet of a period with its subjects, entering scores, publishing, and
 * who sees a period.  The arithmetic is in score_rank.c.
 */
#include "domain/score.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/clue.h"
#include "domain/ctx.h"
#include "domain/result.h"
#include "store/q_targets.h"
#include "store/store.h"

QF_AUDIT_EVENT(SCORE_CRITERION, "score_criterion", "设置考核项目");
QF_AUDIT_EVENT(SCORE_ENTER, "score_enter", "录入考核得分");
QF_AUDIT_EVENT(SCORE_PUBLISH, "score_publish", "发布考核成绩单");
QF_AUDIT_OBJECT(score_period, "考核期");

const char *score_period_name(struct ctx *c, int year, int quarter)
{
	static const char *const q[] = { "年终", "第一季度", "第二季度", "第三季度", "第四季度" };

	return arena_printf(c->a, "%d年%s", year, quarter >= 0 && quarter <= 4 ? q[quarter] : "");
}

int score_may_preview(struct ctx *c)
{
	return authz_has(&c->who, PERM_TARGET_MANAGE) || authz_has(&c->who, PERM_TARGET_PUBLISH);
}

static int period_ok(int year, int quarter)
{
	return year >= 2000 && year <= 2100 && quarter >= 0 && quarter <= 4;
}

/* the subjects: offices, then township commissions */
static int subjects(struct ctx *c, struct score_row **out)
{
	const char **off, **names;
	int64_t *ids;
	int no = clue_offices(c, &off), nt;
	struct score_row *v;

	if (no < 0)
		return -1;
	nt = store_township_units(c->db, c->a, &ids, &names);
	if (nt < 0)
		return -1;
	v = arena_zalloc(c->a, sizeof(*v) * (size_t)(no + nt + 1));
	for (int i = 0; i < no; i++)
		v[i] = (struct score_row){ .subject = arena_printf(c->a, "office:%s", off[i]), .label = off[i] };
	for (int i = 0; i < nt; i++)
		v[no + i] = (struct score_row){ .subject = arena_printf(c->a, "unit:%" PRId64, ids[i]),
						.label = names[i], .township = 1 };
	*out = v;
	return no + nt;
}

int score_board(struct ctx *c, int year, int quarter, struct score_board *b)
{
	struct score_entry *e;
	int rc, ne;

	memset(b, 0, sizeof(*b));
	b->period.year = year;
	b->period.quarter = quarter;
	b->period.publisher_name = "";
	if (!period_ok(year, quarter))
		return RES_NOT_FOUND;
	rc = store_score_period_get(c->db, c->a, year, quarter, &b->period);
	if (rc < 0)
		return RES_STORE;
	if (!b->period.published_at && !score_may_preview(c))
		return RES_NOT_FOUND;
	if (b->period.id) {
		b->ncrit = store_score_criteria(c->db, c->a, b->period.id, &b->crit);
		if (b->ncrit < 0)
			return RES_STORE;
	}
	b->nrows = subjects(c, &b->rows);
	if (b->nrows < 0)
		return RES_STORE;
	for (int j = 0; j < b->ncrit; j++)
		b->max_total += b->crit[j].max_tenths;
	for (int i = 0; i < b->nrows; i++) {
		b->rows[i].tenths = arena_alloc(c->a, sizeof(int) * (size_t)(b->ncrit + 1));
		for (int j = 0; j < b->ncrit; j++)
			b->rows[i].tenths[j] = -1;
	}
	ne = b->period.id ? store_score_entries(c->db, c->a, b->period.id, &e) : 0;
	if (ne < 0)
		return RES_STORE;
	for (int k = 0; k < ne; k++)
		for (int i = 0; i < b->nrows; i++)
			if (!strcmp(b->rows[i].subject, e[k].subject))
				for (int j = 0; j < b->ncrit; j++)
					if (b->crit[j].id == e[k].criterion_id)
						b->rows[i].tenths[j] = e[k].tenths;
	score_rank(b->rows, b->nrows, b->ncrit);
	return RES_DONE;
}

int score_periods(struct ctx *c, int year, struct score_period **out)
{
	struct score_period *v;
	int n = store_score_periods(c->db, c->a, year, &v), k = 0;

	if (n < 0)
		return RES_STORE;
	for (int i = 0; i < n; i++)
		if (v[i].published_at || score_may_preview(c))
			v[k++] = v[i];
	*out = v;
	return k;
}

/* the period's id, made when missing, in the caller's transaction */
static int64_t period_id(struct ctx *c, struct store *s, int year, int quarter, struct score_period *p)
{
	int rc = store_score_period_get(s, c->a, year, quarter, p);

	if (rc < 0)
		return -1;
	if (rc)
		return p->id;
	memset(p, 0, sizeof(*p));
	return p->id = store_score_period_insert(s, year, quarter);
}

struct crit_arg {
	struct ctx *c;
	int year, quarter, max, seq;
	const char *name;
	int published;
};

static int crit_tx(struct store *s, void *arg)
{
	struct crit_arg *ca = arg;
	struct score_period p;
	int64_t pid = period_id(ca->c, s, ca->year, ca->quarter, &p), id;

	if (pid < 0)
		return -1;
	if ((ca->published = p.published_at != 0))
		return 0;
	id = store_score_criterion_insert(s, pid, ca->name, ca->max, ca->seq);
	if (id < 0)
		return (int)id;
	return audit_append(ca->c, AEV_SCORE_CRITERION, arena_printf(ca->c->a, "score_period/%" PRId64, pid), 1,
			    ca->name);
}

int score_criterion_add(struct ctx *c, int year, int quarter, const char *name, const char *max_points,
			int seq, struct fielderr *fe)
{
	struct crit_arg ca = { c, year, quarter, score_parse_tenths(max_points), seq, name, 0 };
	int rc;

	if (!period_ok(year, quarter))
		fielderr_add(fe, "quarter", "请选择考核期");
	if (!name || !*name)
		fielderr_add(fe, "name", "请填写考核项目");
	fielderr_len(c->a, fe, "name", "考核项目", name, 100);
	if (ca.max <= 0)
		fielderr_add(fe, "max_points", "分值应为大于0的数，最多一位小数");
	if (fe->n)
		return RES_INVALID;
	rc = store_tx(c->db, crit_tx, &ca);
	if (rc == STORE_CONSTRAINT) {
		fielderr_add(fe, "name", "该考核期已有同名考核项目");
		return RES_INVALID;
	}
	if (rc < 0)
		return RES_STORE;
	if (ca.published) {
		fielderr_add(fe, "name", "该考核期的成绩单已发布，不能再修改");
		return RES_INVALID;
	}
	return RES_DONE;
}

struct save_arg {
	struct ctx *c;
	int64_t pid;
	const struct score_entry *v;
	int n;
};

static int save_tx(struct store *s, void *arg)
{
	struct save_arg *sa = arg;

	for (int i = 0; i < sa->n; i++)
		if (store_score_put(s, sa->v[i].criterion_id, sa->v[i].subject, sa->v[i].tenths) < 0)
			return -1;
	return audit_append(sa->c, AEV_SCORE_ENTER, arena_printf(sa->c->a, "score_period/%" PRId64, sa->pid), 1,
			    arena_printf(sa->c->a, "%d项", sa->n));
}

int score_save(struct ctx *c, int year, int quarter, const struct score_entry *v, int n, struct fielderr *fe)
{
	struct score_board b;
	struct save_arg sa = { c, 0, v, n };
	int rc = score_board(c, year, quarter, &b);

	if (rc != RES_DONE)
		return rc;
	if (!b.period.id || !b.ncrit) {
		fielderr_add(fe, "quarter", "请先设置该考核期的考核项目");
		return RES_INVALID;
	}
	if (b.period.published_at) {
		fielderr_add(fe, "quarter", "该考核期的成绩单已发布，不能再修改");
		return RES_INVALID;
	}
	for (int k = 0; k < n && !fe->n; k++) {
		const struct score_criterion *cr = NULL;
		int known = 0;
		for (int j = 0; j < b.ncrit; j++)
			if (b.crit[j].id == v[k].criterion_id)
				cr = &b.crit[j];
		for (int i = 0; i < b.nrows; i++)
			known |= !strcmp(b.rows[i].subject, v[k].subject);
		if (!cr || !known)
			fielderr_add(fe, "scores", "考核项目或考核对象不存在");
		else if (v[k].tenths > cr->max_tenths)
			fielderr_add(fe, "scores", arena_printf(c->a, "“%s”的得分不能超过该项分值", cr->name));
		else if (v[k].tenths < -1)
			fielderr_add(fe, "scores", arena_printf(c->a, "“%s”的得分应为数字，最多一位小数", cr->name));
	}
	if (fe->n)
		return RES_INVALID;
	sa.pid = b.period.id;
	return store_tx(c->db, save_tx, &sa) < 0 ? RES_STORE : RES_DONE;
}

struct publish_arg {
	struct ctx *c;
	int64_t pid;
	int changed;
};

static int publish_tx(struct store *s, void *arg)
{
	struct publish_arg *pa = arg;

	pa->changed = store_score_publish(s, pa->pid, pa->c->who.id, pa->c->now);
	if (pa->changed <= 0)
		return pa->changed;
	return audit_append(pa->c, AEV_SCORE_PUBLISH, arena_printf(pa->c->a, "score_period/%" PRId64, pa->pid), 1,
			    NULL);
}

int score_publish(struct ctx *c, int year, int quarter, struct fielderr *fe)
{
	struct score_board b;
	struct publish_arg pa = { c, 0, 0 };
	int rc = score_board(c, year, quarter, &b);

	if (rc != RES_DONE)
		return rc;
	if (!b.period.id || !b.ncrit) {
		fielderr_add(fe, "quarter", "该考核期尚未设置考核项目");
		return RES_INVALID;
	}
	if (b.period.published_at)
		return RES_DONE;
	pa.pid = b.period.id;
	return store_tx(c->db, publish_tx, &pa) < 0 ? RES_STORE : RES_DONE;
}

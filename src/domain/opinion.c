/*
 * opinion.c: integrity opinion replies (domain/opinion.h): the parsing of
 * the cadres' list, the request's state flow with its audit, the rule that
 * proposes an opinion from a line's facts, and the statistics.  The
 * letter is opinion_letter.c.
 *
 * Guarantees: a list is stored whole or not at all; a line is matched by
 * the ID number's MAC or by exactly one person of that name in a unit of
 * that name, never by a guess among several; the check and the proposals
 * cover the whole request in a few statements (store/q_opinions.c); a
 * change of the proposal carries a reason; a request is read only by the
 * office and leaders (others: RES_NOT_FOUND, audited).
 */
#include "domain/opinion.h"

#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/date.h"
#include "core/text.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/measures.h"
#include "domain/metrics.h"
#include "domain/numbering.h"
#include "domain/outcome.h"
#include "domain/person.h"
#include "domain/result.h"
#include "domain/todo.h"
#include "office/xlsx_read.h"
#include "store/q_opinions.h"
#include "store/store.h"

QF_AUDIT_EVENT(OPINION_CREATE, "opinion_create", "登记意见回复请求");
QF_AUDIT_EVENT(OPINION_RESOLVE, "opinion_resolve", "确认意见回复人员");
QF_AUDIT_EVENT(OPINION_PERSON, "opinion_person", "按意见回复名单新建人员");
QF_AUDIT_EVENT(OPINION_CHECK, "opinion_check", "核查并提出回复意见");
QF_AUDIT_EVENT(OPINION_CONFIRM, "opinion_confirm", "确认回复意见");
QF_AUDIT_EVENT(OPINION_REPLY, "opinion_reply", "出具意见回复函");
QF_AUDIT_EVENT(OPINION_LETTER, "opinion_letter", "下载意见回复函");
QF_AUDIT_OBJECT(opinion, "党风廉政意见回复");

const struct label opinion_purposes[] = {
	{ "promotion", "提拔使用" },
	{ "appointment", "进一步使用（交流任职）" },
	{ "award", "评优评先、表彰奖励" },
	{ "candidate", "推荐人选（代表、委员）" },
	{ "other", "其他" },
	{ NULL, NULL }
};

/* the wording of the replies (section 3's bars in the words the letter uses) */
const struct label opinion_codes[] = {
	{ "none_found", "未发现问题" },
	{ "period_ended", "受过处分，影响期已满" },
	{ "period_running", "处分影响期内，不宜提拔" },
	{ "under_case", "正在接受审查调查，建议暂缓" },
	{ "open_clue", "有反映问题正在核查，建议暂缓" },
	{ NULL, NULL }
};

const struct label opinion_states[] = {
	{ "draft", "待匹配" },
	{ "checked", "待确认" },
	{ "confirmed", "待出具" },
	{ "replied", "已回复" },
	{ NULL, NULL }
};

const struct label opinion_matches[] = {
	{ "id", "按身份证号码匹配" },
	{ "name", "按姓名和单位匹配" },
	{ "chosen", "人工确认" },
	{ "created", "新建人员" },
	{ "none", "未找到" },
	{ "ambiguous", "待确认" },
	{ "no_record", "按无记录回复" },
	{ NULL, NULL }
};

static const char *object_of(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "opinion/%" PRId64, id);
}

/* ---- the list: pasted text or CSV --------------------------------------------- */

enum { COL_NAME, COL_UNIT, COL_ID, COL_POS, COL_N };

/* the fields of one line (CSV quoting "..." with "" inside; tab or comma):
 * their count (at most max + 1: one too many says so) */
static int split_fields(struct arena *a, const char *s, size_t len, char sep, const char **f, int max)
{
	int n = 0;
	size_t i = 0;

	while (n <= max) {
		struct strbuf b = STRBUF_INIT;
		while (i < len && (s[i] == ' ' || (sep != '\t' && s[i] == '\t')))
			i++;
		if (i < len && s[i] == '"') {
			for (i++; i < len; i++) {
				if (s[i] == '"' && i + 1 < len && s[i + 1] == '"')
					strbuf_addch(&b, s[i++]);
				else if (s[i] == '"')
					break;
				else
					strbuf_addch(&b, s[i]);
			}
			while (i < len && s[i] != sep)
				i++;
		} else {
			while (i < len && s[i] != sep)
				strbuf_addch(&b, s[i++]);
		}
		while (b.len && (b.buf[b.len - 1] == ' ' || b.buf[b.len - 1] == '\t'))
			b.buf[--b.len] = '\0';
		f[n++] = arena_strdup(a, b.len ? b.buf : "");
		strbuf_release(&b);
		if (i >= len)
			break;
		i++;    /* the separator */
	}
	return n;
}

static int is_id_like(const char *s)
{
	size_t n = strlen(s);

	if (n < 15 || n > 18)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!(s[i] >= '0' && s[i] <= '9') && !(i == n - 1 && (s[i] == 'X' || s[i] == 'x')))
			return 0;
	return 1;
}

/* a header row: which column holds which field (-1 none); 1 when it is one */
static int header_map(const char **f, int n, int *map)
{
	int seen = 0;

	for (int k = 0; k < COL_N; k++)
		map[k] = -1;
	for (int i = 0; i < n; i++) {
		const char *h = f[i];
		int k = strstr(h, "身份") ? COL_ID : strstr(h, "姓名") ? COL_NAME
			: strstr(h, "职务") ? COL_POS : strstr(h, "单位") ? COL_UNIT : -1;
		if (k >= 0 && map[k] < 0) {
			map[k] = i;
			seen++;
		}
	}
	return map[COL_NAME] >= 0 && seen >= 2;
}

static void add_error(struct arena *a, struct strbuf *err, int *nerr, int line, const char *msg)
{
	if (++*nerr <= 20)
		strbuf_addf(err, "%s第%d行：%s", err->len ? "\n" : "", line, msg);
	(void)a;
}

/* characters, not bytes */
static size_t chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static int field_ok(const char *s)
{
	return text_check(s, strlen(s), TEXT_ONELINE, NULL) == TEXT_OK;
}

int opinion_parse(struct arena *a, const char *text, size_t len, struct opinion_in **out, const char **errors)
{
	struct strbuf err = STRBUF_INIT;
	struct opinion_in *v = NULL;
	int n = 0, cap = 0, nerr = 0, line = 0, map[COL_N], header = 0;
	size_t i = 0;

	*out = NULL;
	*errors = NULL;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		i = 3;
	for (size_t k = i; k < len;) {
		uint32_t cp;
		size_t m = utf8_decode((const unsigned char *)text + k, len - k, &cp);
		if (!m) {
			*errors = "名单不是 UTF-8 编码的文本：请在表格软件中另存为“CSV UTF-8（逗号分隔）”后上传，或直接粘贴";
			return -1;
		}
		k += m;
	}
	while (i < len) {
		const char *s = text + i, *e = memchr(s, '\n', len - i);
		size_t l = e ? (size_t)(e - s) : len - i;
		const char *f[COL_N + 2];
		struct opinion_in in = { 0 };
		char sep;
		int nf;

		i += l + (e ? 1 : 0);
		line++;
		if (l && s[l - 1] == '\r')
			l--;
		{
			size_t b = 0;
			while (b < l && (s[b] == ' ' || s[b] == '\t' || s[b] == ','))
				b++;
			if (b == l)
				continue;       /* an empty line (or only separators) */
		}
		sep = memchr(s, '\t', l) ? '\t' : ',';
		nf = split_fields(a, s, l, sep, f, COL_N);
		if (!header && !n && header_map(f, nf, map)) {
			header = 1;
			continue;
		}
		if (!header) {
			map[COL_NAME] = 0;
			map[COL_UNIT] = 1;
			map[COL_ID] = map[COL_POS] = -1;
			if (nf > COL_N) {
				add_error(a, &err, &nerr, line, "列数过多（应为：姓名、单位、身份证号码、职务）");
				continue;
			}
			for (int k = 2; k < nf; k++) {
				if (is_id_like(f[k]) && map[COL_ID] < 0)
					map[COL_ID] = k;
				else if (*f[k] && map[COL_POS] < 0)
					map[COL_POS] = k;
				else if (*f[k]) {
					add_error(a, &err, &nerr, line, "无法识别第3、4列（应为身份证号码和职务）");
					break;
				}
			}
		}
		for (int k = 0; k < nf; k++)
			if (!field_ok(f[k])) {
				add_error(a, &err, &nerr, line, "含有不允许的字符");
				goto next;
			}
		in.line_no = line;
		in.name = map[COL_NAME] >= 0 && map[COL_NAME] < nf ? f[map[COL_NAME]] : "";
		in.unit_name = map[COL_UNIT] >= 0 && map[COL_UNIT] < nf ? f[map[COL_UNIT]] : "";
		in.id_number = map[COL_ID] >= 0 && map[COL_ID] < nf ? f[map[COL_ID]] : "";
		in.position = map[COL_POS] >= 0 && map[COL_POS] < nf ? f[map[COL_POS]] : "";
		if (!*in.name)
			add_error(a, &err, &nerr, line, "缺少姓名");
		else if (chars(in.name) > 50)
			add_error(a, &err, &nerr, line, "姓名过长");
		if (!*in.unit_name && !*in.id_number)
			add_error(a, &err, &nerr, line, "缺少单位（未提供身份证号码时须填写单位）");
		else if (chars(in.unit_name) > OPINION_FIELD_MAX ||
			 chars(in.position) > OPINION_FIELD_MAX)
			add_error(a, &err, &nerr, line, "单位或职务过长");
		if (*in.id_number && !person_id_valid(in.id_number))
			add_error(a, &err, &nerr, line, "身份证号码无效（应为18位，校验位须正确）");
		if (n >= OPINION_LINES_MAX) {
			add_error(a, &err, &nerr, line, "名单过长：一次最多5000人");
			break;
		}
		if (n == cap) {
			struct opinion_in *w = arena_alloc(a, sizeof(*w) * (size_t)(cap = cap ? cap * 2 : 64));
			if (n)
				memcpy(w, v, sizeof(*w) * (size_t)n);
			v = w;
		}
		v[n++] = in;
next:;
	}
	if (!nerr && !n)
		add_error(a, &err, &nerr, line ? line : 1, "名单为空：每行一人，填写姓名、单位、身份证号码（可选）");
	if (nerr) {
		if (nerr > 20)
			strbuf_addf(&err, "\n……共%d处错误", nerr);
		*errors = arena_strdup(a, err.buf);
		strbuf_release(&err);
		return -1;
	}
	strbuf_release(&err);
	*out = v;
	return n;
}

/* ---- the request ------------------------------------------------------------------ */

/* 1 when the actor may see requests; else the denial is audited */
static int may_read(struct ctx *c, int64_t id)
{
	if (authz_has(&c->who, PERM_OPINION_READ))
		return 1;
	audit_record(c, AEV_ACCESS_DENIED, object_of(c, id), 0, "not of the office replying to opinion requests");
	return 0;
}

int opinion_get(struct ctx *c, int64_t id, struct opinion_request *out)
{
	if (!may_read(c, id))
		return RES_NOT_FOUND;
	return res_from_store(store_opinion_get(c->db, c->a, id, out));
}

int opinion_list(struct ctx *c, struct opinion_filter *f, struct opinion_request **out, int64_t *total)
{
	static const char *const codes[] = { "", "draft", "checked", "confirmed", "replied" };
	int n;

	if (!authz_has(&c->who, PERM_OPINION_READ))
		return 0;
	f->state_code = f->state > 0 && f->state <= 4 ? codes[f->state] : "";
	if ((*total = store_opinion_count(c->db, f)) < 0)
		return RES_STORE;
	n = store_opinion_list(c->db, c->a, f, out);
	return n < 0 ? RES_STORE : n;
}

int opinion_lines(struct ctx *c, int64_t id, struct opinion_line **out)
{
	int n = store_opinion_lines(c->db, c->a, id, out);

	return n < 0 ? RES_STORE : n;
}

int opinion_candidates(struct ctx *c, const struct opinion_line *l, struct person **out)
{
	int n = store_opinion_candidates(c->db, c->a, c->cfg->region, l->name, l->unit_name, out);

	return n < 0 ? RES_STORE : n;
}

struct create_arg {
	struct ctx *c;
	const struct opinion_request *q;
	struct opinion_in *v;
	int n;
	int64_t id;
};

static int create_tx(struct store *s, void *arg)
{
	struct create_arg *ca = arg;
	struct ctx *c = ca->c;

	ca->id = store_opinion_insert(s, ca->q, c->who.id, c->now);
	if (ca->id <= 0)
		return -1;
	for (int i = 0; i < ca->n; i++)
		if (store_opinion_line_insert(s, ca->id, &ca->v[i]) < 0)
			return -1;
	if (store_opinion_match(s, ca->id, c->cfg->region) < 0)
		return -1;
	return audit_append(c, AEV_OPINION_CREATE, object_of(c, ca->id), 1,
			    arena_printf(c->a, "%s, %d cadres", ca->q->letter_no, ca->n));
}

static void check_day(struct fielderr *fe, const char *field, const char *v, const char *msg, int required)
{
	if ((!v || !*v) && !required)
		return;
	if (!v || date_parse(v) == QF_DAY_NONE)
		fielderr_add(fe, field, fielderr_date_msg(v, msg));
}

int64_t opinion_create(struct ctx *c, const struct opinion_request *q, const char *text, size_t len,
		       struct fielderr *fe)
{
	struct create_arg ca = { .c = c, .q = q };
	const char *errors;

	if (!q->letter_no || !*q->letter_no)
		fielderr_add(fe, "letter_no", "请填写来函文号");
	else
		fielderr_len(c->a, fe, "letter_no", "来函文号", q->letter_no, OPINION_FIELD_MAX);
	if (!q->requester || !*q->requester)
		fielderr_add(fe, "requester", "请填写来函单位");
	else
		fielderr_len(c->a, fe, "requester", "来函单位", q->requester, OPINION_FIELD_MAX);
	check_day(fe, "received", q->received, "收函日期格式应为 YYYY-MM-DD", 1);
	check_day(fe, "due", q->due, "回复期限格式应为 YYYY-MM-DD", 0);
	if (q->due && *q->due && q->received && strcmp(q->due, q->received) < 0)
		fielderr_add(fe, "due", "回复期限不能早于收函日期");
	if (!q->purpose || !label_of(opinion_purposes, q->purpose))
		fielderr_add(fe, "purpose", "请选择征求意见事由");
	if (text && xlsx_is_zip(text, len)) {    /* an .xlsx: its first sheet as tab-separated text */
		struct strbuf tsv = STRBUF_INIT;
		char why[160];
		if (xlsx_read_tsv(text, len, &tsv, why, sizeof(why)) < 0) {
			strbuf_release(&tsv);
			fielderr_add(fe, "lines", "无法读取该 Excel 文件（读取第一个工作表的姓名、单位、身份证号码、职务列）；"
				     "可另存为“CSV UTF-8”后上传，或直接粘贴");
			return -1;
		}
		text = arena_strdup(c->a, tsv.len ? tsv.buf : "");
		len = strlen(text);
		strbuf_release(&tsv);
	}
	ca.n = opinion_parse(c->a, text ? text : "", text ? len : 0, &ca.v, &errors);
	if (ca.n < 0)
		fielderr_add(fe, "lines", errors);
	if (fe->n)
		return -1;
	for (int i = 0; i < ca.n; i++)
		ca.v[i].id_mac = *ca.v[i].id_number ? person_id_key(c, ca.v[i].id_number) : NULL;
	return store_tx(c->db, create_tx, &ca) < 0 ? -2 : ca.id;
}

/* the request in state `from` (one of two when from2), or a message */
static int in_state(struct ctx *c, int64_t id, struct opinion_request *q, const char *from, const char *from2,
		    struct fielderr *fe, const char *msg)
{
	int rc = opinion_get(c, id, q);

	if (rc != RES_DONE)
		return rc;
	if (strcmp(q->state, from) && (!from2 || strcmp(q->state, from2))) {
		fielderr_add(fe, "state", msg);
		return RES_INVALID;
	}
	return RES_DONE;
}

/* line line_id of the request in state `state` (else msg), l filled */
static int line_in_state(struct ctx *c, int64_t id, int64_t line_id, const char *state, struct fielderr *fe,
			 const char *msg, struct opinion_line *l)
{
	struct opinion_request q;
	int rc = in_state(c, id, &q, state, NULL, fe, msg);

	if (rc != RES_DONE)
		return rc;
	return res_from_store(store_opinion_line_get(c->db, c->a, id, line_id, l));
}

struct resolve_arg {
	struct ctx *c;
	int64_t id, line_id, person_id;
	int changed;
};

static int resolve_tx(struct store *s, void *arg)
{
	struct resolve_arg *ra = arg;
	int rc = store_opinion_line_resolve(s, ra->line_id, ra->person_id, ra->person_id ? "chosen" : "no_record");

	if (rc <= 0)
		return rc;
	ra->changed = 1;
	return audit_append(ra->c, AEV_OPINION_RESOLVE, object_of(ra->c, ra->id), 1,
			    ra->person_id ? arena_printf(ra->c->a, "line %" PRId64 ": person/%" PRId64, ra->line_id,
							 ra->person_id)
					  : arena_printf(ra->c->a, "line %" PRId64 ": no record", ra->line_id));
}

int opinion_resolve(struct ctx *c, int64_t id, int64_t line_id, int64_t person_id, struct fielderr *fe)
{
	struct resolve_arg ra = { .c = c, .id = id, .line_id = line_id, .person_id = person_id };
	struct opinion_line l;
	int rc = line_in_state(c, id, line_id, "draft", fe, "核查后不能再更改人员匹配", &l);

	if (rc != RES_DONE)
		return rc;
	if (person_id > 0) {
		struct person p;
		if ((rc = person_pick(c, person_id, &p)) != RES_DONE) {
			if (rc == RES_NOT_FOUND)
				fielderr_add(fe, "person_id", "所选人员不存在");
			return rc == RES_NOT_FOUND ? RES_INVALID : rc;
		}
	}
	if (store_tx(c->db, resolve_tx, &ra) < 0)
		return RES_STORE;
	return RES_DONE;
}

/* ---- the rule ------------------------------------------------------------------- */

/* the measures of the outcome starting at f[i] ("党纪警告、政务记过"): the next index */
static int outcome_words(struct arena *a, const struct opinion_fact *f, int n, int i, struct strbuf *sb)
{
	int k = i;

	for (; k < n && f[k].kind == OPF_OUTCOME && f[k].ref == f[i].ref; k++) {
		const struct measure *m = measure_find(f[k].measure);
		if (k > i)
			strbuf_addstr(sb, "、");
		/* 党内警告, 开除党籍; 政务记过, 政务警告 */
		if (m && m->kind == MEASURE_PARTY && !strstr(m->label, "党"))
			strbuf_addstr(sb, "党内");
		else if (m && m->kind == MEASURE_GOV && !strstr(m->label, "政务"))
			strbuf_addstr(sb, "政务");
		strbuf_addstr(sb, m ? m->label : f[k].measure);
	}
	(void)a;
	return k;
}

const char *opinion_decide(struct arena *a, const struct opinion_fact *f, int n, const char *day,
			   const char **reason)
{
	struct strbuf sb = STRBUF_INIT;
	int under_case = 0, open_clue = 0, running = 0, ended = 0;
	const char *code;

	for (int i = 0; i < n;) {
		if (sb.len)
			strbuf_addstr(&sb, "；");
		if (f[i].kind == OPF_CASE) {
			under_case = 1;
			strbuf_addf(&sb, "%s立案审查调查，尚未办结", f[i].day);
			i++;
		} else if (f[i].kind == OPF_CLUE) {
			open_clue = 1;
			strbuf_addf(&sb, "有问题线索正在处置（%s受理）", f[i].day);
			i++;
		} else if (f[i].kind == OPF_REPORT) {
			open_clue = 1;
			strbuf_addf(&sb, "有信访举报正在办理（%s收到）", f[i].day);
			i++;
		} else {
			const struct opinion_fact *o = &f[i];
			strbuf_addf(&sb, "%s受到", o->day);
			i = outcome_words(a, f, n, i, &sb);
			if (!*o->until) {
				if (o->sanctioned)
					ended = 1;
			} else if (!strcmp(o->until, OUTCOME_PERMANENT)) {
				running = 1;
				strbuf_addstr(&sb, "，不得提拔（无期限）");
			} else if (strcmp(o->until, day) > 0) {
				running = 1;
				strbuf_addf(&sb, "，影响期至%s", o->until);
			} else {
				ended = 1;
				strbuf_addf(&sb, "，影响期已于%s届满", o->until);
			}
		}
	}
	code = under_case ? "under_case" : open_clue ? "open_clue" : running ? "period_running"
	       : ended ? "period_ended" : "none_found";
	if (!sb.len)
		strbuf_addstr(&sb, "未发现问题线索、在办案件和处分处理记录");
	*reason = arena_strdup(a, sb.buf);
	strbuf_release(&sb);
	return code;
}

struct check_arg {
	struct ctx *c;
	int64_t id;
	const char *day;
	const char *from;
	int n;
};

/* The proposals of the request's lines on day, written (one line: only >
 * 0, else every line): the lines of the request, or -1. */
static int propose_tx(struct ctx *c, struct store *s, int64_t id, const char *day, int64_t only)
{
	struct opinion_line *l;
	struct opinion_fact *f;
	struct opinion_proposal *p;
	int nl = store_opinion_lines(s, c->a, id, &l);
	int nf = store_opinion_facts(s, c->a, id, day, &f);
	int j = 0, np = 0;

	if (nl < 0 || nf < 0)
		return -1;
	p = arena_alloc(c->a, sizeof(*p) * (size_t)(nl + 1));
	for (int i = 0; i < nl; i++) {
		int k = j;
		while (j < nf && f[j].line_id < l[i].id)
			j++;
		for (k = j; k < nf && f[k].line_id == l[i].id; k++)
			;
		if (only > 0 && l[i].id != only) {
			j = k;
			continue;
		}
		p[np].line_id = l[i].id;
		if (!strcmp(l[i].matched, "no_record")) {
			p[np].code = "none_found";
			p[np].reason = "本委人员信息库中无该同志记录，未发现问题线索、在办案件和处分处理记录";
		} else {
			p[np].code = opinion_decide(c->a, f + j, k - j, day, &p[np].reason);
		}
		np++;
		j = k;
	}
	return store_opinion_propose(s, id, p, np) < 0 ? -1 : nl;
}

static int check_tx(struct store *s, void *arg)
{
	struct check_arg *ka = arg;
	struct ctx *c = ka->c;
	int nl = propose_tx(c, s, ka->id, ka->day, 0);

	if (nl < 0)
		return -1;
	ka->n = nl;
	if (store_opinion_set_state(s, ka->id, ka->from, "checked", ka->day, NULL, NULL) != 1)
		return -1;
	return audit_append(c, AEV_OPINION_CHECK, object_of(c, ka->id), 1,
			    arena_printf(c->a, "%d cadres on %s", nl, ka->day));
}

int opinion_check(struct ctx *c, int64_t id, const char *day, struct fielderr *fe)
{
	struct opinion_request q;
	struct check_arg ka = { .c = c, .id = id, .day = day };
	int rc = in_state(c, id, &q, "draft", "checked", fe, "已确认的回复不能重新核查");

	if (rc != RES_DONE)
		return rc;
	if (!day || date_parse(day) == QF_DAY_NONE)
		fielderr_add(fe, "day", fielderr_date_msg(day, "核查日期格式应为 YYYY-MM-DD"));
	else if (strcmp(day, q.received) < 0)
		fielderr_add(fe, "day", "核查日期不能早于收函日期");
	if (!strcmp(q.state, "draft") && q.n_pending > 0)
		fielderr_add(fe, "lines", arena_printf(c->a, "还有%" PRId64 "人未找到或待确认，请先逐一处理", q.n_pending));
	if (fe->n)
		return RES_INVALID;
	ka.from = q.state;
	return store_tx(c->db, check_tx, &ka) < 0 ? RES_STORE : RES_DONE;
}

/* ---- a person made from a line that found nobody ------------------------------- */

int opinion_line_may_create(const struct opinion_request *q, const struct opinion_line *l)
{
	/* 待确认 lines are resolved by choosing among their candidates; a
	 * line answered as no record may still be made a person if it found
	 * nobody (no candidates): store_opinion_line_created guards the same */
	return (!strcmp(q->state, "draft") || !strcmp(q->state, "checked")) && !l->opinion &&
	       (!strcmp(l->matched, "none") || (!strcmp(l->matched, "no_record") && l->candidates == 0));
}

struct make_arg {
	struct ctx *c;
	int64_t id, line_id;
	struct person *p;
	const char *idnum;
	const char *day;            /* the request's reply day, NULL in draft */
	struct fielderr *fe;
	int64_t person_id;
	int gone;                   /* the line was decided meanwhile */
};

static int make_tx(struct store *s, void *arg)
{
	struct make_arg *ma = arg;
	struct ctx *c = ma->c;
	int rc;

	ma->person_id = person_insert_in_tx(c, ma->p, ma->idnum, ma->fe);
	if (ma->person_id < 0)
		return -1;
	if ((rc = store_opinion_line_created(s, ma->id, ma->line_id, ma->person_id)) <= 0) {
		ma->gone = rc == 0;
		return -1;      /* the person goes with the rollback */
	}
	/* a checked request's line is checked again on its reply day */
	if (ma->day && propose_tx(c, s, ma->id, ma->day, ma->line_id) < 0)
		return -1;
	return audit_append(c, AEV_OPINION_PERSON, object_of(c, ma->id), 1,
			    arena_printf(c->a, "line %" PRId64 ": person/%" PRId64 "%s", ma->line_id, ma->person_id,
					 ma->day ? arena_printf(c->a, ", checked again on %s", ma->day) : ""));
}

int opinion_person_line(struct ctx *c, int64_t id, int64_t line_id, struct opinion_request *q,
			struct opinion_line *l, struct fielderr *fe)
{
	int rc;

	/* who writes the request and may register persons (the route asks
	 * the first; the unit's jurisdiction is person_check_new's) */
	if (!authz_has(&c->who, PERM_OPINION_WRITE) || !authz_has(&c->who, PERM_PERSON_WRITE)) {
		audit_record(c, AEV_ACCESS_DENIED, object_of(c, id), 0, "may not make persons from opinion lines");
		return RES_NOT_FOUND;
	}
	if ((rc = opinion_get(c, id, q)) != RES_DONE)
		return rc;
	if ((rc = res_from_store(store_opinion_line_get(c->db, c->a, id, line_id, l))) != RES_DONE)
		return rc;
	if (!opinion_line_may_create(q, l)) {
		fielderr_add(fe, "line_id", !strcmp(l->matched, "ambiguous")
			     ? "该行有多名同名人员，请从中选择，不能新建"
			     : "只有未找到人员且尚未确认意见的一行可以新建人员");
		return RES_INVALID;
	}
	return RES_DONE;
}

int64_t opinion_create_person(struct ctx *c, int64_t id, int64_t line_id, struct person *p, const char *id_number,
			      struct fielderr *fe)
{
	struct make_arg ma = { .c = c, .id = id, .line_id = line_id, .p = p, .idnum = id_number, .fe = fe };
	struct opinion_request q;
	struct opinion_line l;
	int rc = opinion_person_line(c, id, line_id, &q, &l, fe);

	if (rc != RES_DONE)
		return rc;
	/* the ID number is not kept, only its key: the one typed must be the list's */
	if (l.id_mac) {
		const char *key = id_number && *id_number ? person_id_key(c, id_number) : NULL;
		if (!id_number || !*id_number)
			fielderr_add(fe, "id_number", "来函名单提供了身份证号码，请照来函填写");
		else if (key && strcmp(key, l.id_mac))
			fielderr_add(fe, "id_number", "身份证号码与来函名单中的不一致");
	}
	if ((rc = person_check_new(c, p, id_number, fe)) != RES_DONE)
		return rc;
	if (!strcmp(q.state, "checked"))
		ma.day = q.reply_day;
	rc = store_tx(c->db, make_tx, &ma);
	if (ma.gone)
		fielderr_add(fe, "line_id", "该行已由他人处理，请刷新页面");
	if (fe->n)
		return RES_INVALID;
	return rc < 0 ? RES_STORE : ma.person_id;
}

struct confirm_arg {
	struct ctx *c;
	int64_t id, line_id;        /* line 0: every line as proposed */
	const char *code, *note;
	int changed;
};

static int confirm_tx(struct store *s, void *arg)
{
	struct confirm_arg *ca = arg;
	struct ctx *c = ca->c;
	int64_t left;
	int rc = ca->line_id ? store_opinion_line_confirm(s, ca->id, ca->line_id, ca->code, ca->note, c->who.id)
			     : store_opinion_confirm_all(s, ca->id, c->who.id);

	if (rc < 0)
		return -1;
	ca->changed = rc;
	if (ca->line_id && !rc)
		return 0;
	if (audit_append(c, AEV_OPINION_CONFIRM, object_of(c, ca->id), 1,
			 ca->line_id ? arena_printf(c->a, "line %" PRId64 ": %s%s%s", ca->line_id, ca->code,
						    *ca->note ? " · " : "", ca->note)
				     : arena_printf(c->a, "%d lines as proposed", rc)) < 0)
		return -1;
	if ((left = store_opinion_unconfirmed(s, ca->id)) < 0)
		return -1;
	if (!left && store_opinion_set_state(s, ca->id, "checked", "confirmed", NULL, NULL, NULL) < 0)
		return -1;
	return 0;
}

int opinion_confirm(struct ctx *c, int64_t id, int64_t line_id, const char *code, const char *note,
		    struct fielderr *fe)
{
	struct confirm_arg ca = { .c = c, .id = id, .line_id = line_id, .code = code, .note = note ? note : "" };
	struct opinion_line l;
	int rc = line_in_state(c, id, line_id, "checked", fe, "只有待确认的回复可以确认意见", &l);

	if (rc != RES_DONE)
		return rc;
	if (!code || !label_of(opinion_codes, code))
		fielderr_add(fe, "opinion", "请选择回复意见");
	else if (l.proposed && strcmp(code, l.proposed) && !*ca.note)
		fielderr_add(fe, "note", "与建议意见不同时须填写理由");
	fielderr_len(c->a, fe, "note", "理由", ca.note, OPINION_NOTE_MAX);
	if (fe->n)
		return RES_INVALID;
	if (store_tx(c->db, confirm_tx, &ca) < 0)
		return RES_STORE;
	return RES_DONE;
}

int opinion_confirm_all(struct ctx *c, int64_t id, struct fielderr *fe)
{
	struct confirm_arg ca = { .c = c, .id = id, .note = "" };
	struct opinion_request q;
	int rc = in_state(c, id, &q, "checked", NULL, fe, "只有待确认的回复可以确认意见");

	if (rc != RES_DONE)
		return rc;
	return store_tx(c->db, confirm_tx, &ca) < 0 ? RES_STORE : RES_DONE;
}

struct reply_arg {
	struct ctx *c;
	const struct opinion_request *q;
	const char *number;
};

static int reply_tx(struct store *s, void *arg)
{
	struct reply_arg *ra = arg;
	struct ctx *c = ra->c;

	ra->number = numbering_next(c, s, "opinion_reply", ra->q->reply_day, NULL);
	if (!ra->number)
		return -1;
	if (store_opinion_set_state(s, ra->q->id, "confirmed", "replied", NULL, ra->number, ra->q->reply_day) != 1)
		return -1;
	return audit_append(c, AEV_OPINION_REPLY, object_of(c, ra->q->id), 1, ra->number);
}

int opinion_reply(struct ctx *c, int64_t id, struct fielderr *fe)
{
	struct opinion_request q;
	struct reply_arg ra = { .c = c, .q = &q };
	int rc = in_state(c, id, &q, "confirmed", NULL, fe, "每一名干部的意见确认后才能出具回复函");

	if (rc != RES_DONE)
		return rc;
	return store_tx(c->db, reply_tx, &ra) < 0 ? RES_STORE : RES_DONE;
}

/* ---- the home page: requests due (回复期限) ------------------------------------ */

static int opinion_todo(struct ctx *c, struct todo_acc *acc)
{
	struct opinion_request *v;
	char last[16];
	int n;

	if (!authz_has(&c->who, PERM_OPINION_WRITE))       /* the office that replies */
		return 0;
	date_format(acc->soon_last, last);
	n = store_opinions_due(c->db, c->a, last, 500, &v);
	for (int i = 0; i < n; i++) {
		struct todo *t = todo_add(c, acc, "意见回复期限", date_parse(v[i].received));

		t->kind = TODO_CLOCK;
		t->due = date_parse(v[i].due);
		t->state = clock_state(c->cal, t->due, QF_DAY_NONE, acc->today);
		if (t->state != CLOCK_OVERDUE && t->state != CLOCK_DUE_SOON) {
			acc->n--;
			continue;
		}
		t->object = arena_printf(c->a, "征求意见函 %s（%" PRId64 "人，%s）", v[i].letter_no, v[i].n_lines,
					 label_of(opinion_states, v[i].state));
		t->href = arena_printf(c->a, "/opinions/%" PRId64, v[i].id);
		t->office = v[i].requester;
		todo_counted(c, acc, t);
	}
	return n < 0 ? -1 : 0;
}
QF_TODO_PROVIDER(opinion_todo_provider, 75, PERM_OPINION_READ, opinion_todo);

/* ---- statistics (DOMAIN.md section 6; docs/statistics.md) ---------------- */

static const struct metric_def metric_replies = {
	.key = "opinion_replies",
	.zh = "党风廉政意见回复（份）",
	.en = "integrity opinion reply letters sent in the period (the day replied)",
	.kind = METRIC_COUNT,
	.order = 180,
	.scopes = 0,
	.compute = store_metric_opinion_replies,
	.list = "/opinions?replied" };
QF_METRIC(&metric_replies);
static const struct metric_def metric_cadres = {
	.key = "opinion_cadres",
	.zh = "党风廉政意见回复干部（名）",
	.en = "cadres covered by the reply letters sent in the period",
	.kind = METRIC_COUNT,
	.order = 181,
	.scopes = 0,
	.compute = store_metric_opinion_cadres,
	.list = NULL };
QF_METRIC(&metric_cadres);

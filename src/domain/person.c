/*
 * person.c: validation, persistence and guarded reads of persons.
 *
 * The ID number is validated (GB 11643-1999: 17 digits, a birth date, the
 * ISO 7064 MOD 11-2 check character), stored encrypted with its place as
 * associated data, and looked up for duplicates through a keyed MAC, so
 * the database never holds it in clear.
 */
#include "domain/person.h"

#include <ctype.h>
#include <inttypes.h>
#include <string.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/date.h"
#include "core/escape.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/find.h"
#include "domain/labels.h"
#include "domain/result.h"
#include "domain/role.h"
#include "store/q_persons.h"
#include "store/q_units.h"

/* the type of the objects its audit entries name (audit_events.h) */
QF_AUDIT_OBJECT(person, "人员");

/* the codes of its fields and their Chinese names (labels.h) */
const struct label person_ranks[] = {
	{ "county", "处级" },
	{ "section", "科级" },
	{ "staff", "一般干部" },
	{ "village", "村干部" },
	{ "other", "其他" },
	{ NULL, NULL }
};


const struct label person_genders[] = {
	{ "male", "男" },
	{ "female", "女" },
	{ NULL, NULL }
};

/* 民族: the codes and names of GB/T 3304-1991 《中国各民族名称的罗马字母
 * 拼写法和代码》 (the two-digit code of the personnel records), 97 and 98
 * as there. */
const struct label person_ethnicities[] = {
	{ "01", "汉族" }, { "02", "蒙古族" }, { "03", "回族" }, { "04", "藏族" },
	{ "05", "维吾尔族" }, { "06", "苗族" }, { "07", "彝族" }, { "08", "壮族" },
	{ "09", "布依族" }, { "10", "朝鲜族" }, { "11", "满族" }, { "12", "侗族" },
	{ "13", "瑶族" }, { "14", "白族" }, { "15", "土家族" }, { "16", "哈尼族" },
	{ "17", "哈萨克族" }, { "18", "傣族" }, { "19", "黎族" }, { "20", "傈僳族" },
	{ "21", "佤族" }, { "22", "畲族" }, { "23", "高山族" }, { "24", "拉祜族" },
	{ "25", "水族" }, { "26", "东乡族" }, { "27", "纳西族" }, { "28", "景颇族" },
	{ "29", "柯尔克孜族" }, { "30", "土族" }, { "31", "达斡尔族" }, { "32", "仫佬族" },
	{ "33", "羌族" }, { "34", "布朗族" }, { "35", "撒拉族" }, { "36", "毛南族" },
	{ "37", "仡佬族" }, { "38", "锡伯族" }, { "39", "阿昌族" }, { "40", "普米族" },
	{ "41", "塔吉克族" }, { "42", "怒族" }, { "43", "乌孜别克族" }, { "44", "俄罗斯族" },
	{ "45", "鄂温克族" }, { "46", "德昂族" }, { "47", "保安族" }, { "48", "裕固族" },
	{ "49", "京族" }, { "50", "塔塔尔族" }, { "51", "独龙族" }, { "52", "鄂伦春族" },
	{ "53", "赫哲族" }, { "54", "门巴族" }, { "55", "珞巴族" }, { "56", "基诺族" },
	{ "97", "其他" }, { "98", "外国血统中国籍人士" },
	{ NULL, NULL }
};

int person_id_valid(const char *s)
{
	static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	static const char check[] = "10X98765432";
	char date[11];
	int sum = 0;

	if (!s || strlen(s) != 18)
		return 0;
	for (int i = 0; i < 17; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
		sum += (s[i] - '0') * w[i];
	}
	memcpy(date, s + 6, 4);
	date[4] = '-';
	memcpy(date + 5, s + 10, 2);
	date[7] = '-';
	memcpy(date + 8, s + 12, 2);
	date[10] = '\0';
	if (date_parse(date) == QF_DAY_NONE)
		return 0;
	return toupper((unsigned char)s[17]) == check[sum % 11];
}

void person_id_mask(const char *id, struct strbuf *out)
{
	size_t n = id ? strlen(id) : 0;

	for (size_t i = 0; i < n; i++)
		strbuf_addch(out, i < 4 || i + 4 >= n ? id[i] : '*');
}

static void id_lookup_mac(const struct qf_keys *k, const char *id, struct strbuf *out)
{
	unsigned char sub[32], mac[32];
	char hex[65];
	int (*h)(const void *, size_t, const void *, size_t, unsigned char *) =
		k->national ? hmac_sm3 : hmac_sha256;

	/* a sub-key for lookups, so the encryption key is used for one thing */
	h(k->field_key, sizeof(k->field_key), "qf-idnum-lookup", 15, sub);
	h(sub, sizeof(sub), id, strlen(id), mac);
	hex_encode(mac, sizeof(mac), hex);
	strbuf_addstr(out, hex);
}

const char *person_id_key(struct ctx *c, const char *id)
{
	struct strbuf mac = STRBUF_INIT;
	char upper[19];
	const char *out;

	if (!person_id_valid(id))
		return NULL;
	for (int i = 0; i < 18; i++)
		upper[i] = (char)toupper((unsigned char)id[i]);
	upper[18] = '\0';
	id_lookup_mac(c->keys, upper, &mac);
	out = arena_strdup(c->a, mac.buf);
	strbuf_release(&mac);
	return out;
}

/* The associated data binding an ID number's ciphertext to its row, so it
 * cannot be moved to another person unnoticed. */
static const char *id_ad(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "persons.id_number/%" PRId64, id);
}

static const char *person_obj(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "person/%" PRId64, id);
}

int person_pick(struct ctx *c, int64_t id, struct person *p)
{
	int rc = store_person_get(c->db, c->a, id, p);

	if (rc == 1)
		rc = authz_unit(c, p->unit_id, arena_printf(c->a, "person/%" PRId64, p->id));
	return res_from_store(rc);
}

int person_get(struct ctx *c, int64_t id, struct person *p)
{
	const char *obj = person_obj(c, id);
	int rc = store_person_get(c->db, c->a, id, p);

	if (rc <= 0)
		return res_from_store(rc);
	rc = authz_unit(c, p->unit_id, obj);
	if (rc <= 0)
		return res_from_store(rc);
	/* the object names the record; names stay out of the log, which the
	 * audit admin (who has no access to persons) reads */
	if (audit_record(c, AEV_READ, obj, 1, "") < 0)
		return RES_STORE;
	return 1;
}

int person_list(struct ctx *c, struct person_filter *lq, struct person **out, int64_t *total)
{
	lq->scope_user = authz_scope_user(c);
	*total = store_person_count(c->db, lq);
	if (*total < 0)
		return -1;
	return store_person_list(c->db, c->a, lq, out);
}

int person_id_number(struct ctx *c, const struct person *p, struct strbuf *out)
{
	if (!p->id_number_enc || !authz_has(&c->who, PERM_PERSON_IDNUM))
		return 0;
	return field_decrypt(c->keys, id_ad(c, p->id), p->id_number_enc, out) == 0 ? 1 : -1;
}

/* A day field: empty, or a real date not after today; "" for NULL. */
static int day_ok(const char *d)
{
	qf_day day;

	if (!d || !*d)
		return 1;
	day = date_parse(d);
	return day != QF_DAY_NONE && day <= date_today();
}

/* The personnel record's fields (0034). */
static void validate_record(struct person *p, struct fielderr *fe)
{
	if (p->gender && *p->gender && !label_of(person_genders, p->gender))
		fielderr_add(fe, "gender", "请选择性别");
	if (p->ethnicity && *p->ethnicity && !label_of(person_ethnicities, p->ethnicity))
		fielderr_add(fe, "ethnicity", "请从列表中选择民族");
	if (!day_ok(p->birth_date))
		fielderr_add(fe, "birth_date", fielderr_date_msg(p->birth_date, "出生日期应为不晚于今天的日期（YYYY-MM-DD）"));
	if (!day_ok(p->party_joined))
		fielderr_add(fe, "party_joined", fielderr_date_msg(p->party_joined, "入党时间应为不晚于今天的日期（YYYY-MM-DD）"));
	else if (p->party_joined && *p->party_joined && p->birth_date && *p->birth_date &&
		 strcmp(p->party_joined, p->birth_date) <= 0)
		fielderr_add(fe, "party_joined", "入党时间应晚于出生日期");
	if (!day_ok(p->post_from))
		fielderr_add(fe, "post_from", fielderr_date_msg(p->post_from, "任职日期应为不晚于今天的日期（YYYY-MM-DD）"));
}

/* Adds the messages of p's fields to fe: 0, or RES_STORE when the unit
 * lookup failed (503/500, not "no such unit").  audited: a unit outside
 * the jurisdiction is audited (authz_unit); inside a transaction it is
 * not (audit_record opens its own, and the caller checked before). */
static int validate(struct ctx *c, struct person *p, const char *id_number, struct fielderr *fe, int audited)
{
	size_t n = p->name ? utf8_len(p->name) : 0;

	if (n == 0)
		fielderr_add(fe, "name", "请填写姓名");
	else
		fielderr_len(c->a, fe, "name", "姓名", p->name, 50);
	fielderr_len(c->a, fe, "position", "职务", p->position, 100);
	if (!label_of(person_ranks, p->rank))
		fielderr_add(fe, "rank", "请选择职级");
	if (!p->unit_id) {
		fielderr_add(fe, "unit_id", "请选择所在单位");
	} else {
		struct unit u;
		int rc = store_unit_get(c->db, c->a, p->unit_id, &u);

		if (rc > 0)
			rc = audited ? authz_unit(c, p->unit_id, arena_printf(c->a, "unit/%" PRId64, p->unit_id))
				     : store_unit_visible(c->db, authz_scope_user(c), p->unit_id);
		if (rc < 0)
			return RES_STORE;
		if (rc != 1)
			fielderr_add(fe, "unit_id", "所选单位不存在");
	}
	if (id_number && *id_number && !person_id_valid(id_number))
		fielderr_add(fe, "id_number", "身份证号码格式不正确（18位，末位校验码）");
	validate_record(p, fe);
	return 0;
}

/* Checks that no other person holds this ID number.  A holder outside the
 * actor's jurisdiction is not named, and the probe is audited (audited
 * as validate). */
static void check_duplicate(struct ctx *c, struct person *p, const char *mac, struct fielderr *fe, int audited)
{
	int64_t other = store_person_by_idmac(c->db, mac, p->id);
	struct person o;

	if (other <= 0)
		return;
	if (store_person_get(c->db, c->a, other, &o) == 1 &&
	    store_unit_visible(c->db, authz_scope_user(c), o.unit_id) == 1) {
		fielderr_add(fe, "id_number", "该身份证号码已登记在其他人员名下");
		return;
	}
	if (audited)
		audit_record(c, AEV_ACCESS_DENIED, person_obj(c, other), 0,
			     "ID number already held outside the jurisdiction");
	fielderr_add(fe, "id_number", "该身份证号码已登记在您管辖范围以外的人员名下，请联系案件监督管理室");
}

struct save_arg {
	struct ctx *c;
	struct person *p;
	const char *idnum;      /* new clear ID number, "" to clear, NULL to keep */
	const char *mac;
	char upper[19];         /* the ID number given, its x as X */
	int64_t id;
	int moved;              /* an update changing the unit or the post */
	const char *open_start; /* the open post's start, NULL not known */
	int refused;            /* the move is dated before the open post began */
};

/* The checks of a save (p->id 0: a new person): the record's fields, the
 * ID number's key and its holders; sa filled for the write.  RES_DONE,
 * RES_INVALID (messages in fe, added to the caller's), RES_STORE. */
static int prepare(struct ctx *c, struct person *p, const char *id_number, struct fielderr *fe,
		   struct save_arg *sa, int audited)
{
	*sa = (struct save_arg){ .c = c, .p = p, .idnum = id_number };
	p->region = c->cfg->region;
	if (!p->id)
		p->id_number_enc = p->id_number_mac = NULL;
	if (validate(c, p, id_number, fe, audited) < 0)   /* adds to what the caller found */
		return RES_STORE;
	if (id_number && *id_number && !fe->n) {
		struct strbuf mac = STRBUF_INIT;

		for (int i = 0; i < 18; i++)
			sa->upper[i] = (char)toupper((unsigned char)id_number[i]);
		sa->upper[18] = '\0';
		id_lookup_mac(c->keys, sa->upper, &mac);
		sa->idnum = sa->upper;
		sa->mac = arena_strdup(c->a, mac.buf);
		strbuf_release(&mac);
		check_duplicate(c, p, sa->mac, fe, audited);
	}
	return fe->n ? RES_INVALID : RES_DONE;
}

/* The post history: a new person holds the post given from post_from
 * (NULL: not known); a move ends the open post on the day given (today
 * by default) and starts the new one that day. */
static int posts_tx(struct store *s, struct save_arg *sa, int creating)
{
	struct ctx *c = sa->c;
	const struct person *p = sa->p;
	char today[11];
	const char *day = p->post_from && *p->post_from ? p->post_from : date_format(date_today(), today);

	if (creating)
		return store_person_post_start(s, sa->id, p->unit_id, p->position, p->post_from, c->now) < 0
		       ? -1 : 0;
	if (!sa->moved)
		return 0;
	if (sa->open_start && strcmp(day, sa->open_start) < 0) {
		sa->refused = 1;
		return -1;
	}
	if (store_person_post_end(s, sa->id, day) < 0)
		return -1;
	return store_person_post_start(s, sa->id, p->unit_id, p->position, day, c->now) < 0 ? -1 : 0;
}

/* The write of a prepared save, inside a transaction: the row, its posts,
 * the ID number, the audit entry. */
static int write_tx(struct store *s, struct save_arg *sa)
{
	struct ctx *c = sa->c;
	int creating = sa->p->id == 0;

	if (creating)
		sa->id = store_person_insert(s, sa->p, c->now);
	else
		sa->id = store_person_update(s, sa->p, c->now) < 0 ? -1 : sa->p->id;
	if (sa->id < 0 || posts_tx(s, sa, creating) < 0)
		return -1;
	if (sa->idnum && *sa->idnum) {
		/* encrypted once the row id is known: the ciphertext is bound to it */
		struct strbuf enc = STRBUF_INIT;
		int rc = field_encrypt(c->keys, id_ad(c, sa->id), sa->idnum, strlen(sa->idnum), &enc);
		if (rc == 0)
			rc = store_person_set_idnum(s, sa->id, enc.buf, sa->mac);
		if (rc == 0)    /* the tails' keyed MACs, for the pickers (find.c) */
			rc = find_tails_set(c, s, sa->id, sa->idnum);
		strbuf_release(&enc);
		if (rc < 0)
			return rc;
	} else if (sa->idnum && (store_person_set_idnum(s, sa->id, NULL, NULL) < 0 ||
				 find_tails_set(c, s, sa->id, NULL) < 0)) {
		return -1;
	}
	return audit_append(c, creating ? AEV_CREATE : AEV_UPDATE, person_obj(c, sa->id), 1, "");
}

static int save_tx(struct store *s, void *arg)
{
	return write_tx(s, arg);
}

int person_check_new(struct ctx *c, struct person *p, const char *id_number, struct fielderr *fe)
{
	struct save_arg sa;

	p->id = 0;
	return prepare(c, p, id_number, fe, &sa, 1);
}

int64_t person_insert_in_tx(struct ctx *c, struct person *p, const char *id_number, struct fielderr *fe)
{
	struct save_arg sa;
	int rc;

	p->id = 0;
	/* again under the write lock, so nobody registers the ID number
	 * between the check and the insert; unaudited (person_check_new) */
	if ((rc = prepare(c, p, id_number, fe, &sa, 0)) != RES_DONE)
		return rc;
	if (write_tx(c->db, &sa) < 0)
		return RES_STORE;
	return sa.id;
}

struct insert_arg {
	struct ctx *c;
	struct person *p;
	const char *idnum;
	struct fielderr *fe;
	int64_t id;
};

static int insert_tx(struct store *s, void *arg)
{
	struct insert_arg *ia = arg;

	(void)s;
	ia->id = person_insert_in_tx(ia->c, ia->p, ia->idnum, ia->fe);
	return ia->id < 0 ? -1 : 0;
}

/* A new person: the audited checks, then person_insert_in_tx in its own
 * transaction. */
static int64_t person_create(struct ctx *c, struct person *p, const char *id_number, struct fielderr *fe)
{
	struct insert_arg ia = { .c = c, .p = p, .idnum = id_number, .fe = fe };
	int rc = person_check_new(c, p, id_number, fe);

	if (rc != RES_DONE)
		return rc;
	/* the transaction checks again under the write lock: an ID number
	 * registered by someone else in between is a message, not a
	 * constraint error */
	rc = store_tx(c->db, insert_tx, &ia);
	if (fe->n)
		return RES_INVALID;
	return rc < 0 ? RES_STORE : ia.id;
}

int64_t person_save(struct ctx *c, struct person *p, const char *id_number, struct fielderr *fe)
{
	struct save_arg sa;
	struct person old;
	int rc;

	if (!p->id)
		return person_create(c, p, id_number, fe);
	rc = store_person_get(c->db, c->a, p->id, &old);
	if (rc > 0)
		rc = authz_unit(c, old.unit_id, person_obj(c, p->id));
	if (rc <= 0)
		return rc < 0 ? RES_STORE : RES_NOT_FOUND;
	/* the row keeps its ID number unless this save sets or clears it */
	p->id_number_enc = old.id_number_enc;
	p->id_number_mac = old.id_number_mac;
	rc = prepare(c, p, id_number, fe, &sa, 1);
	if (rc != RES_DONE)
		return rc;
	/* a move between units or posts keeps the history (0034) */
	sa.moved = old.unit_id != p->unit_id || strcmp(old.position, p->position ? p->position : "");
	if (sa.moved) {
		struct person_post *t;
		int nt = store_person_posts(c->db, c->a, p->id, &t);
		if (nt < 0)
			return RES_STORE;
		if (nt > 0 && !t[nt - 1].end_day)
			sa.open_start = t[nt - 1].start_day;
	}
	rc = store_tx(c->db, save_tx, &sa);
	if (sa.refused) {
		fielderr_add(fe, "post_from", arena_printf(c->a, "任职变动日期不能早于现任职务的起始日期（%s）",
							    sa.open_start));
		return RES_INVALID;
	}
	if (rc == STORE_CONSTRAINT) {
		/* registered by someone else between the check and the write */
		fielderr_add(fe, "id_number", "该身份证号码已登记在其他人员名下");
		return RES_INVALID;
	}
	if (rc < 0)
		return RES_STORE;
	return sa.id;
}

int person_posts(struct ctx *c, const struct person *p, struct person_post **out)
{
	int n = store_person_posts(c->db, c->a, p->id, out);

	return n < 0 ? RES_STORE : n;
}

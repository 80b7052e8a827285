/*
 * attach.c: the attachment store (see attach.h; docs/security.md
 * "Attachments" for the threat model).
 *
 * On disk: one file per original and one per thumbnail in the attachments
 * folder (config attach_dir), named "a" or "t" + 32 random bytes in
 * base64url + ".qfa": nothing of the upload's name or content.  Each holds
 * the text form of field_encrypt (crypto.h: XChaCha20-Poly1305, or
 * SM4-CTR + HMAC-SM3 on a national key file) with the associated data
 * "attachment:<type>/<record id>:<file name>", so a file copied under
 * another row, or another record's row pointed at it, does not decrypt.
 * A file is written to a temporary name, fsynced and renamed before its
 * row commits, and removed again when the row does not: a crash leaves at
 * worst an unreferenced file, never a row without its file.  Rows are
 * never deleted (attach_withdraw).
 */
#include "domain/attach.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/crypto.h"
#include "core/fsutil.h"
#include "core/log.h"
#include "domain/audit.h"
#include "domain/authz.h"
#include "domain/ctx.h"
#include "domain/result.h"
#include "office/filetype.h"
#include "office/thumb.h"
#include "store/q_attach.h"
#include "store/store.h"

QF_AUDIT_EVENT(ATTACH_ADD, "attach_add", "上传附件");
QF_AUDIT_EVENT(ATTACH_DOWNLOAD, "attach_download", "下载附件");
QF_AUDIT_EVENT(ATTACH_WITHDRAW, "attach_withdraw", "撤回附件");
QF_AUDIT_OBJECT(attachment, "附件");

#define NAME_MAX_BYTES 255

const struct attach_kind *attach_kind_find(const char *type)
{
	QF_FOREACH(attach_kinds, const struct attach_kind, k)
		if (type && !strcmp((*k)->type, type))
			return *k;
	return NULL;
}

const struct attach_kind *attach_kind_of_path(const char *path, size_t len)
{
	QF_FOREACH(attach_kinds, const struct attach_kind, k)
		if (strlen((*k)->path) == len && !memcmp((*k)->path, path, len))
			return *k;
	return NULL;
}

int attach_visible(struct ctx *c, const struct attach_kind *k, int64_t obj_id)
{
	/* the record's pages need k->read: without it, as the server
	 * answers a route the role may not use, but 404 (no oracle) */
	if (!authz_has(&c->who, k->read)) {
		audit_record(c, AEV_ACCESS_DENIED, arena_printf(c->a, "%s/%" PRId64, k->type, obj_id), 0,
			     "role lacks permission");
		return RES_NOT_FOUND;
	}
	return k->visible(c, obj_id);
}

int attach_may_work(struct ctx *c, const struct attach_kind *k, int64_t obj_id)
{
	return k->may_work(c, obj_id);
}

static const char *obj_name(struct ctx *c, int64_t id)
{
	return arena_printf(c->a, "attachment/%" PRId64, id);
}

static const char *file_ad(struct ctx *c, const char *type, int64_t obj_id, const char *file)
{
	return arena_printf(c->a, "attachment:%s/%" PRId64 ":%s", type, obj_id, file);
}

static const char *file_path(struct ctx *c, const char *file)
{
	return arena_printf(c->a, "%s/%s", c->cfg->attach_dir, file);
}

/* A new random file name with the prefix ("a" original, "t" thumbnail). */
static const char *new_file_name(struct ctx *c, char prefix)
{
	char tok[QF_TOKEN_CHARS + 1];

	token_new(tok);
	return arena_printf(c->a, "%c%s.qfa", prefix, tok);
}

/* Writes data to dir/file through a temporary name, fsynced, then renamed
 * into place (the folder fsynced too): 0 or -1 (nothing left behind). */
static int write_file(struct ctx *c, const char *file, const struct strbuf *data)
{
	const char *path = file_path(c, file), *tmp = arena_printf(c->a, "%s.tmp", path);
	size_t done = 0;
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd < 0) {
		log_error("attachments: cannot create %s: %s", tmp, strerror(errno));
		return -1;
	}
	while (done < data->len) {
		ssize_t n = write(fd, data->buf + done, data->len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (done != data->len || fsync(fd) < 0) {
		log_error("attachments: cannot write %s: %s", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
	if (close(fd) < 0) {
		log_error("attachments: cannot write %s: %s", tmp, strerror(errno));
		unlink(tmp);
		return -1;
	}
	if (rename(tmp, path) < 0) {
		log_error("attachments: cannot rename %s: %s", tmp, strerror(errno));
		unlink(tmp);
		return -1;
	}
	fsutil_sync_dir(path);          /* best effort */
	return 0;
}

/* Encrypts pt under its place and writes it as file: 0 or -1. */
static int put_encrypted(struct ctx *c, const char *type, int64_t obj_id, const char *file,
			 const void *pt, size_t len)
{
	struct strbuf ct = STRBUF_INIT;
	int rc = -1;

	if (field_encrypt(c->keys, file_ad(c, type, obj_id, file), pt, len, &ct) == 0)
		rc = write_file(c, file, &ct);
	strbuf_release(&ct);
	return rc;
}

/* Reads and decrypts file into out: 0 or -1 (logged: a missing or altered
 * file is an operator's matter, not the user's). */
static int get_encrypted(struct ctx *c, const struct attachment *a, const char *file,
			 struct strbuf *out)
{
	struct strbuf ct = STRBUF_INIT;
	const char *path = file_path(c, file);
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t n;
	int rc = -1;

	if (!f) {
		log_error("attachments: cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		if (strbuf_add(&ct, buf, n) < 0)
			break;
	if (!ferror(f) && ct.buf &&
	    field_decrypt(c->keys, file_ad(c, a->obj_type, a->obj_id, file), ct.buf, out) == 0)
		rc = 0;
	else
		log_error("attachments: %s does not decrypt (altered, moved or another key)", path);
	fclose(f);
	strbuf_release(&ct);
	return rc;
}

/* The uploaded name, kept as metadata: the part after the last '/' or
 * '\\', at most NAME_MAX_BYTES (cut on a character boundary). */
static const char *clean_name(struct ctx *c, const char *name)
{
	const char *base = name ? name : "";
	size_t n;

	for (const char *p = base; *p; p++)
		if (*p == '/' || *p == '\\')
			base = p + 1;
	while (*base == ' ' || *base == '.')
		base++;
	n = strlen(base);
	if (n > NAME_MAX_BYTES) {
		n = NAME_MAX_BYTES;
		while (n && ((unsigned char)base[n] & 0xc0) == 0x80)
			n--;
	}
	return arena_strndup(c->a, base, n);
}

/* 1 when name ends in one of the type's extensions. */
static int ext_fits(const char *name, const struct filetype *t)
{
	const char *dot = strrchr(name, '.');
	size_t el;

	if (!dot || !t)
		return 0;
	el = strlen(dot);
	for (const char *e = t->exts; *e;) {
		size_t l = strcspn(e, " ");
		if (l == el && !strncasecmp(e, dot, l))
			return 1;
		e += l;
		while (*e == ' ')
			e++;
	}
	return 0;
}

const char *attach_download_name(struct ctx *c, const struct attachment *a)
{
	const struct filetype *t = filetype_find(a->ftype);
	const char *name = *a->name ? a->name : arena_printf(c->a, "附件%" PRId64, a->id);

	if (!t || ext_fits(name, t))
		return name;
	return arena_printf(c->a, "%s%.*s", name, (int)strcspn(t->exts, " "), t->exts);
}

struct add_arg {
	struct ctx *c;
	struct attachment *a;
	const char *label;
};

static int add_tx(struct store *s, void *arg)
{
	struct add_arg *x = arg;
	struct attachment *a = x->a;

	if ((a->id = store_attach_put(s, a)) < 0)
		return -1;
	return audit_append(x->c, AEV_ATTACH_ADD, obj_name(x->c, a->id), 1,
			    arena_printf(x->c->a, "%s/%" PRId64 "，%s，%" PRId64 " 字节，%s", a->obj_type,
					 a->obj_id, x->label, a->size, a->name));
}

/* The checks every caller shares, then the file and its row: in its own
 * transaction, or (in_tx) in the caller's. */
static int64_t store_upload(struct ctx *c, const struct attach_kind *k, int64_t obj_id,
			    const char *name, const void *data, size_t len, struct fielderr *fe,
			    int in_tx)
{
	const struct filetype *t;
	struct attachment a = { 0 };
	struct strbuf th = STRBUF_INIT;
	char sha[65];
	unsigned w = 0, h = 0;
	int rc;

	if (!data || len == 0) {
		fielderr_add(fe, "file", "请选择要上传的文件（文件不能为空）。");
		return RES_INVALID;
	}
	t = filetype_sniff(data, len);
	if (!t) {
		fielderr_add(fe, "file", arena_printf(c->a, "不接受此类文件：系统按文件内容判断类型（与文件名无关），"
						     "只接受 %s。", filetype_accepted()));
		return RES_INVALID;
	}
	if (!c->cfg->attach_dir) {
		log_error("attachments: no attachments folder configured");
		return RES_STORE;
	}
	sha256_hex(data, len, sha);
	a = (struct attachment){ .obj_type = k->type, .obj_id = obj_id, .name = clean_name(c, name),
				 .ftype = t->code, .size = (int64_t)len, .sha256 = sha,
				 .file = new_file_name(c, 'a'), .created_by = c->who.id,
				 .creator = c->who.name, .created_at = c->now };
	if (t->image && filetype_image_size(data, len, t, &w, &h) == 0) {
		a.width = (int)w;
		a.height = (int)h;
		if (thumb_make(data, len, t, &th) == 0 && th.len) {
			a.thumb = new_file_name(c, 't');
			a.thumb_size = (int64_t)th.len;
		}
	}
	if (put_encrypted(c, k->type, obj_id, a.file, data, len) < 0 ||
	    (a.thumb && put_encrypted(c, k->type, obj_id, a.thumb, th.buf, th.len) < 0)) {
		unlink(file_path(c, a.file));
		strbuf_release(&th);
		return RES_STORE;
	}
	strbuf_release(&th);
	rc = in_tx ? add_tx(c->db, &(struct add_arg){ c, &a, t->label })
		   : store_tx(c->db, add_tx, &(struct add_arg){ c, &a, t->label });
	if (rc < 0) {
		unlink(file_path(c, a.file));
		if (a.thumb)
			unlink(file_path(c, a.thumb));
		return RES_STORE;
	}
	return a.id;
}

int64_t attach_add(struct ctx *c, const struct attach_kind *k, int64_t obj_id, const char *name,
		   const void *data, size_t len, struct fielderr *fe)
{
	int rc = attach_visible(c, k, obj_id);

	if (rc <= 0)
		return rc;
	rc = k->may_work(c, obj_id);
	if (rc < 0)
		return RES_STORE;
	if (rc == 0) {
		fielderr_add(fe, "file", "您不能为此记录添加附件：只有办理此记录的人员可以上传。");
		return RES_INVALID;
	}
	return store_upload(c, k, obj_id, name, data, len, fe, 0);
}

int64_t attach_add_in_tx(struct ctx *c, const struct attach_kind *k, int64_t obj_id,
			 const char *name, const void *data, size_t len, struct fielderr *fe)
{
	return store_upload(c, k, obj_id, name, data, len, fe, 1);
}

int attach_list(struct ctx *c, const struct attach_kind *k, int64_t obj_id, struct attachment **out)
{
	int n = store_attach_list(c->db, c->a, k->type, obj_id, out);

	return n < 0 ? RES_STORE : n;
}

/* The attachment id and its record's visibility: RES_DONE with *a, else
 * RES_NOT_FOUND or RES_STORE. */
static int get_visible(struct ctx *c, int64_t id, struct attachment *a, const struct attach_kind **kp)
{
	const struct attach_kind *k;
	int rc = store_attach_get(c->db, c->a, id, a);

	if (rc < 0)
		return RES_STORE;
	if (rc == 0 || !(k = attach_kind_find(a->obj_type)))
		return RES_NOT_FOUND;
	rc = attach_visible(c, k, a->obj_id);
	if (rc <= 0)
		return rc;
	if (kp)
		*kp = k;
	return RES_DONE;
}

int attach_open(struct ctx *c, int64_t id, int thumb, struct attachment *a, struct strbuf *out)
{
	int rc = get_visible(c, id, a, NULL);

	if (rc <= 0)
		return rc;
	if (thumb && !a->thumb)
		return RES_NOT_FOUND;
	if (get_encrypted(c, a, thumb ? a->thumb : a->file, out) < 0)
		return RES_STORE;
	/* the originals are audited; a thumbnail is part of the record's page */
	if (!thumb && audit_record(c, AEV_ATTACH_DOWNLOAD, obj_name(c, id), 1,
				   arena_printf(c->a, "%s/%" PRId64 "，%s", a->obj_type, a->obj_id,
						a->name)) < 0)
		return RES_STORE;
	return RES_DONE;
}

struct withdraw_arg {
	struct ctx *c;
	const struct attachment *a;
	const char *reason;
	int changed;
};

static int withdraw_tx(struct store *s, void *arg)
{
	struct withdraw_arg *x = arg;
	int rc = store_attach_withdraw(s, x->a->id, x->c->now, x->c->who.name, x->reason);

	if (rc <= 0)
		return rc;
	x->changed = 1;
	return audit_append(x->c, AEV_ATTACH_WITHDRAW, obj_name(x->c, x->a->id), 1,
			    arena_printf(x->c->a, "%s/%" PRId64 "，%s，原因：%s", x->a->obj_type,
					 x->a->obj_id, x->a->name, x->reason));
}

int attach_withdraw(struct ctx *c, int64_t id, const char *reason, struct attachment *a,
		    struct fielderr *fe)
{
	const struct attach_kind *k = NULL;
	struct attachment found;
	struct withdraw_arg x = { c, a, reason, 0 };
	int rc = get_visible(c, id, &found, &k);

	if (rc <= 0)
		return rc;
	*a = found;
	rc = k->may_work(c, a->obj_id);
	if (rc < 0)
		return RES_STORE;
	if (rc == 0)
		fielderr_add(fe, "reason", "只有办理此记录的人员可以撤回附件。");
	else if (a->withdrawn_at)
		fielderr_add(fe, "reason", "此附件已撤回。");
	else if (!reason || !*reason)
		fielderr_add(fe, "reason", "请填写撤回原因。");
	if (fe->n)
		return RES_INVALID;
	if (store_tx(c->db, withdraw_tx, &x) < 0)
		return RES_STORE;
	if (!x.changed) {
		fielderr_add(fe, "reason", "此附件已撤回。");
		return RES_INVALID;
	}
	return RES_DONE;
}

const char *attach_record_url(struct ctx *c, const struct attachment *a)
{
	const struct attach_kind *k = attach_kind_find(a->obj_type);

	return k ? arena_printf(c->a, "/%s/%" PRId64, k->path, a->obj_id) : NULL;
}

/*
 * keyfile.c: the key file that `qingfeng init` creates and every start
 * loads.  It holds the field-encryption key and the audit-chain key, which
 * never enter the database or the log.
 *
 *   # comment lines and blank lines are ignored
 *   suite=default|national
 *   field_key=<64 hex digits>
 *   audit_key=<64 hex digits>
 *   seal_public=, seal_secret=, sign_secret=, peer_verify=   (optional: the
 *       public channel's ferry keys, core/ferrykey.c)
 *   pull_secret=<64 hex digits>   (optional: the ferry pull's shared key,
 *       the same on both sides, core/pullauth.c)
 *
 * Guarantees: keyfile_create never replaces an existing file (O_EXCL, and
 * so never follows a symlink), writes mode 0600, and returns only after
 * the data is on disk (fsync of the file, then of its directory); a failed
 * create removes what it wrote.  keyfile_load refuses anything but a
 * regular file with no permission bits for group or others, and every
 * unknown, repeated or missing line.  keyfile_set reads under the same
 * checks and replaces the file whole (a new file, fsync, rename), so a
 * crash leaves the old or the new one.  Buffers that held key text are
 * wiped; on failure *keys is wiped too.
 */
#include "core/crypto.h"
#include "core/fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#define KEYFILE_MAX 4096

static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}


int keyfile_create(const char *path, int national, struct strbuf *err)
{
	unsigned char field[QF_KEY_BYTES], audit[QF_KEY_BYTES];
	char fhex[2 * QF_KEY_BYTES + 1], ahex[2 * QF_KEY_BYTES + 1];
	struct strbuf text = STRBUF_INIT;
	int fd, rc = -1, saved;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0600);
	if (fd < 0) {
		strbuf_addf(err, "cannot create key file '%s': %s", path, strerror(errno));
		return -1;
	}
	randombytes_buf(field, sizeof(field));
	randombytes_buf(audit, sizeof(audit));
	hex_encode(field, sizeof(field), fhex);
	hex_encode(audit, sizeof(audit), ahex);
	strbuf_grow(&text, 512);        /* one allocation: no stray copies */
	strbuf_addf(&text,
		    "# 清风平台密钥文件：丢失后加密数据无法恢复，请离线备份，不得外传\n"
		    "suite=%s\nfield_key=%s\naudit_key=%s\n",
		    national ? "national" : "default", fhex, ahex);
	if (fchmod(fd, 0600) < 0 || write_all(fd, text.buf, text.len) < 0 || fsync(fd) < 0) {
		saved = errno;
		close(fd);
		unlink(path);
		strbuf_addf(err, "cannot write key file '%s': %s", path, strerror(saved));
		goto out;
	}
	if (close(fd) < 0) {
		saved = errno;
		unlink(path);
		strbuf_addf(err, "cannot write key file '%s': %s", path, strerror(saved));
		goto out;
	}
	(void)fsutil_sync_dir(path);   /* best effort: some file systems refuse it */
	rc = 0;
out:
	sodium_memzero(field, sizeof(field));
	sodium_memzero(audit, sizeof(audit));
	sodium_memzero(fhex, sizeof(fhex));
	sodium_memzero(ahex, sizeof(ahex));
	sodium_memzero(text.buf, text.len);
	strbuf_release(&text);
	return rc;
}

/* Reads the whole (small) file into buf; its length, or -1. */
static ssize_t read_small(int fd, char *buf, size_t cap)
{
	size_t len = 0;

	for (;;) {
		ssize_t n = read(fd, buf + len, cap - len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return (ssize_t)len;
		len += (size_t)n;
		if (len == cap) {
			errno = EFBIG;  /* too large to be a key file */
			return -1;
		}
	}
}

/* Parses the text in buf (NUL-terminated, modified in place). */
static int parse_keys(char *buf, const char *path, struct qf_keys *keys, struct strbuf *err)
{
	int have_suite = 0, have_field = 0, have_audit = 0, lineno = 0;
	char *line = buf, *next;
	/* the lines holding a key in hex: where each goes and its seen flag
	 * (the ferry's five are optional: core/ferrykey.c, core/pullauth.c) */
	const struct hex_line {
		const char *name;
		unsigned char *dst;
		size_t len;
		int *seen;
	} hex_lines[] = {
		{ "field_key", keys->field_key, sizeof(keys->field_key), &have_field },
		{ "audit_key", keys->audit_key, sizeof(keys->audit_key), &have_audit },
		{ "seal_public", keys->seal_pk, sizeof(keys->seal_pk), &keys->has_seal_pk },
		{ "seal_secret", keys->seal_sk, sizeof(keys->seal_sk), &keys->has_seal_sk },
		{ "sign_secret", keys->sign_sk, sizeof(keys->sign_sk), &keys->has_sign },
		{ "peer_verify", keys->peer_pk, sizeof(keys->peer_pk), &keys->has_peer },
		{ "pull_secret", keys->pull_key, sizeof(keys->pull_key), &keys->has_pull },
	};

	for (; line && *line; line = next) {
		char *eq, *val;
		int *seen;

		lineno++;
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (*line && line[strlen(line) - 1] == '\r')
			line[strlen(line) - 1] = '\0';
		if (!*line || *line == '#')
			continue;
		eq = strchr(line, '=');
		if (!eq)
			goto bad;
		*eq = '\0';
		val = eq + 1;
		if (!strcmp(line, "suite")) {
			seen = &have_suite;
			if (!strcmp(val, "default"))
				keys->national = 0;
			else if (!strcmp(val, "national"))
				keys->national = 1;
			else
				goto bad;
		} else {
			const struct hex_line *h = NULL;
			for (size_t i = 0; i < sizeof(hex_lines) / sizeof(hex_lines[0]); i++)
				if (!strcmp(line, hex_lines[i].name))
					h = &hex_lines[i];
			if (!h || hex_decode(val, h->dst, h->len) < 0)
				goto bad;
			seen = h->seen;
		}
		if ((*seen)++)
			goto bad;
	}
	if (!have_suite || !have_field || !have_audit) {
		strbuf_addf(err, "key file '%s' lacks %s", path,
			    !have_suite ? "'suite'" : !have_field ? "'field_key'" : "'audit_key'");
		return -1;
	}
	return 0;
bad:
	/* The line number only: the line itself may hold a key. */
	strbuf_addf(err, "key file '%s': bad or repeated line %d", path, lineno);
	return -1;
}

/* The key file's text, checked as keyfile_load promises (a regular file,
 * no permission for group or others, small, no NUL byte): a buffer of
 * KEYFILE_MAX + 1 bytes the caller wipes and frees, or NULL with err. */
static char *read_checked(const char *path, struct strbuf *err)
{
	char *buf;
	struct stat st;
	ssize_t len;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		strbuf_addf(err, "cannot open key file '%s': %s", path, strerror(errno));
		return NULL;
	}
	/* fstat of the open file: what is checked is what is read. */
	if (fstat(fd, &st) < 0) {
		strbuf_addf(err, "cannot stat key file '%s': %s", path, strerror(errno));
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		strbuf_addf(err, "key file '%s' is not a regular file", path);
		close(fd);
		return NULL;
	}
	if (st.st_mode & (S_IRWXG | S_IRWXO)) {
		strbuf_addf(err, "key file '%s' is accessible by group or others (mode %04o); "
			    "run: chmod 600 '%s'", path, (unsigned)(st.st_mode & 07777), path);
		close(fd);
		return NULL;
	}
	buf = malloc(KEYFILE_MAX + 1);
	if (!buf) {
		close(fd);
		return NULL;
	}
	len = read_small(fd, buf, KEYFILE_MAX);
	close(fd);
	if (len < 0)
		strbuf_addf(err, "cannot read key file '%s': %s", path, strerror(errno));
	else if ((buf[len] = '\0', strlen(buf) != (size_t)len))
		strbuf_addf(err, "key file '%s' contains a NUL byte", path);
	else
		return buf;
	sodium_memzero(buf, KEYFILE_MAX + 1);
	free(buf);
	return NULL;
}

int keyfile_load(const char *path, struct qf_keys *keys, struct strbuf *err)
{
	char *buf;
	int rc;

	memset(keys, 0, sizeof(*keys));
	buf = read_checked(path, err);
	if (!buf)
		return -1;
	rc = parse_keys(buf, path, keys, err);
	sodium_memzero(buf, KEYFILE_MAX + 1);
	free(buf);
	if (rc < 0)
		keys_wipe(keys);
	return rc;
}

/* 1 when line (up to its end or '\n') is "name=..." for one of names. */
static int line_named(const char *line, const char *const *names, int n)
{
	for (int i = 0; i < n; i++) {
		size_t k = strlen(names[i]);
		if (!strncmp(line, names[i], k) && line[k] == '=')
			return 1;
	}
	return 0;
}

int keyfile_set(const char *path, const char *const *names, const char *const *values, int n,
		struct strbuf *err)
{
	struct strbuf text = STRBUF_INIT, tmp = STRBUF_INIT;
	char *buf = read_checked(path, err);
	int fd, rc = -1;

	if (!buf)
		return -1;
	strbuf_grow(&text, strlen(buf) + 1024);  /* one allocation: no stray copies */
	for (char *line = buf, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			next++;
		if (!line_named(line, names, n))
			strbuf_add(&text, line, next ? (size_t)(next - line) : strlen(line));
	}
	if (text.len && text.buf[text.len - 1] != '\n')
		strbuf_addch(&text, '\n');
	for (int i = 0; i < n; i++)
		strbuf_addf(&text, "%s=%s\n", names[i], values[i]);
	strbuf_addf(&tmp, "%s.new", path);
	unlink(tmp.buf);        /* a leftover of a crash: never the key file itself */
	fd = open(tmp.buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0600);
	if (fd >= 0 && (fchmod(fd, 0600) < 0 || write_all(fd, text.buf, text.len) < 0 ||
			fsync(fd) < 0)) {
		int saved = errno;
		close(fd);
		errno = saved;
		fd = -1;
	} else if (fd >= 0 && close(fd) < 0) {
		fd = -1;
	}
	if (fd < 0 || rename(tmp.buf, path) < 0) {
		strbuf_addf(err, "cannot write key file '%s': %s", path, strerror(errno));
		unlink(tmp.buf);
		goto out;
	}
	(void)fsutil_sync_dir(path);
	rc = 0;
out:
	sodium_memzero(buf, KEYFILE_MAX + 1);
	free(buf);
	sodium_memzero(text.buf, text.len);
	strbuf_release(&text);
	strbuf_release(&tmp);
	return rc;
}

void keys_wipe(struct qf_keys *keys)
{
	if (keys)
		sodium_memzero(keys, sizeof(*keys));
}

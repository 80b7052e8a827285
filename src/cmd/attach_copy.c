/*
 * attach_copy.c: the attachments folder in backups (docs/operations.md
 * "Attachments on disk").  `qingfeng backup FILE` copies the folder to
 * FILE.attachments after the database; `qingfeng restore FILE` copies
 * FILE.attachments back into the restored database's folder.  The files
 * are copied as they are (encrypted: a backup holds no key), each through
 * a temporary name, fsynced, then renamed.  Attachment files are never
 * changed or removed once written and are written before their row
 * commits, so a folder copied after the database snapshot holds every file
 * the snapshot names (and perhaps a few newer ones, which nothing names).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cmd.h"
#include "core/fsutil.h"
#include "core/log.h"

/* Copies from/name to to/name; 0 or -1 (nothing left under the name). */
static int copy_one(const char *from, const char *to, const char *name)
{
	char src[4096], dst[4096], tmp[4200], buf[65536];
	int in, out, rc = -1;
	ssize_t n;

	snprintf(src, sizeof(src), "%s/%s", from, name);
	snprintf(dst, sizeof(dst), "%s/%s", to, name);
	snprintf(tmp, sizeof(tmp), "%s.copy", dst);
	in = open(src, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (in < 0)
		return error("cannot read '%s': %s", src, strerror(errno));
	out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (out < 0) {
		close(in);
		return error("cannot write '%s': %s", tmp, strerror(errno));
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n)
			break;
	if (n == 0 && fsync(out) == 0)
		rc = 0;
	if (close(out) < 0)
		rc = -1;
	close(in);
	if (rc == 0 && rename(tmp, dst) < 0)
		rc = -1;
	if (rc < 0) {
		unlink(tmp);
		return error("cannot copy '%s' to '%s': %s", src, dst, strerror(errno));
	}
	return 0;
}

int cmd_attach_copy(const char *from, const char *to, int *copied)
{
	struct dirent *e;
	struct stat st;
	DIR *d = opendir(from);
	int rc = 0;

	*copied = 0;
	if (!d) {
		if (errno == ENOENT)
			return 0;
		return error("cannot read the attachments folder '%s': %s", from, strerror(errno));
	}
	if (mkdir(to, 0700) < 0 && errno != EEXIST) {
		closedir(d);
		return error("cannot create '%s': %s", to, strerror(errno));
	}
	while (rc == 0 && (e = readdir(d))) {
		char path[4096];

		/* the store's own files only: "a..." and "t..." + ".qfa" */
		if (strlen(e->d_name) < 5 || strcmp(e->d_name + strlen(e->d_name) - 4, ".qfa"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", to, e->d_name);
		if (lstat(path, &st) == 0)
			continue;       /* never changed once written: present is complete */
		snprintf(path, sizeof(path), "%s/%s", from, e->d_name);
		if (lstat(path, &st) < 0 || !S_ISREG(st.st_mode))
			continue;
		rc = copy_one(from, to, e->d_name);
		if (rc == 0)
			(*copied)++;
	}
	closedir(d);
	if (rc == 0) {
		char probe[4200];
		snprintf(probe, sizeof(probe), "%s/.", to);
		fsutil_sync_dir(probe);         /* best effort */
	}
	return rc;
}

/*
 * fsutil.c: the folder that holds a file.  A file created or renamed is
 * durable only once its folder is fsynced too (the key file, backups,
 * restores, the audit checkpoint); the checkpoint also locks its folder.
 * One place computes "the folder of this path" for all of them.
 */
#include "core/fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int fsutil_dir_open(const char *path, char *dir, size_t n)
{
	const char *slash = strrchr(path, '/');
	char buf[4096];
	int len;

	if (!slash)
		len = snprintf(buf, sizeof(buf), ".");
	else
		len = snprintf(buf, sizeof(buf), "%.*s", slash == path ? 1 : (int)(slash - path), path);
	if (dir && n)
		snprintf(dir, n, "%s", buf);
	if (len < 0 || (size_t)len >= sizeof(buf)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return open(buf, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

int fsutil_sync_dir(const char *path)
{
	int fd = fsutil_dir_open(path, NULL, 0), rc, e;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	e = errno;
	close(fd);
	errno = e;
	return rc;
}

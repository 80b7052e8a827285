#ifndef QF_TEST_TMPDB_H
#define QF_TEST_TMPDB_H
/*
 * tmpdb.h: the fixture the database unit tests share: a fresh temporary
 * folder /tmp/qf-TAG.XXXXXX holding a SQLite database migrated to the
 * current schema (tmpdb_open), and its removal with everything the test
 * put beside it (tmpdb_close: the database, its -wal and -shm, key
 * files).  One fixture per test program: the folder's name is kept in
 * tmpdb_dir for files a test writes next to the database.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"

static char tmpdb_dir[64];

/* The migrated database qf.db in a new folder, or NULL (the reason on
 * stderr). */
static inline struct store *tmpdb_open(const char *tag)
{
	char path[96], err[256] = "";
	struct store *db;

	snprintf(tmpdb_dir, sizeof(tmpdb_dir), "/tmp/qf-%s.XXXXXX", tag);
	if (!mkdtemp(tmpdb_dir)) {
		perror("mkdtemp");
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/qf.db", tmpdb_dir);
	db = store_open(path, 1, err, sizeof(err));
	if (!db) {
		fprintf(stderr, "store_open %s: %s\n", path, err);
		return NULL;
	}
	if (store_migrate(db) < 0) {
		fprintf(stderr, "store_migrate: %s\n", store_errmsg(db));
		store_close(db);
		return NULL;
	}
	return db;
}

/* Closes db (NULL allowed) and removes the folder with its files: 0 or -1. */
static inline int tmpdb_close(struct store *db)
{
	DIR *d;
	struct dirent *e;

	if (db)
		store_close(db);
	if (!(d = opendir(tmpdb_dir)))
		return -1;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			unlinkat(dirfd(d), e->d_name, 0);
	closedir(d);
	return rmdir(tmpdb_dir);
}

#endif

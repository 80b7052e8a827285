#ifndef QF_FSUTIL_H
#define QF_FSUTIL_H
#include <stddef.h>
/*
 * fsutil: the folder that holds a file, for the durability of a rename or
 * a new file (fsync of the folder) and for locks taken on it.
 */

/* Opens the folder holding path ("." for a bare name, "/" for a file at
 * the root) read-only; the descriptor, or -1 with errno (dir, when not
 * NULL, gets the folder's name for a message; n is its size). */
int fsutil_dir_open(const char *path, char *dir, size_t n);

/* fsyncs the folder holding path, so that a name created or renamed in it
 * is durable.  0, or -1 with errno (some file systems refuse an fsync of
 * a folder: callers that treat it as best effort ignore the result). */
int fsutil_sync_dir(const char *path);

#endif

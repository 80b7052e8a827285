#ifndef QF_VERSION_H
#define QF_VERSION_H
/* The release version, shown by --version and in the server log. */
#define QF_VERSION "0.1.0"
#endif

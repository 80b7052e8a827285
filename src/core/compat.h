#ifndef QF_COMPAT_H
#define QF_COMPAT_H
/* Compiler attributes used across the tree. */
#define QF_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define QF_WUR __attribute__((warn_unused_result))
#define QF_UNUSED __attribute__((unused))
#define QF_ARRAY_SIZE(x) (sizeof(x) / sizeof((x)[0]))
#endif

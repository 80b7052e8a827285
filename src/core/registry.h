#ifndef QF_REGISTRY_H
#define QF_REGISTRY_H
/*
 * registry: sets that each file adds its own entries to, so that a new
 * record family adds its audit events, audit object types and home-page
 * to-dos in its own files instead of a line in a shared list (issue 9).
 *
 * The pattern of systemd and the Linux kernel: QF_REGISTER(set, ptr) puts
 * one pointer into the ELF section "qf_<set>"; the linker gathers the
 * sections of every object into one array and defines __start_qf_<set>
 * and __stop_qf_<set> around it (only for section names that are C
 * identifiers).  QF_FOREACH walks that array.  The two symbols are weak,
 * so a binary with no entry in a set still links and walks nothing.
 *
 *   in a header, once per set:   QF_SET(todo_providers, const struct todo_provider);
 *   in any .c file:              QF_REGISTER(todo_providers, &report_todo_provider);
 *   to walk:                     QF_FOREACH(todo_providers, const struct todo_provider, p)
 *                                        use(*p);
 *
 * Entries are pointers, all of one size and aligned to it, so no padding
 * can open a gap in the array.  The order of the entries is the link
 * order: a walk that must be ordered sorts (each set says by what).
 * GCC and clang do not give globals in a section named as a C identifier
 * ASan redzones (tests/unit/test_registry.c runs in the sanitizer build).
 * The entries are only reached through the section, so they are marked
 * used; objects are linked whole (no archives, no --gc-sections).
 */

#define QF_REG_CAT_(a, b) a##b
#define QF_REG_CAT(a, b) QF_REG_CAT_(a, b)

/* Declares the bounds of a set whose entries point to `type`. */
#define QF_SET(set, type)                                                                     \
	extern type *const __start_qf_##set[] __attribute__((weak, visibility("hidden")));  \
	extern type *const __stop_qf_##set[] __attribute__((weak, visibility("hidden")))

/* Adds the pointer ptr (an address constant) to set. */
#define QF_REGISTER(set, ptr)                                                                 \
	static __typeof__(&*(ptr)) const QF_REG_CAT(qf_reg_##set##_, __COUNTER__)                 \
		__attribute__((used, section("qf_" #set), aligned(sizeof(void *)))) = (ptr)

/* it: type *const *, each entry of set in turn (none when it is empty). */
#define QF_FOREACH(set, type, it) \
	for (type *const *it = __start_qf_##set; it && it < __stop_qf_##set; it++)

struct arena;

/* The entries of set copied into an array from arena a and sorted with
 * cmp (for qsort: it gets two `type *const *`); their number in *n. */
#define QF_SORTED(a, set, cmp, n)                                                              \
	((__typeof__(&__start_qf_##set[0]))qf_registry_sorted((a), __start_qf_##set,          \
							      __stop_qf_##set, (cmp), (n)))
void *qf_registry_sorted(struct arena *a, const void *start, const void *stop,
			 int (*cmp)(const void *, const void *), int *n);

/* The number of entries of set. */
#define QF_COUNT(set) \
	(__start_qf_##set ? (int)(__stop_qf_##set - __start_qf_##set) : 0)

#endif

#ifndef QF_TEXT_H
#define QF_TEXT_H
/*
 * text: the one rule for text a client may submit, used by the forms
 * (http/form.c: POST fields and GET arguments) and by the JSON API
 * (http/json_in.c: every string and every member name), so the same
 * characters are refused with the same answer on both.
 *
 * Allowed: valid UTF-8 (no overlongs, no surrogates, nothing past
 * U+10FFFF) without
 *  - NUL (TEXT_NUL),
 *  - C0 controls other than tab, LF and CR, DEL, C1 controls
 *    U+0080-U+009F (TEXT_CONTROL),
 *  - the explicit bidirectional embeddings, overrides and isolates
 *    U+202A-U+202E and U+2066-U+2069 (TEXT_BIDI; "Trojan Source"); the
 *    implicit marks LRM, RLM and ALM are allowed,
 *  - noncharacters U+FDD0-U+FDEF and U+xFFFE/U+xFFFF of every plane
 *    (TEXT_NONCHAR),
 * and in a one-line field (TEXT_ONELINE) also without LF, CR, U+2028 and
 * U+2029 (TEXT_LINEBREAK) and tab (TEXT_TAB).  Multi-line fields
 * (TEXT_MULTILINE) keep tab, LF and CR as sent (a browser sends a
 * textarea's line ends as CR LF; nothing normalises them).
 *
 * Nothing here allocates; the fault is written into the caller's struct.
 */
#include <stddef.h>
#include <stdint.h>

enum text_flags {
	TEXT_ONELINE = 0,
	TEXT_MULTILINE = 1,
};

enum text_reason {
	TEXT_OK = 0,
	TEXT_UTF8,          /* not valid UTF-8 */
	TEXT_NUL,
	TEXT_CONTROL,       /* C0 (but tab, LF, CR), DEL, C1 */
	TEXT_LINEBREAK,     /* LF, CR, U+2028, U+2029 in a one-line field */
	TEXT_TAB,           /* tab in a one-line field */
	TEXT_BIDI,          /* U+202A-U+202E, U+2066-U+2069 */
	TEXT_NONCHAR,       /* U+FDD0-U+FDEF, U+xFFFE, U+xFFFF */
};

#define TEXT_FIELD_MAX 64   /* bytes of a field name kept in a fault */

/* Where and why a text was refused.  The caller (form.c, json_in.c) fills
 * `field` with a name that passed the check itself (a refused JSON member
 * name is never echoed: its object's name is given, "" at the top) and
 * `part` with what of the field was refused: NULL for its value, else a
 * string literal ("file name", "member name"). */
struct text_fault {
	enum text_reason reason;
	uint32_t cp;        /* the code point; the byte for TEXT_UTF8 */
	size_t off;         /* byte offset in the text checked */
	size_t at;          /* 1-based character number in it */
	const char *part;
	char field[TEXT_FIELD_MAX + 4];
};

/*
 * Decodes the UTF-8 sequence at s[0..len), len > 0.  Returns its length
 * (1..4) with the code point in *cp, or 0 when s[0] does not start a
 * well-formed sequence (Unicode table 3-7: no overlongs, no surrogates,
 * nothing past U+10FFFF, not truncated).  NUL decodes as U+0000.
 */
size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);

/* Checks s[0..len) under flags (TEXT_ONELINE or TEXT_MULTILINE).
 * TEXT_OK, or the first fault's reason with *tf filled (reason, cp, off,
 * at; tf may be NULL).  tf->field and tf->part are left alone. */
enum text_reason text_check(const char *s, size_t len, int flags, struct text_fault *tf)
	__attribute__((warn_unused_result));
/* The verdict of text_check on one code point (no position). */
enum text_reason text_check_cp(uint32_t cp, int flags);
/* Moves a fault found in a piece that starts after `prefix` (n bytes of
 * valid UTF-8 already checked): off and at become relative to the whole. */
void text_fault_shift(struct text_fault *tf, const char *prefix, size_t n);
/* Sets tf->field to name (cut at a character boundary when too long). */
void text_fault_field(struct text_fault *tf, const char *name, size_t len);

/* A stable short code for the API: "utf8", "nul", "control", "linebreak",
 * "tab", "bidi", "nonchar"; "" for TEXT_OK. */
const char *text_reason_code(enum text_reason r);
/* The English message for logs and the API's detail, e.g.
 * field "name": bidirectional control character U+202E at character 3
 * Written into buf (always terminated); returns buf. */
const char *text_fault_en(const struct text_fault *tf, char *buf, size_t n);
/* The same in Chinese for the person who typed it. */
const char *text_fault_zh(const struct text_fault *tf, char *buf, size_t n);

#endif

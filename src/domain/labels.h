#ifndef QF_LABELS_H
#define QF_LABELS_H
/*
 * labels: the Chinese names of the codes the records use, in one place so
 * the same thing is called the same everywhere: the pages' selects and
 * cells, the API's *_label fields, the interchange's code checks
 * (ix_types.c names these tables) and the timeline.  The codes are the
 * schema's CHECK lists and INTERCHANGE.md's.  Audit events have their own
 * list (audit_events.h); measures theirs (measures.h).
 */
struct label {
	const char *code;
	const char *label;
};

/* units, persons */
extern const struct label unit_kinds[];           /* units.kind */
extern const struct label person_ranks[];         /* persons.rank */
/* reports */
extern const struct label report_channels[];      /* reports.channel */
extern const struct label report_categories[];    /* reports.category */
extern const struct label report_states[];        /* reports.state */
/* clues */
extern const struct label clue_sources[];         /* clues.source */
extern const struct label clue_states[];          /* clues.state (clue_flow.h) */
/* cases, detentions */
extern const struct label case_states[];          /* cases.state: investigating, trial, closed */
extern const struct label case_team_roles[];      /* case_team.role: lead, member, trial */
extern const struct label detention_ext_kinds[];  /* extension, national, recalc */
/* outcomes: delivered 决定送达, appraisal 年度考核, pay_grade 工资档次,
 * bonus 奖金, promotion_bar 晋升限制 (EXECUTION_N_ITEMS) */
extern const struct label execution_items[];
extern const struct label clarification_manners[]; /* 召开澄清会 ... */
/* accountability */
extern const struct label recovery_kinds[];       /* recovered, returned */

/* The label of code in table, or NULL when the code is not in it. */
const char *label_of(const struct label *table, const char *code);

#endif

/*
 * routes.c: the route table (MHD-PATTERNS.md 1): method, path pattern,
 * handler, the permission it needs and its flags.  Patterns are literal
 * segments, "{id}" (a positive decimal id) and a final "*" (any rest).
 * 404 and 405 are decided here and nowhere else.  Each family declares its
 * handlers in its own headers, pages/<family>.h and api/<family>.h: a new
 * family adds those and its rows here, and touches no shared header.
 */
#include "http/http.h"

#include <string.h>

#include "api/cases.h"
#include "api/annual.h"
#include "api/attach.h"
#include "api/categories.h"
#include "api/clues.h"
#include "api/notices.h"
#include "api/find.h"

#include "api/common.h"
#include "api/documents.h"
#include "api/ferry.h"
#include "api/outcomes.h"
#include "api/rules.h"
#include "api/statistics.h"
#include "api/inspections.h"
#include "api/persons.h"
#include "api/opinions.h"
#include "api/problems.h"
#include "api/campaigns.h"
#include "api/talks.h"
#include "api/worklog.h"
#include "api/ratings.h"
#include "api/targets.h"
#include "api/reports.h"
#include "api/units.h"
#include "domain/role.h"
#include "pages/account.h"
#include "pages/accountability.h"
#include "pages/campaigns.h"
#include "pages/assets.h"
#include "pages/audit.h"
#include "pages/calendar.h"
#include "pages/annual.h"
#include "pages/attach.h"
#include "pages/categories.h"
#include "pages/cases.h"
#include "pages/clues.h"
#include "pages/documents.h"
#include "pages/notices.h"
#include "pages/numbers.h"

#include "pages/find.h"

#include "pages/recusal.h"
#include "pages/home.h"
#include "pages/login.h"
#include "pages/outcomes.h"
#include "pages/rules.h"
#include "pages/statistics.h"
#include "pages/persons.h"
#include "pages/public.h"
#include "pages/inspections.h"
#include "pages/integrity.h"
#include "pages/opinions.h"
#include "pages/problems.h"
#include "pages/talks.h"
#include "pages/regdocs.h"
#include "pages/worklog.h"
#include "pages/ratings.h"
#include "pages/targets.h"
#include "pages/reports.h"
#include "pages/units.h"
#include "pages/users.h"

#define GET HM_GET | HM_HEAD
#define POST HM_POST

const struct route route_table[] = {
	{ GET, "/healthz", page_healthz, 0, R_PUBLIC | R_STATIC },
	{ GET, "/readyz", page_readyz, 0, R_PUBLIC | R_CITIZEN },
	{ GET, "/assets/*", page_asset, 0, R_PUBLIC | R_STATIC },
	{ GET, "/login", page_login_form, 0, R_PUBLIC },
	{ POST, "/login", page_login, 0, R_PUBLIC | R_NOCSRF },
	{ GET, "/login/totp", page_totp_form, 0, R_PARTIAL },
	{ POST, "/login/totp", page_totp, 0, R_PARTIAL },
	{ POST, "/logout", page_logout, 0, R_PARTIAL },
	{ GET, "/", page_home, PERM_LOGIN, 0 },
	{ GET, "/account", page_account, PERM_LOGIN, R_ACCOUNT },
	{ POST, "/account/password", page_account_password, PERM_LOGIN, R_ACCOUNT },
	{ POST, "/account/totp", page_account_totp, PERM_LOGIN, R_ACCOUNT },

	{ GET, "/units", page_units, PERM_UNIT_READ, 0 },
	{ GET, "/units/new", page_unit_new, PERM_UNIT_WRITE, 0 },
	{ POST, "/units", page_unit_create, PERM_UNIT_WRITE, 0 },
	{ GET, "/units/{id}", page_unit_show, PERM_UNIT_READ, 0 },
	{ GET, "/units/{id}/edit", page_unit_edit, PERM_UNIT_WRITE, 0 },
	{ POST, "/units/{id}", page_unit_update, PERM_UNIT_WRITE, 0 },

	{ GET, "/persons", page_persons, PERM_PERSON_READ, 0 },
	{ GET, "/persons/new", page_person_new, PERM_PERSON_WRITE, 0 },
	{ POST, "/persons", page_person_create, PERM_PERSON_WRITE, 0 },
	{ GET, "/persons/{id}", page_person_show, PERM_PERSON_READ, 0 },
	{ GET, "/persons/{id}/edit", page_person_edit, PERM_PERSON_WRITE, 0 },
	{ POST, "/persons/{id}", page_person_update, PERM_PERSON_WRITE, 0 },

	{ GET, "/clues", page_clues, PERM_CLUE_READ, 0 },
	{ GET, "/clues/new", page_clue_new, PERM_CLUE_REGISTER, 0 },
	{ POST, "/clues", page_clue_create, PERM_CLUE_REGISTER, 0 },
	{ GET, "/clues/{id}", page_clue_show, PERM_CLUE_READ, 0 },
	{ POST, "/clues/{id}/dispositions", page_disposition_create, PERM_CLUE_PROPOSE, 0 },
	{ POST, "/clues/{id}/categories", page_clue_categories, PERM_CLUE_PROPOSE, 0 },
	{ POST, "/clues/{id}/recusals", page_clue_recusal_create, PERM_CLUE_READ, 0 },
	{ POST, "/dispositions/{id}/decision", page_disposition_decide, PERM_CLUE_APPROVE, 0 },

	/* notices and bulk work (issue 12) */
	{ GET, "/notices", page_notices, PERM_LOGIN, 0 },
	{ POST, "/notices/approve", page_notices_approve, PERM_CLUE_APPROVE, 0 },
	{ POST, "/clues/assign", page_clues_assign, PERM_CLUE_ASSIGN, 0 },

	/* reports */
	{ GET, "/reports", page_reports, PERM_REPORT_READ, 0 },
	{ GET, "/reports/new", page_report_new, PERM_REPORT_WRITE, 0 },
	{ POST, "/reports", page_report_create, PERM_REPORT_WRITE, 0 },
	{ GET, "/reports/{id}", page_report_show, PERM_REPORT_READ, 0 },
	{ POST, "/reports/{id}/step", page_report_step, PERM_REPORT_WRITE, 0 },
	{ POST, "/reports/{id}/clue", page_report_clue, PERM_REPORT_WRITE, 0 },
	{ POST, "/reports/{id}/kind", page_report_kind, PERM_REPORT_WRITE, 0 },
	{ POST, "/reports/{id}/public-reply", page_report_public_reply, PERM_REPORT_WRITE, 0 },

	/* the public channel (issue 13): served by serve --public too */
	{ GET, "/p/report", page_public_report_form, 0, R_PUBLIC | R_CITIZEN },
	{ POST, "/p/report", page_public_report, 0, R_PUBLIC | R_CITIZEN | R_NOCSRF | R_UPLOAD },
	{ GET, "/p/query", page_public_query_form, 0, R_PUBLIC | R_CITIZEN },
	{ POST, "/p/query", page_public_query, 0, R_PUBLIC | R_CITIZEN | R_NOCSRF },
	{ POST, "/p/message", page_public_message, 0, R_PUBLIC | R_CITIZEN | R_NOCSRF },
	/* the ferry pull (api/ferry.h): a public instance with a pull key
	 * only, the intranet's MAC instead of a token; a reply batch may be
	 * larger than a form (R_UPLOAD: up to --max-upload) */
	{ GET, "/ferry/batch", api_ferry_batch, 0, R_PUBLIC | R_CITIZEN },
	{ POST, "/ferry/reply", api_ferry_reply, 0, R_PUBLIC | R_CITIZEN | R_NOCSRF | R_UPLOAD },


	/* cases */
	{ GET, "/cases", page_cases, PERM_CASE_READ, 0 },
	{ GET, "/cases/{id}", page_case_show, PERM_CASE_READ, 0 },
	{ POST, "/cases/{id}/team", page_case_team_add, PERM_CASE_ASSIGN, 0 },
	{ POST, "/cases/{id}/team/remove", page_case_team_remove, PERM_CASE_ASSIGN, 0 },
	{ POST, "/cases/{id}/notes", page_case_note, PERM_CASE_WORK, 0 },
	{ POST, "/cases/{id}/detentions", page_detention_start, PERM_CASE_WORK, 0 },
	{ GET, "/detentions", page_detentions, PERM_CASE_READ, 0 },
	/* statistics (issue 11): the figures of a period and scope, downloads */
	{ GET, "/statistics", page_statistics, PERM_STATS, 0 },
	{ GET, "/statistics/export", page_statistics_export, PERM_STATS, 0 },
	{ POST, "/detentions/{id}/extensions", page_detention_extend, PERM_CASE_WORK, 0 },
	{ POST, "/detentions/{id}/end", page_detention_end, PERM_CASE_WORK, 0 },
	{ POST, "/cases/{id}/filing", page_case_filing, PERM_CASE_ASSIGN, 0 },
	{ POST, "/detentions/{id}/notices", page_detention_notice, PERM_CASE_WORK, 0 },
	{ POST, "/cases/{id}/recusals", page_case_recusal_create, PERM_CASE_READ, 0 },
	{ POST, "/recusals/{id}/decision", page_recusal_decide, PERM_CASE_OVERRIDE, 0 },
	{ POST, "/cases/{id}/transfer", page_case_transfer, PERM_CASE_WORK, 0 },
	{ POST, "/cases/{id}/trial", page_case_trial, PERM_CASE_WORK, 0 },
	{ POST, "/cases/{id}/closure", page_case_close, PERM_CASE_WORK, 0 },
	{ POST, "/cases/{id}/opinions", page_case_opinion, PERM_CASE_WORK, 0 },
	{ POST, "/cases/{id}/returns", page_case_return, PERM_CASE_WORK, 0 },
	{ GET, "/account/conflicts", page_conflicts, PERM_CASE_READ, 0 },
	{ POST, "/account/conflicts", page_conflict_create, PERM_CASE_READ, 0 },


	/* documents (文书, issue 12): making one checks the kind's permission
	   and the record's visibility in the domain (domain/document.h) */
	{ POST, "/documents", page_document_issue, PERM_LOGIN, 0 },
	{ GET, "/documents/{id}", page_document_download, PERM_LOGIN, 0 },
	{ GET, "/documents/templates", page_doc_templates, PERM_DOC_TEMPLATES, 0 },
	{ POST, "/documents/templates", page_doc_template_save, PERM_DOC_TEMPLATES, 0 },
	{ GET, "/numbers", page_numbers, PERM_DOC_TEMPLATES, 0 },
	{ POST, "/numbers", page_number_pattern_save, PERM_DOC_TEMPLATES, 0 },
	{ POST, "/documents/abbr", page_doc_abbr_save, PERM_DOC_TEMPLATES, 0 },

	/* outcomes */
	{ GET, "/outcomes", page_outcome_list, PERM_PERSON_READ, 0 },
	{ GET, "/outcomes/new", page_outcome_new, PERM_OUTCOME_WRITE, 0 },
	{ POST, "/outcomes", page_outcome_create, PERM_OUTCOME_WRITE, 0 },
	{ GET, "/outcomes/{id}", page_outcome_show, PERM_PERSON_READ, 0 },
	{ POST, "/outcomes/{id}/execution", page_execution_check, PERM_EXECUTION, 0 },
	{ POST, "/outcomes/{id}/followups", page_followup_create, PERM_OUTCOME_WRITE, 0 },
	{ POST, "/outcomes/{id}/appeals", page_appeal_create, PERM_OUTCOME_WRITE, 0 },
	{ POST, "/clarifications/{id}/followups", page_clarification_followup_create, PERM_OUTCOME_WRITE, 0 },
	{ GET, "/rules", page_rules_index, PERM_RULES_EDIT, 0 },
	{ GET, "/rules/forms", page_rule_table, PERM_RULES_EDIT, 0 },
	{ POST, "/rules/forms", page_rule_add, PERM_RULES_EDIT, 0 },
	{ GET, "/rules/periods", page_rule_table, PERM_RULES_EDIT, 0 },
	{ POST, "/rules/periods", page_rule_add, PERM_RULES_EDIT, 0 },
	{ GET, "/rules/clocks", page_rule_table, PERM_RULES_EDIT, 0 },
	{ POST, "/rules/clocks", page_rule_add, PERM_RULES_EDIT, 0 },
	{ GET, "/rules/detention", page_rule_table, PERM_RULES_EDIT, 0 },
	{ POST, "/rules/detention", page_rule_add, PERM_RULES_EDIT, 0 },
	{ GET, "/rules/jurisdiction", page_rule_table, PERM_RULES_EDIT, 0 },
	{ POST, "/rules/jurisdiction", page_rule_add, PERM_RULES_EDIT, 0 },
	{ GET, "/executions", page_executions, PERM_EXECUTION, 0 },
	{ GET, "/clarifications/new", page_clarification_new, PERM_OUTCOME_WRITE, 0 },
	{ POST, "/clarifications", page_clarification_create, PERM_OUTCOME_WRITE, 0 },
	/* the "码上问效" channel (issue 13): the citizen's pages, no session */
	{ GET, "/p/rate/*", page_rate_form, 0, R_PUBLIC | R_CITIZEN },
	{ POST, "/p/rate/*", page_rate_submit, 0, R_PUBLIC | R_CITIZEN | R_NOCSRF },
	{ GET, "/p/letter", page_letter_status, 0, R_PUBLIC | R_CITIZEN },
	{ GET, "/p/followup", page_followup_form, 0, R_PUBLIC | R_CITIZEN },
	{ POST, "/p/followup", page_followup_submit, 0, R_PUBLIC | R_CITIZEN | R_NOCSRF },
	/* ... and the staff's */
	{ GET, "/ratings", page_ratings, PERM_RATING_READ, 0 },
	{ GET, "/ratings/letters", page_rating_letters, PERM_RATING_READ, 0 },
	{ GET, "/ratings/letters/{id}", page_rating_letter, PERM_RATING_READ, 0 },
	{ POST, "/ratings/letters/{id}/accept", page_rating_letter_accept, PERM_RATING_WORK, 0 },
	{ POST, "/ratings/letters/{id}/conclude", page_rating_letter_conclude, PERM_RATING_WORK, 0 },
	{ GET, "/ratings/bad", page_bad_reviews, PERM_RATING_READ, 0 },
	{ GET, "/ratings/bad/{id}", page_bad_review, PERM_RATING_READ, 0 },
	{ POST, "/ratings/bad/{id}/callback", page_bad_review_callback, PERM_RATING_WORK, 0 },
	{ POST, "/ratings/bad/{id}/fix", page_bad_review_fix, PERM_RATING_WORK, 0 },
	/* inspections (巡察): content need-to-know in the domain (inspection.h) */
	{ GET, "/inspections", page_inspection_rounds, PERM_INSPECTION_READ, 0 },
	{ GET, "/inspection-rounds/{id}", page_inspection_round, PERM_INSPECTION_READ, 0 },
	{ GET, "/inspections/{id}", page_inspection, PERM_INSPECTION_READ, 0 },
	{ POST, "/inspection-rounds", page_inspection_round_create, PERM_INSPECTION_WRITE, 0 },
	{ POST, "/inspection-rounds/{id}/inspections", page_inspection_create, PERM_INSPECTION_WRITE, 0 },
	/* the inspection office, or a leader deciding a recusal (domain/inspection.h) */
	{ POST, "/inspections/{id}/members", page_inspection_member_add, PERM_INSPECTION_READ, 0 },
	{ POST, "/inspections/{id}/feedback", page_inspection_feedback, PERM_INSPECTION_WRITE, 0 },
	{ POST, "/inspections/{id}/reported", page_inspection_reported, PERM_INSPECTION_WRITE, 0 },
	{ GET, "/inspections/{id}/findings/new", page_inspection_finding_new, PERM_INSPECTION_WRITE, 0 },
	{ POST, "/inspections/{id}/findings", page_inspection_finding_create, PERM_INSPECTION_WRITE, 0 },
	{ GET, "/inspections/{id}/clues/new", page_inspection_clue_new, PERM_INSPECTION_WRITE, 0 },
	{ POST, "/inspections/{id}/clues", page_inspection_clue_create, PERM_INSPECTION_WRITE, 0 },
	/* the rectification ledger (problems) */
	{ GET, "/problems", page_problems, PERM_PROBLEM_READ, 0 },
	{ GET, "/problems/ledger.xlsx", page_problem_ledger, PERM_PROBLEM_READ, 0 },
	{ GET, "/problems/new", page_problem_new, PERM_PROBLEM_WRITE, 0 },
	{ POST, "/problems", page_problem_create, PERM_PROBLEM_WRITE, 0 },
	{ GET, "/problems/{id}", page_problem, PERM_PROBLEM_READ, 0 },
	{ GET, "/problems/{id}/edit", page_problem_edit_form, PERM_PROBLEM_WRITE, 0 },
	{ POST, "/problems/{id}/edit", page_problem_edit, PERM_PROBLEM_WRITE, 0 },
	{ POST, "/problems/{id}/start", page_problem_start, PERM_PROBLEM_RECTIFY, 0 },
	{ POST, "/problems/{id}/apply", page_problem_apply, PERM_PROBLEM_RECTIFY, 0 },
	{ POST, "/problems/{id}/confirm", page_problem_confirm, PERM_PROBLEM_WRITE, 0 },
	{ POST, "/problems/{id}/return", page_problem_return, PERM_PROBLEM_WRITE, 0 },
	/* daily supervision: talks and personal matter reports (issue 15) */
	{ GET, "/talks", page_talks, PERM_SUPERVISION_READ, 0 },
	{ GET, "/talks/new", page_talk_new, PERM_SUPERVISION_WRITE, 0 },
	{ POST, "/talks", page_talk_create, PERM_SUPERVISION_WRITE, 0 },
	{ GET, "/talks/kinds", page_sup_kinds, PERM_SUPERVISION_READ, 0 },
	{ POST, "/talks/kinds", page_sup_kind_add, PERM_SUPERVISION_WRITE, 0 },
	{ GET, "/talks/{id}", page_talk, PERM_SUPERVISION_READ, 0 },
	{ POST, "/talks/{id}/outcome", page_talk_outcome, PERM_OUTCOME_WRITE, 0 },
	{ GET, "/talks/{id}/edit", page_talk_edit_form, PERM_SUPERVISION_WRITE, 0 },
	{ POST, "/talks/{id}/edit", page_talk_edit, PERM_SUPERVISION_WRITE, 0 },
	{ GET, "/persons/{id}/integrity", page_integrity, PERM_SUPERVISION_READ, 0 },
	{ POST, "/persons/{id}/integrity", page_integrity_update, PERM_SUPERVISION_WRITE, 0 },
	{ GET, "/persons/{id}/integrity/docx", page_integrity_docx, PERM_SUPERVISION_READ, 0 },
	{ GET, "/matter-reports", page_matter_reports, PERM_SUPERVISION_READ, 0 },
	{ GET, "/matter-reports/new", page_matter_report_new, PERM_SUPERVISION_WRITE, 0 },
	{ POST, "/matter-reports", page_matter_report_create, PERM_SUPERVISION_WRITE, 0 },
	{ GET, "/matter-reports/{id}", page_matter_report, PERM_SUPERVISION_READ, 0 },
	{ POST, "/matter-reports/{id}/check", page_matter_report_check, PERM_SUPERVISION_WRITE, 0 },
	{ GET, "/matter-reports/{id}/edit", page_matter_report_edit_form, PERM_SUPERVISION_WRITE, 0 },
	{ POST, "/matter-reports/{id}/edit", page_matter_report_edit, PERM_SUPERVISION_WRITE, 0 },
	/* the work log and the document register (issue 15) */
	{ GET, "/worklog", page_worklog, PERM_WORKLOG, 0 },
	{ GET, "/worklog/new", page_worklog_new, PERM_WORKLOG, 0 },
	{ POST, "/worklog", page_worklog_create, PERM_WORKLOG, 0 },
	{ GET, "/worklog/quick", page_worklog_quick_form, PERM_WORKLOG, 0 },
	{ POST, "/worklog/quick", page_worklog_quick, PERM_WORKLOG, 0 },
	{ GET, "/worklog/kinds", page_worklog_kinds, PERM_WORKLOG_KINDS, 0 },
	{ POST, "/worklog/kinds", page_worklog_kind_put, PERM_WORKLOG_KINDS, 0 },
	{ GET, "/worklog/{id}", page_activity, PERM_WORKLOG, 0 },
	{ GET, "/regdocs", page_regdocs, PERM_WORKLOG, 0 },
	{ GET, "/regdocs/new", page_regdoc_new, PERM_WORKLOG, 0 },
	{ POST, "/regdocs", page_regdoc_create, PERM_WORKLOG, 0 },
	{ GET, "/regdocs/{id}", page_regdoc, PERM_WORKLOG, 0 },
	{ POST, "/regdocs/{id}/state", page_regdoc_state, PERM_WORKLOG, 0 },
	/* integrity opinion replies (issue 15): a request is read by the
	   office and leaders only, answered 404 and audited to anyone else */
	{ GET, "/opinions", page_opinions, PERM_OPINION_READ, 0 },
	{ GET, "/opinions/new", page_opinion_new, PERM_OPINION_WRITE, 0 },
	{ POST, "/opinions", page_opinion_create, PERM_OPINION_WRITE, R_UPLOAD },
	{ GET, "/opinions/{id}", page_opinion, PERM_LOGIN, 0 },
	{ GET, "/opinions/{id}/letter.docx", page_opinion_letter, PERM_LOGIN, 0 },
	{ POST, "/opinions/{id}/resolve", page_opinion_resolve, PERM_OPINION_WRITE, 0 },
	{ GET, "/opinions/{id}/person", page_opinion_person_new, PERM_OPINION_WRITE, 0 },
	{ POST, "/opinions/{id}/person", page_opinion_person_create, PERM_OPINION_WRITE, 0 },
	{ POST, "/opinions/{id}/check", page_opinion_check, PERM_OPINION_WRITE, 0 },
	{ POST, "/opinions/{id}/confirm", page_opinion_confirm, PERM_OPINION_WRITE, 0 },
	{ POST, "/opinions/{id}/confirm_all", page_opinion_confirm_all, PERM_OPINION_WRITE, 0 },
	{ POST, "/opinions/{id}/reply", page_opinion_reply, PERM_OPINION_WRITE, 0 },
	{ GET, "/units/{id}/rating", page_unit_rating, PERM_RATING_WORK, 0 },
	{ GET, "/units/{id}/rating/poster", page_unit_rating_poster, PERM_RATING_WORK, 0 },
	/* target tasks, work reminders and the scoreboard (issue 14) */
	{ GET, "/targets", page_targets, PERM_TARGET_READ, 0 },
	{ GET, "/targets/new", page_target_new, PERM_TARGET_MANAGE, 0 },
	{ POST, "/targets", page_target_create, PERM_TARGET_MANAGE, 0 },
	{ GET, "/targets/ledger.xlsx", page_targets_xlsx, PERM_TARGET_READ, 0 },
	{ GET, "/targets/ledgers", page_target_ledgers, PERM_TARGET_MANAGE, 0 },
	{ POST, "/targets/ledgers", page_target_ledger_create, PERM_TARGET_MANAGE, 0 },
	{ POST, "/targets/codes", page_target_code_put, PERM_TARGET_MANAGE, 0 },
	{ GET, "/targets/{id}", page_target, PERM_TARGET_READ, 0 },
	{ GET, "/targets/{id}/edit", page_target_edit, PERM_TARGET_MANAGE, 0 },
	{ POST, "/targets/{id}", page_target_update, PERM_TARGET_MANAGE, 0 },
	{ POST, "/targets/{id}/progress", page_target_progress, PERM_TARGET_READ, 0 },
	{ GET, "/reminders", page_reminders, PERM_TARGET_READ, 0 },
	{ GET, "/reminders/new", page_reminder_new, PERM_TARGET_MANAGE, 0 },
	{ POST, "/reminders", page_reminder_create, PERM_TARGET_MANAGE, 0 },
	{ GET, "/reminders/{id}", page_reminder, PERM_TARGET_READ, 0 },
	{ POST, "/reminders/{id}/ack", page_reminder_ack, PERM_TARGET_READ, 0 },
	{ GET, "/scores", page_scores, PERM_TARGET_READ, 0 },
	{ GET, "/scores.xlsx", page_scores_xlsx, PERM_TARGET_READ, 0 },
	{ GET, "/scores/sheet", page_score_sheet, PERM_TARGET_MANAGE, 0 },
	{ POST, "/scores/sheet", page_score_save, PERM_TARGET_MANAGE, 0 },
	{ POST, "/scores/criteria", page_score_criterion_create, PERM_TARGET_MANAGE, 0 },
	{ POST, "/scores/publish", page_score_publish, PERM_TARGET_PUBLISH, 0 },
	{ GET, "/accountability", page_accountability, PERM_ACCOUNTABILITY, 0 },
	{ POST, "/accountabilities", page_accountability_create, PERM_ACCOUNTABILITY, 0 },
	{ POST, "/recoveries", page_recovery_create, PERM_ACCOUNTABILITY, 0 },
	/* special campaigns (campaigns) */
	{ GET, "/campaigns", page_campaigns, PERM_CLUE_READ, 0 },
	{ POST, "/campaigns", page_campaign_create, PERM_CAMPAIGN_WRITE, 0 },
	{ GET, "/campaigns/{id}", page_campaign, PERM_CLUE_READ, 0 },
	{ POST, "/campaigns/{id}/edit", page_campaign_edit, PERM_CAMPAIGN_WRITE, 0 },
	{ POST, "/campaigns/{id}/groups", page_campaign_group_add, PERM_CAMPAIGN_WRITE, 0 },
	{ POST, "/campaigns/{id}/cases", page_campaign_tag_case, PERM_CAMPAIGN_WRITE, 0 },
	{ GET, "/categories", page_categories, PERM_CATALOG, 0 },
	{ POST, "/categories", page_category_create, PERM_CATALOG, 0 },
	{ POST, "/categories/retire", page_category_retire, PERM_CATALOG, 0 },
	/* the annual report template and its renderings (annual) */
	{ GET, "/annual", page_annual, PERM_ANNUAL_REPORT, 0 },
	{ POST, "/annual/template", page_annual_save, PERM_ANNUAL_REPORT, 0 },
	{ POST, "/annual/render", page_annual_render, PERM_ANNUAL_REPORT, 0 },
	{ GET, "/annual/renderings/{id}", page_annual_rendering, PERM_ANNUAL_REPORT, 0 },
	{ GET, "/annual/renderings/{id}/corrections", page_annual_corrections, PERM_ANNUAL_REPORT, 0 },
	/* attachments (attach): the route's permission is the record's read
	 * permission; who may add is the record's own rule (domain/attach.h) */
	{ POST, "/reports/{id}/attachments", page_attach_upload, PERM_REPORT_READ, R_UPLOAD },
	{ POST, "/clues/{id}/attachments", page_attach_upload, PERM_CLUE_READ, R_UPLOAD },
	{ POST, "/cases/{id}/attachments", page_attach_upload, PERM_CASE_READ, R_UPLOAD },
	{ POST, "/outcomes/{id}/attachments", page_attach_upload, PERM_PERSON_READ, R_UPLOAD },
	{ POST, "/problems/{id}/attachments", page_attach_upload, PERM_PROBLEM_READ, R_UPLOAD },
	{ POST, "/campaigns/{id}/attachments", page_attach_upload, PERM_CLUE_READ, R_UPLOAD },
	{ POST, "/worklog/{id}/attachments", page_attach_upload, PERM_WORKLOG, R_UPLOAD },
	{ POST, "/regdocs/{id}/attachments", page_attach_upload, PERM_WORKLOG, R_UPLOAD },
	{ GET, "/attachments/{id}", page_attach_download, PERM_LOGIN, 0 },
	{ GET, "/attachments/{id}/thumb", page_attach_thumb, PERM_LOGIN, 0 },
	{ POST, "/attachments/{id}/withdraw", page_attach_withdraw, PERM_LOGIN, 0 },


	{ GET, "/admin/users", page_users, PERM_USER_VIEW, 0 },
	{ POST, "/admin/users", page_user_create, PERM_USER_ADMIN, 0 },
	{ POST, "/admin/users/{id}/action", page_user_action, PERM_USER_VIEW, 0 },
	{ GET, "/audit", page_audit, PERM_AUDIT_READ, 0 },
	{ GET, "/calendar", page_calendar, PERM_LOGIN, 0 },
	{ POST, "/calendar/import", page_calendar_import, PERM_CALENDAR, 0 },

	{ GET, "/api/me", api_me, PERM_LOGIN, R_API },
	/* api: attachments (attach) */
	{ POST, "/api/reports/{id}/attachments", api_attach_upload, PERM_REPORT_READ, R_API | R_UPLOAD },
	{ GET, "/api/reports/{id}/attachments", api_attach_list, PERM_REPORT_READ, R_API },
	{ POST, "/api/clues/{id}/attachments", api_attach_upload, PERM_CLUE_READ, R_API | R_UPLOAD },
	{ GET, "/api/clues/{id}/attachments", api_attach_list, PERM_CLUE_READ, R_API },
	{ POST, "/api/cases/{id}/attachments", api_attach_upload, PERM_CASE_READ, R_API | R_UPLOAD },
	{ GET, "/api/cases/{id}/attachments", api_attach_list, PERM_CASE_READ, R_API },
	{ POST, "/api/outcomes/{id}/attachments", api_attach_upload, PERM_PERSON_READ, R_API | R_UPLOAD },
	{ GET, "/api/outcomes/{id}/attachments", api_attach_list, PERM_PERSON_READ, R_API },
	{ POST, "/api/problems/{id}/attachments", api_attach_upload, PERM_PROBLEM_READ, R_API | R_UPLOAD },
	{ GET, "/api/problems/{id}/attachments", api_attach_list, PERM_PROBLEM_READ, R_API },
	{ POST, "/api/worklog/{id}/attachments", api_attach_upload, PERM_WORKLOG, R_API | R_UPLOAD },
	{ GET, "/api/worklog/{id}/attachments", api_attach_list, PERM_WORKLOG, R_API },
	{ POST, "/api/regdocs/{id}/attachments", api_attach_upload, PERM_WORKLOG, R_API | R_UPLOAD },
	{ GET, "/api/regdocs/{id}/attachments", api_attach_list, PERM_WORKLOG, R_API },
	{ GET, "/api/attachments/{id}", page_attach_download, PERM_LOGIN, R_API },
	{ POST, "/api/attachments/{id}/withdraw", api_attach_withdraw, PERM_LOGIN, R_API },
	{ GET, "/api/statistics", api_statistics, PERM_STATS, R_API },
	{ GET, "/api/ratings", api_ratings, PERM_RATING_READ, R_API },
	{ GET, "/api/ratings/letters", api_rating_letters, PERM_RATING_READ, R_API },
	{ GET, "/api/ratings/bad", api_bad_reviews, PERM_RATING_READ, R_API },
	{ POST, "/api/ratings/letters/{id}/accept", api_rating_letter_accept, PERM_RATING_WORK, R_API },
	{ POST, "/api/ratings/letters/{id}/conclude", api_rating_letter_conclude, PERM_RATING_WORK, R_API },
	{ POST, "/api/ratings/bad/{id}/callback", api_bad_review_callback, PERM_RATING_WORK, R_API },
	{ POST, "/api/ratings/bad/{id}/fix", api_bad_review_fix, PERM_RATING_WORK, R_API },
	{ GET, "/api/targets", api_targets, PERM_TARGET_READ, R_API },
	{ POST, "/api/targets", api_target_create, PERM_TARGET_MANAGE, R_API },
	{ GET, "/api/targets/{id}", api_target, PERM_TARGET_READ, R_API },
	{ POST, "/api/targets/{id}/progress", api_target_progress, PERM_TARGET_READ, R_API },
	{ GET, "/api/reminders", api_reminders, PERM_TARGET_READ, R_API },
	{ POST, "/api/reminders/{id}/ack", api_reminder_ack, PERM_TARGET_READ, R_API },
	{ GET, "/api/scores", api_scores, PERM_TARGET_READ, R_API },
	{ GET, "/api/problems", api_problems, PERM_PROBLEM_READ, R_API },
	{ POST, "/api/problems", api_problem_create, PERM_PROBLEM_WRITE, R_API },
	{ GET, "/api/problems/{id}", api_problem, PERM_PROBLEM_READ, R_API },
	{ POST, "/api/problems/{id}/start", api_problem_start, PERM_PROBLEM_RECTIFY, R_API },
	{ POST, "/api/problems/{id}/apply", api_problem_apply, PERM_PROBLEM_RECTIFY, R_API },
	{ POST, "/api/problems/{id}/confirm", api_problem_confirm, PERM_PROBLEM_WRITE, R_API },
	{ POST, "/api/problems/{id}/return", api_problem_return, PERM_PROBLEM_WRITE, R_API },
	/* inspections (巡察): content need-to-know in the domain (inspection.h) */
	{ GET, "/api/inspection-rounds", api_inspection_rounds, PERM_INSPECTION_READ, R_API },
	{ POST, "/api/inspection-rounds", api_inspection_round_create, PERM_INSPECTION_WRITE, R_API },
	{ GET, "/api/inspection-rounds/{id}", api_inspection_round, PERM_INSPECTION_READ, R_API },
	{ POST, "/api/inspections", api_inspection_create, PERM_INSPECTION_WRITE, R_API },
	{ GET, "/api/inspections/{id}", api_inspection, PERM_INSPECTION_READ, R_API },
	/* the inspection office, or a leader deciding a recusal (domain/inspection.h) */
	{ POST, "/api/inspections/{id}/members", api_inspection_member_add, PERM_INSPECTION_READ, R_API },
	{ POST, "/api/inspections/{id}/findings", api_inspection_finding_add, PERM_INSPECTION_WRITE, R_API },
	{ POST, "/api/inspections/{id}/clues", api_inspection_clue_transfer, PERM_INSPECTION_WRITE, R_API },
	{ POST, "/api/inspections/{id}/feedback", api_inspection_feedback, PERM_INSPECTION_WRITE, R_API },
	{ POST, "/api/inspections/{id}/reported", api_inspection_reported, PERM_INSPECTION_WRITE, R_API },
	{ GET, "/api/talks", api_talks, PERM_SUPERVISION_READ, R_API },
	{ POST, "/api/talks", api_talk_create, PERM_SUPERVISION_WRITE, R_API },
	{ GET, "/api/talks/{id}", api_talk, PERM_SUPERVISION_READ, R_API },
	{ POST, "/api/talks/{id}/outcome", api_talk_outcome, PERM_OUTCOME_WRITE, R_API },
	{ HM_PUT, "/api/talks/{id}", api_talk_update, PERM_SUPERVISION_WRITE, R_API },
	{ GET, "/api/matter-reports", api_matter_reports, PERM_SUPERVISION_READ, R_API },
	{ POST, "/api/matter-reports", api_matter_report_create, PERM_SUPERVISION_WRITE, R_API },
	{ GET, "/api/matter-reports/{id}", api_matter_report, PERM_SUPERVISION_READ, R_API },
	{ POST, "/api/matter-reports/{id}/check", api_matter_report_check, PERM_SUPERVISION_WRITE, R_API },
	{ HM_PUT, "/api/matter-reports/{id}", api_matter_report_update, PERM_SUPERVISION_WRITE, R_API },
	{ GET, "/api/worklog", api_worklog, PERM_WORKLOG, R_API },
	{ POST, "/api/worklog", api_worklog_create, PERM_WORKLOG, R_API },
	{ POST, "/api/worklog/batch", api_worklog_batch, PERM_WORKLOG, R_API },
	{ GET, "/api/worklog/kinds", api_worklog_kinds, PERM_WORKLOG, R_API },
	{ POST, "/api/worklog/kinds", api_worklog_kind_put, PERM_WORKLOG_KINDS, R_API },
	{ GET, "/api/worklog/{id}", api_activity, PERM_WORKLOG, R_API },
	{ GET, "/api/regdocs", api_regdocs, PERM_WORKLOG, R_API },
	{ POST, "/api/regdocs", api_regdoc_create, PERM_WORKLOG, R_API },
	{ GET, "/api/regdocs/{id}", api_regdoc, PERM_WORKLOG, R_API },
	{ POST, "/api/regdocs/{id}/state", api_regdoc_state, PERM_WORKLOG, R_API },
	{ GET, "/api/opinions", api_opinions, PERM_OPINION_READ, R_API },
	{ POST, "/api/opinions", api_opinion_create, PERM_OPINION_WRITE, R_API },
	{ GET, "/api/opinions/{id}", api_opinion, PERM_LOGIN, R_API },
	{ POST, "/api/opinions/{id}/resolve", api_opinion_resolve, PERM_OPINION_WRITE, R_API },
	{ POST, "/api/opinions/{id}/person", api_opinion_person, PERM_OPINION_WRITE, R_API },
	{ POST, "/api/opinions/{id}/check", api_opinion_check, PERM_OPINION_WRITE, R_API },
	{ POST, "/api/opinions/{id}/confirm", api_opinion_confirm, PERM_OPINION_WRITE, R_API },
	{ POST, "/api/opinions/{id}/confirm_all", api_opinion_confirm_all, PERM_OPINION_WRITE, R_API },
	{ POST, "/api/opinions/{id}/reply", api_opinion_reply, PERM_OPINION_WRITE, R_API },
	{ GET, "/api/categories", api_categories, PERM_LOGIN, R_API },
	{ POST, "/api/categories", api_category_create, PERM_CATALOG, R_API },
	{ POST, "/api/categories/retire", api_category_retire, PERM_CATALOG, R_API },
	{ GET, "/api/annual/template", api_annual_template, PERM_ANNUAL_REPORT, R_API },
	{ POST, "/api/annual/template", api_annual_template_save, PERM_ANNUAL_REPORT, R_API },
	{ POST, "/api/annual/render", api_annual_render, PERM_ANNUAL_REPORT, R_API },
	{ GET, "/api/annual/renderings", api_annual_renderings, PERM_ANNUAL_REPORT, R_API },
	{ POST, "/api/documents", api_document_issue, PERM_LOGIN, R_API },
	{ GET, "/api/documents/{id}", page_document_download, PERM_LOGIN, R_API },
	{ POST, "/api/documents/templates", api_doc_template_save, PERM_DOC_TEMPLATES, R_API },
	{ GET, "/api/units", api_units, PERM_UNIT_READ, R_API },
	{ POST, "/api/units", api_unit_create, PERM_UNIT_WRITE, R_API },
	{ GET, "/api/units/{id}", api_unit_show, PERM_UNIT_READ, R_API },
	{ HM_PUT, "/api/units/{id}", api_unit_update, PERM_UNIT_WRITE, R_API },
	{ GET, "/api/persons", api_persons, PERM_PERSON_READ, R_API },
	{ POST, "/api/persons", api_person_create, PERM_PERSON_WRITE, R_API },
	{ GET, "/api/persons/{id}", api_person_show, PERM_PERSON_READ, R_API },
	{ HM_PUT, "/api/persons/{id}", api_person_update, PERM_PERSON_WRITE, R_API },
	{ GET, "/api/clues", api_clues, PERM_CLUE_READ, R_API },
	{ POST, "/api/clues", api_clue_create, PERM_CLUE_REGISTER, R_API },
	{ GET, "/api/clues/{id}", api_clue_show, PERM_CLUE_READ, R_API },
	{ POST, "/api/clues/{id}/dispositions", api_disposition_create, PERM_CLUE_PROPOSE, R_API },
	{ POST, "/api/clues/{id}/categories", api_clue_categories, PERM_CLUE_PROPOSE, R_API },
	{ POST, "/api/dispositions/{id}/decision", api_disposition_decide, PERM_CLUE_APPROVE, R_API },
	{ GET, "/api/notices", api_notices, PERM_LOGIN, R_API },
	{ POST, "/api/dispositions/approve", api_dispositions_approve, PERM_CLUE_APPROVE, R_API },
	{ POST, "/api/clues/assign", api_clues_assign, PERM_CLUE_ASSIGN, R_API },
	/* api: special campaigns (campaigns) */
	{ GET, "/api/campaigns", api_campaigns, PERM_CLUE_READ, R_API },
	{ POST, "/api/campaigns", api_campaign_create, PERM_CAMPAIGN_WRITE, R_API },
	{ GET, "/api/campaigns/{id}", api_campaign, PERM_CLUE_READ, R_API },
	{ POST, "/api/campaigns/{id}", api_campaign_edit, PERM_CAMPAIGN_WRITE, R_API },
	{ POST, "/api/campaigns/{id}/groups", api_campaign_group_add, PERM_CAMPAIGN_WRITE, R_API },
	{ POST, "/api/campaigns/{id}/cases", api_campaign_tag_case, PERM_CAMPAIGN_WRITE, R_API },
	{ POST, "/api/campaigns/{id}/attachments", api_attach_upload, PERM_CLUE_READ, R_API | R_UPLOAD },
	{ GET, "/api/campaigns/{id}/attachments", api_attach_list, PERM_CLUE_READ, R_API },
	/* api: reports */
	{ GET, "/api/reports", api_reports, PERM_REPORT_READ, R_API },
	{ POST, "/api/reports", api_report_create, PERM_REPORT_WRITE, R_API },
	{ GET, "/api/reports/{id}", api_report_show, PERM_REPORT_READ, R_API },
	{ POST, "/api/reports/{id}/acceptance", api_report_acceptance, PERM_REPORT_WRITE, R_API },
	{ POST, "/api/reports/{id}/transfer", api_report_transfer, PERM_REPORT_WRITE, R_API },
	{ POST, "/api/reports/{id}/extension", api_report_extension, PERM_REPORT_WRITE, R_API },
	{ POST, "/api/reports/{id}/conclusion", api_report_conclusion, PERM_REPORT_WRITE, R_API },
	{ POST, "/api/reports/{id}/notice", api_report_notice, PERM_REPORT_WRITE, R_API },
	{ POST, "/api/reports/{id}/clue", api_report_clue, PERM_REPORT_WRITE, R_API },
	{ POST, "/api/reports/{id}/kind", api_report_kind, PERM_REPORT_WRITE, R_API },


	/* api: cases */
	{ GET, "/api/cases", api_cases, PERM_CASE_READ, R_API },
	{ GET, "/api/cases/{id}", api_case_show, PERM_CASE_READ, R_API },
	{ POST, "/api/cases/{id}/team", api_case_team_add, PERM_CASE_ASSIGN, R_API },
	{ POST, "/api/cases/{id}/team/remove", api_case_team_remove, PERM_CASE_ASSIGN, R_API },
	{ POST, "/api/cases/{id}/notes", api_case_note, PERM_CASE_WORK, R_API },
	{ POST, "/api/cases/{id}/detentions", api_detention_start, PERM_CASE_WORK, R_API },
	{ GET, "/api/detentions", api_detentions, PERM_CASE_READ, R_API },
	{ POST, "/api/detentions/{id}/extensions", api_detention_extend, PERM_CASE_WORK, R_API },
	{ POST, "/api/detentions/{id}/end", api_detention_end, PERM_CASE_WORK, R_API },
	{ POST, "/api/cases/{id}/filing", api_case_filing, PERM_CASE_ASSIGN, R_API },
	{ POST, "/api/detentions/{id}/notices", api_detention_notice, PERM_CASE_WORK, R_API },
	{ GET, "/api/recusals", api_recusals, PERM_LOGIN, R_API },
	{ GET, "/api/cases/{id}/recusals", api_case_recusals, PERM_CASE_READ, R_API },
	{ POST, "/api/cases/{id}/recusals", api_case_recusal_create, PERM_CASE_READ, R_API },
	{ POST, "/api/clues/{id}/recusals", api_clue_recusal_create, PERM_CLUE_READ, R_API },
	{ POST, "/api/recusals/{id}/decision", api_recusal_decide, PERM_CASE_OVERRIDE, R_API },
	{ POST, "/api/cases/{id}/transfer", api_case_transfer, PERM_CASE_WORK, R_API },
	{ POST, "/api/cases/{id}/trial", api_case_trial, PERM_CASE_WORK, R_API },
	{ POST, "/api/cases/{id}/closure", api_case_close, PERM_CASE_WORK, R_API },
	{ POST, "/api/cases/{id}/opinions", api_case_opinion, PERM_CASE_WORK, R_API },
	{ POST, "/api/cases/{id}/returns", api_case_return, PERM_CASE_WORK, R_API },
	{ GET, "/api/conflicts", api_conflicts, PERM_CASE_READ, R_API },
	{ POST, "/api/conflicts", api_conflict_create, PERM_CASE_READ, R_API },


	/* api: outcomes */
	{ GET, "/api/outcomes", api_outcomes, PERM_PERSON_READ, R_API },
	{ POST, "/api/outcomes", api_outcome_create, PERM_OUTCOME_WRITE, R_API },
	{ GET, "/api/outcomes/{id}", api_outcome_show, PERM_PERSON_READ, R_API },
	{ POST, "/api/outcomes/{id}/execution", api_execution_check, PERM_EXECUTION, R_API },
	{ POST, "/api/outcomes/{id}/followups", api_followup_create, PERM_OUTCOME_WRITE, R_API },
	{ POST, "/api/outcomes/{id}/appeals", api_appeal_create, PERM_OUTCOME_WRITE, R_API },
	{ POST, "/api/clarifications/{id}/followups", api_clarification_followup_create, PERM_OUTCOME_WRITE, R_API },
	{ GET, "/api/rules/forms", api_rule_table, PERM_RULES_EDIT, R_API },
	{ POST, "/api/rules/forms", api_rule_add, PERM_RULES_EDIT, R_API },
	{ GET, "/api/rules/periods", api_rule_table, PERM_RULES_EDIT, R_API },
	{ POST, "/api/rules/periods", api_rule_add, PERM_RULES_EDIT, R_API },
	{ GET, "/api/rules/clocks", api_rule_table, PERM_RULES_EDIT, R_API },
	{ POST, "/api/rules/clocks", api_rule_add, PERM_RULES_EDIT, R_API },
	{ GET, "/api/rules/detention", api_rule_table, PERM_RULES_EDIT, R_API },
	{ POST, "/api/rules/detention", api_rule_add, PERM_RULES_EDIT, R_API },
	{ GET, "/api/rules/jurisdiction", api_rule_table, PERM_RULES_EDIT, R_API },
	{ POST, "/api/rules/jurisdiction", api_rule_add, PERM_RULES_EDIT, R_API },
	{ GET, "/api/executions", api_executions, PERM_EXECUTION, R_API },
	{ POST, "/api/clarifications", api_clarification_create, PERM_OUTCOME_WRITE, R_API },
	{ GET, "/api/accountabilities", api_accountabilities, PERM_ACCOUNTABILITY, R_API },
	{ POST, "/api/accountabilities", api_accountability_create, PERM_ACCOUNTABILITY, R_API },
	{ GET, "/api/recoveries", api_recoveries, PERM_ACCOUNTABILITY, R_API },
	{ POST, "/api/recoveries", api_recovery_create, PERM_ACCOUNTABILITY, R_API },

	/* finding (issue 12): the pickers' endpoints and the search box */
	{ GET, "/api/pick/persons", api_pick_persons, PERM_PERSON_READ, R_API },
	{ GET, "/api/pick/units", api_pick_units, PERM_UNIT_READ, R_API },
	{ GET, "/api/pick/cases", api_pick_cases, PERM_CASE_READ, R_API },
	{ GET, "/search", page_search, PERM_LOGIN, 0 },


	{ 0, NULL, NULL, 0, 0 }
};

/* Matches one pattern; 1 with *id set when it does. */
static int match(const char *pat, const char *url, int64_t *id)
{
	while (*pat) {
		if (*pat == '*')
			return 1;
		if (!strncmp(pat, "{id}", 4)) {
			int64_t v = 0;
			int digits = 0;
			while (*url >= '0' && *url <= '9') {
				if (++digits > 15)
					return 0;
				v = v * 10 + (*url++ - '0');
			}
			if (!digits || v <= 0)
				return 0;
			*id = v;
			pat += 4;
			continue;
		}
		if (*pat++ != *url++)
			return 0;
	}
	return *url == '\0';
}

int route_is_public_face(const struct route *rt)
{
	return rt && (rt->flags & (R_CITIZEN | R_STATIC));
}

/* The rows for which keep(row) holds (NULL: all). */
static const struct route *match_in(const char *url, int method, int64_t *id, int *state,
				    int *allowed, int (*keep)(const struct route *))
{
	int path_seen = 0;

	*id = 0;
	*allowed = 0;
	for (const struct route *r = route_table; r->pattern; r++) {
		int64_t v = 0;
		if (keep && !keep(r))
			continue;
		if (!match(r->pattern, url, &v))
			continue;
		path_seen = 1;
		*allowed |= r->methods;
		if (r->methods & method) {
			*id = v;
			*state = 0;
			return r;
		}
	}
	*state = path_seen ? 405 : 404;
	return NULL;
}

const struct route *route_match(const char *url, int method, int64_t *id, int *state,
				int *allowed)
{
	return match_in(url, method, id, state, allowed, NULL);
}

const struct route *route_match_public(const char *url, int method, int64_t *id, int *state,
				       int *allowed)
{
	return match_in(url, method, id, state, allowed, route_is_public_face);
}

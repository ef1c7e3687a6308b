/*
 * wording.h — every sentence and word a reader sees that is not part of the
 * decision model lives in one wording file (data/wording.en), which a
 * translator can edit.  Each text has a key declared here with the
 * placeholders the program fills in; the file is read and checked like a
 * policy (an unknown, missing or repeated key, or an unknown placeholder, is
 * refused with its line and column).  Numbers arrive formatted; the sentence
 * around them is the file's.
 *
 * W(ID, "key", "placeholders, in the order the program passes them")
 * F(ID, "prefix", enum kind): one text per value of the enum, "prefix.NAME".
 */
#ifndef AICERT_WORDING_H
#define AICERT_WORDING_H

#include <stddef.h>

#include "aicert.h"
#include "core/strbuf.h"

#define AC_WORDS(W)                                                                                                    \
	W(VALUE_YES, "value.yes", "")                                                                                  \
	W(VALUE_NO, "value.no", "")                                                                                    \
	W(VALUE_UNKNOWN, "value.unknown", "")                                                                          \
	W(VALUE_NOT_GIVEN, "value.not_given", "")                                                                      \
	W(VALUE_NONE, "value.none", "")                                                                                \
	W(VALUE_NOT_ANSWERED, "value.not_answered", "")                                                                \
	W(VALUE_NOT_KNOWN, "value.not_known", "")                                                                      \
	W(UNIT_HOUR, "unit.hour", "n")                                                                                 \
	W(UNIT_HOURS, "unit.hours", "n")                                                                               \
	W(UNIT_WEEK, "unit.week", "n")                                                                                 \
	W(UNIT_WEEKS, "unit.weeks", "n")                                                                               \
	W(UNIT_MONTH, "unit.month", "n")                                                                               \
	W(UNIT_MONTHS, "unit.months", "n")                                                                             \
	W(REPORT_TITLE, "report.title", "")                                                                            \
	W(REPORT_TITLE_LABELLED, "report.title_labelled", "label")                                                     \
	W(REPORT_VERDICT, "report.verdict", "")                                                                        \
	W(REPORT_VERDICT_HEADLINE, "report.verdict_headline", "verdict,headline")                                      \
	W(REPORT_EXPOSURE, "report.exposure", "")                                                                      \
	W(REPORT_EXPOSURE_NO_TASKS, "report.exposure_no_tasks", "")                                                    \
	W(REPORT_EXPOSURE_SCORE, "report.exposure_score", "")                                                          \
	W(REPORT_EXPOSURE_SCORE_VALUE, "report.exposure_score_value", "percent")                                       \
	W(REPORT_EXPOSURE_CLASS, "report.exposure_class", "")                                                          \
	W(REPORT_EXPOSURE_NATURE, "report.exposure_nature", "")                                                        \
	W(REPORT_EXPOSURE_STRUCTURAL, "report.exposure_structural", "")                                                \
	W(REPORT_EXPOSURE_SKILL_BASED, "report.exposure_skill_based", "")                                              \
	W(REPORT_EXPOSURE_NEITHER, "report.exposure_neither", "")                                                      \
	W(REPORT_EXPOSURE_EXPLAINED, "report.exposure_explained", "")                                                  \
	W(REPORT_EXPOSURE_PREFILLED, "report.exposure_prefilled", "")                                                  \
	W(REPORT_TASK_HEAD_TASK, "report.task_head_task", "")                                                          \
	W(REPORT_TASK_HEAD_SHARE, "report.task_head_share", "")                                                        \
	W(REPORT_TASK_HEAD_CATEGORY, "report.task_head_category", "")                                                  \
	W(REPORT_TASK_HEAD_EXPOSURE, "report.task_head_exposure", "")                                                  \
	W(REPORT_TASK_HEAD_CONTRIBUTION, "report.task_head_contribution", "")                                          \
	W(REPORT_TASK_MEASURED, "report.task_measured", "")                                                            \
	W(REPORT_OCCUPATION, "report.occupation", "")                                                                  \
	W(REPORT_OCCUPATION_VALUE, "report.occupation_value", "title,code")                                            \
	W(REPORT_OCCUPATION_UNTITLED, "report.occupation_untitled", "")                                                \
	W(REPORT_OCCUPATION_NO_CODE, "report.occupation_no_code", "")                                                  \
	W(REPORT_OCCUPATION_EXPOSURE, "report.occupation_exposure", "")                                                \
	W(REPORT_OCCUPATION_EXPOSURE_VALUE, "report.occupation_exposure_value", "percent")                             \
	W(REPORT_OCCUPATION_BETA, "report.occupation_beta", "")                                                        \
	W(REPORT_OCCUPATION_APPLICABILITY, "report.occupation_applicability", "")                                      \
	W(REPORT_OCCUPATION_COMPARED, "report.occupation_compared", "")                                                \
	W(REPORT_OCCUPATION_COMPARED_VALUE, "report.occupation_compared_value", "percent")                             \
	W(REPORT_OCCUPATION_RANGE, "report.occupation_range", "")                                                      \
	W(REPORT_OCCUPATION_RANGE_VALUE, "report.occupation_range_value", "low,high")                                  \
	W(REPORT_OCCUPATION_SOURCES, "report.occupation_sources", "")                                                  \
	W(REPORT_CHART_TASKS, "report.chart_tasks", "")                                                                \
	W(REPORT_CHART_TASKS_EXPLAINED, "report.chart_tasks_explained", "")                                            \
	W(REPORT_CHART_TASK, "report.chart_task", "task,share")                                                        \
	W(REPORT_CHART_SCORE, "report.chart_score", "percent")                                                         \
	W(REPORT_CHART_AMONG, "report.chart_among", "")                                                                \
	W(REPORT_CHART_AMONG_EXPLAINED, "report.chart_among_explained", "")                                            \
	W(REPORT_CHART_AMONG_EXPLAINED_BAND, "report.chart_among_explained_band", "")                                  \
	W(REPORT_CHART_YOU, "report.chart_you", "")                                                                    \
	W(REPORT_CHART_OCCUPATION, "report.chart_occupation", "")                                                      \
	W(REPORT_CHART_LEAST, "report.chart_least", "")                                                                \
	W(REPORT_CHART_MOST, "report.chart_most", "")                                                                  \
	W(REPORT_LANGUAGE, "report.language", "")                                                                      \
	W(REPORT_REPLACEABILITY, "report.replaceability", "")                                                          \
	W(REPORT_REPLACEABILITY_EXPLAINED, "report.replaceability_explained", "")                                      \
	W(REPORT_REPLACEABILITY_NO_TASKS, "report.replaceability_no_tasks", "")                                        \
	W(REPORT_REPLACEABILITY_STANDARDIZED, "report.replaceability_standardized", "")                                \
	W(REPORT_REPLACEABILITY_REPEATABLE, "report.replaceability_repeatable", "")                                    \
	W(REPORT_REPLACEABILITY_BENCHMARKED, "report.replaceability_benchmarked", "")                                  \
	W(REPORT_REPLACEABILITY_SEPARABLE, "report.replaceability_separable", "")                                      \
	W(REPORT_REPLACEABILITY_SHARE, "report.replaceability_share", "percent")                                       \
	W(REPORT_REPLACEABILITY_ANSWER_SEPARABLE, "report.replaceability_answer_separable", "")                        \
	W(REPORT_REPLACEABILITY_ANSWER_HOLDS, "report.replaceability_answer_holds", "")                                \
	W(REPORT_CONDITIONS_HOLD, "report.conditions_hold", "")                                                        \
	W(REPORT_COUNT_OF_FOUR, "report.count_of_four", "count")                                                       \
	W(REPORT_COUNT_OF_FOUR_HIGH, "report.count_of_four_high", "count")                                             \
	W(REPORT_LEVERAGE, "report.leverage", "")                                                                      \
	W(REPORT_LEVERAGE_TEST, "report.leverage_test", "")                                                            \
	W(REPORT_LEVERAGE_TEST_VALUE, "report.leverage_test_value", "outcome")                                         \
	W(REPORT_LEVERAGE_ORIENTATION, "report.leverage_orientation", "")                                              \
	W(REPORT_LEVERAGE_OWNERSHIP, "report.leverage_ownership", "")                                                  \
	W(REPORT_LEVERAGE_OWNERSHIP_YES, "report.leverage_ownership_yes", "")                                          \
	W(REPORT_LEVERAGE_OWNERSHIP_NO, "report.leverage_ownership_no", "")                                            \
	W(REPORT_LEVERAGE_LADDER, "report.leverage_ladder", "")                                                        \
	W(REPORT_LEVERAGE_LADDER_VALUE, "report.leverage_ladder_value", "level,name")                                  \
	W(REPORT_LEVERAGE_CLAIMS, "report.leverage_claims", "")                                                        \
	W(LADDER_1, "ladder.1", "")                                                                                    \
	W(LADDER_2, "ladder.2", "")                                                                                    \
	W(LADDER_3, "ladder.3", "")                                                                                    \
	W(LADDER_4, "ladder.4", "")                                                                                    \
	W(LADDER_5, "ladder.5", "")                                                                                    \
	W(REPORT_LEVERAGE_AI_ENHANCED, "report.leverage_ai_enhanced", "")                                              \
	W(REPORT_LEVERAGE_OWNS_OUTCOMES, "report.leverage_owns_outcomes", "")                                          \
	W(REPORT_LEVERAGE_SYSTEM_DESIGN, "report.leverage_system_design", "")                                          \
	W(REPORT_LEVERAGE_HYBRID, "report.leverage_hybrid", "")                                                        \
	W(REPORT_ORGANISATION, "report.organisation", "")                                                              \
	W(REPORT_ORGANISATION_SIGNAL_STRENGTH, "report.organisation_signal_strength", "")                              \
	W(REPORT_ORGANISATION_CREDENTIAL_SENSITIVE, "report.organisation_credential_sensitive", "")                    \
	W(REPORT_ORGANISATION_LEADERS, "report.organisation_leaders", "")                                              \
	W(REPORT_ORGANISATION_SIGNALLING_RISK, "report.organisation_signalling_risk", "")                              \
	W(REPORT_ORGANISATION_SIGNALLING_RISK_YES, "report.organisation_signalling_risk_yes", "")                      \
	W(REPORT_TIMING, "report.timing", "")                                                                          \
	W(REPORT_TIMING_PHASE, "report.timing_phase", "")                                                              \
	W(PHASE_1, "phase.1", "")                                                                                      \
	W(PHASE_2, "phase.2", "")                                                                                      \
	W(PHASE_3, "phase.3", "")                                                                                      \
	W(REPORT_TIMING_APPROPRIATE, "report.timing_appropriate", "")                                                  \
	W(REPORT_TIMING_COMPRESSING, "report.timing_compressing", "")                                                  \
	W(REPORT_TIMING_SHIFTING, "report.timing_shifting", "")                                                        \
	W(REPORT_MOTIVES, "report.motives", "")                                                                        \
	W(REPORT_MOTIVES_VALID, "report.motives_valid", "")                                                            \
	W(REPORT_MOTIVES_INVALID, "report.motives_invalid", "")                                                        \
	W(REPORT_MOTIVES_UNKNOWN, "report.motives_unknown", "")                                                        \
	W(REPORT_MOTIVES_POSITIONING, "report.motives_positioning", "")                                                \
	W(POSITIONING_OFFENSIVE, "positioning.offensive", "")                                                          \
	W(POSITIONING_MIXED, "positioning.mixed", "")                                                                  \
	W(POSITIONING_DEFENSIVE, "positioning.defensive", "")                                                          \
	W(POSITIONING_UNKNOWN, "positioning.unknown", "")                                                              \
	W(REPORT_CERTIFICATE, "report.certificate", "")                                                                \
	W(REPORT_CERTIFICATE_NONE, "report.certificate_none", "")                                                      \
	W(REPORT_CERTIFICATE_NAME, "report.certificate_name", "")                                                      \
	W(REPORT_CERTIFICATE_NAME_CODE, "report.certificate_name_code", "name,code")                                   \
	W(REPORT_CERTIFICATE_PROVIDER, "report.certificate_provider", "")                                              \
	W(REPORT_CERTIFICATE_DOMAIN, "report.certificate_domain", "")                                                  \
	W(REPORT_CERTIFICATE_LEVEL, "report.certificate_level", "")                                                    \
	W(REPORT_CERTIFICATE_STATUS, "report.certificate_status", "")                                                  \
	W(REPORT_CERTIFICATE_ACTIVE, "report.certificate_active", "")                                                  \
	W(REPORT_CERTIFICATE_RETIRING, "report.certificate_retiring", "")                                              \
	W(REPORT_CERTIFICATE_RETIRED, "report.certificate_retired", "")                                                \
	W(REPORT_CERTIFICATE_STATUS_ON, "report.certificate_status_on", "status,date")                                 \
	W(REPORT_CERTIFICATE_GAP_FIT, "report.certificate_gap_fit", "")                                                \
	W(REPORT_CERTIFICATE_GAP_FIT_MATCHING, "report.certificate_gap_fit_matching", "fit,words")                     \
	W(REPORT_CERTIFICATE_ROLE_FIT, "report.certificate_role_fit", "")                                              \
	W(REPORT_CERTIFICATE_ROLE_FIT_MATCHING, "report.certificate_role_fit_matching", "fit,role")                    \
	W(REPORT_CERTIFICATE_RECOGNISED, "report.certificate_recognised", "")                                          \
	W(REPORT_CERTIFICATE_MONEY, "report.certificate_money", "")                                                    \
	W(REPORT_CERTIFICATE_SOURCE_SAYS, "report.certificate_source_says", "value,note")                              \
	W(REPORT_CERTIFICATE_HOURS_ESTIMATED, "report.certificate_hours_estimated", "hours,low,high")                  \
	W(REPORT_CERTIFICATE_RETAKE, "report.certificate_retake", "")                                                  \
	W(REPORT_CERTIFICATE_PREPARATION, "report.certificate_preparation", "")                                        \
	W(REPORT_CERTIFICATE_WEEKS, "report.certificate_weeks", "")                                                    \
	W(REPORT_CERTIFICATE_TIME_VALUE, "report.certificate_time_value", "")                                          \
	W(REPORT_CERTIFICATE_TOTAL_COST, "report.certificate_total_cost", "")                                          \
	W(REPORT_CERTIFICATE_VALIDITY, "report.certificate_validity", "")                                              \
	W(REPORT_CERTIFICATE_NEVER_EXPIRES, "report.certificate_never_expires", "")                                    \
	W(REPORT_CERTIFICATE_PER_YEAR, "report.certificate_per_year", "")                                              \
	W(REPORT_CERTIFICATE_WITHIN_BUDGET, "report.certificate_within_budget", "")                                    \
	W(REPORT_CERTIFICATE_CHECKED, "report.certificate_checked", "")                                                \
	W(REPORT_RULES, "report.rules", "")                                                                            \
	W(REPORT_RULE_DECIDES, "report.rule_decides", "verdict,because")                                               \
	W(REPORT_RULE_POINTS_TO, "report.rule_points_to", "verdict,because")                                           \
	W(REPORT_RULES_NONE, "report.rules_none", "")                                                                  \
	W(REPORT_FLAGS, "report.flags", "")                                                                            \
	W(REPORT_CONDITIONS, "report.conditions", "")                                                                  \
	W(REPORT_CONDITIONS_EXPLAINED, "report.conditions_explained", "")                                              \
	W(CONDITION_EXPOSURE_UNDERSTOOD, "condition.exposure_understood", "")                                          \
	W(CONDITION_LEVERAGE_POSSIBLE, "condition.leverage_possible", "")                                              \
	W(CONDITION_TIMING_APPROPRIATE, "condition.timing_appropriate", "")                                            \
	W(CONDITION_TRAJECTORY_DEFINED, "condition.trajectory_defined", "")                                            \
	W(REPORT_QUESTIONS, "report.questions", "")                                                                    \
	W(QUESTION_CAPABILITY_GAP, "question.capability_gap", "")                                                      \
	W(QUESTION_MAPS_TO_WANTED_ROLE, "question.maps_to_wanted_role", "")                                            \
	W(QUESTION_AUTHORITY_OR_KNOWLEDGE, "question.authority_or_knowledge", "")                                      \
	W(QUESTION_ORG_REWARDS_CERTIFICATION, "question.org_rewards_certification", "")                                \
	W(QUESTION_DEFENSIVE_OR_OFFENSIVE, "question.defensive_or_offensive", "")                                      \
	W(REPORT_ALTERNATIVES, "report.alternatives", "")                                                              \
	W(REPORT_ALTERNATIVE_TITLE, "report.alternative_title", "path,score")                                          \
	W(REPORT_ALTERNATIVE_FIRST_STEP, "report.alternative_first_step", "step")                                      \
	W(REPORT_CHANGES, "report.changes", "")                                                                        \
	W(REPORT_CHANGES_NONE, "report.changes_none", "")                                                              \
	W(REPORT_CHANGES_EXPLAINED, "report.changes_explained", "")                                                    \
	W(REPORT_CHANGES_OPEN, "report.changes_open", "")                                                              \
	W(REPORT_CHANGES_ACTIONS, "report.changes_actions", "")                                                        \
	W(REPORT_CHANGES_RESTS_ON, "report.changes_rests_on", "")                                                      \
	W(REPORT_CHANGE_ANSWER, "report.change_answer", "answers,verdict")                                             \
	W(REPORT_CHANGE_SAME, "report.change_same", "answers,verdict")                                                 \
	W(REPORT_CHANGE_ACTION, "report.change_action", "change,verdict")                                              \
	W(REPORT_CHANGE_RESTS_ON, "report.change_rests_on", "question,answer,other,verdict")                           \
	W(REPORT_MISSING, "report.missing", "")                                                                        \
	W(REPORT_MISSING_NO_CHANGE, "report.missing_no_change", "")                                                    \
	W(REPORT_MISSING_CHANGES, "report.missing_changes", "")                                                        \
	W(REPORT_WARNINGS, "report.warnings", "")                                                                      \
	W(REPORT_POLICY, "report.policy", "")                                                                          \
	W(CERTS_DOMAIN_EMPTY, "certs.domain_empty", "domain")                                                          \
	W(REPORT_POLICY_VALUE, "report.policy_value", "name,version,date")                                             \
	W(REPORT_OCCUPATION_CREDITS, "report.occupation_credits", "")                                                  \
	W(WARNING_CERT_RETIRED, "warning.cert_retired", "name")                                                        \
	W(WARNING_CERT_RETIRED_ON, "warning.cert_retired_on", "name,date")                                             \
	W(WARNING_CERT_RETIRING, "warning.cert_retiring", "name")                                                      \
	W(WARNING_CERT_RETIRING_ON, "warning.cert_retiring_on", "name,date")                                           \
	W(WARNING_CERT_PREREQUISITE, "warning.cert_prerequisite", "name,prerequisites")                                \
	W(WARNING_CERT_PREREQUISITE_UNNAMED, "warning.cert_prerequisite_unnamed", "name")                              \
	W(WARNING_CERT_PRICE_UNKNOWN, "warning.cert_price_unknown", "name")                                            \
	W(WARNING_CERT_PRICE_UNKNOWN_NOTE, "warning.cert_price_unknown_note", "name,note")                             \
	W(WARNING_CERT_HOURS_UNKNOWN, "warning.cert_hours_unknown", "name")                                            \
	W(WARNING_CERT_HOURS_ESTIMATED, "warning.cert_hours_estimated", "name,low,high")                               \
	W(WARNING_CERT_UNCERTAIN, "warning.cert_uncertain", "name")                                                    \
	W(WARNING_CERT_OVER_BUDGET, "warning.cert_over_budget", "cost,budget")                                         \
	W(WARNING_SHARES, "warning.shares", "total")                                                                   \
	W(WARNING_PREFILLED, "warning.prefilled", "count,code,groups")                                                 \
	W(WARNING_PREFILLED_SPLIT, "warning.prefilled_split", "count,code,groups")                                     \
	W(WARNING_PREFILLED_FOLDED, "warning.prefilled_folded", "count,code,groups,folded")                            \
	W(WARNING_PREFILLED_TASKS, "warning.prefilled_tasks", "count,code")                                            \
	W(WARNING_UNCATEGORISED, "warning.uncategorised", "count")                                                     \
	W(TASK_GROUP, "task.group", "category,tasks")                                                                  \
	W(TASK_GROUP_MORE, "task.group_more", "count")                                                                 \
	W(TASK_GROUP_UNCATEGORISED, "task.group_uncategorised", "tasks")                                               \
	W(REPORT_TASK_NOT_CATEGORISED, "report.task_not_categorised", "")                                              \
	W(REPORT_CERTIFICATE_TIME_VALUE_MEDIAN, "report.certificate_time_value_median", "value,pay")                   \
	W(WARNING_INVALID_MOTIVES, "warning.invalid_motives", "")                                                      \
	W(NOTE_OCCUPATION_DATA_MISSING, "note.occupation_data_missing", "")                                            \
	W(NOTE_OCCUPATION_UNKNOWN, "note.occupation_unknown", "code")                                                  \
	W(WHATIF_NONE, "whatif.none", "")                                                                              \
	W(WHATIF_NAMED, "whatif.named", "")                                                                            \
	W(WHATIF_EXAMPLE_TARGET_ROLE, "whatif.example_target_role", "")                                                \
	W(WHATIF_EXAMPLE_CAPABILITY, "whatif.example_capability", "")                                                  \
	W(CALIBRATE_KEPT, "calibrate.kept", "")                                                                        \
	W(CALIBRATE_CALIBRATED, "calibrate.calibrated", "tasks,was")                                                   \
	W(COMPARE_TITLE, "compare.title", "")                                                                          \
	W(COMPARE_FOR, "compare.for", "label")                                                                         \
	W(COMPARE_UNLABELLED, "compare.unlabelled", "")                                                                \
	W(COMPARE_OWN_CERTIFICATION, "compare.own_certification", "name")                                              \
	W(COMPARE_NONE_PURSUE, "compare.none_pursue", "")                                                              \
	W(COMPARE_ALTERNATIVE, "compare.alternative", "path,score")                                                    \
	W(COMPARE_ANOTHER_PATH, "compare.another_path", "")                                                            \
	W(COMPARE_ALTERNATIVE_WHY, "compare.alternative_why", "why")                                                   \
	W(COMPARE_ALTERNATIVE_FIRST_STEP, "compare.alternative_first_step", "step")                                    \
	W(COMPARE_CLOSEST, "compare.closest", "")                                                                      \
	W(COMPARE_PURSUE_COUNT, "compare.pursue_count", "count,total")                                                 \
	W(COMPARE_FEASIBLE_SET_ASIDE, "compare.feasible_set_aside", "")                                                \
	W(COMPARE_NONE_PASS, "compare.none_pass", "")                                                                  \
	W(COMPARE_RANKED, "compare.ranked", "")                                                                        \
	W(COMPARE_RULE, "compare.rule", "rule,name,version,percent")                                                   \
	W(COMPARE_RULE_DEFAULT, "compare.rule_default", "")                                                            \
	W(COMPARE_FIT_EXPLAINED, "compare.fit_explained", "")                                                          \
	W(COMPARE_SHOWING, "compare.showing", "shown,total")                                                           \
	W(COMPARE_RETIRED_LEFT_OUT_ONE, "compare.retired_left_out_one", "count")                                       \
	W(COMPARE_RETIRED_LEFT_OUT, "compare.retired_left_out", "count")                                               \
	W(COMPARE_PRICE_LEFT_OUT_ONE, "compare.price_left_out_one", "count")                                           \
	W(COMPARE_PRICE_LEFT_OUT, "compare.price_left_out", "count")                                                   \
	W(COMPARE_DETAILS, "compare.details", "")                                                                      \
	W(COMPARE_ROW_TITLE, "compare.row_title", "name,id")                                                           \
	W(COMPARE_ITEM_VERDICT, "compare.item_verdict", "")                                                            \
	W(COMPARE_ITEM_FIT, "compare.item_fit", "")                                                                    \
	W(COMPARE_ITEM_PRICE, "compare.item_price", "")                                                                \
	W(COMPARE_ITEM_PREPARATION, "compare.item_preparation", "")                                                    \
	W(COMPARE_ITEM_AVAILABILITY, "compare.item_availability", "")                                                  \
	W(COMPARE_ITEM_WHY, "compare.item_why", "")                                                                    \
	W(COMPARE_NO_VERDICT, "compare.no_verdict", "")                                                                \
	W(COMPARE_VERDICT_REASON, "compare.verdict_reason", "verdict,reason")                                          \
	W(COMPARE_FIT_COVERS, "compare.fit_covers", "words")                                                           \
	W(COMPARE_FIT_ROLE, "compare.fit_role", "role")                                                                \
	W(COMPARE_FIT_OFF_LEVEL, "compare.fit_off_level", "level")                                                     \
	W(COMPARE_FIT_OFF_DOMAIN, "compare.fit_off_domain", "")                                                        \
	W(COMPARE_PRICE_UNCERTAIN, "compare.price_uncertain", "price")                                                 \
	W(COMPARE_PRICE_UNKNOWN, "compare.price_unknown", "")                                                          \
	W(COMPARE_RETAKE, "compare.retake", "price")                                                                   \
	W(COMPARE_OVER_BUDGET, "compare.over_budget", "")                                                              \
	W(COMPARE_HOURS, "compare.hours", "hours")                                                                     \
	W(COMPARE_HOURS_UNCERTAIN, "compare.hours_uncertain", "hours")                                                 \
	W(COMPARE_HOURS_ESTIMATED, "compare.hours_estimated", "hours,low,high")                                        \
	W(COMPARE_TIME_UNKNOWN, "compare.time_unknown", "")                                                            \
	W(COMPARE_WEEK, "compare.week", "n")                                                                           \
	W(COMPARE_WEEKS, "compare.weeks", "n")                                                                         \
	W(COMPARE_WEEKS_RANGE, "compare.weeks_range", "low,high")                                                      \
	W(COMPARE_TOO_LONG, "compare.too_long", "")                                                                    \
	W(COMPARE_STATUS_ON, "compare.status_on", "status,date")                                                       \
	W(COMPARE_BEFORE_FINISH, "compare.before_finish", "")                                                          \
	W(COMPARE_SUCCESSOR, "compare.successor", "id")                                                                \
	W(COMPARE_WHY_ONLY, "compare.why_only", "")                                                                    \
	W(COMPARE_WHY_TIE, "compare.why_tie", "id")                                                                    \
	W(COMPARE_WHY_AHEAD, "compare.why_ahead", "id,key,mine,theirs")                                                \
	W(COMPARE_WHY_BELOW, "compare.why_below", "id,key,mine,theirs")                                                \
	W(COMPARE_KEY_AVAILABLE, "compare.key_available", "")                                                          \
	W(COMPARE_KEY_FEASIBLE, "compare.key_feasible", "")                                                            \
	W(COMPARE_KEY_VERDICT, "compare.key_verdict", "")                                                              \
	W(COMPARE_KEY_FIT, "compare.key_fit", "")                                                                      \
	W(COMPARE_KEY_GAP_FIT, "compare.key_gap_fit", "")                                                              \
	W(COMPARE_KEY_ROLE_FIT, "compare.key_role_fit", "")                                                            \
	W(COMPARE_KEY_WEEKS, "compare.key_weeks", "")                                                                  \
	W(COMPARE_KEY_COST, "compare.key_cost", "")                                                                    \
	W(COMPARE_KEY_TOTAL_COST, "compare.key_total_cost", "")                                                        \
	W(COMPARE_KEY_ID, "compare.key_id", "")                                                                        \
	W(COMPARE_VALUE_AVAILABLE, "compare.value_available", "")                                                      \
	W(COMPARE_VALUE_RETIRES, "compare.value_retires", "")                                                          \
	W(COMPARE_VALUE_RETIREMENT_UNKNOWN, "compare.value_retirement_unknown", "")                                    \
	W(COMPARE_VALUE_OVER_BUDGET, "compare.value_over_budget", "")                                                  \
	W(COMPARE_VALUE_TOO_LONG, "compare.value_too_long", "")                                                        \
	W(COMPARE_VALUE_FEASIBLE, "compare.value_feasible", "")                                                        \
	W(COMPARE_VALUE_FEASIBLE_UNKNOWN, "compare.value_feasible_unknown", "")                                        \
	W(COMPARE_VALUE_FIT, "compare.value_fit", "percent")                                                           \
	W(COMPARE_VALUE_FIT_UNKNOWN, "compare.value_fit_unknown", "")                                                  \
	W(COMPARE_VALUE_GAP_FIT, "compare.value_gap_fit", "percent")                                                   \
	W(COMPARE_VALUE_GAP_FIT_UNKNOWN, "compare.value_gap_fit_unknown", "")                                          \
	W(COMPARE_VALUE_ROLE_FIT, "compare.value_role_fit", "percent")                                                 \
	W(COMPARE_VALUE_ROLE_FIT_UNKNOWN, "compare.value_role_fit_unknown", "")                                        \
	W(COMPARE_VALUE_WEEKS, "compare.value_weeks", "n")                                                             \
	W(COMPARE_VALUE_WEEKS_ESTIMATED, "compare.value_weeks_estimated", "n")                                         \
	W(COMPARE_VALUE_WEEKS_UNKNOWN, "compare.value_weeks_unknown", "")                                              \
	W(COMPARE_VALUE_TOTAL_COST, "compare.value_total_cost", "price")                                               \
	W(COMPARE_VALUE_TOTAL_COST_UNKNOWN, "compare.value_total_cost_unknown", "")                                    \
	W(COMPARE_CUSTOM_CERTIFICATE, "compare.custom_certificate", "")                                                \
	W(CERTS_HEAD_ID, "certs.head_id", "")                                                                          \
	W(CERTS_HEAD_COST, "certs.head_cost", "")                                                                      \
	W(CERTS_HEAD_HOURS, "certs.head_hours", "")                                                                    \
	W(CERTS_HEAD_STATUS, "certs.head_status", "")                                                                  \
	W(CERTS_ROW, "certs.row", "name,level,domain")                                                                 \
	W(CERTS_ROW_NARROW, "certs.row_narrow", "cost,hours,status,name,level,domain")                                 \
	W(CERTS_LIST_STATUS_DATE, "certs.list_status_date", "status,date")                                             \
	W(CERTS_STATUS_DATE, "certs.status_date", "status,date")                                                       \
	W(CERTS_LIST_NOTE, "certs.list_note", "shown,total")                                                           \
	W(CERTS_NONE, "certs.none", "")                                                                                \
	W(CERTS_COST_LEFT_OUT_ONE, "certs.cost_left_out_one", "count")                                                 \
	W(CERTS_COST_LEFT_OUT, "certs.cost_left_out", "count")                                                         \
	W(CERTS_DETAILS, "certs.details", "")                                                                          \
	W(CERTS_SHOW_NAME, "certs.show_name", "")                                                                      \
	W(CERTS_SHOW_PROVIDER, "certs.show_provider", "")                                                              \
	W(CERTS_SHOW_EXAM_CODE, "certs.show_exam_code", "")                                                            \
	W(CERTS_SHOW_LEVEL, "certs.show_level", "")                                                                    \
	W(CERTS_SHOW_DOMAIN, "certs.show_domain", "")                                                                  \
	W(CERTS_SHOW_COST, "certs.show_cost", "")                                                                      \
	W(CERTS_SHOW_SOURCE_SAYS, "certs.show_source_says", "")                                                        \
	W(CERTS_SHOW_RETAKE, "certs.show_retake", "")                                                                  \
	W(CERTS_SHOW_PREPARATION, "certs.show_preparation", "")                                                        \
	W(CERTS_SHOW_VALIDITY, "certs.show_validity", "")                                                              \
	W(CERTS_SHOW_RENEWAL, "certs.show_renewal", "")                                                                \
	W(CERTS_SHOW_PREREQUISITES, "certs.show_prerequisites", "")                                                    \
	W(CERTS_SHOW_GATED, "certs.show_gated", "")                                                                    \
	W(CERTS_SHOW_FORMAT, "certs.show_format", "")                                                                  \
	W(CERTS_SHOW_STATUS, "certs.show_status", "")                                                                  \
	W(CERTS_SHOW_ROLES, "certs.show_roles", "")                                                                    \
	W(CERTS_SHOW_KEYWORDS, "certs.show_keywords", "")                                                              \
	W(CERTS_SHOW_SUCCESSOR, "certs.show_successor", "")                                                            \
	W(CERTS_SHOW_URL, "certs.show_url", "")                                                                        \
	W(CERTS_SHOW_SOURCES, "certs.show_sources", "")                                                                \
	W(CERTS_SHOW_CHECKED, "certs.show_checked", "")                                                                \
	W(CERTS_SHOW_UNCERTAIN, "certs.show_uncertain", "")                                                            \
	W(CERTS_VALUE_UNCERTAIN, "certs.value_uncertain", "value")                                                     \
	W(CERTS_NO_EXAM_CODE, "certs.no_exam_code", "")                                                                \
	W(CERTS_HOURS_ESTIMATED, "certs.hours_estimated", "hours,low,high")                                            \
	W(CERTS_NEVER_EXPIRES, "certs.never_expires", "")                                                              \
	W(CERTS_GATED_YES, "certs.gated_yes", "")                                                                      \
	W(CERTS_SOURCE_ISSUER, "certs.source_issuer", "")                                                              \
	W(CERTS_SOURCE_TRAINING, "certs.source_training", "")                                                          \
	W(CERTS_SOURCE_OTHER, "certs.source_other", "")                                                                \
	W(CERTS_SOURCE_SUPPORTS, "certs.source_supports", "standing")                                                  \
	W(CERTS_NO_FIGURE, "certs.no_figure", "")                                                                      \
	W(CERTS_FIGURE_PRICE, "certs.figure_price", "")                                                                \
	W(CERTS_FIGURE_RETAKE, "certs.figure_retake", "")                                                              \
	W(CERTS_FIGURE_PREPARATION, "certs.figure_preparation", "")                                                    \
	W(CERTS_FIGURE_VALIDITY, "certs.figure_validity", "")                                                          \
	W(CERTS_FIGURE_RETIREMENT_DATE, "certs.figure_retirement_date", "")                                            \
	W(CERTS_FIGURE_EXAM_CODE, "certs.figure_exam_code", "")                                                        \
	W(CERTS_UNCERTAIN_EXPLAINED, "certs.uncertain_explained", "")                                                  \
	W(OCC_NO_MATCH, "occupations.no_match", "words")                                                               \
	W(OCC_HEAD_CODE, "occupations.head_code", "")                                                                  \
	W(OCC_HEAD_CONFIDENCE, "occupations.head_confidence", "")                                                      \
	W(OCC_HEAD_OCCUPATION, "occupations.head_occupation", "")                                                      \
	W(OCC_MATCHED_VIA, "occupations.matched_via", "via,title")                                                     \
	W(OCC_SEARCH_NOTE, "occupations.search_note", "")                                                              \
	W(OCC_SEARCH_SHOW, "occupations.search_show", "")                                                              \
	W(OCC_SRC_GPTS, "occupations.src_gpts", "")                                                                    \
	W(OCC_SRC_WWAI, "occupations.src_wwai", "")                                                                    \
	W(OCC_SRC_OEWS, "occupations.src_oews", "")                                                                    \
	W(OCC_SRC_ONET, "occupations.src_onet", "")                                                                    \
	W(OCC_SRC_PROJECTIONS, "occupations.src_projections", "version")                                               \
	W(OCC_EXPOSURE, "occupations.exposure", "")                                                                    \
	W(OCC_MEASURED, "occupations.measured", "value,ordinal,percent")                                               \
	W(OCC_MEASURED_HOW_1, "occupations.measured_how_1", "gpts")                                                    \
	W(OCC_MEASURED_HOW_2, "occupations.measured_how_2", "wwai")                                                    \
	W(OCC_BETA, "occupations.beta", "value,ordinal,percent")                                                       \
	W(OCC_BETA_HOW, "occupations.beta_how", "gpts")                                                                \
	W(OCC_BETA_UNKNOWN, "occupations.beta_unknown", "gpts")                                                        \
	W(OCC_APPLICABILITY, "occupations.applicability", "value,ordinal,percent")                                     \
	W(OCC_APPLICABILITY_UNKNOWN, "occupations.applicability_unknown", "wwai")                                      \
	W(OCC_SCALES_1, "occupations.scales_1", "")                                                                    \
	W(OCC_SCALES_2, "occupations.scales_2", "")                                                                    \
	W(OCC_LABOUR_MARKET, "occupations.labour_market", "")                                                          \
	W(OCC_EMPLOYMENT, "occupations.employment", "value")                                                           \
	W(OCC_EMPLOYMENT_UNKNOWN, "occupations.employment_unknown", "oews")                                            \
	W(OCC_WAGE, "occupations.wage", "value")                                                                       \
	W(OCC_WAGE_UNKNOWN, "occupations.wage_unknown", "oews")                                                        \
	W(OCC_GROWTH, "occupations.growth", "percent")                                                                 \
	W(OCC_GROWTH_UNKNOWN, "occupations.growth_unknown", "source")                                                  \
	W(OCC_EDUCATION, "occupations.education", "education,source")                                                  \
	W(OCC_JOB_ZONE, "occupations.job_zone", "zone,onet")                                                           \
	W(OCC_JOB_ZONE_NAMED, "occupations.job_zone_named", "zone,name,onet")                                          \
	W(OCC_SOURCE, "occupations.source", "source")                                                                  \
	W(OCC_SOURCE_ROW, "occupations.source_row", "source,row")                                                      \
	W(OCC_SOURCE_ROW_GROUP, "occupations.source_row_group", "source,row")                                          \
	W(OCC_TASKS_1, "occupations.tasks_1", "count,onet")                                                            \
	W(OCC_TASKS_2, "occupations.tasks_2", "")                                                                      \
	W(OCC_TASKS_3, "occupations.tasks_3", "gpts")                                                                  \
	W(OCC_TASK_CORE, "occupations.task_core", "")                                                                  \
	W(OCC_TASK_SUPPLEMENTAL, "occupations.task_supplemental", "")                                                  \
	W(OCC_TASK_NOT_RATED, "occupations.task_not_rated", "")                                                        \
	W(OCC_TASK_NOT_CATEGORISED, "occupations.task_not_categorised", "")                                            \
	W(OCC_TASK_EXPOSURE, "occupations.task_exposure", "")                                                          \
	W(OCC_TASK_BETA, "occupations.task_beta", "")                                                                  \
	W(OCC_TASK_AUTOMATION, "occupations.task_automation", "")                                                      \
	W(OCC_TASK_ID, "occupations.task_id", "")                                                                      \
	W(OCC_SOURCES, "occupations.sources", "")                                                                      \
	W(OCC_SOURCE_MISSING, "occupations.source_missing", "")                                                        \
	W(OCC_ORDINAL_1, "occupations.ordinal_1", "n")                                                                 \
	W(OCC_ORDINAL_2, "occupations.ordinal_2", "n")                                                                 \
	W(OCC_ORDINAL_3, "occupations.ordinal_3", "n")                                                                 \
	W(OCC_ORDINAL, "occupations.ordinal", "n")

#define AC_WORD_FAMILIES(F)                                                                                            \
	F(CATEGORY, "category", AC_ENUM_CATEGORY)                                                                      \
	F(VERDICT, "verdict", AC_ENUM_VERDICT)                                                                         \
	F(PATH, "path", AC_ENUM_PATH)                                                                                  \
	F(MOTIVE, "motive", AC_ENUM_MOTIVE)                                                                            \
	F(DOMAIN, "domain", AC_ENUM_DOMAIN)                                                                            \
	F(LEVEL, "level", AC_ENUM_LEVEL)                                                                               \
	F(CLASS, "class", AC_ENUM_CLASS)                                                                               \
	F(LEVERAGE_TEST, "leverage_test", AC_ENUM_LEVERAGE_TEST)                                                       \
	F(ORIENTATION, "orientation", AC_ENUM_ORIENTATION)                                                             \
	F(LEADER_READING, "leader_reading", AC_ENUM_LEADER_READING)                                                    \
	F(FUNCTION, "function", AC_ENUM_FUNCTION)                                                                      \
	F(AUTHORITY, "authority", AC_ENUM_AUTHORITY)                                                                   \
	F(COMPRESSING, "compressing", AC_ENUM_COMPRESSING)                                                             \
	F(AI_LEVEL, "ai_level", AC_ENUM_AI_LEVEL)                                                                      \
	F(ADOPTION_SIGNAL, "adoption_signal", AC_ENUM_ADOPTION_SIGNAL)                                                 \
	F(STATUS, "status", AC_ENUM_STATUS)                                                                            \
	F(FORMAT, "format", AC_ENUM_FORMAT)

/* Texts keyed by a profile field, "PREFIX.PATH" (e.g. ask.role.leverage_test),
 * each with an optional {value}: optional in a wording file, required for the
 * questions a policy's [what_changes] lists. */
enum {
	AC_WP_ASK, /* the question in plain words */
	AC_WP_DO, /* the action that changes the answer, imperative */
	AC_WP__COUNT
};

#define AC_W_ENUM(id, key, placeholders) AC_W_##id,
enum { AC_WORDS(AC_W_ENUM) AC_W__COUNT };
#undef AC_W_ENUM
#define AC_WF_ENUM(id, prefix, kind) AC_WF_##id,
enum { AC_WORD_FAMILIES(AC_WF_ENUM) AC_WF__COUNT };
#undef AC_WF_ENUM

typedef struct ac_wording ac_wording;

/* Reads a wording file.  AC_EINPUT with one diagnostic per problem. */
ac_status ac_wording_parse(const char *text, size_t len, const char *source, ac_wording **out, ac_diags *diags);
void ac_wording_free(ac_wording *w);
/* The wording compiled into the library (data/wording.en), read on first
 * use and shared, never freed.  AC_EINTERNAL when it is broken (diags say
 * why), AC_ENOMEM when memory ran out (a later call tries again). */
ac_status ac_wording_builtin(const ac_wording **out, ac_diags *diags);
/* Makes w, the built-in wording as the build made it (access.c), the one
 * ac_wording_builtin gives, unless that was already read. */
void ac_wording_builtin_offer(const ac_wording *w);

/* The text of a key that has no placeholders. */
const char *ac_word(const ac_wording *w, int key);
/* The word for value v of family f (AC_WF_*), NULL when v is out of range. */
const char *ac_word_of(const ac_wording *w, int family, int v);
/* The word for value v of an enum, from the first family of that kind
 * (NULL when none). */
const char *ac_word_enum(const ac_wording *w, ac_enum_kind kind, int v);
/* Appends the text "PREFIX.PATH" of family (AC_WP_*) with {value} filled;
 * 1 when the wording has no such text (nothing appended), -1 when memory ran
 * out, else 0. */
int ac_say_path(strbuf *sb, const ac_wording *w, int family, const char *path, const char *value);
/* ac_say_path for the field at schema index field (ac_schema_index), with
 * no search by path. */
int ac_say_field(strbuf *sb, const ac_wording *w, int family, size_t field, const char *value);
/* The same text as a new string in *out (freed with free()): 0, 1 when the
 * wording has no such text (*out NULL), -1 when memory ran out. */
int ac_say_field_dup(const ac_wording *w, int family, size_t field, const char *value, char **out);
/* The length of that text, (size_t)-1 when the wording has none; and the
 * text written with a NUL at out, which has room for that length and one. */
size_t ac_say_field_len(const ac_wording *w, int family, size_t field, const char *value);
void ac_say_field_write(char *out, const ac_wording *w, int family, size_t field, const char *value);
/* 1 when the wording has the text "PREFIX.PATH" of family. */
int ac_wording_has_path(const ac_wording *w, int family, const char *path);
/* Appends the text of key to sb with its placeholders filled by args, in
 * the order the key declares them (n of them).  Returns 0, or -1 when
 * memory ran out. */
int ac_say(strbuf *sb, const ac_wording *w, int key, const char *const *args, size_t n);
/* The same as a new string (freed with free()), NULL when memory ran out. */
char *ac_say_dup(const ac_wording *w, int key, const char *const *args, size_t n);

/* ac_say(sb, w, key, a, b, ...) and ac_say_dup(w, key, a, b, ...) with the
 * arguments counted. */
#define AC_ARGS(...)                                                                                                   \
	((const char *const[]){__VA_ARGS__}), (sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))
#define AC_SAY(sb, w, key, ...) ac_say(sb, w, key, AC_ARGS(__VA_ARGS__))
#define AC_SAY_DUP(w, key, ...) ac_say_dup(w, key, AC_ARGS(__VA_ARGS__))

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-answers.h"
#include "em-db.h"
#include "em-evaluation.h"
#include "em-scorecard.h"

G_BEGIN_DECLS

/* Stored evaluations (DESIGN.md §5): draft → submitted → finalised.
 *
 * Every save re-scores the answers against the evaluation's own scorecard
 * revision and rewrites the per-item and per-section rows, so the stored
 * total, evaluation_items and evaluation_sections always agree with the
 * stored answers.  Saving answers identical to the stored ones writes
 * nothing, so a GUI may save every couple of seconds.  Every change is one
 * transaction with one audit_log row (who, when, what).  A finalised
 * evaluation is read-only (EM_ERROR_READ_ONLY) except through
 * em_evaluation_store_amend(), which appeals use.
 *
 * One store per EmDb, on that EmDb's thread.
 */

#define EM_TYPE_EVALUATION_STORE (em_evaluation_store_get_type ())

G_DECLARE_FINAL_TYPE (EmEvaluationStore, em_evaluation_store, EM, EVALUATION_STORE, GObject)

EmEvaluationStore *em_evaluation_store_new            (EmDb               *db);
EmDb              *em_evaluation_store_get_db         (EmEvaluationStore  *self);
EmScorecard       *em_evaluation_store_get_scorecard  (EmEvaluationStore  *self,
                                                       gint64              version_id,
                                                       GError            **error);

gint64             em_evaluation_store_create         (EmEvaluationStore  *self,
                                                       gint64              call_id,
                                                       gint64              version_id,
                                                       const char         *inspector,
                                                       EmAnswers          *answers,
                                                       GError            **error);
gboolean           em_evaluation_store_save           (EmEvaluationStore  *self,
                                                       gint64              evaluation_id,
                                                       EmAnswers          *answers,
                                                       const char         *actor,
                                                       GError            **error);
gboolean           em_evaluation_store_change_version (EmEvaluationStore  *self,
                                                       gint64              evaluation_id,
                                                       gint64              version_id,
                                                       EmAnswers          *answers,
                                                       const char         *actor,
                                                       GError            **error);
gboolean           em_evaluation_store_submit         (EmEvaluationStore  *self,
                                                       gint64              evaluation_id,
                                                       const char         *actor,
                                                       GError            **error);
gboolean           em_evaluation_store_finalise       (EmEvaluationStore  *self,
                                                       gint64              evaluation_id,
                                                       const char         *actor,
                                                       GError            **error);
gboolean           em_evaluation_store_amend          (EmEvaluationStore  *self,
                                                       gint64              evaluation_id,
                                                       EmAnswers          *answers,
                                                       const char         *actor,
                                                       const char         *reason,
                                                       GError            **error);
gboolean           em_evaluation_store_discard        (EmEvaluationStore  *self,
                                                       gint64              evaluation_id,
                                                       const char         *actor,
                                                       GError            **error);

EmEvaluation      *em_evaluation_store_load           (EmEvaluationStore  *self,
                                                       gint64              evaluation_id,
                                                       GError            **error);
gint64             em_evaluation_store_find_latest    (EmEvaluationStore  *self,
                                                       gint64              call_id,
                                                       const char         *inspector,
                                                       const char         *scorecard_key,
                                                       EmEvaluationStatus *out_status,
                                                       GError            **error);
GArray            *em_evaluation_store_list_for_call  (EmEvaluationStore  *self,
                                                       gint64              call_id,
                                                       GError            **error);
gint64             em_evaluation_store_lookup_call    (EmEvaluationStore  *self,
                                                       const char         *external_id,
                                                       GError            **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "em-answers.h"
#include "em-score-result.h"
#include "em-scorecard.h"

G_BEGIN_DECLS

/* The workflow of DESIGN.md §5; the values are those of evaluations.status. */
typedef enum
{
  EM_EVALUATION_DRAFT     = 0,
  EM_EVALUATION_SUBMITTED = 1,
  EM_EVALUATION_FINALISED = 2,   /* read-only; changed only by an appeal (amend) */
} EmEvaluationStatus;

#define EM_TYPE_EVALUATION_STATUS (em_evaluation_status_get_type ())
GType       em_evaluation_status_get_type  (void) G_GNUC_CONST;
const char *em_evaluation_status_to_string (EmEvaluationStatus status);

#define EM_TYPE_EVALUATION (em_evaluation_get_type ())

G_DECLARE_FINAL_TYPE (EmEvaluation, em_evaluation, EM, EVALUATION, GObject)

/* A stored evaluation as loaded by em_evaluation_store_load(): a snapshot.
 * Its answers are a copy the caller may edit and save back.
 */
gint64              em_evaluation_get_id                   (EmEvaluation *self);
gint64              em_evaluation_get_call_id              (EmEvaluation *self);
gint64              em_evaluation_get_scorecard_version_id (EmEvaluation *self);
const char         *em_evaluation_get_inspector            (EmEvaluation *self);
EmEvaluationStatus  em_evaluation_get_status               (EmEvaluation *self);
EmPoints            em_evaluation_get_total                (EmEvaluation *self);
gboolean            em_evaluation_get_fatal                (EmEvaluation *self);
gboolean            em_evaluation_get_excluded             (EmEvaluation *self);
gint64              em_evaluation_get_created_at           (EmEvaluation *self);
gint64              em_evaluation_get_updated_at           (EmEvaluation *self);
gint64              em_evaluation_get_submitted_at         (EmEvaluation *self);
gint64              em_evaluation_get_finalised_at         (EmEvaluation *self);
EmScorecard        *em_evaluation_get_scorecard            (EmEvaluation *self);
EmAnswers          *em_evaluation_get_answers              (EmEvaluation *self);
EmScoreResult      *em_evaluation_get_result               (EmEvaluation *self);
gboolean            em_evaluation_is_read_only             (EmEvaluation *self);

G_END_DECLS

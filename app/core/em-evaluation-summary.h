/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "em-evaluation.h"
#include "em-points.h"

G_BEGIN_DECLS

/* Where an evaluation's newest appeal stands.  Bits, so that a filter can
 * ask for several (em_evaluation_query_set_appeal_states()).
 */
typedef enum
{
  EM_APPEAL_STATE_NONE       = 1 << 0,   /* never appealed */
  EM_APPEAL_STATE_OPEN       = 1 << 1,   /* waiting for a lead */
  EM_APPEAL_STATE_UPHELD     = 1 << 2,   /* decided, every deduction stands */
  EM_APPEAL_STATE_OVERTURNED = 1 << 3,   /* decided, at least one item overturned */
} EmAppealState;

#define EM_TYPE_EVALUATION_SUMMARY (em_evaluation_summary_get_type ())

G_DECLARE_FINAL_TYPE (EmEvaluationSummary, em_evaluation_summary, EM, EVALUATION_SUMMARY, GObject)

/* One row of the Evaluations page: the evaluation with its call, agent,
 * team and scorecard, as em_evaluation_query_run() read them.  A snapshot.
 */
gint64              em_evaluation_summary_get_id              (EmEvaluationSummary *self);
gint64              em_evaluation_summary_get_call_id         (EmEvaluationSummary *self);
const char         *em_evaluation_summary_get_call_external_id (EmEvaluationSummary *self);
gint64              em_evaluation_summary_get_call_started_at (EmEvaluationSummary *self);
int                 em_evaluation_summary_get_call_utc_offset (EmEvaluationSummary *self);
GDateTime          *em_evaluation_summary_dup_call_started_at_local (EmEvaluationSummary *self);
gint64              em_evaluation_summary_get_agent_id        (EmEvaluationSummary *self);
const char         *em_evaluation_summary_get_agent_code      (EmEvaluationSummary *self);
const char         *em_evaluation_summary_get_agent_name      (EmEvaluationSummary *self);
const char         *em_evaluation_summary_get_team            (EmEvaluationSummary *self);
const char         *em_evaluation_summary_get_inspector       (EmEvaluationSummary *self);
const char         *em_evaluation_summary_get_scorecard_key   (EmEvaluationSummary *self);
const char         *em_evaluation_summary_get_scorecard_title (EmEvaluationSummary *self);
EmEvaluationStatus  em_evaluation_summary_get_status          (EmEvaluationSummary *self);
EmPoints            em_evaluation_summary_get_total           (EmEvaluationSummary *self);
gboolean            em_evaluation_summary_get_fatal           (EmEvaluationSummary *self);
gboolean            em_evaluation_summary_get_excluded        (EmEvaluationSummary *self);
gint64              em_evaluation_summary_get_updated_at      (EmEvaluationSummary *self);
EmAppealState       em_evaluation_summary_get_appeal_state    (EmEvaluationSummary *self);
gint64              em_evaluation_summary_get_appeal_id       (EmEvaluationSummary *self);

G_END_DECLS

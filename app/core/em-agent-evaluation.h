/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "em-evaluation.h"
#include "em-points.h"

G_BEGIN_DECLS

/* One line of an agent's evaluation history (the Agents page): which call,
 * when, with which scorecard, by whom, how far it got and its total.  A
 * snapshot read by em_agent_history_list_evaluations(); immutable.
 */

#define EM_TYPE_AGENT_EVALUATION (em_agent_evaluation_get_type ())

G_DECLARE_FINAL_TYPE (EmAgentEvaluation, em_agent_evaluation, EM, AGENT_EVALUATION, GObject)

typedef struct
{
  gint64              id;
  gint64              call_id;
  const char         *external_id;
  gint64              started_at;     /* UTC */
  int                 utc_offset;     /* the call's own, seconds east of UTC */
  const char         *scorecard;      /* title in the language asked for */
  const char         *inspector;
  EmEvaluationStatus  status;
  EmPoints            total;
  gboolean            fatal;
  gboolean            excluded;
} EmAgentEvaluationFields;

EmAgentEvaluation  *em_agent_evaluation_new               (const EmAgentEvaluationFields *fields);

gint64              em_agent_evaluation_get_id            (EmAgentEvaluation *self);
gint64              em_agent_evaluation_get_call_id       (EmAgentEvaluation *self);
const char         *em_agent_evaluation_get_external_id   (EmAgentEvaluation *self);
gint64              em_agent_evaluation_get_started_at    (EmAgentEvaluation *self);
GDateTime          *em_agent_evaluation_dup_started_local (EmAgentEvaluation *self);
const char         *em_agent_evaluation_get_scorecard     (EmAgentEvaluation *self);
const char         *em_agent_evaluation_get_inspector     (EmAgentEvaluation *self);
EmEvaluationStatus  em_agent_evaluation_get_status        (EmAgentEvaluation *self);
EmPoints            em_agent_evaluation_get_total         (EmAgentEvaluation *self);
gboolean            em_agent_evaluation_get_fatal         (EmAgentEvaluation *self);
gboolean            em_agent_evaluation_get_excluded      (EmAgentEvaluation *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "em-appeal-store.h"
#include "em-evaluation.h"
#include "em-evaluation-summary.h"

G_BEGIN_DECLS

/* How the Evaluations page and the appeal dialogs put an evaluation into
 * words, so that they say it the same way.
 */
const char *em_evaluation_text_status        (EmEvaluationStatus  status);
const char *em_evaluation_text_appeal_state  (EmAppealState       state);
const char *em_evaluation_text_decision      (EmAppealDecision    decision);
const char *em_evaluation_text_item_title    (EmEvaluation       *evaluation,
                                              const char         *item_id);
char       *em_evaluation_text_item_cost     (EmEvaluation       *evaluation,
                                              const char         *item_id);
char       *em_evaluation_text_item_details  (EmEvaluation       *evaluation,
                                              const char         *item_id);
char       *em_evaluation_text_moment        (gint64              msec);
char       *em_evaluation_text_time          (gint64              unix_utc);

G_END_DECLS

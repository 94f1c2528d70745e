/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "em-evaluation.h"
#include "em-evaluation-summary.h"

G_BEGIN_DECLS

#define EM_TYPE_EVALUATION_DETAIL (em_evaluation_detail_get_type ())

G_DECLARE_FINAL_TYPE (EmEvaluationDetail, em_evaluation_detail, EM, EVALUATION_DETAIL, AdwBin)

/* The Evaluations page's side pane: one evaluation's total and badges,
 * its section scores, the items that cost or added points (with notes
 * and moments), its appeals and its history.  It shows what it is given
 * and reads nothing itself.  Its buttons activate evaluations.open-call,
 * evaluations.file-appeal and evaluations.decide-appeal.
 */
EmEvaluationDetail *em_evaluation_detail_new   (void);
void                em_evaluation_detail_show  (EmEvaluationDetail  *self,
                                                EmEvaluationSummary *summary,
                                                EmEvaluation        *evaluation,
                                                GPtrArray           *appeals,
                                                GPtrArray           *history);
void                em_evaluation_detail_clear (EmEvaluationDetail  *self);
void                em_evaluation_detail_show_error (EmEvaluationDetail *self,
                                                     const char         *message);

G_END_DECLS

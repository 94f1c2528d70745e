/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-evaluation.h"

G_BEGIN_DECLS

typedef struct
{
  gint64              id;
  gint64              call_id;
  gint64              version_id;
  char               *inspector;
  EmEvaluationStatus  status;
  EmPoints            total;
  gboolean            fatal;
  gboolean            excluded;
  gint64              created_at;
  gint64              updated_at;
  gint64              submitted_at;   /* 0: not yet */
  gint64              finalised_at;   /* 0: not yet */
} EmEvaluationRow;

EmEvaluation *em_evaluation_new_internal (const EmEvaluationRow *row,
                                          EmScorecard           *scorecard,
                                          EmAnswers             *answers,
                                          EmScoreResult         *result);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "em-db.h"

G_BEGIN_DECLS

#define EM_TYPE_EVALUATIONS_PAGE (em_evaluations_page_get_type ())

G_DECLARE_FINAL_TYPE (EmEvaluationsPage, em_evaluations_page, EM, EVALUATIONS_PAGE, AdwBin)

/* The Evaluations page (DESIGN.md §9, 评分记录): every evaluation with its
 * call, agent, team, inspector, scorecard, status, total and appeal, in
 * a column view sorted by any column and filtered by status, inspector
 * ("mine" is the inspector-name setting), team, agent, month and total —
 * all in SQL, read in a thread.  The side pane shows the selected
 * evaluation (em-evaluation-detail.c).
 *
 * Actions (group "evaluations"): open-call (activates calls.open with
 * the call's row id), file-appeal, decide-appeal, show-calls.
 */
EmEvaluationsPage *em_evaluations_page_new     (void);
EmDb              *em_evaluations_page_get_db  (EmEvaluationsPage *self);
void               em_evaluations_page_set_db  (EmEvaluationsPage *self,
                                                EmDb              *db);
GListModel        *em_evaluations_page_get_model (EmEvaluationsPage *self);
void               em_evaluations_page_refresh (EmEvaluationsPage *self);
gboolean           em_evaluations_page_get_loading (EmEvaluationsPage *self);
gboolean           em_evaluations_page_select_evaluation (EmEvaluationsPage *self,
                                                          gint64             evaluation_id);

G_END_DECLS

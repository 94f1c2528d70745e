/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "em-call.h"
#include "em-db.h"
#include "em-evaluation.h"

G_BEGIN_DECLS

#define EM_TYPE_EVALUATE_VIEW (em_evaluate_view_get_type ())

G_DECLARE_FINAL_TYPE (EmEvaluateView, em_evaluate_view, EM, EVALUATE_VIEW, AdwBin)

/* The inspector's desk (DESIGN.md §5, §9): one call's recording, its
 * details and a scorecard as a form, with the live total.  The first
 * change creates a draft, which is saved within two seconds of every
 * change and when the view is left; Submit and Finalise move it on.
 *
 * Actions (group "evaluate"): evaluate.back (Escape, Alt+←),
 * evaluate.save (Ctrl+S), evaluate.submit (Ctrl+Return),
 * evaluate.finalise, evaluate.set-inspector.  Space plays and pauses,
 * ←/→ skip 5 s, except while typing in a text field.
 *
 * Signals: ::back () — the user asked to leave the view (it has saved).
 */
EmEvaluateView     *em_evaluate_view_new               (void);
EmDb               *em_evaluate_view_get_db            (EmEvaluateView  *self);
void                em_evaluate_view_set_db            (EmEvaluateView  *self,
                                                        EmDb            *db);
gboolean            em_evaluate_view_open_call         (EmEvaluateView  *self,
                                                        gint64           call_id,
                                                        GError         **error);
EmCall             *em_evaluate_view_get_call          (EmEvaluateView  *self);
const char         *em_evaluate_view_get_inspector     (EmEvaluateView  *self);
gint64              em_evaluate_view_get_evaluation_id (EmEvaluateView  *self);
EmEvaluationStatus  em_evaluate_view_get_status        (EmEvaluateView  *self);
gboolean            em_evaluate_view_get_read_only     (EmEvaluateView  *self);
EmPoints            em_evaluate_view_get_total         (EmEvaluateView  *self);
gboolean            em_evaluate_view_select_scorecard  (EmEvaluateView  *self,
                                                        const char      *key,
                                                        GError         **error);
gboolean            em_evaluate_view_save              (EmEvaluateView  *self,
                                                        GError         **error);
gboolean            em_evaluate_view_submit            (EmEvaluateView  *self,
                                                        GError         **error);
gboolean            em_evaluate_view_finalise          (EmEvaluateView  *self,
                                                        GError         **error);
void                em_evaluate_view_leave             (EmEvaluateView  *self);

G_END_DECLS

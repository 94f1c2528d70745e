/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-appeal-decide-dialog.h"
#include "em-appeal-file-dialog.h"
#include "em-audit.h"
#include "em-evaluations-page-private.h"
#include "em-window.h"

/* The selected evaluation and what can be done with it: open its call
 * (calls.open, which the window routes to the Calls page and the Evaluate
 * view listens to), file an appeal against a finalised evaluation, decide
 * an open appeal.  The evaluation is read on selection (one row, its
 * appeals and its audit rows: a few milliseconds).
 */

static EmEvaluationSummary *
get_selected (EmEvaluationsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static GtkWindow *
get_window (EmEvaluationsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_em_evaluations_page_update_actions (EmEvaluationsPage *self)
{
  EmEvaluationSummary *summary = self->evaluation != NULL ? get_selected (self) : NULL;
  gboolean open_appeal = summary != NULL &&
                         em_evaluation_summary_get_appeal_state (summary) == EM_APPEAL_STATE_OPEN;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluations.open-call", summary != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluations.file-appeal",
                                 summary != NULL && !open_appeal && self->appealable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluations.decide-appeal", open_appeal);
}

/* Whether an appeal could be filed now: finalised, and some item cost
 * points and was not appealed before.
 */
static gboolean
can_appeal (EmEvaluationsPage *self)
{
  g_autoptr(GPtrArray) items = NULL;

  if (em_evaluation_get_status (self->evaluation) != EM_EVALUATION_FINALISED)
    return FALSE;

  items = em_appeal_store_list_appealable (self->appeals, em_evaluation_get_id (self->evaluation), NULL);
  return items != NULL && items->len > 0;
}

/* Shows the selected evaluation in the side pane (or nothing). */
void
_em_evaluations_page_show_selected (EmEvaluationsPage *self)
{
  EmEvaluationSummary *summary = get_selected (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) appeals = NULL;
  g_autoptr(GPtrArray) history = NULL;

  g_clear_object (&self->evaluation);
  self->appealable = FALSE;

  if (summary != NULL && self->store != NULL &&
      (!(self->evaluation = em_evaluation_store_load (self->store, em_evaluation_summary_get_id (summary), &error)) ||
       !(appeals = em_appeal_store_list_for_evaluation (self->appeals, em_evaluation_summary_get_id (summary), &error)) ||
       !(history = em_audit_list_for_evaluation (self->db, em_evaluation_summary_get_id (summary), &error))))
    {
      /* A damaged evaluation says so in the pane; the rest of the list works. */
      g_clear_object (&self->evaluation);
      em_evaluation_detail_show_error (self->detail, error->message);
    }
  else if (self->evaluation != NULL)
    {
      self->appealable = can_appeal (self);
      em_evaluation_detail_show (self->detail, summary, self->evaluation, appeals, history);
    }
  else
    em_evaluation_detail_clear (self->detail);

  _em_evaluations_page_update_actions (self);
}

static void
open_call_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  EmEvaluationsPage *self = EM_EVALUATIONS_PAGE (widget);
  EmEvaluationSummary *summary = get_selected (self);

  if (summary == NULL)
    return;

  if (!gtk_widget_activate_action (widget, "calls.open", "x", em_evaluation_summary_get_call_id (summary)))
    g_warning ("No calls.open action to open call %" G_GINT64_FORMAT, em_evaluation_summary_get_call_id (summary));
}

static void
on_appeal_filed (EmEvaluationsPage *self,
                 gint64             appeal_id)
{
  em_window_toast_for (GTK_WIDGET (self), _("Appeal filed: a lead can now decide it"));
  em_evaluations_page_refresh (self);
}

static void
file_appeal_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  EmEvaluationsPage *self = EM_EVALUATIONS_PAGE (widget);
  g_autofree char *me = _em_evaluations_page_dup_me (self);
  EmAppealFileDialog *dialog;

  if (self->evaluation == NULL)
    return;

  dialog = em_appeal_file_dialog_new (self->appeals, self->evaluation, me);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), get_window (self));
  g_signal_connect_object (dialog, "filed", G_CALLBACK (on_appeal_filed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_appeal_decided (EmEvaluationsPage *self,
                   gint64             appeal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmAppeal) appeal = em_appeal_store_load (self->appeals, appeal_id, &error);
  g_autofree char *message = NULL;

  if (appeal == NULL)
    {
      em_window_show_error_for (GTK_WIDGET (self), _("The Appeal Cannot Be Read"), error);
      return;
    }

  if (appeal->status == EM_APPEAL_DECIDED)
    {
      g_autofree char *before = em_points_format (appeal->total_before);
      g_autofree char *after = em_points_format (appeal->total_after);

      /* Translators: the evaluation's total before and after the appeal */
      message = g_strdup_printf (_("Appeal decided: total %s → %s"), before, after);
    }
  else
    message = g_strdup (_("Decisions saved; the appeal stays open for the other items"));

  em_window_toast_for (GTK_WIDGET (self), message);
  em_evaluations_page_refresh (self);
}

static void
decide_appeal_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  EmEvaluationsPage *self = EM_EVALUATIONS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *me = _em_evaluations_page_dup_me (self);
  EmAppealDecideDialog *dialog;
  gint64 appeal_id;

  if (self->evaluation == NULL)
    return;

  appeal_id = em_appeal_store_find_open (self->appeals, em_evaluation_get_id (self->evaluation), &error);
  if (appeal_id <= 0)
    {
      if (error != NULL)
        em_window_show_error_for (GTK_WIDGET (self), _("The Appeal Cannot Be Read"), error);
      return;
    }

  dialog = em_appeal_decide_dialog_new (self->appeals, self->evaluation, appeal_id, me);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), get_window (self));
  g_signal_connect_object (dialog, "decided", G_CALLBACK (on_appeal_decided), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_calls_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GtkWidget *stack = gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_STACK);

  if (stack != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "calls");
}

void
_em_evaluations_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "evaluations.open-call", NULL, open_call_action);
  gtk_widget_class_install_action (widget_class, "evaluations.file-appeal", NULL, file_appeal_action);
  gtk_widget_class_install_action (widget_class, "evaluations.decide-appeal", NULL, decide_appeal_action);
  gtk_widget_class_install_action (widget_class, "evaluations.show-calls", NULL, show_calls_action);
}

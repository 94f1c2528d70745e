/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-db-task.h"
#include "em-error.h"
#include "em-sampling-page-private.h"
#include "em-window.h"

/* Drawing and updating plans.  The core's draw is synchronous and reads
 * the whole month, so it runs in a GTask thread with its own EmDb on the
 * same file; the page shows a spinner and takes no second job meanwhile.
 *
 * "Draw Plan…" opens EmSamplingDrawDialog.  Drawing a month that has a
 * plan asks first; a plan whose calls are being evaluated cannot be drawn
 * again (the core refuses, EM_ERROR_READ_ONLY): its message is shown with
 * "Update Plan" offered instead.
 */

typedef struct
{
  char                 *month;
  gint64                seed;
  EmSamplingRules       rules;
  char                **inspectors;
  char                 *actor;
  gboolean              update;
  guint                 n_before;      /* update: the plan's calls before */
  guint                 n_calls;       /* the plan's calls after */
  EmSamplingDrawDialog *dialog;        /* draw: the dialog that asked */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->month);
  g_strfreev (job->inspectors);
  g_free (job->actor);
  g_clear_object (&job->dialog);
  g_free (job);
}

static GtkWindow *
get_window (EmSamplingPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_em_sampling_page_update_actions (EmSamplingPage *self)
{
  gboolean idle = self->db != NULL && self->job == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sampling.draw", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sampling.update", idle && self->plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sampling.open", self->db != NULL);
}

static gboolean
draw_plan (EmDb          *db,
           gpointer       task_data,
           GCancellable  *cancellable,
           gpointer      *out_result,
           GError       **error)
{
  Job *job = task_data;
  g_autoptr(EmSamplingPlan) plan = NULL;
  g_autoptr(GError) kept_error = NULL;

  if (job->update)
    plan = em_sampling_plan_update (db, job->month, job->actor, error);
  else
    plan = em_sampling_plan_create (db, job->month, job->seed, &job->rules,
                                    (const char * const *) job->inspectors, job->actor, error);
  if (plan == NULL)
    return FALSE;

  /* The names are kept for the next plan only once this one is drawn. */
  if (!job->update &&
      !em_sampling_set_inspectors (db, (const char * const *) job->inspectors, &kept_error))
    g_warning ("Cannot keep the inspectors for the next plans: %s", kept_error->message);

  job->n_calls = plan->n_calls;
  return TRUE;
}

static void
set_busy (EmSamplingPage *self,
          const char     *label)
{
  gtk_label_set_text (self->busy_label, label != NULL ? label : "");
  gtk_spinner_set_spinning (self->busy_spinner, label != NULL);
  gtk_revealer_set_reveal_child (self->busy_revealer, label != NULL);
}

static void
start_job (EmSamplingPage      *self,
           Job                 *job,
           GAsyncReadyCallback  done)
{
  g_autofree char *month = _em_sampling_page_format_month (job->month);
  g_autofree char *label = NULL;

  g_assert (self->job == NULL);

  job->actor = _em_sampling_page_dup_actor (self);

  label = g_strdup_printf (job->update ? _("Updating the plan for %s…") : _("Drawing the plan for %s…"), month);
  set_busy (self, label);
  if (job->dialog != NULL)
    em_sampling_draw_dialog_set_busy (job->dialog, TRUE);

  self->job = g_task_new (self, NULL, done, NULL);
  g_task_set_task_data (self->job, job, job_free);
  em_db_task_run_in_thread (self->job, self->db, draw_plan, NULL);
  _em_sampling_page_update_actions (self);
}

/* Called when a job is done; FALSE if the page went away meanwhile. */
static gboolean
finish_job (EmSamplingPage *self,
            Job            *job)
{
  g_clear_object (&self->job);
  if (job->dialog != NULL)
    em_sampling_draw_dialog_set_busy (job->dialog, FALSE);

  if (self->db == NULL)
    return FALSE;

  set_busy (self, NULL);
  _em_sampling_page_update_actions (self);
  return TRUE;
}

static void
show_month (EmSamplingPage *self,
            const char     *month)
{
  if (g_strcmp0 (em_sampling_page_get_month (self), month) == 0)
    em_sampling_page_reload (self);
  else
    {
      em_sampling_page_set_month (self, month);
      em_sampling_page_reload (self);
    }
}

/* Update */

static void
on_update_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  EmSamplingPage *self = EM_SAMPLING_PAGE (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint added;

  g_task_propagate_pointer (G_TASK (result), &error);   /* the job holds what it drew */
  if (!finish_job (self, job))
    return;

  if (error != NULL)
    {
      show_message (get_window (self), _("The Plan Cannot Be Updated"), error->message);
      return;
    }

  show_month (self, job->month);
  added = job->n_calls > job->n_before ? job->n_calls - job->n_before : 0;
  if (added == 0)
    message = g_strdup (_("The plan is up to date: no calls to add"));
  else
    message = g_strdup_printf (ngettext ("%u call added to the plan", "%u calls added to the plan", added),
                               added);
  em_window_toast_for (GTK_WIDGET (self), message);
}

static void
start_update (EmSamplingPage *self,
              const char     *month)
{
  g_autoptr(EmSamplingPlan) plan = NULL;
  Job *job = g_new0 (Job, 1);

  plan = em_sampling_plan_load (self->db, month, NULL);
  job->month = g_strdup (month);
  job->update = TRUE;
  job->n_before = plan != NULL ? plan->n_calls : 0;
  start_job (self, job, on_update_done);
}

static void
update_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  EmSamplingPage *self = EM_SAMPLING_PAGE (widget);

  if (self->db != NULL && self->job == NULL && self->plan != NULL)
    start_update (self, self->plan->month);
}

/* Draw */

typedef struct
{
  EmSamplingPage       *self;
  EmSamplingDrawDialog *dialog;
  char                 *month;
} Pending;

static void
pending_free (gpointer  data,
              GClosure *closure)
{
  Pending *pending = data;

  g_object_unref (pending->self);
  g_object_unref (pending->dialog);
  g_free (pending->month);
  g_free (pending);
}

static void
on_in_use_response (AdwMessageDialog *message,
                    const char       *response,
                    Pending          *pending)
{
  EmSamplingPage *self = pending->self;

  if (!g_str_equal (response, "update") || self->db == NULL || self->job != NULL)
    return;

  gtk_window_close (GTK_WINDOW (pending->dialog));
  start_update (self, pending->month);
}

/* The month's plan is being evaluated: the core's message says so and
 * what to do; the dialog offers to do it.
 */
static void
show_in_use (EmSamplingPage       *self,
             EmSamplingDrawDialog *dialog,
             const char           *month,
             const GError         *error)
{
  GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (dialog), _("The Plan Is Already in Use"),
                                               error->message);
  Pending *pending = g_new0 (Pending, 1);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message),
                                    "cancel", _("_Cancel"),
                                    "update", _("_Update Plan"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "update",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (message), "update");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message), "cancel");

  pending->self = g_object_ref (self);
  pending->dialog = g_object_ref (dialog);
  pending->month = g_strdup (month);
  g_signal_connect_data (message, "response", G_CALLBACK (on_in_use_response), pending,
                         pending_free, 0);
  gtk_window_present (GTK_WINDOW (message));
}

static void
on_draw_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  EmSamplingPage *self = EM_SAMPLING_PAGE (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *month = NULL;
  g_autofree char *message = NULL;

  g_task_propagate_pointer (G_TASK (result), &error);   /* the job holds what it drew */
  if (!finish_job (self, job))
    return;

  if (g_error_matches (error, EM_ERROR, EM_ERROR_READ_ONLY))
    {
      show_in_use (self, job->dialog, job->month, error);
      return;
    }
  if (error != NULL)
    {
      show_message (GTK_WINDOW (job->dialog), _("The Plan Cannot Be Drawn"), error->message);
      return;
    }

  gtk_window_close (GTK_WINDOW (job->dialog));
  show_month (self, job->month);

  month = _em_sampling_page_format_month (job->month);
  /* Translators: "Plan for June 2024 drawn: 134 calls" */
  message = g_strdup_printf (ngettext ("Plan for %s drawn: %u call", "Plan for %s drawn: %u calls", job->n_calls),
                             month, job->n_calls);
  em_window_toast_for (GTK_WIDGET (self), message);
}

static void
start_draw (EmSamplingPage       *self,
            EmSamplingDrawDialog *dialog)
{
  Job *job = g_new0 (Job, 1);

  job->month = g_strdup (em_sampling_draw_dialog_get_month (dialog));
  em_sampling_draw_dialog_get_seed (dialog, &job->seed);
  em_sampling_draw_dialog_get_rules (dialog, &job->rules);
  job->inspectors = em_sampling_draw_dialog_dup_inspectors (dialog);
  job->dialog = g_object_ref (dialog);
  start_job (self, job, on_draw_done);
}

static void
on_replace_response (AdwMessageDialog *message,
                     const char       *response,
                     Pending          *pending)
{
  EmSamplingPage *self = pending->self;

  if (g_str_equal (response, "replace") && self->db != NULL && self->job == NULL)
    start_draw (self, pending->dialog);
}

static void
confirm_replace (EmSamplingPage       *self,
                 EmSamplingDrawDialog *dialog,
                 const EmSamplingPlan *plan)
{
  g_autofree char *month = _em_sampling_page_format_month (plan->month);
  g_autofree char *heading = g_strdup_printf (_("Replace the Plan for %s?"), month);
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_local (plan->created_at);
  g_autofree char *when = created != NULL ? g_date_time_format (created, "%Y-%m-%d %H:%M") : g_strdup ("");
  g_autofree char *body = NULL;
  GtkWidget *message;
  Pending *pending = g_new0 (Pending, 1);
  g_autofree char *seed = g_strdup_printf ("%" G_GINT64_FORMAT, plan->seed);

  /* Translators: the plan being replaced: when it was drawn, its seed, its calls */
  body = g_strdup_printf (ngettext ("The plan drawn on %s with seed %s (%u call) is replaced by a new draw, and its assignments with it.",
                                    "The plan drawn on %s with seed %s (%u calls) is replaced by a new draw, and its assignments with it.",
                                    plan->n_calls),
                          when, seed, plan->n_calls);
  message = adw_message_dialog_new (GTK_WINDOW (dialog), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (message),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (message), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (message), "cancel");

  pending->self = g_object_ref (self);
  pending->dialog = g_object_ref (dialog);
  g_signal_connect_data (message, "response", G_CALLBACK (on_replace_response), pending,
                         pending_free, 0);
  gtk_window_present (GTK_WINDOW (message));
}

static void
on_dialog_draw (EmSamplingPage       *self,
                EmSamplingDrawDialog *dialog)
{
  g_autoptr(EmSamplingPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (self->db == NULL || self->job != NULL)
    return;

  plan = em_sampling_plan_load (self->db, em_sampling_draw_dialog_get_month (dialog), &error);
  if (plan != NULL)
    confirm_replace (self, dialog, plan);
  else if (g_error_matches (error, EM_ERROR, EM_ERROR_NOT_FOUND))
    start_draw (self, dialog);
  else
    show_message (GTK_WINDOW (dialog), _("The Plan Cannot Be Drawn"), error->message);
}

static void
draw_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  EmSamplingPage *self = EM_SAMPLING_PAGE (widget);
  g_auto(GStrv) inspectors = NULL;
  EmSamplingRules rules;

  if (self->db == NULL || self->job != NULL)
    return;

  if (self->dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->dialog));
      return;
    }

  /* A new draw of the month starts from its plan's rules. */
  if (self->plan != NULL)
    rules = self->plan->rules;
  else
    em_sampling_rules_init (&rules);
  /* The names kept from the last draw, else the month's plan's. */
  inspectors = em_sampling_dup_inspectors (self->db);
  if (inspectors[0] == NULL && self->plan != NULL)
    {
      g_strfreev (inspectors);
      inspectors = g_strdupv (self->plan->inspectors);
    }

  self->dialog = em_sampling_draw_dialog_new (get_window (self));
  g_object_add_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  em_sampling_draw_dialog_set_months (self->dialog, self->months, self->month_labels, self->month);
  em_sampling_draw_dialog_set_rules (self->dialog, &rules);
  em_sampling_draw_dialog_set_inspectors (self->dialog, (const char * const *) inspectors);
  g_signal_connect_object (self->dialog, "draw", G_CALLBACK (on_dialog_draw), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->dialog));
}

/* Opening a call */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_signal_emit_by_name (widget, "open-call", g_variant_get_int64 (param));
}

void
_em_sampling_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "sampling.draw", NULL, draw_action);
  gtk_widget_class_install_action (widget_class, "sampling.update", NULL, update_action);
  gtk_widget_class_install_action (widget_class, "sampling.open", "x", open_action);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-call-import.h"
#include "em-calls-page-private.h"
#include "em-db-task.h"
#include "em-demo.h"
#include "em-error.h"
#include "em-file-chooser.h"
#include "em-window.h"

/* The Calls page's actions.  Importing and making the demo data run in a
 * GTask thread with their own EmDb on the same file (a connection
 * belongs to one thread); the page polls the job's progress a few times
 * a second and refreshes its list when the job is done.  One job at a
 * time: the actions are disabled while one runs.
 */

typedef struct
{
  GFile              *file;
  EmCallImportFlags   flags;
  gint                permille;     /* atomic: progress 0…1000, -1 unknown */
  EmCallImportReport *report;
  EmDemoSummary       summary;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->file);
  g_clear_pointer (&job->report, em_call_import_report_free);
  g_free (job);
}

static GtkWindow *
get_window (EmCallsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_em_calls_page_update_actions (EmCallsPage *self)
{
  gboolean idle = self->db != NULL && self->job == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calls.import", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calls.load-demo", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calls.open", self->db != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calls.open-selected",
                                 self->db != NULL && self->selection != NULL &&
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static gboolean
update_progress (gpointer user_data)
{
  EmCallsPage *self = user_data;
  Job *job = self->job != NULL ? g_task_get_task_data (self->job) : NULL;
  int permille = job != NULL ? g_atomic_int_get (&job->permille) : -1;

  if (permille < 0)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);

  return G_SOURCE_CONTINUE;
}

static void
start_job (EmCallsPage         *self,
           Job                 *job,
           const char          *label,
           EmDbTaskFunc         func,
           GAsyncReadyCallback  done)
{
  g_assert (self->job == NULL);

  job->permille = -1;

  self->cancellable = g_cancellable_new ();
  self->job = g_task_new (self, self->cancellable, done, NULL);
  g_task_set_task_data (self->job, job, job_free);
  em_db_task_run_in_thread (self->job, self->db, func, NULL);

  gtk_label_set_text (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  self->progress_source = g_timeout_add (150, update_progress, self);
  _em_calls_page_update_actions (self);
}

/* Called when a job is done; FALSE if the page went away meanwhile. */
static gboolean
finish_job (EmCallsPage *self)
{
  g_clear_object (&self->job);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);

  if (self->db == NULL)
    return FALSE;

  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  _em_calls_page_update_actions (self);
  em_calls_page_refresh (self);
  return TRUE;
}

void
_em_calls_page_cancel_job (EmCallsPage *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* Import */

static void start_import (EmCallsPage       *self,
                          GFile             *file,
                          EmCallImportFlags  flags);

static void
on_import_progress (guint64  bytes_read,
                    guint64  bytes_total,
                    gpointer user_data)
{
  Job *job = user_data;

  if (bytes_total > 0)
    g_atomic_int_set (&job->permille, (int) (MIN (bytes_read, bytes_total) * 1000 / bytes_total));
}

/* The report is kept even when the import fails: it lists the bad rows. */
static gboolean
import_calls (EmDb          *db,
              gpointer       task_data,
              GCancellable  *cancellable,
              gpointer      *out_result,
              GError       **error)
{
  Job *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  GError *local_error = NULL;

  job->report = em_call_import_file (db, path, job->flags, on_import_progress, job,
                                     cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static char *
describe_problems (EmCallImportReport *report)
{
  /* A dialog is no place for ten thousand lines; the CLI lists them all. */
  const guint max_shown = 200;
  guint n_problems = em_call_import_report_get_n_problems (report);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < MIN (n_problems, max_shown); i++)
    {
      const EmCallImportProblem *problem = em_call_import_report_get_problem (report, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (problem->column != NULL && *problem->column != '\0')
        /* Translators: line number, column name, what is wrong */
        g_string_append_printf (text, _("Line %u, %s: %s"), problem->line, problem->column, problem->reason);
      else
        g_string_append_printf (text, _("Line %u: %s"), problem->line, problem->reason);
    }

  if (n_problems > max_shown)
    g_string_append_printf (text, "\n%s", _("…and more; earmark-cli import-calls lists them all."));

  return g_string_free (text, FALSE);
}

typedef struct
{
  EmCallsPage *self;
  GFile       *file;
} Retry;

static void
retry_free (gpointer data,
            GClosure *closure)
{
  Retry *retry = data;

  g_object_unref (retry->self);
  g_object_unref (retry->file);
  g_free (retry);
}

static void
on_bad_rows_response (AdwMessageDialog *dialog,
                      const char       *response,
                      Retry            *retry)
{
  if (g_str_equal (response, "skip") && retry->self->db != NULL && retry->self->job == NULL)
    start_import (retry->self, retry->file, EM_CALL_IMPORT_SKIP_BAD);
}

/* The file was refused because of bad rows: list them, and offer to
 * import the good rows only.
 */
static void
show_bad_rows (EmCallsPage        *self,
               GFile              *file,
               EmCallImportReport *report,
               const GError       *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *body = g_strdup_printf (_("“%s” was not imported: %s"), name, error->message);
  g_autofree char *problems = describe_problems (report);
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), _("Some Rows Are Not Valid"), body);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (problems);
  Retry *retry = g_new0 (Retry, 1);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "bad-rows");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "skip", _("Import _Good Rows Only"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "skip",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  retry->self = g_object_ref (self);
  retry->file = g_object_ref (file);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_bad_rows_response), retry,
                         retry_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast_import_counts (EmCallsPage        *self,
                     EmCallImportReport *report)
{
  g_autoptr(GString) message = g_string_new (NULL);
  guint n_imported = em_call_import_report_get_n_imported (report);
  guint n_duplicates = em_call_import_report_get_n_duplicates (report);
  guint n_skipped = em_call_import_report_get_n_skipped (report);

  g_string_append_printf (message, ngettext ("%u call imported", "%u calls imported", n_imported),
                          n_imported);
  if (n_duplicates > 0)
    g_string_append_printf (message, ngettext (", %u already there", ", %u already there", n_duplicates),
                            n_duplicates);
  if (n_skipped > 0)
    g_string_append_printf (message, ngettext (", %u bad row skipped", ", %u bad rows skipped", n_skipped),
                            n_skipped);

  em_window_toast_for (GTK_WIDGET (self), message->str);
}

static void
on_import_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  EmCallsPage *self = EM_CALLS_PAGE (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_object_ref (job->file);

  g_task_propagate_pointer (G_TASK (result), &error);   /* the job holds what it made */
  if (!finish_job (self))
    return;

  if (error == NULL)
    toast_import_counts (self, job->report);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
           g_error_matches (error, EM_ERROR, EM_ERROR_CANCELLED))
    em_window_toast_for (GTK_WIDGET (self), _("Import cancelled; nothing was imported"));
  else if (error->domain == EM_ERROR && error->code == EM_ERROR_INVALID_INPUT &&
           job->report != NULL && em_call_import_report_get_n_problems (job->report) > 0 &&
           !(job->flags & EM_CALL_IMPORT_SKIP_BAD))
    show_bad_rows (self, file, job->report, error);
  else
    em_window_show_error_for (GTK_WIDGET (self), _("The Calls Cannot Be Imported"), error);
}

static void
start_import (EmCallsPage       *self,
              GFile             *file,
              EmCallImportFlags  flags)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *label = g_strdup_printf (_("Importing “%s”…"), name);
  Job *job = g_new0 (Job, 1);

  job->file = g_object_ref (file);
  job->flags = flags;
  start_job (self, job, label, import_calls, on_import_done);
}

/**
 * em_calls_page_import_file:
 *
 * Imports a call list in the background, as "Import Calls…" does after
 * the file is chosen.
 */
void
em_calls_page_import_file (EmCallsPage *self,
                           GFile       *file)
{
  g_return_if_fail (EM_IS_CALLS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->db != NULL && self->job == NULL);

  start_import (self, file, EM_CALL_IMPORT_DEFAULT);
}

static void
on_file_chosen (GtkWidget *widget,
                GFile     *file)
{
  EmCallsPage *self = EM_CALLS_PAGE (widget);

  if (self->db != NULL && self->job == NULL)
    start_import (self, file, EM_CALL_IMPORT_DEFAULT);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GtkFileChooser *chooser = em_file_chooser_new (widget, _("Import Calls"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                                 _("_Import"));

  em_file_chooser_add_filter (chooser, _("Call lists (CSV)"), "*.csv", "*.CSV", "text/csv", NULL);
  em_file_chooser_add_filter (chooser, _("All files"), "*", NULL);
  em_file_chooser_show (chooser, widget, on_file_chosen);
}

/* Demo data */

static gboolean
create_demo (EmDb          *db,
             gpointer       task_data,
             GCancellable  *cancellable,
             gpointer      *out_result,
             GError       **error)
{
  Job *job = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return em_demo_create (db, now, &job->summary, cancellable, error);
}

static void
on_demo_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  EmCallsPage *self = EM_CALLS_PAGE (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_task_propagate_pointer (G_TASK (result), &error);   /* the job holds what it made */
  if (!finish_job (self))
    return;

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        em_window_show_error_for (GTK_WIDGET (self), _("The Demo Data Cannot Be Loaded"), error);
      return;
    }

  message = g_strdup_printf (ngettext ("Demo data loaded: %u call of %u agents",
                                       "Demo data loaded: %u calls of %u agents",
                                       job->summary.n_calls),
                             job->summary.n_calls, job->summary.n_agents);
  em_window_toast_for (GTK_WIDGET (self), message);
}

/**
 * em_calls_page_load_demo:
 *
 * Fills the (empty) database with the demo data in the background.
 */
void
em_calls_page_load_demo (EmCallsPage *self)
{
  g_return_if_fail (EM_IS_CALLS_PAGE (self));
  g_return_if_fail (self->db != NULL && self->job == NULL);

  start_job (self, g_new0 (Job, 1), _("Creating the demo data…"), create_demo, on_demo_done);
}

static void
load_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  em_calls_page_load_demo (EM_CALLS_PAGE (widget));
}

/* Opening a call */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  EmCallsPage *self = EM_CALLS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCall) call = em_call_lookup_by_id (self->db, g_variant_get_int64 (param), &error);

  if (call == NULL)
    {
      em_window_show_error_for (GTK_WIDGET (self), _("The Call Cannot Be Opened"), error);
      return;
    }

  g_signal_emit_by_name (self, "open-call", call);
}

/* GTK 4.8 gives a list row no action an assistive technology can invoke,
 * but it does offer a widget's actions that take no parameter: a screen
 * reader selects the row, then calls.open-selected opens it.
 */
static void
open_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  EmCallsPage *self = EM_CALLS_PAGE (widget);
  EmCall *call = gtk_single_selection_get_selected_item (self->selection);

  if (call != NULL)
    gtk_widget_activate_action (widget, "calls.open", "x", em_call_get_id (call));
}

void
_em_calls_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "calls.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "calls.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "calls.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "calls.open-selected", NULL, open_selected_action);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-error.h"
#include "em-file-chooser.h"
#include "em-month-export.h"
#include "em-reports-page-private.h"
#include "em-window.h"

/* "Export to Excel…": a file chooser, then em_month_export_async(), which
 * writes the workbook in a worker thread with its own connection (beside
 * the target under a temporary name, renamed when complete: a cancel or a
 * failure leaves nothing behind).  Progress comes back in the main
 * context; the Cancel button cancels.  The workbook's language is the
 * UI's; caller numbers stay masked unless the user asks (seed 004).
 */

static gboolean
period_is_month (EmReportsPage *self)
{
  EmPeriod period;

  return em_reports_page_get_period (self, &period) && period.kind == EM_PERIOD_MONTH;
}

void
_em_reports_page_update_actions (EmReportsPage *self)
{
  gboolean month = period_is_month (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export",
                                 self->db != NULL && month && self->export_cancellable == NULL);
  if (self->export_button != NULL)
    gtk_widget_set_tooltip_text (self->export_button, month ? _("Write the month’s workbook with its charts (Excel, .xlsx)")
                                               : _("The workbook is monthly: choose a month to export"));
}

/**
 * em_reports_page_dup_suggested_name:
 *
 * The file name "Export to Excel…" suggests, in the workbook's language:
 * 月度考核-2026-10.xlsx or monthly-2026-10.xlsx, with the team's name when
 * one team is shown.
 *
 * Returns: (transfer full) (nullable): the name, or %NULL when no month is chosen
 */
char *
em_reports_page_dup_suggested_name (EmReportsPage *self)
{
  g_autofree char *month = NULL;
  g_autofree char *team = NULL;
  guint position;
  EmPeriod period;

  g_return_val_if_fail (EM_IS_REPORTS_PAGE (self), NULL);

  if (!em_reports_page_get_period (self, &period) || period.kind != EM_PERIOD_MONTH)
    return NULL;

  month = em_period_to_string (&period);
  position = gtk_drop_down_get_selected (self->team_dropdown);
  if (em_reports_page_get_team_id (self) != 0)
    {
      /* A team name is the user's text: keep it from making a path. */
      team = g_strdup (gtk_string_list_get_string (self->teams, position));
      g_strdelimit (team, "/\\:*?\"<>|", '-');
    }

  return g_strdup_printf ("%s-%s%s%s.xlsx", g_str_has_prefix (self->language, "zh") ? "月度考核" : "monthly",
                          month, team != NULL ? "-" : "", team != NULL ? team : "");
}

/* Export --------------------------------------------------------------------- */

static void
on_export_progress (double   fraction,
                    gpointer user_data)
{
  EmReportsPage *self = user_data;

  if (self->export_cancellable != NULL && self->progress_bar != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static void
on_open_clicked (AdwToast   *toast,
                 const char *uri)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    g_warning ("Cannot open %s: %s", uri, error->message);
}

static void
free_uri (gpointer  data,
          GClosure *closure)
{
  g_free (data);
}

static void
toast_written (EmReportsPage *self,
               const char    *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *title = g_strdup_printf (_("“%s” written"), name);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  AdwToast *toast = adw_toast_new (title);

  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_clicked),
                             g_steal_pointer (&uri), free_uri, 0);
    }
  adw_toast_set_timeout (toast, 8);
  em_window_add_toast_for (GTK_WIDGET (self), toast);
}

static void
on_export_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EmReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_steal_pointer (&self->export_path);

  em_month_export_finish (result, &error);
  g_clear_object (&self->export_cancellable);
  _em_reports_page_notify_exporting (self);

  if (self->db == NULL)
    return;   /* the page went away meanwhile */

  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  _em_reports_page_update_actions (self);
  g_signal_emit_by_name (self, "export-finished", path, error);

  if (error == NULL)
    toast_written (self, path);
  else if (g_error_matches (error, EM_ERROR, EM_ERROR_CANCELLED) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    em_window_add_toast_for (GTK_WIDGET (self), adw_toast_new (_("Export cancelled; no workbook was written")));
  else
    em_window_show_error_for (GTK_WIDGET (self), _("The Workbook Cannot Be Written"), error);
}

/**
 * em_reports_page_export_to:
 * @path: where to write the workbook (an existing file is replaced)
 *
 * Exports the month and team shown in the background, as "Export to
 * Excel…" does once the file is chosen.
 */
void
em_reports_page_export_to (EmReportsPage *self,
                           const char    *path)
{
  EmMonthExportOptions options = { 0 };
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (EM_IS_REPORTS_PAGE (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->db != NULL && self->export_cancellable == NULL);
  g_return_if_fail (period_is_month (self));

  em_reports_page_get_period (self, &options.month);
  options.scheme = self->scheme;
  options.team_id = em_reports_page_get_team_id (self);
  options.language = self->language;
  options.show_callers = gtk_check_button_get_active (self->show_callers_check);

  self->export_cancellable = g_cancellable_new ();
  self->export_path = g_strdup (path);
  em_month_export_async (em_db_get_path (self->db), &options, path,
                         on_export_progress, g_object_ref (self), g_object_unref,
                         self->export_cancellable, on_export_done, g_object_ref (self));

  name = g_path_get_basename (path);
  label = g_strdup_printf (_("Writing “%s”…"), name);
  gtk_label_set_text (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  _em_reports_page_update_actions (self);
  _em_reports_page_notify_exporting (self);
}

void
em_reports_page_cancel_export (EmReportsPage *self)
{
  g_return_if_fail (EM_IS_REPORTS_PAGE (self));

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

static void
on_cancel_button_clicked (EmReportsPage *self,
                          GtkButton     *button)
{
  em_reports_page_cancel_export (self);
}

/* The file chooser ------------------------------------------------------------ */

/* A name typed without the extension still gets a workbook Excel opens. */
static char *
ensure_extension (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".xlsx"))
    return g_strdup (path);
  return g_strconcat (path, ".xlsx", NULL);
}

static void
on_file_chosen (GtkWidget *widget,
                GFile     *file)
{
  EmReportsPage *self = EM_REPORTS_PAGE (widget);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *target = NULL;

  if (self->db == NULL || self->export_cancellable != NULL || !period_is_month (self))
    return;

  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (EM_ERROR, EM_ERROR_IO,
                                                     _("Choose a folder on this computer: the workbook cannot be written to a remote location."));
      em_window_show_error_for (widget, _("The Workbook Cannot Be Written"), error);
      return;
    }

  target = ensure_extension (path);
  em_reports_page_export_to (self, target);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_autofree char *name = em_reports_page_dup_suggested_name (EM_REPORTS_PAGE (widget));
  GtkFileChooser *chooser;

  if (name == NULL)
    return;

  chooser = em_file_chooser_new (widget, _("Export to Excel"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  gtk_file_chooser_set_current_name (chooser, name);
  em_file_chooser_add_filter (chooser, _("Excel workbooks (.xlsx)"), "*.xlsx", "*.XLSX", NULL);
  em_file_chooser_show (chooser, widget, on_file_chosen);
}

void
_em_reports_page_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked);
  gtk_widget_class_install_action (widget_class, "reports.export", NULL, export_action);
}

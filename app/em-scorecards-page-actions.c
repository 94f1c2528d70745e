/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-error.h"
#include "em-file-chooser.h"
#include "em-problem.h"
#include "em-scorecard-store.h"
#include "em-scorecards-page-private.h"
#include "em-window.h"

/* Importing and exporting scorecard files.  A file is read without
 * blocking; checking and storing it is quick (a scorecard is a few
 * kilobytes) and happens on the main thread.  A file with any problem is
 * refused whole, and the dialog lists every problem the way
 * `earmark-cli validate` prints them.
 */

static GtkWindow *
get_window (EmScorecardsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWidget *
message_new (EmScorecardsPage *self,
             const char       *heading,
             const char       *body)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  return dialog;
}

void
_em_scorecards_page_update_actions (EmScorecardsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scorecards.import", self->db != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "scorecards.export",
                                 self->db != NULL && self->scorecard != NULL);
}

/* Import */

static void
show_problems (EmScorecardsPage *self,
               const char       *name,
               GPtrArray        *problems)
{
  g_autofree char *body = NULL;
  g_autofree char *text = em_problems_format (problems, name);
  GtkWidget *dialog;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (text);

  body = g_strdup_printf (ngettext ("“%s” has %u problem; nothing was imported.",
                                    "“%s” has %u problems; nothing was imported.", problems->len),
                          name, problems->len);
  dialog = message_new (self, _("The Scorecard Is Not Valid"), body);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "scorecard-problems");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_import_error (EmScorecardsPage *self,
                   const GError     *error)
{
  gtk_window_present (GTK_WINDOW (message_new (self, _("The Scorecard Cannot Be Imported"), error->message)));
}

static void
store_scorecard (EmScorecardsPage *self,
                 EmScorecard      *scorecard)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmScorecardVersionInfo) info = NULL;
  g_autofree char *actor = _em_scorecards_page_dup_actor (self);
  g_autofree char *message = NULL;
  gboolean created = FALSE;
  gint64 version_id;

  if ((version_id = em_scorecard_store_import (self->db, scorecard, actor, &created, &error)) <= 0 ||
      !em_scorecard_store_get_info (self->db, version_id, &info, &error))
    {
      show_import_error (self, error);
      return;
    }

  em_scorecards_page_reload (self);
  em_scorecards_page_select (self, info->key, version_id);

  if (created)
    /* Translators: a scorecard's title and the revision it was stored as */
    message = g_strdup_printf (_("“%s” imported as revision %u"), em_scorecard_get_title (scorecard),
                               info->revision);
  else
    message = g_strdup_printf (_("“%s” is identical to revision %u: nothing new was stored"),
                               em_scorecard_get_title (scorecard), info->revision);
  em_window_toast_for (GTK_WIDGET (self), message);
}

static void
on_file_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EmScorecardsPage) self = user_data;
  GFile *file = G_FILE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = em_problems_new ();
  g_autoptr(EmScorecard) scorecard = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (file, result, &contents, &length, NULL, &error))
    {
      g_autoptr(GError) read_error = g_error_new (EM_ERROR, EM_ERROR_IO, _("Cannot read “%s”: %s"),
                                                  name, error->message);

      if (self->db != NULL)
        show_import_error (self, read_error);
      return;
    }

  if (self->db == NULL)
    return;

  if (!(scorecard = em_scorecard_parse (contents, length, problems)))
    show_problems (self, name, problems);
  else
    store_scorecard (self, scorecard);
}

/**
 * em_scorecards_page_import_file:
 *
 * Imports a .scorecard file as "Import Scorecard…" does after the file is
 * chosen: a new revision, the revision it already is, or a dialog listing
 * every problem of a broken file (nothing stored).
 */
void
em_scorecards_page_import_file (EmScorecardsPage *self,
                                GFile            *file)
{
  g_return_if_fail (EM_IS_SCORECARDS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->db != NULL);

  g_file_load_contents_async (file, NULL, on_file_loaded, g_object_ref (self));
}

static void
on_import_chosen (GtkWidget *widget,
                  GFile     *file)
{
  EmScorecardsPage *self = EM_SCORECARDS_PAGE (widget);

  if (self->db != NULL)
    em_scorecards_page_import_file (self, file);
}

static void
add_filters (GtkFileChooser *chooser)
{
  em_file_chooser_add_filter (chooser, _("Scorecards"), "*.scorecard", NULL);
  em_file_chooser_add_filter (chooser, _("All files"), "*", NULL);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GtkFileChooser *chooser = em_file_chooser_new (widget, _("Import Scorecard"), GTK_FILE_CHOOSER_ACTION_OPEN,
                                                 _("_Import"));

  add_filters (chooser);
  em_file_chooser_show (chooser, widget, on_import_chosen);
}

/* Export */

static void
on_file_saved (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(EmScorecardsPage) self = user_data;
  GFile *file = G_FILE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (file, result, NULL, &error))
    {
      message = g_strdup_printf (_("Cannot write “%s”: %s"), name, error->message);
      gtk_window_present (GTK_WINDOW (message_new (self, _("The Scorecard Cannot Be Exported"), message)));
      return;
    }

  message = g_strdup_printf (_("Saved “%s”"), name);
  em_window_toast_for (GTK_WIDGET (self), message);
}

/**
 * em_scorecards_page_export_file:
 *
 * Writes the revision shown, its text exactly as stored, to @file.
 */
void
em_scorecards_page_export_file (EmScorecardsPage *self,
                                GFile            *file)
{
  g_autoptr(GBytes) source = NULL;
  const char *text;

  g_return_if_fail (EM_IS_SCORECARDS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->scorecard != NULL);

  text = em_scorecard_get_source (self->scorecard);
  source = g_bytes_new (text, strlen (text));
  g_file_replace_contents_bytes_async (file, source, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                       on_file_saved, g_object_ref (self));
}

static void
on_export_chosen (GtkWidget *widget,
                  GFile     *file)
{
  EmScorecardsPage *self = EM_SCORECARDS_PAGE (widget);

  if (self->scorecard != NULL)
    em_scorecards_page_export_file (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  EmScorecardsPage *self = EM_SCORECARDS_PAGE (widget);
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  if (self->scorecard == NULL)
    return;

  chooser = em_file_chooser_new (widget, _("Export Scorecard"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  add_filters (chooser);
  name = g_strdup_printf ("%s.scorecard", em_scorecard_get_id (self->scorecard));
  gtk_file_chooser_set_current_name (chooser, name);
  em_file_chooser_show (chooser, widget, on_export_chosen);
}

void
_em_scorecards_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "scorecards.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "scorecards.export", NULL, export_action);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-preferences-window.h"

struct _EmPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  EmDb                 *db;
  GSettings            *settings;
  GtkFileChooserNative *chooser;

  AdwEntryRow          *inspector_row;
  GtkSwitch            *caller_switch;
  AdwActionRow         *recordings_row;
  GtkButton            *reset_button;
  GtkButton            *choose_button;
};

G_DEFINE_FINAL_TYPE (EmPreferencesWindow, em_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
sync_recordings (EmPreferencesWindow *self)
{
  g_autofree char *dir = NULL;
  g_autofree char *setting = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->recordings_row), self->db != NULL);
  if (self->db == NULL)
    return;

  dir = em_db_dup_recordings_dir (self->db);
  setting = em_db_get_setting (self->db, "recordings_dir");
  adw_action_row_set_subtitle (self->recordings_row, dir);
  gtk_widget_set_visible (GTK_WIDGET (self->reset_button), setting != NULL && *setting != '\0');
}

/**
 * em_preferences_window_set_recordings_dir:
 * @path: (nullable): a folder; %NULL or "" for the default, the
 *   "recordings" folder beside the database
 */
gboolean
em_preferences_window_set_recordings_dir (EmPreferencesWindow  *self,
                                          const char           *path,
                                          GError              **error)
{
  g_return_val_if_fail (EM_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  if (!em_db_set_setting (self->db, "recordings_dir", path != NULL ? path : "", error))
    return FALSE;

  sync_recordings (self);
  return TRUE;
}

static void
set_recordings_dir_or_toast (EmPreferencesWindow *self,
                             const char          *path)
{
  g_autoptr(GError) error = NULL;

  if (!em_preferences_window_set_recordings_dir (self, path, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
on_chooser_response (EmPreferencesWindow  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) &&
      (path = g_file_get_path (folder)))
    set_recordings_dir_or_toast (self, path);

  g_clear_object (&self->chooser);
}

static void
on_choose_clicked (EmPreferencesWindow *self)
{
  g_autofree char *dir = em_db_dup_recordings_dir (self->db);
  g_autoptr(GFile) current = g_file_new_for_path (dir);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Recordings Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (g_file_query_exists (current, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), current, NULL);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_reset_clicked (EmPreferencesWindow *self)
{
  set_recordings_dir_or_toast (self, NULL);
}

static void
em_preferences_window_dispose (GObject *object)
{
  EmPreferencesWindow *self = EM_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (em_preferences_window_parent_class)->dispose (object);
}

static void
em_preferences_window_class_init (EmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = em_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/earmark/Earmark/ui/em-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EmPreferencesWindow, inspector_row);
  gtk_widget_class_bind_template_child (widget_class, EmPreferencesWindow, caller_switch);
  gtk_widget_class_bind_template_child (widget_class, EmPreferencesWindow, recordings_row);
  gtk_widget_class_bind_template_child (widget_class, EmPreferencesWindow, reset_button);
  gtk_widget_class_bind_template_child (widget_class, EmPreferencesWindow, choose_button);
}

static void
em_preferences_window_init (EmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "inspector-name", self->inspector_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-caller-numbers", self->caller_switch, "active", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_swapped (self->choose_button, "clicked", G_CALLBACK (on_choose_clicked), self);
  g_signal_connect_swapped (self->reset_button, "clicked", G_CALLBACK (on_reset_clicked), self);
}

/**
 * em_preferences_window_new:
 * @db: (nullable): the open database, for its recordings folder
 */
EmPreferencesWindow *
em_preferences_window_new (GtkWindow *parent,
                           EmDb      *db)
{
  EmPreferencesWindow *self = g_object_new (EM_TYPE_PREFERENCES_WINDOW,
                                            "transient-for", parent,
                                            NULL);

  g_set_object (&self->db, db);
  sync_recordings (self);
  return self;
}

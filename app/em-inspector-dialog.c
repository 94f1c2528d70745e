/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-inspector-dialog.h"

static char *
entered_name (GtkEditable *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}

static void
on_entry_changed (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  g_autofree char *name = entered_name (entry);

  adw_message_dialog_set_response_enabled (dialog, "save", *name != '\0');
}

static void
on_entry_activate (GtkEntry         *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *name = entered_name (GTK_EDITABLE (entry));

  if (*name != '\0')
    adw_message_dialog_response (dialog, "save");
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             GSettings        *settings)
{
  g_autofree char *name = NULL;

  if (!g_str_equal (response, "save"))
    return;

  name = entered_name (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)));
  if (*name != '\0')
    g_settings_set_string (settings, "inspector-name", name);
}

GtkWidget *
em_inspector_dialog_new (GtkWindow *parent,
                         GSettings *settings)
{
  g_autofree char *current = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  dialog = adw_message_dialog_new (parent, _("Who Is Evaluating?"),
                                   _("Your name is recorded with every evaluation you save, submit or "
                                     "finalise. You can change it later in Preferences."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Later"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Your name, e.g. 李敏"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Your name"), -1);
  current = g_settings_get_string (settings, "inspector-name");
  gtk_editable_set_text (GTK_EDITABLE (entry), current);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  on_entry_changed (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));

  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), g_object_ref (settings),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);

  return dialog;
}

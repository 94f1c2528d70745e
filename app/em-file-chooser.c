/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "em-file-chooser.h"

/* GTK 4.8 has no GtkFileDialog: a GtkFileChooserNative, modal to the
 * window of the page that asks, kept alive (with the page) until the user
 * answers, then destroyed.
 */

typedef struct
{
  GtkWidget        *widget;
  EmFileChosenFunc  chosen;
} Request;

GtkFileChooser *
em_file_chooser_new (GtkWidget            *widget,
                     const char           *title,
                     GtkFileChooserAction  action,
                     const char           *accept_label)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return GTK_FILE_CHOOSER (chooser);
}

/* A filter of file name patterns ("*.csv"), or of MIME types for the
 * entries holding a '/' ("text/csv").
 */
void
em_file_chooser_add_filter (GtkFileChooser *chooser,
                            const char     *name,
                            const char     *first_pattern,
                            ...)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  va_list args;

  gtk_file_filter_set_name (filter, name);
  va_start (args, first_pattern);
  for (const char *pattern = first_pattern; pattern != NULL; pattern = va_arg (args, const char *))
    {
      if (strchr (pattern, '/') != NULL)
        gtk_file_filter_add_mime_type (filter, pattern);
      else
        gtk_file_filter_add_pattern (filter, pattern);
    }
  va_end (args);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
on_response (GtkNativeDialog *chooser,
             int              response,
             Request         *request)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        request->chosen (request->widget, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (request->widget);
  g_free (request);
}

/* Shows @chooser (taking it); @chosen gets @widget and the file. */
void
em_file_chooser_show (GtkFileChooser   *chooser,
                      GtkWidget        *widget,
                      EmFileChosenFunc  chosen)
{
  Request *request = g_new0 (Request, 1);

  request->widget = g_object_ref (widget);
  request->chosen = chosen;
  g_signal_connect (chooser, "response", G_CALLBACK (on_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Runs when the user accepts the file chooser (never when cancelled). */
typedef void (*EmFileChosenFunc) (GtkWidget *widget,
                                  GFile     *file);

GtkFileChooser *em_file_chooser_new  (GtkWidget            *widget,
                                      const char           *title,
                                      GtkFileChooserAction  action,
                                      const char           *accept_label);
void            em_file_chooser_add_filter (GtkFileChooser *chooser,
                                            const char     *name,
                                            const char     *first_pattern,
                                            ...) G_GNUC_NULL_TERMINATED;
void            em_file_chooser_show (GtkFileChooser       *chooser,
                                      GtkWidget            *widget,
                                      EmFileChosenFunc      chosen);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "em-application.h"
#include "em-db.h"

G_BEGIN_DECLS

#define EM_TYPE_WINDOW (em_window_get_type ())

G_DECLARE_FINAL_TYPE (EmWindow, em_window, EM, WINDOW, AdwApplicationWindow)

EmWindow *em_window_new                  (EmApplication *application,
                                          EmDb          *db);
EmDb     *em_window_get_db               (EmWindow      *self);
void      em_window_show_database_error  (EmWindow      *self,
                                          const char    *path,
                                          const GError  *error);
void      em_window_toast                (EmWindow      *self,
                                          const char    *message);
void      em_window_add_toast            (EmWindow      *self,
                                          AdwToast      *toast);
void      em_window_show_error           (EmWindow      *self,
                                          const char    *heading,
                                          const GError  *error);

/* For a page or dialog, whatever window it is in. */
void      em_window_toast_for            (GtkWidget     *widget,
                                          const char    *message);
void      em_window_add_toast_for        (GtkWidget     *widget,
                                          AdwToast      *toast);
void      em_window_show_error_for       (GtkWidget     *widget,
                                          const char    *heading,
                                          const GError  *error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "em-db.h"

G_BEGIN_DECLS

#define EM_TYPE_PREFERENCES_WINDOW (em_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (EmPreferencesWindow, em_preferences_window, EM, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Preferences: the inspector's name and whether caller numbers show in
 * full (GSettings), and the database's recordings folder (its
 * recordings_dir setting).
 */
EmPreferencesWindow *em_preferences_window_new                 (GtkWindow            *parent,
                                                                EmDb                 *db);
gboolean             em_preferences_window_set_recordings_dir  (EmPreferencesWindow  *self,
                                                                const char           *path,
                                                                GError              **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Asks for the inspector's name (质检员), which every evaluation records:
 * an AdwMessageDialog whose extra child is the name entry.  "Save" writes
 * the inspector-name setting of @settings; it is enabled once the entry
 * holds more than spaces.
 */
GtkWidget *em_inspector_dialog_new (GtkWindow *parent,
                                    GSettings *settings);

G_END_DECLS

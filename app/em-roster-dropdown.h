/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gint64 em_roster_dropdown_get_id (GtkDropDown  *dropdown,
                                  GArray       *ids);
void   em_roster_dropdown_fill   (GtkDropDown  *dropdown,
                                  GArray      **ids,
                                  const char   *any,
                                  GPtrArray    *entries);

G_END_DECLS

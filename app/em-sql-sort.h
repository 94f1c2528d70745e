/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkSorter *em_sql_sort_sorter_new (int            key);
gboolean   em_sql_sort_read       (GtkColumnView *view,
                                   int           *out_key,
                                   gboolean      *out_descending);

G_END_DECLS

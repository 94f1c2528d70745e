/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-sql-sort.h"

/* Column views whose rows are sorted in SQL (the Calls and Evaluations
 * pages): nothing may wrap their model in a GtkSortListModel, which would
 * read every row.  Clicking a header still goes through GtkColumnView's
 * own sorter, so the header shows its arrow; the sorter is only *read*,
 * to build the query.  GTK 4.8 has no API to ask it which column sorts,
 * so each column's sorter (em_sql_sort_sorter_new()) writes its key into
 * a probe object when the column view's sorter compares two probes: the
 * first key written is the primary column, and the sign of the result is
 * its direction (em_sql_sort_read()).
 */

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      key)
{
  int *primary = g_object_get_data (G_OBJECT (a), "em-sort-probe");

  if (primary != NULL && *primary < 0)
    *primary = GPOINTER_TO_INT (key);
  return GTK_ORDERING_SMALLER;
}

/* The sorter of a column sorted by @key (≥ 0) in SQL. */
GtkSorter *
em_sql_sort_sorter_new (int key)
{
  g_return_val_if_fail (key >= 0, NULL);

  return GTK_SORTER (gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (key), NULL));
}

/* The key and direction of the column the user sorts by; FALSE (and the
 * outputs untouched) when no header sorts.
 */
gboolean
em_sql_sort_read (GtkColumnView *view,
                  int           *out_key,
                  gboolean      *out_descending)
{
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  int primary = -1;
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), FALSE);

  g_object_set_data (a, "em-sort-probe", &primary);
  order = gtk_sorter_compare (gtk_column_view_get_sorter (view), a, b);
  if (primary < 0 || order == GTK_ORDERING_EQUAL)
    return FALSE;

  *out_key = primary;
  *out_descending = order == GTK_ORDERING_LARGER;
  return TRUE;
}

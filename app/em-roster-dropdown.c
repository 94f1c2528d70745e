/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include "em-roster.h"
#include "em-roster-dropdown.h"

/* The team and agent choices of the filter bars: a GtkDropDown of labels
 * beside a GArray of the gint64 ids they stand for, the first one "any"
 * (id 0).
 */

/**
 * em_roster_dropdown_get_id:
 * @dropdown: a dropdown filled by em_roster_dropdown_fill()
 * @ids: (nullable): its ids
 *
 * Returns: the id of the selected choice, 0 for "any" or no choice
 */
gint64
em_roster_dropdown_get_id (GtkDropDown *dropdown,
                           GArray      *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}

static guint
position_of (GArray *ids,
             gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

/**
 * em_roster_dropdown_fill:
 * @dropdown: the dropdown
 * @ids: (inout): its ids, replaced
 * @any: the label of the first choice
 * @entries: (nullable) (element-type EmRosterEntry): the other choices
 *
 * Fills @dropdown with @any and @entries, keeping the selected id
 * selected (else "any").
 */
void
em_roster_dropdown_fill (GtkDropDown  *dropdown,
                         GArray      **ids,
                         const char   *any,
                         GPtrArray    *entries)
{
  gint64 selected = em_roster_dropdown_get_id (dropdown, *ids);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *new_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 none = 0;

  gtk_string_list_append (labels, any);
  g_array_append_val (new_ids, none);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      EmRosterEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *label = em_roster_entry_label (entry);

      gtk_string_list_append (labels, label);
      g_array_append_val (new_ids, entry->id);
    }

  g_clear_pointer (ids, g_array_unref);
  *ids = new_ids;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, position_of (new_ids, selected));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-roster"

#include "config.h"

#include <glib/gi18n.h>

#include "em-roster.h"

void
em_roster_entry_free (EmRosterEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->code);
  g_free (entry->name);
  g_free (entry);
}

/* "1001 王芳" for an agent (the 工号 alone when there is no name), the
 * name for a team.
 */
char *
em_roster_entry_label (const EmRosterEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  if (entry->code == NULL)
    return g_strdup (entry->name);
  if (entry->name == NULL || *entry->name == '\0')
    return g_strdup (entry->code);
  return g_strdup_printf ("%s %s", entry->code, entry->name);
}

static GPtrArray *
list (EmDb        *db,
      const char  *sql,
      gboolean     agents,
      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) em_roster_entry_free);
  int rc;

  if (!(stmt = em_db_prepare (db, sql, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EmRosterEntry *entry = g_new0 (EmRosterEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      if (agents)
        {
          entry->code = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          entry->team_id = sqlite3_column_int64 (stmt, 3);
        }
      g_ptr_array_add (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      em_db_set_error (db, error, rc, agents ? "reading the agents" : "reading the teams");
      return NULL;
    }

  return g_steal_pointer (&entries);
}

/* Returns: (transfer full) (element-type EmRosterEntry): every team, by name */
GPtrArray *
em_roster_list_teams (EmDb    *db,
                      GError **error)
{
  g_return_val_if_fail (EM_IS_DB (db), NULL);

  return list (db, "SELECT id, name FROM teams ORDER BY name", FALSE, error);
}

/* Returns: (transfer full) (element-type EmRosterEntry): every agent, by 工号 */
GPtrArray *
em_roster_list_agents (EmDb    *db,
                       GError **error)
{
  g_return_val_if_fail (EM_IS_DB (db), NULL);

  return list (db, "SELECT id, name, code, coalesce (team_id, 0) FROM agents ORDER BY code", TRUE, error);
}

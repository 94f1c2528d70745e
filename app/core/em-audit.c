/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-db"

#include "config.h"

#include <glib/gi18n.h>

#include "em-audit.h"

void
em_audit_entry_free (EmAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->detail);
  g_free (entry);
}

/**
 * em_audit_list_for_evaluation:
 *
 * An evaluation's history: its own audit rows and those of its appeals,
 * oldest first.
 *
 * Returns: (transfer full) (element-type EmAuditEntry)
 */
GPtrArray *
em_audit_list_for_evaluation (EmDb    *db,
                              gint64   evaluation_id,
                              GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) em_audit_entry_free);
  int rc;

  g_return_val_if_fail (EM_IS_DB (db), NULL);

  if (!(stmt = em_db_prepare (db,
                              "SELECT at, actor, action, entity, coalesce (entity_id, 0), detail FROM audit_log "
                              "WHERE (entity = 'evaluation' AND entity_id = ?1) "
                              "OR (entity = 'appeal' AND entity_id IN "
                              "    (SELECT id FROM appeals WHERE evaluation_id = ?1)) "
                              "ORDER BY at, id",
                              error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, evaluation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EmAuditEntry *entry = g_new0 (EmAuditEntry, 1);

      entry->at = sqlite3_column_int64 (stmt, 0);
      entry->actor = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->entity_id = sqlite3_column_int64 (stmt, 4);
      entry->detail = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      em_db_set_error (db, error, rc, "reading the audit log");
      return NULL;
    }

  return g_steal_pointer (&entries);
}

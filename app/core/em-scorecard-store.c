/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-scorecard-store"

#include "config.h"

#include <glib/gi18n.h>

#include "em-error.h"
#include "em-scorecard-store.h"
#include "em-txn.h"

/* Revisions are identified by the SHA-256 of their text, so importing the
 * same file twice, from any path, finds the revision it already is.
 */

static gboolean
step_done (EmDb          *db,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return em_db_set_error (db, error, rc, what);

  return TRUE;
}

/* Runs a one-row query; returns its first column, 0 when there is no row. */
static gint64
query_id (EmDb        *db,
          const char  *sql,
          const char  *text,
          gint64       number,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = em_db_prepare (db, sql, error)))
    return -1;

  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, number);
  sqlite3_bind_int64 (stmt, 2, number);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      em_db_set_error (db, error, rc, "reading scorecards");
      return -1;
    }

  return 0;
}

static const char *
untranslated_title (EmScorecard *scorecard)
{
  /* "C" has no translations: the plain Title= */
  return em_scorecard_get_title_for_locale (scorecard, "C");
}

static gint64
ensure_scorecard_row (EmDb         *db,
                      EmScorecard  *scorecard,
                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = em_db_prepare (db,
                              "INSERT INTO scorecards (key, title) VALUES (?1, ?2) "
                              "ON CONFLICT (key) DO NOTHING",
                              error)))
    return -1;

  sqlite3_bind_text (stmt, 1, em_scorecard_get_id (scorecard), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, untranslated_title (scorecard), -1, SQLITE_STATIC);
  if (!step_done (db, stmt, "saving a scorecard", error))
    return -1;

  return query_id (db, "SELECT id FROM scorecards WHERE key = ?1", em_scorecard_get_id (scorecard), 0, error);
}

static gboolean
set_title (EmDb         *db,
           gint64        scorecard_id,
           EmScorecard  *scorecard,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = em_db_prepare (db, "UPDATE scorecards SET title = ?2 WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, scorecard_id);
  sqlite3_bind_text (stmt, 2, untranslated_title (scorecard), -1, SQLITE_STATIC);

  return step_done (db, stmt, "saving a scorecard", error);
}

static gint64
insert_revision (EmDb         *db,
                 gint64        scorecard_id,
                 EmScorecard  *scorecard,
                 guint        *out_revision,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 revision;

  revision = query_id (db, "SELECT coalesce (max (revision), 0) + 1 FROM scorecard_versions "
                           "WHERE scorecard_id = ?1", NULL, scorecard_id, error);
  if (revision < 0)
    return -1;

  if (!(stmt = em_db_prepare (db,
                              "INSERT INTO scorecard_versions "
                              "(scorecard_id, revision, file_version, source, checksum, frozen, created_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6) RETURNING id",
                              error)))
    return -1;

  sqlite3_bind_int64 (stmt, 1, scorecard_id);
  sqlite3_bind_int64 (stmt, 2, revision);
  sqlite3_bind_int64 (stmt, 3, em_scorecard_get_version (scorecard));
  sqlite3_bind_text (stmt, 4, em_scorecard_get_source (scorecard), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, em_scorecard_get_checksum (scorecard), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, g_get_real_time () / G_USEC_PER_SEC);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      em_db_set_error (db, error, sqlite3_errcode (em_db_get_handle (db)), "saving a scorecard");
      return -1;
    }

  *out_revision = (guint) revision;
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * em_scorecard_store_import:
 * @actor: (nullable): who imports, for the audit log
 * @out_created: (out) (optional): whether a new revision was stored
 *
 * Stores @scorecard as a revision of the scorecard with its Id, or finds
 * the revision with the same text.
 *
 * Returns: the revision's scorecard_versions.id, or 0 with @error set
 */
gint64
em_scorecard_store_import (EmDb         *db,
                           EmScorecard  *scorecard,
                           const char   *actor,
                           gboolean     *out_created,
                           GError      **error)
{
  EM_TXN_AUTO txn = { 0 };
  g_autofree char *detail = NULL;
  gint64 scorecard_id, version_id;
  guint revision = 0;

  g_return_val_if_fail (EM_IS_DB (db), 0);
  g_return_val_if_fail (EM_IS_SCORECARD (scorecard), 0);

  if (out_created != NULL)
    *out_created = FALSE;

  if (!em_txn_begin (&txn, db, error))
    return 0;

  if ((scorecard_id = ensure_scorecard_row (db, scorecard, error)) <= 0)
    return 0;

  version_id = query_id (db, "SELECT id FROM scorecard_versions WHERE scorecard_id = ?2 AND checksum = ?1",
                         em_scorecard_get_checksum (scorecard), scorecard_id, error);
  if (version_id < 0)
    return 0;

  if (version_id > 0)
    return em_txn_commit (&txn, error) ? version_id : 0;

  if ((version_id = insert_revision (db, scorecard_id, scorecard, &revision, error)) <= 0 ||
      !set_title (db, scorecard_id, scorecard, error))
    return 0;

  detail = g_strdup_printf ("%s revision %u (Version=%u)", em_scorecard_get_id (scorecard),
                            revision, em_scorecard_get_version (scorecard));
  if (!em_db_audit (db, actor, "import", "scorecard_version", version_id, detail, error) ||
      !em_txn_commit (&txn, error))
    return 0;

  if (out_created != NULL)
    *out_created = TRUE;

  return version_id;
}

/* Reads, checks and imports a .scorecard file; nothing is stored when the
 * file has any problem (EM_ERROR_INVALID_INPUT lists them all).
 */
gint64
em_scorecard_store_import_file (EmDb         *db,
                                const char   *path,
                                const char   *actor,
                                gboolean     *out_created,
                                GError      **error)
{
  g_autoptr(EmScorecard) scorecard = NULL;

  g_return_val_if_fail (EM_IS_DB (db), 0);
  g_return_val_if_fail (path != NULL, 0);

  if (!(scorecard = em_scorecard_new_from_file (path, error)))
    return 0;

  return em_scorecard_store_import (db, scorecard, actor, out_created, error);
}

static EmScorecardVersionInfo *
info_from_row (sqlite3_stmt *stmt)
{
  EmScorecardVersionInfo *info = g_new0 (EmScorecardVersionInfo, 1);

  info->version_id = sqlite3_column_int64 (stmt, 0);
  info->scorecard_id = sqlite3_column_int64 (stmt, 1);
  info->key = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  info->title = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  info->revision = (guint) sqlite3_column_int64 (stmt, 4);
  info->file_version = (guint) sqlite3_column_int64 (stmt, 5);
  info->frozen = sqlite3_column_int (stmt, 6) != 0;
  info->created_at = sqlite3_column_int64 (stmt, 7);

  return info;
}

#define INFO_COLUMNS \
  "SELECT v.id, s.id, s.key, s.title, v.revision, v.file_version, v.frozen, v.created_at " \
  "FROM scorecard_versions v JOIN scorecards s ON s.id = v.scorecard_id "

void
em_scorecard_version_info_free (EmScorecardVersionInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->key);
  g_free (info->title);
  g_free (info);
}

/**
 * em_scorecard_store_get_info:
 * @out_info: (out) (transfer full): the revision's description
 *
 * Returns: %FALSE with EM_ERROR_NOT_FOUND when there is no such revision
 */
gboolean
em_scorecard_store_get_info (EmDb                    *db,
                             gint64                   version_id,
                             EmScorecardVersionInfo **out_info,
                             GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_DB (db), FALSE);
  g_return_val_if_fail (out_info != NULL, FALSE);

  if (!(stmt = em_db_prepare (db, INFO_COLUMNS "WHERE v.id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, version_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_NOT_FOUND,
                   _("There is no scorecard revision %lld in the database."), (long long) version_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return em_db_set_error (db, error, rc, "reading scorecards");

  *out_info = info_from_row (stmt);
  return TRUE;
}

/**
 * em_scorecard_store_list_versions:
 * @key: (nullable): a scorecard Id, or %NULL for every scorecard
 *
 * Returns: (transfer full) (element-type EmScorecardVersionInfo): the
 *   revisions, by scorecard Id and revision
 */
GPtrArray *
em_scorecard_store_list_versions (EmDb        *db,
                                  const char  *key,
                                  GError     **error)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_DB (db), NULL);

  if (!(stmt = em_db_prepare (db, INFO_COLUMNS "WHERE ?1 IS NULL OR s.key = ?1 "
                                  "ORDER BY s.key, v.revision", error)))
    return NULL;

  if (key != NULL)
    sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);

  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) em_scorecard_version_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (infos, info_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      em_db_set_error (db, error, rc, "reading scorecards");
      return NULL;
    }

  return g_steal_pointer (&infos);
}

/* Returns: the newest revision of the scorecard @key; 0 (without an
 * error) when there is none, -1 on a database error.
 */
gint64
em_scorecard_store_find_latest (EmDb        *db,
                                const char  *key,
                                GError     **error)
{
  g_return_val_if_fail (EM_IS_DB (db), -1);
  g_return_val_if_fail (key != NULL, -1);

  return query_id (db,
                   "SELECT v.id FROM scorecard_versions v JOIN scorecards s ON s.id = v.scorecard_id "
                   "WHERE s.key = ?1 ORDER BY v.revision DESC LIMIT 1",
                   key, 0, error);
}

/* Returns: (transfer full): the scorecard of a stored revision */
EmScorecard *
em_scorecard_store_load_version (EmDb        *db,
                                 gint64       version_id,
                                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  EmScorecard *scorecard;
  int rc;

  g_return_val_if_fail (EM_IS_DB (db), NULL);

  if (!(stmt = em_db_prepare (db,
                              "SELECT v.source, s.key, v.revision FROM scorecard_versions v "
                              "JOIN scorecards s ON s.id = v.scorecard_id WHERE v.id = ?1",
                              error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, version_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_NOT_FOUND,
                   _("There is no scorecard revision %lld in the database."), (long long) version_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      em_db_set_error (db, error, rc, "reading scorecards");
      return NULL;
    }

  name = g_strdup_printf ("%s@%d", (const char *) sqlite3_column_text (stmt, 1), sqlite3_column_int (stmt, 2));
  scorecard = em_scorecard_new_from_data ((const char *) sqlite3_column_text (stmt, 0),
                                          sqlite3_column_bytes (stmt, 0), name, &local_error);
  if (scorecard == NULL)
    g_set_error (error, EM_ERROR, EM_ERROR_DATABASE_CORRUPT,
                 _("The stored scorecard %s can no longer be read:\n%s"), name, local_error->message);

  return scorecard;
}

/* Marks a revision as used by an evaluation: from now on it never changes. */
gboolean
em_scorecard_store_freeze (EmDb     *db,
                           gint64    version_id,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (EM_IS_DB (db), FALSE);

  if (!(stmt = em_db_prepare (db, "UPDATE scorecard_versions SET frozen = 1 WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, version_id);
  if (!step_done (db, stmt, "saving a scorecard", error))
    return FALSE;

  if (sqlite3_changes (em_db_get_handle (db)) == 0)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_NOT_FOUND,
                   _("There is no scorecard revision %lld in the database."), (long long) version_id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_not_frozen (EmScorecardVersionInfo  *info,
                  GError                 **error)
{
  if (!info->frozen)
    return TRUE;

  g_set_error (error, EM_ERROR, EM_ERROR_READ_ONLY,
               _("Revision %u of the scorecard “%s” is used by evaluations and cannot change; "
                 "import the changed file to make a new revision."),
               info->revision, info->key);
  return FALSE;
}

static gboolean
update_source (EmDb         *db,
               gint64        version_id,
               EmScorecard  *scorecard,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = em_db_prepare (db,
                              "UPDATE scorecard_versions SET source = ?2, checksum = ?3, file_version = ?4 "
                              "WHERE id = ?1 AND frozen = 0",
                              error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, version_id);
  sqlite3_bind_text (stmt, 2, em_scorecard_get_source (scorecard), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, em_scorecard_get_checksum (scorecard), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, em_scorecard_get_version (scorecard));

  return step_done (db, stmt, "saving a scorecard", error);
}

/**
 * em_scorecard_store_replace_version:
 *
 * Changes the text of a revision no evaluation uses yet (a scorecard being
 * written).  A frozen revision is refused with EM_ERROR_READ_ONLY.
 */
gboolean
em_scorecard_store_replace_version (EmDb         *db,
                                    gint64        version_id,
                                    EmScorecard  *scorecard,
                                    const char   *actor,
                                    GError      **error)
{
  g_autoptr(EmScorecardVersionInfo) info = NULL;
  g_autofree char *detail = NULL;
  EM_TXN_AUTO txn = { 0 };
  gint64 twin;

  g_return_val_if_fail (EM_IS_DB (db), FALSE);
  g_return_val_if_fail (EM_IS_SCORECARD (scorecard), FALSE);

  if (!em_txn_begin (&txn, db, error) ||
      !em_scorecard_store_get_info (db, version_id, &info, error) ||
      !check_not_frozen (info, error))
    return FALSE;

  if (!g_str_equal (info->key, em_scorecard_get_id (scorecard)))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                   _("The scorecard “%s” cannot replace a revision of “%s”."),
                   em_scorecard_get_id (scorecard), info->key);
      return FALSE;
    }

  twin = query_id (db, "SELECT revision FROM scorecard_versions WHERE scorecard_id = ?2 AND checksum = ?1",
                   em_scorecard_get_checksum (scorecard), info->scorecard_id, error);
  if (twin < 0)
    return FALSE;
  if (twin > 0 && twin != info->revision)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                   _("This text is already revision %lld of “%s”."), (long long) twin, info->key);
      return FALSE;
    }

  detail = g_strdup_printf ("%s revision %u", info->key, info->revision);
  if (!update_source (db, version_id, scorecard, error) ||
      !set_title (db, info->scorecard_id, scorecard, error) ||
      !em_db_audit (db, actor, "replace", "scorecard_version", version_id, detail, error))
    return FALSE;

  return em_txn_commit (&txn, error);
}

/* Deletes a revision no evaluation uses (EM_ERROR_READ_ONLY otherwise),
 * and the scorecard with it when it was its last revision.
 */
gboolean
em_scorecard_store_delete_version (EmDb        *db,
                                   gint64       version_id,
                                   const char  *actor,
                                   GError     **error)
{
  g_autoptr(EmScorecardVersionInfo) info = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) orphan = NULL;
  g_autofree char *detail = NULL;
  EM_TXN_AUTO txn = { 0 };

  g_return_val_if_fail (EM_IS_DB (db), FALSE);

  if (!em_txn_begin (&txn, db, error) ||
      !em_scorecard_store_get_info (db, version_id, &info, error) ||
      !check_not_frozen (info, error))
    return FALSE;

  if (!(stmt = em_db_prepare (db, "DELETE FROM scorecard_versions WHERE id = ?1 AND frozen = 0", error)) ||
      !(orphan = em_db_prepare (db, "DELETE FROM scorecards WHERE id = ?1 AND NOT EXISTS "
                                    "(SELECT 1 FROM scorecard_versions WHERE scorecard_id = ?1)", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, version_id);
  sqlite3_bind_int64 (orphan, 1, info->scorecard_id);
  detail = g_strdup_printf ("%s revision %u", info->key, info->revision);

  if (!step_done (db, stmt, "deleting a scorecard", error) ||
      !step_done (db, orphan, "deleting a scorecard", error) ||
      !em_db_audit (db, actor, "delete", "scorecard_version", version_id, detail, error))
    return FALSE;

  return em_txn_commit (&txn, error);
}

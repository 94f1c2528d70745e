/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-db"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "em-db.h"
#include "em-db-schema.h"
#include "em-error.h"

/* EmDb owns one SQLite connection.  A connection belongs to one thread:
 * work in a GTask thread opens its own EmDb on the same path.
 *
 * Opening is careful not to write anything before it knows the file is an
 * Earmark database it understands: a stray file, a damaged one, one from a
 * newer Earmark or one another program holds locked is reported and left
 * exactly as it was.
 */

#ifndef EM_DB_PAGE_SIZE
#define EM_DB_PAGE_SIZE 16384
#endif

struct _EmDb
{
  GObject  parent_instance;
  char    *path;
  sqlite3 *handle;
};

G_DEFINE_FINAL_TYPE (EmDb, em_db, G_TYPE_OBJECT)

static void
em_db_finalize (GObject *object)
{
  EmDb *self = (EmDb *) object;

  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (em_db_parent_class)->finalize (object);
}

static void
em_db_class_init (EmDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = em_db_finalize;
}

static void
em_db_init (EmDb *self)
{
}

gboolean
em_db_set_error (EmDb       *self,
                 GError    **error,
                 int          rc,
                 const char  *what)
{
  const char *detail = self != NULL && self->handle != NULL
                       ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc);
  const char *path = self != NULL ? self->path : "";

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, EM_ERROR, EM_ERROR_DATABASE_LOCKED,
                   _("The database “%s” is locked by another program. "
                     "Close the other program and try again."), path);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, EM_ERROR, EM_ERROR_DATABASE_CORRUPT,
                   _("“%s” is damaged or is not an Earmark database (%s)."), path, detail);
      break;

    case SQLITE_FULL:
      g_set_error (error, EM_ERROR, EM_ERROR_IO,
                   _("The disk holding “%s” is full."), path);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, EM_ERROR, EM_ERROR_IO,
                   _("Cannot write to the database “%s” (%s)."), path, detail);
      break;

    default:
      g_set_error (error, EM_ERROR, EM_ERROR_DATABASE,
                   _("Database error while %s: %s"), what, detail);
      break;
    }

  return FALSE;
}

sqlite3_stmt *
em_db_prepare (EmDb        *self,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_DB (self), NULL);

  rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      em_db_set_error (self, error, rc, "preparing a query");
      return NULL;
    }

  return stmt;
}

gboolean
em_db_exec (EmDb        *self,
            const char  *sql,
            GError     **error)
{
  int rc;

  g_return_val_if_fail (EM_IS_DB (self), FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return em_db_set_error (self, error, rc, "updating the database");

  return TRUE;
}

gboolean
em_db_begin (EmDb    *self,
             GError **error)
{
  return em_db_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
em_db_commit (EmDb    *self,
              GError **error)
{
  return em_db_exec (self, "COMMIT", error);
}

void
em_db_rollback (EmDb *self)
{
  g_return_if_fail (EM_IS_DB (self));

  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

static gboolean
query_int (EmDb        *self,
           const char  *sql,
           gint64      *out_value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = em_db_prepare (self, sql, error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_value = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *out_value = 0;
  else
    return em_db_set_error (self, error, rc, "reading the database");

  return TRUE;
}

/* Reads the schema version without writing.  0 means an empty file. */
static gboolean
read_schema_version (EmDb    *self,
                     gint64  *out_version,
                     GError **error)
{
  gint64 n_objects = 0;
  gint64 has_version_table = 0;

  if (!query_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    return FALSE;

  if (n_objects == 0)
    {
      *out_version = 0;
      return TRUE;
    }

  if (!query_int (self,
                  "SELECT count(*) FROM sqlite_master "
                  "WHERE type = 'table' AND name = 'schema_version'",
                  &has_version_table, error))
    return FALSE;

  if (!has_version_table)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_DATABASE_CORRUPT,
                   _("“%s” is an SQLite database, but not an Earmark database."),
                   self->path);
      return FALSE;
    }

  return query_int (self, "SELECT max(version) FROM schema_version", out_version, error);
}

static gboolean
migrate (EmDb    *self,
         GError **error)
{
  gint64 version = 0;

  if (!em_db_begin (self, error))
    return FALSE;

  /* Read again inside the write lock: another process may have migrated. */
  if (!read_schema_version (self, &version, error))
    goto failed;

  if (version == 0 &&
      !em_db_exec (self, "CREATE TABLE schema_version (version INTEGER NOT NULL)", error))
    goto failed;

  for (gint64 v = version; v < (gint64) em_db_n_migrations; v++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      g_debug ("Migrating %s from schema %" G_GINT64_FORMAT, self->path, v);

      if (!em_db_exec (self, em_db_migrations[v], error))
        goto failed;

      if (!(stmt = em_db_prepare (self, "INSERT INTO schema_version (version) VALUES (?1)", error)))
        goto failed;
      sqlite3_bind_int64 (stmt, 1, v + 1);
      if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
        {
          em_db_set_error (self, error, rc, "recording the schema version");
          goto failed;
        }
    }

  return em_db_commit (self, error);

failed:
  em_db_rollback (self);
  return FALSE;
}

static gboolean
configure_connection (EmDb    *self,
                      GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* journal_mode answers with the mode in effect; anything but "wal" means
   * the switch did not happen (a locked database, a read-only medium).
   */
  if (!(stmt = em_db_prepare (self, "PRAGMA journal_mode = WAL", error)))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return em_db_set_error (self, error, rc, "switching to WAL mode");

  if (g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") != 0 &&
      g_strcmp0 (self->path, ":memory:") != 0)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_IO,
                   _("Cannot write to the database “%s”."), self->path);
      return FALSE;
    }

  return em_db_exec (self,
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA synchronous = NORMAL;"
                     "PRAGMA temp_store = MEMORY;",
                     error);
}

char *
em_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "earmark", "earmark.db", NULL);
}

/**
 * em_db_open:
 * @path: (nullable): the database file; %NULL for the default location
 *
 * Opens (creating it if needed) an Earmark database and brings its schema
 * up to date.
 */
EmDb *
em_db_open (const char  *path,
            GError     **error)
{
  g_autoptr(EmDb) self = g_object_new (EM_TYPE_DB, NULL);
  g_autofree char *default_path = NULL;
  gint64 version = 0;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  int rc;

  if (path == NULL)
    path = default_path = em_db_default_path ();

  self->path = g_strdup (path);

  if (g_strcmp0 (path, ":memory:") != 0)
    {
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, EM_ERROR, EM_ERROR_IO,
                       _("“%s” is a folder, not a database file."), path);
          return NULL;
        }

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *dir = g_path_get_dirname (path);

          if (g_mkdir_with_parents (dir, 0750) != 0)
            {
              int saved_errno = errno;
              g_set_error (error, EM_ERROR, EM_ERROR_IO,
                           _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
              return NULL;
            }
          flags |= SQLITE_OPEN_CREATE;
        }
    }
  else
    flags |= SQLITE_OPEN_CREATE;

  rc = sqlite3_open_v2 (path, &self->handle, flags, NULL);
  if (rc != SQLITE_OK)
    {
      em_db_set_error (self, error, rc, "opening the database");
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, 2000);

  if (!read_schema_version (self, &version, error))
    return NULL;

  /* A new file only (the size is fixed once the first table exists):
   * bigger pages make the B-trees of a million calls shallower and the
   * WAL's frames fewer, so an import writes faster (bench/bench-import).
   */
  if (version == 0 && !em_db_exec (self, "PRAGMA page_size = " G_STRINGIFY (EM_DB_PAGE_SIZE), error))
    return NULL;

  if (version > EM_DB_SCHEMA_VERSION)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_DATABASE_TOO_NEW,
                   _("“%s” was written by a newer version of Earmark (schema %d, this "
                     "version understands up to %d). Update Earmark to open it."),
                   path, (int) version, EM_DB_SCHEMA_VERSION);
      return NULL;
    }

  if (!configure_connection (self, error))
    return NULL;

  if (version < EM_DB_SCHEMA_VERSION && !migrate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
em_db_get_path (EmDb *self)
{
  g_return_val_if_fail (EM_IS_DB (self), NULL);

  return self->path;
}

sqlite3 *
em_db_get_handle (EmDb *self)
{
  g_return_val_if_fail (EM_IS_DB (self), NULL);

  return self->handle;
}

char *
em_db_get_setting (EmDb       *self,
                   const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (EM_IS_DB (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!(stmt = em_db_prepare (self, "SELECT value FROM settings WHERE key = ?1", NULL)))
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
em_db_set_setting (EmDb        *self,
                   const char  *key,
                   const char  *value,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_DB (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (value == NULL)
    stmt = em_db_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = em_db_prepare (self,
                          "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                          error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return em_db_set_error (self, error, rc, "saving a setting");

  return TRUE;
}

/* Recordings are stored relative to a folder the user can move; by default
 * it is the "recordings" folder beside the database.
 */
char *
em_db_dup_recordings_dir (EmDb *self)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_dir = NULL;

  g_return_val_if_fail (EM_IS_DB (self), NULL);

  if ((dir = em_db_get_setting (self, "recordings_dir")) && *dir)
    return g_steal_pointer (&dir);

  db_dir = g_path_get_dirname (self->path);
  return g_build_filename (db_dir, "recordings", NULL);
}

gboolean
em_db_audit (EmDb        *self,
             const char  *actor,
             const char  *action,
             const char  *entity,
             gint64       entity_id,
             const char  *detail,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_DB (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);

  if (!(stmt = em_db_prepare (self,
                              "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 2, actor != NULL ? actor : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, entity, -1, SQLITE_STATIC);
  if (entity_id > 0)
    sqlite3_bind_int64 (stmt, 5, entity_id);
  if (detail != NULL)
    sqlite3_bind_text (stmt, 6, detail, -1, SQLITE_STATIC);

  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return em_db_set_error (self, error, rc, "writing the audit log");

  return TRUE;
}

/* Returns the row id of the team named @name, creating it if needed;
 * 0 (and @error set) on failure.
 */
gint64
em_db_ensure_team (EmDb        *self,
                   const char  *name,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_DB (self), 0);
  g_return_val_if_fail (name != NULL && *name != '\0', 0);

  if (!(stmt = em_db_prepare (self,
                              "INSERT INTO teams (name) VALUES (?1) "
                              "ON CONFLICT (name) DO UPDATE SET name = excluded.name "
                              "RETURNING id",
                              error)))
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return em_db_set_error (self, error, rc, "saving a team");

  return sqlite3_column_int64 (stmt, 0);
}

/* Returns the row id of the agent with 工号 @code, creating it if needed.
 * A non-empty @name or a non-zero @team_id updates what is stored: the
 * newest import knows the agent's current name and team.
 */
gint64
em_db_ensure_agent (EmDb        *self,
                    const char  *code,
                    const char  *name,
                    gint64       team_id,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_DB (self), 0);
  g_return_val_if_fail (code != NULL && *code != '\0', 0);

  if (!(stmt = em_db_prepare (self,
                              "INSERT INTO agents (code, name, team_id) VALUES (?1, coalesce (?2, ''), ?3) "
                              "ON CONFLICT (code) DO UPDATE SET "
                              "  name = coalesce (nullif (excluded.name, ''), agents.name), "
                              "  team_id = coalesce (excluded.team_id, agents.team_id) "
                              "RETURNING id",
                              error)))
    return 0;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (name != NULL)
    sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  if (team_id > 0)
    sqlite3_bind_int64 (stmt, 3, team_id);

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return em_db_set_error (self, error, rc, "saving an agent");

  return sqlite3_column_int64 (stmt, 0);
}

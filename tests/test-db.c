/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "em-db.h"
#include "em-error.h"
#include "em-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = em_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "earmark.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  em_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
count_rows (EmDb       *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_create_and_reopen (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *nested = g_build_filename (f->dir, "a", "b", "earmark.db", NULL);
  gint64 team, agent, again;

  db = em_db_open (nested, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  /* WAL and foreign keys are on for every connection. */
  stmt = em_db_prepare (db, "PRAGMA journal_mode", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = em_db_prepare (db, "PRAGMA foreign_keys", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);

  team = em_db_ensure_team (db, "一组", &error);
  g_assert_no_error (error);
  agent = em_db_ensure_agent (db, "A001", "王芳", team, &error);
  g_assert_no_error (error);
  g_assert_cmpint (agent, >, 0);

  /* Re-importing an agent without a name keeps the name we know. */
  again = em_db_ensure_agent (db, "A001", "", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, agent);
  g_clear_object (&db);

  db = em_db_open (nested, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db, "agents"), ==, 1);
  g_assert_cmpint (count_rows (db, "schema_version"), ==, EM_DB_SCHEMA_VERSION);

  stmt = em_db_prepare (db, "SELECT name, team_id FROM agents WHERE code = 'A001'", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "王芳");
  g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, team);
}

static void
test_foreign_keys_enforced (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (f->path, &error);

  g_assert_no_error (error);
  g_assert_false (em_db_exec (db,
                              "INSERT INTO calls (external_id, agent_id, started_at, utc_offset, duration_s) "
                              "VALUES ('X', 999, 0, 0, 10)",
                              &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_DATABASE);
}

/* Opening something that is not an Earmark database says so and writes
 * nothing: the file's bytes are the same afterwards.
 */
static void
assert_refused_unchanged (const char *path,
                          int         expected_code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = em_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(EmDb) db = em_db_open (path, &error);

  g_assert_null (db);
  g_assert_error (error, EM_ERROR, expected_code);
  g_assert_nonnull (strstr (error->message, path));

  after = em_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_not_a_database (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) junk = g_string_new (NULL);

  for (guint i = 0; i < 8192; i++)
    g_string_append_c (junk, (char) ((i * 7919) % 251));
  em_test_write_file (f->path, junk->str, junk->len);

  assert_refused_unchanged (f->path, EM_ERROR_DATABASE_CORRUPT);
}

static void
test_damaged_header (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  EmDb *db = em_db_open (f->path, &error);

  g_assert_no_error (error);
  em_db_ensure_team (db, "一组", &error);
  g_assert_no_error (error);
  em_db_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error);
  g_object_unref (db);

  /* Break the page size and the schema cookie in the header. */
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  memset (contents + 16, 0xff, 12);
  memset (contents + 100, 0x5a, MIN (length - 100, 900));
  em_test_write_file (f->path, contents, length);

  assert_refused_unchanged (f->path, EM_ERROR_DATABASE_CORRUPT);
}

static void
test_foreign_sqlite_database (Fixture       *f,
                              gconstpointer  data)
{
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE photos (id INTEGER)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  assert_refused_unchanged (f->path, EM_ERROR_DATABASE_CORRUPT);
}

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  EmDb *db = em_db_open (f->path, &error);

  g_assert_no_error (error);
  g_assert_true (em_db_exec (db, "INSERT INTO schema_version VALUES (99)", &error));
  g_object_unref (db);

  assert_refused_unchanged (f->path, EM_ERROR_DATABASE_TOO_NEW);
}

/* Another program holds the write lock: reading works, writing fails with
 * a "locked" error after the busy timeout, and nothing is half-written.
 */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (f->path, &error);
  sqlite3 *other = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE; INSERT INTO teams (name) VALUES ('x')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_false (em_db_set_setting (db, "recordings_dir", "/tmp", &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_DATABASE_LOCKED);
  g_assert_nonnull (strstr (error->message, "locked"));
  g_clear_error (&error);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);

  g_assert_true (em_db_set_setting (db, "recordings_dir", "/tmp", &error));
  g_assert_no_error (error);
}

/* A brand-new file locked by another program before we migrate it. */
static void
test_locked_before_migration (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = NULL;
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE; CREATE TABLE t (x)", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  db = em_db_open (f->path, &error);
  g_assert_null (db);
  g_assert_error (error, EM_ERROR, EM_ERROR_DATABASE_LOCKED);

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

static void
test_settings_and_recordings_dir (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (f->path, &error);
  g_autofree char *dir = NULL;
  g_autofree char *expected = g_build_filename (f->dir, "recordings", NULL);

  g_assert_no_error (error);
  dir = em_db_dup_recordings_dir (db);
  g_assert_cmpstr (dir, ==, expected);
  g_clear_pointer (&dir, g_free);

  g_assert_true (em_db_set_setting (db, "recordings_dir", "/srv/录音", &error));
  dir = em_db_dup_recordings_dir (db);
  g_assert_cmpstr (dir, ==, "/srv/录音");
}

static void
test_audit (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (f->path, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_true (em_db_audit (db, "李质检", "finalise", "evaluation", 7, "total 87.50", &error));
  g_assert_no_error (error);

  stmt = em_db_prepare (db, "SELECT actor, action, entity, entity_id, detail, at FROM audit_log", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "李质检");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "finalise");
  g_assert_cmpint (sqlite3_column_int64 (stmt, 3), ==, 7);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 5), >, 1700000000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/db/create-and-reopen", test_create_and_reopen);
  ADD ("/db/foreign-keys", test_foreign_keys_enforced);
  ADD ("/db/not-a-database", test_not_a_database);
  ADD ("/db/damaged-header", test_damaged_header);
  ADD ("/db/foreign-sqlite-database", test_foreign_sqlite_database);
  ADD ("/db/newer-schema", test_newer_schema);
  ADD ("/db/locked", test_locked);
  ADD ("/db/locked-before-migration", test_locked_before_migration);
  ADD ("/db/settings", test_settings_and_recordings_dir);
  ADD ("/db/audit", test_audit);
#undef ADD

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "earmark-resources.h"
#include "em-application.h"
#include "em-error.h"
#include "em-test-gui.h"
#include "em-test-util.h"
#include "em-window.h"

static void
spin_until_idle (void)
{
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The window opens on a fresh database and offers the pages of
 * DESIGN.md §9.
 */
static void
test_window_opens (void)
{
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "earmark.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (path, &error);
  const char *pages[] = { "calls", "sampling", "evaluations", "agents", "reports", "scorecards" };
  AdwViewStack *stack;
  EmWindow *window;

  g_assert_no_error (error);
  window = em_window_new (NULL, db);
  gtk_window_present (GTK_WINDOW (window));
  spin_until_idle ();

  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), EM_TYPE_WINDOW, "view_stack"));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_assert_nonnull (adw_view_stack_get_child_by_name (stack, pages[i]));

  gtk_window_destroy (GTK_WINDOW (window));
  em_test_rm_rf (dir);
}

static void
test_database_error_page (void)
{
  g_autoptr(GError) error = g_error_new_literal (EM_ERROR, EM_ERROR_DATABASE_CORRUPT,
                                                 "“/tmp/x.db” is damaged");
  EmWindow *window = em_window_new (NULL, NULL);
  GtkStack *main_stack;

  em_window_show_database_error (window, "/tmp/x.db", error);
  gtk_window_present (GTK_WINDOW (window));
  spin_until_idle ();

  main_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), EM_TYPE_WINDOW, "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "database-error");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The real program's way in: EmApplication with --db, as main() runs it.
 * Once the window is up, what it shows is read and the program quits.
 */
typedef struct
{
  char *page;          /* the main stack's page */
  char *description;   /* the error page's text */
} Shown;

static gboolean
read_window (gpointer data)
{
  GApplication *app = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  Shown *shown = g_object_get_data (G_OBJECT (app), "test-shown");

  if (window == NULL)
    return G_SOURCE_CONTINUE;

  shown->page = g_strdup (gtk_stack_get_visible_child_name (em_test_window_child (EM_WINDOW (window),
                                                                                  "main_stack")));
  shown->description = g_strdup (adw_status_page_get_description (em_test_window_child (EM_WINDOW (window),
                                                                                        "database_error_page")));
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
run_earmark (const char *db_path,
             Shown      *shown)
{
  g_autoptr(EmApplication) app = em_application_new ();
  char *argv[] = { (char *) "earmark", (char *) "--db", (char *) db_path, NULL };

  g_object_set_data (G_OBJECT (app), "test-shown", shown);
  g_timeout_add (100, read_window, app);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_nonnull (shown->page);
}

static char *
make_database (const char *dir)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "earmark.db", NULL);
  g_autoptr(EmDb) db = em_db_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (em_db_ensure_team (db, "一组", &error) > 0);
  g_assert_true (em_db_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  return path;
}

/* Another program holds the database in exclusive locking mode (it cannot
 * even be read): the window says so instead of its pages, and the file
 * is left as it was.
 */
static void
test_database_locked (void)
{
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *path = make_database (dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Shown shown = { 0 };
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                        "INSERT INTO teams (name) VALUES ('二组')", NULL, NULL, NULL), ==, SQLITE_OK);
  before = em_test_file_checksum (path);

  run_earmark (path, &shown);
  g_assert_cmpstr (shown.page, ==, "database-error");
  g_assert_nonnull (strstr (shown.description, path));
  g_assert_nonnull (strstr (shown.description, "locked by another program"));

  after = em_test_file_checksum (path);
  g_assert_cmpstr (after, ==, before);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_free (shown.page);
  g_free (shown.description);
  em_test_rm_rf (dir);
}

/* A database a newer Earmark wrote: the error page, nothing written. */
static void
test_database_too_new (void)
{
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *path = make_database (dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Shown shown = { 0 };
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "INSERT INTO schema_version VALUES (99); PRAGMA wal_checkpoint(TRUNCATE)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  before = em_test_file_checksum (path);

  run_earmark (path, &shown);
  g_assert_cmpstr (shown.page, ==, "database-error");
  g_assert_nonnull (strstr (shown.description, "newer version of Earmark"));

  after = em_test_file_checksum (path);
  g_assert_cmpstr (after, ==, before);
  g_free (shown.page);
  g_free (shown.description);
  em_test_rm_rf (dir);
}

/* A file cut short (a copy that did not finish): the error page. */
static void
test_database_truncated (void)
{
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *path = make_database (dir);
  g_autofree char *contents = NULL;
  gsize length = 0;
  Shown shown = { 0 };

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  em_test_write_file (path, contents, length / 2);

  run_earmark (path, &shown);
  g_assert_cmpstr (shown.page, ==, "database-error");
  g_assert_nonnull (strstr (shown.description, "damaged"));
  g_free (shown.page);
  g_free (shown.description);
  em_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  earmark_register_resource ();

  g_test_add_func ("/window/opens", test_window_opens);
  g_test_add_func ("/window/database-error", test_database_error_page);
  g_test_add_func ("/window/database-locked", test_database_locked);
  g_test_add_func ("/window/database-too-new", test_database_too_new);
  g_test_add_func ("/window/database-truncated", test_database_truncated);

  return g_test_run ();
}

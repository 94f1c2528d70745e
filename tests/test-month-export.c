/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "em-error.h"
#include "em-month.h"
#include "em-month-export.h"
#include "em-month-fixture.h"
#include "em-month-private.h"
#include "em-test-util.h"

/* The monthly workbook, read back by an independent reader: each export
 * is checked by tests/check-month-workbook.py with Debian's openpyxl.
 */

typedef struct
{
  char *dir;
  char *path;
  EmDb *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = em_test_make_tmpdir ();
  f->path = em_month_fixture_create (f->dir);
  f->db = em_db_open (f->path, NULL);
  g_assert_nonnull (f->db);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->db);
  em_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Runs the checker on @xlsx with @args (NULL-terminated) and fails the
 * test with its complaints.
 */
static void
check_workbook (const char  *xlsx,
                const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL;
  int status = 0;

  g_ptr_array_add (argv, g_strdup ("/usr/bin/python3"));
  g_ptr_array_add (argv, em_test_source_file ("tests/check-month-workbook.py"));
  g_ptr_array_add (argv, g_strdup (xlsx));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s does not read back as expected:\n%s%s", xlsx, out, err);
}

static void
export (Fixture    *f,
        const char *language,
        gint64      team_id,
        const char *xlsx)
{
  g_autoptr(GError) error = NULL;
  EmMonthExportOptions options = { NULL, { EM_PERIOD_MONTH, 2024, 5 }, team_id, language, FALSE };

  g_assert_true (em_month_export (f->db, &options, xlsx, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Nothing but (some of) @allowed in @dir: no temporary file left over. */
static void
assert_dir_holds (const char  *dir,
                  const char **allowed)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)))
    if (!g_strv_contains (allowed, name))
      g_error ("unexpected file “%s” in %s", name, dir);
}

static void
test_english (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "may.xlsx", NULL);
  const char *args[] = { "--lang", "en", NULL };

  export (f, "en", 0, xlsx);
  check_workbook (xlsx, args);
}

static void
test_chinese_team (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "五月 一组.xlsx", NULL);
  const char *args[] = { "--lang", "zh_CN", "--team", "一组", NULL };

  export (f, "zh_CN", 1, xlsx);
  check_workbook (xlsx, args);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "cli.xlsx", NULL);
  g_autofree char *expected = g_strconcat (xlsx, "\n", NULL);
  const char *args[] = { "export", "--db", f->path, "--month", "2024-05", "-o", xlsx,
                         "--lang", "zh_CN", "--show-callers", NULL };
  const char *check_args[] = { "--lang", "zh_CN", "--callers", "shown", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (em_test_run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
  check_workbook (xlsx, check_args);
}

/* Without --lang, the locale decides: LC_ALL=C.UTF-8 in the tests. */
static void
test_cli_locale (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "locale.xlsx", NULL);
  const char *args[] = { "export", "--db", f->path, "--month", "2024-05", "-o", xlsx, NULL };
  const char *check_en[] = { "--lang", "en", NULL };
  const char *check_zh[] = { "--lang", "zh_CN", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (em_test_run_cli (args, &out, &err), ==, 0);
  check_workbook (xlsx, check_en);

  g_setenv ("LC_MESSAGES", "zh_CN.UTF-8", TRUE);
  g_setenv ("LC_ALL", "", TRUE);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (em_test_run_cli (args, &out, &err), ==, 0);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LC_MESSAGES");
  check_workbook (xlsx, check_zh);
}

/* A month with many evaluations is written in constant-memory mode: the
 * same workbook, rows streamed (the threshold is lowered to reach it).
 */
static void
test_constant_memory (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "streamed.xlsx", NULL);
  g_autofree char *team = g_build_filename (f->dir, "streamed-team.xlsx", NULL);
  const char *args[] = { "--lang", "en", NULL };
  const char *team_args[] = { "--lang", "zh_CN", "--team", "一组", NULL };

  em_month_export_set_constant_memory_threshold (0);
  export (f, "en", 0, xlsx);
  export (f, "zh_CN", 1, team);
  em_month_export_set_constant_memory_threshold (10000);

  check_workbook (xlsx, args);
  check_workbook (team, team_args);
}

static void
test_empty_month (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "empty.xlsx", NULL);
  EmMonthExportOptions options = { NULL, { EM_PERIOD_MONTH, 2022, 1 }, 0, "en", FALSE };
  const char *args[] = { "--lang", "en", "--empty", NULL };

  g_assert_true (em_month_export (f->db, &options, xlsx, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  check_workbook (xlsx, args);
}

static void
test_bad_paths (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nowhere = g_build_filename (f->dir, "no such folder", "may.xlsx", NULL);
  g_autofree char *ro_dir = g_build_filename (f->dir, "read-only", NULL);
  g_autofree char *ro_file = g_build_filename (ro_dir, "may.xlsx", NULL);
  const char *nothing[] = { NULL };
  EmMonthExportOptions options = { NULL, { EM_PERIOD_MONTH, 2024, 5 }, 0, "en", FALSE };
  const char *cli_args[] = { "export", "--db", f->path, "--month", "2024-05", "-o", nowhere, NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_false (em_month_export (f->db, &options, nowhere, NULL, NULL, NULL, &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, nowhere));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A folder where the file should go. */
  g_assert_false (em_month_export (f->db, &options, f->dir, NULL, NULL, NULL, &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_IO);
  g_clear_error (&error);

  g_assert_cmpint (em_test_run_cli (cli_args, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "Cannot write the workbook"));

  /* A read-only folder (the superuser writes anyway, so only as a user). */
  g_assert_cmpint (g_mkdir (ro_dir, 0555), ==, 0);
  if (geteuid () != 0)
    {
      g_assert_false (em_month_export (f->db, &options, ro_file, NULL, NULL, NULL, &error));
      g_assert_error (error, EM_ERROR, EM_ERROR_IO);
      g_assert_nonnull (strstr (error->message, ro_file));
      g_clear_error (&error);
      assert_dir_holds (ro_dir, nothing);
    }
  else
    g_test_message ("running as root: the read-only folder case is covered by /proc only");

  /* Nobody can create a file in /proc. */
  g_assert_false (em_month_export (f->db, &options, "/proc/earmark-test.xlsx", NULL, NULL, NULL, &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_IO);
  g_assert_false (g_file_test ("/proc/earmark-test.xlsx", G_FILE_TEST_EXISTS));
  g_chmod (ro_dir, 0755);
}

typedef struct
{
  GArray       *fractions;
  GCancellable *cancel_at_detail;
} Progress;

static void
on_progress (double   fraction,
             gpointer data)
{
  Progress *p = data;

  g_array_append_val (p->fractions, fraction);
  if (p->cancel_at_detail != NULL && fraction >= 0.4)
    g_cancellable_cancel (p->cancel_at_detail);
}

static void
test_progress_and_cancel (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *xlsx = g_build_filename (f->dir, "may.xlsx", NULL);
  g_autofree char *previous = NULL;
  g_autofree char *after = NULL;
  EmMonthExportOptions options = { NULL, { EM_PERIOD_MONTH, 2024, 5 }, 0, "en", FALSE };
  Progress progress = { g_array_new (FALSE, FALSE, sizeof (double)), NULL };
  const char *only_xlsx[] = { "may.xlsx", "month.db", "month.db-wal", "month.db-shm", NULL };

  g_assert_true (em_month_export (f->db, &options, xlsx, on_progress, &progress, cancellable, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.fractions->len, >=, 3);
  g_assert_cmpfloat (g_array_index (progress.fractions, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (progress.fractions, double, progress.fractions->len - 1), ==, 1.0);
  for (guint i = 1; i < progress.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (progress.fractions, double, i), >, g_array_index (progress.fractions, double, i - 1));

  /* Cancelled half-way: the workbook already there is left as it was,
   * and no temporary file remains.
   */
  previous = em_test_file_checksum (xlsx);
  g_array_set_size (progress.fractions, 0);
  progress.cancel_at_detail = cancellable;
  options.language = "zh_CN";
  g_assert_false (em_month_export (f->db, &options, xlsx, on_progress, &progress, cancellable, &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_CANCELLED);
  after = em_test_file_checksum (xlsx);
  g_assert_cmpstr (previous, ==, after);
  assert_dir_holds (f->dir, only_xlsx);

  g_array_unref (progress.fractions);
}

typedef struct
{
  GMainLoop *loop;
  GThread   *main_thread;
  guint      n_progress;
  gboolean   ok;
  GError    *error;
} AsyncState;

static void
on_async_progress (double   fraction,
                   gpointer data)
{
  AsyncState *state = data;

  /* Called back in the caller's main context, for a progress bar. */
  g_assert_true (g_thread_self () == state->main_thread);
  state->n_progress++;
}

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  AsyncState *state = data;

  state->ok = em_month_export_finish (result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "async.xlsx", NULL);
  EmMonthExportOptions options = { NULL, { EM_PERIOD_MONTH, 2024, 5 }, 0, "en", FALSE };
  AsyncState state = { g_main_loop_new (NULL, FALSE), g_thread_self (), 0, FALSE, NULL };
  const char *args[] = { "--lang", "en", NULL };

  em_month_export_async (f->path, &options, xlsx, on_async_progress, &state, NULL, NULL,
                         on_async_done, &state);
  g_main_loop_run (state.loop);

  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_cmpuint (state.n_progress, >=, 3);
  check_workbook (xlsx, args);
  g_main_loop_unref (state.loop);
}

static void
test_cli_errors (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "x.xlsx", NULL);
  struct { const char *args[10]; int status; const char *stderr_has; } cases[] = {
    { { "export", "--db", f->path, "--month", "2024-05", NULL }, 2, "-o FILE.xlsx is required" },
    { { "export", "--db", f->path, "-o", xlsx, NULL }, 2, "--month is required" },
    { { "export", "--db", f->path, "--month", "May", "-o", xlsx, NULL }, 2, "“May” is not a month" },
    { { "export", "--db", f->path, "--month", "2024-05", "-o", xlsx, "--team", "三组", NULL }, 1,
      "There is no team “三组”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (em_test_run_cli (cases[i].args, &out, &err), ==, cases[i].status);
      g_assert_cmpstr (out, ==, "");
      if (strstr (err, cases[i].stderr_has) == NULL)
        g_error ("case %u: “%s” not in stderr:\n%s", i, cases[i].stderr_has, err);
      g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/month-export/english", test_english);
  ADD ("/month-export/chinese-team", test_chinese_team);
  ADD ("/month-export/cli", test_cli);
  ADD ("/month-export/cli-locale", test_cli_locale);
  ADD ("/month-export/constant-memory", test_constant_memory);
  ADD ("/month-export/empty-month", test_empty_month);
  ADD ("/month-export/bad-paths", test_bad_paths);
  ADD ("/month-export/progress-and-cancel", test_progress_and_cancel);
  ADD ("/month-export/async", test_async);
  ADD ("/month-export/cli-errors", test_cli_errors);
#undef ADD

  return g_test_run ();
}

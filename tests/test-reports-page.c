/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "earmark-resources.h"
#include "em-chart.h"
#include "em-error.h"
#include "em-figures-row.h"
#include "em-reports-page.h"
#include "em-test-gui.h"
#include "em-test-util.h"
#include "em-window.h"

/* The Reports page in a real window under Xvfb, on the demo database made
 * by `earmark-cli demo --end-month 2026-10`: its rows are what
 * `earmark-cli month` prints, and its exports read back with openpyxl
 * (tests/check-demo-workbook.py).
 */

#define END_MONTH "2026-10"

static char *demo_path;

typedef struct
{
  char      *dir;
  EmDb      *db;
  EmWindow  *window;
  GtkWidget *page;
} Fixture;

static gboolean
page_idle (gpointer data)
{
  EmReportsPage *page = EM_REPORTS_PAGE (((Fixture *) data)->page);

  return !em_reports_page_get_busy (page) && !em_reports_page_get_exporting (page);
}

static void
wait_idle (Fixture *f)
{
  em_test_spin (20);
  g_assert_true (em_test_spin_until (page_idle, f, 2 * EM_TEST_TIMEOUT_MS));
  em_test_spin (100);
}

static GtkWidget *
page_child (Fixture    *f,
            const char *name)
{
  return em_test_template_child (f->page, EM_TYPE_REPORTS_PAGE, name);
}

static void
open_window (Fixture    *f,
             const char *db_path)
{
  g_autoptr(GError) error = NULL;

  f->db = em_db_open (db_path, &error);
  g_assert_no_error (error);

  f->window = em_test_open_window (f->db, "reports", 1280, 860);
  f->page = em_test_window_child (f->window, "reports_page");
  g_assert_true (EM_IS_REPORTS_PAGE (f->page));
  wait_idle (f);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  f->dir = em_test_make_tmpdir ();
  open_window (f, demo_path);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  /* Dialogs a test left open (an export error) go too. */
  em_test_destroy_toplevels ();
  g_clear_object (&f->db);
  em_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* `earmark-cli month` for the demo: its data rows, each split at tabs. */
static GPtrArray *
cli_month (const char *option,
           const char *period,
           const char *team)
{
  const char *args[] = { "month", "--db", demo_path, option, period, team != NULL ? "--team" : NULL, team, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_assert_cmpint (em_test_run_cli (args, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "code\tname\tteam\tevaluations\tqa_score\t"));
  for (guint i = 1; lines[i] != NULL && *lines[i]; i++)
    g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
  return rows;
}

/* The CLI's total is the third field from the end, its rank the last. */
static const char *
cli_field (GStrv       row,
           guint       from_end)
{
  guint n = g_strv_length (row);

  return row[n - from_end];
}

static void
assert_rows_match (Fixture   *f,
                   GPtrArray *cli)
{
  GListModel *rows = em_reports_page_get_rows (EM_REPORTS_PAGE (f->page));

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, cli->len);
  for (guint i = 0; i < cli->len; i++)
    {
      g_autoptr(EmFiguresRow) row = g_list_model_get_item (rows, i);
      const EmMonthFigures *figures = em_figures_row_get_figures (row);
      GStrv expected = g_ptr_array_index (cli, i);
      g_autofree char *total = em_figures_format_total (figures);
      g_autofree char *rank = g_strdup_printf ("%u", em_figures_row_get_rank (row));

      g_assert_cmpstr (figures->code, ==, expected[0]);
      g_assert_cmpstr (figures->name, ==, expected[1]);
      g_assert_cmpstr (total, ==, cli_field (expected, 3));
      g_assert_cmpstr (rank, ==, cli_field (expected, 1));
    }
}

/* The newest month is shown first, row for row as the CLI prints it; the
 * chart has one column per agent.
 */
static void
test_preview (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) cli = cli_month ("--month", END_MONTH, NULL);
  EmChart *chart = EM_CHART (page_child (f, "totals_chart"));
  EmPeriod period;
  g_autoptr(EmFiguresRow) first = NULL;
  g_autofree char *first_total = NULL;

  g_assert_true (em_reports_page_get_period (EM_REPORTS_PAGE (f->page), &period));
  g_assert_cmpint (period.year * 100 + period.index, ==, 202610);
  g_assert_cmpuint (cli->len, ==, 12);
  assert_rows_match (f, cli);

  first = g_list_model_get_item (em_reports_page_get_rows (EM_REPORTS_PAGE (f->page)), 0);
  first_total = em_figures_format_total (em_figures_row_get_figures (first));
  g_assert_cmpuint (em_chart_get_n_categories (chart), ==, cli->len);
  g_assert_cmpstr (em_chart_get_category (chart, 0), ==, ((GStrv) g_ptr_array_index (cli, 0))[1]);
  g_assert_cmpfloat (em_chart_get_value (chart, 0, 0), ==, g_ascii_strtod (first_total, NULL));
}

/* One team: that team's rows, ranked within the team as the CLI does. */
static void
test_team_filter (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) cli = cli_month ("--month", END_MONTH, "热线一组");
  g_autofree char *name = NULL;

  g_assert_true (em_reports_page_set_team (EM_REPORTS_PAGE (f->page), "热线一组"));
  wait_idle (f);
  g_assert_cmpuint (cli->len, ==, 6);
  assert_rows_match (f, cli);

  name = em_reports_page_dup_suggested_name (EM_REPORTS_PAGE (f->page));
  g_assert_cmpstr (name, ==, "monthly-2026-10-热线一组.xlsx");

  g_assert_false (em_reports_page_set_team (EM_REPORTS_PAGE (f->page), "no such team"));
}

/* An earlier month, a quarter: the same rows as the CLI; a quarter cannot
 * be exported (the workbook is monthly).
 */
static void
test_other_periods (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) august = cli_month ("--month", "2026-08", NULL);
  g_autoptr(GPtrArray) quarter = cli_month ("--quarter", "2026-Q3", NULL);
  EmPeriod period = { EM_PERIOD_MONTH, 2026, 8 };
  GtkWidget *export_button = page_child (f, "export_button");

  g_assert_true (gtk_widget_is_sensitive (export_button));
  g_assert_true (em_reports_page_set_period (EM_REPORTS_PAGE (f->page), &period));
  wait_idle (f);
  assert_rows_match (f, august);

  period = (EmPeriod) { EM_PERIOD_QUARTER, 2026, 3 };
  g_assert_true (em_reports_page_set_period (EM_REPORTS_PAGE (f->page), &period));
  wait_idle (f);
  assert_rows_match (f, quarter);
  g_assert_false (gtk_widget_is_sensitive (export_button));
  g_assert_null (em_reports_page_dup_suggested_name (EM_REPORTS_PAGE (f->page)));
}

/* A click on a header sorts by that column: the lowest total first. */
static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) cli = cli_month ("--month", END_MONTH, NULL);
  GListModel *rows = em_reports_page_get_rows (EM_REPORTS_PAGE (f->page));
  g_autoptr(EmFiguresRow) first = NULL;
  GtkColumnView *view = GTK_COLUMN_VIEW (page_child (f, "table_view"));

  gtk_column_view_sort_by_column (view, em_test_column_titled (view, "Total"), GTK_SORT_ASCENDING);
  em_test_spin (100);
  first = g_list_model_get_item (rows, 0);
  g_assert_cmpstr (em_figures_row_get_figures (first)->code, ==,
                   ((GStrv) g_ptr_array_index (cli, cli->len - 1))[0]);
}

/* Runs tests/check-demo-workbook.py on @path against the CLI's rows. */
static void
check_workbook (const char *path,
                const char *language,
                GPtrArray  *cli,
                const char *callers)
{
  g_autoptr(GString) codes = g_string_new (NULL);
  g_autoptr(GString) totals = g_string_new (NULL);
  g_autofree char *script = em_test_source_file ("tests/check-demo-workbook.py");
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  for (guint i = 0; i < cli->len; i++)
    {
      GStrv row = g_ptr_array_index (cli, i);

      g_string_append_printf (codes, "%s%s", i > 0 ? "," : "", row[0]);
      g_string_append_printf (totals, "%s%s", i > 0 ? "," : "", cli_field (row, 3));
    }

  {
    const char *argv[] = { "/usr/bin/python3", script, path, "--lang", language, "--codes", codes->str,
                           "--totals", totals->str, "--callers", callers, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s does not read back as expected:\n%s%s", path, out, err);
}

static guint
n_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

/* The export through the page (the file chooser bypassed): the month and
 * team shown, in the UI's language, callers masked unless asked.
 */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) cli = cli_month ("--month", END_MONTH, NULL);
  g_autoptr(GPtrArray) team = cli_month ("--month", END_MONTH, "热线二组");
  g_autofree char *path = g_build_filename (f->dir, "monthly.xlsx", NULL);
  g_autofree char *shown = g_build_filename (f->dir, "shown.xlsx", NULL);
  g_autofree char *name = em_reports_page_dup_suggested_name (EM_REPORTS_PAGE (f->page));

  g_assert_cmpstr (name, ==, "monthly-" END_MONTH ".xlsx");

  em_reports_page_export_to (EM_REPORTS_PAGE (f->page), path);
  g_assert_true (em_reports_page_get_exporting (EM_REPORTS_PAGE (f->page)));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (page_child (f, "progress_revealer"))));
  wait_idle (f);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (page_child (f, "progress_revealer"))));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (page_child (f, "progress_bar"))), ==, 1.0);
  check_workbook (path, "en", cli, "masked");

  /* One team, full caller numbers. */
  g_assert_true (em_reports_page_set_team (EM_REPORTS_PAGE (f->page), "热线二组"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (page_child (f, "show_callers_check")), TRUE);
  em_reports_page_export_to (EM_REPORTS_PAGE (f->page), shown);
  wait_idle (f);
  check_workbook (shown, "en", team, "shown");
  g_assert_cmpuint (n_files (f->dir), ==, 2);
}

static AdwMessageDialog *
find_dialog (void)
{
  return (AdwMessageDialog *) em_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static void
on_export_finished (EmReportsPage *page,
                    const char    *path,
                    const GError  *error,
                    gboolean      *out_cancelled)
{
  *out_cancelled = g_error_matches (error, EM_ERROR, EM_ERROR_CANCELLED);
}

/* Cancel leaves nothing behind, not even the temporary file.  The click
 * comes right after the export starts, but on a busy machine the worker
 * thread may finish first: then the test tries again.
 */
static void
test_export_cancel (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "cancelled.xlsx", NULL);
  gboolean cancelled = FALSE;

  g_signal_connect (f->page, "export-finished", G_CALLBACK (on_export_finished), &cancelled);
  for (guint attempt = 0; attempt < 5 && !cancelled; attempt++)
    {
      g_unlink (path);
      em_reports_page_export_to (EM_REPORTS_PAGE (f->page), path);
      g_signal_emit_by_name (page_child (f, "cancel_button"), "clicked");
      wait_idle (f);
    }

  g_assert_true (cancelled);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_files (f->dir), ==, 0);
  g_assert_true (gtk_widget_is_sensitive (page_child (f, "export_button")));
  g_assert_null (find_dialog ());
}

/* A folder that does not exist: a dialog says so, in words. */
static void
test_export_error (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "no such folder", "monthly.xlsx", NULL);
  AdwMessageDialog *dialog;

  g_assert_null (find_dialog ());
  em_reports_page_export_to (EM_REPORTS_PAGE (f->page), path);
  wait_idle (f);

  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Workbook Cannot Be Written");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* With the UI in Chinese, the workbook and its suggested name are too. */
static void
test_export_chinese (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) cli = cli_month ("--month", END_MONTH, NULL);
  g_autofree char *path = g_build_filename (f->dir, "月度考核.xlsx", NULL);
  g_autofree char *name = NULL;

  /* The page reads the language when it is made: a new window. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->db);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  open_window (f, demo_path);
  g_unsetenv ("LANGUAGE");

  name = em_reports_page_dup_suggested_name (EM_REPORTS_PAGE (f->page));
  g_assert_cmpstr (name, ==, "月度考核-" END_MONTH ".xlsx");
  em_reports_page_export_to (EM_REPORTS_PAGE (f->page), path);
  wait_idle (f);
  check_workbook (path, "zh_CN", cli, "masked");
}

static void
test_empty (void)
{
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  Fixture f = { 0 };

  open_window (&f, path);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (&f, "stack"))), ==, "empty");
  g_assert_false (gtk_widget_is_sensitive (page_child (&f, "export_button")));
  em_test_destroy_toplevels ();
  g_clear_object (&f.db);
  em_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "demo", "--db", NULL, "--end-month", END_MONTH, NULL };
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  earmark_register_resource ();

  dir = em_test_make_tmpdir ();
  demo_path = g_build_filename (dir, "demo.db", NULL);
  args[2] = demo_path;
  g_assert_cmpint (em_test_run_cli (args, &out, &err), ==, 0);

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/reports-page/preview", test_preview);
  ADD ("/reports-page/team-filter", test_team_filter);
  ADD ("/reports-page/other-periods", test_other_periods);
  ADD ("/reports-page/sort", test_sort);
  ADD ("/reports-page/export", test_export);
  ADD ("/reports-page/export-cancel", test_export_cancel);
  ADD ("/reports-page/export-error", test_export_error);
  ADD ("/reports-page/export-chinese", test_export_chinese);
#undef ADD
  g_test_add_func ("/reports-page/empty", test_empty);

  status = g_test_run ();
  em_test_rm_rf (dir);
  g_free (demo_path);
  return status;
}

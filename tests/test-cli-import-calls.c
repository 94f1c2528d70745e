/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "em-test-util.h"

/* earmark-cli import-calls as a script sees it (DESIGN.md §11): exactly
 * three lines on stdout, one line per bad row on stderr, exit codes 0, 1
 * and 2, and nothing changed when it exits 1.
 */

typedef EmTestDir Fixture;

#define fixture_setup em_test_dir_setup
#define fixture_teardown em_test_dir_teardown

/* Counts rows with a connection of our own, as another program would. */
static gint64
count_rows (Fixture    *f,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (!g_file_test (f->db_path, G_FILE_TEST_EXISTS))
    return 0;

  g_assert_cmpint (sqlite3_open_v2 (f->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

static int
run_import (Fixture     *f,
            const char  *option,
            const char  *csv,
            char       **out_stdout,
            char       **out_stderr)
{
  const char *args[] = { "import-calls", "--db", f->db_path, option, csv, NULL };

  if (option == NULL)
    {
      args[3] = csv;
      args[4] = NULL;
    }

  return em_test_run_cli (args, out_stdout, out_stderr);
}

static void
test_success (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *csv = em_test_fixture ("calls/calls-utf8.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected_err = g_strdup_printf ("earmark-cli: %s: ignored unknown columns: note\n", csv);

  g_assert_cmpint (run_import (f, NULL, csv, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "imported\t5\nduplicates\t0\nskipped\t0\n");
  g_assert_cmpstr (err, ==, expected_err);
  g_assert_cmpint (count_rows (f, "calls"), ==, 5);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Again: nothing is added twice. */
  g_assert_cmpint (run_import (f, NULL, csv, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "imported\t0\nduplicates\t5\nskipped\t0\n");
  g_assert_cmpint (count_rows (f, "calls"), ==, 5);
}

static void
test_gbk (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *csv = em_test_fixture ("calls/calls-gbk.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_import (f, NULL, csv, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "imported\t2\nduplicates\t0\nskipped\t0\n");
  g_assert_cmpstr (err, ==, "");
}

static char *
expected_bad_rows (const char *csv)
{
  static const char * const lines[] = {
    "5: agent_code: a value is required",
    "6: started_at: '2026-02-30 09:02:00' is not a date and time like 2026-03-01 09:15:00",
    "7: Duration: 'abc' is not a number of seconds or HH:MM:SS",
    "8: wait: '1:2:3' is not a number of seconds or HH:MM:SS",
    "9: direction: 'sideways' is not a direction (in/out, inbound/outbound, 呼入/呼出)",
    "10: satisfaction: '6' is not a satisfaction rating from 1 to 5",
    "11: resolved: 'maybe' is not yes or no (1/0, yes/no, true/false, 是/否)",
    "12: ticket_due: 'soon' is not a date and time like 2026-03-01 09:15:00",
    "13: call_id: the call id 'B-01' is already used on line 2",
    "14: call_id: a value is required",
    "15: started_at: a value is required",
    "15: Duration: a value is required",
    "17: call_id: the call id 'B-04' is already used on line 7",
  };
  GString *expected = g_string_new (NULL);

  g_string_append_printf (expected, "earmark-cli: %s: ignored unknown columns: note\n", csv);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    g_string_append_printf (expected, "%s:%s\n", csv, lines[i]);

  return g_string_free (expected, FALSE);
}

/* Refused: every bad row on stderr, stdout empty, exit 1, nothing stored. */
static void
test_bad_rows (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *csv = em_test_fixture ("calls/calls-bad.csv");
  g_autofree char *rows = expected_bad_rows (csv);
  g_autofree char *expected_err = g_strdup_printf ("%searmark-cli: “%s” has 12 bad rows; "
                                                   "nothing was imported.\n", rows, csv);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_import (f, NULL, csv, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, expected_err);
  g_assert_cmpint (count_rows (f, "calls"), ==, 0);
  g_assert_cmpint (count_rows (f, "agents"), ==, 0);
  g_assert_cmpint (count_rows (f, "imports"), ==, 0);
}

static void
test_skip_bad (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *csv = em_test_fixture ("calls/calls-bad.csv");
  g_autofree char *expected_err = expected_bad_rows (csv);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_import (f, "--skip-bad", csv, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "imported\t2\nduplicates\t0\nskipped\t12\n");
  g_assert_cmpstr (err, ==, expected_err);
  g_assert_cmpint (count_rows (f, "calls"), ==, 2);
}

static void
test_file_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "no-duration.csv", NULL);
  g_autofree char *expected_err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  em_test_write_file (csv, "call_id,agent_code,started_at\nC1,A1,2026-03-01 09:00:00\n", -1);
  expected_err = g_strdup_printf ("%s:1: duration: the required column is missing (its header can "
                                  "be one of: duration, 通话时长)\n"
                                  "earmark-cli: “%s” cannot be imported as a call list; nothing was "
                                  "imported.\n", csv, csv);

  g_assert_cmpint (run_import (f, "--skip-bad", csv, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, expected_err);
  g_assert_cmpint (count_rows (f, "calls"), ==, 0);
}

static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (f->dir, "nope.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_import (f, NULL, csv, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "earmark-cli: Cannot read"));
  g_assert_nonnull (strstr (err, "nope.csv"));
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *csv = em_test_fixture ("calls/calls-utf8.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  sqlite3 *other = NULL;

  /* Create the database, then hold its write lock from here. */
  g_assert_cmpint (run_import (f, NULL, csv, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (sqlite3_open (f->db_path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (run_import (f, NULL, csv, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "locked"));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_cmpint (count_rows (f, "imports"), ==, 1);
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *csv = em_test_fixture ("calls/calls-utf8.csv");
  const char *no_file[] = { "import-calls", "--db", f->db_path, NULL };
  const char *unknown_option[] = { "import-calls", "--db", f->db_path, "--fast", csv, NULL };
  const char *two_files[] = { "import-calls", "--db", f->db_path, csv, csv, NULL };
  const char * const *cases[] = { no_file, unknown_option, two_files };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (em_test_run_cli ((const char **) cases[i], &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "earmark-cli: "));
    }

  /* Usage errors touch nothing, not even the database file. */
  g_assert_false (g_file_test (f->db_path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cli/import-calls/success", test_success);
  ADD ("/cli/import-calls/gbk", test_gbk);
  ADD ("/cli/import-calls/bad-rows", test_bad_rows);
  ADD ("/cli/import-calls/skip-bad", test_skip_bad);
  ADD ("/cli/import-calls/file-refused", test_file_refused);
  ADD ("/cli/import-calls/missing-file", test_missing_file);
  ADD ("/cli/import-calls/locked", test_locked);
  ADD ("/cli/import-calls/usage", test_usage);
#undef ADD

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "em-db.h"
#include "em-test-util.h"

/* Input made to break things, through earmark-cli as a user would feed it:
 * numbers far beyond 64 bits, a field of a megabyte, a NUL byte deep in a
 * call list, a database cut short.  Each is refused with a message that
 * names the file and the field (or taken whole, where nothing is wrong
 * with it), the exit status is the CLI's own (never a crash: a signal
 * would make em_test_run_cli() return -1), and nothing is changed.
 */

typedef EmTestDir Fixture;

#define fixture_setup em_test_dir_setup
#define fixture_teardown em_test_dir_teardown

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (f->dir, name, NULL);

  em_test_write_file (path, contents, length);
  return path;
}

/* A line of @text is “@path@problem” (the CLI names files as given). */
static void
assert_has_line (const char *text,
                 const char *path,
                 const char *problem)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *line = g_strconcat (path, problem, NULL);

  if (!g_strv_contains ((const char * const *) lines, line))
    g_error ("no line “%s” in:\n%s", line, text);
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (f->db_path, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = em_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Scorecard numbers beyond what 64 bits or two decimals hold: every one
 * named, by group and key.
 */
static void
test_scorecard_huge_numbers (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = write_file (f, "big.scorecard",
                                      "[Scorecard]\nId=big\nTitle=Big\nBase=100\n"
                                      "Maximum=99999999999999999999999\n"
                                      "[Section:s]\nTitle=S\nPoints=1e308\n"
                                      "[Item:s.a]\nSection=s\nTitle=A\nKind=deduct\n"
                                      "Points=9223372036854775807\nPerOccurrence=-9223372036854775808\n"
                                      "[Item:s.c]\nSection=s\nTitle=C\nKind=choice\n"
                                      "Options=x|18446744073709551616;y|nan\n", -1);
  const char *args[] = { "validate", "--scorecard", path, NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (em_test_run_cli (args, &out, &err), ==, 1);
  assert_has_line (out, path, ": [Scorecard] Maximum: “99999999999999999999999” is too large (at most 100000)");
  assert_has_line (out, path, ": [Section:s] Points: “1e308” is not a number");
  assert_has_line (out, path, ": [Item:s.a] Points: “9223372036854775807” is too large (at most 100000)");
  assert_has_line (out, path, ": [Item:s.a] PerOccurrence: “-9223372036854775808” is not a number");
  assert_has_line (out, path, ": [Item:s.c] Options: option 1: “18446744073709551616” is too large "
                        "(at most 100000)");
  assert_has_line (out, path, ": [Item:s.c] Options: option 2: “nan” is not a number");
}

/* Answers with counts past 2³² and 2⁶⁴, negative and in exponent form. */
static void
test_answers_huge_numbers (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *scorecard = write_file (f, "ok.scorecard",
                                           "[Scorecard]\nId=ok\nTitle=OK\n[Section:s]\nTitle=S\nPoints=100\n"
                                           "[Item:s.a]\nSection=s\nTitle=A\nKind=deduct\nPoints=10\n"
                                           "PerOccurrence=1\nComplaintMultiplier=2\n"
                                           "[Item:s.p]\nSection=s\nTitle=P\nKind=penalty\nPerOccurrence=1\n", -1);
  g_autofree char *answers = write_file (f, "bad.answers",
                                         "[Evaluation]\nScorecard=ok\n"
                                         "[Item:s.a]\nOccurrences=18446744073709551617\nComplaintOccurrences=-1\n"
                                         "Moments=1e300\n"
                                         "[Item:s.p]\nOccurrences=4294967296\n", -1);
  const char *args[] = { "score", "--scorecard", scorecard, "--answers", answers, NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (em_test_run_cli (args, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  assert_has_line (err, answers, ": [Item:s.a] Occurrences: “18446744073709551617” is not a whole number");
  assert_has_line (err, answers, ": [Item:s.a] ComplaintOccurrences: “-1” is negative");
  assert_has_line (err, answers, ": [Item:s.a] Moments: “1e300” is not a number of seconds");
  assert_has_line (err, answers, ": [Item:s.p] Occurrences: “4294967296” is too large (at most 100000)");
}

/* Scheme weights and points multiply each other in the monthly total: a
 * weight of 9×10¹⁶ once overflowed that arithmetic and aborted the CLI.
 * Now such numbers are refused with the key named, and sane ones still
 * give the totals.
 */
static void
test_scheme_huge_numbers (Fixture       *f,
                          gconstpointer  data)
{
  const char *demo[] = { "demo", "--db", f->db_path, "--end-month", "2024-06", NULL };
  g_autofree char *big = write_file (f, "big.scheme",
                                     "[Scheme]\nId=big\nTitle=Big\n"
                                     "[Metric:qa]\nKind=qa-score\nTitle=QA\nWeight=90000000000000000\n"
                                     "[Metric:ar]\nKind=answer-rate\nTitle=AR\nWeight=10\n"
                                     "Bands=90%|1000000;*|2\n"
                                     "[Grade:a]\nTitle=A\nMinimum=0\n", -1);
  g_autofree char *heavy = write_file (f, "heavy.scheme",
                                       "[Scheme]\nId=heavy\nTitle=Heavy\n"
                                       "[Metric:qa]\nKind=qa-score\nTitle=QA\nWeight=100000\n"
                                       "[Metric:ar]\nKind=answer-rate\nTitle=AR\nWeight=100000\n"
                                       "Bands=90%|100000;*|2\n"
                                       "[Grade:a]\nTitle=A\nMinimum=0\n", -1);
  const char *month_big[] = { "month", "--db", f->db_path, "--month", "2024-06", "--scheme", big, NULL };
  const char *month_heavy[] = { "month", "--db", f->db_path, "--month", "2024-06", "--scheme", heavy, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *heavy_out = NULL, *heavy_err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (em_test_run_cli (demo, &out, &err), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (em_test_run_cli (month_big, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  assert_has_line (err, big, ": [Metric:qa] Weight: “90000000000000000” is too large (at most 100000)");
  g_assert_nonnull (strstr (err, ": [Metric:ar] Bands: band 1: “1000000” is too large (at most 100000)"));

  /* The largest weights allowed: every total is still a number out of 100. */
  g_assert_cmpint (em_test_run_cli (month_heavy, &heavy_out, &heavy_err), ==, 0);
  lines = g_strsplit (heavy_out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 2);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      guint n = g_strv_length (fields);
      double total = g_ascii_strtod (fields[n - 3], NULL);

      g_assert_cmpfloat (total, >=, 0.0);
      g_assert_cmpfloat (total, <=, 100.0);
    }
}

/* A megabyte in one field is a long name, not an error: stored whole. */
static void
test_csv_megabyte_field (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("call_id,agent_code,agent_name,started_at,duration\n"
                                         "C1,1001,王芳,2024-06-03 09:00:00,120\nC2,1002,");
  g_autofree char *path = NULL;
  const char *args[] = { "import-calls", "--db", f->db_path, NULL, NULL };
  g_autofree char *out = NULL, *err = NULL;

  for (guint i = 0; i < 1024 * 1024; i++)
    g_string_append_c (csv, "abcdefghij"[i % 10]);
  g_string_append (csv, ",2024-06-03 09:05:00,90\n");
  path = write_file (f, "megabyte.csv", csv->str, csv->len);
  args[3] = path;

  g_assert_cmpint (em_test_run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "imported\t2\nduplicates\t0\nskipped\t0\n");
  g_assert_cmpint (query_int (f, "SELECT length (name) FROM agents WHERE code = '1002'"), ==, 1024 * 1024);
}

/* A NUL byte far into a call list (past the part read to guess the
 * encoding): refused, the file named, not one of the good rows before it
 * stored.
 */
static void
test_csv_late_nul (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("call_id,agent_code,agent_name,started_at,duration\n");
  g_autofree char *path = NULL;
  const char *args[] = { "import-calls", "--db", f->db_path, NULL, NULL };
  g_autofree char *out = NULL, *err = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (csv, "C%u,1001,王芳,2024-06-03 09:00:00,120\n", i);
  g_string_append (csv, "C-late,1001,王");
  g_string_append_len (csv, "\0", 1);
  g_string_append (csv, "芳,2024-06-03 09:00:00,120\n");
  path = write_file (f, "late-nul.csv", csv->str, csv->len);
  args[3] = path;

  g_assert_cmpint (em_test_run_cli (args, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "late-nul.csv"));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM calls"), ==, 0);
}

/* A database cut in half (a copy that did not finish): every command says
 * the file is damaged, names it, and leaves it exactly as it was.
 */
static void
test_truncated_database (Fixture       *f,
                         gconstpointer  data)
{
  const char *demo[] = { "demo", "--db", f->db_path, "--end-month", "2024-06", NULL };
  g_autofree char *csv = write_file (f, "calls.csv",
                                     "call_id,agent_code,agent_name,started_at,duration\n"
                                     "N1,1001,王芳,2024-07-01 09:00:00,60\n", -1);
  g_autofree char *scorecard = em_test_source_file ("resources/scorecards/hotline-call-qa.scorecard");
  g_autofree char *answers = write_file (f, "a.answers", "[Evaluation]\nScorecard=hotline-call-qa\n", -1);
  g_autofree char *workbook = g_build_filename (f->dir, "month.xlsx", NULL);
  const char *commands[][12] = {
    { "month", "--db", f->db_path, "--month", "2024-06", NULL },
    { "export", "--db", f->db_path, "--month", "2024-06", "-o", workbook, NULL },
    { "sample", "--db", f->db_path, "--month", "2024-06", "--seed", "7", NULL },
    { "import-calls", "--db", f->db_path, csv, NULL },
    { "evaluate", "--db", f->db_path, "--call", "HL20240601-0001", "--scorecard", scorecard,
      "--answers", answers, "--inspector", "李敏", NULL },
  };
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *demo_out = NULL, *demo_err = NULL;
  gsize length = 0;

  g_assert_cmpint (em_test_run_cli (demo, &demo_out, &demo_err), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(EmDb) db = em_db_open (f->db_path, &error);

    g_assert_no_error (error);
    g_assert_true (em_db_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  }
  g_assert_true (g_file_get_contents (f->db_path, &contents, &length, NULL));
  em_test_write_file (f->db_path, contents, length / 2);
  before = em_test_file_checksum (f->db_path);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_autofree char *after = NULL;

      g_assert_cmpint (em_test_run_cli (commands[i], &out, &err), ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, f->db_path));
      g_assert_nonnull (strstr (err, "is damaged"));
      after = em_test_file_checksum (f->db_path);
      g_assert_cmpstr (after, ==, before);
    }
  g_assert_false (g_file_test (workbook, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/adversarial/scorecard-huge-numbers", test_scorecard_huge_numbers);
  ADD ("/adversarial/answers-huge-numbers", test_answers_huge_numbers);
  ADD ("/adversarial/scheme-huge-numbers", test_scheme_huge_numbers);
  ADD ("/adversarial/csv-megabyte-field", test_csv_megabyte_field);
  ADD ("/adversarial/csv-late-nul", test_csv_late_nul);
  ADD ("/adversarial/truncated-database", test_truncated_database);
#undef ADD

  return g_test_run ();
}

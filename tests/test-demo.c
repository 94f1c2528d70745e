/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "em-demo.h"
#include "em-error.h"
#include "em-test-util.h"

/* `earmark-cli demo` and em_demo_create(): the demo database an
 * inspector opens first must have what every page needs.
 */

static gint64
query_int (EmDb       *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
dump_calls (EmDb *db)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt =
    em_db_prepare (db,
                   "SELECT c.external_id, a.code, c.started_at, c.duration_s, c.wait_s, c.direction, "
                   "c.caller, c.queue, c.satisfaction, c.resolved, c.ticket_due, c.ticket_closed, "
                   "c.recording FROM calls c JOIN agents a ON a.id = c.agent_id ORDER BY c.external_id",
                   NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (dump, "%s\t", (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (dump, '\n');
    }

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static EmDb *
run_demo (const char *path,
          char      **out_stdout)
{
  const char *args[] = { "demo", "--db", path, "--end-month", "2024-06", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  EmDb *db;

  /* Captured even when not looked at: it must not mix with the TAP output. */
  g_assert_cmpint (em_test_run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  if (out_stdout != NULL)
    *out_stdout = g_steal_pointer (&out);

  db = em_db_open (path, &error);
  g_assert_no_error (error);
  return db;
}

static void
test_cli_demo (void)
{
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(EmDb) db = run_demo (path, &out);
  gint64 n_calls = query_int (db, "SELECT count(*) FROM calls");

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM teams"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM agents"), ==, 12);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM agents WHERE team_id IS NULL "
                                  "OR length(name) = 0"), ==, 0);
  g_assert_cmpint (n_calls, >=, 2000);
  g_assert_cmpint (n_calls, <=, 6000);

  expected = g_strdup_printf ("teams\t2\nagents\t12\ncalls\t%" G_GINT64_FORMAT "\nrecordings\t6\n"
                              "sampling_plans\t6\nevaluations\t%" G_GINT64_FORMAT "\n",
                              n_calls, query_int (db, "SELECT count(*) FROM evaluations"));
  g_assert_cmpstr (out, ==, expected);

  /* Six whole months in the center's time (UTC+8), January to June. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT strftime('%Y-%m', started_at + utc_offset, "
                                  "'unixepoch')) FROM calls"), ==, 6);
  g_assert_cmpint (query_int (db, "SELECT min(started_at) >= 1704038400 FROM calls"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT max(started_at) < 1719763200 FROM calls"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT agent_id) FROM calls "
                                  "WHERE started_at >= 1717171200"), ==, 12);

  /* What the sampling rules and the monthly figures look for. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM calls WHERE duration_s < 20"), >, 50);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM calls WHERE duration_s > 200"), >, 50);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM calls WHERE wait_s > 20"), >, 50);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM calls WHERE satisfaction IS NULL"), >, n_calls / 4);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM calls WHERE satisfaction <= 3"), >, 20);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM calls WHERE satisfaction >= 4"), >,
                   query_int (db, "SELECT 3 * count(*) FROM calls WHERE satisfaction <= 3"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM calls WHERE resolved = 0"), >, 20);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM calls WHERE direction = 2"), >, 20);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM calls WHERE ticket_closed > ticket_due"), >, 10);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM calls WHERE caller GLOB '1[3-9][0-9]"
                                  "[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"), >, n_calls / 2);

  /* A half-hour that missed the 20 s answer target (under 80 %). */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM (SELECT started_at / 1800 AS slot, "
                                  "avg(wait_s <= 20) AS rate, count(*) AS n FROM calls "
                                  "WHERE direction = 1 GROUP BY slot) WHERE n >= 3 AND rate < 0.8"),
                   >, 5);
  g_clear_object (&db);
  em_test_rm_rf (dir);
}

/* The demo evaluates what each month's sampling plan assigned, with the
 * shipped scorecards: past months finalised by the lead, the last month
 * still in progress.  Totals are the scorer's, per-item rows explain them.
 */
static void
test_cli_demo_evaluations (void)
{
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(EmDb) db = run_demo (path, NULL);
  const char *month_of_call = "strftime('%Y-%m', c.started_at + c.utc_offset, 'unixepoch')";
  g_autofree char *sql = NULL;

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sampling_plans"), ==, 6);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM evaluations"), >, 300);

  /* Every evaluated call was sampled, and evaluated by its assigned inspector. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM evaluations e WHERE NOT EXISTS "
                                  "(SELECT 1 FROM sampled_calls s WHERE s.call_id = e.call_id "
                                  " AND s.inspector = e.inspector)"), ==, 0);

  /* January to May finalised; June (the last month) in progress. */
  sql = g_strdup_printf ("SELECT count(*) FROM evaluations e JOIN calls c ON c.id = e.call_id "
                         "WHERE %s < '2024-06' AND e.status <> 2", month_of_call);
  g_assert_cmpint (query_int (db, sql), ==, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(DISTINCT e.status) FROM evaluations e JOIN calls c ON c.id = e.call_id "
                         "WHERE %s = '2024-06'", month_of_call);
  g_assert_cmpint (query_int (db, sql), ==, 3);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM sampled_calls s JOIN calls c ON c.id = s.call_id "
                         "WHERE %s = '2024-06' AND NOT EXISTS "
                         "(SELECT 1 FROM evaluations e WHERE e.call_id = s.call_id)", month_of_call);
  g_assert_cmpint (query_int (db, sql), >, 0);

  /* Both shipped scorecards in use, inbound with the hotline card. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM evaluations e JOIN calls c ON c.id = e.call_id "
                                  "JOIN scorecard_versions v ON v.id = e.scorecard_version_id "
                                  "JOIN scorecards k ON k.id = v.scorecard_id "
                                  "WHERE (c.direction = 2) <> (k.key = 'ob-satisfaction-qa')"), ==, 0);

  /* The weakest agent scores below the strongest, and some lose points. */
  g_assert_cmpint (query_int (db, "SELECT avg(e.total) FROM evaluations e JOIN calls c ON c.id = e.call_id "
                                  "JOIN agents a ON a.id = c.agent_id WHERE a.code = '2006' AND e.status = 2"),
                   <,
                   query_int (db, "SELECT avg(e.total) FROM evaluations e JOIN calls c ON c.id = e.call_id "
                                  "JOIN agents a ON a.id = c.agent_id WHERE a.code = '1001' AND e.status = 2"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM evaluation_items WHERE deduction > 0"), >, 100);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM evaluation_items WHERE deduction > 0 "
                                  "AND moments IS NOT NULL"), >, 10);

  /* The stored total is what its items and sections say (non-fatal ones). */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM evaluations e WHERE e.fatal = 0 AND e.total <> "
                                  "(SELECT 10000 - coalesce (sum (s.deduction), 0) FROM evaluation_sections s "
                                  " WHERE s.evaluation_id = e.id) "
                                  "  - (SELECT coalesce (sum (i.deduction), 0) FROM evaluation_items i "
                                  "     WHERE i.evaluation_id = e.id AND i.section_id IS NULL) "
                                  "  + (SELECT coalesce (sum (i.bonus), 0) FROM evaluation_items i "
                                  "     WHERE i.evaluation_id = e.id) "
                                  "AND e.total < 10000"), ==, 0);

  g_clear_object (&db);
  em_test_rm_rf (dir);
}

static void
test_cli_demo_recordings (void)
{
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(EmDb) db = run_demo (path, NULL);
  g_autofree char *recordings = em_db_dup_recordings_dir (db);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n_files = 0;

  g_assert_cmpint (query_int (db, "SELECT count(*) FROM calls WHERE recording IS NOT NULL"), >, 100);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM calls WHERE recording IS NULL"), >, 100);

  /* Every recording a call names is on disk, relative to the recordings
   * folder, and is an Ogg file of some seconds of speech. */
  stmt = em_db_prepare (db, "SELECT DISTINCT recording FROM calls WHERE recording IS NOT NULL", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *relative = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *file = g_build_filename (recordings, relative, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_false (g_path_is_absolute (relative));
      g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 8000);
      g_assert_cmpuint (length, <, 64 * 1024);
      g_assert_true (memcmp (contents, "OggS", 4) == 0);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 6);

  g_clear_object (&db);
  em_test_rm_rf (dir);
}

static void
test_cli_demo_deterministic (void)
{
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *path1 = g_build_filename (dir, "one", "demo.db", NULL);
  g_autofree char *path2 = g_build_filename (dir, "two", "demo.db", NULL);
  g_autoptr(EmDb) db1 = run_demo (path1, NULL);
  g_autoptr(EmDb) db2 = run_demo (path2, NULL);
  g_autofree char *dump1 = dump_calls (db1);
  g_autofree char *dump2 = dump_calls (db2);

  g_assert_cmpuint (strlen (dump1), >, 100000);
  g_assert_true (g_str_equal (dump1, dump2));

  g_clear_object (&db1);
  g_clear_object (&db2);
  em_test_rm_rf (dir);
}

static void
test_cli_demo_refuses (void)
{
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  const char *bad_month[] = { "demo", "--db", path, "--end-month", "2024-13", NULL };
  const char *again[] = { "demo", "--db", path, "--end-month", "2024-05", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(EmDb) db = NULL;

  g_assert_cmpint (em_test_run_cli (bad_month, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "2024-13"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  db = run_demo (path, NULL);
  before = dump_calls (db);

  /* A database with calls is not mixed with demo data. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (em_test_run_cli (again, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "already has"));
  after = dump_calls (db);
  g_assert_true (g_str_equal (before, after));

  g_clear_object (&db);
  em_test_rm_rf (dir);
}

/* Without --end-month the calls stop now: none in the future. */
static void
test_demo_until_now (void)
{
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (path, &error);
  g_autoptr(GDateTime) end = g_date_time_new_utc (2024, 6, 15, 4, 0, 0);   /* 12:00 in the center */
  EmDemoSummary summary = { 0 };

  g_assert_no_error (error);
  g_assert_true (em_demo_create (db, end, &summary, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_calls, ==, query_int (db, "SELECT count(*) FROM calls"));
  g_assert_cmpuint (summary.n_recordings, ==, 6);
  g_assert_cmpint (query_int (db, "SELECT max(started_at) < 1718424000 FROM calls"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT max(started_at) > 1718409600 FROM calls"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM calls WHERE ticket_closed >= 1718424000"), ==, 0);

  g_clear_object (&db);
  em_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/cli", test_cli_demo);
  g_test_add_func ("/demo/evaluations", test_cli_demo_evaluations);
  g_test_add_func ("/demo/cli-recordings", test_cli_demo_recordings);
  g_test_add_func ("/demo/cli-deterministic", test_cli_demo_deterministic);
  g_test_add_func ("/demo/cli-refuses", test_cli_demo_refuses);
  g_test_add_func ("/demo/until-now", test_demo_until_now);

  return g_test_run ();
}

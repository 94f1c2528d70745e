/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-month"

#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>

#include "em-db.h"
#include "em-month.h"
#include "em-month-export.h"

/* Benchmarks of the monthly evaluation.  Each generates its own data, times
 * Earmark and a named peer in the same run, and prints both and the ratio
 * (best of a few runs each).  It never fails on time.
 *
 *   (a) the workbook of a 500-agent month, with charts and a 12-month trend,
 *       against Python XlsxWriter writing the same workbook content;
 *   (b) a workbook whose evaluation detail has 50,000 rows, against the same;
 *   (c) the monthly figures over 1,000,000 calls against the bare GROUP BY
 *       a person would type into the sqlite3 shell for the same sums.
 *
 * For the workbooks two Earmark figures are printed: the whole export from
 * the database (figures, trend, deductions, detail rows, writing) and the
 * writing part alone (from the moment the figures are computed; it still
 * streams the detail rows from SQLite).  XlsxWriter writes from data
 * already in memory, so the second is the like-for-like ratio.
 *
 * Usage: bench-month [--quick] [--keep DIR] [a] [b] [c]
 */

#define RUNS 3

typedef struct
{
  guint n_agents;
  guint n_teams;
  guint n_months;              /* ending with 2024-05 */
  guint calls_per_agent_month;
  guint evaluations_per_agent_month;
} Shape;

static const char scorecard[] =
  "[Scorecard]\nId=bench\nTitle=热线通话质检评分表\nTitle[en]=Hotline call QA\nVersion=1\n"
  "[Item:i0]\nTitle=开头语不规范\nTitle[en]=Greeting\nKind=deduct\nPoints=5\nPerOccurrence=1\n"
  "[Item:i1]\nTitle=信息内容不准确\nTitle[en]=Accuracy\nKind=deduct\nPoints=8\nPerOccurrence=4\n"
  "[Item:i2]\nTitle=服务禁语\nTitle[en]=Forbidden phrases\nKind=penalty\nPerOccurrence=2\n"
  "[Item:i3]\nTitle=语言随意\nTitle[en]=Casual language\nKind=penalty\nPerOccurrence=2\n"
  "[Item:i4]\nTitle=语速过快\nTitle[en]=Too fast\nKind=deduct\nPoints=3\nPerOccurrence=1\n"
  "[Item:i5]\nTitle=未确认需求\nTitle[en]=Need not confirmed\nKind=deduct\nPoints=6\nPerOccurrence=3\n"
  "[Item:i6]\nTitle=结束语不规范\nTitle[en]=Closing\nKind=deduct\nPoints=4\nPerOccurrence=2\n"
  "[Item:i7]\nTitle=提前挂机\nTitle[en]=Hanging up early\nKind=penalty\nPerOccurrence=6\n"
  "[Item:i8]\nTitle=未做满意度邀评\nTitle[en]=Survey not offered\nKind=deduct\nPoints=5\nPerOccurrence=5\n"
  "[Item:i9]\nTitle=工单记录不完整\nTitle[en]=Ticket incomplete\nKind=deduct\nPoints=4\nPerOccurrence=1\n";

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

static void
die_on_error (GError *error)
{
  if (error != NULL)
    {
      fprintf (stderr, "bench-month: %s\n", error->message);
      exit (1);
    }
}

static void
exec_sql (EmDb       *db,
          const char *sql)
{
  GError *error = NULL;

  em_db_exec (db, sql, &error);
  die_on_error (error);
}

static sqlite3_stmt *
prepare (EmDb       *db,
         const char *sql)
{
  GError *error = NULL;
  sqlite3_stmt *stmt = em_db_prepare (db, sql, &error);

  die_on_error (error);
  return stmt;
}

static void
step_done (sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      fprintf (stderr, "bench-month: insert failed: %s\n", sqlite3_errmsg (sqlite3_db_handle (stmt)));
      exit (1);
    }
  sqlite3_reset (stmt);
}

static void
insert_people (EmDb        *db,
               const Shape *shape)
{
  g_autoptr(sqlite3_stmt) team = prepare (db, "INSERT INTO teams (id, name) VALUES (?1, ?2)");
  g_autoptr(sqlite3_stmt) agent = prepare (db, "INSERT INTO agents (id, code, name, team_id) VALUES (?1, ?2, ?3, ?4)");
  g_autoptr(sqlite3_stmt) version = NULL;
  static const char *surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
  static const char *given = "芳娜伟敏静丽强磊军洋勇艳杰娟涛明超秀霞平";

  for (guint t = 1; t <= shape->n_teams; t++)
    {
      g_autofree char *name = g_strdup_printf ("%u组", t);
      sqlite3_bind_int (team, 1, t);
      sqlite3_bind_text (team, 2, name, -1, SQLITE_TRANSIENT);
      step_done (team);
    }

  for (guint a = 1; a <= shape->n_agents; a++)
    {
      g_autofree char *code = g_strdup_printf ("A%04u", a);
      /* three UTF-8 bytes per Chinese character */
      g_autofree char *name = g_strdup_printf ("%.3s%.3s%u", surnames + 3 * (a % 20), given + 3 * (a / 20 % 20), a);

      sqlite3_bind_int (agent, 1, a);
      sqlite3_bind_text (agent, 2, code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (agent, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (agent, 4, (a - 1) % shape->n_teams + 1);
      step_done (agent);
    }

  exec_sql (db, "INSERT INTO scorecards (id, key, title) VALUES (1, 'bench', '热线通话质检评分表')");
  version = prepare (db, "INSERT INTO scorecard_versions (id, scorecard_id, revision, file_version, source,"
                         " checksum, frozen, created_at) VALUES (1, 1, 1, 1, ?1, 'x', 1, 0)");
  sqlite3_bind_text (version, 1, scorecard, -1, SQLITE_STATIC);
  step_done (version);
}

static void
insert_call (sqlite3_stmt *stmt,
             GRand        *rand,
             gint64        id,
             guint         agent,
             gint64        started)
{
  g_autofree char *external = g_strdup_printf ("C%010" G_GINT64_FORMAT, id);
  g_autofree char *caller = g_strdup_printf ("13%09u", g_rand_int_range (rand, 0, 999999999));
  int rating = g_rand_int_range (rand, 0, 8);

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, external, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, agent);
  sqlite3_bind_int64 (stmt, 4, started);
  sqlite3_bind_int (stmt, 5, g_rand_int_range (rand, 20, 900));
  if (g_rand_int_range (rand, 0, 50) != 0)
    sqlite3_bind_int (stmt, 6, g_rand_int_range (rand, 0, 35));
  else
    sqlite3_bind_null (stmt, 6);
  if (rating >= 1 && rating <= 5)
    sqlite3_bind_int (stmt, 7, rating);
  else
    sqlite3_bind_null (stmt, 7);
  sqlite3_bind_int (stmt, 8, g_rand_int_range (rand, 0, 10) < 9);
  if (g_rand_int_range (rand, 0, 10) == 0)
    {
      sqlite3_bind_int64 (stmt, 9, started + 86400);
      sqlite3_bind_int64 (stmt, 10, started + g_rand_int_range (rand, 3600, 100000));
    }
  else
    {
      sqlite3_bind_null (stmt, 9);
      sqlite3_bind_null (stmt, 10);
    }
  sqlite3_bind_text (stmt, 11, caller, -1, SQLITE_TRANSIENT);
  step_done (stmt);
}

static void
insert_evaluation (sqlite3_stmt *evaluation,
                   sqlite3_stmt *item,
                   GRand        *rand,
                   gint64        id,
                   gint64        call_id)
{
  int d1 = g_rand_int_range (rand, 1, 9) * 50, d2 = g_rand_int_range (rand, 1, 9) * 100;
  int status = g_rand_int_range (rand, 0, 10);

  sqlite3_bind_int64 (evaluation, 1, id);
  sqlite3_bind_int64 (evaluation, 2, call_id);
  sqlite3_bind_text (evaluation, 3, g_rand_boolean (rand) ? "质检员甲" : "质检员乙", -1, SQLITE_STATIC);
  sqlite3_bind_int (evaluation, 4, status < 8 ? 2 : status - 8);
  sqlite3_bind_int (evaluation, 5, 10000 - d1 - d2);
  sqlite3_bind_int (evaluation, 6, g_rand_int_range (rand, 0, 100) == 0);
  step_done (evaluation);

  for (int k = 0; k < 2; k++)
    {
      g_autofree char *item_id = g_strdup_printf ("i%d", g_rand_int_range (rand, 0, 5) * 2 + k);
      sqlite3_bind_int64 (item, 1, id);
      sqlite3_bind_text (item, 2, item_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (item, 3, k == 0 ? d1 : d2);
      step_done (item);
    }
}

static char *
generate (const char  *dir,
          const char  *name,
          const Shape *shape)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240531);
  g_autoptr(sqlite3_stmt) call = NULL, evaluation = NULL, item = NULL;
  gint64 call_id = 0, evaluation_id = 0;
  double start = now_s ();

  g_unlink (path);
  db = em_db_open (path, &error);
  die_on_error (g_steal_pointer (&error));
  exec_sql (db, "PRAGMA synchronous = OFF; BEGIN");
  insert_people (db, shape);

  call = prepare (db, "INSERT INTO calls (id, external_id, agent_id, started_at, utc_offset, duration_s, wait_s,"
                      " satisfaction, resolved, ticket_due, ticket_closed, caller)"
                      " VALUES (?1, ?2, ?3, ?4, 28800, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  evaluation = prepare (db, "INSERT INTO evaluations (id, call_id, scorecard_version_id, inspector, status, total,"
                            " fatal, excluded, answers, created_at, updated_at)"
                            " VALUES (?1, ?2, 1, ?3, ?4, ?5, 0, ?6, '', 0, 0)");
  item = prepare (db, "INSERT INTO evaluation_items (evaluation_id, item_id, occurrences, deduction)"
                      " VALUES (?1, ?2, 1, ?3)");

  for (guint m = 0; m < shape->n_months; m++)
    {
      int serial = 2024 * 12 + 4 - (int) (shape->n_months - 1 - m);
      g_autoptr(GDateTime) first = g_date_time_new_utc (serial / 12, serial % 12 + 1, 1, 0, 0, 0);
      gint64 month_start = g_date_time_to_unix (first) - 28800;

      for (guint a = 1; a <= shape->n_agents; a++)
        for (guint k = 0; k < shape->calls_per_agent_month; k++)
          {
            gint64 started = month_start + (gint64) g_rand_int_range (rand, 0, 28 * 86400);

            insert_call (call, rand, ++call_id, a, started);
            if (k < shape->evaluations_per_agent_month)
              insert_evaluation (evaluation, item, rand, ++evaluation_id, call_id);
          }
    }

  exec_sql (db, "COMMIT");
  printf ("  generated %s: %" G_GINT64_FORMAT " calls, %" G_GINT64_FORMAT " evaluations in %.1f s\n",
          name, call_id, evaluation_id, now_s () - start);
  return g_steal_pointer (&path);
}

/* The export reports 0.3 once the figures, trend and deductions are
 * computed: from there on it writes (and streams the detail rows).
 */
static void
on_progress (double   fraction,
             gpointer data)
{
  double *computed_at = data;

  if (fraction >= 0.3 && *computed_at == 0)
    *computed_at = now_s ();
}

static double
time_export (const char *db_path,
             const char *xlsx,
             int         runs,
             double     *out_writing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (db_path, &error);
  EmMonthExportOptions options = { NULL, { EM_PERIOD_MONTH, 2024, 5 }, 0, "zh_CN", FALSE };
  double best = G_MAXDOUBLE;

  die_on_error (g_steal_pointer (&error));
  *out_writing = G_MAXDOUBLE;
  for (int i = 0; i < runs; i++)
    {
      double start = now_s (), computed_at = 0, end;

      if (!em_month_export (db, &options, xlsx, on_progress, &computed_at, NULL, &error))
        die_on_error (g_steal_pointer (&error));
      end = now_s ();
      best = MIN (best, end - start);
      *out_writing = MIN (*out_writing, end - computed_at);
    }
  return best;
}

static double
time_xlsxwriter (const char *source,
                 const char *out,
                 int         runs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_build_filename (SOURCE_DIR, "bench", "month-xlsxwriter.py", NULL);
  g_autofree char *repeat = g_strdup_printf ("%d", runs);
  const char *argv[] = { "/usr/bin/python3", script, source, out, "--repeat", repeat, NULL };
  g_autofree char *stdout_text = NULL, *stderr_text = NULL;
  const char *line;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &stdout_text, &stderr_text, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL) ||
      (line = strstr (stdout_text, "seconds ")) == NULL)
    {
      fprintf (stderr, "bench-month: the XlsxWriter peer failed (python3-xlsxwriter installed?)\n%s",
               stderr_text != NULL ? stderr_text : (error != NULL ? error->message : ""));
      return -1;
    }

  return g_ascii_strtod (line + 8, NULL);
}

static void
report_workbook (const char *title,
                 const char *db_path,
                 const char *dir,
                 int         runs)
{
  g_autofree char *ours = g_build_filename (dir, "earmark.xlsx", NULL);
  g_autofree char *theirs = g_build_filename (dir, "xlsxwriter.xlsx", NULL);
  double writing;
  double earmark = time_export (db_path, ours, runs, &writing);
  double peer = time_xlsxwriter (ours, theirs, runs);
  GStatBuf st;

  g_stat (ours, &st);
  printf ("%s\n", title);
  printf ("  Earmark, whole export from the database:    %8.3f s  (%.1f MB)\n", earmark, st.st_size / 1e6);
  printf ("  Earmark, writing the workbook:              %8.3f s\n", writing);
  if (peer > 0)
    printf ("  Python XlsxWriter, writing the same:        %8.3f s\n"
            "  ratio whole export / XlsxWriter:            %8.2f×\n"
            "  ratio writing / XlsxWriter:                 %8.2f×  (goal ≤ 0.25×)\n",
            peer, earmark / peer, writing / peer);
}

/* The peer of (c): the bare GROUP BY a person would type into the sqlite3
 * shell for the same sums (the month by local time, no index tricks).
 */
static const char shell_sql[] =
  "SELECT agent_id, count(*), count(wait_s), sum(wait_s <= 20),"
  " count(satisfaction), sum(satisfaction >= 4), sum(satisfaction),"
  " count(resolved), sum(resolved), sum(duration_s),"
  " count(ticket_due), sum(ticket_closed <= ticket_due)"
  " FROM calls WHERE started_at + utc_offset >= %" G_GINT64_FORMAT
  " AND started_at + utc_offset < %" G_GINT64_FORMAT
  " GROUP BY agent_id;\n"
  "SELECT c.agent_id, count(*), sum(e.total)"
  " FROM evaluations e JOIN calls c ON c.id = e.call_id"
  " WHERE e.status = 2 AND e.excluded = 0 AND c.started_at + c.utc_offset >= %" G_GINT64_FORMAT
  " AND c.started_at + c.utc_offset < %" G_GINT64_FORMAT
  " GROUP BY c.agent_id;\n";

static double
time_sqlite3_shell (const char *db_path,
                    int         runs)
{
  EmPeriod may = { EM_PERIOD_MONTH, 2024, 5 };
  gint64 start, end;
  g_autofree char *sql = NULL;
  double best = G_MAXDOUBLE;

  em_period_get_bounds (&may, &start, &end);
  sql = g_strdup_printf (shell_sql, start, end, start, end);

  for (int i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      const char *argv[] = { "sqlite3", db_path, sql, NULL };
      g_autofree char *out = NULL;
      int status;
      double t0 = now_s ();

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                         NULL, NULL, &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, NULL))
        {
          fprintf (stderr, "bench-month: the sqlite3 shell failed (is it installed?)\n");
          return -1;
        }
      best = MIN (best, now_s () - t0);
    }
  return best;
}

static void
report_aggregation (const char *db_path,
                    int         runs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (db_path, &error);
  g_autoptr(EmScheme) scheme = em_scheme_new_default ();
  EmPeriod may = { EM_PERIOD_MONTH, 2024, 5 };
  double best = G_MAXDOUBLE, shell;
  guint n_agents = 0;

  die_on_error (g_steal_pointer (&error));
  for (int i = 0; i < runs; i++)
    {
      double start = now_s ();
      g_autoptr(EmMonthReport) report = em_month_report_compute (db, scheme, &may, NULL, &error);

      die_on_error (g_steal_pointer (&error));
      best = MIN (best, now_s () - start);
      n_agents = em_month_report_get_n_agents (report);
    }

  shell = time_sqlite3_shell (db_path, runs);
  printf ("(c) monthly figures over 1,000,000 calls (%u agents)\n", n_agents);
  printf ("  Earmark em_month_report_compute():          %8.3f s  (%.2f M calls/s)\n", best, 1.0 / best);
  if (shell > 0)
    printf ("  sqlite3 shell, the bare GROUP BY:           %8.3f s\n"
            "  ratio Earmark / sqlite3 shell:              %8.2f×  (goal ≤ 1.5×)\n",
            shell, best / shell);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *keep = NULL;
  gboolean quick = FALSE;
  const GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Smaller data, one run (a smoke test)", NULL },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the databases and workbooks in DIR", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[a] [b] [c]");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  gboolean all;
  int runs;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die_on_error (g_steal_pointer (&error));
  all = argc < 2;
  runs = quick ? 1 : RUNS;

  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("earmark-bench-XXXXXX", &error);
  die_on_error (g_steal_pointer (&error));
  g_mkdir_with_parents (dir, 0755);
  setvbuf (stdout, NULL, _IOLBF, 0);
  printf ("bench-month (best of %d runs; data in %s)\n", runs, dir);

  if (all || g_strv_contains ((const char * const *) argv + 1, "a"))
    {
      Shape shape = { 500, 25, 12, quick ? 8 : 40, 4 };
      g_autofree char *db = generate (dir, "a-500-agents.db", &shape);
      report_workbook ("(a) a 500-agent month with charts and a 12-month trend", db, dir, runs);
    }

  if (all || g_strv_contains ((const char * const *) argv + 1, "b"))
    {
      Shape shape = { 500, 25, 1, 100, quick ? 20 : 100 };
      g_autofree char *db = generate (dir, "b-50000-evaluations.db", &shape);
      report_workbook ("(b) an evaluation detail sheet of 50,000 rows", db, dir, runs);
    }

  if (all || g_strv_contains ((const char * const *) argv + 1, "c"))
    {
      Shape shape = { 500, 25, 1, quick ? 200 : 2000, 20 };
      g_autofree char *db = generate (dir, "c-1000000-calls.db", &shape);
      report_aggregation (db, runs);
    }

  if (keep == NULL)
    {
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)))
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_unlink (path);
        }
      g_rmdir (dir);
    }

  return 0;
}

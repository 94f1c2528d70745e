/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-sampling"

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "em-db.h"
#include "em-sampling.h"

/* Drawing a month's sampling plan against its peer, the bare SQL query
 * that reads the same month's calls (the least any draw must do).  Data:
 * 100 agents, N calls a month (default 300 000, a large center) over two
 * months, 8 % of them with a wait over 20 s.  Prints figures; never fails
 * on time.
 *
 *   bench-sampling [CALLS_PER_MONTH]
 */

#define FEBRUARY_2024 1706745600  /* 2024-02-01 00:00 as local unix seconds */
#define MARCH_2024 1709251200     /* 2024-03-01 00:00 */
#define UTC8       28800

static void
fill (EmDb   *db,
      gint64  per_month)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 span = 28 * 86400;

  g_assert (em_db_exec (db,
                        "INSERT INTO teams (name) VALUES ('一组');"
                        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) "
                        "INSERT INTO agents (code, name, team_id) SELECT printf ('A%03d', i), '', 1 FROM n;",
                        &error));

  stmt = em_db_prepare (db,
                        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?1 * 2 - 1) "
                        "INSERT INTO calls (external_id, agent_id, started_at, utc_offset, duration_s, wait_s, direction) "
                        "SELECT printf ('C%08d', i), 1 + (i * 7919) % 100, "
                        "  CASE WHEN i < ?1 THEN ?5 ELSE ?2 END - ?4 + (i % ?1) * (?3 / ?1), ?4, "
                        "  (i * 37) % 420, CASE WHEN i % 25 < 2 THEN 30 ELSE (i * 13) % 21 END, 1 FROM n",
                        &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, per_month);
  sqlite3_bind_int64 (stmt, 2, MARCH_2024);
  sqlite3_bind_int64 (stmt, 3, span);
  sqlite3_bind_int64 (stmt, 4, UTC8);
  sqlite3_bind_int64 (stmt, 5, FEBRUARY_2024);
  g_assert (sqlite3_step (stmt) == SQLITE_DONE);
}

static double
bare_query (EmDb   *db,
            gint64 *out_rows)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 start = g_get_monotonic_time ();

  stmt = em_db_prepare (db,
                        "SELECT c.id, c.external_id, c.agent_id, a.code, c.started_at, c.utc_offset, "
                        "  c.duration_s, c.wait_s, c.direction "
                        "FROM calls c JOIN agents a ON a.id = c.agent_id "
                        "WHERE c.started_at >= ?1 - 86400 AND c.started_at < ?2 + 86400 "
                        "  AND c.started_at + c.utc_offset >= ?1 AND c.started_at + c.utc_offset < ?2",
                        NULL);
  sqlite3_bind_int64 (stmt, 1, MARCH_2024);
  sqlite3_bind_int64 (stmt, 2, MARCH_2024 + 31 * 86400);
  *out_rows = 0;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    (*out_rows)++;

  return (g_get_monotonic_time () - start) / 1e6;
}

static long
max_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("earmark-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(EmDb) db = NULL;
  g_autoptr(EmSamplingPlan) plan = NULL;
  gint64 per_month = argc > 1 ? g_ascii_strtoll (argv[1], NULL, 10) : 300000;
  gint64 rows = 0;
  long rss_before;
  double bare, draw;
  gint64 start;

  db = em_db_open (path, &error);
  g_assert_no_error (error);
  fill (db, per_month);
  bare = bare_query (db, &rows);
  bare = MIN (bare, bare_query (db, &rows));

  rss_before = max_rss_kb ();
  start = g_get_monotonic_time ();
  plan = em_sampling_plan_create (db, "2024-03", 42, NULL, (const char *[]) { "张三", "李四", NULL },
                                  "bench", &error);
  draw = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);

  printf ("calls in the month      %" G_GINT64_FORMAT "\n", rows);
  printf ("sampled calls           %u\n", plan->n_calls);
  printf ("bare month query (SQL)  %.3f s\n", bare);
  printf ("em_sampling_plan_create %.3f s  (%.1f× the bare query, %.0f calls/s)\n",
          draw, draw / bare, rows / draw);
  printf ("peak RSS                %ld kB before the draw, %ld kB after\n", rss_before, max_rss_kb ());

  g_clear_object (&db);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_remove (file);
    }
  g_rmdir (dir);

  return 0;
}

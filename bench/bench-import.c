/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-import"

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "em-call-import.h"
#include "em-db.h"

/* bench-import: imports the same generated call list (1,000,000 rows by
 * default) with Earmark's importer and with the sqlite3 shell's
 * ".import", and prints both rates and their ratio.
 *
 * The peer does less: ".import" stores every field as text in a new table
 * without indexes or checks, while Earmark decodes and validates every
 * value, converts times to UTC, looks agents up, and maintains the calls
 * table's four indexes and its foreign keys — in a WAL database, so the
 * data is written twice (WAL, then checkpoint).  Both runs read the same
 * file from the page cache and write a fresh database in the same folder.
 * It prints figures; it never fails on time.
 */

static int      n_rows = 1000000;
static int      n_runs = 1;
static char    *work_dir = NULL;
static char    *sqlite3_path = NULL;
static gboolean keep = FALSE;

static const GOptionEntry entries[] = {
  { "rows", 'n', 0, G_OPTION_ARG_INT, &n_rows, "Rows in the generated CSV (1000000)", "N" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Runs of each importer; the best is shown (1)", "N" },
  { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &work_dir, "Folder for the CSV and databases", "DIR" },
  { "sqlite3", 0, 0, G_OPTION_ARG_FILENAME, &sqlite3_path, "The sqlite3 shell (sqlite3)", "PATH" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the CSV and databases afterwards", NULL },
  { NULL }
};

static const char * const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" };
static const char * const given[] = { "芳", "伟", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军",
                                      "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英" };
static const char * const teams[] = { "热线一组", "热线二组", "热线三组", "热线四组", "热线五组",
                                      "热线六组", "热线七组", "热线八组", "回访组", "投诉组" };
static const char * const queues[] = { "政策咨询", "投诉举报", "求助", "意见建议", "表扬",
                                       "水电气", "交通出行", "社保医保" };

#define N_AGENTS 200

/* What a call platform exports: Chinese headers, HH:MM:SS talk time, a few
 * quoted fields with commas, most calls without a survey or a ticket.
 */
static void
write_row (FILE   *out,
           GRand  *rand,
           int     i,
           gint64  started)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (started);
  g_autoptr(GDateTime) local = g_date_time_add_hours (utc, 8);
  g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
  g_autofree char *day = g_date_time_format (local, "%Y/%m/%d");
  int agent = g_rand_int_range (rand, 0, N_AGENTS);
  int talk = g_rand_int_range (rand, 5, 900);
  gboolean ticket = g_rand_int_range (rand, 0, 10) == 0;

  fprintf (out, "CDR%09d,A%04d,%s%s,%s,%s,%02d:%02d:%02d,%d,%s,1%d%09d,",
           i + 1, agent + 1,
           surnames[agent % G_N_ELEMENTS (surnames)], given[agent / G_N_ELEMENTS (surnames)],
           teams[agent % G_N_ELEMENTS (teams)], when,
           talk / 3600, talk / 60 % 60, talk % 60,
           g_rand_int_range (rand, 0, 40),
           g_rand_int_range (rand, 0, 5) == 0 ? "呼出" : "呼入",
           g_rand_int_range (rand, 3, 10), g_rand_int_range (rand, 0, 1000000000));

  if (g_rand_int_range (rand, 0, 100) == 0)
    fprintf (out, "\"%s,%s\",", queues[g_rand_int_range (rand, 0, 8)], queues[0]);
  else
    fprintf (out, "%s,", queues[g_rand_int_range (rand, 0, 8)]);

  if (g_rand_int_range (rand, 0, 10) < 4)
    fprintf (out, "%d,", g_rand_int_range (rand, 1, 6));
  else
    fputc (',', out);

  fprintf (out, "%s,%s/CDR%09d.wav,", g_rand_int_range (rand, 0, 4) ? "是" : "否", day, i + 1);

  if (ticket)
    {
      g_autoptr(GDateTime) due = g_date_time_add_days (local, 3);
      g_autoptr(GDateTime) closed = g_date_time_add_hours (local, g_rand_int_range (rand, 1, 96));
      g_autofree char *due_text = g_date_time_format (due, "%Y-%m-%d %H:%M:%S");
      g_autofree char *closed_text = g_date_time_format (closed, "%Y-%m-%d %H:%M:%S");

      fprintf (out, "%s,%s\n", due_text, closed_text);
    }
  else
    fputs (",\n", out);
}

static void
generate_csv (const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260301);
  FILE *out = g_fopen (path, "w");
  gint64 started = 1772323200;   /* 2026-03-01 08:00 +08:00 */

  if (out == NULL)
    g_error ("Cannot write %s", path);

  fputs ("通话编号,坐席工号,坐席姓名,班组,开始时间,通话时长,等待时长,呼叫方向,主叫号码,技能组,"
         "满意度,是否解决,录音文件,工单时限,工单完成时间\n", out);

  for (int i = 0; i < n_rows; i++)
    {
      started += g_rand_int_range (rand, 0, 6);
      write_row (out, rand, i, started);
    }

  fclose (out);
}

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static double
run_earmark (const char *csv,
             const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  gint64 start;
  double seconds;

  remove_database (db_path);
  if (!(db = em_db_open (db_path, &error)) ||
      !em_db_set_setting (db, "center_timezone", "Asia/Shanghai", &error))
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  report = em_call_import_file (db, csv, EM_CALL_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  if (report == NULL || error != NULL)
    g_error ("Earmark's import failed: %s", error ? error->message : "?");
  if (em_call_import_report_get_n_imported (report) != (guint) n_rows)
    g_error ("Earmark imported %u rows, expected %d",
             em_call_import_report_get_n_imported (report), n_rows);

  return seconds;
}

static gint64
count_sqlite3_rows (const char *db_path)
{
  const char *argv[] = { sqlite3_path, db_path, "SELECT count(*) FROM calls", NULL };
  g_autofree char *out = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, NULL, NULL, NULL))
    return -1;

  return g_ascii_strtoll (out, NULL, 10);
}

static double
run_sqlite3 (const char *csv,
             const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *import = g_strdup_printf (".import '%s' calls", csv);
  const char *argv[] = { sqlite3_path, db_path, ".mode csv", import, NULL };
  int status = 0;
  gint64 start;
  double seconds;

  remove_database (db_path);

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     NULL, NULL, &status, &error))
    g_error ("Cannot run %s: %s", sqlite3_path, error->message);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s .import failed", sqlite3_path);
  /* The header row names the new table's columns. */
  if (count_sqlite3_rows (db_path) != n_rows)
    g_error ("sqlite3 imported %" G_GINT64_FORMAT " rows, expected %d",
             count_sqlite3_rows (db_path), n_rows);

  return seconds;
}

static double
file_megabytes (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size / 1e6 : 0;
}

static double
peak_rss_megabytes (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— benchmark the call import");
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *earmark_db = NULL;
  g_autofree char *sqlite3_db = NULL;
  double best_earmark = G_MAXDOUBLE, best_sqlite3 = G_MAXDOUBLE;
  double generate_start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (sqlite3_path == NULL)
    sqlite3_path = g_strdup ("sqlite3");
  if (work_dir == NULL)
    work_dir = g_dir_make_tmp ("earmark-bench-XXXXXX", NULL);
  g_mkdir_with_parents (work_dir, 0755);

  csv = g_build_filename (work_dir, "calls.csv", NULL);
  earmark_db = g_build_filename (work_dir, "earmark.db", NULL);
  sqlite3_db = g_build_filename (work_dir, "sqlite3.db", NULL);

  generate_start = g_get_monotonic_time ();
  generate_csv (csv);
  g_print ("generated %d rows, %.1f MB, in %.1f s: %s\n", n_rows, file_megabytes (csv),
           (g_get_monotonic_time () - generate_start) / (double) G_USEC_PER_SEC, csv);

  for (int run = 0; run < MAX (n_runs, 1); run++)
    {
      double s = run_sqlite3 (csv, sqlite3_db);
      double e = run_earmark (csv, earmark_db);

      g_print ("run %d: earmark %.2f s, sqlite3 .import %.2f s\n", run + 1, e, s);
      best_sqlite3 = MIN (best_sqlite3, s);
      best_earmark = MIN (best_earmark, e);
    }

  g_print ("\n%-18s %10s %14s %10s\n", "importer", "seconds", "rows/s", "db MB");
  g_print ("%-18s %10.2f %14.0f %10.1f\n", "earmark", best_earmark, n_rows / best_earmark,
           file_megabytes (earmark_db));
  g_print ("%-18s %10.2f %14.0f %10.1f\n", "sqlite3 .import", best_sqlite3, n_rows / best_sqlite3,
           file_megabytes (sqlite3_db));
  g_print ("ratio (earmark rate / sqlite3 CLI rate): %.2fx\n", best_sqlite3 / best_earmark);
  g_print ("earmark peak RSS: %.0f MB\n", peak_rss_megabytes ());

  if (!keep)
    {
      remove_database (earmark_db);
      remove_database (sqlite3_db);
      g_unlink (csv);
      g_rmdir (work_dir);
    }

  return 0;
}

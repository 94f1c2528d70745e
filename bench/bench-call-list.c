/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-call-list"

#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>

#include "em-call-list-model.h"

/* How the Calls page's model behaves on a million calls: for each sort,
 * the time to open the list (the count, or for the sorts no index serves
 * the one-off sort of every id), to read the first page, and to read the
 * page at offset 999,800 (dragging the scrollbar to the end); then the
 * same for searches and for the filter bar's length and direction
 * filters, whose last page is read.
 *
 * The peer is the sqlite3 command-line shell running the bare query a
 * list would use without the model — SELECT the page's columns with
 * their joins, ORDER BY the sort, LIMIT 200 OFFSET n — and its
 * count(*), timed by its own ".timer on".  Ratios are model / sqlite3:
 * below 1 the model is faster.  "open" is what the model does before it
 * can answer get_n_items(): the count or the one-off sort into an array
 * of ids, and the first page; it is compared with the shell's count(*)
 * plus its first page.  "UI ms" is the same request made with
 * set_query_async(), as the Calls page makes it: the time the main
 * thread is busy (the call itself, then applying the result), the
 * counting and sorting being done in a thread.
 *
 *   bench-call-list [DB]   (default /tmp/earmark-bench-calls.db, made
 *                           with 1,000,000 calls if missing or made by a
 *                           build with another schema)
 */

#define N_CALLS 1000000
#define N_AGENTS 200
#define DEEP_OFFSET 999800

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Main-thread busy time: a poll function that notes when the main loop
 * wakes up, so that only dispatching is counted, not waiting.
 */
static GPollFunc real_poll;
static double woke_at;

static int
timing_poll (GPollFD *fds,
             guint    n_fds,
             int      timeout)
{
  int ret = real_poll (fds, n_fds, timeout);

  woke_at = now_ms ();
  return ret;
}

static void
on_async_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(gboolean *) user_data = TRUE;
}

static double
time_async (EmDb              *db,
            const EmCallQuery *query)
{
  g_autoptr(EmCallListModel) model = em_call_list_model_new (db);
  g_autoptr(GObject) first = NULL;
  gboolean done = FALSE;
  double busy, t0 = now_ms ();

  em_call_list_model_set_query_async (model, query, NULL, on_async_done, &done);
  busy = now_ms () - t0;
  while (!done)
    {
      woke_at = now_ms ();
      g_main_context_iteration (NULL, TRUE);
      busy += now_ms () - woke_at;
    }

  /* What the column view asks for next: also on the main thread. */
  t0 = now_ms ();
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  return busy + now_ms () - t0;
}

static void
make_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (path, &error);
  g_autoptr(sqlite3_stmt) insert = NULL;
  static const char * const queues[] = { "咨询", "投诉", "求助", "建议" };
  gint64 teams[3];
  gint64 agents[N_AGENTS];
  double start = now_ms ();
  GRand *rand = g_rand_new_with_seed (12345);

  if (db == NULL)
    g_error ("%s", error->message);

  fprintf (stderr, "Creating %s with %d calls…\n", path, N_CALLS);
  em_db_begin (db, NULL);
  teams[0] = em_db_ensure_team (db, "热线一组", NULL);
  teams[1] = em_db_ensure_team (db, "热线二组", NULL);
  teams[2] = em_db_ensure_team (db, "热线三组", NULL);
  for (int i = 0; i < N_AGENTS; i++)
    {
      g_autofree char *code = g_strdup_printf ("%04d", 1000 + i);
      g_autofree char *name = g_strdup_printf ("坐席%d", i);
      agents[i] = em_db_ensure_agent (db, code, name, teams[i % 3], NULL);
    }

  insert = em_db_prepare (db,
                          "INSERT INTO calls (external_id, agent_id, started_at, utc_offset, duration_s, "
                          "wait_s, direction, caller, queue, satisfaction, resolved) "
                          "VALUES (?1, ?2, ?3, 28800, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", NULL);
  for (int i = 0; i < N_CALLS; i++)
    {
      g_autofree char *id = g_strdup_printf ("HL%08d", i);
      g_autofree char *caller = g_strdup_printf ("13%09d", g_rand_int_range (rand, 0, 999999999));

      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (insert, 2, agents[g_rand_int_range (rand, 0, N_AGENTS)]);
      sqlite3_bind_int64 (insert, 3, 1700000000 + (gint64) i * 16 + g_rand_int_range (rand, 0, 16));
      sqlite3_bind_int (insert, 4, g_rand_int_range (rand, 3, 900));
      if (i % 10)
        sqlite3_bind_int (insert, 5, g_rand_int_range (rand, 0, 120));
      else
        sqlite3_bind_null (insert, 5);
      sqlite3_bind_int (insert, 6, 1 + (i % 7 == 0));
      sqlite3_bind_text (insert, 7, caller, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 8, queues[i % 4], -1, SQLITE_STATIC);
      if (i % 3)
        sqlite3_bind_int (insert, 9, g_rand_int_range (rand, 1, 6));
      else
        sqlite3_bind_null (insert, 9);
      sqlite3_bind_int (insert, 10, i % 5 != 0);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("insert failed: %s", sqlite3_errmsg (em_db_get_handle (db)));
    }
  if (!em_db_commit (db, &error))
    g_error ("%s", error->message);

  g_rand_free (rand);
  fprintf (stderr, "… made in %.1f s\n", (now_ms () - start) / 1000.0);
}

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* The schema's tables and indexes, by name: a database made by an older
 * build (with other indexes) would measure that build, not this one.
 */
static char *
describe_schema (const char *path)
{
  g_autoptr(GString) names = g_string_new (NULL);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (handle, "SELECT name FROM sqlite_master ORDER BY name", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_string_append_printf (names, "%s ", sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
schema_is_current (const char *path)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-call-list-XXXXXX", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;
  g_autoptr(EmDb) db = em_db_open (fresh, NULL);

  g_clear_object (&db);
  expected = describe_schema (fresh);
  found = describe_schema (path);
  remove_database (fresh);
  g_rmdir (dir);

  return g_str_equal (expected, found);
}

/* Model timings for one sort: the best of three, each on a new model. */
static void
time_model (EmDb       *db,
            EmCallSort  sort,
            gboolean    descending,
            double     *open_ms,
            double     *ui_ms,
            double     *deep_ms)
{
  *open_ms = *ui_ms = *deep_ms = G_MAXDOUBLE;

  for (int run = 0; run < 3; run++)
    {
      g_autoptr(EmCallQuery) query = em_call_query_new ();
      g_autoptr(EmCallListModel) model = NULL;
      g_autoptr(GObject) first = NULL;
      g_autoptr(GObject) deep = NULL;
      double t0, t1, t2;

      em_call_query_set_sort (query, sort, descending);
      t0 = now_ms ();
      model = g_object_new (EM_TYPE_CALL_LIST_MODEL, "db", db, "query", query, NULL);
      first = g_list_model_get_item (G_LIST_MODEL (model), 0);
      g_assert (g_list_model_get_n_items (G_LIST_MODEL (model)) == N_CALLS);
      t1 = now_ms ();
      deep = g_list_model_get_item (G_LIST_MODEL (model), DEEP_OFFSET);
      t2 = now_ms ();
      g_assert (first != NULL && deep != NULL);

      *open_ms = MIN (*open_ms, t1 - t0);
      *deep_ms = MIN (*deep_ms, t2 - t1);
      *ui_ms = MIN (*ui_ms, time_async (db, query));
    }
}

/* The sqlite3 shell's own time for @sql, best of 3.  ".timer" prints
 * the wall time in whole milliseconds but user and system CPU time in
 * microseconds; with the file in the page cache a query is all CPU, so
 * user + sys is the precise figure.
 */
static double
time_sqlite3_cli (const char *path,
                  const char *sql)
{
  double best = G_MAXDOUBLE;

  for (int run = 0; run < 3; run++)
    {
      g_autofree char *script = g_strdup_printf (".timer on\n.output /dev/null\n%s;\n", sql);
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) shell = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                                       &error, "sqlite3", "-readonly", path, NULL);
      const char *line;
      double real, user, sys;

      if (shell == NULL || !g_subprocess_communicate_utf8 (shell, script, NULL, &out, NULL, &error))
        g_error ("sqlite3: %s", error->message);
      if (!(line = strstr (out, "Run Time: real ")) ||
          sscanf (line, "Run Time: real %lf user %lf sys %lf", &real, &user, &sys) != 3)
        g_error ("sqlite3 printed no time: %s", out);
      best = MIN (best, (user + sys) * 1000.0);
    }

  return best;
}

static const struct {
  EmCallSort  sort;
  const char *name;
  const char *order_by;  /* for the bare query: what the page would ask SQLite */
} sorts[] = {
  { EM_CALL_SORT_STARTED_AT, "start time", "c.started_at DESC, c.id DESC" },
  { EM_CALL_SORT_EXTERNAL_ID, "call id", "c.external_id DESC" },
  { EM_CALL_SORT_AGENT, "agent", "a.code DESC, c.started_at DESC, c.id DESC" },
  { EM_CALL_SORT_TEAM, "team", "t.name DESC, a.code DESC, c.started_at DESC, c.id DESC" },
  { EM_CALL_SORT_DURATION, "duration", "c.duration_s DESC, c.started_at DESC, c.id DESC" },
  { EM_CALL_SORT_WAIT, "wait", "c.wait_s DESC, c.started_at DESC, c.id DESC" },
  { EM_CALL_SORT_DIRECTION, "direction", "c.direction DESC, c.started_at DESC, c.id DESC" },
  { EM_CALL_SORT_CALLER, "caller", "c.caller DESC, c.started_at DESC, c.id DESC" },
  { EM_CALL_SORT_QUEUE, "queue", "c.queue DESC, c.started_at DESC, c.id DESC" },
  { EM_CALL_SORT_SATISFACTION, "satisfaction", "c.satisfaction DESC, c.started_at DESC, c.id DESC" },
  { EM_CALL_SORT_RESOLVED, "resolved", "c.resolved DESC, c.started_at DESC, c.id DESC" },
  { EM_CALL_SORT_EVALUATION, "evaluation",
    "coalesce ((SELECT max (status) + 1 FROM evaluations WHERE call_id = c.id), 0) DESC, "
    "c.started_at DESC, c.id DESC" },
};

/* A search is a scan (LIKE '%…%' uses no index): what typing in the
 * search entry costs, against the shell counting the same matches with
 * the same conditions.
 */
static void
time_searches (EmDb       *db,
               const char *path)
{
  static const struct { const char *text; const char *where; } searches[] = {
    { "HL0099999", "c.external_id LIKE '%HL0099999%' OR c.agent_id IN (SELECT id FROM agents "
                   "WHERE code LIKE '%HL0099999%' OR name LIKE '%HL0099999%')" },
    { "坐席12", "c.external_id LIKE '%坐席12%' OR c.agent_id IN (SELECT id FROM agents "
                "WHERE code LIKE '%坐席12%' OR name LIKE '%坐席12%')" },
    { "138 0013", "c.external_id LIKE '%138 0013%' OR c.agent_id IN (SELECT id FROM agents "
                  "WHERE code LIKE '%138 0013%' OR name LIKE '%138 0013%') OR c.caller LIKE '%1380013%'" },
  };

  printf ("\n%-13s %9s %9s %7s %9s\n", "search", "open ms", "sqlite3", "ratio", "UI ms");
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM calls c WHERE %s", searches[i].where);
      double open_ms = G_MAXDOUBLE, ui_ms = G_MAXDOUBLE, peer;

      for (int run = 0; run < 3; run++)
        {
          g_autoptr(EmCallQuery) query = em_call_query_new ();
          g_autoptr(EmCallListModel) model = em_call_list_model_new (db);
          g_autoptr(GObject) first = NULL;
          double t0, t1;

          em_call_query_set_search (query, searches[i].text);
          t0 = now_ms ();
          em_call_list_model_set_query (model, query, NULL);
          first = g_list_model_get_item (G_LIST_MODEL (model), 0);
          t1 = now_ms ();
          open_ms = MIN (open_ms, t1 - t0);
          ui_ms = MIN (ui_ms, time_async (db, query));
        }
      peer = time_sqlite3_cli (path, sql);
      printf ("%-13s %9.1f %9.1f %7.2f %9.2f\n", searches[i].text, open_ms, peer, open_ms / peer, ui_ms);
    }
}

#define BARE_SELECT \
  "SELECT c.*, a.code, a.name, t.name FROM calls c JOIN agents a ON a.id = c.agent_id " \
  "LEFT JOIN teams t ON t.id = a.team_id "

/* The filter bar's filters on the calls' own columns, which no index
 * serves: the count is a scan, and so is reading a deep page.  Each with
 * the default sort (newest first) and with the duration sort; "deep" is
 * the last page.  The peer counts and reads the same pages with the same
 * conditions.
 */
static void
time_filters (EmDb       *db,
              const char *path)
{
  static const struct { const char *name; int min, max; EmCallDirection direction; const char *where; } filters[] = {
    { "under 20 s", -1, 19, EM_CALL_DIRECTION_UNKNOWN, "c.duration_s <= 19" },
    { "over 200 s", 200, -1, EM_CALL_DIRECTION_UNKNOWN, "c.duration_s >= 200" },
    { "outbound", -1, -1, EM_CALL_DIRECTION_OUTBOUND, "c.direction = 2" },
  };
  static const struct { EmCallSort sort; const char *name; const char *order_by; } filter_sorts[] = {
    { EM_CALL_SORT_STARTED_AT, "time", "c.started_at DESC, c.id DESC" },
    { EM_CALL_SORT_DURATION, "length", "c.duration_s DESC, c.started_at DESC, c.id DESC" },
  };

  printf ("\n%-20s %9s %9s %7s %9s | %9s %9s %7s\n", "filter, sort (desc)",
          "open ms", "sqlite3", "ratio", "UI ms", "last ms", "sqlite3", "ratio");
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    for (guint j = 0; j < G_N_ELEMENTS (filter_sorts); j++)
      {
        g_autofree char *label = g_strdup_printf ("%s, %s", filters[i].name, filter_sorts[j].name);
        g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM calls c WHERE %s", filters[i].where);
        g_autofree char *first_sql = NULL, *last_sql = NULL;
        double open_ms = G_MAXDOUBLE, ui_ms = G_MAXDOUBLE, last_ms = G_MAXDOUBLE, peer_open, peer_last;
        guint n_items = 0;

        for (int run = 0; run < 3; run++)
          {
            g_autoptr(EmCallQuery) query = em_call_query_new ();
            g_autoptr(EmCallListModel) model = em_call_list_model_new (db);
            g_autoptr(GObject) first = NULL;
            g_autoptr(GObject) last = NULL;
            double t0, t1, t2;

            em_call_query_set_duration_range (query, filters[i].min, filters[i].max);
            em_call_query_set_direction (query, filters[i].direction);
            em_call_query_set_sort (query, filter_sorts[j].sort, TRUE);
            t0 = now_ms ();
            em_call_list_model_set_query (model, query, NULL);
            first = g_list_model_get_item (G_LIST_MODEL (model), 0);
            t1 = now_ms ();
            n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
            last = g_list_model_get_item (G_LIST_MODEL (model), n_items - 1);
            t2 = now_ms ();
            g_assert (first != NULL && last != NULL);
            open_ms = MIN (open_ms, t1 - t0);
            last_ms = MIN (last_ms, t2 - t1);
            ui_ms = MIN (ui_ms, time_async (db, query));
          }

        first_sql = g_strdup_printf (BARE_SELECT "WHERE %s ORDER BY %s LIMIT 200",
                                     filters[i].where, filter_sorts[j].order_by);
        last_sql = g_strdup_printf (BARE_SELECT "WHERE %s ORDER BY %s LIMIT 200 OFFSET %u",
                                    filters[i].where, filter_sorts[j].order_by, (n_items - 1) / 200 * 200);
        peer_open = time_sqlite3_cli (path, count_sql) + time_sqlite3_cli (path, first_sql);
        peer_last = time_sqlite3_cli (path, last_sql);
        printf ("%-20s %9.1f %9.1f %7.2f %9.2f | %9.1f %9.1f %7.2f\n", label,
                open_ms, peer_open, open_ms / peer_open, ui_ms, last_ms, peer_last, last_ms / peer_last);
        fflush (stdout);
      }
}

int
main (int    argc,
      char **argv)
{
  const char *path = argc > 1 ? argv[1] : "/tmp/earmark-bench-calls.db";
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = NULL;
  double count_ms;

  if (g_file_test (path, G_FILE_TEST_EXISTS) && !schema_is_current (path))
    {
      fprintf (stderr, "%s has another schema than this build's: making it again\n", path);
      remove_database (path);
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    make_database (path);
  if (!(db = em_db_open (path, &error)))
    g_error ("%s", error->message);

  real_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timing_poll);

  count_ms = time_sqlite3_cli (path, "SELECT count(*) FROM calls");
  printf ("Calls list model on %d calls (%s), pages of 200, best of 3.\n", N_CALLS, path);
  printf ("Peer: the sqlite3 shell (%s) running the bare query: " BARE_SELECT
          "ORDER BY <sort> LIMIT 200 OFFSET n; its count(*) takes %.2f ms.\n",
          sqlite3_libversion (), count_ms);
  printf ("Ratio = model / sqlite3 (below 1: the model is faster); open is compared with count(*) "
          "plus the first page.\nUI ms: the main thread's share of the same request made asynchronously.\n\n");
  printf ("%-13s %9s %9s %7s %9s | %9s %9s %7s\n", "sort (desc)",
          "open ms", "sqlite3", "ratio", "UI ms", "deep ms", "sqlite3", "ratio");

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      g_autofree char *first_sql = g_strdup_printf (BARE_SELECT "ORDER BY %s LIMIT 200", sorts[i].order_by);
      g_autofree char *deep_sql = g_strdup_printf (BARE_SELECT "ORDER BY %s LIMIT 200 OFFSET %d",
                                                   sorts[i].order_by, DEEP_OFFSET);
      double open_ms, ui_ms, deep_ms, peer_open, peer_deep;

      time_model (db, sorts[i].sort, TRUE, &open_ms, &ui_ms, &deep_ms);
      peer_open = count_ms + time_sqlite3_cli (path, first_sql);
      peer_deep = time_sqlite3_cli (path, deep_sql);

      printf ("%-13s %9.1f %9.1f %7.2f %9.2f | %9.1f %9.1f %7.2f\n", sorts[i].name,
              open_ms, peer_open, open_ms / peer_open, ui_ms,
              deep_ms, peer_deep, deep_ms / peer_deep);
      fflush (stdout);
    }

  time_searches (db, path);
  time_filters (db, path);

  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "em-audit.h"
#include "em-evaluation-query.h"
#include "em-roster.h"
#include "em-test-util.h"

/* The Evaluations page's query: each filter and sort on a small table of
 * evaluations whose every value is written out below, so that each
 * expected list is read off the table, not from SQL.
 */

typedef struct
{
  char *dir;
  EmDb *db;
} Fixture;

/* call started (local, UTC+8), agent, inspector, status, total, appeal */
static const struct
{
  const char *external_id;
  const char *local_start;
  const char *agent;
  const char *inspector;
  int         status;
  int         total;       /* centi-points */
  int         fatal;
  const char *appeal;      /* NULL, "open", "upheld", "overturned" */
} rows[] = {
  { "HL-01", "2024-05-06 09:00:00", "A01", "李质检", 2, 9100, 0, "overturned" },
  { "HL-02", "2024-05-20 14:30:00", "A02", "王质检", 2, 8500, 0, "open" },
  { "HL-03", "2024-05-31 23:30:00", "B01", "李质检", 1, 7800, 0, NULL },
  { "HL-04", "2024-06-01 00:10:00", "A01", "王质检", 0, 10000, 0, NULL },
  { "HL-05", "2024-06-03 10:00:00", "B01", "李质检", 2, 0, 1, "upheld" },
  { "HL-06", "2024-06-12 16:45:00", "A02", "张质检", 2, 9000, 0, NULL },
};

static gint64
local_to_utc (const char *text)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  int y, mo, d, h, mi, s;
  g_autoptr(GDateTime) dt = NULL;

  g_assert_cmpint (sscanf (text, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s), ==, 6);
  dt = g_date_time_new (tz, y, mo, d, h, mi, s);
  return g_date_time_to_unix (dt);
}

static void
exec_ok (EmDb       *db,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  em_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static void
insert_row (EmDb  *db,
            guint  i)
{
  const char *appeal = rows[i].appeal;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("INSERT INTO calls (id, external_id, agent_id, started_at, utc_offset, duration_s) "
                         "VALUES (%u, '%s', (SELECT id FROM agents WHERE code = '%s'), %" G_GINT64_FORMAT
                         ", 28800, 120);"
                         "INSERT INTO evaluations (id, call_id, scorecard_version_id, inspector, status, total, "
                         "fatal, answers, created_at, updated_at) VALUES (%u, %u, 1, '%s', %d, %d, %d, '', 0, 0);",
                         i + 1, rows[i].external_id, rows[i].agent, local_to_utc (rows[i].local_start),
                         i + 1, i + 1, rows[i].inspector, rows[i].status, rows[i].total, rows[i].fatal);
  exec_ok (db, sql);

  if (appeal == NULL)
    return;

  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO appeals (id, evaluation_id, reason, filed_by, filed_at, status, total_before) "
                         "VALUES (%u, %u, 'r', 'x', 0, %d, %d);"
                         "INSERT INTO appeal_items (appeal_id, item_id, decision) VALUES (%u, 'a', %d), (%u, 'b', %d);",
                         i + 1, i + 1, g_str_equal (appeal, "open") ? 0 : 1, rows[i].total,
                         i + 1, g_str_equal (appeal, "open") ? 0 : 1,
                         i + 1, g_str_equal (appeal, "overturned") ? 2 : g_str_equal (appeal, "open") ? 0 : 1);
  exec_ok (db, sql);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 team1, team2;

  f->dir = em_test_make_tmpdir ();
  path = g_build_filename (f->dir, "earmark.db", NULL);
  f->db = em_db_open (path, &error);
  g_assert_no_error (error);

  team1 = em_db_ensure_team (f->db, "一组", &error);
  team2 = em_db_ensure_team (f->db, "二组", &error);
  em_db_ensure_agent (f->db, "A01", "王芳", team1, &error);
  em_db_ensure_agent (f->db, "A02", "李娜", team1, &error);
  em_db_ensure_agent (f->db, "B01", "赵磊", team2, &error);
  g_assert_no_error (error);

  exec_ok (f->db,
           "INSERT INTO scorecards (id, key, title) VALUES (1, 'hotline-call-qa', '热线通话质检评分表');"
           "INSERT INTO scorecard_versions (id, scorecard_id, revision, file_version, source, "
           "  checksum, created_at) VALUES (1, 1, 1, 1, '', 'x', 0);");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    insert_row (f->db, i);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->db);
  em_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* The call ids the query lists, in its order: "HL-06 HL-05 …". */
static char *
run (Fixture           *f,
     EmEvaluationQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summaries = em_evaluation_query_run (query, f->db, NULL, &error);
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < summaries->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "",
                            em_evaluation_summary_get_call_external_id (g_ptr_array_index (summaries, i)));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define ASSERT_RUN(query, expected) \
  G_STMT_START { g_autofree char *got = run (f, query); g_assert_cmpstr (got, ==, expected); } G_STMT_END

static gint64
row_id (EmDb       *db,
        const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db, sql, NULL);

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(EmEvaluationQuery) query = em_evaluation_query_new ();

  /* Newest call first. */
  ASSERT_RUN (query, "HL-06 HL-05 HL-04 HL-03 HL-02 HL-01");
  g_assert_false (em_evaluation_query_has_filters (query));

#define FRESH() (em_evaluation_query_free (query), query = em_evaluation_query_new ())
  em_evaluation_query_set_status (query, 2);
  ASSERT_RUN (query, "HL-06 HL-05 HL-02 HL-01");
  g_assert_true (em_evaluation_query_has_filters (query));

  FRESH (); em_evaluation_query_set_inspector (query, "李质检");
  ASSERT_RUN (query, "HL-05 HL-03 HL-01");
  em_evaluation_query_set_status (query, 2);
  ASSERT_RUN (query, "HL-05 HL-01");

  FRESH (); em_evaluation_query_set_total_range (query, 8000, 9100);   /* both ends included */
  ASSERT_RUN (query, "HL-06 HL-02 HL-01");
  FRESH (); em_evaluation_query_set_total_range (query, -1, 7999);
  ASSERT_RUN (query, "HL-05 HL-03");

  FRESH (); em_evaluation_query_set_agent_id (query, row_id (f->db, "SELECT id FROM agents WHERE code = 'A01'"));
  ASSERT_RUN (query, "HL-04 HL-01");
  FRESH (); em_evaluation_query_set_team_id (query, row_id (f->db, "SELECT id FROM teams WHERE name = '二组'"));
  ASSERT_RUN (query, "HL-05 HL-03");

  /* The month is the call's local month: 23:30 on 31 May is May, ten
   * past midnight on 1 June is June (both 31 May in UTC). */
  FRESH (); g_assert_true (em_evaluation_query_set_month (query, "2024-05"));
  ASSERT_RUN (query, "HL-03 HL-02 HL-01");
  g_assert_true (em_evaluation_query_set_month (query, "2024-06"));
  ASSERT_RUN (query, "HL-06 HL-05 HL-04");
  g_assert_false (em_evaluation_query_set_month (query, "2024-13"));
  g_assert_false (em_evaluation_query_set_month (query, "June"));
  g_assert_null (em_evaluation_query_get_month (query));
  ASSERT_RUN (query, "HL-06 HL-05 HL-04 HL-03 HL-02 HL-01");

  FRESH (); em_evaluation_query_set_appeal_states (query, EM_APPEAL_STATE_OPEN);
  ASSERT_RUN (query, "HL-02");
  em_evaluation_query_set_appeal_states (query, EM_APPEAL_STATE_UPHELD | EM_APPEAL_STATE_OVERTURNED);
  ASSERT_RUN (query, "HL-05 HL-01");
  em_evaluation_query_set_appeal_states (query, EM_APPEAL_STATE_NONE);
  ASSERT_RUN (query, "HL-06 HL-04 HL-03");

  /* Filters combine. */
  FRESH ();
  em_evaluation_query_set_team_id (query, row_id (f->db, "SELECT id FROM teams WHERE name = '一组'"));
  em_evaluation_query_set_month (query, "2024-05");
  em_evaluation_query_set_inspector (query, "王质检");
  ASSERT_RUN (query, "HL-02");
#undef FRESH
}

static void
test_sorts (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(EmEvaluationQuery) query = em_evaluation_query_new ();

  em_evaluation_query_set_sort (query, EM_EVALUATION_SORT_TOTAL, FALSE);
  ASSERT_RUN (query, "HL-05 HL-03 HL-02 HL-06 HL-01 HL-04");
  em_evaluation_query_set_sort (query, EM_EVALUATION_SORT_TOTAL, TRUE);
  ASSERT_RUN (query, "HL-04 HL-01 HL-06 HL-02 HL-03 HL-05");
  /* Equal keys: the older call first when ascending. */
  em_evaluation_query_set_sort (query, EM_EVALUATION_SORT_TEAM, FALSE);
  ASSERT_RUN (query, "HL-01 HL-04 HL-02 HL-06 HL-03 HL-05");
  em_evaluation_query_set_sort (query, EM_EVALUATION_SORT_INSPECTOR, FALSE);
  ASSERT_RUN (query, "HL-06 HL-01 HL-03 HL-05 HL-02 HL-04");
  em_evaluation_query_set_sort (query, EM_EVALUATION_SORT_STATUS, FALSE);
  ASSERT_RUN (query, "HL-04 HL-03 HL-01 HL-02 HL-05 HL-06");
  em_evaluation_query_set_sort (query, EM_EVALUATION_SORT_APPEAL, TRUE);   /* overturned, upheld, open, none */
  ASSERT_RUN (query, "HL-01 HL-05 HL-02 HL-06 HL-04 HL-03");
  em_evaluation_query_set_sort (query, EM_EVALUATION_SORT_FATAL, TRUE);
  ASSERT_RUN (query, "HL-05 HL-04 HL-01 HL-06 HL-02 HL-03");
  em_evaluation_query_set_sort (query, EM_EVALUATION_SORT_CALL_ID, FALSE);
  ASSERT_RUN (query, "HL-01 HL-02 HL-03 HL-04 HL-05 HL-06");
}

static void
test_summary_and_lists (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmEvaluationQuery) query = em_evaluation_query_new ();
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) agents = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_auto(GStrv) inspectors = NULL;
  g_auto(GStrv) months = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *label = NULL;
  EmEvaluationSummary *summary;

  em_evaluation_query_set_sort (query, EM_EVALUATION_SORT_CALL_ID, FALSE);
  summaries = em_evaluation_query_run (query, f->db, NULL, &error);
  g_assert_no_error (error);
  summary = g_ptr_array_index (summaries, 2);   /* HL-03 */
  g_assert_cmpstr (em_evaluation_summary_get_agent_code (summary), ==, "B01");
  g_assert_cmpstr (em_evaluation_summary_get_agent_name (summary), ==, "赵磊");
  g_assert_cmpstr (em_evaluation_summary_get_team (summary), ==, "二组");
  g_assert_cmpstr (em_evaluation_summary_get_scorecard_title (summary), ==, "热线通话质检评分表");
  g_assert_cmpint (em_evaluation_summary_get_status (summary), ==, EM_EVALUATION_SUBMITTED);
  g_assert_cmpint (em_evaluation_summary_get_total (summary), ==, 7800);
  g_assert_cmpint (em_evaluation_summary_get_appeal_state (summary), ==, EM_APPEAL_STATE_NONE);
  local = em_evaluation_summary_dup_call_started_at_local (summary);
  label = g_date_time_format (local, "%Y-%m-%d %H:%M");
  g_assert_cmpstr (label, ==, "2024-05-31 23:30");
  summary = g_ptr_array_index (summaries, 4);   /* HL-05 */
  g_assert_true (em_evaluation_summary_get_fatal (summary));
  g_assert_cmpint (em_evaluation_summary_get_appeal_state (summary), ==, EM_APPEAL_STATE_UPHELD);
  g_assert_cmpint (em_evaluation_summary_get_appeal_id (summary), ==, 5);

  inspectors = em_evaluation_list_inspectors (f->db, &error);
  joined = g_strjoinv (",", inspectors);
  g_assert_cmpstr (joined, ==, "张质检,李质检,王质检");
  g_free (joined);
  months = em_evaluation_list_months (f->db, &error);
  joined = g_strjoinv (",", months);
  g_assert_cmpstr (joined, ==, "2024-06,2024-05");

  teams = em_roster_list_teams (f->db, &error);
  agents = em_roster_list_agents (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (teams->len, ==, 2);
  g_assert_cmpuint (agents->len, ==, 3);
  g_free (label);
  label = em_roster_entry_label (g_ptr_array_index (agents, 1));
  g_assert_cmpstr (label, ==, "A02 李娜");
}

/* An evaluation's history holds its appeals' rows too, oldest first. */
static void
test_audit_history (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  EmAuditEntry *entry;

  exec_ok (f->db,
           "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES "
           "(100, '李质检', 'create', 'evaluation', 1, 'total 91.00'),"
           "(300, '李质检', 'file', 'appeal', 1, 'items: a'),"
           "(200, '王组长', 'finalise', 'evaluation', 1, NULL),"
           "(150, '李质检', 'create', 'evaluation', 2, NULL),"
           "(400, '王组长', 'close', 'appeal', 2, NULL);");

  entries = em_audit_list_for_evaluation (f->db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->action, ==, "finalise");
  g_assert_cmpstr (entry->actor, ==, "王组长");
  g_assert_null (entry->detail);
  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpstr (entry->entity, ==, "appeal");
  g_assert_cmpstr (entry->detail, ==, "items: a");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/evaluation-query/filters", test_filters);
  ADD ("/evaluation-query/sorts", test_sorts);
  ADD ("/evaluation-query/summary-and-lists", test_summary_and_lists);
  ADD ("/evaluation-query/audit-history", test_audit_history);
#undef ADD

  return g_test_run ();
}

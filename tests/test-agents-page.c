/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "earmark-resources.h"
#include "em-agents-page.h"
#include "em-calls-page.h"
#include "em-chart.h"
#include "em-month.h"
#include "em-test-gui.h"
#include "em-test-util.h"
#include "em-window.h"

/* The Agents page in a real window under Xvfb, on the demo database made
 * by `earmark-cli demo --end-month 2026-10` (May to October 2026): the
 * charts hold what the monthly core computes, the costliest items are
 * what plain SQL adds up, and an evaluation opens its call.
 */

#define END_MONTH "2026-10"

static char *demo_path;

typedef struct
{
  char      *dir;
  EmDb      *db;
  EmWindow  *window;
  GtkWidget *page;
  EmScheme  *scheme;
} Fixture;

static gboolean
page_idle (gpointer data)
{
  Fixture *f = data;

  return !em_agents_page_get_busy (EM_AGENTS_PAGE (f->page));
}

/* Waits for the page's worker threads, then lets the UI settle. */
static void
wait_idle (Fixture *f)
{
  em_test_spin (20);
  g_assert_true (em_test_spin_until (page_idle, f, EM_TEST_TIMEOUT_MS));
  em_test_spin (100);
}

static GtkWidget *
page_child (Fixture    *f,
            const char *name)
{
  return em_test_template_child (f->page, EM_TYPE_AGENTS_PAGE, name);
}

static void
open_window (Fixture    *f,
             const char *db_path)
{
  g_autoptr(GError) error = NULL;

  f->db = em_db_open (db_path, &error);
  g_assert_no_error (error);
  f->scheme = em_scheme_new_default ();

  f->window = em_test_open_window (f->db, "agents", 1280, 860);
  f->page = em_test_window_child (f->window, "agents_page");
  g_assert_true (EM_IS_AGENTS_PAGE (f->page));
  wait_idle (f);
}

static void
setup_demo (Fixture       *f,
            gconstpointer  data)
{
  open_window (f, demo_path);
}

static void
setup_empty (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = em_test_make_tmpdir ();
  path = g_build_filename (f->dir, "empty.db", NULL);
  open_window (f, path);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  em_test_destroy_toplevels ();
  g_clear_object (&f->scheme);
  g_clear_object (&f->db);
  if (f->dir != NULL)
    em_test_rm_rf (f->dir);
  g_free (f->dir);
}

static gint64
query_int (EmDb       *db,
           const char *sql,
           const char *text)
{
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static GPtrArray *
compute_series (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *series;
  EmPeriod last;

  g_assert_true (em_period_parse_month (END_MONTH, &last, NULL));
  series = em_month_report_compute_series (f->db, f->scheme, &last, 12, NULL, &error);
  g_assert_no_error (error);
  return series;
}

static void
assert_same_value (double      got,
                   gboolean    known,
                   EmPoints    expected,
                   const char *what,
                   guint       month)
{
  if (!known)
    {
      if (!isnan (got))
        g_error ("%s, month %u: %g on the chart, no data expected", what, month, got);
      return;
    }
  if (isnan (got) || fabs (got - em_points_to_double (expected)) > 1e-9)
    g_error ("%s, month %u: %g on the chart, %g expected", what, month, got, em_points_to_double (expected));
}

/* The line chart holds, month by month, the agent's and the team's figures
 * of the 12-month series, with a gap where there were no calls.
 */
static void
test_history_chart (Fixture       *f,
                    gconstpointer  data)
{
  EmChart *chart = EM_CHART (page_child (f, "history_chart"));
  g_autoptr(GPtrArray) series = compute_series (f);
  EmMonthReport *last = g_ptr_array_index (series, 11);
  const EmMonthFigures *agent = em_month_report_find_agent (last, "1001");
  g_autofree char *total = NULL;
  guint n_points = 0;
  EmPeriod month;

  g_assert_true (em_agents_page_get_month (EM_AGENTS_PAGE (f->page), &month));
  g_assert_cmpint (month.year * 100 + month.index, ==, 202610);

  g_assert_true (em_agents_page_select_agent (EM_AGENTS_PAGE (f->page), "1001"));
  wait_idle (f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "detail_stack"))), ==, "agent");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (f, "name_label"))), ==, agent->name);

  g_assert_cmpuint (em_chart_get_n_categories (chart), ==, 12);
  g_assert_cmpstr (em_chart_get_category (chart, 0), ==, "2025-11");
  g_assert_cmpstr (em_chart_get_category (chart, 11), ==, END_MONTH);
  g_assert_cmpuint (em_chart_get_n_series (chart), ==, 2);
  g_assert_cmpstr (em_chart_get_series_name (chart, 0), ==, agent->name);
  g_assert_nonnull (strstr (em_chart_get_series_name (chart, 1), agent->team));

  for (guint m = 0; m < 12; m++)
    {
      EmMonthReport *report = g_ptr_array_index (series, m);
      const EmMonthFigures *mine = em_month_report_find_agent (report, "1001");
      const EmMonthFigures *team = em_month_report_find_team (report, agent->team_id);

      assert_same_value (em_chart_get_value (chart, 0, m), mine != NULL && mine->has_total,
                         mine != NULL ? mine->total : 0, "agent total", m);
      assert_same_value (em_chart_get_value (chart, 1, m), team != NULL && team->has_total,
                         team != NULL ? team->total : 0, "team total", m);
      n_points += isfinite (em_chart_get_value (chart, 0, m)) ? 1 : 0;
    }
  /* The demo has six months of calls: six points, six gaps. */
  g_assert_cmpuint (n_points, ==, 6);

  /* The grade thresholds of the scheme: 90, 80, 60 (none for 0). */
  g_assert_cmpuint (em_chart_get_n_reference_lines (chart), ==, 3);
  g_assert_cmpfloat (em_chart_get_reference_value (chart, 0), ==, 90.0);
  g_assert_cmpfloat (em_chart_get_reference_value (chart, 2), ==, 60.0);

  /* The total of the month in the header. */
  total = em_points_format_fixed (agent->total);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (f, "total_label"))), ==, total);

  /* The QA score instead. */
  em_agents_page_set_show_qa_score (EM_AGENTS_PAGE (f->page), TRUE);
  for (guint m = 0; m < 12; m++)
    {
      EmMonthReport *report = g_ptr_array_index (series, m);
      const EmMonthFigures *mine = em_month_report_find_agent (report, "1001");
      const EmMonthFigures *team = em_month_report_find_team (report, agent->team_id);

      assert_same_value (em_chart_get_value (chart, 0, m), mine != NULL && mine->has_qa_score,
                         mine != NULL ? mine->qa_score : 0, "agent QA score", m);
      assert_same_value (em_chart_get_value (chart, 1, m), team != NULL && team->has_qa_score,
                         team != NULL ? team->qa_score : 0, "team QA score", m);
    }
}

/* Another month: the chart ends with it and the list shows its totals. */
static void
test_other_month (Fixture       *f,
                  gconstpointer  data)
{
  EmChart *chart = EM_CHART (page_child (f, "history_chart"));
  g_autoptr(GError) error = NULL;
  g_autoptr(EmMonthReport) august = NULL;
  EmPeriod month = { EM_PERIOD_MONTH, 2026, 8 };
  const EmMonthFigures *agent;
  g_autofree char *total = NULL;

  g_assert_true (em_agents_page_select_agent (EM_AGENTS_PAGE (f->page), "2003"));
  wait_idle (f);
  g_assert_true (em_agents_page_set_month (EM_AGENTS_PAGE (f->page), &month));
  wait_idle (f);

  /* The same agent stays chosen. */
  g_assert_cmpstr (em_agents_page_get_selected_code (EM_AGENTS_PAGE (f->page)), ==, "2003");
  g_assert_cmpstr (em_chart_get_category (chart, 11), ==, "2026-08");

  august = em_month_report_compute (f->db, f->scheme, &month, NULL, &error);
  g_assert_no_error (error);
  agent = em_month_report_find_agent (august, "2003");
  assert_same_value (em_chart_get_value (chart, 0, 11), agent->has_total, agent->total, "August total", 11);
  total = em_points_format_fixed (agent->total);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (f, "total_label"))), ==, total);
}

/* The first bar is the item that cost the agent most over the 12 months,
 * as plain SQL adds it up from the finalised, not excluded evaluations.
 */
static void
test_deductions_chart (Fixture       *f,
                       gconstpointer  data)
{
  EmChart *chart = EM_CHART (page_child (f, "deductions_chart"));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GKeyFile) source = g_key_file_new ();
  g_autoptr(GPtrArray) top_titles = g_ptr_array_new_with_free_func (g_free);
  gint64 start, end, ignored, top = -1;
  EmPeriod first = { EM_PERIOD_MONTH, 2025, 11 }, last = { EM_PERIOD_MONTH, 2026, 10 };

  g_assert_true (em_agents_page_select_agent (EM_AGENTS_PAGE (f->page), "1003"));
  wait_idle (f);

  em_period_get_bounds (&first, &start, &ignored);
  em_period_get_bounds (&last, &ignored, &end);
  stmt = em_db_prepare (f->db,
                        "SELECT i.item_id, sum (i.deduction) AS points, max (e.scorecard_version_id)"
                        " FROM evaluations e JOIN calls c ON c.id = e.call_id"
                        " JOIN agents a ON a.id = c.agent_id"
                        " JOIN evaluation_items i ON i.evaluation_id = e.id"
                        " JOIN scorecard_versions sv ON sv.id = e.scorecard_version_id"
                        " WHERE a.code = '1003' AND e.status = 2 AND e.excluded = 0 AND i.deduction > 0"
                        "   AND c.started_at + c.utc_offset >= ?1 AND c.started_at + c.utc_offset < ?2"
                        " GROUP BY sv.scorecard_id, i.item_id ORDER BY points DESC",
                        NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, start);
  sqlite3_bind_int64 (stmt, 2, end);

  /* Every item that cost the top amount (there may be a tie). */
  while (sqlite3_step (stmt) == SQLITE_ROW && (top < 0 || sqlite3_column_int64 (stmt, 1) == top))
    {
      g_autofree char *group = g_strconcat ("Item:", (const char *) sqlite3_column_text (stmt, 0), NULL);

      g_autoptr(sqlite3_stmt) text = em_db_prepare (f->db, "SELECT source FROM scorecard_versions WHERE id = ?1", NULL);

      top = sqlite3_column_int64 (stmt, 1);
      sqlite3_bind_int64 (text, 1, sqlite3_column_int64 (stmt, 2));
      g_assert_cmpint (sqlite3_step (text), ==, SQLITE_ROW);
      g_assert_true (g_key_file_load_from_data (source, (const char *) sqlite3_column_text (text, 0), -1,
                                                G_KEY_FILE_KEEP_TRANSLATIONS, NULL));
      g_ptr_array_add (top_titles, g_key_file_get_locale_string (source, group, "Title", "en", NULL));
    }
  g_assert_cmpint (top, >, 0);

  g_assert_cmpuint (em_chart_get_n_series (chart), ==, 1);
  g_assert_cmpuint (em_chart_get_n_categories (chart), >=, 1);
  g_assert_cmpuint (em_chart_get_n_categories (chart), <=, 8);
  g_assert_cmpfloat (em_chart_get_value (chart, 0, 0), ==, em_points_to_double (top));
  g_assert_true (g_ptr_array_find_with_equal_func (top_titles, em_chart_get_category (chart, 0),
                                                   g_str_equal, NULL));
  /* Costliest first. */
  for (guint i = 1; i < em_chart_get_n_categories (chart); i++)
    g_assert_cmpfloat (em_chart_get_value (chart, 0, i), <=, em_chart_get_value (chart, 0, i - 1));
}

static void
on_open_call (EmCallsPage *page,
              EmCall      *call,
              gint64      *out_id)
{
  *out_id = em_call_get_id (call);
}

/* The agent's evaluations over the 12 months, any status; activating the
 * first (the newest call) opens that call through calls.open.
 */
static void
test_evaluations (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *calls_page = em_test_window_child (f->window, "calls_page");
  GtkColumnView *view = GTK_COLUMN_VIEW (page_child (f, "evaluations_view"));
  gint64 n_expected, newest_call, opened = 0;

  g_assert_true (em_agents_page_select_agent (EM_AGENTS_PAGE (f->page), "2005"));
  wait_idle (f);

  n_expected = query_int (f->db, "SELECT count(*) FROM evaluations e JOIN calls c ON c.id = e.call_id"
                                 " JOIN agents a ON a.id = c.agent_id WHERE a.code = ?1", "2005");
  newest_call = query_int (f->db, "SELECT c.id FROM evaluations e JOIN calls c ON c.id = e.call_id"
                                  " JOIN agents a ON a.id = c.agent_id WHERE a.code = ?1"
                                  " ORDER BY c.started_at DESC, c.id DESC LIMIT 1", "2005");
  g_assert_cmpint (n_expected, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, n_expected);

  g_signal_connect (calls_page, "open-call", G_CALLBACK (on_open_call), &opened);
  g_signal_emit_by_name (view, "activate", 0);
  g_assert_cmpint (opened, ==, newest_call);
}

static guint
n_agents_listed (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (page_child (f, "agent_list")))));
}

typedef struct
{
  Fixture *f;
  guint    n;
} Listed;

static gboolean
lists_n_agents (gpointer data)
{
  Listed *listed = data;

  return n_agents_listed (listed->f) == listed->n;
}

/* Waits until the search has narrowed the list; the caller asserts it. */
static void
wait_for_n_listed (Fixture *f,
                   guint    n)
{
  Listed listed = { f, n };

  em_test_spin_until (lists_n_agents, &listed, EM_TEST_TIMEOUT_MS);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkEditable *entry = GTK_EDITABLE (page_child (f, "search_entry"));
  gint64 n_agents = query_int (f->db, "SELECT count(*) FROM agents", NULL);
  gint64 n_team = query_int (f->db, "SELECT count(*) FROM agents a JOIN teams t ON t.id = a.team_id"
                                    " WHERE t.name = ?1", "热线二组");

  g_assert_cmpuint (n_agents_listed (f), ==, n_agents);

  gtk_editable_set_text (entry, "热线二组");
  wait_for_n_listed (f, n_team);
  g_assert_cmpuint (n_agents_listed (f), ==, n_team);

  gtk_editable_set_text (entry, "1001");
  wait_for_n_listed (f, 1);
  g_assert_cmpuint (n_agents_listed (f), ==, 1);
  g_assert_true (em_agents_page_select_agent (EM_AGENTS_PAGE (f->page), "1001"));
  g_assert_false (em_agents_page_select_agent (EM_AGENTS_PAGE (f->page), "2001"));

  gtk_editable_set_text (entry, "nobody");
  wait_for_n_listed (f, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "list_stack"))), ==, "no-results");
}

/* No calls yet: the page says what to do. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "stack"))), ==, "empty");
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

  g_test_add ("/agents-page/history-chart", Fixture, NULL, setup_demo, test_history_chart, teardown);
  g_test_add ("/agents-page/other-month", Fixture, NULL, setup_demo, test_other_month, teardown);
  g_test_add ("/agents-page/deductions-chart", Fixture, NULL, setup_demo, test_deductions_chart, teardown);
  g_test_add ("/agents-page/evaluations", Fixture, NULL, setup_demo, test_evaluations, teardown);
  g_test_add ("/agents-page/search", Fixture, NULL, setup_demo, test_search, teardown);
  g_test_add ("/agents-page/empty", Fixture, NULL, setup_empty, test_empty, teardown);

  status = g_test_run ();
  em_test_rm_rf (dir);
  g_free (demo_path);
  return status;
}

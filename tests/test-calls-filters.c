/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "earmark-resources.h"
#include "em-calls-page.h"
#include "em-demo.h"
#include "em-test-gui.h"
#include "em-test-util.h"
#include "em-window.h"

/* The Calls page's filter bar in a real window under Xvfb, on the demo
 * database (June 2024, the center at UTC+8): each filter is set through
 * its widget, and the number of calls the page shows must be what plain
 * SQL counts with the same condition.
 */

typedef struct
{
  char      *dir;
  EmDb      *db;
  EmWindow  *window;
  GtkWidget *page;
  GSettings *settings;
} Fixture;

static gpointer
child (Fixture    *f,
       const char *name)
{
  return em_test_template_child (f->page, EM_TYPE_CALLS_PAGE, name);
}

static gint64
count_sql (Fixture    *f,
           const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM calls c JOIN agents a ON a.id = c.agent_id "
                                          "LEFT JOIN teams t ON t.id = a.team_id %s", where);
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (f->db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

typedef struct
{
  Fixture    *f;
  const char *count;
} Shows;

static gboolean
shows_count (gpointer data)
{
  Shows *shows = data;
  EmCallListModel *model = em_calls_page_get_model (EM_CALLS_PAGE (shows->f->page));

  return !em_call_list_model_get_loading (model) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (child (shows->f, "count_label"))), shows->count) == 0;
}

/* Waits until the page shows @expected calls and is done counting.
 * The count label says "1,234 calls" (thousands separators in C.UTF-8:
 * none).
 */
static void
assert_shows (Fixture *f,
              gint64   expected)
{
  g_autofree char *want = g_strdup_printf ("%" G_GINT64_FORMAT " calls", expected);
  EmCallListModel *model = em_calls_page_get_model (EM_CALLS_PAGE (f->page));
  Shows shows = { f, want };

  g_assert_cmpint (expected, >, 0);
  em_test_spin (20);
  em_test_spin_until (shows_count, &shows, 20000);

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "count_label"))), ==, want);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected);
}

static void
select_label (Fixture    *f,
              const char *dropdown_name,
              const char *label)
{
  em_test_select_label (child (f, dropdown_name), label);
}

static void
pick_day (Fixture    *f,
          const char *calendar_name,
          int         year,
          int         month,
          int         day)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 12, 0, 0);

  gtk_calendar_select_day (child (f, calendar_name), date);
}

static void
click (Fixture    *f,
       const char *button_name)
{
  em_test_click (child (f, button_name));
}

static const char *
filters_label (Fixture *f)
{
  GtkWidget *label = child (f, "filters_label");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) end = g_date_time_new_utc (2024, 6, 30, 16, 0, 0);   /* all of June, center time */
  g_autofree char *path = NULL;

  f->dir = em_test_make_tmpdir ();
  path = g_build_filename (f->dir, "earmark.db", NULL);
  f->db = em_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (em_demo_create (f->db, end, NULL, NULL, &error));
  g_assert_no_error (error);

  f->settings = g_settings_new (APP_ID);
  g_settings_set_string (f->settings, "inspector-name", "");

  f->window = em_test_open_window (f->db, NULL, 1200, 800);
  f->page = em_test_window_child (f->window, "calls_page");
  em_test_spin (300);
  assert_shows (f, count_sql (f, ""));
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  em_test_destroy_toplevels ();
  g_clear_object (&f->settings);
  g_clear_object (&f->db);
  em_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
test_each_filter (Fixture       *f,
                  gconstpointer  data)
{
  gint64 all = count_sql (f, "");

  g_assert_null (filters_label (f));
  g_assert_false (gtk_widget_is_sensitive (child (f, "clear_filters_button")));

  select_label (f, "team_dropdown", "热线二组");
  assert_shows (f, count_sql (f, "WHERE t.name = '热线二组'"));
  g_assert_cmpstr (filters_label (f), ==, "1 filter on");
  g_assert_true (gtk_widget_has_css_class (child (f, "team_dropdown"), "filter-active"));
  select_label (f, "team_dropdown", "All teams");
  assert_shows (f, all);

  select_label (f, "agent_dropdown", "1001 王芳");
  assert_shows (f, count_sql (f, "WHERE a.code = '1001'"));
  select_label (f, "agent_dropdown", "All agents");

  /* 3 to 5 June, whole days at UTC+8. */
  pick_day (f, "from_calendar", 2024, 6, 3);
  assert_shows (f, count_sql (f, "WHERE c.started_at >= 1717344000"));   /* 2024-06-03 00:00 +08 */
  pick_day (f, "to_calendar", 2024, 6, 5);
  assert_shows (f, count_sql (f, "WHERE c.started_at >= 1717344000 AND c.started_at < 1717603200"));
  g_assert_cmpstr (gtk_menu_button_get_label (child (f, "date_button")), ==, "2024-06-03 – 2024-06-05");
  gtk_check_button_set_active (child (f, "from_check"), FALSE);
  gtk_check_button_set_active (child (f, "to_check"), FALSE);
  assert_shows (f, all);

  /* Lengths as seconds or m:ss, both ends included. */
  gtk_editable_set_text (child (f, "min_duration_entry"), "1:00");
  gtk_editable_set_text (child (f, "max_duration_entry"), "120");
  assert_shows (f, count_sql (f, "WHERE c.duration_s BETWEEN 60 AND 120"));
  g_assert_cmpstr (gtk_menu_button_get_label (child (f, "duration_button")), ==, "01:00 – 02:00");
  gtk_editable_set_text (child (f, "max_duration_entry"), "two minutes");   /* ignored, marked */
  assert_shows (f, count_sql (f, "WHERE c.duration_s >= 60"));
  g_assert_true (gtk_widget_has_css_class (child (f, "max_duration_entry"), "error"));
  gtk_editable_set_text (child (f, "min_duration_entry"), "");
  gtk_editable_set_text (child (f, "max_duration_entry"), "");
  assert_shows (f, all);

  /* The sampling rule's short calls, from the popover's button. */
  g_signal_emit_by_name (gtk_widget_get_first_child (gtk_widget_get_last_child (
    GTK_WIDGET (gtk_popover_get_child (gtk_menu_button_get_popover (child (f, "duration_button")))))), "clicked");
  assert_shows (f, count_sql (f, "WHERE c.duration_s < 20"));
  gtk_editable_set_text (child (f, "max_duration_entry"), "");

  select_label (f, "direction_dropdown", "Outbound");
  assert_shows (f, count_sql (f, "WHERE c.direction = 2"));

  /* Filters combine: outbound calls of 热线一组. */
  select_label (f, "team_dropdown", "热线一组");
  assert_shows (f, count_sql (f, "WHERE c.direction = 2 AND t.name = '热线一组'"));
  g_assert_cmpstr (filters_label (f), ==, "2 filters on");

  /* Clear Filters puts every call back, and the search too. */
  gtk_editable_set_text (child (f, "search_entry"), "王芳");
  assert_shows (f, count_sql (f, "WHERE c.direction = 2 AND t.name = '热线一组' AND a.name = '王芳'"));
  click (f, "clear_filters_button");
  assert_shows (f, all);
  em_test_spin (400);   /* the search entry reports its own change later */
  assert_shows (f, all);
  g_assert_cmpstr (gtk_editable_get_text (child (f, "search_entry")), ==, "");
  g_assert_null (filters_label (f));
  g_assert_false (gtk_widget_is_sensitive (child (f, "clear_filters_button")));
  g_assert_cmpuint (gtk_drop_down_get_selected (child (f, "team_dropdown")), ==, 0);
  g_assert_false (gtk_widget_has_css_class (child (f, "team_dropdown"), "filter-active"));
}

/* The demo database has each month's sampling plan, its calls shared
 * between two inspectors, and evaluations of many of them.
 */
static void
test_not_evaluated_and_assigned (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *mine_sql = NULL;
  g_autofree char *theirs_sql = NULL;
  g_autofree char *todo_sql = NULL;
  gint64 mine;

  stmt = em_db_prepare (f->db, "SELECT DISTINCT inspector FROM sampled_calls WHERE inspector IS NOT NULL "
                               "ORDER BY inspector", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  second = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  mine_sql = g_strdup_printf ("WHERE c.id IN (SELECT call_id FROM sampled_calls WHERE inspector = '%s')", first);
  theirs_sql = g_strdup_printf ("WHERE c.id IN (SELECT call_id FROM sampled_calls WHERE inspector = '%s')", second);
  todo_sql = g_strdup_printf ("%s AND NOT EXISTS (SELECT 1 FROM evaluations WHERE call_id = c.id)", mine_sql);

  gtk_check_button_set_active (child (f, "not_evaluated_check"), TRUE);
  assert_shows (f, count_sql (f, "WHERE NOT EXISTS (SELECT 1 FROM evaluations WHERE call_id = c.id)"));
  g_assert_cmpint (count_sql (f, "WHERE NOT EXISTS (SELECT 1 FROM evaluations WHERE call_id = c.id)"), <,
                   count_sql (f, ""));
  gtk_check_button_set_active (child (f, "not_evaluated_check"), FALSE);

  gtk_check_button_set_active (child (f, "sampled_check"), TRUE);
  assert_shows (f, count_sql (f, "WHERE c.id IN (SELECT call_id FROM sampled_calls)"));
  gtk_check_button_set_active (child (f, "sampled_check"), FALSE);

  /* "Assigned to me" needs the inspector's name. */
  g_assert_false (gtk_widget_is_sensitive (child (f, "assigned_check")));
  g_settings_set_string (f->settings, "inspector-name", first);
  em_test_spin (50);
  g_assert_true (gtk_widget_is_sensitive (child (f, "assigned_check")));
  gtk_check_button_set_active (child (f, "assigned_check"), TRUE);
  mine = count_sql (f, mine_sql);
  g_assert_cmpint (mine, <, count_sql (f, "WHERE c.id IN (SELECT call_id FROM sampled_calls)"));
  assert_shows (f, mine);

  /* Someone else at this computer: the filter follows the name. */
  g_settings_set_string (f->settings, "inspector-name", second);
  assert_shows (f, count_sql (f, theirs_sql));

  /* Mine and not yet evaluated: what is left to do. */
  g_settings_set_string (f->settings, "inspector-name", first);
  gtk_check_button_set_active (child (f, "not_evaluated_check"), TRUE);
  assert_shows (f, count_sql (f, todo_sql));
  g_assert_cmpint (count_sql (f, todo_sql), <, mine);

  click (f, "clear_filters_button");
  assert_shows (f, count_sql (f, ""));
  g_assert_false (gtk_check_button_get_active (child (f, "assigned_check")));
  g_assert_false (gtk_check_button_get_active (child (f, "not_evaluated_check")));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  earmark_register_resource ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/calls-filters/each-filter", test_each_filter);
  ADD ("/calls-filters/not-evaluated-and-assigned", test_not_evaluated_and_assigned);
#undef ADD

  return g_test_run ();
}

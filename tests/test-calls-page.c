/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "earmark-resources.h"
#include "em-calls-page.h"
#include "em-demo.h"
#include "em-test-util.h"
#include "em-window.h"

/* The Calls page in a real window under Xvfb, on the demo database: what
 * the inspector sees (the rows drawn, the count, the empty state), with
 * the expected values read from the database by plain SQL.
 */

typedef struct
{
  char      *dir;
  EmDb      *db;
  EmWindow  *window;
  GtkWidget *page;
} Fixture;

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

typedef gboolean (*Condition) (Fixture *f);

static gboolean
spin_until (Fixture   *f,
            Condition  condition)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < until)
    {
      if (condition (f))
        {
          spin (50);
          return TRUE;
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return FALSE;
}

static GtkWidget *
page_child (Fixture    *f,
            const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (f->page, EM_TYPE_CALLS_PAGE, name));
}

static char *
query_text (EmDb       *db,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
open_window (Fixture *f,
             gboolean demo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = em_test_make_tmpdir ();
  path = g_build_filename (f->dir, "earmark.db", NULL);
  f->db = em_db_open (path, &error);
  g_assert_no_error (error);

  if (demo)
    {
      /* The whole of June 2024 in the center's time. */
      g_autoptr(GDateTime) end = g_date_time_new_utc (2024, 6, 30, 16, 0, 0);

      g_assert_true (em_demo_create (f->db, end, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  f->window = em_window_new (NULL, f->db);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  f->page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), EM_TYPE_WINDOW, "calls_page"));
  g_assert_true (EM_IS_CALLS_PAGE (f->page));
  spin (300);
}

static void
setup_demo (Fixture       *f,
            gconstpointer  data)
{
  open_window (f, TRUE);
}

static void
setup_empty (Fixture       *f,
             gconstpointer  data)
{
  open_window (f, FALSE);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  spin (50);
  g_clear_object (&f->db);
  em_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* The labels drawn in the column view, row by row from the top, for the
 * column whose text looks like @prefix (call ids start with "HL").
 */
static void
collect_labels (GtkWidget *widget,
                GtkWidget *view,
                GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child))
        g_ptr_array_add (out, child);
      collect_labels (child, view, out);
    }
}

static double
label_y (GtkWidget *label,
         GtkWidget *view)
{
  graphene_point_t point = GRAPHENE_POINT_INIT (0, 0), out;

  g_assert_true (gtk_widget_compute_point (label, view, &point, &out));
  return out.y;
}

static const char *
first_row_text (Fixture    *f,
                const char *prefix)
{
  GtkWidget *view = page_child (f, "column_view");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  const char *best = NULL;
  double best_y = G_MAXDOUBLE;

  collect_labels (view, view, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      double y = label_y (GTK_WIDGET (label), view);

      if (g_str_has_prefix (gtk_label_get_text (label), prefix) && y < best_y)
        best = gtk_label_get_text (label), best_y = y;
    }

  return best;
}

static guint
n_rows_drawn (Fixture    *f,
              const char *prefix)
{
  GtkWidget *view = page_child (f, "column_view");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n = 0;

  collect_labels (view, view, labels);
  for (guint i = 0; i < labels->len; i++)
    n += g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), prefix) ? 1 : 0;
  return n;
}

static const char *
visible_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "stack")));
}

static void
test_demo_calls_listed (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *n_calls = query_text (f->db, "SELECT count(*) FROM calls");
  g_autofree char *newest = query_text (f->db, "SELECT external_id FROM calls "
                                               "ORDER BY started_at DESC, id DESC LIMIT 1");
  g_autofree char *count = g_strdup_printf ("%s calls", n_calls);

  g_assert_cmpstr (visible_page (f), ==, "calls");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (f, "count_label"))), ==, count);

  /* Newest first, and the screen is full of rows (not the whole list). */
  g_assert_cmpstr (first_row_text (f, "HL"), ==, newest);
  g_assert_cmpuint (n_rows_drawn (f, "HL"), >=, 20);
  g_assert_cmpuint (n_rows_drawn (f, "HL"), <, 400);
}

static GtkColumnViewColumn *
column_titled (Fixture    *f,
               const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (page_child (f, "column_view")));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_str_equal (gtk_column_view_column_get_title (column), title))
        return column;
    }
  g_assert_not_reached ();
}

static gboolean
first_row_changed (Fixture *f)
{
  const char *first = first_row_text (f, "HL");
  const char *before = g_object_get_data (G_OBJECT (f->page), "test-before");

  return first != NULL && g_strcmp0 (first, before) != 0;
}

/* What a click on a header does: the column view's sorter changes, and
 * the list is sorted by that column in SQL.
 */
static void
test_sort_by_header (Fixture       *f,
                     gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (page_child (f, "column_view"));
  g_autofree char *longest = query_text (f->db, "SELECT external_id FROM calls "
                                                "ORDER BY duration_s DESC, started_at DESC, id DESC LIMIT 1");
  g_autofree char *shortest = query_text (f->db, "SELECT external_id FROM calls "
                                                 "ORDER BY duration_s, started_at, id LIMIT 1");
  g_autofree char *first_code = query_text (f->db, "SELECT a.code || ' ' || a.name FROM calls c "
                                                   "JOIN agents a ON a.id = c.agent_id "
                                                   "ORDER BY a.code, c.started_at, c.id LIMIT 1");

  g_object_set_data_full (G_OBJECT (f->page), "test-before", g_strdup (first_row_text (f, "HL")), g_free);
  gtk_column_view_sort_by_column (view, column_titled (f, "Duration"), GTK_SORT_DESCENDING);
  g_assert_true (spin_until (f, first_row_changed));
  g_assert_cmpstr (first_row_text (f, "HL"), ==, longest);

  gtk_column_view_sort_by_column (view, column_titled (f, "Duration"), GTK_SORT_ASCENDING);
  spin (200);
  g_assert_cmpstr (first_row_text (f, "HL"), ==, shortest);

  gtk_column_view_sort_by_column (view, column_titled (f, "Agent"), GTK_SORT_ASCENDING);
  spin (200);
  g_assert_cmpstr (first_row_text (f, "1001 "), ==, first_code);
  g_assert_cmpstr (first_row_text (f, "2006 "), ==, NULL);   /* the last agent is far below */
}

static gboolean
count_is_wang_fang (Fixture *f)
{
  const char *expected = g_object_get_data (G_OBJECT (f->page), "test-count");

  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (page_child (f, "count_label"))), expected) == 0;
}

static gboolean
shows_no_results (Fixture *f)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "results_stack"))),
                    "no-results") == 0;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkEditable *entry = GTK_EDITABLE (page_child (f, "search_entry"));
  g_autofree char *n_calls = query_text (f->db, "SELECT count(*) FROM calls c JOIN agents a "
                                                "ON a.id = c.agent_id WHERE a.name = '王芳'");

  g_object_set_data_full (G_OBJECT (f->page), "test-count", g_strdup_printf ("%s calls", n_calls), g_free);
  gtk_editable_set_text (entry, "王芳");
  g_assert_true (spin_until (f, count_is_wang_fang));

  /* Every agent drawn is 王芳 (1001). */
  g_assert_cmpuint (n_rows_drawn (f, "1001 王芳"), >=, 20);
  g_assert_cmpuint (n_rows_drawn (f, "1001 王芳"), ==, n_rows_drawn (f, "HL"));

  gtk_editable_set_text (entry, "no such call");
  g_assert_true (spin_until (f, shows_no_results));
  g_assert_cmpstr (visible_page (f), ==, "calls");   /* the search stays reachable */
}

static void
on_open_call (EmCallsPage *page,
              EmCall      *call,
              char       **out_id)
{
  g_free (*out_id);
  *out_id = g_strdup (em_call_get_external_id (call));
}

static void
test_row_activation_opens_call (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *opened = NULL;
  g_autofree char *newest = query_text (f->db, "SELECT external_id FROM calls "
                                               "ORDER BY started_at DESC, id DESC LIMIT 1");

  g_signal_connect (f->page, "open-call", G_CALLBACK (on_open_call), &opened);
  g_signal_emit_by_name (page_child (f, "column_view"), "activate", 0);
  g_assert_cmpstr (opened, ==, newest);
}

static gboolean
shows_calls (Fixture *f)
{
  return g_strcmp0 (visible_page (f), "calls") == 0;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return child;
      if ((found = find_button (child, action_name)))
        return found;
    }
  return NULL;
}

static void
test_empty_state_and_demo (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *n_calls = NULL;
  g_autofree char *count = NULL;

  g_assert_cmpstr (visible_page (f), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (page_child (f, "empty_page")));
  g_assert_true (gtk_widget_is_sensitive (find_button (page_child (f, "empty_page"), "calls.import")));
  g_assert_true (gtk_widget_is_sensitive (find_button (page_child (f, "empty_page"), "calls.load-demo")));

  /* "Load Demo Data" fills the database in a thread, then lists it. */
  g_assert_true (gtk_widget_activate_action (f->page, "calls.load-demo", NULL));
  g_assert_true (spin_until (f, shows_calls));

  n_calls = query_text (f->db, "SELECT count(*) FROM calls");
  count = g_strdup_printf ("%s calls", n_calls);
  g_assert_cmpint (atoi (n_calls), >, 2000);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (f, "count_label"))), ==, count);
  g_assert_nonnull (first_row_text (f, "HL"));
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
dialog_shown (Fixture *f)
{
  return find_dialog () != NULL;
}

static gboolean
two_calls_listed (Fixture *f)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (page_child (f, "count_label"))), "2 calls") == 0;
}

/* A CSV with a bad row is refused with the row listed; "Import Good Rows
 * Only" imports the rest.
 */
static void
test_import_bad_rows (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *csv_path = g_build_filename (f->dir, "calls.csv", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  AdwMessageDialog *dialog;
  g_autofree char *n_before = NULL;
  g_autofree char *n_after = NULL;
  GtkWidget *extra;

  em_test_write_file (csv_path,
                      "call_id,agent_code,agent_name,started_at,duration\n"
                      "C1,1001,王芳,2024-06-03 09:00:00,120\n"
                      "C2,1002,李娜,2024-06-03 09:05:00,01:30\n"
                      "C3,1003,张伟,2024-06-03 09:10:00,abc\n", -1);

  em_calls_page_import_file (EM_CALLS_PAGE (f->page), csv);
  g_assert_true (spin_until (f, dialog_shown));

  dialog = find_dialog ();
  n_before = query_text (f->db, "SELECT count(*) FROM calls");
  g_assert_cmpstr (n_before, ==, "0");
  g_assert_true (adw_message_dialog_has_response (dialog, "skip"));
  extra = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (extra);
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    const char *text;

    collect_labels (extra, extra, labels);
    g_assert_cmpuint (labels->len, ==, 1);
    text = gtk_label_get_text (g_ptr_array_index (labels, 0));
    g_assert_nonnull (strstr (text, "Line 4"));
    g_assert_nonnull (strstr (text, "duration"));
  }

  adw_message_dialog_response (dialog, "skip");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (spin_until (f, two_calls_listed));

  n_after = query_text (f->db, "SELECT group_concat(external_id) FROM (SELECT external_id FROM calls "
                               "ORDER BY external_id)");
  g_assert_cmpstr (n_after, ==, "C1,C2");
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  earmark_register_resource ();

#define ADD(path, setup, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/calls-page/demo-calls-listed", setup_demo, test_demo_calls_listed);
  ADD ("/calls-page/sort-by-header", setup_demo, test_sort_by_header);
  ADD ("/calls-page/search", setup_demo, test_search);
  ADD ("/calls-page/row-activation-opens-call", setup_demo, test_row_activation_opens_call);
  ADD ("/calls-page/empty-state-and-demo", setup_empty, test_empty_state_and_demo);
  ADD ("/calls-page/import-bad-rows", setup_empty, test_import_bad_rows);
#undef ADD

  return g_test_run ();
}

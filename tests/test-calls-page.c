/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "earmark-resources.h"
#include "em-calls-page.h"
#include "em-demo.h"
#include "em-test-gui.h"
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

static GtkWidget *
page_child (Fixture    *f,
            const char *name)
{
  return em_test_template_child (f->page, EM_TYPE_CALLS_PAGE, name);
}

static gboolean
spin_until (Fixture         *f,
            EmTestCondition  condition)
{
  return em_test_spin_until (condition, f, 20000);
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

  f->window = em_test_open_window (f->db, NULL, 1200, 800);
  f->page = em_test_window_child (f->window, "calls_page");
  g_assert_true (EM_IS_CALLS_PAGE (f->page));
  em_test_spin (300);
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
  em_test_destroy_toplevels ();
  g_clear_object (&f->db);
  em_test_rm_rf (f->dir);
  g_free (f->dir);
}

static const char *
first_row_text (Fixture    *f,
                const char *prefix)
{
  return em_test_first_drawn_text (page_child (f, "column_view"), prefix);
}

static guint
n_rows_drawn (Fixture    *f,
              const char *prefix)
{
  return em_test_n_drawn (page_child (f, "column_view"), prefix);
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
  g_autofree char *n_calls = em_test_query_text (f->db, "SELECT count(*) FROM calls");
  g_autofree char *newest = em_test_query_text (f->db, "SELECT external_id FROM calls "
                                                       "ORDER BY started_at DESC, id DESC LIMIT 1");
  g_autofree char *count = g_strdup_printf ("%s calls", n_calls);

  g_assert_cmpstr (visible_page (f), ==, "calls");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (f, "count_label"))), ==, count);

  /* Newest first, and the screen is full of rows (not the whole list). */
  g_assert_cmpstr (first_row_text (f, "HL"), ==, newest);
  g_assert_cmpuint (n_rows_drawn (f, "HL"), >=, 20);
  g_assert_cmpuint (n_rows_drawn (f, "HL"), <, 400);
}

static gboolean
first_row_changed (gpointer data)
{
  Fixture *f = data;
  const char *first = first_row_text (f, "HL");
  const char *before = g_object_get_data (G_OBJECT (f->page), "test-before");

  return first != NULL && g_strcmp0 (first, before) != 0;
}

typedef struct
{
  Fixture    *f;
  const char *prefix;
  const char *expected;
} FirstRow;

static gboolean
first_row_is (gpointer data)
{
  FirstRow *row = data;

  return g_strcmp0 (first_row_text (row->f, row->prefix), row->expected) == 0;
}

/* Waits until the first row drawn is the one expected (after a new
 * sort); the caller asserts it.
 */
static void
wait_for_first_row (Fixture    *f,
                    const char *prefix,
                    const char *expected)
{
  FirstRow row = { f, prefix, expected };

  em_test_spin_until (first_row_is, &row, 20000);
}

/* Sorted by agent: the first agent's first call on top, and no row of
 * the last agent drawn any more (while a slow machine is still binding
 * the rows of the sort before, both may be on screen for a moment).
 */
static gboolean
agent_sort_drawn (gpointer data)
{
  FirstRow *row = data;

  return g_strcmp0 (first_row_text (row->f, row->prefix), row->expected) == 0 &&
         first_row_text (row->f, "2006 ") == NULL;
}

/* What a click on a header does: the column view's sorter changes, and
 * the list is sorted by that column in SQL.
 */
static void
test_sort_by_header (Fixture       *f,
                     gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (page_child (f, "column_view"));
  g_autofree char *longest = em_test_query_text (f->db, "SELECT external_id FROM calls "
                                                        "ORDER BY duration_s DESC, started_at DESC, id DESC LIMIT 1");
  g_autofree char *shortest = em_test_query_text (f->db, "SELECT external_id FROM calls "
                                                         "ORDER BY duration_s, started_at, id LIMIT 1");
  g_autofree char *first_code = em_test_query_text (f->db, "SELECT a.code || ' ' || a.name FROM calls c "
                                                           "JOIN agents a ON a.id = c.agent_id "
                                                           "ORDER BY a.code, c.started_at, c.id LIMIT 1");

  g_object_set_data_full (G_OBJECT (f->page), "test-before", g_strdup (first_row_text (f, "HL")), g_free);
  gtk_column_view_sort_by_column (view, em_test_column_titled (view, "Duration"), GTK_SORT_DESCENDING);
  g_assert_true (spin_until (f, first_row_changed));
  g_assert_cmpstr (first_row_text (f, "HL"), ==, longest);

  gtk_column_view_sort_by_column (view, em_test_column_titled (view, "Duration"), GTK_SORT_ASCENDING);
  wait_for_first_row (f, "HL", shortest);
  g_assert_cmpstr (first_row_text (f, "HL"), ==, shortest);

  gtk_column_view_sort_by_column (view, em_test_column_titled (view, "Agent"), GTK_SORT_ASCENDING);
  em_test_spin_until (agent_sort_drawn, &(FirstRow) { f, "1001 ", first_code }, 20000);
  g_assert_cmpstr (first_row_text (f, "1001 "), ==, first_code);
  g_assert_cmpstr (first_row_text (f, "2006 "), ==, NULL);   /* the last agent is far below */
}

static gboolean
count_is_wang_fang (gpointer data)
{
  Fixture *f = data;
  const char *expected = g_object_get_data (G_OBJECT (f->page), "test-count");

  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (page_child (f, "count_label"))), expected) == 0;
}

static gboolean
shows_no_results (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "results_stack"))),
                    "no-results") == 0;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkEditable *entry = GTK_EDITABLE (page_child (f, "search_entry"));
  g_autofree char *n_calls = em_test_query_text (f->db, "SELECT count(*) FROM calls c JOIN agents a "
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

static gboolean
opened_a_call (gpointer data)
{
  char **opened = data;

  return *opened != NULL;
}

static void
test_row_activation_opens_call (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *opened = NULL;
  g_autofree char *newest = em_test_query_text (f->db, "SELECT external_id FROM calls "
                                                       "ORDER BY started_at DESC, id DESC LIMIT 1");

  g_signal_connect (f->page, "open-call", G_CALLBACK (on_open_call), &opened);
  g_signal_emit_by_name (page_child (f, "column_view"), "activate", 0);
  g_assert_cmpstr (opened, ==, newest);
}

/* Enter in the search opens the first call listed: a call id typed in
 * full, Enter pressed before the search delay is over.  With
 * @delayed_signal the entry's own delayed "search-changed" comes after
 * Enter while the search is still running (a million calls, a slow
 * machine): the call Enter asked for still opens.
 */
static void
assert_search_enter_opens_call (Fixture  *f,
                                gboolean  delayed_signal)
{
  GtkWidget *entry = page_child (f, "search_entry");
  g_autofree char *opened = NULL;
  g_autofree char *oldest = em_test_query_text (f->db, "SELECT external_id FROM calls "
                                                       "ORDER BY started_at, id LIMIT 1");

  g_signal_connect (f->page, "open-call", G_CALLBACK (on_open_call), &opened);
  gtk_editable_set_text (GTK_EDITABLE (entry), oldest);
  g_signal_emit_by_name (entry, "activate");
  if (delayed_signal)
    g_signal_emit_by_name (entry, "search-changed");
  g_assert_true (em_test_spin_until (opened_a_call, &opened, 20000));
  g_assert_cmpstr (opened, ==, oldest);
}

static void
test_search_enter_opens_call (Fixture       *f,
                              gconstpointer  data)
{
  assert_search_enter_opens_call (f, FALSE);
}

static void
test_search_enter_then_delayed_signal (Fixture       *f,
                                       gconstpointer  data)
{
  assert_search_enter_opens_call (f, TRUE);
}

static gboolean
shows_calls (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (visible_page (f), "calls") == 0;
}

static void
test_empty_state_and_demo (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *n_calls = NULL;
  g_autofree char *count = NULL;

  g_assert_cmpstr (visible_page (f), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (page_child (f, "empty_page")));
  g_assert_true (gtk_widget_is_sensitive (em_test_find_action_button (page_child (f, "empty_page"), "calls.import")));
  g_assert_true (gtk_widget_is_sensitive (em_test_find_action_button (page_child (f, "empty_page"), "calls.load-demo")));

  /* "Load Demo Data" fills the database in a thread, then lists it. */
  g_assert_true (gtk_widget_activate_action (f->page, "calls.load-demo", NULL));
  g_assert_true (spin_until (f, shows_calls));

  n_calls = em_test_query_text (f->db, "SELECT count(*) FROM calls");
  count = g_strdup_printf ("%s calls", n_calls);
  g_assert_cmpint (atoi (n_calls), >, 2000);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (f, "count_label"))), ==, count);
  g_assert_nonnull (first_row_text (f, "HL"));
}

static gboolean
dialog_shown (gpointer data)
{
  return em_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
two_calls_listed (gpointer data)
{
  Fixture *f = data;

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

  dialog = ADW_MESSAGE_DIALOG (em_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  n_before = em_test_query_text (f->db, "SELECT count(*) FROM calls");
  g_assert_cmpstr (n_before, ==, "0");
  g_assert_true (adw_message_dialog_has_response (dialog, "skip"));
  extra = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (extra);
  {
    g_autoptr(GPtrArray) labels = em_test_shown_labels (extra);
    const char *text;

    g_assert_cmpuint (labels->len, ==, 1);
    text = gtk_label_get_text (g_ptr_array_index (labels, 0));
    g_assert_nonnull (strstr (text, "Line 4"));
    g_assert_nonnull (strstr (text, "duration"));
  }

  adw_message_dialog_response (dialog, "skip");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (spin_until (f, two_calls_listed));

  n_after = em_test_query_text (f->db, "SELECT group_concat(external_id) FROM (SELECT external_id FROM calls "
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
  ADD ("/calls-page/search-enter-opens-call", setup_demo, test_search_enter_opens_call);
  ADD ("/calls-page/search-enter-then-delayed-signal", setup_demo, test_search_enter_then_delayed_signal);
  ADD ("/calls-page/empty-state-and-demo", setup_empty, test_empty_state_and_demo);
  ADD ("/calls-page/import-bad-rows", setup_empty, test_import_bad_rows);
#undef ADD

  return g_test_run ();
}

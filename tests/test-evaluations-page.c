/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "earmark-resources.h"
#include "em-appeal-decide-dialog.h"
#include "em-appeal-file-dialog.h"
#include "em-calls-page.h"
#include "em-demo.h"
#include "em-evaluation-detail.h"
#include "em-evaluation-store.h"
#include "em-evaluations-page.h"
#include "em-scorecard-store.h"
#include "em-shipped-scorecards.h"
#include "em-test-gui.h"
#include "em-test-util.h"
#include "em-window.h"

/* The Evaluations page in a real window under Xvfb, on the demo database
 * (six months of calls and their evaluations) plus one evaluation made
 * here with the hotline scorecard: 服务禁语 twice (−4 from 服务用语) and
 * the call closed before confirming the issue was solved (−5): 91.  The
 * appeal goes through the real dialogs' buttons and must leave 95 in the
 * database.
 */

typedef struct
{
  char      *dir;
  EmDb      *db;
  EmWindow  *window;
  GtkWidget *page;
  GSettings *settings;
  gint64     evaluation;    /* the hotline evaluation made here */
  gint64     call;
} Fixture;

static gpointer
child (Fixture    *f,
       const char *name)
{
  return em_test_template_child (f->page, EM_TYPE_EVALUATIONS_PAGE, name);
}

static gint64
sql_int (Fixture    *f,
         const char *sql)
{
  return em_test_query_int (f->db, sql);
}

static guint
n_listed (Fixture *f)
{
  return g_list_model_get_n_items (em_evaluations_page_get_model (EM_EVALUATIONS_PAGE (f->page)));
}

typedef struct
{
  Fixture *f;
  gint64   expected;
} Listed;

static gboolean
lists (gpointer data)
{
  Listed *listed = data;

  return !em_evaluations_page_get_loading (EM_EVALUATIONS_PAGE (listed->f->page)) &&
         n_listed (listed->f) == listed->expected;
}

/* Waits until the page has read the list and shows @expected rows. */
static void
assert_lists (Fixture *f,
              gint64   expected)
{
  Listed listed = { f, expected };

  em_test_spin (20);
  em_test_spin_until (lists, &listed, 20000);
  g_assert_false (em_evaluations_page_get_loading (EM_EVALUATIONS_PAGE (f->page)));
  g_assert_cmpuint (n_listed (f), ==, expected);
}

static void
select_label (Fixture    *f,
              const char *dropdown_name,
              const char *label)
{
  em_test_select_label (child (f, dropdown_name), label);
}

/* A finalised evaluation with the hotline scorecard, on the newest call. */
static void
make_hotline_evaluation (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmEvaluationStore) store = em_evaluation_store_new (f->db);
  g_autoptr(EmScorecard) scorecard = em_shipped_scorecard_load ("hotline-call-qa.scorecard", &error);
  g_autoptr(EmAnswers) answers = NULL;
  gint64 version;

  g_assert_no_error (error);
  version = em_scorecard_store_import (f->db, scorecard, "组长", NULL, &error);
  answers = em_answers_new_from_data ("[Evaluation]\nScorecard=hotline-call-qa\n"
                                      "[Item:attitude.warmth]\nScore=9\n"
                                      "[Item:language.taboo]\nOccurrences=2\nMoments=12.5;97\nNote=直呼客户“喂”\n"
                                      "[Item:control.confirm]\nResult=fail\nNote=未确认问题已解决即挂机\n",
                                      -1, "answers", &error);
  g_assert_no_error (error);

  f->call = sql_int (f, "SELECT id FROM calls ORDER BY started_at DESC, id DESC LIMIT 1");
  f->evaluation = em_evaluation_store_create (store, f->call, version, "测试质检", answers, &error);
  g_assert_no_error (error);
  g_assert_true (em_evaluation_store_finalise (store, f->evaluation, "王组长", &error));
  g_assert_no_error (error);
}

static void
open_window (Fixture  *f,
             gboolean  demo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = em_test_make_tmpdir ();
  path = g_build_filename (f->dir, "earmark.db", NULL);
  f->db = em_db_open (path, &error);
  g_assert_no_error (error);
  if (demo)
    {
      g_autoptr(GDateTime) end = g_date_time_new_utc (2024, 6, 30, 16, 0, 0);

      g_assert_true (em_demo_create (f->db, end, NULL, NULL, &error));
      g_assert_no_error (error);
      make_hotline_evaluation (f);
    }

  f->settings = g_settings_new (APP_ID);
  g_settings_set_string (f->settings, "inspector-name", "");

  f->window = em_test_open_window (f->db, "evaluations", 1200, 800);
  f->page = em_test_window_child (f->window, "evaluations_page");
  em_test_spin (300);
}

static void
setup_demo (Fixture       *f,
            gconstpointer  data)
{
  open_window (f, TRUE);
  assert_lists (f, sql_int (f, "SELECT count(*) FROM evaluations"));
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
  g_clear_object (&f->settings);
  g_clear_object (&f->db);
  em_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
test_rows_and_filters (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *newest = em_test_query_text (f->db, "SELECT c.external_id FROM evaluations e JOIN calls c ON c.id = e.call_id "
                                         "ORDER BY c.started_at DESC, e.id DESC LIMIT 1");
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT " evaluations",
                                            sql_int (f, "SELECT count(*) FROM evaluations"));
  gint64 finalised = sql_int (f, "SELECT count(*) FROM evaluations WHERE status = 2");
  gint64 chen = sql_int (f, "SELECT count(*) FROM evaluations WHERE inspector = '陈晓'");

  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM evaluations"), >, 100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "stack")), ==, "evaluations");
  g_assert_cmpstr (gtk_label_get_text (child (f, "count_label")), ==, count);
  g_assert_true (em_test_shows_text (GTK_WIDGET (child (f, "column_view")), newest));

  /* Status: finalised only. */
  select_label (f, "status_dropdown", "Finalised");
  assert_lists (f, finalised);
  g_assert_cmpint (finalised, <, sql_int (f, "SELECT count(*) FROM evaluations"));

  /* And one inspector's. */
  select_label (f, "inspector_dropdown", "陈晓");
  assert_lists (f, sql_int (f, "SELECT count(*) FROM evaluations WHERE status = 2 AND inspector = '陈晓'"));
  g_assert_cmpstr (gtk_label_get_text (child (f, "filters_label")), ==, "2 filters on");

  /* "Mine" is the inspector-name setting. */
  select_label (f, "status_dropdown", "All statuses");
  assert_lists (f, chen);
  g_settings_set_string (f->settings, "inspector-name", "陈晓");
  em_test_spin (50);
  select_label (f, "inspector_dropdown", "Mine (陈晓)");
  assert_lists (f, chen);
  g_settings_set_string (f->settings, "inspector-name", "测试质检");
  assert_lists (f, 1);

  /* Grade bands: failing totals (below 60) of the month. */
  em_test_click (GTK_WIDGET (child (f, "clear_filters_button")));
  assert_lists (f, sql_int (f, "SELECT count(*) FROM evaluations"));
  select_label (f, "month_dropdown", "2024-05");
  gtk_editable_set_text (child (f, "max_score_entry"), "59.99");
  assert_lists (f, sql_int (f, "SELECT count(*) FROM evaluations e JOIN calls c ON c.id = e.call_id "
                               "WHERE e.total <= 5999 AND c.started_at + c.utc_offset >= 1714521600 "
                               "AND c.started_at + c.utc_offset < 1717200000"));

  em_test_click (GTK_WIDGET (child (f, "clear_filters_button")));
  assert_lists (f, sql_int (f, "SELECT count(*) FROM evaluations"));
  g_assert_false (gtk_widget_is_sensitive (child (f, "clear_filters_button")));
}

/* The section rows of the side pane, "title value" each. */
static char *
section_rows (Fixture *f)
{
  GtkWidget *detail = child (f, "detail");
  GtkWidget *list = em_test_template_child (detail, EM_TYPE_EVALUATION_DETAIL,
                                                                   "sections_list");
  g_autoptr(GString) out = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(GPtrArray) labels = em_test_shown_labels (row);

      g_string_append_printf (out, "%s%s", out->len > 0 ? "; " : "",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      g_string_append_printf (out, " %s", gtk_label_get_text (g_ptr_array_index (labels, labels->len - 1)));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
detail_total (Fixture *f)
{
  GtkWidget *detail = child (f, "detail");

  return gtk_label_get_text (em_test_template_child (detail, EM_TYPE_EVALUATION_DETAIL,
                                                                            "total_label"));
}

static void
on_open_call (EmCallsPage *page,
              EmCall      *call,
              gint64      *out_id)
{
  *out_id = em_call_get_id (call);
}

static void
test_detail_and_appeal (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *sql = NULL;
  GtkWindow *dialog;
  GtkWidget *calls_page;
  gint64 opened = 0;

  select_label (f, "inspector_dropdown", "测试质检");
  assert_lists (f, 1);
  g_assert_true (em_evaluations_page_select_evaluation (EM_EVALUATIONS_PAGE (f->page), f->evaluation));
  em_test_spin (100);

  /* The per-section scores of 91: 服务用语 6 of 10, 通话规范 10 of 15. */
  {
    g_autofree char *rows = section_rows (f);
    g_assert_cmpstr (rows, ==, "信息内容准确 20 / 20; 语音语调语速 10 / 10; 服务用语 6 / 10; 服务态度 23 / 23; "
                               "业务处理 22 / 22; 通话规范 10 / 15");
  }
  g_assert_cmpstr (detail_total (f), ==, "91");
  g_assert_true (em_test_shows_text (child (f, "detail"), "×2 · 直呼客户“喂” · at 00:12, 01:37"));
  g_assert_true (em_test_shows_text (child (f, "detail"), "−4"));

  /* Open Call goes to the Calls page's calls.open. */
  calls_page = GTK_WIDGET (em_test_window_child (f->window, "calls_page"));
  g_signal_connect (calls_page, "open-call", G_CALLBACK (on_open_call), &opened);
  g_assert_true (gtk_widget_activate_action (f->page, "evaluations.open-call", NULL));
  g_assert_cmpint (opened, ==, f->call);

  /* The call opened in the evaluate view; come back to the list. */
  g_assert_true (gtk_widget_activate_action (em_test_window_child (f->window, "evaluate_view"),
                                             "evaluate.back", NULL));
  em_test_spin (100);

  /* File Appeal…: check both items, a reason, "File Appeal". */
  g_assert_true (gtk_widget_activate_action (f->page, "evaluations.file-appeal", NULL));
  dialog = em_test_wait_for_toplevel (EM_TYPE_APPEAL_FILE_DIALOG);
  g_assert_false (gtk_widget_is_sensitive (em_test_template_child (dialog, EM_TYPE_APPEAL_FILE_DIALOG, "file_button")));
  g_assert_null (em_test_find_named (GTK_WIDGET (dialog), "item:info.complete"));   /* cost nothing */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (em_test_find_named (GTK_WIDGET (dialog), "item:language.taboo")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (em_test_find_named (GTK_WIDGET (dialog), "item:control.confirm")), TRUE);
  gtk_editable_set_text (em_test_template_child (dialog, EM_TYPE_APPEAL_FILE_DIALOG, "reason_row"),
                         "坐席称“喂”是在确认信号");
  gtk_editable_set_text (em_test_template_child (dialog, EM_TYPE_APPEAL_FILE_DIALOG, "filed_by_row"),
                         "李质检");
  em_test_click (em_test_template_child (dialog, EM_TYPE_APPEAL_FILE_DIALOG, "file_button"));
  em_test_spin (200);
  g_assert_null (em_test_find_toplevel (EM_TYPE_APPEAL_FILE_DIALOG));
  sql = g_strdup_printf ("SELECT count(*) FROM appeals a JOIN appeal_items i ON i.appeal_id = a.id "
                         "WHERE a.evaluation_id = %" G_GINT64_FORMAT " AND a.status = 0 AND a.filed_by = '李质检'",
                         f->evaluation);
  g_assert_cmpint (sql_int (f, sql), ==, 2);
  assert_lists (f, 1);
  g_assert_true (em_test_shows_text (child (f, "column_view"), "Open"));   /* the Appeal column */

  /* Decide Appeal…: overturn the 服务禁语, uphold the rest; the new total
   * shows before "Decide". */
  g_assert_true (gtk_widget_activate_action (f->page, "evaluations.decide-appeal", NULL));
  dialog = em_test_wait_for_toplevel (EM_TYPE_APPEAL_DECIDE_DIALOG);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (em_test_find_named (GTK_WIDGET (dialog), "overturn:language.taboo")), TRUE);
  g_assert_false (gtk_widget_is_sensitive (em_test_template_child (dialog, EM_TYPE_APPEAL_DECIDE_DIALOG, "decide_button")));   /* no name yet */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (em_test_find_named (GTK_WIDGET (dialog), "uphold:control.confirm")), TRUE);
  gtk_editable_set_text (em_test_template_child (dialog, EM_TYPE_APPEAL_DECIDE_DIALOG, "comment_row"),
                         "“喂”用于确认信号");
  gtk_editable_set_text (em_test_template_child (dialog, EM_TYPE_APPEAL_DECIDE_DIALOG, "decided_by_row"), "王组长");
  g_assert_cmpstr (gtk_label_get_text (em_test_template_child (dialog, EM_TYPE_APPEAL_DECIDE_DIALOG, "total_label")), ==, "91 → 95");
  g_free (sql);
  sql = g_strdup_printf ("SELECT total FROM evaluations WHERE id = %" G_GINT64_FORMAT, f->evaluation);
  g_assert_cmpint (sql_int (f, sql), ==, 9100);   /* nothing stored before "Decide" */
  em_test_click (em_test_template_child (dialog, EM_TYPE_APPEAL_DECIDE_DIALOG, "decide_button"));
  em_test_spin (200);
  g_assert_null (em_test_find_toplevel (EM_TYPE_APPEAL_DECIDE_DIALOG));

  g_assert_cmpint (sql_int (f, sql), ==, 9500);
  assert_lists (f, 1);
  em_test_spin (100);
  g_assert_cmpstr (detail_total (f), ==, "95");
  g_assert_true (em_test_shows_text (child (f, "column_view"), "Overturned"));
  g_assert_true (em_test_shows_text (child (f, "column_view"), "95"));
  {
    g_autofree char *rows = section_rows (f);
    g_assert_nonnull (strstr (rows, "服务用语 10 / 10"));
  }
  /* The history says who did what. */
  g_assert_true (em_test_shows_text_containing (child (f, "detail"), "李质检 · Appeal filed"));
  g_assert_true (em_test_shows_text_containing (child (f, "detail"), "王组长 · Appeal closed"));
  g_assert_true (em_test_shows_text_containing (child (f, "detail"), "total 91.00 → 95.00"));

  /* Another program damaged the stored answers: the pane says so, the
   * list still works. */
  g_free (sql);
  sql = g_strdup_printf ("UPDATE evaluations SET answers = '[Evaluation' WHERE id = %" G_GINT64_FORMAT, f->evaluation);
  g_assert_true (em_db_exec (f->db, sql, NULL));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (child (f, "column_view"))),
                                     GTK_INVALID_LIST_POSITION);
  g_assert_true (em_evaluations_page_select_evaluation (EM_EVALUATIONS_PAGE (f->page), f->evaluation));
  {
    AdwStatusPage *status = em_test_template_child (child (f, "detail"), EM_TYPE_EVALUATION_DETAIL, "none_page");

    g_assert_cmpstr (adw_status_page_get_title (status), ==, "This Evaluation Cannot Be Shown");
    g_assert_nonnull (strstr (adw_status_page_get_description (status), "evaluation"));
  }
  opened = 0;
  gtk_widget_activate_action (f->page, "evaluations.open-call", NULL);   /* disabled: nothing happens */
  gtk_widget_activate_action (f->page, "evaluations.file-appeal", NULL);
  em_test_spin (100);
  g_assert_cmpint (opened, ==, 0);
  g_assert_null (em_test_find_toplevel (EM_TYPE_APPEAL_FILE_DIALOG));
}

static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  AdwViewStack *stack = em_test_window_child (f->window, "view_stack");

  em_test_spin (200);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "stack")), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (child (f, "empty_page"))));
  g_assert_true (gtk_widget_activate_action (f->page, "evaluations.show-calls", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "calls");
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  earmark_register_resource ();

  g_test_add ("/evaluations-page/rows-and-filters", Fixture, NULL, setup_demo, test_rows_and_filters, teardown);
  g_test_add ("/evaluations-page/detail-and-appeal", Fixture, NULL, setup_demo, test_detail_and_appeal, teardown);
  g_test_add ("/evaluations-page/empty-state", Fixture, NULL, setup_empty, test_empty_state, teardown);

  return g_test_run ();
}

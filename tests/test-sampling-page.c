/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "earmark-resources.h"
#include "em-answers.h"
#include "em-calls-page.h"
#include "em-demo.h"
#include "em-error.h"
#include "em-evaluation-store.h"
#include "em-sampled-call-item.h"
#include "em-sampling-draw-dialog.h"
#include "em-sampling-page.h"
#include "em-scorecard-store.h"
#include "em-shipped-scorecards.h"
#include "em-test-gui.h"
#include "em-test-util.h"
#include "em-window.h"

/* The Sampling page in a real window under Xvfb, on the demo database:
 * a plan drawn through the dialog as an inspector does it (the button,
 * the seed, "Draw"), checked against what the sampling core says for
 * that seed.
 */

#define MONTH "2024-05"

typedef struct
{
  char      *dir;
  EmDb      *db;
  EmWindow  *window;
  GtkWidget *page;
  GSettings *settings;
} Fixture;

static gboolean
spin_until (Fixture         *f,
            EmTestCondition  condition)
{
  return em_test_spin_until (condition, f, EM_TEST_TIMEOUT_MS);
}

static GtkWidget *
page_child (Fixture    *f,
            const char *name)
{
  return em_test_template_child (f->page, EM_TYPE_SAMPLING_PAGE, name);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) end = g_date_time_new_utc (2024, 6, 30, 16, 0, 0);
  g_autofree char *path = NULL;

  f->dir = em_test_make_tmpdir ();
  path = g_build_filename (f->dir, "earmark.db", NULL);
  f->db = em_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (em_demo_create (f->db, end, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The demo's calls, without the plans, evaluations and inspectors the
   * demo also makes: these tests draw their own.
   */
  g_assert_true (em_db_exec (f->db,
                             "DELETE FROM evaluations; DELETE FROM sampled_calls; "
                             "DELETE FROM sampling_plans; DELETE FROM settings WHERE key = 'inspectors'",
                             &error));
  g_assert_no_error (error);

  /* "Me" is 李四. */
  f->settings = g_settings_new (APP_ID);
  g_settings_set_string (f->settings, "inspector-name", "李四");

  f->window = em_test_open_window (f->db, "sampling", 1200, 800);
  f->page = em_test_window_child (f->window, "sampling_page");
  g_assert_true (EM_IS_SAMPLING_PAGE (f->page));
  em_test_spin (300);

  em_sampling_page_set_month (EM_SAMPLING_PAGE (f->page), MONTH);
  em_test_spin (100);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  em_test_destroy_toplevels ();
  g_settings_reset (f->settings, "inspector-name");
  g_clear_object (&f->settings);
  g_clear_object (&f->db);
  em_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* Widgets */

static gboolean
draw_dialog_shown (gpointer data)
{
  return em_test_find_toplevel (EM_TYPE_SAMPLING_DRAW_DIALOG) != NULL;
}

static gboolean
draw_dialog_gone (gpointer data)
{
  return em_test_find_toplevel (EM_TYPE_SAMPLING_DRAW_DIALOG) == NULL;
}

static gboolean
message_shown (gpointer data)
{
  return em_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
page_idle (gpointer data)
{
  Fixture *f = data;

  return !gtk_revealer_get_reveal_child (GTK_REVEALER (page_child (f, "busy_revealer"))) &&
         gtk_widget_is_sensitive (em_test_find_action_button (f->page, "sampling.draw"));
}

/* "Draw Plan…", the seed and the inspectors typed in, "Draw". */
static EmSamplingDrawDialog *
open_draw_dialog (Fixture    *f,
                  gint64      seed,
                  const char *inspectors)
{
  GtkWidget *button = em_test_find_action_button (f->page, "sampling.draw");
  g_autofree char *seed_text = g_strdup_printf ("%" G_GINT64_FORMAT, seed);
  EmSamplingDrawDialog *dialog;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
  g_assert_true (spin_until (f, draw_dialog_shown));

  dialog = EM_SAMPLING_DRAW_DIALOG (em_test_find_toplevel (EM_TYPE_SAMPLING_DRAW_DIALOG));
  g_assert_cmpstr (em_sampling_draw_dialog_get_month (dialog), ==, MONTH);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                      EM_TYPE_SAMPLING_DRAW_DIALOG,
                                                                      "seed_row")),
                         seed_text);
  if (inspectors != NULL)
    gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                        EM_TYPE_SAMPLING_DRAW_DIALOG,
                                                                        "inspectors_row")),
                           inspectors);
  return dialog;
}

static void
click_draw (EmSamplingDrawDialog *dialog)
{
  GtkWidget *draw = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                               EM_TYPE_SAMPLING_DRAW_DIALOG,
                                                               "draw_button"));

  g_assert_true (gtk_widget_is_sensitive (draw));
  gtk_widget_activate (draw);
}

static void
draw_new_plan (Fixture    *f,
               gint64      seed,
               const char *inspectors)
{
  click_draw (open_draw_dialog (f, seed, inspectors));
  g_assert_true (spin_until (f, draw_dialog_gone));
  g_assert_true (spin_until (f, page_idle));
  g_assert_nonnull (em_sampling_page_get_plan (EM_SAMPLING_PAGE (f->page)));
}

static GPtrArray *
core_calls (Fixture    *f,
            const char *inspector)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmSamplingPlan) plan = em_sampling_plan_load (f->db, MONTH, &error);
  GPtrArray *calls;

  g_assert_no_error (error);
  calls = em_sampling_plan_list_calls (f->db, plan, inspector, &error);
  g_assert_no_error (error);
  return calls;
}

/* The list's rows as "external id|reasons|inspector", in the list's order. */
static char *
shown_rows (Fixture *f)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (page_child (f, "column_view"))));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(EmSampledCallItem) item = g_list_model_get_item (model, i);
      g_autofree char *reasons = em_sampling_reasons_to_string (em_sampled_call_item_get_reasons (item));

      g_string_append_printf (text, "%s|%s|%s\n", em_sampled_call_item_get_external_id (item), reasons,
                              em_sampled_call_item_get_inspector (item));
    }
  return g_string_free (text, FALSE);
}

static char *
expected_rows (GPtrArray *calls)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < calls->len; i++)
    {
      EmSampledCall *call = g_ptr_array_index (calls, i);
      g_autofree char *reasons = em_sampling_reasons_to_string (call->reasons);

      g_string_append_printf (text, "%s|%s|%s\n", call->external_id, reasons,
                              call->inspector != NULL ? call->inspector : "");
    }
  return g_string_free (text, FALSE);
}

/* The progress list, one "title: subtitle (value/max)" line per row. */
static char *
shown_progress (Fixture *f)
{
  GString *text = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (page_child (f, "progress_list")); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *bar = em_test_find_of_type (row, GTK_TYPE_LEVEL_BAR);

      g_assert_nonnull (bar);

      g_string_append_printf (text, "%s: %s (%g/%g)\n",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                              gtk_level_bar_get_value (GTK_LEVEL_BAR (bar)),
                              gtk_level_bar_get_max_value (GTK_LEVEL_BAR (bar)));
    }
  return g_string_free (text, FALSE);
}

static char *
expected_progress (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmSamplingPlan) plan = em_sampling_plan_load (f->db, MONTH, &error);
  g_autoptr(GPtrArray) progress = em_sampling_plan_get_progress (f->db, plan, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < progress->len; i++)
    {
      EmSamplingProgress *p = g_ptr_array_index (progress, i);

      g_string_append_printf (text, "%s: %u of %u evaluated · %u remaining (%u/%u)\n",
                              p->inspector != NULL ? p->inspector : "Unassigned",
                              p->evaluated, p->assigned, p->remaining, p->evaluated, MAX (p->assigned, 1));
    }
  return g_string_free (text, FALSE);
}

static void
assert_shows_core_plan (Fixture *f,
                        gint64   seed)
{
  const EmSamplingPlan *plan = em_sampling_page_get_plan (EM_SAMPLING_PAGE (f->page));
  g_autoptr(GPtrArray) calls = core_calls (f, NULL);
  g_autofree char *count = g_strdup_printf ("%u sampled calls", calls->len);
  g_autofree char *seed_text = g_strdup_printf ("%" G_GINT64_FORMAT, seed);
  g_autofree char *rows = shown_rows (f);
  g_autofree char *expected = expected_rows (calls);
  g_autofree char *progress = shown_progress (f);
  g_autofree char *core_progress = expected_progress (f);

  g_assert_cmpint (plan->seed, ==, seed);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "stack"))), ==, "plan");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (f, "seed_label"))), ==, seed_text);
  g_assert_cmpuint (calls->len, >, 0);
  g_assert_cmpuint (plan->n_calls, ==, calls->len);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (f, "count_label"))), ==, count);
  g_assert_cmpstr (rows, ==, expected);
  g_assert_cmpstr (progress, ==, core_progress);
}

/* Tests */

static void
test_empty_states (Fixture       *f,
                   gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (page_child (f, "stack"));

  /* The demo has calls in May but no plan. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-plan");
  g_assert_true (em_test_shows_text (page_child (f, "stack"), "No Sampling Plan Yet"));
  g_assert_true (gtk_widget_is_sensitive (em_test_find_action_button (page_child (f, "stack"), "sampling.draw")));
  g_assert_false (gtk_widget_is_sensitive (em_test_find_action_button (f->page, "sampling.update")));

  /* No calls at all in 2023. */
  em_sampling_page_set_month (EM_SAMPLING_PAGE (f->page), "2023-01");
  em_test_spin (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-calls");
  g_assert_true (em_test_shows_text (page_child (f, "stack"), "No Calls in This Month"));
}

static void
test_draw_through_dialog (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) calls = NULL;
  EmSampledCall *first;

  draw_new_plan (f, 20240501, "张三; 李四");
  assert_shows_core_plan (f, 20240501);

  /* The inspectors typed in are kept for the next plans. */
  {
    g_auto(GStrv) kept = em_sampling_dup_inspectors (f->db);

    g_assert_cmpuint (g_strv_length (kept), ==, 2);
    g_assert_cmpstr (kept[0], ==, "张三");
    g_assert_cmpstr (kept[1], ==, "李四");
  }

  /* The reasons read as words, the month says it has a plan. */
  calls = core_calls (f, NULL);
  first = g_ptr_array_index (calls, 0);
  g_assert_true (em_test_shows_text (page_child (f, "column_view"), first->external_id));
  g_assert_true (em_test_shows_text (page_child (f, "column_view"), em_sampling_reason_get_label (EM_SAMPLING_REASON_QUOTA)));
  g_assert_true (em_test_shows_text (page_child (f, "month_dropdown"), "May 2024 · plan"));
  g_assert_true (gtk_widget_is_sensitive (em_test_find_action_button (f->page, "sampling.update")));
}

static void
test_same_seed_same_rows (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *first_rows = NULL;
  g_autofree char *again = NULL;
  gint64 first_id;
  EmSamplingDrawDialog *dialog;

  draw_new_plan (f, 777, "张三; 李四; 王五");
  first_rows = shown_rows (f);
  first_id = em_sampling_page_get_plan (EM_SAMPLING_PAGE (f->page))->id;

  /* Drawing the month again asks first. */
  dialog = open_draw_dialog (f, 777, NULL);
  click_draw (dialog);
  g_assert_true (spin_until (f, message_shown));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (em_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))),
                   ==, "Replace the Plan for May 2024?");
  em_test_respond (ADW_MESSAGE_DIALOG (em_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "replace");
  g_assert_true (spin_until (f, draw_dialog_gone));
  g_assert_true (spin_until (f, page_idle));

  /* A new draw (a new plan id) with the very same rows. */
  g_assert_cmpint (em_sampling_page_get_plan (EM_SAMPLING_PAGE (f->page))->id, !=, first_id);
  again = shown_rows (f);
  g_assert_cmpstr (again, ==, first_rows);
  assert_shows_core_plan (f, 777);
}

static void
evaluate_call (Fixture    *f,
               gint64      call_id,
               const char *inspector)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmEvaluationStore) store = em_evaluation_store_new (f->db);
  g_autoptr(EmScorecard) scorecard = NULL;
  g_autoptr(EmAnswers) answers = NULL;
  gint64 version_id, evaluation_id;

  g_assert_true (em_shipped_scorecards_import (f->db, "test", &error));
  g_assert_no_error (error);
  version_id = em_scorecard_store_find_latest (f->db, "hotline-call-qa", &error);
  g_assert_cmpint (version_id, >, 0);
  scorecard = em_scorecard_store_load_version (f->db, version_id, &error);
  g_assert_no_error (error);
  answers = em_answers_new_for_scorecard (scorecard);

  evaluation_id = em_evaluation_store_create (store, call_id, version_id, inspector, answers, &error);
  g_assert_no_error (error);
  g_assert_cmpint (evaluation_id, >, 0);
}

/* Once a call of the plan is being evaluated, the plan cannot be drawn
 * again: the core's message is shown, "Update Plan" keeps the plan.
 */
static void
test_plan_in_use (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) refused = NULL;
  g_autofree char *rows = NULL;
  AdwMessageDialog *message;
  EmSampledCall *mine;
  gint64 plan_id;

  draw_new_plan (f, 4242, "张三; 李四");
  plan_id = em_sampling_page_get_plan (EM_SAMPLING_PAGE (f->page))->id;
  calls = core_calls (f, "李四");
  mine = g_ptr_array_index (calls, 0);
  evaluate_call (f, mine->call_id, "李四");

  /* What the core says when asked directly (and refuses: nothing changes). */
  g_assert_null (em_sampling_plan_create (f->db, MONTH, 1, NULL, NULL, "test", &refused));
  g_assert_error (refused, EM_ERROR, EM_ERROR_READ_ONLY);

  click_draw (open_draw_dialog (f, 99, NULL));
  g_assert_true (spin_until (f, message_shown));
  em_test_respond (ADW_MESSAGE_DIALOG (em_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "replace");
  g_assert_true (spin_until (f, message_shown));

  message = ADW_MESSAGE_DIALOG (em_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "The Plan Is Already in Use");
  g_assert_cmpstr (adw_message_dialog_get_body (message), ==, refused->message);
  g_assert_nonnull (strstr (refused->message, MONTH));

  /* Nothing changed: same plan, same seed. */
  g_assert_true (draw_dialog_shown (f));
  rows = shown_rows (f);
  g_assert_cmpint (em_sampling_page_get_plan (EM_SAMPLING_PAGE (f->page))->id, ==, plan_id);
  g_assert_cmpint (em_sampling_page_get_plan (EM_SAMPLING_PAGE (f->page))->seed, ==, 4242);

  /* "Update Plan": the plan stays, its calls and assignments with it. */
  em_test_respond (message, "update");
  g_assert_true (spin_until (f, draw_dialog_gone));
  g_assert_true (spin_until (f, page_idle));
  g_assert_cmpint (em_sampling_page_get_plan (EM_SAMPLING_PAGE (f->page))->id, ==, plan_id);
  assert_shows_core_plan (f, 4242);

  /* The evaluated draft shows in the list and in 李四's progress. */
  g_assert_true (em_test_shows_text (page_child (f, "column_view"), "Draft"));
}

static void
select_filter (Fixture    *f,
               const char *label)
{
  em_test_select_label (GTK_DROP_DOWN (page_child (f, "inspector_dropdown")), label);
  em_test_spin (50);
}

static void
assert_filtered_to (Fixture    *f,
                    const char *inspector)
{
  g_autoptr(GPtrArray) all = core_calls (f, NULL);
  g_autoptr(GPtrArray) theirs = core_calls (f, inspector);
  g_autofree char *rows = shown_rows (f);
  g_autofree char *expected = expected_rows (theirs);
  g_autofree char *count = g_strdup_printf ("%u of %u sampled calls", theirs->len, all->len);

  g_assert_cmpuint (theirs->len, >, 0);
  g_assert_cmpuint (theirs->len, <, all->len);
  g_assert_cmpstr (rows, ==, expected);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (f, "count_label"))), ==, count);
}

static void
test_inspector_filter (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *row;

  draw_new_plan (f, 31, "张三; 李四");

  /* "Me" is the inspector-name setting. */
  select_filter (f, "Me (李四)");
  assert_filtered_to (f, "李四");
  select_filter (f, "张三");
  assert_filtered_to (f, "张三");

  /* A progress row shows that inspector's calls. */
  select_filter (f, "All Inspectors");
  for (row = gtk_widget_get_first_child (page_child (f, "progress_list")); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "李四"))
      break;
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  em_test_spin (50);
  assert_filtered_to (f, "李四");

  /* The filter stays when the name changes; "Me" follows the setting. */
  g_settings_set_string (f->settings, "inspector-name", "张三");
  em_test_spin (50);
  select_filter (f, "Me (张三)");
  assert_filtered_to (f, "张三");
}

static void
on_open_call (EmCallsPage *page,
              EmCall      *call,
              gint64      *out_id)
{
  *out_id = em_call_get_id (call);
}

static void
test_open_call (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *calls_page = em_test_window_child (f->window, "calls_page");
  g_autoptr(GPtrArray) calls = NULL;
  gint64 opened = 0;

  /* A name is shown as written, never read as markup (a markup error
   * would be a warning, fatal in tests). */
  draw_new_plan (f, 5, "Tom & <Jerry>");
  calls = core_calls (f, NULL);
  g_assert_true (em_test_shows_text (page_child (f, "progress_list"), "Tom & <Jerry>"));
  g_assert_true (em_test_shows_text (page_child (f, "column_view"), "Tom & <Jerry>"));

  /* Activating a row opens the call the way the Calls page does. */
  g_signal_connect (calls_page, "open-call", G_CALLBACK (on_open_call), &opened);
  g_signal_emit_by_name (page_child (f, "column_view"), "activate", 0);
  g_assert_cmpint (opened, ==, ((EmSampledCall *) g_ptr_array_index (calls, 0))->call_id);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  earmark_register_resource ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/sampling-page/empty-states", test_empty_states);
  ADD ("/sampling-page/draw-through-dialog", test_draw_through_dialog);
  ADD ("/sampling-page/same-seed-same-rows", test_same_seed_same_rows);
  ADD ("/sampling-page/plan-in-use", test_plan_in_use);
  ADD ("/sampling-page/inspector-filter", test_inspector_filter);
  ADD ("/sampling-page/open-call", test_open_call);
#undef ADD

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <signal.h>

#include "earmark-resources.h"
#include "em-evaluate-view.h"
#include "em-evaluation-store.h"
#include "em-player-bar.h"
#include "em-preferences-window.h"
#include "em-scorecard-store.h"
#include "em-shipped-scorecards.h"
#include "em-test-evaluate.h"
#include "em-test-util.h"
#include "em-window.h"

/* The evaluate view in a real window under Xvfb, opened from the Calls
 * page the way an inspector opens a call, and filled through the form's
 * own controls (switches, spin buttons, dropdowns, buttons).  What the
 * view shows is checked against the seed's numbers (the hotline
 * scorecard of seed 003: 服务用语 10 points, each 服务禁语 −2, …), and
 * what it stored is read back through a second connection to the
 * database.
 */

#define TIMEOUT_MS 15000

typedef struct
{
  EmTestCallDb    data;
  GSettings      *settings;
  EmWindow       *window;
  EmEvaluateView *view;
} Fixture;

/* Setup ------------------------------------------------------------------ */

static void
open_view (Fixture *f)
{
  GtkWidget *calls_page = em_test_window_child (f->window, "calls_page");

  g_assert_true (gtk_widget_activate_action (calls_page, "calls.open", "x", f->data.call_id));
  em_test_spin (100);
  g_assert_true (em_evaluate_view_get_call (f->view) != NULL);
}

static void
open_window (Fixture    *f,
             const char *recording,
             const char *inspector)
{
  g_autofree char *dir = em_test_make_tmpdir ();

  em_test_call_db_init (&f->data, dir, recording);

  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "last-scorecard");
  g_settings_reset (f->settings, "show-caller-numbers");
  g_settings_set_string (f->settings, "inspector-name", inspector);

  f->window = em_test_open_window (f->data.db, NULL, 1200, 800);
  f->view = em_test_window_child (f->window, "evaluate_view");
  em_test_spin (200);
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  open_window (f, "call-20s.ogg", "李敏");
  open_view (f);
}

static void
setup_missing_recording (Fixture       *f,
                         gconstpointer  data)
{
  open_window (f, "2024-06/gone.ogg", "李敏");
  open_view (f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  /* Dialogs the test left open go too. */
  em_test_destroy_toplevels ();

  g_clear_object (&f->settings);
  em_test_call_db_clear (&f->data);
}

/* Reading what the view shows ------------------------------------------ */

static gpointer
view_child (Fixture    *f,
            const char *name)
{
  return em_test_template_child (f->view, EM_TYPE_EVALUATE_VIEW, name);
}

static const char *
view_label (Fixture    *f,
            const char *name)
{
  return gtk_label_get_label (view_child (f, name));
}

static EmScoreRow *
row (Fixture    *f,
     const char *item_id)
{
  EmScoreRow *score_row = em_test_find_score_row (GTK_WIDGET (f->view), item_id);

  g_assert_nonnull (score_row);
  return score_row;
}

/* The score in the header of a section's group, e.g. "8 / 10". */
static const char *
section_score (Fixture    *f,
               const char *title)
{
  GtkWidget *title_label = em_test_find_label (view_child (f, "groups_box"), title);

  g_assert_nonnull (title_label);
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_next_sibling (title_label)));
}

static const char *
cost (Fixture    *f,
      const char *item_id)
{
  return gtk_label_get_label (em_test_row_control (row (f, item_id), "cost_label"));
}

/* Using the form's controls --------------------------------------------- */

static void
set_occurrences (Fixture    *f,
                 const char *item_id,
                 int         n)
{
  gtk_spin_button_set_value (em_test_row_control (row (f, item_id), "occurrences_spin"), n);
}

static void
set_met (Fixture    *f,
         const char *item_id,
         gboolean    met)
{
  gtk_switch_set_active (em_test_row_control (row (f, item_id), "pass_switch"), met);
}

/* Types a score and presses Enter, as a user does (Enter updates the
 * spin button from its text). */
static void
type_score (Fixture    *f,
            const char *item_id,
            const char *text)
{
  GtkSpinButton *spin = em_test_row_control (row (f, item_id), "score_spin");

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  gtk_spin_button_update (spin);
}

static void
activate (Fixture    *f,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), action, NULL));
}

/* Reading the database through its own connection ----------------------- */

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (f->data.db_path, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = em_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (Fixture    *f,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (f->data.db_path, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = em_db_prepare (db, sql, &error);
  g_assert_no_error (error);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gint64
item_column (Fixture    *f,
             const char *column,
             const char *item_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM evaluation_items WHERE item_id = '%s'", column, item_id);

  return query_int (f, sql);
}

static gint64
section_column (Fixture    *f,
                const char *column,
                const char *section_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM evaluation_sections WHERE section_id = '%s'",
                                          column, section_id);

  return query_int (f, sql);
}

typedef struct
{
  Fixture    *f;
  const char *sql;
  gint64      expected;
} Query;

static gboolean
query_equals (gpointer data)
{
  Query *query = data;

  return query_int (query->f, query->sql) == query->expected;
}

#define WAIT_FOR_QUERY(fixture, query, value) \
  G_STMT_START { \
    Query wait_query = { (fixture), (query), (value) }; \
    g_assert_true (em_test_spin_until (query_equals, &wait_query, TIMEOUT_MS)); \
  } G_STMT_END

/* The answers of the seed-number walk-through, given through the form:
 *
 *   信息内容准确 20: 信息内容准确无误 once (−4), 无夸张 not met (−3)   → 13 / 20
 *   服务用语 10:     服务禁语 ×2 (−4), 语言随意 ×1 (−2), 口语 ×2 (−4),
 *                    开头语、结束语 ×1 (−2): 12, capped at the section → 0 / 10
 *   服务态度 23:     服务热情 scored 7 of 9 (−2)                       → 21 / 23
 *   通话规范 15:     等待、静音前后提示 ×3: 6, capped at the item's 5 → 10 / 15
 *   优秀录音: +5
 *
 *   100 − 7 − 10 − 2 − 5 + 5 = 81
 */
static void
fill_hotline (Fixture  *f,
              gboolean  with_score)
{
  set_occurrences (f, "info.accurate", 1);
  set_met (f, "info.exaggeration", FALSE);
  set_occurrences (f, "language.taboo", 2);
  set_occurrences (f, "language.casual", 1);
  set_occurrences (f, "language.filler", 2);
  set_occurrences (f, "language.opening-closing", 1);
  set_occurrences (f, "control.hold", 3);
  set_occurrences (f, "bonus.excellent", 1);
  if (with_score)
    type_score (f, "attitude.warmth", "7");
}

/* Tests ---------------------------------------------------------------- */

static void
test_opens_call (Fixture       *f,
                 gconstpointer  data)
{
  GtkStack *main_stack = em_test_window_child (f->window, "main_stack");
  GtkWidget *details = view_child (f, "details_grid");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "evaluate");
  g_assert_cmpstr (adw_window_title_get_title (view_child (f, "window_title")), ==, "C20240603-0001");

  /* The call's details, caller masked (personal data). */
  g_assert_nonnull (em_test_find_label (details, "王芳 (1003)"));
  g_assert_nonnull (em_test_find_label (details, "一组"));
  g_assert_nonnull (em_test_find_label (details, "2024-06-03 09:15:22"));
  g_assert_nonnull (em_test_find_label (details, "138****5678"));
  g_assert_null (em_test_find_label (details, "13812345678"));
  g_assert_nonnull (em_test_find_label (details, "咨询"));
  g_assert_nonnull (em_test_find_label (details, "4 / 5"));
  g_assert_nonnull (em_test_find_label (details, "7 s"));

  /* Shown in full once the user asks for it. */
  g_settings_set_boolean (f->settings, "show-caller-numbers", TRUE);
  g_assert_nonnull (em_test_find_label (details, "13812345678"));

  /* The shipped scorecards were imported; the hotline one is the default. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM scorecards"), ==, 6);
  g_assert_cmpstr (view_label (f, "total_label"), ==, "100");
  g_assert_cmpstr (view_label (f, "maximum_label"), ==, "/ 100");
  g_assert_cmpstr (section_score (f, "服务用语"), ==, "10 / 10");
  g_assert_cmpstr (view_label (f, "status_label"), ==, "Draft");

  /* Nothing is stored before the first change. */
  g_assert_cmpint (em_evaluate_view_get_evaluation_id (f->view), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM evaluations"), ==, 0);
  g_assert_false (em_evaluate_view_get_read_only (f->view));

  /* The recording is ready to play. */
  g_assert_null (em_player_bar_get_error (view_child (f, "player_bar")));
}

/* The form, filled through its controls, shows the seed's arithmetic
 * live and stores exactly that.
 */
static void
test_fill_hotline (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *answers = NULL;
  g_autofree char *answers_path = NULL;
  g_autofree char *scorecard_path = em_test_source_file ("resources/scorecards/hotline-call-qa.scorecard");
  g_autofree char *out = NULL;
  const char *score_args[] = { "score", "--scorecard", scorecard_path, "--answers", NULL, NULL };

  set_occurrences (f, "language.taboo", 2);
  g_assert_cmpstr (cost (f, "language.taboo"), ==, "−4");
  g_assert_cmpstr (section_score (f, "服务用语"), ==, "6 / 10");
  g_assert_cmpstr (view_label (f, "total_label"), ==, "96");

  /* The first change created the draft at once. */
  g_assert_cmpint (em_evaluate_view_get_evaluation_id (f->view), >, 0);
  g_assert_cmpint (query_int (f, "SELECT total FROM evaluations"), ==, 9600);
  g_assert_cmpint (item_column (f, "occurrences", "language.taboo"), ==, 2);

  fill_hotline (f, TRUE);
  g_assert_cmpstr (view_label (f, "total_label"), ==, "81");
  g_assert_cmpstr (section_score (f, "信息内容准确"), ==, "13 / 20");
  g_assert_cmpstr (section_score (f, "服务用语"), ==, "0 / 10");
  g_assert_cmpstr (section_score (f, "服务态度"), ==, "21 / 23");
  g_assert_cmpstr (section_score (f, "通话规范"), ==, "10 / 15");
  g_assert_cmpstr (cost (f, "control.hold"), ==, "−5");
  g_assert_cmpstr (cost (f, "bonus.excellent"), ==, "+5");
  g_assert_cmpstr (cost (f, "attitude.warmth"), ==, "−2");
  g_assert_cmpint (em_evaluate_view_get_total (f->view), ==, 8100);

  /* Saved by the timer, without asking. */
  WAIT_FOR_QUERY (f, "SELECT total FROM evaluations", 8100);
  g_assert_cmpint (query_int (f, "SELECT status FROM evaluations"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT fatal FROM evaluations"), ==, 0);
  g_assert_cmpint (item_column (f, "deduction", "language.taboo"), ==, 400);
  g_assert_cmpint (item_column (f, "deduction", "control.hold"), ==, 500);
  g_assert_cmpint (item_column (f, "score", "attitude.warmth"), ==, 700);
  g_assert_cmpint (item_column (f, "result", "info.exaggeration"), ==, 0);
  g_assert_cmpint (item_column (f, "bonus", "bonus.excellent"), ==, 500);
  g_assert_cmpint (section_column (f, "deduction", "language"), ==, 1000);
  g_assert_cmpint (section_column (f, "score", "language"), ==, 0);
  g_assert_cmpint (section_column (f, "score", "info"), ==, 1300);
  g_assert_cmpint (section_column (f, "score", "control"), ==, 1000);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM evaluations WHERE inspector = '李敏'"), ==, 1);

  /* The stored answers score the same with the CLI's scorer. */
  answers = query_text (f, "SELECT answers FROM evaluations");
  answers_path = g_build_filename (f->data.dir, "stored.answers", NULL);
  em_test_write_file (answers_path, answers, -1);
  score_args[4] = answers_path;
  g_assert_cmpint (em_test_run_cli (score_args, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "section\tlanguage\t0.00\n"));
  g_assert_nonnull (strstr (out, "total\t81.00\n"));
}

/* N/A takes an item out and brings it back as it was. */
static void
test_not_applicable (Fixture       *f,
                     gconstpointer  data)
{
  GtkToggleButton *na = em_test_row_control (row (f, "info.exaggeration"), "na_button");

  set_met (f, "info.exaggeration", FALSE);
  g_assert_cmpstr (view_label (f, "total_label"), ==, "97");

  gtk_toggle_button_set_active (na, TRUE);
  g_assert_cmpstr (view_label (f, "total_label"), ==, "100");
  g_assert_false (gtk_widget_is_sensitive (em_test_row_control (row (f, "info.exaggeration"), "pass_switch")));
  activate (f, "evaluate.save");
  g_assert_cmpint (item_column (f, "na", "info.exaggeration"), ==, 1);

  gtk_toggle_button_set_active (na, FALSE);
  g_assert_cmpstr (view_label (f, "total_label"), ==, "97");
  g_assert_false (gtk_switch_get_active (em_test_row_control (row (f, "info.exaggeration"), "pass_switch")));
}

/* A red line zeroes the total, in red, and says why. */
static void
test_fatal (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *total = view_child (f, "total_label");

  set_occurrences (f, "language.taboo", 1);
  gtk_switch_set_active (em_test_row_control (row (f, "fatal.leak"), "fatal_switch"), TRUE);

  g_assert_cmpstr (view_label (f, "total_label"), ==, "0");
  g_assert_true (gtk_widget_has_css_class (total, "error"));
  g_assert_true (gtk_widget_get_visible (view_child (f, "fatal_label")));
  g_assert_nonnull (strstr (view_label (f, "fatal_label"), "泄露客户信息"));

  activate (f, "evaluate.save");
  g_assert_cmpint (query_int (f, "SELECT fatal FROM evaluations"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT total FROM evaluations"), ==, 0);

  gtk_switch_set_active (em_test_row_control (row (f, "fatal.leak"), "fatal_switch"), FALSE);
  g_assert_cmpstr (view_label (f, "total_label"), ==, "98");
  g_assert_false (gtk_widget_has_css_class (total, "error"));
  g_assert_false (gtk_widget_get_visible (view_child (f, "fatal_label")));
}

/* Submitting needs every score and choice item answered; it says which
 * one is missing, and then it goes through.  A lead finalises; the
 * evaluation is read-only from then on, also when opened again.
 */
static void
test_submit_and_finalise (Fixture       *f,
                          gconstpointer  data)
{
  EmScoreRow *warmth;

  fill_hotline (f, FALSE);
  warmth = row (f, "attitude.warmth");
  g_assert_cmpstr (cost (f, "attitude.warmth"), ==, "?");

  activate (f, "evaluate.submit");
  g_assert_true (gtk_revealer_get_reveal_child (view_child (f, "message_revealer")));
  g_assert_nonnull (strstr (view_label (f, "message_label"), "服务热情"));
  g_assert_true (em_score_row_get_missing (warmth));
  g_assert_cmpint (query_int (f, "SELECT status FROM evaluations"), ==, 0);
  g_assert_cmpint (em_evaluate_view_get_status (f->view), ==, EM_EVALUATION_DRAFT);

  type_score (f, "attitude.warmth", "7");
  g_assert_false (em_score_row_get_missing (warmth));
  activate (f, "evaluate.submit");
  g_assert_false (gtk_revealer_get_reveal_child (view_child (f, "message_revealer")));
  g_assert_cmpint (query_int (f, "SELECT status FROM evaluations"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT total FROM evaluations"), ==, 8100);
  g_assert_cmpint (em_evaluate_view_get_status (f->view), ==, EM_EVALUATION_SUBMITTED);
  g_assert_true (em_evaluate_view_get_read_only (f->view));
  g_assert_cmpstr (view_label (f, "status_label"), ==, "Submitted");
  g_assert_false (gtk_widget_get_visible (view_child (f, "submit_button")));
  g_assert_true (gtk_widget_get_visible (view_child (f, "finalise_button")));

  /* The lead finalises. */
  g_settings_set_string (f->settings, "inspector-name", "陈组长");
  activate (f, "evaluate.finalise");
  g_assert_cmpint (query_int (f, "SELECT status FROM evaluations"), ==, 2);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE action = 'finalise' AND actor = '陈组长'"),
                   ==, 1);
  g_assert_cmpstr (view_label (f, "banner_label"), ==, "Finalised — read-only");

  /* Opened again: read-only, controls insensitive, finalise spent. */
  g_settings_set_string (f->settings, "inspector-name", "李敏");
  activate (f, "evaluate.back");
  open_view (f);
  g_assert_cmpint (em_evaluate_view_get_status (f->view), ==, EM_EVALUATION_FINALISED);
  g_assert_true (gtk_revealer_get_reveal_child (view_child (f, "banner_revealer")));
  g_assert_cmpstr (view_label (f, "banner_label"), ==, "Finalised — read-only");
  g_assert_cmpstr (view_label (f, "total_label"), ==, "81");
  g_assert_false (gtk_widget_is_sensitive (em_test_row_control (row (f, "language.taboo"), "occurrences_spin")));
  g_assert_false (gtk_widget_is_sensitive (em_test_row_control (row (f, "info.complete"), "pass_switch")));
  g_assert_false (gtk_widget_get_visible (em_test_row_control (row (f, "info.complete"), "mark_button")));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "evaluate.finalise", NULL);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE action = 'finalise'"), ==, 1);
}

static gboolean
stream_prepared (gpointer data)
{
  EmPlayerBar *bar = data;
  GtkMediaStream *stream = em_player_bar_get_stream (bar);

  return stream != NULL && gtk_media_stream_is_prepared (stream) && !gtk_media_stream_is_seeking (stream);
}

static void
seek_and_wait (EmPlayerBar *bar,
               double       seconds)
{
  em_player_bar_seek_to (bar, seconds);
  g_assert_true (em_test_spin_until (stream_prepared, bar, TIMEOUT_MS));
  em_test_spin (100);
}

/* "Mark this moment" keeps the player's position; the chip plays from it. */
static void
test_moments (Fixture       *f,
              gconstpointer  data)
{
  EmPlayerBar *bar = view_child (f, "player_bar");
  EmScoreRow *taboo = row (f, "language.taboo");
  GtkWidget *chips = em_test_row_control (taboo, "moments_box");
  GtkWidget *chip;
  GtkWidget *chip_button;
  const gint64 *moments;
  guint n_moments = 0;

  g_assert_true (em_test_spin_until (stream_prepared, bar, TIMEOUT_MS));
  seek_and_wait (bar, 12.3);
  g_assert_cmpfloat_with_epsilon (em_player_bar_get_position (bar), 12.3, 0.2);

  g_signal_emit_by_name (em_test_row_control (taboo, "mark_button"), "clicked");
  moments = em_item_answer_get_moments (em_score_row_get_answer (taboo), &n_moments);
  g_assert_cmpuint (n_moments, ==, 1);
  g_assert_cmpint (ABS (moments[0] - 12300), <, 200);
  g_assert_true (gtk_widget_get_visible (chips));

  /* The chip reads 0:12 and plays from there. */
  chip = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (chips), 0));
  chip_button = gtk_widget_get_first_child (chip);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (chip_button)), ==, "0:12");

  seek_and_wait (bar, 2);
  g_assert_cmpfloat_with_epsilon (em_player_bar_get_position (bar), 2, 0.2);
  g_signal_emit_by_name (chip_button, "clicked");
  g_assert_true (em_test_spin_until (stream_prepared, bar, TIMEOUT_MS));
  em_test_spin (100);
  g_assert_cmpfloat_with_epsilon (em_player_bar_get_position (bar), moments[0] / 1000.0, 0.2);

  /* Stored in seconds with the milliseconds kept. */
  activate (f, "evaluate.save");
  {
    g_autofree char *stored = query_text (f, "SELECT moments FROM evaluation_items WHERE item_id = 'language.taboo'");
    g_assert_nonnull (stored);
    g_assert_cmpfloat_with_epsilon (g_ascii_strtod (stored, NULL), 12.3, 0.2);
  }

  /* Removable. */
  g_signal_emit_by_name (gtk_widget_get_last_child (chip), "clicked");
  em_item_answer_get_moments (em_score_row_get_answer (taboo), &n_moments);
  g_assert_cmpuint (n_moments, ==, 0);
  g_assert_false (gtk_widget_get_visible (chips));
}

static gboolean
player_has_error (gpointer data)
{
  return em_player_bar_get_error (data) != NULL;
}

/* A recording that is not there is said so; the evaluation goes on. */
static void
test_missing_recording (Fixture       *f,
                        gconstpointer  data)
{
  EmPlayerBar *bar = view_child (f, "player_bar");

  g_assert_nonnull (em_player_bar_get_error (bar));
  g_assert_nonnull (strstr (em_player_bar_get_error (bar), "Recording not found"));
  g_assert_nonnull (strstr (em_player_bar_get_error (bar), "gone.ogg"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bar),
                                                                                      EM_TYPE_PLAYER_BAR,
                                                                                      "seek_scale"))));

  set_occurrences (f, "language.taboo", 2);
  type_score (f, "attitude.warmth", "9");
  g_assert_cmpstr (view_label (f, "total_label"), ==, "96");
  activate (f, "evaluate.submit");
  g_assert_cmpint (query_int (f, "SELECT status FROM evaluations"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT total FROM evaluations"), ==, 9600);
}

/* A file that is not a recording: the player says it cannot play it. */
static void
test_unplayable_recording (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  g_autofree char *recordings = NULL;
  g_autofree char *broken = NULL;

  open_window (f, "broken.ogg", "李敏");
  recordings = g_build_filename (f->data.dir, "recordings", NULL);
  broken = g_build_filename (recordings, "broken.ogg", NULL);
  g_assert_cmpint (g_mkdir_with_parents (recordings, 0700), ==, 0);
  em_test_write_file (broken, "this is not an Ogg file\n", -1);
  open_view (f);

  g_assert_true (em_test_spin_until (player_has_error, view_child (f, "player_bar"), TIMEOUT_MS));
  set_met (f, "voice.clear", FALSE);
  g_assert_cmpstr (view_label (f, "total_label"), ==, "98");

  teardown (f, NULL);
}

/* The last changes are in the database even when Earmark is killed: a
 * child process makes them in a real view and is killed 3 s later.
 */
static void
test_autosave_survives_kill (void)
{
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *call_id = NULL;
  g_autofree char *line = NULL;
  g_autofree char *answers_text = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmAnswers) answers = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(EmDb) db = NULL;
  EmTestCallDb data = { 0 };

  em_test_call_db_init (&data, dir, "call-20s.ogg");
  call_id = g_strdup_printf ("%" G_GINT64_FORMAT, data.call_id);
  g_clear_object (&data.db);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            BUILD_DIR "/tests/evaluate-autosave-child", data.db_path, call_id, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "changed");

  g_usleep (3 * G_USEC_PER_SEC);
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  db = em_db_open (data.db_path, &error);
  g_assert_no_error (error);
  stmt = em_db_prepare (db, "SELECT answers, total, status, inspector FROM evaluations", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  answers_text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, 9100);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 0);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "李敏");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  answers = em_answers_new_from_data (answers_text, -1, "stored", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (em_item_answer_get_occurrences (em_answers_lookup_item (answers, "language.taboo")), ==, 2);
  g_assert_cmpstr (em_item_answer_get_note (em_answers_lookup_item (answers, "language.taboo")), ==, "两次说“不清楚”");
  g_assert_cmpint (em_item_answer_get_score (em_answers_lookup_item (answers, "attitude.warmth")), ==, 700);
  g_assert_cmpint (em_item_answer_get_result (em_answers_lookup_item (answers, "info.exaggeration")), ==,
                   EM_ITEM_RESULT_FAIL);

  g_clear_object (&db);
  data.db = NULL;
  em_test_call_db_clear (&data);
}

static gboolean
message_hidden (gpointer data)
{
  Fixture *f = data;

  return !gtk_revealer_get_reveal_child (view_child (f, "message_revealer"));
}

/* Another program holds the database's write lock: the draft cannot be
 * saved, the view says so and keeps trying; once the lock is gone, the
 * answers are saved and the message goes.
 */
static void
test_locked_database (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) other = em_db_open (f->data.db_path, &error);

  g_assert_no_error (error);
  g_assert_true (em_db_exec (other, "BEGIN IMMEDIATE", &error));

  set_occurrences (f, "language.taboo", 2);
  g_assert_cmpint (em_evaluate_view_get_evaluation_id (f->view), ==, 0);
  g_assert_true (gtk_revealer_get_reveal_child (view_child (f, "message_revealer")));
  g_assert_nonnull (strstr (view_label (f, "message_label"), "could not be saved"));
  g_assert_cmpstr (view_label (f, "save_label"), ==, "Not saved yet");
  g_assert_cmpstr (view_label (f, "total_label"), ==, "96");

  set_occurrences (f, "language.casual", 1);
  em_db_rollback (other);
  WAIT_FOR_QUERY (f, "SELECT total FROM evaluations", 9400);
  g_assert_true (em_test_spin_until (message_hidden, f, TIMEOUT_MS));
  g_assert_cmpint (item_column (f, "occurrences", "language.taboo"), ==, 2);
  g_assert_cmpint (item_column (f, "occurrences", "language.casual"), ==, 1);
}

/* Leaving the view saves at once, without waiting for the timer. */
static void
test_back_saves (Fixture       *f,
                 gconstpointer  data)
{
  GtkStack *main_stack = em_test_window_child (f->window, "main_stack");

  set_occurrences (f, "language.taboo", 1);
  set_occurrences (f, "language.taboo", 3);
  activate (f, "evaluate.back");
  g_assert_cmpint (item_column (f, "occurrences", "language.taboo"), ==, 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "pages");

  /* Opened again: the inspector's own draft, editable. */
  open_view (f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "evaluate");
  g_assert_false (em_evaluate_view_get_read_only (f->view));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (em_test_row_control (row (f, "language.taboo"),
                                                                          "occurrences_spin")), ==, 3);
  g_assert_cmpstr (view_label (f, "total_label"), ==, "94");
}

static GtkWindow *
find_dialog (void)
{
  return em_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

/* Complaint counters (加倍扣罚) and option lists, on other scorecards. */
static void
test_complaints_and_choices (Fixture       *f,
                             gconstpointer  data)
{
  GtkDropDown *scorecards = view_child (f, "scorecard_dropdown");
  GListModel *titles = gtk_drop_down_get_model (scorecards);
  EmScoreRow *hangup;
  GtkSpinButton *complaints;
  GtkWidget *complaint_box;
  GtkDropDown *options;
  GtkWindow *dialog;
  gint64 id;
  guint norm = GTK_INVALID_LIST_POSITION;
  guint survey = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (titles); i++)
    {
      const char *title = gtk_string_list_get_string (GTK_STRING_LIST (titles), i);

      if (g_str_equal (title, "客服中心服务规范考核条例"))
        norm = i;
      else if (g_str_equal (title, "销售回访CS评分"))
        survey = i;
    }
  g_assert_cmpuint (norm, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (survey, !=, GTK_INVALID_LIST_POSITION);

  /* 提前挂机: 6 per occurrence, doubled when it caused a complaint. */
  gtk_drop_down_set_selected (scorecards, norm);
  hangup = row (f, "conduct.early-hangup");
  complaint_box = em_test_row_control (hangup, "complaint_box");
  complaints = em_test_row_control (hangup, "complaint_spin");
  g_assert_true (gtk_widget_get_visible (complaint_box));
  g_assert_false (gtk_widget_get_visible (em_test_row_control (row (f, "conduct.staff-id"), "complaint_box")));

  gtk_spin_button_set_value (em_test_row_control (hangup, "occurrences_spin"), 2);
  gtk_spin_button_set_value (complaints, 1);
  g_assert_cmpstr (cost (f, "conduct.early-hangup"), ==, "−18");

  /* No more complaints than occurrences. */
  gtk_spin_button_set_value (complaints, 5);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (complaints), ==, 2);
  g_assert_cmpstr (cost (f, "conduct.early-hangup"), ==, "−24");
  gtk_spin_button_set_value (em_test_row_control (hangup, "occurrences_spin"), 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (complaints), ==, 1);
  g_assert_cmpstr (cost (f, "conduct.early-hangup"), ==, "−12");
  activate (f, "evaluate.save");
  g_assert_cmpint (item_column (f, "complaint_occurrences", "conduct.early-hangup"), ==, 1);
  g_assert_cmpint (item_column (f, "deduction", "conduct.early-hangup"), ==, 1200);

  /* The scorecard used last is the next call's default. */
  {
    g_autofree char *last = g_settings_get_string (f->settings, "last-scorecard");
    g_assert_cmpstr (last, ==, "service-norm-code");
  }

  /* Another scorecard for a started draft drops its answers: asked first. */
  id = em_evaluate_view_get_evaluation_id (f->view);
  gtk_drop_down_set_selected (scorecards, survey);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "change");
  em_test_spin (50);
  g_assert_cmpint (em_evaluate_view_get_evaluation_id (f->view), ==, id);
  g_assert_null (em_test_find_score_row (GTK_WIDGET (f->view), "conduct.early-hangup"));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM evaluation_items WHERE item_id = 'conduct.early-hangup'"),
                   ==, 0);

  /* An option list: 一般/基本满意 earns 18.75 of 25. */
  options = em_test_row_control (row (f, "sales.overall"), "option_dropdown");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (options)));
  g_assert_cmpstr (cost (f, "sales.overall"), ==, "?");
  gtk_drop_down_set_selected (options, 2);
  g_assert_cmpstr (cost (f, "sales.overall"), ==, "−6.25");
  activate (f, "evaluate.save");
  g_assert_cmpint (item_column (f, "option_index", "sales.overall"), ==, 2);
  g_assert_cmpint (item_column (f, "deduction", "sales.overall"), ==, 625);
}

static gboolean
view_is_editable (gpointer data)
{
  return !em_evaluate_view_get_read_only (data);
}

/* Someone else's evaluation is shown read-only; the inspector may start
 * their own beside it.
 */
static void
test_others_read_only (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  g_autoptr(EmEvaluationStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmAnswers) answers = NULL;
  g_autoptr(EmScorecard) scorecard = NULL;
  GtkDropDown *evaluations;
  gint64 version_id;
  gint64 id;

  open_window (f, "call-20s.ogg", "李敏");
  g_assert_true (em_shipped_scorecards_import (f->data.db, "test", &error));
  store = em_evaluation_store_new (f->data.db);
  version_id = em_scorecard_store_find_latest (f->data.db, "hotline-call-qa", &error);
  scorecard = em_evaluation_store_get_scorecard (store, version_id, &error);
  answers = em_answers_new_for_scorecard (scorecard);
  em_item_answer_set_occurrences (em_answers_ensure_item (answers, "language.taboo"), 1);
  id = em_evaluation_store_create (store, f->data.call_id, version_id, "张三", answers, &error);
  g_assert_no_error (error);
  open_view (f);

  g_assert_cmpint (em_evaluate_view_get_evaluation_id (f->view), ==, id);
  g_assert_true (em_evaluate_view_get_read_only (f->view));
  g_assert_cmpstr (view_label (f, "banner_label"), ==, "张三’s draft — read-only");
  g_assert_cmpstr (view_label (f, "total_label"), ==, "98");
  g_assert_false (gtk_widget_is_sensitive (em_test_row_control (row (f, "language.taboo"), "occurrences_spin")));

  /* The dropdown offers the inspector's own, new evaluation. */
  evaluations = view_child (f, "evaluation_dropdown");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (evaluations)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (evaluations)), ==, 2);
  gtk_drop_down_set_selected (evaluations, 1);
  g_assert_true (em_test_spin_until (view_is_editable, f->view, TIMEOUT_MS));
  g_assert_false (em_evaluate_view_get_read_only (f->view));
  g_assert_cmpint (em_evaluate_view_get_evaluation_id (f->view), ==, 0);
  g_assert_cmpstr (view_label (f, "total_label"), ==, "100");
  set_met (f, "voice.pace", FALSE);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM evaluations WHERE inspector = '李敏'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT total FROM evaluations WHERE inspector = '张三'"), ==, 9800);

  teardown (f, NULL);
}

/* Without a name, Earmark asks for one before anything is evaluated. */
static void
test_asks_inspector_name (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;

  open_window (f, "call-20s.ogg", "");
  open_view (f);

  dialog = ADW_MESSAGE_DIALOG (find_dialog ());
  g_assert_nonnull (dialog);
  g_assert_true (em_evaluate_view_get_read_only (f->view));
  g_assert_true (gtk_revealer_get_reveal_child (view_child (f, "banner_revealer")));
  g_assert_true (gtk_widget_get_visible (view_child (f, "banner_button")));
  g_assert_false (gtk_widget_is_sensitive (em_test_row_control (row (f, "language.taboo"), "occurrences_spin")));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));

  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "  李敏 ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  em_test_spin (50);

  name = g_settings_get_string (f->settings, "inspector-name");
  g_assert_cmpstr (name, ==, "李敏");
  g_assert_false (em_evaluate_view_get_read_only (f->view));
  g_assert_false (gtk_revealer_get_reveal_child (view_child (f, "banner_revealer")));
  set_occurrences (f, "language.taboo", 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM evaluations WHERE inspector = '李敏'"), ==, 1);

  teardown (f, NULL);
}

static gpointer
preferences_child (EmPreferencesWindow *preferences,
                   const char          *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (preferences), EM_TYPE_PREFERENCES_WINDOW, name);
}

/* Preferences: the name, caller numbers, the recordings folder. */
static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  EmPreferencesWindow *preferences;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  GtkWidget *details = view_child (f, "details_grid");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL));
  em_test_spin (50);
  preferences = EM_PREFERENCES_WINDOW (em_test_find_toplevel (EM_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (preferences);

  gtk_editable_set_text (preferences_child (preferences, "inspector_row"), "王质检");
  name = g_settings_get_string (f->settings, "inspector-name");
  g_assert_cmpstr (name, ==, "王质检");
  g_assert_cmpstr (em_evaluate_view_get_inspector (f->view), ==, "王质检");

  gtk_switch_set_active (preferences_child (preferences, "caller_switch"), TRUE);
  g_assert_nonnull (em_test_find_label (details, "13812345678"));

  dir = g_build_filename (f->data.dir, "elsewhere", NULL);
  g_assert_true (em_preferences_window_set_recordings_dir (preferences, dir, &error));
  g_assert_no_error (error);
  {
    g_autofree char *stored = query_text (f, "SELECT value FROM settings WHERE key = 'recordings_dir'");
    g_autofree char *used = em_db_dup_recordings_dir (f->data.db);
    g_assert_cmpstr (stored, ==, dir);
    g_assert_cmpstr (used, ==, dir);
  }

  /* The recording is looked for there from the next call on. */
  activate (f, "evaluate.back");
  open_view (f);
  g_assert_nonnull (strstr (em_player_bar_get_error (view_child (f, "player_bar")), "elsewhere"));

  g_assert_true (em_preferences_window_set_recordings_dir (preferences, NULL, &error));
  {
    g_autofree char *used = em_db_dup_recordings_dir (f->data.db);
    g_autofree char *beside = g_build_filename (f->data.dir, "recordings", NULL);
    g_assert_cmpstr (used, ==, beside);
  }
}

/* What a key does in the view: its shortcut, found among the view's own
 * shortcut controllers and activated as GTK does when the key is pressed.
 * Returns FALSE when the shortcut declines (the key goes on to the
 * focused widget).
 */
static gboolean
press (Fixture         *f,
       guint            keyval,
       GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (f->view),
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  g_assert_not_reached ();
}

static void
test_player_keys (Fixture       *f,
                  gconstpointer  data)
{
  EmPlayerBar *bar = view_child (f, "player_bar");
  GtkMediaStream *stream;
  EmScoreRow *taboo = row (f, "language.taboo");
  GtkWidget *pass = em_test_row_control (row (f, "info.complete"), "pass_switch");

  g_assert_true (em_test_spin_until (stream_prepared, bar, TIMEOUT_MS));
  stream = em_player_bar_get_stream (bar);

  /* Focus on a switch: Space plays instead of flipping it. */
  gtk_widget_grab_focus (pass);
  g_assert_true (press (f, GDK_KEY_space, 0));
  g_assert_true (gtk_media_stream_get_playing (stream));
  g_assert_true (press (f, GDK_KEY_space, 0));
  g_assert_false (gtk_media_stream_get_playing (stream));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (pass)));

  seek_and_wait (bar, 10);
  g_assert_true (press (f, GDK_KEY_Right, 0));
  g_assert_true (em_test_spin_until (stream_prepared, bar, TIMEOUT_MS));
  em_test_spin (100);
  g_assert_cmpfloat_with_epsilon (em_player_bar_get_position (bar), 15, 0.2);
  g_assert_true (press (f, GDK_KEY_Left, 0));
  g_assert_true (em_test_spin_until (stream_prepared, bar, TIMEOUT_MS));
  em_test_spin (100);
  g_assert_cmpfloat_with_epsilon (em_player_bar_get_position (bar), 10, 0.2);

  /* Typing a note: the keys are the text field's. */
  g_signal_emit_by_name (em_test_row_control (taboo, "note_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (em_test_row_control (taboo, "note_entry")));
  g_assert_false (press (f, GDK_KEY_space, 0));
  g_assert_false (press (f, GDK_KEY_Left, 0));
  g_assert_false (gtk_media_stream_get_playing (stream));
}

/* Ctrl+S saves now, Ctrl+Return submits, Escape and Alt+← go back. */
static void
test_workflow_keys (Fixture       *f,
                    gconstpointer  data)
{
  GtkStack *main_stack = em_test_window_child (f->window, "main_stack");

  set_occurrences (f, "language.taboo", 1);
  set_occurrences (f, "language.taboo", 2);
  g_assert_cmpint (item_column (f, "occurrences", "language.taboo"), ==, 1);
  g_assert_true (press (f, GDK_KEY_s, GDK_CONTROL_MASK));
  g_assert_cmpint (item_column (f, "occurrences", "language.taboo"), ==, 2);

  g_assert_true (press (f, GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_cmpint (query_int (f, "SELECT status FROM evaluations"), ==, 0);
  type_score (f, "attitude.warmth", "8");
  g_assert_true (press (f, GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_cmpint (query_int (f, "SELECT status FROM evaluations"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT total FROM evaluations"), ==, 9500);

  g_assert_true (press (f, GDK_KEY_Escape, 0));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "pages");
  open_view (f);
  g_assert_true (press (f, GDK_KEY_Left, GDK_ALT_MASK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "pages");
}

/* The shortcuts window GtkApplication shows for win.show-help-overlay. */
static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/earmark/Earmark/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");
  const char *expected[] = { "<Control>f", "<Control>q", "space", "Left", "Right", "<Control>s",
                             "<Control>Return" };
  g_autoptr(GPtrArray) accelerators = g_ptr_array_new_with_free_func (g_free);
  GSList *objects = gtk_builder_get_objects (builder);

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  for (GSList *l = objects; l != NULL; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        char *accelerator = NULL;

        g_object_get (l->data, "accelerator", &accelerator, NULL);
        g_ptr_array_add (accelerators, accelerator);
      }
  g_slist_free (objects);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (accelerators, expected[i], g_str_equal, NULL));

  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  earmark_register_resource ();

#define ADD(path, setup_func, func) g_test_add (path, Fixture, NULL, setup_func, func, teardown)
  ADD ("/evaluate/opens-call", setup, test_opens_call);
  ADD ("/evaluate/fill-hotline", setup, test_fill_hotline);
  ADD ("/evaluate/not-applicable", setup, test_not_applicable);
  ADD ("/evaluate/fatal", setup, test_fatal);
  ADD ("/evaluate/submit-and-finalise", setup, test_submit_and_finalise);
  ADD ("/evaluate/moments", setup, test_moments);
  ADD ("/evaluate/missing-recording", setup_missing_recording, test_missing_recording);
  ADD ("/evaluate/back-saves", setup, test_back_saves);
  ADD ("/evaluate/locked-database", setup, test_locked_database);
  ADD ("/evaluate/complaints-and-choices", setup, test_complaints_and_choices);
  ADD ("/evaluate/preferences", setup, test_preferences);
  ADD ("/evaluate/player-keys", setup, test_player_keys);
  ADD ("/evaluate/workflow-keys", setup, test_workflow_keys);
#undef ADD
  g_test_add_func ("/evaluate/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/evaluate/unplayable-recording", test_unplayable_recording);
  g_test_add_func ("/evaluate/autosave-survives-kill", test_autosave_survives_kill);
  g_test_add_func ("/evaluate/others-read-only", test_others_read_only);
  g_test_add_func ("/evaluate/asks-inspector-name", test_asks_inspector_name);

  return g_test_run ();
}

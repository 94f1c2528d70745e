/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "evaluate-demo"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "earmark-resources.h"
#include "em-application.h"
#include "em-evaluate-view.h"
#include "em-i18n.h"
#include "em-player-bar.h"
#include "em-test-evaluate.h"
#include "em-window.h"

/* Not a test: opens a database's newest call with a recording in the
 * evaluate view, the way the Calls page does, for looking at it
 * (screenshots in light and dark mode, English and Chinese).
 *
 *   evaluate-demo DB [--dark] [--fill] [--width W] [--height H]
 *                    [--scroll FRACTION] [--scorecard ID] [--action NAME]
 *                    [--anonymous] [--scroll-to LABEL] [--fatal]
 *
 * --action activates one of the view's actions afterwards, e.g.
 * evaluate.submit.  --anonymous starts without an inspector name (the
 * first-run question).  --fatal turns on a red-line item.  --fill answers a few items through the form's controls, as an
 * inspector would: an exaggeration, two forbidden phrases, a score, a
 * note and a moment.
 */

static gint64
newest_call_with_recording (EmDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db,
                                                "SELECT id FROM calls WHERE recording IS NOT NULL "
                                                "ORDER BY started_at DESC LIMIT 1", &error);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("No call with a recording in the database");
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
stream_ready (gpointer data)
{
  GtkMediaStream *stream = em_player_bar_get_stream (data);

  return stream != NULL && gtk_media_stream_is_prepared (stream) && !gtk_media_stream_is_seeking (stream);
}

static void
fill (GtkWidget *window)
{
  GtkWidget *view = GTK_WIDGET (gtk_widget_get_template_child (window, EM_TYPE_WINDOW, "evaluate_view"));
  EmPlayerBar *bar = EM_PLAYER_BAR (gtk_widget_get_template_child (view, EM_TYPE_EVALUATE_VIEW, "player_bar"));
  EmScoreRow *row;

  /* The moment marked: a few seconds into the recording. */
  if (em_test_spin_until (stream_ready, bar, 5000))
    {
      em_player_bar_seek_to (bar, 7.4);
      em_test_spin_until (stream_ready, bar, 5000);
      em_test_spin (200);
    }

  if ((row = em_test_find_score_row (window, "info.exaggeration")))
    gtk_switch_set_active (em_test_row_control (row, "pass_switch"), FALSE);
  if ((row = em_test_find_score_row (window, "language.taboo")))
    {
      gtk_spin_button_set_value (em_test_row_control (row, "occurrences_spin"), 2);
      g_signal_emit_by_name (em_test_row_control (row, "mark_button"), "clicked");
      gtk_editable_set_text (em_test_row_control (row, "note_entry"), "两次说“不清楚”,未主动核实");
    }
  if ((row = em_test_find_score_row (window, "attitude.warmth")))
    {
      gtk_editable_set_text (em_test_row_control (row, "score_spin"), "7");
      gtk_spin_button_update (em_test_row_control (row, "score_spin"));
    }
  if ((row = em_test_find_score_row (window, "business.record")))
    gtk_spin_button_set_value (em_test_row_control (row, "occurrences_spin"), 1);
}

typedef struct
{
  gboolean    fill;
  int         width;
  int         height;
  double      scroll;
  const char *scorecard;
  const char *action;
  gboolean    anonymous;
  const char *scroll_to;
  gboolean    fatal;
} Options;

static Options options = { FALSE, 1280, 860, 0, NULL, NULL, FALSE, NULL, FALSE };

static gboolean
open_call (gpointer user_data)
{
  GtkWindow *window = user_data;
  EmDb *db = em_window_get_db (EM_WINDOW (window));
  GtkWidget *page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), EM_TYPE_WINDOW, "calls_page"));

  GtkWidget *view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), EM_TYPE_WINDOW,
                                                              "evaluate_view"));
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_template_child (view, EM_TYPE_EVALUATE_VIEW,
                                                                                    "form_scroller"));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  g_autoptr(GError) error = NULL;

  gtk_widget_activate_action (page, "calls.open", "x", newest_call_with_recording (db));
  if (options.scorecard != NULL &&
      !em_evaluate_view_select_scorecard (EM_EVALUATE_VIEW (view), options.scorecard, &error))
    g_printerr ("%s\n", error->message);
  if (options.fill)
    fill (GTK_WIDGET (window));
  if (options.fatal)
    {
      EmScoreRow *row = em_test_find_score_row (GTK_WIDGET (window), "fatal.abuse");

      if (row != NULL)
        gtk_switch_set_active (em_test_row_control (row, "fatal_switch"), TRUE);
    }
  if (options.action != NULL)
    gtk_widget_activate_action (view, options.action, NULL);
  em_test_spin (500);
  gtk_adjustment_set_value (adjustment, options.scroll * (gtk_adjustment_get_upper (adjustment) -
                                                          gtk_adjustment_get_page_size (adjustment)));
  if (options.scroll_to != NULL)
    {
      GtkWidget *content = gtk_scrolled_window_get_child (scroller);
      GtkWidget *label = em_test_find_label (content, options.scroll_to);
      graphene_point_t point;

      if (label != NULL && gtk_widget_compute_point (label, content, &GRAPHENE_POINT_INIT (0, 0), &point))
        gtk_adjustment_set_value (adjustment, point.y - 18);
    }
  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  if (!EM_IS_WINDOW (window))
    return;

  gtk_window_set_default_size (window, options.width, options.height);
  g_timeout_add (500, open_call, window);
}

static void
force_dark (GApplication *app)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
}

/* The real application (its styles, shortcuts window and menus) on DB,
 * with the newest call with a recording opened from the Calls page.
 */
int
main (int    argc,
      char **argv)
{
  g_autoptr(EmApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *name = NULL;
  gboolean dark = FALSE;
  const char *path = NULL;
  char *app_argv[] = { argv[0], (char *) "--db", NULL, NULL };

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--dark"))
        dark = TRUE;
      else if (g_str_equal (argv[i], "--fill"))
        options.fill = TRUE;
      else if (g_str_equal (argv[i], "--width") && i + 1 < argc)
        options.width = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--height") && i + 1 < argc)
        options.height = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--scroll") && i + 1 < argc)
        options.scroll = g_ascii_strtod (argv[++i], NULL);
      else if (g_str_equal (argv[i], "--scorecard") && i + 1 < argc)
        options.scorecard = argv[++i];
      else if (g_str_equal (argv[i], "--action") && i + 1 < argc)
        options.action = argv[++i];
      else if (g_str_equal (argv[i], "--scroll-to") && i + 1 < argc)
        options.scroll_to = argv[++i];
      else if (g_str_equal (argv[i], "--fatal"))
        options.fatal = TRUE;
      else if (g_str_equal (argv[i], "--anonymous"))
        options.anonymous = TRUE;
      else
        path = argv[i];
    }

  if (path == NULL)
    {
      g_printerr ("usage: evaluate-demo DB [--dark] [--fill] [--width W] [--height H] "
                  "[--scroll FRACTION] [--scorecard ID] [--action NAME] [--anonymous] [--scroll-to LABEL] [--fatal]\n");
      return 2;
    }

  em_i18n_init ();
  earmark_register_resource ();

  settings = g_settings_new (APP_ID);
  name = g_settings_get_string (settings, "inspector-name");
  if (options.anonymous)
    g_settings_set_string (settings, "inspector-name", "");
  else if (*name == '\0')
    g_settings_set_string (settings, "inspector-name", "李敏");

  app = em_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  if (dark)
    g_signal_connect_after (app, "startup", G_CALLBACK (force_dark), NULL);
  app_argv[2] = (char *) path;
  return g_application_run (G_APPLICATION (app), 3, app_argv);
}

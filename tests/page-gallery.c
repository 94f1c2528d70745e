/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "page-gallery"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "earmark-resources.h"
#include "em-agents-page.h"
#include "em-calls-page.h"
#include "em-evaluations-page.h"
#include "em-i18n.h"
#include "em-sampling-page.h"
#include "em-scorecards-page.h"
#include "em-window.h"

/* Opens the main window on a database at one page, for looking at the
 * pages (screenshots in light and dark mode); not a test.
 *
 *   page-gallery --db PATH [--page NAME] [--month YYYY-MM] [--inspector NAME]
 *                [--action NAME] [--scorecard ID] [--evaluation ID] [--import FILE]
 *                [--agent CODE] [--height PIXELS] [--dark]
 *
 * --evaluation selects an evaluation on the Evaluations page; --action then
 * runs after it, e.g. evaluations.decide-appeal.  --import imports a CSV
 * file on the Calls page (its bad rows, if any, in the dialog).
 */

static char *db_path;
static char *page_name;
static char *month;
static char *inspector;
static char *action;
static char *scorecard;
static gint64 evaluation;
static char *import_path;
static int height;
static char *agent;
static gboolean dark;

static const GOptionEntry entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "The database", "PATH" },
  { "page", 0, 0, G_OPTION_ARG_STRING, &page_name, "The page to show (calls, sampling, …)", "NAME" },
  { "month", 0, 0, G_OPTION_ARG_STRING, &month, "The Sampling page's month", "YYYY-MM" },
  { "inspector", 0, 0, G_OPTION_ARG_STRING, &inspector, "The inspector-name setting", "NAME" },
  { "action", 0, 0, G_OPTION_ARG_STRING, &action, "An action of the page to activate, e.g. sampling.draw", "NAME" },
  { "scorecard", 0, 0, G_OPTION_ARG_STRING, &scorecard, "The scorecard the Scorecards page shows", "ID" },
  { "evaluation", 0, 0, G_OPTION_ARG_INT64, &evaluation, "The evaluation the Evaluations page selects", "ID" },
  { "agent", 0, 0, G_OPTION_ARG_STRING, &agent, "The agent the Agents page selects", "CODE" },
  { "height", 0, 0, G_OPTION_ARG_INT, &height, "The window's height", "PIXELS" },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, &import_path, "A call list the Calls page imports", "FILE" },
  { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Dark style", NULL },
  { NULL }
};

/* After the Evaluations page has listed the evaluations. */
static gboolean
select_evaluation (gpointer user_data)
{
  if (em_evaluations_page_get_loading (EM_EVALUATIONS_PAGE (user_data)))
    return G_SOURCE_CONTINUE;
  em_evaluations_page_select_evaluation (EM_EVALUATIONS_PAGE (user_data), evaluation);
  if (action != NULL)
    gtk_widget_activate_action (GTK_WIDGET (user_data), action, NULL);
  return G_SOURCE_REMOVE;
}

/* After the Agents page has listed the agents. */
static gboolean
select_agent (gpointer user_data)
{
  if (em_agents_page_get_busy (EM_AGENTS_PAGE (user_data)))
    return G_SOURCE_CONTINUE;
  em_agents_page_select_agent (EM_AGENTS_PAGE (user_data), agent);
  return G_SOURCE_REMOVE;
}

/* After the page was shown, when it has read the database. */
static gboolean
select_scorecard (gpointer user_data)
{
  em_scorecards_page_select (EM_SCORECARDS_PAGE (user_data), scorecard, 0);
  return G_SOURCE_REMOVE;
}

static void
on_activate (GtkApplication *app)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (db_path, &error);
  EmWindow *window;
  GtkWidget *stack;

  if (db == NULL)
    g_error ("%s", error->message);

  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  if (inspector != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      g_settings_set_string (settings, "inspector-name", inspector);
    }

  window = em_window_new (NULL, db);
  gtk_window_set_application (GTK_WINDOW (window), app);
  stack = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), EM_TYPE_WINDOW, "view_stack"));

  if (month != NULL)
    em_sampling_page_set_month (EM_SAMPLING_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                               EM_TYPE_WINDOW,
                                                                               "sampling_page")),
                                month);
  if (page_name != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), page_name);

  if (height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), 1200, height);
  gtk_window_present (GTK_WINDOW (window));

  if (scorecard != NULL)
    g_timeout_add_full (G_PRIORITY_DEFAULT, 500, select_scorecard,
                        g_object_ref (gtk_widget_get_template_child (GTK_WIDGET (window), EM_TYPE_WINDOW,
                                                                     "scorecards_page")),
                        g_object_unref);

  if (import_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (import_path);

      em_calls_page_import_file (EM_CALLS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                              EM_TYPE_WINDOW, "calls_page")),
                                 file);
    }

  if (agent != NULL)
    g_timeout_add_full (G_PRIORITY_DEFAULT, 300, select_agent,
                        g_object_ref (gtk_widget_get_template_child (GTK_WIDGET (window), EM_TYPE_WINDOW,
                                                                     "agents_page")),
                        g_object_unref);

  if (evaluation > 0)
    g_timeout_add_full (G_PRIORITY_DEFAULT, 300, select_evaluation,
                        g_object_ref (gtk_widget_get_template_child (GTK_WIDGET (window), EM_TYPE_WINDOW,
                                                                     "evaluations_page")),
                        g_object_unref);
  else if (action != NULL && page_name != NULL)
    gtk_widget_activate_action (adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), page_name),
                                action, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  em_i18n_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db_path == NULL)
    {
      g_printerr ("%s\npage-gallery --db PATH [--page NAME] [--month YYYY-MM] [--inspector NAME] [--dark]\n",
                  error != NULL ? error->message : "");
      return 2;
    }

  /* Registered before startup, where the application loads style.css. */
  earmark_register_resource ();
  app = g_object_new (ADW_TYPE_APPLICATION,
                      "application-id", "io.github.earmark.PageGallery",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/io/github/earmark/Earmark",
                      NULL);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}

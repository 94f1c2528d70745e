/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "evaluate-autosave-child"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "earmark-resources.h"
#include "em-evaluate-view.h"
#include "em-test-evaluate.h"
#include "em-window.h"

/* Run by test-evaluate-view (/evaluate/autosave-survives-kill): opens the
 * call in a real window, answers through the form's controls, prints
 * "changed" and keeps running until it is killed.  The first answer
 * creates the draft; the later ones are only ever written by the
 * autosave timer.
 *
 *   evaluate-autosave-child DB CALL_ID
 */

static gpointer
control (GtkWidget  *window,
         const char *item_id,
         const char *name)
{
  EmScoreRow *row = em_test_find_score_row (window, item_id);

  if (row == NULL)
    g_error ("No row for %s", item_id);
  return em_test_row_control (row, name);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = NULL;
  g_autoptr(GSettings) settings = NULL;
  GtkWidget *window;
  GtkWidget *calls_page;
  GtkSpinButton *score;

  if (argc != 3)
    {
      g_printerr ("usage: evaluate-autosave-child DB CALL_ID\n");
      return 2;
    }

  gtk_init ();
  adw_init ();
  earmark_register_resource ();

  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "inspector-name", "李敏");
  if (!(db = em_db_open (argv[1], &error)))
    g_error ("%s", error->message);

  window = GTK_WIDGET (em_window_new (NULL, db));
  gtk_window_present (GTK_WINDOW (window));
  em_test_spin (200);
  calls_page = GTK_WIDGET (gtk_widget_get_template_child (window, EM_TYPE_WINDOW, "calls_page"));
  if (!gtk_widget_activate_action (calls_page, "calls.open", "x", g_ascii_strtoll (argv[2], NULL, 10)))
    g_error ("Cannot open call %s", argv[2]);
  em_test_spin (200);

  gtk_spin_button_set_value (control (window, "language.taboo", "occurrences_spin"), 2);
  em_test_spin (300);

  score = control (window, "attitude.warmth", "score_spin");
  gtk_editable_set_text (GTK_EDITABLE (score), "7");
  gtk_spin_button_update (score);
  gtk_editable_set_text (control (window, "language.taboo", "note_entry"), "两次说“不清楚”");
  gtk_switch_set_active (control (window, "info.exaggeration", "pass_switch"), FALSE);

  printf ("changed\n");
  fflush (stdout);

  while (TRUE)
    g_main_context_iteration (NULL, TRUE);

  return 0;
}

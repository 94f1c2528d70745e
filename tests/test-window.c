/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "earmark-resources.h"
#include "em-error.h"
#include "em-test-util.h"
#include "em-window.h"

static void
spin_until_idle (void)
{
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The window opens on a fresh database and offers the pages of
 * DESIGN.md §9.
 */
static void
test_window_opens (void)
{
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "earmark.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (path, &error);
  const char *pages[] = { "calls", "sampling", "evaluations", "agents", "reports", "scorecards" };
  AdwViewStack *stack;
  EmWindow *window;

  g_assert_no_error (error);
  window = em_window_new (NULL, db);
  gtk_window_present (GTK_WINDOW (window));
  spin_until_idle ();

  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), EM_TYPE_WINDOW, "view_stack"));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    g_assert_nonnull (adw_view_stack_get_child_by_name (stack, pages[i]));

  gtk_window_destroy (GTK_WINDOW (window));
  em_test_rm_rf (dir);
}

static void
test_database_error_page (void)
{
  g_autoptr(GError) error = g_error_new_literal (EM_ERROR, EM_ERROR_DATABASE_CORRUPT,
                                                 "“/tmp/x.db” is damaged");
  EmWindow *window = em_window_new (NULL, NULL);
  GtkStack *main_stack;

  em_window_show_database_error (window, "/tmp/x.db", error);
  gtk_window_present (GTK_WINDOW (window));
  spin_until_idle ();

  main_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), EM_TYPE_WINDOW, "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "database-error");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  earmark_register_resource ();

  g_test_add_func ("/window/opens", test_window_opens);
  g_test_add_func ("/window/database-error", test_database_error_page);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-test"

#include "config.h"

#include <string.h>

#include "em-test-gui.h"

/* The main loop --------------------------------------------------------- */

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop for @ms (timers, worker threads' results, GStreamer
 * messages, redraws).
 */
void
em_test_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;
  guint source = g_timeout_add (10, wake_up, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);
}

/* Runs the main loop until @condition holds, then a little longer so that
 * what it changed is drawn.  FALSE if it still does not hold after
 * @timeout_ms.
 */
gboolean
em_test_spin_until (EmTestCondition condition,
                    gpointer        data,
                    guint           timeout_ms)
{
  /* tests/run-all stretches every wait as it stretches meson's timeouts
   * (under the sanitizers everything takes many times longer).
   */
  const char *multiplier = g_getenv ("EARMARK_TIMEOUT_MULTIPLIER");
  gint64 scale = multiplier != NULL ? MAX (g_ascii_strtoll (multiplier, NULL, 10), 1) : 1;
  gint64 until = g_get_monotonic_time () + (gint64) timeout_ms * 1000 * scale;

  while (g_get_monotonic_time () < until)
    {
      if (condition (data))
        {
          em_test_spin (50);
          return TRUE;
        }
      em_test_spin (10);
    }

  return condition (data);
}

/* Finding widgets ------------------------------------------------------- */

gpointer
em_test_template_child (gpointer    widget,
                        GType       type,
                        const char *name)
{
  gpointer child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

GtkWidget *
em_test_find_of_type (GtkWidget *root,
                      GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = em_test_find_of_type (child, type)))
        return found;
    }
  return NULL;
}

/* Adds every widget of @type below @root to @out, mapped or not. */
void
em_test_collect (GtkWidget *root,
                 GType      type,
                 GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (out, child);
      em_test_collect (child, type, out);
    }
}

/* The widget whose gtk_widget_get_name() is @name. */
GtkWidget *
em_test_find_named (GtkWidget  *root,
                    const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = em_test_find_named (child, name)))
        return found;
    }
  return NULL;
}

/* A button on screen that activates @action_name. */
GtkWidget *
em_test_find_action_button (GtkWidget  *root,
                            const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return child;
      if ((found = em_test_find_action_button (child, action_name)))
        return found;
    }
  return NULL;
}

/* The label (mapped or not) whose text, markup included, is @text. */
gpointer
em_test_find_label (GtkWidget  *root,
                    const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = em_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_shown_labels (GtkWidget *root,
                      GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child))
        g_ptr_array_add (out, child);
      collect_shown_labels (child, out);
    }
}

/* The GtkLabels on screen below @root, in widget order. */
GPtrArray *
em_test_shown_labels (GtkWidget *root)
{
  GPtrArray *labels = g_ptr_array_new ();

  collect_shown_labels (root, labels);
  return labels;
}

/* Whether a label on screen below @root reads @text (its text as drawn,
 * without markup).
 */
gboolean
em_test_shows_text (GtkWidget  *root,
                    const char *text)
{
  g_autoptr(GPtrArray) labels = em_test_shown_labels (root);

  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)), text))
      return TRUE;
  return FALSE;
}

gboolean
em_test_shows_text_containing (GtkWidget  *root,
                               const char *part)
{
  g_autoptr(GPtrArray) labels = em_test_shown_labels (root);

  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), part) != NULL)
      return TRUE;
  return FALSE;
}

/* Rows drawn ------------------------------------------------------------ */

static double
label_y (GtkWidget *label,
         GtkWidget *view)
{
  graphene_point_t point = GRAPHENE_POINT_INIT (0, 0), out;

  g_assert_true (gtk_widget_compute_point (label, view, &point, &out));
  return out.y;
}

/* The text of the topmost label drawn in @view that starts with @prefix:
 * the first row's cell of that column.
 */
const char *
em_test_first_drawn_text (GtkWidget  *view,
                          const char *prefix)
{
  g_autoptr(GPtrArray) labels = em_test_shown_labels (view);
  const char *best = NULL;
  double best_y = G_MAXDOUBLE;

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      double y = label_y (GTK_WIDGET (label), view);

      if (g_str_has_prefix (gtk_label_get_text (label), prefix) && y < best_y)
        best = gtk_label_get_text (label), best_y = y;
    }

  return best;
}

/* How many labels drawn in @view start with @prefix: the rows drawn. */
guint
em_test_n_drawn (GtkWidget  *view,
                 const char *prefix)
{
  g_autoptr(GPtrArray) labels = em_test_shown_labels (view);
  guint n = 0;

  for (guint i = 0; i < labels->len; i++)
    n += g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), prefix) ? 1 : 0;
  return n;
}

GtkColumnViewColumn *
em_test_column_titled (GtkColumnView *view,
                       const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_str_equal (gtk_column_view_column_get_title (column), title))
        return column;   /* the view keeps its reference */
    }
  g_error ("no column “%s”", title);
}

/* Doing ----------------------------------------------------------------- */

/* A click: only on a button a user could click. */
void
em_test_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Picks the entry that reads @label, as a user does in the popover. */
void
em_test_select_label (GtkDropDown *dropdown,
                      const char  *label)
{
  GListModel *labels = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (labels, i);

      if (g_str_equal (gtk_string_object_get_string (item), label))
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  g_error ("no “%s” in %s", label, gtk_widget_get_name (GTK_WIDGET (dropdown)));
}

/* A click on a message dialog's button: the response, then the dialog
 * closes (unless a handler already destroyed it).
 */
void
em_test_respond (AdwMessageDialog *dialog,
                 const char       *response)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  if (dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

/* Windows --------------------------------------------------------------- */

/* A visible toplevel of @type (a dialog), or NULL. */
GtkWindow *
em_test_find_toplevel (GType type)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
toplevel_shown (gpointer data)
{
  return em_test_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

GtkWindow *
em_test_wait_for_toplevel (GType type)
{
  g_assert_true (em_test_spin_until (toplevel_shown, GSIZE_TO_POINTER (type), EM_TEST_TIMEOUT_MS));
  em_test_spin (50);
  return em_test_find_toplevel (type);
}

/* The main window on @db, shown at @page ("calls", "agents", …; NULL:
 * the first page).
 */
EmWindow *
em_test_open_window (EmDb       *db,
                     const char *page,
                     int         width,
                     int         height)
{
  EmWindow *window = em_window_new (NULL, db);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  if (page != NULL)
    adw_view_stack_set_visible_child_name (em_test_window_child (window, "view_stack"), page);
  return window;
}

gpointer
em_test_window_child (EmWindow   *window,
                      const char *name)
{
  return em_test_template_child (window, EM_TYPE_WINDOW, name);
}

/* Closes every window, dialogs a test left open included. */
void
em_test_destroy_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  em_test_spin (50);
}

/* The database ---------------------------------------------------------- */

static sqlite3_stmt *
query_row (EmDb       *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = em_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return stmt;
}

gint64
em_test_query_int (EmDb       *db,
                   const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = query_row (db, sql);

  return sqlite3_column_int64 (stmt, 0);
}

char *
em_test_query_text (EmDb       *db,
                    const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = query_row (db, sql);

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

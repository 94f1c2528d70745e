/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-calls-page-private.h"
#include "em-points.h"
#include "em-sql-sort.h"

/* The column view shows an EmCallListModel, which pages rows from SQLite
 * and sorts and filters in SQL: nothing here may wrap it in a
 * GtkSortListModel or GtkFilterListModel, which would read every row.
 * The headers' sorters are only read, to build the model's query
 * (em-sql-sort.c).
 */

G_DEFINE_FINAL_TYPE (EmCallsPage, em_calls_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DB,
  N_PROPS
};

enum {
  OPEN_CALL,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef char *(*CellText) (EmCall *call);

typedef struct
{
  const char *id;
  const char *title;
  EmCallSort  sort;
  CellText    text;
  int         width;
  float       xalign;     /* amounts right-aligned, the rest left */
  gboolean    numeric;    /* tabular figures */
} Column;

static char *
text_external_id (EmCall *call)
{
  return g_strdup (em_call_get_external_id (call));
}

static char *
text_started_at (EmCall *call)
{
  g_autoptr(GDateTime) local = em_call_dup_started_at_local (call);

  /* The center's own time, as the call platform recorded it. */
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
text_agent (EmCall *call)
{
  const char *name = em_call_get_agent_name (call);

  if (name == NULL || *name == '\0')
    return g_strdup (em_call_get_agent_code (call));
  return g_strdup_printf ("%s %s", em_call_get_agent_code (call), name);
}

static char *
text_team (EmCall *call)
{
  return g_strdup (em_call_get_team (call));
}

static char *
text_duration (EmCall *call)
{
  return em_call_format_duration (em_call_get_duration (call));
}

static char *
text_wait (EmCall *call)
{
  if (em_call_get_wait (call) < 0)
    return NULL;
  /* Translators: a wait in seconds, e.g. "12 s" */
  return g_strdup_printf (_("%d s"), em_call_get_wait (call));
}

static char *
text_direction (EmCall *call)
{
  switch (em_call_get_direction (call))
    {
    case EM_CALL_DIRECTION_INBOUND: return g_strdup (_("Inbound"));
    case EM_CALL_DIRECTION_OUTBOUND: return g_strdup (_("Outbound"));
    case EM_CALL_DIRECTION_UNKNOWN:
    default: return NULL;
    }
}

static char *
text_caller (EmCall *call)
{
  /* Personal data (seed 004): masked on screen. */
  return g_strdup (em_call_get_caller_masked (call));
}

static char *
text_queue (EmCall *call)
{
  return g_strdup (em_call_get_queue (call));
}

static char *
text_satisfaction (EmCall *call)
{
  guint satisfaction = em_call_get_satisfaction (call);

  return satisfaction > 0 ? g_strdup_printf ("%u", satisfaction) : NULL;
}

static char *
text_resolved (EmCall *call)
{
  switch (em_call_get_resolved (call))
    {
    case 1: return g_strdup (_("Yes"));
    case 0: return g_strdup (_("No"));
    default: return NULL;
    }
}

static char *
text_evaluation (EmCall *call)
{
  g_autofree char *total = em_points_format (em_call_get_evaluation_total (call));

  switch (em_call_get_evaluation (call))
    {
    /* Translators: an evaluation's status and its total, e.g. "Draft · 87.5" */
    case EM_CALL_EVALUATION_DRAFT: return g_strdup_printf (_("Draft · %s"), total);
    case EM_CALL_EVALUATION_SUBMITTED: return g_strdup_printf (_("Submitted · %s"), total);
    case EM_CALL_EVALUATION_FINALISED: return g_strdup_printf (_("Finalised · %s"), total);
    case EM_CALL_EVALUATION_NONE:
    default: return NULL;
    }
}

static const Column columns[] = {
  { "external-id", N_("Call ID"), EM_CALL_SORT_EXTERNAL_ID, text_external_id, 150, 0.0, TRUE },
  { "started-at", N_("Start Time"), EM_CALL_SORT_STARTED_AT, text_started_at, 140, 0.0, TRUE },
  { "agent", N_("Agent"), EM_CALL_SORT_AGENT, text_agent, 110, 0.0, FALSE },
  { "team", N_("Team"), EM_CALL_SORT_TEAM, text_team, 90, 0.0, FALSE },
  { "duration", N_("Duration"), EM_CALL_SORT_DURATION, text_duration, 80, 1.0, TRUE },
  { "wait", N_("Wait"), EM_CALL_SORT_WAIT, text_wait, 60, 1.0, TRUE },
  { "direction", N_("Direction"), EM_CALL_SORT_DIRECTION, text_direction, 80, 0.0, FALSE },
  { "caller", N_("Caller"), EM_CALL_SORT_CALLER, text_caller, 120, 0.0, TRUE },
  { "queue", N_("Queue"), EM_CALL_SORT_QUEUE, text_queue, 70, 0.0, FALSE },
  { "satisfaction", N_("Satisfaction"), EM_CALL_SORT_SATISFACTION, text_satisfaction, 90, 1.0, TRUE },
  { "resolved", N_("Resolved"), EM_CALL_SORT_RESOLVED, text_resolved, 80, 0.0, FALSE },
  { "evaluation", N_("Evaluation"), EM_CALL_SORT_EVALUATION, text_evaluation, 130, 0.0, FALSE },
};

static void
on_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const Column             *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column->xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column->numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              const Column             *column)
{
  EmCall *call = gtk_list_item_get_item (item);
  g_autofree char *text = call != NULL ? column->text (call) : NULL;

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

/* The column the user sorts by; FALSE when no header sorts. */
static gboolean
read_header_sort (EmCallsPage *self,
                  EmCallSort  *out_sort,
                  gboolean    *out_descending)
{
  int key;

  if (!em_sql_sort_read (self->column_view, &key, out_descending))
    return FALSE;

  *out_sort = key;
  return TRUE;
}

static void
on_query_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(EmCallsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  if (em_call_list_model_set_query_finish (EM_CALL_LIST_MODEL (object), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->model == NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("The Calls Cannot Be Listed"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The model counts in a thread (a search over a million calls takes a
 * good part of a second) and shows the newest query when it is ready.
 */
static void
set_query (EmCallsPage       *self,
           const EmCallQuery *query)
{
  _em_calls_page_update_filter_indicators (self, query);
  em_call_list_model_set_query_async (self->model, query, NULL, on_query_done, g_object_ref (self));
}

void
_em_calls_page_set_query (EmCallsPage       *self,
                          const EmCallQuery *query)
{
  set_query (self, query);
}

static void
on_sorter_changed (EmCallsPage      *self,
                   GtkSorterChange   change,
                   GtkSorter        *sorter)
{
  g_autoptr(EmCallQuery) query = NULL;
  EmCallSort sort = EM_CALL_SORT_STARTED_AT;
  gboolean descending = TRUE;

  /* The columns leave the column view as the page is disposed. */
  if (self->model == NULL || self->column_view == NULL)
    return;

  /* No header sorts: back to the default, newest first. */
  read_header_sort (self, &sort, &descending);

  query = em_call_query_copy (em_call_list_model_get_query (self->model));
  em_call_query_set_sort (query, sort, descending);
  set_query (self, query);
}

static void
on_search_entry_search_changed (EmCallsPage    *self,
                                GtkSearchEntry *entry)
{
  g_autoptr(EmCallQuery) query = NULL;
  const EmCallQuery *current;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->model == NULL)
    return;

  /* The entry's delayed signal after Enter already searched this text:
   * nothing changed, and the call Enter asked for must still open when
   * the search is listed (a search over a million calls takes longer
   * than the delay).
   */
  current = em_call_list_model_get_query (self->model);
  if (current != NULL && g_strcmp0 (text, em_call_query_get_search (current) != NULL
                                            ? em_call_query_get_search (current) : "") == 0)
    return;

  self->open_first_when_listed = FALSE;

  query = em_call_query_copy (current);
  em_call_query_set_search (query, text);
  set_query (self, query);
}

static void
on_search_entry_stop_search (EmCallsPage    *self,
                             GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_column_view_activate (EmCallsPage   *self,
                         guint          position,
                         GtkColumnView *view)
{
  g_autoptr(EmCall) call = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (call != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "calls.open", "x", em_call_get_id (call));
}

static void
open_first_call (EmCallsPage *self)
{
  self->open_first_when_listed = FALSE;
  on_column_view_activate (self, 0, self->column_view);
}

/* Enter in the search opens the first call listed, as a call id typed in
 * full finds just that call; the way to a call from the keyboard (and
 * for a screen reader).  A search still being counted opens its first
 * call when the list is ready.
 */
static void
on_search_entry_activate (EmCallsPage    *self,
                          GtkSearchEntry *entry)
{
  const EmCallQuery *query;
  const char *searched = NULL;

  if (self->model == NULL)
    return;

  if ((query = em_call_list_model_get_query (self->model)) != NULL)
    searched = em_call_query_get_search (query);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), searched != NULL ? searched : "") != 0)
    on_search_entry_search_changed (self, entry);   /* before the search delay */

  if (em_call_list_model_get_loading (self->model))
    self->open_first_when_listed = TRUE;
  else
    open_first_call (self);
}

static void
on_cancel_button_clicked (EmCallsPage *self,
                          GtkButton   *button)
{
  _em_calls_page_cancel_job (self);
  g_clear_handle_id (&self->progress_source, g_source_remove);
}

static gboolean
database_has_calls (EmDb *db)
{
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db, "SELECT EXISTS (SELECT 1 FROM calls)", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}

/* "No calls yet" only when the database has none; a search that finds
 * nothing says so in the list's place.
 */
static void
update_state (EmCallsPage *self)
{
  guint n_items = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  g_autofree char *count = NULL;

  if (self->db == NULL)
    return;

  if (n_items == 0 && !database_has_calls (self->db))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "calls");
  /* While a query is counted the list keeps showing the last result. */
  if (n_items > 0 || !em_call_list_model_get_loading (self->model))
    gtk_stack_set_visible_child_name (self->results_stack, n_items > 0 ? "list" : "no-results");

  count = g_strdup_printf (ngettext ("%'u call", "%'u calls", n_items), n_items);
  gtk_label_set_text (self->count_label, count);
}

static void
on_model_items_changed (EmCallsPage *self)
{
  update_state (self);
}

static void
on_model_loading_changed (EmCallsPage *self)
{
  gboolean loading = self->model != NULL && em_call_list_model_get_loading (self->model);

  gtk_spinner_set_spinning (self->loading_spinner, loading);
  gtk_widget_set_opacity (GTK_WIDGET (self->loading_spinner), loading ? 1.0 : 0.0);
  update_state (self);

  if (!loading && self->open_first_when_listed)
    open_first_call (self);
}

static void
add_columns (EmCallsPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkSorter *sorter;

      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup), (gpointer) &columns[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind), (gpointer) &columns[i]);

      column = gtk_column_view_column_new (_(columns[i].title), factory);
      sorter = em_sql_sort_sorter_new (columns[i].sort);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, i == G_N_ELEMENTS (columns) - 1);
      gtk_column_view_append_column (self->column_view, column);

      g_object_unref (sorter);
      g_object_unref (column);
    }
}

static GtkColumnViewColumn *
column_for_sort (EmCallsPage *self,
                 EmCallSort   sort)
{
  GListModel *list = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (columns[i].sort == sort)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);
        return column;   /* the column view holds it */
      }

  g_return_val_if_reached (NULL);
}

EmCallsPage *
em_calls_page_new (void)
{
  return g_object_new (EM_TYPE_CALLS_PAGE, NULL);
}

EmDb *
em_calls_page_get_db (EmCallsPage *self)
{
  g_return_val_if_fail (EM_IS_CALLS_PAGE (self), NULL);
  return self->db;
}

EmCallListModel *
em_calls_page_get_model (EmCallsPage *self)
{
  g_return_val_if_fail (EM_IS_CALLS_PAGE (self), NULL);
  return self->model;
}

void
em_calls_page_set_db (EmCallsPage *self,
                      EmDb        *db)
{
  g_return_if_fail (EM_IS_CALLS_PAGE (self));
  g_return_if_fail (db == NULL || EM_IS_DB (db));

  if (!g_set_object (&self->db, db))
    return;

  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed, self);
      g_signal_handlers_disconnect_by_func (self->model, on_model_loading_changed, self);
    }
  g_clear_object (&self->model);

  if (db != NULL)
    {
      self->model = em_call_list_model_new (db);
      g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (on_model_items_changed), self);
      g_signal_connect_swapped (self->model, "notify::loading", G_CALLBACK (on_model_loading_changed), self);
    }
  _em_calls_page_load_filter_choices (self);

  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
  gtk_column_view_sort_by_column (self->column_view, column_for_sort (self, EM_CALL_SORT_STARTED_AT),
                                  GTK_SORT_DESCENDING);
  update_state (self);
  _em_calls_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

static void
on_refresh_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!em_call_list_model_refresh_finish (EM_CALL_LIST_MODEL (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Cannot list the calls: %s", error->message);
}

/* After something else changed the calls (an import, an evaluation):
 * counted again in a thread; new teams and agents join the filters.
 */
void
em_calls_page_refresh (EmCallsPage *self)
{
  g_return_if_fail (EM_IS_CALLS_PAGE (self));

  if (self->model != NULL)
    em_call_list_model_refresh_async (self->model, NULL, on_refresh_done, NULL);
  _em_calls_page_load_filter_choices (self);
  update_state (self);
}

static gboolean
focus_search (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  EmCallsPage *self = EM_CALLS_PAGE (widget);

  if (!gtk_widget_is_visible (GTK_WIDGET (self->search_entry)) ||
      !gtk_widget_get_mapped (GTK_WIDGET (self->search_entry)))
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

static void
em_calls_page_dispose (GObject *object)
{
  EmCallsPage *self = (EmCallsPage *) object;

  _em_calls_page_cancel_job (self);

  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed, self);
      g_signal_handlers_disconnect_by_func (self->model, on_model_loading_changed, self);
    }
  _em_calls_page_dispose_filters (self);

  /* AdwBin unparents its child itself: let it, then clear the pointers. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_CALLS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (em_calls_page_parent_class)->dispose (object);
}

static void
em_calls_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EmCallsPage *self = EM_CALLS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_calls_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  EmCallsPage *self = EM_CALLS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      em_calls_page_set_db (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_calls_page_class_init (EmCallsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = em_calls_page_dispose;
  object_class->get_property = em_calls_page_get_property;
  object_class->set_property = em_calls_page_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, EM_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EmCallsPage::open-call:
   * @call: the call to open
   *
   * A call was activated (a row, or the calls.open action).
   */
  signals[OPEN_CALL] =
    g_signal_new ("open-call", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, EM_TYPE_CALL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/earmark/Earmark/ui/em-calls-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, EmCallsPage, loading_spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked);

  _em_calls_page_class_init_actions (widget_class);
  _em_calls_page_class_init_filters (widget_class);
}

static void
em_calls_page_init (EmCallsPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (_em_calls_page_update_actions), self);

  add_columns (self);
  _em_calls_page_init_filters (self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, G_CONNECT_SWAPPED);

  /* Ctrl+F works from anywhere in the window while this page shows. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (focus_search, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  _em_calls_page_update_actions (self);
}

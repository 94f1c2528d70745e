/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-db-task.h"
#include "em-evaluation-text.h"
#include "em-evaluations-page-private.h"
#include "em-sql-sort.h"
#include "em-window.h"

/* Evaluations are a few percent of the calls, so the page reads the whole
 * filtered, sorted list (em_evaluation_query_run()) into a GListStore,
 * in a GTask thread with its own connection, and replaces the store's
 * contents with one items-changed; a result for an older query is
 * dropped.  As on the Calls page, sorting and filtering happen in SQL:
 * the column view's sorters only answer probes (em-sql-sort.c) so that
 * the headers show their arrows.  The list is read again whenever
 * the page is shown, since evaluations change on other pages.
 */

G_DEFINE_FINAL_TYPE (EmEvaluationsPage, em_evaluations_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DB,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef char *(*CellText) (EmEvaluationSummary *summary);

typedef struct
{
  const char       *title;
  EmEvaluationSort  sort;
  CellText          text;
  int               width;
  float             xalign;
  gboolean          numeric;
} Column;

static char *
text_call_id (EmEvaluationSummary *summary)
{
  return g_strdup (em_evaluation_summary_get_call_external_id (summary));
}

static char *
text_call_date (EmEvaluationSummary *summary)
{
  g_autoptr(GDateTime) local = em_evaluation_summary_dup_call_started_at_local (summary);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
text_agent (EmEvaluationSummary *summary)
{
  const char *name = em_evaluation_summary_get_agent_name (summary);

  if (name == NULL || *name == '\0')
    return g_strdup (em_evaluation_summary_get_agent_code (summary));
  return g_strdup_printf ("%s %s", em_evaluation_summary_get_agent_code (summary), name);
}

static char *
text_team (EmEvaluationSummary *summary)
{
  return g_strdup (em_evaluation_summary_get_team (summary));
}

static char *
text_inspector (EmEvaluationSummary *summary)
{
  return g_strdup (em_evaluation_summary_get_inspector (summary));
}

static char *
text_scorecard (EmEvaluationSummary *summary)
{
  return g_strdup (em_evaluation_summary_get_scorecard_title (summary));
}

static char *
text_status (EmEvaluationSummary *summary)
{
  return g_strdup (em_evaluation_text_status (em_evaluation_summary_get_status (summary)));
}

static char *
text_total (EmEvaluationSummary *summary)
{
  return em_points_format (em_evaluation_summary_get_total (summary));
}

static char *
text_fatal (EmEvaluationSummary *summary)
{
  return g_strdup (em_evaluation_summary_get_fatal (summary) ? _("Fatal") : "");
}

static char *
text_excluded (EmEvaluationSummary *summary)
{
  return g_strdup (em_evaluation_summary_get_excluded (summary) ? _("Excluded") : "");
}

static char *
text_appeal (EmEvaluationSummary *summary)
{
  /* The column says "Appeal": "Open" is enough. */
  if (em_evaluation_summary_get_appeal_state (summary) == EM_APPEAL_STATE_OPEN)
    /* Translators: an appeal waiting for a lead's decision, in the Appeal column */
    return g_strdup (C_("appeal", "Open"));
  return g_strdup (em_evaluation_text_appeal_state (em_evaluation_summary_get_appeal_state (summary)));
}

/* The figures an inspector scans for come first; the wide, mostly
 * constant ones (scorecard, fatal, excluded) last.
 */
static const Column columns[] = {
  { N_("Call ID"), EM_EVALUATION_SORT_CALL_ID, text_call_id, 130, 0.0, TRUE },
  { N_("Call Date"), EM_EVALUATION_SORT_CALL_DATE, text_call_date, 135, 0.0, TRUE },
  { N_("Agent"), EM_EVALUATION_SORT_AGENT, text_agent, 90, 0.0, FALSE },
  { N_("Team"), EM_EVALUATION_SORT_TEAM, text_team, 70, 0.0, FALSE },
  { N_("Total"), EM_EVALUATION_SORT_TOTAL, text_total, 55, 1.0, TRUE },
  { N_("Status"), EM_EVALUATION_SORT_STATUS, text_status, 80, 0.0, FALSE },
  { N_("Appeal"), EM_EVALUATION_SORT_APPEAL, text_appeal, 90, 0.0, FALSE },
  { N_("Inspector"), EM_EVALUATION_SORT_INSPECTOR, text_inspector, 70, 0.0, FALSE },
  { N_("Scorecard"), EM_EVALUATION_SORT_SCORECARD, text_scorecard, 120, 0.0, FALSE },
  { N_("Fatal"), EM_EVALUATION_SORT_FATAL, text_fatal, 50, 0.0, FALSE },
  { N_("Excluded"), EM_EVALUATION_SORT_EXCLUDED, text_excluded, 70, 0.0, FALSE },
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
  EmEvaluationSummary *summary = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = summary != NULL ? column->text (summary) : NULL;

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");

  /* Red lines and open appeals stand out in the list. */
  if (column->sort == EM_EVALUATION_SORT_FATAL || column->sort == EM_EVALUATION_SORT_TOTAL)
    {
      if (summary != NULL && em_evaluation_summary_get_fatal (summary))
        gtk_widget_add_css_class (label, "error");
      else
        gtk_widget_remove_css_class (label, "error");
    }
  if (column->sort == EM_EVALUATION_SORT_APPEAL)
    {
      if (summary != NULL && em_evaluation_summary_get_appeal_state (summary) == EM_APPEAL_STATE_OPEN)
        gtk_widget_add_css_class (label, "accent");
      else
        gtk_widget_remove_css_class (label, "accent");
    }
}

static void
read_header_sort (EmEvaluationsPage *self)
{
  int key;

  self->sort = EM_EVALUATION_SORT_CALL_DATE;
  self->descending = TRUE;
  if (em_sql_sort_read (self->column_view, &key, &self->descending))
    self->sort = key;
}

static void
on_sorter_changed (EmEvaluationsPage *self)
{
  if (self->column_view == NULL)
    return;

  read_header_sort (self);
  _em_evaluations_page_reload (self);
}

static void
add_columns (EmEvaluationsPage *self)
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

/* Loading ------------------------------------------------------------- */

typedef struct
{
  EmEvaluationQuery *query;
  guint64            serial;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  em_evaluation_query_free (job->query);
  g_free (job);
}

static gboolean
load_rows (EmDb          *db,
           gpointer       task_data,
           GCancellable  *cancellable,
           gpointer      *out_rows,
           GError       **error)
{
  Job *job = task_data;

  *out_rows = em_evaluation_query_run (job->query, db, cancellable, error);
  return *out_rows != NULL;
}

static gboolean
database_has_evaluations (EmDb *db)
{
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db, "SELECT EXISTS (SELECT 1 FROM evaluations)", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}

static void
update_state (EmEvaluationsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *count = g_strdup_printf (ngettext ("%'u evaluation", "%'u evaluations", n), n);

  gtk_label_set_text (self->count_label, count);
  if (n == 0 && (self->db == NULL || !database_has_evaluations (self->db)))
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "evaluations");
  gtk_stack_set_visible_child_name (self->results_stack, n > 0 ? "list" : "no-results");
}

static void
set_loading (EmEvaluationsPage *self,
             gboolean           loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Replaces the list, keeping the selected evaluation selected. */
static void
apply_rows (EmEvaluationsPage *self,
            GPtrArray         *rows)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < rows->len && self->keep_selected > 0; i++)
    if (em_evaluation_summary_get_id (g_ptr_array_index (rows, i)) == self->keep_selected)
      selected = i;

  g_list_store_splice (self->list, 0, n_old, rows->pdata, rows->len);
  gtk_single_selection_set_selected (self->selection, selected);
  _em_evaluations_page_show_selected (self);
  update_state (self);
}

static void
on_load_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  EmEvaluationsPage *self = EM_EVALUATIONS_PAGE (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = g_task_propagate_pointer (G_TASK (result), &error);
  if (job->serial != self->serial || self->db == NULL)
    return;   /* a newer query replaced this one */

  set_loading (self, FALSE);
  g_clear_object (&self->cancellable);
  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        em_window_show_error_for (GTK_WIDGET (self), _("The Evaluations Cannot Be Listed"), error);
      return;
    }

  apply_rows (self, rows);
}

/* Reads the list again for the current filters and sort. */
void
_em_evaluations_page_reload (EmEvaluationsPage *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (self->db == NULL || self->filling_choices)
    return;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  self->keep_selected = self->evaluation != NULL ? em_evaluation_get_id (self->evaluation) : 0;

  job = g_new0 (Job, 1);
  job->query = _em_evaluations_page_build_query (self);
  job->serial = ++self->serial;

  task = g_task_new (self, self->cancellable, on_load_done, NULL);
  g_task_set_task_data (task, job, job_free);
  em_db_task_run_in_thread (task, self->db, load_rows, (GDestroyNotify) g_ptr_array_unref);
  set_loading (self, TRUE);
}

/* The inspector-name setting, trimmed; NULL when not set. */
char *
_em_evaluations_page_dup_me (EmEvaluationsPage *self)
{
  g_autofree char *name = self->settings != NULL ? g_settings_get_string (self->settings, "inspector-name") : NULL;

  if (name == NULL)
    return NULL;
  g_strstrip (name);
  return *name != '\0' ? g_steal_pointer (&name) : NULL;
}

/* Public API ------------------------------------------------------------- */

EmEvaluationsPage *
em_evaluations_page_new (void)
{
  return g_object_new (EM_TYPE_EVALUATIONS_PAGE, NULL);
}

EmDb *
em_evaluations_page_get_db (EmEvaluationsPage *self)
{
  g_return_val_if_fail (EM_IS_EVALUATIONS_PAGE (self), NULL);
  return self->db;
}

/* Returns: (transfer none): the listed EmEvaluationSummary rows */
GListModel *
em_evaluations_page_get_model (EmEvaluationsPage *self)
{
  g_return_val_if_fail (EM_IS_EVALUATIONS_PAGE (self), NULL);
  return G_LIST_MODEL (self->list);
}

/* Whether the list is being read. */
gboolean
em_evaluations_page_get_loading (EmEvaluationsPage *self)
{
  g_return_val_if_fail (EM_IS_EVALUATIONS_PAGE (self), FALSE);
  return self->loading;
}

void
em_evaluations_page_set_db (EmEvaluationsPage *self,
                            EmDb              *db)
{
  g_return_if_fail (EM_IS_EVALUATIONS_PAGE (self));
  g_return_if_fail (db == NULL || EM_IS_DB (db));

  if (!g_set_object (&self->db, db))
    return;

  g_clear_object (&self->appeals);
  g_clear_object (&self->store);
  g_clear_object (&self->evaluation);
  if (db != NULL)
    {
      self->store = em_evaluation_store_new (db);
      self->appeals = em_appeal_store_new (self->store);
    }

  g_list_store_remove_all (self->list);
  _em_evaluations_page_load_choices (self);
  _em_evaluations_page_reload (self);
  _em_evaluations_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

/* After evaluations changed elsewhere: the list and its choices again. */
void
em_evaluations_page_refresh (EmEvaluationsPage *self)
{
  g_return_if_fail (EM_IS_EVALUATIONS_PAGE (self));

  _em_evaluations_page_load_choices (self);
  _em_evaluations_page_reload (self);
}

/* GTK 4.8 has no gtk_column_view_scroll_to(): its list view has the
 * list.scroll-to-item action.
 */
static void
scroll_to (EmEvaluationsPage *self,
           guint              position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

/* Selects the evaluation if it is listed; TRUE if it is. */
gboolean
em_evaluations_page_select_evaluation (EmEvaluationsPage *self,
                                       gint64             evaluation_id)
{
  g_return_val_if_fail (EM_IS_EVALUATIONS_PAGE (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->list)); i++)
    {
      g_autoptr(EmEvaluationSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->list), i);

      if (em_evaluation_summary_get_id (summary) == evaluation_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          scroll_to (self, i);
          return TRUE;
        }
    }

  return FALSE;
}

static void
on_selection_changed (EmEvaluationsPage *self)
{
  _em_evaluations_page_show_selected (self);
}

static void
on_column_view_activate (EmEvaluationsPage *self,
                         guint              position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "evaluations.open-call", NULL);
}

static void
on_map (EmEvaluationsPage *self)
{
  em_evaluations_page_refresh (self);
}

static void
em_evaluations_page_dispose (GObject *object)
{
  EmEvaluationsPage *self = (EmEvaluationsPage *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _em_evaluations_page_dispose_filters (self);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_EVALUATIONS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->evaluation);
  g_clear_object (&self->appeals);
  g_clear_object (&self->store);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (em_evaluations_page_parent_class)->dispose (object);
}

static void
em_evaluations_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EmEvaluationsPage *self = EM_EVALUATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_evaluations_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EmEvaluationsPage *self = EM_EVALUATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      em_evaluations_page_set_db (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_evaluations_page_class_init (EmEvaluationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = em_evaluations_page_dispose;
  object_class->get_property = em_evaluations_page_get_property;
  object_class->set_property = em_evaluations_page_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, EM_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EM_TYPE_EVALUATION_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/earmark/Earmark/ui/em-evaluations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationsPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationsPage, detail);
  gtk_widget_class_bind_template_child (widget_class, EmEvaluationsPage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);

  _em_evaluations_page_class_init_filters (widget_class);
  _em_evaluations_page_class_init_actions (widget_class);
}

static void
em_evaluations_page_init (EmEvaluationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->sort = EM_EVALUATION_SORT_CALL_DATE;
  self->descending = TRUE;
  self->list = g_list_store_new (EM_TYPE_EVALUATION_SUMMARY);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);

  add_columns (self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, G_CONNECT_SWAPPED);
  {
    g_autoptr(GtkColumnViewColumn) call_date = g_list_model_get_item (gtk_column_view_get_columns (self->column_view),
                                                                      1 /* EM_EVALUATION_SORT_CALL_DATE */);

    gtk_column_view_sort_by_column (self->column_view, call_date, GTK_SORT_DESCENDING);
  }
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);

  _em_evaluations_page_init_filters (self);
  update_state (self);
  _em_evaluations_page_update_actions (self);
}

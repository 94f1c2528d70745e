/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-agent-history.h"
#include "em-db-task.h"
#include "em-error.h"
#include "em-figures-row.h"
#include "em-reports-page-private.h"

/* The period's figures are computed in a worker thread with its own EmDb
 * (em_month_report_compute() over every agent); choosing a team only
 * filters the rows, as `earmark-cli month --team` does, with ranks within
 * the team.  The page recomputes when it is mapped and the database
 * changed since (PRAGMA data_version for other connections' commits,
 * sqlite3_total_changes() for this connection's own).
 */

G_DEFINE_FINAL_TYPE (EmReportsPage, em_reports_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DB,
  PROP_BUSY,
  PROP_EXPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  EmScheme *scheme;
  EmPeriod  period;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->scheme);
  g_free (job);
}

static void
read_stamp (EmDb   *db,
            gint64  stamp[2])
{
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db, "PRAGMA data_version", NULL);

  stamp[0] = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  stamp[1] = sqlite3_total_changes64 (em_db_get_handle (db));
}

gboolean
em_reports_page_get_busy (EmReportsPage *self)
{
  g_return_val_if_fail (EM_IS_REPORTS_PAGE (self), FALSE);

  return self->compute_task != NULL;
}

gboolean
em_reports_page_get_exporting (EmReportsPage *self)
{
  g_return_val_if_fail (EM_IS_REPORTS_PAGE (self), FALSE);

  return self->export_cancellable != NULL;
}

void
_em_reports_page_notify_exporting (EmReportsPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTING]);
}

static void
set_busy (EmReportsPage *self,
          GTask         *task,
          GCancellable  *cancellable)
{
  gboolean was_busy = self->compute_task != NULL;

  if (self->compute_cancellable != NULL)
    g_cancellable_cancel (self->compute_cancellable);
  g_set_object (&self->compute_task, task);
  g_set_object (&self->compute_cancellable, cancellable);

  if (task != NULL)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);

  _em_reports_page_update_actions (self);
  if (was_busy != (task != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Periods and teams -------------------------------------------------------- */

static EmPeriodKind
chosen_kind (EmReportsPage *self)
{
  switch (gtk_drop_down_get_selected (self->kind_dropdown))
    {
    case 1: return EM_PERIOD_QUARTER;
    case 2: return EM_PERIOD_YEAR;
    default: return EM_PERIOD_MONTH;
    }
}

gboolean
em_reports_page_get_period (EmReportsPage *self,
                            EmPeriod      *out_period)
{
  guint position;
  const char *text;

  g_return_val_if_fail (EM_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (out_period != NULL, FALSE);

  position = gtk_drop_down_get_selected (self->period_dropdown);
  if (position == GTK_INVALID_LIST_POSITION ||
      (text = gtk_string_list_get_string (self->periods, position)) == NULL)
    return FALSE;
  return em_period_parse (text, out_period, NULL);
}

static void
add_period (GPtrArray      *texts,
            const EmPeriod *period,
            const char     *chosen,
            guint          *select)
{
  char *text = em_period_to_string (period);

  if (g_strcmp0 (text, chosen) == 0)
    *select = texts->len;
  g_ptr_array_add (texts, text);
}

/* Every period of the kind chosen from the oldest call's to the newest's,
 * newest first; the one chosen stays chosen if it is still there.
 */
static void
fill_periods (EmReportsPage *self)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *chosen = NULL;
  EmPeriodKind kind = chosen_kind (self);
  int first = self->first_month.year * 12 + self->first_month.index - 1;
  int last = self->last_month.year * 12 + self->last_month.index - 1;
  EmPeriod period;
  guint select = 0;

  if (em_reports_page_get_period (self, &period))
    chosen = em_period_to_string (&period);

  for (int serial = last; serial >= first; serial--)
    {
      int year = serial / 12, month = serial % 12 + 1;

      if (kind == EM_PERIOD_MONTH)
        period = (EmPeriod) { EM_PERIOD_MONTH, year, month };
      else if (kind == EM_PERIOD_QUARTER && (serial == last || month % 3 == 0))
        period = (EmPeriod) { EM_PERIOD_QUARTER, year, (month - 1) / 3 + 1 };
      else if (kind == EM_PERIOD_YEAR && (serial == last || month == 12))
        period = (EmPeriod) { EM_PERIOD_YEAR, year, 0 };
      else
        continue;
      add_period (texts, &period, chosen, &select);
    }
  g_ptr_array_add (texts, NULL);

  self->filling = TRUE;
  gtk_string_list_splice (self->periods, 0, g_list_model_get_n_items (G_LIST_MODEL (self->periods)),
                          (const char * const *) texts->pdata);
  gtk_drop_down_set_selected (self->period_dropdown, select);
  self->filling = FALSE;
}

static gboolean
fill_teams (EmReportsPage  *self,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (self->db, "SELECT id, name FROM teams ORDER BY name", error);
  gint64 chosen = em_reports_page_get_team_id (self);
  guint select = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;

  self->filling = TRUE;
  g_array_set_size (self->team_ids, 1);
  gtk_string_list_splice (self->teams, 1, g_list_model_get_n_items (G_LIST_MODEL (self->teams)) - 1, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id == chosen)
        select = self->team_ids->len;
      g_array_append_val (self->team_ids, id);
      gtk_string_list_append (self->teams, (const char *) sqlite3_column_text (stmt, 1));
    }
  gtk_drop_down_set_selected (self->team_dropdown, select);
  self->filling = FALSE;

  if (rc != SQLITE_DONE)
    return em_db_set_error (self->db, error, rc, "listing the teams");
  return TRUE;
}

/* Returns: the id of the team whose agents are shown, 0 for every team */
gint64
em_reports_page_get_team_id (EmReportsPage *self)
{
  guint position;

  g_return_val_if_fail (EM_IS_REPORTS_PAGE (self), 0);

  position = gtk_drop_down_get_selected (self->team_dropdown);
  if (position == GTK_INVALID_LIST_POSITION || position >= self->team_ids->len)
    return 0;
  return g_array_index (self->team_ids, gint64, position);
}

/* Rows ------------------------------------------------------------------- */

static void
update_count (EmReportsPage *self)
{
  GListModel *rows = G_LIST_MODEL (self->rows);
  guint n = g_list_model_get_n_items (rows);
  gint64 n_evaluations = 0;
  g_autofree char *agents = NULL;
  g_autofree char *evaluations = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EmFiguresRow) row = g_list_model_get_item (rows, i);

      n_evaluations += em_figures_row_get_figures (row)->counts.n_evaluations;
    }

  agents = g_strdup_printf (ngettext ("%u agent", "%u agents", n), n);
  evaluations = g_strdup_printf ("%" G_GINT64_FORMAT, n_evaluations);
  /* Translators: "12 agents · 700 finalised evaluations" */
  text = g_strdup_printf (ngettext ("%s · %s finalised evaluation", "%s · %s finalised evaluations",
                                    (gulong) n_evaluations),
                          agents, evaluations);
  gtk_label_set_text (self->count_label, text);
}

static void
show_rows (EmReportsPage *self)
{
  gint64 team_id = em_reports_page_get_team_id (self);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *period = NULL;
  g_autofree char *description = NULL;

  if (self->report == NULL)
    return;

  for (guint i = 0; i < em_month_report_get_n_agents (self->report); i++)
    {
      const EmMonthFigures *f = em_month_report_get_agent (self->report, i);

      if (team_id == 0 || f->team_id == team_id)
        g_ptr_array_add (rows, em_figures_row_new (self->report, f, team_id != 0 ? f->team_rank : f->rank));
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);

  update_count (self);
  _em_reports_page_fill_summary (self);

  period = em_period_to_string (em_month_report_get_period (self->report));
  /* Translators: %s is a month, a quarter or a year */
  description = g_strdup_printf (_("No agent shown here had calls in %s."), period);
  adw_status_page_set_description (self->no_rows_page, description);
  gtk_stack_set_visible_child_name (self->content_stack, rows->len > 0 ? "report" : "no-rows");
}

/* GListModel of EmFiguresRow, in the order shown (the sort chosen). */
GListModel *
em_reports_page_get_rows (EmReportsPage *self)
{
  g_return_val_if_fail (EM_IS_REPORTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

/* Returns: (nullable) (transfer none): the figures shown */
EmMonthReport *
em_reports_page_get_report (EmReportsPage *self)
{
  g_return_val_if_fail (EM_IS_REPORTS_PAGE (self), NULL);

  return self->report;
}

/* Computing ------------------------------------------------------------------ */

static gboolean
compute_report (EmDb          *db,
                gpointer       task_data,
                GCancellable  *cancellable,
                gpointer      *out_report,
                GError       **error)
{
  Job *job = task_data;

  *out_report = em_month_report_compute (db, job->scheme, &job->period, cancellable, error);
  return *out_report != NULL;
}

static void
on_compute_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  EmReportsPage *self = EM_REPORTS_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmMonthReport) report = g_task_propagate_pointer (G_TASK (result), &error);

  if (G_TASK (result) != self->compute_task)
    return;   /* superseded, or the page went away */

  set_busy (self, NULL, NULL);

  if (report == NULL)
    {
      g_clear_object (&self->report);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      _em_reports_page_update_actions (self);
      return;
    }

  g_set_object (&self->report, report);
  show_rows (self);
  _em_reports_page_update_actions (self);
}

static void
start_compute (EmReportsPage *self)
{
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  if (!em_reports_page_get_period (self, &job->period))
    {
      job_free (job);
      return;
    }

  job->scheme = g_object_ref (self->scheme);

  cancellable = g_cancellable_new ();
  task = g_task_new (self, cancellable, on_compute_done, NULL);
  g_task_set_task_data (task, job, job_free);
  set_busy (self, task, cancellable);
  em_db_task_run_in_thread (task, self->db, compute_report, g_object_unref);
}

/**
 * em_reports_page_refresh:
 *
 * Reads the months and teams again and recomputes the figures in the
 * background.
 */
void
em_reports_page_refresh (EmReportsPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (EM_IS_REPORTS_PAGE (self));

  if (self->db == NULL)
    return;

  read_stamp (self->db, self->stamp);
  if (!em_agent_history_get_month_range (self->db, &self->first_month, &self->last_month, &error) ||
      !fill_teams (self, &error))
    {
      set_busy (self, NULL, NULL);
      g_clear_object (&self->report);
      g_list_store_remove_all (self->rows);
      if (g_error_matches (error, EM_ERROR, EM_ERROR_NOT_FOUND))
        gtk_stack_set_visible_child_name (self->stack, "empty");
      else
        {
          gtk_stack_set_visible_child_name (self->stack, "report");
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->content_stack, "error");
        }
      _em_reports_page_update_actions (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "report");
  fill_periods (self);
  start_compute (self);
}

/**
 * em_reports_page_set_period:
 *
 * Returns: %FALSE if the period is not offered (no calls around it)
 */
gboolean
em_reports_page_set_period (EmReportsPage  *self,
                            const EmPeriod *period)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (EM_IS_REPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  gtk_drop_down_set_selected (self->kind_dropdown,
                              period->kind == EM_PERIOD_QUARTER ? 1 : period->kind == EM_PERIOD_YEAR ? 2 : 0);
  text = em_period_to_string (period);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->periods)); i++)
    if (g_str_equal (gtk_string_list_get_string (self->periods, i), text))
      {
        gtk_drop_down_set_selected (self->period_dropdown, i);
        return TRUE;
      }

  return FALSE;
}

/**
 * em_reports_page_set_team:
 * @name: (nullable): a team's name, or %NULL for every team
 *
 * Returns: %FALSE if there is no such team
 */
gboolean
em_reports_page_set_team (EmReportsPage *self,
                          const char    *name)
{
  g_return_val_if_fail (EM_IS_REPORTS_PAGE (self), FALSE);

  if (name == NULL)
    {
      gtk_drop_down_set_selected (self->team_dropdown, 0);
      return TRUE;
    }

  for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (self->teams)); i++)
    if (g_str_equal (gtk_string_list_get_string (self->teams, i), name))
      {
        gtk_drop_down_set_selected (self->team_dropdown, i);
        return TRUE;
      }

  return FALSE;
}

static void
on_kind_dropdown_selected (EmReportsPage *self)
{
  if (self->filling || self->db == NULL)
    return;

  fill_periods (self);
  start_compute (self);
}

static void
on_period_dropdown_selected (EmReportsPage *self)
{
  if (!self->filling && self->db != NULL)
    start_compute (self);
}

static void
on_team_dropdown_selected (EmReportsPage *self)
{
  if (!self->filling)
    {
      show_rows (self);
      _em_reports_page_update_actions (self);
    }
}

/* Public API --------------------------------------------------------------- */

EmReportsPage *
em_reports_page_new (void)
{
  return g_object_new (EM_TYPE_REPORTS_PAGE, NULL);
}

EmDb *
em_reports_page_get_db (EmReportsPage *self)
{
  g_return_val_if_fail (EM_IS_REPORTS_PAGE (self), NULL);

  return self->db;
}

void
em_reports_page_set_db (EmReportsPage *self,
                        EmDb          *db)
{
  g_return_if_fail (EM_IS_REPORTS_PAGE (self));
  g_return_if_fail (db == NULL || EM_IS_DB (db));

  if (!g_set_object (&self->db, db))
    return;

  set_busy (self, NULL, NULL);
  g_clear_object (&self->report);
  g_list_store_remove_all (self->rows);
  if (db != NULL)
    em_reports_page_refresh (self);
  _em_reports_page_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
}

/* GObject -------------------------------------------------------------------- */

static void
em_reports_page_map (GtkWidget *widget)
{
  EmReportsPage *self = EM_REPORTS_PAGE (widget);
  gint64 now[2];

  GTK_WIDGET_CLASS (em_reports_page_parent_class)->map (widget);

  if (self->db == NULL || self->compute_task != NULL)
    return;

  read_stamp (self->db, now);
  if (now[0] != self->stamp[0] || now[1] != self->stamp[1])
    em_reports_page_refresh (self);
}

static void
em_reports_page_dispose (GObject *object)
{
  EmReportsPage *self = (EmReportsPage *) object;

  if (self->compute_cancellable != NULL)
    g_cancellable_cancel (self->compute_cancellable);
  g_clear_object (&self->compute_task);
  g_clear_object (&self->compute_cancellable);
  em_reports_page_cancel_export (self);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_REPORTS_PAGE);
  g_clear_object (&self->sorted);
  g_clear_object (&self->rows);
  g_clear_object (&self->periods);
  g_clear_object (&self->teams);
  g_clear_object (&self->report);
  g_clear_object (&self->scheme);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (em_reports_page_parent_class)->dispose (object);
}

static void
em_reports_page_finalize (GObject *object)
{
  EmReportsPage *self = (EmReportsPage *) object;

  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_free (self->language);
  g_free (self->export_path);

  G_OBJECT_CLASS (em_reports_page_parent_class)->finalize (object);
}

static void
em_reports_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EmReportsPage *self = EM_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, em_reports_page_get_busy (self));
      break;

    case PROP_EXPORTING:
      g_value_set_boolean (value, em_reports_page_get_exporting (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_reports_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EmReportsPage *self = EM_REPORTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      em_reports_page_set_db (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_reports_page_class_init (EmReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = em_reports_page_dispose;
  object_class->finalize = em_reports_page_finalize;
  object_class->get_property = em_reports_page_get_property;
  object_class->set_property = em_reports_page_set_property;
  widget_class->map = em_reports_page_map;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, EM_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPORTING] =
    g_param_spec_boolean ("exporting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EmReportsPage::export-finished:
   * @path: the workbook's path
   * @error: (nullable): why it was not written (cancelled included), or %NULL
   *
   * An export ended; the page has already told the user how.
   */
  g_signal_new ("export-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);

  g_type_ensure (EM_TYPE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/earmark/Earmark/ui/em-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, team_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, show_callers_check);
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, no_rows_page);
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, team_grid);
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, grade_grid);
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, totals_chart);
  gtk_widget_class_bind_template_child (widget_class, EmReportsPage, table_view);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_dropdown_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_period_dropdown_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_team_dropdown_selected);

  _em_reports_page_class_init_export (widget_class);
}

static void
em_reports_page_init (EmReportsPage *self)
{
  const char *kinds[] = { _("Month"), _("Quarter"), _("Year"), NULL };
  g_autoptr(GtkStringList) kind_list = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  gint64 all = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->scheme = em_scheme_new_default ();
  self->language = g_strdup (em_month_language_from_environment ());
  self->columns = g_ptr_array_new_with_free_func (g_free);

  kind_list = gtk_string_list_new (kinds);
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kind_list));
  self->periods = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (self->periods));

  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->team_ids, all);
  self->teams = gtk_string_list_new ((const char *[]) { _("All teams"), NULL });
  gtk_drop_down_set_model (self->team_dropdown, G_LIST_MODEL (self->teams));

  /* The rows stay in the report's order (best first) until a header is
   * clicked.
   */
  self->rows = g_list_store_new (EM_TYPE_FIGURES_ROW);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                          g_object_ref (gtk_column_view_get_sorter (self->table_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_column_view_set_model (self->table_view, GTK_SELECTION_MODEL (selection));
  _em_reports_page_init_table (self);
  _em_reports_page_update_actions (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "em-agent-evaluation.h"
#include "em-agent-history.h"
#include "em-agent-row.h"
#include "em-agents-page.h"
#include "em-chart.h"
#include "em-db-task.h"
#include "em-error.h"
#include "em-figures-row.h"

/* Two jobs run in worker threads, each with its own EmDb: the history of
 * every agent over the 12 months ending with the chosen month (all agents
 * at once, so that choosing another agent is instant), and the list of the
 * chosen agent's evaluations.  A newer request cancels an older one of the
 * same kind; a result that is no longer wanted is dropped.
 *
 * The page recomputes when it is mapped and the database changed since the
 * last computation: PRAGMA data_version counts other connections' commits
 * (an import thread), sqlite3_total_changes() this connection's own.
 */

#define N_MONTHS 12
#define N_TOP_DEDUCTIONS 8

struct _EmAgentsPage
{
  AdwBin              parent_instance;

  EmDb               *db;
  EmScheme           *scheme;
  char               *language;
  EmAgentHistory     *history;
  gint64              stamp[2];
  gboolean            stale;
  gboolean            filling_months;
  gboolean            filling_agents;

  GListStore         *agents;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  char               *search;          /* case-folded */
  GtkStringList      *months;          /* "YYYY-MM", newest first */
  GtkSingleSelection *evaluations;

  GTask              *history_task;
  GCancellable       *history_cancellable;
  GTask              *evaluations_task;
  GCancellable       *evaluations_cancellable;

  GtkStack           *stack;
  AdwStatusPage      *error_page;
  GtkSpinner         *spinner;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *month_dropdown;
  GtkStack           *list_stack;
  GtkListView        *agent_list;
  GtkStack           *detail_stack;
  GtkLabel           *name_label;
  GtkLabel           *subtitle_label;
  GtkLabel           *total_label;
  GtkLabel           *grade_label;
  GtkToggleButton    *total_button;
  GtkToggleButton    *qa_button;
  EmChart            *history_chart;
  EmChart            *deductions_chart;
  GtkLabel           *evaluations_count_label;
  GtkStack           *evaluations_stack;
  GtkColumnView      *evaluations_view;
};

G_DEFINE_FINAL_TYPE (EmAgentsPage, em_agents_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DB,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  EmScheme *scheme;
  char     *language;
  EmPeriod  first_month;
  EmPeriod  last_month;
  gint64    agent_id;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->scheme);
  g_free (job->language);
  g_free (job);
}

static void show_agent (EmAgentsPage *self);

/* State ----------------------------------------------------------------- */

gboolean
em_agents_page_get_busy (EmAgentsPage *self)
{
  g_return_val_if_fail (EM_IS_AGENTS_PAGE (self), FALSE);

  return self->history_task != NULL || self->evaluations_task != NULL;
}

static void
notify_busy (EmAgentsPage *self,
             gboolean      was_busy)
{
  if (was_busy != em_agents_page_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
read_stamp (EmDb   *db,
            gint64  stamp[2])
{
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db, "PRAGMA data_version", NULL);

  stamp[0] = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  stamp[1] = sqlite3_total_changes64 (em_db_get_handle (db));
}

static gboolean
database_changed (EmAgentsPage *self)
{
  gint64 now[2];

  read_stamp (self->db, now);
  return now[0] != self->stamp[0] || now[1] != self->stamp[1];
}

static void
cancel_task (GTask        **task,
             GCancellable **cancellable)
{
  if (*cancellable != NULL)
    g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  g_clear_object (task);
}

/* Months ---------------------------------------------------------------- */

static gboolean
month_at (EmAgentsPage *self,
          guint         position,
          EmPeriod     *out_month)
{
  const char *text;

  if (position == GTK_INVALID_LIST_POSITION ||
      (text = gtk_string_list_get_string (self->months, position)) == NULL)
    return FALSE;
  return em_period_parse_month (text, out_month, NULL);
}

gboolean
em_agents_page_get_month (EmAgentsPage *self,
                          EmPeriod     *out_month)
{
  g_return_val_if_fail (EM_IS_AGENTS_PAGE (self), FALSE);
  g_return_val_if_fail (out_month != NULL, FALSE);

  return month_at (self, gtk_drop_down_get_selected (self->month_dropdown), out_month);
}

/* Offers every month from the oldest call's to the newest's, newest first,
 * keeping the month chosen if it is still there.  Returns FALSE when the
 * database has no calls.
 */
static gboolean
fill_months (EmAgentsPage  *self,
             GError       **error)
{
  g_autofree char *chosen = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  EmPeriod first, last, chosen_month;
  guint select = 0;

  if (!em_agent_history_get_month_range (self->db, &first, &last, error))
    return FALSE;

  if (em_agents_page_get_month (self, &chosen_month))
    chosen = em_period_to_string (&chosen_month);

  for (EmPeriod m = last; m.year * 12 + m.index >= first.year * 12 + first.index;
       m = em_period_add_months (&m, -1))
    {
      char *text = em_period_to_string (&m);

      if (g_strcmp0 (text, chosen) == 0)
        select = texts->len;
      g_ptr_array_add (texts, text);
    }
  g_ptr_array_add (texts, NULL);

  self->filling_months = TRUE;
  gtk_string_list_splice (self->months, 0, g_list_model_get_n_items (G_LIST_MODEL (self->months)),
                          (const char * const *) texts->pdata);
  gtk_drop_down_set_selected (self->month_dropdown, select);
  self->filling_months = FALSE;
  return TRUE;
}

/* The history job ---------------------------------------------------------- */

static gboolean
compute_history (EmDb          *db,
                 gpointer       task_data,
                 GCancellable  *cancellable,
                 gpointer      *out_history,
                 GError       **error)
{
  Job *job = task_data;

  *out_history = em_agent_history_compute (db, job->scheme, &job->last_month, N_MONTHS,
                                           job->language, cancellable, error);
  return *out_history != NULL;
}

static void
fill_agents (EmAgentsPage *self)
{
  gint64 selected_id = 0;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  EmAgentRow *selected = gtk_single_selection_get_selected_item (self->selection);
  guint n_agents = em_agent_history_get_n_agents (self->history);

  if (selected != NULL)
    selected_id = em_agent_row_get_id (selected);

  /* One show_agent() follows, from the caller, not one per step here. */
  self->filling_agents = TRUE;
  for (guint i = 0; i < n_agents; i++)
    g_ptr_array_add (rows, em_agent_row_new (self->history, i));
  g_list_store_splice (self->agents, 0, g_list_model_get_n_items (G_LIST_MODEL (self->agents)),
                       rows->pdata, rows->len);

  /* The same agent stays chosen when the month or the data change. */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; selected_id != 0 && i < g_list_model_get_n_items (G_LIST_MODEL (self->selection)); i++)
    {
      g_autoptr(EmAgentRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (em_agent_row_get_id (row) == selected_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }
  self->filling_agents = FALSE;
}

static void
on_history_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  EmAgentsPage *self = EM_AGENTS_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmAgentHistory) history = g_task_propagate_pointer (G_TASK (result), &error);

  if (G_TASK (result) != self->history_task)
    return;   /* superseded or the page went away */

  g_clear_object (&self->history_task);
  g_clear_object (&self->history_cancellable);
  gtk_spinner_stop (self->spinner);

  if (history == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      notify_busy (self, TRUE);
      return;
    }

  g_set_object (&self->history, history);
  fill_agents (self);
  gtk_stack_set_visible_child_name (self->stack, "agents");
  show_agent (self);
  notify_busy (self, TRUE);
}

static void
start_history (EmAgentsPage *self)
{
  gboolean was_busy = em_agents_page_get_busy (self);
  Job *job;

  cancel_task (&self->history_task, &self->history_cancellable);

  job = g_new0 (Job, 1);
  job->scheme = g_object_ref (self->scheme);
  job->language = g_strdup (self->language);
  if (!em_agents_page_get_month (self, &job->last_month))
    {
      job_free (job);
      notify_busy (self, was_busy);
      return;
    }

  self->history_cancellable = g_cancellable_new ();
  self->history_task = g_task_new (self, self->history_cancellable, on_history_done, NULL);
  g_task_set_task_data (self->history_task, job, job_free);
  em_db_task_run_in_thread (self->history_task, self->db, compute_history, g_object_unref);

  /* Only the first computation hides the page; later ones keep showing
   * the figures they will replace.
   */
  if (self->history == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  notify_busy (self, was_busy);
}

/**
 * em_agents_page_refresh:
 *
 * Recomputes every figure in the background (after the calls or the
 * evaluations changed).
 */
void
em_agents_page_refresh (EmAgentsPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (EM_IS_AGENTS_PAGE (self));

  if (self->db == NULL)
    return;

  read_stamp (self->db, self->stamp);
  self->stale = FALSE;

  if (!fill_months (self, &error))
    {
      gboolean was_busy = em_agents_page_get_busy (self);

      cancel_task (&self->history_task, &self->history_cancellable);
      cancel_task (&self->evaluations_task, &self->evaluations_cancellable);
      g_clear_object (&self->history);
      g_list_store_remove_all (self->agents);
      if (g_error_matches (error, EM_ERROR, EM_ERROR_NOT_FOUND))
        gtk_stack_set_visible_child_name (self->stack, "empty");
      else
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      notify_busy (self, was_busy);
      return;
    }

  start_history (self);
}

/* The evaluations job ------------------------------------------------------ */

static gboolean
list_evaluations (EmDb          *db,
                  gpointer       task_data,
                  GCancellable  *cancellable,
                  gpointer      *out_list,
                  GError       **error)
{
  Job *job = task_data;

  *out_list = em_agent_history_list_evaluations (db, job->agent_id, &job->first_month, &job->last_month,
                                                 job->language, cancellable, error);
  return *out_list != NULL;
}

static void
on_evaluations_done (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  EmAgentsPage *self = EM_AGENTS_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = g_task_propagate_pointer (G_TASK (result), &error);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autofree char *first = NULL, *last = NULL, *count = NULL;
  guint n;

  if (G_TASK (result) != self->evaluations_task)
    return;

  g_clear_object (&self->evaluations_task);
  g_clear_object (&self->evaluations_cancellable);

  if (list == NULL)
    {
      gtk_label_set_text (self->evaluations_count_label, error->message);
      gtk_stack_set_visible_child_name (self->evaluations_stack, "none");
      notify_busy (self, TRUE);
      return;
    }

  n = g_list_model_get_n_items (list);
  first = em_period_to_string (&job->first_month);
  last = em_period_to_string (&job->last_month);
  /* Translators: e.g. "63 from 2025-11 to 2026-10" */
  count = g_strdup_printf (ngettext ("%u from %s to %s", "%u from %s to %s", n), n, first, last);
  gtk_label_set_text (self->evaluations_count_label, count);

  gtk_single_selection_set_model (self->evaluations, list);
  gtk_stack_set_visible_child_name (self->evaluations_stack, n > 0 ? "list" : "none");
  notify_busy (self, TRUE);
}

static void
start_evaluations (EmAgentsPage *self,
                   gint64        agent_id)
{
  gboolean was_busy = em_agents_page_get_busy (self);
  guint n_months = em_agent_history_get_n_months (self->history);
  Job *job = g_new0 (Job, 1);

  cancel_task (&self->evaluations_task, &self->evaluations_cancellable);

  job->language = g_strdup (self->language);
  job->agent_id = agent_id;
  job->first_month = *em_agent_history_get_month (self->history, 0);
  job->last_month = *em_agent_history_get_month (self->history, n_months - 1);

  self->evaluations_cancellable = g_cancellable_new ();
  self->evaluations_task = g_task_new (self, self->evaluations_cancellable, on_evaluations_done, NULL);
  g_task_set_task_data (self->evaluations_task, job, job_free);
  em_db_task_run_in_thread (self->evaluations_task, self->db, list_evaluations, g_object_unref);
  notify_busy (self, was_busy);
}

/* The agent shown ------------------------------------------------------------ */

static double
figure_value (const EmMonthFigures *figures,
              gboolean              qa_score)
{
  if (figures == NULL)
    return NAN;
  if (qa_score)
    return figures->has_qa_score ? em_points_to_double (figures->qa_score) : NAN;
  return figures->has_total ? em_points_to_double (figures->total) : NAN;
}

static void
add_grade_lines (EmAgentsPage *self)
{
  for (guint i = 0; i < em_scheme_get_n_grades (self->scheme); i++)
    {
      const EmSchemeGrade *grade = em_scheme_get_grade (self->scheme, i);
      g_autofree char *title = NULL;
      g_autofree char *minimum = NULL;
      g_autofree char *label = NULL;

      /* The last grade starts at 0: no line for it. */
      if (grade->minimum <= 0)
        continue;

      title = em_scheme_dup_grade_title (self->scheme, i, self->language);
      minimum = em_points_format (grade->minimum);
      /* Translators: a grade threshold line on a chart, e.g. "Good ≥ 80" */
      label = g_strdup_printf (_("%s ≥ %s"), title, minimum);
      em_chart_add_reference_line (self->history_chart, em_points_to_double (grade->minimum), label);
    }
}

static void
fill_history_chart (EmAgentsPage         *self,
                    const EmHistoryAgent *agent)
{
  gboolean qa_score = gtk_toggle_button_get_active (self->qa_button);
  guint n_months = em_agent_history_get_n_months (self->history);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *mine = g_new (double, n_months);
  g_autofree double *team = g_new (double, n_months);
  gboolean any_team = FALSE;

  for (guint m = 0; m < n_months; m++)
    {
      g_ptr_array_add (labels, em_period_to_string (em_agent_history_get_month (self->history, m)));
      mine[m] = figure_value (em_agent_history_get_figures (self->history, m, agent), qa_score);
      team[m] = figure_value (em_agent_history_get_team_figures (self->history, m, agent), qa_score);
      any_team |= isfinite (team[m]);
    }
  g_ptr_array_add (labels, NULL);

  em_chart_clear (self->history_chart);
  em_chart_set_title (self->history_chart, qa_score ? _("QA score by month") : _("Monthly total by month"));
  em_chart_set_categories (self->history_chart, (const char * const *) labels->pdata);
  em_chart_add_series (self->history_chart, agent->name != NULL && *agent->name ? agent->name : agent->code,
                       EM_CHART_LINE, mine, n_months);
  if (agent->team != NULL && any_team)
    {
      /* Translators: the chart series of the agent's team, e.g. "热线一组 (team)" */
      g_autofree char *name = g_strdup_printf (_("%s (team)"), agent->team);

      em_chart_add_series (self->history_chart, name, EM_CHART_LINE, team, n_months);
    }
  add_grade_lines (self);
}

static void
fill_deductions_chart (EmAgentsPage         *self,
                       const EmHistoryAgent *agent)
{
  guint n = MIN (em_agent_history_get_n_deductions (self->history, agent->id), N_TOP_DEDUCTIONS);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree double *points = g_new (double, MAX (n, 1));
  g_autofree char *first = em_period_to_string (em_agent_history_get_month (self->history, 0));
  g_autofree char *last = NULL;
  g_autofree char *title = NULL;

  last = em_period_to_string (em_agent_history_get_month (self->history,
                                                          em_agent_history_get_n_months (self->history) - 1));
  for (guint i = 0; i < n; i++)
    {
      const EmDeduction *d = em_agent_history_get_deduction (self->history, agent->id, i);

      g_ptr_array_add (labels, d->item_title);
      points[i] = em_points_to_double (d->points);
    }
  g_ptr_array_add (labels, NULL);

  em_chart_clear (self->deductions_chart);
  /* Translators: chart title, e.g. "Points lost by item, 2025-11 to 2026-10" */
  title = g_strdup_printf (_("Points lost by item, %s to %s"), first, last);
  em_chart_set_title (self->deductions_chart, title);
  if (n == 0)
    return;
  em_chart_set_categories (self->deductions_chart, (const char * const *) labels->pdata);
  em_chart_add_series (self->deductions_chart, _("Points lost"), EM_CHART_BAR, points, n);
}

static void
fill_header (EmAgentsPage *self,
             EmAgentRow   *row)
{
  const EmHistoryAgent *agent = em_agent_row_get_agent (row);
  const EmMonthFigures *latest = em_agent_row_get_latest (row);
  g_autofree char *month = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *total = NULL;
  g_autofree char *grade = NULL;
  g_autofree char *grade_line = NULL;
  guint n_months = em_agent_history_get_n_months (self->history);

  month = em_period_to_string (em_agent_history_get_month (self->history, n_months - 1));
  subtitle = agent->team != NULL
             /* Translators: an agent's code (工号) and team */
             ? g_strdup_printf (_("%s · %s"), agent->code, agent->team)
             : g_strdup (agent->code);
  gtk_label_set_text (self->name_label, agent->name != NULL && *agent->name ? agent->name : agent->code);
  gtk_label_set_text (self->subtitle_label, subtitle);

  if (latest != NULL && latest->has_total)
    {
      EmMonthReport *report = em_agent_history_get_report (self->history, n_months - 1);

      total = em_points_format_fixed (latest->total);
      grade = em_figures_dup_grade (self->scheme, latest, self->language);
      /* Translators: grade, rank among all agents and month, e.g. "Good · rank 3 of 12 · 2026-10" */
      grade_line = g_strdup_printf (_("%s · rank %u of %u · %s"), grade != NULL ? grade : "",
                                    latest->rank, em_month_report_get_n_agents (report), month);
    }
  else
    {
      total = g_strdup ("—");
      /* Translators: %s is a month, e.g. "No total for 2026-10" */
      grade_line = g_strdup_printf (_("No total for %s"), month);
    }

  gtk_label_set_text (self->total_label, total);
  gtk_label_set_text (self->grade_label, grade_line);
}

static void
show_agent (EmAgentsPage *self)
{
  EmAgentRow *row = gtk_single_selection_get_selected_item (self->selection);
  const EmHistoryAgent *agent;

  if (row == NULL || self->history == NULL)
    {
      gboolean was_busy = em_agents_page_get_busy (self);

      cancel_task (&self->evaluations_task, &self->evaluations_cancellable);
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      notify_busy (self, was_busy);
      return;
    }

  agent = em_agent_row_get_agent (row);
  fill_header (self, row);
  fill_history_chart (self, agent);
  fill_deductions_chart (self, agent);
  gtk_stack_set_visible_child_name (self->detail_stack, "agent");
  start_evaluations (self, agent->id);
}

static void
on_selection_changed (EmAgentsPage *self)
{
  if (!self->filling_agents)
    show_agent (self);
}

static void
on_history_button_toggled (EmAgentsPage    *self,
                           GtkToggleButton *button)
{
  EmAgentRow *row = gtk_single_selection_get_selected_item (self->selection);

  if (gtk_toggle_button_get_active (button) && row != NULL && self->history != NULL)
    fill_history_chart (self, em_agent_row_get_agent (row));
}

/* The agent list ------------------------------------------------------------- */

static void
on_agent_setup (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *total = gtk_label_new (NULL);
  GtkWidget *grade = gtk_label_new (NULL);
  GtkWidget *trend = gtk_image_new ();

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_hexpand (left, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (total), 1);
  gtk_widget_add_css_class (total, "numeric");
  gtk_label_set_xalign (GTK_LABEL (grade), 1);
  gtk_widget_add_css_class (grade, "caption");
  gtk_widget_add_css_class (grade, "dim-label");
  gtk_widget_set_size_request (trend, 16, -1);
  gtk_widget_set_valign (trend, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (left), name);
  gtk_box_append (GTK_BOX (left), detail);
  gtk_box_append (GTK_BOX (right), total);
  gtk_box_append (GTK_BOX (right), grade);
  gtk_box_append (GTK_BOX (box), left);
  gtk_box_append (GTK_BOX (box), right);
  gtk_box_append (GTK_BOX (box), trend);

  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "detail", detail);
  g_object_set_data (G_OBJECT (box), "total", total);
  g_object_set_data (G_OBJECT (box), "grade", grade);
  g_object_set_data (G_OBJECT (box), "trend", trend);
  gtk_list_item_set_child (item, box);
}

/* An arrow up or down for the total's change since the month before,
 * sideways for no change; nothing when either month has no total.
 */
static void
bind_trend (GtkWidget  *trend,
            EmAgentRow *row)
{
  EmPoints change = 0;
  int direction = em_agent_row_get_trend (row, &change);
  g_autofree char *amount = em_points_format (change < 0 ? -change : change);
  const EmMonthFigures *previous = em_agent_row_get_previous (row);
  const EmMonthFigures *latest = em_agent_row_get_latest (row);
  gboolean both = previous != NULL && latest != NULL && previous->has_total && latest->has_total;
  g_autofree char *tooltip = NULL;

  gtk_widget_remove_css_class (trend, "success");
  gtk_widget_remove_css_class (trend, "error");
  gtk_widget_remove_css_class (trend, "dim-label");

  if (direction > 0)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (trend), "pan-up-symbolic");
      gtk_widget_add_css_class (trend, "success");
      /* Translators: tooltip of the trend arrow; %s is a number of points */
      tooltip = g_strdup_printf (_("Up %s points on the month before"), amount);
    }
  else if (direction < 0)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (trend), "pan-down-symbolic");
      gtk_widget_add_css_class (trend, "error");
      tooltip = g_strdup_printf (_("Down %s points on the month before"), amount);
    }
  else
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (trend), both ? "pan-end-symbolic" : NULL);
      gtk_widget_add_css_class (trend, "dim-label");
      tooltip = both ? g_strdup (_("The same total as the month before")) : NULL;
    }

  gtk_widget_set_tooltip_text (trend, tooltip);
}

static void
on_agent_bind (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               EmAgentsPage             *self)
{
  EmAgentRow *row = gtk_list_item_get_item (item);
  GObject *box = G_OBJECT (gtk_list_item_get_child (item));
  const EmHistoryAgent *agent = em_agent_row_get_agent (row);
  const EmMonthFigures *latest = em_agent_row_get_latest (row);
  g_autofree char *detail = NULL;
  g_autofree char *total = NULL;
  g_autofree char *grade = NULL;

  detail = agent->team != NULL ? g_strdup_printf (_("%s · %s"), agent->code, agent->team)
                               : g_strdup (agent->code);
  if (latest != NULL && latest->has_total)
    {
      total = em_points_format_fixed (latest->total);
      grade = em_figures_dup_grade (self->scheme, latest, self->language);
    }

  gtk_label_set_text (g_object_get_data (box, "name"),
                      agent->name != NULL && *agent->name ? agent->name : agent->code);
  gtk_label_set_text (g_object_get_data (box, "detail"), detail);
  gtk_label_set_text (g_object_get_data (box, "total"), total != NULL ? total : "—");
  gtk_label_set_text (g_object_get_data (box, "grade"), grade != NULL ? grade : "");
  bind_trend (g_object_get_data (box, "trend"), row);
}

static gboolean
filter_agent (gpointer item,
              gpointer user_data)
{
  EmAgentsPage *self = user_data;

  return em_agent_row_matches (EM_AGENT_ROW (item), self->search);
}

static void
update_list_state (EmAgentsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  gtk_stack_set_visible_child_name (self->list_stack, n > 0 || self->search == NULL || !*self->search
                                                      ? "list" : "no-results");
}

static void
on_search_entry_search_changed (EmAgentsPage   *self,
                                GtkSearchEntry *entry)
{
  g_free (self->search);
  self->search = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  g_strstrip (self->search);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_state (self);
}

static void
on_search_entry_stop_search (EmAgentsPage   *self,
                             GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_month_dropdown_selected (EmAgentsPage *self)
{
  if (!self->filling_months && self->db != NULL)
    start_history (self);
}

/* The evaluation list ------------------------------------------------------ */

typedef char *(*EvaluationText) (EmAgentEvaluation *evaluation);

typedef struct
{
  const char     *title;
  EvaluationText  text;
  int             width;
  float           xalign;
  gboolean        numeric;
} EvaluationColumn;

static char *
text_date (EmAgentEvaluation *evaluation)
{
  g_autoptr(GDateTime) local = em_agent_evaluation_dup_started_local (evaluation);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
text_call (EmAgentEvaluation *evaluation)
{
  return g_strdup (em_agent_evaluation_get_external_id (evaluation));
}

static char *
text_scorecard (EmAgentEvaluation *evaluation)
{
  return g_strdup (em_agent_evaluation_get_scorecard (evaluation));
}

static char *
text_inspector (EmAgentEvaluation *evaluation)
{
  return g_strdup (em_agent_evaluation_get_inspector (evaluation));
}

static char *
text_status (EmAgentEvaluation *evaluation)
{
  const char *status;

  switch (em_agent_evaluation_get_status (evaluation))
    {
    case EM_EVALUATION_DRAFT: status = _("Draft"); break;
    case EM_EVALUATION_SUBMITTED: status = _("Submitted"); break;
    case EM_EVALUATION_FINALISED: status = _("Finalised"); break;
    default: status = ""; break;
    }

  if (em_agent_evaluation_get_excluded (evaluation))
    /* Translators: an evaluation's status, for one left out of the averages */
    return g_strdup_printf (_("%s, excluded"), status);
  return g_strdup (status);
}

static char *
text_total (EmAgentEvaluation *evaluation)
{
  g_autofree char *total = em_points_format_fixed (em_agent_evaluation_get_total (evaluation));

  if (em_agent_evaluation_get_fatal (evaluation))
    /* Translators: the total of an evaluation with a red-line error */
    return g_strdup_printf (_("%s (fatal)"), total);
  return g_steal_pointer (&total);
}

static const EvaluationColumn evaluation_columns[] = {
  { N_("Call Date"), text_date, 130, 0.0, TRUE },
  { N_("Call ID"), text_call, 150, 0.0, TRUE },
  { N_("Scorecard"), text_scorecard, 180, 0.0, FALSE },
  { N_("Inspector"), text_inspector, 90, 0.0, FALSE },
  { N_("Status"), text_status, 120, 0.0, FALSE },
  { N_("Total"), text_total, 120, 1.0, TRUE },   /* room for "0.00（致命错误）" */
};

static void
on_evaluation_cell_setup (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          const EvaluationColumn   *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column->xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column->numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
on_evaluation_cell_bind (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         const EvaluationColumn   *column)
{
  EmAgentEvaluation *evaluation = gtk_list_item_get_item (item);
  g_autofree char *text = evaluation != NULL ? column->text (evaluation) : NULL;

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

static void
add_evaluation_columns (EmAgentsPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (evaluation_columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (on_evaluation_cell_setup),
                        (gpointer) &evaluation_columns[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (on_evaluation_cell_bind),
                        (gpointer) &evaluation_columns[i]);

      column = gtk_column_view_column_new (_(evaluation_columns[i].title), factory);
      gtk_column_view_column_set_fixed_width (column, evaluation_columns[i].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, i == 2);
      gtk_column_view_append_column (self->evaluations_view, column);
      g_object_unref (column);
    }
}

static void
on_evaluations_view_activate (EmAgentsPage  *self,
                              guint          position,
                              GtkColumnView *view)
{
  g_autoptr(EmAgentEvaluation) evaluation = g_list_model_get_item (G_LIST_MODEL (self->evaluations), position);

  if (evaluation == NULL)
    return;

  /* The window routes calls.open to the Calls page, which opens the call. */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "calls.open", "x",
                                   em_agent_evaluation_get_call_id (evaluation)))
    g_warning ("No calls.open action to open call %" G_GINT64_FORMAT,
               em_agent_evaluation_get_call_id (evaluation));
}

/* Public API --------------------------------------------------------------- */

EmAgentsPage *
em_agents_page_new (void)
{
  return g_object_new (EM_TYPE_AGENTS_PAGE, NULL);
}

EmDb *
em_agents_page_get_db (EmAgentsPage *self)
{
  g_return_val_if_fail (EM_IS_AGENTS_PAGE (self), NULL);

  return self->db;
}

void
em_agents_page_set_db (EmAgentsPage *self,
                       EmDb         *db)
{
  g_return_if_fail (EM_IS_AGENTS_PAGE (self));
  g_return_if_fail (db == NULL || EM_IS_DB (db));

  if (!g_set_object (&self->db, db))
    return;

  cancel_task (&self->history_task, &self->history_cancellable);
  cancel_task (&self->evaluations_task, &self->evaluations_cancellable);
  g_clear_object (&self->history);
  g_list_store_remove_all (self->agents);
  gtk_string_list_splice (self->months, 0, g_list_model_get_n_items (G_LIST_MODEL (self->months)), NULL);

  if (db != NULL)
    em_agents_page_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DB]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * em_agents_page_set_month:
 * @month: the month the list shows and the charts end with
 *
 * Returns: %FALSE if there is no call in or after that month's range
 */
gboolean
em_agents_page_set_month (EmAgentsPage   *self,
                          const EmPeriod *month)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (EM_IS_AGENTS_PAGE (self), FALSE);
  g_return_val_if_fail (month != NULL && month->kind == EM_PERIOD_MONTH, FALSE);

  text = em_period_to_string (month);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->months)); i++)
    if (g_str_equal (gtk_string_list_get_string (self->months, i), text))
      {
        gtk_drop_down_set_selected (self->month_dropdown, i);
        return TRUE;
      }

  return FALSE;
}

/* Returns: %FALSE if no agent shown has that code (the search may hide it) */
gboolean
em_agents_page_select_agent (EmAgentsPage *self,
                             const char   *code)
{
  GListModel *list;

  g_return_val_if_fail (EM_IS_AGENTS_PAGE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  list = G_LIST_MODEL (self->selection);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(EmAgentRow) row = g_list_model_get_item (list, i);

      if (g_str_equal (em_agent_row_get_code (row), code))
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

/* Returns: (nullable): the code (工号) of the agent shown */
const char *
em_agents_page_get_selected_code (EmAgentsPage *self)
{
  EmAgentRow *row;

  g_return_val_if_fail (EM_IS_AGENTS_PAGE (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);
  return row != NULL ? em_agent_row_get_code (row) : NULL;
}

/* The history chart shows the QA score instead of the monthly total. */
void
em_agents_page_set_show_qa_score (EmAgentsPage *self,
                                  gboolean      show_qa_score)
{
  g_return_if_fail (EM_IS_AGENTS_PAGE (self));

  gtk_toggle_button_set_active (show_qa_score ? self->qa_button : self->total_button, TRUE);
}

/* GObject -------------------------------------------------------------------- */

static void
em_agents_page_map (GtkWidget *widget)
{
  EmAgentsPage *self = EM_AGENTS_PAGE (widget);

  GTK_WIDGET_CLASS (em_agents_page_parent_class)->map (widget);

  if (self->db != NULL && self->history_task == NULL && database_changed (self))
    em_agents_page_refresh (self);
}

static gboolean
focus_search (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  EmAgentsPage *self = EM_AGENTS_PAGE (widget);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->search_entry)))
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

static void
em_agents_page_dispose (GObject *object)
{
  EmAgentsPage *self = (EmAgentsPage *) object;

  cancel_task (&self->history_task, &self->history_cancellable);
  cancel_task (&self->evaluations_task, &self->evaluations_cancellable);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), EM_TYPE_AGENTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->agents);
  g_clear_object (&self->months);
  g_clear_object (&self->evaluations);
  g_clear_object (&self->history);
  g_clear_object (&self->scheme);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (em_agents_page_parent_class)->dispose (object);
}

static void
em_agents_page_finalize (GObject *object)
{
  EmAgentsPage *self = (EmAgentsPage *) object;

  g_free (self->language);
  g_free (self->search);

  G_OBJECT_CLASS (em_agents_page_parent_class)->finalize (object);
}

static void
em_agents_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EmAgentsPage *self = EM_AGENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, em_agents_page_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_agents_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EmAgentsPage *self = EM_AGENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DB:
      em_agents_page_set_db (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_agents_page_class_init (EmAgentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = em_agents_page_dispose;
  object_class->finalize = em_agents_page_finalize;
  object_class->get_property = em_agents_page_get_property;
  object_class->set_property = em_agents_page_set_property;
  widget_class->map = em_agents_page_map;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, EM_TYPE_DB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (EM_TYPE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/earmark/Earmark/ui/em-agents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, agent_list);
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, grade_label);
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, total_button);
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, qa_button);
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, history_chart);
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, deductions_chart);
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, evaluations_count_label);
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, evaluations_stack);
  gtk_widget_class_bind_template_child (widget_class, EmAgentsPage, evaluations_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_month_dropdown_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_history_button_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_evaluations_view_activate);
}

static void
setup_agent_list (EmAgentsPage *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;

  self->agents = g_list_store_new (EM_TYPE_AGENT_ROW);
  self->filter = gtk_custom_filter_new (filter_agent, self, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->agents)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_list_state), self);

  g_signal_connect (factory, "setup", G_CALLBACK (on_agent_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_agent_bind), self);
  gtk_list_view_set_factory (self->agent_list, factory);
  gtk_list_view_set_model (self->agent_list, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (factory);
}

static void
em_agents_page_init (EmAgentsPage *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->scheme = em_scheme_new_default ();
  self->language = g_strdup (em_month_language_from_environment ());

  self->months = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (self->months));

  setup_agent_list (self);

  self->evaluations = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->evaluations, FALSE);
  gtk_single_selection_set_can_unselect (self->evaluations, TRUE);
  gtk_column_view_set_model (self->evaluations_view, GTK_SELECTION_MODEL (self->evaluations));
  add_evaluation_columns (self);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (focus_search, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

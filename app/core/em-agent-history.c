/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-agent-history"

#include "config.h"

#include <glib/gi18n.h>

#include "em-agent-evaluation.h"
#include "em-agent-history.h"
#include "em-error.h"
#include "em-month-private.h"

/* The Agents page shows, for one agent, a 12-month line against the team
 * and the items that cost the agent most over those months.  Both come
 * from the monthly core, each in one pass: the series of reports over the
 * months' calls, and the deductions over the months' finalised
 * evaluations (titled from the newest scorecard revision that cost the
 * agent points, as the workbook does).  Everything is computed for every
 * agent at once, so choosing another agent on the page costs nothing.
 */

struct _EmAgentHistory
{
  GObject       parent_instance;

  EmScheme     *scheme;
  GArray       *months;       /* EmPeriod, oldest first */
  GPtrArray    *reports;      /* EmMonthReport*, one per month */
  GArray       *agents;       /* EmHistoryAgent, by code */
  EmDeductions *deductions;   /* over all the months, per agent */
};

G_DEFINE_FINAL_TYPE (EmAgentHistory, em_agent_history, G_TYPE_OBJECT)

static void
clear_agent (gpointer data)
{
  EmHistoryAgent *agent = data;

  g_free (agent->code);
  g_free (agent->name);
  g_free (agent->team);
}

static void
em_agent_history_finalize (GObject *object)
{
  EmAgentHistory *self = (EmAgentHistory *) object;

  g_clear_object (&self->scheme);
  g_clear_pointer (&self->months, g_array_unref);
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_pointer (&self->agents, g_array_unref);
  g_clear_pointer (&self->deductions, em_deductions_free);

  G_OBJECT_CLASS (em_agent_history_parent_class)->finalize (object);
}

static void
em_agent_history_class_init (EmAgentHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = em_agent_history_finalize;
}

static void
em_agent_history_init (EmAgentHistory *self)
{
  self->months = g_array_new (FALSE, FALSE, sizeof (EmPeriod));
  self->agents = g_array_new (FALSE, TRUE, sizeof (EmHistoryAgent));
  g_array_set_clear_func (self->agents, clear_agent);
}

static gboolean
load_agents (EmAgentHistory  *self,
             EmDb            *db,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = em_db_prepare (db,
                        "SELECT a.id, a.code, a.name, a.team_id, t.name"
                        " FROM agents a LEFT JOIN teams t ON t.id = a.team_id"
                        " ORDER BY a.code",
                        error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EmHistoryAgent agent = { 0 };

      agent.id = sqlite3_column_int64 (stmt, 0);
      agent.code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      agent.name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      agent.team_id = sqlite3_column_int64 (stmt, 3);
      agent.team = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_array_append_val (self->agents, agent);
    }

  if (rc != SQLITE_DONE)
    return em_db_set_error (db, error, rc, "listing the agents");
  return TRUE;
}

/**
 * em_agent_history_compute:
 * @last_month: the newest month shown
 * @n_months: how many months, ending with @last_month (12 on the page)
 * @language: (nullable): the language of scorecard titles
 *
 * Returns: (transfer full): the history, or %NULL with @error set
 */
EmAgentHistory *
em_agent_history_compute (EmDb            *db,
                          EmScheme        *scheme,
                          const EmPeriod  *last_month,
                          guint            n_months,
                          const char      *language,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(EmAgentHistory) self = NULL;

  g_return_val_if_fail (EM_IS_DB (db), NULL);
  g_return_val_if_fail (EM_IS_SCHEME (scheme), NULL);
  g_return_val_if_fail (last_month != NULL && last_month->kind == EM_PERIOD_MONTH, NULL);
  g_return_val_if_fail (n_months > 0, NULL);

  self = g_object_new (EM_TYPE_AGENT_HISTORY, NULL);
  self->scheme = g_object_ref (scheme);
  for (guint i = 0; i < n_months; i++)
    {
      EmPeriod month = em_period_add_months (last_month, (int) i - (int) (n_months - 1));

      g_array_append_val (self->months, month);
    }

  if (!load_agents (self, db, error))
    return NULL;

  self->reports = em_month_report_compute_series (db, scheme, last_month, n_months, cancellable, error);
  if (self->reports == NULL)
    return NULL;

  self->deductions = em_month_collect_deductions_between (db, &g_array_index (self->months, EmPeriod, 0),
                                                          last_month, 0, language, cancellable, error);
  if (self->deductions == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

EmScheme *
em_agent_history_get_scheme (EmAgentHistory *self)
{
  g_return_val_if_fail (EM_IS_AGENT_HISTORY (self), NULL);

  return self->scheme;
}

guint
em_agent_history_get_n_months (EmAgentHistory *self)
{
  g_return_val_if_fail (EM_IS_AGENT_HISTORY (self), 0);

  return self->months->len;
}

/* Months are oldest first; the last one is the month asked for. */
const EmPeriod *
em_agent_history_get_month (EmAgentHistory *self,
                            guint           month)
{
  g_return_val_if_fail (EM_IS_AGENT_HISTORY (self), NULL);
  g_return_val_if_fail (month < self->months->len, NULL);

  return &g_array_index (self->months, EmPeriod, month);
}

EmMonthReport *
em_agent_history_get_report (EmAgentHistory *self,
                             guint           month)
{
  g_return_val_if_fail (EM_IS_AGENT_HISTORY (self), NULL);
  g_return_val_if_fail (month < self->reports->len, NULL);

  return g_ptr_array_index (self->reports, month);
}

/* Every agent of the database, by code, whether or not they had calls. */
guint
em_agent_history_get_n_agents (EmAgentHistory *self)
{
  g_return_val_if_fail (EM_IS_AGENT_HISTORY (self), 0);

  return self->agents->len;
}

const EmHistoryAgent *
em_agent_history_get_agent (EmAgentHistory *self,
                            guint           index)
{
  g_return_val_if_fail (EM_IS_AGENT_HISTORY (self), NULL);
  g_return_val_if_fail (index < self->agents->len, NULL);

  return &g_array_index (self->agents, EmHistoryAgent, index);
}

const EmHistoryAgent *
em_agent_history_find_agent (EmAgentHistory *self,
                             gint64          agent_id)
{
  g_return_val_if_fail (EM_IS_AGENT_HISTORY (self), NULL);

  for (guint i = 0; i < self->agents->len; i++)
    if (g_array_index (self->agents, EmHistoryAgent, i).id == agent_id)
      return &g_array_index (self->agents, EmHistoryAgent, i);
  return NULL;
}

/* Returns: (nullable): the agent's figures, or %NULL for a month without calls */
const EmMonthFigures *
em_agent_history_get_figures (EmAgentHistory       *self,
                              guint                 month,
                              const EmHistoryAgent *agent)
{
  g_return_val_if_fail (EM_IS_AGENT_HISTORY (self), NULL);
  g_return_val_if_fail (agent != NULL, NULL);

  return em_month_report_find_agent (em_agent_history_get_report (self, month), agent->code);
}

/* Returns: (nullable): the figures of the agent's team (seed 002: every call
 * and evaluation of the team pooled), or %NULL
 */
const EmMonthFigures *
em_agent_history_get_team_figures (EmAgentHistory       *self,
                                   guint                 month,
                                   const EmHistoryAgent *agent)
{
  g_return_val_if_fail (EM_IS_AGENT_HISTORY (self), NULL);
  g_return_val_if_fail (agent != NULL, NULL);

  if (agent->team_id == 0)
    return NULL;
  return em_month_report_find_team (em_agent_history_get_report (self, month), agent->team_id);
}

/* The items that cost the agent points over all the months, costliest
 * first; titled from the newest scorecard revision that cost them points.
 */
guint
em_agent_history_get_n_deductions (EmAgentHistory *self,
                                   gint64          agent_id)
{
  g_return_val_if_fail (EM_IS_AGENT_HISTORY (self), 0);

  return em_deductions_get_n_for_agent (self->deductions, agent_id);
}

const EmDeduction *
em_agent_history_get_deduction (EmAgentHistory *self,
                                gint64          agent_id,
                                guint           index)
{
  g_return_val_if_fail (EM_IS_AGENT_HISTORY (self), NULL);

  return em_deductions_get_for_agent (self->deductions, agent_id, index);
}

static const char evaluations_sql[] =
  "SELECT e.id, c.id, c.external_id, c.started_at, c.utc_offset, e.scorecard_version_id,"
  "       s.title, e.inspector, e.status, e.total, e.fatal, e.excluded"
  " FROM calls c JOIN evaluations e ON e.call_id = c.id"
  " JOIN scorecard_versions sv ON sv.id = e.scorecard_version_id"
  " JOIN scorecards s ON s.id = sv.scorecard_id"
  " WHERE c.agent_id = ?5 AND" EM_MONTH_CALL_IN_RANGE
  " ORDER BY c.started_at DESC, c.id DESC, e.id DESC";

static EmAgentEvaluation *
read_evaluation (sqlite3_stmt      *stmt,
                 EmScorecardTitles *titles)
{
  EmAgentEvaluationFields f;

  f.id = sqlite3_column_int64 (stmt, 0);
  f.call_id = sqlite3_column_int64 (stmt, 1);
  f.external_id = (const char *) sqlite3_column_text (stmt, 2);
  f.started_at = sqlite3_column_int64 (stmt, 3);
  f.utc_offset = sqlite3_column_int (stmt, 4);
  f.scorecard = em_scorecard_titles_get_scorecard (titles, sqlite3_column_int64 (stmt, 5),
                                                   (const char *) sqlite3_column_text (stmt, 6));
  f.inspector = (const char *) sqlite3_column_text (stmt, 7);
  f.status = sqlite3_column_int (stmt, 8);
  f.total = sqlite3_column_int64 (stmt, 9);
  f.fatal = sqlite3_column_int (stmt, 10) != 0;
  f.excluded = sqlite3_column_int (stmt, 11) != 0;

  return em_agent_evaluation_new (&f);
}

/**
 * em_agent_history_list_evaluations:
 * @first_month: the oldest month
 * @last_month: the newest month
 * @language: (nullable): the language of scorecard titles
 *
 * Every evaluation of the agent's calls in those months, whatever its
 * status, the newest call first.
 *
 * Returns: (transfer full) (element-type EmAgentEvaluation): the list, or
 *   %NULL with @error set
 */
GListModel *
em_agent_history_list_evaluations (EmDb            *db,
                                   gint64           agent_id,
                                   const EmPeriod  *first_month,
                                   const EmPeriod  *last_month,
                                   const char      *language,
                                   GCancellable    *cancellable,
                                   GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(EmScorecardTitles) titles = NULL;
  g_autoptr(GListStore) store = NULL;
  gint64 start, end, ignored;
  int rc;

  g_return_val_if_fail (EM_IS_DB (db), NULL);
  g_return_val_if_fail (first_month != NULL && last_month != NULL, NULL);

  if (!(stmt = em_db_prepare (db, evaluations_sql, error)))
    return NULL;

  em_period_get_bounds (first_month, &start, &ignored);
  em_period_get_bounds (last_month, &ignored, &end);
  em_month_bind_range (stmt, 1, start, end);
  sqlite3_bind_int64 (stmt, 5, agent_id);

  store = g_list_store_new (EM_TYPE_AGENT_EVALUATION);
  titles = em_scorecard_titles_new (db, language);
  em_month_watch_cancellable (db, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(EmAgentEvaluation) evaluation = read_evaluation (stmt, titles);

      g_list_store_append (store, evaluation);
    }
  em_month_watch_cancellable (db, NULL);

  if (rc != SQLITE_DONE)
    {
      em_month_step_error (db, rc, cancellable, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* The local month of the call that started first (@newest FALSE) or last. */
static gboolean
find_end_month (EmDb      *db,
                gboolean   newest,
                EmPeriod  *out_month,
                gboolean  *out_found,
                GError   **error)
{
  /* The index finds the first or last call in UTC; the calls a day either
   * side are then compared in their own local time, as months are local.
   */
  static const char *sql[] = {
    "SELECT min(started_at + utc_offset) FROM calls"
    " WHERE started_at <= (SELECT min(started_at) FROM calls) + 86400",
    "SELECT max(started_at + utc_offset) FROM calls"
    " WHERE started_at >= (SELECT max(started_at) FROM calls) - 86400",
  };
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db, sql[newest ? 1 : 0], error);
  g_autoptr(GDateTime) local = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return em_db_set_error (db, error, rc, "finding the months with calls");

  *out_found = sqlite3_column_type (stmt, 0) != SQLITE_NULL;
  if (*out_found)
    {
      local = g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, 0));
      out_month->kind = EM_PERIOD_MONTH;
      out_month->year = g_date_time_get_year (local);
      out_month->index = g_date_time_get_month (local);
    }
  return TRUE;
}

/**
 * em_agent_history_get_month_range:
 *
 * The months of the oldest and the newest call, in the calls' local time:
 * what the Agents and Reports pages offer to choose from.
 *
 * Returns: %FALSE with @error set when the database cannot be read, or
 *   with %EM_ERROR_NOT_FOUND when it has no calls yet
 */
gboolean
em_agent_history_get_month_range (EmDb      *db,
                                  EmPeriod  *out_first,
                                  EmPeriod  *out_last,
                                  GError   **error)
{
  gboolean found = FALSE;

  g_return_val_if_fail (EM_IS_DB (db), FALSE);
  g_return_val_if_fail (out_first != NULL && out_last != NULL, FALSE);

  if (!find_end_month (db, FALSE, out_first, &found, error) ||
      (found && !find_end_month (db, TRUE, out_last, &found, error)))
    return FALSE;

  if (!found)
    {
      g_set_error_literal (error, EM_ERROR, EM_ERROR_NOT_FOUND, _("There are no calls yet."));
      return FALSE;
    }
  return TRUE;
}

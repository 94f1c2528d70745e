/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "em-db.h"
#include "em-month.h"
#include "em-scheme.h"

G_BEGIN_DECLS

/* Every agent's history over consecutive months (DESIGN.md §9, Agents):
 * the monthly figures of each month, agent and team (one pass over the
 * calls, em_month_report_compute_series()), and the scorecard items that
 * cost each agent the most points over those months
 * (em_month_collect_deductions_between()).
 * Immutable once computed, so a worker thread can compute it and hand it
 * to the UI.
 */

typedef struct
{
  gint64  id;
  char   *code;       /* 工号 */
  char   *name;
  gint64  team_id;    /* 0: no team */
  char   *team;       /* NULL: no team */
} EmHistoryAgent;

#define EM_TYPE_AGENT_HISTORY (em_agent_history_get_type ())

G_DECLARE_FINAL_TYPE (EmAgentHistory, em_agent_history, EM, AGENT_HISTORY, GObject)

EmAgentHistory       *em_agent_history_compute           (EmDb            *db,
                                                          EmScheme        *scheme,
                                                          const EmPeriod  *last_month,
                                                          guint            n_months,
                                                          const char      *language,
                                                          GCancellable    *cancellable,
                                                          GError         **error);

EmScheme             *em_agent_history_get_scheme        (EmAgentHistory  *self);
guint                 em_agent_history_get_n_months      (EmAgentHistory  *self);
const EmPeriod       *em_agent_history_get_month         (EmAgentHistory  *self,
                                                          guint            month);
EmMonthReport        *em_agent_history_get_report        (EmAgentHistory  *self,
                                                          guint            month);

guint                 em_agent_history_get_n_agents      (EmAgentHistory  *self);
const EmHistoryAgent *em_agent_history_get_agent         (EmAgentHistory  *self,
                                                          guint            index);
const EmHistoryAgent *em_agent_history_find_agent        (EmAgentHistory  *self,
                                                          gint64           agent_id);
const EmMonthFigures *em_agent_history_get_figures       (EmAgentHistory  *self,
                                                          guint            month,
                                                          const EmHistoryAgent *agent);
const EmMonthFigures *em_agent_history_get_team_figures  (EmAgentHistory  *self,
                                                          guint            month,
                                                          const EmHistoryAgent *agent);

guint                 em_agent_history_get_n_deductions  (EmAgentHistory  *self,
                                                          gint64           agent_id);
const EmDeduction    *em_agent_history_get_deduction     (EmAgentHistory  *self,
                                                          gint64           agent_id,
                                                          guint            index);

GListModel           *em_agent_history_list_evaluations  (EmDb            *db,
                                                          gint64           agent_id,
                                                          const EmPeriod  *first_month,
                                                          const EmPeriod  *last_month,
                                                          const char      *language,
                                                          GCancellable    *cancellable,
                                                          GError         **error);

gboolean              em_agent_history_get_month_range   (EmDb            *db,
                                                          EmPeriod        *out_first,
                                                          EmPeriod        *out_last,
                                                          GError         **error);

G_END_DECLS

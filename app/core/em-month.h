/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "em-db.h"
#include "em-points.h"
#include "em-scheme.h"

G_BEGIN_DECLS

/* The monthly evaluation (月度考核, DESIGN.md §7): per agent, team and the
 * whole center, for a month, a quarter or a year.  The rules are in
 * README.md, "Monthly scheme file".
 */

typedef enum
{
  EM_PERIOD_MONTH,
  EM_PERIOD_QUARTER,
  EM_PERIOD_YEAR,
} EmPeriodKind;

typedef struct
{
  EmPeriodKind kind;
  int          year;
  int          index;   /* month 1–12, quarter 1–4, 0 for a year */
} EmPeriod;

gboolean  em_period_parse          (const char     *text,
                                    EmPeriod       *out_period,
                                    GError        **error);
gboolean  em_period_parse_month    (const char     *text,
                                    EmPeriod       *out_period,
                                    GError        **error);
char     *em_period_to_string      (const EmPeriod *period);
void      em_period_get_bounds     (const EmPeriod *period,
                                    gint64         *out_local_start,
                                    gint64         *out_local_end);
EmPeriod  em_period_add_months     (const EmPeriod *month,
                                    int             n_months);

/* The counts everything else is computed from.  Team, center, quarter and
 * year figures add these up (seed 002: a team's figure is the sum over all
 * its calls divided by their count, not the mean of its agents' figures).
 */
typedef struct
{
  gint64 n_calls;
  gint64 n_wait_known;
  gint64 n_answered_in_time;
  gint64 n_rated;
  gint64 n_satisfied;
  gint64 sum_rating;
  gint64 n_resolved_known;
  gint64 n_resolved;
  gint64 talk_s;
  gint64 n_tickets;
  gint64 n_tickets_on_time;
  gint64 n_evaluations;    /* finalised, not excluded */
  gint64 sum_total;        /* of those, centi-points */
} EmMonthCounts;

typedef struct
{
  gboolean known;          /* FALSE: no data, the metric is left out */
  gint64   num;
  gint64   den;
  gboolean has_points;     /* a banded metric with data */
  EmPoints points;         /* band points */
  EmPoints score;          /* out of 100 (centi), what the weight applies to */
} EmMetricValue;

typedef enum
{
  EM_MONTH_AGENT,
  EM_MONTH_TEAM,
  EM_MONTH_CENTER,
} EmMonthLevel;

typedef struct
{
  EmMonthLevel   level;
  gint64         id;          /* agents.id or teams.id; 0 for the center */
  char          *code;        /* agent 工号; NULL otherwise */
  char          *name;        /* agent or team name; NULL for the center */
  gint64         team_id;     /* agent: 0 when the agent has no team */
  char          *team;        /* agent: team name or NULL */
  guint          n_agents;    /* team, center: agents with calls */
  EmMonthCounts  counts;
  gboolean       has_qa_score;
  EmPoints       qa_score;    /* rounded mean of evaluation totals */
  EmMetricValue *metrics;     /* one per scheme metric, scheme order */
  gboolean       has_total;
  EmPoints       total;
  int            grade;       /* index into the scheme's grades, -1: none */
  guint          rank;        /* agents: among all agents; teams: among teams; 0: none */
  guint          team_rank;   /* agents: within their team; 0: none */
} EmMonthFigures;

#define EM_TYPE_MONTH_REPORT (em_month_report_get_type ())

G_DECLARE_FINAL_TYPE (EmMonthReport, em_month_report, EM, MONTH_REPORT, GObject)

EmMonthReport        *em_month_report_compute     (EmDb            *db,
                                                   EmScheme        *scheme,
                                                   const EmPeriod  *period,
                                                   GCancellable    *cancellable,
                                                   GError         **error);
GPtrArray            *em_month_report_compute_series (EmDb         *db,
                                                   EmScheme        *scheme,
                                                   const EmPeriod  *last_month,
                                                   guint            n_months,
                                                   GCancellable    *cancellable,
                                                   GError         **error);

EmScheme             *em_month_report_get_scheme  (EmMonthReport   *self);
const EmPeriod       *em_month_report_get_period  (EmMonthReport   *self);
guint                 em_month_report_get_n_agents (EmMonthReport  *self);
const EmMonthFigures *em_month_report_get_agent   (EmMonthReport   *self,
                                                   guint            index);
const EmMonthFigures *em_month_report_find_agent  (EmMonthReport   *self,
                                                   const char      *code);
guint                 em_month_report_get_n_teams (EmMonthReport   *self);
const EmMonthFigures *em_month_report_get_team    (EmMonthReport   *self,
                                                   guint            index);
const EmMonthFigures *em_month_report_find_team   (EmMonthReport   *self,
                                                   gint64           team_id);
const EmMonthFigures *em_month_report_get_center  (EmMonthReport   *self);

void                  em_month_compute_figures    (EmScheme        *scheme,
                                                   EmMonthFigures  *figures);
char                 *em_metric_value_format      (EmMetricKind     kind,
                                                   const EmMetricValue *value);
double                em_metric_value_to_double   (EmMetricKind     kind,
                                                   const EmMetricValue *value);

gint64                em_month_lookup_team        (EmDb            *db,
                                                   const char      *name,
                                                   GError         **error);
const char           *em_month_language_from_environment (void);

/* Why: the items that cost points, per agent and overall. */
typedef struct
{
  gint64    agent_id;         /* 0 in the overall list */
  char     *scorecard_key;
  char     *scorecard_title;
  char     *item_id;
  char     *item_title;
  gint64    n_evaluations;    /* evaluations in which the item cost points */
  EmPoints  points;           /* points it cost, in all */
  gint64    version_id;       /* the newest scorecard version seen: the titles' source */
} EmDeduction;

typedef struct _EmDeductions EmDeductions;

EmDeductions      *em_month_collect_deductions     (EmDb            *db,
                                                    const EmPeriod  *period,
                                                    gint64           team_id,
                                                    const char      *language,
                                                    GCancellable    *cancellable,
                                                    GError         **error);
EmDeductions      *em_month_collect_deductions_between (EmDb        *db,
                                                    const EmPeriod  *first,
                                                    const EmPeriod  *last,
                                                    gint64           team_id,
                                                    const char      *language,
                                                    GCancellable    *cancellable,
                                                    GError         **error);
guint              em_deductions_get_n_overall     (EmDeductions    *self);
const EmDeduction *em_deductions_get_overall       (EmDeductions    *self,
                                                    guint            index);
EmPoints           em_deductions_get_total_points  (EmDeductions    *self);
guint              em_deductions_get_n_for_agent   (EmDeductions    *self,
                                                    gint64           agent_id);
const EmDeduction *em_deductions_get_for_agent     (EmDeductions    *self,
                                                    gint64           agent_id,
                                                    guint            index);
void               em_deductions_free              (EmDeductions    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmDeductions, em_deductions_free)

G_END_DECLS

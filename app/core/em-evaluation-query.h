/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "em-db.h"
#include "em-evaluation-summary.h"

G_BEGIN_DECLS

/* What the Evaluations page lists: filters and one sort, done in SQL.
 * A plain value like EmCallQuery; every filter starts as "any".
 */

typedef enum
{
  EM_EVALUATION_SORT_CALL_DATE,
  EM_EVALUATION_SORT_CALL_ID,
  EM_EVALUATION_SORT_AGENT,       /* by 工号 */
  EM_EVALUATION_SORT_TEAM,
  EM_EVALUATION_SORT_INSPECTOR,
  EM_EVALUATION_SORT_SCORECARD,
  EM_EVALUATION_SORT_STATUS,
  EM_EVALUATION_SORT_TOTAL,
  EM_EVALUATION_SORT_FATAL,
  EM_EVALUATION_SORT_EXCLUDED,
  EM_EVALUATION_SORT_APPEAL,
} EmEvaluationSort;

#define EM_TYPE_EVALUATION_SORT  (em_evaluation_sort_get_type ())
#define EM_TYPE_EVALUATION_QUERY (em_evaluation_query_get_type ())

typedef struct _EmEvaluationQuery EmEvaluationQuery;

GType              em_evaluation_sort_get_type          (void) G_GNUC_CONST;
GType              em_evaluation_query_get_type         (void) G_GNUC_CONST;

EmEvaluationQuery *em_evaluation_query_new              (void);
EmEvaluationQuery *em_evaluation_query_copy             (const EmEvaluationQuery *self);
void               em_evaluation_query_free             (EmEvaluationQuery       *self);
gboolean           em_evaluation_query_equal            (const EmEvaluationQuery *a,
                                                         const EmEvaluationQuery *b);
gboolean           em_evaluation_query_has_filters      (const EmEvaluationQuery *self);

/* -1 for any status. */
void               em_evaluation_query_set_status       (EmEvaluationQuery       *self,
                                                         int                      status);
int                em_evaluation_query_get_status       (const EmEvaluationQuery *self);

/* EmAppealState bits; 0 for any. */
void               em_evaluation_query_set_appeal_states (EmEvaluationQuery      *self,
                                                         guint                    states);
guint              em_evaluation_query_get_appeal_states (const EmEvaluationQuery *self);

/* NULL or "" for any inspector. */
void               em_evaluation_query_set_inspector    (EmEvaluationQuery       *self,
                                                         const char              *inspector);
const char        *em_evaluation_query_get_inspector    (const EmEvaluationQuery *self);

/* Totals in centi-points, both ends included; -1 for open. */
void               em_evaluation_query_set_total_range  (EmEvaluationQuery       *self,
                                                         EmPoints                 min,
                                                         EmPoints                 max);
void               em_evaluation_query_get_total_range  (const EmEvaluationQuery *self,
                                                         EmPoints                *min,
                                                         EmPoints                *max);

/* Row ids from the agents / teams tables; 0 for any. */
void               em_evaluation_query_set_agent_id     (EmEvaluationQuery       *self,
                                                         gint64                   agent_id);
gint64             em_evaluation_query_get_agent_id     (const EmEvaluationQuery *self);
void               em_evaluation_query_set_team_id      (EmEvaluationQuery       *self,
                                                         gint64                   team_id);
gint64             em_evaluation_query_get_team_id      (const EmEvaluationQuery *self);

/* The month of the call, in the call's own (the center's) time, as
 * "YYYY-MM"; NULL for any.  FALSE for text that is not a month.
 */
gboolean           em_evaluation_query_set_month        (EmEvaluationQuery       *self,
                                                         const char              *month);
const char        *em_evaluation_query_get_month        (const EmEvaluationQuery *self);

/* Equal keys fall back to the call's start time, then the evaluation's
 * id.  The default is the newest call first.
 */
void               em_evaluation_query_set_sort         (EmEvaluationQuery       *self,
                                                         EmEvaluationSort         sort,
                                                         gboolean                 descending);
EmEvaluationSort   em_evaluation_query_get_sort         (const EmEvaluationQuery *self,
                                                         gboolean                *descending);

GPtrArray         *em_evaluation_query_run              (const EmEvaluationQuery *self,
                                                         EmDb                    *db,
                                                         GCancellable            *cancellable,
                                                         GError                 **error);

char             **em_evaluation_list_inspectors        (EmDb                    *db,
                                                         GError                 **error);
char             **em_evaluation_list_months            (EmDb                    *db,
                                                         GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmEvaluationQuery, em_evaluation_query_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "em-call.h"

G_BEGIN_DECLS

/* What the calls list shows: filters and one sort, all done in SQL.
 *
 * A query is a plain value: the filter UI copies the model's query,
 * changes what the user changed and gives the copy back to the model
 * (em_call_list_model_set_query()), which re-counts and emits one
 * items-changed.  Every filter starts as "any".
 */

typedef enum
{
  EM_CALL_SORT_STARTED_AT,
  EM_CALL_SORT_EXTERNAL_ID,
  EM_CALL_SORT_AGENT,          /* by 工号 */
  EM_CALL_SORT_TEAM,
  EM_CALL_SORT_DURATION,
  EM_CALL_SORT_WAIT,
  EM_CALL_SORT_DIRECTION,
  EM_CALL_SORT_CALLER,
  EM_CALL_SORT_QUEUE,
  EM_CALL_SORT_SATISFACTION,
  EM_CALL_SORT_RESOLVED,
  EM_CALL_SORT_EVALUATION,
} EmCallSort;

#define EM_TYPE_CALL_SORT  (em_call_sort_get_type ())
#define EM_TYPE_CALL_QUERY (em_call_query_get_type ())

typedef struct _EmCallQuery EmCallQuery;

GType            em_call_sort_get_type             (void) G_GNUC_CONST;
GType            em_call_query_get_type            (void) G_GNUC_CONST;

EmCallQuery     *em_call_query_new                 (void);
EmCallQuery     *em_call_query_copy                (const EmCallQuery *self);
void             em_call_query_free                (EmCallQuery       *self);
gboolean         em_call_query_equal               (const EmCallQuery *a,
                                                    const EmCallQuery *b);

/* Matches part of the call id, the agent's 工号 or name, or, when the
 * text looks like a phone number (three or more digits, with only
 * spaces, '-', '+' or parentheses besides), part of the caller's number.
 * NULL or "" matches all.
 */
void             em_call_query_set_search          (EmCallQuery       *self,
                                                    const char        *text);
const char      *em_call_query_get_search          (const EmCallQuery *self);

/* Row ids from the agents / teams tables; 0 for any. */
void             em_call_query_set_agent_id        (EmCallQuery       *self,
                                                    gint64             agent_id);
gint64           em_call_query_get_agent_id        (const EmCallQuery *self);
void             em_call_query_set_team_id         (EmCallQuery       *self,
                                                    gint64             team_id);
gint64           em_call_query_get_team_id         (const EmCallQuery *self);

/* Calls that started in [@from, @to); either may be NULL for open. */
void             em_call_query_set_time_range      (EmCallQuery       *self,
                                                    GDateTime         *from,
                                                    GDateTime         *to);
gboolean         em_call_query_get_time_range      (const EmCallQuery *self,
                                                    gint64            *from_unix,
                                                    gint64            *to_unix);

/* Talk time in seconds, both ends included; -1 for open. */
void             em_call_query_set_duration_range  (EmCallQuery       *self,
                                                    int                min_seconds,
                                                    int                max_seconds);
void             em_call_query_get_duration_range  (const EmCallQuery *self,
                                                    int               *min_seconds,
                                                    int               *max_seconds);

/* EM_CALL_DIRECTION_UNKNOWN means any direction. */
void             em_call_query_set_direction       (EmCallQuery       *self,
                                                    EmCallDirection    direction);
EmCallDirection  em_call_query_get_direction       (const EmCallQuery *self);

/* Only calls with no evaluation at all (not even a draft). */
void             em_call_query_set_not_evaluated   (EmCallQuery       *self,
                                                    gboolean           not_evaluated);
gboolean         em_call_query_get_not_evaluated   (const EmCallQuery *self);

/* Only calls a sampling plan drew (sampled_calls). */
void             em_call_query_set_sampled         (EmCallQuery       *self,
                                                    gboolean           sampled);
gboolean         em_call_query_get_sampled         (const EmCallQuery *self);

/* Only calls a sampling plan assigned to this inspector; NULL for any. */
void             em_call_query_set_assigned_to     (EmCallQuery       *self,
                                                    const char        *inspector);
const char      *em_call_query_get_assigned_to     (const EmCallQuery *self);

/* Equal keys fall back to the start time, then the row id, so the order
 * is total and pages never overlap.  The default is the newest first.
 */
void             em_call_query_set_sort            (EmCallQuery       *self,
                                                    EmCallSort         sort,
                                                    gboolean           descending);
EmCallSort       em_call_query_get_sort            (const EmCallQuery *self,
                                                    gboolean          *descending);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmCallQuery, em_call_query_free)

G_END_DECLS

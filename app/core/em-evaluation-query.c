/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-evaluation-query"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "em-evaluation-query.h"
#include "em-evaluation-summary-private.h"
#include "em-time.h"

/* Evaluations are far fewer than calls (a few percent of them are
 * sampled), so the whole filtered list is read at once, in the order
 * asked for; the Evaluations page runs it in a thread.  The query
 * selects from EM_EVALUATION_SUMMARY_SQL as a subquery, so that filters
 * and sorts name its columns, derived ones (local_start, appeal_state)
 * included.
 */

struct _EmEvaluationQuery
{
  int               status;        /* -1: any */
  guint             appeal_states; /* EmAppealState bits; 0: any */
  char             *inspector;
  EmPoints          min_total;     /* -1: open */
  EmPoints          max_total;
  gint64            agent_id;
  gint64            team_id;
  char             *month;         /* "YYYY-MM" */
  gint64            month_start;   /* local seconds of the month's first day */
  gint64            month_end;
  EmEvaluationSort  sort;
  gboolean          descending;
};

G_DEFINE_BOXED_TYPE (EmEvaluationQuery, em_evaluation_query, em_evaluation_query_copy, em_evaluation_query_free)

G_DEFINE_ENUM_TYPE (EmEvaluationSort, em_evaluation_sort,
                    G_DEFINE_ENUM_VALUE (EM_EVALUATION_SORT_CALL_DATE, "call-date"),
                    G_DEFINE_ENUM_VALUE (EM_EVALUATION_SORT_CALL_ID, "call-id"),
                    G_DEFINE_ENUM_VALUE (EM_EVALUATION_SORT_AGENT, "agent"),
                    G_DEFINE_ENUM_VALUE (EM_EVALUATION_SORT_TEAM, "team"),
                    G_DEFINE_ENUM_VALUE (EM_EVALUATION_SORT_INSPECTOR, "inspector"),
                    G_DEFINE_ENUM_VALUE (EM_EVALUATION_SORT_SCORECARD, "scorecard"),
                    G_DEFINE_ENUM_VALUE (EM_EVALUATION_SORT_STATUS, "status"),
                    G_DEFINE_ENUM_VALUE (EM_EVALUATION_SORT_TOTAL, "total"),
                    G_DEFINE_ENUM_VALUE (EM_EVALUATION_SORT_FATAL, "fatal"),
                    G_DEFINE_ENUM_VALUE (EM_EVALUATION_SORT_EXCLUDED, "excluded"),
                    G_DEFINE_ENUM_VALUE (EM_EVALUATION_SORT_APPEAL, "appeal"))

EmEvaluationQuery *
em_evaluation_query_new (void)
{
  EmEvaluationQuery *self = g_new0 (EmEvaluationQuery, 1);

  self->status = -1;
  self->min_total = -1;
  self->max_total = -1;
  self->sort = EM_EVALUATION_SORT_CALL_DATE;
  self->descending = TRUE;

  return self;
}

EmEvaluationQuery *
em_evaluation_query_copy (const EmEvaluationQuery *self)
{
  EmEvaluationQuery *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->inspector = g_strdup (self->inspector);
  copy->month = g_strdup (self->month);

  return copy;
}

void
em_evaluation_query_free (EmEvaluationQuery *self)
{
  if (self == NULL)
    return;

  g_free (self->inspector);
  g_free (self->month);
  g_free (self);
}

gboolean
em_evaluation_query_equal (const EmEvaluationQuery *a,
                           const EmEvaluationQuery *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->status == b->status &&
         a->appeal_states == b->appeal_states &&
         g_strcmp0 (a->inspector, b->inspector) == 0 &&
         a->min_total == b->min_total && a->max_total == b->max_total &&
         a->agent_id == b->agent_id && a->team_id == b->team_id &&
         g_strcmp0 (a->month, b->month) == 0 &&
         a->sort == b->sort && a->descending == b->descending;
}

/* Whether any filter is set (the sort is not a filter). */
gboolean
em_evaluation_query_has_filters (const EmEvaluationQuery *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->status >= 0 || self->appeal_states != 0 || self->inspector != NULL ||
         self->min_total >= 0 || self->max_total >= 0 || self->agent_id > 0 ||
         self->team_id > 0 || self->month != NULL;
}

void
em_evaluation_query_set_status (EmEvaluationQuery *self,
                                int                status)
{
  g_return_if_fail (self != NULL);
  self->status = status >= EM_EVALUATION_DRAFT && status <= EM_EVALUATION_FINALISED ? status : -1;
}

int
em_evaluation_query_get_status (const EmEvaluationQuery *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->status;
}

void
em_evaluation_query_set_appeal_states (EmEvaluationQuery *self,
                                       guint              states)
{
  g_return_if_fail (self != NULL);
  self->appeal_states = states & 0xf;
}

guint
em_evaluation_query_get_appeal_states (const EmEvaluationQuery *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->appeal_states;
}

void
em_evaluation_query_set_inspector (EmEvaluationQuery *self,
                                   const char        *inspector)
{
  g_return_if_fail (self != NULL);

  g_free (self->inspector);
  self->inspector = inspector != NULL && *inspector != '\0' ? g_strdup (inspector) : NULL;
}

const char *
em_evaluation_query_get_inspector (const EmEvaluationQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->inspector;
}

void
em_evaluation_query_set_total_range (EmEvaluationQuery *self,
                                     EmPoints           min,
                                     EmPoints           max)
{
  g_return_if_fail (self != NULL);

  self->min_total = MAX (min, -1);
  self->max_total = MAX (max, -1);
}

void
em_evaluation_query_get_total_range (const EmEvaluationQuery *self,
                                     EmPoints                *min,
                                     EmPoints                *max)
{
  g_return_if_fail (self != NULL);

  if (min != NULL)
    *min = self->min_total;
  if (max != NULL)
    *max = self->max_total;
}

void
em_evaluation_query_set_agent_id (EmEvaluationQuery *self,
                                  gint64             agent_id)
{
  g_return_if_fail (self != NULL);
  self->agent_id = MAX (agent_id, 0);
}

gint64
em_evaluation_query_get_agent_id (const EmEvaluationQuery *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->agent_id;
}

void
em_evaluation_query_set_team_id (EmEvaluationQuery *self,
                                 gint64             team_id)
{
  g_return_if_fail (self != NULL);
  self->team_id = MAX (team_id, 0);
}

gint64
em_evaluation_query_get_team_id (const EmEvaluationQuery *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->team_id;
}

gboolean
em_evaluation_query_set_month (EmEvaluationQuery *self,
                               const char        *month)
{
  int year, mon;
  char end;

  g_return_val_if_fail (self != NULL, FALSE);

  g_clear_pointer (&self->month, g_free);
  if (month == NULL || *month == '\0')
    return TRUE;

  if (sscanf (month, "%4d-%2d%c", &year, &mon, &end) != 2 || year < 1970 || mon < 1 || mon > 12)
    return FALSE;

  self->month = g_strdup_printf ("%04d-%02d", year, mon);
  self->month_start = em_time_days_from_civil (year, mon, 1) * 86400;
  self->month_end = em_time_days_from_civil (mon == 12 ? year + 1 : year, mon == 12 ? 1 : mon + 1, 1) * 86400;
  return TRUE;
}

const char *
em_evaluation_query_get_month (const EmEvaluationQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->month;
}

void
em_evaluation_query_set_sort (EmEvaluationQuery *self,
                              EmEvaluationSort   sort,
                              gboolean           descending)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (sort <= EM_EVALUATION_SORT_APPEAL);

  self->sort = sort;
  self->descending = !!descending;
}

EmEvaluationSort
em_evaluation_query_get_sort (const EmEvaluationQuery *self,
                              gboolean                *descending)
{
  g_return_val_if_fail (self != NULL, EM_EVALUATION_SORT_CALL_DATE);

  if (descending != NULL)
    *descending = self->descending;
  return self->sort;
}

/* SQL ------------------------------------------------------------------ */

typedef struct
{
  GPtrArray *conditions;
  GArray    *ints;        /* gint64 values, for ?1 … */
  char      *text;        /* the one text value (the inspector), if any */
  guint      text_index;
} Where;

static void
add_int (Where      *where,
         const char *format,
         gint64      value)
{
  g_array_append_val (where->ints, value);
  g_ptr_array_add (where->conditions, g_strdup_printf (format, where->ints->len));
}

static char *
build_where (const EmEvaluationQuery *self,
             Where                   *where)
{
  g_autofree char *joined = NULL;

  if (self->status >= 0)
    add_int (where, "status = ?%u", self->status);
  if (self->appeal_states != 0)
    add_int (where, "((1 << appeal_state) & ?%u) != 0", self->appeal_states);
  if (self->min_total >= 0)
    add_int (where, "total >= ?%u", self->min_total);
  if (self->max_total >= 0)
    add_int (where, "total <= ?%u", self->max_total);
  if (self->agent_id > 0)
    add_int (where, "agent_id = ?%u", self->agent_id);
  if (self->team_id > 0)
    add_int (where, "team_id = ?%u", self->team_id);
  if (self->month != NULL)
    {
      add_int (where, "local_start >= ?%u", self->month_start);
      add_int (where, "local_start < ?%u", self->month_end);
    }
  if (self->inspector != NULL)
    {
      where->text_index = where->ints->len + 1;
      g_ptr_array_add (where->conditions, g_strdup_printf ("inspector = ?%u", where->text_index));
    }

  if (where->conditions->len == 0)
    return g_strdup ("");

  g_ptr_array_add (where->conditions, NULL);
  joined = g_strjoinv (" AND ", (char **) where->conditions->pdata);
  return g_strconcat ("WHERE ", joined, NULL);
}

static const char * const *
sort_keys (EmEvaluationSort sort)
{
  static const char * const call_date[] = { "started_at", NULL };
  static const char * const call_id[] = { "call_external_id", NULL };
  static const char * const agent[] = { "agent_code", "started_at", NULL };
  static const char * const team[] = { "team_name", "agent_code", "started_at", NULL };
  static const char * const inspector[] = { "inspector", "started_at", NULL };
  static const char * const scorecard[] = { "scorecard_title", "started_at", NULL };
  static const char * const status[] = { "status", "started_at", NULL };
  static const char * const total[] = { "total", "started_at", NULL };
  static const char * const fatal[] = { "fatal", "total", "started_at", NULL };
  static const char * const excluded[] = { "excluded", "started_at", NULL };
  static const char * const appeal[] = { "appeal_state", "started_at", NULL };

  switch (sort)
    {
    case EM_EVALUATION_SORT_CALL_DATE: return call_date;
    case EM_EVALUATION_SORT_CALL_ID: return call_id;
    case EM_EVALUATION_SORT_AGENT: return agent;
    case EM_EVALUATION_SORT_TEAM: return team;
    case EM_EVALUATION_SORT_INSPECTOR: return inspector;
    case EM_EVALUATION_SORT_SCORECARD: return scorecard;
    case EM_EVALUATION_SORT_STATUS: return status;
    case EM_EVALUATION_SORT_TOTAL: return total;
    case EM_EVALUATION_SORT_FATAL: return fatal;
    case EM_EVALUATION_SORT_EXCLUDED: return excluded;
    case EM_EVALUATION_SORT_APPEAL: return appeal;
    default: g_assert_not_reached ();
    }
}

static char *
build_order_by (const EmEvaluationQuery *self)
{
  const char * const *keys = sort_keys (self->sort);
  const char *direction = self->descending ? " DESC" : " ASC";
  GString *order_by = g_string_new ("ORDER BY ");

  for (guint i = 0; keys[i] != NULL; i++)
    g_string_append_printf (order_by, "%s%s, ", keys[i], direction);
  g_string_append_printf (order_by, "id%s", direction);

  return g_string_free (order_by, FALSE);
}

static int
check_cancelled (gpointer user_data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (user_data));
}

static GPtrArray *
read_summaries (sqlite3_stmt  *stmt,
                EmDb          *db,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, _em_evaluation_summary_new_from_stmt (stmt));

  if (rc != SQLITE_DONE)
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        em_db_set_error (db, error, rc, "reading evaluations");
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/**
 * em_evaluation_query_run:
 * @cancellable: (nullable): interrupts the query when cancelled
 *
 * Returns: (transfer full) (element-type EmEvaluationSummary): the
 *   evaluations that pass the filters, in the query's order
 */
GPtrArray *
em_evaluation_query_run (const EmEvaluationQuery  *self,
                         EmDb                     *db,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  g_autoptr(GPtrArray) conditions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ints = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Where where = { conditions, ints, NULL, 0 };
  g_autofree char *where_sql = NULL;
  g_autofree char *order_by = NULL;
  g_autofree char *sql = NULL;
  GPtrArray *rows;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (EM_IS_DB (db), NULL);

  where_sql = build_where (self, &where);
  order_by = build_order_by (self);
  sql = g_strdup_printf ("SELECT " EM_EVALUATION_SUMMARY_COLUMNS " FROM (" EM_EVALUATION_SUMMARY_SQL ") %s %s",
                         where_sql, order_by);

  if (!(stmt = em_db_prepare (db, sql, error)))
    return NULL;

  for (guint i = 0; i < ints->len; i++)
    sqlite3_bind_int64 (stmt, i + 1, g_array_index (ints, gint64, i));
  if (where.text_index > 0)
    sqlite3_bind_text (stmt, where.text_index, self->inspector, -1, SQLITE_STATIC);

  if (cancellable != NULL)
    sqlite3_progress_handler (em_db_get_handle (db), 1000, check_cancelled, cancellable);
  rows = read_summaries (stmt, db, cancellable, error);
  if (cancellable != NULL)
    sqlite3_progress_handler (em_db_get_handle (db), 0, NULL, NULL);

  return rows;
}

static char **
read_strings (EmDb        *db,
              const char  *sql,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  if (!(stmt = em_db_prepare (db, sql, error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_text (stmt, 0) != NULL)
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));

  if (rc != SQLITE_DONE)
    {
      em_db_set_error (db, error, rc, "reading evaluations");
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/* Returns: (transfer full): every inspector who made an evaluation */
char **
em_evaluation_list_inspectors (EmDb    *db,
                               GError **error)
{
  g_return_val_if_fail (EM_IS_DB (db), NULL);

  return read_strings (db, "SELECT DISTINCT inspector FROM evaluations ORDER BY inspector", error);
}

/* Returns: (transfer full): the months ("YYYY-MM", the calls' local
 * time) with an evaluated call, newest first
 */
char **
em_evaluation_list_months (EmDb    *db,
                           GError **error)
{
  g_return_val_if_fail (EM_IS_DB (db), NULL);

  return read_strings (db,
                       "SELECT DISTINCT strftime ('%Y-%m', c.started_at + c.utc_offset, 'unixepoch') "
                       "FROM evaluations e JOIN calls c ON c.id = e.call_id ORDER BY 1 DESC",
                       error);
}

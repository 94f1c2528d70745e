/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "em-evaluation-summary-private.h"

struct _EmEvaluationSummary
{
  GObject             parent_instance;

  gint64              id;
  gint64              call_id;
  char               *call_external_id;
  gint64              call_started_at;
  int                 call_utc_offset;
  gint64              agent_id;
  char               *agent_code;
  char               *agent_name;
  char               *team;
  char               *inspector;
  char               *scorecard_key;
  char               *scorecard_title;
  EmEvaluationStatus  status;
  EmPoints            total;
  gboolean            fatal;
  gboolean            excluded;
  gint64              updated_at;
  gint64              appeal_id;
  EmAppealState       appeal_state;
};

G_DEFINE_FINAL_TYPE (EmEvaluationSummary, em_evaluation_summary, G_TYPE_OBJECT)

static void
em_evaluation_summary_finalize (GObject *object)
{
  EmEvaluationSummary *self = (EmEvaluationSummary *) object;

  g_free (self->call_external_id);
  g_free (self->agent_code);
  g_free (self->agent_name);
  g_free (self->team);
  g_free (self->inspector);
  g_free (self->scorecard_key);
  g_free (self->scorecard_title);

  G_OBJECT_CLASS (em_evaluation_summary_parent_class)->finalize (object);
}

static void
em_evaluation_summary_class_init (EmEvaluationSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = em_evaluation_summary_finalize;
}

static void
em_evaluation_summary_init (EmEvaluationSummary *self)
{
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Reads a row of EM_EVALUATION_SUMMARY_COLUMNS. */
EmEvaluationSummary *
_em_evaluation_summary_new_from_stmt (sqlite3_stmt *stmt)
{
  EmEvaluationSummary *self = g_object_new (EM_TYPE_EVALUATION_SUMMARY, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->call_id = sqlite3_column_int64 (stmt, 1);
  self->call_external_id = dup_column (stmt, 2);
  self->call_started_at = sqlite3_column_int64 (stmt, 3);
  self->call_utc_offset = sqlite3_column_int (stmt, 4);
  self->agent_id = sqlite3_column_int64 (stmt, 5);
  self->agent_code = dup_column (stmt, 6);
  self->agent_name = dup_column (stmt, 7);
  self->team = dup_column (stmt, 8);
  self->inspector = dup_column (stmt, 9);
  self->scorecard_key = dup_column (stmt, 10);
  self->scorecard_title = dup_column (stmt, 11);
  self->status = sqlite3_column_int (stmt, 12);
  self->total = sqlite3_column_int64 (stmt, 13);
  self->fatal = sqlite3_column_int (stmt, 14) != 0;
  self->excluded = sqlite3_column_int (stmt, 15) != 0;
  self->updated_at = sqlite3_column_int64 (stmt, 16);
  self->appeal_id = sqlite3_column_int64 (stmt, 17);
  self->appeal_state = 1 << CLAMP (sqlite3_column_int (stmt, 18), 0, 3);

  return self;
}

#define GETTER(type, name, field) \
  type \
  em_evaluation_summary_get_##name (EmEvaluationSummary *self) \
  { \
    g_return_val_if_fail (EM_IS_EVALUATION_SUMMARY (self), (type) 0); \
    return self->field; \
  }

GETTER (gint64, id, id)
GETTER (gint64, call_id, call_id)
GETTER (const char *, call_external_id, call_external_id)
GETTER (gint64, call_started_at, call_started_at)
GETTER (int, call_utc_offset, call_utc_offset)
GETTER (gint64, agent_id, agent_id)
GETTER (const char *, agent_code, agent_code)
GETTER (const char *, agent_name, agent_name)
GETTER (const char *, team, team)
GETTER (const char *, inspector, inspector)
GETTER (const char *, scorecard_key, scorecard_key)
GETTER (const char *, scorecard_title, scorecard_title)
GETTER (EmEvaluationStatus, status, status)
GETTER (EmPoints, total, total)
GETTER (gboolean, fatal, fatal)
GETTER (gboolean, excluded, excluded)
GETTER (gint64, updated_at, updated_at)
GETTER (gint64, appeal_id, appeal_id)
GETTER (EmAppealState, appeal_state, appeal_state)

#undef GETTER

/* Returns: (transfer full): when the call started, in its own time zone
 * (the center's, as the call platform recorded it)
 */
GDateTime *
em_evaluation_summary_dup_call_started_at_local (EmEvaluationSummary *self)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (EM_IS_EVALUATION_SUMMARY (self), NULL);

  tz = g_time_zone_new_offset (self->call_utc_offset);
  utc = g_date_time_new_from_unix_utc (self->call_started_at);
  return g_date_time_to_timezone (utc, tz);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-call"

#include "config.h"

#include <glib/gi18n.h>

#include "em-call-private.h"
#include "em-error.h"
#include "em-mask.h"

/* EmCall is one row of the calls table as the calls list shows it: the
 * call's own columns, its agent and team, and the state of its
 * evaluation.  It is a snapshot, read-only once made; the list model
 * makes new ones when the database changes.  "Unknown" is kept apart
 * from zero: wait is -1, resolved is -1, satisfaction and the ticket
 * times are 0 when the call platform did not give them.
 */

struct _EmCall
{
  GObject           parent_instance;

  gint64            id;
  char             *external_id;
  gint64            agent_id;
  char             *agent_code;
  char             *agent_name;
  char             *team;
  gint64            started_at;
  int               utc_offset;
  guint             duration;
  int               wait;
  EmCallDirection   direction;
  char             *caller;
  char             *caller_masked;
  char             *queue;
  guint             satisfaction;
  int               resolved;
  gint64            ticket_due;
  gint64            ticket_closed;
  char             *recording;
  EmCallEvaluation  evaluation;
  gint64            evaluation_id;
  EmPoints          evaluation_total;
};

G_DEFINE_FINAL_TYPE (EmCall, em_call, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (EmCallDirection, em_call_direction,
                    G_DEFINE_ENUM_VALUE (EM_CALL_DIRECTION_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (EM_CALL_DIRECTION_INBOUND, "inbound"),
                    G_DEFINE_ENUM_VALUE (EM_CALL_DIRECTION_OUTBOUND, "outbound"))

G_DEFINE_ENUM_TYPE (EmCallEvaluation, em_call_evaluation,
                    G_DEFINE_ENUM_VALUE (EM_CALL_EVALUATION_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (EM_CALL_EVALUATION_DRAFT, "draft"),
                    G_DEFINE_ENUM_VALUE (EM_CALL_EVALUATION_SUBMITTED, "submitted"),
                    G_DEFINE_ENUM_VALUE (EM_CALL_EVALUATION_FINALISED, "finalised"))

enum {
  PROP_0,
  PROP_ID,
  PROP_EXTERNAL_ID,
  PROP_AGENT_ID,
  PROP_AGENT_CODE,
  PROP_AGENT_NAME,
  PROP_TEAM,
  PROP_STARTED_AT,
  PROP_UTC_OFFSET,
  PROP_STARTED_AT_LOCAL,
  PROP_DURATION,
  PROP_WAIT,
  PROP_DIRECTION,
  PROP_CALLER,
  PROP_CALLER_MASKED,
  PROP_QUEUE,
  PROP_SATISFACTION,
  PROP_RESOLVED,
  PROP_TICKET_DUE,
  PROP_TICKET_CLOSED,
  PROP_RECORDING,
  PROP_EVALUATION,
  PROP_EVALUATION_ID,
  PROP_EVALUATION_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

static gint64
int_or (sqlite3_stmt *stmt,
        int           column,
        gint64        if_null)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return if_null;
  return sqlite3_column_int64 (stmt, column);
}

/* Reads one row of EM_CALL_COLUMNS. */
EmCall *
_em_call_new_from_stmt (sqlite3_stmt *stmt)
{
  EmCall *self = g_object_new (EM_TYPE_CALL, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->external_id = dup_column (stmt, 1);
  self->agent_id = sqlite3_column_int64 (stmt, 2);
  self->agent_code = dup_column (stmt, 3);
  self->agent_name = dup_column (stmt, 4);
  self->team = dup_column (stmt, 5);
  self->started_at = sqlite3_column_int64 (stmt, 6);
  self->utc_offset = sqlite3_column_int (stmt, 7);
  self->duration = sqlite3_column_int (stmt, 8);
  self->wait = int_or (stmt, 9, -1);
  self->direction = CLAMP (sqlite3_column_int (stmt, 10), 0, 2);
  self->caller = dup_column (stmt, 11);
  self->caller_masked = em_mask_phone (self->caller);
  self->queue = dup_column (stmt, 12);
  self->satisfaction = int_or (stmt, 13, 0);
  self->resolved = int_or (stmt, 14, -1);
  self->ticket_due = int_or (stmt, 15, 0);
  self->ticket_closed = int_or (stmt, 16, 0);
  self->recording = dup_column (stmt, 17);
  self->evaluation_id = int_or (stmt, 18, 0);
  self->evaluation = self->evaluation_id > 0 ? CLAMP (sqlite3_column_int (stmt, 19), 0, 2) + 1
                                             : EM_CALL_EVALUATION_NONE;
  self->evaluation_total = int_or (stmt, 20, 0);

  return self;
}

static EmCall *
lookup (EmDb         *db,
        sqlite3_stmt *stmt,
        const char   *what,
        GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return _em_call_new_from_stmt (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, EM_ERROR, EM_ERROR_NOT_FOUND, _("There is no call “%s”."), what);
  else
    em_db_set_error (db, error, rc, "reading a call");

  return NULL;
}

/**
 * em_call_lookup:
 * @external_id: the call platform's call id
 *
 * Returns: (transfer full): the call, or %NULL with %EM_ERROR_NOT_FOUND
 */
EmCall *
em_call_lookup (EmDb        *db,
                const char  *external_id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (EM_IS_DB (db), NULL);
  g_return_val_if_fail (external_id != NULL, NULL);

  if (!(stmt = em_db_prepare (db,
                              "SELECT " EM_CALL_COLUMNS " FROM " EM_CALL_FROM
                              " WHERE c.external_id = ?1",
                              error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, external_id, -1, SQLITE_STATIC);
  return lookup (db, stmt, external_id, error);
}

/**
 * em_call_lookup_by_id:
 * @id: the call's row id (calls.id)
 *
 * Returns: (transfer full): the call, or %NULL with %EM_ERROR_NOT_FOUND
 */
EmCall *
em_call_lookup_by_id (EmDb    *db,
                      gint64   id,
                      GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (EM_IS_DB (db), NULL);

  if (!(stmt = em_db_prepare (db,
                              "SELECT " EM_CALL_COLUMNS " FROM " EM_CALL_FROM " WHERE c.id = ?1",
                              error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  what = g_strdup_printf ("#%" G_GINT64_FORMAT, id);
  return lookup (db, stmt, what, error);
}

/* "mm:ss", or "h:mm:ss" from an hour on; "" for unknown (negative). */
char *
em_call_format_duration (gint64 seconds)
{
  if (seconds < 0)
    return g_strdup ("");
  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600),
                            (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

GDateTime *
em_call_dup_started_at_local (EmCall *self)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (EM_IS_CALL (self), NULL);

  tz = g_time_zone_new_offset (self->utc_offset);
  utc = g_date_time_new_from_unix_utc (self->started_at);
  return g_date_time_to_timezone (utc, tz);
}

#define GETTER(type, name, if_invalid) \
  type em_call_get_##name (EmCall *self) \
  { \
    g_return_val_if_fail (EM_IS_CALL (self), if_invalid); \
    return self->name; \
  }

GETTER (gint64, id, 0)
GETTER (const char *, external_id, NULL)
GETTER (gint64, agent_id, 0)
GETTER (const char *, agent_code, NULL)
GETTER (const char *, agent_name, NULL)
GETTER (const char *, team, NULL)
GETTER (gint64, started_at, 0)
GETTER (int, utc_offset, 0)
GETTER (guint, duration, 0)
GETTER (int, wait, -1)
GETTER (EmCallDirection, direction, EM_CALL_DIRECTION_UNKNOWN)
GETTER (const char *, caller, NULL)
GETTER (const char *, caller_masked, NULL)
GETTER (const char *, queue, NULL)
GETTER (guint, satisfaction, 0)
GETTER (int, resolved, -1)
GETTER (gint64, ticket_due, 0)
GETTER (gint64, ticket_closed, 0)
GETTER (const char *, recording, NULL)
GETTER (EmCallEvaluation, evaluation, EM_CALL_EVALUATION_NONE)
GETTER (gint64, evaluation_id, 0)
GETTER (EmPoints, evaluation_total, 0)

#undef GETTER

static void
em_call_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  EmCall *self = EM_CALL (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_EXTERNAL_ID: g_value_set_string (value, self->external_id); break;
    case PROP_AGENT_ID: g_value_set_int64 (value, self->agent_id); break;
    case PROP_AGENT_CODE: g_value_set_string (value, self->agent_code); break;
    case PROP_AGENT_NAME: g_value_set_string (value, self->agent_name); break;
    case PROP_TEAM: g_value_set_string (value, self->team); break;
    case PROP_STARTED_AT: g_value_set_int64 (value, self->started_at); break;
    case PROP_UTC_OFFSET: g_value_set_int (value, self->utc_offset); break;
    case PROP_STARTED_AT_LOCAL: g_value_take_boxed (value, em_call_dup_started_at_local (self)); break;
    case PROP_DURATION: g_value_set_uint (value, self->duration); break;
    case PROP_WAIT: g_value_set_int (value, self->wait); break;
    case PROP_DIRECTION: g_value_set_enum (value, self->direction); break;
    case PROP_CALLER: g_value_set_string (value, self->caller); break;
    case PROP_CALLER_MASKED: g_value_set_string (value, self->caller_masked); break;
    case PROP_QUEUE: g_value_set_string (value, self->queue); break;
    case PROP_SATISFACTION: g_value_set_uint (value, self->satisfaction); break;
    case PROP_RESOLVED: g_value_set_int (value, self->resolved); break;
    case PROP_TICKET_DUE: g_value_set_int64 (value, self->ticket_due); break;
    case PROP_TICKET_CLOSED: g_value_set_int64 (value, self->ticket_closed); break;
    case PROP_RECORDING: g_value_set_string (value, self->recording); break;
    case PROP_EVALUATION: g_value_set_enum (value, self->evaluation); break;
    case PROP_EVALUATION_ID: g_value_set_int64 (value, self->evaluation_id); break;
    case PROP_EVALUATION_TOTAL: g_value_set_int64 (value, self->evaluation_total); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_call_finalize (GObject *object)
{
  EmCall *self = (EmCall *) object;

  g_free (self->external_id);
  g_free (self->agent_code);
  g_free (self->agent_name);
  g_free (self->team);
  g_free (self->caller);
  g_free (self->caller_masked);
  g_free (self->queue);
  g_free (self->recording);

  G_OBJECT_CLASS (em_call_parent_class)->finalize (object);
}

#define FLAGS (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
em_call_class_init (EmCallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = em_call_finalize;
  object_class->get_property = em_call_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, FLAGS);
  properties[PROP_EXTERNAL_ID] = g_param_spec_string ("external-id", NULL, NULL, NULL, FLAGS);
  properties[PROP_AGENT_ID] = g_param_spec_int64 ("agent-id", NULL, NULL, 0, G_MAXINT64, 0, FLAGS);
  properties[PROP_AGENT_CODE] = g_param_spec_string ("agent-code", NULL, NULL, NULL, FLAGS);
  properties[PROP_AGENT_NAME] = g_param_spec_string ("agent-name", NULL, NULL, NULL, FLAGS);
  properties[PROP_TEAM] = g_param_spec_string ("team", NULL, NULL, NULL, FLAGS);
  properties[PROP_STARTED_AT] =
    g_param_spec_int64 ("started-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, FLAGS);
  properties[PROP_UTC_OFFSET] =
    g_param_spec_int ("utc-offset", NULL, NULL, -86400, 86400, 0, FLAGS);
  properties[PROP_STARTED_AT_LOCAL] =
    g_param_spec_boxed ("started-at-local", NULL, NULL, G_TYPE_DATE_TIME, FLAGS);
  properties[PROP_DURATION] = g_param_spec_uint ("duration", NULL, NULL, 0, G_MAXUINT, 0, FLAGS);
  properties[PROP_WAIT] = g_param_spec_int ("wait", NULL, NULL, -1, G_MAXINT, -1, FLAGS);
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL, EM_TYPE_CALL_DIRECTION,
                       EM_CALL_DIRECTION_UNKNOWN, FLAGS);
  properties[PROP_CALLER] = g_param_spec_string ("caller", NULL, NULL, NULL, FLAGS);
  properties[PROP_CALLER_MASKED] = g_param_spec_string ("caller-masked", NULL, NULL, NULL, FLAGS);
  properties[PROP_QUEUE] = g_param_spec_string ("queue", NULL, NULL, NULL, FLAGS);
  properties[PROP_SATISFACTION] = g_param_spec_uint ("satisfaction", NULL, NULL, 0, 5, 0, FLAGS);
  properties[PROP_RESOLVED] = g_param_spec_int ("resolved", NULL, NULL, -1, 1, -1, FLAGS);
  properties[PROP_TICKET_DUE] =
    g_param_spec_int64 ("ticket-due", NULL, NULL, G_MININT64, G_MAXINT64, 0, FLAGS);
  properties[PROP_TICKET_CLOSED] =
    g_param_spec_int64 ("ticket-closed", NULL, NULL, G_MININT64, G_MAXINT64, 0, FLAGS);
  properties[PROP_RECORDING] = g_param_spec_string ("recording", NULL, NULL, NULL, FLAGS);
  properties[PROP_EVALUATION] =
    g_param_spec_enum ("evaluation", NULL, NULL, EM_TYPE_CALL_EVALUATION,
                       EM_CALL_EVALUATION_NONE, FLAGS);
  properties[PROP_EVALUATION_ID] =
    g_param_spec_int64 ("evaluation-id", NULL, NULL, 0, G_MAXINT64, 0, FLAGS);
  properties[PROP_EVALUATION_TOTAL] =
    g_param_spec_int64 ("evaluation-total", NULL, NULL, G_MININT64, G_MAXINT64, 0, FLAGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
em_call_init (EmCall *self)
{
  self->wait = -1;
  self->resolved = -1;
}

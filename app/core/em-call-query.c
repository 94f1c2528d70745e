/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-call-query"

#include "config.h"

#include <glib/gi18n.h>

#include "em-call-query-private.h"

/* Three sorts are served by an index: the start time (calls_started),
 * the call id (its UNIQUE index) and the agent (agents in 工号 order,
 * their calls through calls_agent_started); paging through a million
 * unfiltered calls then walks an index with OFFSET, never sorts the
 * table.  Every other list (another sort, a filter, a search) is put in
 * order once, in memory, by the list model (em-call-list-model.c, with
 * _em_call_query_get_sort_key()): an index per sortable column made each
 * import of a million calls several seconds slower and the database more
 * than twice as big, for sorts that take a fraction of a second in a
 * worker thread.  bench/bench-call-list and bench/bench-import say what
 * each costs.
 */

struct _EmCallQuery
{
  char            *search;
  gint64           agent_id;
  gint64           team_id;
  gint64           from;        /* G_MININT64: open */
  gint64           to;          /* G_MAXINT64: open */
  int              min_duration;
  int              max_duration;
  EmCallDirection  direction;
  guint            not_evaluated : 1;
  guint            sampled : 1;
  guint            descending : 1;
  char            *assigned_to;
  EmCallSort       sort;
};

G_DEFINE_BOXED_TYPE (EmCallQuery, em_call_query, em_call_query_copy, em_call_query_free)

G_DEFINE_ENUM_TYPE (EmCallSort, em_call_sort,
                    G_DEFINE_ENUM_VALUE (EM_CALL_SORT_STARTED_AT, "started-at"),
                    G_DEFINE_ENUM_VALUE (EM_CALL_SORT_EXTERNAL_ID, "external-id"),
                    G_DEFINE_ENUM_VALUE (EM_CALL_SORT_AGENT, "agent"),
                    G_DEFINE_ENUM_VALUE (EM_CALL_SORT_TEAM, "team"),
                    G_DEFINE_ENUM_VALUE (EM_CALL_SORT_DURATION, "duration"),
                    G_DEFINE_ENUM_VALUE (EM_CALL_SORT_WAIT, "wait"),
                    G_DEFINE_ENUM_VALUE (EM_CALL_SORT_DIRECTION, "direction"),
                    G_DEFINE_ENUM_VALUE (EM_CALL_SORT_CALLER, "caller"),
                    G_DEFINE_ENUM_VALUE (EM_CALL_SORT_QUEUE, "queue"),
                    G_DEFINE_ENUM_VALUE (EM_CALL_SORT_SATISFACTION, "satisfaction"),
                    G_DEFINE_ENUM_VALUE (EM_CALL_SORT_RESOLVED, "resolved"),
                    G_DEFINE_ENUM_VALUE (EM_CALL_SORT_EVALUATION, "evaluation"))

EmCallQuery *
em_call_query_new (void)
{
  EmCallQuery *self = g_new0 (EmCallQuery, 1);

  self->from = G_MININT64;
  self->to = G_MAXINT64;
  self->min_duration = -1;
  self->max_duration = -1;
  self->sort = EM_CALL_SORT_STARTED_AT;
  self->descending = TRUE;

  return self;
}

EmCallQuery *
em_call_query_copy (const EmCallQuery *self)
{
  EmCallQuery *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->search = g_strdup (self->search);
  copy->assigned_to = g_strdup (self->assigned_to);

  return copy;
}

void
em_call_query_free (EmCallQuery *self)
{
  if (self == NULL)
    return;

  g_free (self->search);
  g_free (self->assigned_to);
  g_free (self);
}

gboolean
em_call_query_equal (const EmCallQuery *a,
                     const EmCallQuery *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->search, b->search) == 0 &&
         a->agent_id == b->agent_id &&
         a->team_id == b->team_id &&
         a->from == b->from && a->to == b->to &&
         a->min_duration == b->min_duration && a->max_duration == b->max_duration &&
         a->direction == b->direction &&
         a->not_evaluated == b->not_evaluated &&
         a->sampled == b->sampled &&
         g_strcmp0 (a->assigned_to, b->assigned_to) == 0 &&
         a->sort == b->sort && a->descending == b->descending;
}

void
em_call_query_set_search (EmCallQuery *self,
                          const char  *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (self != NULL);

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_free (self->search);
  self->search = *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

const char *
em_call_query_get_search (const EmCallQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->search;
}

void
em_call_query_set_agent_id (EmCallQuery *self,
                            gint64       agent_id)
{
  g_return_if_fail (self != NULL);
  self->agent_id = MAX (agent_id, 0);
}

gint64
em_call_query_get_agent_id (const EmCallQuery *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->agent_id;
}

void
em_call_query_set_team_id (EmCallQuery *self,
                           gint64       team_id)
{
  g_return_if_fail (self != NULL);
  self->team_id = MAX (team_id, 0);
}

gint64
em_call_query_get_team_id (const EmCallQuery *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->team_id;
}

void
em_call_query_set_time_range (EmCallQuery *self,
                              GDateTime   *from,
                              GDateTime   *to)
{
  g_return_if_fail (self != NULL);

  self->from = from != NULL ? g_date_time_to_unix (from) : G_MININT64;
  self->to = to != NULL ? g_date_time_to_unix (to) : G_MAXINT64;
}

/* Returns whether either end is set; an open end reads as
 * G_MININT64 / G_MAXINT64.
 */
gboolean
em_call_query_get_time_range (const EmCallQuery *self,
                              gint64            *from_unix,
                              gint64            *to_unix)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (from_unix != NULL)
    *from_unix = self->from;
  if (to_unix != NULL)
    *to_unix = self->to;

  return self->from != G_MININT64 || self->to != G_MAXINT64;
}

void
em_call_query_set_duration_range (EmCallQuery *self,
                                  int          min_seconds,
                                  int          max_seconds)
{
  g_return_if_fail (self != NULL);

  self->min_duration = MAX (min_seconds, -1);
  self->max_duration = MAX (max_seconds, -1);
}

void
em_call_query_get_duration_range (const EmCallQuery *self,
                                  int               *min_seconds,
                                  int               *max_seconds)
{
  g_return_if_fail (self != NULL);

  if (min_seconds != NULL)
    *min_seconds = self->min_duration;
  if (max_seconds != NULL)
    *max_seconds = self->max_duration;
}

void
em_call_query_set_direction (EmCallQuery     *self,
                             EmCallDirection  direction)
{
  g_return_if_fail (self != NULL);
  self->direction = direction;
}

EmCallDirection
em_call_query_get_direction (const EmCallQuery *self)
{
  g_return_val_if_fail (self != NULL, EM_CALL_DIRECTION_UNKNOWN);
  return self->direction;
}

void
em_call_query_set_not_evaluated (EmCallQuery *self,
                                 gboolean     not_evaluated)
{
  g_return_if_fail (self != NULL);
  self->not_evaluated = !!not_evaluated;
}

gboolean
em_call_query_get_not_evaluated (const EmCallQuery *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->not_evaluated;
}

void
em_call_query_set_sampled (EmCallQuery *self,
                           gboolean     sampled)
{
  g_return_if_fail (self != NULL);
  self->sampled = !!sampled;
}

gboolean
em_call_query_get_sampled (const EmCallQuery *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->sampled;
}

void
em_call_query_set_assigned_to (EmCallQuery *self,
                               const char  *inspector)
{
  g_return_if_fail (self != NULL);

  g_free (self->assigned_to);
  self->assigned_to = inspector != NULL && *inspector != '\0' ? g_strdup (inspector) : NULL;
}

const char *
em_call_query_get_assigned_to (const EmCallQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->assigned_to;
}

void
em_call_query_set_sort (EmCallQuery *self,
                        EmCallSort   sort,
                        gboolean     descending)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (sort <= EM_CALL_SORT_EVALUATION);

  self->sort = sort;
  self->descending = !!descending;
}

EmCallSort
em_call_query_get_sort (const EmCallQuery *self,
                        gboolean          *descending)
{
  g_return_val_if_fail (self != NULL, EM_CALL_SORT_STARTED_AT);

  if (descending != NULL)
    *descending = self->descending;
  return self->sort;
}

/* SQL */

static guint
add_bind (GPtrArray *binds,
          GVariant  *value)
{
  g_ptr_array_add (binds, g_variant_ref_sink (value));
  return binds->len;
}

/* "%text%" for LIKE … ESCAPE '\', with the user's own % and _ literal. */
static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

static void
build_search (const EmCallQuery *self,
              GPtrArray         *conditions,
              GPtrArray         *binds)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *pattern = like_pattern (self->search);
  guint text = add_bind (binds, g_variant_new_string (pattern));
  GString *condition = g_string_new (NULL);

  /* Text that looks like a phone number (digits and the usual
   * separators) is also looked for among the callers, by its digits. */
  for (const char *p = self->search; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
    else if (strchr (" -+()", *p) == NULL)
      {
        g_string_truncate (digits, 0);
        break;
      }

  g_string_append_printf (condition,
                          "(c.external_id LIKE ?%u ESCAPE '\\' OR c.agent_id IN "
                          "(SELECT id FROM agents WHERE code LIKE ?%u ESCAPE '\\' "
                          "OR name LIKE ?%u ESCAPE '\\')",
                          text, text, text);

  if (digits->len >= 3)
    {
      g_autofree char *digits_pattern = g_strdup_printf ("%%%s%%", digits->str);
      guint number = add_bind (binds, g_variant_new_string (digits_pattern));

      g_string_append_printf (condition, " OR c.caller LIKE ?%u", number);
    }
  g_string_append_c (condition, ')');

  g_ptr_array_add (conditions, g_string_free (condition, FALSE));
}

gboolean
_em_call_query_sort_uses_index (const EmCallQuery *self)
{
  return self->sort == EM_CALL_SORT_STARTED_AT ||
         self->sort == EM_CALL_SORT_EXTERNAL_ID ||
         self->sort == EM_CALL_SORT_AGENT;
}

gboolean
_em_call_query_has_filters (const EmCallQuery *self)
{
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autofree char *where = _em_call_query_build_where (self, binds);

  return *where != '\0';
}

/* The key of a sort done in memory; see em-call-query-private.h.  The
 * agent and team sorts rank the agents (a few hundred rows) by 工号 or by
 * team name and 工号, the evaluation sort reads the evaluations once:
 * neither joins per call.
 */
void
_em_call_query_get_sort_key (const EmCallQuery *self,
                             EmCallSortKey     *out_key)
{
  static const EmCallSortKey agent = {
    EM_CALL_SORT_KEY_MAPPED, "c.agent_id",
    "SELECT id, row_number () OVER (ORDER BY code) FROM agents",
    0
  };
  static const EmCallSortKey team = {
    EM_CALL_SORT_KEY_MAPPED, "c.agent_id",
    "SELECT a.id, row_number () OVER (ORDER BY t.name, a.code) "
    "FROM agents a LEFT JOIN teams t ON t.id = a.team_id",
    0
  };
  static const EmCallSortKey evaluation = {
    EM_CALL_SORT_KEY_MAPPED, "c.id",
    "SELECT call_id, max (status) + 1 FROM evaluations GROUP BY call_id",
    0
  };
  EmCallSortKey integer = { EM_CALL_SORT_KEY_INTEGER, NULL, NULL, 0 };
  EmCallSortKey text = { EM_CALL_SORT_KEY_TEXT, NULL, NULL, 0 };

  switch (self->sort)
    {
    case EM_CALL_SORT_AGENT: *out_key = agent; return;
    case EM_CALL_SORT_TEAM: *out_key = team; return;
    case EM_CALL_SORT_EVALUATION: *out_key = evaluation; return;
    case EM_CALL_SORT_STARTED_AT: integer.column = "c.started_at"; break;
    case EM_CALL_SORT_DURATION: integer.column = "c.duration_s"; break;
    case EM_CALL_SORT_WAIT: integer.column = "c.wait_s"; break;
    case EM_CALL_SORT_DIRECTION: integer.column = "c.direction"; break;
    case EM_CALL_SORT_SATISFACTION: integer.column = "c.satisfaction"; break;
    case EM_CALL_SORT_RESOLVED: integer.column = "c.resolved"; break;
    case EM_CALL_SORT_EXTERNAL_ID: text.column = "c.external_id"; break;
    case EM_CALL_SORT_CALLER: text.column = "c.caller"; break;
    case EM_CALL_SORT_QUEUE: text.column = "c.queue"; break;
    default: g_assert_not_reached ();
    }

  *out_key = integer.column != NULL ? integer : text;
}

/* The FROM clause that selects the ordered call ids: the agent sort
 * needs its table, the others only the calls.
 */
char *
_em_call_query_build_from (const EmCallQuery *self)
{
  if (self->sort == EM_CALL_SORT_AGENT)
    return g_strdup ("calls c JOIN agents a ON a.id = c.agent_id "
                     "LEFT JOIN teams t ON t.id = a.team_id");
  return g_strdup ("calls c");
}

char *
_em_call_query_build_where (const EmCallQuery *self,
                            GPtrArray         *binds)
{
  g_autoptr(GPtrArray) conditions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (self->search != NULL)
    build_search (self, conditions, binds);
  if (self->agent_id > 0)
    g_ptr_array_add (conditions, g_strdup_printf ("c.agent_id = ?%u",
                                                  add_bind (binds, g_variant_new_int64 (self->agent_id))));
  if (self->team_id > 0)
    g_ptr_array_add (conditions, g_strdup_printf ("c.agent_id IN (SELECT id FROM agents WHERE team_id = ?%u)",
                                                  add_bind (binds, g_variant_new_int64 (self->team_id))));
  if (self->from != G_MININT64)
    g_ptr_array_add (conditions, g_strdup_printf ("c.started_at >= ?%u",
                                                  add_bind (binds, g_variant_new_int64 (self->from))));
  if (self->to != G_MAXINT64)
    g_ptr_array_add (conditions, g_strdup_printf ("c.started_at < ?%u",
                                                  add_bind (binds, g_variant_new_int64 (self->to))));
  if (self->min_duration >= 0)
    g_ptr_array_add (conditions, g_strdup_printf ("c.duration_s >= ?%u",
                                                  add_bind (binds, g_variant_new_int64 (self->min_duration))));
  if (self->max_duration >= 0)
    g_ptr_array_add (conditions, g_strdup_printf ("c.duration_s <= ?%u",
                                                  add_bind (binds, g_variant_new_int64 (self->max_duration))));
  if (self->direction != EM_CALL_DIRECTION_UNKNOWN)
    g_ptr_array_add (conditions, g_strdup_printf ("c.direction = ?%u",
                                                  add_bind (binds, g_variant_new_int64 (self->direction))));
  if (self->not_evaluated)
    g_ptr_array_add (conditions, g_strdup ("NOT EXISTS (SELECT 1 FROM evaluations WHERE call_id = c.id)"));
  if (self->sampled)
    g_ptr_array_add (conditions, g_strdup ("EXISTS (SELECT 1 FROM sampled_calls WHERE call_id = c.id)"));
  if (self->assigned_to != NULL)
    g_ptr_array_add (conditions, g_strdup_printf ("EXISTS (SELECT 1 FROM sampled_calls "
                                                  "WHERE call_id = c.id AND inspector = ?%u)",
                                                  add_bind (binds, g_variant_new_string (self->assigned_to))));

  if (conditions->len == 0)
    return g_strdup ("");

  g_ptr_array_add (conditions, NULL);
  joined = g_strjoinv (" AND ", (char **) conditions->pdata);
  return g_strconcat ("WHERE ", joined, NULL);
}

/* The sort keys of the sorts an index serves, most significant first,
 * each in the query's direction.
 */
static const char * const *
sort_keys (EmCallSort sort)
{
  static const char * const started_at[] = { "c.started_at", "c.id", NULL };
  static const char * const external_id[] = { "c.external_id", NULL };
  static const char * const agent[] = { "a.code", "c.started_at", "c.id", NULL };

  switch (sort)
    {
    case EM_CALL_SORT_STARTED_AT: return started_at;
    case EM_CALL_SORT_EXTERNAL_ID: return external_id;
    case EM_CALL_SORT_AGENT: return agent;
    default: g_assert_not_reached ();
    }
}

char *
_em_call_query_build_order_by (const EmCallQuery *self)
{
  const char * const *keys = sort_keys (self->sort);
  const char *direction = self->descending ? " DESC" : " ASC";
  GString *order_by = g_string_new ("ORDER BY ");

  for (guint i = 0; keys[i] != NULL; i++)
    g_string_append_printf (order_by, "%s%s%s", i > 0 ? ", " : "", keys[i], direction);

  return g_string_free (order_by, FALSE);
}

void
_em_call_query_bind (sqlite3_stmt *stmt,
                     GPtrArray    *binds)
{
  for (guint i = 0; i < binds->len; i++)
    {
      GVariant *value = g_ptr_array_index (binds, i);

      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        sqlite3_bind_int64 (stmt, i + 1, g_variant_get_int64 (value));
      else
        sqlite3_bind_text (stmt, i + 1, g_variant_get_string (value, NULL), -1, SQLITE_TRANSIENT);
    }
}

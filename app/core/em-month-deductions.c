/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-month"

#include "config.h"

#include <glib/gi18n.h>

#include "em-error.h"
#include "em-month-private.h"

/* The "why" of a month: which scorecard items cost points, per agent and
 * overall, from evaluation_items.deduction of finalised, not excluded
 * evaluations.  Items are identified by scorecard and item id across
 * scorecard revisions; their titles come from the newest revision used,
 * read straight from the stored scorecard text (a key file).
 */

struct _EmDeductions
{
  GPtrArray  *overall;      /* EmDeduction*, costliest first */
  GHashTable *by_agent;     /* agent id → GPtrArray of EmDeduction*, costliest first */
  EmPoints    total;
};

struct _EmScorecardTitles
{
  EmDb       *db;
  char       *language;
  GHashTable *sources;      /* version id → GKeyFile* (NULL value: unreadable) */
  GHashTable *titles;       /* version id → the scorecard's title */
};

EmScorecardTitles *
em_scorecard_titles_new (EmDb       *db,
                         const char *language)
{
  EmScorecardTitles *self = g_new0 (EmScorecardTitles, 1);

  self->db = g_object_ref (db);
  self->language = g_strdup (language);
  self->sources = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) g_key_file_unref);
  self->titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  return self;
}

void
em_scorecard_titles_free (EmScorecardTitles *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->db);
  g_free (self->language);
  g_hash_table_unref (self->sources);
  g_hash_table_unref (self->titles);
  g_free (self);
}

static GKeyFile *
load_source (EmScorecardTitles *self,
             gint64             version_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GKeyFile) key_file = NULL;
  gint64 *key;

  if (g_hash_table_contains (self->sources, &version_id))
    return g_hash_table_lookup (self->sources, &version_id);

  stmt = em_db_prepare (self->db, "SELECT source FROM scorecard_versions WHERE id = ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, version_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          key_file = g_key_file_new ();
          if (!g_key_file_load_from_data (key_file, (const char *) sqlite3_column_text (stmt, 0),
                                          -1, G_KEY_FILE_KEEP_TRANSLATIONS, NULL))
            g_clear_pointer (&key_file, g_key_file_unref);
        }
    }

  key = g_new (gint64, 1);
  *key = version_id;
  g_hash_table_insert (self->sources, key, key_file);
  return g_steal_pointer (&key_file);
}

static char *
lookup_title (EmScorecardTitles *self,
              gint64             version_id,
              const char        *group)
{
  GKeyFile *key_file = load_source (self, version_id);
  char *title;

  if (key_file == NULL)
    return NULL;

  title = g_key_file_get_locale_string (key_file, group, "Title", self->language, NULL);
  if (title != NULL && *g_strstrip (title) == '\0')
    g_clear_pointer (&title, g_free);
  return title;
}

/* The scorecard's title in the language asked for, or @fallback. */
char *
em_scorecard_titles_dup_scorecard (EmScorecardTitles *self,
                                   gint64             version_id,
                                   const char        *fallback)
{
  char *title = lookup_title (self, version_id, "Scorecard");

  return title != NULL ? title : g_strdup (fallback);
}

/* Like em_scorecard_titles_dup_scorecard(), cached: for a row per
 * evaluation.  The string belongs to @self.
 */
const char *
em_scorecard_titles_get_scorecard (EmScorecardTitles *self,
                                   gint64             version_id,
                                   const char        *fallback)
{
  char *title = g_hash_table_lookup (self->titles, &version_id);

  if (title == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = version_id;
      title = em_scorecard_titles_dup_scorecard (self, version_id, fallback != NULL ? fallback : "");
      g_hash_table_insert (self->titles, key, title);
    }

  return title;
}

/* The item's title, or its id when the scorecard text has none. */
char *
em_scorecard_titles_dup_item (EmScorecardTitles *self,
                              gint64             version_id,
                              const char        *item_id)
{
  g_autofree char *group = g_strconcat ("Item:", item_id, NULL);
  char *title = lookup_title (self, version_id, group);

  return title != NULL ? title : g_strdup (item_id);
}

static void
deduction_free (gpointer data)
{
  EmDeduction *d = data;

  g_free (d->scorecard_key);
  g_free (d->scorecard_title);
  g_free (d->item_id);
  g_free (d->item_title);
  g_free (d);
}

void
em_deductions_free (EmDeductions *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->overall);
  g_hash_table_unref (self->by_agent);
  g_free (self);
}

static int
compare_deductions (gconstpointer a,
                    gconstpointer b)
{
  const EmDeduction *da = *(EmDeduction **) a;
  const EmDeduction *db = *(EmDeduction **) b;

  if (da->points != db->points)
    return da->points > db->points ? -1 : 1;
  if (da->n_evaluations != db->n_evaluations)
    return da->n_evaluations > db->n_evaluations ? -1 : 1;
  return g_strcmp0 (da->item_title, db->item_title);
}

static void
copy_titles (EmDeduction       *to,
             const EmDeduction *from)
{
  g_free (to->scorecard_key);
  g_free (to->scorecard_title);
  g_free (to->item_id);
  g_free (to->item_title);
  to->scorecard_key = g_strdup (from->scorecard_key);
  to->scorecard_title = g_strdup (from->scorecard_title);
  to->item_id = g_strdup (from->item_id);
  to->item_title = g_strdup (from->item_title);
  to->version_id = from->version_id;
}

/* Adds @d into the overall list, merging by scorecard and item. */
static void
add_overall (EmDeductions *self,
             GHashTable   *overall_index,
             EmDeduction  *d)
{
  g_autofree char *key = g_strconcat (d->scorecard_key, "\n", d->item_id, NULL);
  EmDeduction *sum = g_hash_table_lookup (overall_index, key);

  if (sum == NULL)
    {
      sum = g_new0 (EmDeduction, 1);
      g_ptr_array_add (self->overall, sum);
      g_hash_table_insert (overall_index, g_steal_pointer (&key), sum);
    }

  /* Titles follow the newest revision of the scorecard any agent used. */
  if (d->version_id > sum->version_id)
    copy_titles (sum, d);

  sum->n_evaluations += d->n_evaluations;
  sum->points += d->points;
  self->total += d->points;
}

static void
add_for_agent (EmDeductions *self,
               EmDeduction  *d)
{
  GPtrArray *list = g_hash_table_lookup (self->by_agent, &d->agent_id);

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (deduction_free);
      g_hash_table_insert (self->by_agent, &d->agent_id, list);
    }
  g_ptr_array_add (list, d);
}

static const char deductions_sql[] =
  "SELECT c.agent_id, s.key, s.title, i.item_id, count(*), sum(i.deduction),"
  "       max(e.scorecard_version_id)"
  " FROM evaluations e CROSS JOIN calls c ON c.id = e.call_id"
  " JOIN agents a ON a.id = c.agent_id"
  " JOIN evaluation_items i ON i.evaluation_id = e.id"
  " JOIN scorecard_versions sv ON sv.id = e.scorecard_version_id"
  " JOIN scorecards s ON s.id = sv.scorecard_id"
  " WHERE e.status = 2 AND e.excluded = 0 AND i.deduction > 0"
  "   AND (?5 = 0 OR a.team_id = ?5) AND" EM_MONTH_CALL_IN_RANGE
  " GROUP BY c.agent_id, s.id, i.item_id";

static EmDeduction *
read_deduction (sqlite3_stmt      *stmt,
                EmScorecardTitles *titles)
{
  EmDeduction *d = g_new0 (EmDeduction, 1);
  gint64 version_id = sqlite3_column_int64 (stmt, 6);

  d->agent_id = sqlite3_column_int64 (stmt, 0);
  d->version_id = version_id;
  d->scorecard_key = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  d->scorecard_title = em_scorecard_titles_dup_scorecard (titles, version_id,
                                                          (const char *) sqlite3_column_text (stmt, 2));
  d->item_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  d->item_title = em_scorecard_titles_dup_item (titles, version_id, d->item_id);
  d->n_evaluations = sqlite3_column_int64 (stmt, 4);
  d->points = sqlite3_column_int64 (stmt, 5);
  return d;
}

/**
 * em_month_collect_deductions:
 * @team_id: only this team's agents, or 0 for everyone
 * @language: (nullable): the language of the titles
 *
 * Returns: (transfer full): the deductions, or %NULL with @error set
 */
EmDeductions *
em_month_collect_deductions (EmDb            *db,
                             const EmPeriod  *period,
                             gint64           team_id,
                             const char      *language,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_return_val_if_fail (period != NULL, NULL);

  return em_month_collect_deductions_between (db, period, period, team_id, language, cancellable, error);
}

/**
 * em_month_collect_deductions_between:
 * @first: the first period
 * @last: the last period (the same as @first for one period)
 *
 * Like em_month_collect_deductions(), for every month from the start of
 * @first to the end of @last in one pass (an agent's 12 months).
 *
 * Returns: (transfer full): the deductions, or %NULL with @error set
 */
EmDeductions *
em_month_collect_deductions_between (EmDb            *db,
                                     const EmPeriod  *first,
                                     const EmPeriod  *last,
                                     gint64           team_id,
                                     const char      *language,
                                     GCancellable    *cancellable,
                                     GError         **error)
{
  g_autoptr(EmDeductions) self = g_new0 (EmDeductions, 1);
  g_autoptr(GHashTable) overall_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  EmScorecardTitles *titles;
  GHashTableIter iter;
  gpointer list;
  gint64 start, end, ignored;
  int rc;

  g_return_val_if_fail (EM_IS_DB (db), NULL);
  g_return_val_if_fail (first != NULL && last != NULL, NULL);

  self->overall = g_ptr_array_new_with_free_func (deduction_free);
  self->by_agent = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                          (GDestroyNotify) g_ptr_array_unref);

  if (!(stmt = em_db_prepare (db, deductions_sql, error)))
    return NULL;

  em_period_get_bounds (first, &start, &ignored);
  em_period_get_bounds (last, &ignored, &end);
  em_month_bind_range (stmt, 1, start, end);
  sqlite3_bind_int64 (stmt, 5, team_id);

  titles = em_scorecard_titles_new (db, language);
  em_month_watch_cancellable (db, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EmDeduction *d = read_deduction (stmt, titles);

      add_overall (self, overall_index, d);
      add_for_agent (self, d);
    }
  em_month_watch_cancellable (db, NULL);
  em_scorecard_titles_free (titles);

  if (rc != SQLITE_DONE)
    {
      em_month_step_error (db, rc, cancellable, error);
      return NULL;
    }

  g_ptr_array_sort (self->overall, compare_deductions);
  g_hash_table_iter_init (&iter, self->by_agent);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    g_ptr_array_sort (list, compare_deductions);

  return g_steal_pointer (&self);
}

guint
em_deductions_get_n_overall (EmDeductions *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->overall->len;
}

const EmDeduction *
em_deductions_get_overall (EmDeductions *self,
                           guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->overall->len, NULL);

  return g_ptr_array_index (self->overall, index);
}

/* All points deducted in the period (in scope), the base for shares. */
EmPoints
em_deductions_get_total_points (EmDeductions *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->total;
}

guint
em_deductions_get_n_for_agent (EmDeductions *self,
                               gint64        agent_id)
{
  GPtrArray *list;

  g_return_val_if_fail (self != NULL, 0);

  list = g_hash_table_lookup (self->by_agent, &agent_id);
  return list != NULL ? list->len : 0;
}

const EmDeduction *
em_deductions_get_for_agent (EmDeductions *self,
                             gint64        agent_id,
                             guint         index)
{
  GPtrArray *list;

  g_return_val_if_fail (self != NULL, NULL);

  list = g_hash_table_lookup (self->by_agent, &agent_id);
  g_return_val_if_fail (list != NULL && index < list->len, NULL);

  return g_ptr_array_index (list, index);
}

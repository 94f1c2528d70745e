/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-sampling"

#include "config.h"

#include <glib/gi18n.h>

#include "em-error.h"
#include "em-points.h"
#include "em-sampling-private.h"
#include "em-txn.h"

/* Storing sampling plans.  The rules are in em-sampling-draw.c.
 *
 * One plan per month.  Drawing a month again replaces its plan in one
 * transaction — unless a call of the plan has been evaluated since the
 * draw (a draft counts: someone is working on it).  Then the plan can only be
 * updated: its calls, reasons and inspectors stay, and the calls the
 * targeted rules select now (short, slow half-hour, and above all the
 * neighbours of problems found since) are added, each to the inspector
 * with the fewest calls.  The quota is never drawn again by an update.
 *
 * Calls are assigned round-robin over the inspectors in the order given,
 * walking the plan's calls by agent code, start time and external id, so
 * the counts differ by at most one and each inspector hears every agent.
 * With no inspectors the calls are stored unassigned.
 */

#define PARAMS_GROUP "Sampling"
#define ALGORITHM 1

void
em_sampling_rules_init (EmSamplingRules *rules)
{
  g_return_if_fail (rules != NULL);

  rules->quota_bp = 100;
  rules->minimum = 5;
  rules->short_seconds = 20;
  rules->long_seconds = 200;
  rules->answer_seconds = 20;
  rules->answer_target_bp = 8000;
  rules->slot_minutes = 30;
  rules->exempt_months = 2;
  rules->exempt_count = 5;
}

gboolean
em_sampling_rules_check (const EmSamplingRules  *rules,
                         GError                **error)
{
  g_return_val_if_fail (rules != NULL, FALSE);

  if (rules->quota_bp > 10000)
    g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                 _("The quota must be between 0 %% and 100 %% of last month’s calls."));
  else if (rules->answer_target_bp > 10000)
    g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                 _("The answer-rate target must be between 0 %% and 100 %%."));
  else if (rules->slot_minutes < 1 || rules->slot_minutes > 24 * 60)
    g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                 _("The answer-rate period must be between 1 minute and a day."));
  else
    return TRUE;

  return FALSE;
}

/* Strict YYYY-MM: a month typed "2024-3" is more likely a mistake than a
 * shorthand worth guessing at.
 */
gboolean
em_sampling_parse_month (const char  *text,
                         int         *out_year,
                         int         *out_month,
                         GError     **error)
{
  int year = 0, month = 0;

  if (text != NULL && strlen (text) == 7 && text[4] == '-')
    {
      for (guint i = 0; i < 7; i++)
        {
          if (i == 4)
            continue;
          if (!g_ascii_isdigit (text[i]))
            goto bad;
          if (i < 4)
            year = year * 10 + (text[i] - '0');
          else
            month = month * 10 + (text[i] - '0');
        }
      if (year >= 1970 && month >= 1 && month <= 12)
        {
          if (out_year)
            *out_year = year;
          if (out_month)
            *out_month = month;
          return TRUE;
        }
    }

bad:
  g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
               _("“%s” is not a month: write it as YYYY-MM, e.g. 2024-03."),
               text != NULL ? text : "");
  return FALSE;
}

static gboolean
names_contain (GPtrArray  *names,
               const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;

  return FALSE;
}

/* Names separated by ';' — or '；', which a Chinese input method types —
 * trimmed, empty ones and repeats dropped, order kept.
 */
char **
em_sampling_parse_inspectors (const char *text)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) normal = g_string_new (text != NULL ? text : "");

  g_string_replace (normal, "；", ";", 0);
  parts = g_strsplit (normal->str, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *name = g_strstrip (parts[i]);

      if (*name != '\0' && g_utf8_validate (name, -1, NULL) && !names_contain (names, name))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static char **
clean_inspectors (const char * const *inspectors)
{
  g_autofree char *joined = g_strjoinv (";", (char **) inspectors);

  return em_sampling_parse_inspectors (joined);
}

/* The "inspectors" setting: who shares the month's sampled calls. */
char **
em_sampling_dup_inspectors (EmDb *db)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (EM_IS_DB (db), NULL);

  text = em_db_get_setting (db, "inspectors");
  return em_sampling_parse_inspectors (text);
}

gboolean
em_sampling_set_inspectors (EmDb                *db,
                            const char * const  *inspectors,
                            GError             **error)
{
  g_auto(GStrv) names = NULL;
  g_autofree char *joined = NULL;

  g_return_val_if_fail (EM_IS_DB (db), FALSE);

  names = clean_inspectors (inspectors != NULL ? inspectors : (const char * const[]) { NULL });
  joined = g_strjoinv (";", names);
  return em_db_set_setting (db, "inspectors", *joined != '\0' ? joined : NULL, error);
}

/* A fresh seed for a new plan (the UI's "draw"); only the draw itself must
 * be reproducible, so GLib's generator is fine here.
 */
gint64
em_sampling_new_seed (void)
{
  guint64 high = g_random_int ();
  guint64 low = g_random_int ();

  return (gint64) (((high << 32) | low) & G_MAXINT64);
}

static const struct
{
  EmSamplingReason  reason;
  const char       *token;
  const char       *label;
} reasons[] = {
  { EM_SAMPLING_REASON_QUOTA,        "quota",               N_("Monthly quota") },
  { EM_SAMPLING_REASON_EXEMPT_QUOTA, "exempt-quota",        N_("Reduced quota after full-score months") },
  { EM_SAMPLING_REASON_SHORT,        "short",               N_("Short call") },
  { EM_SAMPLING_REASON_LONG_SLOW,    "long-slow-half-hour", N_("Long call in a slow half-hour") },
  { EM_SAMPLING_REASON_NEIGHBOUR,    "neighbour",           N_("Next to a call with a problem") },
};

const char *
em_sampling_reason_to_token (EmSamplingReason reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (reasons[i].reason == reason)
      return reasons[i].token;

  return NULL;
}

const char *
em_sampling_reason_get_label (EmSamplingReason reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (reasons[i].reason == reason)
      return _(reasons[i].label);

  return NULL;
}

/* "quota,short": the tokens of every reason in @reasons, in priority order. */
char *
em_sampling_reasons_to_string (EmSamplingReason reasons_set)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (reasons_set & reasons[i].reason)
      {
        if (text->len > 0)
          g_string_append_c (text, ',');
        g_string_append (text, reasons[i].token);
      }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
em_sampling_reasons_parse (const char       *text,
                           EmSamplingReason *out_reasons)
{
  g_auto(GStrv) tokens = NULL;
  EmSamplingReason parsed = EM_SAMPLING_REASON_NONE;

  g_return_val_if_fail (out_reasons != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  tokens = g_strsplit (text, ",", -1);
  for (guint t = 0; tokens[t] != NULL; t++)
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (reasons); i++)
        if (g_str_equal (tokens[t], reasons[i].token))
          break;
      if (i == G_N_ELEMENTS (reasons))
        return FALSE;
      parsed |= reasons[i].reason;
    }

  *out_reasons = parsed;
  return parsed != EM_SAMPLING_REASON_NONE;
}

static void
set_percent (GKeyFile   *key_file,
             const char *key,
             guint       basis_points)
{
  g_autofree char *text = em_points_format (basis_points);

  g_key_file_set_string (key_file, PARAMS_GROUP, key, text);
}

static char *
params_to_data (const EmSamplingRules *rules,
                const char * const    *inspectors)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_key_file_set_integer (key_file, PARAMS_GROUP, "Algorithm", ALGORITHM);
  set_percent (key_file, "QuotaPercent", rules->quota_bp);
  g_key_file_set_uint64 (key_file, PARAMS_GROUP, "Minimum", rules->minimum);
  g_key_file_set_uint64 (key_file, PARAMS_GROUP, "ShortSeconds", rules->short_seconds);
  g_key_file_set_uint64 (key_file, PARAMS_GROUP, "LongSeconds", rules->long_seconds);
  g_key_file_set_uint64 (key_file, PARAMS_GROUP, "AnswerSeconds", rules->answer_seconds);
  set_percent (key_file, "AnswerTarget", rules->answer_target_bp);
  g_key_file_set_uint64 (key_file, PARAMS_GROUP, "SlotMinutes", rules->slot_minutes);
  g_key_file_set_uint64 (key_file, PARAMS_GROUP, "ExemptMonths", rules->exempt_months);
  g_key_file_set_uint64 (key_file, PARAMS_GROUP, "ExemptCount", rules->exempt_count);
  g_key_file_set_string_list (key_file, PARAMS_GROUP, "Inspectors", inspectors,
                              g_strv_length ((char **) inspectors));

  return g_key_file_to_data (key_file, NULL, NULL);
}

/* A key absent from stored params keeps its default, so that plans stay
 * readable when a rule is added later.
 */
static gboolean
get_uint (GKeyFile   *key_file,
          const char *key,
          gboolean    percent,
          guint      *value)
{
  g_autofree char *text = g_key_file_get_value (key_file, PARAMS_GROUP, key, NULL);
  guint64 number;
  EmPoints points;

  if (text == NULL)
    return TRUE;

  if (percent)
    {
      if (!em_points_parse (text, &points) || points < 0 || points > G_MAXUINT)
        return FALSE;
      *value = (guint) points;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &number, NULL))
    return FALSE;
  *value = (guint) number;
  return TRUE;
}

static gboolean
params_from_data (EmSamplingPlan  *plan,
                  const char      *data,
                  GError         **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  EmSamplingRules *r = &plan->rules;
  guint algorithm = ALGORITHM;

  em_sampling_rules_init (r);
  if (!g_key_file_load_from_data (key_file, data, -1, G_KEY_FILE_NONE, NULL) ||
      !get_uint (key_file, "Algorithm", FALSE, &algorithm) ||
      !get_uint (key_file, "QuotaPercent", TRUE, &r->quota_bp) ||
      !get_uint (key_file, "Minimum", FALSE, &r->minimum) ||
      !get_uint (key_file, "ShortSeconds", FALSE, &r->short_seconds) ||
      !get_uint (key_file, "LongSeconds", FALSE, &r->long_seconds) ||
      !get_uint (key_file, "AnswerSeconds", FALSE, &r->answer_seconds) ||
      !get_uint (key_file, "AnswerTarget", TRUE, &r->answer_target_bp) ||
      !get_uint (key_file, "SlotMinutes", FALSE, &r->slot_minutes) ||
      !get_uint (key_file, "ExemptMonths", FALSE, &r->exempt_months) ||
      !get_uint (key_file, "ExemptCount", FALSE, &r->exempt_count) ||
      !em_sampling_rules_check (r, NULL))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_DATABASE_CORRUPT,
                   _("The sampling plan for %s has unreadable rules."), plan->month);
      return FALSE;
    }

  if (algorithm > ALGORITHM)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_DATABASE_TOO_NEW,
                   _("The sampling plan for %s was drawn by a newer version of Earmark."),
                   plan->month);
      return FALSE;
    }

  plan->inspectors = g_key_file_get_string_list (key_file, PARAMS_GROUP, "Inspectors", NULL, NULL);
  if (plan->inspectors == NULL)
    plan->inspectors = g_new0 (char *, 1);

  return TRUE;
}

static gboolean
step_done (EmDb          *db,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return em_db_set_error (db, error, rc, what);

  return TRUE;
}

/* How many calls of the month's plan have an evaluation written or changed
 * since the plan was drawn: work done on the plan.  An evaluation from
 * before the draw (an ad-hoc one) stays with its call whatever the plan.
 */
static gboolean
count_evaluated (EmDb        *db,
                 const char  *month,
                 gint64      *out_count,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = em_db_prepare (db,
                        "SELECT count(DISTINCT s.call_id) FROM sampled_calls s "
                        "JOIN sampling_plans p ON p.id = s.plan_id "
                        "WHERE p.month = ?1 "
                        "  AND EXISTS (SELECT 1 FROM evaluations e WHERE e.call_id = s.call_id "
                        "              AND e.updated_at >= p.created_at)",
                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, month, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return em_db_set_error (db, error, rc, "reading the sampling plan");

  *out_count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gint64
insert_plan (EmDb                  *db,
             const char            *month,
             gint64                 seed,
             const EmSamplingRules *rules,
             const char * const    *inspectors,
             const char            *actor,
             GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *params = params_to_data (rules, inspectors);
  int rc;

  stmt = em_db_prepare (db,
                        "INSERT INTO sampling_plans (month, seed, params, created_at, created_by) "
                        "VALUES (?1, ?2, ?3, ?4, ?5)",
                        error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, month, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, seed);
  sqlite3_bind_text (stmt, 3, params, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_text (stmt, 5, actor != NULL ? actor : "", -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    {
      em_db_set_error (db, error, rc, "saving the sampling plan");
      return 0;
    }

  return sqlite3_last_insert_rowid (em_db_get_handle (db));
}

static gboolean
insert_sampled (EmDb              *db,
                sqlite3_stmt      *stmt,
                gint64             plan_id,
                const EmDrawCall  *call,
                const char        *inspector,
                GError           **error)
{
  g_autofree char *reason = em_sampling_reasons_to_string (call->reasons);

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, call->id);
  sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_STATIC);
  if (inspector != NULL)
    sqlite3_bind_text (stmt, 4, inspector, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 4);

  return step_done (db, stmt, "saving the sampled calls", error);
}

static gboolean
insert_draw (EmDb                *db,
             gint64               plan_id,
             EmSamplingDraw      *draw,
             const char * const  *inspectors,
             guint               *out_n_calls,
             GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n_inspectors = g_strv_length ((char **) inspectors);
  guint n = 0;

  stmt = em_db_prepare (db,
                        "INSERT INTO sampled_calls (plan_id, call_id, reason, inspector) "
                        "VALUES (?1, ?2, ?3, ?4)",
                        error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < draw->calls->len; i++)
    {
      const EmDrawCall *call = &g_array_index (draw->calls, EmDrawCall, i);
      const char *inspector = n_inspectors > 0 ? inspectors[n % n_inspectors] : NULL;

      if (call->reasons == EM_SAMPLING_REASON_NONE)
        continue;
      if (!insert_sampled (db, stmt, plan_id, call, inspector, error))
        return FALSE;
      n++;
    }

  *out_n_calls = n;
  return TRUE;
}

/* The id of the month's plan, 0 when there is none. */
static gboolean
find_plan (EmDb        *db,
           const char  *month,
           gint64      *out_id,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = em_db_prepare (db, "SELECT max(id) FROM sampling_plans WHERE month = ?1", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, month, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return em_db_set_error (db, error, rc, "reading the sampling plan");

  *out_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
delete_other_plans (EmDb        *db,
                    const char  *month,
                    gint64       keep_id,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = em_db_prepare (db, "DELETE FROM sampling_plans WHERE month = ?1 AND id != ?2", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, month, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, keep_id);
  return step_done (db, stmt, "replacing the sampling plan", error);
}

static gboolean
audit_plan (EmDb        *db,
            const char  *actor,
            const char  *action,
            gint64       plan_id,
            const char  *detail,
            GError     **error)
{
  return em_db_audit (db, actor, action, "sampling_plan", plan_id, detail, error);
}

static gboolean
create_in_transaction (EmDb                  *db,
                       const char            *month,
                       gint64                 month_index,
                       gint64                 seed,
                       const EmSamplingRules *rules,
                       const char * const    *inspectors,
                       const char            *actor,
                       GError               **error)
{
  g_autoptr(EmSamplingDraw) draw = NULL;
  g_autofree char *detail = NULL;
  gint64 n_evaluated = 0;
  gint64 old_id = 0;
  gint64 plan_id;
  guint n_calls = 0;

  if (!count_evaluated (db, month, &n_evaluated, error))
    return FALSE;
  if (n_evaluated > 0)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_READ_ONLY,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The sampling plan for %s cannot be drawn again: %u of its calls "
                                "has been evaluated since it was drawn. Update the plan instead.",
                                "The sampling plan for %s cannot be drawn again: %u of its calls "
                                "have been evaluated since it was drawn. Update the plan instead.",
                                (gulong) n_evaluated),
                   month, (guint) n_evaluated);
      return FALSE;
    }

  if (!(draw = em_sampling_draw (db, month_index, seed, rules, EM_SAMPLING_REASON_ALL, error)))
    return FALSE;
  if (draw->calls->len == 0)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_NOT_FOUND,
                   _("There are no calls in %s to sample. Import the month’s calls first."), month);
      return FALSE;
    }

  /* The new plan goes in before the old one goes out, so that it gets a
   * new id: a plan id never names two different draws.
   */
  if (!find_plan (db, month, &old_id, error) ||
      !(plan_id = insert_plan (db, month, seed, rules, inspectors, actor, error)) ||
      !delete_other_plans (db, month, plan_id, error) ||
      !insert_draw (db, plan_id, draw, inspectors, &n_calls, error))
    return FALSE;

  detail = g_strdup_printf ("month %s, seed %" G_GINT64_FORMAT ", %u calls%s", month, seed, n_calls,
                            old_id != 0 ? ", replacing the previous draw" : "");
  return audit_plan (db, actor, old_id != 0 ? "replace" : "create", plan_id, detail, error);
}

/**
 * em_sampling_plan_create:
 * @seed: >= 0; the same seed on the same data draws the same plan
 * @rules: (nullable): %NULL for the defaults (em_sampling_rules_init())
 * @inspectors: (nullable): who shares the calls, in order; %NULL for the
 *   "inspectors" setting; an empty list leaves the calls unassigned
 * @actor: who draws, for created_by and the audit log
 *
 * Draws the month's plan and stores it, replacing an earlier plan for the
 * month that no evaluation refers to yet; all in one transaction.
 *
 * Returns: the stored plan, or %NULL with @error set and nothing changed
 *   (EM_ERROR_READ_ONLY: the month's plan is in progress, update it;
 *   EM_ERROR_NOT_FOUND: the month has no calls).
 */
EmSamplingPlan *
em_sampling_plan_create (EmDb                   *db,
                         const char             *month,
                         gint64                  seed,
                         const EmSamplingRules  *rules,
                         const char * const     *inspectors,
                         const char             *actor,
                         GError                **error)
{
  g_auto(GStrv) names = NULL;
  EmSamplingRules defaults;
  EM_TXN_AUTO txn = { 0 };
  int year, mon;

  g_return_val_if_fail (EM_IS_DB (db), NULL);
  g_return_val_if_fail (month != NULL, NULL);

  if (!em_sampling_parse_month (month, &year, &mon, error))
    return NULL;
  if (seed < 0)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                   _("The seed must be a whole number from 0 up."));
      return NULL;
    }
  if (rules == NULL)
    {
      em_sampling_rules_init (&defaults);
      rules = &defaults;
    }
  if (!em_sampling_rules_check (rules, error))
    return NULL;

  names = inspectors != NULL ? clean_inspectors (inspectors) : em_sampling_dup_inspectors (db);

  if (!em_txn_begin (&txn, db, error))
    return NULL;
  if (!create_in_transaction (db, month, em_sampling_month_index (year, mon), seed, rules,
                              (const char * const *) names, actor, error) ||
      !em_txn_commit (&txn, error))
    return NULL;

  return em_sampling_plan_load (db, month, error);
}

typedef struct
{
  GHashTable *reasons;     /* calls.id → EmSamplingReason */
  GHashTable *load;        /* inspector → number of calls */
} Existing;

static gboolean
load_existing (EmDb      *db,
               gint64     plan_id,
               Existing  *existing,
               GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = em_db_prepare (db, "SELECT call_id, reason, inspector FROM sampled_calls "
                                  "WHERE plan_id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 call_id = sqlite3_column_int64 (stmt, 0);
      const char *inspector = (const char *) sqlite3_column_text (stmt, 2);
      EmSamplingReason reason = EM_SAMPLING_REASON_NONE;

      em_sampling_reasons_parse ((const char *) sqlite3_column_text (stmt, 1), &reason);
      g_hash_table_insert (existing->reasons, g_memdup2 (&call_id, sizeof call_id),
                           GUINT_TO_POINTER (reason));
      if (inspector != NULL)
        g_hash_table_insert (existing->load, g_strdup (inspector),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (existing->load, inspector)) + 1));
    }
  if (rc != SQLITE_DONE)
    return em_db_set_error (db, error, rc, "reading the sampling plan");

  return TRUE;
}

/* The inspector with the fewest calls, the first in the plan's order on a
 * tie: keeps the counts within one of each other.
 */
static const char *
least_loaded (const EmSamplingPlan *plan,
              GHashTable           *load)
{
  const char *best = NULL;
  guint best_load = G_MAXUINT;

  for (guint i = 0; plan->inspectors[i] != NULL; i++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (load, plan->inspectors[i]));

      if (n < best_load)
        {
          best = plan->inspectors[i];
          best_load = n;
        }
    }

  if (best != NULL)
    g_hash_table_insert (load, g_strdup (best), GUINT_TO_POINTER (best_load + 1));

  return best;
}

static gboolean
update_reason (EmDb              *db,
               gint64             plan_id,
               gint64             call_id,
               EmSamplingReason   reasons_set,
               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *reason = em_sampling_reasons_to_string (reasons_set);

  if (!(stmt = em_db_prepare (db, "UPDATE sampled_calls SET reason = ?3 "
                                  "WHERE plan_id = ?1 AND call_id = ?2", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, plan_id);
  sqlite3_bind_int64 (stmt, 2, call_id);
  sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_STATIC);
  return step_done (db, stmt, "updating the sampling plan", error);
}

static gboolean
merge_draw (EmDb                 *db,
            const EmSamplingPlan *plan,
            EmSamplingDraw       *draw,
            Existing             *existing,
            guint                *out_added,
            GError              **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (!(insert = em_db_prepare (db, "INSERT INTO sampled_calls (plan_id, call_id, reason, inspector) "
                                    "VALUES (?1, ?2, ?3, ?4)", error)))
    return FALSE;

  for (guint i = 0; i < draw->calls->len; i++)
    {
      EmDrawCall *call = &g_array_index (draw->calls, EmDrawCall, i);
      gpointer old = NULL;

      if (call->reasons == EM_SAMPLING_REASON_NONE)
        continue;

      if (g_hash_table_lookup_extended (existing->reasons, &call->id, NULL, &old))
        {
          EmSamplingReason merged = GPOINTER_TO_UINT (old) | call->reasons;

          if (merged != GPOINTER_TO_UINT (old) &&
              !update_reason (db, plan->id, call->id, merged, error))
            return FALSE;
          continue;
        }

      if (!insert_sampled (db, insert, plan->id, call, least_loaded (plan, existing->load), error))
        return FALSE;
      (*out_added)++;
    }

  return TRUE;
}

static gboolean
update_in_transaction (EmDb        *db,
                       const char  *month,
                       gint64       month_index,
                       const char  *actor,
                       GError     **error)
{
  g_autoptr(EmSamplingPlan) plan = NULL;
  g_autoptr(EmSamplingDraw) draw = NULL;
  g_autoptr(GHashTable) reasons_map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) load = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *detail = NULL;
  Existing existing = { reasons_map, load };
  EmSamplingReason targeted = EM_SAMPLING_REASON_SHORT | EM_SAMPLING_REASON_LONG_SLOW |
                              EM_SAMPLING_REASON_NEIGHBOUR;
  guint added = 0;

  if (!(plan = em_sampling_plan_load (db, month, error)) ||
      !(draw = em_sampling_draw (db, month_index, plan->seed, &plan->rules, targeted, error)) ||
      !load_existing (db, plan->id, &existing, error) ||
      !merge_draw (db, plan, draw, &existing, &added, error))
    return FALSE;

  detail = g_strdup_printf ("month %s, %u calls added", month, added);
  return audit_plan (db, actor, "update", plan->id, detail, error);
}

/**
 * em_sampling_plan_update:
 *
 * Adds to the month's plan the calls the targeted rules select now (short
 * calls, long calls in slow half-hours, neighbours of problems found since
 * the draw), with the plan's stored seed and rules.  Nothing is removed or
 * reassigned; a call already in the plan gains any new reason.  One
 * transaction.
 *
 * Returns: the updated plan, or %NULL with @error set (EM_ERROR_NOT_FOUND
 *   when the month has no plan) and nothing changed.
 */
EmSamplingPlan *
em_sampling_plan_update (EmDb        *db,
                         const char  *month,
                         const char  *actor,
                         GError     **error)
{
  EM_TXN_AUTO txn = { 0 };
  int year, mon;

  g_return_val_if_fail (EM_IS_DB (db), NULL);
  g_return_val_if_fail (month != NULL, NULL);

  if (!em_sampling_parse_month (month, &year, &mon, error))
    return NULL;

  if (!em_txn_begin (&txn, db, error))
    return NULL;
  if (!update_in_transaction (db, month, em_sampling_month_index (year, mon), actor, error) ||
      !em_txn_commit (&txn, error))
    return NULL;

  return em_sampling_plan_load (db, month, error);
}

/**
 * em_sampling_plan_load:
 *
 * Returns: the month's plan, or %NULL with EM_ERROR_NOT_FOUND when there
 *   is none.
 */
EmSamplingPlan *
em_sampling_plan_load (EmDb        *db,
                       const char  *month,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(EmSamplingPlan) plan = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_DB (db), NULL);

  if (!em_sampling_parse_month (month, NULL, NULL, error))
    return NULL;

  stmt = em_db_prepare (db,
                        "SELECT id, seed, params, created_at, created_by, "
                        "  (SELECT count(*) FROM sampled_calls s WHERE s.plan_id = p.id) "
                        "FROM sampling_plans p WHERE month = ?1 ORDER BY id DESC LIMIT 1",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, month, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, EM_ERROR, EM_ERROR_NOT_FOUND,
                     _("There is no sampling plan for %s."), month);
      else
        em_db_set_error (db, error, rc, "reading the sampling plan");
      return NULL;
    }

  plan = g_new0 (EmSamplingPlan, 1);
  plan->id = sqlite3_column_int64 (stmt, 0);
  plan->month = g_strdup (month);
  plan->seed = sqlite3_column_int64 (stmt, 1);
  plan->created_at = sqlite3_column_int64 (stmt, 3);
  plan->created_by = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  plan->n_calls = sqlite3_column_int (stmt, 5);
  if (!params_from_data (plan, (const char *) sqlite3_column_text (stmt, 2), error))
    return NULL;

  return g_steal_pointer (&plan);
}

/* The months that have a plan, newest first. */
char **
em_sampling_list_months (EmDb    *db,
                         GError **error)
{
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_DB (db), NULL);

  if (!(stmt = em_db_prepare (db, "SELECT DISTINCT month FROM sampling_plans ORDER BY month DESC",
                              error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (months, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      em_db_set_error (db, error, rc, "reading the sampling plans");
      return NULL;
    }

  g_ptr_array_add (months, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&months), FALSE);
}

static EmSampledCall *
sampled_call_from_row (sqlite3_stmt *stmt)
{
  EmSampledCall *call = g_new0 (EmSampledCall, 1);

  call->call_id = sqlite3_column_int64 (stmt, 0);
  call->external_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  call->agent_code = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  call->agent_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  call->started_at = sqlite3_column_int64 (stmt, 4);
  call->utc_offset = sqlite3_column_int (stmt, 5);
  call->duration_s = sqlite3_column_int (stmt, 6);
  em_sampling_reasons_parse ((const char *) sqlite3_column_text (stmt, 7), &call->reasons);
  call->inspector = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  call->status = sqlite3_column_type (stmt, 9) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 9);

  return call;
}

/**
 * em_sampling_plan_list_calls:
 * @inspector: (nullable): only this inspector's calls; %NULL for all
 *
 * Returns: (element-type EmSampledCall): the plan's calls by agent code,
 *   start time and external id, or %NULL with @error set.
 */
GPtrArray *
em_sampling_plan_list_calls (EmDb                  *db,
                             const EmSamplingPlan  *plan,
                             const char            *inspector,
                             GError               **error)
{
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func ((GDestroyNotify) em_sampled_call_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_DB (db), NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  stmt = em_db_prepare (db,
                        "SELECT s.call_id, c.external_id, a.code, a.name, c.started_at, "
                        "  c.utc_offset, c.duration_s, s.reason, s.inspector, "
                        "  (SELECT max (e.status) FROM evaluations e WHERE e.call_id = s.call_id "
                        "     AND (s.inspector IS NULL OR e.inspector = s.inspector)) "
                        "FROM sampled_calls s JOIN calls c ON c.id = s.call_id "
                        "  JOIN agents a ON a.id = c.agent_id "
                        "WHERE s.plan_id = ?1 AND (?2 IS NULL OR s.inspector = ?2) "
                        "ORDER BY a.code, c.started_at, c.external_id",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, plan->id);
  if (inspector != NULL)
    sqlite3_bind_text (stmt, 2, inspector, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (calls, sampled_call_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      em_db_set_error (db, error, rc, "reading the sampling plan");
      return NULL;
    }

  return g_steal_pointer (&calls);
}

static EmSamplingProgress *
progress_new (const char *inspector)
{
  EmSamplingProgress *progress = g_new0 (EmSamplingProgress, 1);

  progress->inspector = g_strdup (inspector);
  return progress;
}

static EmSamplingProgress *
find_progress (GPtrArray  *rows,
               const char *inspector)
{
  for (guint i = 0; i < rows->len; i++)
    {
      EmSamplingProgress *progress = g_ptr_array_index (rows, i);

      if (g_strcmp0 (progress->inspector, inspector) == 0)
        return progress;
    }

  g_ptr_array_add (rows, progress_new (inspector));
  return g_ptr_array_index (rows, rows->len - 1);
}

/**
 * em_sampling_plan_get_progress:
 *
 * Returns: (element-type EmSamplingProgress): one row per inspector of
 *   the plan, in the plan's order (also those with no calls), then a row
 *   with a %NULL inspector for the unassigned calls if there are any.  A
 *   call counts as evaluated when its inspector (anyone, for an unassigned
 *   call) has submitted or finalised an evaluation of it.
 */
GPtrArray *
em_sampling_plan_get_progress (EmDb                  *db,
                               const EmSamplingPlan  *plan,
                               GError               **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) em_sampling_progress_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_DB (db), NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = 0; plan->inspectors[i] != NULL; i++)
    g_ptr_array_add (rows, progress_new (plan->inspectors[i]));

  stmt = em_db_prepare (db,
                        "SELECT s.inspector, count(*), "
                        "  sum (EXISTS (SELECT 1 FROM evaluations e WHERE e.call_id = s.call_id "
                        "       AND e.status >= 1 AND (s.inspector IS NULL OR e.inspector = s.inspector))) "
                        "FROM sampled_calls s WHERE s.plan_id = ?1 "
                        "GROUP BY s.inspector ORDER BY s.inspector IS NULL, s.inspector",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, plan->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EmSamplingProgress *progress = find_progress (rows, (const char *) sqlite3_column_text (stmt, 0));

      progress->assigned = sqlite3_column_int (stmt, 1);
      progress->evaluated = sqlite3_column_int (stmt, 2);
      progress->remaining = progress->assigned - progress->evaluated;
    }
  if (rc != SQLITE_DONE)
    {
      em_db_set_error (db, error, rc, "reading the sampling progress");
      return NULL;
    }

  return g_steal_pointer (&rows);
}

void
em_sampling_plan_free (EmSamplingPlan *plan)
{
  if (plan == NULL)
    return;

  g_free (plan->month);
  g_strfreev (plan->inspectors);
  g_free (plan->created_by);
  g_free (plan);
}

void
em_sampled_call_free (EmSampledCall *call)
{
  if (call == NULL)
    return;

  g_free (call->external_id);
  g_free (call->agent_code);
  g_free (call->agent_name);
  g_free (call->inspector);
  g_free (call);
}

void
em_sampling_progress_free (EmSamplingProgress *progress)
{
  if (progress == NULL)
    return;

  g_free (progress->inspector);
  g_free (progress);
}

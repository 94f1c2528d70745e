/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-sampling"

#include "config.h"

#include <glib/gi18n.h>

#include "em-error.h"
#include "em-points.h"
#include "em-random.h"
#include "em-sampling-private.h"

/* The sampling rules of seed 003, 客服中心质检规范 (二)质检方法 (line 838 of
 * the seed, whose copy is character-scrambled: read 量检 as 质检, 接绝 as
 * 接续, 抽与 as 抽取, 已达标 as 未达标, 矮于 as 低于, 谦分 as 满分):
 *
 *   1、按每个客服代表上月接续话单总量为依据，当月抽取1%的电话进行抽样。
 *   2、对20秒接通率未达标时段质检通话时长超过200秒的话单 …
 *   3、对通话低于20秒的话单进行质检。
 *   4、质检过程中发现服务问题，应对于该录音前后录音依次听取录音。
 *   5、… 连续两个月服务质量满分的客服代表从第三个月起只抽取5条录音，
 *      免检期限为一个月，第四个月起质检录音条数恢复正常。
 *
 * Every rule looks only at the plan month's calls ("当月抽取"), months
 * being taken in each call's own local time (started_at + utc_offset).
 * The previous month only sizes the quota (rule 1), and the months before
 * decide the reduced draw (rule 5).
 *
 * The random part (rules 1 and 5) gives each agent its own SplitMix64
 * stream, seeded from the plan's seed and a hash of "YYYY-MM/agent code",
 * and shuffles the agent's calls sorted by external call id.  So the draw
 * depends on nothing but the seed and the data: not on row ids (the order
 * calls were imported in), not on other agents' calls, not on GLib.
 */

/* UTC offsets lie within ±14 h: select a day either side by the indexed
 * UTC time, then test the local time exactly.
 */
#define CALLS_IN_MONTH \
  "c.started_at >= ?1 - 86400 AND c.started_at < ?2 + 86400 " \
  "AND c.started_at + c.utc_offset >= ?1 AND c.started_at + c.utc_offset < ?2"

typedef struct
{
  EmDb                  *db;
  const EmSamplingRules *rules;
  gint64                 month_index;
  gint64                 start;       /* local bounds of the month, as unix seconds */
  gint64                 end;
  gint64                 seed;
  EmSamplingDraw        *draw;
  GHashTable            *call_index;  /* calls.id → index + 1 */
} Drawing;

gint64
em_sampling_month_index (int year,
                         int month)
{
  return (gint64) year * 12 + (month - 1);
}

gint64
em_sampling_month_start (gint64 month_index)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc ((int) (month_index / 12),
                                                   (int) (month_index % 12) + 1,
                                                   1, 0, 0, 0);

  return g_date_time_to_unix (date);
}

static void
clear_call (gpointer data)
{
  g_free (((EmDrawCall *) data)->external_id);
}

static void
clear_agent (gpointer data)
{
  g_free (((EmDrawAgent *) data)->code);
}

void
em_sampling_draw_free (EmSamplingDraw *draw)
{
  if (draw == NULL)
    return;

  g_clear_pointer (&draw->calls, g_array_unref);
  g_clear_pointer (&draw->agents, g_array_unref);
  g_free (draw);
}

static EmDrawCall *
call_at (Drawing *d,
         guint    index)
{
  return &g_array_index (d->draw->calls, EmDrawCall, index);
}

static EmDrawAgent *
agent_at (Drawing *d,
          guint    index)
{
  return &g_array_index (d->draw->agents, EmDrawAgent, index);
}

static void
bind_month (sqlite3_stmt *stmt,
            gint64        month_index)
{
  sqlite3_bind_int64 (stmt, 1, em_sampling_month_start (month_index));
  sqlite3_bind_int64 (stmt, 2, em_sampling_month_start (month_index + 1));
}

/* The index of the call's agent in d->draw->agents, which is in the order
 * agents first appear until sort_calls() puts it in code order.
 */
static guint
agent_of_row (Drawing      *d,
              GHashTable   *agents_by_id,
              sqlite3_stmt *stmt)
{
  gint64 agent_id = sqlite3_column_int64 (stmt, 2);
  gpointer index = g_hash_table_lookup (agents_by_id, &agent_id);
  EmDrawAgent agent = { 0 };

  if (index != NULL)
    return GPOINTER_TO_UINT (index) - 1;

  agent.id = agent_id;
  agent.code = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  g_array_append_val (d->draw->agents, agent);
  g_hash_table_insert (agents_by_id, g_memdup2 (&agent_id, sizeof agent_id),
                       GUINT_TO_POINTER (d->draw->agents->len));

  return d->draw->agents->len - 1;
}

static void
append_call (Drawing      *d,
             GHashTable   *agents_by_id,
             sqlite3_stmt *stmt)
{
  EmDrawCall call = { 0 };

  call.id = sqlite3_column_int64 (stmt, 0);
  call.external_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  call.agent = agent_of_row (d, agents_by_id, stmt);
  call.started_at = sqlite3_column_int64 (stmt, 4);
  call.local = call.started_at + sqlite3_column_int64 (stmt, 5);
  call.duration_s = sqlite3_column_int (stmt, 6);
  call.wait_s = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 7);
  call.direction = sqlite3_column_int (stmt, 8);
  g_array_append_val (d->draw->calls, call);
}

static int
compare_agent_codes (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (((const EmDrawAgent *) a)->code, ((const EmDrawAgent *) b)->code);
}

static int
compare_calls (gconstpointer a,
               gconstpointer b)
{
  const EmDrawCall *x = a, *y = b;

  if (x->agent != y->agent)
    return x->agent < y->agent ? -1 : 1;
  if (x->started_at != y->started_at)
    return x->started_at < y->started_at ? -1 : 1;
  return strcmp (x->external_id, y->external_id);
}

/* Puts agents in code order and calls in (agent, start, external id)
 * order, and records each agent's range.  Sorting here rather than in SQL
 * keeps the month's query a plain index range scan.
 */
static void
sort_calls (Drawing *d)
{
  GArray *agents = d->draw->agents;
  GArray *calls = d->draw->calls;
  g_autofree gint64 *first_seen_id = g_new (gint64, MAX (agents->len, 1));
  g_autofree guint *rank = g_new (guint, MAX (agents->len, 1));
  g_autoptr(GHashTable) rank_of = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint a = 0; a < agents->len; a++)
    first_seen_id[a] = agent_at (d, a)->id;
  g_array_sort (agents, compare_agent_codes);
  for (guint a = 0; a < agents->len; a++)
    g_hash_table_insert (rank_of, &agent_at (d, a)->id, GUINT_TO_POINTER (a));
  for (guint a = 0; a < agents->len; a++)
    rank[a] = GPOINTER_TO_UINT (g_hash_table_lookup (rank_of, &first_seen_id[a]));

  for (guint i = 0; i < calls->len; i++)
    call_at (d, i)->agent = rank[call_at (d, i)->agent];

  g_array_sort (calls, compare_calls);
  for (guint i = 0; i < calls->len; i++)
    {
      EmDrawAgent *agent = agent_at (d, call_at (d, i)->agent);

      if (agent->n++ == 0)
        agent->first = i;
    }
}

static gboolean
load_calls (Drawing  *d,
            GError  **error)
{
  g_autoptr(GHashTable) agents_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = em_db_prepare (d->db,
                        "SELECT c.id, c.external_id, c.agent_id, a.code, c.started_at, "
                        "       c.utc_offset, c.duration_s, c.wait_s, c.direction "
                        "FROM calls c JOIN agents a ON a.id = c.agent_id "
                        "WHERE " CALLS_IN_MONTH,
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_month (stmt, d->month_index);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    append_call (d, agents_by_id, stmt);
  if (rc != SQLITE_DONE)
    return em_db_set_error (d->db, error, rc, "reading the month’s calls");

  sort_calls (d);
  for (guint i = 0; i < d->draw->calls->len; i++)
    g_hash_table_insert (d->call_index, &call_at (d, i)->id, GUINT_TO_POINTER (i + 1));

  return TRUE;
}

/* Rule 1 sizes the quota by the previous month's handled calls: every call
 * stored for the agent in that (local) month.  Per agent, the calls a day
 * or more inside the month are counted from the (agent, started_at) index
 * alone; only those near its ends need their offset read.
 */
static GHashTable *
load_previous_counts (Drawing  *d,
                      GError  **error)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = em_db_prepare (d->db,
                        "SELECT a.id, "
                        "  (SELECT count(*) FROM calls c WHERE c.agent_id = a.id "
                        "     AND c.started_at >= ?1 + 86400 AND c.started_at < ?2 - 86400) "
                        "  + (SELECT count(*) FROM calls c WHERE c.agent_id = a.id "
                        "     AND c.started_at >= ?1 - 86400 AND c.started_at < ?2 + 86400 "
                        "     AND (c.started_at < ?1 + 86400 OR c.started_at >= ?2 - 86400) "
                        "     AND c.started_at + c.utc_offset >= ?1 AND c.started_at + c.utc_offset < ?2) "
                        "FROM agents a",
                        error);
  if (stmt == NULL)
    return NULL;

  bind_month (stmt, d->month_index - 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counts, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         GSIZE_TO_POINTER ((gsize) sqlite3_column_int64 (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      em_db_set_error (d->db, error, rc, "counting last month’s calls");
      return NULL;
    }

  return g_steal_pointer (&counts);
}

/* The scorecard's maximum ("满分"): Maximum=, else Base=, else 100.  A
 * stored source that does not say is "unknown" (-1): nothing is full on it.
 */
static EmPoints
scorecard_maximum (const char *source)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *text = NULL;
  EmPoints points;

  if (source == NULL || !g_key_file_load_from_data (key_file, source, -1, G_KEY_FILE_NONE, NULL))
    return -1;

  text = g_key_file_get_value (key_file, "Scorecard", "Maximum", NULL);
  if (text == NULL)
    text = g_key_file_get_value (key_file, "Scorecard", "Base", NULL);
  if (text == NULL)
    return EM_POINTS (100);

  return em_points_parse (text, &points) ? points : -1;
}

/* scorecard_versions.id → its maximum (gint64 -1 when unknown). */
static GHashTable *
load_maxima (Drawing  *d,
             GError  **error)
{
  g_autoptr(GHashTable) maxima = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = em_db_prepare (d->db, "SELECT id, source FROM scorecard_versions", error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      EmPoints maximum = scorecard_maximum ((const char *) sqlite3_column_text (stmt, 1));

      g_hash_table_insert (maxima, g_memdup2 (&id, sizeof id), g_memdup2 (&maximum, sizeof maximum));
    }
  if (rc != SQLITE_DONE)
    {
      em_db_set_error (d->db, error, rc, "reading the scorecards");
      return NULL;
    }

  return g_steal_pointer (&maxima);
}

static EmPoints
maximum_of (GHashTable *maxima,
            gint64      version_id)
{
  EmPoints *maximum = g_hash_table_lookup (maxima, &version_id);

  return maximum != NULL ? *maximum : -1;
}

/* Full-score months before the plan month: for each (agent, month) with a
 * finalised, not excluded evaluation, TRUE when every such evaluation is at
 * its scorecard's maximum.  Keyed by agent id × 1000000 + month index.
 */
static GHashTable *
load_full_months (Drawing     *d,
                  GHashTable  *maxima,
                  GError     **error)
{
  g_autoptr(GHashTable) months = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = em_db_prepare (d->db,
                        "SELECT c.agent_id, "
                        "  CAST (strftime ('%Y', c.started_at + c.utc_offset, 'unixepoch') AS INTEGER) * 12 "
                        "  + CAST (strftime ('%m', c.started_at + c.utc_offset, 'unixepoch') AS INTEGER) - 1, "
                        "  e.scorecard_version_id, min (e.total) "
                        "FROM evaluations e JOIN calls c ON c.id = e.call_id "
                        "WHERE e.status = 2 AND e.excluded = 0 "
                        "  AND c.started_at < ?1 + 86400 AND c.started_at + c.utc_offset < ?1 "
                        "GROUP BY 1, 2, 3",
                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, d->start);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0) * 1000000 + sqlite3_column_int64 (stmt, 1);
      EmPoints maximum = maximum_of (maxima, sqlite3_column_int64 (stmt, 2));
      gboolean full = maximum >= 0 && sqlite3_column_int64 (stmt, 3) >= maximum;
      gpointer seen = g_hash_table_lookup (months, &key);

      if (seen == NULL || !full)
        g_hash_table_insert (months, g_memdup2 (&key, sizeof key), GINT_TO_POINTER (full ? 1 : 2));
    }
  if (rc != SQLITE_DONE)
    {
      em_db_set_error (d->db, error, rc, "reading earlier evaluations");
      return NULL;
    }

  return g_steal_pointer (&months);
}

/* Rule 5, "免检期限为一个月": the month after N consecutive full-score months
 * gets the reduced draw; the month after that is normal, and its fullness
 * counts towards the next run.  Taking the run of full months that ends
 * with the previous month, that makes the plan month reduced exactly when
 * the run's length is a positive multiple of N (full, full → reduced;
 * full ×3 → normal; full ×4 → reduced again).
 */
static gboolean
agent_is_exempt (Drawing    *d,
                 GHashTable *full_months,
                 gint64      agent_id)
{
  guint exempt_months = d->rules->exempt_months;
  guint run = 0;

  if (exempt_months == 0)
    return FALSE;

  for (gint64 m = d->month_index - 1; m >= 0; m--)
    {
      gint64 key = agent_id * 1000000 + m;

      if (GPOINTER_TO_INT (g_hash_table_lookup (full_months, &key)) != 1)
        break;
      run++;
    }

  return run >= exempt_months && run % exempt_months == 0;
}

static int
compare_external_ids (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  Drawing *d = user_data;

  return strcmp (call_at (d, *(const guint *) a)->external_id,
                 call_at (d, *(const guint *) b)->external_id);
}

/* The agent's own stream: the plan seed mixed with "YYYY-MM/code", so that
 * neither another agent's calls nor the same seed in another month shift it.
 */
static void
agent_random (Drawing     *d,
              EmDrawAgent *agent,
              EmRandom    *random)
{
  g_autofree char *key = g_strdup_printf ("%04d-%02d/%s",
                                          (int) (d->month_index / 12),
                                          (int) (d->month_index % 12) + 1,
                                          agent->code);

  em_random_init (random, (guint64) d->seed ^ em_random_hash_string (key));
}

/* Draws @k of the agent's calls: a partial Fisher–Yates shuffle of the
 * calls in external-id order.
 */
static void
draw_from_agent (Drawing          *d,
                 EmDrawAgent      *agent,
                 guint             k,
                 EmSamplingReason  reason)
{
  g_autofree guint *order = g_new (guint, MAX (agent->n, 1));
  EmRandom random;

  for (guint i = 0; i < agent->n; i++)
    order[i] = agent->first + i;
  g_qsort_with_data (order, agent->n, sizeof (guint), compare_external_ids, d);

  agent_random (d, agent, &random);
  for (guint i = 0; i < k && i < agent->n; i++)
    {
      guint j = i + (guint) em_random_below (&random, agent->n - i);
      guint chosen = order[j];

      order[j] = order[i];
      order[i] = chosen;
      call_at (d, chosen)->reasons |= reason;
    }
}

/* Rule 1: ⌈quota × last month's calls⌉, at least the minimum; rule 5: the
 * reduced count instead ("只抽取5条"), never more than the normal one.
 */
static guint
quota_for (Drawing  *d,
           gint64    previous_calls,
           gboolean  exempt)
{
  guint64 normal = ((guint64) previous_calls * d->rules->quota_bp + 9999) / 10000;

  normal = MAX (normal, d->rules->minimum);
  if (exempt)
    normal = MIN (normal, d->rules->exempt_count);

  return (guint) MIN (normal, G_MAXUINT);
}

static gboolean
mark_quota (Drawing  *d,
            GError  **error)
{
  g_autoptr(GHashTable) previous = NULL;
  g_autoptr(GHashTable) maxima = NULL;
  g_autoptr(GHashTable) full_months = NULL;

  if (!(previous = load_previous_counts (d, error)) ||
      !(maxima = load_maxima (d, error)) ||
      !(full_months = load_full_months (d, maxima, error)))
    return FALSE;

  for (guint a = 0; a < d->draw->agents->len; a++)
    {
      EmDrawAgent *agent = agent_at (d, a);
      gint64 previous_calls = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (previous, &agent->id));
      gboolean exempt = agent_is_exempt (d, full_months, agent->id);

      draw_from_agent (d, agent, quota_for (d, previous_calls, exempt),
                       exempt ? EM_SAMPLING_REASON_EXEMPT_QUOTA : EM_SAMPLING_REASON_QUOTA);
    }

  return TRUE;
}

/* Rule 3: "通话低于20秒" — strictly shorter. */
static void
mark_short (Drawing *d)
{
  for (guint i = 0; i < d->draw->calls->len; i++)
    if ((guint) call_at (d, i)->duration_s < d->rules->short_seconds)
      call_at (d, i)->reasons |= EM_SAMPLING_REASON_SHORT;
}

typedef struct
{
  gint64 slot;
  guint  rated;
  guint  answered;
} Slot;

static gint64
slot_of (Drawing *d,
         gint64   local)
{
  gint64 length = (gint64) d->rules->slot_minutes * 60;

  return local >= 0 ? local / length : -((-local + length - 1) / length);
}

/* The answer rate of a half-hour counts the calls whose wait is known and
 * that are not outbound (an outbound call is not "answered" by the center);
 * answered in time means wait <= 20 s.
 */
static GHashTable *
count_slots (Drawing *d)
{
  GHashTable *slots = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);

  for (guint i = 0; i < d->draw->calls->len; i++)
    {
      EmDrawCall *call = call_at (d, i);
      gint64 key = slot_of (d, call->local);
      Slot *slot;

      if (call->wait_s < 0 || call->direction == 2)
        continue;

      if (!(slot = g_hash_table_lookup (slots, &key)))
        {
          slot = g_new0 (Slot, 1);
          slot->slot = key;
          g_hash_table_insert (slots, &slot->slot, slot);
        }
      slot->rated++;
      if ((guint) call->wait_s <= d->rules->answer_seconds)
        slot->answered++;
    }

  return slots;
}

/* Rule 2: "20秒接通率未达标时段 … 通话时长超过200秒" — a rate below the
 * target (at the target is met), calls strictly longer than 200 s.
 */
static void
mark_long_slow (Drawing *d)
{
  g_autoptr(GHashTable) slots = count_slots (d);

  for (guint i = 0; i < d->draw->calls->len; i++)
    {
      EmDrawCall *call = call_at (d, i);
      gint64 key = slot_of (d, call->local);
      Slot *slot;

      if ((guint) call->duration_s <= d->rules->long_seconds)
        continue;

      slot = g_hash_table_lookup (slots, &key);
      if (slot != NULL &&
          (guint64) slot->answered * 10000 < (guint64) d->rules->answer_target_bp * slot->rated)
        call->reasons |= EM_SAMPLING_REASON_LONG_SLOW;
    }
}

static void
mark_neighbours_of (Drawing *d,
                    guint    index)
{
  EmDrawAgent *agent = agent_at (d, call_at (d, index)->agent);

  if (index > agent->first)
    call_at (d, index - 1)->reasons |= EM_SAMPLING_REASON_NEIGHBOUR;
  if (index + 1 < agent->first + agent->n)
    call_at (d, index + 1)->reasons |= EM_SAMPLING_REASON_NEIGHBOUR;
}

/* Rule 4, "该录音前后录音": a problem is a submitted or finalised, not excluded evaluation of
 * one of the month's calls that lost points: a fatal error, an item with a
 * deduction or a triggered fatal item, or a total below the maximum.  Its
 * neighbours are the same agent's calls just before and after it by start
 * time, within the month.
 */
static gboolean
mark_neighbours (Drawing  *d,
                 GError  **error)
{
  g_autoptr(GHashTable) maxima = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(maxima = load_maxima (d, error)))
    return FALSE;

  stmt = em_db_prepare (d->db,
                        "SELECT e.call_id, e.total, e.fatal, e.scorecard_version_id, "
                        "  EXISTS (SELECT 1 FROM evaluation_items i WHERE i.evaluation_id = e.id "
                        "          AND (i.deduction > 0 OR i.triggered = 1)) "
                        "FROM evaluations e JOIN calls c ON c.id = e.call_id "
                        "WHERE e.status >= 1 AND e.excluded = 0 AND " CALLS_IN_MONTH,
                        error);
  if (stmt == NULL)
    return FALSE;

  bind_month (stmt, d->month_index);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 call_id = sqlite3_column_int64 (stmt, 0);
      EmPoints maximum = maximum_of (maxima, sqlite3_column_int64 (stmt, 3));
      gboolean problem = sqlite3_column_int (stmt, 2) != 0 || sqlite3_column_int (stmt, 4) != 0 ||
                         (maximum >= 0 && sqlite3_column_int64 (stmt, 1) < maximum);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (d->call_index, &call_id));

      if (problem && index > 0)
        mark_neighbours_of (d, index - 1);
    }
  if (rc != SQLITE_DONE)
    return em_db_set_error (d->db, error, rc, "reading the month’s evaluations");

  return TRUE;
}

/**
 * em_sampling_draw:
 * @which: the rules to apply; EM_SAMPLING_REASON_ALL for a new plan
 *
 * Reads the month's calls and marks each with the reasons it is sampled
 * for.  Writes nothing.
 */
EmSamplingDraw *
em_sampling_draw (EmDb                   *db,
                  gint64                  month_index,
                  gint64                  seed,
                  const EmSamplingRules  *rules,
                  EmSamplingReason        which,
                  GError                **error)
{
  g_autoptr(GHashTable) call_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(EmSamplingDraw) draw = g_new0 (EmSamplingDraw, 1);
  Drawing d = { 0 };

  draw->calls = g_array_new (FALSE, TRUE, sizeof (EmDrawCall));
  g_array_set_clear_func (draw->calls, clear_call);
  draw->agents = g_array_new (FALSE, TRUE, sizeof (EmDrawAgent));
  g_array_set_clear_func (draw->agents, clear_agent);

  d.db = db;
  d.rules = rules;
  d.month_index = month_index;
  d.start = em_sampling_month_start (month_index);
  d.end = em_sampling_month_start (month_index + 1);
  d.seed = seed;
  d.draw = draw;
  d.call_index = call_index;

  if (!load_calls (&d, error))
    return NULL;

  if ((which & (EM_SAMPLING_REASON_QUOTA | EM_SAMPLING_REASON_EXEMPT_QUOTA)) && !mark_quota (&d, error))
    return NULL;
  if (which & EM_SAMPLING_REASON_SHORT)
    mark_short (&d);
  if (which & EM_SAMPLING_REASON_LONG_SLOW)
    mark_long_slow (&d);
  if ((which & EM_SAMPLING_REASON_NEIGHBOUR) && !mark_neighbours (&d, error))
    return NULL;

  return g_steal_pointer (&draw);
}

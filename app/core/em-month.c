/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-month"

#include "config.h"

#include <glib/gi18n.h>

#include "em-error.h"
#include "em-month.h"
#include "em-month-private.h"

/* The monthly evaluation is computed in two steps.
 *
 * 1. SQL adds up counts per agent (EmMonthCounts): one GROUP BY pass over
 *    the period's calls and one over its finalised evaluations.  Nothing
 *    else reads the calls, so the cost is that of the bare aggregate.
 * 2. Everything else is arithmetic on counts, in C: a team's or the
 *    center's counts are the sums of its agents' (seed 002 pools every call
 *    of the team rather than averaging agents), band points compare
 *    fractions by cross-multiplication, and the weighted total is integer
 *    centi-points rounded once.
 *
 * A call belongs to the month of its local date, started_at + utc_offset.
 * Offsets differ from call to call, so the SQL first narrows the scan to
 * UTC times a day either side of the period (the calls_started index) and
 * then tests the local time exactly.
 */

struct _EmMonthReport
{
  GObject         parent_instance;
  EmScheme       *scheme;
  EmPeriod        period;
  GPtrArray      *agents;   /* EmMonthFigures*, best first */
  GPtrArray      *teams;    /* EmMonthFigures*, best first */
  EmMonthFigures *center;
  GHashTable     *by_code;  /* agent code → EmMonthFigures* */
};

G_DEFINE_FINAL_TYPE (EmMonthReport, em_month_report, G_TYPE_OBJECT)

#define ONE_DAY (24 * 60 * 60)

/* ------------------------------------------------------------------ */
/* Periods                                                             */

static gboolean
parse_year (const char *text,
            gsize       len,
            int        *out_year)
{
  guint64 year;
  g_autofree char *copy = g_strndup (text, len);

  if (len != 4 || !g_ascii_string_to_unsigned (copy, 10, 1970, 9999, &year, NULL))
    return FALSE;
  *out_year = (int) year;
  return TRUE;
}

static gboolean
period_invalid (const char  *text,
                GError     **error)
{
  g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
               _("“%s” is not a month (YYYY-MM), a quarter (YYYY-Qn) or a year (YYYY)"), text);
  return FALSE;
}

/**
 * em_period_parse:
 *
 * Parses "2024-05", "2024-Q2" or "2024".
 */
gboolean
em_period_parse (const char  *text,
                 EmPeriod    *out_period,
                 GError     **error)
{
  EmPeriod period = { 0 };
  gsize len;

  g_return_val_if_fail (out_period != NULL, FALSE);

  if (text == NULL || !parse_year (text, MIN (strlen (text), 4), &period.year))
    return period_invalid (text != NULL ? text : "", error);

  len = strlen (text);
  if (len == 4)
    period.kind = EM_PERIOD_YEAR;
  else if (len == 7 && text[4] == '-' && (text[5] == 'Q' || text[5] == 'q') &&
           text[6] >= '1' && text[6] <= '4')
    {
      period.kind = EM_PERIOD_QUARTER;
      period.index = text[6] - '0';
    }
  else if (len == 7 && text[4] == '-' && g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[6]))
    {
      period.kind = EM_PERIOD_MONTH;
      period.index = (text[5] - '0') * 10 + (text[6] - '0');
      if (period.index < 1 || period.index > 12)
        return period_invalid (text, error);
    }
  else
    return period_invalid (text, error);

  *out_period = period;
  return TRUE;
}

/* Like em_period_parse(), but only a month is accepted. */
gboolean
em_period_parse_month (const char  *text,
                       EmPeriod    *out_period,
                       GError     **error)
{
  EmPeriod period;

  if (!em_period_parse (text, &period, NULL) || period.kind != EM_PERIOD_MONTH)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                   _("“%s” is not a month: write it as YYYY-MM, e.g. 2024-05"),
                   text != NULL ? text : "");
      return FALSE;
    }

  *out_period = period;
  return TRUE;
}

char *
em_period_to_string (const EmPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  switch (period->kind)
    {
    case EM_PERIOD_MONTH:
      return g_strdup_printf ("%04d-%02d", period->year, period->index);
    case EM_PERIOD_QUARTER:
      return g_strdup_printf ("%04d-Q%d", period->year, period->index);
    case EM_PERIOD_YEAR:
    default:
      return g_strdup_printf ("%04d", period->year);
    }
}

static gint64
local_epoch (int year,
             int month)
{
  g_autoptr(GDateTime) dt = NULL;

  year += (month - 1) / 12;
  month = (month - 1) % 12 + 1;
  dt = g_date_time_new_utc (year, month, 1, 0, 0, 0);
  return g_date_time_to_unix (dt);
}

/* The period as "local epoch" seconds: local wall-clock time counted as if
 * it were UTC, which is what started_at + utc_offset gives for a call.
 */
void
em_period_get_bounds (const EmPeriod *period,
                      gint64         *out_local_start,
                      gint64         *out_local_end)
{
  int first_month = 1, n_months = 12;

  g_return_if_fail (period != NULL);

  if (period->kind == EM_PERIOD_MONTH)
    first_month = period->index, n_months = 1;
  else if (period->kind == EM_PERIOD_QUARTER)
    first_month = 3 * (period->index - 1) + 1, n_months = 3;

  *out_local_start = local_epoch (period->year, first_month);
  *out_local_end = local_epoch (period->year, first_month + n_months);
}

EmPeriod
em_period_add_months (const EmPeriod *month,
                      int             n_months)
{
  int serial = month->year * 12 + (month->index - 1) + n_months;
  EmPeriod result = { EM_PERIOD_MONTH, serial / 12, serial % 12 + 1 };

  return result;
}

/* ------------------------------------------------------------------ */
/* Arithmetic                                                          */

/* a / b rounded half away from zero; b > 0. */
gint64
em_month_div_round (gint64 a,
                    gint64 b)
{
  g_assert (b > 0);

  if (a >= 0)
    return (2 * a + b) / (2 * b);
  return -((-2 * a + b) / (2 * b));
}

static void
metric_fraction (EmMetricKind         kind,
                 const EmMonthCounts *counts,
                 gint64              *num,
                 gint64              *den)
{
  switch (kind)
    {
    case EM_METRIC_QA_SCORE:
      *num = counts->sum_total, *den = counts->n_evaluations;
      break;
    case EM_METRIC_ANSWER_RATE:
      *num = counts->n_answered_in_time, *den = counts->n_wait_known;
      break;
    case EM_METRIC_SATISFACTION_RATE:
      *num = counts->n_satisfied, *den = counts->n_rated;
      break;
    case EM_METRIC_SATISFACTION_MEAN:
      *num = counts->sum_rating, *den = counts->n_rated;
      break;
    case EM_METRIC_RESOLUTION_RATE:
      *num = counts->n_resolved, *den = counts->n_resolved_known;
      break;
    case EM_METRIC_AVERAGE_TALK_TIME:
      *num = counts->talk_s, *den = counts->n_calls;
      break;
    case EM_METRIC_TICKET_RATE:
    default:
      *num = counts->n_tickets_on_time, *den = counts->n_tickets;
      break;
    }
}

/* The metric's score out of 100 (in centi-points), which its weight
 * multiplies: a band earns its points out of the best band's; an unbanded
 * rate is its percentage; an unbanded QA score is out of its Maximum.
 */
static void
compute_metric (const EmSchemeMetric *metric,
                const EmMonthCounts  *counts,
                EmMetricValue        *value)
{
  memset (value, 0, sizeof *value);
  metric_fraction (metric->kind, counts, &value->num, &value->den);
  value->known = value->den > 0;
  if (!value->known)
    return;

  if (em_scheme_metric_band_points (metric, value->num, value->den, &value->points))
    {
      value->has_points = TRUE;
      value->score = em_month_div_round (value->points * 10000, metric->max_points);
    }
  else if (metric->kind == EM_METRIC_QA_SCORE)
    {
      EmPoints qa = em_month_div_round (value->num, value->den);
      value->score = CLAMP (em_month_div_round (qa * 10000, metric->maximum), 0, 10000);
    }
  else if (em_metric_kind_is_rate (metric->kind))
    value->score = em_month_div_round (value->num * 10000, value->den);
}

/**
 * em_month_compute_figures:
 *
 * Fills in everything @figures derives from its counts: QA score, metric
 * values, band points, total and grade (not the ranks).
 */
void
em_month_compute_figures (EmScheme       *scheme,
                          EmMonthFigures *figures)
{
  guint n_metrics = em_scheme_get_n_metrics (scheme);
  gint64 weighted = 0, weights = 0;

  figures->has_qa_score = figures->counts.n_evaluations > 0;
  figures->qa_score = figures->has_qa_score
                      ? em_month_div_round (figures->counts.sum_total, figures->counts.n_evaluations)
                      : 0;

  g_clear_pointer (&figures->metrics, g_free);
  figures->metrics = g_new0 (EmMetricValue, MAX (n_metrics, 1));

  for (guint i = 0; i < n_metrics; i++)
    {
      const EmSchemeMetric *metric = em_scheme_get_metric (scheme, i);
      EmMetricValue *value = &figures->metrics[i];

      compute_metric (metric, &figures->counts, value);

      /* No data: the metric is left out and the others share its weight. */
      if (value->known && metric->weight > 0)
        {
          weighted += metric->weight * value->score;
          weights += metric->weight;
        }
    }

  figures->has_total = weights > 0;
  figures->total = figures->has_total ? em_month_div_round (weighted, weights) : 0;
  figures->grade = figures->has_total ? em_scheme_grade_for (scheme, figures->total) : -1;
}

static void
format_centi (GString *out,
              gint64   value,
              guint    decimals)
{
  gint64 a = value < 0 ? -value : value;
  gint64 unit = decimals == 4 ? 10000 : 100;

  g_string_append_printf (out, "%s%" G_GINT64_FORMAT ".%0*" G_GINT64_FORMAT,
                          value < 0 ? "-" : "", a / unit, (int) decimals, a % unit);
}

/**
 * em_metric_value_format:
 *
 * The value as plain text, as earmark-cli prints it: a rate as a fraction
 * with four decimals ("0.8500"), a QA score in points, a mean rating and an
 * average talk time (seconds) with two decimals; "" when there is no data.
 * Rounding is exact (half away from zero).
 */
char *
em_metric_value_format (EmMetricKind         kind,
                        const EmMetricValue *value)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (value != NULL, NULL);

  if (!value->known)
    return g_string_free (out, FALSE);

  if (em_metric_kind_is_rate (kind))
    format_centi (out, em_month_div_round (value->num * 10000, value->den), 4);
  else if (kind == EM_METRIC_QA_SCORE)
    format_centi (out, em_month_div_round (value->num, value->den), 2);
  else
    format_centi (out, em_month_div_round (value->num * 100, value->den), 2);

  return g_string_free (out, FALSE);
}

/* For display and the workbook only: rates as fractions (0.85), the QA
 * score in points, talk time in seconds.
 */
double
em_metric_value_to_double (EmMetricKind         kind,
                           const EmMetricValue *value)
{
  g_return_val_if_fail (value != NULL, 0.0);

  if (!value->known)
    return 0.0;
  if (kind == EM_METRIC_QA_SCORE)
    return (double) em_month_div_round (value->num, value->den) / 100.0;
  return (double) value->num / (double) value->den;
}

/* ------------------------------------------------------------------ */
/* Collecting counts                                                   */

static int
on_sqlite_progress (gpointer data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (data)) ? 1 : 0;
}

/* Long queries stop within a few milliseconds of @cancellable firing. */
void
em_month_watch_cancellable (EmDb         *db,
                            GCancellable *cancellable)
{
  sqlite3 *handle = em_db_get_handle (db);

  if (cancellable != NULL)
    sqlite3_progress_handler (handle, 20000, on_sqlite_progress, cancellable);
  else
    sqlite3_progress_handler (handle, 0, NULL, NULL);
}

/* Returns FALSE with EM_ERROR_CANCELLED once @cancellable has fired. */
gboolean
em_month_check_cancelled (GCancellable  *cancellable,
                          GError       **error)
{
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, EM_ERROR, EM_ERROR_CANCELLED, _("Cancelled"));
      return FALSE;
    }
  return TRUE;
}

gboolean
em_month_step_error (EmDb          *db,
                     int            rc,
                     GCancellable  *cancellable,
                     GError       **error)
{
  if (!em_month_check_cancelled (cancellable, error))
    return FALSE;
  return em_db_set_error (db, error, rc, "reading the monthly figures");
}

void
em_month_bind_range (sqlite3_stmt *stmt,
                     int           first_param,
                     gint64        local_start,
                     gint64        local_end)
{
  sqlite3_bind_int64 (stmt, first_param, local_start - ONE_DAY);
  sqlite3_bind_int64 (stmt, first_param + 1, local_end + ONE_DAY);
  sqlite3_bind_int64 (stmt, first_param + 2, local_start);
  sqlite3_bind_int64 (stmt, first_param + 3, local_end);
}

#define MONTH_SERIAL \
  "CAST (strftime ('%Y%m', c.started_at + c.utc_offset, 'unixepoch') AS INTEGER)"

static const char calls_sql[] =
  "SELECT c.agent_id, %s,"
  " count(*), count(c.wait_s), sum(c.wait_s <= ?5),"
  " count(c.satisfaction), sum(c.satisfaction >= ?6), sum(c.satisfaction),"
  " count(c.resolved), sum(c.resolved), sum(c.duration_s),"
  " count(c.ticket_due), sum(c.ticket_closed <= c.ticket_due)"
  " FROM calls c %s WHERE" EM_MONTH_CALL_IN_RANGE
  " GROUP BY %s";

/* CROSS JOIN keeps evaluations the outer loop: there are far fewer of them
 * than calls in a month, and each finds its call by primary key.
 */
static const char evaluations_sql[] =
  "SELECT c.agent_id, %s, count(*), sum(e.total)"
  " FROM evaluations e CROSS JOIN calls c ON c.id = e.call_id"
  " WHERE e.status = 2 AND e.excluded = 0 AND" EM_MONTH_CALL_IN_RANGE
  " GROUP BY %s";

typedef struct
{
  gint64      local_start;
  gint64      local_end;
  gboolean    full_scan;      /* the period holds most of the calls */
  gboolean    by_month;
  int         first_serial;   /* year * 12 + month - 1 of bucket 0 */
  guint       n_buckets;
  GHashTable **buckets;       /* agent id → EmMonthCounts* */
} Collector;

static EmMonthCounts *
lookup_counts (Collector    *collector,
               sqlite3_stmt *stmt)
{
  gint64 agent_id = sqlite3_column_int64 (stmt, 0);
  guint bucket = 0;
  EmMonthCounts *counts;

  if (collector->by_month)
    {
      gint64 yyyymm = sqlite3_column_int64 (stmt, 1);
      gint64 serial = (yyyymm / 100) * 12 + (yyyymm % 100) - 1;

      if (serial < collector->first_serial ||
          serial >= collector->first_serial + (gint64) collector->n_buckets)
        return NULL;
      bucket = (guint) (serial - collector->first_serial);
    }

  counts = g_hash_table_lookup (collector->buckets[bucket], &agent_id);
  if (counts == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = agent_id;
      counts = g_new0 (EmMonthCounts, 1);
      g_hash_table_insert (collector->buckets[bucket], key, counts);
    }

  return counts;
}

static void
read_call_counts (sqlite3_stmt  *stmt,
                  EmMonthCounts *counts)
{
  counts->n_calls += sqlite3_column_int64 (stmt, 2);
  counts->n_wait_known += sqlite3_column_int64 (stmt, 3);
  counts->n_answered_in_time += sqlite3_column_int64 (stmt, 4);
  counts->n_rated += sqlite3_column_int64 (stmt, 5);
  counts->n_satisfied += sqlite3_column_int64 (stmt, 6);
  counts->sum_rating += sqlite3_column_int64 (stmt, 7);
  counts->n_resolved_known += sqlite3_column_int64 (stmt, 8);
  counts->n_resolved += sqlite3_column_int64 (stmt, 9);
  counts->talk_s += sqlite3_column_int64 (stmt, 10);
  counts->n_tickets += sqlite3_column_int64 (stmt, 11);
  counts->n_tickets_on_time += sqlite3_column_int64 (stmt, 12);
}

static void
read_evaluation_counts (sqlite3_stmt  *stmt,
                        EmMonthCounts *counts)
{
  counts->n_evaluations += sqlite3_column_int64 (stmt, 2);
  counts->sum_total += sqlite3_column_int64 (stmt, 3);
}

static gboolean
run_counts_query (EmDb          *db,
                  EmScheme      *scheme,
                  Collector     *collector,
                  const char    *sql_template,
                  gboolean       calls,
                  GCancellable  *cancellable,
                  GError       **error)
{
  const char *group_by = collector->by_month ? "1, 2" : "1";
  g_autofree char *sql = calls
    ? g_strdup_printf (sql_template, collector->by_month ? MONTH_SERIAL : "0",
                       collector->full_scan ? "NOT INDEXED" : "", group_by)
    : g_strdup_printf (sql_template, collector->by_month ? MONTH_SERIAL : "0", group_by);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int answer = em_scheme_find_metric (scheme, EM_METRIC_ANSWER_RATE);
  int satisfaction = em_scheme_find_metric (scheme, EM_METRIC_SATISFACTION_RATE);
  int rc;

  if (!(stmt = em_db_prepare (db, sql, error)))
    return FALSE;

  em_month_bind_range (stmt, 1, collector->local_start, collector->local_end);
  if (calls)
    {
      sqlite3_bind_int64 (stmt, 5, answer >= 0 ? em_scheme_get_metric (scheme, answer)->threshold_s : 20);
      sqlite3_bind_int (stmt, 6, satisfaction >= 0
                                 ? em_scheme_get_metric (scheme, satisfaction)->satisfied_rating : 4);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EmMonthCounts *counts = lookup_counts (collector, stmt);

      if (counts == NULL)
        continue;
      if (calls)
        read_call_counts (stmt, counts);
      else
        read_evaluation_counts (stmt, counts);
    }

  if (rc != SQLITE_DONE)
    return em_month_step_error (db, rc, cancellable, error);

  return TRUE;
}

/* Reading a period's calls through the calls_started index costs a
 * lookup per call, in index order; reading the whole table costs a
 * sequential pass.  When the period spans most of the stored time range
 * (a year's report, a database of one month) the pass is several times
 * faster.  The span, two index probes, stands in for a count that would
 * itself cost a pass.
 */
static gboolean
choose_full_scan (EmDb       *db,
                  Collector  *collector,
                  GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 first, last, lo, hi;
  int rc;

  if (!(stmt = em_db_prepare (db, "SELECT min(started_at), max(started_at) FROM calls", error)))
    return FALSE;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return em_db_set_error (db, error, rc, "reading the calls");

  collector->full_scan = FALSE;
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return TRUE;

  first = sqlite3_column_int64 (stmt, 0);
  last = sqlite3_column_int64 (stmt, 1) + 1;
  lo = MAX (first, collector->local_start - ONE_DAY);
  hi = MIN (last, collector->local_end + ONE_DAY);
  collector->full_scan = hi > lo && (hi - lo) * 10 >= (last - first) * 4;
  return TRUE;
}

static gboolean
collect_counts (EmDb          *db,
                EmScheme      *scheme,
                Collector     *collector,
                GCancellable  *cancellable,
                GError       **error)
{
  gboolean ok;

  if (!em_month_check_cancelled (cancellable, error) ||
      !choose_full_scan (db, collector, error))
    return FALSE;

  em_month_watch_cancellable (db, cancellable);
  ok = run_counts_query (db, scheme, collector, calls_sql, TRUE, cancellable, error) &&
       run_counts_query (db, scheme, collector, evaluations_sql, FALSE, cancellable, error);
  em_month_watch_cancellable (db, NULL);

  return ok;
}

/* ------------------------------------------------------------------ */
/* Agents and teams                                                    */

typedef struct
{
  gint64  id;
  char   *code;
  char   *name;
  gint64  team_id;
  char   *team;
} AgentInfo;

static void
agent_info_free (gpointer data)
{
  AgentInfo *info = data;

  g_free (info->code);
  g_free (info->name);
  g_free (info->team);
  g_free (info);
}

/* Agents are few next to calls: reading them all is cheaper than joining. */
static GHashTable *
load_agents (EmDb    *db,
             GError **error)
{
  g_autoptr(GHashTable) agents = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                         NULL, agent_info_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = em_db_prepare (db,
                              "SELECT a.id, a.code, a.name, a.team_id, t.name"
                              " FROM agents a LEFT JOIN teams t ON t.id = a.team_id",
                              error)))
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AgentInfo *info = g_new0 (AgentInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->code = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      info->team_id = sqlite3_column_int64 (stmt, 3);
      info->team = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_hash_table_insert (agents, &info->id, info);
    }

  if (rc != SQLITE_DONE)
    {
      em_db_set_error (db, error, rc, "reading the agents");
      return NULL;
    }

  return g_steal_pointer (&agents);
}

void
em_month_figures_free (gpointer data)
{
  EmMonthFigures *figures = data;

  if (figures == NULL)
    return;
  g_free (figures->code);
  g_free (figures->name);
  g_free (figures->team);
  g_free (figures->metrics);
  g_free (figures);
}

static void
add_counts (EmMonthCounts       *sum,
            const EmMonthCounts *add)
{
  gint64 *s = (gint64 *) sum;
  const gint64 *a = (const gint64 *) add;

  for (guint i = 0; i < sizeof (EmMonthCounts) / sizeof (gint64); i++)
    s[i] += a[i];
}

static int
compare_figures (gconstpointer a,
                 gconstpointer b)
{
  const EmMonthFigures *fa = *(EmMonthFigures **) a;
  const EmMonthFigures *fb = *(EmMonthFigures **) b;

  if (fa->has_total != fb->has_total)
    return fa->has_total ? -1 : 1;
  if (fa->total != fb->total)
    return fa->total > fb->total ? -1 : 1;
  return g_strcmp0 (fa->code != NULL ? fa->code : fa->name,
                    fb->code != NULL ? fb->code : fb->name);
}

/* Sorts best first and ranks: equal totals share a rank, the next rank
 * counts everyone above (1, 1, 3).
 */
static void
rank_figures (GPtrArray *figures)
{
  g_ptr_array_sort (figures, compare_figures);

  for (guint i = 0; i < figures->len; i++)
    {
      EmMonthFigures *f = g_ptr_array_index (figures, i);
      EmMonthFigures *prev = i > 0 ? g_ptr_array_index (figures, i - 1) : NULL;

      if (!f->has_total)
        f->rank = 0;
      else if (prev != NULL && prev->has_total && prev->total == f->total)
        f->rank = prev->rank;
      else
        f->rank = i + 1;
    }
}

typedef struct
{
  guint    seen;
  EmPoints last_total;
  guint    last_rank;
} TeamRanking;

static void
rank_within_teams (GPtrArray *agents)
{
  g_autoptr(GHashTable) teams = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);

  /* agents are already sorted best first */
  for (guint i = 0; i < agents->len; i++)
    {
      EmMonthFigures *f = g_ptr_array_index (agents, i);
      TeamRanking *r;

      if (f->team_id == 0 || !f->has_total)
        continue;

      if (!(r = g_hash_table_lookup (teams, &f->team_id)))
        {
          r = g_new0 (TeamRanking, 1);
          g_hash_table_insert (teams, &f->team_id, r);
        }

      r->seen++;
      if (r->seen == 1 || r->last_total != f->total)
        r->last_rank = r->seen;
      r->last_total = f->total;
      f->team_rank = r->last_rank;
    }
}

static EmMonthFigures *
team_figures_for (GHashTable           *teams,
                  const EmMonthFigures *agent)
{
  EmMonthFigures *team = g_hash_table_lookup (teams, &agent->team_id);

  if (team == NULL)
    {
      team = g_new0 (EmMonthFigures, 1);
      team->level = EM_MONTH_TEAM;
      team->id = agent->team_id;
      team->name = g_strdup (agent->team);
      g_hash_table_insert (teams, &team->id, team);
    }

  return team;
}

static void
em_month_report_finalize (GObject *object)
{
  EmMonthReport *self = (EmMonthReport *) object;

  g_clear_object (&self->scheme);
  g_clear_pointer (&self->agents, g_ptr_array_unref);
  g_clear_pointer (&self->teams, g_ptr_array_unref);
  g_clear_pointer (&self->center, em_month_figures_free);
  g_clear_pointer (&self->by_code, g_hash_table_unref);

  G_OBJECT_CLASS (em_month_report_parent_class)->finalize (object);
}

static void
em_month_report_class_init (EmMonthReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = em_month_report_finalize;
}

static void
em_month_report_init (EmMonthReport *self)
{
  self->agents = g_ptr_array_new_with_free_func (em_month_figures_free);
  self->teams = g_ptr_array_new_with_free_func (em_month_figures_free);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
}

static EmMonthFigures *
new_agent_figures (const AgentInfo     *info,
                   const EmMonthCounts *counts)
{
  EmMonthFigures *f = g_new0 (EmMonthFigures, 1);

  f->level = EM_MONTH_AGENT;
  f->id = info->id;
  f->code = g_strdup (info->code);
  f->name = g_strdup (info->name);
  f->team_id = info->team_id;
  f->team = g_strdup (info->team);
  f->counts = *counts;
  return f;
}

static EmMonthReport *
build_report (EmScheme       *scheme,
              const EmPeriod *period,
              GHashTable     *counts_by_agent,
              GHashTable     *agents)
{
  g_autoptr(EmMonthReport) self = g_object_new (EM_TYPE_MONTH_REPORT, NULL);
  g_autoptr(GHashTable) teams = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key, value;

  self->scheme = g_object_ref (scheme);
  self->period = *period;
  self->center = g_new0 (EmMonthFigures, 1);
  self->center->level = EM_MONTH_CENTER;

  g_hash_table_iter_init (&iter, counts_by_agent);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const AgentInfo *info = g_hash_table_lookup (agents, key);
      EmMonthFigures *f;

      if (info == NULL)
        continue;    /* cannot happen: calls.agent_id is a foreign key */

      f = new_agent_figures (info, value);
      em_month_compute_figures (scheme, f);
      g_ptr_array_add (self->agents, f);
      g_hash_table_insert (self->by_code, f->code, f);

      add_counts (&self->center->counts, &f->counts);
      self->center->n_agents++;
      if (f->team_id != 0)
        {
          EmMonthFigures *team = team_figures_for (teams, f);
          add_counts (&team->counts, &f->counts);
          team->n_agents++;
        }
    }

  g_hash_table_iter_init (&iter, teams);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      em_month_compute_figures (scheme, value);
      g_ptr_array_add (self->teams, value);
    }
  em_month_compute_figures (scheme, self->center);

  rank_figures (self->agents);
  rank_within_teams (self->agents);
  rank_figures (self->teams);

  return g_steal_pointer (&self);
}

static GHashTable *
new_counts_table (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static GPtrArray *
compute_reports (EmDb            *db,
                 EmScheme        *scheme,
                 const EmPeriod  *periods,
                 Collector       *collector,
                 GCancellable    *cancellable,
                 GError         **error)
{
  g_autoptr(GHashTable) agents = NULL;
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean ok;

  collector->buckets = g_new0 (GHashTable *, collector->n_buckets);
  for (guint i = 0; i < collector->n_buckets; i++)
    collector->buckets[i] = new_counts_table ();

  ok = collect_counts (db, scheme, collector, cancellable, error) &&
       (agents = load_agents (db, error)) != NULL;

  for (guint i = 0; ok && i < collector->n_buckets; i++)
    g_ptr_array_add (reports, build_report (scheme, &periods[i], collector->buckets[i], agents));

  for (guint i = 0; i < collector->n_buckets; i++)
    g_hash_table_unref (collector->buckets[i]);
  g_free (collector->buckets);

  return ok ? g_steal_pointer (&reports) : NULL;
}

/**
 * em_month_report_compute:
 * @period: a month, a quarter or a year
 *
 * Computes every agent's, team's and the center's figures for @period.
 * Runs in the calling thread; @db must belong to it.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 * (%EM_ERROR_CANCELLED when @cancellable fired)
 */
EmMonthReport *
em_month_report_compute (EmDb            *db,
                         EmScheme        *scheme,
                         const EmPeriod  *period,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_autoptr(GPtrArray) reports = NULL;
  Collector collector = { 0 };

  g_return_val_if_fail (EM_IS_DB (db), NULL);
  g_return_val_if_fail (EM_IS_SCHEME (scheme), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  em_period_get_bounds (period, &collector.local_start, &collector.local_end);
  collector.n_buckets = 1;

  if (!(reports = compute_reports (db, scheme, period, &collector, cancellable, error)))
    return NULL;

  return g_object_ref (g_ptr_array_index (reports, 0));
}

/**
 * em_month_report_compute_series:
 * @last_month: the newest month of the series
 *
 * Computes the reports of @n_months consecutive months ending with
 * @last_month in one pass over their calls (the 12-month trend).
 *
 * Returns: (transfer full) (element-type EmMonthReport): the reports,
 * oldest first, or %NULL with @error set
 */
GPtrArray *
em_month_report_compute_series (EmDb            *db,
                                EmScheme        *scheme,
                                const EmPeriod  *last_month,
                                guint            n_months,
                                GCancellable    *cancellable,
                                GError         **error)
{
  g_autofree EmPeriod *months = NULL;
  Collector collector = { 0 };
  gint64 ignored;

  g_return_val_if_fail (EM_IS_DB (db), NULL);
  g_return_val_if_fail (EM_IS_SCHEME (scheme), NULL);
  g_return_val_if_fail (last_month != NULL && last_month->kind == EM_PERIOD_MONTH, NULL);
  g_return_val_if_fail (n_months > 0, NULL);

  months = g_new (EmPeriod, n_months);
  for (guint i = 0; i < n_months; i++)
    months[i] = em_period_add_months (last_month, (int) i - (int) (n_months - 1));

  em_period_get_bounds (&months[0], &collector.local_start, &ignored);
  em_period_get_bounds (last_month, &ignored, &collector.local_end);
  collector.by_month = TRUE;
  collector.first_serial = months[0].year * 12 + months[0].index - 1;
  collector.n_buckets = n_months;

  return compute_reports (db, scheme, months, &collector, cancellable, error);
}

EmScheme *
em_month_report_get_scheme (EmMonthReport *self)
{
  g_return_val_if_fail (EM_IS_MONTH_REPORT (self), NULL);

  return self->scheme;
}

const EmPeriod *
em_month_report_get_period (EmMonthReport *self)
{
  g_return_val_if_fail (EM_IS_MONTH_REPORT (self), NULL);

  return &self->period;
}

/* Agents with at least one call in the period, best first. */
guint
em_month_report_get_n_agents (EmMonthReport *self)
{
  g_return_val_if_fail (EM_IS_MONTH_REPORT (self), 0);

  return self->agents->len;
}

const EmMonthFigures *
em_month_report_get_agent (EmMonthReport *self,
                           guint          index)
{
  g_return_val_if_fail (EM_IS_MONTH_REPORT (self), NULL);
  g_return_val_if_fail (index < self->agents->len, NULL);

  return g_ptr_array_index (self->agents, index);
}

const EmMonthFigures *
em_month_report_find_agent (EmMonthReport *self,
                            const char    *code)
{
  g_return_val_if_fail (EM_IS_MONTH_REPORT (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  return g_hash_table_lookup (self->by_code, code);
}

/* Teams with at least one call in the period, best first. */
guint
em_month_report_get_n_teams (EmMonthReport *self)
{
  g_return_val_if_fail (EM_IS_MONTH_REPORT (self), 0);

  return self->teams->len;
}

const EmMonthFigures *
em_month_report_get_team (EmMonthReport *self,
                          guint          index)
{
  g_return_val_if_fail (EM_IS_MONTH_REPORT (self), NULL);
  g_return_val_if_fail (index < self->teams->len, NULL);

  return g_ptr_array_index (self->teams, index);
}

const EmMonthFigures *
em_month_report_find_team (EmMonthReport *self,
                           gint64         team_id)
{
  g_return_val_if_fail (EM_IS_MONTH_REPORT (self), NULL);

  for (guint i = 0; i < self->teams->len; i++)
    {
      const EmMonthFigures *f = g_ptr_array_index (self->teams, i);
      if (f->id == team_id)
        return f;
    }
  return NULL;
}

const EmMonthFigures *
em_month_report_get_center (EmMonthReport *self)
{
  g_return_val_if_fail (EM_IS_MONTH_REPORT (self), NULL);

  return self->center;
}

/* ------------------------------------------------------------------ */
/* Helpers for callers                                                 */

/* Returns the id of the team named @name, or 0 with @error set. */
gint64
em_month_lookup_team (EmDb        *db,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (EM_IS_DB (db), 0);
  g_return_val_if_fail (name != NULL, 0);

  if (!(stmt = em_db_prepare (db, "SELECT id FROM teams WHERE name = ?1", error)))
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    return em_db_set_error (db, error, rc, "looking up a team");

  g_set_error (error, EM_ERROR, EM_ERROR_NOT_FOUND,
               _("There is no team “%s” in the database “%s”."), name, em_db_get_path (db));
  return 0;
}

/**
 * em_month_language_from_environment:
 *
 * "zh_CN" when the first of LANGUAGE, LC_ALL, LC_MESSAGES and LANG that is
 * set starts with "zh", otherwise "en": the language of a workbook or of
 * grade names when the caller does not choose one.
 */
const char *
em_month_language_from_environment (void)
{
  static const char * const variables[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };

  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_getenv (variables[i]);

      if (value != NULL && *value != '\0')
        return g_str_has_prefix (value, "zh") ? "zh_CN" : "en";
    }

  return "en";
}

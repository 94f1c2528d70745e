/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "em-call.h"
#include "em-core.h"
#include "em-demo.h"
#include "em-demo-private.h"
#include "em-error.h"

/* Demo data that looks like a month of a 12345 hotline, so that every
 * page has something true to show: short calls (< 20 s) and long ones
 * (> 200 s) for sampling, Monday-morning half-hours whose waits miss the
 * 20-second answer target, satisfaction mostly 4–5 with some 1–3 and
 * many calls never surveyed, unresolved calls, tickets closed late.
 *
 * It is generated from a GRand seeded with the end month, day by day
 * through whole months, so a given end month always makes the same
 * calls; calls at or after @end (today, in the GUI) are left out.
 *
 * The evaluations are made by em_demo_add_evaluations(), in the same
 * transaction: a failure or a cancel leaves the database empty.
 */

typedef struct
{
  const char *code;     /* 工号 */
  const char *name;
  guint       team;     /* index into teams[] */
  double      skill;    /* 0…1: shorter waits, more resolved, happier callers */
} DemoAgent;

static const char * const teams[] = { "热线一组", "热线二组" };

static const DemoAgent agents[] = {
  { "1001", "王芳", 0, 0.95 },
  { "1002", "李娜", 0, 0.80 },
  { "1003", "张伟", 0, 0.60 },
  { "1004", "刘洋", 0, 0.85 },
  { "1005", "陈静", 0, 0.70 },
  { "1006", "杨帆", 0, 0.40 },
  { "2001", "赵磊", 1, 0.90 },
  { "2002", "黄丽", 1, 0.75 },
  { "2003", "周敏", 1, 0.55 },
  { "2004", "吴强", 1, 0.85 },
  { "2005", "徐婷", 1, 0.65 },
  { "2006", "孙浩", 1, 0.35 },
};

/* Shipped in the core GResource (resources/demo/, made by
 * make-recordings.sh); written to <recordings>/demo/.
 */
static const char * const recordings[] = {
  "01-greeting.ogg",
  "02-complaint.ogg",
  "03-address.ogg",
  "04-ticket.ogg",
  "05-survey.ogg",
  "06-closing.ogg",
};

#define RECORDING_COMPLAINT 1

double
em_demo_agent_skill (const char *agent_code)
{
  for (guint i = 0; i < G_N_ELEMENTS (agents); i++)
    if (g_strcmp0 (agents[i].code, agent_code) == 0)
      return agents[i].skill;

  return 0.5;
}

typedef struct
{
  GRand        *rand;
  sqlite3_stmt *insert;
  gint64        agent_ids[G_N_ELEMENTS (agents)];
  gint64        end;              /* unix: calls from here on are left out */
  gint64        recorded_from;    /* unix: calls from here on get a recording */
  guint         n_calls;
  guint         n_with_recording;
} Generator;

static gboolean
chance (Generator *gen,
        double     probability)
{
  return g_rand_double (gen->rand) < probability;
}

static int
between (Generator *gen,
         int        low,
         int        high)
{
  return g_rand_int_range (gen->rand, low, high + 1);
}

static gboolean
write_recordings (EmDb     *db,
                  GError  **error)
{
  g_autofree char *root = em_db_dup_recordings_dir (db);
  g_autofree char *dir = g_build_filename (root, "demo", NULL);

  em_core_init ();

  if (g_mkdir_with_parents (dir, 0750) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, EM_ERROR, EM_ERROR_IO,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (recordings); i++)
    {
      g_autofree char *resource = g_strdup_printf (EM_CORE_RESOURCE_PATH "/demo/%s", recordings[i]);
      g_autofree char *path = g_build_filename (dir, recordings[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
      g_autoptr(GError) local_error = NULL;

      g_assert (bytes != NULL);
      if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                &local_error))
        {
          g_set_error (error, EM_ERROR, EM_ERROR_IO,
                       _("Cannot write the demo recording “%s”: %s"), path, local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
has_calls (EmDb    *db,
           gint64  *out_n_calls,
           GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db, "SELECT count(*) FROM calls", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return em_db_set_error (db, error, rc, "counting calls");

  *out_n_calls = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Seconds after midnight: the hotline's day has a morning and an
 * afternoon peak; on Mondays the first hour is swamped.
 */
static int
pick_time_of_day (Generator *gen,
                  int        weekday)
{
  static const int slot_weights[] = {
    /* 08:00 … 19:30, one per half-hour */
    2, 4, 8, 9, 9, 7, 5, 3, 3, 5, 7, 8, 8, 7, 6, 4, 3, 3, 2, 2, 2, 1, 1, 1,
  };
  int total = 0, pick, slot = 0;

  if (weekday == 1 && chance (gen, 0.35))
    slot = between (gen, 2, 3);         /* Monday 09:00–10:00 */
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (slot_weights); i++)
        total += slot_weights[i];
      pick = between (gen, 0, total - 1);
      while (pick >= slot_weights[slot])
        pick -= slot_weights[slot++];
    }

  return 8 * 3600 + slot * 1800 + between (gen, 0, 1799);
}

static int
pick_wait (Generator       *gen,
           const DemoAgent *agent,
           int              weekday,
           int              time_of_day)
{
  gboolean rush = weekday == 1 && time_of_day >= 9 * 3600 && time_of_day < 10 * 3600;

  if (rush)
    return chance (gen, 0.75) ? between (gen, 25, 240) : between (gen, 5, 20);
  if (chance (gen, 0.12 - 0.08 * agent->skill))
    return between (gen, 21, 90);
  return between (gen, 0, 18);
}

static int
pick_duration (Generator       *gen,
               const DemoAgent *agent)
{
  if (chance (gen, 0.08))
    return between (gen, 3, 19);        /* hung up, wrong number */
  if (chance (gen, 0.10 + 0.10 * (1.0 - agent->skill)))
    return between (gen, 300, 900);
  return between (gen, 45, 200) + (int) (60 * (1.0 - agent->skill));
}

static int
pick_satisfaction (Generator       *gen,
                   const DemoAgent *agent)
{
  double r = g_rand_double (gen->rand);

  if (chance (gen, 0.45))
    return 0;                           /* not surveyed */
  if (r < 0.55 + 0.25 * agent->skill)
    return 5;
  if (r < 0.85 + 0.05 * agent->skill)
    return 4;
  return between (gen, 1, 3);
}

static char *
pick_caller (Generator *gen)
{
  static const char * const prefixes[] = { "138", "139", "135", "137", "150", "151", "158",
                                            "159", "186", "187", "188", "133", "177", "199" };

  if (chance (gen, 0.1))
    return g_strdup_printf ("0571-%d", between (gen, 81000000, 89999999));

  return g_strdup_printf ("%s%04d%04d", prefixes[between (gen, 0, G_N_ELEMENTS (prefixes) - 1)],
                          between (gen, 0, 9999), between (gen, 0, 9999));
}

static const char *
pick_queue (Generator       *gen,
            EmCallDirection  direction)
{
  double r = g_rand_double (gen->rand);

  if (direction == EM_CALL_DIRECTION_OUTBOUND)
    return "回访";
  if (r < 0.55)
    return "咨询";
  if (r < 0.75)
    return "投诉";
  if (r < 0.90)
    return "求助";
  return "建议";
}

typedef struct
{
  gint64          started_at;
  guint           agent;
  int             duration;
  int             wait;
  EmCallDirection direction;
  char           *caller;
  const char     *queue;
  int             satisfaction;
  int             resolved;
  gint64          ticket_due;
  gint64          ticket_closed;
} DemoCall;

static void
demo_call_clear (gpointer data)
{
  g_free (((DemoCall *) data)->caller);
}

static int
compare_calls (gconstpointer a,
               gconstpointer b)
{
  const DemoCall *ca = a, *cb = b;

  return (ca->started_at > cb->started_at) - (ca->started_at < cb->started_at);
}

/* Complaints and requests for help open a ticket due in 3 or 5 days;
 * most close in time, some late, some are still open.
 */
static void
pick_ticket (Generator *gen,
             DemoCall  *call)
{
  gint64 days = g_str_equal (call->queue, "投诉") ? 3 : 5;
  double r = g_rand_double (gen->rand);

  if (!g_str_equal (call->queue, "投诉") && !g_str_equal (call->queue, "求助"))
    return;

  call->ticket_due = call->started_at + days * 86400;
  if (r < 0.80)
    call->ticket_closed = call->started_at + between (gen, 3600, (int) days * 86400 - 600);
  else if (r < 0.92)
    call->ticket_closed = call->ticket_due + between (gen, 3600, 4 * 86400);

  if (call->ticket_closed >= gen->end)
    call->ticket_closed = 0;
}

static void
make_agent_calls (Generator *gen,
                  GDateTime *day,
                  guint      agent_index,
                  GArray    *calls)
{
  const DemoAgent *agent = &agents[agent_index];
  int weekday = g_date_time_get_day_of_week (day);
  int n_calls;

  /* Everyone has one day off a week, on a different day. */
  if ((weekday + (int) agent_index) % 7 == 0)
    return;

  n_calls = between (gen, 1, 3);
  for (int i = 0; i < n_calls; i++)
    {
      DemoCall call = { 0 };
      int time_of_day = pick_time_of_day (gen, weekday);

      call.started_at = g_date_time_to_unix (day) + time_of_day;
      call.agent = agent_index;
      call.direction = chance (gen, 0.15) ? EM_CALL_DIRECTION_OUTBOUND : EM_CALL_DIRECTION_INBOUND;
      call.wait = call.direction == EM_CALL_DIRECTION_INBOUND
                  ? pick_wait (gen, agent, weekday, time_of_day) : -1;
      call.duration = pick_duration (gen, agent);
      call.caller = pick_caller (gen);
      call.queue = pick_queue (gen, call.direction);
      call.satisfaction = pick_satisfaction (gen, agent);
      call.resolved = chance (gen, 0.55 + 0.4 * agent->skill) ? 1 : 0;
      pick_ticket (gen, &call);

      g_array_append_val (calls, call);
    }
}

static gboolean
insert_call (Generator       *gen,
             EmDb            *db,
             const DemoCall  *call,
             const char      *external_id,
             GError         **error)
{
  sqlite3_stmt *stmt = gen->insert;
  const char *recording = NULL;
  int rc;

  if (call->started_at >= gen->recorded_from && call->duration >= 20)
    recording = g_str_equal (call->queue, "投诉")
                ? recordings[RECORDING_COMPLAINT]
                : recordings[gen->n_calls % G_N_ELEMENTS (recordings)];

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_text (stmt, 1, external_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, gen->agent_ids[call->agent]);
  sqlite3_bind_int64 (stmt, 3, call->started_at);
  sqlite3_bind_int (stmt, 4, EM_DEMO_UTC_OFFSET);
  sqlite3_bind_int (stmt, 5, call->duration);
  if (call->wait >= 0)
    sqlite3_bind_int (stmt, 6, call->wait);
  sqlite3_bind_int (stmt, 7, call->direction);
  sqlite3_bind_text (stmt, 8, call->caller, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, call->queue, -1, SQLITE_STATIC);
  if (call->satisfaction > 0)
    sqlite3_bind_int (stmt, 10, call->satisfaction);
  sqlite3_bind_int (stmt, 11, call->resolved);
  if (call->ticket_due > 0)
    sqlite3_bind_int64 (stmt, 12, call->ticket_due);
  if (call->ticket_closed > 0)
    sqlite3_bind_int64 (stmt, 13, call->ticket_closed);
  if (recording != NULL)
    {
      g_autofree char *path = g_strconcat ("demo/", recording, NULL);
      sqlite3_bind_text (stmt, 14, path, -1, SQLITE_TRANSIENT);
      gen->n_with_recording++;
    }

  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return em_db_set_error (db, error, rc, "saving a demo call");

  gen->n_calls++;
  return TRUE;
}

/* One day's calls, in time order, numbered HL<yyyymmdd>-<n>. */
static gboolean
make_day (Generator  *gen,
          EmDb       *db,
          GDateTime  *day,
          GError    **error)
{
  g_autoptr(GArray) calls = g_array_new (FALSE, TRUE, sizeof (DemoCall));
  g_autofree char *date = g_date_time_format (day, "%Y%m%d");
  guint number = 0;

  g_array_set_clear_func (calls, demo_call_clear);

  for (guint a = 0; a < G_N_ELEMENTS (agents); a++)
    make_agent_calls (gen, day, a, calls);
  g_array_sort (calls, compare_calls);

  for (guint i = 0; i < calls->len; i++)
    {
      const DemoCall *call = &g_array_index (calls, DemoCall, i);
      g_autofree char *external_id = g_strdup_printf ("HL%s-%04u", date, ++number);

      if (call->started_at >= gen->end)
        continue;
      if (!insert_call (gen, db, call, external_id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
make_teams_and_agents (Generator  *gen,
                       EmDb       *db,
                       GError    **error)
{
  gint64 team_ids[G_N_ELEMENTS (teams)];

  for (guint i = 0; i < G_N_ELEMENTS (teams); i++)
    if (!(team_ids[i] = em_db_ensure_team (db, teams[i], error)))
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (agents); i++)
    if (!(gen->agent_ids[i] = em_db_ensure_agent (db, agents[i].code, agents[i].name,
                                                  team_ids[agents[i].team], error)))
      return FALSE;

  return TRUE;
}

static gboolean
make_calls (Generator     *gen,
            EmDb          *db,
            GDateTime     *first_day,
            GDateTime     *after_last_day,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GDateTime) day = g_date_time_ref (first_day);

  if (!(gen->insert = em_db_prepare (db,
                                     "INSERT INTO calls (external_id, agent_id, started_at, "
                                     "utc_offset, duration_s, wait_s, direction, caller, queue, "
                                     "satisfaction, resolved, ticket_due, ticket_closed, recording) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                                     error)))
    return FALSE;

  while (g_date_time_compare (day, after_last_day) < 0)
    {
      GDateTime *next;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!make_day (gen, db, day, error))
        return FALSE;

      next = g_date_time_add_days (day, 1);
      g_date_time_unref (day);
      day = next;
    }

  return TRUE;
}

/**
 * em_demo_create:
 * @end: calls are made for the six months that end with the month of
 *   the last second before @end, and only before @end
 *
 * Fills an empty database with the demo data.  A database that already
 * has calls is refused (EM_ERROR_INVALID_INPUT) and left as it was.
 */
gboolean
em_demo_create (EmDb           *db,
                GDateTime      *end,
                EmDemoSummary  *out_summary,
                GCancellable   *cancellable,
                GError        **error)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (EM_DEMO_UTC_OFFSET);
  g_autoptr(GDateTime) last_second = NULL;
  g_autoptr(GDateTime) local_last = NULL;
  g_autoptr(GDateTime) end_month = NULL;
  g_autoptr(GDateTime) first_day = NULL;
  g_autoptr(GDateTime) after_last_day = NULL;
  g_autoptr(GDateTime) recorded_from = NULL;
  Generator gen = { 0 };
  gint64 n_existing = 0;
  guint n_plans = 0;
  guint n_evaluations = 0;
  gboolean ok;

  g_return_val_if_fail (EM_IS_DB (db), FALSE);
  g_return_val_if_fail (end != NULL, FALSE);

  if (!has_calls (db, &n_existing, error))
    return FALSE;
  if (n_existing > 0)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                   ngettext ("“%s” already has %lld call; the demo data only goes "
                             "into an empty database.",
                             "“%s” already has %lld calls; the demo data only goes "
                             "into an empty database.", n_existing),
                   em_db_get_path (db), (long long) n_existing);
      return FALSE;
    }

  /* The last month is the one holding the last second before @end. */
  last_second = g_date_time_add_seconds (end, -1);
  local_last = g_date_time_to_timezone (last_second, tz);
  end_month = g_date_time_new (tz, g_date_time_get_year (local_last),
                               g_date_time_get_month (local_last), 1, 0, 0, 0);
  first_day = g_date_time_add_months (end_month, -5);
  after_last_day = g_date_time_add_months (end_month, 1);
  recorded_from = g_date_time_add_months (end_month, -1);

  gen.rand = g_rand_new_with_seed (g_date_time_get_year (end_month) * 100 +
                                   g_date_time_get_month (end_month));
  gen.end = g_date_time_to_unix (end);
  gen.recorded_from = g_date_time_to_unix (recorded_from);

  ok = write_recordings (db, error) && em_db_begin (db, error);
  if (ok)
    {
      ok = make_teams_and_agents (&gen, db, error) &&
           make_calls (&gen, db, first_day, after_last_day, cancellable, error) &&
           em_demo_add_evaluations (db, gen.rand, first_day, 6, gen.end,
                                    &n_plans, &n_evaluations, cancellable, error) &&
           em_db_audit (db, NULL, "demo", "calls", 0, NULL, error) &&
           em_db_commit (db, error);
      if (!ok)
        em_db_rollback (db);
    }

  g_clear_pointer (&gen.insert, sqlite3_finalize);
  g_rand_free (gen.rand);

  if (ok && out_summary != NULL)
    {
      out_summary->n_teams = G_N_ELEMENTS (teams);
      out_summary->n_agents = G_N_ELEMENTS (agents);
      out_summary->n_calls = gen.n_calls;
      out_summary->n_recordings = G_N_ELEMENTS (recordings);
      out_summary->n_with_recording = gen.n_with_recording;
      out_summary->n_plans = n_plans;
      out_summary->n_evaluations = n_evaluations;
    }

  return ok;
}

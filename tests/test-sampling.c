/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "em-db.h"
#include "em-error.h"
#include "em-random.h"
#include "em-sampling.h"
#include "em-test-util.h"

/* Sampling plans (seed 003, 客服中心质检规范 (二)质检方法) on data built
 * with SQL: each rule alone, their combination, reproducibility, the
 * full-score exemption over several months, the inspectors' split and
 * progress, and the CLI.  Calls are given in the center's local time
 * (UTC+8).
 */

#define OFFSET (8 * 3600)

typedef struct
{
  char  *dir;
  char  *path;
  EmDb  *db;
  gint64 team;
  gint64 version;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  f->dir = em_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "earmark.db", NULL);
  f->db = em_db_open (f->path, &error);
  g_assert_no_error (error);
  f->team = em_db_ensure_team (f->db, "一组", &error);
  g_assert_no_error (error);

  g_assert_true (em_db_exec (f->db,
                             "INSERT INTO scorecards (key, title) VALUES ('hotline-call-qa', '热线通话质检评分表');"
                             "INSERT INTO scorecard_versions (scorecard_id, revision, file_version, source, "
                             "  checksum, created_at) VALUES (1, 1, 1, "
                             "  '[Scorecard]' || char(10) || 'Id=hotline-call-qa' || char(10) || 'Base=100' "
                             "  || char(10) || 'Maximum=100' || char(10), 'x', 0)",
                             &error));
  g_assert_no_error (error);
  f->version = sqlite3_last_insert_rowid (em_db_get_handle (f->db));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->db);
  em_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Data helpers. */

static gint64
agent (Fixture    *f,
       const char *code)
{
  g_autoptr(GError) error = NULL;
  gint64 id = em_db_ensure_agent (f->db, code, code, f->team, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
local_to_utc (const char *local)
{
  int y, mo, d, h, mi, s;
  g_autoptr(GDateTime) date = NULL;

  g_assert_cmpint (sscanf (local, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s), ==, 6);
  date = g_date_time_new_utc (y, mo, d, h, mi, s);
  return g_date_time_to_unix (date) - OFFSET;
}

/* @wait < 0 stores an unknown wait. */
static gint64
add_call_full (Fixture    *f,
               const char *external_id,
               gint64      agent_id,
               const char *local,
               int         duration,
               int         wait,
               int         direction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (f->db,
                                                "INSERT INTO calls (external_id, agent_id, started_at, "
                                                "  utc_offset, duration_s, wait_s, direction) "
                                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                                &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, external_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, agent_id);
  sqlite3_bind_int64 (stmt, 3, local_to_utc (local));
  sqlite3_bind_int (stmt, 4, OFFSET);
  sqlite3_bind_int (stmt, 5, duration);
  if (wait >= 0)
    sqlite3_bind_int (stmt, 6, wait);
  sqlite3_bind_int (stmt, 7, direction);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  return sqlite3_last_insert_rowid (em_db_get_handle (f->db));
}

static gint64
add_call (Fixture    *f,
          const char *external_id,
          gint64      agent_id,
          const char *local,
          int         duration)
{
  return add_call_full (f, external_id, agent_id, local, duration, 5, 1);
}

/* @n ordinary calls (60 s, answered in 5 s) spread over @month. */
static void
add_calls (Fixture    *f,
           const char *prefix,
           gint64      agent_id,
           const char *month,
           guint       n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (em_db_begin (f->db, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%s-%05u", prefix, month, i);
      g_autofree char *local = g_strdup_printf ("%s-%02u %02u:%02u:%02u", month, 1 + i % 28,
                                                8 + (i / 28) % 10, (i / 280) % 60, i % 60);

      add_call (f, id, agent_id, local, 60);
    }
  g_assert_true (em_db_commit (f->db, &error));
}

static gint64
call_id (Fixture    *f,
         const char *external_id)
{
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (f->db, "SELECT id FROM calls WHERE external_id = ?1", NULL);

  sqlite3_bind_text (stmt, 1, external_id, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* An evaluation as the evaluation store writes it, @age seconds ago:
 * @total in points, @deduction (points) on one item when > 0.
 */
static void
add_evaluation_aged (Fixture    *f,
                     gint64      call,
                     const char *inspector,
                     int         status,
                     int         total,
                     gboolean    fatal,
                     gboolean    excluded,
                     int         deduction,
                     gint64      age)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (f->db,
                                                "INSERT INTO evaluations (call_id, scorecard_version_id, "
                                                "  inspector, status, total, fatal, excluded, answers, "
                                                "  created_at, updated_at) "
                                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '', ?8, ?8)",
                                                &error);
  gint64 evaluation;

  sqlite3_bind_int64 (stmt, 1, call);
  sqlite3_bind_int64 (stmt, 2, f->version);
  sqlite3_bind_text (stmt, 3, inspector, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, status);
  sqlite3_bind_int64 (stmt, 5, (gint64) total * 100);
  sqlite3_bind_int (stmt, 6, fatal);
  sqlite3_bind_int (stmt, 7, excluded);
  sqlite3_bind_int64 (stmt, 8, g_get_real_time () / G_USEC_PER_SEC - age);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  evaluation = sqlite3_last_insert_rowid (em_db_get_handle (f->db));

  if (deduction > 0)
    {
      g_autoptr(sqlite3_stmt) item = em_db_prepare (f->db,
                                                    "INSERT INTO evaluation_items (evaluation_id, item_id, "
                                                    "  section_id, occurrences, deduction) "
                                                    "VALUES (?1, 'lang.forbidden', 'lang', 1, ?2)",
                                                    &error);
      sqlite3_bind_int64 (item, 1, evaluation);
      sqlite3_bind_int64 (item, 2, (gint64) deduction * 100);
      g_assert_cmpint (sqlite3_step (item), ==, SQLITE_DONE);
    }
}

static void
add_evaluation (Fixture    *f,
                gint64      call,
                const char *inspector,
                int         status,
                int         total,
                gboolean    fatal,
                gboolean    excluded,
                int         deduction)
{
  add_evaluation_aged (f, call, inspector, status, total, fatal, excluded, deduction, 0);
}

static gint64
count_sql (Fixture    *f,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (f->db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Plan helpers. */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
targeted_only (EmSamplingRules *rules)
{
  em_sampling_rules_init (rules);
  rules->quota_bp = 0;
  rules->minimum = 0;
}

static EmSamplingPlan *
create (Fixture               *f,
        const char            *month,
        gint64                 seed,
        const EmSamplingRules *rules,
        const char * const    *inspectors)
{
  g_autoptr(GError) error = NULL;
  EmSamplingPlan *plan = em_sampling_plan_create (f->db, month, seed, rules, inspectors, "质检主管", &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static GPtrArray *
list (Fixture        *f,
      EmSamplingPlan *plan)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *calls = em_sampling_plan_list_calls (f->db, plan, NULL, &error);

  g_assert_no_error (error);
  return calls;
}

/* external id → "reasons" of the plan's calls. */
static GHashTable *
reasons_by_call (Fixture        *f,
                 EmSamplingPlan *plan)
{
  g_autoptr(GPtrArray) calls = list (f, plan);
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < calls->len; i++)
    {
      EmSampledCall *call = g_ptr_array_index (calls, i);

      g_assert_false (g_hash_table_contains (map, call->external_id));
      g_hash_table_insert (map, g_strdup (call->external_id),
                           em_sampling_reasons_to_string (call->reasons));
    }

  return map;
}

static guint
count_for_agent (GPtrArray        *calls,
                 const char       *code,
                 EmSamplingReason  reason)
{
  guint n = 0;

  for (guint i = 0; i < calls->len; i++)
    {
      EmSampledCall *call = g_ptr_array_index (calls, i);

      if (g_str_equal (call->agent_code, code) && (call->reasons & reason))
        n++;
    }

  return n;
}

/* One line per call, "external<TAB>agent<TAB>reasons<TAB>inspector". */
static char *
plan_text (Fixture        *f,
           EmSamplingPlan *plan)
{
  g_autoptr(GPtrArray) calls = list (f, plan);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < calls->len; i++)
    {
      EmSampledCall *call = g_ptr_array_index (calls, i);
      g_autofree char *reasons = em_sampling_reasons_to_string (call->reasons);

      g_string_append_printf (text, "%s\t%s\t%s\t%s\n", call->external_id, call->agent_code,
                              reasons, call->inspector ? call->inspector : "");
    }

  return g_string_free (text, FALSE);
}

/* The generator and the hash are pinned to their published reference
 * values: a stored seed must draw the same plan in every future version.
 */
static void
test_random_reference (void)
{
  const guint64 expected[] = {
    G_GUINT64_CONSTANT (6457827717110365317), G_GUINT64_CONSTANT (3203168211198807973),
    G_GUINT64_CONSTANT (9817491932198370423), G_GUINT64_CONSTANT (4593380528125082431),
    G_GUINT64_CONSTANT (16408922859458223821),
  };
  EmRandom random;
  guint seen[7] = { 0 };

  em_random_init (&random, 1234567);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (em_random_next (&random), ==, expected[i]);

  g_assert_cmphex (em_random_hash_string (""), ==, G_GUINT64_CONSTANT (0xcbf29ce484222325));
  g_assert_cmphex (em_random_hash_string ("a"), ==, G_GUINT64_CONSTANT (0xaf63dc4c8601ec8c));
  g_assert_cmphex (em_random_hash_string ("foobar"), ==, G_GUINT64_CONSTANT (0x85944171f73967e8));

  for (guint i = 0; i < 7000; i++)
    seen[em_random_below (&random, 7)]++;
  for (guint i = 0; i < 7; i++)
    g_assert_cmpuint (seen[i], >, 850);
}

static void
test_month_and_names (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  int year = 0, month = 0;
  const char *bad[] = { "2024-3", "2024-13", "2024-00", "24-03", "2024/03", "2024-03-01", "", "abcd-ef" };

  g_assert_true (em_sampling_parse_month ("2024-03", &year, &month, &error));
  g_assert_cmpint (year, ==, 2024);
  g_assert_cmpint (month, ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (em_sampling_parse_month (bad[i], NULL, NULL, &error));
      g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "YYYY-MM"));
      g_clear_error (&error);
    }

  /* A Chinese input method types '；'. */
  names = em_sampling_parse_inspectors (" 张三;李四；王五 ;;张三; ");
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  g_assert_cmpstr (names[0], ==, "张三");
  g_assert_cmpstr (names[1], ==, "李四");
  g_assert_cmpstr (names[2], ==, "王五");
}

static void
test_reasons_text (void)
{
  EmSamplingReason reasons = 0;
  g_autofree char *text = em_sampling_reasons_to_string (EM_SAMPLING_REASON_NEIGHBOUR |
                                                         EM_SAMPLING_REASON_QUOTA |
                                                         EM_SAMPLING_REASON_SHORT);

  g_assert_cmpstr (text, ==, "quota,short,neighbour");
  g_assert_true (em_sampling_reasons_parse ("exempt-quota,long-slow-half-hour", &reasons));
  g_assert_cmpint (reasons, ==, EM_SAMPLING_REASON_EXEMPT_QUOTA | EM_SAMPLING_REASON_LONG_SLOW);
  g_assert_false (em_sampling_reasons_parse ("quota,bogus", &reasons));
  g_assert_nonnull (em_sampling_reason_get_label (EM_SAMPLING_REASON_SHORT));
}

/* Rule 1: 1 % of last month's calls, rounded up, at least the minimum
 * (5); an agent with fewer calls this month gives all of them; months are
 * the calls' local months.
 */
static void
test_quota_minimum (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(EmSamplingPlan) plan = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GHashTable) reasons = NULL;
  gint64 a1 = agent (f, "A001"), a2 = agent (f, "A002"), a3 = agent (f, "A003"), a4 = agent (f, "A004");

  add_calls (f, "a1", a1, "2024-02", 120);
  add_calls (f, "a1", a1, "2024-03", 40);
  add_calls (f, "a2", a2, "2024-03", 40);
  add_calls (f, "a3", a3, "2024-02", 120);
  add_calls (f, "a3", a3, "2024-03", 3);
  /* 2024-02-29 17:00 UTC is March locally; 2024-03-31 20:00 UTC is April. */
  add_call (f, "a4-march", a4, "2024-03-01 01:00:00", 60);
  add_call (f, "a4-april", a4, "2024-04-01 04:00:00", 60);

  /* Last month's calls are counted by local month too, at both ends:
   * A005 has 499 + 2 = 501 → 6; A006 has 498 + 2 = 500 → 5, the calls
   * just outside February not counted.
   */
  for (guint i = 0; i < 2; i++)
    {
      const char *code = i == 0 ? "A005" : "A006";
      gint64 id = agent (f, code);
      g_autofree char *first = g_strdup_printf ("%s-feb-first", code);
      g_autofree char *last = g_strdup_printf ("%s-feb-last", code);
      g_autofree char *before = g_strdup_printf ("%s-jan-last", code);
      g_autofree char *after = g_strdup_printf ("%s-mar-first", code);

      add_calls (f, code, id, "2024-02", 499 - i);
      add_calls (f, code, id, "2024-03", 10);
      add_call (f, first, id, "2024-02-01 05:00:00", 60);   /* 2024-01-31 21:00 UTC */
      add_call (f, last, id, "2024-02-29 23:00:00", 60);
      if (i == 1)
        {
          add_call (f, before, id, "2024-01-31 23:00:00", 60);
          add_call (f, after, id, "2024-03-01 02:00:00", 60);  /* 2024-02-29 18:00 UTC */
        }
    }

  plan = create (f, "2024-03", 42, NULL, (const char *[]) { NULL });
  calls = list (f, plan);
  reasons = reasons_by_call (f, plan);
  g_assert_cmpuint (count_for_agent (calls, "A005", EM_SAMPLING_REASON_QUOTA), ==, 6);
  g_assert_cmpuint (count_for_agent (calls, "A006", EM_SAMPLING_REASON_QUOTA), ==, 5);

  g_assert_cmpuint (count_for_agent (calls, "A001", EM_SAMPLING_REASON_QUOTA), ==, 5);  /* ⌈1.2⌉ = 2 < 5 */
  g_assert_cmpuint (count_for_agent (calls, "A002", EM_SAMPLING_REASON_QUOTA), ==, 5);  /* new agent */
  g_assert_cmpuint (count_for_agent (calls, "A003", EM_SAMPLING_REASON_QUOTA), ==, 3);  /* all there are */
  g_assert_cmpuint (count_for_agent (calls, "A004", EM_SAMPLING_REASON_QUOTA), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (reasons, "a4-march"), ==, "quota");
  g_assert_false (g_hash_table_contains (reasons, "a4-april"));
  g_assert_cmpuint (calls->len, ==, 14 + 11);
  g_assert_cmpuint (plan->n_calls, ==, 14 + 11);

  for (guint i = 0; i < calls->len; i++)
    {
      EmSampledCall *call = g_ptr_array_index (calls, i);

      g_assert_cmpint (call->reasons, ==, EM_SAMPLING_REASON_QUOTA);
      g_assert_null (call->inspector);
      g_assert_cmpint (call->status, ==, -1);
      g_assert_null (strstr (call->external_id, "2024-02"));
      g_assert_null (strstr (call->external_id, "feb"));
    }
}

/* ⌈1 % × 701⌉ = 8, 700 → 7, 601 → 7, 99 → 1, 1 → 1 without a minimum;
 * with the default minimum the last two become 5; 0.7 % of 1001 → 8.
 */
static void
test_quota_rounding (Fixture       *f,
                     gconstpointer  data)
{
  const struct { const char *code; guint previous; guint no_min; guint with_min; guint quota_07; } cases[] = {
    { "B001", 701, 8, 8, 5 },
    { "B002", 700, 7, 7, 5 },
    { "B003", 601, 7, 7, 5 },
    { "B004", 99, 1, 5, 5 },
    { "B005", 1, 1, 5, 5 },
    { "B006", 1001, 11, 11, 8 },
  };
  EmSamplingRules rules;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 id = agent (f, cases[i].code);

      add_calls (f, cases[i].code, id, "2024-02", cases[i].previous);
      add_calls (f, cases[i].code, id, "2024-03", 30);
    }

  for (guint pass = 0; pass < 3; pass++)
    {
      g_autoptr(EmSamplingPlan) plan = NULL;
      g_autoptr(GPtrArray) calls = NULL;

      em_sampling_rules_init (&rules);
      if (pass == 0)
        rules.minimum = 0;
      if (pass == 2)
        rules.quota_bp = 70;
      plan = create (f, "2024-03", 7, &rules, NULL);
      calls = list (f, plan);

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          guint expected = pass == 0 ? cases[i].no_min : pass == 1 ? cases[i].with_min : cases[i].quota_07;

          g_assert_cmpuint (count_for_agent (calls, cases[i].code, EM_SAMPLING_REASON_QUOTA), ==, expected);
        }
    }
}

/* Rule 3: "通话低于20秒" — 0 s and 19 s, not 20 s. */
static void
test_short (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(EmSamplingPlan) plan = NULL;
  g_autoptr(GHashTable) reasons = NULL;
  EmSamplingRules rules;
  gint64 s1 = agent (f, "S001"), s2 = agent (f, "S002");

  add_call (f, "s-0", s1, "2024-03-04 09:00:00", 0);
  add_call (f, "s-19", s1, "2024-03-04 09:05:00", 19);
  add_call (f, "s-20", s1, "2024-03-04 09:10:00", 20);
  add_call (f, "s-21", s2, "2024-03-04 09:15:00", 21);
  add_call (f, "s-300", s2, "2024-03-04 09:20:00", 300);
  add_call (f, "s-feb", s2, "2024-02-28 09:20:00", 5);

  targeted_only (&rules);
  plan = create (f, "2024-03", 1, &rules, NULL);
  reasons = reasons_by_call (f, plan);

  g_assert_cmpuint (g_hash_table_size (reasons), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (reasons, "s-0"), ==, "short");
  g_assert_cmpstr (g_hash_table_lookup (reasons, "s-19"), ==, "short");
}

/* Rule 2: calls over 200 s in half-hours whose 20-second answer rate is
 * below 80 %.  09:00–09:30 is exactly at 80 % (80 of 100 within 20 s; an
 * unknown wait and an outbound call do not count); 10:00–10:30 is just
 * below (79 of 100).
 */
static void
add_half_hour (Fixture    *f,
               gint64      agent_id,
               const char *hour,
               guint       n_answered,
               const int   long_calls[][2],
               guint       n_long)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (em_db_begin (f->db, &error));
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%03u", hour, i);
      g_autofree char *local = g_strdup_printf ("2024-03-04 %s:%02u:%02u", hour, (i * 17) / 60, (i * 17) % 60);
      int wait = i < n_answered ? (int) (i % 21) : 21 + (int) (i % 10);
      int duration = 60;

      for (guint l = 0; l < n_long; l++)
        if (long_calls[l][0] == (int) i)
          duration = long_calls[l][1];
      add_call_full (f, id, agent_id, local, duration, wait, 1);
    }
  g_assert_true (em_db_commit (f->db, &error));
}

static void
test_long_slow (Fixture       *f,
                gconstpointer  data)
{
  const int long_a[][2] = { { 5, 300 }, { 95, 400 } };
  const int long_b[][2] = { { 0, 201 }, { 1, 200 }, { 90, 230 } };
  g_autoptr(EmSamplingPlan) plan = NULL;
  g_autoptr(GHashTable) reasons = NULL;
  EmSamplingRules rules;
  gint64 l1 = agent (f, "L001"), l2 = agent (f, "L002");

  add_half_hour (f, l1, "09", 80, long_a, G_N_ELEMENTS (long_a));
  add_call_full (f, "09-unknown-wait", l2, "2024-03-04 09:29:59", 250, -1, 1);
  add_call_full (f, "09-outbound", l2, "2024-03-04 09:10:00", 250, 60, 2);
  add_half_hour (f, l2, "10", 79, long_b, G_N_ELEMENTS (long_b));
  add_call_full (f, "10-outbound", l1, "2024-03-04 10:20:00", 500, -1, 2);
  /* Alone in 10:30–11:00 and answered in time. */
  add_call_full (f, "10-30-long", l1, "2024-03-04 10:30:00", 500, 3, 1);

  targeted_only (&rules);
  plan = create (f, "2024-03", 1, &rules, NULL);
  reasons = reasons_by_call (f, plan);

  g_assert_cmpuint (g_hash_table_size (reasons), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (reasons, "10-000"), ==, "long-slow-half-hour");  /* 201 s */
  g_assert_cmpstr (g_hash_table_lookup (reasons, "10-090"), ==, "long-slow-half-hour");  /* 230 s */
  g_assert_cmpstr (g_hash_table_lookup (reasons, "10-outbound"), ==, "long-slow-half-hour");
  g_assert_false (g_hash_table_contains (reasons, "10-001"));                          /* 200 s */
  g_clear_pointer (&reasons, g_hash_table_unref);
  g_clear_pointer (&plan, em_sampling_plan_free);

  /* At a 79 % target the second half-hour is met too. */
  rules.answer_target_bp = 7900;
  plan = create (f, "2024-03", 1, &rules, NULL);
  g_assert_cmpuint (plan->n_calls, ==, 0);
  g_clear_pointer (&plan, em_sampling_plan_free);

  /* At 80.01 % the first one misses: its four long calls come in. */
  rules.answer_target_bp = 8001;
  plan = create (f, "2024-03", 1, &rules, NULL);
  reasons = reasons_by_call (f, plan);
  g_assert_cmpuint (g_hash_table_size (reasons), ==, 7);
  g_assert_true (g_hash_table_contains (reasons, "09-005"));
  g_assert_true (g_hash_table_contains (reasons, "09-095"));
  g_assert_true (g_hash_table_contains (reasons, "09-unknown-wait"));
  g_assert_true (g_hash_table_contains (reasons, "09-outbound"));
}

/* Rule 4: the agent's calls just before and after a call with a problem,
 * by start time, within the month: a problem on the month's first call has
 * no "before", on its last no "after".
 */
static void
test_neighbours (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(EmSamplingPlan) plan = NULL;
  g_autoptr(GHashTable) reasons = NULL;
  EmSamplingRules rules;
  /* The edge cases belong to the middle agent, N002: a "before" or
   * "after" taken across agents would land on N001's or N003's calls.
   */
  gint64 n1 = agent (f, "N002"), n2 = agent (f, "N001"), n3 = agent (f, "N003");

  /* Inserted out of order: neighbours go by start time, not by row. */
  add_call (f, "n4", n1, "2024-03-15 10:00:00", 60);
  add_call (f, "n1", n1, "2024-03-01 08:00:00", 60);
  add_call (f, "n-feb", n1, "2024-02-29 23:59:00", 60);
  add_call (f, "n6", n1, "2024-03-31 23:50:00", 60);
  add_call (f, "n2", n1, "2024-03-01 08:05:00", 60);
  add_call (f, "n-apr", n1, "2024-04-01 00:10:00", 60);
  add_call (f, "n5", n1, "2024-03-20 10:00:00", 60);
  add_call (f, "n3", n1, "2024-03-10 10:00:00", 60);
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", i);
      g_autofree char *kid = g_strdup_printf ("k%u", i);
      g_autofree char *local = g_strdup_printf ("2024-03-0%u 09:00:00", i);

      add_call (f, id, n2, local, 60);
      add_call (f, kid, n3, local, 60);
    }

  add_evaluation (f, call_id (f, "n1"), "张三", 1, 0, TRUE, FALSE, 0);     /* fatal, first call */
  add_evaluation (f, call_id (f, "n3"), "张三", 1, 98, FALSE, FALSE, 2);   /* a deduction */
  add_evaluation (f, call_id (f, "n4"), "李四", 2, 100, FALSE, FALSE, 0);  /* full score */
  add_evaluation (f, call_id (f, "n6"), "李四", 2, 100, FALSE, FALSE, 2);  /* last call; bonus made up for it */
  add_evaluation (f, call_id (f, "m2"), "张三", 2, 95, FALSE, FALSE, 0);   /* total below the maximum */
  add_evaluation (f, call_id (f, "m4"), "张三", 2, 60, FALSE, TRUE, 40);   /* excluded */
  add_evaluation (f, call_id (f, "k2"), "张三", 0, 80, FALSE, FALSE, 20);  /* a draft */

  targeted_only (&rules);
  plan = create (f, "2024-03", 1, &rules, NULL);
  reasons = reasons_by_call (f, plan);

  g_assert_cmpuint (g_hash_table_size (reasons), ==, 5);
  g_assert_cmpstr (g_hash_table_lookup (reasons, "n2"), ==, "neighbour");  /* after n1, before n3: once */
  g_assert_cmpstr (g_hash_table_lookup (reasons, "n4"), ==, "neighbour");
  g_assert_cmpstr (g_hash_table_lookup (reasons, "n5"), ==, "neighbour");
  g_assert_cmpstr (g_hash_table_lookup (reasons, "m1"), ==, "neighbour");
  g_assert_cmpstr (g_hash_table_lookup (reasons, "m3"), ==, "neighbour");
  g_assert_false (g_hash_table_contains (reasons, "n-feb"));
  g_assert_false (g_hash_table_contains (reasons, "n-apr"));
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM sampled_calls"), ==, 5);
}

/* A call drawn for several reasons is in the plan once, with all of them. */
static void
test_reasons_joined (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(EmSamplingPlan) plan = NULL;
  g_autoptr(GHashTable) reasons = NULL;
  gint64 d = agent (f, "D001");

  add_call (f, "d1", d, "2024-03-05 09:00:00", 10);
  add_call (f, "d2", d, "2024-03-05 09:10:00", 60);
  add_call (f, "d3", d, "2024-03-05 09:20:00", 60);
  add_evaluation (f, call_id (f, "d2"), "张三", 1, 0, TRUE, FALSE, 0);

  plan = create (f, "2024-03", 3, NULL, NULL);
  reasons = reasons_by_call (f, plan);

  g_assert_cmpstr (g_hash_table_lookup (reasons, "d1"), ==, "quota,short,neighbour");
  g_assert_cmpstr (g_hash_table_lookup (reasons, "d2"), ==, "quota");
  g_assert_cmpstr (g_hash_table_lookup (reasons, "d3"), ==, "quota,neighbour");
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM sampled_calls"), ==, 3);
}

static void
add_reproducible_data (Fixture *f,
                       gboolean reverse)
{
  const char *codes[] = { "R001", "R002", "R003", "R004" };
  g_autoptr(GError) error = NULL;

  for (guint a = 0; a < G_N_ELEMENTS (codes); a++)
    agent (f, codes[a]);

  g_assert_true (em_db_begin (f->db, &error));
  for (guint k = 0; k < 4 * 1050; k++)
    {
      guint i = reverse ? 4 * 1050 - 1 - k : k;
      guint a = i % 4, n = i / 4;
      const char *month = n < 900 ? "2024-02" : "2024-03";
      g_autofree char *id = g_strdup_printf ("%s-%04u", codes[a], n);
      g_autofree char *local = g_strdup_printf ("%s-%02u %02u:%02u:00", month, 1 + n % 28,
                                                8 + (n / 28) % 10, n % 60);

      add_call (f, id, agent (f, codes[a]), local, 60);
    }

  /* Two short calls starting the same second: ordered by external id. */
  for (guint k = 0; k < 2; k++)
    {
      g_autofree char *id = g_strdup_printf ("R001-tie-%c", (reverse ? 1 - k : k) == 0 ? 'a' : 'b');

      add_call (f, id, agent (f, "R001"), "2024-03-30 12:00:00", 8);
    }
  g_assert_true (em_db_commit (f->db, &error));
}

/* The draw is pinned: the documented algorithm (SplitMix64 seeded with
 * seed XOR FNV-1a("2024-03/G001"), the agent's calls sorted by external
 * id, a partial Fisher–Yates shuffle with rejection sampling), computed
 * independently, picks these calls.  A change here would silently change
 * every stored plan drawn again from its seed.  The calls' start times run
 * against their ids, so neither the time order nor the row order can
 * stand in for the id order.
 */
static void
test_pinned_draw (Fixture       *f,
                  gconstpointer  data)
{
  const struct { gint64 seed; const char *expected; } cases[] = {
    { 20240301, "g-05 g-06 g-09 g-11 g-16 " },
    { 0, "g-00 g-05 g-06 g-12 g-14 " },
  };
  gint64 g = agent (f, "G001");

  for (guint k = 0; k < 20; k++)
    {
      guint i = (k * 7) % 20;
      g_autofree char *id = g_strdup_printf ("g-%02u", i);
      g_autofree char *local = g_strdup_printf ("2024-03-%02u 10:00:00", 28 - i);

      add_call (f, id, g, local, 60);
    }

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(EmSamplingPlan) plan = create (f, "2024-03", cases[c].seed, NULL, NULL);
      g_autoptr(GPtrArray) calls = list (f, plan);
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < calls->len; i++)
        g_ptr_array_add (ids, ((EmSampledCall *) g_ptr_array_index (calls, i))->external_id);
      g_ptr_array_sort (ids, compare_strings);
      for (guint i = 0; i < ids->len; i++)
        g_string_append_printf (text, "%s ", (char *) g_ptr_array_index (ids, i));
      g_assert_cmpstr (text->str, ==, cases[c].expected);
    }
}

/* The same seed on the same data draws the same plan — also when the data
 * was imported in another order; another seed draws another.
 */
static void
test_reproducible (Fixture       *f,
                   gconstpointer  data)
{
  const char *inspectors[] = { "张三", "李四", NULL };
  g_autoptr(EmSamplingPlan) plan = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *other = NULL;
  g_autofree char *reordered = NULL;
  g_autofree char *path = g_build_filename (f->dir, "reordered.db", NULL);
  Fixture g = { .dir = f->dir, .path = path };
  g_autoptr(GError) error = NULL;
  guint n_lines;

  add_reproducible_data (f, FALSE);
  plan = create (f, "2024-03", 42, NULL, inspectors);
  first = plan_text (f, plan);
  g_clear_pointer (&plan, em_sampling_plan_free);
  n_lines = 0;
  for (const char *p = first; *p; p++)
    n_lines += *p == '\n';
  g_assert_cmpuint (n_lines, >=, 4 * 9);                            /* ⌈1 % × 900⌉ each */
  g_assert_cmpuint (n_lines, <=, 4 * 9 + 2);                        /* and the short ones */
  g_assert_nonnull (strstr (first, "R001-tie-a\tR001\t"));

  plan = create (f, "2024-03", 42, NULL, inspectors);
  again = plan_text (f, plan);
  g_assert_cmpstr (again, ==, first);
  g_clear_pointer (&plan, em_sampling_plan_free);

  plan = create (f, "2024-03", 43, NULL, inspectors);
  other = plan_text (f, plan);
  g_assert_cmpstr (other, !=, first);
  g_clear_pointer (&plan, em_sampling_plan_free);

  g.db = em_db_open (path, &error);
  g_assert_no_error (error);
  g.team = em_db_ensure_team (g.db, "一组", &error);
  add_reproducible_data (&g, TRUE);
  g_assert_cmpint (count_sql (&g, "SELECT id FROM calls WHERE external_id = 'R001-0000'"), !=,
                   count_sql (f, "SELECT id FROM calls WHERE external_id = 'R001-0000'"));
  plan = create (&g, "2024-03", 42, NULL, inspectors);
  reordered = plan_text (&g, plan);
  g_assert_cmpstr (reordered, ==, first);
  g_clear_object (&g.db);
}

/* Another agent's calls do not shift an agent's draw. */
static void
test_agents_independent (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(EmSamplingPlan) plan = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  const char *none[] = { NULL };

  add_reproducible_data (f, FALSE);
  plan = create (f, "2024-03", 99, NULL, none);
  before = list (f, plan);
  g_clear_pointer (&plan, em_sampling_plan_free);

  add_calls (f, "Q", agent (f, "Q001"), "2024-03", 50);
  add_calls (f, "A", agent (f, "A000"), "2024-03", 50);
  plan = create (f, "2024-03", 99, NULL, none);
  after = list (f, plan);

  /* A000 sorts before the R agents, Q001 between: both get the minimum. */
  g_assert_cmpuint (after->len, ==, before->len + 10);
  for (guint i = 0; i < before->len; i++)
    {
      EmSampledCall *b = g_ptr_array_index (before, i);
      EmSampledCall *a = g_ptr_array_index (after, i + 10);

      g_assert_cmpstr (a->external_id, ==, b->external_id);
    }
}

static void
add_month_evaluations (Fixture    *f,
                       gint64      agent_id,
                       const char *code,
                       const char *month,
                       const int  *totals,
                       guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-eval-%s-%u", code, month, i);
      g_autofree char *local = g_strdup_printf ("%s-%02u 15:00:00", month, 2 + i);
      gint64 call = add_call (f, id, agent_id, local, 60);

      if (totals[i] < 0)      /* excluded */
        add_evaluation (f, call, "张三", 2, -totals[i], FALSE, TRUE, 0);
      else if (totals[i] >= 1000)  /* submitted, not finalised */
        add_evaluation (f, call, "张三", 1, totals[i] - 1000, FALSE, FALSE, 0);
      else
        add_evaluation (f, call, "张三", 2, totals[i], FALSE, FALSE, 0);
    }
}

/* Rule 5: two consecutive full-score months → only 5 recordings the month
 * after ("免检期限为一个月"); the month after that is normal again, and a
 * second pair of full months earns it again.
 */
static void
test_exemption (Fixture       *f,
                gconstpointer  data)
{
  const int full[] = { 100, 100 };
  const int one_less[] = { 100, 95 };
  const int with_excluded[] = { 100, -60, 1080 };
  const int only_excluded[] = { -100 };
  const char *none[] = { NULL };
  g_autoptr(GPtrArray) march = NULL;
  g_autoptr(GPtrArray) april = NULL;
  g_autoptr(GPtrArray) may = NULL;
  EmSamplingPlan *plan;
  gint64 e = agent (f, "E001"), fa = agent (f, "F001"), ga = agent (f, "G001");
  gint64 h = agent (f, "H001"), ia = agent (f, "I001");

  /* 600 calls in February (and the evaluated ones) → a normal quota of
   * ⌈6.0x⌉ = 7; 650 in March → 7 in April.
   */
  add_calls (f, "E", e, "2024-02", 600);
  add_calls (f, "F", fa, "2024-02", 600);
  add_calls (f, "G", ga, "2024-02", 600);
  add_calls (f, "H", h, "2024-02", 600);
  add_calls (f, "I", ia, "2024-02", 600);
  add_calls (f, "E", e, "2024-03", 650);
  add_calls (f, "F", fa, "2024-03", 20);
  add_calls (f, "G", ga, "2024-03", 20);
  add_calls (f, "H", h, "2024-03", 20);
  add_calls (f, "I", ia, "2024-03", 20);
  add_calls (f, "E", e, "2024-04", 650);
  add_calls (f, "E", e, "2024-05", 20);

  add_month_evaluations (f, e, "E001", "2024-01", full, 2);
  add_month_evaluations (f, e, "E001", "2024-02", full, 2);
  add_month_evaluations (f, fa, "F001", "2024-01", full, 2);
  add_month_evaluations (f, fa, "F001", "2024-02", one_less, 2);
  add_month_evaluations (f, ga, "G001", "2024-02", full, 2);
  add_month_evaluations (f, h, "H001", "2024-01", full, 1);
  add_month_evaluations (f, h, "H001", "2024-02", with_excluded, 3);
  add_month_evaluations (f, ia, "I001", "2024-01", full, 1);
  add_month_evaluations (f, ia, "I001", "2024-02", only_excluded, 1);

  plan = create (f, "2024-03", 5, NULL, none);
  march = list (f, plan);
  em_sampling_plan_free (plan);
  g_assert_cmpuint (count_for_agent (march, "E001", EM_SAMPLING_REASON_EXEMPT_QUOTA), ==, 5);
  g_assert_cmpuint (count_for_agent (march, "E001", EM_SAMPLING_REASON_QUOTA), ==, 0);
  g_assert_cmpuint (count_for_agent (march, "F001", EM_SAMPLING_REASON_QUOTA), ==, 7);
  g_assert_cmpuint (count_for_agent (march, "G001", EM_SAMPLING_REASON_QUOTA), ==, 7);
  g_assert_cmpuint (count_for_agent (march, "H001", EM_SAMPLING_REASON_EXEMPT_QUOTA), ==, 5);
  g_assert_cmpuint (count_for_agent (march, "I001", EM_SAMPLING_REASON_QUOTA), ==, 7);

  /* March is full for E001 too: three full months → April is normal. */
  for (guint i = 0; i < march->len; i++)
    {
      EmSampledCall *call = g_ptr_array_index (march, i);

      if (g_str_equal (call->agent_code, "E001"))
        add_evaluation (f, call->call_id, "李四", 2, 100, FALSE, FALSE, 0);
    }
  plan = create (f, "2024-04", 5, NULL, none);
  april = list (f, plan);
  em_sampling_plan_free (plan);
  g_assert_cmpuint (count_for_agent (april, "E001", EM_SAMPLING_REASON_QUOTA), ==, 7);
  g_assert_cmpuint (count_for_agent (april, "E001", EM_SAMPLING_REASON_EXEMPT_QUOTA), ==, 0);

  /* April full as well: March and April are a new pair → May is reduced. */
  for (guint i = 0; i < april->len; i++)
    add_evaluation (f, ((EmSampledCall *) g_ptr_array_index (april, i))->call_id, "李四", 2, 100,
                    FALSE, FALSE, 0);
  plan = create (f, "2024-05", 5, NULL, none);
  may = list (f, plan);
  em_sampling_plan_free (plan);
  g_assert_cmpuint (count_for_agent (may, "E001", EM_SAMPLING_REASON_EXEMPT_QUOTA), ==, 5);
}

static void
add_short_calls (Fixture *f,
                 guint    total)
{
  const char *codes[] = { "T001", "T002", "T003", "T004" };

  for (guint i = 0; i < total; i++)
    {
      g_autofree char *id = g_strdup_printf ("t-%03u", i);
      g_autofree char *local = g_strdup_printf ("2024-03-%02u 09:%02u:00", 1 + i / 4, i % 60);

      add_call (f, id, agent (f, codes[i % 4]), local, 8);
    }
}

static guint
progress_assigned (GPtrArray  *rows,
                   guint       index,
                   const char *inspector)
{
  EmSamplingProgress *p = g_ptr_array_index (rows, index);

  g_assert_cmpstr (p->inspector, ==, inspector);
  g_assert_cmpuint (p->remaining, ==, p->assigned - p->evaluated);
  return p->assigned;
}

/* The inspectors setting splits 47 calls 16/16/15, each inspector hearing
 * every agent; an explicit list wins; no inspectors leaves them unassigned.
 */
static void
test_inspectors_even (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmSamplingPlan) plan = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  EmSamplingRules rules;

  add_short_calls (f, 47);
  g_assert_true (em_db_set_setting (f->db, "inspectors", "张三;李四；王五", &error));
  targeted_only (&rules);

  plan = create (f, "2024-03", 1, &rules, NULL);
  g_assert_cmpuint (plan->n_calls, ==, 47);
  g_assert_cmpuint (g_strv_length (plan->inspectors), ==, 3);
  progress = em_sampling_plan_get_progress (f->db, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress->len, ==, 3);
  g_assert_cmpuint (progress_assigned (progress, 0, "张三"), ==, 16);
  g_assert_cmpuint (progress_assigned (progress, 1, "李四"), ==, 16);
  g_assert_cmpuint (progress_assigned (progress, 2, "王五"), ==, 15);

  calls = em_sampling_plan_list_calls (f->db, plan, "王五", &error);
  g_assert_cmpuint (calls->len, ==, 15);
  for (guint a = 1; a <= 4; a++)
    {
      g_autofree char *code = g_strdup_printf ("T00%u", a);

      g_assert_cmpuint (count_for_agent (calls, code, EM_SAMPLING_REASON_SHORT), >=, 3);
    }
  g_clear_pointer (&calls, g_ptr_array_unref);
  g_clear_pointer (&progress, g_ptr_array_unref);
  g_clear_pointer (&plan, em_sampling_plan_free);

  plan = create (f, "2024-03", 1, &rules, (const char *[]) { "赵六", NULL });
  progress = em_sampling_plan_get_progress (f->db, plan, &error);
  g_assert_cmpuint (progress->len, ==, 1);
  g_assert_cmpuint (progress_assigned (progress, 0, "赵六"), ==, 47);
  g_clear_pointer (&progress, g_ptr_array_unref);
  g_clear_pointer (&plan, em_sampling_plan_free);

  plan = create (f, "2024-03", 1, &rules, (const char *[]) { NULL });
  progress = em_sampling_plan_get_progress (f->db, plan, &error);
  g_assert_cmpuint (progress->len, ==, 1);
  g_assert_cmpuint (progress_assigned (progress, 0, NULL), ==, 47);
}

/* Evaluated = submitted or finalised by the assigned inspector; a draft
 * or someone else's evaluation does not count.
 */
static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmSamplingPlan) plan = NULL;
  g_autoptr(GPtrArray) zhang = NULL;
  g_autoptr(GPtrArray) li = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  g_autoptr(GPtrArray) after = NULL;
  EmSamplingProgress *p;
  EmSamplingRules rules;

  add_short_calls (f, 10);
  targeted_only (&rules);
  plan = create (f, "2024-03", 1, &rules, (const char *[]) { "张三", "李四", "王五", NULL });
  zhang = em_sampling_plan_list_calls (f->db, plan, "张三", &error);
  li = em_sampling_plan_list_calls (f->db, plan, "李四", &error);
  g_assert_cmpuint (zhang->len, ==, 4);
  g_assert_cmpuint (li->len, ==, 3);

#define CALL(list, i) (((EmSampledCall *) g_ptr_array_index (list, i))->call_id)
  add_evaluation (f, CALL (zhang, 0), "张三", 1, 100, FALSE, FALSE, 0);
  add_evaluation (f, CALL (zhang, 1), "张三", 2, 90, FALSE, FALSE, 10);
  add_evaluation (f, CALL (zhang, 2), "张三", 0, 90, FALSE, FALSE, 10);   /* draft */
  add_evaluation (f, CALL (li, 0), "张三", 1, 100, FALSE, FALSE, 0);      /* not his */
  add_evaluation (f, CALL (li, 1), "李四", 2, 100, FALSE, FALSE, 0);
#undef CALL

  progress = em_sampling_plan_get_progress (f->db, plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress->len, ==, 3);
  p = g_ptr_array_index (progress, 0);
  g_assert_cmpstr (p->inspector, ==, "张三");
  g_assert_cmpuint (p->assigned, ==, 4);
  g_assert_cmpuint (p->evaluated, ==, 2);
  g_assert_cmpuint (p->remaining, ==, 2);
  p = g_ptr_array_index (progress, 1);
  g_assert_cmpstr (p->inspector, ==, "李四");
  g_assert_cmpuint (p->evaluated, ==, 1);
  g_assert_cmpuint (p->remaining, ==, 2);
  p = g_ptr_array_index (progress, 2);
  g_assert_cmpuint (p->evaluated, ==, 0);
  g_assert_cmpuint (p->remaining, ==, 3);

  after = em_sampling_plan_list_calls (f->db, plan, "张三", &error);
  g_assert_cmpint (((EmSampledCall *) g_ptr_array_index (after, 0))->status, ==, 1);
  g_assert_cmpint (((EmSampledCall *) g_ptr_array_index (after, 1))->status, ==, 2);
  g_assert_cmpint (((EmSampledCall *) g_ptr_array_index (after, 2))->status, ==, 0);
  g_assert_cmpint (((EmSampledCall *) g_ptr_array_index (after, 3))->status, ==, -1);
}

/* Drawing a month again replaces its plan until a call of it has an
 * evaluation; then the plan only grows by update, keeping every call and
 * inspector, and the counts stay within one.
 */
static void
test_replace_and_update (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmSamplingPlan) plan = NULL;
  g_autoptr(EmSamplingPlan) refused = NULL;
  g_autoptr(EmSamplingPlan) updated = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GPtrArray) progress = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GHashTable) reasons = NULL;
  const char *inspectors[] = { "张三", "李四", NULL };
  EmSampledCall *problem;
  gint64 first_id;
  guint problem_index = 2;

  add_calls (f, "U", agent (f, "U001"), "2024-03", 30);

  plan = create (f, "2024-03", 7, NULL, inspectors);
  first_id = plan->id;
  g_clear_pointer (&plan, em_sampling_plan_free);
  plan = create (f, "2024-03", 8, NULL, inspectors);
  g_assert_cmpint (plan->id, !=, first_id);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM sampling_plans WHERE month = '2024-03'"), ==, 1);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM sampled_calls"), ==, 5);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM audit_log WHERE entity = 'sampling_plan' "
                                 "AND action = 'create'"), ==, 1);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM audit_log WHERE entity = 'sampling_plan' "
                                 "AND action = 'replace'"), ==, 1);

  /* An evaluation from before the draw is not work on the plan. */
  calls = list (f, plan);
  add_evaluation_aged (f, ((EmSampledCall *) g_ptr_array_index (calls, 1))->call_id, "王五", 2, 100,
                       FALSE, FALSE, 0, 3600);
  g_clear_pointer (&plan, em_sampling_plan_free);
  plan = create (f, "2024-03", 8, NULL, inspectors);
  g_clear_pointer (&calls, g_ptr_array_unref);

  /* A draft on one of its calls: the plan is in progress. */
  calls = list (f, plan);
  problem = g_ptr_array_index (calls, problem_index);
  add_evaluation (f, ((EmSampledCall *) g_ptr_array_index (calls, 0))->call_id, "张三", 0, 100,
                  FALSE, FALSE, 0);
  before = plan_text (f, plan);
  refused = em_sampling_plan_create (f->db, "2024-03", 9, NULL, inspectors, "质检主管", &error);
  g_assert_null (refused);
  g_assert_error (error, EM_ERROR, EM_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "2024-03"));
  g_clear_error (&error);
  after = plan_text (f, plan);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_sql (f, "SELECT max(id) FROM sampling_plans"), ==, plan->id);

  /* A problem found on a sampled call: the update brings its neighbours. */
  add_evaluation (f, problem->call_id, "张三", 1, 94, FALSE, FALSE, 6);
  updated = em_sampling_plan_update (f->db, "2024-03", "质检主管", &error);
  g_assert_no_error (error);
  g_assert_cmpint (updated->id, ==, plan->id);
  g_assert_cmpint (updated->seed, ==, 8);
  g_assert_cmpuint (updated->n_calls, >, 5);
  g_assert_cmpuint (updated->n_calls, <=, 7);
  g_clear_pointer (&after, g_free);
  now = list (f, updated);
  for (guint i = 0; i < calls->len; i++)
    {
      EmSampledCall *old = g_ptr_array_index (calls, i);
      gboolean kept = FALSE;

      for (guint j = 0; j < now->len; j++)
        {
          EmSampledCall *call = g_ptr_array_index (now, j);

          if (call->call_id != old->call_id)
            continue;
          g_assert_cmpstr (call->inspector, ==, old->inspector);
          g_assert_true (call->reasons & EM_SAMPLING_REASON_QUOTA);
          kept = TRUE;
        }
      g_assert_true (kept);
    }
  reasons = reasons_by_call (f, updated);
  g_assert_cmpuint (g_hash_table_size (reasons), ==, updated->n_calls);
  g_assert_cmpuint (count_for_agent (now, "U001", EM_SAMPLING_REASON_NEIGHBOUR), >=, 1);

  progress = em_sampling_plan_get_progress (f->db, updated, &error);
  g_assert_cmpint (ABS ((int) progress_assigned (progress, 0, "张三") -
                        (int) progress_assigned (progress, 1, "李四")), <=, 1);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM audit_log WHERE action = 'update'"), ==, 1);

  g_assert_null (em_sampling_plan_update (f->db, "2024-04", "质检主管", &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_NOT_FOUND);
}

/* An update adds reasons to calls already in the plan and gives new calls
 * to the inspector with the fewest, the first of them on a tie.
 */
static void
test_update_merges (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmSamplingPlan) plan = NULL;
  g_autoptr(EmSamplingPlan) updated = NULL;
  g_autofree char *text = NULL;
  gint64 x = agent (f, "X001");

  add_call (f, "x1", x, "2024-03-05 09:00:00", 60);
  add_call (f, "x2", x, "2024-03-05 09:10:00", 60);
  add_call (f, "x3", x, "2024-03-05 09:20:00", 60);
  plan = create (f, "2024-03", 11, NULL, (const char *[]) { "张三", "李四", NULL });
  text = plan_text (f, plan);
  g_assert_cmpstr (text, ==,
                   "x1\tX001\tquota\t张三\n"
                   "x2\tX001\tquota\t李四\n"
                   "x3\tX001\tquota\t张三\n");

  /* A problem on x2; two short calls imported late. */
  add_evaluation (f, call_id (f, "x2"), "李四", 2, 90, FALSE, FALSE, 10);
  add_call (f, "x4", x, "2024-03-06 09:00:00", 9);
  add_call (f, "x5", x, "2024-03-07 09:00:00", 9);
  updated = em_sampling_plan_update (f->db, "2024-03", "质检主管", &error);
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = plan_text (f, updated);
  g_assert_cmpstr (text, ==,
                   "x1\tX001\tquota,neighbour\t张三\n"
                   "x2\tX001\tquota\t李四\n"
                   "x3\tX001\tquota,neighbour\t张三\n"
                   "x4\tX001\tshort\t李四\n"
                   "x5\tX001\tshort\t张三\n");
}

static void
test_no_calls (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmSamplingPlan) plan = NULL;

  add_calls (f, "V", agent (f, "V001"), "2024-03", 10);
  plan = em_sampling_plan_create (f->db, "2024-07", 1, NULL, NULL, "质检主管", &error);
  g_assert_null (plan);
  g_assert_error (error, EM_ERROR, EM_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "2024-07"));
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM sampling_plans"), ==, 0);
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM audit_log"), ==, 0);
  g_clear_error (&error);

  g_assert_null (em_sampling_plan_load (f->db, "2024-07", &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_NOT_FOUND);
}

/* The seed and the rules are stored with the plan and read back. */
static void
test_params_stored (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmSamplingPlan) plan = NULL;
  g_autoptr(EmSamplingPlan) loaded = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(GStrv) months = NULL;
  const char *params;
  EmSamplingRules rules;

  add_calls (f, "W", agent (f, "W001"), "2024-03", 10);
  em_sampling_rules_init (&rules);
  rules.minimum = 3;
  rules.quota_bp = 70;
  rules.answer_target_bp = 8550;
  plan = create (f, "2024-03", G_GINT64_CONSTANT (9007199254740993), &rules,
                 (const char *[]) { "张三", "李四", NULL });

  stmt = em_db_prepare (f->db, "SELECT seed, params, created_by FROM sampling_plans", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, G_GINT64_CONSTANT (9007199254740993));
  params = (const char *) sqlite3_column_text (stmt, 1);
  g_assert_nonnull (strstr (params, "[Sampling]"));
  g_assert_nonnull (strstr (params, "QuotaPercent=0.7\n"));
  g_assert_nonnull (strstr (params, "Minimum=3\n"));
  g_assert_nonnull (strstr (params, "AnswerTarget=85.5\n"));
  g_assert_nonnull (strstr (params, "LongSeconds=200\n"));
  g_assert_nonnull (strstr (params, "Inspectors=张三;李四;\n"));
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "质检主管");

  loaded = em_sampling_plan_load (f->db, "2024-03", &error);
  g_assert_no_error (error);
  g_assert_cmpmem (&loaded->rules, sizeof rules, &rules, sizeof rules);
  g_assert_cmpstrv (loaded->inspectors, ((const char *[]) { "张三", "李四", NULL }));

  months = em_sampling_list_months (f->db, &error);
  g_assert_cmpstrv (months, ((const char *[]) { "2024-03", NULL }));
}

/* earmark-cli sample: one TSV row per call, exit 0/1/2. */
static int
run_cli (Fixture     *f,
         char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (char *) "sample");
  g_ptr_array_add (args, (char *) "--db");
  g_ptr_array_add (args, f->path);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return em_test_run_cli ((const char **) args->pdata, out, err);
}

/* The plan as the CLI prints it: external id, agent code, reasons. */
static char *
expected_rows (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmSamplingPlan) plan = em_sampling_plan_load (f->db, "2024-03", &error);
  g_autoptr(GPtrArray) calls = NULL;
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  calls = list (f, plan);
  for (guint i = 0; i < calls->len; i++)
    {
      EmSampledCall *call = g_ptr_array_index (calls, i);
      g_autofree char *reasons = em_sampling_reasons_to_string (call->reasons);

      g_string_append_printf (text, "%s\t%s\t%s\n", call->external_id, call->agent_code, reasons);
    }

  return g_string_free (text, FALSE);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *progress = NULL;
  g_autoptr(EmSamplingPlan) plan = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint n_quota = 0;
  gint64 c = agent (f, "C001");

  add_calls (f, "C", c, "2024-02", 800);
  add_calls (f, "C", c, "2024-03", 100);
  add_call (f, "C-short", c, "2024-03-09 10:00:00", 12);
  g_clear_object (&f->db);

  g_assert_cmpint (run_cli (f, &out, &err, "--month", "2024-03", "--seed", "42", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i][0] != '\0'; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      g_assert_cmpstr (fields[1], ==, "C001");
      g_assert_true (g_str_equal (fields[2], "quota") || g_str_equal (fields[2], "short") ||
                     g_str_equal (fields[2], "quota,short"));
      n_quota += g_str_has_prefix (fields[2], "quota");
    }
  g_assert_cmpuint (n_quota, ==, 8);                               /* ⌈1 % × 800⌉ */
  g_assert_nonnull (strstr (out, "C-short\tC001\t"));

  /* Again: the same rows, and they are the stored plan. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (f, &out2, &err, "--month", "2024-03", "--seed", "42", NULL), ==, 0);
  g_assert_cmpstr (out2, ==, out);
  f->db = em_db_open (f->path, &error);
  g_assert_no_error (error);
  expected = expected_rows (f);
  g_assert_cmpstr (out, ==, expected);
  plan = em_sampling_plan_load (f->db, "2024-03", &error);
  g_assert_cmpint (plan->seed, ==, 42);
  calls = list (f, plan);

  /* Usage errors: 2, and nothing on stdout. */
#define EXPECT(code, ...) G_STMT_START { \
    g_clear_pointer (&out2, g_free); g_clear_pointer (&err, g_free); \
    g_assert_cmpint (run_cli (f, &out2, &err, __VA_ARGS__, NULL), ==, code); \
  } G_STMT_END
  EXPECT (2, "--month", "2024-13", "--seed", "1");
  g_assert_cmpstr (out2, ==, "");
  g_assert_nonnull (strstr (err, "2024-13"));
  EXPECT (2, "--month", "2024-03");
  g_assert_nonnull (strstr (err, "--seed"));
  EXPECT (2, "--month", "2024-03", "--seed=-1");
  EXPECT (2, "--month", "2024-03", "--seed", "x");
  EXPECT (2, "--seed", "1");
  EXPECT (2, "--month", "2024-03", "--update", "--seed", "1");
  EXPECT (2, "--month", "2024-03", "--seed", "1", "--target", "120");
  EXPECT (2, "--month", "2024-03", "--seed", "1", "--bogus");
  g_assert_cmpstr (out2, ==, "");

  /* Bad input: 1, nothing changed. */
  EXPECT (1, "--month", "2024-07", "--seed", "1");
  g_assert_nonnull (strstr (err, "2024-07"));
  g_assert_cmpint (count_sql (f, "SELECT count(*) FROM sampling_plans"), ==, 1);
  {
    const char *args[] = { "sample", "--db", "/nonexistent/earmark.db", "--month", "2024-03",
                           "--seed", "1", NULL };

    g_clear_pointer (&err, g_free);
    g_assert_cmpint (em_test_run_cli (args, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "/nonexistent/earmark.db"));
    g_assert_false (g_file_test ("/nonexistent/earmark.db", G_FILE_TEST_EXISTS));
  }

  /* In progress: drawing again is refused; --update adds the neighbours
   * of the problem; --show and --progress print the stored plan.
   */
  add_evaluation (f, ((EmSampledCall *) g_ptr_array_index (calls, 3))->call_id, "张三", 1, 90,
                  FALSE, FALSE, 10);
  EXPECT (1, "--month", "2024-03", "--seed", "5");
  g_assert_nonnull (strstr (err, "evaluated"));
  g_assert_cmpstr (out2, ==, "");
  EXPECT (0, "--month", "2024-03", "--update", "--with-inspector");
  g_assert_nonnull (strstr (out2, "neighbour\t\n"));
  g_clear_pointer (&expected, g_free);
  expected = expected_rows (f);
  EXPECT (0, "--month", "2024-03", "--show");
  g_assert_cmpstr (out2, ==, expected);
  g_clear_pointer (&plan, em_sampling_plan_free);
  plan = em_sampling_plan_load (f->db, "2024-03", &error);
  progress = g_strdup_printf ("\t%u\t1\t%u\n", plan->n_calls, plan->n_calls - 1);
  EXPECT (0, "--month", "2024-03", "--progress");
  g_assert_cmpstr (out2, ==, progress);
#undef EXPECT
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sampling/random-reference", test_random_reference);
  g_test_add_func ("/sampling/month-and-names", test_month_and_names);
  g_test_add_func ("/sampling/reasons-text", test_reasons_text);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/sampling/quota/minimum", test_quota_minimum);
  ADD ("/sampling/quota/rounding", test_quota_rounding);
  ADD ("/sampling/short", test_short);
  ADD ("/sampling/long-slow-half-hour", test_long_slow);
  ADD ("/sampling/neighbours", test_neighbours);
  ADD ("/sampling/reasons-joined", test_reasons_joined);
  ADD ("/sampling/pinned-draw", test_pinned_draw);
  ADD ("/sampling/reproducible", test_reproducible);
  ADD ("/sampling/agents-independent", test_agents_independent);
  ADD ("/sampling/exemption", test_exemption);
  ADD ("/sampling/inspectors-even", test_inspectors_even);
  ADD ("/sampling/progress", test_progress);
  ADD ("/sampling/replace-and-update", test_replace_and_update);
  ADD ("/sampling/update-merges", test_update_merges);
  ADD ("/sampling/no-calls", test_no_calls);
  ADD ("/sampling/params-stored", test_params_stored);
  ADD ("/sampling/cli", test_cli);
#undef ADD

  return g_test_run ();
}

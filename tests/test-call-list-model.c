/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "em-call-list-model.h"
#include "em-error.h"
#include "em-test-util.h"

/* The calls list model on a generated database of N_CALLS calls whose
 * values follow simple rules (see call_*() below), so that every expected
 * count and order here is computed from the rules, not read back from SQL.
 */

#define N_CALLS 1000
#define BASE_TIME 1717200000   /* 2024-06-01 00:00 UTC */

typedef struct
{
  char *dir;
  EmDb *db;
} Fixture;

static const char * const agent_codes[] = { "A01", "A02", "A03", "B01", "B02", "X01" };
static const char * const agent_names[] = { "王芳", "李娜", "张伟", "赵磊", "黄丽", "孙浩" };
static const char * const queues[] = { "咨询", "投诉", "求助" };

/* Agents 0–2 are in 一组, 3–4 in 二组, 5 in no team. */
static guint call_agent (guint i) { return i % 6; }
static gint64 call_started_at (guint i) { return BASE_TIME + (gint64) i * 600; }
static int call_duration (guint i) { return (i * 37) % 300; }
static int call_wait (guint i) { return i % 10 == 0 ? -1 : (int) ((i * 13) % 60); }
static int call_direction (guint i) { return i % 4 == 0 ? 2 : 1; }
static int call_satisfaction (guint i) { return i % 3 == 0 ? 0 : 1 + (int) (i % 5); }
static int call_resolved (guint i) { return i % 5 == 0 ? -1 : (int) (i % 2); }

static char *
call_caller (guint i)
{
  return i % 9 == 0 ? NULL : g_strdup_printf ("1380013%04u", i);
}

/* Calls 0, 10, 20 … 90 have an evaluation: a draft, a submitted and a
 * finalised one in turn; call 10 has a draft *and* a finalised one.
 * Calls 5, 15, 25 are sampled, 5 and 15 for 李质检.
 */
static int
call_evaluation (guint i)
{
  if (i == 10)
    return 3;
  if (i % 10 == 0 && i < 100)
    return 1 + (int) (i / 10 % 3);
  return 0;
}

static void
exec_ok (EmDb       *db,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  em_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static void
insert_calls (EmDb  *db,
              guint  first,
              guint  n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = em_db_prepare (db,
                        "INSERT INTO calls (id, external_id, agent_id, started_at, utc_offset, "
                        "duration_s, wait_s, direction, caller, queue, satisfaction, resolved) "
                        "VALUES (?1, ?2, (SELECT id FROM agents WHERE code = ?3), ?4, 28800, "
                        "?5, ?6, ?7, ?8, ?9, ?10, ?11)", &error);
  g_assert_no_error (error);

  g_assert_true (em_db_begin (db, NULL));
  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *external_id = g_strdup_printf ("T%05u", i);
      g_autofree char *caller = call_caller (i);

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, i + 1);
      sqlite3_bind_text (stmt, 2, external_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, agent_codes[call_agent (i)], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, call_started_at (i));
      sqlite3_bind_int (stmt, 5, call_duration (i));
      if (call_wait (i) >= 0)
        sqlite3_bind_int (stmt, 6, call_wait (i));
      sqlite3_bind_int (stmt, 7, call_direction (i));
      if (caller != NULL)
        sqlite3_bind_text (stmt, 8, caller, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 9, queues[i % 3], -1, SQLITE_STATIC);
      if (call_satisfaction (i) > 0)
        sqlite3_bind_int (stmt, 10, call_satisfaction (i));
      if (call_resolved (i) >= 0)
        sqlite3_bind_int (stmt, 11, call_resolved (i));
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    }
  g_assert_true (em_db_commit (db, NULL));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 team1, team2;

  f->dir = em_test_make_tmpdir ();
  path = g_build_filename (f->dir, "earmark.db", NULL);
  f->db = em_db_open (path, &error);
  g_assert_no_error (error);

  team1 = em_db_ensure_team (f->db, "一组", &error);
  team2 = em_db_ensure_team (f->db, "二组", &error);
  g_assert_no_error (error);
  for (guint a = 0; a < G_N_ELEMENTS (agent_codes); a++)
    em_db_ensure_agent (f->db, agent_codes[a], agent_names[a], a < 3 ? team1 : a < 5 ? team2 : 0,
                        &error);
  g_assert_no_error (error);

  insert_calls (f->db, 0, N_CALLS);

  exec_ok (f->db,
           "INSERT INTO scorecards (id, key, title) VALUES (1, 'qa', 'QA');"
           "INSERT INTO scorecard_versions (id, scorecard_id, revision, file_version, source, "
           "  checksum, created_at) VALUES (1, 1, 1, 1, '', 'x', 0);"
           "INSERT INTO sampling_plans (id, month, seed, params, created_at) "
           "  VALUES (1, '2024-06', 7, '', 0);"
           "INSERT INTO sampled_calls (plan_id, call_id, reason, inspector) VALUES "
           "  (1, 6, 'random', '李质检'), (1, 16, 'short', '李质检'), (1, 26, 'random', '王质检');");
  for (guint i = 0; i < N_CALLS; i++)
    if (call_evaluation (i) > 0)
      {
        g_autofree char *sql = g_strdup_printf ("INSERT INTO evaluations (call_id, scorecard_version_id, "
                                                "inspector, status, total, answers, created_at, updated_at) "
                                                "VALUES (%u, 1, 'x', %d, 9050, '', 0, 0)",
                                                i + 1, call_evaluation (i) - 1);
        exec_ok (f->db, sql);
      }
  exec_ok (f->db, "INSERT INTO evaluations (call_id, scorecard_version_id, inspector, status, total, "
                  "answers, created_at, updated_at) VALUES (11, 1, 'x', 0, 5000, '', 0, 0)");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->db);
  em_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* The index of a call in the generated data, from its external id. */
static guint
call_index (EmCall *call)
{
  return (guint) g_ascii_strtoull (em_call_get_external_id (call) + 1, NULL, 10);
}

static EmCall *
item (EmCallListModel *model,
      guint            position)
{
  EmCall *call = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (call);
  g_object_unref (call);   /* the model's page holds it */
  return call;
}

static EmCallListModel *
model_with (EmDb        *db,
            EmCallQuery *query)
{
  g_autoptr(GError) error = NULL;
  EmCallListModel *model = em_call_list_model_new (db);

  em_call_list_model_set_query (model, query, &error);
  g_assert_no_error (error);
  return model;
}

static void
test_count_and_pages (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(EmCallListModel) model = em_call_list_model_new (f->db);
  guint n_pages_read;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == EM_TYPE_CALL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CALLS);
  /* The first page is read with the count, so that a list shows at once. */
  g_assert_cmpuint (em_call_list_model_get_n_pages_read (model), ==, 1);

  /* Newest first by default. */
  g_assert_cmpstr (em_call_get_external_id (item (model, 0)), ==, "T00999");
  g_assert_cmpstr (em_call_get_external_id (item (model, 999)), ==, "T00000");
  g_assert_cmpuint (em_call_list_model_get_n_pages_read (model), ==, 2);

  /* Reading the whole list reads each page once … */
  for (guint i = 0; i < N_CALLS; i++)
    g_assert_cmpuint (call_index (item (model, i)), ==, N_CALLS - 1 - i);
  n_pages_read = em_call_list_model_get_n_pages_read (model);
  g_assert_cmpuint (n_pages_read, ==, N_CALLS / 200);

  /* … and pages still cached are not read again. */
  g_assert_cmpuint (call_index (item (model, 450)), ==, 549);
  g_assert_cmpuint (em_call_list_model_get_n_pages_read (model), ==, n_pages_read);

  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), N_CALLS));
}

static void
test_call_properties (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCall) call = em_call_lookup (f->db, "T00010", &error);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *masked = NULL;
  EmCallDirection direction;
  int wait;

  g_assert_no_error (error);
  g_assert_cmpstr (em_call_get_agent_code (call), ==, "B02");
  g_assert_cmpstr (em_call_get_agent_name (call), ==, "黄丽");
  g_assert_cmpstr (em_call_get_team (call), ==, "二组");
  g_assert_cmpint (em_call_get_wait (call), ==, -1);          /* i % 10 == 0: not given */
  g_assert_cmpint (em_call_get_resolved (call), ==, -1);      /* i % 5 == 0: not given */
  g_assert_cmpuint (em_call_get_satisfaction (call), ==, 1);
  g_assert_cmpstr (em_call_get_caller (call), ==, "13800130010");
  g_assert_cmpstr (em_call_get_caller_masked (call), ==, "138****0010");

  /* Call 10 has a draft and a finalised evaluation: the list shows the
   * finalised one. */
  g_assert_cmpint (em_call_get_evaluation (call), ==, EM_CALL_EVALUATION_FINALISED);
  g_assert_cmpint (em_call_get_evaluation_total (call), ==, 9050);

  /* 2024-06-01 00:00 UTC + 6000 s is 09:40 in the center (UTC+8). */
  local = em_call_dup_started_at_local (call);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 9);
  g_assert_cmpint (g_date_time_get_minute (local), ==, 40);

  g_object_get (call, "direction", &direction, "wait", &wait, NULL);
  g_assert_cmpint (direction, ==, EM_CALL_DIRECTION_INBOUND);
  g_assert_cmpint (wait, ==, -1);

  g_clear_object (&call);
  call = em_call_lookup (f->db, "nope", &error);
  g_assert_error (error, EM_ERROR, EM_ERROR_NOT_FOUND);
  g_assert_null (call);

  masked = em_call_format_duration (3725);
  g_assert_cmpstr (masked, ==, "1:02:05");
  g_free (masked);
  masked = em_call_format_duration (65);
  g_assert_cmpstr (masked, ==, "01:05");
}

/* SQLite's order: NULL first, then numbers, then text by bytes. */
static int
compare_keys (EmCall     *a,
              EmCall     *b,
              EmCallSort  sort)
{
#define CMP(x, y) (((x) > (y)) - ((x) < (y)))
  switch (sort)
    {
    case EM_CALL_SORT_STARTED_AT: return 0;
    case EM_CALL_SORT_EXTERNAL_ID: return g_strcmp0 (em_call_get_external_id (a), em_call_get_external_id (b));
    case EM_CALL_SORT_AGENT: return g_strcmp0 (em_call_get_agent_code (a), em_call_get_agent_code (b));
    case EM_CALL_SORT_TEAM:
      {
        int by_team = g_strcmp0 (em_call_get_team (a), em_call_get_team (b));
        return by_team != 0 ? by_team : g_strcmp0 (em_call_get_agent_code (a), em_call_get_agent_code (b));
      }
    case EM_CALL_SORT_DURATION: return CMP (em_call_get_duration (a), em_call_get_duration (b));
    case EM_CALL_SORT_WAIT: return CMP (em_call_get_wait (a), em_call_get_wait (b));
    case EM_CALL_SORT_DIRECTION: return CMP (em_call_get_direction (a), em_call_get_direction (b));
    case EM_CALL_SORT_CALLER: return g_strcmp0 (em_call_get_caller (a), em_call_get_caller (b));
    case EM_CALL_SORT_QUEUE: return g_strcmp0 (em_call_get_queue (a), em_call_get_queue (b));
    case EM_CALL_SORT_SATISFACTION: return CMP (em_call_get_satisfaction (a), em_call_get_satisfaction (b));
    case EM_CALL_SORT_RESOLVED: return CMP (em_call_get_resolved (a), em_call_get_resolved (b));
    case EM_CALL_SORT_EVALUATION: return CMP (em_call_get_evaluation (a), em_call_get_evaluation (b));
    default: g_assert_not_reached ();
    }
}

static int
compare_calls (EmCall     *a,
               EmCall     *b,
               EmCallSort  sort)
{
  int by_key = compare_keys (a, b, sort);

  if (by_key != 0)
    return by_key;
  return CMP (em_call_get_started_at (a), em_call_get_started_at (b));
#undef CMP
}

typedef gboolean (*Predicate) (guint i);

static gboolean match_all (guint i) { return TRUE; }

/* Every call @matches accepts is listed once, in the query's order. */
static void
assert_sorted_query (EmDb        *db,
                     EmCallQuery *query,
                     Predicate    matches)
{
  g_autoptr(EmCallListModel) model = model_with (db, query);
  g_autofree gboolean *seen = g_new0 (gboolean, N_CALLS);
  gboolean descending;
  EmCallSort sort = em_call_query_get_sort (query, &descending);
  guint expected = 0;

  for (guint i = 0; i < N_CALLS; i++)
    expected += matches (i) ? 1 : 0;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected);

  for (guint i = 0; i < expected; i++)
    {
      EmCall *call = item (model, i);

      g_assert_true (matches (call_index (call)));
      g_assert_false (seen[call_index (call)]);
      seen[call_index (call)] = TRUE;
      if (i > 0)
        {
          int order = compare_calls (item (model, i - 1), call, sort);
          g_assert_cmpint (descending ? -order : order, <, 0);
        }
    }
}

static void
assert_sorted (EmDb       *db,
               EmCallSort  sort,
               gboolean    descending)
{
  g_autoptr(EmCallQuery) query = em_call_query_new ();

  em_call_query_set_sort (query, sort, descending);
  assert_sorted_query (db, query, match_all);
}

static void
test_sort_orders (Fixture       *f,
                  gconstpointer  data)
{
  GEnumClass *sorts = g_type_class_ref (EM_TYPE_CALL_SORT);

  for (guint s = 0; s < sorts->n_values; s++)
    {
      g_test_message ("sort by %s", sorts->values[s].value_nick);
      assert_sorted (f->db, sorts->values[s].value, FALSE);
      assert_sorted (f->db, sorts->values[s].value, TRUE);
    }

  g_type_class_unref (sorts);
}

static gboolean match_outbound_short (guint i) { return i % 4 == 0 && (i * 37) % 300 <= 99; }

/* A filtered list keeps its ids in order, whichever the sort. */
static void
test_sort_orders_filtered (Fixture       *f,
                           gconstpointer  data)
{
  GEnumClass *sorts = g_type_class_ref (EM_TYPE_CALL_SORT);

  for (guint s = 0; s < sorts->n_values; s++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autoptr(EmCallQuery) query = em_call_query_new ();

        g_test_message ("filtered, sort by %s", sorts->values[s].value_nick);
        em_call_query_set_direction (query, EM_CALL_DIRECTION_OUTBOUND);
        em_call_query_set_duration_range (query, -1, 99);
        em_call_query_set_sort (query, sorts->values[s].value, descending);
        assert_sorted_query (f->db, query, match_outbound_short);
      }

  g_type_class_unref (sorts);
}

/* The team sort puts calls of agents without a team first (ascending). */
static void
test_sort_team_first_rows (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(EmCallQuery) query = em_call_query_new ();
  g_autoptr(EmCallListModel) model = NULL;

  em_call_query_set_sort (query, EM_CALL_SORT_TEAM, FALSE);
  model = model_with (f->db, query);
  g_assert_cmpstr (em_call_get_external_id (item (model, 0)), ==, "T00005");
  g_assert_cmpstr (em_call_get_team (item (model, 165)), ==, NULL);     /* 166 calls of X01 */
  g_assert_cmpstr (em_call_get_team (item (model, 166)), ==, "一组");
  g_assert_cmpstr (em_call_get_agent_code (item (model, 166)), ==, "A01");
}

static void
assert_filter (EmDb        *db,
               EmCallQuery *query,
               Predicate    matches)
{
  g_autoptr(EmCallListModel) model = model_with (db, query);
  guint expected = 0, n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < N_CALLS; i++)
    expected += matches (i) ? 1 : 0;
  g_assert_cmpuint (n_items, ==, expected);

  for (guint i = 0; i < n_items; i++)
    g_assert_true (matches (call_index (item (model, i))));
}

static gboolean match_id_part (guint i) { return i >= 120 && i < 130; }   /* "T0012" */
static gboolean match_agent_b (guint i) { return call_agent (i) == 3 || call_agent (i) == 4; }
static gboolean match_agent_name (guint i) { return call_agent (i) == 1; }
static gboolean match_caller (guint i) { return i % 9 != 0 && i >= 500 && i < 600; }
static gboolean match_agent (guint i) { return call_agent (i) == 2; }
static gboolean match_team2 (guint i) { return call_agent (i) == 3 || call_agent (i) == 4; }
static gboolean match_time (guint i) { return i >= 100 && i < 200; }
static gboolean match_duration (guint i) { return call_duration (i) >= 20 && call_duration (i) <= 200; }
static gboolean match_short (guint i) { return call_duration (i) <= 19; }
static gboolean match_outbound (guint i) { return call_direction (i) == 2; }
static gboolean match_not_evaluated (guint i) { return call_evaluation (i) == 0; }
static gboolean match_sampled (guint i) { return i == 5 || i == 15 || i == 25; }
static gboolean match_assigned (guint i) { return i == 5 || i == 15; }
static gboolean match_none (guint i) { return FALSE; }
static gboolean match_combined (guint i) { return call_agent (i) == 2 && call_direction (i) == 2 && i < 500; }

static gint64
agent_id (EmDb       *db,
          const char *table,
          const char *column,
          const char *value)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1", table, column);
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db, sql, NULL);

  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(EmCallQuery) query = NULL;
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (call_started_at (100));
  g_autoptr(GDateTime) to = g_date_time_new_from_unix_utc (call_started_at (200));

#define FRESH() (em_call_query_free (query), query = em_call_query_new ())
  FRESH (); em_call_query_set_search (query, " t0012 ");      /* case and spaces don't matter */
  assert_filter (f->db, query, match_id_part);
  FRESH (); em_call_query_set_search (query, "B0");
  assert_filter (f->db, query, match_agent_b);
  FRESH (); em_call_query_set_search (query, "李娜");
  assert_filter (f->db, query, match_agent_name);
  FRESH (); em_call_query_set_search (query, "138-0013-05");   /* digits of the caller */
  assert_filter (f->db, query, match_caller);
  FRESH (); em_call_query_set_search (query, "%");             /* literal, not a wildcard */
  assert_filter (f->db, query, match_none);
  FRESH (); em_call_query_set_agent_id (query, agent_id (f->db, "agents", "code", "A03"));
  assert_filter (f->db, query, match_agent);
  FRESH (); em_call_query_set_team_id (query, agent_id (f->db, "teams", "name", "二组"));
  assert_filter (f->db, query, match_team2);
  FRESH (); em_call_query_set_time_range (query, from, to);
  assert_filter (f->db, query, match_time);
  FRESH (); em_call_query_set_duration_range (query, 20, 200);
  assert_filter (f->db, query, match_duration);
  FRESH (); em_call_query_set_duration_range (query, -1, 19);
  assert_filter (f->db, query, match_short);
  FRESH (); em_call_query_set_direction (query, EM_CALL_DIRECTION_OUTBOUND);
  assert_filter (f->db, query, match_outbound);
  FRESH (); em_call_query_set_not_evaluated (query, TRUE);
  assert_filter (f->db, query, match_not_evaluated);
  FRESH (); em_call_query_set_sampled (query, TRUE);
  assert_filter (f->db, query, match_sampled);
  FRESH (); em_call_query_set_assigned_to (query, "李质检");
  assert_filter (f->db, query, match_assigned);

  /* Filters combine, and with a sort no index serves. */
  FRESH ();
  em_call_query_set_agent_id (query, agent_id (f->db, "agents", "code", "A03"));
  em_call_query_set_direction (query, EM_CALL_DIRECTION_OUTBOUND);
  em_call_query_set_time_range (query, NULL, from);
  g_date_time_unref (from);
  from = g_date_time_new_from_unix_utc (call_started_at (500));
  em_call_query_set_time_range (query, NULL, from);
  em_call_query_set_sort (query, EM_CALL_SORT_EVALUATION, TRUE);
  assert_filter (f->db, query, match_combined);
#undef FRESH
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *log)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (log, change, 3);
}

static void
test_items_changed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallListModel) model = em_call_list_model_new (f->db);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(EmCallQuery) query = em_call_query_copy (em_call_list_model_get_query (model));
  g_autoptr(EmDb) other = em_db_open (em_db_get_path (f->db), &error);
  guint n_outbound = 0;

  g_assert_no_error (error);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), log);
  g_assert_cmpstr (em_call_get_external_id (item (model, 0)), ==, "T00999");

  /* Another connection (an import thread) adds calls; refresh shows them
   * with one items-changed. */
  insert_calls (other, N_CALLS, 50);
  g_assert_true (em_call_list_model_refresh (model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (log, guint, 1), ==, N_CALLS);
  g_assert_cmpuint (g_array_index (log, guint, 2), ==, N_CALLS + 50);
  g_assert_cmpstr (em_call_get_external_id (item (model, 0)), ==, "T01049");

  /* The same query again changes nothing. */
  g_assert_true (em_call_list_model_set_query (model, query, &error));
  g_assert_cmpuint (log->len, ==, 3);

  /* A filter is one change too. */
  for (guint i = 0; i < N_CALLS + 50; i++)
    n_outbound += call_direction (i) == 2 ? 1 : 0;
  em_call_query_set_direction (query, EM_CALL_DIRECTION_OUTBOUND);
  g_assert_true (em_call_list_model_set_query (model, query, &error));
  g_assert_cmpuint (log->len, ==, 6);
  g_assert_cmpuint (g_array_index (log, guint, 4), ==, N_CALLS + 50);
  g_assert_cmpuint (g_array_index (log, guint, 5), ==, n_outbound);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_outbound);

  /* A sort done once into a temporary table is done again on refresh. */
  em_call_query_set_sort (query, EM_CALL_SORT_TEAM, TRUE);
  g_assert_true (em_call_list_model_set_query (model, query, &error));
  g_assert_cmpstr (em_call_get_team (item (model, 0)), ==, "二组");
  insert_calls (other, N_CALLS + 50, 4);
  g_assert_true (em_call_list_model_refresh (model, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 12);
  g_assert_cmpuint (g_array_index (log, guint, 11), ==, n_outbound + 1);   /* call 1052 */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_outbound + 1);
}

/* Asynchronous requests ------------------------------------------------- */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Outcome;

static void
on_set_query_done (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = em_call_list_model_set_query_finish (EM_CALL_LIST_MODEL (object), result, &outcome->error);
  outcome->done = TRUE;
}

static void
on_refresh_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = em_call_list_model_refresh_finish (EM_CALL_LIST_MODEL (object), result, &outcome->error);
  outcome->done = TRUE;
}

static void
wait_for (Outcome *outcome)
{
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!outcome->done && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (outcome->done);
}

static guint
count_matching (Predicate matches)
{
  guint n = 0;

  for (guint i = 0; i < N_CALLS; i++)
    n += matches (i) ? 1 : 0;
  return n;
}

/* Two queries in a row, as typing does: the first is dropped, the list
 * changes once, to the second.
 */
static void
test_async_newest_wins (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(EmCallListModel) model = em_call_list_model_new (f->db);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(EmCallQuery) outbound = em_call_query_new ();
  g_autoptr(EmCallQuery) team = em_call_query_new ();
  Outcome first = { 0 }, second = { 0 };

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), log);
  em_call_query_set_direction (outbound, EM_CALL_DIRECTION_OUTBOUND);
  em_call_query_set_search (team, "B0");
  em_call_query_set_sort (team, EM_CALL_SORT_TEAM, FALSE);   /* sorted once, in the thread */

  em_call_list_model_set_query_async (model, outbound, NULL, on_set_query_done, &first);
  em_call_list_model_set_query_async (model, team, NULL, on_set_query_done, &second);

  /* Asked for, not shown yet: the list still has every call. */
  g_assert_true (em_call_query_equal (em_call_list_model_get_query (model), team));
  g_assert_true (em_call_list_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_CALLS);

  wait_for (&second);
  wait_for (&first);
  g_assert_false (first.ok);
  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (second.ok);
  g_assert_no_error (second.error);
  g_assert_false (em_call_list_model_get_loading (model));

  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (log, guint, 1), ==, N_CALLS);
  g_assert_cmpuint (g_array_index (log, guint, 2), ==, count_matching (match_agent_b));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, count_matching (match_agent_b));

  /* 二组's calls by agent then time: B01's oldest first. */
  g_assert_cmpstr (em_call_get_external_id (item (model, 0)), ==, "T00003");
  for (guint i = 0; i < count_matching (match_agent_b); i++)
    g_assert_true (match_agent_b (call_index (item (model, i))));
  g_assert_cmpstr (em_call_get_agent_code (item (model, count_matching (match_agent_b) - 1)), ==, "B02");

  g_clear_error (&first.error);
}

/* A result that is ready but not yet applied when a newer query comes in
 * is dropped too.
 */
static void
test_async_stale_result_dropped (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(EmCallListModel) model = em_call_list_model_new (f->db);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(EmCallQuery) outbound = em_call_query_new ();
  g_autoptr(EmCallQuery) sampled = em_call_query_new ();
  Outcome first = { 0 }, second = { 0 };

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), log);
  em_call_query_set_direction (outbound, EM_CALL_DIRECTION_OUTBOUND);
  em_call_query_set_sampled (sampled, TRUE);

  em_call_list_model_set_query_async (model, outbound, NULL, on_set_query_done, &first);
  /* Give the thread time to finish while the main loop does not run. */
  g_usleep (300 * 1000);
  em_call_list_model_set_query_async (model, sampled, NULL, on_set_query_done, &second);

  wait_for (&second);
  wait_for (&first);
  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (second.ok);
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, 2), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, count_matching (match_sampled));
  g_assert_cmpstr (em_call_get_external_id (item (model, 0)), ==, "T00025");

  /* The query shown, asked again, changes nothing. */
  second.done = FALSE;
  em_call_list_model_set_query_async (model, sampled, NULL, on_set_query_done, &second);
  wait_for (&second);
  g_assert_true (second.ok);
  g_assert_cmpuint (log->len, ==, 3);

  g_clear_error (&first.error);
}

/* refresh_async() after another connection added calls: one change.  A
 * synchronous request in the meantime supersedes it.
 */
static void
test_async_refresh (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallListModel) model = em_call_list_model_new (f->db);
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(EmDb) other = em_db_open (em_db_get_path (f->db), &error);
  g_autoptr(EmCallQuery) outbound = em_call_query_new ();
  Outcome refreshed = { 0 }, superseded = { 0 };

  g_assert_no_error (error);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), log);
  insert_calls (other, N_CALLS, 10);

  em_call_list_model_refresh_async (model, NULL, on_refresh_done, &refreshed);
  wait_for (&refreshed);
  g_assert_true (refreshed.ok);
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpuint (g_array_index (log, guint, 2), ==, N_CALLS + 10);
  g_assert_cmpstr (em_call_get_external_id (item (model, 0)), ==, "T01009");

  em_call_list_model_refresh_async (model, NULL, on_refresh_done, &superseded);
  em_call_query_set_direction (outbound, EM_CALL_DIRECTION_OUTBOUND);
  g_assert_true (em_call_list_model_set_query (model, outbound, &error));
  wait_for (&superseded);
  g_assert_error (superseded.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (log->len, ==, 6);
  {
    gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (em_call_list_model_get_loading (model) && g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_false (em_call_list_model_get_loading (model));
  g_assert_cmpuint (log->len, ==, 6);   /* nothing more once the thread is done */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                    count_matching (match_outbound) + 3);   /* T01000, T01004, T01008 */

  g_clear_error (&superseded.error);
}

static void
test_empty_database (void)
{
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "earmark.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (path, &error);
  g_autoptr(EmCallListModel) model = NULL;

  g_assert_no_error (error);
  model = em_call_list_model_new (db);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 0));

  g_clear_object (&model);
  g_clear_object (&db);
  em_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/call-list-model/count-and-pages", test_count_and_pages);
  ADD ("/call-list-model/call-properties", test_call_properties);
  ADD ("/call-list-model/sort-orders", test_sort_orders);
  ADD ("/call-list-model/sort-orders-filtered", test_sort_orders_filtered);
  ADD ("/call-list-model/sort-team-first-rows", test_sort_team_first_rows);
  ADD ("/call-list-model/filters", test_filters);
  ADD ("/call-list-model/items-changed", test_items_changed);
  ADD ("/call-list-model/async-newest-wins", test_async_newest_wins);
  ADD ("/call-list-model/async-stale-result-dropped", test_async_stale_result_dropped);
  ADD ("/call-list-model/async-refresh", test_async_refresh);
#undef ADD
  g_test_add_func ("/call-list-model/empty-database", test_empty_database);

  return g_test_run ();
}

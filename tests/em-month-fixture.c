/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "em-month-fixture.h"
#include "em-test-util.h"

/* Two teams, five agents, the center in Asia/Shanghai (+8) except where a
 * row says otherwise.  May 2024 by the default scheme (seed 000 bands,
 * weights QA 50 + 5 × 10), worked by hand:
 *
 * A001 王芳 一组: 11 calls.  Wait ≤ 20 s on 9 of the 10 with a known wait
 *   (one waited exactly 20 s, one 21 s, one unknown) = 90.00 % → 10.
 *   Ratings 1,2,3,4,4,4,5,5,5,5: 7 of 10 rated 4–5 = 70 % → 6; mean
 *   (1·1+1·2+1·3+3·4+4·5)/10 = 3.80 (seed 002).  Resolved 9 of 10 known →
 *   10.  Talk 1980 s / 11 = 3:00 exactly → 10.  Tickets 3 of 4 on time
 *   (one closed exactly at its due time) = 75 % → 6.  Finalised, not
 *   excluded evaluations 92.50 and 87.50 → QA 90.00 (an excluded 40, a
 *   draft 10 and a submitted 50 are left out).
 *   Total = (50·90 + 10·(100+60+100+100+60)) / 100 = 87.00, 良好.
 * A002 李娜 一组: 10,000 calls, 8,999 answered within 20 s = 89.99 % → 8,
 *   every call 181 s = 3:01 → 8; no ratings, resolved flags, tickets or
 *   evaluations, so only those two count: total (10·80 + 10·80)/20 = 80.00.
 * A003 张伟 一组: 2 calls of 10:00 → 4 (10:00 is still "≤ 10 min"), waits
 *   unknown; evaluations 90 and 86 → QA 88.00.
 *   Total = (50·88 + 10·40) / 60 = 80.00.
 * B001 陈静 二组: 2 May calls by local date: 2024-05-01 00:30 at +8
 *   (April in UTC) and 2024-05-31 22:00 at −5 (June in UTC); its
 *   2024-06-01 00:30 (+8) call is June's.  Waits 10, 30 → 50 % → 2; talk
 *   150 s → 10; ratings 5, 4 → 100 % → 10, mean 4.50; resolved 2/2 → 10;
 *   one ticket never closed → 0 % → 2; QA 70.00.
 *   Total = (50·70 + 10·(20+100+100+100+20)) / 100 = 69.00, 合格.
 * B002 刘洋 二组: 5 calls, waits 0–20 → 100 % → 10, talk 2100/5 = 7:00 → 6;
 *   QA 80.00.  Total = (50·80 + 10·100 + 10·60) / 70 = 80.00.
 *
 * Ranks: A001 1; A002, A003, B002 tie at 80.00 → 2; B001 5.  In 一组: A001
 * 1, A002 2, A003 2; in 二组: B002 1, B001 2.
 *
 * Teams pool their calls (seed 002): 一组 answered 9008/10010 = 89.99 % →
 * 8, satisfied 7/10 → 6, resolved 9/10 → 10, talk 1,813,180 s / 10,013 =
 * 181.08 s → 8, tickets 3/4 → 6, QA (92.5+87.5+90+86)/4 = 89.00: total
 * (50·89 + 10·(80+60+100+80+60))/100 = 82.50.  二组: 6/7 = 85.71 % → 8,
 * 2/2 → 10, 2/2 → 10, 2400/7 = 342.86 s → 6, 0/1 → 2, QA 75.00: total
 * 73.50.  The center: 9014/10017 → 8, 9/12 = 75 % → 6, 11/12 → 10,
 * 181.20 s → 8, 3/5 = 60 % → 4, QA 506/6 = 84.33: total
 * (50·84.33 + 10·(80+60+100+80+40))/100 = 78.165 → 78.17.
 *
 * Other periods: B001's April call (wait 40, 15:00, resolved, QA 60) and
 * June call (wait 5, 1:00, rated 1, unresolved, QA 50) make its 2024-Q2
 * 50.00 (waits 2/4 → 2, talk 315 s → 6, satisfied 2/3 → 4, resolved 3/4 →
 * 6, tickets 0/1 → 2, QA 60.00).  B002's call at 2024-01-01 04:00 (+8,
 * 2023 in UTC; wait 100, 1:00, QA 100) is in 2024, its 2023-12-31 18:00
 * call (QA 0) is not: 2024 gives B002 waits 5/6 → 8, talk 360 s → 6, QA
 * 90.00, total (50·90 + 10·80 + 10·60)/70 = 84.29.
 */

typedef struct
{
  const char *id;
  const char *agent;
  const char *local;      /* local wall-clock time */
  int         offset_h;
  int         duration;
  int         wait;       /* -1: unknown */
  int         rating;     /* 0: none */
  int         resolved;   /* -1: unknown */
  int         ticket;     /* 0 none, 1 closed early, 2 closed at the due time, 3 late, 4 never closed */
  const char *caller;
} CallRow;

static const CallRow calls[] = {
  { "A001-01", "A001", "2024-05-02 09:00:00", 8, 100,  5, 1,  1, 1, "13812345678" },
  { "A001-02", "A001", "2024-05-02 10:00:00", 8, 260, 10, 2,  1, 2, "13987654321" },
  { "A001-03", "A001", "2024-05-02 11:00:00", 8, 180, 15, 3,  1, 1, "010-62345678" },
  { "A001-04", "A001", "2024-05-02 12:00:00", 8, 180, 20, 4,  1, 3, "13700001111" },
  { "A001-05", "A001", "2024-05-02 13:00:00", 8, 200,  0, 4,  1, 0, "13700002222" },
  { "A001-06", "A001", "2024-05-02 14:00:00", 8, 160,  3, 4,  1, 0, NULL },
  { "A001-07", "A001", "2024-05-02 15:00:00", 8, 150,  8, 5,  1, 0, NULL },
  { "A001-08", "A001", "2024-05-02 16:00:00", 8, 210, 12, 5,  1, 0, NULL },
  { "A001-09", "A001", "2024-05-02 17:00:00", 8, 190, 19, 5,  1, 0, NULL },
  { "A001-10", "A001", "2024-05-02 18:00:00", 8, 170, 21, 5,  0, 0, NULL },
  { "A001-11", "A001", "2024-05-02 19:00:00", 8, 180, -1, 0, -1, 0, NULL },
  { "A003-01", "A003", "2024-05-03 10:00:00", 8, 600, -1, 0, -1, 0, "13600000001" },
  { "A003-02", "A003", "2024-05-03 11:00:00", 8, 600, -1, 0, -1, 0, "13600000002" },
  { "B001-01", "B001", "2024-05-01 00:30:00", 8, 100, 10, 5,  1, 4, "13500000001" },
  { "B001-02", "B001", "2024-05-31 22:00:00", -5, 200, 30, 4,  1, 0, "13500000002" },
  { "B001-06", "B001", "2024-06-01 00:30:00", 8,  60,  5, 1,  0, 0, "13500000003" },
  { "B001-04", "B001", "2024-04-15 10:00:00", 8, 900, 40, 0,  1, 0, "13500000004" },
  { "B002-01", "B002", "2024-05-04 09:00:00", 8, 300,  0, 0, -1, 0, "13300000001" },
  { "B002-02", "B002", "2024-05-04 10:00:00", 8, 400,  5, 0, -1, 0, NULL },
  { "B002-03", "B002", "2024-05-04 11:00:00", 8, 420, 10, 0, -1, 0, NULL },
  { "B002-04", "B002", "2024-05-04 12:00:00", 8, 480, 15, 0, -1, 0, NULL },
  { "B002-05", "B002", "2024-05-04 13:00:00", 8, 500, 20, 0, -1, 0, NULL },
  { "B002-J1", "B002", "2024-01-01 04:00:00", 8,  60, 100, 0, -1, 0, NULL },
  { "B002-D1", "B002", "2023-12-31 18:00:00", 8,  10,  1, 0, -1, 0, NULL },
};

typedef struct
{
  const char *call;
  int         version;    /* scorecard_versions.id */
  int         status;     /* 0 draft, 1 submitted, 2 finalised */
  int         total;      /* centi-points */
  int         excluded;
  const char *inspector;
  const char *items;      /* "item=centi;item=centi" */
} EvaluationRow;

static const EvaluationRow evaluations[] = {
  { "A001-01", 1, 2, 9250, 0, "质检员甲", "info.accurate=400;lang.taboo=200;lang.casual=150" },
  { "A001-02", 1, 2, 8750, 0, "质检员甲", "info.accurate=800;lang.taboo=400;lang.casual=50" },
  { "A001-03", 1, 2, 4000, 1, "质检员乙", "info.accurate=800;service.hangup=5200" },
  { "A001-04", 1, 0, 1000, 0, "质检员乙", "lang.taboo=9000" },
  { "A001-05", 1, 1, 5000, 0, "质检员乙", "lang.taboo=5000" },
  { "A003-01", 1, 2, 9000, 0, "质检员甲", "lang.taboo=1000" },
  { "A003-02", 1, 2, 8600, 0, "质检员甲", "info.accurate=800;lang.taboo=600" },
  { "B001-01", 1, 2, 7000, 0, "质检员乙", "service.hangup=3000" },
  { "B001-06", 1, 2, 5000, 0, "质检员乙", "service.hangup=5000" },
  { "B001-04", 1, 2, 6000, 0, "质检员乙", "lang.taboo=4000" },
  { "B002-01", 2, 2, 8000, 0, "质检员甲", "info.accurate=800;lang.taboo=1200" },
  { "B002-J1", 2, 2, 10000, 0, "质检员甲", "" },
  { "B002-D1", 1, 2, 0, 0, "质检员甲", "service.hangup=10000" },
};

static const char scorecard_v1[] =
  "[Scorecard]\n"
  "Id=hotline-call-qa\n"
  "Title=热线通话质检评分表\n"
  "Title[en]=Hotline call QA\n"
  "Version=1\n"
  "\n"
  "[Section:info]\n"
  "Title=信息内容准确\n"
  "Points=20\n"
  "\n"
  "[Item:info.accurate]\n"
  "Section=info\n"
  "Title=信息内容准确无误\n"
  "Title[en]=Information accurate\n"
  "Kind=deduct\n"
  "Points=8\n"
  "PerOccurrence=4\n"
  "\n"
  "[Item:lang.taboo]\n"
  "Title=服务禁语\n"
  "Title[en]=Forbidden phrases\n"
  "Kind=penalty\n"
  "PerOccurrence=2\n"
  "\n"
  "[Item:lang.casual]\n"
  "Title=语言随意\n"
  "Title[en]=Casual language\n"
  "Kind=penalty\n"
  "PerOccurrence=0.5\n"
  "\n"
  "[Item:service.hangup]\n"
  "Title=提前挂机\n"
  "Title[en]=Hanging up early\n"
  "Kind=penalty\n"
  "PerOccurrence=10\n"
  "ComplaintMultiplier=2\n";

static void
exec_sql (EmDb       *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  em_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static gint64
local_to_epoch (const char *local)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, mo, d, h, mi, s;

  g_assert_cmpint (sscanf (local, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s), ==, 6);
  dt = g_date_time_new_utc (y, mo, d, h, mi, s);
  return g_date_time_to_unix (dt);
}

static void
insert_call (sqlite3_stmt  *stmt,
             const CallRow *row)
{
  gint64 offset = (gint64) row->offset_h * 3600;
  gint64 started = local_to_epoch (row->local) - offset;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_text (stmt, 1, row->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row->agent, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, started);
  sqlite3_bind_int64 (stmt, 4, offset);
  sqlite3_bind_int (stmt, 5, row->duration);
  if (row->wait >= 0)
    sqlite3_bind_int (stmt, 6, row->wait);
  if (row->rating > 0)
    sqlite3_bind_int (stmt, 7, row->rating);
  if (row->resolved >= 0)
    sqlite3_bind_int (stmt, 8, row->resolved);
  if (row->ticket > 0)
    sqlite3_bind_int64 (stmt, 9, started + 86400);
  if (row->ticket > 0 && row->ticket < 4)
    sqlite3_bind_int64 (stmt, 10, started + 86400 + (row->ticket == 1 ? -3600 : row->ticket == 2 ? 0 : 1));
  if (row->caller != NULL)
    sqlite3_bind_text (stmt, 11, row->caller, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static sqlite3_stmt *
prepare_call_insert (EmDb *db)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = em_db_prepare (db,
    "INSERT INTO calls (external_id, agent_id, started_at, utc_offset, duration_s, wait_s,"
    "                   satisfaction, resolved, ticket_due, ticket_closed, caller)"
    " VALUES (?1, (SELECT id FROM agents WHERE code = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    &error);

  g_assert_no_error (error);
  return stmt;
}

/* A002: 10,000 calls on May's 31 days, 8,999 of them answered in 15 s. */
static void
insert_bulk_calls (sqlite3_stmt *stmt)
{
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *id = g_strdup_printf ("A002-%05u", i);
      g_autofree char *local = g_strdup_printf ("2024-05-%02u %02u:%02u:00", i % 31 + 1, 8 + i % 10, i % 60);
      CallRow row = { id, "A002", local, 8, 181, i < 8999 ? 15 : 25, 0, -1, 0, NULL };

      insert_call (stmt, &row);
    }
}

static void
insert_items (EmDb       *db,
              gint64      evaluation_id,
              const char *items)
{
  g_auto(GStrv) parts = g_strsplit (items, ";", -1);

  for (guint i = 0; parts[i] != NULL && *parts[i]; i++)
    {
      g_auto(GStrv) pair = g_strsplit (parts[i], "=", 2);
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO evaluation_items (evaluation_id, item_id, section_id, occurrences, deduction)"
        " VALUES (%" G_GINT64_FORMAT ", '%s', %s, 1, %s)",
        evaluation_id, pair[0], g_str_has_prefix (pair[0], "info.") ? "'info'" : "NULL", pair[1]);

      exec_sql (db, sql);
    }
}

static void
insert_evaluation (EmDb                *db,
                   const EvaluationRow *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db,
    "INSERT INTO evaluations (call_id, scorecard_version_id, inspector, status, total, fatal,"
    "                         excluded, answers, created_at, updated_at)"
    " VALUES ((SELECT id FROM calls WHERE external_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7, '', 0, 0)",
    &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, row->call, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, row->version);
  sqlite3_bind_text (stmt, 3, row->inspector, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, row->status);
  sqlite3_bind_int (stmt, 5, row->total);
  sqlite3_bind_int (stmt, 6, row->total == 0);
  sqlite3_bind_int (stmt, 7, row->excluded);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  insert_items (db, sqlite3_last_insert_rowid (em_db_get_handle (db)), row->items);
}

static void
insert_scorecards (EmDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) v2 = g_string_new (scorecard_v1);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* Revision 2 renames one item: reports show the newest title. */
  g_string_replace (v2, "Title=信息内容准确无误\nTitle[en]=Information accurate\n",
                    "Title=信息内容准确（修订）\nTitle[en]=Information accurate (rev. 2)\n", 1);
  g_string_replace (v2, "Version=1", "Version=2", 1);

  exec_sql (db, "INSERT INTO scorecards (id, key, title) VALUES (1, 'hotline-call-qa', '热线通话质检评分表')");
  stmt = em_db_prepare (db,
                        "INSERT INTO scorecard_versions (id, scorecard_id, revision, file_version, source,"
                        "                                checksum, frozen, created_at)"
                        " VALUES (?1, 1, ?1, ?1, ?2, ?3, 1, 0)",
                        &error);
  g_assert_no_error (error);

  for (int version = 1; version <= 2; version++)
    {
      const char *source = version == 1 ? scorecard_v1 : v2->str;
      g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, source, -1);

      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, version);
      sqlite3_bind_text (stmt, 2, source, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, checksum, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    }
}

void
em_month_fixture_fill (EmDb *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  exec_sql (db, "BEGIN");
  exec_sql (db,
            "INSERT INTO teams (id, name) VALUES (1, '一组'), (2, '二组');"
            "INSERT INTO agents (code, name, team_id) VALUES"
            " ('A001', '王芳', 1), ('A002', '李娜', 1), ('A003', '张伟', 1),"
            " ('B001', '陈静', 2), ('B002', '刘洋', 2), ('C001', '空闲', 2);");

  stmt = prepare_call_insert (db);
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    insert_call (stmt, &calls[i]);
  insert_bulk_calls (stmt);

  insert_scorecards (db);
  for (guint i = 0; i < G_N_ELEMENTS (evaluations); i++)
    insert_evaluation (db, &evaluations[i]);
  exec_sql (db, "COMMIT");
}

/* Creates DIR/month.db filled as above and returns its path. */
char *
em_month_fixture_create (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "month.db", NULL);
  g_autoptr(EmDb) db = em_db_open (path, &error);

  g_assert_no_error (error);
  em_month_fixture_fill (db);
  return g_steal_pointer (&path);
}

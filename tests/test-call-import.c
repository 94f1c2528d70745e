/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "em-call-import.h"
#include "em-call-import-private.h"
#include "em-db.h"
#include "em-error.h"
#include "em-test-util.h"

/* The call import (DESIGN.md §3).  The tests run with TZ=Asia/Shanghai, so
 * a time without an offset is UTC+8 unless the database names another
 * center time zone.
 */

typedef struct
{
  char *dir;
  char *db_path;
  EmDb *db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = em_test_make_tmpdir ();
  f->db_path = g_build_filename (f->dir, "earmark.db", NULL);
  f->db = em_db_open (f->db_path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->db);
  em_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

static char *
write_csv (Fixture    *f,
           const char *name,
           const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);

  em_test_write_file (path, contents, -1);
  return path;
}

static EmCallImportReport *
import (Fixture            *f,
        const char         *path,
        EmCallImportFlags   flags,
        GError            **error)
{
  return em_call_import_file (f->db, path, flags, NULL, NULL, NULL, error);
}

static EmCallImportReport *
import_fixture (Fixture           *f,
                const char        *name,
                EmCallImportFlags  flags,
                GError           **error)
{
  g_autofree char *path = em_test_fixture (name);

  return import (f, path, flags, error);
}

static gint64
count_rows (EmDb       *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
assert_nothing_stored (Fixture *f)
{
  g_assert_cmpint (count_rows (f->db, "calls"), ==, 0);
  g_assert_cmpint (count_rows (f->db, "agents"), ==, 0);
  g_assert_cmpint (count_rows (f->db, "teams"), ==, 0);
  g_assert_cmpint (count_rows (f->db, "imports"), ==, 0);
}

/* One stored call as "agent|started_at|utc_offset|duration|wait|direction|
 * caller|queue|satisfaction|resolved|ticket_due|ticket_closed|recording".
 */
static char *
describe_call (EmDb       *db,
               const char *external_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  stmt = em_db_prepare (db,
                        "SELECT a.code, c.started_at, c.utc_offset, c.duration_s, c.wait_s, "
                        "  c.direction, c.caller, c.queue, c.satisfaction, c.resolved, "
                        "  c.ticket_due, c.ticket_closed, c.recording "
                        "FROM calls c JOIN agents a ON a.id = c.agent_id WHERE c.external_id = ?1",
                        NULL);
  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, external_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup ("(not stored)");

  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      if (i > 0)
        g_string_append_c (out, '|');
      if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
        g_string_append (out, "NULL");
      else
        g_string_append (out, (const char *) sqlite3_column_text (stmt, i));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_call(db, id, expected) \
  G_STMT_START { \
    g_autofree char *_described = describe_call ((db), (id)); \
    g_assert_cmpstr (_described, ==, (expected)); \
  } G_STMT_END

/* "name|team" of an agent. */
static char *
describe_agent (EmDb       *db,
                const char *code)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = em_db_prepare (db,
                        "SELECT a.name || '|' || coalesce (t.name, 'NULL') "
                        "FROM agents a LEFT JOIN teams t ON t.id = a.team_id WHERE a.code = ?1",
                        NULL);
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return g_strdup ("(no agent)");

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

#define assert_agent(db, code, expected) \
  G_STMT_START { \
    g_autofree char *_described = describe_agent ((db), (code)); \
    g_assert_cmpstr (_described, ==, (expected)); \
  } G_STMT_END

/* The report's problems as the CLI prints them, without the file name. */
static char *
describe_problems (EmCallImportReport *report)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < em_call_import_report_get_n_problems (report); i++)
    {
      const EmCallImportProblem *problem = em_call_import_report_get_problem (report, i);

      g_string_append_printf (out, "%u: ", problem->line);
      if (*problem->column != '\0')
        g_string_append_printf (out, "%s: ", problem->column);
      g_string_append_printf (out, "%s\n", problem->reason);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_problems(report, expected) \
  G_STMT_START { \
    g_autofree char *_described = describe_problems (report); \
    g_assert_cmpstr (_described, ==, (expected)); \
  } G_STMT_END

static void
assert_counts (EmCallImportReport *report,
               guint               imported,
               guint               duplicates,
               guint               skipped)
{
  g_assert_nonnull (report);
  g_assert_cmpuint (em_call_import_report_get_n_imported (report), ==, imported);
  g_assert_cmpuint (em_call_import_report_get_n_duplicates (report), ==, duplicates);
  g_assert_cmpuint (em_call_import_report_get_n_skipped (report), ==, skipped);
}

/* UTF-8, LF, English headers; quoted commas, quotes and line breaks; the
 * three timestamp forms and the three duration forms.
 */
static void
test_utf8 (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = import_fixture (f, "calls/calls-utf8.csv", 0, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *expected_path = em_test_fixture ("calls/calls-utf8.csv");
  const char * const *unknown;

  g_assert_no_error (error);
  assert_counts (report, 5, 0, 0);
  g_assert_cmpuint (em_call_import_report_get_n_problems (report), ==, 0);
  g_assert_cmpuint (em_call_import_report_get_n_rows (report), ==, 5);
  g_assert_cmpstr (em_call_import_report_get_encoding (report), ==, "UTF-8");

  unknown = em_call_import_report_get_unknown_columns (report);
  g_assert_cmpstr (unknown[0], ==, "note");
  g_assert_null (unknown[1]);

  /* 09:15 in Shanghai is 01:15 UTC; "+08:00" and "Z" say the same moment
   * with different offsets.
   */
  assert_call (f->db, "HL-0001",
               "A001|1772327700|28800|125|5|1|13812345678|政策咨询|5|1|1772586900|1772438400|"
               "2026/03/01/HL-0001.wav");
  assert_call (f->db, "HL-0002", "A002|1772330400|28800|125|NULL|2|NULL|the \"VIP\" line|NULL|0|NULL|NULL|NULL");
  assert_call (f->db, "HL-0003", "A001|1772327700|28800|200|12|1|13900001111|投诉举报|3|1|NULL|NULL|"
               "/srv/rec/HL-0003.wav");
  assert_call (f->db, "HL-0004", "A003|1772327700|0|0|NULL|2|NULL|NULL|1|0|NULL|NULL|NULL");
  assert_call (f->db, "HL-0005", "A003|1774972799|28800|3600|NULL|0|NULL|NULL|NULL|NULL|NULL|NULL|NULL");

  assert_agent (f->db, "A001", "王芳|热线一组");
  assert_agent (f->db, "A002", "Li, Lei|热线二组");
  g_assert_cmpint (count_rows (f->db, "agents"), ==, 3);
  g_assert_cmpint (count_rows (f->db, "teams"), ==, 2);

  /* The import is recorded, with the file's absolute path. */
  stmt = em_db_prepare (f->db, "SELECT id, path, n_imported, n_duplicate, n_skipped FROM imports", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, em_call_import_report_get_import_id (report));
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, expected_path);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 5);
  g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 4), ==, 0);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

/* Excel's "CSV UTF-8": a BOM, CRLF, Chinese headers in another order. */
static void
test_bom_crlf_chinese_headers (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = import_fixture (f, "calls/calls-zh-bom-crlf.csv", 0, &error);

  g_assert_no_error (error);
  assert_counts (report, 2, 0, 0);
  g_assert_cmpstr (em_call_import_report_get_encoding (report), ==, "UTF-8 with BOM");
  g_assert_null (em_call_import_report_get_unknown_columns (report)[0]);

  assert_call (f->db, "ZH-0001", "A001|1772411400|28800|300|15|1|13812345678|政策咨询|4|1|NULL|NULL|"
               "2026/03/02/ZH-0001.wav");
  assert_call (f->db, "ZH-0002", "A002|1772413205|28800|45|NULL|2|NULL|求助,紧急|NULL|0|NULL|NULL|NULL");
  assert_agent (f->db, "A001", "王芳|热线一组");
  assert_agent (f->db, "A002", "李磊|热线二组");
}

/* What Excel or WPS save on Chinese Windows: GBK bytes, other aliases, a
 * unit in a header ("通话时长(秒)").
 */
static void
test_gbk (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = import_fixture (f, "calls/calls-gbk.csv", 0, &error);

  g_assert_no_error (error);
  assert_counts (report, 2, 0, 0);
  g_assert_cmpstr (em_call_import_report_get_encoding (report), ==, "GB18030");
  g_assert_null (em_call_import_report_get_unknown_columns (report)[0]);

  assert_call (f->db, "GB-0001", "A101|1772690400|28800|600|8|1|13700000000|投诉举报|2|0|1772949600|NULL|"
               "录音/GB-0001.wav");
  assert_call (f->db, "GB-0002", "A102|1772690700|28800|90|NULL|2|NULL|供水,供电|5|1|NULL|NULL|NULL");
  assert_agent (f->db, "A101", "欧阳娜娜|投诉组");
  assert_agent (f->db, "A102", "赵敏|投诉组");
}

/* Every kind of bad row, line numbers counted past a three-line field, the
 * column named as written ("Duration").
 */
static const char bad_rows_report[] =
  "5: agent_code: a value is required\n"
  "6: started_at: '2026-02-30 09:02:00' is not a date and time like 2026-03-01 09:15:00\n"
  "7: Duration: 'abc' is not a number of seconds or HH:MM:SS\n"
  "8: wait: '1:2:3' is not a number of seconds or HH:MM:SS\n"
  "9: direction: 'sideways' is not a direction (in/out, inbound/outbound, 呼入/呼出)\n"
  "10: satisfaction: '6' is not a satisfaction rating from 1 to 5\n"
  "11: resolved: 'maybe' is not yes or no (1/0, yes/no, true/false, 是/否)\n"
  "12: ticket_due: 'soon' is not a date and time like 2026-03-01 09:15:00\n"
  "13: call_id: the call id 'B-01' is already used on line 2\n"
  "14: call_id: a value is required\n"
  "15: started_at: a value is required\n"
  "15: Duration: a value is required\n"
  "17: call_id: the call id 'B-04' is already used on line 7\n";

static void
test_bad_rows_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = import_fixture (f, "calls/calls-bad.csv", 0, &error);

  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "12 bad rows"));
  g_assert_nonnull (report);

  assert_problems (report, bad_rows_report);
  assert_counts (report, 0, 0, 0);
  g_assert_cmpuint (em_call_import_report_get_n_rows (report), ==, 14);
  g_assert_cmpuint (em_call_import_report_get_n_bad_rows (report), ==, 12);
  g_assert_cmpint (em_call_import_report_get_import_id (report), ==, 0);

  /* All or nothing: not even the good rows or their agents. */
  assert_nothing_stored (f);
}

static void
test_bad_rows_skipped (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autoptr(EmCallImportReport) again = NULL;

  report = import_fixture (f, "calls/calls-bad.csv", EM_CALL_IMPORT_SKIP_BAD, &error);
  g_assert_no_error (error);
  assert_counts (report, 2, 0, 12);
  assert_problems (report, bad_rows_report);

  g_assert_cmpint (count_rows (f->db, "calls"), ==, 2);
  assert_call (f->db, "B-01", "A001|1772326800|28800|60|NULL|1|NULL|NULL|NULL|NULL|NULL|NULL|NULL");
  assert_call (f->db, "B-11", "A001|1772327460|28800|60|NULL|1|NULL|NULL|NULL|NULL|NULL|NULL|NULL");
  /* A skipped row leaves no trace, not even its agent (A002 on line 13). */
  assert_agent (f->db, "A002", "(no agent)");

  /* Again: the stored rows are duplicates, the bad rows are still bad and
   * reported the same way.
   */
  again = import_fixture (f, "calls/calls-bad.csv", EM_CALL_IMPORT_SKIP_BAD, &error);
  g_assert_no_error (error);
  assert_counts (again, 0, 2, 12);
  assert_problems (again, bad_rows_report);
  g_assert_cmpint (count_rows (f->db, "calls"), ==, 2);
  g_assert_cmpint (count_rows (f->db, "imports"), ==, 2);
}

static void
test_reimport (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) first = import_fixture (f, "calls/calls-utf8.csv", 0, &error);
  g_autoptr(EmCallImportReport) second = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  assert_counts (first, 5, 0, 0);

  second = import_fixture (f, "calls/calls-utf8.csv", 0, &error);
  g_assert_no_error (error);
  assert_counts (second, 0, 5, 0);
  g_assert_cmpuint (em_call_import_report_get_n_problems (second), ==, 0);

  g_assert_cmpint (count_rows (f->db, "calls"), ==, 5);
  g_assert_cmpint (count_rows (f->db, "agents"), ==, 3);

  /* Each call still belongs to the import that brought it. */
  stmt = em_db_prepare (f->db, "SELECT count(*) FROM calls WHERE import_id = ?1", NULL);
  sqlite3_bind_int64 (stmt, 1, em_call_import_report_get_import_id (first));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 5);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = em_db_prepare (f->db, "SELECT n_imported, n_duplicate FROM imports WHERE id = ?1", NULL);
  sqlite3_bind_int64 (stmt, 1, em_call_import_report_get_import_id (second));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 5);
}

/* The newest import knows an agent's name and team; a re-imported old file
 * (all duplicates) changes nothing.
 */
static void
test_agent_updates (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autofree char *moved = write_csv (f, "moved.csv",
                                      "call_id,agent_code,agent_name,team,started_at,duration\n"
                                      "M-1,A001,王芳芳,热线二组,2026-04-01 09:00:00,60\n"
                                      "M-2,A003,,,2026-04-01 09:01:00,60\n");

  report = import_fixture (f, "calls/calls-utf8.csv", 0, &error);
  g_assert_no_error (error);
  g_clear_pointer (&report, em_call_import_report_free);

  report = import (f, moved, 0, &error);
  g_assert_no_error (error);
  assert_counts (report, 2, 0, 0);
  g_clear_pointer (&report, em_call_import_report_free);
  assert_agent (f->db, "A001", "王芳芳|热线二组");
  /* Empty name and team: what is known stays. */
  assert_agent (f->db, "A003", "张伟|热线一组");

  report = import_fixture (f, "calls/calls-utf8.csv", 0, &error);
  g_assert_no_error (error);
  assert_counts (report, 0, 5, 0);
  assert_agent (f->db, "A001", "王芳芳|热线二组");
}

/* CRLF with CRLF inside a quoted field, blank lines and a spreadsheet's
 * empty ",,," row: the line numbers are the ones an editor shows.
 */
static void
test_crlf_line_numbers (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autofree char *path = write_csv (f, "crlf.csv",
                                     "call_id,agent_code,started_at,duration,queue\r\n"       /* 1 */
                                     "\r\n"                                                   /* 2 */
                                     "C-1,A001,2026-03-01 09:00:00,60,\"one\r\ntwo\"\r\n"     /* 3-4 */
                                     ",,,,\r\n"                                               /* 5 */
                                     "C-2,A001,2026-03-01 09:00:00,x,\r\n"                    /* 6 */
                                     "\r\n"                                                   /* 7 */
                                     "C-3,A001,2026-03-01 09:00:00,61,\"a\nb\nc\"\r\n"        /* 8-10 */
                                     "C-4,A001,yesterday,62,\r\n");                           /* 11 */

  report = import (f, path, EM_CALL_IMPORT_SKIP_BAD, &error);
  g_assert_no_error (error);
  assert_counts (report, 2, 0, 2);
  assert_problems (report,
                   "6: duration: 'x' is not a number of seconds or HH:MM:SS\n"
                   "11: started_at: 'yesterday' is not a date and time like 2026-03-01 09:15:00\n");

  /* The value keeps its line break. */
  assert_call (f->db, "C-1", "A001|1772326800|28800|60|NULL|0|NULL|one\r\ntwo|NULL|NULL|NULL|NULL|NULL");
}

static void
test_missing_required_columns (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autofree char *path = write_csv (f, "no-id.csv",
                                     "\n"
                                     "工号,开始时间,备注\n"
                                     "A001,2026-03-01 09:00:00,x\n");

  /* Refused whole, even when bad rows may be skipped. */
  report = import (f, path, EM_CALL_IMPORT_SKIP_BAD, &error);
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  assert_problems (report,
                   "2: call_id: the required column is missing (its header can be one of: "
                   "call_id, 通话编号, 呼叫ID, 流水号)\n"
                   "2: duration: the required column is missing (its header can be one of: "
                   "duration, 通话时长)\n");
  assert_counts (report, 0, 0, 0);
  assert_nothing_stored (f);
}

/* Saved with semicolons (a European Excel): the report says so. */
static void
test_other_separator (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autofree char *path = write_csv (f, "semicolons.csv",
                                     "call_id;agent_code;started_at;duration\n"
                                     "S-1;A001;2026-03-01 09:00:00;60\n");
  const EmCallImportProblem *problem;

  report = import (f, path, 0, &error);
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  g_assert_cmpuint (em_call_import_report_get_n_problems (report), ==, 4);
  problem = em_call_import_report_get_problem (report, 0);
  g_assert_cmpuint (problem->line, ==, 1);
  g_assert_cmpstr (problem->column, ==, "call_id");
  g_assert_true (g_str_has_suffix (problem->reason, "separated by semicolons or tabs, not commas"));
  assert_nothing_stored (f);
}

static void
test_column_twice (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autofree char *path = write_csv (f, "twice.csv",
                                     "call_id,坐席工号,started_at,duration,工号\n"
                                     "C-1,A001,2026-03-01 09:00:00,60,A002\n");

  report = import (f, path, 0, &error);
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  assert_problems (report, "1: 工号: the column appears twice (also as “坐席工号”)\n");
  assert_nothing_stored (f);
}

static void
test_header_variants (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autofree char *path = write_csv (f, "variants.csv",
                                     "Call ID, AGENT-CODE ,Started At,Duration (s),等待时长（秒）,"
                                     "呼叫ID备注,\n"
                                     "V-1,A001,2026-03-01 09:00:00,60,5,x,\n");

  report = import (f, path, 0, &error);
  g_assert_no_error (error);
  assert_counts (report, 1, 0, 0);
  assert_call (f->db, "V-1", "A001|1772326800|28800|60|5|0|NULL|NULL|NULL|NULL|NULL|NULL|NULL");

  /* An empty header is not listed as unknown; a near miss is. */
  g_assert_cmpstr (em_call_import_report_get_unknown_columns (report)[0], ==, "呼叫ID备注");
  g_assert_null (em_call_import_report_get_unknown_columns (report)[1]);
}

static void
test_extra_fields (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autofree char *path = write_csv (f, "extra.csv",
                                     "call_id,agent_code,started_at,duration\n"
                                     "E-1,A001,2026-03-01 09:00:00,60,,\n"
                                     "E-2,A001,2026-03-01 09:00:00,60,oops\n");

  report = import (f, path, EM_CALL_IMPORT_SKIP_BAD, &error);
  g_assert_no_error (error);
  /* Trailing empty fields are harmless; a value without a column is not. */
  assert_counts (report, 1, 0, 1);
  assert_problems (report, "3: the row has 5 fields but the header has 4 columns (is a quote missing?)\n");
}

static void
test_empty_files (Fixture       *f,
                  gconstpointer  data)
{
  const char * const empties[] = { "", "\xef\xbb\xbf", "\n\r\n\n", ",,,\n" };
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autofree char *header_only = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (empties); i++)
    {
      g_autofree char *path = write_csv (f, "empty.csv", empties[i]);

      report = import (f, path, EM_CALL_IMPORT_SKIP_BAD, &error);
      g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
      assert_problems (report, "1: the file is empty: there is no header row\n");
      g_clear_error (&error);
      g_clear_pointer (&report, em_call_import_report_free);
      assert_nothing_stored (f);
    }

  /* A header and no rows is an empty call list, not an error. */
  header_only = write_csv (f, "header.csv", "call_id,agent_code,started_at,duration\r\n");
  report = import (f, header_only, 0, &error);
  g_assert_no_error (error);
  assert_counts (report, 0, 0, 0);
  g_assert_cmpint (count_rows (f->db, "imports"), ==, 1);
}

static void
test_unclosed_quote (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autofree char *path = write_csv (f, "quote.csv",
                                     "call_id,agent_code,started_at,duration,queue\n"
                                     "Q-1,A001,2026-03-01 09:00:00,60,ok\n"
                                     "Q-2,A001,2026-03-01 09:00:00,60,\"never closed\n"
                                     "Q-3,A001,2026-03-01 09:00:00,60,x\n");

  report = import (f, path, EM_CALL_IMPORT_SKIP_BAD, &error);
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  assert_problems (report,
                   "3: a quoted value that starts in this row is never closed (a \" is missing), "
                   "so the rest of the file cannot be read\n");
  assert_nothing_stored (f);
}

static void
test_center_timezone (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autofree char *path = write_csv (f, "berlin.csv",
                                     "call_id,agent_code,started_at,duration\n"
                                     "T-1,A001,2026-03-01 09:15:00,60\n"
                                     "T-2,A001,2026-07-01 12:00:00,60\n"
                                     "T-3,A001,2026-07-01T12:00:00+08:00,60\n");

  g_assert_true (em_db_set_setting (f->db, "center_timezone", "Europe/Berlin", &error));
  report = import (f, path, 0, &error);
  g_assert_no_error (error);
  assert_counts (report, 3, 0, 0);

  /* Winter time, summer time, and an explicit offset that wins. */
  assert_call (f->db, "T-1", "A001|1772352900|3600|60|NULL|0|NULL|NULL|NULL|NULL|NULL|NULL|NULL");
  assert_call (f->db, "T-2", "A001|1782900000|7200|60|NULL|0|NULL|NULL|NULL|NULL|NULL|NULL|NULL");
  assert_call (f->db, "T-3", "A001|1782878400|28800|60|NULL|0|NULL|NULL|NULL|NULL|NULL|NULL|NULL");
}

static void
test_unknown_center_timezone (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;

  g_assert_true (em_db_set_setting (f->db, "center_timezone", "Mars/Olympus_Mons", &error));
  report = import_fixture (f, "calls/calls-utf8.csv", 0, &error);
  g_assert_null (report);
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "Mars/Olympus_Mons"));
  g_assert_cmpint (count_rows (f->db, "calls"), ==, 0);
}

/* Another program holds the write lock: a clear error, nothing changed. */
static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (f->db_path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE; INSERT INTO teams (name) VALUES ('x')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  report = import_fixture (f, "calls/calls-utf8.csv", 0, &error);
  g_assert_null (report);
  g_assert_error (error, EM_ERROR, EM_ERROR_DATABASE_LOCKED);
  g_assert_nonnull (strstr (error->message, "locked"));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  assert_nothing_stored (f);

  /* The connection is still usable, with foreign keys on again. */
  g_clear_error (&error);
  report = import_fixture (f, "calls/calls-utf8.csv", 0, &error);
  g_assert_no_error (error);
  assert_counts (report, 5, 0, 0);
  g_assert_false (em_db_exec (f->db, "UPDATE calls SET agent_id = 999", &error));
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;

  g_assert_true (em_db_exec (f->db, "PRAGMA query_only = ON", &error));
  report = import_fixture (f, "calls/calls-utf8.csv", 0, &error);
  g_assert_null (report);
  g_assert_error (error, EM_ERROR, EM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, f->db_path));

  g_assert_true (em_db_exec (f->db, "PRAGMA query_only = OFF", NULL));
  assert_nothing_stored (f);
}

/* A file bigger than one read and one batch. */
static char *
write_big_csv (Fixture *f,
               guint    n_rows)
{
  g_autoptr(GString) csv = g_string_new ("call_id,agent_code,agent_name,started_at,duration,note\n");
  char *path = g_build_filename (f->dir, "big.csv", NULL);

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "BIG-%05u,A%03u,坐席%u,2026-03-01 %02u:%02u:%02u,%u,"
                            "\"a note long enough to make the file span several reads\"\n",
                            i, i % 50, i % 50, i / 3600 % 24, i / 60 % 60, i % 60, i % 600);

  em_test_write_file (path, csv->str, csv->len);
  return path;
}

typedef struct
{
  GCancellable *cancellable;
  guint64       last_read;
  guint64       total;
  guint         n_calls;
} ProgressLog;

static void
on_progress (guint64  bytes_read,
             guint64  bytes_total,
             gpointer user_data)
{
  ProgressLog *log = user_data;

  g_assert_cmpuint (bytes_read, >=, log->last_read);
  g_assert_cmpuint (bytes_read, <=, bytes_total);
  log->last_read = bytes_read;
  log->total = bytes_total;
  log->n_calls++;

  if (log->cancellable != NULL)
    g_cancellable_cancel (log->cancellable);
}

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autofree char *path = write_big_csv (f, 20000);
  ProgressLog log = { 0 };
  GStatBuf st;

  report = em_call_import_file (f->db, path, 0, on_progress, &log, NULL, &error);
  g_assert_no_error (error);
  assert_counts (report, 20000, 0, 0);

  /* The last call says the whole file was read. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (log.n_calls, >=, 1);
  g_assert_cmpuint (log.total, ==, st.st_size);
  g_assert_cmpuint (log.last_read, ==, st.st_size);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = write_big_csv (f, 20000);
  ProgressLog log = { cancellable };

  /* Cancelled from the first progress report, after the first read. */
  report = em_call_import_file (f->db, path, 0, on_progress, &log, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, EM_ERROR, EM_ERROR_CANCELLED);
  assert_nothing_stored (f);
}

/* Thousands of rows cross batch boundaries: a repeat far from its first use
 * and bad rows among good ones are still reported on their lines.
 */
static void
test_many_rows (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autoptr(GString) csv = g_string_new ("call_id,agent_code,started_at,duration\n");
  g_autofree char *path = g_build_filename (f->dir, "many.csv", NULL);

  for (guint i = 0; i < 5000; i++)
    {
      if (i == 3001)
        g_string_append (csv, "N-0010,A001,2026-03-01 10:00:00,60\n");
      else if (i == 4500)
        g_string_append (csv, "N-4500,A001,2026-03-01 10:00:00,1:00:60\n");
      else
        g_string_append_printf (csv, "N-%04u,A%03u,2026-03-01 09:00:00,%u\n", i, i % 7, i);
    }
  em_test_write_file (path, csv->str, csv->len);

  report = import (f, path, EM_CALL_IMPORT_SKIP_BAD, &error);
  g_assert_no_error (error);
  assert_counts (report, 4998, 0, 2);
  assert_problems (report,
                   "3003: call_id: the call id 'N-0010' is already used on line 12\n"
                   "4502: duration: '1:00:60' is not a number of seconds or HH:MM:SS\n");
  g_assert_cmpint (count_rows (f->db, "calls"), ==, 4998);
  g_assert_cmpint (count_rows (f->db, "agents"), ==, 7);
}

/* Thousands of rows again, now against what a first import stored: calls
 * already in the database are duplicates wherever they fall, a repeat of
 * a call stored earlier in this file names its line, and only stored rows
 * change an agent's name.
 */
static void
test_many_rows_reimport (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autoptr(GString) first = g_string_new ("call_id,agent_code,agent_name,started_at,duration\n");
  g_autoptr(GString) second = g_string_new ("call_id,agent_code,agent_name,started_at,duration\n");
  g_autofree char *first_path = g_build_filename (f->dir, "first.csv", NULL);
  g_autofree char *second_path = g_build_filename (f->dir, "second.csv", NULL);

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (first, "R-%04u,A%03u,坐席%u,2026-03-01 09:00:00,%u\n", i, i % 7, i % 7, i);
  em_test_write_file (first_path, first->str, first->len);
  report = import (f, first_path, 0, &error);
  g_assert_no_error (error);
  assert_counts (report, 3000, 0, 0);
  g_clear_pointer (&report, em_call_import_report_free);

  /* Lines 2–1001 new, 1002–2001 the first file's R-1000 … R-1999 (A000
   * renamed on them: not stored, so not renamed), 2002–3001 new, with
   * line 2501 repeating line 101 and line 2801 a call of the first file.
   */
  for (guint i = 0; i < 3000; i++)
    {
      if (i == 2499)
        g_string_append (second, "S-0099,A001,坐席1,2026-03-02 09:00:00,1\n");
      else if (i == 2799)
        g_string_append (second, "R-0005,A001,坐席1,2026-03-02 09:00:00,1\n");
      else if (i >= 1000 && i < 2000)
        g_string_append_printf (second, "R-%04u,A%03u,新名字,2026-03-01 09:00:00,%u\n", i, i % 7, i);
      else
        g_string_append_printf (second, "S-%04u,A%03u,坐席%u,2026-03-02 09:00:00,%u\n", i, i % 7, i % 7, i);
    }
  em_test_write_file (second_path, second->str, second->len);

  report = import (f, second_path, EM_CALL_IMPORT_SKIP_BAD, &error);
  g_assert_no_error (error);
  assert_counts (report, 1998, 1001, 1);
  assert_problems (report, "2501: call_id: the call id 'S-0099' is already used on line 101\n");
  g_assert_cmpint (count_rows (f->db, "calls"), ==, 4998);
  assert_agent (f->db, "A000", "坐席0|NULL");
}

/* The encoding is decided on the whole file: here the only Chinese text
 * comes after more than a read's worth of ASCII.
 */
static void
test_gbk_late (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autoptr(GString) csv = g_string_new ("call_id,agent_code,agent_name,started_at,duration\r\n");
  g_autofree char *path = g_build_filename (f->dir, "late.csv", NULL);

  for (guint i = 0; i < 12000; i++)
    g_string_append_printf (csv, "L-%05u,A001,Wang Fang,2026-03-01 09:00:00,%u\r\n", i, i);
  /* 张伟 in GBK */
  g_string_append (csv, "L-LAST,A002,\xd5\xc5\xce\xb0,2026-03-01 09:00:00,1\r\n");
  g_assert_cmpuint (csv->len, >, 512 * 1024);
  em_test_write_file (path, csv->str, csv->len);

  report = import (f, path, 0, &error);
  g_assert_no_error (error);
  assert_counts (report, 12001, 0, 0);
  g_assert_cmpstr (em_call_import_report_get_encoding (report), ==, "GB18030");
  assert_agent (f->db, "A002", "张伟|NULL");
}

/* A file refused for its header is still read to its end to tell its
 * encoding, and a file that ends inside a UTF-8 character is not UTF-8.
 */
static void
test_encoding_after_refusal (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autoptr(GString) csv = g_string_new ("call_id,agent_code,agent_name,started_at\n");
  g_autofree char *path = g_build_filename (f->dir, "refused.csv", NULL);

  for (guint i = 0; i < 13000; i++)
    g_string_append_printf (csv, "R-%05u,A001,Wang Fang,2026-03-01 09:00:00\n", i);
  /* 张伟 in GBK */
  g_string_append (csv, "R-LAST,A002,\xd5\xc5\xce\xb0,2026-03-01 09:00:00\n");
  g_assert_cmpuint (csv->len, >, 512 * 1024);
  em_test_write_file (path, csv->str, csv->len);

  report = import (f, path, 0, &error);
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  g_assert_cmpstr (em_call_import_report_get_encoding (report), ==, "GB18030");
  assert_problems (report,
                   "1: duration: the required column is missing (its header can be one of: "
                   "duration, 通话时长)\n");
  g_clear_pointer (&report, em_call_import_report_free);
  g_clear_error (&error);

  /* The file ends inside a UTF-8 character: as GBK, the two bytes are 孱. */
  g_string_assign (csv, "call_id,agent_code,started_at,duration,agent_name\n"
                        "T-1,A001,2026-03-01 09:00:00,60,\xe5\xee");
  em_test_write_file (path, csv->str, csv->len);
  report = import (f, path, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (em_call_import_report_get_encoding (report), ==, "GB18030");
  assert_counts (report, 1, 0, 0);
  assert_agent (f->db, "A001", "孱|NULL");
}

static void
test_not_text (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autofree char *utf16 = g_build_filename (f->dir, "utf16.csv", NULL);
  g_autofree char *binary = g_build_filename (f->dir, "binary.csv", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);

  em_test_write_file (utf16, "\xff\xfe" "c\0a\0l\0l\0_\0i\0d\0\n\0", 18);
  report = import (f, utf16, 0, &error);
  g_assert_null (report);
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
  g_clear_error (&error);

  em_test_write_file (binary, "call_id\0\x01\x02", 10);
  report = import (f, binary, 0, &error);
  g_assert_null (report);
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "binary.csv"));
  g_clear_error (&error);

  report = import (f, missing, 0, &error);
  g_assert_null (report);
  g_assert_error (error, EM_ERROR, EM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "missing.csv"));

  assert_nothing_stored (f);
}

/* A random call list: plain lines, quoted values with commas, quotes and
 * line breaks, CR LF, lone CRs, blank lines and lines of spaces, rows of
 * too few or too many fields, bad values and repeated call ids.
 */
static void
append_random_csv (GString *csv,
                   GRand   *rand,
                   guint    n_lines)
{
  static const char * const names[] = { "王芳", "Li Lei", "\"Li, Lei\"", "\"say \"\"hi\"\"\"", "\"二\n行\"", "" };
  static const char * const durations[] = { "60", "00:02:05", "abc", "", " 7", "-3" };
  static const char * const ends[] = { "\n", "\n", "\n", "\r\n", "\r" };

  g_string_append (csv, g_rand_boolean (rand) ? "call_id,agent_code,agent_name,started_at,duration\n"
                                              : "通话编号,坐席工号,坐席姓名,开始时间,通话时长\r\n");
  for (guint i = 0; i < n_lines; i++)
    {
      guint kind = g_rand_int_range (rand, 0, 20);

      if (kind == 0)
        g_string_append (csv, "");
      else if (kind == 1)
        g_string_append (csv, "  \t ");
      else
        {
          g_string_append_printf (csv, "%sC-%u,A%02d,%s,2026-03-%02d 09:00:00",
                                  kind == 2 ? "\"" : "", g_rand_int_range (rand, 0, n_lines),
                                  g_rand_int_range (rand, 0, 12),
                                  names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))],
                                  g_rand_int_range (rand, 1, 29));
          if (kind == 2)
            g_string_append_c (csv, '"');
          if (kind != 3)
            g_string_append_printf (csv, ",%s", durations[g_rand_int_range (rand, 0, G_N_ELEMENTS (durations))]);
          if (kind == 4)
            g_string_append (csv, ",extra");
        }
      g_string_append (csv, ends[g_rand_int_range (rand, 0, G_N_ELEMENTS (ends))]);
    }
}

static char *
import_and_describe (const char        *dir,
                     const char        *csv_path,
                     EmCallImportFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = g_build_filename (dir, "diff.db", NULL);
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm_path = g_strconcat (db_path, "-shm", NULL);
  g_autoptr(EmDb) db = em_db_open (db_path, &error);
  g_autoptr(EmCallImportReport) report = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *problems = NULL;

  g_assert_no_error (error);
  report = em_call_import_file (db, csv_path, flags, NULL, NULL, NULL, &error);
  g_assert_true (error == NULL || g_error_matches (error, EM_ERROR, EM_ERROR_INVALID_INPUT));
  g_assert_nonnull (report);
  g_clear_error (&error);
  problems = describe_problems (report);
  g_string_append_printf (out, "%u rows, %u imported, %u duplicates, %u skipped\n%s",
                          em_call_import_report_get_n_rows (report),
                          em_call_import_report_get_n_imported (report),
                          em_call_import_report_get_n_duplicates (report),
                          em_call_import_report_get_n_skipped (report), problems);

  stmt = em_db_prepare (db, "SELECT c.external_id, a.code, a.name, c.started_at, c.duration_s "
                            "FROM calls c JOIN agents a ON a.id = c.agent_id ORDER BY c.id", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s|%s|%s|%lld|%lld\n",
                            sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2), (long long) sqlite3_column_int64 (stmt, 3),
                            (long long) sqlite3_column_int64 (stmt, 4));

  g_clear_pointer (&stmt, sqlite3_finalize);
  g_clear_object (&db);
  g_unlink (db_path);
  g_unlink (wal_path);
  g_unlink (shm_path);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Lines without a quote are split without libcsv (em-call-import.c,
 * parse_chunk()): on random files, some longer than one read of the file,
 * the reports and the stored calls are those of libcsv alone.
 */
static void
test_plain_lines_as_libcsv (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autofree char *path = g_build_filename (f->dir, "random.csv", NULL);

  for (guint i = 0; i < 120; i++)
    {
      g_autoptr(GString) csv = g_string_new (NULL);
      g_autofree char *split = NULL;
      g_autofree char *libcsv = NULL;
      EmCallImportFlags flags = i % 2 ? EM_CALL_IMPORT_SKIP_BAD : 0;

      append_random_csv (csv, rand, i % 40 == 0 ? 9000 : 60);
      em_test_write_file (path, csv->str, csv->len);

      split = import_and_describe (f->dir, path, flags);
      em_call_import_libcsv_only = TRUE;
      libcsv = import_and_describe (f->dir, path, flags);
      em_call_import_libcsv_only = FALSE;

      g_assert_cmpstr (split, ==, libcsv);
      g_assert_true (i % 40 != 0 || csv->len > 256 * 1024);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/call-import/utf8", test_utf8);
  ADD ("/call-import/bom-crlf-chinese-headers", test_bom_crlf_chinese_headers);
  ADD ("/call-import/gbk", test_gbk);
  ADD ("/call-import/gbk-late", test_gbk_late);
  ADD ("/call-import/bad-rows-refused", test_bad_rows_refused);
  ADD ("/call-import/bad-rows-skipped", test_bad_rows_skipped);
  ADD ("/call-import/reimport", test_reimport);
  ADD ("/call-import/agent-updates", test_agent_updates);
  ADD ("/call-import/crlf-line-numbers", test_crlf_line_numbers);
  ADD ("/call-import/missing-required-columns", test_missing_required_columns);
  ADD ("/call-import/other-separator", test_other_separator);
  ADD ("/call-import/column-twice", test_column_twice);
  ADD ("/call-import/header-variants", test_header_variants);
  ADD ("/call-import/extra-fields", test_extra_fields);
  ADD ("/call-import/empty-files", test_empty_files);
  ADD ("/call-import/unclosed-quote", test_unclosed_quote);
  ADD ("/call-import/center-timezone", test_center_timezone);
  ADD ("/call-import/unknown-center-timezone", test_unknown_center_timezone);
  ADD ("/call-import/locked", test_locked);
  ADD ("/call-import/read-only", test_read_only);
  ADD ("/call-import/progress", test_progress);
  ADD ("/call-import/cancel", test_cancel);
  ADD ("/call-import/many-rows", test_many_rows);
  ADD ("/call-import/many-rows-reimport", test_many_rows_reimport);
  ADD ("/call-import/encoding-after-refusal", test_encoding_after_refusal);
  ADD ("/call-import/plain-lines-as-libcsv", test_plain_lines_as_libcsv);
  ADD ("/call-import/not-text", test_not_text);
#undef ADD

  return g_test_run ();
}

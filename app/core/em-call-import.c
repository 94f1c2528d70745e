/* TEMPORARY: replaced by the import branch at merge */
/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-call-import"

#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>

#include "em-call-import.h"
#include "em-error.h"

/* A reduced importer so that the GUI branch builds and its import flow
 * can be tried before the import branch lands: UTF-8 only, the English
 * and the main Chinese header names, `YYYY-MM-DD HH:MM:SS` (center time,
 * UTC+8) and seconds or [HH:]MM:SS.  The import branch's em-call-import.c
 * replaces this file whole.
 */

enum { COL_ID, COL_CODE, COL_NAME, COL_TEAM, COL_START, COL_DURATION, COL_WAIT, COL_DIRECTION,
       COL_CALLER, COL_QUEUE, COL_SATISFACTION, COL_RESOLVED, COL_RECORDING, N_COLS };

static const char * const col_names[N_COLS][4] = {
  { "call_id", "通话编号", "流水号", NULL }, { "agent_code", "坐席工号", "工号", NULL },
  { "agent_name", "坐席姓名", "姓名", NULL }, { "team", "班组", "团队", NULL },
  { "started_at", "开始时间", "呼叫时间", NULL }, { "duration", "通话时长", NULL },
  { "wait", "等待时长", NULL }, { "direction", "呼叫方向", NULL },
  { "caller", "主叫号码", "客户号码", NULL }, { "queue", "技能组", "队列", NULL },
  { "satisfaction", "满意度", NULL }, { "resolved", "是否解决", NULL },
  { "recording", "录音文件", "录音路径", NULL },
};

struct _EmCallImportReport
{
  guint       n_imported, n_duplicates, n_skipped;
  GArray     *problems;
  GPtrArray  *unknown;
};

typedef struct
{
  GPtrArray          *fields;
  GPtrArray          *rows;     /* of GStrv; row 0 the header */
  GArray             *lines;
  guint               line;
  guint               row_line;
} Reader;

static void
on_field (void *data, size_t len, void *user_data)
{
  Reader *r = user_data;

  if (r->fields->len == 0)
    r->row_line = r->line;
  g_ptr_array_add (r->fields, g_strndup (data != NULL ? data : "", len));
}

static void
on_row (int c, void *user_data)
{
  Reader *r = user_data;

  g_ptr_array_add (r->fields, NULL);
  /* Stealing leaves r->fields empty and ready for the next row. */
  g_ptr_array_add (r->rows, g_ptr_array_steal (r->fields, NULL));
  g_array_append_val (r->lines, r->row_line);
}

static void
problem_clear (gpointer data)
{
  EmCallImportProblem *p = data;
  g_free (p->column);
  g_free (p->reason);
}

static void
add_problem (EmCallImportReport *report, guint line, const char *column, char *reason)
{
  EmCallImportProblem p = { line, g_strdup (column), reason };
  g_array_append_val (report->problems, p);
}

static gboolean
parse_seconds (const char *text, gint64 *out)
{
  int h = 0, m = 0, s = 0;
  char *end = NULL;
  gint64 v;

  if (sscanf (text, "%d:%d:%d", &h, &m, &s) == 3 || (h = 0, sscanf (text, "%d:%d", &m, &s) == 2))
    {
      *out = h * 3600 + m * 60 + s;
      return m < 60 && s < 60 && h >= 0 && m >= 0 && s >= 0;
    }
  v = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || v < 0)
    return FALSE;
  *out = v;
  return TRUE;
}

static gboolean
parse_time (const char *text, gint64 *out)
{
  int y, mo, d, h, mi, s;
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) dt = NULL;

  if (sscanf (text, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6 &&
      sscanf (text, "%d/%d/%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6)
    return FALSE;
  if (!(dt = g_date_time_new (tz, y, mo, d, h, mi, s)))
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

static int
parse_direction (const char *text)
{
  if (g_ascii_strcasecmp (text, "in") == 0 || g_ascii_strcasecmp (text, "inbound") == 0 ||
      g_str_equal (text, "呼入"))
    return 1;
  if (g_ascii_strcasecmp (text, "out") == 0 || g_ascii_strcasecmp (text, "outbound") == 0 ||
      g_str_equal (text, "呼出"))
    return 2;
  return *text == '\0' ? 0 : -1;
}

static const char *
field (GStrv row, const int *map, int col)
{
  if (map[col] < 0 || map[col] >= (int) g_strv_length (row))
    return "";
  return row[map[col]];
}

static gboolean
import_row (EmDb *db, sqlite3_stmt *insert, EmCallImportReport *report, GStrv header,
            GStrv row, guint line, const int *map, GHashTable *seen, gboolean *out_bad,
            GError **error)
{
  gint64 start = 0, duration = 0, wait = -1, agent, team = 0;
  int direction = parse_direction (field (row, map, COL_DIRECTION));
  guint n_before = report->problems->len;
  const char *id = field (row, map, COL_ID);
  int rc;

#define BAD(col, ...) add_problem (report, line, map[col] >= 0 ? header[map[col]] : col_names[col][0], g_strdup_printf (__VA_ARGS__))
  if (*id == '\0')
    BAD (COL_ID, _("the call id is missing"));
  else if (g_hash_table_contains (seen, id))
    BAD (COL_ID, _("call id “%s” repeats line %u"), id, GPOINTER_TO_UINT (g_hash_table_lookup (seen, id)));
  if (*field (row, map, COL_CODE) == '\0')
    BAD (COL_CODE, _("the agent code is missing"));
  if (!parse_time (field (row, map, COL_START), &start))
    BAD (COL_START, _("“%s” is not a time"), field (row, map, COL_START));
  if (!parse_seconds (field (row, map, COL_DURATION), &duration))
    BAD (COL_DURATION, _("“%s” is not a number of seconds"), field (row, map, COL_DURATION));
  if (*field (row, map, COL_WAIT) != '\0' && !parse_seconds (field (row, map, COL_WAIT), &wait))
    BAD (COL_WAIT, _("“%s” is not a number of seconds"), field (row, map, COL_WAIT));
  if (direction < 0)
    BAD (COL_DIRECTION, _("“%s” is not in or out"), field (row, map, COL_DIRECTION));
#undef BAD
  *out_bad = report->problems->len > n_before;
  if (*id != '\0' && !g_hash_table_contains (seen, id))
    g_hash_table_insert (seen, g_strdup (id), GUINT_TO_POINTER (line));
  if (*out_bad)
    return TRUE;

  if (*field (row, map, COL_TEAM) && !(team = em_db_ensure_team (db, field (row, map, COL_TEAM), error)))
    return FALSE;
  if (!(agent = em_db_ensure_agent (db, field (row, map, COL_CODE), field (row, map, COL_NAME), team, error)))
    return FALSE;

  sqlite3_reset (insert);
  sqlite3_clear_bindings (insert);
  sqlite3_bind_text (insert, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 2, agent);
  sqlite3_bind_int64 (insert, 3, start);
  sqlite3_bind_int64 (insert, 4, duration);
  if (wait >= 0)
    sqlite3_bind_int64 (insert, 5, wait);
  sqlite3_bind_int (insert, 6, direction);
  if (*field (row, map, COL_CALLER))
    sqlite3_bind_text (insert, 7, field (row, map, COL_CALLER), -1, SQLITE_STATIC);
  if (*field (row, map, COL_QUEUE))
    sqlite3_bind_text (insert, 8, field (row, map, COL_QUEUE), -1, SQLITE_STATIC);
  if (atoi (field (row, map, COL_SATISFACTION)) >= 1 && atoi (field (row, map, COL_SATISFACTION)) <= 5)
    sqlite3_bind_int (insert, 9, atoi (field (row, map, COL_SATISFACTION)));
  if (*field (row, map, COL_RESOLVED))
    sqlite3_bind_int (insert, 10, strchr ("1yYtT是", field (row, map, COL_RESOLVED)[0]) != NULL);
  if (*field (row, map, COL_RECORDING))
    sqlite3_bind_text (insert, 11, field (row, map, COL_RECORDING), -1, SQLITE_STATIC);

  if ((rc = sqlite3_step (insert)) != SQLITE_DONE)
    return em_db_set_error (db, error, rc, "saving a call");
  if (sqlite3_changes (em_db_get_handle (db)) > 0)
    report->n_imported++;
  else
    report->n_duplicates++;
  return TRUE;
}

static void
map_header (EmCallImportReport *report, GStrv header, int *map)
{
  for (int c = 0; c < N_COLS; c++)
    map[c] = -1;
  for (int i = 0; header[i]; i++)
    {
      gboolean known = FALSE;
      for (int c = 0; c < N_COLS; c++)
        for (int a = 0; col_names[c][a]; a++)
          if (g_ascii_strcasecmp (g_strstrip (header[i]), col_names[c][a]) == 0)
            map[c] = i, known = TRUE;
      if (!known && *header[i])
        g_ptr_array_insert (report->unknown, report->unknown->len - 1, g_strdup (header[i]));
    }
}

static EmCallImportReport *
report_new (void)
{
  EmCallImportReport *report = g_new0 (EmCallImportReport, 1);

  report->problems = g_array_new (FALSE, TRUE, sizeof (EmCallImportProblem));
  g_array_set_clear_func (report->problems, problem_clear);
  report->unknown = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (report->unknown, NULL);
  return report;
}

static gboolean
store_rows (EmDb *db, Reader *r, EmCallImportReport *report, EmCallImportFlags flags,
            GCancellable *cancellable, GError **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) insert = NULL;
  GStrv header = g_ptr_array_index (r->rows, 0);
  int map[N_COLS];

  map_header (report, header, map);
  for (int c = 0; c < N_COLS; c++)
    if (map[c] < 0 && (c == COL_ID || c == COL_CODE || c == COL_START || c == COL_DURATION))
      add_problem (report, 1, col_names[c][0], g_strdup (_("this required column is missing")));
  if (report->problems->len > 0)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT, _("The file lacks required columns."));
      return FALSE;
    }

  if (!(insert = em_db_prepare (db, "INSERT INTO calls (external_id, agent_id, started_at, utc_offset, "
                                    "duration_s, wait_s, direction, caller, queue, satisfaction, resolved, "
                                    "recording) VALUES (?1, ?2, ?3, 28800, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                                    "ON CONFLICT (external_id) DO NOTHING", error)))
    return FALSE;

  for (guint i = 1; i < r->rows->len; i++)
    {
      gboolean bad = FALSE;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!import_row (db, insert, report, header, g_ptr_array_index (r->rows, i),
                       g_array_index (r->lines, guint, i), map, seen, &bad, error))
        return FALSE;
      report->n_skipped += bad ? 1 : 0;
    }

  if (report->problems->len > 0 && !(flags & EM_CALL_IMPORT_SKIP_BAD))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                   ngettext ("%u row is bad; nothing was imported.",
                             "%u rows are bad; nothing was imported.", report->n_skipped),
                   report->n_skipped);
      return FALSE;
    }
  return TRUE;
}

EmCallImportReport *
em_call_import_file (EmDb *db, const char *path, EmCallImportFlags flags,
                     EmCallImportProgress progress, gpointer progress_data,
                     GCancellable *cancellable, GError **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  EmCallImportReport *report = NULL;
  struct csv_parser parser;
  Reader r = { g_ptr_array_new (), g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev),
               g_array_new (FALSE, FALSE, sizeof (guint)), 1, 1 };
  const char *text;
  gsize length = 0;
  gboolean ok;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_IO, "%s", local_error->message);
      ok = FALSE;
      goto out;
    }
  text = g_str_has_prefix (contents, "\xEF\xBB\xBF") ? contents + 3 : contents;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT, _("“%s” is not UTF-8 text."), path);
      ok = FALSE;
      goto out;
    }

  csv_init (&parser, CSV_APPEND_NULL);
  for (const char *p = text; *p; p++)
    {
      csv_parse (&parser, p, 1, on_field, on_row, &r);
      if (*p == '\n')
        r.line++;
    }
  csv_fini (&parser, on_field, on_row, &r);
  csv_free (&parser);
  if (progress != NULL)
    progress (length, length, progress_data);

  report = report_new ();
  if (r.rows->len == 0)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT, _("“%s” is empty."), path);
      em_call_import_report_free (report);
      ok = FALSE;
      goto out;
    }

  if (!em_db_begin (db, error))
    {
      em_call_import_report_free (report);
      ok = FALSE;
      goto out;
    }
  ok = store_rows (db, &r, report, flags, cancellable, error) && em_db_commit (db, error);
  if (!ok)
    {
      em_db_rollback (db);
      report->n_imported = report->n_duplicates = 0;
      if (report->problems->len == 0)
        g_clear_pointer (&report, em_call_import_report_free);
    }

out:
  g_ptr_array_free (r.fields, TRUE);
  g_ptr_array_unref (r.rows);
  g_array_unref (r.lines);
  return ok || (error != NULL && *error != NULL && (*error)->code == EM_ERROR_INVALID_INPUT)
         ? report : NULL;
}

guint em_call_import_report_get_n_imported (EmCallImportReport *report) { return report->n_imported; }
guint em_call_import_report_get_n_duplicates (EmCallImportReport *report) { return report->n_duplicates; }
guint em_call_import_report_get_n_skipped (EmCallImportReport *report) { return report->n_skipped; }
guint em_call_import_report_get_n_problems (EmCallImportReport *report) { return report->problems->len; }

const EmCallImportProblem *
em_call_import_report_get_problem (EmCallImportReport *report, guint index)
{
  g_return_val_if_fail (index < report->problems->len, NULL);
  return &g_array_index (report->problems, EmCallImportProblem, index);
}

const char * const *
em_call_import_report_get_unknown_columns (EmCallImportReport *report)
{
  return (const char * const *) report->unknown->pdata;
}

const char *
em_call_import_report_get_encoding (EmCallImportReport *report)
{
  return "UTF-8";
}

void
em_call_import_report_free (EmCallImportReport *report)
{
  if (report == NULL)
    return;
  g_array_unref (report->problems);
  g_ptr_array_unref (report->unknown);
  g_free (report);
}

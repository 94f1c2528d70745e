/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-call-import"

#include "config.h"

#include <string.h>
#include <csv.h>
#include <glib/gi18n.h>

#include "em-call-import-private.h"
#include "em-error.h"

/* The call list is read in one streaming pass.  Its encoding is decided by
 * the whole file (a GBK file may show its first Chinese character on its
 * last line): a file that may be UTF-8 from its first read is imported as
 * UTF-8 while every read is checked, and imported again in the right
 * encoding in the rare case it was not; any other file is first read once
 * to decide.  Only a few batches of rows are in memory at any time,
 * whatever the size of the file.
 *
 * Two threads share the work.  The calling thread (the "parser") splits
 * the file into fields in fixed-size chunks (plain lines itself, the rest
 * through libcsv), decodes and checks every value and collects rows in
 * batches; a writer thread stores them.  They meet only
 * at the two queues of batches, and the SQLite connection is used by one of
 * them at a time: the parser opens the transaction before the writer starts
 * and commits or rolls back after it has finished.
 *
 * Everything happens inside that one transaction, so refusing a file is a
 * rollback.  Rows are inserted even after a bad row has been seen: the
 * database then tells which call ids this file has already used, which is
 * how a call id repeated inside the file is found without keeping every id in
 * memory.  Only the ids of rows that were *not* stored (bad rows and calls
 * already in the database) are remembered, with their line.
 *
 * Line numbers are physical lines: libcsv reports every unquoted line end
 * (CSV_REPALL_NL), and line ends inside quoted fields are counted in the
 * field's bytes.
 */

#define READ_CHUNK_SIZE   (256 * 1024)
#define PROGRESS_INTERVAL (G_USEC_PER_SEC / 10)
#define IMPORT_CACHE_KIB  (64 * 1024)

typedef struct
{
  const char *name;
  gboolean    required;
  const char *aliases[4];   /* compared ignoring ASCII case */
} ColumnInfo;

/* DESIGN.md §3, "Columns". */
static const ColumnInfo column_info[EM_N_COLUMNS] = {
  [EM_COL_CALL_ID]       = { "call_id",       TRUE,  { "通话编号", "呼叫ID", "流水号" } },
  [EM_COL_AGENT_CODE]    = { "agent_code",    TRUE,  { "坐席工号", "工号" } },
  [EM_COL_AGENT_NAME]    = { "agent_name",    FALSE, { "坐席姓名", "姓名" } },
  [EM_COL_TEAM]          = { "team",          FALSE, { "班组", "团队" } },
  [EM_COL_STARTED_AT]    = { "started_at",    TRUE,  { "开始时间", "呼叫时间" } },
  [EM_COL_DURATION]      = { "duration",      TRUE,  { "通话时长" } },
  [EM_COL_WAIT]          = { "wait",          FALSE, { "等待时长", "振铃时长" } },
  [EM_COL_DIRECTION]     = { "direction",     FALSE, { "呼叫方向" } },
  [EM_COL_CALLER]        = { "caller",        FALSE, { "主叫号码", "客户号码" } },
  [EM_COL_QUEUE]         = { "queue",         FALSE, { "技能组", "队列" } },
  [EM_COL_SATISFACTION]  = { "satisfaction",  FALSE, { "满意度" } },
  [EM_COL_RESOLVED]      = { "resolved",      FALSE, { "是否解决" } },
  [EM_COL_RECORDING]     = { "recording",     FALSE, { "录音文件", "录音路径" } },
  [EM_COL_TICKET_DUE]    = { "ticket_due",    FALSE, { "工单时限" } },
  [EM_COL_TICKET_CLOSED] = { "ticket_closed", FALSE, { "工单完成时间" } },
};

/* Problems */

/* A problem with the file itself, added while the writer is not running
 * (while the header is read, or after the last row).
 */
static void
file_problem (EmCallImporter *self,
              guint           line,
              const char     *column,
              char           *reason)
{
  EmCallImportProblem problem;

  problem.line = line;
  problem.column = g_string_chunk_insert_const (self->report->strings, column);
  problem.reason = reason;
  g_array_append_val (self->report->problems, problem);
}

/* The parser's problems travel with the row's batch, so that the report
 * lists them in line order with the writer's.
 */
static void
row_problem (EmCallImporter *self,
             const char     *column,
             char           *reason)
{
  EmCallImportProblem problem = { self->record_line, (char *) column, reason };

  g_array_append_val (self->batch->problems, problem);
}

static void
value_problem (EmCallImporter *self,
               EmCallColumn    col,
               const char     *format,
               const char     *value)
{
  g_autofree char *quoted = em_call_import_quote_value (value);

  row_problem (self, self->column_name[col], g_strdup_printf (format, quoted));
}

/* The header */

/* "Call ID", "call-id" and "CALL_ID" all name call_id. */
static char *
normalize_header (const char *name)
{
  char *key = g_strdup (name);

  for (char *p = key; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '-')
        *p = '_';
      else
        *p = g_ascii_tolower (*p);
    }

  return key;
}

static int
lookup_column (const char *key)
{
  for (int col = 0; col < EM_N_COLUMNS; col++)
    {
      if (g_str_equal (key, column_info[col].name))
        return col;
      for (guint i = 0; i < G_N_ELEMENTS (column_info[col].aliases); i++)
        if (column_info[col].aliases[i] != NULL &&
            g_ascii_strcasecmp (key, column_info[col].aliases[i]) == 0)
          return col;
    }

  return -1;
}

/* Platforms like to add the unit: "通话时长(秒)", "通话时长（秒）", "wait (s)". */
static char *
strip_unit (const char *key)
{
  const char *open = NULL;

  if (g_str_has_suffix (key, ")"))
    open = strrchr (key, '(');
  else if (g_str_has_suffix (key, "）"))
    open = g_strrstr (key, "（");

  if (open == NULL || open == key)
    return NULL;

  while (open > key && open[-1] == '_')
    open--;

  return g_strndup (key, open - key);
}

static int
match_column (const char *name)
{
  g_autofree char *key = normalize_header (name);
  g_autofree char *without_unit = NULL;
  int col = lookup_column (key);

  if (col < 0 && (without_unit = strip_unit (key)))
    col = lookup_column (without_unit);

  return col;
}

static char *
describe_column_names (EmCallColumn col)
{
  g_autoptr(GString) names = g_string_new (column_info[col].name);

  for (guint i = 0; i < G_N_ELEMENTS (column_info[col].aliases); i++)
    if (column_info[col].aliases[i] != NULL)
      g_string_append_printf (names, ", %s", column_info[col].aliases[i]);

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* A file saved with another separator has one long header. */
static gboolean
looks_like_other_separator (EmCallImporter *self)
{
  const char *name = self->header->len == 1 ? g_ptr_array_index (self->header, 0) : "";

  return strchr (name, ';') != NULL || strchr (name, '\t') != NULL;
}

static void
check_required_columns (EmCallImporter *self)
{
  for (int col = 0; col < EM_N_COLUMNS; col++)
    {
      g_autofree char *names = NULL;

      if (!column_info[col].required || self->column_name[col] != NULL)
        continue;

      names = describe_column_names (col);
      if (looks_like_other_separator (self))
        file_problem (self, self->record_line, column_info[col].name,
                      g_strdup_printf (_("the required column is missing (its header can be "
                                         "one of: %s); the columns seem to be separated by "
                                         "semicolons or tabs, not commas"), names));
      else
        file_problem (self, self->record_line, column_info[col].name,
                      g_strdup_printf (_("the required column is missing (its header can be "
                                         "one of: %s)"), names));
      self->file_refused = TRUE;
    }
}

static void
read_header (EmCallImporter *self)
{
  for (guint i = 0; i < self->header->len; i++)
    {
      const char *name = g_ptr_array_index (self->header, i);
      int col = *name != '\0' ? match_column (name) : -1;

      if (*name != '\0' && col < 0)
        g_ptr_array_add (self->report->unknown_columns, g_strdup (name));
      else if (col >= 0 && self->column_name[col] != NULL)
        {
          file_problem (self, self->record_line, name,
                        g_strdup_printf (_("the column appears twice (also as “%s”)"),
                                         self->column_name[col]));
          self->file_refused = TRUE;
          col = -1;
        }
      else if (col >= 0)
        {
          self->column_name[col] = g_string_chunk_insert_const (self->report->strings, name);
          self->order[self->n_order++] = col;
        }

      g_array_append_val (self->field_column, col);
    }

  check_required_columns (self);

  self->have_header = TRUE;
  if (self->file_refused)
    self->stop_reading = TRUE;
}

/* Reading values */

static gboolean
parse_direction (const char *text,
                 int        *out)
{
  if (g_str_equal (text, "呼入") || g_ascii_strcasecmp (text, "in") == 0 ||
      g_ascii_strcasecmp (text, "inbound") == 0 || g_ascii_strcasecmp (text, "incoming") == 0)
    *out = 1;
  else if (g_str_equal (text, "呼出") || g_ascii_strcasecmp (text, "out") == 0 ||
           g_ascii_strcasecmp (text, "outbound") == 0 || g_ascii_strcasecmp (text, "outgoing") == 0)
    *out = 2;
  else
    return FALSE;

  return TRUE;
}

static gboolean
parse_flag (const char *text,
            int        *out)
{
  if (g_str_equal (text, "是") || g_str_equal (text, "1") || g_ascii_strcasecmp (text, "yes") == 0 ||
      g_ascii_strcasecmp (text, "y") == 0 || g_ascii_strcasecmp (text, "true") == 0)
    *out = 1;
  else if (g_str_equal (text, "否") || g_str_equal (text, "0") || g_ascii_strcasecmp (text, "no") == 0 ||
           g_ascii_strcasecmp (text, "n") == 0 || g_ascii_strcasecmp (text, "false") == 0)
    *out = 0;
  else
    return FALSE;

  return TRUE;
}

static gboolean
parse_satisfaction (const char *text,
                    int        *out)
{
  if (text[0] < '1' || text[0] > '5' || text[1] != '\0')
    return FALSE;

  *out = text[0] - '0';
  return TRUE;
}

static gboolean
parse_timestamp_value (EmCallImporter *self,
                       EmCallColumn    col,
                       const char     *text,
                       gint64         *out_utc,
                       gint32         *out_offset)
{
  if (em_time_parse_timestamp (text, self->zone, out_utc, out_offset))
    return TRUE;

  value_problem (self, col, _("'%s' is not a date and time like 2026-03-01 09:15:00"), text);
  return FALSE;
}

static gboolean
parse_value (EmCallImporter *self,
             EmCallColumn    col,
             const char     *text,
             EmCallRow      *row)
{
  switch (col)
    {
    case EM_COL_STARTED_AT:
      return parse_timestamp_value (self, col, text, &row->started_at, &row->utc_offset);
    case EM_COL_TICKET_DUE:
      return parse_timestamp_value (self, col, text, &row->ticket_due, NULL);
    case EM_COL_TICKET_CLOSED:
      return parse_timestamp_value (self, col, text, &row->ticket_closed, NULL);

    case EM_COL_DURATION:
    case EM_COL_WAIT:
      if (em_time_parse_duration (text, col == EM_COL_DURATION ? &row->duration : &row->wait))
        return TRUE;
      value_problem (self, col, _("'%s' is not a number of seconds or HH:MM:SS"), text);
      return FALSE;

    case EM_COL_DIRECTION:
      if (parse_direction (text, &row->direction))
        return TRUE;
      value_problem (self, col, _("'%s' is not a direction (in/out, inbound/outbound, 呼入/呼出)"),
                     text);
      return FALSE;

    case EM_COL_SATISFACTION:
      if (parse_satisfaction (text, &row->satisfaction))
        return TRUE;
      value_problem (self, col, _("'%s' is not a satisfaction rating from 1 to 5"), text);
      return FALSE;

    case EM_COL_RESOLVED:
      if (parse_flag (text, &row->resolved))
        return TRUE;
      value_problem (self, col, _("'%s' is not yes or no (1/0, yes/no, true/false, 是/否)"), text);
      return FALSE;

    case EM_COL_CALL_ID:
    case EM_COL_AGENT_CODE:
    case EM_COL_AGENT_NAME:
    case EM_COL_TEAM:
    case EM_COL_CALLER:
    case EM_COL_QUEUE:
    case EM_COL_RECORDING:
    case EM_N_COLUMNS:
    default:
      return TRUE;
    }
}

/* Checks every value of the record, in the file's column order, and
 * reports each problem.  Returns TRUE if the row can be stored.
 */
static gboolean
parse_row (EmCallImporter *self,
           EmCallRow      *row)
{
  gboolean ok = TRUE;

  em_call_row_resolve_text (row, self->batch->text);

  for (guint i = 0; i < self->n_order; i++)
    {
      EmCallColumn col = self->order[i];
      const char *text = row->text[col];

      if (self->undecodable[col])
        {
          row_problem (self, self->column_name[col], g_strdup (_("the text is not valid GB18030/GBK")));
          ok = FALSE;
        }
      else if (*text == '\0')
        {
          if (column_info[col].required)
            {
              row_problem (self, self->column_name[col], g_strdup (_("a value is required")));
              ok = FALSE;
            }
        }
      else if (parse_value (self, col, text, row))
        row->present |= 1u << col;
      else
        ok = FALSE;
    }

  if (self->n_extra > 0)
    {
      row_problem (self, self->whole_row,
                   g_strdup_printf (_("the row has %u fields but the header has %u columns "
                                      "(is a quote missing?)"),
                                    self->n_fields, self->header->len));
      ok = FALSE;
    }

  return ok;
}

/* libcsv callbacks */

static inline guint
count_line_breaks (const char *data,
                   gsize       length)
{
  guint n = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if ((guchar) c > '\r')
        continue;
      if (c == '\n' || (c == '\r' && (i + 1 == length || data[i + 1] != '\n')))
        n++;
    }

  return n;
}

static inline void
trim (const char **data,
      gsize       *length)
{
  const char *s = *data;
  gsize n = *length;

  while (n > 0 && g_ascii_isspace (s[0]))
    s++, n--;
  while (n > 0 && g_ascii_isspace (s[n - 1]))
    n--;

  *data = s;
  *length = n;
}

static void
add_header_field (EmCallImporter *self,
                  const char     *data,
                  gsize           length)
{
  g_autoptr(GString) name = g_string_new (NULL);

  if (!em_text_decoder_append (self->decoder, data, length, name))
    {
      g_autofree char *valid = g_utf8_make_valid (data, length);
      g_string_assign (name, valid);
    }

  g_ptr_array_add (self->header, g_string_free (g_steal_pointer (&name), FALSE));
}

/* Appends the value and a NUL to the batch's text. */
static inline void
store_value (EmCallImporter *self,
             EmCallColumn    col,
             const char     *data,
             gsize           length)
{
  GString *text = self->batch->text;
  gsize start = text->len;

  self->value_start[col] = start;

  /* The common case without a function call: it runs for every field. */
  if (self->is_utf8 && start + length + 2 <= text->allocated_len)
    {
      memcpy (text->str + start, data, length);
      text->str[start + length] = '\0';
      text->str[start + length + 1] = '\0';
      text->len = start + length + 1;
      self->value_length[col] = length;
      return;
    }

  if (!em_text_decoder_append (self->decoder, data, length, text))
    self->undecodable[col] = TRUE;
  self->value_length[col] = text->len - start;
  g_string_append_c (text, '\0');
}

/* A field's value, without line breaks. */
static void
read_field (EmCallImporter *self,
            const char     *data,
            gsize           length)
{
  guint index = self->n_fields++;
  int col;

  if (self->stop_reading)
    return;

  trim (&data, &length);
  if (length > 0)
    self->all_empty = FALSE;

  if (!self->have_header)
    add_header_field (self, data, length);
  else if (index >= self->field_column->len)
    self->n_extra += length > 0;
  else if ((col = g_array_index (self->field_column, int, index)) >= 0)
    store_value (self, col, data, length);
}

static void
on_field (void   *field,
          size_t  length,
          void   *user_data)
{
  EmCallImporter *self = user_data;
  const char *data = field != NULL ? field : "";

  /* A quoted value may hold line breaks: they are lines of the file. */
  self->line += count_line_breaks (data, length);
  read_field (self, data, length);
}

static void
read_row (EmCallImporter *self)
{
  EmCallBatch *batch = self->batch;
  guint n_problems = batch->problems->len;
  EmCallRow *row;

  g_array_set_size (batch->rows, batch->rows->len + 1);
  row = &g_array_index (batch->rows, EmCallRow, batch->rows->len - 1);
  memset (row, 0, sizeof *row);
  row->line = self->record_line;
  row->resolved = -1;
  for (int col = 0; col < EM_N_COLUMNS; col++)
    {
      row->offset[col] = self->value_start[col];
      row->length[col] = self->value_length[col];
    }

  row->ok = parse_row (self, row);
  row->n_problems = batch->problems->len - n_problems;
  self->report->n_rows++;

  if (batch->rows->len == EM_CALL_BATCH_ROWS)
    em_call_importer_hand_over (self, FALSE);
}

static void
reset_record (EmCallImporter *self)
{
  self->n_fields = 0;
  self->n_extra = 0;
  self->all_empty = TRUE;
  self->record_start = self->batch->text->len;
  for (int col = 0; col < EM_N_COLUMNS; col++)
    self->value_start[col] = EM_CALL_ABSENT;
  memset (self->value_length, 0, sizeof self->value_length);
  memset (self->undecodable, 0, sizeof self->undecodable);
}

static void
on_record_end (int   c,
               void *user_data)
{
  EmCallImporter *self = user_data;

  if (self->n_fields > 0 && !self->stop_reading)
    {
      /* A blank row, such as ",,,," left by a spreadsheet, is not data. */
      if (self->all_empty && self->have_header)
        g_string_truncate (self->batch->text, self->record_start);
      else if (self->all_empty)
        g_ptr_array_set_size (self->header, 0);
      else if (self->have_header)
        read_row (self);
      else
        read_header (self);
    }

  /* A CR LF pair ends one line: libcsv reports the LF as an empty record. */
  if (c == '\r')
    self->line++;
  else if (c == '\n' && !(self->after_cr && self->n_fields == 0))
    self->line++;
  self->after_cr = c == '\r';

  self->record_line = self->line;
  reset_record (self);
}

/* Setting up and finishing */

static void
importer_init (EmCallImporter    *self,
               EmDb              *db,
               const char        *path,
               EmCallImportFlags  flags,
               EmTextEncoding     encoding,
               EmZone            *zone)
{
  memset (self, 0, sizeof *self);
  self->db = db;
  self->handle = em_db_get_handle (db);
  self->path = path;
  self->flags = flags;
  self->zone = zone;
  self->report = em_call_import_report_new (encoding);
  self->whole_row = g_string_chunk_insert_const (self->report->strings, "");
  self->decoder = em_text_decoder_new (encoding);
  self->is_utf8 = encoding != EM_TEXT_ENCODING_GB18030;
  self->header = g_ptr_array_new_with_free_func (g_free);
  self->field_column = g_array_new (FALSE, FALSE, sizeof (int));
  em_call_importer_init_writer (self);
  self->line = 1;
  self->record_line = 1;
}

static void
importer_clear (EmCallImporter *self)
{
  em_call_importer_clear_writer (self);
  g_clear_pointer (&self->report, em_call_import_report_free);
  g_clear_pointer (&self->decoder, em_text_decoder_free);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->field_column, g_array_unref);
}

static gboolean
start_import (EmCallImporter  *self,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *absolute = g_canonicalize_filename (self->path, NULL);
  int rc;

  if (!em_db_begin (self->db, error))
    return FALSE;

  if (!(stmt = em_db_prepare (self->db,
                              "INSERT INTO imports (path, imported_at, n_imported, n_duplicate, n_skipped) "
                              "VALUES (?1, ?2, 0, 0, 0)",
                              error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, absolute, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return em_db_set_error (self->db, error, rc, "recording the import");
  self->import_id = sqlite3_last_insert_rowid (self->handle);

  return em_call_importer_prepare (self, error);
}

static gboolean
finish_import (EmCallImporter  *self,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  EmCallImportReport *report = self->report;
  int rc;

  report->n_skipped = report->n_bad_rows;

  if (!(stmt = em_db_prepare (self->db,
                              "UPDATE imports SET n_imported = ?2, n_duplicate = ?3, n_skipped = ?4 "
                              "WHERE id = ?1",
                              error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->import_id);
  sqlite3_bind_int64 (stmt, 2, report->n_imported);
  sqlite3_bind_int64 (stmt, 3, report->n_duplicates);
  sqlite3_bind_int64 (stmt, 4, report->n_skipped);
  if ((rc = sqlite3_step (stmt)) != SQLITE_DONE)
    return em_db_set_error (self->db, error, rc, "recording the import");

  if (!em_db_commit (self->db, error))
    return FALSE;

  report->import_id = self->import_id;
  return TRUE;
}

/* A refused file: nothing was stored, so nothing counts as imported. */
static EmCallImportReport *
refuse (EmCallImporter  *self,
        GError         **error)
{
  EmCallImportReport *report = g_steal_pointer (&self->report);
  g_autofree char *display = g_filename_display_name (self->path);

  em_db_rollback (self->db);
  report->n_imported = report->n_duplicates = report->n_skipped = 0;

  if (self->file_refused)
    g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                 _("“%s” cannot be imported as a call list; nothing was imported."), display);
  else
    g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                 g_dngettext (GETTEXT_PACKAGE,
                              "“%s” has %u bad row; nothing was imported.",
                              "“%s” has %u bad rows; nothing was imported.",
                              report->n_bad_rows),
                 display, report->n_bad_rows);

  return report;
}

/* Reading the file */

typedef struct
{
  EmCallImportProgress  func;
  gpointer              data;
  guint64               total;
  gint64                last_time;
  guint64               reported;    /* never less than before, even when reading again */
} Progress;

static void
report_progress (Progress *progress,
                 guint64   bytes_read,
                 gboolean  force)
{
  gint64 now;

  if (progress->func == NULL)
    return;

  now = g_get_monotonic_time ();
  if (!force && now - progress->last_time < PROGRESS_INTERVAL)
    return;

  progress->last_time = now;
  progress->reported = MAX (progress->reported, MIN (bytes_read, progress->total));
  progress->func (progress->reported, progress->total, progress->data);
}

static gboolean
set_read_error (GError     **error,
                const char  *path,
                GError      *cause)
{
  g_autofree char *display = g_filename_display_name (path);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error (error, EM_ERROR, EM_ERROR_CANCELLED,
                 _("The import of “%s” was cancelled; nothing was imported."), display);
  else
    g_set_error (error, EM_ERROR, EM_ERROR_IO,
                 _("Cannot read “%s”: %s"), display, cause->message);

  g_error_free (cause);
  return FALSE;
}

static GInputStream *
open_file (const char    *path,
           guint64       *out_size,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  GError *local_error = NULL;

  if (!(stream = g_file_read (file, cancellable, &local_error)) ||
      !(info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                               cancellable, &local_error)))
    {
      set_read_error (error, path, local_error);
      return NULL;
    }

  *out_size = g_file_info_get_size (info);
  return G_INPUT_STREAM (g_steal_pointer (&stream));
}

static gboolean
check_encoding (const char      *path,
                EmTextEncoding   encoding,
                GError         **error)
{
  g_autofree char *display = g_filename_display_name (path);

  if (encoding == EM_TEXT_ENCODING_UTF16)
    g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                 _("“%s” is saved as UTF-16 (“Unicode text”); save it as “CSV UTF-8” or "
                   "“CSV” and import it again."), display);
  else if (encoding == EM_TEXT_ENCODING_UNKNOWN)
    g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                 _("“%s” is not a CSV text file in UTF-8 or GBK/GB18030."), display);
  else
    return TRUE;

  return FALSE;
}

static gboolean
rewind_stream (GInputStream  *stream,
               const char    *path,
               GCancellable  *cancellable,
               GError       **error)
{
  GError *local_error = NULL;

  if (!g_seekable_seek (G_SEEKABLE (stream), 0, G_SEEK_SET, cancellable, &local_error))
    return set_read_error (error, path, local_error);

  return TRUE;
}

/* The first pass: which encoding, and how long its byte-order mark is. */
static gboolean
detect_encoding (GInputStream    *stream,
                 const char      *path,
                 guint8          *buffer,
                 EmTextEncoding  *out_encoding,
                 gsize           *out_bom_length,
                 GCancellable    *cancellable,
                 GError         **error)
{
  EmTextSniffer sniffer;
  GError *local_error = NULL;
  gssize n;

  em_text_sniffer_init (&sniffer);

  while ((n = g_input_stream_read (stream, buffer, READ_CHUNK_SIZE, cancellable, &local_error)) > 0)
    em_text_sniffer_feed (&sniffer, (const char *) buffer, n);

  if (n < 0)
    return set_read_error (error, path, local_error);
  if (!rewind_stream (stream, path, cancellable, error))
    return FALSE;

  *out_encoding = em_text_sniffer_finish (&sniffer, out_bom_length);
  return check_encoding (path, *out_encoding, error);
}

/* The first read: may the file be UTF-8?  Sets @out_encoding to UTF-8
 * (with or without a byte-order mark), else to EM_TEXT_ENCODING_UNKNOWN:
 * then detect_encoding() decides.
 */
static gboolean
guess_encoding (GInputStream    *stream,
                const char      *path,
                guint8          *buffer,
                EmTextEncoding  *out_encoding,
                gsize           *out_bom_length,
                GCancellable    *cancellable,
                GError         **error)
{
  EmTextSniffer sniffer;
  GError *local_error = NULL;
  gssize n;

  if ((n = g_input_stream_read (stream, buffer, READ_CHUNK_SIZE, cancellable, &local_error)) < 0)
    return set_read_error (error, path, local_error);
  if (!rewind_stream (stream, path, cancellable, error))
    return FALSE;

  em_text_sniffer_init (&sniffer);
  em_text_sniffer_feed (&sniffer, (const char *) buffer, n);

  *out_encoding = EM_TEXT_ENCODING_UNKNOWN;
  *out_bom_length = 0;
  if (em_text_sniffer_may_be_utf8 (&sniffer))
    {
      *out_bom_length = n >= 3 && memcmp (buffer, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
      *out_encoding = *out_bom_length > 0 ? EM_TEXT_ENCODING_UTF8_BOM : EM_TEXT_ENCODING_UTF8;
    }

  return TRUE;
}

/* With these options csv_fini() refuses a quoted field still open at the
 * end of the file instead of quietly closing it.  Returns FALSE then.
 */
static gboolean
finish_parser (EmCallImporter    *self,
               struct csv_parser *parser)
{
  csv_set_opts (parser, csv_get_opts (parser) | CSV_STRICT | CSV_STRICT_FINI);

  return csv_fini (parser, on_field, on_record_end, self) == 0;
}

gboolean em_call_import_libcsv_only = FALSE;

/* The state libcsv is in between records (libcsv.c's ROW_NOT_BEGUN). */
#define CSV_BETWEEN_RECORDS 0

/* Whether libcsv would read the line [@start, @newline) as plain fields
 * split at commas: no quote, and no CR but one just before the LF.  Sets
 * @out_end to where its values end.
 */
static inline gboolean
is_plain_line (const char  *start,
               const char  *newline,
               const char **out_end)
{
  const char *end = newline > start && newline[-1] == '\r' ? newline - 1 : newline;

  for (const char *p = start; p < end; p++)
    if (*p == '"' || *p == '\r')
      return FALSE;

  *out_end = end;
  return TRUE;
}

/* Calls the callbacks for a plain line as libcsv does: no field at all
 * when it holds nothing but spaces and tabs, then one record end per CR
 * and per LF (CSV_REPALL_NL).
 */
static void
read_plain_line (EmCallImporter *self,
                 const char     *start,
                 const char     *end,
                 const char     *newline)
{
  const char *p = start;

  while (p < end && (*p == ' ' || *p == '\t'))
    p++;

  if (p < end)
    for (p = start;;)
      {
        const char *comma = memchr (p, ',', end - p);

        if (comma == NULL)
          {
            read_field (self, p, end - p);
            break;
          }
        read_field (self, p, comma - p);
        p = comma + 1;
      }

  if (end < newline)
    on_record_end ('\r', self);
  on_record_end ('\n', self);
}

/* Parses @length bytes as libcsv would.  Most lines of a call list hold
 * no quote: those are split here, several times faster than libcsv reads
 * them byte by byte; the others, and a record libcsv has begun (the end
 * of a read, a quoted value over several lines), go to libcsv.  Returns
 * FALSE if libcsv fails.
 */
static gboolean
parse_chunk (EmCallImporter    *self,
             struct csv_parser *parser,
             const char        *data,
             gsize              length)
{
  const char *p = data, *data_end = data + length;

  while (p < data_end)
    {
      const char *newline = memchr (p, '\n', data_end - p);
      const char *upto = newline != NULL ? newline + 1 : data_end;
      const char *end;

      if (newline != NULL && parser->pstate == CSV_BETWEEN_RECORDS &&
          !em_call_import_libcsv_only && is_plain_line (p, newline, &end))
        read_plain_line (self, p, end, newline);
      else if (csv_parse (parser, p, upto - p, on_field, on_record_end, self) != (gsize) (upto - p))
        return FALSE;

      p = upto;
    }

  return TRUE;
}

/* Guessing UTF-8.  Deciding the encoding takes a pass over the whole file
 * (a GBK file may show its first Chinese character on its last line), and
 * almost every file is UTF-8: when its first read may be, the import
 * starts at once as UTF-8 and each read is checked before it is parsed.
 * Bytes that cannot be UTF-8 stop the import, which is rolled back and
 * run again in the right encoding (check_guess(), finish_guess()).
 */
static gboolean
check_guess (EmCallImporter *self,
             const guint8   *buffer,
             gssize          n)
{
  if (self->sniffer == NULL)
    return TRUE;

  em_text_sniffer_feed (self->sniffer, (const char *) buffer, n);
  if (em_text_sniffer_may_be_utf8 (self->sniffer))
    return TRUE;

  self->wrong_guess = TRUE;
  return FALSE;
}

/* After the last read, or (with @stream) when reading stopped early: the
 * rest of the file must still be UTF-8, ending with a whole character.
 */
static void
finish_guess (EmCallImporter  *self,
              GInputStream    *stream,
              guint8          *buffer,
              GCancellable    *cancellable,
              GError         **error)
{
  EmTextEncoding encoding;
  gsize bom_length;
  gssize n = 0;

  if (self->sniffer == NULL || self->wrong_guess)
    return;

  while (stream != NULL &&
         (n = g_input_stream_read (stream, buffer, READ_CHUNK_SIZE, cancellable, error)) > 0)
    if (!check_guess (self, buffer, n))
      return;

  if (n < 0)
    return;

  encoding = em_text_sniffer_finish (self->sniffer, &bom_length);
  self->wrong_guess = encoding != self->report->encoding;
}

/* Feeds the file to libcsv.  Returns the line of a quoted value that is
 * never closed, or 0.
 */
static guint
read_file (EmCallImporter  *self,
           GInputStream    *stream,
           guint8          *buffer,
           gsize            bom_length,
           Progress        *progress,
           GCancellable    *cancellable,
           GError         **error)
{
  struct csv_parser parser;
  guint64 bytes_read = 0;
  gsize skip = bom_length;
  guint unclosed_line = 0;
  gssize n = 0;

  csv_init (&parser, CSV_REPALL_NL);
  csv_set_blk_size (&parser, 4096);

  while (!self->stop_reading && !g_atomic_int_get (&self->writer_failed) &&
         (n = g_input_stream_read (stream, buffer, READ_CHUNK_SIZE, cancellable, error)) > 0)
    {
      gsize start = MIN (skip, (gsize) n);

      if (!check_guess (self, buffer, n))
        break;

      skip -= start;
      /* libcsv only stops early when it runs out of memory. */
      if (!parse_chunk (self, &parser, (const char *) buffer + start, n - start))
        {
          g_set_error (error, EM_ERROR, EM_ERROR_FAILED, "%s", csv_strerror (csv_error (&parser)));
          n = -1;
          break;
        }

      bytes_read += n;
      report_progress (progress, bytes_read, FALSE);
    }

  if (self->wrong_guess)
    {
      csv_free (&parser);
      return 0;
    }

  if (n == 0 && !self->stop_reading && !finish_parser (self, &parser))
    unclosed_line = self->record_line;
  csv_free (&parser);

  if (n == 0)
    report_progress (progress, progress->total, TRUE);

  /* Stopped early (a refused header), the rest must be read for the guess. */
  if (n == 0 || (n > 0 && self->stop_reading))
    finish_guess (self, n > 0 ? stream : NULL, buffer, cancellable, error);

  return unclosed_line;
}

static void
check_end_of_file (EmCallImporter *self,
                   guint           unclosed_line)
{
  if (unclosed_line > 0)
    {
      file_problem (self, unclosed_line, "",
                    g_strdup (_("a quoted value that starts in this row is never closed "
                                "(a \" is missing), so the rest of the file cannot be read")));
      self->file_refused = TRUE;
    }
  else if (!self->have_header)
    {
      file_problem (self, 1, "", g_strdup (_("the file is empty: there is no header row")));
      self->file_refused = TRUE;
    }
}

static EmCallImportReport *
run_import (EmCallImporter  *self,
            GInputStream    *stream,
            guint8          *buffer,
            gsize            bom_length,
            Progress        *progress,
            GCancellable    *cancellable,
            GError         **error)
{
  GError *read_error = NULL;
  guint unclosed_line;

  if (!start_import (self, error))
    {
      em_db_rollback (self->db);
      return NULL;
    }

  em_call_importer_start_writer (self);
  reset_record (self);
  unclosed_line = read_file (self, stream, buffer, bom_length, progress, cancellable, &read_error);
  em_call_importer_stop_writer (self);

  if (self->wrong_guess && read_error == NULL && self->error == NULL)
    {
      em_db_rollback (self->db);
      return NULL;
    }

  if (read_error == NULL && self->error == NULL)
    g_cancellable_set_error_if_cancelled (cancellable, &read_error);

  if (read_error != NULL || self->error != NULL)
    {
      em_db_rollback (self->db);
      if (read_error != NULL)
        set_read_error (error, self->path, read_error);
      else
        g_propagate_error (error, g_steal_pointer (&self->error));
      return NULL;
    }

  check_end_of_file (self, unclosed_line);

  if (self->file_refused ||
      (self->report->n_bad_rows > 0 && !(self->flags & EM_CALL_IMPORT_SKIP_BAD)))
    return refuse (self, error);

  if (!finish_import (self, error))
    {
      em_db_rollback (self->db);
      return NULL;
    }

  return g_steal_pointer (&self->report);
}

static gint64
query_pragma (EmDb       *db,
              const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (db, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return 0;

  return sqlite3_column_int64 (stmt, 0);
}

static void
set_pragma (EmDb       *db,
            const char *name,
            gint64      value)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s = %" G_GINT64_FORMAT, name, value);

  em_db_exec (db, sql, NULL);
}

/* What one run of the import reads from and writes to. */
typedef struct
{
  EmDb              *db;
  const char        *path;
  EmCallImportFlags  flags;
  EmZone            *zone;
  GInputStream      *stream;
  guint8            *buffer;
  Progress          *progress;
  GCancellable      *cancellable;
} ImportRun;

/* Imports the file in @encoding.  A @guessed encoding is checked as the
 * file is read; if it was wrong, nothing is stored, %NULL is returned
 * without an error and @out_again is set.
 */
static EmCallImportReport *
import_in (const ImportRun  *run,
           EmTextEncoding    encoding,
           gsize             bom_length,
           gboolean          guessed,
           gboolean         *out_again,
           GError          **error)
{
  EmCallImporter importer;
  EmTextSniffer sniffer;
  EmCallImportReport *report;
  GError *local_error = NULL;

  importer_init (&importer, run->db, run->path, run->flags, encoding, run->zone);
  if (guessed)
    {
      em_text_sniffer_init (&sniffer);
      importer.sniffer = &sniffer;
    }

  report = run_import (&importer, run->stream, run->buffer, bom_length, run->progress,
                       run->cancellable, &local_error);
  *out_again = report == NULL && local_error == NULL && importer.wrong_guess;
  if (local_error != NULL)
    g_propagate_error (error, local_error);

  importer_clear (&importer);
  return report;
}

/**
 * em_call_import_file:
 *
 * Returns: (transfer full) (nullable): the report; %NULL with @error set
 *   when the import could not run at all (see em-call-import.h).
 */
EmCallImportReport *
em_call_import_file (EmDb                  *db,
                     const char            *path,
                     EmCallImportFlags      flags,
                     EmCallImportProgress   progress_func,
                     gpointer               progress_data,
                     GCancellable          *cancellable,
                     GError               **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(EmZone) zone = NULL;
  g_autofree guint8 *buffer = NULL;
  Progress progress = { progress_func, progress_data, 0, 0, 0 };
  EmTextEncoding encoding = EM_TEXT_ENCODING_UNKNOWN;
  EmCallImportReport *report = NULL;
  ImportRun run = { db, path, flags, NULL, NULL, NULL, &progress, cancellable };
  gboolean again = FALSE;
  gsize bom_length = 0;
  gint64 cache_size, foreign_keys;

  g_return_val_if_fail (EM_IS_DB (db), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);

  if (!(stream = open_file (path, &progress.total, cancellable, error)))
    return NULL;

  buffer = g_malloc (READ_CHUNK_SIZE);
  if (!guess_encoding (stream, path, buffer, &encoding, &bom_length, cancellable, error) ||
      !(zone = em_zone_new_for_center (db, error)))
    return NULL;

  run.zone = zone;
  run.stream = stream;
  run.buffer = buffer;

  /* For the one long transaction, on this connection only (both are put
   * back): a bigger page cache keeps the growing indexes in memory, and
   * foreign keys are not checked per row because every agent id bound was
   * just read from or inserted into `agents` in this same transaction, and
   * the import id is the `imports` row it inserted first.
   */
  cache_size = query_pragma (db, "PRAGMA cache_size");
  foreign_keys = query_pragma (db, "PRAGMA foreign_keys");
  set_pragma (db, "cache_size", -IMPORT_CACHE_KIB);
  set_pragma (db, "foreign_keys", 0);

  if (encoding != EM_TEXT_ENCODING_UNKNOWN)
    report = import_in (&run, encoding, bom_length, TRUE, &again, error);

  /* Not UTF-8 after all (or not from the first read on): the whole file
   * decides, then the import runs in that encoding.
   */
  if ((encoding == EM_TEXT_ENCODING_UNKNOWN || again) &&
      rewind_stream (stream, path, cancellable, error) &&
      detect_encoding (stream, path, buffer, &encoding, &bom_length, cancellable, error))
    report = import_in (&run, encoding, bom_length, FALSE, &again, error);

  set_pragma (db, "foreign_keys", foreign_keys);
  set_pragma (db, "cache_size", cache_size);

  return report;
}


/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "em-call-import.h"
#include "em-text-encoding.h"
#include "em-time.h"

G_BEGIN_DECLS

/* Shared by the three parts of the call import:
 *   em-call-import.c         the parser: reading, decoding and checking rows
 *                            (the calling thread), the transaction;
 *   em-call-import-store.c   the writer: agents, calls, repeats (its own
 *                            thread, fed batches of rows);
 *   em-call-import-report.c  the report the caller gets.
 */

#define EM_CALL_BATCH_ROWS  1024
#define EM_CALL_N_BATCHES   4
#define EM_CALL_CHUNK_ROWS  256           /* rows of the biggest multi-row INSERT */
#define EM_CALL_N_INSERTS   3             /* of 256, 32 and 4 rows */
#define EM_CALL_ABSENT      G_MAXUINT32   /* an EmCallRow offset: no such field */

typedef enum
{
  EM_COL_CALL_ID,
  EM_COL_AGENT_CODE,
  EM_COL_AGENT_NAME,
  EM_COL_TEAM,
  EM_COL_STARTED_AT,
  EM_COL_DURATION,
  EM_COL_WAIT,
  EM_COL_DIRECTION,
  EM_COL_CALLER,
  EM_COL_QUEUE,
  EM_COL_SATISFACTION,
  EM_COL_RESOLVED,
  EM_COL_RECORDING,
  EM_COL_TICKET_DUE,
  EM_COL_TICKET_CLOSED,
  EM_N_COLUMNS
} EmCallColumn;

struct _EmCallImportReport
{
  guint           n_imported;
  guint           n_duplicates;
  guint           n_skipped;
  guint           n_rows;
  guint           n_bad_rows;
  gint64          import_id;
  EmTextEncoding  encoding;
  GArray         *problems;          /* EmCallImportProblem */
  GPtrArray      *unknown_columns;   /* NULL-terminated */
  GStringChunk   *strings;           /* the problems' column names */
};

/* One record: where its values are in its batch's text, and what they
 * mean.  The parser fills it; the writer stores it.
 */
typedef struct
{
  guint       line;
  gboolean    ok;
  guint       n_problems;                 /* the parser's problems with it, in its batch */
  guint32     offset[EM_N_COLUMNS];
  guint32     length[EM_N_COLUMNS];
  const char *text[EM_N_COLUMNS];         /* resolved by whoever reads the row: "" if empty */
  guint       present;                    /* bit per column with a parsed, non-empty value */
  gint64      started_at;
  gint32      utc_offset;
  int         direction;                  /* 0 unknown, 1 in, 2 out */
  gint64      duration;
  gint64      wait;
  gint64      ticket_due;
  gint64      ticket_closed;
  int         satisfaction;
  int         resolved;
} EmCallRow;

typedef struct
{
  GString  *text;                         /* the rows' values, each followed by a NUL */
  GArray   *rows;                         /* EmCallRow */
  GArray   *problems;                     /* EmCallImportProblem, in row order */
  gboolean  last;
} EmCallBatch;

typedef struct
{
  /* Set up before the writer starts, then read-only. */
  EmDb                *db;
  sqlite3             *handle;
  const char          *path;
  EmCallImportFlags    flags;
  EmCallImportReport  *report;
  const char          *column_name[EM_N_COLUMNS];  /* as written, interned */
  const char          *whole_row;                  /* "", interned */

  /* The parser's */
  EmTextSniffer       *sniffer;                    /* checks a guessed encoding, or NULL */
  gboolean             wrong_guess;                /* the file is not in it after all */
  EmTextDecoder       *decoder;
  gboolean             is_utf8;
  EmZone              *zone;
  gboolean             have_header;
  GPtrArray           *header;                     /* names as written, UTF-8 */
  GArray              *field_column;               /* int per field: an EmCallColumn or -1 */
  EmCallColumn         order[EM_N_COLUMNS];        /* the known columns in file order */
  guint                n_order;
  guint                line;                       /* physical line the parser is on */
  guint                record_line;                /* where the current record starts */
  gboolean             after_cr;
  guint                n_fields;
  gboolean             all_empty;
  guint                n_extra;                    /* non-empty fields beyond the header */
  gsize                record_start;               /* in batch->text */
  guint32              value_start[EM_N_COLUMNS];
  guint32              value_length[EM_N_COLUMNS];
  gboolean             undecodable[EM_N_COLUMNS];
  EmCallBatch         *batch;
  gboolean             stop_reading;
  gboolean             file_refused;               /* a problem --skip-bad cannot skip */

  /* Between the two */
  GAsyncQueue         *full_batches;
  GAsyncQueue         *free_batches;
  GThread             *writer;
  gint                 writer_failed;              /* atomic */

  /* The writer's */
  sqlite3_stmt        *insert_call;
  sqlite3_stmt        *insert_rows[EM_CALL_N_INSERTS];
  guint                n_insert_rows[EM_CALL_N_INSERTS];
  sqlite3_stmt        *list_new_calls;
  const EmCallRow     *chunk[EM_CALL_CHUNK_ROWS];  /* rows waiting to be stored */
  gpointer             chunk_agent[EM_CALL_CHUNK_ROWS];
  guint                n_chunk;
  gint64               max_call_id;                /* the highest calls.id so far */
  gboolean             no_chunks;                  /* row ids may not be max + 1 */
  sqlite3_stmt        *find_call;
  sqlite3_stmt        *find_agent;
  gint64               import_id;
  gint64               first_call_id;
  GArray              *call_lines;                 /* guint line of call first_call_id + i */
  GHashTable          *agents;                     /* code → agent id, name, team */
  GHashTable          *teams;                      /* name → gint64 id */
  GHashTable          *not_stored;                 /* call id → line, rows not stored */
  GStringChunk        *not_stored_ids;
  guint                current_line;
  GError              *error;                      /* the writer's fatal error */
} EmCallImporter;

static inline void
em_call_row_resolve_text (EmCallRow *row,
                          GString   *text)
{
  for (int col = 0; col < EM_N_COLUMNS; col++)
    row->text[col] = row->offset[col] != EM_CALL_ABSENT ? text->str + row->offset[col] : "";
}

G_GNUC_INTERNAL
EmCallImportReport *em_call_import_report_new       (EmTextEncoding   encoding);
G_GNUC_INTERNAL
char               *em_call_import_quote_value      (const char      *text);

G_GNUC_INTERNAL
void                em_call_importer_init_writer    (EmCallImporter  *self);
G_GNUC_INTERNAL
void                em_call_importer_clear_writer   (EmCallImporter  *self);
G_GNUC_INTERNAL
gboolean            em_call_importer_prepare        (EmCallImporter  *self,
                                                     GError         **error);
G_GNUC_INTERNAL
void                em_call_importer_start_writer   (EmCallImporter  *self);
G_GNUC_INTERNAL
void                em_call_importer_hand_over      (EmCallImporter  *self,
                                                     gboolean         last);
G_GNUC_INTERNAL
void                em_call_importer_stop_writer    (EmCallImporter  *self);

/* Tests only: TRUE makes every line go through libcsv, so that what the
 * plain-line splitter does can be compared with libcsv alone.
 */
extern gboolean em_call_import_libcsv_only;

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "em-db.h"

G_BEGIN_DECLS

/* Importing the call platform's CSV (DESIGN.md §3 "Call import").
 *
 * An import is one transaction.  By default a file with any bad row is
 * rejected whole and the report lists every bad row; with
 * EM_CALL_IMPORT_SKIP_BAD the good rows are imported and the bad ones are
 * listed as skipped.  Calls whose external id is already stored are counted
 * as duplicates and left alone, so re-importing a file adds nothing twice.
 */

typedef enum
{
  EM_CALL_IMPORT_DEFAULT  = 0,
  EM_CALL_IMPORT_SKIP_BAD = 1 << 0,
} EmCallImportFlags;

typedef struct
{
  guint  line;      /* 1-based physical line where the record starts */
  char  *column;    /* the header name as written in the file, or "" for the whole row */
  char  *reason;    /* e.g. "'abc' is not a number of seconds" */
} EmCallImportProblem;

typedef struct _EmCallImportReport EmCallImportReport;

/* Called from the importing thread, at most ~10 times a second. */
typedef void (*EmCallImportProgress) (guint64  bytes_read,
                                      guint64  bytes_total,
                                      gpointer user_data);

EmCallImportReport *em_call_import_file (EmDb                  *db,
                                         const char            *path,
                                         EmCallImportFlags      flags,
                                         EmCallImportProgress   progress,
                                         gpointer               progress_data,
                                         GCancellable          *cancellable,
                                         GError               **error);

/* The report exists whenever the file could be read, also when the import
 * was refused because of bad rows (then em_call_import_file() returns the
 * report *and* sets @error with EM_ERROR_INVALID_INPUT; nothing was stored).
 * NULL with @error set means the file could not be read at all.
 */
guint                      em_call_import_report_get_n_imported     (EmCallImportReport *report);
guint                      em_call_import_report_get_n_duplicates   (EmCallImportReport *report);
guint                      em_call_import_report_get_n_skipped      (EmCallImportReport *report);
guint                      em_call_import_report_get_n_problems     (EmCallImportReport *report);
const EmCallImportProblem *em_call_import_report_get_problem        (EmCallImportReport *report,
                                                                     guint               index);
const char * const        *em_call_import_report_get_unknown_columns (EmCallImportReport *report);
const char                *em_call_import_report_get_encoding       (EmCallImportReport *report);

/* Added after the interface was pinned:
 * - n_rows: data rows read (the header and blank rows not counted);
 * - n_bad_rows: rows with at least one problem (in a refused import they
 *   were not skipped, so n_skipped is 0 there; with SKIP_BAD it equals
 *   n_skipped);
 * - import_id: the row of the `imports` table this import wrote, 0 when
 *   nothing was stored.
 *
 * A file that cannot be imported at all because of its header (a required
 * column missing, a column twice), because it is empty, or because a quoted
 * value is never closed, is refused the same way: a report whose problems
 * say why (for a missing column, the problem's column is its English name,
 * e.g. "duration"), and EM_ERROR_INVALID_INPUT, even with SKIP_BAD.  NULL (with
 * @error) is also returned when the import could not run: the database is
 * locked (EM_ERROR_DATABASE_LOCKED) or read-only (EM_ERROR_IO), the file is
 * not text in a supported encoding (EM_ERROR_INVALID_INPUT), the center
 * time zone setting is unknown (EM_ERROR_INVALID_INPUT), or it was
 * cancelled (EM_ERROR_CANCELLED).  In every refused case nothing is stored.
 *
 * In a refused import the counts of imported, duplicate and skipped rows
 * are 0: nothing happened.  The unknown columns are a NULL-terminated
 * array, empty when there are none.  The encoding is "UTF-8",
 * "UTF-8 with BOM" or "GB18030".
 */
guint                      em_call_import_report_get_n_rows         (EmCallImportReport *report);
guint                      em_call_import_report_get_n_bad_rows     (EmCallImportReport *report);
gint64                     em_call_import_report_get_import_id      (EmCallImportReport *report);
void                       em_call_import_report_free               (EmCallImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmCallImportReport, em_call_import_report_free)

G_END_DECLS

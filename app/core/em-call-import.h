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
void                       em_call_import_report_free               (EmCallImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmCallImportReport, em_call_import_report_free)

G_END_DECLS

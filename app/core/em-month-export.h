/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "em-db.h"
#include "em-month.h"
#include "em-scheme.h"

G_BEGIN_DECLS

/* The monthly Excel workbook (DESIGN.md §8): summary, agents, deductions,
 * 12-month trend and evaluation detail sheets, with native charts.
 */

typedef struct
{
  EmScheme   *scheme;        /* (nullable): the default scheme */
  EmPeriod    month;
  gint64      team_id;       /* 0: every team */
  const char *language;      /* "zh_CN" or "en"; (nullable): from the environment */
  gboolean    show_callers;  /* FALSE: caller numbers are masked (seed 004) */
} EmMonthExportOptions;

/* @fraction goes from 0 to 1.  em_month_export() calls it in its own
 * thread; em_month_export_async() in the thread-default main context of
 * the caller.
 */
typedef void (*EmMonthExportProgress) (double   fraction,
                                       gpointer user_data);

gboolean em_month_export        (EmDb                        *db,
                                 const EmMonthExportOptions  *options,
                                 const char                  *path,
                                 EmMonthExportProgress        progress,
                                 gpointer                     progress_data,
                                 GCancellable                *cancellable,
                                 GError                     **error);

void     em_month_export_async  (const char                  *db_path,
                                 const EmMonthExportOptions  *options,
                                 const char                  *path,
                                 EmMonthExportProgress        progress,
                                 gpointer                     progress_data,
                                 GDestroyNotify               progress_data_destroy,
                                 GCancellable                *cancellable,
                                 GAsyncReadyCallback          callback,
                                 gpointer                     user_data);
gboolean em_month_export_finish (GAsyncResult                *result,
                                 GError                     **error);

G_END_DECLS

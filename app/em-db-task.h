/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "em-db.h"

G_BEGIN_DECLS

/* The work of an EmDbTask, in its worker thread: @db is the thread's own
 * connection, @task_data the GTask's.  Returns FALSE with @error set on
 * failure; on success *@out_result (NULL unless set) is the task's result.
 */
typedef gboolean (*EmDbTaskFunc) (EmDb          *db,
                                  gpointer       task_data,
                                  GCancellable  *cancellable,
                                  gpointer      *out_result,
                                  GError       **error);

void em_db_task_run_in_thread (GTask          *task,
                               EmDb           *db,
                               EmDbTaskFunc    func,
                               GDestroyNotify  result_free);

G_END_DECLS

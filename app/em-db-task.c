/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-db-task.h"

/* A connection belongs to one thread: work on the database that runs in a
 * GTask thread (a month's figures, an import, a draw) opens its own EmDb
 * on the same file, does its work there and hands the result back to the
 * main thread through the task.  The task's data stays the caller's, so
 * what the thread needs besides it rides on the task itself.
 */

typedef struct
{
  char           *db_path;
  EmDbTaskFunc    func;
  GDestroyNotify  result_free;
} Work;

static void
work_free (gpointer data)
{
  Work *work = data;

  g_free (work->db_path);
  g_free (work);
}

static void
run (GTask        *task,
     gpointer      source_object,
     gpointer      task_data,
     GCancellable *cancellable)
{
  Work *work = g_object_get_data (G_OBJECT (task), "em-db-task");
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = em_db_open (work->db_path, &error);
  gpointer result = NULL;

  if (db != NULL && work->func (db, task_data, cancellable, &result, &error))
    g_task_return_pointer (task, result, work->result_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * em_db_task_run_in_thread:
 * @task: a task whose data @func reads
 * @db: the database, whose file the worker opens again
 * @func: the work
 * @result_free: (nullable): frees a result nobody takes
 *
 * Runs @func in a worker thread with its own connection to @db's file.
 * The task then returns @func's result (g_task_propagate_pointer(); NULL
 * without an error is a success without a result) or its error.
 */
void
em_db_task_run_in_thread (GTask          *task,
                          EmDb           *db,
                          EmDbTaskFunc    func,
                          GDestroyNotify  result_free)
{
  Work *work;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (EM_IS_DB (db));
  g_return_if_fail (func != NULL);

  work = g_new0 (Work, 1);
  work->db_path = g_strdup (em_db_get_path (db));
  work->func = func;
  work->result_free = result_free;
  g_object_set_data_full (G_OBJECT (task), "em-db-task", work, work_free);
  g_task_run_in_thread (task, run);
}

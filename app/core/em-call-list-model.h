/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "em-call.h"
#include "em-call-query.h"
#include "em-db.h"

G_BEGIN_DECLS

#define EM_TYPE_CALL_LIST_MODEL (em_call_list_model_get_type ())

G_DECLARE_FINAL_TYPE (EmCallListModel, em_call_list_model, EM, CALL_LIST_MODEL, GObject)

/* A GListModel of EmCall over the calls table, for the thread that owns
 * @db.  Rows are read a page at a time, only when asked for.
 */
EmCallListModel   *em_call_list_model_new        (EmDb              *db);
EmDb              *em_call_list_model_get_db     (EmCallListModel   *self);
const EmCallQuery *em_call_list_model_get_query  (EmCallListModel   *self);
gboolean           em_call_list_model_set_query  (EmCallListModel   *self,
                                                  const EmCallQuery *query,
                                                  GError           **error);
gboolean           em_call_list_model_refresh    (EmCallListModel   *self,
                                                  GError           **error);
guint              em_call_list_model_get_n_pages_read (EmCallListModel *self);

/* The same, with the counting and the first page done in a thread with
 * its own connection: for the UI, which must not wait on a search over a
 * million calls.  The newest request wins; older ones finish with
 * G_IO_ERROR_CANCELLED and are never shown.
 */
void               em_call_list_model_set_query_async  (EmCallListModel     *self,
                                                        const EmCallQuery   *query,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean           em_call_list_model_set_query_finish (EmCallListModel     *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
void               em_call_list_model_refresh_async    (EmCallListModel     *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean           em_call_list_model_refresh_finish   (EmCallListModel     *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
gboolean           em_call_list_model_get_loading      (EmCallListModel     *self);

G_END_DECLS

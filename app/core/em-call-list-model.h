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

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "em-call-query.h"

G_BEGIN_DECLS

/* The SQL a query stands for.  Values never enter the text: they are
 * added to @binds (GVariants of type "x" or "s") and referenced as ?N.
 */
gboolean  _em_call_query_sort_uses_index (const EmCallQuery *self);
char     *_em_call_query_build_from     (const EmCallQuery *self);
char     *_em_call_query_build_where    (const EmCallQuery *self,
                                         GPtrArray         *binds);
char     *_em_call_query_build_order_by (const EmCallQuery *self);
void      _em_call_query_bind           (sqlite3_stmt      *stmt,
                                         GPtrArray         *binds);

G_END_DECLS

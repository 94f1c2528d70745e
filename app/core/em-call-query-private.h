/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "em-call-query.h"

G_BEGIN_DECLS

/* The SQL a query stands for.  Values never enter the text: they are
 * added to @binds (GVariants of type "x" or "s") and referenced as ?N.
 */
gboolean  _em_call_query_sort_uses_index (const EmCallQuery *self);
gboolean  _em_call_query_has_filters    (const EmCallQuery *self);
char     *_em_call_query_build_from     (const EmCallQuery *self);
char     *_em_call_query_build_where    (const EmCallQuery *self,
                                         GPtrArray         *binds);
char     *_em_call_query_build_order_by (const EmCallQuery *self);
void      _em_call_query_bind           (sqlite3_stmt      *stmt,
                                         GPtrArray         *binds);

/* A sort no index serves is done in memory (em-call-list-model.c): each
 * call's key is read with its id and start time, then sorted the way
 * SQLite would (NULL first, numbers, then text by bytes; ties by start
 * time, then id).  The key is the column @column, or, when @map_sql is
 * set, what @map_sql's rows (column value, integer key) map that column
 * to, @map_default for a value it does not list.
 */
typedef enum
{
  EM_CALL_SORT_KEY_INTEGER,
  EM_CALL_SORT_KEY_TEXT,
  EM_CALL_SORT_KEY_MAPPED,
} EmCallSortKeyKind;

typedef struct
{
  EmCallSortKeyKind  kind;
  const char        *column;
  const char        *map_sql;
  gint64             map_default;
} EmCallSortKey;

void      _em_call_query_get_sort_key   (const EmCallQuery *self,
                                         EmCallSortKey     *out_key);

G_END_DECLS

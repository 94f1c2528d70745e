/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-db.h"

G_BEGIN_DECLS

/* A transaction that nests: the outermost one is BEGIN IMMEDIATE … COMMIT,
 * inner ones are savepoints.  So a store function is atomic on its own and
 * also inside a caller's larger transaction (earmark-cli evaluate imports
 * a scorecard, saves and submits as one change).  Internal to the core.
 */
typedef struct
{
  EmDb     *db;
  gboolean  outer;
  gboolean  open;
} EmTxn;

gboolean em_txn_begin    (EmTxn    *txn,
                          EmDb     *db,
                          GError  **error);
gboolean em_txn_commit   (EmTxn    *txn,
                          GError  **error);
void     em_txn_rollback (EmTxn    *txn);

/* Rolls back a transaction left open when it goes out of scope. */
static inline void
em_txn_cleanup (EmTxn *txn)
{
  if (txn->open)
    em_txn_rollback (txn);
}

#define EM_TXN_AUTO __attribute__((cleanup (em_txn_cleanup))) EmTxn

G_END_DECLS

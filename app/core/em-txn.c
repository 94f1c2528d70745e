/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-db"

#include "config.h"

#include <glib/gi18n.h>

#include "em-txn.h"

gboolean
em_txn_begin (EmTxn    *txn,
              EmDb     *db,
              GError  **error)
{
  g_return_val_if_fail (EM_IS_DB (db), FALSE);

  txn->db = db;
  txn->outer = sqlite3_get_autocommit (em_db_get_handle (db)) != 0;

  if (!(txn->outer ? em_db_begin (db, error) : em_db_exec (db, "SAVEPOINT em_txn", error)))
    return FALSE;

  txn->open = TRUE;
  return TRUE;
}

gboolean
em_txn_commit (EmTxn    *txn,
               GError  **error)
{
  g_return_val_if_fail (txn->open, FALSE);

  if (!(txn->outer ? em_db_commit (txn->db, error) : em_db_exec (txn->db, "RELEASE em_txn", error)))
    {
      em_txn_rollback (txn);
      return FALSE;
    }

  txn->open = FALSE;
  return TRUE;
}

void
em_txn_rollback (EmTxn *txn)
{
  if (!txn->open)
    return;

  txn->open = FALSE;
  if (txn->outer)
    em_db_rollback (txn->db);
  else
    em_db_exec (txn->db, "ROLLBACK TO em_txn; RELEASE em_txn", NULL);
}

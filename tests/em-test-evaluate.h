/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "em-db.h"
#include "em-score-row.h"
#include "em-test-gui.h"

G_BEGIN_DECLS

/* Helpers for the evaluate view's tests and the programs they drive: a
 * small database with one call, and reaching the form's real controls.
 */

typedef struct
{
  char   *dir;
  char   *db_path;
  EmDb   *db;
  gint64  call_id;
} EmTestCallDb;

void        em_test_call_db_init     (EmTestCallDb  *fixture,
                                      const char    *dir,
                                      const char    *recording);
void        em_test_call_db_clear    (EmTestCallDb  *fixture);

EmScoreRow *em_test_find_score_row   (GtkWidget     *root,
                                      const char    *item_id);
gpointer    em_test_row_control      (EmScoreRow    *row,
                                      const char    *name);

G_END_DECLS

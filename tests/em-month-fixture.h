/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-db.h"

G_BEGIN_DECLS

/* A database built row by row with SQL, whose monthly figures are worked
 * out by hand in em-month-fixture.c (and in README.md's numbers).  It is
 * written directly rather than through the importer or the evaluation
 * store so that the monthly tests depend on the schema only.
 */

void  em_month_fixture_fill   (EmDb       *db);
char *em_month_fixture_create (const char *dir);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Forward-only migrations: migration[i] takes the schema from version i to
 * version i + 1.  A released migration is never edited; add a new one.
 */
extern const char * const em_db_migrations[];
extern const guint em_db_n_migrations;

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "em-db.h"
#include "em-scheme.h"

G_BEGIN_DECLS

/* What "month" and "export" share: opening an existing database, loading
 * a scheme, choosing the language, finding a team.
 */

EmDb       *em_cli_month_open_db    (const char  *path,
                                     GError     **error);
EmScheme   *em_cli_month_scheme     (const char  *path,
                                     GError     **error);
gboolean    em_cli_month_language   (const char  *option,
                                     const char **out_language);
int         em_cli_month_fail       (GError      *error);

G_END_DECLS

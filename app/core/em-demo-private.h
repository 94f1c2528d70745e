/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "em-db.h"

G_BEGIN_DECLS

/* Shared between the two halves of the demo: em-demo.c makes the calls,
 * em-demo-evaluations.c samples and evaluates them.
 */

double   em_demo_agent_skill      (const char    *agent_code);

gboolean em_demo_add_evaluations  (EmDb          *db,
                                   GRand         *rand,
                                   GDateTime     *first_month,
                                   guint          n_months,
                                   gint64         end,
                                   guint         *out_n_plans,
                                   guint         *out_n_evaluations,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_END_DECLS

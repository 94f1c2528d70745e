/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "em-db.h"

G_BEGIN_DECLS

/* The demo data behind "Load Demo Data" and `earmark-cli demo`: two
 * teams, twelve agents, six months of calls ending at @end, a few short
 * recordings written into the database's recordings folder, each month's
 * sampling plan and the evaluations of the sampled calls.
 */

typedef struct
{
  guint n_teams;
  guint n_agents;
  guint n_calls;
  guint n_recordings;   /* files written */
  guint n_with_recording;
  guint n_plans;        /* monthly sampling plans drawn */
  guint n_evaluations;
} EmDemoSummary;

/* The center's time zone in the demo (China Standard Time). */
#define EM_DEMO_UTC_OFFSET (8 * 3600)

gboolean em_demo_create (EmDb           *db,
                         GDateTime      *end,
                         EmDemoSummary  *out_summary,
                         GCancellable   *cancellable,
                         GError        **error);

G_END_DECLS

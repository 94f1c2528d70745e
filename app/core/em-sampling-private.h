/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-sampling.h"

G_BEGIN_DECLS

/* The draw itself (em-sampling-draw.c), apart from how plans are stored
 * (em-sampling.c).  A draw reads the database, writes nothing, and marks
 * each call of the month with the reasons it is sampled for.
 */

typedef struct
{
  gint64            id;
  char             *external_id;
  guint             agent;        /* index into EmSamplingDraw.agents */
  gint64            started_at;   /* UTC */
  gint64            local;        /* started_at + utc_offset */
  int               duration_s;
  int               wait_s;       /* -1: unknown */
  int               direction;    /* 0 unknown, 1 inbound, 2 outbound */
  EmSamplingReason  reasons;
} EmDrawCall;

typedef struct
{
  gint64  id;
  char   *code;
  guint   first;                  /* the agent's calls are calls[first .. first + n) */
  guint   n;
} EmDrawAgent;

typedef struct
{
  GArray *calls;                  /* EmDrawCall, by agent code, started_at, external id */
  GArray *agents;                 /* EmDrawAgent, by code */
} EmSamplingDraw;

gint64          em_sampling_month_index  (int                     year,
                                          int                     month);
gint64          em_sampling_month_start  (gint64                  month_index);

EmSamplingDraw *em_sampling_draw         (EmDb                   *db,
                                          gint64                  month_index,
                                          gint64                  seed,
                                          const EmSamplingRules  *rules,
                                          EmSamplingReason        which,
                                          GError                **error);
void            em_sampling_draw_free    (EmSamplingDraw         *draw);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmSamplingDraw, em_sampling_draw_free)

G_END_DECLS

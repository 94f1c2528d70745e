/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A small, explicit pseudo-random generator (SplitMix64) for draws that
 * must be reproducible from a stored seed forever: unlike GRand, its
 * sequence is defined here and never changes with a library upgrade.
 */
typedef struct
{
  guint64 state;
} EmRandom;

void    em_random_init        (EmRandom   *self,
                               guint64     seed);
guint64 em_random_next        (EmRandom   *self);
guint64 em_random_below       (EmRandom   *self,
                               guint64     bound);
guint64 em_random_hash_string (const char *text);

G_END_DECLS

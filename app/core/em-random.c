/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-random"

#include "config.h"

#include "em-random.h"

/* SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", 2014), the generator Vigna recommends for seeding and which
 * passes BigCrush on its own.  The constants are part of Earmark's stored
 * sampling plans: changing them would change every plan drawn again from
 * its seed, so they must stay as they are.
 */

void
em_random_init (EmRandom *self,
                guint64   seed)
{
  g_return_if_fail (self != NULL);

  self->state = seed;
}

guint64
em_random_next (EmRandom *self)
{
  guint64 z;

  self->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  z = self->state;
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* A uniform integer in [0, bound).  Plain "next % bound" would favour small
 * values; draws from the short top end of the range are rejected instead.
 */
guint64
em_random_below (EmRandom *self,
                 guint64   bound)
{
  guint64 threshold;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (bound > 0, 0);

  threshold = (0 - bound) % bound;
  for (;;)
    {
      guint64 r = em_random_next (self);

      if (r >= threshold)
        return r % bound;
    }
}

/* FNV-1a, 64 bits: a fixed hash of a string (an agent's code) to derive
 * independent streams from one seed.  g_str_hash is not promised stable.
 */
guint64
em_random_hash_string (const char *text)
{
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  g_return_val_if_fail (text != NULL, 0);

  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      hash ^= *p;
      hash *= G_GUINT64_CONSTANT (0x100000001b3);
    }

  return hash;
}

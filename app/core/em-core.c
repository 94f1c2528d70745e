/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-core"

#include "config.h"

#include "em-core.h"
#include "earmark-core-resources.h"

/* The core's data (shipped scorecards, schemes, demo recordings) lives in
 * a GResource compiled into the static library.  It is registered by hand:
 * a constructor in a static library is dropped by the linker when nothing
 * refers to its object file.  Safe to call any number of times, from any
 * thread.
 */
void
em_core_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      earmark_core_register_resource ();
      g_once_init_leave (&initialized, 1);
    }
}

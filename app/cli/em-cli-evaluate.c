/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "em-cli.h"

/* Placeholder until the issue that owns "evaluate" lands; it refuses to run
 * rather than pretend.
 */
int
em_cli_evaluate (int    argc,
            char **argv)
{
  return em_cli_usage_error (NULL, _("the “%s” command is not available in this build yet"), "evaluate");
}

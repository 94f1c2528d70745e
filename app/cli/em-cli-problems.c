/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "em-cli.h"
#include "em-cli-problems.h"
#include "em-error.h"

/* Like em_cli_fail(), but a scorecard's or answers file's problems, which
 * already read “FILE: [group] key: reason”, are printed one per line as
 * they are, so that each line names its file.
 */
int
em_cli_fail_with_problems (GError *error)
{
  if (error != NULL && g_error_matches (error, EM_ERROR, EM_ERROR_INVALID_INPUT))
    {
      g_autoptr(GError) owned = error;

      fprintf (stderr, "%s\n", owned->message);
      return EM_CLI_BAD_INPUT;
    }

  return em_cli_fail (error);
}

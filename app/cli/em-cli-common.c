/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "em-cli.h"
#include "em-error.h"

int
em_cli_usage_error (GOptionContext *context,
                    const char     *format,
                    ...)
{
  g_autofree char *message = NULL;
  g_autofree char *help = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "earmark-cli: %s\n", message);
  if (context != NULL)
    {
      help = g_option_context_get_help (context, TRUE, NULL);
      fprintf (stderr, "\n%s", help);
    }

  return EM_CLI_USAGE;
}

/* Prints @error (taking ownership) and returns the exit code it calls for. */
int
em_cli_fail (GError *error)
{
  g_autoptr(GError) owned = error;

  fprintf (stderr, "earmark-cli: %s\n", owned != NULL ? owned->message : _("unknown error"));

  if (owned != NULL && owned->domain == G_OPTION_ERROR)
    return EM_CLI_USAGE;

  return EM_CLI_BAD_INPUT;
}

EmDb *
em_cli_open_db (const char  *path,
                GError     **error)
{
  return em_db_open (path, error);
}

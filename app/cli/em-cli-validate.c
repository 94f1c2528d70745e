/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "em-cli.h"
#include "em-error.h"
#include "em-problem.h"
#include "em-scorecard.h"

/* earmark-cli validate --scorecard F
 *
 * Prints “ok”, or every problem as “F: [group] key: reason” — on stdout,
 * since the problems are what the command was asked for — and exits 1.
 * A file that cannot be read at all is an error (stderr, exit 1).
 */
int
em_cli_validate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = em_problems_new ();
  g_autoptr(EmScorecard) scorecard = NULL;
  g_autofree char *scorecard_path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  const GOptionEntry entries[] = {
    { "scorecard", 0, 0, G_OPTION_ARG_FILENAME, &scorecard_path, N_("The scorecard file to check"), "F" },
    { NULL }
  };

  g_option_context_set_summary (context, _("Check a scorecard file and print every problem in it."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return em_cli_usage_error (context, "%s", error->message);
  if (scorecard_path == NULL)
    return em_cli_usage_error (context, _("--scorecard is required"));
  if (argc > 1)
    return em_cli_usage_error (context, _("unexpected argument “%s”"), argv[1]);

  if (!g_file_get_contents (scorecard_path, &contents, &length, &error))
    return em_cli_fail (g_error_new (EM_ERROR, EM_ERROR_IO, _("Cannot read the scorecard “%s”: %s"),
                                     scorecard_path, error->message));

  scorecard = em_scorecard_parse (contents, length, problems);
  if (scorecard == NULL)
    {
      g_autofree char *report = em_problems_format (problems, scorecard_path);

      printf ("%s\n", report);
      return EM_CLI_BAD_INPUT;
    }

  printf ("ok\n");
  return EM_CLI_OK;
}

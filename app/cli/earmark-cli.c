/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "em-cli.h"
#include "em-i18n.h"

/* earmark-cli: the core, headless, for scripts and cron jobs.  Its output
 * and exit codes are a public interface (DESIGN.md §11).
 */

typedef struct
{
  const char       *name;
  EmCliCommandFunc  func;
  const char       *summary;
} EmCliCommand;

static const EmCliCommand commands[] = {
  { "import-calls", em_cli_import_calls, N_("Import a call list (CSV)") },
  { "validate",     em_cli_validate,     N_("Check a scorecard file") },
  { "score",        em_cli_score,        N_("Score an answers file against a scorecard") },
  { "evaluate",     em_cli_evaluate,     N_("Store an evaluation of a call") },
  { "month",        em_cli_month,        N_("Print the monthly evaluation") },
  { "export",       em_cli_export,       N_("Export the monthly workbook (.xlsx)") },
  { "sample",       em_cli_sample,       N_("Draw the month’s sampling plan") },
  { "demo",         em_cli_demo,         N_("Create a demo database") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n", _("Usage: earmark-cli COMMAND [OPTION…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-14s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “earmark-cli COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  em_i18n_init ();

  if (argc < 2)
    {
      print_usage (stderr);
      return EM_CLI_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return EM_CLI_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("earmark-cli %s\n", PACKAGE_VERSION);
      return EM_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].func (argc - 1, argv + 1);

  fprintf (stderr, _("earmark-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return EM_CLI_USAGE;
}

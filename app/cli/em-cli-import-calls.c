/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "em-call-import.h"
#include "em-cli.h"

/* earmark-cli import-calls --db D [--skip-bad] FILE.csv
 *
 * On success (exit 0) stdout has exactly three lines:
 *   imported<TAB>N
 *   duplicates<TAB>N
 *   skipped<TAB>N
 * and stderr lists the rows that were skipped, one per line as
 * FILE:LINE: column: reason (FILE:LINE: reason for a problem with the whole
 * row), plus one note naming the columns that were ignored.
 *
 * When the file is refused (exit 1: bad rows without --skip-bad, a missing
 * required column, an empty file, a locked database…) nothing is stored and
 * stdout stays empty: the problem lines and a last "earmark-cli: …" line
 * saying why go to stderr.  stdout therefore only ever describes an import
 * that happened.
 */

static void
print_problems (const char         *file,
                EmCallImportReport *report)
{
  guint n = em_call_import_report_get_n_problems (report);

  for (guint i = 0; i < n; i++)
    {
      const EmCallImportProblem *problem = em_call_import_report_get_problem (report, i);

      if (problem->column[0] != '\0')
        fprintf (stderr, "%s:%u: %s: %s\n", file, problem->line, problem->column, problem->reason);
      else
        fprintf (stderr, "%s:%u: %s\n", file, problem->line, problem->reason);
    }
}

static void
print_unknown_columns (const char         *file,
                       EmCallImportReport *report)
{
  const char * const *unknown = em_call_import_report_get_unknown_columns (report);
  g_autofree char *list = NULL;

  if (unknown[0] == NULL)
    return;

  list = g_strjoinv (", ", (char **) unknown);
  fprintf (stderr, _("earmark-cli: %s: ignored unknown columns: %s\n"), file, list);
}

int
em_cli_import_calls (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = NULL;
  g_autoptr(EmCallImportReport) report = NULL;
  g_autofree char *db_path = NULL;
  g_auto(GStrv) files = NULL;
  gboolean skip_bad = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("The database (default: $XDG_DATA_HOME/earmark/earmark.db)"), N_("PATH") },
    { "skip-bad", 0, 0, G_OPTION_ARG_NONE, &skip_bad,
      N_("Import the good rows and skip the bad ones instead of refusing the file"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE.csv") },
    { NULL }
  };

  context = g_option_context_new (_("FILE.csv — import a call list"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return em_cli_usage_error (context, "%s", error->message);

  if (files == NULL || files[0] == NULL)
    return em_cli_usage_error (context, "%s", _("missing the CSV file to import"));
  if (files[1] != NULL)
    return em_cli_usage_error (context, "%s", _("import one CSV file at a time"));

  if (!(db = em_cli_open_db (db_path, &error)))
    return em_cli_fail (g_steal_pointer (&error));

  report = em_call_import_file (db, files[0],
                                skip_bad ? EM_CALL_IMPORT_SKIP_BAD : EM_CALL_IMPORT_DEFAULT,
                                NULL, NULL, NULL, &error);

  if (report != NULL)
    {
      print_unknown_columns (files[0], report);
      print_problems (files[0], report);
    }

  if (error != NULL)
    return em_cli_fail (g_steal_pointer (&error));

  printf ("imported\t%u\n", em_call_import_report_get_n_imported (report));
  printf ("duplicates\t%u\n", em_call_import_report_get_n_duplicates (report));
  printf ("skipped\t%u\n", em_call_import_report_get_n_skipped (report));

  return EM_CLI_OK;
}

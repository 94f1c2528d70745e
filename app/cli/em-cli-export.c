/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "em-cli.h"
#include "em-cli-month-options.h"
#include "em-error.h"
#include "em-month-export.h"

/* earmark-cli export: the monthly workbook (DESIGN.md §8, §11).  Prints
 * the path written.  --scheme, --lang and --show-callers are compatible
 * extensions; caller numbers are masked unless --show-callers is given.
 */

int
em_cli_export (int    argc,
               char **argv)
{
  g_autofree char *db_path = NULL, *month = NULL, *team = NULL, *output = NULL;
  g_autofree char *scheme_path = NULL, *lang = NULL;
  gboolean show_callers = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("PATH") },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, N_("The month"), N_("YYYY-MM") },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("Only this team"), N_("TEAM") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write"), N_("FILE.xlsx") },
    { "scheme", 0, 0, G_OPTION_ARG_FILENAME, &scheme_path, N_("The monthly scheme (default: the shipped one)"), N_("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the workbook: zh_CN or en"), N_("LANG") },
    { "show-callers", 0, 0, G_OPTION_ARG_NONE, &show_callers, N_("Write caller numbers unmasked (personal data)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— export the monthly workbook"));
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = NULL;
  g_autoptr(EmScheme) scheme = NULL;
  EmMonthExportOptions options = { 0 };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return em_cli_usage_error (context, "%s", error->message);
  if (argc > 1)
    return em_cli_usage_error (context, _("unexpected argument “%s”"), argv[1]);
  if (month == NULL)
    return em_cli_usage_error (context, _("--month is required"));
  if (output == NULL)
    return em_cli_usage_error (context, _("-o FILE.xlsx is required"));
  if (!em_period_parse_month (month, &options.month, &error))
    return em_cli_usage_error (context, "%s", error->message);
  if (!em_cli_month_language (lang, &options.language))
    return em_cli_usage_error (context, _("--lang takes zh_CN or en, not “%s”"), lang);

  if (!(scheme = em_cli_month_scheme (scheme_path, &error)) ||
      !(db = em_cli_month_open_db (db_path, &error)) ||
      (team != NULL && (options.team_id = em_month_lookup_team (db, team, &error)) == 0))
    return em_cli_month_fail (g_steal_pointer (&error));

  options.scheme = scheme;
  options.show_callers = show_callers;
  if (!em_month_export (db, &options, output, NULL, NULL, NULL, &error))
    return em_cli_fail (g_steal_pointer (&error));

  printf ("%s\n", output);
  return EM_CLI_OK;
}

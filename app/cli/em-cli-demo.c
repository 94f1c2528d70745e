/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "em-cli.h"
#include "em-demo.h"
#include "em-error.h"

/* earmark-cli demo --db D [--end-month YYYY-MM]
 *
 * Fills an empty database with the demo data.  By default the six months
 * end today; --end-month makes whole months ending with that one, the
 * same calls every time (for tests and screenshots).
 */

static GDateTime *
parse_end_month (const char *text)
{
  int year = 0, month = 0;
  char extra;
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (EM_DEMO_UTC_OFFSET);
  g_autoptr(GDateTime) first = NULL;

  if (sscanf (text, "%4d-%2d%c", &year, &month, &extra) != 2 ||
      year < 1970 || year > 9998 || month < 1 || month > 12)
    return NULL;

  first = g_date_time_new (tz, year, month, 1, 0, 0, 0);
  return g_date_time_add_months (first, 1);
}

int
em_cli_demo (int    argc,
             char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *end_month = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(EmDb) db = NULL;
  EmDemoSummary summary;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database to fill"), N_("PATH") },
    { "end-month", 0, 0, G_OPTION_ARG_STRING, &end_month,
      N_("The last month of calls (default: this month, up to now)"), N_("YYYY-MM") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Create a demo database: two teams, twelve agents, "
                                           "six months of calls and a few recordings."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return em_cli_usage_error (context, "%s", error->message);
  if (argc > 1)
    return em_cli_usage_error (context, _("unexpected argument “%s”"), argv[1]);

  if (end_month == NULL)
    end = g_date_time_new_now_utc ();
  else if (!(end = parse_end_month (end_month)))
    return em_cli_usage_error (context, _("--end-month “%s” is not a month (YYYY-MM)"), end_month);

  if (!(db = em_cli_open_db (db_path, &error)))
    return em_cli_fail (g_steal_pointer (&error));

  if (!em_demo_create (db, end, &summary, NULL, &error))
    return em_cli_fail (g_steal_pointer (&error));

  printf ("teams\t%u\n", summary.n_teams);
  printf ("agents\t%u\n", summary.n_agents);
  printf ("calls\t%u\n", summary.n_calls);
  printf ("recordings\t%u\n", summary.n_recordings);
  printf ("sampling_plans\t%u\n", summary.n_plans);
  printf ("evaluations\t%u\n", summary.n_evaluations);

  return EM_CLI_OK;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "em-cli.h"
#include "em-cli-month-options.h"
#include "em-error.h"
#include "em-month.h"

/* earmark-cli month: the monthly evaluation as TSV (DESIGN.md §11).
 *
 *   code name team evaluations qa_score {METRIC METRIC_points}… total grade rank
 *
 * One column pair per scheme metric other than the QA score, named after
 * the metric's id; values plain (README.md, "earmark-cli month"): rates as
 * fractions with four decimals, points and seconds with two, "" for no
 * data.  Rows are best first; rank is among the rows printed, so with
 * --team it is the rank within the team.  --quarter and --year are
 * compatible extensions giving the same columns for a longer period.
 */

typedef struct
{
  EmMonthReport *report;
  EmScheme      *scheme;
  const char    *language;
  gint64         team_id;
} Listing;

static void
append_header (GString  *out,
               EmScheme *scheme)
{
  g_string_append (out, "code\tname\tteam\tevaluations\tqa_score");
  for (guint i = 0; i < em_scheme_get_n_metrics (scheme); i++)
    {
      const EmSchemeMetric *metric = em_scheme_get_metric (scheme, i);

      if (metric->kind != EM_METRIC_QA_SCORE)
        g_string_append_printf (out, "\t%s\t%s_points", metric->id, metric->id);
    }
  g_string_append (out, "\ttotal\tgrade\trank\n");
}

/* Tabs and newlines inside a name would break the row apart. */
static void
append_field (GString    *out,
              const char *text)
{
  g_string_append_c (out, '\t');
  for (const char *p = text != NULL ? text : ""; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

static void
append_points (GString  *out,
               gboolean  known,
               EmPoints  points,
               gboolean  fixed)
{
  g_autofree char *text = !known ? NULL : fixed ? em_points_format_fixed (points) : em_points_format (points);

  append_field (out, text);
}

static void
append_row (GString              *out,
            const Listing        *listing,
            const EmMonthFigures *f)
{
  g_autofree char *grade = f->grade >= 0
                           ? em_scheme_dup_grade_title (listing->scheme, f->grade, listing->language)
                           : NULL;
  guint rank = listing->team_id != 0 ? f->team_rank : f->rank;

  g_string_append (out, f->code);
  append_field (out, f->name);
  append_field (out, f->team);
  g_string_append_printf (out, "\t%" G_GINT64_FORMAT, f->counts.n_evaluations);
  append_points (out, f->has_qa_score, f->qa_score, TRUE);

  for (guint i = 0; i < em_scheme_get_n_metrics (listing->scheme); i++)
    {
      const EmSchemeMetric *metric = em_scheme_get_metric (listing->scheme, i);
      g_autofree char *value = NULL;

      if (metric->kind == EM_METRIC_QA_SCORE)
        continue;
      value = em_metric_value_format (metric->kind, &f->metrics[i]);
      append_field (out, value);
      append_points (out, f->metrics[i].has_points, f->metrics[i].points, FALSE);
    }

  append_points (out, f->has_total, f->total, TRUE);
  append_field (out, grade);
  if (rank > 0)
    g_string_append_printf (out, "\t%u\n", rank);
  else
    g_string_append (out, "\t\n");
}

static guint
print_listing (const Listing *listing)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_rows = 0;

  append_header (out, listing->scheme);
  for (guint i = 0; i < em_month_report_get_n_agents (listing->report); i++)
    {
      const EmMonthFigures *f = em_month_report_get_agent (listing->report, i);

      if (listing->team_id != 0 && f->team_id != listing->team_id)
        continue;
      append_row (out, listing, f);
      n_rows++;
    }

  fwrite (out->str, 1, out->len, stdout);
  return n_rows;
}

static gboolean
parse_period (GOptionContext  *context,
              const char      *month,
              const char      *quarter,
              const char      *year,
              EmPeriod        *period,
              int             *out_status)
{
  g_autoptr(GError) error = NULL;
  const char *given = month != NULL ? month : quarter != NULL ? quarter : year;
  EmPeriodKind kind = month != NULL ? EM_PERIOD_MONTH : quarter != NULL ? EM_PERIOD_QUARTER : EM_PERIOD_YEAR;

  if ((month != NULL) + (quarter != NULL) + (year != NULL) != 1)
    {
      *out_status = em_cli_usage_error (context, _("give exactly one of --month, --quarter and --year"));
      return FALSE;
    }

  if (!em_period_parse (given, period, &error) || period->kind != kind)
    {
      *out_status = em_cli_usage_error (context,
                                        kind == EM_PERIOD_MONTH ? _("“%s” is not a month: write it as YYYY-MM, e.g. 2024-05")
                                        : kind == EM_PERIOD_QUARTER ? _("“%s” is not a quarter: write it as YYYY-Qn, e.g. 2024-Q2")
                                        : _("“%s” is not a year: write it as YYYY, e.g. 2024"),
                                        given);
      return FALSE;
    }

  return TRUE;
}

int
em_cli_month (int    argc,
              char **argv)
{
  g_autofree char *db_path = NULL, *month = NULL, *quarter = NULL, *year = NULL;
  g_autofree char *team = NULL, *scheme_path = NULL, *lang = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The database"), N_("PATH") },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, N_("The month"), N_("YYYY-MM") },
    { "quarter", 0, 0, G_OPTION_ARG_STRING, &quarter, N_("A quarter instead of a month"), N_("YYYY-Qn") },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year, N_("A year instead of a month"), N_("YYYY") },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("Only this team’s agents"), N_("TEAM") },
    { "scheme", 0, 0, G_OPTION_ARG_FILENAME, &scheme_path, N_("The monthly scheme (default: the shipped one)"), N_("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of the grade names: zh_CN or en"), N_("LANG") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— print the monthly evaluation"));
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDb) db = NULL;
  g_autoptr(EmScheme) scheme = NULL;
  g_autoptr(EmMonthReport) report = NULL;
  Listing listing = { 0 };
  EmPeriod period;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return em_cli_usage_error (context, "%s", error->message);
  if (argc > 1)
    return em_cli_usage_error (context, _("unexpected argument “%s”"), argv[1]);
  if (!parse_period (context, month, quarter, year, &period, &status))
    return status;
  if (!em_cli_month_language (lang, &listing.language))
    return em_cli_usage_error (context, _("--lang takes zh_CN or en, not “%s”"), lang);

  if (!(scheme = em_cli_month_scheme (scheme_path, &error)) ||
      !(db = em_cli_month_open_db (db_path, &error)) ||
      (team != NULL && (listing.team_id = em_month_lookup_team (db, team, &error)) == 0) ||
      !(report = em_month_report_compute (db, scheme, &period, NULL, &error)))
    return em_cli_month_fail (g_steal_pointer (&error));

  listing.report = report;
  listing.scheme = scheme;
  if (print_listing (&listing) == 0)
    {
      g_autofree char *when = em_period_to_string (&period);
      if (team != NULL)
        fprintf (stderr, _("earmark-cli: team “%s” has no calls in %s\n"), team, when);
      else
        fprintf (stderr, _("earmark-cli: no calls in %s\n"), when);
    }

  return EM_CLI_OK;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "em-cli.h"
#include "em-error.h"
#include "em-points.h"
#include "em-sampling.h"

/* earmark-cli sample --db D --month YYYY-MM --seed N
 *
 * Draws (or draws again) the month's sampling plan and prints one row per
 * sampled call: external call id, agent code, reasons (DESIGN.md §11).
 * Extensions: --inspectors, --min, --quota, --target and --by shape the
 * draw; --update adds to a plan in progress; --show prints the stored plan;
 * --progress prints each inspector's progress; --with-inspector adds the
 * assigned inspector as a fourth column.
 */

typedef struct
{
  char     *db_path;
  char     *month;
  char     *seed;
  char     *inspectors;
  char     *minimum;
  char     *quota;
  char     *target;
  char     *actor;
  gboolean  update;
  gboolean  show;
  gboolean  progress;
  gboolean  with_inspector;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->db_path);
  g_free (o->month);
  g_free (o->seed);
  g_free (o->inspectors);
  g_free (o->minimum);
  g_free (o->quota);
  g_free (o->target);
  g_free (o->actor);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
parse_percent (const char *text,
               guint      *out_bp)
{
  EmPoints points;

  if (!em_points_parse (text, &points) || points < 0 || points > 10000)
    return FALSE;

  *out_bp = (guint) points;
  return TRUE;
}

/* Checks the options; returns a usage message, or NULL when they fit. */
static char *
check_options (Options         *o,
               gint64          *out_seed,
               EmSamplingRules *rules)
{
  guint64 number = 0;
  guint n_modes = (o->update ? 1 : 0) + (o->show ? 1 : 0) + (o->progress ? 1 : 0);
  gboolean drawing = n_modes == 0;

  if (o->month == NULL)
    return g_strdup (_("--month is required"));
  if (!em_sampling_parse_month (o->month, NULL, NULL, NULL))
    return g_strdup_printf (_("“%s” is not a month: write it as YYYY-MM"), o->month);
  if (n_modes > 1)
    return g_strdup (_("--update, --show and --progress cannot be combined"));
  if (!drawing && (o->seed || o->inspectors || o->minimum || o->quota || o->target))
    return g_strdup (_("--seed, --inspectors, --min, --quota and --target only apply when drawing a plan"));
  if (drawing && o->seed == NULL)
    return g_strdup (_("--seed is required to draw a plan"));

  em_sampling_rules_init (rules);
  if (o->seed && !g_ascii_string_to_unsigned (o->seed, 10, 0, G_MAXINT64, &number, NULL))
    return g_strdup_printf (_("--seed “%s” is not a whole number from 0 to %lld"),
                            o->seed, (long long) G_MAXINT64);
  *out_seed = (gint64) number;
  if (o->minimum && !g_ascii_string_to_unsigned (o->minimum, 10, 0, 1000000, &number, NULL))
    return g_strdup_printf (_("--min “%s” is not a whole number from 0 to 1000000"), o->minimum);
  if (o->minimum)
    rules->minimum = (guint) number;
  if (o->quota && !parse_percent (o->quota, &rules->quota_bp))
    return g_strdup_printf (_("--quota “%s” is not a percentage from 0 to 100"), o->quota);
  if (o->target && !parse_percent (o->target, &rules->answer_target_bp))
    return g_strdup_printf (_("--target “%s” is not a percentage from 0 to 100"), o->target);

  return NULL;
}

static void
print_calls (GPtrArray *calls,
             gboolean   with_inspector)
{
  for (guint i = 0; i < calls->len; i++)
    {
      EmSampledCall *call = g_ptr_array_index (calls, i);
      g_autofree char *reasons = em_sampling_reasons_to_string (call->reasons);

      printf ("%s\t%s\t%s", call->external_id, call->agent_code, reasons);
      if (with_inspector)
        printf ("\t%s", call->inspector != NULL ? call->inspector : "");
      putchar ('\n');
    }
}

static void
print_progress (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      EmSamplingProgress *p = g_ptr_array_index (rows, i);

      printf ("%s\t%u\t%u\t%u\n", p->inspector != NULL ? p->inspector : "",
              p->assigned, p->evaluated, p->remaining);
    }
}

static EmSamplingPlan *
run (EmDb                  *db,
     Options               *o,
     gint64                 seed,
     const EmSamplingRules *rules,
     GError               **error)
{
  g_auto(GStrv) inspectors = NULL;
  const char *actor = o->actor != NULL ? o->actor : g_get_user_name ();

  if (o->update)
    return em_sampling_plan_update (db, o->month, actor, error);
  if (o->show || o->progress)
    return em_sampling_plan_load (db, o->month, error);

  if (o->inspectors != NULL)
    inspectors = em_sampling_parse_inspectors (o->inspectors);
  return em_sampling_plan_create (db, o->month, seed, rules, (const char * const *) inspectors,
                                  actor, error);
}

static int
print_plan (EmDb           *db,
            EmSamplingPlan *plan,
            Options        *o)
{
  g_autoptr(GPtrArray) rows = NULL;
  GError *error = NULL;

  if (o->progress)
    rows = em_sampling_plan_get_progress (db, plan, &error);
  else
    rows = em_sampling_plan_list_calls (db, plan, NULL, &error);
  if (rows == NULL)
    return em_cli_fail (error);

  if (o->progress)
    print_progress (rows);
  else
    print_calls (rows, o->with_inspector);

  return EM_CLI_OK;
}

int
em_cli_sample (int    argc,
               char **argv)
{
  g_auto(Options) o = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(EmDb) db = NULL;
  g_autoptr(EmSamplingPlan) plan = NULL;
  g_autofree char *problem = NULL;
  GError *error = NULL;
  EmSamplingRules rules;
  gint64 seed = 0;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &o.db_path, N_("The database"), N_("PATH") },
    { "month", 0, 0, G_OPTION_ARG_STRING, &o.month, N_("The month to sample"), N_("YYYY-MM") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &o.seed, N_("Seed of the random draw (stored with the plan)"), N_("N") },
    { "inspectors", 0, 0, G_OPTION_ARG_STRING, &o.inspectors,
      N_("Inspectors sharing the calls, separated by ';' (default: the “inspectors” setting)"), N_("LIST") },
    { "min", 0, 0, G_OPTION_ARG_STRING, &o.minimum, N_("Fewest calls drawn per agent (default 5)"), N_("N") },
    { "quota", 0, 0, G_OPTION_ARG_STRING, &o.quota, N_("Share of last month’s calls drawn (default 1)"), N_("PERCENT") },
    { "target", 0, 0, G_OPTION_ARG_STRING, &o.target, N_("20-second answer-rate target (default 80)"), N_("PERCENT") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &o.actor, N_("Who draws the plan (default: the user name)"), N_("NAME") },
    { "update", 0, 0, G_OPTION_ARG_NONE, &o.update, N_("Add the calls new findings call for to the month’s plan"), NULL },
    { "show", 0, 0, G_OPTION_ARG_NONE, &o.show, N_("Print the stored plan without drawing"), NULL },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &o.progress, N_("Print each inspector’s progress"), NULL },
    { "with-inspector", 0, 0, G_OPTION_ARG_NONE, &o.with_inspector, N_("Add the assigned inspector as a fourth column"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— draw the month’s sampling plan"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return em_cli_fail (error);
  if (argc > 1)
    return em_cli_usage_error (context, _("unexpected argument “%s”"), argv[1]);
  if ((problem = check_options (&o, &seed, &rules)))
    return em_cli_usage_error (context, "%s", problem);

  if (o.db_path != NULL && !g_file_test (o.db_path, G_FILE_TEST_EXISTS))
    return em_cli_fail (g_error_new (EM_ERROR, EM_ERROR_NOT_FOUND,
                                     _("The database “%s” does not exist."), o.db_path));

  if (!(db = em_cli_open_db (o.db_path, &error)) ||
      !(plan = run (db, &o, seed, &rules, &error)))
    return em_cli_fail (error);

  return print_plan (db, plan, &o);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "em-answers.h"
#include "em-cli.h"
#include "em-cli-problems.h"
#include "em-score-result.h"
#include "em-scorecard.h"

/* earmark-cli score --scorecard F --answers A
 *
 *   section<TAB>ID<TAB>SCORE     one line per section, in scorecard order
 *   fatal<TAB>yes|no
 *   total<TAB>87.50
 *
 * A section's score is its allotment minus its deduction, with two
 * decimals; a section without an allotment (Points absent or 0) prints the
 * negative of what its items cost (“-16.00”), or “0.00”.
 */

static void
print_result (EmScoreResult *result)
{
  g_autofree char *total = em_points_format_fixed (em_score_result_get_total (result));

  for (guint i = 0; i < em_score_result_get_n_sections (result); i++)
    {
      const EmSectionScore *section = em_score_result_get_section (result, i);
      g_autofree char *score = em_points_format_fixed (section->score);

      printf ("section\t%s\t%s\n", section->section_id, score);
    }

  printf ("fatal\t%s\n", em_score_result_get_fatal (result) ? "yes" : "no");
  printf ("total\t%s\n", total);
}

int
em_cli_score (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EmScorecard) scorecard = NULL;
  g_autoptr(EmAnswers) answers = NULL;
  g_autoptr(EmScoreResult) result = NULL;
  g_autofree char *scorecard_path = NULL;
  g_autofree char *answers_path = NULL;
  const GOptionEntry entries[] = {
    { "scorecard", 0, 0, G_OPTION_ARG_FILENAME, &scorecard_path, N_("The scorecard file"), "F" },
    { "answers", 0, 0, G_OPTION_ARG_FILENAME, &answers_path, N_("The answers file"), "A" },
    { NULL }
  };

  g_option_context_set_summary (context, _("Score an answers file against a scorecard."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return em_cli_usage_error (context, "%s", error->message);
  if (scorecard_path == NULL || answers_path == NULL)
    return em_cli_usage_error (context, _("--scorecard and --answers are required"));
  if (argc > 1)
    return em_cli_usage_error (context, _("unexpected argument “%s”"), argv[1]);

  if (!(scorecard = em_scorecard_new_from_file (scorecard_path, &error)) ||
      !(answers = em_answers_new_from_file (answers_path, &error)) ||
      !(result = em_score_result_new (scorecard, answers, EM_ANSWERS_CHECK_COMPLETE,
                                      answers_path, &error)))
    return em_cli_fail_with_problems (g_steal_pointer (&error));

  print_result (result);
  return EM_CLI_OK;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "em-cli.h"
#include "em-cli-problems.h"
#include "em-error.h"
#include "em-evaluation-store.h"
#include "em-score-result.h"
#include "em-scorecard-store.h"

/* earmark-cli evaluate --db D --call ID --scorecard F --answers A
 *                      --inspector NAME [--submit] [--finalize]
 *
 * Prints “evaluation<TAB>ID<TAB>TOTAL”.  The scorecard file is imported
 * (a new revision only if its text is new).  The inspector's open
 * evaluation of the call with that scorecard is updated, or a draft is
 * created; an evaluation already finalised is refused.  Everything happens
 * in one transaction: on any error nothing is changed.
 */

typedef struct
{
  char     *db_path;
  char     *call;
  char     *scorecard_path;
  char     *answers_path;
  char     *inspector;
  gboolean  submit;
  gboolean  finalise;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->db_path);
  g_free (options->call);
  g_free (options->scorecard_path);
  g_free (options->answers_path);
  g_free (options->inspector);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gint64
store_evaluation (EmEvaluationStore  *store,
                  const Options      *options,
                  EmScorecard        *scorecard,
                  EmAnswers          *answers,
                  GError            **error)
{
  EmDb *db = em_evaluation_store_get_db (store);
  EmEvaluationStatus status = EM_EVALUATION_DRAFT;
  gint64 call_id, version_id, id;

  if (!(call_id = em_evaluation_store_lookup_call (store, options->call, error)) ||
      (version_id = em_scorecard_store_import (db, scorecard, options->inspector, NULL, error)) <= 0)
    return 0;

  id = em_evaluation_store_find_latest (store, call_id, options->inspector,
                                        em_scorecard_get_id (scorecard), &status, error);
  if (id < 0)
    return 0;

  if (id > 0 && status == EM_EVALUATION_FINALISED)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_READ_ONLY,
                   _("Evaluation %lld of call “%s” by %s is finalised and read-only."),
                   (long long) id, options->call, options->inspector);
      return 0;
    }

  if (id > 0 && !em_evaluation_store_change_version (store, id, version_id, answers, options->inspector, error))
    return 0;

  if (id == 0 && !(id = em_evaluation_store_create (store, call_id, version_id, options->inspector,
                                                    answers, error)))
    return 0;

  if ((options->submit && !em_evaluation_store_submit (store, id, options->inspector, error)) ||
      (options->finalise && !em_evaluation_store_finalise (store, id, options->inspector, error)))
    return 0;

  return id;
}

static int
run (const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmScorecard) scorecard = NULL;
  g_autoptr(EmAnswers) answers = NULL;
  g_autoptr(EmScoreResult) checked = NULL;
  g_autoptr(EmDb) db = NULL;
  g_autoptr(EmEvaluationStore) store = NULL;
  g_autoptr(EmEvaluation) evaluation = NULL;
  g_autofree char *total = NULL;
  EmAnswersCheckFlags flags = options->submit || options->finalise ? EM_ANSWERS_CHECK_COMPLETE
                                                                   : EM_ANSWERS_CHECK_DRAFT;
  gint64 id;

  /* The files are checked first, so their problems name the files. */
  if (!(scorecard = em_scorecard_new_from_file (options->scorecard_path, &error)) ||
      !(answers = em_answers_new_from_file (options->answers_path, &error)) ||
      !(checked = em_score_result_new (scorecard, answers, flags, options->answers_path, &error)))
    return em_cli_fail_with_problems (g_steal_pointer (&error));

  if (!(db = em_cli_open_db (options->db_path, &error)) ||
      !em_db_begin (db, &error))
    return em_cli_fail (g_steal_pointer (&error));

  store = em_evaluation_store_new (db);
  if (!(id = store_evaluation (store, options, scorecard, answers, &error)) ||
      !(evaluation = em_evaluation_store_load (store, id, &error)) ||
      !em_db_commit (db, &error))
    {
      em_db_rollback (db);
      return em_cli_fail_with_problems (g_steal_pointer (&error));
    }

  total = em_points_format_fixed (em_evaluation_get_total (evaluation));
  printf ("evaluation\t%" G_GINT64_FORMAT "\t%s\n", id, total);
  return EM_CLI_OK;
}

int
em_cli_evaluate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Options) options = { 0 };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &options.db_path, N_("The database (default: the user's)"), "D" },
    { "call", 0, 0, G_OPTION_ARG_STRING, &options.call, N_("The call's id in the call list"), "ID" },
    { "scorecard", 0, 0, G_OPTION_ARG_FILENAME, &options.scorecard_path, N_("The scorecard file"), "F" },
    { "answers", 0, 0, G_OPTION_ARG_FILENAME, &options.answers_path, N_("The answers file"), "A" },
    { "inspector", 0, 0, G_OPTION_ARG_STRING, &options.inspector, N_("Who evaluated the call"), "NAME" },
    { "submit", 0, 0, G_OPTION_ARG_NONE, &options.submit, N_("Submit the evaluation"), NULL },
    { "finalize", 0, 0, G_OPTION_ARG_NONE, &options.finalise, N_("Finalise the evaluation (read-only afterwards)"), NULL },
    { "finalise", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &options.finalise, NULL, NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("Store an evaluation of a call: score the answers against the "
                                           "scorecard and save them as the inspector's evaluation."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return em_cli_usage_error (context, "%s", error->message);
  if (options.call == NULL || options.scorecard_path == NULL || options.answers_path == NULL ||
      options.inspector == NULL)
    return em_cli_usage_error (context, _("--call, --scorecard, --answers and --inspector are required"));
  if (*options.inspector == '\0')
    return em_cli_usage_error (context, _("--inspector cannot be empty"));
  if (argc > 1)
    return em_cli_usage_error (context, _("unexpected argument “%s”"), argv[1]);

  return run (&options);
}

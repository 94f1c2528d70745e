/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "em-answers.h"
#include "em-demo-private.h"
#include "em-error.h"
#include "em-evaluation-store.h"
#include "em-sampling.h"
#include "em-scorecard-store.h"
#include "em-shipped-scorecards.h"

/* The demo's evaluations are made the way a center makes them: each
 * month's sampling plan is drawn (seed 003's rules, a seed fixed by the
 * month), and the inspectors evaluate the calls it assigns them with the
 * shipped scorecards — the hotline card for inbound calls, the OB card
 * for outbound ones.  Answers depend on the agent's skill, so the
 * monthly report and the agents' histories have real differences to
 * show.  Past months are finalised by the team lead; the last month is
 * still in progress: some calls not yet evaluated, some drafts, some
 * waiting for the lead.
 */

#define DEMO_LEAD "周组长"

static const char * const demo_inspectors[] = { "李敏", "陈晓", NULL };

/* What the demo's (Chinese) inspectors wrote: data, not UI text. */
static const char * const demo_notes[] = {
  "客户重复询问后才作答",
  "未使用标准用语",
  "语速偏快，客户要求重复",
  "未与客户核实地址",
  "通话中有较长停顿",
  "政策解释不够清楚",
};

typedef struct
{
  GRand             *rand;
  EmEvaluationStore *store;
  gint64             hotline_version;
  gint64             outbound_version;
  EmScorecard       *hotline;
  EmScorecard       *outbound;
  guint              n_evaluations;
} Evaluator;

static gboolean
chance (GRand  *rand,
        double  probability)
{
  return g_rand_double (rand) < probability;
}

/* Answers one item the way an agent of @skill (0…1) would have earned it.
 * Returns whether the item cost the agent anything.
 */
static gboolean
answer_item (GRand           *rand,
             EmScorecardItem *item,
             EmItemAnswer    *answer,
             double           skill)
{
  double slack = 1.0 - skill;
  EmPoints points = em_scorecard_item_get_points (item);

  switch (em_scorecard_item_get_kind (item))
    {
    case EM_ITEM_KIND_CHECK:
      if (!chance (rand, 0.35 * slack))
        return FALSE;
      em_item_answer_set_result (answer, EM_ITEM_RESULT_FAIL);
      return TRUE;

    case EM_ITEM_KIND_DEDUCT:
    case EM_ITEM_KIND_PENALTY:
      if (!chance (rand, 0.4 * slack))
        return FALSE;
      em_item_answer_set_occurrences (answer, chance (rand, 0.25) ? 2 : 1);
      if (em_scorecard_item_get_complaint_multiplier (item) > 1 && chance (rand, 0.3))
        em_item_answer_set_complaint_occurrences (answer, 1);
      return TRUE;

    case EM_ITEM_KIND_CHOICE:
      {
        guint best = em_scorecard_item_get_best_option (item);
        guint n = em_scorecard_item_get_n_options (item);
        guint option = chance (rand, 0.2 + 0.8 * skill) ? best : (guint) g_rand_int_range (rand, 1, n + 1);

        em_item_answer_set_option (answer, option);
        return option != best;
      }

    case EM_ITEM_KIND_SCORE:
      {
        /* Whole points lost, more for a weaker agent. */
        gint64 lost = (gint64) (points / 100 * slack * g_rand_double_range (rand, 0.0, 0.7) + 0.5);

        em_item_answer_set_score (answer, points - lost * 100);
        return lost > 0;
      }

    case EM_ITEM_KIND_FATAL:
      if (!chance (rand, 0.015 * slack))
        return FALSE;
      em_item_answer_set_triggered (answer, TRUE);
      return TRUE;

    case EM_ITEM_KIND_BONUS:
      if (chance (rand, 0.04 * skill))
        em_item_answer_set_occurrences (answer, 1);
      return FALSE;

    default:
      g_assert_not_reached ();
    }
}

static EmAnswers *
make_answers (Evaluator   *ev,
              EmScorecard *scorecard,
              double       skill,
              guint        duration_s,
              gboolean     has_recording)
{
  g_autoptr(EmAnswers) answers = em_answers_new_for_scorecard (scorecard);
  GListModel *items = em_scorecard_get_items (scorecard);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EmScorecardItem) item = g_list_model_get_item (items, i);
      EmItemAnswer *answer = em_answers_ensure_item (answers, em_scorecard_item_get_id (item));

      if (!answer_item (ev->rand, item, answer, skill))
        {
          if (em_item_answer_is_empty (answer))
            em_answers_remove_item (answers, em_scorecard_item_get_id (item));
          continue;
        }

      /* Where the inspector heard it, and what they wrote down. */
      if (has_recording && duration_s > 0)
        em_item_answer_add_moment (answer, g_rand_int_range (ev->rand, 0, MIN (duration_s, 17) * 1000));
      if (chance (ev->rand, 0.6))
        em_item_answer_set_note (answer, demo_notes[g_rand_int_range (ev->rand, 0, G_N_ELEMENTS (demo_notes))]);
    }

  return g_steal_pointer (&answers);
}

static gboolean
read_call (EmDb     *db,
           gint64    call_id,
           int      *out_direction,
           gboolean *out_has_recording,
           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = em_db_prepare (db, "SELECT direction, recording IS NOT NULL FROM calls WHERE id = ?1", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, call_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return em_db_set_error (db, error, rc, "reading a demo call");

  *out_direction = sqlite3_column_int (stmt, 0);
  *out_has_recording = sqlite3_column_int (stmt, 1);
  return TRUE;
}

typedef enum
{
  STAGE_DRAFT,
  STAGE_SUBMITTED,
  STAGE_FINALISED,
} Stage;

static gboolean
evaluate_call (Evaluator            *ev,
               EmDb                 *db,
               const EmSampledCall  *call,
               Stage                 stage,
               GError              **error)
{
  g_autoptr(EmAnswers) answers = NULL;
  const char *inspector = call->inspector != NULL ? call->inspector : demo_inspectors[0];
  gboolean has_recording = FALSE;
  int direction = 0;
  gboolean outbound;
  gint64 id;

  if (!read_call (db, call->call_id, &direction, &has_recording, error))
    return FALSE;

  outbound = direction == 2;
  answers = make_answers (ev, outbound ? ev->outbound : ev->hotline,
                          em_demo_agent_skill (call->agent_code), call->duration_s, has_recording);

  if (!(id = em_evaluation_store_create (ev->store, call->call_id,
                                         outbound ? ev->outbound_version : ev->hotline_version,
                                         inspector, answers, error)))
    return FALSE;

  ev->n_evaluations++;

  if (stage >= STAGE_SUBMITTED && !em_evaluation_store_submit (ev->store, id, inspector, error))
    return FALSE;
  if (stage >= STAGE_FINALISED && !em_evaluation_store_finalise (ev->store, id, DEMO_LEAD, error))
    return FALSE;

  return TRUE;
}

static gboolean
evaluate_month (Evaluator     *ev,
                EmDb          *db,
                const char    *month,
                gint64         seed,
                gboolean       in_progress,
                GError       **error)
{
  g_autoptr(EmSamplingPlan) plan = NULL;
  g_autoptr(GPtrArray) calls = NULL;

  if (!(plan = em_sampling_plan_create (db, month, seed, NULL, demo_inspectors, DEMO_LEAD, error)))
    return FALSE;
  if (!(calls = em_sampling_plan_list_calls (db, plan, NULL, error)))
    return FALSE;

  for (guint i = 0; i < calls->len; i++)
    {
      const EmSampledCall *call = g_ptr_array_index (calls, i);
      Stage stage = STAGE_FINALISED;

      if (in_progress)
        {
          double roll = g_rand_double (ev->rand);

          if (roll < 0.35)
            continue;   /* not evaluated yet */
          stage = roll < 0.45 ? STAGE_DRAFT : roll < 0.65 ? STAGE_SUBMITTED : STAGE_FINALISED;
        }

      if (!evaluate_call (ev, db, call, stage, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_scorecards (Evaluator  *ev,
                 EmDb       *db,
                 GError    **error)
{
  if (!em_shipped_scorecards_import (db, DEMO_LEAD, error))
    return FALSE;

  if (!(ev->hotline_version = em_scorecard_store_find_latest (db, "hotline-call-qa", error)) ||
      !(ev->outbound_version = em_scorecard_store_find_latest (db, "ob-satisfaction-qa", error)))
    return FALSE;

  ev->hotline = em_evaluation_store_get_scorecard (ev->store, ev->hotline_version, error);
  if (ev->hotline == NULL)
    return FALSE;
  ev->outbound = em_evaluation_store_get_scorecard (ev->store, ev->outbound_version, error);

  return ev->outbound != NULL;
}

/* Called inside em_demo_create()'s transaction, after the calls exist. */
gboolean
em_demo_add_evaluations (EmDb          *db,
                         GRand         *rand,
                         GDateTime     *first_month,
                         guint          n_months,
                         gint64         end,
                         guint         *out_n_plans,
                         guint         *out_n_evaluations,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(EmEvaluationStore) store = em_evaluation_store_new (db);
  Evaluator ev = { rand, store, 0, 0, NULL, NULL, 0 };
  gboolean ok;

  ok = em_sampling_set_inspectors (db, demo_inspectors, error) && load_scorecards (&ev, db, error);

  for (guint m = 0; ok && m < n_months; m++)
    {
      g_autoptr(GDateTime) month_start = g_date_time_add_months (first_month, m);
      g_autofree char *month = g_date_time_format (month_start, "%Y-%m");
      gint64 seed = g_date_time_get_year (month_start) * 100 + g_date_time_get_month (month_start);

      if (g_date_time_to_unix (month_start) >= end)
        break;

      ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           evaluate_month (&ev, db, month, seed, m == n_months - 1, error);
      if (ok && out_n_plans != NULL)
        (*out_n_plans)++;
    }

  g_clear_object (&ev.hotline);
  g_clear_object (&ev.outbound);

  if (out_n_evaluations != NULL)
    *out_n_evaluations = ev.n_evaluations;

  return ok;
}

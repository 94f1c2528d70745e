/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-scoring"

#include "config.h"

#include <glib/gi18n.h>

#include "em-problem.h"
#include "em-score-result.h"

/* The scoring arithmetic (DESIGN.md §11), in integer centi-points:
 *
 *   deduct   min(Points, PerOccurrence × (O − C + C × ComplaintMultiplier))
 *   penalty  PerOccurrence × (O − C + C × ComplaintMultiplier)
 *   check    failed: Points
 *   choice   Points − the chosen option's points
 *   score    Points − Score
 *   N/A      0
 *   section  min(section Points, Σ its items) when Points > 0, else Σ
 *   bonus    min(Points, PerOccurrence × O), each
 *   total    clamp(Base − Σ sections − Σ base-level items + Σ bonuses, 0, Maximum)
 *
 * A triggered fatal item with Scope=scorecard makes the total 0; with
 * Scope=section its section loses all its points.  Bonus items add to the
 * total even when they name a section (the section only groups them on
 * the form).
 */

struct _EmScoreResult
{
  GObject      parent_instance;

  EmScorecard *scorecard;
  GArray      *sections;   /* EmSectionScore, scorecard order */
  GArray      *items;      /* EmItemScore, scorecard order */
  EmPoints     sections_deduction;
  EmPoints     base_deduction;
  EmPoints     bonus;
  EmPoints     total;
  gboolean     fatal;
  gboolean     excluded;
  gboolean     complete;
};

G_DEFINE_FINAL_TYPE (EmScoreResult, em_score_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TOTAL,
  PROP_FATAL,
  PROP_EXCLUDED,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
em_score_result_finalize (GObject *object)
{
  EmScoreResult *self = (EmScoreResult *) object;

  g_clear_object (&self->scorecard);
  g_array_unref (self->sections);
  g_array_unref (self->items);

  G_OBJECT_CLASS (em_score_result_parent_class)->finalize (object);
}

static void
em_score_result_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EmScoreResult *self = EM_SCORE_RESULT (object);

  switch (prop_id)
    {
    case PROP_TOTAL:
      g_value_set_int64 (value, self->total);
      break;
    case PROP_FATAL:
      g_value_set_boolean (value, self->fatal);
      break;
    case PROP_EXCLUDED:
      g_value_set_boolean (value, self->excluded);
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_score_result_class_init (EmScoreResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = em_score_result_finalize;
  object_class->get_property = em_score_result_get_property;

  properties[PROP_TOTAL] = g_param_spec_int64 ("total", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_FATAL] = g_param_spec_boolean ("fatal", NULL, NULL, FALSE, flags);
  properties[PROP_EXCLUDED] = g_param_spec_boolean ("excluded", NULL, NULL, FALSE, flags);
  properties[PROP_COMPLETE] = g_param_spec_boolean ("complete", NULL, NULL, TRUE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
em_score_result_init (EmScoreResult *self)
{
  self->sections = g_array_new (FALSE, TRUE, sizeof (EmSectionScore));
  self->items = g_array_new (FALSE, TRUE, sizeof (EmItemScore));
  self->complete = TRUE;
}

/* One item costs at most 10¹⁴ centi-points (PerOccurrence and the
 * occurrences are bounded by the reader), but a scorecard may hold any
 * number of items: sums saturate instead of wrapping around.
 */
static EmPoints
add_points (EmPoints a,
            EmPoints b)
{
  EmPoints sum;

  if (__builtin_add_overflow (a, b, &sum))
    return b > 0 ? G_MAXINT64 : G_MININT64;
  return sum;
}

static EmPoints
occurrence_points (EmScorecardItem *item,
                   EmItemAnswer    *answer)
{
  gint64 occurrences = em_item_answer_get_occurrences (answer);
  gint64 complaints = em_item_answer_get_complaint_occurrences (answer);
  gint64 weighted = occurrences - complaints +
                    complaints * (gint64) em_scorecard_item_get_complaint_multiplier (item);

  return em_scorecard_item_get_per_occurrence (item) * weighted;
}

static void
score_item (EmScorecardItem *item,
            EmItemAnswer    *answer,
            EmItemScore     *out)
{
  EmPoints points = em_scorecard_item_get_points (item);

  out->item_id = em_scorecard_item_get_id (item);
  out->section_id = em_scorecard_item_get_section_id (item);
  out->kind = em_scorecard_item_get_kind (item);

  if (answer != NULL && em_item_answer_get_na (answer))
    {
      out->na = TRUE;
      return;
    }

  switch (out->kind)
    {
    case EM_ITEM_KIND_CHECK:
      if (answer != NULL && em_item_answer_get_result (answer) == EM_ITEM_RESULT_FAIL)
        out->deduction = points;
      break;

    case EM_ITEM_KIND_DEDUCT:
      if (answer != NULL)
        out->deduction = MIN (points, occurrence_points (item, answer));
      break;

    case EM_ITEM_KIND_PENALTY:
      if (answer != NULL)
        out->deduction = occurrence_points (item, answer);
      break;

    case EM_ITEM_KIND_CHOICE:
      if (answer != NULL && em_item_answer_get_option (answer) > 0)
        out->deduction = points - em_scorecard_item_get_option_points (item, em_item_answer_get_option (answer));
      else
        out->unanswered = TRUE;
      break;

    case EM_ITEM_KIND_SCORE:
      if (answer != NULL && em_item_answer_has_score (answer))
        out->deduction = points - em_item_answer_get_score (answer);
      else
        out->unanswered = TRUE;
      break;

    case EM_ITEM_KIND_FATAL:
      out->triggered = answer != NULL && em_item_answer_get_triggered (answer);
      break;

    case EM_ITEM_KIND_BONUS:
      if (answer != NULL)
        out->bonus = MIN (points, em_scorecard_item_get_per_occurrence (item) *
                                  (gint64) em_item_answer_get_occurrences (answer));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
score_section (EmScoreResult      *self,
               EmScorecardSection *section,
               EmSectionScore     *out)
{
  out->section_id = em_scorecard_section_get_id (section);
  out->points = em_scorecard_section_get_points (section);

  for (guint i = 0; i < self->items->len; i++)
    {
      const EmItemScore *item = &g_array_index (self->items, EmItemScore, i);
      EmScorecardItem *scorecard_item;

      if (g_strcmp0 (item->section_id, out->section_id) != 0)
        continue;

      out->items_deduction = add_points (out->items_deduction, item->deduction);

      scorecard_item = em_scorecard_lookup_item (self->scorecard, item->item_id);
      if (item->triggered && em_scorecard_item_get_scope (scorecard_item) == EM_FATAL_SCOPE_SECTION)
        out->fatal = TRUE;
    }

  if (out->fatal)
    out->deduction = out->points;
  else if (out->points > 0)
    out->deduction = MIN (out->points, out->items_deduction);
  else
    out->deduction = out->items_deduction;

  out->score = out->points - out->deduction;
}

static void
compute (EmScoreResult *self,
         EmAnswers     *answers)
{
  GListModel *items = em_scorecard_get_items (self->scorecard);
  GListModel *sections = em_scorecard_get_sections (self->scorecard);
  gboolean fatal_scorecard = FALSE;
  EmPoints gained, lost, total;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(EmScorecardItem) item = g_list_model_get_item (items, i);
      EmItemScore score = { 0 };

      score_item (item, em_answers_lookup_item (answers, em_scorecard_item_get_id (item)), &score);
      g_array_append_val (self->items, score);

      if (score.section_id == NULL)
        self->base_deduction = add_points (self->base_deduction, score.deduction);
      self->bonus = add_points (self->bonus, score.bonus);
      self->complete &= !score.unanswered;
      self->fatal |= score.triggered;
      fatal_scorecard |= score.triggered &&
                         em_scorecard_item_get_scope (item) == EM_FATAL_SCOPE_SCORECARD;
    }

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(EmScorecardSection) section = g_list_model_get_item (sections, i);
      EmSectionScore score = { 0 };

      score_section (self, section, &score);
      g_array_append_val (self->sections, score);
      self->sections_deduction = add_points (self->sections_deduction, score.deduction);
    }

  gained = add_points (em_scorecard_get_base (self->scorecard), self->bonus);
  lost = add_points (self->sections_deduction, self->base_deduction);
  if (__builtin_sub_overflow (gained, lost, &total))
    total = lost > 0 ? G_MININT64 : G_MAXINT64;
  total = CLAMP (total, 0, em_scorecard_get_maximum (self->scorecard));
  self->total = fatal_scorecard ? 0 : total;
  self->excluded = em_answers_get_excluded (answers);
}

/**
 * em_score_result_compute:
 * @flags: EM_ANSWERS_CHECK_DRAFT to score a draft with unanswered items
 *   (they cost nothing yet and the result is not complete)
 * @problems: where the answers' problems are appended
 *
 * Returns: (transfer full) (nullable): the result, %NULL when the answers
 *   do not fit the scorecard
 */
EmScoreResult *
em_score_result_compute (EmScorecard         *scorecard,
                         EmAnswers           *answers,
                         EmAnswersCheckFlags  flags,
                         GPtrArray           *problems)
{
  EmScoreResult *self;

  g_return_val_if_fail (EM_IS_SCORECARD (scorecard), NULL);
  g_return_val_if_fail (EM_IS_ANSWERS (answers), NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  if (!em_answers_check (answers, scorecard, flags, problems))
    return NULL;

  self = g_object_new (EM_TYPE_SCORE_RESULT, NULL);
  self->scorecard = g_object_ref (scorecard);
  compute (self, answers);

  return self;
}

/**
 * em_score_result_new:
 * @answers_name: (nullable): how to name the answers in messages
 *
 * Like em_score_result_compute(), with the problems in @error
 * (EM_ERROR_INVALID_INPUT), one per line as “NAME: [group] key: reason”.
 */
EmScoreResult *
em_score_result_new (EmScorecard          *scorecard,
                     EmAnswers            *answers,
                     EmAnswersCheckFlags   flags,
                     const char           *answers_name,
                     GError              **error)
{
  g_autoptr(GPtrArray) problems = em_problems_new ();
  g_autoptr(EmScoreResult) self = NULL;

  self = em_score_result_compute (scorecard, answers, flags, problems);
  if (!em_problems_to_error (problems, answers_name, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Returns: (transfer none) */
EmScorecard *
em_score_result_get_scorecard (EmScoreResult *self)
{
  g_return_val_if_fail (EM_IS_SCORE_RESULT (self), NULL);

  return self->scorecard;
}

EmPoints
em_score_result_get_total (EmScoreResult *self)
{
  g_return_val_if_fail (EM_IS_SCORE_RESULT (self), 0);

  return self->total;
}

/* Whether any fatal item fired (Scope=scorecard or section). */
gboolean
em_score_result_get_fatal (EmScoreResult *self)
{
  g_return_val_if_fail (EM_IS_SCORE_RESULT (self), FALSE);

  return self->fatal;
}

gboolean
em_score_result_get_excluded (EmScoreResult *self)
{
  g_return_val_if_fail (EM_IS_SCORE_RESULT (self), FALSE);

  return self->excluded;
}

/* FALSE when a draft left choice or score items unanswered. */
gboolean
em_score_result_get_complete (EmScoreResult *self)
{
  g_return_val_if_fail (EM_IS_SCORE_RESULT (self), FALSE);

  return self->complete;
}

/* Σ of the section deductions, after their caps. */
EmPoints
em_score_result_get_sections_deduction (EmScoreResult *self)
{
  g_return_val_if_fail (EM_IS_SCORE_RESULT (self), 0);

  return self->sections_deduction;
}

/* Σ of what the items without a section cost. */
EmPoints
em_score_result_get_base_deduction (EmScoreResult *self)
{
  g_return_val_if_fail (EM_IS_SCORE_RESULT (self), 0);

  return self->base_deduction;
}

/* Σ of the bonuses, before the clamp to Maximum. */
EmPoints
em_score_result_get_bonus (EmScoreResult *self)
{
  g_return_val_if_fail (EM_IS_SCORE_RESULT (self), 0);

  return self->bonus;
}

guint
em_score_result_get_n_sections (EmScoreResult *self)
{
  g_return_val_if_fail (EM_IS_SCORE_RESULT (self), 0);

  return self->sections->len;
}

const EmSectionScore *
em_score_result_get_section (EmScoreResult *self,
                             guint          index)
{
  g_return_val_if_fail (EM_IS_SCORE_RESULT (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);

  return &g_array_index (self->sections, EmSectionScore, index);
}

const EmSectionScore *
em_score_result_lookup_section (EmScoreResult *self,
                                const char    *section_id)
{
  g_return_val_if_fail (EM_IS_SCORE_RESULT (self), NULL);

  for (guint i = 0; i < self->sections->len; i++)
    if (g_strcmp0 (g_array_index (self->sections, EmSectionScore, i).section_id, section_id) == 0)
      return &g_array_index (self->sections, EmSectionScore, i);

  return NULL;
}

guint
em_score_result_get_n_items (EmScoreResult *self)
{
  g_return_val_if_fail (EM_IS_SCORE_RESULT (self), 0);

  return self->items->len;
}

const EmItemScore *
em_score_result_get_item (EmScoreResult *self,
                          guint          index)
{
  g_return_val_if_fail (EM_IS_SCORE_RESULT (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, EmItemScore, index);
}

const EmItemScore *
em_score_result_lookup_item (EmScoreResult *self,
                             const char    *item_id)
{
  g_return_val_if_fail (EM_IS_SCORE_RESULT (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    if (g_strcmp0 (g_array_index (self->items, EmItemScore, i).item_id, item_id) == 0)
      return &g_array_index (self->items, EmItemScore, i);

  return NULL;
}

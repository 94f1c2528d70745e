/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-scorecard-describe.h"

/* Where a penalty's points go: the section's allotment when it has one
 * (the section is capped), else the base score (扣基准分).
 */
static gboolean
takes_from_section (EmScorecard     *scorecard,
                    EmScorecardItem *item)
{
  const char *section_id = em_scorecard_item_get_section_id (item);
  EmScorecardSection *section = section_id != NULL ? em_scorecard_lookup_section (scorecard, section_id) : NULL;

  return section != NULL && em_scorecard_section_get_points (section) > 0;
}

static char *
describe_complaint (EmScorecardItem *item)
{
  guint multiplier = em_scorecard_item_get_complaint_multiplier (item);

  if (multiplier <= 1)
    return NULL;
  if (multiplier == 2)
    return g_strdup (_("doubled when it caused a complaint"));
  /* Translators: a complaint multiplier, e.g. "×3 when it caused a complaint" */
  return g_strdup_printf (_("×%u when it caused a complaint"), multiplier);
}

static char *
describe_deduction (EmScorecard     *scorecard,
                    EmScorecardItem *item)
{
  g_autofree char *each = em_points_format (em_scorecard_item_get_per_occurrence (item));
  g_autofree char *cap = em_points_format (em_scorecard_item_get_points (item));

  if (em_scorecard_item_get_kind (item) == EM_ITEM_KIND_DEDUCT)
    /* Translators: a deduct item (每次扣4分, 扣完为止, 上限8分) */
    return g_strdup_printf (_("−%s each time, down to zero (at most −%s)"), each, cap);
  if (takes_from_section (scorecard, item))
    /* Translators: a penalty taken from its section's allotment (每次从本类扣2分) */
    return g_strdup_printf (_("−%s each time, taken from the section"), each);
  /* Translators: a penalty on the base score (发现一次扣基准分10分) */
  return g_strdup_printf (_("−%s each time, from the base score"), each);
}

static char *
describe_bonus (EmScorecardItem *item)
{
  g_autofree char *each = em_points_format (em_scorecard_item_get_per_occurrence (item));
  g_autofree char *most = em_points_format (em_scorecard_item_get_points (item));

  if (em_scorecard_item_get_per_occurrence (item) > 0)
    /* Translators: a bonus item (绩效加分) */
    return g_strdup_printf (_("+%s each time, at most +%s, never above the maximum"), each, most);
  return g_strdup_printf (_("+%s, never above the maximum"), most);
}

/* "很好 25 · 一般 18.75 · 不好 0" */
char *
em_scorecard_describe_options (EmScorecardItem *item)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = em_scorecard_item_get_n_options (item);

  g_return_val_if_fail (EM_IS_SCORECARD_ITEM (item), NULL);

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *points = em_points_format (em_scorecard_item_get_option_points (item, i));

      if (i > 1)
        g_string_append (text, " · ");
      g_string_append_printf (text, "%s %s", em_scorecard_item_get_option_label (item, i, NULL), points);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
describe_kind (EmScorecard     *scorecard,
               EmScorecardItem *item)
{
  g_autofree char *points = em_points_format (em_scorecard_item_get_points (item));
  g_autofree char *options = NULL;

  switch (em_scorecard_item_get_kind (item))
    {
    case EM_ITEM_KIND_CHECK:
      /* Translators: a check item (符合X分, 不符合0分) */
      return g_strdup_printf (_("−%s when not met"), points);
    case EM_ITEM_KIND_DEDUCT:
    case EM_ITEM_KIND_PENALTY:
      return describe_deduction (scorecard, item);
    case EM_ITEM_KIND_CHOICE:
      options = em_scorecard_describe_options (item);
      /* Translators: a choice item: its points, then its options with their points */
      return g_strdup_printf (_("Worth %s: %s"), points, options);
    case EM_ITEM_KIND_SCORE:
      return g_strdup_printf (_("A score from 0 to %s"), points);
    case EM_ITEM_KIND_FATAL:
      if (em_scorecard_item_get_scope (item) == EM_FATAL_SCOPE_SECTION)
        return g_strdup (_("Red line: the section scores 0"));
      return g_strdup (_("Red line: the evaluation scores 0"));
    case EM_ITEM_KIND_BONUS:
      return describe_bonus (item);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * em_scorecard_describe_item:
 *
 * Returns: (transfer full): how the item scores, in one line
 */
char *
em_scorecard_describe_item (EmScorecard     *scorecard,
                            EmScorecardItem *item)
{
  g_autofree char *rule = NULL;
  g_autofree char *complaint = NULL;

  g_return_val_if_fail (EM_IS_SCORECARD (scorecard), NULL);
  g_return_val_if_fail (EM_IS_SCORECARD_ITEM (item), NULL);

  rule = describe_kind (scorecard, item);
  complaint = describe_complaint (item);
  if (complaint == NULL)
    return g_steal_pointer (&rule);

  /* Translators: an item's rule, then its complaint multiplier:
   * "−6 each time, from the base score; doubled when it caused a complaint" */
  return g_strdup_printf (_("%s; %s"), rule, complaint);
}

/* "20 points", or what a section without an allotment does. */
char *
em_scorecard_describe_section (EmScorecardSection *section)
{
  EmPoints points;
  g_autofree char *text = NULL;

  g_return_val_if_fail (EM_IS_SCORECARD_SECTION (section), NULL);

  points = em_scorecard_section_get_points (section);
  if (points <= 0)
    return g_strdup (_("No allotment: points come off the base score"));

  text = em_points_format (points);
  /* Translators: a section's allotment; the number may have decimals */
  return g_strdup_printf (_("%s points"), text);
}

/* "Base 100 · Maximum 100" */
char *
em_scorecard_describe_totals (EmScorecard *scorecard)
{
  g_autofree char *base = NULL;
  g_autofree char *maximum = NULL;

  g_return_val_if_fail (EM_IS_SCORECARD (scorecard), NULL);

  base = em_points_format (em_scorecard_get_base (scorecard));
  maximum = em_points_format (em_scorecard_get_maximum (scorecard));
  return g_strdup_printf (_("Base %s · Maximum %s"), base, maximum);
}

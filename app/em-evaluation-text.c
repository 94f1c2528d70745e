/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-evaluation-text.h"

const char *
em_evaluation_text_status (EmEvaluationStatus status)
{
  switch (status)
    {
    case EM_EVALUATION_DRAFT: return _("Draft");
    case EM_EVALUATION_SUBMITTED: return _("Submitted");
    case EM_EVALUATION_FINALISED: return _("Finalised");
    default: return "";
    }
}

const char *
em_evaluation_text_appeal_state (EmAppealState state)
{
  switch (state)
    {
    case EM_APPEAL_STATE_OPEN: return _("Appeal open");
    /* Translators: an evaluation's decided appeal: every deduction stood */
    case EM_APPEAL_STATE_UPHELD: return C_("appeal state", "Upheld");
    /* Translators: an evaluation's decided appeal: a deduction was removed */
    case EM_APPEAL_STATE_OVERTURNED: return C_("appeal state", "Overturned");
    case EM_APPEAL_STATE_NONE:
    default: return "";
    }
}

const char *
em_evaluation_text_decision (EmAppealDecision decision)
{
  switch (decision)
    {
    case EM_APPEAL_UPHELD: return _("Upheld");
    case EM_APPEAL_OVERTURNED: return _("Overturned");
    case EM_APPEAL_PENDING:
    default: return _("Pending");
    }
}

/* The item's title in the UI language; its id if the scorecard has no
 * such item.
 */
const char *
em_evaluation_text_item_title (EmEvaluation *evaluation,
                               const char   *item_id)
{
  EmScorecardItem *item = em_scorecard_lookup_item (em_evaluation_get_scorecard (evaluation), item_id);

  return item != NULL ? em_scorecard_item_get_title (item) : item_id;
}

/* What the item did to the total: "−4", "+5", "Fatal", "N/A" or "". */
char *
em_evaluation_text_item_cost (EmEvaluation *evaluation,
                              const char   *item_id)
{
  const EmItemScore *score = em_score_result_lookup_item (em_evaluation_get_result (evaluation), item_id);
  g_autofree char *points = NULL;

  if (score == NULL)
    return g_strdup ("");
  if (score->triggered)
    return g_strdup (_("Fatal"));
  if (score->na)
    return g_strdup (_("N/A"));
  if (score->bonus > 0)
    {
      points = em_points_format (score->bonus);
      return g_strdup_printf ("+%s", points);
    }
  if (score->deduction > 0)
    {
      points = em_points_format (score->deduction);
      return g_strdup_printf ("−%s", points);
    }
  return g_strdup ("");
}

/* "01:37" for a moment in a recording. */
char *
em_evaluation_text_moment (gint64 msec)
{
  gint64 seconds = msec / 1000;

  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60),
                            (int) (seconds % 60));
  return g_strdup_printf ("%02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/* The note, the occurrences and the moments of an item's answer, on one
 * line: "×2 · 直呼客户“喂” · at 00:12, 01:37".
 */
char *
em_evaluation_text_item_details (EmEvaluation *evaluation,
                                 const char   *item_id)
{
  EmItemAnswer *answer = em_answers_lookup_item (em_evaluation_get_answers (evaluation), item_id);
  g_autoptr(GString) text = g_string_new (NULL);
  const gint64 *moments;
  guint n_moments = 0;

  if (answer == NULL)
    return g_strdup ("");

  if (em_item_answer_get_occurrences (answer) > 1)
    g_string_append_printf (text, "×%u", em_item_answer_get_occurrences (answer));
  if (em_item_answer_get_complaint_occurrences (answer) > 0)
    {
      guint n = em_item_answer_get_complaint_occurrences (answer);

      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: occurrences that caused a complaint (counted double: 加倍扣罚) */
      g_string_append_printf (text, ngettext ("%u caused a complaint", "%u caused a complaint", n), n);
    }
  if (em_item_answer_get_note (answer) != NULL && *em_item_answer_get_note (answer) != '\0')
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", em_item_answer_get_note (answer));

  moments = em_item_answer_get_moments (answer, &n_moments);
  for (guint i = 0; i < n_moments; i++)
    {
      g_autofree char *moment = em_evaluation_text_moment (moments[i]);

      if (i == 0)
        /* Translators: followed by moments in the recording, "at 00:12, 01:37" */
        g_string_append_printf (text, "%s%s %s", text->len > 0 ? " · " : "", _("at"), moment);
      else
        g_string_append_printf (text, ", %s", moment);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "2024-06-03 10:12" in the computer's time zone. */
char *
em_evaluation_text_time (gint64 unix_utc)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_utc);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("");
}

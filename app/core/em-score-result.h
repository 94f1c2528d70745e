/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "em-answers.h"
#include "em-points.h"
#include "em-scorecard.h"

G_BEGIN_DECLS

/* The score of one set of answers against a scorecard, with the “why”:
 * what each item cost or added and what each section kept.  Computed in
 * integer centi-points exactly as DESIGN.md §11 “Scoring arithmetic” says.
 */

typedef struct
{
  const char *section_id;
  EmPoints    points;          /* the allotment; 0 = none */
  EmPoints    items_deduction; /* Σ its items, before the cap */
  EmPoints    deduction;       /* after the cap (or all its points, on a fatal item) */
  EmPoints    score;           /* points − deduction; negative in a section without allotment */
  gboolean    fatal;           /* a Scope=section fatal item fired in it */
} EmSectionScore;

typedef struct
{
  const char *item_id;
  const char *section_id;      /* NULL: acts on the base score */
  EmItemKind  kind;
  EmPoints    deduction;       /* what the item costs, before any section cap */
  EmPoints    bonus;           /* what a bonus item adds */
  gboolean    na;
  gboolean    triggered;       /* a fatal item that fired */
  gboolean    unanswered;      /* a choice or score item not answered yet (drafts) */
} EmItemScore;

#define EM_TYPE_SCORE_RESULT (em_score_result_get_type ())

G_DECLARE_FINAL_TYPE (EmScoreResult, em_score_result, EM, SCORE_RESULT, GObject)

EmScoreResult        *em_score_result_new                 (EmScorecard          *scorecard,
                                                           EmAnswers            *answers,
                                                           EmAnswersCheckFlags   flags,
                                                           const char           *answers_name,
                                                           GError              **error);
EmScoreResult        *em_score_result_compute             (EmScorecard          *scorecard,
                                                           EmAnswers            *answers,
                                                           EmAnswersCheckFlags   flags,
                                                           GPtrArray            *problems);

EmScorecard          *em_score_result_get_scorecard       (EmScoreResult        *self);
EmPoints              em_score_result_get_total           (EmScoreResult        *self);
gboolean              em_score_result_get_fatal           (EmScoreResult        *self);
gboolean              em_score_result_get_excluded        (EmScoreResult        *self);
gboolean              em_score_result_get_complete        (EmScoreResult        *self);
EmPoints              em_score_result_get_sections_deduction (EmScoreResult     *self);
EmPoints              em_score_result_get_base_deduction  (EmScoreResult        *self);
EmPoints              em_score_result_get_bonus           (EmScoreResult        *self);

guint                 em_score_result_get_n_sections      (EmScoreResult        *self);
const EmSectionScore *em_score_result_get_section         (EmScoreResult        *self,
                                                           guint                 index);
const EmSectionScore *em_score_result_lookup_section      (EmScoreResult        *self,
                                                           const char           *section_id);
guint                 em_score_result_get_n_items         (EmScoreResult        *self);
const EmItemScore    *em_score_result_get_item            (EmScoreResult        *self,
                                                           guint                 index);
const EmItemScore    *em_score_result_lookup_item         (EmScoreResult        *self,
                                                           const char           *item_id);

G_END_DECLS

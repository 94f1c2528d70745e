/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "em-item-answer.h"
#include "em-score-result.h"
#include "em-scorecard-item.h"

G_BEGIN_DECLS

#define EM_TYPE_SCORE_ROW (em_score_row_get_type ())

G_DECLARE_FINAL_TYPE (EmScoreRow, em_score_row, EM, SCORE_ROW, GtkListBoxRow)

/* One scorecard item as a form row: a control that fits the item's kind
 * (a pass/fail switch, an occurrence counter with a complaint counter, an
 * option list, a score, a red-line switch), N/A, a note and the moments
 * of the recording it refers to.  The row edits @answer directly and
 * follows it when it changes elsewhere; it knows nothing of the database
 * or the player: "mark this moment" and clicking a moment are signals.
 *
 * Signals:
 *   ::mark-moment ()       the user asked to store the player's position
 *   ::seek (gint64 msec)   a moment was clicked
 */
GtkWidget       *em_score_row_new            (EmScorecardItem   *item,
                                              EmItemAnswer      *answer);
EmScorecardItem *em_score_row_get_item       (EmScoreRow        *self);
EmItemAnswer    *em_score_row_get_answer     (EmScoreRow        *self);
gboolean         em_score_row_get_editable   (EmScoreRow        *self);
void             em_score_row_set_editable   (EmScoreRow        *self,
                                              gboolean           editable);
gboolean         em_score_row_get_missing    (EmScoreRow        *self);
void             em_score_row_set_missing    (EmScoreRow        *self,
                                              gboolean           missing);
void             em_score_row_set_item_score (EmScoreRow        *self,
                                              const EmItemScore *score);
char            *em_score_row_format_moment  (gint64             msec);

G_END_DECLS

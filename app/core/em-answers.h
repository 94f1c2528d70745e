/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "em-item-answer.h"
#include "em-scorecard.h"

G_BEGIN_DECLS

/* One evaluation's inputs: an .answers key file (DESIGN.md §11).  The GUI
 * edits it through the EmItemAnswers and autosaves when “changed” fires;
 * the database keeps its text (em_answers_to_data()).
 */

typedef enum
{
  EM_ANSWERS_CHECK_COMPLETE = 0,       /* every choice and score item answered */
  EM_ANSWERS_CHECK_DRAFT    = 1 << 0,  /* unanswered items are allowed */
} EmAnswersCheckFlags;

#define EM_TYPE_ANSWERS (em_answers_get_type ())

G_DECLARE_FINAL_TYPE (EmAnswers, em_answers, EM, ANSWERS, GObject)

EmAnswers    *em_answers_new                (const char           *scorecard_id,
                                             guint                 version);
EmAnswers    *em_answers_new_for_scorecard  (EmScorecard          *scorecard);
EmAnswers    *em_answers_parse              (const char           *data,
                                             gsize                 length,
                                             GPtrArray            *problems);
EmAnswers    *em_answers_new_from_data      (const char           *data,
                                             gssize                length,
                                             const char           *filename,
                                             GError              **error);
EmAnswers    *em_answers_new_from_file      (const char           *path,
                                             GError              **error);
EmAnswers    *em_answers_copy               (EmAnswers            *self);
char         *em_answers_to_data            (EmAnswers            *self,
                                             gsize                *length);
gboolean      em_answers_equal              (EmAnswers            *self,
                                             EmAnswers            *other);

const char   *em_answers_get_scorecard_id   (EmAnswers            *self);
guint         em_answers_get_version        (EmAnswers            *self);
void          em_answers_set_version        (EmAnswers            *self,
                                             guint                 version);
gboolean      em_answers_get_excluded       (EmAnswers            *self);
void          em_answers_set_excluded       (EmAnswers            *self,
                                             gboolean              excluded);

GListModel   *em_answers_get_items          (EmAnswers            *self);
EmItemAnswer *em_answers_lookup_item        (EmAnswers            *self,
                                             const char           *item_id);
EmItemAnswer *em_answers_ensure_item        (EmAnswers            *self,
                                             const char           *item_id);
void          em_answers_remove_item        (EmAnswers            *self,
                                             const char           *item_id);

gboolean      em_answers_check              (EmAnswers            *self,
                                             EmScorecard          *scorecard,
                                             EmAnswersCheckFlags   flags,
                                             GPtrArray            *problems);
gboolean      em_answers_waive_item         (EmAnswers            *self,
                                             EmScorecard          *scorecard,
                                             const char           *item_id);

G_END_DECLS

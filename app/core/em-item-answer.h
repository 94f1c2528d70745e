/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "em-points.h"

G_BEGIN_DECLS

/* Result= of an [Item:…] group in an .answers file. */
typedef enum
{
  EM_ITEM_RESULT_UNSET,   /* not given: a check item counts as passed */
  EM_ITEM_RESULT_PASS,
  EM_ITEM_RESULT_FAIL,
  EM_ITEM_RESULT_NA,      /* any kind: not applicable, costs nothing */
} EmItemResult;

#define EM_TYPE_ITEM_RESULT (em_item_result_get_type ())
GType em_item_result_get_type (void) G_GNUC_CONST;

/* score property value when no Score= is given */
#define EM_ITEM_ANSWER_NO_SCORE ((EmPoints) -1)

#define EM_TYPE_ITEM_ANSWER (em_item_answer_get_type ())

G_DECLARE_FINAL_TYPE (EmItemAnswer, em_item_answer, EM, ITEM_ANSWER, GObject)

EmItemAnswer  *em_item_answer_new                       (const char   *item_id);
const char    *em_item_answer_get_item_id               (EmItemAnswer *self);

EmItemResult   em_item_answer_get_result                (EmItemAnswer *self);
void           em_item_answer_set_result                (EmItemAnswer *self,
                                                         EmItemResult  result);
gboolean       em_item_answer_get_na                    (EmItemAnswer *self);
guint          em_item_answer_get_occurrences           (EmItemAnswer *self);
void           em_item_answer_set_occurrences           (EmItemAnswer *self,
                                                         guint         occurrences);
guint          em_item_answer_get_complaint_occurrences (EmItemAnswer *self);
void           em_item_answer_set_complaint_occurrences (EmItemAnswer *self,
                                                         guint         occurrences);
guint          em_item_answer_get_option                (EmItemAnswer *self);
void           em_item_answer_set_option                (EmItemAnswer *self,
                                                         guint         option);
gboolean       em_item_answer_has_score                 (EmItemAnswer *self);
EmPoints       em_item_answer_get_score                 (EmItemAnswer *self);
void           em_item_answer_set_score                 (EmItemAnswer *self,
                                                         EmPoints      score);
void           em_item_answer_unset_score               (EmItemAnswer *self);
gboolean       em_item_answer_get_triggered             (EmItemAnswer *self);
void           em_item_answer_set_triggered             (EmItemAnswer *self,
                                                         gboolean      triggered);
const char    *em_item_answer_get_note                  (EmItemAnswer *self);
void           em_item_answer_set_note                  (EmItemAnswer *self,
                                                         const char   *note);

/* Moments are milliseconds into the recording, kept sorted. */
const gint64  *em_item_answer_get_moments               (EmItemAnswer *self,
                                                         guint        *n_moments);
void           em_item_answer_add_moment                (EmItemAnswer *self,
                                                         gint64        msec);
void           em_item_answer_remove_moment             (EmItemAnswer *self,
                                                         guint         index);
void           em_item_answer_clear_moments             (EmItemAnswer *self);
char          *em_item_answer_format_moments            (EmItemAnswer *self);
gboolean       em_item_answer_parse_moments             (EmItemAnswer *self,
                                                         const char   *text,
                                                         char        **out_bad);

gboolean       em_item_answer_is_empty                  (EmItemAnswer *self);
void           em_item_answer_copy_from                 (EmItemAnswer *self,
                                                         EmItemAnswer *other);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "em-points.h"

G_BEGIN_DECLS

/* The item kinds of DESIGN.md §4; the nick is the file's Kind= value. */
typedef enum
{
  EM_ITEM_KIND_CHECK,     /* met → 0; not met → Points */
  EM_ITEM_KIND_DEDUCT,    /* PerOccurrence each, capped at Points (扣完为止) */
  EM_ITEM_KIND_PENALTY,   /* PerOccurrence each, no item cap (扣基准分) */
  EM_ITEM_KIND_CHOICE,    /* one of Options; costs Points − the option's points */
  EM_ITEM_KIND_SCORE,     /* a number in [0, Points]; costs Points − Score */
  EM_ITEM_KIND_FATAL,     /* red line: total 0, or with Scope=section its section 0 */
  EM_ITEM_KIND_BONUS,     /* adds PerOccurrence each, up to Points */
} EmItemKind;

typedef enum
{
  EM_FATAL_SCOPE_SCORECARD,
  EM_FATAL_SCOPE_SECTION,
} EmFatalScope;

#define EM_TYPE_ITEM_KIND   (em_item_kind_get_type ())
#define EM_TYPE_FATAL_SCOPE (em_fatal_scope_get_type ())

GType       em_item_kind_get_type     (void) G_GNUC_CONST;
GType       em_fatal_scope_get_type   (void) G_GNUC_CONST;
const char *em_item_kind_to_string    (EmItemKind    kind);
gboolean    em_item_kind_from_string  (const char   *text,
                                       EmItemKind   *out_kind);
const char *em_item_kind_get_label    (EmItemKind    kind);

#define EM_TYPE_SCORECARD_ITEM (em_scorecard_item_get_type ())

G_DECLARE_FINAL_TYPE (EmScorecardItem, em_scorecard_item, EM, SCORECARD_ITEM, GObject)

const char   *em_scorecard_item_get_id                   (EmScorecardItem *self);
const char   *em_scorecard_item_get_section_id           (EmScorecardItem *self);
const char   *em_scorecard_item_get_title                (EmScorecardItem *self);
const char   *em_scorecard_item_get_title_for_locale     (EmScorecardItem *self,
                                                          const char      *locale);
EmItemKind    em_scorecard_item_get_kind                 (EmScorecardItem *self);
EmPoints      em_scorecard_item_get_points               (EmScorecardItem *self);
EmPoints      em_scorecard_item_get_per_occurrence       (EmScorecardItem *self);
guint         em_scorecard_item_get_complaint_multiplier (EmScorecardItem *self);
EmFatalScope  em_scorecard_item_get_scope                (EmScorecardItem *self);
const char   *em_scorecard_item_get_guidance             (EmScorecardItem *self);
const char   *em_scorecard_item_get_guidance_for_locale  (EmScorecardItem *self,
                                                          const char      *locale);
guint         em_scorecard_item_get_n_options            (EmScorecardItem *self);
const char   *em_scorecard_item_get_option_label         (EmScorecardItem *self,
                                                          guint            option,
                                                          const char      *locale);
EmPoints      em_scorecard_item_get_option_points        (EmScorecardItem *self,
                                                          guint            option);
guint         em_scorecard_item_get_best_option          (EmScorecardItem *self);
gboolean      em_scorecard_item_counts_occurrences       (EmScorecardItem *self);

G_END_DECLS

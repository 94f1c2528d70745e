/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "em-points.h"
#include "em-scorecard-item.h"
#include "em-scorecard-section.h"

G_BEGIN_DECLS

/* A scorecard (评分表) read from a .scorecard file (DESIGN.md §4, §11).
 * Immutable once read.
 */

#define EM_TYPE_SCORECARD (em_scorecard_get_type ())

G_DECLARE_FINAL_TYPE (EmScorecard, em_scorecard, EM, SCORECARD, GObject)

EmScorecard        *em_scorecard_new_from_data           (const char   *data,
                                                          gssize        length,
                                                          const char   *filename,
                                                          GError      **error);
EmScorecard        *em_scorecard_new_from_file           (const char   *path,
                                                          GError      **error);
EmScorecard        *em_scorecard_parse                   (const char   *data,
                                                          gsize         length,
                                                          GPtrArray    *problems);

const char         *em_scorecard_get_id                  (EmScorecard  *self);
const char         *em_scorecard_get_title               (EmScorecard  *self);
const char         *em_scorecard_get_title_for_locale    (EmScorecard  *self,
                                                          const char   *locale);
const char         *em_scorecard_get_description         (EmScorecard  *self);
const char         *em_scorecard_get_description_for_locale (EmScorecard *self,
                                                          const char   *locale);
guint               em_scorecard_get_version             (EmScorecard  *self);
EmPoints            em_scorecard_get_base                (EmScorecard  *self);
EmPoints            em_scorecard_get_maximum             (EmScorecard  *self);
const char         *em_scorecard_get_source              (EmScorecard  *self);
const char         *em_scorecard_get_checksum            (EmScorecard  *self);

GListModel         *em_scorecard_get_sections            (EmScorecard  *self);
GListModel         *em_scorecard_get_items               (EmScorecard  *self);
GListModel         *em_scorecard_get_base_items          (EmScorecard  *self);
EmScorecardSection *em_scorecard_lookup_section          (EmScorecard  *self,
                                                          const char   *section_id);
EmScorecardItem    *em_scorecard_lookup_item             (EmScorecard  *self,
                                                          const char   *item_id);

G_END_DECLS

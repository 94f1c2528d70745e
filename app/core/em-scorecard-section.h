/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "em-points.h"

G_BEGIN_DECLS

#define EM_TYPE_SCORECARD_SECTION (em_scorecard_section_get_type ())

G_DECLARE_FINAL_TYPE (EmScorecardSection, em_scorecard_section, EM, SCORECARD_SECTION, GObject)

const char *em_scorecard_section_get_id                  (EmScorecardSection *self);
const char *em_scorecard_section_get_title               (EmScorecardSection *self);
const char *em_scorecard_section_get_title_for_locale    (EmScorecardSection *self,
                                                          const char         *locale);
EmPoints    em_scorecard_section_get_points              (EmScorecardSection *self);
const char *em_scorecard_section_get_guidance            (EmScorecardSection *self);
const char *em_scorecard_section_get_guidance_for_locale (EmScorecardSection *self,
                                                          const char         *locale);
GListModel *em_scorecard_section_get_items               (EmScorecardSection *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-scorecard.h"

G_BEGIN_DECLS

/* A scorecard's rules in words an inspector reads: "−2 each time, down
 * to zero (at most −8)", "doubled when it caused a complaint" — the way
 * the seeds write them (每次扣2分, 扣完为止, 投诉加倍).  Translatable.
 */
char *em_scorecard_describe_item     (EmScorecard        *scorecard,
                                      EmScorecardItem    *item);
char *em_scorecard_describe_options  (EmScorecardItem    *item);
char *em_scorecard_describe_section  (EmScorecardSection *section);
char *em_scorecard_describe_totals   (EmScorecard        *scorecard);

G_END_DECLS

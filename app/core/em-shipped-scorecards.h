/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-db.h"
#include "em-scorecard.h"

G_BEGIN_DECLS

/* The scorecards Earmark ships (resources/scorecards/, DESIGN.md §4),
 * compiled into the core library and installed to
 * PKGDATADIR/scorecards.  Names are file names: "hotline-call-qa.scorecard".
 */

char        **em_shipped_scorecards_list   (void);
GBytes       *em_shipped_scorecard_lookup  (const char  *name,
                                            GError     **error);
EmScorecard  *em_shipped_scorecard_load    (const char  *name,
                                            GError     **error);
gboolean      em_shipped_scorecards_import (EmDb        *db,
                                            const char  *actor,
                                            GError     **error);

G_END_DECLS

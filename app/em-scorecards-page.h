/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "em-db.h"

G_BEGIN_DECLS

#define EM_TYPE_SCORECARDS_PAGE (em_scorecards_page_get_type ())

G_DECLARE_FINAL_TYPE (EmScorecardsPage, em_scorecards_page, EM, SCORECARDS_PAGE, AdwBin)

/* The Scorecards page (评分表, DESIGN.md §9): the scorecards in the
 * database with their revisions, and the selected revision's structure,
 * read-only, in words an inspector reads.  The shipped scorecards are
 * imported the first time the page shows a database without any.
 *
 * Actions (group "scorecards"): scorecards.import (a .scorecard file: a
 * new revision, or the revision it already is; a broken file is refused
 * with every problem listed), scorecards.export (the revision shown, to a
 * file).
 */
EmScorecardsPage *em_scorecards_page_new                  (void);
EmDb             *em_scorecards_page_get_db               (EmScorecardsPage *self);
void              em_scorecards_page_set_db               (EmScorecardsPage *self,
                                                           EmDb             *db);
void              em_scorecards_page_reload               (EmScorecardsPage *self);
gboolean          em_scorecards_page_select               (EmScorecardsPage *self,
                                                           const char       *key,
                                                           gint64            version_id);
const char       *em_scorecards_page_get_selected_key     (EmScorecardsPage *self);
gint64            em_scorecards_page_get_selected_version (EmScorecardsPage *self);
void              em_scorecards_page_import_file          (EmScorecardsPage *self,
                                                           GFile            *file);
void              em_scorecards_page_export_file          (EmScorecardsPage *self,
                                                           GFile            *file);

G_END_DECLS

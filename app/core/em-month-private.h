/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-month.h"

G_BEGIN_DECLS

/* Shared by em-month.c, em-month-deductions.c and em-month-export.c. */

/* A call in the period: ?1..?4 as bound by em_month_bind_range().  The
 * first two narrow the scan to UTC times a day either side (an index
 * range), the last two test the call's local time exactly.
 */
#define EM_MONTH_CALL_IN_RANGE \
  " c.started_at >= ?1 AND c.started_at < ?2" \
  " AND c.started_at + c.utc_offset >= ?3 AND c.started_at + c.utc_offset < ?4 "

gint64   em_month_div_round         (gint64          a,
                                     gint64          b);
void     em_month_bind_range        (sqlite3_stmt   *stmt,
                                     int             first_param,
                                     gint64          local_start,
                                     gint64          local_end);
void     em_month_watch_cancellable (EmDb           *db,
                                     GCancellable   *cancellable);
gboolean em_month_step_error        (EmDb           *db,
                                     int             rc,
                                     GCancellable   *cancellable,
                                     GError        **error);
void     em_month_figures_free      (gpointer        data);
gboolean em_month_check_cancelled   (GCancellable   *cancellable,
                                     GError        **error);

/* Titles of scorecards and their items, read from the stored scorecard
 * text of a version, cached per version.
 */
typedef struct _EmScorecardTitles EmScorecardTitles;

EmScorecardTitles *em_scorecard_titles_new           (EmDb              *db,
                                                      const char        *language);
void               em_scorecard_titles_free          (EmScorecardTitles *self);
char              *em_scorecard_titles_dup_scorecard (EmScorecardTitles *self,
                                                      gint64             version_id,
                                                      const char        *fallback);
const char        *em_scorecard_titles_get_scorecard (EmScorecardTitles *self,
                                                      gint64             version_id,
                                                      const char        *fallback);
char              *em_scorecard_titles_dup_item      (EmScorecardTitles *self,
                                                      gint64             version_id,
                                                      const char        *item_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmScorecardTitles, em_scorecard_titles_free)

/* For tests: the number of evaluations from which an export writes in
 * constant-memory mode.
 */
void em_month_export_set_constant_memory_threshold (gint64 n_evaluations);

G_END_DECLS

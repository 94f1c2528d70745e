/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "em-db.h"
#include "em-month.h"

G_BEGIN_DECLS

#define EM_TYPE_REPORTS_PAGE (em_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (EmReportsPage, em_reports_page, EM, REPORTS_PAGE, AdwBin)

/* The Reports page (DESIGN.md §7–9): pick a month (or a quarter or a
 * year) and a team, see every agent's figures in a sortable table, a
 * column chart of their totals, the team figures and the grades; export
 * the month's workbook (reports.export: a file chooser, then
 * em_reports_page_export_to()).
 *
 * The figures are computed and the workbook written in worker threads
 * with their own connections; :busy is TRUE while the figures are
 * computed, :exporting while a workbook is written.
 */
EmReportsPage *em_reports_page_new            (void);
EmDb          *em_reports_page_get_db         (EmReportsPage  *self);
void           em_reports_page_set_db         (EmReportsPage  *self,
                                               EmDb           *db);
void           em_reports_page_refresh        (EmReportsPage  *self);
gboolean       em_reports_page_get_busy       (EmReportsPage  *self);
gboolean       em_reports_page_get_exporting  (EmReportsPage  *self);

gboolean       em_reports_page_get_period     (EmReportsPage  *self,
                                               EmPeriod       *out_period);
gboolean       em_reports_page_set_period     (EmReportsPage  *self,
                                               const EmPeriod *period);
gint64         em_reports_page_get_team_id    (EmReportsPage  *self);
gboolean       em_reports_page_set_team       (EmReportsPage  *self,
                                               const char     *name);
EmMonthReport *em_reports_page_get_report     (EmReportsPage  *self);
GListModel    *em_reports_page_get_rows       (EmReportsPage  *self);

char          *em_reports_page_dup_suggested_name (EmReportsPage *self);
void           em_reports_page_export_to      (EmReportsPage  *self,
                                               const char     *path);
void           em_reports_page_cancel_export  (EmReportsPage  *self);

G_END_DECLS

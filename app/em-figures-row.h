/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "em-month.h"

G_BEGIN_DECLS

/* One agent's row of a monthly report (the Reports page's table), with the
 * rank shown beside it; and how figures read on screen.
 */

#define EM_TYPE_FIGURES_ROW (em_figures_row_get_type ())

G_DECLARE_FINAL_TYPE (EmFiguresRow, em_figures_row, EM, FIGURES_ROW, GObject)

EmFiguresRow         *em_figures_row_new          (EmMonthReport        *report,
                                                   const EmMonthFigures *figures,
                                                   guint                 rank);
EmMonthReport        *em_figures_row_get_report   (EmFiguresRow         *self);
const EmMonthFigures *em_figures_row_get_figures  (EmFiguresRow         *self);
guint                 em_figures_row_get_rank     (EmFiguresRow         *self);

char                 *em_figures_format_metric    (EmMetricKind          kind,
                                                   const EmMetricValue  *value);
char                 *em_figures_format_total     (const EmMonthFigures *figures);
char                 *em_figures_dup_grade        (EmScheme             *scheme,
                                                   const EmMonthFigures *figures,
                                                   const char           *language);
int                   em_figures_compare_metric   (const EmMetricValue  *a,
                                                   const EmMetricValue  *b);

G_END_DECLS

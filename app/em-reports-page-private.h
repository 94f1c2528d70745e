/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-chart.h"
#include "em-reports-page.h"

G_BEGIN_DECLS

struct _EmReportsPage
{
  AdwBin              parent_instance;

  EmDb               *db;
  EmScheme           *scheme;
  char               *language;
  EmMonthReport      *report;
  gint64              stamp[2];
  gboolean            filling;

  GtkStringList      *periods;        /* of the kind chosen, newest first */
  EmPeriod            first_month;    /* of the calls */
  EmPeriod            last_month;
  GArray             *team_ids;       /* gint64, parallel to the team list; 0: all */
  GtkStringList      *teams;
  GListStore         *rows;           /* EmFiguresRow */
  GtkSortListModel   *sorted;
  GPtrArray          *columns;        /* the table's column descriptions */

  GTask              *compute_task;
  GCancellable       *compute_cancellable;

  /* The export running, if any. */
  GCancellable       *export_cancellable;
  char               *export_path;

  GtkStack           *stack;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *period_dropdown;
  GtkDropDown        *team_dropdown;
  GtkSpinner         *spinner;
  GtkLabel           *count_label;
  GtkCheckButton     *show_callers_check;
  GtkWidget          *export_button;
  GtkRevealer        *progress_revealer;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkWidget          *cancel_button;
  GtkStack           *content_stack;
  AdwStatusPage      *no_rows_page;
  AdwStatusPage      *error_page;
  GtkGrid            *team_grid;
  GtkGrid            *grade_grid;
  EmChart            *totals_chart;
  GtkColumnView      *table_view;
};

/* em-reports-page-export.c */
void _em_reports_page_class_init_export (GtkWidgetClass *widget_class);
void _em_reports_page_update_actions    (EmReportsPage  *self);
void _em_reports_page_notify_exporting  (EmReportsPage  *self);

/* em-reports-page-table.c */
void _em_reports_page_init_table        (EmReportsPage  *self);
void _em_reports_page_fill_summary      (EmReportsPage  *self);

G_END_DECLS

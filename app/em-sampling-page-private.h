/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-sampling-draw-dialog.h"
#include "em-sampling-page.h"

G_BEGIN_DECLS

struct _EmSamplingPage
{
  AdwBin                parent_instance;

  EmDb                 *db;
  GSettings            *settings;

  char                 *month;          /* YYYY-MM shown */
  EmSamplingPlan       *plan;           /* the month's plan; NULL when there is none */
  guint                 n_month_calls;
  GPtrArray            *months;         /* YYYY-MM, the month dropdown's entries */
  GPtrArray            *month_labels;
  GHashTable           *plan_months;    /* months that have a plan */
  gboolean              rebuilding;     /* the dropdowns are being refilled */

  GListStore           *calls;          /* EmSampledCallItem */
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filtered;
  GtkSingleSelection   *selection;
  GPtrArray            *filter_values;  /* per inspector dropdown entry: NULL all, "" unassigned, a name */
  char                 *filter_inspector;
  GPtrArray            *rule_rows;      /* rows added to rules_group */

  /* The draw or update running in a thread, and the open draw dialog. */
  GTask                *job;
  EmSamplingDrawDialog *dialog;

  GtkDropDown          *month_dropdown;
  GtkLabel             *summary_label;
  GtkRevealer          *busy_revealer;
  GtkSpinner           *busy_spinner;
  GtkLabel             *busy_label;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkListBox           *progress_list;
  GtkLabel             *seed_label;
  AdwActionRow         *created_row;
  AdwActionRow         *inspectors_row;
  AdwPreferencesGroup  *rules_group;
  GtkDropDown          *inspector_dropdown;
  GtkLabel             *count_label;
  GtkStack             *calls_stack;
  GtkColumnView        *column_view;
};

/* em-sampling-page.c */
char *_em_sampling_page_format_month     (const char     *month);
char *_em_sampling_page_dup_actor        (EmSamplingPage *self);

/* em-sampling-page-actions.c */
void  _em_sampling_page_class_init_actions (GtkWidgetClass *widget_class);
void  _em_sampling_page_update_actions     (EmSamplingPage *self);

G_END_DECLS

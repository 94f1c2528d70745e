/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-calls-page.h"

G_BEGIN_DECLS

struct _EmCallsPage
{
  AdwBin              parent_instance;

  EmDb               *db;
  EmCallListModel    *model;
  GtkSingleSelection *selection;

  /* The job running in a thread (an import, the demo), if any. */
  GTask              *job;
  GCancellable       *cancellable;
  guint               progress_source;

  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkRevealer        *progress_revealer;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkStack           *results_stack;
  GtkColumnView      *column_view;
  GtkSpinner         *loading_spinner;
  gboolean            open_first_when_listed;   /* Enter in the search, list still counting */

  /* The filter bar (em-calls-page-filters.c) */
  GSettings          *settings;       /* for inspector-name; NULL without the schema */
  GTimeZone          *center_zone;    /* days start at midnight here */
  GArray             *team_ids;       /* gint64, by position in team_dropdown; 0: any */
  GArray             *agent_ids;      /* the same for agent_dropdown */
  gboolean            filling_choices;
  GtkBox             *filter_bar;
  GtkLabel           *filters_label;
  GtkDropDown        *team_dropdown;
  GtkDropDown        *agent_dropdown;
  GtkMenuButton      *date_button;
  GtkCheckButton     *from_check;
  GtkCalendar        *from_calendar;
  GtkCheckButton     *to_check;
  GtkCalendar        *to_calendar;
  GtkMenuButton      *duration_button;
  GtkEntry           *min_duration_entry;
  GtkEntry           *max_duration_entry;
  GtkDropDown        *direction_dropdown;
  GtkCheckButton     *not_evaluated_check;
  GtkCheckButton     *sampled_check;
  GtkCheckButton     *assigned_check;
  GtkButton          *clear_filters_button;
};

/* em-calls-page-actions.c */
void _em_calls_page_class_init_actions (GtkWidgetClass *widget_class);
void _em_calls_page_update_actions     (EmCallsPage    *self);
void _em_calls_page_cancel_job         (EmCallsPage    *self);

/* em-calls-page.c */
void _em_calls_page_set_query          (EmCallsPage       *self,
                                        const EmCallQuery *query);

/* em-calls-page-filters.c */
void _em_calls_page_class_init_filters (GtkWidgetClass *widget_class);
void _em_calls_page_init_filters       (EmCallsPage    *self);
void _em_calls_page_dispose_filters    (EmCallsPage    *self);
void _em_calls_page_load_filter_choices (EmCallsPage   *self);
void _em_calls_page_apply_filters      (EmCallsPage    *self,
                                        EmCallQuery    *query);
void _em_calls_page_update_filter_indicators (EmCallsPage       *self,
                                              const EmCallQuery *query);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-appeal-store.h"
#include "em-evaluation-detail.h"
#include "em-evaluation-query.h"
#include "em-evaluations-page.h"

G_BEGIN_DECLS

struct _EmEvaluationsPage
{
  AdwBin              parent_instance;

  EmDb               *db;
  EmEvaluationStore  *store;
  EmAppealStore      *appeals;
  GListStore         *list;          /* of EmEvaluationSummary, as the query returned them */
  GtkSingleSelection *selection;
  EmEvaluationSort    sort;
  gboolean            descending;

  /* The query running in a thread; results of older ones are dropped. */
  GCancellable       *cancellable;
  guint64             serial;
  gboolean            loading;
  gint64              keep_selected; /* the evaluation to select again after a reload */

  /* The selected evaluation, as the detail shows it. */
  EmEvaluation       *evaluation;
  gboolean            appealable;

  /* Filters (em-evaluations-page-filters.c) */
  GSettings          *settings;
  GArray             *team_ids;
  GArray             *agent_ids;
  GPtrArray          *inspectors;    /* value per inspector_dropdown position: NULL any, "" mine */
  GPtrArray          *months;        /* "YYYY-MM" per month_dropdown position; NULL any */
  gboolean            filling_choices;

  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkStack           *results_stack;
  GtkColumnView      *column_view;
  EmEvaluationDetail *detail;
  GtkDropDown        *status_dropdown;
  GtkDropDown        *inspector_dropdown;
  GtkDropDown        *team_dropdown;
  GtkDropDown        *agent_dropdown;
  GtkDropDown        *month_dropdown;
  GtkMenuButton      *score_button;
  GtkEntry           *min_score_entry;
  GtkEntry           *max_score_entry;
  GtkBox             *grade_box;
  GtkLabel           *count_label;
  GtkLabel           *filters_label;
  GtkButton          *clear_filters_button;
};

/* em-evaluations-page.c */
void _em_evaluations_page_reload           (EmEvaluationsPage *self);
char *_em_evaluations_page_dup_me          (EmEvaluationsPage *self);

/* em-evaluations-page-filters.c */
void _em_evaluations_page_class_init_filters (GtkWidgetClass  *widget_class);
void _em_evaluations_page_init_filters     (EmEvaluationsPage *self);
void _em_evaluations_page_dispose_filters  (EmEvaluationsPage *self);
void _em_evaluations_page_load_choices     (EmEvaluationsPage *self);
EmEvaluationQuery *_em_evaluations_page_build_query (EmEvaluationsPage *self);

/* em-evaluations-page-actions.c */
void _em_evaluations_page_class_init_actions (GtkWidgetClass  *widget_class);
void _em_evaluations_page_show_selected    (EmEvaluationsPage *self);
void _em_evaluations_page_update_actions   (EmEvaluationsPage *self);

G_END_DECLS

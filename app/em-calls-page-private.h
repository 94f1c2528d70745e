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
};

/* em-calls-page-actions.c */
void _em_calls_page_class_init_actions (GtkWidgetClass *widget_class);
void _em_calls_page_update_actions     (EmCallsPage    *self);
void _em_calls_page_cancel_job         (EmCallsPage    *self);
void _em_calls_page_show_toast         (EmCallsPage    *self,
                                        const char     *message);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-scorecard.h"
#include "em-scorecards-page.h"

G_BEGIN_DECLS

struct _EmScorecardsPage
{
  AdwBin             parent_instance;

  EmDb              *db;
  GSettings         *settings;
  gboolean           shipped_checked;  /* the shipped scorecards were imported if none */

  GPtrArray         *versions;         /* EmScorecardVersionInfo, by key and revision */
  GHashTable        *usage;            /* version id → evaluations using it */
  char              *selected_key;
  gint64             selected_version;
  EmScorecard       *scorecard;        /* the selected revision */
  gboolean           filling;          /* the lists are being refilled */

  GtkLabel          *count_label;
  GtkStack          *stack;
  AdwStatusPage     *error_page;
  GtkListBox        *scorecard_list;
  GtkScrolledWindow *detail_scroller;
  GtkLabel          *title_label;
  GtkLabel          *id_label;
  GtkLabel          *description_label;
  GtkListBox        *revision_list;
  GtkBox            *structure_box;
};

/* em-scorecards-page.c */
char *_em_scorecards_page_dup_actor        (EmScorecardsPage *self);

/* em-scorecards-page-actions.c */
void  _em_scorecards_page_class_init_actions (GtkWidgetClass   *widget_class);
void  _em_scorecards_page_update_actions     (EmScorecardsPage *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-evaluate-view.h"
#include "em-evaluation-store.h"
#include "em-player-bar.h"
#include "em-score-result.h"

G_BEGIN_DECLS

/* How long after a change the draft is written (DESIGN.md §5: a crash
 * loses nothing older than a couple of seconds).
 */
#define EM_EVALUATE_AUTOSAVE_MS 1500

struct _EmEvaluateView
{
  AdwBin              parent_instance;

  EmDb               *db;
  EmEvaluationStore  *store;
  GSettings          *settings;
  char               *inspector;          /* who uses Earmark: the inspector-name setting */
  gboolean            scorecards_imported;

  EmCall             *call;
  GtkMediaStream     *stream;
  GPtrArray          *catalog;            /* EmScorecardVersionInfo: newest revision per scorecard */
  GPtrArray          *evaluations;        /* EmEvaluation: this call's, oldest first */

  /* What the form shows: an evaluation, or a new one not created yet
   * (evaluation_id 0) until the first change.
   */
  EmScorecard        *scorecard;
  gint64              version_id;
  EmAnswers          *answers;
  EmScoreResult      *result;
  gint64              evaluation_id;
  char               *owner;              /* whose evaluation it is */
  EmEvaluationStatus  status;
  gboolean            dirty;
  gboolean            save_failed;        /* the message bar says so */
  guint               autosave_source;
  guint               switch_source;      /* another evaluation picked: shown when idle */
  guint               updating;           /* pickers being filled: ignore their signals */
  GPtrArray          *rows;               /* EmScoreRow */
  GHashTable         *section_labels;     /* section id → GtkLabel in its group's header */
  GHashTable         *summary_labels;     /* section id (or "") → GtkLabel in the summary */
  GtkWidget          *inspector_dialog;   /* weak */

  AdwWindowTitle     *window_title;
  GtkButton          *submit_button;
  GtkButton          *finalise_button;
  GtkRevealer        *banner_revealer;
  GtkLabel           *banner_label;
  GtkButton          *banner_button;
  GtkRevealer        *message_revealer;
  GtkLabel           *message_label;
  GtkButton          *message_close_button;
  EmPlayerBar        *player_bar;
  GtkLabel           *total_label;
  GtkLabel           *maximum_label;
  GtkLabel           *status_label;
  GtkLabel           *fatal_label;
  GtkLabel           *save_label;
  GtkGrid            *sections_grid;
  GtkGrid            *details_grid;
  GtkScrolledWindow  *form_scroller;
  GtkDropDown        *scorecard_dropdown;
  GtkDropDown        *evaluation_dropdown;
  GtkBox             *groups_box;
  GtkSwitch          *excluded_switch;
};

/* em-evaluate-view.c */
gboolean _em_evaluate_view_is_editable      (EmEvaluateView  *self);
void     _em_evaluate_view_show_message     (EmEvaluateView  *self,
                                             const char      *message);
void     _em_evaluate_view_refresh_list     (EmEvaluateView  *self);
void     _em_evaluate_view_notify_state     (EmEvaluateView  *self);
void     _em_evaluate_view_sync_state       (EmEvaluateView  *self);
void     _em_evaluate_view_reload           (EmEvaluateView  *self,
                                             gint64           evaluation_id);

/* em-evaluate-view-actions.c */
void     _em_evaluate_view_class_init_actions (GtkWidgetClass *widget_class);
void     _em_evaluate_view_init_shortcuts     (EmEvaluateView *self);
void     _em_evaluate_view_update_actions     (EmEvaluateView *self);
void     _em_evaluate_view_schedule_save      (EmEvaluateView *self);
void     _em_evaluate_view_cancel_save        (EmEvaluateView *self);
void     _em_evaluate_view_ask_inspector      (EmEvaluateView *self);

G_END_DECLS

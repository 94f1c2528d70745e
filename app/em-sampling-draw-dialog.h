/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "em-sampling.h"

G_BEGIN_DECLS

#define EM_TYPE_SAMPLING_DRAW_DIALOG (em_sampling_draw_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EmSamplingDrawDialog, em_sampling_draw_dialog, EM, SAMPLING_DRAW_DIALOG, AdwWindow)

/* The form behind "Draw Plan…": month, seed, the rules' parameters and
 * the inspectors.  It only collects the values: ::draw fires when the
 * user asks for the draw with a valid form, and whoever listens draws
 * (em_sampling_draw_dialog_set_busy() while it runs) and closes it.
 */
EmSamplingDrawDialog *em_sampling_draw_dialog_new            (GtkWindow             *parent);
void                  em_sampling_draw_dialog_set_months     (EmSamplingDrawDialog  *self,
                                                              GPtrArray             *months,
                                                              GPtrArray             *labels,
                                                              const char            *selected);
const char           *em_sampling_draw_dialog_get_month      (EmSamplingDrawDialog  *self);
void                  em_sampling_draw_dialog_set_seed       (EmSamplingDrawDialog  *self,
                                                              gint64                 seed);
gboolean              em_sampling_draw_dialog_get_seed       (EmSamplingDrawDialog  *self,
                                                              gint64                *out_seed);
void                  em_sampling_draw_dialog_set_rules      (EmSamplingDrawDialog  *self,
                                                              const EmSamplingRules *rules);
void                  em_sampling_draw_dialog_get_rules      (EmSamplingDrawDialog  *self,
                                                              EmSamplingRules       *out_rules);
void                  em_sampling_draw_dialog_set_inspectors (EmSamplingDrawDialog  *self,
                                                              const char * const    *inspectors);
char                **em_sampling_draw_dialog_dup_inspectors (EmSamplingDrawDialog  *self);
void                  em_sampling_draw_dialog_set_busy       (EmSamplingDrawDialog  *self,
                                                              gboolean               busy);
gboolean              em_sampling_draw_dialog_get_busy       (EmSamplingDrawDialog  *self);

G_END_DECLS

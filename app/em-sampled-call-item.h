/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "em-sampling.h"

G_BEGIN_DECLS

/* One row of the Sampling page's list: a sampled call (EmSampledCall) as
 * a GObject with properties, so that the column view can sort it with
 * sorters over property expressions.
 */

#define EM_TYPE_SAMPLED_CALL_ITEM (em_sampled_call_item_get_type ())

G_DECLARE_FINAL_TYPE (EmSampledCallItem, em_sampled_call_item, EM, SAMPLED_CALL_ITEM, GObject)

EmSampledCallItem *em_sampled_call_item_new              (const EmSampledCall *call);
gint64             em_sampled_call_item_get_call_id      (EmSampledCallItem   *self);
const char        *em_sampled_call_item_get_external_id  (EmSampledCallItem   *self);
const char        *em_sampled_call_item_get_agent        (EmSampledCallItem   *self);
gint64             em_sampled_call_item_get_started_at   (EmSampledCallItem   *self);
GDateTime         *em_sampled_call_item_dup_started_at_local (EmSampledCallItem *self);
guint              em_sampled_call_item_get_duration     (EmSampledCallItem   *self);
EmSamplingReason   em_sampled_call_item_get_reasons      (EmSampledCallItem   *self);
const char        *em_sampled_call_item_get_inspector    (EmSampledCallItem   *self);
int                em_sampled_call_item_get_status       (EmSampledCallItem   *self);

G_END_DECLS

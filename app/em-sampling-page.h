/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "em-db.h"
#include "em-sampling.h"

G_BEGIN_DECLS

#define EM_TYPE_SAMPLING_PAGE (em_sampling_page_get_type ())

G_DECLARE_FINAL_TYPE (EmSamplingPage, em_sampling_page, EM, SAMPLING_PAGE, AdwBin)

/* The Sampling page (抽检, DESIGN.md §6): a month's plan — its seed,
 * rules, who drew it — each inspector's progress, and the sampled calls
 * with why each was drawn, filterable by inspector ("Me" is the
 * inspector-name setting).
 *
 * Actions (group "sampling"): sampling.draw opens the draw dialog;
 * sampling.update adds what the targeted rules select now;
 * sampling.open(x) emits ::open-call with a calls.id.  Activating a row
 * activates sampling.open.
 */
EmSamplingPage       *em_sampling_page_new        (void);
EmDb                 *em_sampling_page_get_db     (EmSamplingPage *self);
void                  em_sampling_page_set_db     (EmSamplingPage *self,
                                                   EmDb           *db);
const char           *em_sampling_page_get_month  (EmSamplingPage *self);
void                  em_sampling_page_set_month  (EmSamplingPage *self,
                                                   const char     *month);
const EmSamplingPlan *em_sampling_page_get_plan   (EmSamplingPage *self);
void                  em_sampling_page_reload     (EmSamplingPage *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "em-db.h"
#include "em-month.h"

G_BEGIN_DECLS

#define EM_TYPE_AGENTS_PAGE (em_agents_page_get_type ())

G_DECLARE_FINAL_TYPE (EmAgentsPage, em_agents_page, EM, AGENTS_PAGE, AdwBin)

/* The Agents page (DESIGN.md §9): every agent with the chosen month's
 * total, grade and trend; for the agent chosen, a line chart of the last
 * 12 months against the team, the items that cost the agent most in those
 * months, and the agent's evaluations.  Activating an evaluation
 * activates calls.open(x) with its call's id.
 *
 * The figures are computed in a worker thread with its own connection;
 * :busy is TRUE meanwhile.  The page recomputes when it is shown again
 * after the database changed.
 */
EmAgentsPage *em_agents_page_new           (void);
EmDb         *em_agents_page_get_db        (EmAgentsPage   *self);
void          em_agents_page_set_db        (EmAgentsPage   *self,
                                            EmDb           *db);
gboolean      em_agents_page_get_busy      (EmAgentsPage   *self);
void          em_agents_page_refresh       (EmAgentsPage   *self);
gboolean      em_agents_page_get_month     (EmAgentsPage   *self,
                                            EmPeriod       *out_month);
gboolean      em_agents_page_set_month     (EmAgentsPage   *self,
                                            const EmPeriod *month);
gboolean      em_agents_page_select_agent  (EmAgentsPage   *self,
                                            const char     *code);
const char   *em_agents_page_get_selected_code (EmAgentsPage *self);
void          em_agents_page_set_show_qa_score (EmAgentsPage *self,
                                            gboolean        show_qa_score);

G_END_DECLS

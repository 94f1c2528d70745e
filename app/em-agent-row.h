/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "em-agent-history.h"

G_BEGIN_DECLS

/* One agent in the Agents page's list: who, and the figures of the last
 * month of an EmAgentHistory and of the month before (for the trend).
 */

#define EM_TYPE_AGENT_ROW (em_agent_row_get_type ())

G_DECLARE_FINAL_TYPE (EmAgentRow, em_agent_row, EM, AGENT_ROW, GObject)

EmAgentRow           *em_agent_row_new           (EmAgentHistory *history,
                                                  guint           index);
EmAgentHistory       *em_agent_row_get_history   (EmAgentRow     *self);
const EmHistoryAgent *em_agent_row_get_agent     (EmAgentRow     *self);
gint64                em_agent_row_get_id        (EmAgentRow     *self);
const char           *em_agent_row_get_code      (EmAgentRow     *self);
const char           *em_agent_row_get_name      (EmAgentRow     *self);
const char           *em_agent_row_get_team      (EmAgentRow     *self);
const EmMonthFigures *em_agent_row_get_latest    (EmAgentRow     *self);
const EmMonthFigures *em_agent_row_get_previous  (EmAgentRow     *self);
int                   em_agent_row_get_trend     (EmAgentRow     *self,
                                                  EmPoints       *out_change);
gboolean              em_agent_row_matches       (EmAgentRow     *self,
                                                  const char     *search);

G_END_DECLS

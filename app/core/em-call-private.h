/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-call.h"

G_BEGIN_DECLS

/* The columns an EmCall is read from, in the order _em_call_new_from_stmt()
 * expects them, and the joins they need.  Queries that produce calls
 * (the list model, em_call_lookup()) select EM_CALL_COLUMNS FROM
 * EM_CALL_FROM, or join EM_CALL_JOINS to "calls c", so that the reader
 * and the SQL never drift apart.
 */
#define EM_CALL_COLUMNS \
  "c.id, c.external_id, c.agent_id, a.code, a.name, t.name, c.started_at, c.utc_offset, " \
  "c.duration_s, c.wait_s, c.direction, c.caller, c.queue, c.satisfaction, c.resolved, " \
  "c.ticket_due, c.ticket_closed, c.recording, e.id, e.status, e.total"

/* A call's evaluation in the list is its most advanced one. */
#define EM_CALL_EVALUATION_ID_SQL \
  "(SELECT id FROM evaluations WHERE call_id = c.id ORDER BY status DESC, id DESC LIMIT 1)"

#define EM_CALL_JOINS \
  "JOIN agents a ON a.id = c.agent_id " \
  "LEFT JOIN teams t ON t.id = a.team_id " \
  "LEFT JOIN evaluations e ON e.id = " EM_CALL_EVALUATION_ID_SQL

#define EM_CALL_FROM "calls c " EM_CALL_JOINS

EmCall *_em_call_new_from_stmt (sqlite3_stmt *stmt);

G_END_DECLS

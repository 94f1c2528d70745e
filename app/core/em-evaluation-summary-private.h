/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "em-evaluation-summary.h"

G_BEGIN_DECLS

/* The columns a summary is read from, in the order
 * _em_evaluation_summary_new_from_stmt() expects them: the names of
 * EM_EVALUATION_SUMMARY_SQL, which em-evaluation-query.c filters and
 * sorts on.
 */
#define EM_EVALUATION_SUMMARY_COLUMNS \
  "id, call_id, call_external_id, started_at, utc_offset, agent_id, agent_code, agent_name, " \
  "team_name, inspector, scorecard_key, scorecard_title, status, total, fatal, excluded, " \
  "updated_at, appeal_id, appeal_state"

/* appeal_state is the bit of EmAppealState, as its shift (0 … 3). */
#define EM_EVALUATION_SUMMARY_SQL \
  "SELECT e.id AS id, e.call_id AS call_id, c.external_id AS call_external_id, " \
  "c.started_at AS started_at, c.utc_offset AS utc_offset, " \
  "c.started_at + c.utc_offset AS local_start, a.id AS agent_id, a.code AS agent_code, " \
  "a.name AS agent_name, a.team_id AS team_id, t.name AS team_name, e.inspector AS inspector, " \
  "s.key AS scorecard_key, s.title AS scorecard_title, e.status AS status, e.total AS total, " \
  "e.fatal AS fatal, e.excluded AS excluded, e.updated_at AS updated_at, ap.id AS appeal_id, " \
  "CASE WHEN ap.id IS NULL THEN 0 WHEN ap.status = 0 THEN 1 " \
  "     WHEN EXISTS (SELECT 1 FROM appeal_items ai WHERE ai.appeal_id = ap.id AND ai.decision = 2) " \
  "     THEN 3 ELSE 2 END AS appeal_state " \
  "FROM evaluations e " \
  "JOIN calls c ON c.id = e.call_id " \
  "JOIN agents a ON a.id = c.agent_id " \
  "LEFT JOIN teams t ON t.id = a.team_id " \
  "JOIN scorecard_versions v ON v.id = e.scorecard_version_id " \
  "JOIN scorecards s ON s.id = v.scorecard_id " \
  "LEFT JOIN appeals ap ON ap.id = (SELECT max (id) FROM appeals WHERE evaluation_id = e.id)"

EmEvaluationSummary *_em_evaluation_summary_new_from_stmt (sqlite3_stmt *stmt);

G_END_DECLS

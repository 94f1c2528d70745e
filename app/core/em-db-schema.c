/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-db"

#include "config.h"

#include "em-db-schema.h"

/* Conventions: times are UTC unix seconds (INTEGER); points are centi-points
 * (INTEGER); enumerations are small integers documented beside the column;
 * NULL means "not known", which is not the same as 0.
 */
static const char migration_1[] =
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ");"

  "CREATE TABLE teams ("
  "  id   INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE"
  ");"

  "CREATE TABLE agents ("
  "  id      INTEGER PRIMARY KEY,"
  "  code    TEXT NOT NULL UNIQUE,"           /* 工号 */
  "  name    TEXT NOT NULL DEFAULT '',"
  "  team_id INTEGER REFERENCES teams (id)"
  ");"
  "CREATE INDEX agents_team ON agents (team_id);"

  "CREATE TABLE imports ("
  "  id          INTEGER PRIMARY KEY,"
  "  path        TEXT NOT NULL,"
  "  imported_at INTEGER NOT NULL,"
  "  n_imported  INTEGER NOT NULL,"
  "  n_duplicate INTEGER NOT NULL,"
  "  n_skipped   INTEGER NOT NULL"
  ");"

  "CREATE TABLE calls ("
  "  id            INTEGER PRIMARY KEY,"
  "  external_id   TEXT NOT NULL UNIQUE,"
  "  agent_id      INTEGER NOT NULL REFERENCES agents (id),"
  "  started_at    INTEGER NOT NULL,"         /* UTC */
  "  utc_offset    INTEGER NOT NULL,"         /* seconds east of UTC, as given */
  "  duration_s    INTEGER NOT NULL CHECK (duration_s >= 0),"
  "  wait_s        INTEGER CHECK (wait_s >= 0),"
  "  direction     INTEGER NOT NULL DEFAULT 0," /* 0 unknown, 1 inbound, 2 outbound */
  "  caller        TEXT,"
  "  queue         TEXT,"
  "  satisfaction  INTEGER CHECK (satisfaction BETWEEN 1 AND 5),"
  "  resolved      INTEGER CHECK (resolved IN (0, 1)),"
  "  ticket_due    INTEGER,"
  "  ticket_closed INTEGER,"
  "  recording     TEXT,"                     /* relative to the recordings folder, or absolute */
  "  import_id     INTEGER REFERENCES imports (id)"
  ");"
  /* Only these: every index on calls is paid by every imported call.
   * The calls list sorts the other columns in memory (em-call-query.c). */
  "CREATE INDEX calls_agent_started ON calls (agent_id, started_at);"
  "CREATE INDEX calls_started ON calls (started_at);"

  "CREATE TABLE scorecards ("
  "  id    INTEGER PRIMARY KEY,"
  "  key   TEXT NOT NULL UNIQUE,"             /* the file's Id= */
  "  title TEXT NOT NULL"
  ");"

  "CREATE TABLE scorecard_versions ("
  "  id           INTEGER PRIMARY KEY,"
  "  scorecard_id INTEGER NOT NULL REFERENCES scorecards (id),"
  "  revision     INTEGER NOT NULL,"          /* 1, 2, … per scorecard, in import order */
  "  file_version INTEGER NOT NULL,"          /* the file's Version= */
  "  source       TEXT NOT NULL,"             /* the .scorecard text, verbatim */
  "  checksum     TEXT NOT NULL,"             /* sha256 of source */
  "  frozen       INTEGER NOT NULL DEFAULT 0,"/* 1 once an evaluation uses it */
  "  created_at   INTEGER NOT NULL,"
  "  UNIQUE (scorecard_id, revision),"
  "  UNIQUE (scorecard_id, checksum)"
  ");"

  "CREATE TABLE evaluations ("
  "  id                   INTEGER PRIMARY KEY,"
  "  call_id              INTEGER NOT NULL REFERENCES calls (id),"
  "  scorecard_version_id INTEGER NOT NULL REFERENCES scorecard_versions (id),"
  "  inspector            TEXT NOT NULL,"
  "  status               INTEGER NOT NULL DEFAULT 0," /* 0 draft, 1 submitted, 2 finalised */
  "  total                INTEGER NOT NULL,"  /* centi-points */
  "  fatal                INTEGER NOT NULL DEFAULT 0,"
  "  excluded             INTEGER NOT NULL DEFAULT 0,"
  "  answers              TEXT NOT NULL,"     /* the .answers key file, as scored */
  "  created_at           INTEGER NOT NULL,"
  "  updated_at           INTEGER NOT NULL,"
  "  submitted_at         INTEGER,"
  "  finalised_at         INTEGER"
  ");"
  "CREATE INDEX evaluations_call ON evaluations (call_id);"
  "CREATE INDEX evaluations_status ON evaluations (status);"

  "CREATE TABLE evaluation_items ("
  "  evaluation_id         INTEGER NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,"
  "  item_id               TEXT NOT NULL,"
  "  section_id            TEXT,"             /* NULL: the item acts on the base score */
  "  result                INTEGER,"          /* check: 1 pass, 0 fail */
  "  occurrences           INTEGER NOT NULL DEFAULT 0,"
  "  complaint_occurrences INTEGER NOT NULL DEFAULT 0,"
  "  option_index          INTEGER,"          /* choice: 1-based */
  "  score                 INTEGER,"          /* score: centi-points earned */
  "  triggered             INTEGER NOT NULL DEFAULT 0," /* fatal */
  "  na                    INTEGER NOT NULL DEFAULT 0,"
  "  note                  TEXT,"
  "  moments               TEXT,"             /* '12.5;97', seconds into the recording */
  "  deduction             INTEGER NOT NULL DEFAULT 0," /* centi-points this item cost */
  "  bonus                 INTEGER NOT NULL DEFAULT 0," /* centi-points this item added */
  "  PRIMARY KEY (evaluation_id, item_id)"
  ");"

  "CREATE TABLE evaluation_sections ("
  "  evaluation_id INTEGER NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,"
  "  section_id    TEXT NOT NULL,"
  "  points        INTEGER NOT NULL,"         /* the allotment */
  "  deduction     INTEGER NOT NULL,"         /* after the section cap */
  "  score         INTEGER NOT NULL,"
  "  PRIMARY KEY (evaluation_id, section_id)"
  ");"

  "CREATE TABLE appeals ("
  "  id            INTEGER PRIMARY KEY,"
  "  evaluation_id INTEGER NOT NULL REFERENCES evaluations (id),"
  "  reason        TEXT NOT NULL,"
  "  filed_by      TEXT NOT NULL,"
  "  filed_at      INTEGER NOT NULL,"
  "  status        INTEGER NOT NULL DEFAULT 0," /* 0 open, 1 decided */
  "  total_before  INTEGER NOT NULL,"
  "  total_after   INTEGER"
  ");"
  "CREATE INDEX appeals_evaluation ON appeals (evaluation_id);"

  "CREATE TABLE appeal_items ("
  "  appeal_id  INTEGER NOT NULL REFERENCES appeals (id) ON DELETE CASCADE,"
  "  item_id    TEXT NOT NULL,"
  "  decision   INTEGER NOT NULL DEFAULT 0,"  /* 0 pending, 1 upheld (deduction stands), 2 overturned */
  "  decided_by TEXT,"
  "  decided_at INTEGER,"
  "  comment    TEXT,"
  "  PRIMARY KEY (appeal_id, item_id)"
  ");"

  "CREATE TABLE sampling_plans ("
  "  id          INTEGER PRIMARY KEY,"
  "  month       TEXT NOT NULL,"              /* YYYY-MM */
  "  seed        INTEGER NOT NULL,"
  "  params      TEXT NOT NULL,"              /* key file of the rule parameters */
  "  created_at  INTEGER NOT NULL,"
  "  created_by  TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX sampling_plans_month ON sampling_plans (month);"

  "CREATE TABLE sampled_calls ("
  "  plan_id   INTEGER NOT NULL REFERENCES sampling_plans (id) ON DELETE CASCADE,"
  "  call_id   INTEGER NOT NULL REFERENCES calls (id),"
  "  reason    TEXT NOT NULL,"
  "  inspector TEXT,"
  "  PRIMARY KEY (plan_id, call_id)"
  ");"
  "CREATE INDEX sampled_calls_call ON sampled_calls (call_id);"

  "CREATE TABLE audit_log ("
  "  id        INTEGER PRIMARY KEY,"
  "  at        INTEGER NOT NULL,"
  "  actor     TEXT NOT NULL,"
  "  action    TEXT NOT NULL,"
  "  entity    TEXT NOT NULL,"
  "  entity_id INTEGER,"
  "  detail    TEXT"
  ");"
  "CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);";

const char * const em_db_migrations[] = {
  migration_1,
};

const guint em_db_n_migrations = G_N_ELEMENTS (em_db_migrations);

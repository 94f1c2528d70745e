/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-db.h"

G_BEGIN_DECLS

/* Rows of audit_log, as a history shows them. */
typedef struct
{
  gint64  at;          /* unix seconds, UTC */
  char   *actor;
  char   *action;      /* "create", "submit", "finalise", "amend", "file", "decide", "close", … */
  char   *entity;      /* "evaluation" or "appeal" */
  gint64  entity_id;
  char   *detail;      /* nullable */
} EmAuditEntry;

GPtrArray *em_audit_list_for_evaluation (EmDb          *db,
                                         gint64         evaluation_id,
                                         GError       **error);
void       em_audit_entry_free          (EmAuditEntry  *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmAuditEntry, em_audit_entry_free)

G_END_DECLS

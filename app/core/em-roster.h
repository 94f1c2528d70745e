/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-db.h"

G_BEGIN_DECLS

/* The teams and agents (坐席) a filter can pick from. */

typedef struct
{
  gint64  id;        /* teams.id or agents.id */
  char   *code;      /* an agent's 工号; NULL for a team */
  char   *name;
  gint64  team_id;   /* an agent's team; 0 for none (and for a team) */
} EmRosterEntry;

GPtrArray *em_roster_list_teams   (EmDb           *db,
                                   GError        **error);
GPtrArray *em_roster_list_agents  (EmDb           *db,
                                   GError        **error);
char      *em_roster_entry_label  (const EmRosterEntry *entry);
void       em_roster_entry_free   (EmRosterEntry  *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmRosterEntry, em_roster_entry_free)

G_END_DECLS

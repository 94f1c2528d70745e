/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "em-db.h"
#include "em-points.h"

G_BEGIN_DECLS

/* The values stored in calls.direction (em-db-schema.c). */
typedef enum
{
  EM_CALL_DIRECTION_UNKNOWN  = 0,
  EM_CALL_DIRECTION_INBOUND  = 1,
  EM_CALL_DIRECTION_OUTBOUND = 2,
} EmCallDirection;

/* A call's evaluation, as the calls list shows it: NONE when the call has
 * no evaluation, else the status of its most advanced one (the values of
 * evaluations.status, plus one).
 */
typedef enum
{
  EM_CALL_EVALUATION_NONE      = 0,
  EM_CALL_EVALUATION_DRAFT     = 1,
  EM_CALL_EVALUATION_SUBMITTED = 2,
  EM_CALL_EVALUATION_FINALISED = 3,
} EmCallEvaluation;

#define EM_TYPE_CALL_DIRECTION  (em_call_direction_get_type ())
#define EM_TYPE_CALL_EVALUATION (em_call_evaluation_get_type ())
#define EM_TYPE_CALL            (em_call_get_type ())

GType em_call_direction_get_type  (void) G_GNUC_CONST;
GType em_call_evaluation_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (EmCall, em_call, EM, CALL, GObject)

EmCall           *em_call_lookup                (EmDb        *db,
                                                 const char  *external_id,
                                                 GError     **error);
EmCall           *em_call_lookup_by_id          (EmDb        *db,
                                                 gint64       id,
                                                 GError     **error);

gint64            em_call_get_id                (EmCall      *self);
const char       *em_call_get_external_id       (EmCall      *self);
gint64            em_call_get_agent_id          (EmCall      *self);
const char       *em_call_get_agent_code        (EmCall      *self);
const char       *em_call_get_agent_name        (EmCall      *self);
const char       *em_call_get_team             (EmCall      *self);
gint64            em_call_get_started_at        (EmCall      *self);
int               em_call_get_utc_offset        (EmCall      *self);
GDateTime        *em_call_dup_started_at_local  (EmCall      *self);
guint             em_call_get_duration          (EmCall      *self);
int               em_call_get_wait              (EmCall      *self);
EmCallDirection   em_call_get_direction         (EmCall      *self);
const char       *em_call_get_caller            (EmCall      *self);
const char       *em_call_get_caller_masked     (EmCall      *self);
const char       *em_call_get_queue             (EmCall      *self);
guint             em_call_get_satisfaction      (EmCall      *self);
int               em_call_get_resolved          (EmCall      *self);
gint64            em_call_get_ticket_due        (EmCall      *self);
gint64            em_call_get_ticket_closed     (EmCall      *self);
const char       *em_call_get_recording         (EmCall      *self);
EmCallEvaluation  em_call_get_evaluation        (EmCall      *self);
gint64            em_call_get_evaluation_id     (EmCall      *self);
EmPoints          em_call_get_evaluation_total  (EmCall      *self);

char             *em_call_format_duration       (gint64       seconds);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-agent-history"

#include "config.h"

#include <glib/gi18n.h>

#include "em-agent-evaluation.h"

struct _EmAgentEvaluation
{
  GObject             parent_instance;

  gint64              id;
  gint64              call_id;
  char               *external_id;
  gint64              started_at;
  int                 utc_offset;
  char               *scorecard;
  char               *inspector;
  EmEvaluationStatus  status;
  EmPoints            total;
  gboolean            fatal;
  gboolean            excluded;
};

G_DEFINE_FINAL_TYPE (EmAgentEvaluation, em_agent_evaluation, G_TYPE_OBJECT)

static void
em_agent_evaluation_finalize (GObject *object)
{
  EmAgentEvaluation *self = (EmAgentEvaluation *) object;

  g_free (self->external_id);
  g_free (self->scorecard);
  g_free (self->inspector);

  G_OBJECT_CLASS (em_agent_evaluation_parent_class)->finalize (object);
}

static void
em_agent_evaluation_class_init (EmAgentEvaluationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = em_agent_evaluation_finalize;
}

static void
em_agent_evaluation_init (EmAgentEvaluation *self)
{
}

EmAgentEvaluation *
em_agent_evaluation_new (const EmAgentEvaluationFields *fields)
{
  EmAgentEvaluation *self;

  g_return_val_if_fail (fields != NULL, NULL);

  self = g_object_new (EM_TYPE_AGENT_EVALUATION, NULL);
  self->id = fields->id;
  self->call_id = fields->call_id;
  self->external_id = g_strdup (fields->external_id);
  self->started_at = fields->started_at;
  self->utc_offset = fields->utc_offset;
  self->scorecard = g_strdup (fields->scorecard);
  self->inspector = g_strdup (fields->inspector);
  self->status = fields->status;
  self->total = fields->total;
  self->fatal = fields->fatal;
  self->excluded = fields->excluded;
  return self;
}

gint64
em_agent_evaluation_get_id (EmAgentEvaluation *self)
{
  g_return_val_if_fail (EM_IS_AGENT_EVALUATION (self), 0);
  return self->id;
}

gint64
em_agent_evaluation_get_call_id (EmAgentEvaluation *self)
{
  g_return_val_if_fail (EM_IS_AGENT_EVALUATION (self), 0);
  return self->call_id;
}

const char *
em_agent_evaluation_get_external_id (EmAgentEvaluation *self)
{
  g_return_val_if_fail (EM_IS_AGENT_EVALUATION (self), NULL);
  return self->external_id;
}

gint64
em_agent_evaluation_get_started_at (EmAgentEvaluation *self)
{
  g_return_val_if_fail (EM_IS_AGENT_EVALUATION (self), 0);
  return self->started_at;
}

/* The call's start in the center's own time, as the call platform gave it. */
GDateTime *
em_agent_evaluation_dup_started_local (EmAgentEvaluation *self)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (EM_IS_AGENT_EVALUATION (self), NULL);

  zone = g_time_zone_new_offset (self->utc_offset);
  utc = g_date_time_new_from_unix_utc (self->started_at);
  return g_date_time_to_timezone (utc, zone);
}

const char *
em_agent_evaluation_get_scorecard (EmAgentEvaluation *self)
{
  g_return_val_if_fail (EM_IS_AGENT_EVALUATION (self), NULL);
  return self->scorecard;
}

const char *
em_agent_evaluation_get_inspector (EmAgentEvaluation *self)
{
  g_return_val_if_fail (EM_IS_AGENT_EVALUATION (self), NULL);
  return self->inspector;
}

EmEvaluationStatus
em_agent_evaluation_get_status (EmAgentEvaluation *self)
{
  g_return_val_if_fail (EM_IS_AGENT_EVALUATION (self), EM_EVALUATION_DRAFT);
  return self->status;
}

EmPoints
em_agent_evaluation_get_total (EmAgentEvaluation *self)
{
  g_return_val_if_fail (EM_IS_AGENT_EVALUATION (self), 0);
  return self->total;
}

gboolean
em_agent_evaluation_get_fatal (EmAgentEvaluation *self)
{
  g_return_val_if_fail (EM_IS_AGENT_EVALUATION (self), FALSE);
  return self->fatal;
}

gboolean
em_agent_evaluation_get_excluded (EmAgentEvaluation *self)
{
  g_return_val_if_fail (EM_IS_AGENT_EVALUATION (self), FALSE);
  return self->excluded;
}

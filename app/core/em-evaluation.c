/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-evaluation"

#include "config.h"

#include <glib/gi18n.h>

#include "em-evaluation-private.h"

struct _EmEvaluation
{
  GObject          parent_instance;

  EmEvaluationRow  row;
  EmScorecard     *scorecard;
  EmAnswers       *answers;
  EmScoreResult   *result;
};

G_DEFINE_FINAL_TYPE (EmEvaluation, em_evaluation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CALL_ID,
  PROP_INSPECTOR,
  PROP_STATUS,
  PROP_TOTAL,
  PROP_FATAL,
  PROP_EXCLUDED,
  PROP_SCORECARD,
  PROP_ANSWERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
em_evaluation_status_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { EM_EVALUATION_DRAFT,     "EM_EVALUATION_DRAFT",     "draft" },
    { EM_EVALUATION_SUBMITTED, "EM_EVALUATION_SUBMITTED", "submitted" },
    { EM_EVALUATION_FINALISED, "EM_EVALUATION_FINALISED", "finalised" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("EmEvaluationStatus", values));

  return type;
}

/* "draft", "submitted", "finalised" (not translated: for files and logs) */
const char *
em_evaluation_status_to_string (EmEvaluationStatus status)
{
  switch (status)
    {
    case EM_EVALUATION_DRAFT:     return "draft";
    case EM_EVALUATION_SUBMITTED: return "submitted";
    case EM_EVALUATION_FINALISED: return "finalised";
    default:                      g_return_val_if_reached (NULL);
    }
}

static void
em_evaluation_dispose (GObject *object)
{
  EmEvaluation *self = (EmEvaluation *) object;

  g_clear_object (&self->scorecard);
  g_clear_object (&self->answers);
  g_clear_object (&self->result);

  G_OBJECT_CLASS (em_evaluation_parent_class)->dispose (object);
}

static void
em_evaluation_finalize (GObject *object)
{
  EmEvaluation *self = (EmEvaluation *) object;

  g_free (self->row.inspector);

  G_OBJECT_CLASS (em_evaluation_parent_class)->finalize (object);
}

static void
em_evaluation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EmEvaluation *self = EM_EVALUATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->row.id);
      break;
    case PROP_CALL_ID:
      g_value_set_int64 (value, self->row.call_id);
      break;
    case PROP_INSPECTOR:
      g_value_set_string (value, self->row.inspector);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->row.status);
      break;
    case PROP_TOTAL:
      g_value_set_int64 (value, self->row.total);
      break;
    case PROP_FATAL:
      g_value_set_boolean (value, self->row.fatal);
      break;
    case PROP_EXCLUDED:
      g_value_set_boolean (value, self->row.excluded);
      break;
    case PROP_SCORECARD:
      g_value_set_object (value, self->scorecard);
      break;
    case PROP_ANSWERS:
      g_value_set_object (value, self->answers);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_evaluation_class_init (EmEvaluationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = em_evaluation_dispose;
  object_class->finalize = em_evaluation_finalize;
  object_class->get_property = em_evaluation_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CALL_ID] = g_param_spec_int64 ("call-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_INSPECTOR] = g_param_spec_string ("inspector", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, EM_TYPE_EVALUATION_STATUS,
                                               EM_EVALUATION_DRAFT, flags);
  properties[PROP_TOTAL] = g_param_spec_int64 ("total", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_FATAL] = g_param_spec_boolean ("fatal", NULL, NULL, FALSE, flags);
  properties[PROP_EXCLUDED] = g_param_spec_boolean ("excluded", NULL, NULL, FALSE, flags);
  properties[PROP_SCORECARD] = g_param_spec_object ("scorecard", NULL, NULL, EM_TYPE_SCORECARD, flags);
  properties[PROP_ANSWERS] = g_param_spec_object ("answers", NULL, NULL, EM_TYPE_ANSWERS, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
em_evaluation_init (EmEvaluation *self)
{
}

EmEvaluation *
em_evaluation_new_internal (const EmEvaluationRow *row,
                            EmScorecard           *scorecard,
                            EmAnswers             *answers,
                            EmScoreResult         *result)
{
  EmEvaluation *self = g_object_new (EM_TYPE_EVALUATION, NULL);

  self->row = *row;
  self->row.inspector = g_strdup (row->inspector);
  self->scorecard = g_object_ref (scorecard);
  self->answers = g_object_ref (answers);
  self->result = g_object_ref (result);

  return self;
}

gint64
em_evaluation_get_id (EmEvaluation *self)
{
  g_return_val_if_fail (EM_IS_EVALUATION (self), 0);
  return self->row.id;
}

/* calls.id (not the external call id) */
gint64
em_evaluation_get_call_id (EmEvaluation *self)
{
  g_return_val_if_fail (EM_IS_EVALUATION (self), 0);
  return self->row.call_id;
}

gint64
em_evaluation_get_scorecard_version_id (EmEvaluation *self)
{
  g_return_val_if_fail (EM_IS_EVALUATION (self), 0);
  return self->row.version_id;
}

const char *
em_evaluation_get_inspector (EmEvaluation *self)
{
  g_return_val_if_fail (EM_IS_EVALUATION (self), NULL);
  return self->row.inspector;
}

EmEvaluationStatus
em_evaluation_get_status (EmEvaluation *self)
{
  g_return_val_if_fail (EM_IS_EVALUATION (self), EM_EVALUATION_DRAFT);
  return self->row.status;
}

/* The stored total (centi-points). */
EmPoints
em_evaluation_get_total (EmEvaluation *self)
{
  g_return_val_if_fail (EM_IS_EVALUATION (self), 0);
  return self->row.total;
}

gboolean
em_evaluation_get_fatal (EmEvaluation *self)
{
  g_return_val_if_fail (EM_IS_EVALUATION (self), FALSE);
  return self->row.fatal;
}

gboolean
em_evaluation_get_excluded (EmEvaluation *self)
{
  g_return_val_if_fail (EM_IS_EVALUATION (self), FALSE);
  return self->row.excluded;
}

gint64
em_evaluation_get_created_at (EmEvaluation *self)
{
  g_return_val_if_fail (EM_IS_EVALUATION (self), 0);
  return self->row.created_at;
}

gint64
em_evaluation_get_updated_at (EmEvaluation *self)
{
  g_return_val_if_fail (EM_IS_EVALUATION (self), 0);
  return self->row.updated_at;
}

/* 0 when not submitted */
gint64
em_evaluation_get_submitted_at (EmEvaluation *self)
{
  g_return_val_if_fail (EM_IS_EVALUATION (self), 0);
  return self->row.submitted_at;
}

/* 0 when not finalised */
gint64
em_evaluation_get_finalised_at (EmEvaluation *self)
{
  g_return_val_if_fail (EM_IS_EVALUATION (self), 0);
  return self->row.finalised_at;
}

/* Returns: (transfer none): the scorecard revision it was made with */
EmScorecard *
em_evaluation_get_scorecard (EmEvaluation *self)
{
  g_return_val_if_fail (EM_IS_EVALUATION (self), NULL);
  return self->scorecard;
}

/* Returns: (transfer none): a copy of the stored answers, free to edit */
EmAnswers *
em_evaluation_get_answers (EmEvaluation *self)
{
  g_return_val_if_fail (EM_IS_EVALUATION (self), NULL);
  return self->answers;
}

/* Returns: (transfer none): the score of the answers as loaded */
EmScoreResult *
em_evaluation_get_result (EmEvaluation *self)
{
  g_return_val_if_fail (EM_IS_EVALUATION (self), NULL);
  return self->result;
}

gboolean
em_evaluation_is_read_only (EmEvaluation *self)
{
  g_return_val_if_fail (EM_IS_EVALUATION (self), TRUE);
  return self->row.status == EM_EVALUATION_FINALISED;
}

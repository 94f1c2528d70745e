/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-sampled-call-item.h"

struct _EmSampledCallItem
{
  GObject           parent_instance;

  gint64            call_id;
  char             *external_id;
  char             *agent;        /* "1001 王芳", or the code alone */
  gint64            started_at;
  int               utc_offset;
  guint             duration;
  EmSamplingReason  reasons;
  char             *inspector;    /* "" when unassigned, so that it sorts */
  int               status;
};

G_DEFINE_FINAL_TYPE (EmSampledCallItem, em_sampled_call_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CALL_ID,
  PROP_EXTERNAL_ID,
  PROP_AGENT,
  PROP_STARTED_AT,
  PROP_DURATION,
  PROP_REASONS,
  PROP_INSPECTOR,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

EmSampledCallItem *
em_sampled_call_item_new (const EmSampledCall *call)
{
  EmSampledCallItem *self;

  g_return_val_if_fail (call != NULL, NULL);

  self = g_object_new (EM_TYPE_SAMPLED_CALL_ITEM, NULL);
  self->call_id = call->call_id;
  self->external_id = g_strdup (call->external_id);
  if (call->agent_name != NULL && *call->agent_name != '\0')
    self->agent = g_strdup_printf ("%s %s", call->agent_code, call->agent_name);
  else
    self->agent = g_strdup (call->agent_code);
  self->started_at = call->started_at;
  self->utc_offset = call->utc_offset;
  self->duration = call->duration_s;
  self->reasons = call->reasons;
  self->inspector = g_strdup (call->inspector != NULL ? call->inspector : "");
  self->status = call->status;

  return self;
}

gint64
em_sampled_call_item_get_call_id (EmSampledCallItem *self)
{
  g_return_val_if_fail (EM_IS_SAMPLED_CALL_ITEM (self), 0);
  return self->call_id;
}

const char *
em_sampled_call_item_get_external_id (EmSampledCallItem *self)
{
  g_return_val_if_fail (EM_IS_SAMPLED_CALL_ITEM (self), NULL);
  return self->external_id;
}

const char *
em_sampled_call_item_get_agent (EmSampledCallItem *self)
{
  g_return_val_if_fail (EM_IS_SAMPLED_CALL_ITEM (self), NULL);
  return self->agent;
}

gint64
em_sampled_call_item_get_started_at (EmSampledCallItem *self)
{
  g_return_val_if_fail (EM_IS_SAMPLED_CALL_ITEM (self), 0);
  return self->started_at;
}

/* The start in the center's own time, as the call platform recorded it. */
GDateTime *
em_sampled_call_item_dup_started_at_local (EmSampledCallItem *self)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (EM_IS_SAMPLED_CALL_ITEM (self), NULL);

  tz = g_time_zone_new_offset (self->utc_offset);
  utc = g_date_time_new_from_unix_utc (self->started_at);
  return g_date_time_to_timezone (utc, tz);
}

guint
em_sampled_call_item_get_duration (EmSampledCallItem *self)
{
  g_return_val_if_fail (EM_IS_SAMPLED_CALL_ITEM (self), 0);
  return self->duration;
}

EmSamplingReason
em_sampled_call_item_get_reasons (EmSampledCallItem *self)
{
  g_return_val_if_fail (EM_IS_SAMPLED_CALL_ITEM (self), EM_SAMPLING_REASON_NONE);
  return self->reasons;
}

/* Returns: the assigned inspector, "" when the call is unassigned */
const char *
em_sampled_call_item_get_inspector (EmSampledCallItem *self)
{
  g_return_val_if_fail (EM_IS_SAMPLED_CALL_ITEM (self), NULL);
  return self->inspector;
}

/* Returns: -1 not evaluated, 0 draft, 1 submitted, 2 finalised */
int
em_sampled_call_item_get_status (EmSampledCallItem *self)
{
  g_return_val_if_fail (EM_IS_SAMPLED_CALL_ITEM (self), -1);
  return self->status;
}

static void
em_sampled_call_item_finalize (GObject *object)
{
  EmSampledCallItem *self = (EmSampledCallItem *) object;

  g_free (self->external_id);
  g_free (self->agent);
  g_free (self->inspector);

  G_OBJECT_CLASS (em_sampled_call_item_parent_class)->finalize (object);
}

static void
em_sampled_call_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EmSampledCallItem *self = EM_SAMPLED_CALL_ITEM (object);

  switch (prop_id)
    {
    case PROP_CALL_ID:
      g_value_set_int64 (value, self->call_id);
      break;

    case PROP_EXTERNAL_ID:
      g_value_set_string (value, self->external_id);
      break;

    case PROP_AGENT:
      g_value_set_string (value, self->agent);
      break;

    case PROP_STARTED_AT:
      g_value_set_int64 (value, self->started_at);
      break;

    case PROP_DURATION:
      g_value_set_uint (value, self->duration);
      break;

    case PROP_REASONS:
      g_value_set_uint (value, self->reasons);
      break;

    case PROP_INSPECTOR:
      g_value_set_string (value, self->inspector);
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_sampled_call_item_class_init (EmSampledCallItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = em_sampled_call_item_finalize;
  object_class->get_property = em_sampled_call_item_get_property;

  properties[PROP_CALL_ID] = g_param_spec_int64 ("call-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_EXTERNAL_ID] = g_param_spec_string ("external-id", NULL, NULL, NULL, flags);
  properties[PROP_AGENT] = g_param_spec_string ("agent", NULL, NULL, NULL, flags);
  properties[PROP_STARTED_AT] = g_param_spec_int64 ("started-at", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_DURATION] = g_param_spec_uint ("duration", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_REASONS] = g_param_spec_uint ("reasons", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_INSPECTOR] = g_param_spec_string ("inspector", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, -1, 2, -1, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
em_sampled_call_item_init (EmSampledCallItem *self)
{
  self->status = -1;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "em-agent-row.h"

struct _EmAgentRow
{
  GObject         parent_instance;

  EmAgentHistory *history;
  guint           index;
  char           *search_key;   /* code, name and team, case-folded */
};

G_DEFINE_FINAL_TYPE (EmAgentRow, em_agent_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_TEAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

EmAgentRow *
em_agent_row_new (EmAgentHistory *history,
                  guint           index)
{
  EmAgentRow *self;
  const EmHistoryAgent *agent;
  g_autofree char *key = NULL;

  g_return_val_if_fail (EM_IS_AGENT_HISTORY (history), NULL);
  g_return_val_if_fail (index < em_agent_history_get_n_agents (history), NULL);

  self = g_object_new (EM_TYPE_AGENT_ROW, NULL);
  self->history = g_object_ref (history);
  self->index = index;

  agent = em_agent_row_get_agent (self);
  key = g_strjoin ("\n", agent->code, agent->name != NULL ? agent->name : "",
                   agent->team != NULL ? agent->team : "", NULL);
  self->search_key = g_utf8_casefold (key, -1);

  return self;
}

EmAgentHistory *
em_agent_row_get_history (EmAgentRow *self)
{
  g_return_val_if_fail (EM_IS_AGENT_ROW (self), NULL);

  return self->history;
}

const EmHistoryAgent *
em_agent_row_get_agent (EmAgentRow *self)
{
  g_return_val_if_fail (EM_IS_AGENT_ROW (self), NULL);

  return em_agent_history_get_agent (self->history, self->index);
}

gint64
em_agent_row_get_id (EmAgentRow *self)
{
  return em_agent_row_get_agent (self)->id;
}

const char *
em_agent_row_get_code (EmAgentRow *self)
{
  return em_agent_row_get_agent (self)->code;
}

const char *
em_agent_row_get_name (EmAgentRow *self)
{
  return em_agent_row_get_agent (self)->name;
}

const char *
em_agent_row_get_team (EmAgentRow *self)
{
  return em_agent_row_get_agent (self)->team;
}

static const EmMonthFigures *
figures_before_last (EmAgentRow *self,
                     guint       months_back)
{
  guint n_months = em_agent_history_get_n_months (self->history);

  if (months_back >= n_months)
    return NULL;
  return em_agent_history_get_figures (self->history, n_months - 1 - months_back,
                                       em_agent_row_get_agent (self));
}

/* Returns: (nullable): the agent's figures in the history's last month */
const EmMonthFigures *
em_agent_row_get_latest (EmAgentRow *self)
{
  g_return_val_if_fail (EM_IS_AGENT_ROW (self), NULL);

  return figures_before_last (self, 0);
}

/* Returns: (nullable): the agent's figures in the month before that */
const EmMonthFigures *
em_agent_row_get_previous (EmAgentRow *self)
{
  g_return_val_if_fail (EM_IS_AGENT_ROW (self), NULL);

  return figures_before_last (self, 1);
}

/**
 * em_agent_row_get_trend:
 * @out_change: (out) (optional): the change of the total
 *
 * Returns: 1 if the monthly total rose since the month before, -1 if it
 *   fell, 0 if it stayed the same or either month has no total
 */
int
em_agent_row_get_trend (EmAgentRow *self,
                        EmPoints   *out_change)
{
  const EmMonthFigures *latest, *previous;
  EmPoints change;

  g_return_val_if_fail (EM_IS_AGENT_ROW (self), 0);

  latest = em_agent_row_get_latest (self);
  previous = em_agent_row_get_previous (self);
  if (latest == NULL || previous == NULL || !latest->has_total || !previous->has_total)
    {
      if (out_change != NULL)
        *out_change = 0;
      return 0;
    }

  change = latest->total - previous->total;
  if (out_change != NULL)
    *out_change = change;
  return change > 0 ? 1 : change < 0 ? -1 : 0;
}

/* @search: case-folded (g_utf8_casefold()); empty matches every agent */
gboolean
em_agent_row_matches (EmAgentRow *self,
                      const char *search)
{
  g_return_val_if_fail (EM_IS_AGENT_ROW (self), FALSE);

  return search == NULL || *search == '\0' || strstr (self->search_key, search) != NULL;
}

static void
em_agent_row_finalize (GObject *object)
{
  EmAgentRow *self = (EmAgentRow *) object;

  g_clear_object (&self->history);
  g_free (self->search_key);

  G_OBJECT_CLASS (em_agent_row_parent_class)->finalize (object);
}

static void
em_agent_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EmAgentRow *self = EM_AGENT_ROW (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, em_agent_row_get_code (self));
      break;

    case PROP_NAME:
      g_value_set_string (value, em_agent_row_get_name (self));
      break;

    case PROP_TEAM:
      g_value_set_string (value, em_agent_row_get_team (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_agent_row_class_init (EmAgentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = em_agent_row_finalize;
  object_class->get_property = em_agent_row_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEAM] =
    g_param_spec_string ("team", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
em_agent_row_init (EmAgentRow *self)
{
}

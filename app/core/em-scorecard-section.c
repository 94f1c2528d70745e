/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-scorecard"

#include "config.h"

#include <glib/gi18n.h>

#include "em-scorecard-private.h"

/* One [Section:…] group: a title, an allotment (Points; 0 means no cap,
 * its items then take points from the base score) and its items in file
 * order.
 */

G_DEFINE_FINAL_TYPE (EmScorecardSection, em_scorecard_section, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_POINTS,
  PROP_GUIDANCE,
  PROP_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
em_scorecard_section_dispose (GObject *object)
{
  EmScorecardSection *self = (EmScorecardSection *) object;

  g_clear_object (&self->items);

  G_OBJECT_CLASS (em_scorecard_section_parent_class)->dispose (object);
}

static void
em_scorecard_section_finalize (GObject *object)
{
  EmScorecardSection *self = (EmScorecardSection *) object;

  g_free (self->id);
  g_clear_pointer (&self->title, em_localized_free);
  g_clear_pointer (&self->guidance, em_localized_free);

  G_OBJECT_CLASS (em_scorecard_section_parent_class)->finalize (object);
}

static void
em_scorecard_section_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EmScorecardSection *self = EM_SCORECARD_SECTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, em_scorecard_section_get_title (self));
      break;
    case PROP_POINTS:
      g_value_set_int64 (value, self->points);
      break;
    case PROP_GUIDANCE:
      g_value_set_string (value, em_scorecard_section_get_guidance (self));
      break;
    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_scorecard_section_class_init (EmScorecardSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = em_scorecard_section_dispose;
  object_class->finalize = em_scorecard_section_finalize;
  object_class->get_property = em_scorecard_section_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_POINTS] = g_param_spec_int64 ("points", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_GUIDANCE] = g_param_spec_string ("guidance", NULL, NULL, NULL, flags);
  properties[PROP_ITEMS] = g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
em_scorecard_section_init (EmScorecardSection *self)
{
  self->items = g_list_store_new (EM_TYPE_SCORECARD_ITEM);
}

EmScorecardSection *
em_scorecard_section_new_internal (const char *id)
{
  EmScorecardSection *self = g_object_new (EM_TYPE_SCORECARD_SECTION, NULL);

  self->id = g_strdup (id);
  return self;
}

const char *
em_scorecard_section_get_id (EmScorecardSection *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD_SECTION (self), NULL);

  return self->id;
}

const char *
em_scorecard_section_get_title (EmScorecardSection *self)
{
  return em_scorecard_section_get_title_for_locale (self, NULL);
}

/* @locale: (nullable): e.g. "zh_CN", "en"; %NULL for the UI language */
const char *
em_scorecard_section_get_title_for_locale (EmScorecardSection *self,
                                           const char         *locale)
{
  g_return_val_if_fail (EM_IS_SCORECARD_SECTION (self), NULL);

  return em_localized_get (self->title, locale);
}

/* The allotment; 0 when the section has none (no cap). */
EmPoints
em_scorecard_section_get_points (EmScorecardSection *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD_SECTION (self), 0);

  return self->points;
}

const char *
em_scorecard_section_get_guidance (EmScorecardSection *self)
{
  return em_scorecard_section_get_guidance_for_locale (self, NULL);
}

const char *
em_scorecard_section_get_guidance_for_locale (EmScorecardSection *self,
                                              const char         *locale)
{
  g_return_val_if_fail (EM_IS_SCORECARD_SECTION (self), NULL);

  return self->guidance != NULL ? em_localized_get (self->guidance, locale) : NULL;
}

/* Returns: (transfer none): the section's EmScorecardItems, in file order */
GListModel *
em_scorecard_section_get_items (EmScorecardSection *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD_SECTION (self), NULL);

  return G_LIST_MODEL (self->items);
}

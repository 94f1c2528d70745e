/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-scorecard"

#include "config.h"

#include <glib/gi18n.h>

#include "em-scorecard-private.h"

/* One [Item:…] group of a scorecard.  Read-only: the properties are there
 * so that list rows and forms can bind to them.
 */

G_DEFINE_FINAL_TYPE (EmScorecardItem, em_scorecard_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SECTION_ID,
  PROP_TITLE,
  PROP_KIND,
  PROP_POINTS,
  PROP_PER_OCCURRENCE,
  PROP_COMPLAINT_MULTIPLIER,
  PROP_SCOPE,
  PROP_GUIDANCE,
  PROP_N_OPTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GEnumValue kind_values[] = {
  { EM_ITEM_KIND_CHECK,   "EM_ITEM_KIND_CHECK",   "check" },
  { EM_ITEM_KIND_DEDUCT,  "EM_ITEM_KIND_DEDUCT",  "deduct" },
  { EM_ITEM_KIND_PENALTY, "EM_ITEM_KIND_PENALTY", "penalty" },
  { EM_ITEM_KIND_CHOICE,  "EM_ITEM_KIND_CHOICE",  "choice" },
  { EM_ITEM_KIND_SCORE,   "EM_ITEM_KIND_SCORE",   "score" },
  { EM_ITEM_KIND_FATAL,   "EM_ITEM_KIND_FATAL",   "fatal" },
  { EM_ITEM_KIND_BONUS,   "EM_ITEM_KIND_BONUS",   "bonus" },
  { 0, NULL, NULL }
};

GType
em_item_kind_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("EmItemKind", kind_values));

  return type;
}

GType
em_fatal_scope_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { EM_FATAL_SCOPE_SCORECARD, "EM_FATAL_SCOPE_SCORECARD", "scorecard" },
    { EM_FATAL_SCOPE_SECTION,   "EM_FATAL_SCOPE_SECTION",   "section" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("EmFatalScope", values));

  return type;
}

/* The keyword used in .scorecard files: "check", "deduct", … */
const char *
em_item_kind_to_string (EmItemKind kind)
{
  g_return_val_if_fail (kind <= EM_ITEM_KIND_BONUS, NULL);

  return kind_values[kind].value_nick;
}

gboolean
em_item_kind_from_string (const char *text,
                          EmItemKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);

  for (guint i = 0; text != NULL && kind_values[i].value_nick != NULL; i++)
    if (g_ascii_strcasecmp (text, kind_values[i].value_nick) == 0)
      {
        *out_kind = kind_values[i].value;
        return TRUE;
      }

  return FALSE;
}

/* A name for people, in the user interface language. */
const char *
em_item_kind_get_label (EmItemKind kind)
{
  switch (kind)
    {
    case EM_ITEM_KIND_CHECK:   return _("Check");
    case EM_ITEM_KIND_DEDUCT:  return _("Deduction");
    case EM_ITEM_KIND_PENALTY: return _("Penalty");
    case EM_ITEM_KIND_CHOICE:  return _("Choice");
    case EM_ITEM_KIND_SCORE:   return _("Score");
    case EM_ITEM_KIND_FATAL:   return _("Fatal error");
    case EM_ITEM_KIND_BONUS:   return _("Bonus");
    default:                   g_return_val_if_reached (NULL);
    }
}

void
em_item_option_free (EmItemOption *option)
{
  if (option == NULL)
    return;

  em_localized_free (option->label);
  g_free (option);
}

static void
em_scorecard_item_finalize (GObject *object)
{
  EmScorecardItem *self = (EmScorecardItem *) object;

  g_free (self->id);
  g_free (self->section_id);
  g_clear_pointer (&self->title, em_localized_free);
  g_clear_pointer (&self->guidance, em_localized_free);
  g_clear_pointer (&self->options, g_ptr_array_unref);

  G_OBJECT_CLASS (em_scorecard_item_parent_class)->finalize (object);
}

static void
em_scorecard_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  EmScorecardItem *self = EM_SCORECARD_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_SECTION_ID:
      g_value_set_string (value, self->section_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, em_scorecard_item_get_title (self));
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_POINTS:
      g_value_set_int64 (value, self->points);
      break;
    case PROP_PER_OCCURRENCE:
      g_value_set_int64 (value, self->per_occurrence);
      break;
    case PROP_COMPLAINT_MULTIPLIER:
      g_value_set_uint (value, self->complaint_multiplier);
      break;
    case PROP_SCOPE:
      g_value_set_enum (value, self->scope);
      break;
    case PROP_GUIDANCE:
      g_value_set_string (value, em_scorecard_item_get_guidance (self));
      break;
    case PROP_N_OPTIONS:
      g_value_set_uint (value, em_scorecard_item_get_n_options (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_scorecard_item_class_init (EmScorecardItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = em_scorecard_item_finalize;
  object_class->get_property = em_scorecard_item_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_SECTION_ID] = g_param_spec_string ("section-id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, EM_TYPE_ITEM_KIND,
                                             EM_ITEM_KIND_CHECK, flags);
  properties[PROP_POINTS] = g_param_spec_int64 ("points", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PER_OCCURRENCE] = g_param_spec_int64 ("per-occurrence", NULL, NULL,
                                                        0, G_MAXINT64, 0, flags);
  properties[PROP_COMPLAINT_MULTIPLIER] = g_param_spec_uint ("complaint-multiplier", NULL, NULL,
                                                             1, G_MAXUINT, 1, flags);
  properties[PROP_SCOPE] = g_param_spec_enum ("scope", NULL, NULL, EM_TYPE_FATAL_SCOPE,
                                              EM_FATAL_SCOPE_SCORECARD, flags);
  properties[PROP_GUIDANCE] = g_param_spec_string ("guidance", NULL, NULL, NULL, flags);
  properties[PROP_N_OPTIONS] = g_param_spec_uint ("n-options", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
em_scorecard_item_init (EmScorecardItem *self)
{
  self->complaint_multiplier = 1;
  self->options = g_ptr_array_new_with_free_func ((GDestroyNotify) em_item_option_free);
}

EmScorecardItem *
em_scorecard_item_new_internal (const char *id)
{
  EmScorecardItem *self = g_object_new (EM_TYPE_SCORECARD_ITEM, NULL);

  self->id = g_strdup (id);
  return self;
}

const char *
em_scorecard_item_get_id (EmScorecardItem *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD_ITEM (self), NULL);

  return self->id;
}

/* Returns: (nullable): the section's id; %NULL for an item that acts on
 * the base score directly
 */
const char *
em_scorecard_item_get_section_id (EmScorecardItem *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD_ITEM (self), NULL);

  return self->section_id;
}

/* The title in the user interface language. */
const char *
em_scorecard_item_get_title (EmScorecardItem *self)
{
  return em_scorecard_item_get_title_for_locale (self, NULL);
}

/* @locale: (nullable): e.g. "zh_CN", "en"; %NULL for the UI language */
const char *
em_scorecard_item_get_title_for_locale (EmScorecardItem *self,
                                        const char      *locale)
{
  g_return_val_if_fail (EM_IS_SCORECARD_ITEM (self), NULL);

  return em_localized_get (self->title, locale);
}

EmItemKind
em_scorecard_item_get_kind (EmScorecardItem *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD_ITEM (self), EM_ITEM_KIND_CHECK);

  return self->kind;
}

/* check: what failing costs; deduct: the cap; choice: Points (the best
 * option's points unless given); score: the maximum; bonus: the most it
 * adds.  Penalty and fatal items have none (0).
 */
EmPoints
em_scorecard_item_get_points (EmScorecardItem *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD_ITEM (self), 0);

  return self->points;
}

/* deduct, penalty, bonus: points per occurrence; 0 for the other kinds. */
EmPoints
em_scorecard_item_get_per_occurrence (EmScorecardItem *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD_ITEM (self), 0);

  return self->per_occurrence;
}

/* How many times an occurrence that caused a complaint counts (加倍扣罚 = 2);
 * 1 unless the file says otherwise.
 */
guint
em_scorecard_item_get_complaint_multiplier (EmScorecardItem *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD_ITEM (self), 1);

  return self->complaint_multiplier;
}

EmFatalScope
em_scorecard_item_get_scope (EmScorecardItem *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD_ITEM (self), EM_FATAL_SCOPE_SCORECARD);

  return self->scope;
}

/* Returns: (nullable): the guidance text (score bands, examples) */
const char *
em_scorecard_item_get_guidance (EmScorecardItem *self)
{
  return em_scorecard_item_get_guidance_for_locale (self, NULL);
}

const char *
em_scorecard_item_get_guidance_for_locale (EmScorecardItem *self,
                                           const char      *locale)
{
  g_return_val_if_fail (EM_IS_SCORECARD_ITEM (self), NULL);

  return self->guidance != NULL ? em_localized_get (self->guidance, locale) : NULL;
}

guint
em_scorecard_item_get_n_options (EmScorecardItem *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD_ITEM (self), 0);

  return self->options->len;
}

/* @option: 1-based, as in the answers file's Option= */
const char *
em_scorecard_item_get_option_label (EmScorecardItem *self,
                                    guint            option,
                                    const char      *locale)
{
  EmItemOption *entry;

  g_return_val_if_fail (EM_IS_SCORECARD_ITEM (self), NULL);
  g_return_val_if_fail (option >= 1 && option <= self->options->len, NULL);

  entry = g_ptr_array_index (self->options, option - 1);
  return em_localized_get (entry->label, locale);
}

/* @option: 1-based; the points that option earns */
EmPoints
em_scorecard_item_get_option_points (EmScorecardItem *self,
                                     guint            option)
{
  EmItemOption *entry;

  g_return_val_if_fail (EM_IS_SCORECARD_ITEM (self), 0);
  g_return_val_if_fail (option >= 1 && option <= self->options->len, 0);

  entry = g_ptr_array_index (self->options, option - 1);
  return entry->points;
}

/* The 1-based index of the option earning most (the first of equals);
 * 0 for an item without options.
 */
guint
em_scorecard_item_get_best_option (EmScorecardItem *self)
{
  guint best = 0;

  g_return_val_if_fail (EM_IS_SCORECARD_ITEM (self), 0);

  for (guint i = 1; i <= self->options->len; i++)
    if (best == 0 || em_scorecard_item_get_option_points (self, i) >
                     em_scorecard_item_get_option_points (self, best))
      best = i;

  return best;
}

/* Whether the answers count occurrences of this item (deduct, penalty,
 * bonus), so a form shows a counter.
 */
gboolean
em_scorecard_item_counts_occurrences (EmScorecardItem *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD_ITEM (self), FALSE);

  return self->kind == EM_ITEM_KIND_DEDUCT ||
         self->kind == EM_ITEM_KIND_PENALTY ||
         self->kind == EM_ITEM_KIND_BONUS;
}

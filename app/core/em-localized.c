/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-localized"

#include "config.h"

#include <glib/gi18n.h>

#include "em-localized.h"

struct _EmLocalized
{
  char       *value;
  GHashTable *translations;   /* locale → text */
};

EmLocalized *
em_localized_new (const char *value)
{
  EmLocalized *self = g_new0 (EmLocalized, 1);

  self->value = g_strdup (value != NULL ? value : "");
  self->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return self;
}

void
em_localized_free (EmLocalized *self)
{
  if (self == NULL)
    return;

  g_free (self->value);
  g_hash_table_unref (self->translations);
  g_free (self);
}

void
em_localized_add (EmLocalized *self,
                  const char  *locale,
                  const char  *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (locale != NULL && value != NULL);

  g_hash_table_replace (self->translations, g_strdup (locale), g_strdup (value));
}

static const char *
lookup_variants (const EmLocalized  *self,
                 const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *text = g_hash_table_lookup (self->translations, names[i]);

      if (text != NULL)
        return text;
    }

  return NULL;
}

/**
 * em_localized_get:
 * @locale: (nullable): e.g. "zh_CN" or "en"; %NULL for the user interface
 *   language
 *
 * Returns: the best text for @locale, the untranslated one at worst
 */
const char *
em_localized_get (const EmLocalized *self,
                  const char        *locale)
{
  const char *text;

  g_return_val_if_fail (self != NULL, NULL);

  if (g_hash_table_size (self->translations) == 0)
    return self->value;

  if (locale == NULL)
    text = lookup_variants (self, g_get_language_names ());
  else
    {
      g_auto(GStrv) variants = g_get_locale_variants (locale);
      text = lookup_variants (self, (const char * const *) variants);
    }

  return text != NULL ? text : self->value;
}

const char *
em_localized_get_untranslated (const EmLocalized *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->value;
}

char **
em_localized_dup_locales (const EmLocalized *self)
{
  g_autofree gpointer *keys = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  keys = g_hash_table_get_keys_as_array (self->translations, NULL);
  return g_strdupv ((char **) keys);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-scorecard-store"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "em-core.h"
#include "em-error.h"
#include "em-scorecard-store.h"
#include "em-shipped-scorecards.h"
#include "em-txn.h"

#define SCORECARDS_PATH EM_CORE_RESOURCE_PATH "/scorecards/"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Returns: (transfer full): the shipped scorecards' names, sorted */
char **
em_shipped_scorecards_list (void)
{
  g_auto(GStrv) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  em_core_init ();

  children = g_resources_enumerate_children (SCORECARDS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    if (g_str_has_suffix (children[i], ".scorecard"))
      g_ptr_array_add (names, g_strdup (children[i]));

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

/* Returns: (transfer full): the file's text */
GBytes *
em_shipped_scorecard_lookup (const char  *name,
                             GError     **error)
{
  g_autofree char *path = NULL;
  GBytes *bytes;

  g_return_val_if_fail (name != NULL, NULL);

  em_core_init ();

  path = g_strconcat (SCORECARDS_PATH, name, NULL);
  if (!(bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL)))
    g_set_error (error, EM_ERROR, EM_ERROR_NOT_FOUND, _("Earmark ships no scorecard “%s”."), name);

  return bytes;
}

EmScorecard *
em_shipped_scorecard_load (const char  *name,
                           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  const char *data;

  if (!(bytes = em_shipped_scorecard_lookup (name, error)))
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  return em_scorecard_new_from_data (data, length, name, error);
}

/* Imports every shipped scorecard (a no-op for those already there), as
 * one change.
 */
gboolean
em_shipped_scorecards_import (EmDb        *db,
                              const char  *actor,
                              GError     **error)
{
  g_auto(GStrv) names = em_shipped_scorecards_list ();
  EM_TXN_AUTO txn = { 0 };

  g_return_val_if_fail (EM_IS_DB (db), FALSE);

  if (!em_txn_begin (&txn, db, error))
    return FALSE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(EmScorecard) scorecard = em_shipped_scorecard_load (names[i], error);

      if (scorecard == NULL || em_scorecard_store_import (db, scorecard, actor, NULL, error) <= 0)
        return FALSE;
    }

  return em_txn_commit (&txn, error);
}

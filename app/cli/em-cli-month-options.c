/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "em-cli.h"
#include "em-cli-month-options.h"
#include "em-error.h"
#include "em-month.h"

/* Reports only read: a mistyped --db must not leave a new, empty database
 * behind, so a missing file is an error here.
 */
EmDb *
em_cli_month_open_db (const char  *path,
                      GError     **error)
{
  g_autofree char *default_path = NULL;

  if (path == NULL)
    path = default_path = em_db_default_path ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_NOT_FOUND, _("There is no database “%s”."), path);
      return NULL;
    }

  return em_cli_open_db (path, error);
}

EmScheme *
em_cli_month_scheme (const char  *path,
                     GError     **error)
{
  if (path == NULL)
    return em_scheme_new_default ();
  return em_scheme_new_from_file (path, error);
}

/* --lang zh_CN|en (any zh* or en* locale name); without it, the
 * environment decides (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
 */
gboolean
em_cli_month_language (const char  *option,
                       const char **out_language)
{
  if (option == NULL)
    *out_language = em_month_language_from_environment ();
  else if (g_str_has_prefix (option, "zh"))
    *out_language = "zh_CN";
  else if (g_str_has_prefix (option, "en") || g_str_equal (option, "C"))
    *out_language = "en";
  else
    return FALSE;

  return TRUE;
}

/* Like em_cli_fail(), but bad input (here: a scheme file) is printed as
 * is: each line already names the file, "FILE: [group] key: reason".
 */
int
em_cli_month_fail (GError *error)
{
  if (error != NULL && g_error_matches (error, EM_ERROR, EM_ERROR_INVALID_INPUT))
    {
      fprintf (stderr, "%s\n", error->message);
      g_error_free (error);
      return EM_CLI_BAD_INPUT;
    }

  return em_cli_fail (error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-problem"

#include "config.h"

#include <glib/gi18n.h>

#include "em-error.h"
#include "em-problem.h"

EmProblem *
em_problem_new (const char *group,
                const char *key,
                const char *reason)
{
  EmProblem *problem = g_new0 (EmProblem, 1);

  g_return_val_if_fail (reason != NULL, NULL);

  problem->group = g_strdup (group);
  problem->key = g_strdup (key);
  problem->reason = g_strdup (reason);

  return problem;
}

EmProblem *
em_problem_newv (const char *group,
                 const char *key,
                 const char *format,
                 ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  return em_problem_new (group, key, reason);
}

void
em_problem_free (EmProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->group);
  g_free (problem->key);
  g_free (problem->reason);
  g_free (problem);
}

/* “FILE: [group] key: reason”; without a key “FILE: [group]: reason”;
 * without a group “FILE: reason”.
 */
char *
em_problem_format (const EmProblem *problem,
                   const char      *filename)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (problem != NULL, NULL);

  if (filename != NULL && *filename != '\0')
    g_string_append_printf (out, "%s: ", filename);

  if (problem->group != NULL)
    {
      g_string_append_printf (out, "[%s]", problem->group);
      if (problem->key != NULL)
        g_string_append_printf (out, " %s", problem->key);
      g_string_append (out, ": ");
    }
  else if (problem->key != NULL)
    g_string_append_printf (out, "%s: ", problem->key);

  g_string_append (out, problem->reason);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

GPtrArray *
em_problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) em_problem_free);
}

void
em_problems_add (GPtrArray  *problems,
                 const char *group,
                 const char *key,
                 const char *format,
                 ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  g_return_if_fail (problems != NULL);

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (problems, em_problem_new (group, key, reason));
}

/* Every problem on its own line, no trailing newline. */
char *
em_problems_format (GPtrArray  *problems,
                    const char *filename)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (problems != NULL, NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = em_problem_format (g_ptr_array_index (problems, i), filename);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Returns TRUE when there are no problems; otherwise sets @error
 * (EM_ERROR_INVALID_INPUT) to every problem, one per line.
 */
gboolean
em_problems_to_error (GPtrArray   *problems,
                      const char  *filename,
                      GError     **error)
{
  g_autofree char *message = NULL;

  if (problems == NULL || problems->len == 0)
    return TRUE;

  message = em_problems_format (problems, filename);
  g_set_error_literal (error, EM_ERROR, EM_ERROR_INVALID_INPUT, message);

  return FALSE;
}

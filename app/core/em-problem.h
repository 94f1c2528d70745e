/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One thing wrong with a scorecard or answers file, reported to the user
 * as “FILE: [group] key: reason” (DESIGN.md §11).  @group and @key may be
 * NULL when the problem is about a whole group or the whole file.
 */
typedef struct
{
  char *group;
  char *key;
  char *reason;
  guint line;     /* where in the file, when known (0 otherwise) */
} EmProblem;

EmProblem *em_problem_new        (const char       *group,
                                  const char       *key,
                                  const char       *reason);
EmProblem *em_problem_newv       (const char       *group,
                                  const char       *key,
                                  const char       *format,
                                  ...) G_GNUC_PRINTF (3, 4);
void       em_problem_free       (EmProblem        *problem);
char      *em_problem_format     (const EmProblem  *problem,
                                  const char       *filename);

GPtrArray *em_problems_new       (void);
void       em_problems_add       (GPtrArray        *problems,
                                  const char       *group,
                                  const char       *key,
                                  const char       *format,
                                  ...) G_GNUC_PRINTF (4, 5);
char      *em_problems_format    (GPtrArray        *problems,
                                  const char       *filename);
gboolean   em_problems_to_error  (GPtrArray        *problems,
                                  const char       *filename,
                                  GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmProblem, em_problem_free)

G_END_DECLS

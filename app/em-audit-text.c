/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "em-audit-text.h"
#include "em-evaluation-text.h"

/* The audit log keeps each step's detail as a record in fixed English words
 * and item ids ("total 91.00 → 95.00; changed: language.taboo"), whatever
 * the language of whoever made the step, so that the log reads the same
 * for every reader and every tool.  A history puts it into the reader's
 * words: each "; "-separated clause of the forms the stores write
 * (em-evaluation-store.c, em-appeal-store.c) is said again in the UI
 * language, item ids become the items' titles; a clause of another form is
 * shown as stored.
 */

typedef enum
{
  ARG_TEXT,
  ARG_ITEMS,
  ARG_DECISION,
} ArgKind;

typedef struct
{
  const char *pattern;
  const char *format;
  ArgKind     args[3];
} Clause;

static const Clause clauses[] = {
  { "call (\\d+), scorecard (\\S+) \\(scorecard_versions \\d+\\), total (\\S+)",
    N_("call %s, scorecard %s, total %s"), { ARG_TEXT, ARG_TEXT, ARG_TEXT } },
  { "call (\\d+), total (\\S+)", N_("call %s, total %s"), { ARG_TEXT, ARG_TEXT } },
  { "evaluation (\\d+), total (\\S+)", N_("evaluation %s, total %s"), { ARG_TEXT, ARG_TEXT } },
  { "evaluation (\\d+): total (\\S+) → (\\S+)", N_("evaluation %s: total %s → %s"),
    { ARG_TEXT, ARG_TEXT, ARG_TEXT } },
  { "total (\\S+) → (\\S+)", N_("total %s → %s"), { ARG_TEXT, ARG_TEXT } },
  { "total (\\S+)", N_("total %s"), { ARG_TEXT } },
  { "scorecard revision (\\d+) → (\\d+)", N_("scorecard revision %s → %s"), { ARG_TEXT, ARG_TEXT } },
  { "changed: (.+)", N_("changed: %s"), { ARG_ITEMS } },
  { "excluded", N_("left out of averages") },
  { "included again", N_("counted in averages again") },
  { "appeal (\\d+): overturned (.+)", N_("appeal %s: overturned %s"), { ARG_TEXT, ARG_ITEMS } },
  { "items: (.+)", N_("items: %s"), { ARG_ITEMS } },
  { "overturned: (.+)", N_("overturned: %s"), { ARG_ITEMS } },
  { "upheld: (.+)", N_("upheld: %s"), { ARG_ITEMS } },
  { "([^\\s:]+): (upheld|overturned)", N_("%s: %s"), { ARG_ITEMS, ARG_DECISION } },
};

/* Free text that ends a detail and may hold "; " itself. */
static const struct { const char *marker; const char *format; } tails[] = {
  { "; reason: ", N_("reason: %s") },
  { "; comment: ", N_("comment: %s") },
};

/* "a (−4.00), b (fatal)" → "Title A (−4.00), Title B (fatal)" */
static char *
describe_items (const char   *list,
                EmEvaluation *evaluation)
{
  g_auto(GStrv) items = g_strsplit (list, ", ", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  if (g_str_equal (list, "none") || g_str_equal (list, "nothing"))
    return g_strdup (_("none"));

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], " (", 2);
      const char *title = evaluation != NULL ? em_evaluation_text_item_title (evaluation, parts[0]) : parts[0];
      g_autofree char *item = NULL;

      if (parts[1] == NULL)
        item = g_strdup (title);
      else if (g_str_equal (parts[1], "fatal)"))
        item = g_strdup_printf (_("%s (fatal)"), title);
      else
        {
          g_autofree char *cost = g_strndup (parts[1], strlen (parts[1]) - (g_str_has_suffix (parts[1], ")") ? 1 : 0));

          item = g_strdup_printf (_("%s (%s)"), title, cost);
        }
      g_string_append_printf (out, "%s%s", i > 0 ? _(", ") : "", item);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
describe_arg (ArgKind       kind,
              const char   *text,
              EmEvaluation *evaluation)
{
  switch (kind)
    {
    case ARG_ITEMS:
      return describe_items (text, evaluation);
    case ARG_DECISION:
      return g_strdup (em_evaluation_text_decision (g_str_equal (text, "upheld") ? EM_APPEAL_UPHELD
                                                                                : EM_APPEAL_OVERTURNED));
    case ARG_TEXT:
    default:
      return g_strdup (text);
    }
}

static char *
describe_clause (const char   *clause,
                 EmEvaluation *evaluation)
{
  for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
    {
      g_autofree char *anchored = g_strdup_printf ("^%s$", clauses[i].pattern);
      g_autoptr(GRegex) regex = g_regex_new (anchored, G_REGEX_OPTIMIZE, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;
      char *args[3] = { NULL, NULL, NULL };
      char *text;

      if (!g_regex_match (regex, clause, 0, &match))
        continue;

      for (int a = 0; a < 3 && a < g_match_info_get_match_count (match) - 1; a++)
        {
          g_autofree char *group = g_match_info_fetch (match, a + 1);

          args[a] = describe_arg (clauses[i].args[a], group, evaluation);
        }
      text = g_strdup_printf (_(clauses[i].format),
                              args[0] ? args[0] : "", args[1] ? args[1] : "", args[2] ? args[2] : "");
      for (int a = 0; a < 3; a++)
        g_free (args[a]);
      return text;
    }

  return g_strdup (clause);
}

/**
 * em_audit_text_describe:
 * @detail: (nullable): an audit row's detail as stored
 * @evaluation: (nullable): the evaluation it concerns, for the items' titles
 *
 * Returns: (transfer full) (nullable): the detail in the UI language
 */
char *
em_audit_text_describe (const char   *detail,
                        EmEvaluation *evaluation)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *head = NULL;
  g_autofree char *tail = NULL;
  g_auto(GStrv) parts = NULL;

  if (detail == NULL || *detail == '\0')
    return NULL;

  head = g_strdup (detail);
  for (guint i = 0; i < G_N_ELEMENTS (tails) && tail == NULL; i++)
    {
      char *at = strstr (head, tails[i].marker);

      if (at != NULL)
        {
          tail = g_strdup_printf (_(tails[i].format), at + strlen (tails[i].marker));
          *at = '\0';
        }
    }

  out = g_string_new (NULL);
  parts = g_strsplit (head, "; ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *clause = describe_clause (parts[i], evaluation);

      g_string_append_printf (out, "%s%s", i > 0 ? _("; ") : "", clause);
    }
  if (tail != NULL)
    g_string_append_printf (out, "%s%s", out->len > 0 ? _("; ") : "", tail);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-key-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "em-key-reader.h"
#include "em-problem.h"

/* GKeyFile stops at the first thing it dislikes, merges a group given twice
 * and keeps only one of two equal keys; a person fixing a scorecard wants
 * to hear about every problem at once.  So the text is read line by line
 * first: broken lines (bad UTF-8, no “=”, a key before any group, a group
 * or key given twice) are reported and left out, a UTF-8 BOM and CR line
 * ends are dropped, and a “ #” comment after a value is cut off (except in
 * free-text keys such as Title, where “#” may be meant).  Only the cleaned
 * text reaches GKeyFile, which then cannot fail, and whose locale handling
 * (Title[zh_CN]=…) we keep.
 */

struct _EmKeyReader
{
  GKeyFile   *keyfile;
  GPtrArray  *problems;
  GHashTable *lines;    /* "group" or "group\037key" → line number */
  GHashTable *broken;   /* "group\037key" of lines already reported */
};

static char *
make_slot (const char *group,
           const char *key)
{
  if (key == NULL)
    return g_strdup (group);
  return g_strconcat (group, "\037", key, NULL);
}

static gboolean
is_verbatim_key (const char         *key,
                 const char * const *verbatim_keys)
{
  g_autofree char *base = g_strndup (key, strcspn (key, "["));

  return verbatim_keys != NULL && g_strv_contains (verbatim_keys, base);
}

static void
cut_inline_comment (char *value)
{
  for (char *p = value; *p != '\0'; p++)
    if (*p == '#' && p > value && (p[-1] == ' ' || p[-1] == '\t'))
      {
        *p = '\0';
        break;
      }
  g_strchomp (value);
}

static gboolean
is_valid_key_name (const char *key)
{
  const char *open = strchr (key, '[');

  if (*key == '\0' || open == key)
    return FALSE;

  for (const char *p = key; p < (open != NULL ? open : key + strlen (key)); p++)
    if (g_ascii_isspace (*p) || *p == ']' || g_ascii_iscntrl (*p))
      return FALSE;

  if (open == NULL)
    return TRUE;

  if (open[1] == ']' || key[strlen (key) - 1] != ']')
    return FALSE;

  for (const char *p = open + 1; p < key + strlen (key) - 1; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '@' && *p != '.' && *p != '-')
      return FALSE;

  return TRUE;
}

typedef struct
{
  EmKeyReader        *self;
  const char * const *verbatim_keys;
  GString            *clean;
  char               *group;      /* NULL before the first group */
  gboolean            skipping;   /* inside a broken or repeated group */
} Scan;

static gboolean
has_control_chars (const char *start,
                   const char *end)
{
  for (const char *p = start; p < end; p++)
    if (g_ascii_iscntrl (*p))
      return TRUE;

  return FALSE;
}

/* The problem just added was found on @lineno. */
static void
tag_line (EmKeyReader *self,
          guint        lineno)
{
  EmProblem *problem = g_ptr_array_index (self->problems, self->problems->len - 1);

  problem->line = lineno;
}

static void
scan_group (Scan       *scan,
            const char *line,
            guint       lineno,
            gboolean    valid)
{
  EmKeyReader *self = scan->self;
  const char *close = strchr (line, ']');
  g_autofree char *name = NULL;
  const char *rest;
  gpointer first;

  g_clear_pointer (&scan->group, g_free);
  scan->skipping = TRUE;

  rest = close != NULL ? close + 1 : NULL;
  while (rest != NULL && (*rest == ' ' || *rest == '\t'))
    rest++;

  if (close == NULL || close == line + 1 || (*rest != '\0' && *rest != '#') ||
      memchr (line + 1, '[', close - line - 1) != NULL || has_control_chars (line + 1, close))
    {
      em_problems_add (self->problems, NULL, NULL,
                       _("line %u: “%s” is not a valid [group] header"), lineno, line);
      tag_line (self, lineno);
      return;
    }

  name = g_strndup (line + 1, close - line - 1);
  if (!valid)
    {
      em_problems_add (self->problems, name, NULL,
                       _("the group name is not valid UTF-8 (save the file as UTF-8)"));
      tag_line (self, lineno);
      return;
    }

  if (g_hash_table_lookup_extended (self->lines, name, NULL, &first))
    {
      em_problems_add (self->problems, name, NULL,
                       _("this group is given twice (first on line %u)"),
                       GPOINTER_TO_UINT (first));
      tag_line (self, lineno);
      return;
    }

  g_hash_table_insert (self->lines, g_strdup (name), GUINT_TO_POINTER (lineno));
  g_string_append_printf (scan->clean, "[%s]\n", name);
  scan->group = g_steal_pointer (&name);
  scan->skipping = FALSE;
}

static void
scan_key (Scan       *scan,
          const char *line,
          guint       lineno,
          gboolean    valid)
{
  EmKeyReader *self = scan->self;
  const char *eq = strchr (line, '=');
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  g_autofree char *slot = NULL;
  gpointer first;

  if (eq == NULL)
    {
      em_problems_add (self->problems, scan->group, NULL,
                       _("line %u: “%s” is not “key=value”, a [group] or a # comment"),
                       lineno, line);
      tag_line (self, lineno);
      return;
    }

  key = g_strstrip (g_strndup (line, eq - line));
  value = g_strstrip (g_strdup (eq + 1));

  if (scan->group == NULL && !scan->skipping)
    {
      em_problems_add (self->problems, NULL, NULL,
                       _("line %u: “%s” comes before the first [group]"), lineno, key);
      tag_line (self, lineno);
      return;
    }

  if (scan->skipping)
    return;

  slot = make_slot (scan->group, key);

  if (!is_valid_key_name (key))
    {
      em_problems_add (self->problems, scan->group, key, _("not a valid key name (line %u)"), lineno);
      tag_line (self, lineno);
      return;
    }

  if (g_hash_table_lookup_extended (self->lines, slot, NULL, &first))
    {
      em_problems_add (self->problems, scan->group, key,
                       _("given twice (lines %u and %u)"), GPOINTER_TO_UINT (first), lineno);
      tag_line (self, lineno);
      g_hash_table_add (self->broken, g_strdup (slot));
      return;
    }

  g_hash_table_insert (self->lines, g_strdup (slot), GUINT_TO_POINTER (lineno));

  if (!valid)
    {
      em_problems_add (self->problems, scan->group, key,
                       _("not valid UTF-8 (line %u; save the file as UTF-8)"), lineno);
      tag_line (self, lineno);
      g_hash_table_add (self->broken, g_steal_pointer (&slot));
      return;
    }

  if (!is_verbatim_key (key, scan->verbatim_keys))
    cut_inline_comment (value);

  g_string_append_printf (scan->clean, "%s=%s\n", key, value);
}

static void
scan_line (Scan       *scan,
           const char *raw,
           guint       lineno)
{
  gboolean valid = g_utf8_validate (raw, -1, NULL);
  g_autofree char *line = valid ? g_strdup (raw) : g_utf8_make_valid (raw, -1);

  g_strstrip (line);

  if (*line == '\0' || *line == '#')
    return;

  if (*line == '[')
    scan_group (scan, line, lineno, valid);
  else
    scan_key (scan, line, lineno, valid);
}

/**
 * em_key_reader_new:
 * @verbatim_keys: (nullable): keys whose values keep a “ #” (free text)
 * @problems: where problems are appended
 */
EmKeyReader *
em_key_reader_new (const char         *data,
                   gsize               length,
                   const char * const *verbatim_keys,
                   GPtrArray          *problems)
{
  EmKeyReader *self = g_new0 (EmKeyReader, 1);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  Scan scan = { self, verbatim_keys, g_string_new (NULL), NULL, FALSE };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  self->keyfile = g_key_file_new ();
  self->problems = g_ptr_array_ref (problems);
  self->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->broken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3, length -= 3;

  /* A NUL byte would end the text early; treat it like bad UTF-8. */
  text = g_strndup (data, length);
  for (gsize i = 0; i < length; i++)
    if (text[i] == '\0')
      text[i] = '\xff';

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    scan_line (&scan, lines[i], i + 1);

  if (!g_key_file_load_from_data (self->keyfile, scan.clean->str, scan.clean->len,
                                  G_KEY_FILE_KEEP_TRANSLATIONS, &error))
    em_problems_add (problems, NULL, NULL, "%s", error->message);

  g_free (scan.group);
  g_string_free (scan.clean, TRUE);

  return self;
}

void
em_key_reader_free (EmKeyReader *self)
{
  if (self == NULL)
    return;

  g_key_file_unref (self->keyfile);
  g_ptr_array_unref (self->problems);
  g_hash_table_unref (self->lines);
  g_hash_table_unref (self->broken);
  g_free (self);
}

GKeyFile *
em_key_reader_get_keyfile (EmKeyReader *self)
{
  return self->keyfile;
}

GPtrArray *
em_key_reader_get_problems (EmKeyReader *self)
{
  return self->problems;
}

/* The line a group or key was read from, 0 if it was not in the file. */
guint
em_key_reader_get_line (EmKeyReader *self,
                        const char  *group,
                        const char  *key)
{
  g_autofree char *slot = make_slot (group, key);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->lines, slot));
}

static gboolean
is_broken (EmKeyReader *self,
           const char  *group,
           const char  *key)
{
  g_autofree char *slot = make_slot (group, key);

  return g_hash_table_contains (self->broken, slot);
}

/* Present in the file, usable or not. */
gboolean
em_key_reader_has_key (EmKeyReader *self,
                       const char  *group,
                       const char  *key)
{
  return is_broken (self, group, key) ||
         g_key_file_has_key (self->keyfile, group, key, NULL);
}

static guint
problem_line (EmKeyReader *self,
              EmProblem   *problem)
{
  guint line = problem->line;

  if (line == 0 && problem->group != NULL && problem->key != NULL)
    line = em_key_reader_get_line (self, problem->group, problem->key);
  if (line == 0 && problem->group != NULL)
    line = em_key_reader_get_line (self, problem->group, NULL);

  return line != 0 ? line : G_MAXUINT;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  guint line_a = problem_line (user_data, *(EmProblem **) a);
  guint line_b = problem_line (user_data, *(EmProblem **) b);

  return line_a < line_b ? -1 : line_a > line_b;
}

/* Puts the problems added since @from in file order (a stable sort, so
 * problems of one line keep the order they were found in); problems
 * without a place go last.
 */
void
em_key_reader_sort_problems (EmKeyReader *self,
                             guint        from)
{
  g_autoptr(GPtrArray) slice = g_ptr_array_new ();

  for (guint i = from; i < self->problems->len; i++)
    g_ptr_array_add (slice, g_ptr_array_index (self->problems, i));

  g_ptr_array_sort_with_data (slice, compare_lines, self);

  for (guint i = 0; i < slice->len; i++)
    self->problems->pdata[from + i] = g_ptr_array_index (slice, i);
}

void
em_key_reader_missing (EmKeyReader *self,
                       const char  *group,
                       const char  *key,
                       const char  *why)
{
  if (is_broken (self, group, key))
    return;

  if (why != NULL)
    em_problems_add (self->problems, group, key, _("missing (%s)"), why);
  else
    em_problems_add (self->problems, group, key, _("missing"));
}

static char *
join_keys (const char * const *keys)
{
  return g_strjoinv (", ", (char **) keys);
}

/* Reports keys the format does not know (a typo such as “PerOcurrence”
 * would otherwise be ignored and change the scores) and translations of
 * keys that are not text.
 */
void
em_key_reader_check_keys (EmKeyReader        *self,
                          const char         *group,
                          const char * const *known_keys,
                          const char * const *translatable_keys)
{
  g_auto(GStrv) keys = g_key_file_get_keys (self->keyfile, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *base = g_strndup (keys[i], strcspn (keys[i], "["));
      gboolean translated = strchr (keys[i], '[') != NULL;

      if (!g_strv_contains (known_keys, base))
        {
          g_autofree char *known = join_keys (known_keys);
          em_problems_add (self->problems, group, keys[i], _("unknown key (expected one of %s)"), known);
        }
      else if (translated && (translatable_keys == NULL || !g_strv_contains (translatable_keys, base)))
        em_problems_add (self->problems, group, keys[i], _("this key cannot be translated"));
    }
}

gboolean
em_key_reader_get_string (EmKeyReader  *self,
                          const char   *group,
                          const char   *key,
                          gboolean      required,
                          char        **out_value)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  *out_value = NULL;

  if (is_broken (self, group, key))
    return FALSE;

  if (!g_key_file_has_key (self->keyfile, group, key, NULL))
    {
      if (required)
        em_key_reader_missing (self, group, key, NULL);
      return FALSE;
    }

  if (!(value = g_key_file_get_string (self->keyfile, group, key, &error)))
    {
      em_problems_add (self->problems, group, key, "%s", error->message);
      return FALSE;
    }

  g_strchomp (value);
  if (*value == '\0')
    {
      if (required)
        em_problems_add (self->problems, group, key, _("is empty"));
      return FALSE;
    }

  *out_value = g_steal_pointer (&value);
  return TRUE;
}

EmLocalized *
em_key_reader_get_localized (EmKeyReader *self,
                             const char  *group,
                             const char  *key,
                             gboolean     required)
{
  g_autofree char *value = NULL;
  g_auto(GStrv) keys = NULL;
  g_autoptr(EmLocalized) text = NULL;
  gsize key_len = strlen (key);

  if (!em_key_reader_get_string (self, group, key, required, &value))
    return NULL;

  text = em_localized_new (value);
  keys = g_key_file_get_keys (self->keyfile, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *translation = NULL;
      g_autofree char *locale = NULL;

      if (strncmp (keys[i], key, key_len) != 0 || keys[i][key_len] != '[')
        continue;

      if (!em_key_reader_get_string (self, group, keys[i], FALSE, &translation))
        continue;

      locale = g_strndup (keys[i] + key_len + 1, strlen (keys[i]) - key_len - 2);
      em_localized_add (text, locale, translation);
    }

  return g_steal_pointer (&text);
}

static gboolean
has_too_many_decimals (const char *text)
{
  const char *p = text;
  guint n_frac = 0;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p != '.')
    return FALSE;
  for (p++; g_ascii_isdigit (*p); p++)
    n_frac++;
  while (g_ascii_isspace (*p))
    p++;

  return *p == '\0' && n_frac > 2;
}

/* Digits that em_points_parse() refuses only because there are too many
 * of them (“99999999999999999999”).
 */
static gboolean
is_long_number (const char *text)
{
  const char *p = text;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '+')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      ;
  while (g_ascii_isspace (*p))
    p++;

  return *p == '\0';
}

/* Parses a non-negative number of points of at most two decimals, or says
 * in @out_reason why not.
 */
gboolean
em_points_parse_checked (const char  *text,
                         EmPoints    *out_points,
                         char       **out_reason)
{
  EmPoints points = 0;

  if (!em_points_parse (text, &points))
    {
      if (has_too_many_decimals (text))
        *out_reason = g_strdup_printf (_("“%s” has more than two decimals"), text);
      else if (is_long_number (text))
        *out_reason = g_strdup_printf (_("“%s” is too large (at most %d)"), text,
                                       (int) (EM_POINTS_LIMIT / 100));
      else
        *out_reason = g_strdup_printf (_("“%s” is not a number"), text);
      return FALSE;
    }

  if (points < 0)
    {
      *out_reason = g_strdup_printf (_("“%s” is negative"), text);
      return FALSE;
    }

  if (points > EM_POINTS_LIMIT)
    {
      *out_reason = g_strdup_printf (_("“%s” is too large (at most %d)"), text,
                                     (int) (EM_POINTS_LIMIT / 100));
      return FALSE;
    }

  *out_points = points;
  return TRUE;
}

gboolean
em_key_reader_get_points (EmKeyReader *self,
                          const char  *group,
                          const char  *key,
                          gboolean    *present,
                          EmPoints    *out_points)
{
  g_autofree char *text = NULL;
  g_autofree char *reason = NULL;

  *present = em_key_reader_has_key (self, group, key);

  if (!em_key_reader_get_string (self, group, key, *present, &text))
    return FALSE;

  if (!em_points_parse_checked (text, out_points, &reason))
    {
      em_problems_add (self->problems, group, key, "%s", reason);
      return FALSE;
    }

  return TRUE;
}

gboolean
em_key_reader_get_count (EmKeyReader *self,
                         const char  *group,
                         const char  *key,
                         gboolean    *present,
                         gint64      *out_count)
{
  g_autofree char *text = NULL;
  gint64 value = 0;

  *present = em_key_reader_has_key (self, group, key);

  if (!em_key_reader_get_string (self, group, key, *present, &text))
    return FALSE;

  if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
    {
      em_problems_add (self->problems, group, key, _("“%s” is not a whole number"), text);
      return FALSE;
    }

  if (value < 0)
    {
      em_problems_add (self->problems, group, key, _("“%s” is negative"), text);
      return FALSE;
    }

  if (value > EM_COUNT_LIMIT)
    {
      em_problems_add (self->problems, group, key, _("“%s” is too large (at most %d)"),
                       text, EM_COUNT_LIMIT);
      return FALSE;
    }

  *out_count = value;
  return TRUE;
}

gboolean
em_key_reader_get_boolean (EmKeyReader *self,
                           const char  *group,
                           const char  *key,
                           gboolean    *present,
                           gboolean    *out_value)
{
  g_autofree char *text = NULL;

  *present = em_key_reader_has_key (self, group, key);

  if (!em_key_reader_get_string (self, group, key, *present, &text))
    return FALSE;

  if (g_ascii_strcasecmp (text, "true") == 0 || g_str_equal (text, "1"))
    *out_value = TRUE;
  else if (g_ascii_strcasecmp (text, "false") == 0 || g_str_equal (text, "0"))
    *out_value = FALSE;
  else
    {
      em_problems_add (self->problems, group, key, _("“%s” is not true or false"), text);
      return FALSE;
    }

  return TRUE;
}

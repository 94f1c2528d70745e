/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-scorecard"

#include "config.h"

#include <glib/gi18n.h>

#include "em-error.h"
#include "em-key-reader.h"
#include "em-problem.h"
#include "em-scorecard-private.h"

/* Reading a .scorecard file (DESIGN.md §11).  The parser reports every
 * problem it finds, as “[group] key: reason”, and builds a scorecard only
 * from a file without any: a scorecard decides people's scores, so nothing
 * in it is guessed.  What each kind of item needs:
 *
 *   kind     Points          PerOccurrence    other
 *   check    required        –                –
 *   deduct   required (cap)  required         ComplaintMultiplier
 *   penalty  –               required         ComplaintMultiplier
 *   choice   optional (best) –                Options required
 *   score    required (max)  –                –
 *   fatal    –               –                Scope
 *   bonus    required (most) optional (=Points)
 */

struct _EmScorecard
{
  GObject      parent_instance;

  char        *id;
  EmLocalized *title;
  EmLocalized *description;   /* nullable */
  guint        version;
  EmPoints     base;
  EmPoints     maximum;
  char        *source;
  char        *checksum;

  GListStore  *sections;
  GListStore  *items;
  GListStore  *base_items;
  GHashTable  *section_by_id;  /* borrowed from sections */
  GHashTable  *item_by_id;     /* borrowed from items */
};

G_DEFINE_FINAL_TYPE (EmScorecard, em_scorecard, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_VERSION,
  PROP_BASE,
  PROP_MAXIMUM,
  PROP_SECTIONS,
  PROP_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define KIND_BIT(k) (1u << (k))

static const char * const verbatim_keys[] = { "Title", "Description", "Guidance", NULL };
static const char * const header_keys[] = { "Id", "Title", "Version", "Base", "Maximum", "Description", NULL };
static const char * const header_translatable[] = { "Title", "Description", NULL };
static const char * const section_keys[] = { "Title", "Points", "Guidance", NULL };
static const char * const section_translatable[] = { "Title", "Guidance", NULL };
static const char * const item_keys[] = { "Section", "Title", "Kind", "Points", "PerOccurrence",
                                          "ComplaintMultiplier", "Options", "Scope", "Guidance", NULL };
static const char * const item_translatable[] = { "Title", "Options", "Guidance", NULL };

/* Which kinds a key applies to, and which need it. */
static const struct
{
  const char *key;
  guint       applies;
  guint       required;
} item_key_rules[] = {
  { "Points",
    KIND_BIT (EM_ITEM_KIND_CHECK) | KIND_BIT (EM_ITEM_KIND_DEDUCT) | KIND_BIT (EM_ITEM_KIND_CHOICE) |
    KIND_BIT (EM_ITEM_KIND_SCORE) | KIND_BIT (EM_ITEM_KIND_BONUS),
    KIND_BIT (EM_ITEM_KIND_CHECK) | KIND_BIT (EM_ITEM_KIND_DEDUCT) | KIND_BIT (EM_ITEM_KIND_SCORE) |
    KIND_BIT (EM_ITEM_KIND_BONUS) },
  { "PerOccurrence",
    KIND_BIT (EM_ITEM_KIND_DEDUCT) | KIND_BIT (EM_ITEM_KIND_PENALTY) | KIND_BIT (EM_ITEM_KIND_BONUS),
    KIND_BIT (EM_ITEM_KIND_DEDUCT) | KIND_BIT (EM_ITEM_KIND_PENALTY) },
  { "ComplaintMultiplier",
    KIND_BIT (EM_ITEM_KIND_DEDUCT) | KIND_BIT (EM_ITEM_KIND_PENALTY), 0 },
  { "Options", KIND_BIT (EM_ITEM_KIND_CHOICE), KIND_BIT (EM_ITEM_KIND_CHOICE) },
  { "Scope", KIND_BIT (EM_ITEM_KIND_FATAL), 0 },
};

typedef struct
{
  EmKeyReader *reader;
  GPtrArray   *problems;
  EmScorecard *card;
} Parser;

static void
em_scorecard_dispose (GObject *object)
{
  EmScorecard *self = (EmScorecard *) object;

  g_clear_pointer (&self->section_by_id, g_hash_table_unref);
  g_clear_pointer (&self->item_by_id, g_hash_table_unref);
  g_clear_object (&self->sections);
  g_clear_object (&self->items);
  g_clear_object (&self->base_items);

  G_OBJECT_CLASS (em_scorecard_parent_class)->dispose (object);
}

static void
em_scorecard_finalize (GObject *object)
{
  EmScorecard *self = (EmScorecard *) object;

  g_free (self->id);
  g_free (self->source);
  g_free (self->checksum);
  g_clear_pointer (&self->title, em_localized_free);
  g_clear_pointer (&self->description, em_localized_free);

  G_OBJECT_CLASS (em_scorecard_parent_class)->finalize (object);
}

static void
em_scorecard_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  EmScorecard *self = EM_SCORECARD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, em_scorecard_get_title (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, em_scorecard_get_description (self));
      break;
    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;
    case PROP_BASE:
      g_value_set_int64 (value, self->base);
      break;
    case PROP_MAXIMUM:
      g_value_set_int64 (value, self->maximum);
      break;
    case PROP_SECTIONS:
      g_value_set_object (value, self->sections);
      break;
    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_scorecard_class_init (EmScorecardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = em_scorecard_dispose;
  object_class->finalize = em_scorecard_finalize;
  object_class->get_property = em_scorecard_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_uint ("version", NULL, NULL, 1, G_MAXUINT, 1, flags);
  properties[PROP_BASE] = g_param_spec_int64 ("base", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_MAXIMUM] = g_param_spec_int64 ("maximum", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SECTIONS] = g_param_spec_object ("sections", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_ITEMS] = g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
em_scorecard_init (EmScorecard *self)
{
  self->version = 1;
  self->base = EM_POINTS (100);
  self->maximum = self->base;
  self->sections = g_list_store_new (EM_TYPE_SCORECARD_SECTION);
  self->items = g_list_store_new (EM_TYPE_SCORECARD_ITEM);
  self->base_items = g_list_store_new (EM_TYPE_SCORECARD_ITEM);
  self->section_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->item_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Ids appear in group names, answers files and the CLI's tab-separated
 * output, so they cannot hold spaces or the characters those use.
 */
static gboolean
is_valid_id (const char *id)
{
  if (*id == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isgraph (c) || (c < 128 && strchr ("[]=;|#\\", (char) c) != NULL))
        return FALSE;
    }

  return TRUE;
}

static void
report_bad_id (Parser     *parser,
               const char *group,
               const char *id)
{
  em_problems_add (parser->problems, group, NULL,
                   _("“%s” is not a valid id (it needs at least one character, "
                     "and no spaces or any of [ ] = ; | # \\)"), id);
}

static void
parse_header (Parser *parser)
{
  EmKeyReader *r = parser->reader;
  EmScorecard *card = parser->card;
  const char *g = "Scorecard";
  gboolean present = FALSE;
  gboolean base_ok;
  gint64 version = 1;
  EmPoints maximum = 0;

  em_key_reader_check_keys (r, g, header_keys, header_translatable);

  if (em_key_reader_get_string (r, g, "Id", TRUE, &card->id) && !is_valid_id (card->id))
    em_problems_add (parser->problems, g, "Id", _("“%s” is not a valid id (no spaces or any of [ ] = ; | # \\)"),
                     card->id);

  card->title = em_key_reader_get_localized (r, g, "Title", TRUE);
  card->description = em_key_reader_get_localized (r, g, "Description", FALSE);

  if (em_key_reader_get_count (r, g, "Version", &present, &version))
    {
      if (version < 1)
        em_problems_add (parser->problems, g, "Version", _("must be 1 or more"));
      card->version = (guint) version;
    }

  base_ok = em_key_reader_get_points (r, g, "Base", &present, &card->base) || !present;
  if (!present)
    card->base = EM_POINTS (100);

  if (em_key_reader_get_points (r, g, "Maximum", &present, &maximum))
    {
      card->maximum = maximum;
      if (base_ok && maximum < card->base)
        {
          g_autofree char *max_text = em_points_format (maximum);
          g_autofree char *base_text = em_points_format (card->base);

          em_problems_add (parser->problems, g, "Maximum",
                           _("%s is below Base (%s); bonuses could never count"),
                           max_text, base_text);
        }
    }
  else if (!present)
    card->maximum = card->base;
}

static void
parse_section (Parser     *parser,
               const char *group,
               const char *id)
{
  EmKeyReader *r = parser->reader;
  g_autoptr(EmScorecardSection) section = em_scorecard_section_new_internal (id);
  gboolean present = FALSE;

  em_key_reader_check_keys (r, group, section_keys, section_translatable);

  section->title = em_key_reader_get_localized (r, group, "Title", TRUE);
  section->guidance = em_key_reader_get_localized (r, group, "Guidance", FALSE);
  if (!em_key_reader_get_points (r, group, "Points", &present, &section->points))
    section->points = 0;

  g_list_store_append (parser->card->sections, section);
  g_hash_table_insert (parser->card->section_by_id, section->id, section);
}

/* “label|points;label|points”, labels may hold “|” (the last one splits).
 * Returns NULL (problems reported) when any option is malformed.
 */
static GPtrArray *
parse_option_list (Parser     *parser,
                   const char *group,
                   const char *key,
                   const char *text)
{
  g_autoptr(GPtrArray) options = g_ptr_array_new_with_free_func ((GDestroyNotify) em_item_option_free);
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);
  guint n_parts = g_strv_length (parts);
  gboolean ok = TRUE;

  /* A trailing ';' is harmless. */
  if (n_parts > 1 && *g_strstrip (parts[n_parts - 1]) == '\0')
    n_parts--;

  for (guint i = 0; i < n_parts; i++)
    {
      char *part = g_strstrip (parts[i]);
      char *bar = strrchr (part, '|');
      g_autofree char *reason = NULL;
      EmItemOption *option;
      EmPoints points = 0;

      if (bar == NULL || bar == part)
        {
          em_problems_add (parser->problems, group, key,
                           _("option %u “%s” is not “label|points”"), i + 1, part);
          ok = FALSE;
          continue;
        }

      *bar = '\0';
      if (!em_points_parse_checked (g_strstrip (bar + 1), &points, &reason))
        {
          em_problems_add (parser->problems, group, key, _("option %u: %s"), i + 1, reason);
          ok = FALSE;
          continue;
        }

      option = g_new0 (EmItemOption, 1);
      option->label = em_localized_new (g_strstrip (part));
      option->points = points;
      g_ptr_array_add (options, option);
    }

  return ok ? g_steal_pointer (&options) : NULL;
}

/* Options[en]=… must list the same options, earning the same points. */
static void
add_option_translations (Parser          *parser,
                         const char      *group,
                         EmLocalized     *text,
                         EmScorecardItem *item)
{
  g_auto(GStrv) locales = em_localized_dup_locales (text);

  for (guint i = 0; locales[i] != NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("Options[%s]", locales[i]);
      g_autoptr(GPtrArray) translated = NULL;

      translated = parse_option_list (parser, group, key, em_localized_get (text, locales[i]));
      if (translated == NULL)
        continue;

      if (translated->len != item->options->len)
        {
          em_problems_add (parser->problems, group, key,
                           _("lists %u options, but Options lists %u"),
                           translated->len, item->options->len);
          continue;
        }

      for (guint j = 0; j < translated->len; j++)
        {
          EmItemOption *mine = g_ptr_array_index (item->options, j);
          EmItemOption *theirs = g_ptr_array_index (translated, j);

          if (mine->points != theirs->points)
            em_problems_add (parser->problems, group, key,
                             _("option %u earns different points than in Options"), j + 1);
          else
            em_localized_add (mine->label, locales[i], em_localized_get_untranslated (theirs->label));
        }
    }
}

static void
parse_options (Parser          *parser,
               const char      *group,
               EmScorecardItem *item)
{
  g_autoptr(EmLocalized) text = em_key_reader_get_localized (parser->reader, group, "Options", FALSE);
  g_autoptr(GPtrArray) options = NULL;

  if (text == NULL)
    return;

  options = parse_option_list (parser, group, "Options", em_localized_get_untranslated (text));
  if (options == NULL)
    return;

  g_ptr_array_extend_and_steal (item->options, g_steal_pointer (&options));
  add_option_translations (parser, group, text, item);
}

static void
check_kind_keys (Parser          *parser,
                 const char      *group,
                 EmScorecardItem *item)
{
  const char *kind = em_item_kind_to_string (item->kind);

  for (guint i = 0; i < G_N_ELEMENTS (item_key_rules); i++)
    {
      const char *key = item_key_rules[i].key;
      gboolean present = em_key_reader_has_key (parser->reader, group, key);

      if (present && !(item_key_rules[i].applies & KIND_BIT (item->kind)))
        {
          if (item->kind == EM_ITEM_KIND_PENALTY && g_str_equal (key, "Points"))
            em_problems_add (parser->problems, group, key,
                             _("does not apply to a penalty item, which has no cap "
                               "(use Kind=deduct for a capped deduction)"));
          else
            em_problems_add (parser->problems, group, key, _("does not apply to a %s item"), kind);
        }
      else if (!present && (item_key_rules[i].required & KIND_BIT (item->kind)))
        {
          g_autofree char *why = g_strdup_printf (_("required for a %s item"), kind);
          em_key_reader_missing (parser->reader, group, key, why);
        }
    }
}

static void
finish_choice (Parser          *parser,
               const char      *group,
               EmScorecardItem *item,
               gboolean         has_points)
{
  guint best = em_scorecard_item_get_best_option (item);
  EmPoints best_points;

  if (best == 0)
    return;

  best_points = em_scorecard_item_get_option_points (item, best);
  if (!has_points)
    item->points = best_points;
  else if (item->points < best_points)
    {
      g_autofree char *points_text = em_points_format (item->points);
      g_autofree char *best_text = em_points_format (best_points);

      em_problems_add (parser->problems, group, "Points",
                       _("%s is below the best option's %s points"), points_text, best_text);
    }
}

static gboolean
parse_kind (Parser          *parser,
            const char      *group,
            EmScorecardItem *item)
{
  g_autofree char *text = NULL;

  if (!em_key_reader_has_key (parser->reader, group, "Kind"))
    {
      em_key_reader_missing (parser->reader, group, "Kind", _("one of check, deduct, penalty, choice, score, fatal, bonus"));
      return FALSE;
    }

  if (!em_key_reader_get_string (parser->reader, group, "Kind", TRUE, &text))
    return FALSE;

  if (!em_item_kind_from_string (text, &item->kind))
    {
      em_problems_add (parser->problems, group, "Kind",
                       _("unknown kind “%s” (one of check, deduct, penalty, choice, score, fatal, bonus)"), text);
      return FALSE;
    }

  return TRUE;
}

static void
parse_scope (Parser          *parser,
             const char      *group,
             EmScorecardItem *item)
{
  g_autofree char *text = NULL;

  if (!em_key_reader_get_string (parser->reader, group, "Scope", FALSE, &text))
    return;

  if (g_ascii_strcasecmp (text, "scorecard") == 0)
    item->scope = EM_FATAL_SCOPE_SCORECARD;
  else if (g_ascii_strcasecmp (text, "section") == 0)
    item->scope = EM_FATAL_SCOPE_SECTION;
  else
    em_problems_add (parser->problems, group, "Scope",
                     _("“%s” is neither scorecard nor section"), text);
}

static void
parse_numbers (Parser          *parser,
               const char      *group,
               EmScorecardItem *item,
               gboolean        *has_points)
{
  EmKeyReader *r = parser->reader;
  gboolean present = FALSE;
  gint64 multiplier = 1;

  em_key_reader_get_points (r, group, "Points", has_points, &item->points);

  if (em_key_reader_get_points (r, group, "PerOccurrence", &present, &item->per_occurrence) &&
      item->per_occurrence == 0)
    em_problems_add (parser->problems, group, "PerOccurrence", _("must be more than 0"));

  if (em_key_reader_get_count (r, group, "ComplaintMultiplier", &present, &multiplier))
    {
      if (multiplier < 1 || multiplier > 100)
        em_problems_add (parser->problems, group, "ComplaintMultiplier",
                         _("must be a whole number from 1 to 100"));
      else
        item->complaint_multiplier = (guint) multiplier;
    }
}

static void
parse_item (Parser     *parser,
            const char *group,
            const char *id)
{
  EmKeyReader *r = parser->reader;
  g_autoptr(EmScorecardItem) item = em_scorecard_item_new_internal (id);
  gboolean has_points = FALSE;

  em_key_reader_check_keys (r, group, item_keys, item_translatable);

  item->title = em_key_reader_get_localized (r, group, "Title", TRUE);
  item->guidance = em_key_reader_get_localized (r, group, "Guidance", FALSE);
  em_key_reader_get_string (r, group, "Section", FALSE, &item->section_id);

  parse_numbers (parser, group, item, &has_points);
  parse_scope (parser, group, item);
  parse_options (parser, group, item);

  if (parse_kind (parser, group, item))
    {
      check_kind_keys (parser, group, item);

      if (item->kind == EM_ITEM_KIND_CHOICE)
        finish_choice (parser, group, item, has_points);
      else if (item->kind == EM_ITEM_KIND_BONUS && item->per_occurrence == 0)
        item->per_occurrence = item->points;
      else if (item->kind == EM_ITEM_KIND_PENALTY || item->kind == EM_ITEM_KIND_FATAL)
        item->points = 0;
    }

  g_list_store_append (parser->card->items, item);
  g_hash_table_insert (parser->card->item_by_id, item->id, item);
}

/* Once every group is read: attach items to their sections. */
static void
link_items (Parser *parser)
{
  EmScorecard *card = parser->card;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (card->items));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(EmScorecardItem) item = g_list_model_get_item (G_LIST_MODEL (card->items), i);
      g_autofree char *group = g_strconcat ("Item:", item->id, NULL);
      EmScorecardSection *section = NULL;

      if (item->section_id == NULL)
        g_list_store_append (card->base_items, item);
      else if (!(section = g_hash_table_lookup (card->section_by_id, item->section_id)))
        em_problems_add (parser->problems, group, "Section",
                         _("no [Section:%s] in this scorecard"), item->section_id);
      else
        g_list_store_append (section->items, item);

      if (item->kind != EM_ITEM_KIND_FATAL || item->scope != EM_FATAL_SCOPE_SECTION)
        continue;

      if (item->section_id == NULL)
        em_problems_add (parser->problems, group, "Scope",
                         _("Scope=section needs the item to name its Section"));
      else if (section != NULL && section->points == 0)
        em_problems_add (parser->problems, group, "Scope",
                         _("Scope=section needs a section with Points; [Section:%s] has no allotment"),
                         section->id);
    }

  if (n_items == 0)
    em_problems_add (parser->problems, "Scorecard", NULL, _("the scorecard has no [Item:…] groups"));
}

static void
parse_groups (Parser *parser)
{
  g_auto(GStrv) groups = g_key_file_get_groups (em_key_reader_get_keyfile (parser->reader), NULL);
  gboolean has_header = FALSE;

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];

      if (g_str_equal (group, "Scorecard"))
        {
          parse_header (parser);
          has_header = TRUE;
        }
      else if (g_str_has_prefix (group, "Section:") || g_str_has_prefix (group, "Item:"))
        {
          gboolean is_section = g_str_has_prefix (group, "Section:");
          const char *id = group + (is_section ? strlen ("Section:") : strlen ("Item:"));

          if (!is_valid_id (id))
            report_bad_id (parser, group, id);
          else if (is_section)
            parse_section (parser, group, id);
          else
            parse_item (parser, group, id);
        }
      else
        em_problems_add (parser->problems, group, NULL,
                         _("unknown group (expected [Scorecard], [Section:ID] or [Item:ID])"));
    }

  if (!has_header && em_key_reader_get_line (parser->reader, "Scorecard", NULL) == 0)
    em_problems_add (parser->problems, "Scorecard", NULL,
                     _("missing: a scorecard file starts with a [Scorecard] group"));
}

/**
 * em_scorecard_parse:
 * @problems: where every problem is appended (as EmProblem)
 *
 * Returns: (transfer full) (nullable): the scorecard, or %NULL when the
 *   text has any problem
 */
EmScorecard *
em_scorecard_parse (const char *data,
                    gsize       length,
                    GPtrArray  *problems)
{
  g_autoptr(EmScorecard) card = g_object_new (EM_TYPE_SCORECARD, NULL);
  g_autoptr(EmKeyReader) reader = NULL;
  guint n_before;
  Parser parser;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  n_before = problems->len;
  reader = em_key_reader_new (data, length, verbatim_keys, problems);
  parser = (Parser) { reader, problems, card };

  parse_groups (&parser);
  link_items (&parser);
  em_key_reader_sort_problems (reader, n_before);

  if (problems->len > n_before)
    return NULL;

  card->source = g_strndup (data, length);
  card->checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);

  return g_steal_pointer (&card);
}

/**
 * em_scorecard_new_from_data:
 * @length: the length of @data, or -1 if it is nul-terminated
 * @filename: (nullable): how to name the file in messages
 *
 * Returns: (transfer full): the scorecard, or %NULL with @error
 *   (EM_ERROR_INVALID_INPUT) listing every problem, one per line, as
 *   “FILE: [group] key: reason”
 */
EmScorecard *
em_scorecard_new_from_data (const char  *data,
                            gssize       length,
                            const char  *filename,
                            GError     **error)
{
  g_autoptr(GPtrArray) problems = em_problems_new ();
  g_autoptr(EmScorecard) card = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  card = em_scorecard_parse (data, length < 0 ? strlen (data) : (gsize) length, problems);
  if (!em_problems_to_error (problems, filename, error))
    return NULL;

  return g_steal_pointer (&card);
}

EmScorecard *
em_scorecard_new_from_file (const char  *path,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_IO, _("Cannot read the scorecard “%s”: %s"),
                   path, local_error->message);
      return NULL;
    }

  return em_scorecard_new_from_data (contents, length, path, error);
}

const char *
em_scorecard_get_id (EmScorecard *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD (self), NULL);

  return self->id;
}

const char *
em_scorecard_get_title (EmScorecard *self)
{
  return em_scorecard_get_title_for_locale (self, NULL);
}

/* @locale: (nullable): e.g. "zh_CN", "en"; %NULL for the UI language */
const char *
em_scorecard_get_title_for_locale (EmScorecard *self,
                                   const char  *locale)
{
  g_return_val_if_fail (EM_IS_SCORECARD (self), NULL);

  return em_localized_get (self->title, locale);
}

const char *
em_scorecard_get_description (EmScorecard *self)
{
  return em_scorecard_get_description_for_locale (self, NULL);
}

const char *
em_scorecard_get_description_for_locale (EmScorecard *self,
                                         const char  *locale)
{
  g_return_val_if_fail (EM_IS_SCORECARD (self), NULL);

  return self->description != NULL ? em_localized_get (self->description, locale) : NULL;
}

/* The file's Version= (1 when absent). */
guint
em_scorecard_get_version (EmScorecard *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD (self), 0);

  return self->version;
}

EmPoints
em_scorecard_get_base (EmScorecard *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD (self), 0);

  return self->base;
}

EmPoints
em_scorecard_get_maximum (EmScorecard *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD (self), 0);

  return self->maximum;
}

/* The text the scorecard was read from, verbatim. */
const char *
em_scorecard_get_source (EmScorecard *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD (self), NULL);

  return self->source;
}

/* SHA-256 of the source, in hex: equal texts are the same revision. */
const char *
em_scorecard_get_checksum (EmScorecard *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD (self), NULL);

  return self->checksum;
}

/* Returns: (transfer none): the EmScorecardSections, in file order */
GListModel *
em_scorecard_get_sections (EmScorecard *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD (self), NULL);

  return G_LIST_MODEL (self->sections);
}

/* Returns: (transfer none): every EmScorecardItem, in file order */
GListModel *
em_scorecard_get_items (EmScorecard *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD (self), NULL);

  return G_LIST_MODEL (self->items);
}

/* Returns: (transfer none): the items without a Section, which act on the
 * base score directly, in file order
 */
GListModel *
em_scorecard_get_base_items (EmScorecard *self)
{
  g_return_val_if_fail (EM_IS_SCORECARD (self), NULL);

  return G_LIST_MODEL (self->base_items);
}

/* Returns: (transfer none) (nullable) */
EmScorecardSection *
em_scorecard_lookup_section (EmScorecard *self,
                             const char  *section_id)
{
  g_return_val_if_fail (EM_IS_SCORECARD (self), NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  return g_hash_table_lookup (self->section_by_id, section_id);
}

/* Returns: (transfer none) (nullable) */
EmScorecardItem *
em_scorecard_lookup_item (EmScorecard *self,
                          const char  *item_id)
{
  g_return_val_if_fail (EM_IS_SCORECARD (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  return g_hash_table_lookup (self->item_by_id, item_id);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-answers"

#include "config.h"

#include <glib/gi18n.h>

#include "em-answers.h"
#include "em-error.h"
#include "em-key-reader.h"
#include "em-problem.h"

/* Reading and writing .answers files.  Reading is in two steps: parsing
 * reports what is wrong with the file itself (a negative count, a Score
 * that is not a number, ComplaintOccurrences above Occurrences); checking
 * against a scorecard reports what is wrong with the answers for that
 * scorecard (an unknown item, an option out of range, a Score above the
 * item's Points, an unanswered choice).  A draft may leave items
 * unanswered; a submitted evaluation may not.
 */

struct _EmAnswers
{
  GObject     parent_instance;

  char       *scorecard_id;
  guint       version;      /* 0: not given */
  gboolean    excluded;
  GListStore *items;        /* EmItemAnswer, in file / insertion order */
  GHashTable *by_id;        /* borrowed from items */
};

G_DEFINE_FINAL_TYPE (EmAnswers, em_answers, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCORECARD_ID,
  PROP_VERSION,
  PROP_EXCLUDED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const evaluation_keys[] = { "Scorecard", "Version", "Excluded", NULL };
static const char * const item_keys[] = { "Result", "Occurrences", "ComplaintOccurrences", "Option",
                                          "Score", "Triggered", "Moments", "Note", NULL };
static const char * const verbatim_keys[] = { "Note", NULL };

static void
em_answers_dispose (GObject *object)
{
  EmAnswers *self = (EmAnswers *) object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (em_answers_parent_class)->dispose (object);
}

static void
em_answers_finalize (GObject *object)
{
  EmAnswers *self = (EmAnswers *) object;

  g_free (self->scorecard_id);

  G_OBJECT_CLASS (em_answers_parent_class)->finalize (object);
}

static void
em_answers_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EmAnswers *self = EM_ANSWERS (object);

  switch (prop_id)
    {
    case PROP_SCORECARD_ID:
      g_value_set_string (value, self->scorecard_id);
      break;
    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;
    case PROP_EXCLUDED:
      g_value_set_boolean (value, self->excluded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_answers_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  EmAnswers *self = EM_ANSWERS (object);

  switch (prop_id)
    {
    case PROP_SCORECARD_ID:
      self->scorecard_id = g_value_dup_string (value);
      break;
    case PROP_VERSION:
      em_answers_set_version (self, g_value_get_uint (value));
      break;
    case PROP_EXCLUDED:
      em_answers_set_excluded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_answers_class_init (EmAnswersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = em_answers_dispose;
  object_class->finalize = em_answers_finalize;
  object_class->get_property = em_answers_get_property;
  object_class->set_property = em_answers_set_property;

  properties[PROP_SCORECARD_ID] =
    g_param_spec_string ("scorecard-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] = g_param_spec_uint ("version", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_EXCLUDED] = g_param_spec_boolean ("excluded", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EmAnswers::changed:
   *
   * Any answer changed, or an item answer was added or removed: the moment
   * to schedule an autosave.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
em_answers_init (EmAnswers *self)
{
  self->items = g_list_store_new (EM_TYPE_ITEM_ANSWER);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
emit_changed (EmAnswers *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* @version: the scorecard's Version=, or 0 to leave it out */
EmAnswers *
em_answers_new (const char *scorecard_id,
                guint       version)
{
  g_return_val_if_fail (scorecard_id != NULL, NULL);

  return g_object_new (EM_TYPE_ANSWERS, "scorecard-id", scorecard_id, "version", version, NULL);
}

/* Empty answers for @scorecard: everything passed, nothing chosen yet. */
EmAnswers *
em_answers_new_for_scorecard (EmScorecard *scorecard)
{
  g_return_val_if_fail (EM_IS_SCORECARD (scorecard), NULL);

  return em_answers_new (em_scorecard_get_id (scorecard), em_scorecard_get_version (scorecard));
}

const char *
em_answers_get_scorecard_id (EmAnswers *self)
{
  g_return_val_if_fail (EM_IS_ANSWERS (self), NULL);

  return self->scorecard_id;
}

guint
em_answers_get_version (EmAnswers *self)
{
  g_return_val_if_fail (EM_IS_ANSWERS (self), 0);

  return self->version;
}

void
em_answers_set_version (EmAnswers *self,
                        guint      version)
{
  g_return_if_fail (EM_IS_ANSWERS (self));

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
  emit_changed (self);
}

/* Excluded (不记入评分): the evaluation is kept but leaves every average. */
gboolean
em_answers_get_excluded (EmAnswers *self)
{
  g_return_val_if_fail (EM_IS_ANSWERS (self), FALSE);

  return self->excluded;
}

void
em_answers_set_excluded (EmAnswers *self,
                         gboolean   excluded)
{
  g_return_if_fail (EM_IS_ANSWERS (self));

  excluded = !!excluded;
  if (self->excluded == excluded)
    return;

  self->excluded = excluded;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXCLUDED]);
  emit_changed (self);
}

/* Returns: (transfer none): the EmItemAnswers, in file order */
GListModel *
em_answers_get_items (EmAnswers *self)
{
  g_return_val_if_fail (EM_IS_ANSWERS (self), NULL);

  return G_LIST_MODEL (self->items);
}

/* Returns: (transfer none) (nullable): the answer, %NULL when the file
 * says nothing about the item
 */
EmItemAnswer *
em_answers_lookup_item (EmAnswers  *self,
                        const char *item_id)
{
  g_return_val_if_fail (EM_IS_ANSWERS (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, item_id);
}

static void
on_item_notify (EmAnswers  *self,
                GParamSpec *pspec)
{
  emit_changed (self);
}

/* Returns: (transfer none): the answer for @item_id, added if needed */
EmItemAnswer *
em_answers_ensure_item (EmAnswers  *self,
                        const char *item_id)
{
  g_autoptr(EmItemAnswer) answer = NULL;
  EmItemAnswer *existing;

  g_return_val_if_fail (EM_IS_ANSWERS (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  if ((existing = g_hash_table_lookup (self->by_id, item_id)))
    return existing;

  answer = em_item_answer_new (item_id);
  g_signal_connect_object (answer, "notify", G_CALLBACK (on_item_notify), self, G_CONNECT_SWAPPED);
  g_list_store_append (self->items, answer);
  g_hash_table_insert (self->by_id, (gpointer) em_item_answer_get_item_id (answer), answer);
  emit_changed (self);

  return answer;
}

void
em_answers_remove_item (EmAnswers  *self,
                        const char *item_id)
{
  EmItemAnswer *answer;
  guint position = 0;

  g_return_if_fail (EM_IS_ANSWERS (self));
  g_return_if_fail (item_id != NULL);

  if (!(answer = g_hash_table_lookup (self->by_id, item_id)))
    return;

  g_signal_handlers_disconnect_by_data (answer, self);
  g_hash_table_remove (self->by_id, item_id);
  if (g_list_store_find (self->items, answer, &position))
    g_list_store_remove (self->items, position);
  emit_changed (self);
}

/* Parsing ----------------------------------------------------------------- */

static void
parse_result (EmKeyReader  *reader,
              const char   *group,
              EmItemAnswer *answer)
{
  static const struct { const char *word; EmItemResult result; } words[] = {
    { "pass", EM_ITEM_RESULT_PASS },
    { "fail", EM_ITEM_RESULT_FAIL },
    { "na",   EM_ITEM_RESULT_NA },
  };
  g_autofree char *text = NULL;

  if (!em_key_reader_get_string (reader, group, "Result", FALSE, &text))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (text, words[i].word) == 0)
      {
        em_item_answer_set_result (answer, words[i].result);
        return;
      }

  em_problems_add (em_key_reader_get_problems (reader), group, "Result",
                   _("“%s” is not pass, fail or na"), text);
}

static void
parse_counts (EmKeyReader  *reader,
              const char   *group,
              EmItemAnswer *answer)
{
  GPtrArray *problems = em_key_reader_get_problems (reader);
  gboolean present = FALSE;
  gint64 occurrences = 0;
  gint64 complaints = 0;
  gint64 option = 0;

  if (em_key_reader_get_count (reader, group, "Occurrences", &present, &occurrences))
    em_item_answer_set_occurrences (answer, (guint) occurrences);

  if (em_key_reader_get_count (reader, group, "ComplaintOccurrences", &present, &complaints))
    {
      if (complaints > occurrences)
        em_problems_add (problems, group, "ComplaintOccurrences",
                         _("%u is more than Occurrences (%u)"), (guint) complaints, (guint) occurrences);
      else
        em_item_answer_set_complaint_occurrences (answer, (guint) complaints);
    }

  if (em_key_reader_get_count (reader, group, "Option", &present, &option))
    {
      if (option < 1)
        em_problems_add (problems, group, "Option", _("must be 1 or more (options count from 1)"));
      else
        em_item_answer_set_option (answer, (guint) option);
    }
}

static void
parse_item (EmKeyReader  *reader,
            const char   *group,
            EmItemAnswer *answer)
{
  GPtrArray *problems = em_key_reader_get_problems (reader);
  g_autofree char *moments = NULL;
  g_autofree char *note = NULL;
  gboolean present = FALSE;
  gboolean triggered = FALSE;
  EmPoints score = 0;

  em_key_reader_check_keys (reader, group, item_keys, NULL);

  parse_result (reader, group, answer);
  parse_counts (reader, group, answer);

  if (em_key_reader_get_points (reader, group, "Score", &present, &score))
    em_item_answer_set_score (answer, score);

  if (em_key_reader_get_boolean (reader, group, "Triggered", &present, &triggered))
    em_item_answer_set_triggered (answer, triggered);

  if (em_key_reader_get_string (reader, group, "Moments", FALSE, &moments))
    {
      g_autofree char *bad = NULL;

      if (!em_item_answer_parse_moments (answer, moments, &bad))
        em_problems_add (problems, group, "Moments", _("“%s” is not a number of seconds"), bad);
    }

  if (em_key_reader_get_string (reader, group, "Note", FALSE, &note))
    em_item_answer_set_note (answer, note);
}

static void
parse_header (EmKeyReader *reader,
              EmAnswers   *self)
{
  GPtrArray *problems = em_key_reader_get_problems (reader);
  const char *g = "Evaluation";
  gboolean present = FALSE;
  gboolean excluded = FALSE;
  gint64 version = 0;

  em_key_reader_check_keys (reader, g, evaluation_keys, NULL);

  em_key_reader_get_string (reader, g, "Scorecard", TRUE, &self->scorecard_id);

  if (em_key_reader_get_count (reader, g, "Version", &present, &version))
    {
      if (version < 1)
        em_problems_add (problems, g, "Version", _("must be 1 or more"));
      self->version = (guint) version;
    }

  if (em_key_reader_get_boolean (reader, g, "Excluded", &present, &excluded))
    self->excluded = excluded;
}

/**
 * em_answers_parse:
 * @problems: where every problem of the file itself is appended
 *
 * Returns: (transfer full) (nullable): the answers, %NULL when the file
 *   has problems
 */
EmAnswers *
em_answers_parse (const char *data,
                  gsize       length,
                  GPtrArray  *problems)
{
  g_autoptr(EmAnswers) self = g_object_new (EM_TYPE_ANSWERS, NULL);
  g_autoptr(EmKeyReader) reader = NULL;
  g_auto(GStrv) groups = NULL;
  gboolean has_header = FALSE;
  guint n_before;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  n_before = problems->len;
  reader = em_key_reader_new (data, length, verbatim_keys, problems);
  groups = g_key_file_get_groups (em_key_reader_get_keyfile (reader), NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (g_str_equal (groups[i], "Evaluation"))
        {
          parse_header (reader, self);
          has_header = TRUE;
        }
      else if (g_str_has_prefix (groups[i], "Item:") && groups[i][strlen ("Item:")] != '\0')
        parse_item (reader, groups[i], em_answers_ensure_item (self, groups[i] + strlen ("Item:")));
      else
        em_problems_add (problems, groups[i], NULL,
                         _("unknown group (expected [Evaluation] or [Item:ID])"));
    }

  if (!has_header && em_key_reader_get_line (reader, "Evaluation", NULL) == 0)
    em_problems_add (problems, "Evaluation", NULL,
                     _("missing: an answers file starts with an [Evaluation] group"));

  em_key_reader_sort_problems (reader, n_before);

  if (problems->len > n_before)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * em_answers_new_from_data:
 * @length: the length of @data, or -1 if it is nul-terminated
 * @filename: (nullable): how to name the file in messages
 *
 * Returns: (transfer full): the answers, or %NULL with @error
 *   (EM_ERROR_INVALID_INPUT) listing every problem, one per line
 */
EmAnswers *
em_answers_new_from_data (const char  *data,
                          gssize       length,
                          const char  *filename,
                          GError     **error)
{
  g_autoptr(GPtrArray) problems = em_problems_new ();
  g_autoptr(EmAnswers) self = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  self = em_answers_parse (data, length < 0 ? strlen (data) : (gsize) length, problems);
  if (!em_problems_to_error (problems, filename, error))
    return NULL;

  return g_steal_pointer (&self);
}

EmAnswers *
em_answers_new_from_file (const char  *path,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_IO, _("Cannot read the answers “%s”: %s"),
                   path, local_error->message);
      return NULL;
    }

  return em_answers_new_from_data (contents, length, path, error);
}

/* Writing ----------------------------------------------------------------- */

static void
write_item (GKeyFile     *keyfile,
            EmItemAnswer *answer)
{
  static const char * const results[] = { NULL, "pass", "fail", "na" };
  g_autofree char *group = g_strconcat ("Item:", em_item_answer_get_item_id (answer), NULL);
  EmItemResult result = em_item_answer_get_result (answer);
  guint n_moments = 0;

  if (result != EM_ITEM_RESULT_UNSET)
    g_key_file_set_string (keyfile, group, "Result", results[result]);
  if (em_item_answer_get_occurrences (answer) > 0)
    g_key_file_set_uint64 (keyfile, group, "Occurrences", em_item_answer_get_occurrences (answer));
  if (em_item_answer_get_complaint_occurrences (answer) > 0)
    g_key_file_set_uint64 (keyfile, group, "ComplaintOccurrences",
                           em_item_answer_get_complaint_occurrences (answer));
  if (em_item_answer_get_option (answer) > 0)
    g_key_file_set_uint64 (keyfile, group, "Option", em_item_answer_get_option (answer));
  if (em_item_answer_has_score (answer))
    {
      g_autofree char *score = em_points_format (em_item_answer_get_score (answer));
      g_key_file_set_string (keyfile, group, "Score", score);
    }
  if (em_item_answer_get_triggered (answer))
    g_key_file_set_boolean (keyfile, group, "Triggered", TRUE);
  em_item_answer_get_moments (answer, &n_moments);
  if (n_moments > 0)
    {
      g_autofree char *moments = em_item_answer_format_moments (answer);
      g_key_file_set_string (keyfile, group, "Moments", moments);
    }
  if (em_item_answer_get_note (answer) != NULL)
    g_key_file_set_string (keyfile, group, "Note", em_item_answer_get_note (answer));
}

/* The .answers text; items with nothing answered are left out. */
char *
em_answers_to_data (EmAnswers *self,
                    gsize     *length)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  guint n_items;

  g_return_val_if_fail (EM_IS_ANSWERS (self), NULL);

  g_key_file_set_string (keyfile, "Evaluation", "Scorecard", self->scorecard_id);
  if (self->version > 0)
    g_key_file_set_uint64 (keyfile, "Evaluation", "Version", self->version);
  g_key_file_set_boolean (keyfile, "Evaluation", "Excluded", self->excluded);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(EmItemAnswer) answer = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (!em_item_answer_is_empty (answer))
        write_item (keyfile, answer);
    }

  return g_key_file_to_data (keyfile, length, NULL);
}

gboolean
em_answers_equal (EmAnswers *self,
                  EmAnswers *other)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (EM_IS_ANSWERS (self), FALSE);
  g_return_val_if_fail (EM_IS_ANSWERS (other), FALSE);

  a = em_answers_to_data (self, NULL);
  b = em_answers_to_data (other, NULL);

  return g_str_equal (a, b);
}

/* Returns: (transfer full): an independent copy */
EmAnswers *
em_answers_copy (EmAnswers *self)
{
  EmAnswers *copy;
  guint n_items;

  g_return_val_if_fail (EM_IS_ANSWERS (self), NULL);

  copy = em_answers_new (self->scorecard_id, self->version);
  copy->excluded = self->excluded;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(EmItemAnswer) answer = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      em_item_answer_copy_from (em_answers_ensure_item (copy, em_item_answer_get_item_id (answer)),
                                answer);
    }

  return copy;
}

/* Checking against a scorecard --------------------------------------------- */

static void
report_not_applicable (GPtrArray       *problems,
                       const char      *group,
                       const char      *key,
                       EmScorecardItem *item)
{
  em_problems_add (problems, group, key, _("does not apply to a %s item"),
                   em_item_kind_to_string (em_scorecard_item_get_kind (item)));
}

static void
check_item_answer (EmItemAnswer    *answer,
                   EmScorecardItem *item,
                   const char      *group,
                   GPtrArray       *problems)
{
  EmItemKind kind = em_scorecard_item_get_kind (item);
  EmItemResult result = em_item_answer_get_result (answer);
  guint option = em_item_answer_get_option (answer);

  if ((result == EM_ITEM_RESULT_PASS || result == EM_ITEM_RESULT_FAIL) && kind != EM_ITEM_KIND_CHECK)
    em_problems_add (problems, group, "Result",
                     _("pass and fail apply to check items only; this is a %s item (use na for N/A)"),
                     em_item_kind_to_string (kind));

  if (em_item_answer_get_occurrences (answer) > 0 && !em_scorecard_item_counts_occurrences (item))
    report_not_applicable (problems, group, "Occurrences", item);

  if (em_item_answer_get_complaint_occurrences (answer) > 0 &&
      kind != EM_ITEM_KIND_DEDUCT && kind != EM_ITEM_KIND_PENALTY)
    report_not_applicable (problems, group, "ComplaintOccurrences", item);

  if (option > 0 && kind != EM_ITEM_KIND_CHOICE)
    report_not_applicable (problems, group, "Option", item);
  else if (option > em_scorecard_item_get_n_options (item))
    em_problems_add (problems, group, "Option", _("%u is out of range (1–%u)"),
                     option, em_scorecard_item_get_n_options (item));

  if (em_item_answer_has_score (answer) && kind != EM_ITEM_KIND_SCORE)
    report_not_applicable (problems, group, "Score", item);
  else if (em_item_answer_get_score (answer) > em_scorecard_item_get_points (item))
    {
      g_autofree char *score = em_points_format (em_item_answer_get_score (answer));
      g_autofree char *points = em_points_format (em_scorecard_item_get_points (item));

      em_problems_add (problems, group, "Score", _("%s is above the item's %s points"), score, points);
    }

  if (em_item_answer_get_triggered (answer) && kind != EM_ITEM_KIND_FATAL)
    report_not_applicable (problems, group, "Triggered", item);
}

static void
check_answered (EmAnswers       *self,
                EmScorecardItem *item,
                GPtrArray       *problems)
{
  EmItemKind kind = em_scorecard_item_get_kind (item);
  EmItemAnswer *answer = em_answers_lookup_item (self, em_scorecard_item_get_id (item));
  g_autofree char *group = NULL;

  if (kind != EM_ITEM_KIND_CHOICE && kind != EM_ITEM_KIND_SCORE)
    return;

  if (answer != NULL && (em_item_answer_get_na (answer) ||
                         (kind == EM_ITEM_KIND_CHOICE && em_item_answer_get_option (answer) > 0) ||
                         (kind == EM_ITEM_KIND_SCORE && em_item_answer_has_score (answer))))
    return;

  group = g_strconcat ("Item:", em_scorecard_item_get_id (item), NULL);
  if (kind == EM_ITEM_KIND_CHOICE)
    em_problems_add (problems, group, "Option",
                     _("missing: a choice item must be answered (or marked Result=na)"));
  else
    em_problems_add (problems, group, "Score",
                     _("missing: a score item must be answered (or marked Result=na)"));
}

/**
 * em_answers_check:
 * @flags: EM_ANSWERS_CHECK_DRAFT to allow unanswered choice and score items
 * @problems: where every problem is appended
 *
 * Checks the answers against @scorecard.  Returns: %TRUE if there is none.
 */
gboolean
em_answers_check (EmAnswers           *self,
                  EmScorecard         *scorecard,
                  EmAnswersCheckFlags  flags,
                  GPtrArray           *problems)
{
  GListModel *items;
  guint n_before;

  g_return_val_if_fail (EM_IS_ANSWERS (self), FALSE);
  g_return_val_if_fail (EM_IS_SCORECARD (scorecard), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  n_before = problems->len;

  if (g_strcmp0 (self->scorecard_id, em_scorecard_get_id (scorecard)) != 0)
    {
      em_problems_add (problems, "Evaluation", "Scorecard",
                       _("these answers are for “%s”, not for the scorecard “%s”"),
                       self->scorecard_id, em_scorecard_get_id (scorecard));
      return FALSE;
    }

  if (self->version != 0 && self->version != em_scorecard_get_version (scorecard))
    em_problems_add (problems, "Evaluation", "Version",
                     _("these answers are for version %u of “%s”, the scorecard is version %u"),
                     self->version, self->scorecard_id, em_scorecard_get_version (scorecard));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(EmItemAnswer) answer = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      const char *item_id = em_item_answer_get_item_id (answer);
      g_autofree char *group = g_strconcat ("Item:", item_id, NULL);
      EmScorecardItem *item = em_scorecard_lookup_item (scorecard, item_id);

      if (item == NULL)
        em_problems_add (problems, group, NULL, _("no item “%s” in the scorecard “%s”"),
                         item_id, self->scorecard_id);
      else
        check_item_answer (answer, item, group, problems);
    }

  items = em_scorecard_get_items (scorecard);
  if (!(flags & EM_ANSWERS_CHECK_DRAFT))
    for (guint i = 0; i < g_list_model_get_n_items (items); i++)
      {
        g_autoptr(EmScorecardItem) item = g_list_model_get_item (items, i);
        check_answered (self, item, problems);
      }

  return problems->len == n_before;
}

/**
 * em_answers_waive_item:
 *
 * Sets the answer for @item_id so that it costs nothing (passed, no
 * occurrences, the best option, full score, not triggered): what an
 * overturned appeal does to an item.  Note and moments stay.
 *
 * Returns: %FALSE if @scorecard has no such item
 */
gboolean
em_answers_waive_item (EmAnswers   *self,
                       EmScorecard *scorecard,
                       const char  *item_id)
{
  EmScorecardItem *item;
  EmItemAnswer *answer;

  g_return_val_if_fail (EM_IS_ANSWERS (self), FALSE);
  g_return_val_if_fail (EM_IS_SCORECARD (scorecard), FALSE);

  if (!(item = em_scorecard_lookup_item (scorecard, item_id)))
    return FALSE;

  answer = em_answers_ensure_item (self, item_id);
  switch (em_scorecard_item_get_kind (item))
    {
    case EM_ITEM_KIND_CHECK:
      em_item_answer_set_result (answer, EM_ITEM_RESULT_PASS);
      break;
    case EM_ITEM_KIND_DEDUCT:
    case EM_ITEM_KIND_PENALTY:
      em_item_answer_set_complaint_occurrences (answer, 0);
      em_item_answer_set_occurrences (answer, 0);
      break;
    case EM_ITEM_KIND_CHOICE:
      em_item_answer_set_option (answer, em_scorecard_item_get_best_option (item));
      break;
    case EM_ITEM_KIND_SCORE:
      em_item_answer_set_score (answer, em_scorecard_item_get_points (item));
      break;
    case EM_ITEM_KIND_FATAL:
      em_item_answer_set_triggered (answer, FALSE);
      break;
    case EM_ITEM_KIND_BONUS:
    default:
      break;
    }

  return TRUE;
}

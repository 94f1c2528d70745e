/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-answers"

#include "config.h"

#include <glib/gi18n.h>

#include "em-item-answer.h"

/* The inspector's answer to one scorecard item: what an [Item:…] group of
 * an .answers file holds.  Every setter notifies only on change, so a form
 * can bind to the properties and an autosave can listen for “notify”.
 */

struct _EmItemAnswer
{
  GObject       parent_instance;

  char         *item_id;
  EmItemResult  result;
  guint         occurrences;
  guint         complaint_occurrences;
  guint         option;          /* 1-based; 0 = not answered */
  EmPoints      score;           /* EM_ITEM_ANSWER_NO_SCORE = not answered */
  gboolean      triggered;
  char         *note;
  GArray       *moments;         /* gint64 msec, sorted */
};

G_DEFINE_FINAL_TYPE (EmItemAnswer, em_item_answer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM_ID,
  PROP_RESULT,
  PROP_NA,
  PROP_OCCURRENCES,
  PROP_COMPLAINT_OCCURRENCES,
  PROP_OPTION,
  PROP_SCORE,
  PROP_TRIGGERED,
  PROP_NOTE,
  PROP_MOMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
em_item_result_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { EM_ITEM_RESULT_UNSET, "EM_ITEM_RESULT_UNSET", "unset" },
    { EM_ITEM_RESULT_PASS,  "EM_ITEM_RESULT_PASS",  "pass" },
    { EM_ITEM_RESULT_FAIL,  "EM_ITEM_RESULT_FAIL",  "fail" },
    { EM_ITEM_RESULT_NA,    "EM_ITEM_RESULT_NA",    "na" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("EmItemResult", values));

  return type;
}

static void
em_item_answer_finalize (GObject *object)
{
  EmItemAnswer *self = (EmItemAnswer *) object;

  g_free (self->item_id);
  g_free (self->note);
  g_array_unref (self->moments);

  G_OBJECT_CLASS (em_item_answer_parent_class)->finalize (object);
}

static void
em_item_answer_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EmItemAnswer *self = EM_ITEM_ANSWER (object);

  switch (prop_id)
    {
    case PROP_ITEM_ID:
      g_value_set_string (value, self->item_id);
      break;
    case PROP_RESULT:
      g_value_set_enum (value, self->result);
      break;
    case PROP_NA:
      g_value_set_boolean (value, em_item_answer_get_na (self));
      break;
    case PROP_OCCURRENCES:
      g_value_set_uint (value, self->occurrences);
      break;
    case PROP_COMPLAINT_OCCURRENCES:
      g_value_set_uint (value, self->complaint_occurrences);
      break;
    case PROP_OPTION:
      g_value_set_uint (value, self->option);
      break;
    case PROP_SCORE:
      g_value_set_int64 (value, self->score);
      break;
    case PROP_TRIGGERED:
      g_value_set_boolean (value, self->triggered);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_MOMENTS:
      g_value_take_string (value, em_item_answer_format_moments (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_item_answer_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  EmItemAnswer *self = EM_ITEM_ANSWER (object);

  switch (prop_id)
    {
    case PROP_ITEM_ID:
      self->item_id = g_value_dup_string (value);
      break;
    case PROP_RESULT:
      em_item_answer_set_result (self, g_value_get_enum (value));
      break;
    case PROP_OCCURRENCES:
      em_item_answer_set_occurrences (self, g_value_get_uint (value));
      break;
    case PROP_COMPLAINT_OCCURRENCES:
      em_item_answer_set_complaint_occurrences (self, g_value_get_uint (value));
      break;
    case PROP_OPTION:
      em_item_answer_set_option (self, g_value_get_uint (value));
      break;
    case PROP_SCORE:
      if (g_value_get_int64 (value) < 0)
        em_item_answer_unset_score (self);
      else
        em_item_answer_set_score (self, g_value_get_int64 (value));
      break;
    case PROP_TRIGGERED:
      em_item_answer_set_triggered (self, g_value_get_boolean (value));
      break;
    case PROP_NOTE:
      em_item_answer_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_item_answer_class_init (EmItemAnswerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = em_item_answer_finalize;
  object_class->get_property = em_item_answer_get_property;
  object_class->set_property = em_item_answer_set_property;

  properties[PROP_ITEM_ID] =
    g_param_spec_string ("item-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESULT] = g_param_spec_enum ("result", NULL, NULL, EM_TYPE_ITEM_RESULT,
                                               EM_ITEM_RESULT_UNSET, rw);
  properties[PROP_NA] = g_param_spec_boolean ("na", NULL, NULL, FALSE, ro);
  properties[PROP_OCCURRENCES] = g_param_spec_uint ("occurrences", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_COMPLAINT_OCCURRENCES] = g_param_spec_uint ("complaint-occurrences", NULL, NULL,
                                                              0, G_MAXUINT, 0, rw);
  properties[PROP_OPTION] = g_param_spec_uint ("option", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_SCORE] = g_param_spec_int64 ("score", NULL, NULL, -1, G_MAXINT64, -1, rw);
  properties[PROP_TRIGGERED] = g_param_spec_boolean ("triggered", NULL, NULL, FALSE, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_MOMENTS] = g_param_spec_string ("moments", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
em_item_answer_init (EmItemAnswer *self)
{
  self->score = EM_ITEM_ANSWER_NO_SCORE;
  self->moments = g_array_new (FALSE, FALSE, sizeof (gint64));
}

EmItemAnswer *
em_item_answer_new (const char *item_id)
{
  g_return_val_if_fail (item_id != NULL, NULL);

  return g_object_new (EM_TYPE_ITEM_ANSWER, "item-id", item_id, NULL);
}

const char *
em_item_answer_get_item_id (EmItemAnswer *self)
{
  g_return_val_if_fail (EM_IS_ITEM_ANSWER (self), NULL);

  return self->item_id;
}

EmItemResult
em_item_answer_get_result (EmItemAnswer *self)
{
  g_return_val_if_fail (EM_IS_ITEM_ANSWER (self), EM_ITEM_RESULT_UNSET);

  return self->result;
}

void
em_item_answer_set_result (EmItemAnswer *self,
                           EmItemResult  result)
{
  gboolean was_na;

  g_return_if_fail (EM_IS_ITEM_ANSWER (self));
  g_return_if_fail (result <= EM_ITEM_RESULT_NA);

  if (self->result == result)
    return;

  was_na = em_item_answer_get_na (self);
  self->result = result;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
  if (was_na != em_item_answer_get_na (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NA]);
}

/* N/A: the item costs nothing.  Other answers are kept, so switching N/A
 * off again brings them back.
 */
gboolean
em_item_answer_get_na (EmItemAnswer *self)
{
  g_return_val_if_fail (EM_IS_ITEM_ANSWER (self), FALSE);

  return self->result == EM_ITEM_RESULT_NA;
}

guint
em_item_answer_get_occurrences (EmItemAnswer *self)
{
  g_return_val_if_fail (EM_IS_ITEM_ANSWER (self), 0);

  return self->occurrences;
}

void
em_item_answer_set_occurrences (EmItemAnswer *self,
                                guint         occurrences)
{
  g_return_if_fail (EM_IS_ITEM_ANSWER (self));

  if (self->occurrences == occurrences)
    return;

  self->occurrences = occurrences;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCURRENCES]);
}

/* Of the occurrences, how many caused a complaint (造成客户不满或引起投诉). */
guint
em_item_answer_get_complaint_occurrences (EmItemAnswer *self)
{
  g_return_val_if_fail (EM_IS_ITEM_ANSWER (self), 0);

  return self->complaint_occurrences;
}

void
em_item_answer_set_complaint_occurrences (EmItemAnswer *self,
                                          guint         occurrences)
{
  g_return_if_fail (EM_IS_ITEM_ANSWER (self));

  if (self->complaint_occurrences == occurrences)
    return;

  self->complaint_occurrences = occurrences;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLAINT_OCCURRENCES]);
}

/* 1-based index into the item's options; 0 when not answered. */
guint
em_item_answer_get_option (EmItemAnswer *self)
{
  g_return_val_if_fail (EM_IS_ITEM_ANSWER (self), 0);

  return self->option;
}

void
em_item_answer_set_option (EmItemAnswer *self,
                           guint         option)
{
  g_return_if_fail (EM_IS_ITEM_ANSWER (self));

  if (self->option == option)
    return;

  self->option = option;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPTION]);
}

gboolean
em_item_answer_has_score (EmItemAnswer *self)
{
  g_return_val_if_fail (EM_IS_ITEM_ANSWER (self), FALSE);

  return self->score >= 0;
}

/* Points earned by a score item; EM_ITEM_ANSWER_NO_SCORE when unanswered. */
EmPoints
em_item_answer_get_score (EmItemAnswer *self)
{
  g_return_val_if_fail (EM_IS_ITEM_ANSWER (self), EM_ITEM_ANSWER_NO_SCORE);

  return self->score;
}

void
em_item_answer_set_score (EmItemAnswer *self,
                          EmPoints      score)
{
  g_return_if_fail (EM_IS_ITEM_ANSWER (self));
  g_return_if_fail (score >= 0);

  if (self->score == score)
    return;

  self->score = score;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

void
em_item_answer_unset_score (EmItemAnswer *self)
{
  g_return_if_fail (EM_IS_ITEM_ANSWER (self));

  if (self->score == EM_ITEM_ANSWER_NO_SCORE)
    return;

  self->score = EM_ITEM_ANSWER_NO_SCORE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

gboolean
em_item_answer_get_triggered (EmItemAnswer *self)
{
  g_return_val_if_fail (EM_IS_ITEM_ANSWER (self), FALSE);

  return self->triggered;
}

void
em_item_answer_set_triggered (EmItemAnswer *self,
                              gboolean      triggered)
{
  g_return_if_fail (EM_IS_ITEM_ANSWER (self));

  triggered = !!triggered;
  if (self->triggered == triggered)
    return;

  self->triggered = triggered;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRIGGERED]);
}

/* Returns: (nullable) */
const char *
em_item_answer_get_note (EmItemAnswer *self)
{
  g_return_val_if_fail (EM_IS_ITEM_ANSWER (self), NULL);

  return self->note;
}

/* An empty note is no note. */
void
em_item_answer_set_note (EmItemAnswer *self,
                         const char   *note)
{
  g_return_if_fail (EM_IS_ITEM_ANSWER (self));

  if (note != NULL && *note == '\0')
    note = NULL;

  if (g_strcmp0 (self->note, note) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const gint64 *
em_item_answer_get_moments (EmItemAnswer *self,
                            guint        *n_moments)
{
  g_return_val_if_fail (EM_IS_ITEM_ANSWER (self), NULL);

  if (n_moments != NULL)
    *n_moments = self->moments->len;

  return (const gint64 *) (gpointer) self->moments->data;
}

/* Adds a moment (msec into the recording); a moment already there is not
 * added twice.
 */
void
em_item_answer_add_moment (EmItemAnswer *self,
                           gint64        msec)
{
  guint i;

  g_return_if_fail (EM_IS_ITEM_ANSWER (self));
  g_return_if_fail (msec >= 0);

  for (i = 0; i < self->moments->len; i++)
    {
      gint64 here = g_array_index (self->moments, gint64, i);

      if (here == msec)
        return;
      if (here > msec)
        break;
    }

  g_array_insert_val (self->moments, i, msec);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOMENTS]);
}

void
em_item_answer_remove_moment (EmItemAnswer *self,
                              guint         index)
{
  g_return_if_fail (EM_IS_ITEM_ANSWER (self));
  g_return_if_fail (index < self->moments->len);

  g_array_remove_index (self->moments, index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOMENTS]);
}

void
em_item_answer_clear_moments (EmItemAnswer *self)
{
  g_return_if_fail (EM_IS_ITEM_ANSWER (self));

  if (self->moments->len == 0)
    return;

  g_array_set_size (self->moments, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOMENTS]);
}

/* "12.5;97": seconds, no trailing zeros; "" when there are none. */
char *
em_item_answer_format_moments (EmItemAnswer *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (EM_IS_ITEM_ANSWER (self), NULL);

  for (guint i = 0; i < self->moments->len; i++)
    {
      gint64 msec = g_array_index (self->moments, gint64, i);
      gint64 frac = msec % 1000;

      if (i > 0)
        g_string_append_c (out, ';');
      g_string_append_printf (out, "%" G_GINT64_FORMAT, msec / 1000);
      if (frac != 0)
        {
          char digits[8];

          g_snprintf (digits, sizeof digits, "%03d", (int) frac);
          for (int end = 2; end > 0 && digits[end] == '0'; end--)
            digits[end] = '\0';
          g_string_append_printf (out, ".%s", digits);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
parse_seconds (const char *text,
               gint64     *out_msec)
{
  char *end = NULL;
  double seconds;

  if (*text == '\0' || !(g_ascii_isdigit (*text) || *text == '.'))
    return FALSE;

  seconds = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !(seconds >= 0 && seconds < 1e8))
    return FALSE;

  *out_msec = (gint64) (seconds * 1000 + 0.5);
  return TRUE;
}

/* Replaces the moments with those of @text ("12.5;97").  On a value that
 * is not a number of seconds, returns FALSE with it in @out_bad and
 * changes nothing.
 */
gboolean
em_item_answer_parse_moments (EmItemAnswer  *self,
                              const char    *text,
                              char         **out_bad)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GArray) moments = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (EM_IS_ITEM_ANSWER (self), FALSE);

  parts = g_strsplit (text != NULL ? text : "", ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      gint64 msec = 0;

      if (*part == '\0')
        continue;

      if (!parse_seconds (part, &msec))
        {
          if (out_bad != NULL)
            *out_bad = g_strdup (part);
          return FALSE;
        }
      g_array_append_val (moments, msec);
    }

  em_item_answer_clear_moments (self);
  for (guint i = 0; i < moments->len; i++)
    em_item_answer_add_moment (self, g_array_index (moments, gint64, i));

  return TRUE;
}

/* Nothing answered: the item counts as passed, zero occurrences, not
 * triggered; the answers file leaves it out.
 */
gboolean
em_item_answer_is_empty (EmItemAnswer *self)
{
  g_return_val_if_fail (EM_IS_ITEM_ANSWER (self), TRUE);

  return self->result == EM_ITEM_RESULT_UNSET &&
         self->occurrences == 0 &&
         self->complaint_occurrences == 0 &&
         self->option == 0 &&
         self->score == EM_ITEM_ANSWER_NO_SCORE &&
         !self->triggered &&
         self->note == NULL &&
         self->moments->len == 0;
}

/* Takes over every answer of @other (not its item id). */
void
em_item_answer_copy_from (EmItemAnswer *self,
                          EmItemAnswer *other)
{
  g_return_if_fail (EM_IS_ITEM_ANSWER (self));
  g_return_if_fail (EM_IS_ITEM_ANSWER (other));

  g_object_freeze_notify (G_OBJECT (self));
  em_item_answer_set_result (self, other->result);
  em_item_answer_set_occurrences (self, other->occurrences);
  em_item_answer_set_complaint_occurrences (self, other->complaint_occurrences);
  em_item_answer_set_option (self, other->option);
  if (other->score >= 0)
    em_item_answer_set_score (self, other->score);
  else
    em_item_answer_unset_score (self);
  em_item_answer_set_triggered (self, other->triggered);
  em_item_answer_set_note (self, other->note);
  em_item_answer_clear_moments (self);
  for (guint i = 0; i < other->moments->len; i++)
    em_item_answer_add_moment (self, g_array_index (other->moments, gint64, i));
  g_object_thaw_notify (G_OBJECT (self));
}

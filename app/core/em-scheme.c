/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-scheme"

#include "config.h"

#include <glib/gi18n.h>

#include "em-core.h"
#include "em-error.h"
#include "em-key-reader.h"
#include "em-scheme.h"

/* Loading a scheme checks the whole file and reports every problem at
 * once, one line each as "FILE: [group] key: reason", so that a person
 * editing a scheme by hand can fix them all in one go.  Nothing partial is
 * ever returned: a scheme with any problem is refused.
 *
 * The key file is kept after loading because titles are looked up per
 * language at the time they are shown (the GUI and an export may want
 * different languages from one scheme).
 */

struct _EmScheme
{
  GObject         parent_instance;
  GKeyFile       *key_file;
  char           *id;
  int             version;
  GArray         *metrics;   /* EmSchemeMetric, file order */
  GArray         *grades;    /* EmSchemeGrade, best first */
};

G_DEFINE_FINAL_TYPE (EmScheme, em_scheme, G_TYPE_OBJECT)

static const char * const kind_names[EM_N_METRIC_KINDS + 1] = {   /* NULL-terminated */
  [EM_METRIC_QA_SCORE]          = "qa-score",
  [EM_METRIC_ANSWER_RATE]       = "answer-rate",
  [EM_METRIC_SATISFACTION_RATE] = "satisfaction-rate",
  [EM_METRIC_SATISFACTION_MEAN] = "satisfaction-mean",
  [EM_METRIC_RESOLUTION_RATE]   = "resolution-rate",
  [EM_METRIC_AVERAGE_TALK_TIME] = "average-talk-time",
  [EM_METRIC_TICKET_RATE]       = "ticket-rate",
};

#define DEFAULT_THRESHOLD_S      20
#define DEFAULT_SATISFIED_RATING 4

typedef struct
{
  const char *file_name;
  GKeyFile   *key_file;
  GPtrArray  *problems;
} Loader;

static void
clear_metric (gpointer data)
{
  EmSchemeMetric *metric = data;

  g_clear_pointer (&metric->id, g_free);
  g_clear_pointer (&metric->bands, g_free);
}

static void
clear_grade (gpointer data)
{
  EmSchemeGrade *grade = data;

  g_clear_pointer (&grade->id, g_free);
}

static void
em_scheme_finalize (GObject *object)
{
  EmScheme *self = (EmScheme *) object;

  g_clear_pointer (&self->key_file, g_key_file_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->metrics, g_array_unref);
  g_clear_pointer (&self->grades, g_array_unref);

  G_OBJECT_CLASS (em_scheme_parent_class)->finalize (object);
}

static void
em_scheme_class_init (EmSchemeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = em_scheme_finalize;
}

static void
em_scheme_init (EmScheme *self)
{
  self->metrics = g_array_new (FALSE, TRUE, sizeof (EmSchemeMetric));
  g_array_set_clear_func (self->metrics, clear_metric);
  self->grades = g_array_new (FALSE, TRUE, sizeof (EmSchemeGrade));
  g_array_set_clear_func (self->grades, clear_grade);
}

static void G_GNUC_PRINTF (4, 5)
add_problem (Loader     *loader,
             const char *group,
             const char *key,
             const char *format,
             ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (key != NULL)
    g_ptr_array_add (loader->problems,
                     g_strdup_printf ("%s: [%s] %s: %s", loader->file_name, group, key, reason));
  else
    g_ptr_array_add (loader->problems,
                     g_strdup_printf ("%s: [%s]: %s", loader->file_name, group, reason));
}

const char *
em_metric_kind_to_string (EmMetricKind kind)
{
  g_return_val_if_fail (kind < EM_N_METRIC_KINDS, NULL);

  return kind_names[kind];
}

static gboolean
metric_kind_from_string (const char   *text,
                         EmMetricKind *out_kind)
{
  for (guint i = 0; i < EM_N_METRIC_KINDS; i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
em_metric_kind_lower_is_better (EmMetricKind kind)
{
  return kind == EM_METRIC_AVERAGE_TALK_TIME;
}

gboolean
em_metric_kind_is_rate (EmMetricKind kind)
{
  return kind == EM_METRIC_ANSWER_RATE || kind == EM_METRIC_SATISFACTION_RATE ||
         kind == EM_METRIC_RESOLUTION_RATE || kind == EM_METRIC_TICKET_RATE;
}

/* A metric's value is the fraction num/den; num × factor / den is the value
 * in centi-units (hundredths of a percent, second, rating or point), the
 * unit band limits are written in.  Comparing by cross-multiplication keeps
 * band edges exact: 9 answered of 10 is 90.00 %, never 89.999…
 */
gint64
em_metric_kind_centi_factor (EmMetricKind kind)
{
  if (em_metric_kind_is_rate (kind))
    return 10000;
  if (kind == EM_METRIC_QA_SCORE)
    return 1;    /* num is already a sum of centi-points */
  return 100;
}

static gboolean
is_identifier (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;
  return TRUE;
}

/* "3:00", "1:02:03", "180", "12.5" → centi-seconds. */
static gboolean
parse_duration (const char *text,
                gint64     *out_centi)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint n = g_strv_length (parts);
  gint64 total = 0;
  EmPoints last = 0;

  if (n == 0 || n > 3)
    return FALSE;

  for (guint i = 0; i + 1 < n; i++)
    {
      guint64 v;
      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 0, 100000, &v, NULL))
        return FALSE;
      total = total * 60 + (gint64) v;
    }

  if (!em_points_parse (parts[n - 1], &last) || last < 0 || (n > 1 && last >= 6000))
    return FALSE;

  *out_centi = total * 6000 + last;
  return TRUE;
}

static gboolean
parse_limit (EmMetricKind  kind,
             const char   *text,
             gint64       *out_limit,
             const char  **out_expected)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);

  switch (kind)
    {
    case EM_METRIC_AVERAGE_TALK_TIME:
      *out_expected = _("a duration such as 3:00 (minutes:seconds) or 180 (seconds)");
      return parse_duration (copy, out_limit);

    case EM_METRIC_SATISFACTION_MEAN:
      *out_expected = _("a rating from 1 to 5 with at most two decimals");
      return em_points_parse (copy, out_limit) && *out_limit >= 100 && *out_limit <= 500;

    case EM_METRIC_QA_SCORE:
      *out_expected = _("a number of points (at most two decimals)");
      return em_points_parse (copy, out_limit) && *out_limit >= 0;

    default:
      *out_expected = _("a percentage from 0% to 100% with at most two decimals");
      if (len > 0 && copy[len - 1] == '%')
        copy[len - 1] = '\0';
      return em_points_parse (copy, out_limit) && *out_limit >= 0 && *out_limit <= 10000;
    }
}

static gboolean
parse_one_band (Loader        *loader,
                const char    *group,
                EmMetricKind   kind,
                guint          position,
                const char    *text,
                EmSchemeBand  *band)
{
  g_auto(GStrv) pair = g_strsplit (text, "|", -1);
  g_autofree char *limit_text = NULL;
  const char *expected = NULL;

  if (g_strv_length (pair) != 2)
    {
      add_problem (loader, group, "Bands",
                   _("band %u “%s” is not “limit|points”"), position, text);
      return FALSE;
    }

  limit_text = g_strstrip (g_strdup (pair[0]));
  if (g_str_equal (limit_text, "*"))
    band->otherwise = TRUE;
  else if (!parse_limit (kind, limit_text, &band->limit, &expected))
    {
      add_problem (loader, group, "Bands",
                   _("band %u: “%s” is not %s"), position, limit_text, expected);
      return FALSE;
    }

  if (!em_points_parse (pair[1], &band->points) || band->points < 0)
    {
      add_problem (loader, group, "Bands",
                   _("band %u: “%s” is not a number of points ≥ 0 (at most two decimals)"),
                   position, g_strstrip (pair[1]));
      return FALSE;
    }

  if (band->points > EM_POINTS_LIMIT)
    {
      add_problem (loader, group, "Bands", _("band %u: “%s” is too large (at most %d)"),
                   position, g_strstrip (pair[1]), (int) (EM_POINTS_LIMIT / 100));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_band_order (Loader             *loader,
                  const char         *group,
                  EmMetricKind        kind,
                  const EmSchemeBand *bands,
                  guint               n_bands)
{
  gboolean lower = em_metric_kind_lower_is_better (kind);

  if (n_bands < 2 || !bands[n_bands - 1].otherwise)
    {
      add_problem (loader, group, "Bands",
                   _("needs at least one limit and, last, “*|points” for everything else"));
      return FALSE;
    }

  for (guint i = 0; i + 1 < n_bands; i++)
    {
      if (bands[i].otherwise)
        {
          add_problem (loader, group, "Bands", _("“*” must be the last band"));
          return FALSE;
        }
      if (i > 0 && (lower ? bands[i].limit <= bands[i - 1].limit
                          : bands[i].limit >= bands[i - 1].limit))
        {
          add_problem (loader, group, "Bands",
                       lower ? _("limits must go up, band after band (this metric is better when lower)")
                             : _("limits must go down, band after band (this metric is better when higher)"));
          return FALSE;
        }
    }

  return TRUE;
}

static void
parse_bands (Loader         *loader,
             const char     *group,
             EmSchemeMetric *metric)
{
  g_autofree char *value = g_key_file_get_string (loader->key_file, group, "Bands", NULL);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GArray) bands = g_array_new (FALSE, TRUE, sizeof (EmSchemeBand));
  guint position = 0;
  gboolean ok = TRUE;

  if (value == NULL)
    return;

  parts = g_strsplit (value, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      EmSchemeBand band = { 0 };

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      if (parse_one_band (loader, group, metric->kind, ++position, parts[i], &band))
        g_array_append_val (bands, band);
      else
        ok = FALSE;
    }

  if (!ok || !check_band_order (loader, group, metric->kind,
                                (EmSchemeBand *) (void *) bands->data, bands->len))
    return;

  metric->n_bands = bands->len;
  metric->max_points = 0;
  for (guint i = 0; i < bands->len; i++)
    metric->max_points = MAX (metric->max_points, g_array_index (bands, EmSchemeBand, i).points);
  metric->bands = (EmSchemeBand *) (void *) g_array_free (g_steal_pointer (&bands), FALSE);

  if (metric->max_points == 0)
    add_problem (loader, group, "Bands", _("every band is worth 0 points"));
}

static gboolean
get_points_key (Loader     *loader,
                const char *group,
                const char *key,
                EmPoints    fallback,
                EmPoints   *out_value)
{
  g_autofree char *text = g_key_file_get_string (loader->key_file, group, key, NULL);

  *out_value = fallback;
  if (text == NULL)
    return TRUE;

  if (!em_points_parse (text, out_value) || *out_value < 0)
    {
      add_problem (loader, group, key,
                   _("“%s” is not a number ≥ 0 with at most two decimals"), text);
      *out_value = fallback;
      return FALSE;
    }

  /* Weights and points multiply each other in the monthly arithmetic. */
  if (*out_value > EM_POINTS_LIMIT)
    {
      add_problem (loader, group, key, _("“%s” is too large (at most %d)"),
                   text, (int) (EM_POINTS_LIMIT / 100));
      *out_value = fallback;
      return FALSE;
    }

  return TRUE;
}

/* Keys that only some kinds take; any other kind refuses them so that a
 * misplaced key is not silently ignored.
 */
static void
check_kind_keys (Loader         *loader,
                 const char     *group,
                 EmSchemeMetric *metric)
{
  static const struct { const char *key; EmMetricKind kind; } only[] = {
    { "Threshold",       EM_METRIC_ANSWER_RATE },
    { "SatisfiedRating", EM_METRIC_SATISFACTION_RATE },
    { "Maximum",         EM_METRIC_QA_SCORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (only); i++)
    if (metric->kind != only[i].kind &&
        g_key_file_has_key (loader->key_file, group, only[i].key, NULL))
      add_problem (loader, group, only[i].key, _("only a Kind=%s metric takes this key"),
                   kind_names[only[i].kind]);
}

static void
parse_kind_options (Loader         *loader,
                    const char     *group,
                    EmSchemeMetric *metric)
{
  g_autofree char *threshold = g_key_file_get_string (loader->key_file, group, "Threshold", NULL);
  g_autofree char *rating = g_key_file_get_string (loader->key_file, group, "SatisfiedRating", NULL);
  gint64 centi = 0;
  guint64 value = 0;

  metric->threshold_s = DEFAULT_THRESHOLD_S;
  metric->satisfied_rating = DEFAULT_SATISFIED_RATING;

  check_kind_keys (loader, group, metric);

  if (metric->kind == EM_METRIC_ANSWER_RATE && threshold != NULL)
    {
      if (!parse_duration (g_strstrip (threshold), &centi) || centi % 100 != 0)
        add_problem (loader, group, "Threshold",
                     _("“%s” is not a whole number of seconds (or minutes:seconds)"), threshold);
      else
        metric->threshold_s = centi / 100;
    }

  if (metric->kind == EM_METRIC_SATISFACTION_RATE && rating != NULL)
    {
      if (!g_ascii_string_to_unsigned (g_strstrip (rating), 10, 1, 5, &value, NULL))
        add_problem (loader, group, "SatisfiedRating",
                     _("“%s” is not a rating from 1 to 5"), rating);
      else
        metric->satisfied_rating = (int) value;
    }

  if (get_points_key (loader, group, "Maximum", EM_POINTS (100), &metric->maximum) &&
      metric->maximum == 0)
    add_problem (loader, group, "Maximum", _("must be more than 0"));
}

static gboolean
check_keys (Loader             *loader,
            const char         *group,
            const char * const *allowed)
{
  g_auto(GStrv) keys = g_key_file_get_keys (loader->key_file, group, NULL, NULL);
  gboolean ok = TRUE;

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *base = g_strdup (keys[i]);
      char *bracket = strchr (base, '[');
      gboolean localised = bracket != NULL;

      if (localised)
        *bracket = '\0';

      if (!g_strv_contains (allowed, base) ||
          (localised && !g_str_equal (base, "Title") && !g_str_equal (base, "Description")))
        {
          add_problem (loader, group, keys[i], _("unknown key"));
          ok = FALSE;
        }
    }

  return ok;
}

static void
require_title (Loader     *loader,
               const char *group)
{
  g_autofree char *title = g_key_file_get_string (loader->key_file, group, "Title", NULL);

  if (title == NULL || *g_strstrip (title) == '\0')
    add_problem (loader, group, "Title", _("missing"));
}

static void
parse_metric (Loader     *loader,
              EmScheme   *self,
              const char *group,
              const char *id)
{
  static const char * const allowed[] = {
    "Kind", "Title", "Description", "Weight", "Bands", "Threshold", "SatisfiedRating",
    "Maximum", NULL
  };
  g_autofree char *kind = g_key_file_get_string (loader->key_file, group, "Kind", NULL);
  EmSchemeMetric metric = { 0 };
  guint n_problems = loader->problems->len;

  check_keys (loader, group, allowed);
  require_title (loader, group);

  if (kind == NULL)
    {
      add_problem (loader, group, "Kind", _("missing"));
      return;
    }
  if (!metric_kind_from_string (g_strstrip (kind), &metric.kind))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) kind_names);
      add_problem (loader, group, "Kind", _("“%s” is not one of %s"), kind, names);
      return;
    }
  if (em_scheme_find_metric (self, metric.kind) >= 0)
    {
      add_problem (loader, group, "Kind", _("another metric already has Kind=%s"), kind);
      return;
    }

  metric.id = g_strdup (id);
  get_points_key (loader, group, "Weight", 0, &metric.weight);
  parse_bands (loader, group, &metric);
  parse_kind_options (loader, group, &metric);

  /* A rate or the QA score is already a score out of 100; a duration or a
   * mean rating means nothing as one, so to count it needs bands.
   */
  if (metric.weight > 0 && metric.n_bands == 0 &&
      (metric.kind == EM_METRIC_AVERAGE_TALK_TIME || metric.kind == EM_METRIC_SATISFACTION_MEAN) &&
      !g_key_file_has_key (loader->key_file, group, "Bands", NULL))
    add_problem (loader, group, "Bands", _("needed: a Kind=%s metric with a Weight is scored by its bands"),
                 kind_names[metric.kind]);

  if (loader->problems->len != n_problems)
    {
      clear_metric (&metric);
      return;
    }

  g_array_append_val (self->metrics, metric);
}

static void
parse_grade (Loader     *loader,
             EmScheme   *self,
             const char *group,
             const char *id)
{
  static const char * const allowed[] = { "Title", "Minimum", NULL };
  g_autofree char *minimum = g_key_file_get_string (loader->key_file, group, "Minimum", NULL);
  EmSchemeGrade grade = { 0 };

  check_keys (loader, group, allowed);
  require_title (loader, group);

  if (minimum == NULL)
    {
      add_problem (loader, group, "Minimum", _("missing"));
      return;
    }
  if (!get_points_key (loader, group, "Minimum", 0, &grade.minimum))
    return;

  if (self->grades->len > 0 &&
      grade.minimum >= g_array_index (self->grades, EmSchemeGrade, self->grades->len - 1).minimum)
    {
      add_problem (loader, group, "Minimum",
                   _("grades must be listed best first, each with a lower Minimum"));
      return;
    }

  grade.id = g_strdup (id);
  g_array_append_val (self->grades, grade);
}

static void
parse_header (Loader   *loader,
              EmScheme *self)
{
  static const char * const allowed[] = { "Id", "Version", "Title", "Description", NULL };
  g_autofree char *id = g_key_file_get_string (loader->key_file, "Scheme", "Id", NULL);
  g_autofree char *version = g_key_file_get_string (loader->key_file, "Scheme", "Version", NULL);
  guint64 value = 1;

  check_keys (loader, "Scheme", allowed);
  require_title (loader, "Scheme");

  if (id == NULL)
    add_problem (loader, "Scheme", "Id", _("missing"));
  else if (!is_identifier (g_strstrip (id)))
    add_problem (loader, "Scheme", "Id",
                 _("“%s” may hold only letters, digits, “-”, “_” and “.”"), id);
  else
    self->id = g_steal_pointer (&id);

  if (version != NULL &&
      !g_ascii_string_to_unsigned (g_strstrip (version), 10, 1, G_MAXINT, &value, NULL))
    add_problem (loader, "Scheme", "Version", _("“%s” is not a whole number ≥ 1"), version);
  self->version = (int) value;
}

static void
parse_groups (Loader   *loader,
              EmScheme *self)
{
  g_auto(GStrv) groups = g_key_file_get_groups (loader->key_file, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];
      const char *id = strchr (group, ':');

      if (g_str_equal (group, "Scheme"))
        continue;

      if (id == NULL || (!g_str_has_prefix (group, "Metric:") && !g_str_has_prefix (group, "Grade:")))
        {
          add_problem (loader, group, NULL,
                       _("unknown group (expected [Scheme], [Metric:ID] or [Grade:ID])"));
          continue;
        }
      if (!is_identifier (++id))
        {
          add_problem (loader, group, NULL,
                       _("the id after “:” may hold only letters, digits, “-”, “_” and “.”"));
          continue;
        }

      if (g_str_has_prefix (group, "Metric:"))
        parse_metric (loader, self, group, id);
      else
        parse_grade (loader, self, group, id);
    }
}

static void
check_totals (Loader   *loader,
              EmScheme *self)
{
  EmPoints total_weight = 0;
  guint n_grades = self->grades->len;

  for (guint i = 0; i < self->metrics->len; i++)
    total_weight += g_array_index (self->metrics, EmSchemeMetric, i).weight;

  if (self->metrics->len > 0 && total_weight == 0)
    add_problem (loader, "Scheme", NULL, _("no metric has a Weight above 0, so there is no total"));
  if (self->metrics->len == 0)
    add_problem (loader, "Scheme", NULL, _("no [Metric:ID] group"));

  if (n_grades == 0)
    add_problem (loader, "Scheme", NULL, _("no [Grade:ID] group"));
  else if (g_array_index (self->grades, EmSchemeGrade, n_grades - 1).minimum != 0)
    add_problem (loader, "Scheme", NULL,
                 _("the last grade must have Minimum=0, so that every total gets a grade"));
}

/**
 * em_scheme_new_from_data:
 * @file_name: how to name the file in messages
 *
 * Returns: (transfer full): the scheme, or %NULL with @error set
 * (%EM_ERROR_INVALID_INPUT, one "FILE: [group] key: reason" line per
 * problem).
 */
EmScheme *
em_scheme_new_from_data (const char  *data,
                         gssize       length,
                         const char  *file_name,
                         GError     **error)
{
  g_autoptr(EmScheme) self = g_object_new (EM_TYPE_SCHEME, NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  Loader loader = { file_name, NULL, problems };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  self->key_file = g_key_file_new ();
  loader.key_file = self->key_file;

  if (!g_key_file_load_from_data (self->key_file, data, length,
                                  G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT, "%s: %s", file_name, local_error->message);
      return NULL;
    }

  if (!g_key_file_has_group (self->key_file, "Scheme"))
    add_problem (&loader, "Scheme", NULL, _("missing"));
  else
    parse_header (&loader, self);

  parse_groups (&loader, self);
  if (problems->len == 0)
    check_totals (&loader, self);

  if (problems->len > 0)
    {
      g_autofree char *message = NULL;

      g_ptr_array_add (problems, NULL);
      message = g_strjoinv ("\n", (char **) problems->pdata);
      g_set_error_literal (error, EM_ERROR, EM_ERROR_INVALID_INPUT, message);
      return NULL;
    }

  return g_steal_pointer (&self);
}

EmScheme *
em_scheme_new_from_file (const char  *path,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_IO, _("Cannot read the scheme “%s”: %s"),
                   path, local_error->message);
      return NULL;
    }

  if (!g_utf8_validate_len (contents, length, NULL))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT,
                   _("%s: the file is not UTF-8 text (save it as UTF-8)"), path);
      return NULL;
    }

  return em_scheme_new_from_data (contents, length, path, error);
}

/**
 * em_scheme_new_default:
 *
 * The scheme Earmark ships (resources/schemes/default.scheme, seeds 000,
 * 001 and 002).  It is compiled in and checked by the tests, so loading it
 * cannot fail.
 */
EmScheme *
em_scheme_new_default (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  EmScheme *self;
  gsize size = 0;
  const char *data;

  em_core_init ();
  bytes = g_resources_lookup_data (EM_CORE_RESOURCE_PATH "/schemes/default.scheme",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  data = g_bytes_get_data (bytes, &size);
  self = em_scheme_new_from_data (data, size, "default.scheme", &error);
  g_assert_no_error (error);

  return self;
}

const char *
em_scheme_get_id (EmScheme *self)
{
  g_return_val_if_fail (EM_IS_SCHEME (self), NULL);

  return self->id;
}

int
em_scheme_get_version (EmScheme *self)
{
  g_return_val_if_fail (EM_IS_SCHEME (self), 0);

  return self->version;
}

static char *
dup_localised (EmScheme   *self,
               const char *group,
               const char *key,
               const char *language)
{
  char *value = g_key_file_get_locale_string (self->key_file, group, key, language, NULL);

  return value != NULL ? g_strstrip (value) : g_strdup ("");
}

/**
 * em_scheme_dup_title:
 * @language: (nullable): "zh_CN", "en" …; %NULL for the process's language
 */
char *
em_scheme_dup_title (EmScheme   *self,
                     const char *language)
{
  g_return_val_if_fail (EM_IS_SCHEME (self), NULL);

  return dup_localised (self, "Scheme", "Title", language);
}

char *
em_scheme_dup_description (EmScheme   *self,
                           const char *language)
{
  g_return_val_if_fail (EM_IS_SCHEME (self), NULL);

  return dup_localised (self, "Scheme", "Description", language);
}

guint
em_scheme_get_n_metrics (EmScheme *self)
{
  g_return_val_if_fail (EM_IS_SCHEME (self), 0);

  return self->metrics->len;
}

const EmSchemeMetric *
em_scheme_get_metric (EmScheme *self,
                      guint     index)
{
  g_return_val_if_fail (EM_IS_SCHEME (self), NULL);
  g_return_val_if_fail (index < self->metrics->len, NULL);

  return &g_array_index (self->metrics, EmSchemeMetric, index);
}

/* Returns the index of the metric of @kind, or -1. */
int
em_scheme_find_metric (EmScheme     *self,
                       EmMetricKind  kind)
{
  g_return_val_if_fail (EM_IS_SCHEME (self), -1);

  for (guint i = 0; i < self->metrics->len; i++)
    if (g_array_index (self->metrics, EmSchemeMetric, i).kind == kind)
      return (int) i;

  return -1;
}

char *
em_scheme_dup_metric_title (EmScheme   *self,
                            guint       index,
                            const char *language)
{
  g_autofree char *group = NULL;

  g_return_val_if_fail (EM_IS_SCHEME (self), NULL);
  g_return_val_if_fail (index < self->metrics->len, NULL);

  group = g_strconcat ("Metric:", g_array_index (self->metrics, EmSchemeMetric, index).id, NULL);
  return dup_localised (self, group, "Title", language);
}

guint
em_scheme_get_n_grades (EmScheme *self)
{
  g_return_val_if_fail (EM_IS_SCHEME (self), 0);

  return self->grades->len;
}

const EmSchemeGrade *
em_scheme_get_grade (EmScheme *self,
                     guint     index)
{
  g_return_val_if_fail (EM_IS_SCHEME (self), NULL);
  g_return_val_if_fail (index < self->grades->len, NULL);

  return &g_array_index (self->grades, EmSchemeGrade, index);
}

char *
em_scheme_dup_grade_title (EmScheme   *self,
                           guint       index,
                           const char *language)
{
  g_autofree char *group = NULL;

  g_return_val_if_fail (EM_IS_SCHEME (self), NULL);
  g_return_val_if_fail (index < self->grades->len, NULL);

  group = g_strconcat ("Grade:", g_array_index (self->grades, EmSchemeGrade, index).id, NULL);
  return dup_localised (self, group, "Title", language);
}

/* Returns the index of the grade a @total earns (grades are best first and
 * the last one starts at 0, so every total ≥ 0 has one).
 */
int
em_scheme_grade_for (EmScheme *self,
                     EmPoints  total)
{
  g_return_val_if_fail (EM_IS_SCHEME (self), -1);

  for (guint i = 0; i < self->grades->len; i++)
    if (total >= g_array_index (self->grades, EmSchemeGrade, i).minimum)
      return (int) i;

  return -1;
}

/**
 * em_scheme_metric_band_points:
 * @num: (in): the value's numerator
 * @den: (in): the value's denominator, > 0
 *
 * Finds the band the value num/den falls in.  Returns %FALSE (and leaves
 * @out_points alone) for an unbanded metric.
 */
gboolean
em_scheme_metric_band_points (const EmSchemeMetric *metric,
                              gint64                num,
                              gint64                den,
                              EmPoints             *out_points)
{
  gint64 factor;
  gboolean lower;

  g_return_val_if_fail (metric != NULL, FALSE);
  g_return_val_if_fail (den > 0, FALSE);

  if (metric->n_bands == 0)
    return FALSE;

  factor = em_metric_kind_centi_factor (metric->kind);
  lower = em_metric_kind_lower_is_better (metric->kind);

  for (guint i = 0; i < metric->n_bands; i++)
    {
      const EmSchemeBand *band = &metric->bands[i];

      if (band->otherwise ||
          (lower ? num * factor <= band->limit * den : num * factor >= band->limit * den))
        {
          *out_points = band->points;
          return TRUE;
        }
    }

  g_assert_not_reached ();
}

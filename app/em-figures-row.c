/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>

#include "em-figures-row.h"

struct _EmFiguresRow
{
  GObject               parent_instance;

  EmMonthReport        *report;
  const EmMonthFigures *figures;   /* owned by report */
  guint                 rank;
};

G_DEFINE_FINAL_TYPE (EmFiguresRow, em_figures_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_TEAM,
  PROP_RANK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * em_figures_row_new:
 * @figures: an agent's figures, owned by @report
 * @rank: the rank to show: overall, or within the team when the table
 *   shows one team (as `earmark-cli month --team` does); 0 for none
 */
EmFiguresRow *
em_figures_row_new (EmMonthReport        *report,
                    const EmMonthFigures *figures,
                    guint                 rank)
{
  EmFiguresRow *self;

  g_return_val_if_fail (EM_IS_MONTH_REPORT (report), NULL);
  g_return_val_if_fail (figures != NULL, NULL);

  self = g_object_new (EM_TYPE_FIGURES_ROW, NULL);
  self->report = g_object_ref (report);
  self->figures = figures;
  self->rank = rank;
  return self;
}

EmMonthReport *
em_figures_row_get_report (EmFiguresRow *self)
{
  g_return_val_if_fail (EM_IS_FIGURES_ROW (self), NULL);
  return self->report;
}

const EmMonthFigures *
em_figures_row_get_figures (EmFiguresRow *self)
{
  g_return_val_if_fail (EM_IS_FIGURES_ROW (self), NULL);
  return self->figures;
}

guint
em_figures_row_get_rank (EmFiguresRow *self)
{
  g_return_val_if_fail (EM_IS_FIGURES_ROW (self), 0);
  return self->rank;
}

/* a / b rounded half away from zero; b > 0 */
static gint64
div_round (gint64 a,
           gint64 b)
{
  return a >= 0 ? (a + b / 2) / b : -((-a + b / 2) / b);
}

/**
 * em_figures_format_metric:
 *
 * A metric's value as a person reads it: rates in percent with two
 * decimals ("89.13%"), the average talk time as minutes and seconds
 * ("2:13"), a mean rating and a QA score with two decimals.
 *
 * Returns: (transfer full): the text, "" when there is no data
 */
char *
em_figures_format_metric (EmMetricKind         kind,
                          const EmMetricValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  if (!value->known || value->den <= 0)
    return g_strdup ("");

  if (em_metric_kind_is_rate (kind))
    {
      g_autofree char *percent = em_points_format_fixed (div_round (value->num * 10000, value->den));

      /* Translators: a rate in percent, e.g. "89.13%" */
      return g_strdup_printf (_("%s%%"), percent);
    }

  if (kind == EM_METRIC_AVERAGE_TALK_TIME)
    {
      gint64 seconds = div_round (value->num, value->den);

      return g_strdup_printf ("%" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT, seconds / 60, seconds % 60);
    }

  if (kind == EM_METRIC_QA_SCORE)
    return em_points_format_fixed (div_round (value->num, value->den));

  return em_points_format_fixed (div_round (value->num * 100, value->den));
}

/* Returns: (transfer full): "87.50", or "" without a total */
char *
em_figures_format_total (const EmMonthFigures *figures)
{
  g_return_val_if_fail (figures != NULL, NULL);

  return figures->has_total ? em_points_format_fixed (figures->total) : g_strdup ("");
}

/* Returns: (transfer full) (nullable): the grade's title in @language */
char *
em_figures_dup_grade (EmScheme             *scheme,
                      const EmMonthFigures *figures,
                      const char           *language)
{
  g_return_val_if_fail (EM_IS_SCHEME (scheme), NULL);
  g_return_val_if_fail (figures != NULL, NULL);

  if (figures->grade < 0)
    return NULL;
  return em_scheme_dup_grade_title (scheme, figures->grade, language);
}

/* Orders two values of one metric, exactly (fractions cross-multiplied);
 * no data comes before any value.
 */
int
em_figures_compare_metric (const EmMetricValue *a,
                           const EmMetricValue *b)
{
  gboolean a_known = a->known && a->den > 0;
  gboolean b_known = b->known && b->den > 0;
  gint64 left, right;

  if (!a_known || !b_known)
    return a_known - b_known;

  left = a->num * b->den;
  right = b->num * a->den;
  return left < right ? -1 : left > right ? 1 : 0;
}

static void
em_figures_row_finalize (GObject *object)
{
  EmFiguresRow *self = (EmFiguresRow *) object;

  g_clear_object (&self->report);

  G_OBJECT_CLASS (em_figures_row_parent_class)->finalize (object);
}

static void
em_figures_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EmFiguresRow *self = EM_FIGURES_ROW (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->figures->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->figures->name);
      break;

    case PROP_TEAM:
      g_value_set_string (value, self->figures->team);
      break;

    case PROP_RANK:
      g_value_set_uint (value, self->rank);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_figures_row_class_init (EmFiguresRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = em_figures_row_finalize;
  object_class->get_property = em_figures_row_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEAM] =
    g_param_spec_string ("team", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RANK] =
    g_param_spec_uint ("rank", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
em_figures_row_init (EmFiguresRow *self)
{
}

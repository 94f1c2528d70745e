/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "em-chart-private.h"

/* EmChart draws line, column and bar series over category labels, the way
 * Sysprof draws its charts: the data is normalised when it changes and the
 * geometry (an EmChartLayout) is computed when the size or the font
 * changes; snapshot then only appends prepared rectangles, one cairo node
 * for the lines and the prepared Pango layouts. Colours are looked up from
 * the style when it changes, so dark mode follows the desktop. The same
 * layout code draws the chart on a cairo_t for PNG and print output.
 */

struct _EmChart
{
  GtkWidget             parent_instance;

  EmChartData          *data;
  EmChartLayout        *layout;
  EmChartPalette        palette;
  PangoFontDescription *font;
  char                 *summary;
};

G_DEFINE_FINAL_TYPE (EmChart, em_chart, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (EmChartKind, em_chart_kind,
                    G_DEFINE_ENUM_VALUE (EM_CHART_LINE, "line"),
                    G_DEFINE_ENUM_VALUE (EM_CHART_COLUMN, "column"),
                    G_DEFINE_ENUM_VALUE (EM_CHART_BAR, "bar"))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_EMPTY_TEXT,
  PROP_SHOW_VALUES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Data ----------------------------------------------------------------- */

static void
append_value_list (GString           *summary,
                   const EmChartData *data,
                   guint              series)
{
  for (guint i = 0; i < data->categories->len; i++)
    {
      double v = em_chart_data_get_value (data, series, i);
      g_autofree char *value = isfinite (v) ? em_chart_format_value (v) : g_strdup (_("no data"));

      g_string_append_printf (summary, "%s%s %s", i > 0 ? ", " : "",
                              (const char *) g_ptr_array_index (data->categories, i), value);
    }
}

/* What a screen reader says instead of showing the picture: every value
 * of every series, then the reference lines.
 */
static char *
build_summary (const EmChartData *data)
{
  GString *summary;

  if (data->empty)
    return g_strdup (data->empty_text != NULL ? data->empty_text : _("No data"));

  summary = g_string_new (NULL);
  for (guint s = 0; s < data->series->len; s++)
    {
      const EmChartSeries *series = g_ptr_array_index (data->series, s);

      if (s > 0)
        g_string_append_c (summary, '\n');
      g_string_append_printf (summary, "%s: ", series->name != NULL ? series->name : _("Value"));
      append_value_list (summary, data, s);
    }

  for (guint r = 0; r < data->references->len; r++)
    {
      const EmChartReference *ref = &g_array_index (data->references, EmChartReference, r);
      g_autofree char *value = em_chart_format_value (ref->value);

      g_string_append_c (summary, '\n');
      /* Translators: a horizontal line across a chart, e.g. "Pass mark: 60" */
      g_string_append_printf (summary, _("%s: %s (reference line)"),
                              ref->label != NULL ? ref->label : _("Reference"), value);
    }

  return g_string_free (summary, FALSE);
}

static void
update_accessible (EmChart *self)
{
  const char *title = self->data->title;

  g_free (self->summary);
  self->summary = build_summary (self->data);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL && title[0] != '\0' ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

static void
em_chart_invalidate_layout (EmChart *self)
{
  g_clear_pointer (&self->layout, em_chart_layout_free);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Everything that depends on the data alone is redone here, never in
 * snapshot.
 */
static void
em_chart_data_changed (EmChart *self)
{
  em_chart_data_normalise (self->data);
  update_accessible (self);
  em_chart_invalidate_layout (self);
}

/* Style ---------------------------------------------------------------- */

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         factor)
{
  GdkRGBA result = *color;

  result.alpha *= factor;
  return result;
}

static void
update_palette (EmChart *self)
{
  static const char *series_colors[EM_CHART_N_COLORS] = {
    "accent_color", "orange_3", "green_4", "purple_3", "red_3", "brown_3",
  };
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA foreground;

  /* The print palette stays where the theme defines no such colour. */
  em_chart_palette_init_print (&self->palette);
  gtk_style_context_get_color (style, &foreground);
  self->palette.foreground = foreground;
  self->palette.dim = with_alpha (&foreground, 0.7);
  self->palette.grid = with_alpha (&foreground, 0.1);
  self->palette.axis = with_alpha (&foreground, 0.45);
  gtk_style_context_lookup_color (style, "error_color", &self->palette.reference);
  for (guint i = 0; i < EM_CHART_N_COLORS; i++)
    gtk_style_context_lookup_color (style, series_colors[i], &self->palette.series[i]);
}

static void
em_chart_css_changed (GtkWidget         *widget,
                      GtkCssStyleChange *change)
{
  EmChart *self = EM_CHART (widget);
  const PangoFontDescription *font;

  GTK_WIDGET_CLASS (em_chart_parent_class)->css_changed (widget, change);

  update_palette (self);

  /* Hover and focus also change the CSS; only a new font moves things. */
  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (self->font == NULL || font == NULL || !pango_font_description_equal (font, self->font))
    {
      g_clear_pointer (&self->font, pango_font_description_free);
      self->font = font != NULL ? pango_font_description_copy (font) : NULL;
      em_chart_invalidate_layout (self);
    }
  else
    gtk_widget_queue_draw (widget);
}

static void
em_chart_system_setting_changed (GtkWidget         *widget,
                                 GtkSystemSetting   setting)
{
  GTK_WIDGET_CLASS (em_chart_parent_class)->system_setting_changed (widget, setting);

  em_chart_invalidate_layout (EM_CHART (widget));
}

/* GtkWidget ------------------------------------------------------------ */

static void
em_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  EmChart *self = EM_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 480;
    }
  else if (self->data->horizontal && !self->data->empty)
    {
      /* A bar chart is as tall as its list of categories. */
      *minimum = 120;
      *natural = MAX (240, 80 + 30 * (int) self->data->categories->len);
    }
  else
    {
      *minimum = 120;
      *natural = 280;
    }
}

static void
em_chart_size_allocate (GtkWidget *widget,
                        int        width,
                        int        height,
                        int        baseline)
{
  EmChart *self = EM_CHART (widget);

  g_clear_pointer (&self->layout, em_chart_layout_free);
  self->layout = em_chart_layout_new (self->data, gtk_widget_get_pango_context (widget),
                                      width, height);
}

static void
append_rects (GtkSnapshot   *snapshot,
              GArray        *rects,
              const GdkRGBA *color)
{
  for (guint i = 0; i < rects->len; i++)
    gtk_snapshot_append_color (snapshot, color, &g_array_index (rects, graphene_rect_t, i));
}

static void
append_bars (GtkSnapshot          *snapshot,
             GArray               *bars,
             const EmChartPalette *palette)
{
  for (guint i = 0; i < bars->len; i++)
    {
      const EmChartBar *bar = &g_array_index (bars, EmChartBar, i);

      gtk_snapshot_append_color (snapshot, &palette->series[bar->series % EM_CHART_N_COLORS],
                                 &bar->area);
    }
}

static void
em_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  EmChart *self = EM_CHART (widget);
  const EmChartLayout *layout = self->layout;

  if (layout == NULL)
    return;

  append_rects (snapshot, layout->grid, &self->palette.grid);
  append_bars (snapshot, layout->bars, &self->palette);
  append_rects (snapshot, layout->axes, &self->palette.axis);

  if (em_chart_layout_has_strokes (layout))
    {
      graphene_rect_t bounds = em_chart_layout_stroke_bounds (layout);
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

      em_chart_layout_draw_strokes (layout, self->data, &self->palette, cr);
      cairo_destroy (cr);
    }

  append_bars (snapshot, layout->swatches, &self->palette);

  for (guint i = 0; i < layout->texts->len; i++)
    {
      const EmChartText *text = &g_array_index (layout->texts, EmChartText, i);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &text->origin);
      gtk_snapshot_append_layout (snapshot, text->layout,
                                  em_chart_palette_get_ink (&self->palette, text->ink));
      gtk_snapshot_restore (snapshot);
    }
}

static gboolean
em_chart_query_tooltip (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard_mode,
                        GtkTooltip *tooltip)
{
  EmChart *self = EM_CHART (widget);
  g_autoptr(GString) markup = NULL;
  g_autofree char *category = NULL;
  int i;

  if (self->layout == NULL || (i = em_chart_layout_category_at (self->layout, x, y)) < 0)
    return FALSE;

  category = g_markup_escape_text (g_ptr_array_index (self->data->categories, i), -1);
  markup = g_string_new (NULL);
  g_string_append_printf (markup, "<b>%s</b>", category);

  for (guint s = 0; s < self->data->series->len; s++)
    {
      const EmChartSeries *series = g_ptr_array_index (self->data->series, s);
      double v = em_chart_data_get_value (self->data, s, i);
      g_autofree char *value = isfinite (v) ? em_chart_format_value (v) : g_strdup (_("no data"));
      g_autofree char *name = g_markup_escape_text (series->name ? series->name : _("Value"), -1);

      g_string_append_printf (markup, "\n%s: %s", name, value);
    }

  gtk_tooltip_set_markup (tooltip, markup->str);
  return TRUE;
}

/* GObject -------------------------------------------------------------- */

static void
em_chart_finalize (GObject *object)
{
  EmChart *self = (EmChart *) object;

  g_clear_pointer (&self->layout, em_chart_layout_free);
  g_clear_pointer (&self->data, em_chart_data_free);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (em_chart_parent_class)->finalize (object);
}

static void
em_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  EmChart *self = EM_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->data->title);
      break;

    case PROP_EMPTY_TEXT:
      g_value_set_string (value, em_chart_get_empty_text (self));
      break;

    case PROP_SHOW_VALUES:
      g_value_set_boolean (value, self->data->show_values);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  EmChart *self = EM_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      em_chart_set_title (self, g_value_get_string (value));
      break;

    case PROP_EMPTY_TEXT:
      em_chart_set_empty_text (self, g_value_get_string (value));
      break;

    case PROP_SHOW_VALUES:
      em_chart_set_show_values (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
em_chart_class_init (EmChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = em_chart_finalize;
  object_class->get_property = em_chart_get_property;
  object_class->set_property = em_chart_set_property;

  widget_class->measure = em_chart_measure;
  widget_class->size_allocate = em_chart_size_allocate;
  widget_class->snapshot = em_chart_snapshot;
  widget_class->css_changed = em_chart_css_changed;
  widget_class->system_setting_changed = em_chart_system_setting_changed;
  widget_class->query_tooltip = em_chart_query_tooltip;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_EMPTY_TEXT] =
    g_param_spec_string ("empty-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHOW_VALUES] =
    g_param_spec_boolean ("show-values", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
em_chart_init (EmChart *self)
{
  self->data = em_chart_data_new ();
  em_chart_palette_init_print (&self->palette);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  update_accessible (self);
}

/* Public API ----------------------------------------------------------- */

GtkWidget *
em_chart_new (void)
{
  return g_object_new (EM_TYPE_CHART, NULL);
}

const char *
em_chart_get_title (EmChart *self)
{
  g_return_val_if_fail (EM_IS_CHART (self), NULL);

  return self->data->title;
}

void
em_chart_set_title (EmChart    *self,
                    const char *title)
{
  g_return_if_fail (EM_IS_CHART (self));

  if (g_strcmp0 (title, self->data->title) == 0)
    return;

  g_free (self->data->title);
  self->data->title = g_strdup (title);
  update_accessible (self);
  em_chart_invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* Returns: the text shown when there is nothing to chart. */
const char *
em_chart_get_empty_text (EmChart *self)
{
  g_return_val_if_fail (EM_IS_CHART (self), NULL);

  return self->data->empty_text != NULL ? self->data->empty_text : _("No data");
}

void
em_chart_set_empty_text (EmChart    *self,
                         const char *empty_text)
{
  g_return_if_fail (EM_IS_CHART (self));

  if (g_strcmp0 (empty_text, self->data->empty_text) == 0)
    return;

  g_free (self->data->empty_text);
  self->data->empty_text = g_strdup (empty_text);
  em_chart_data_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY_TEXT]);
}

gboolean
em_chart_get_show_values (EmChart *self)
{
  g_return_val_if_fail (EM_IS_CHART (self), FALSE);

  return self->data->show_values;
}

/* Writes each bar's value at its end. Lines never carry labels. */
void
em_chart_set_show_values (EmChart  *self,
                          gboolean  show_values)
{
  g_return_if_fail (EM_IS_CHART (self));

  show_values = !!show_values;
  if (show_values == self->data->show_values)
    return;

  self->data->show_values = show_values;
  em_chart_invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_VALUES]);
}

/**
 * em_chart_set_categories:
 * @labels: (array zero-terminated=1) (nullable): the category labels,
 *   e.g. months ("2026-06") or agent names
 *
 * Series values are matched to categories by index; a series shorter than
 * the categories has no data for the rest.
 */
void
em_chart_set_categories (EmChart            *self,
                         const char * const *labels)
{
  g_return_if_fail (EM_IS_CHART (self));

  g_ptr_array_set_size (self->data->categories, 0);
  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    g_ptr_array_add (self->data->categories, g_strdup (labels[i]));

  em_chart_data_changed (self);
}

guint
em_chart_get_n_categories (EmChart *self)
{
  g_return_val_if_fail (EM_IS_CHART (self), 0);

  return self->data->categories->len;
}

/**
 * em_chart_add_series:
 * @name: (nullable): shown in the legend and the tooltip
 * @values: (array length=n_values): one value per category; NaN for no data
 *
 * Horizontal bars (%EM_CHART_BAR) cannot be mixed with lines or columns.
 *
 * Returns: the index of the new series, or %G_MAXUINT if it was refused
 */
guint
em_chart_add_series (EmChart      *self,
                     const char   *name,
                     EmChartKind   kind,
                     const double *values,
                     guint         n_values)
{
  EmChartSeries *series;

  g_return_val_if_fail (EM_IS_CHART (self), G_MAXUINT);
  g_return_val_if_fail (values != NULL || n_values == 0, G_MAXUINT);
  g_return_val_if_fail (kind <= EM_CHART_BAR, G_MAXUINT);
  g_return_val_if_fail (self->data->series->len == 0 ||
                        (kind == EM_CHART_BAR) == self->data->horizontal, G_MAXUINT);

  series = g_new0 (EmChartSeries, 1);
  series->name = g_strdup (name);
  series->kind = kind;
  series->values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_values);
  g_array_append_vals (series->values, values, n_values);
  g_ptr_array_add (self->data->series, series);

  em_chart_data_changed (self);

  return self->data->series->len - 1;
}

guint
em_chart_get_n_series (EmChart *self)
{
  g_return_val_if_fail (EM_IS_CHART (self), 0);

  return self->data->series->len;
}

/* Returns: the label of @category, as given */
const char *
em_chart_get_category (EmChart *self,
                       guint    category)
{
  g_return_val_if_fail (EM_IS_CHART (self), NULL);
  g_return_val_if_fail (category < self->data->categories->len, NULL);

  return g_ptr_array_index (self->data->categories, category);
}

/* Returns: (nullable): the name of @series, as given */
const char *
em_chart_get_series_name (EmChart *self,
                          guint    series)
{
  g_return_val_if_fail (EM_IS_CHART (self), NULL);
  g_return_val_if_fail (series < self->data->series->len, NULL);

  return ((EmChartSeries *) g_ptr_array_index (self->data->series, series))->name;
}

/* Returns: the value of @series at @category as given, NaN for no data */
double
em_chart_get_value (EmChart *self,
                    guint    series,
                    guint    category)
{
  g_return_val_if_fail (EM_IS_CHART (self), NAN);
  g_return_val_if_fail (series < self->data->series->len, NAN);

  return em_chart_data_get_value (self->data, series, category);
}

guint
em_chart_get_n_reference_lines (EmChart *self)
{
  g_return_val_if_fail (EM_IS_CHART (self), 0);

  return self->data->references->len;
}

double
em_chart_get_reference_value (EmChart *self,
                              guint    index)
{
  g_return_val_if_fail (EM_IS_CHART (self), NAN);
  g_return_val_if_fail (index < self->data->references->len, NAN);

  return g_array_index (self->data->references, EmChartReference, index).value;
}

/**
 * em_chart_add_reference_line:
 * @label: (nullable): e.g. "Pass mark 60"
 *
 * Draws a dashed line across the plot at @value (a grade threshold, a
 * target). The automatic range widens to include it.
 */
void
em_chart_add_reference_line (EmChart    *self,
                             double      value,
                             const char *label)
{
  EmChartReference ref;

  g_return_if_fail (EM_IS_CHART (self));
  g_return_if_fail (isfinite (value));

  ref.value = value;
  ref.label = g_strdup (label);
  g_array_append_val (self->data->references, ref);

  em_chart_data_changed (self);
}

/* Removes categories, series and reference lines, keeping the settings. */
void
em_chart_clear (EmChart *self)
{
  g_return_if_fail (EM_IS_CHART (self));

  em_chart_data_clear (self->data);
  em_chart_data_changed (self);
}

/* Fixes the value axis to [@min, @max] (e.g. 0–100 for scores); values
 * outside it are clipped.
 */
void
em_chart_set_y_range (EmChart *self,
                      double   min,
                      double   max)
{
  g_return_if_fail (EM_IS_CHART (self));
  g_return_if_fail (isfinite (min) && isfinite (max) && min < max);

  self->data->fixed_range = TRUE;
  self->data->fixed_min = min;
  self->data->fixed_max = max;
  em_chart_invalidate_layout (self);
}

/* Back to a range that fits the data, with round tick values. */
void
em_chart_unset_y_range (EmChart *self)
{
  g_return_if_fail (EM_IS_CHART (self));

  self->data->fixed_range = FALSE;
  em_chart_invalidate_layout (self);
}

/**
 * em_chart_get_axis_range:
 *
 * The range of the value axis as laid out for the current size.
 *
 * Returns: %FALSE if the chart is empty or not laid out yet
 */
gboolean
em_chart_get_axis_range (EmChart *self,
                         double  *min,
                         double  *max)
{
  g_return_val_if_fail (EM_IS_CHART (self), FALSE);

  if (self->layout == NULL || self->layout->empty)
    return FALSE;

  if (min != NULL)
    *min = self->layout->axis_min;
  if (max != NULL)
    *max = self->layout->axis_max;

  return TRUE;
}

/* Returns: the text description of the data given to assistive technologies. */
const char *
em_chart_get_summary (EmChart *self)
{
  g_return_val_if_fail (EM_IS_CHART (self), NULL);

  return self->summary;
}

/**
 * em_chart_get_bar_area:
 *
 * Where the bar of @series at @category is, in widget coordinates.
 *
 * Returns: %FALSE if there is no such bar (a line series, no data, or the
 *   chart is not laid out yet)
 */
gboolean
em_chart_get_bar_area (EmChart         *self,
                       guint            series,
                       guint            category,
                       graphene_rect_t *area)
{
  g_return_val_if_fail (EM_IS_CHART (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (self->layout == NULL)
    return FALSE;

  for (guint i = 0; i < self->layout->bars->len; i++)
    {
      const EmChartBar *bar = &g_array_index (self->layout->bars, EmChartBar, i);

      if (bar->series == series && bar->category == category)
        {
          *area = bar->area;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * em_chart_get_point:
 *
 * Where the line @series passes at @category, in widget coordinates.
 *
 * Returns: %FALSE if there is no point there (not a line, or no data)
 */
gboolean
em_chart_get_point (EmChart          *self,
                    guint             series,
                    guint             category,
                    graphene_point_t *point)
{
  const EmChartLayout *layout;
  const graphene_point_t *p;

  g_return_val_if_fail (EM_IS_CHART (self), FALSE);
  g_return_val_if_fail (point != NULL, FALSE);

  layout = self->layout;
  if (layout == NULL || series >= layout->n_series || category >= layout->n_categories)
    return FALSE;

  p = &g_array_index (layout->points, graphene_point_t, series * layout->n_categories + category);
  if (isnan (p->x))
    return FALSE;

  *point = *p;
  return TRUE;
}

/**
 * em_chart_draw:
 * @cr: where to draw; the chart occupies (0, 0, @width, @height)
 *
 * Draws the chart in dark ink for a light page (reports and print), in
 * the widget's font, whatever the desktop's colour scheme. Nothing is
 * drawn behind it.
 */
void
em_chart_draw (EmChart *self,
               cairo_t *cr,
               int      width,
               int      height)
{
  PangoContext *widget_context;
  PangoContext *context;
  g_autoptr(EmChartLayout) layout = NULL;
  EmChartPalette palette;

  g_return_if_fail (EM_IS_CHART (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);

  widget_context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  context = pango_cairo_create_context (cr);
  pango_context_set_font_description (context, pango_context_get_font_description (widget_context));
  pango_cairo_context_set_resolution (context, pango_cairo_context_get_resolution (widget_context));

  em_chart_palette_init_print (&palette);
  layout = em_chart_layout_new (self->data, context, width, height);
  em_chart_layout_draw (layout, self->data, &palette, cr);
  g_object_unref (context);
}

/**
 * em_chart_render_png:
 *
 * Writes the chart, @width × @height pixels on a white background, as a
 * PNG file at @path.
 */
gboolean
em_chart_render_png (EmChart     *self,
                     int          width,
                     int          height,
                     const char  *path,
                     GError     **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (EM_IS_CHART (self), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  em_chart_draw (self, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the chart image “%s”: %s"),
                   display, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

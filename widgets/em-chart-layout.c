/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "em-chart-private.h"

/* Geometry of a chart for one size: where every bar, point, hairline and
 * text goes. It is computed when the data or the size changes, so that
 * drawing (the widget's snapshot, or a cairo_t for a PNG) is a plain loop
 * over prepared rectangles, points and Pango layouts.
 */

#define PAD            8.0
#define LABEL_GAP      6.0
#define SWATCH         10.0
#define LINE_KEY       16.0
#define MAX_BAR        48.0
#define MAX_HBAR       26.0
#define MARKER_RADIUS  3.5
#define MAX_MARKERS    24

/* EmChartData ---------------------------------------------------------- */

static void
series_free (gpointer data)
{
  EmChartSeries *series = data;

  g_free (series->name);
  g_array_unref (series->values);
  g_free (series);
}

static void
reference_clear (gpointer data)
{
  EmChartReference *reference = data;

  g_clear_pointer (&reference->label, g_free);
}

EmChartData *
em_chart_data_new (void)
{
  EmChartData *data = g_new0 (EmChartData, 1);

  data->categories = g_ptr_array_new_with_free_func (g_free);
  data->series = g_ptr_array_new_with_free_func (series_free);
  data->references = g_array_new (FALSE, FALSE, sizeof (EmChartReference));
  g_array_set_clear_func (data->references, reference_clear);
  em_chart_data_normalise (data);

  return data;
}

void
em_chart_data_free (EmChartData *data)
{
  if (data == NULL)
    return;

  g_ptr_array_unref (data->categories);
  g_ptr_array_unref (data->series);
  g_array_unref (data->references);
  g_free (data->title);
  g_free (data->empty_text);
  g_free (data);
}

/* Drops categories, series and reference lines; the title, the empty
 * text and the y range are settings, not data, and stay.
 */
void
em_chart_data_clear (EmChartData *data)
{
  g_ptr_array_set_size (data->categories, 0);
  g_ptr_array_set_size (data->series, 0);
  g_array_set_size (data->references, 0);
  em_chart_data_normalise (data);
}

double
em_chart_data_get_value (const EmChartData *data,
                         guint              series,
                         guint              category)
{
  const EmChartSeries *s = g_ptr_array_index (data->series, series);

  if (category >= s->values->len || category >= data->categories->len)
    return NAN;

  return g_array_index (s->values, double, category);
}

void
em_chart_data_normalise (EmChartData *data)
{
  guint n = data->categories->len;
  double lo = INFINITY;
  double hi = -INFINITY;

  data->n_bar_series = 0;
  data->horizontal = FALSE;

  for (guint s = 0; s < data->series->len; s++)
    {
      EmChartSeries *series = g_ptr_array_index (data->series, s);

      if (series->kind != EM_CHART_LINE)
        series->slot = data->n_bar_series++;
      if (series->kind == EM_CHART_BAR)
        data->horizontal = TRUE;

      for (guint i = 0; i < n; i++)
        {
          double v = em_chart_data_get_value (data, s, i);

          if (isfinite (v))
            {
              lo = MIN (lo, v);
              hi = MAX (hi, v);
            }
        }
    }

  data->empty = n == 0 || lo > hi;
  if (data->empty)
    {
      data->data_min = 0;
      data->data_max = 1;
      return;
    }

  /* Bars grow from zero, so zero must be on the axis. */
  if (data->n_bar_series > 0)
    {
      lo = MIN (lo, 0);
      hi = MAX (hi, 0);
    }

  for (guint r = 0; r < data->references->len; r++)
    {
      double v = g_array_index (data->references, EmChartReference, r).value;

      lo = MIN (lo, v);
      hi = MAX (hi, v);
    }

  data->data_min = lo;
  data->data_max = hi;
}

/* Values as a person writes them: 92.5, 88, 87.25 (no trailing zeros). */
char *
em_chart_format_value (double value)
{
  char *text;
  char *end;

  if (fabs (value) < 0.005)
    value = 0;

  text = g_strdup_printf ("%.2f", value);
  end = text + strlen (text) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';

  return text;
}

/* EmChartPalette ------------------------------------------------------- */

/* Dark ink for a white page: what PNG and print output use whatever the
 * desktop's colour scheme, since reports end up on paper or in documents.
 */
void
em_chart_palette_init_print (EmChartPalette *palette)
{
  static const char *series[EM_CHART_N_COLORS] = {
    "#3584e4", "#ff7800", "#2ec27e", "#9141ac", "#e01b24", "#986a44",
  };

  gdk_rgba_parse (&palette->foreground, "rgba(0,0,0,0.8)");
  gdk_rgba_parse (&palette->dim, "rgba(0,0,0,0.55)");
  gdk_rgba_parse (&palette->grid, "rgba(0,0,0,0.1)");
  gdk_rgba_parse (&palette->axis, "rgba(0,0,0,0.45)");
  gdk_rgba_parse (&palette->reference, "#c01c28");
  for (guint i = 0; i < EM_CHART_N_COLORS; i++)
    gdk_rgba_parse (&palette->series[i], series[i]);
}

const GdkRGBA *
em_chart_palette_get_ink (const EmChartPalette *palette,
                          EmChartInk            ink)
{
  switch (ink)
    {
    case EM_CHART_INK_DIM:
      return &palette->dim;
    case EM_CHART_INK_REFERENCE:
      return &palette->reference;
    case EM_CHART_INK_FOREGROUND:
    default:
      return &palette->foreground;
    }
}

/* Axis ----------------------------------------------------------------- */

static guint
count_ticks (double   lo,
             double   hi,
             double   step,
             gboolean fixed)
{
  /* An automatic axis grows to whole steps; a fixed one does not. */
  if (fixed)
    return (guint) (floor (hi / step + 1e-9) - ceil (lo / step - 1e-9)) + 1;

  return (guint) (ceil (hi / step - 1e-9) - floor (lo / step + 1e-9)) + 1;
}

/* A step of 1, 2 or 5 × 10ⁿ, so that tick labels read at a glance (75, 80,
 * 85 rather than 77.5, 80.0, 82.5): of those giving between @target and
 * half as many again, the one whose axis fits the data most tightly.
 */
static double
nice_step (double   lo,
           double   hi,
           guint    target,
           gboolean fixed)
{
  static const double factors[] = { 1, 2, 5, 10 };
  double magnitude = pow (10, floor (log10 ((hi - lo) / MAX (target, 1))));
  double best = 0;
  double best_waste = G_MAXDOUBLE;

  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    {
      double step = factors[i] * magnitude;
      guint n = count_ticks (lo, hi, step, fixed);
      double span = fixed ? hi - lo : (n - 1) * step;
      double waste = 1 - (hi - lo) / span;

      /* Ascending steps: on a tie, the larger (fewer lines) wins. */
      if (n >= target && n <= target + target / 2 + 1 && waste <= best_waste + 1e-9)
        {
          best = step;
          best_waste = waste;
        }
    }
  if (best > 0)
    return best;

  for (guint i = G_N_ELEMENTS (factors); i > 0; i--)
    if (count_ticks (lo, hi, factors[i - 1] * magnitude, fixed) >= target)
      return factors[i - 1] * magnitude;

  return magnitude;
}

static void
compute_axis (const EmChartData *data,
              guint              target,
              double            *min,
              double            *max,
              double            *step)
{
  double lo = data->fixed_range ? data->fixed_min : data->data_min;
  double hi = data->fixed_range ? data->fixed_max : data->data_max;

  if (hi - lo < 1e-9)
    {
      double pad = MAX (fabs (hi) * 0.1, 1);

      if (lo != 0 || data->n_bar_series == 0)
        lo -= pad;
      hi += pad;
    }

  *step = nice_step (lo, hi, target, data->fixed_range);
  if (data->fixed_range)
    {
      *min = lo;
      *max = hi;
      return;
    }

  *min = floor (lo / *step + 1e-9) * *step;
  *max = ceil (hi / *step - 1e-9) * *step;
}

static char *
format_tick (double value,
             double step)
{
  guint decimals = 0;

  while (decimals < 4)
    {
      double scaled = step * pow (10, decimals);

      if (fabs (scaled - round (scaled)) < 1e-6)
        break;
      decimals++;
    }
  if (fabs (value) < step * 1e-6)
    value = 0;

  return g_strdup_printf ("%.*f", (int) decimals, value);
}

static double
value_pos (const EmChartLayout *self,
           double               value)
{
  double f = (value - self->axis_min) / (self->axis_max - self->axis_min);

  if (self->horizontal)
    return self->plot.origin.x + self->plot.size.width * f;

  return self->plot.origin.y + self->plot.size.height * (1 - f);
}

static double
band_size (const EmChartLayout *self)
{
  if (self->horizontal)
    return self->plot.size.height / self->n_categories;

  return self->plot.size.width / self->n_categories;
}

/* Texts ---------------------------------------------------------------- */

static void
text_clear (gpointer data)
{
  EmChartText *text = data;

  g_clear_object (&text->layout);
}

static PangoLayout *
make_text (PangoContext *context,
           const char   *text,
           gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_text (layout, text, -1);
  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

/* Takes a reference to @text. */
static void
place_text (EmChartLayout *self,
            PangoLayout   *text,
            double         x,
            double         y,
            EmChartInk     ink)
{
  EmChartText placed = { g_object_ref (text), GRAPHENE_POINT_INIT (round (x), round (y)), ink };

  g_array_append_val (self->texts, placed);
}

static double
line_height (PangoContext *context)
{
  g_autoptr(PangoLayout) probe = make_text (context, "0", FALSE);
  double height;

  text_size (probe, NULL, &height);
  return height;
}

/* Layout --------------------------------------------------------------- */

static void
add_hairline (GArray *array,
              double  x,
              double  y,
              double  width,
              double  height)
{
  graphene_rect_t rect = GRAPHENE_RECT_INIT (floor (x), floor (y), width, height);

  g_array_append_val (array, rect);
}

static double
layout_title (EmChartLayout     *self,
              const EmChartData *data,
              PangoContext      *context,
              double             top)
{
  g_autoptr(PangoLayout) title = NULL;
  double height;

  if (data->title == NULL || data->title[0] == '\0')
    return top;

  title = make_text (context, data->title, TRUE);
  pango_layout_set_width (title, MAX (self->width - 2 * PAD, 1) * PANGO_SCALE);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
  text_size (title, NULL, &height);
  place_text (self, title, PAD, top, EM_CHART_INK_FOREGROUND);

  return top + height + LABEL_GAP;
}

static void
layout_empty (EmChartLayout     *self,
              const EmChartData *data,
              PangoContext      *context,
              double             top)
{
  const char *message = data->empty_text != NULL ? data->empty_text : _("No data");
  g_autoptr(PangoLayout) text = make_text (context, message, FALSE);
  double width, height;

  pango_layout_set_width (text, MAX (self->width - 2 * PAD, 1) * PANGO_SCALE);
  pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
  text_size (text, &width, &height);
  place_text (self, text, PAD, top + MAX (0, (self->height - top - height) / 2), EM_CHART_INK_DIM);
}

static double
layout_legend (EmChartLayout     *self,
               const EmChartData *data,
               PangoContext      *context,
               double             top)
{
  double row = line_height (context);
  double x = PAD;

  if (data->series->len < 2)
    return top;

  for (guint s = 0; s < data->series->len; s++)
    {
      const EmChartSeries *series = g_ptr_array_index (data->series, s);
      g_autoptr(PangoLayout) name = make_text (context, series->name ? series->name : "", FALSE);
      double key = series->kind == EM_CHART_LINE ? LINE_KEY : SWATCH;
      double key_height = series->kind == EM_CHART_LINE ? 3 : SWATCH;
      EmChartBar swatch;
      double width;

      text_size (name, &width, NULL);
      if (x > PAD && x + key + 4 + width > self->width - PAD)
        {
          x = PAD;
          top += row + 2;
        }

      swatch.area = GRAPHENE_RECT_INIT (x, round (top + (row - key_height) / 2), key, key_height);
      swatch.series = s;
      swatch.category = 0;
      g_array_append_val (self->swatches, swatch);
      place_text (self, name, x + key + 4, top, EM_CHART_INK_FOREGROUND);
      x += key + 4 + width + 16;
    }

  return top + row + LABEL_GAP;
}

/* Tick labels for the value axis, made before the plot is placed because
 * their widths decide the margin.
 */
static GPtrArray *
make_ticks (EmChartLayout *self,
            PangoContext  *context,
            double         step,
            GArray        *values,
            double        *max_width)
{
  GPtrArray *ticks = g_ptr_array_new_with_free_func (g_object_unref);
  double first = ceil (self->axis_min / step - 1e-9) * step;

  *max_width = 0;
  for (guint k = 0; first + k * step <= self->axis_max + step * 1e-6 && k < 100; k++)
    {
      double v = first + k * step;
      g_autofree char *label = format_tick (v, step);
      PangoLayout *text = make_text (context, label, FALSE);
      double width;

      text_size (text, &width, NULL);
      *max_width = MAX (*max_width, width);
      g_ptr_array_add (ticks, text);
      g_array_append_val (values, v);
    }

  return ticks;
}

static void
layout_references (EmChartLayout     *self,
                   const EmChartData *data,
                   PangoContext      *context)
{
  const graphene_rect_t *plot = &self->plot;

  for (guint r = 0; r < data->references->len; r++)
    {
      const EmChartReference *ref = &g_array_index (data->references, EmChartReference, r);
      double pos = value_pos (self, ref->value);
      g_autoptr(PangoLayout) label = NULL;
      EmChartSegment segment;
      double width, height;

      if (ref->value < self->axis_min || ref->value > self->axis_max)
        continue;

      if (self->horizontal)
        segment = (EmChartSegment) { GRAPHENE_POINT_INIT (pos, plot->origin.y),
                                     GRAPHENE_POINT_INIT (pos, plot->origin.y + plot->size.height) };
      else
        segment = (EmChartSegment) { GRAPHENE_POINT_INIT (plot->origin.x, pos),
                                     GRAPHENE_POINT_INIT (plot->origin.x + plot->size.width, pos) };
      g_array_append_val (self->references, segment);

      if (ref->label == NULL || ref->label[0] == '\0')
        continue;

      label = make_text (context, ref->label, FALSE);
      text_size (label, &width, &height);
      if (self->horizontal)
        place_text (self, label, pos + 3, plot->origin.y, EM_CHART_INK_REFERENCE);
      else if (pos - height - 1 >= plot->origin.y)
        place_text (self, label, plot->origin.x + plot->size.width - width - 2, pos - height - 1,
                    EM_CHART_INK_REFERENCE);
      else
        place_text (self, label, plot->origin.x + plot->size.width - width - 2, pos + 2,
                    EM_CHART_INK_REFERENCE);
    }
}

static void
place_value_label (EmChartLayout         *self,
                   PangoContext          *context,
                   double                 value,
                   const graphene_rect_t *bar)
{
  g_autofree char *label = em_chart_format_value (value);
  g_autoptr(PangoLayout) text = make_text (context, label, FALSE);
  double width, height;

  text_size (text, &width, &height);
  if (self->horizontal)
    place_text (self, text,
                value >= 0 ? bar->origin.x + bar->size.width + 4 : bar->origin.x - width - 4,
                bar->origin.y + (bar->size.height - height) / 2, EM_CHART_INK_FOREGROUND);
  else
    place_text (self, text, bar->origin.x + (bar->size.width - width) / 2,
                value >= 0 ? bar->origin.y - height - 2 : bar->origin.y + bar->size.height + 2,
                EM_CHART_INK_FOREGROUND);
}

/* Bars and columns: one group per category, one slot per bar series. */
static void
layout_bars (EmChartLayout     *self,
             const EmChartData *data,
             PangoContext      *context)
{
  double band = band_size (self);
  guint n_bar = data->n_bar_series;
  double group = MIN (band * 0.7, n_bar * (self->horizontal ? MAX_HBAR : MAX_BAR));
  double thickness = group / MAX (n_bar, 1);
  double gap = n_bar > 1 ? MIN (2, thickness * 0.2) : 0;
  double base = value_pos (self, CLAMP (0, self->axis_min, self->axis_max));
  double start = self->horizontal ? self->plot.origin.y : self->plot.origin.x;

  for (guint s = 0; s < data->series->len; s++)
    {
      const EmChartSeries *series = g_ptr_array_index (data->series, s);

      if (series->kind == EM_CHART_LINE)
        continue;

      for (guint i = 0; i < self->n_categories; i++)
        {
          double v = em_chart_data_get_value (data, s, i);
          double along, pos;
          EmChartBar bar = { .series = s, .category = i };

          if (!isfinite (v))
            continue;

          along = round (start + i * band + (band - group) / 2 + series->slot * thickness + gap / 2);
          pos = round (value_pos (self, CLAMP (v, self->axis_min, self->axis_max)));
          if (self->horizontal)
            bar.area = GRAPHENE_RECT_INIT (MIN (pos, base), along, fabs (pos - base), round (thickness - gap));
          else
            bar.area = GRAPHENE_RECT_INIT (along, MIN (pos, base), round (thickness - gap), fabs (pos - base));
          g_array_append_val (self->bars, bar);

          if (data->show_values)
            place_value_label (self, context, v, &bar.area);
        }
    }
}

static void
layout_points (EmChartLayout     *self,
               const EmChartData *data)
{
  double band = band_size (self);

  for (guint s = 0; s < data->series->len; s++)
    {
      const EmChartSeries *series = g_ptr_array_index (data->series, s);

      if (series->kind != EM_CHART_LINE)
        continue;

      for (guint i = 0; i < self->n_categories; i++)
        {
          double v = em_chart_data_get_value (data, s, i);
          graphene_point_t *point = &g_array_index (self->points, graphene_point_t,
                                                    s * self->n_categories + i);

          if (isfinite (v))
            *point = GRAPHENE_POINT_INIT (self->plot.origin.x + (i + 0.5) * band, value_pos (self, v));
        }
    }
}

static GPtrArray *
make_category_texts (const EmChartData *data,
                     PangoContext      *context,
                     double            *max_width)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_object_unref);

  *max_width = 0;
  for (guint i = 0; i < data->categories->len; i++)
    {
      PangoLayout *text = make_text (context, g_ptr_array_index (data->categories, i), FALSE);
      double width;

      text_size (text, &width, NULL);
      *max_width = MAX (*max_width, width);
      g_ptr_array_add (texts, text);
    }

  return texts;
}

static void
layout_vertical (EmChartLayout     *self,
                 const EmChartData *data,
                 PangoContext      *context,
                 double             top)
{
  double row = line_height (context);
  double plot_top = top + row / 2;
  double plot_bottom = self->height - PAD - row - LABEL_GAP / 2;
  double plot_height = MAX (plot_bottom - plot_top, 1);
  g_autoptr(GArray) tick_values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) ticks = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  double step, tick_width, category_width, left, band;
  guint stride;

  compute_axis (data, CLAMP ((guint) (plot_height / 48), 2, 8), &self->axis_min, &self->axis_max, &step);
  ticks = make_ticks (self, context, step, tick_values, &tick_width);
  left = PAD + tick_width + LABEL_GAP;
  self->plot = GRAPHENE_RECT_INIT (left, plot_top, MAX (self->width - PAD - left, 1), plot_height);

  for (guint k = 0; k < ticks->len; k++)
    {
      double y = value_pos (self, g_array_index (tick_values, double, k));
      double width, height;

      text_size (g_ptr_array_index (ticks, k), &width, &height);
      place_text (self, g_ptr_array_index (ticks, k), left - LABEL_GAP - width, y - height / 2,
                  EM_CHART_INK_DIM);
      add_hairline (self->grid, left, y, self->plot.size.width, 1);
    }
  add_hairline (self->axes, left, value_pos (self, CLAMP (0, self->axis_min, self->axis_max)),
                self->plot.size.width, 1);

  /* Category labels that would collide are thinned out, keeping the last:
   * in a history, the latest month is the one a reader looks for.
   */
  band = band_size (self);
  categories = make_category_texts (data, context, &category_width);
  stride = MAX (1, (guint) ceil ((category_width + 8) / band));
  for (guint k = 0; k < categories->len; k += stride)
    {
      guint i = categories->len - 1 - k;
      PangoLayout *text = g_ptr_array_index (categories, i);
      double width;

      pango_layout_set_width (text, MAX (band * stride - 4, 1) * PANGO_SCALE);
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      text_size (text, &width, NULL);
      place_text (self, text,
                  CLAMP (left + (i + 0.5) * band - width / 2, 0, MAX (self->width - width, 0)),
                  plot_bottom + LABEL_GAP / 2, EM_CHART_INK_DIM);
    }

  layout_bars (self, data, context);
  layout_points (self, data);
  layout_references (self, data, context);
}

static double
value_label_width (const EmChartData *data,
                   PangoContext      *context)
{
  double widest = 0;

  if (!data->show_values)
    return 0;

  for (guint s = 0; s < data->series->len; s++)
    for (guint i = 0; i < data->categories->len; i++)
      {
        double v = em_chart_data_get_value (data, s, i);
        g_autofree char *label = NULL;
        g_autoptr(PangoLayout) text = NULL;
        double width;

        if (!isfinite (v))
          continue;
        label = em_chart_format_value (v);
        text = make_text (context, label, FALSE);
        text_size (text, &width, NULL);
        widest = MAX (widest, width + 4);
      }

  return widest;
}

static void
layout_horizontal (EmChartLayout     *self,
                   const EmChartData *data,
                   PangoContext      *context,
                   double             top)
{
  double row = line_height (context);
  double plot_bottom = self->height - PAD - row - LABEL_GAP / 2;
  double plot_height = MAX (plot_bottom - top, 1);
  g_autoptr(GArray) tick_values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) ticks = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  double step, tick_width, category_width, label_width, left, right, band, last_width = 0;
  guint stride;

  categories = make_category_texts (data, context, &category_width);
  label_width = MIN (category_width, self->width * 0.4);
  left = PAD + label_width + LABEL_GAP;
  right = self->width - PAD - value_label_width (data, context);

  compute_axis (data, CLAMP ((guint) ((right - left) / 80), 2, 8), &self->axis_min, &self->axis_max, &step);
  ticks = make_ticks (self, context, step, tick_values, &tick_width);
  if (ticks->len > 0)
    text_size (g_ptr_array_index (ticks, ticks->len - 1), &last_width, NULL);
  right = MIN (right, self->width - PAD - last_width / 2);
  self->plot = GRAPHENE_RECT_INIT (left, top, MAX (right - left, 1), plot_height);

  for (guint k = 0; k < ticks->len; k++)
    {
      double x = value_pos (self, g_array_index (tick_values, double, k));
      double width;

      text_size (g_ptr_array_index (ticks, k), &width, NULL);
      place_text (self, g_ptr_array_index (ticks, k), x - width / 2, plot_bottom + LABEL_GAP / 2,
                  EM_CHART_INK_DIM);
      add_hairline (self->grid, x, top, 1, plot_height);
    }
  add_hairline (self->axes, value_pos (self, CLAMP (0, self->axis_min, self->axis_max)), top,
                1, plot_height);

  band = band_size (self);
  stride = MAX (1, (guint) ceil ((row + 2) / band));
  for (guint i = 0; i < categories->len; i += stride)
    {
      PangoLayout *text = g_ptr_array_index (categories, i);
      double width, height;

      pango_layout_set_width (text, MAX (label_width, 1) * PANGO_SCALE);
      pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
      text_size (text, &width, &height);
      place_text (self, text, left - LABEL_GAP - width, top + (i + 0.5) * band - height / 2,
                  EM_CHART_INK_FOREGROUND);
    }

  layout_bars (self, data, context);
  layout_references (self, data, context);
}

EmChartLayout *
em_chart_layout_new (const EmChartData *data,
                     PangoContext      *context,
                     int                width,
                     int                height)
{
  EmChartLayout *self = g_new0 (EmChartLayout, 1);
  graphene_point_t none = GRAPHENE_POINT_INIT (NAN, NAN);
  double top;

  self->width = width;
  self->height = height;
  self->horizontal = data->horizontal;
  self->empty = data->empty;
  self->n_categories = data->categories->len;
  self->n_series = data->series->len;
  self->grid = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  self->axes = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  self->bars = g_array_new (FALSE, FALSE, sizeof (EmChartBar));
  self->swatches = g_array_new (FALSE, FALSE, sizeof (EmChartBar));
  self->points = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  self->references = g_array_new (FALSE, FALSE, sizeof (EmChartSegment));
  self->texts = g_array_new (FALSE, FALSE, sizeof (EmChartText));
  g_array_set_clear_func (self->texts, text_clear);
  for (guint i = 0; i < self->n_series * self->n_categories; i++)
    g_array_append_val (self->points, none);

  top = layout_title (self, data, context, PAD);
  if (data->empty)
    {
      layout_empty (self, data, context, top);
      return self;
    }

  top = layout_legend (self, data, context, top);
  if (data->horizontal)
    layout_horizontal (self, data, context, top);
  else
    layout_vertical (self, data, context, top);

  return self;
}

void
em_chart_layout_free (EmChartLayout *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->grid);
  g_array_unref (self->axes);
  g_array_unref (self->bars);
  g_array_unref (self->swatches);
  g_array_unref (self->points);
  g_array_unref (self->references);
  g_array_unref (self->texts);
  g_free (self);
}

gboolean
em_chart_layout_has_strokes (const EmChartLayout *self)
{
  if (self->references->len > 0)
    return TRUE;

  for (guint i = 0; i < self->points->len; i++)
    if (!isnan (g_array_index (self->points, graphene_point_t, i).x))
      return TRUE;

  return FALSE;
}

/* Lines may leave the plot when the y range is fixed; they are clipped
 * to it, with room for the markers on its edges.
 */
graphene_rect_t
em_chart_layout_stroke_bounds (const EmChartLayout *self)
{
  graphene_rect_t bounds;

  graphene_rect_inset_r (&self->plot, -(MARKER_RADIUS + 2), -(MARKER_RADIUS + 2), &bounds);
  return bounds;
}

int
em_chart_layout_category_at (const EmChartLayout *self,
                             double               x,
                             double               y)
{
  double along = self->horizontal ? y - self->plot.origin.y : x - self->plot.origin.x;
  double extent = self->horizontal ? self->plot.size.height : self->plot.size.width;

  if (self->empty || self->n_categories == 0 || along < 0 || along >= extent)
    return -1;

  return MIN ((guint) (along / band_size (self)), self->n_categories - 1);
}

/* Drawing -------------------------------------------------------------- */

static gboolean
is_isolated (const EmChartLayout *self,
             guint                series,
             guint                category)
{
  const graphene_point_t *row = &g_array_index (self->points, graphene_point_t,
                                                series * self->n_categories);

  return (category == 0 || isnan (row[category - 1].x)) &&
         (category + 1 >= self->n_categories || isnan (row[category + 1].x));
}

static void
stroke_series (const EmChartLayout *self,
               guint                series,
               cairo_t             *cr)
{
  const graphene_point_t *row = &g_array_index (self->points, graphene_point_t,
                                                series * self->n_categories);
  gboolean pen_down = FALSE;

  for (guint i = 0; i < self->n_categories; i++)
    {
      if (isnan (row[i].x))
        pen_down = FALSE;
      else if (pen_down)
        cairo_line_to (cr, row[i].x, row[i].y);
      else
        {
          cairo_move_to (cr, row[i].x, row[i].y);
          pen_down = TRUE;
        }
    }
  cairo_stroke (cr);

  for (guint i = 0; i < self->n_categories; i++)
    if (!isnan (row[i].x) && (self->n_categories <= MAX_MARKERS || is_isolated (self, series, i)))
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, row[i].x, row[i].y, MARKER_RADIUS, 0, 2 * G_PI);
      }
  cairo_fill (cr);
}

/* What the widget's single cairo node and the PNG path both draw: the
 * dashed reference lines and the line series with their markers.
 */
void
em_chart_layout_draw_strokes (const EmChartLayout  *self,
                              const EmChartData    *data,
                              const EmChartPalette *palette,
                              cairo_t              *cr)
{
  static const double dash[] = { 5, 4 };
  graphene_rect_t clip = em_chart_layout_stroke_bounds (self);

  cairo_save (cr);
  cairo_rectangle (cr, clip.origin.x, clip.origin.y, clip.size.width, clip.size.height);
  cairo_clip (cr);

  gdk_cairo_set_source_rgba (cr, &palette->reference);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  for (guint r = 0; r < self->references->len; r++)
    {
      const EmChartSegment *segment = &g_array_index (self->references, EmChartSegment, r);

      /* Half-pixel offsets keep a one-pixel line crisp. */
      cairo_move_to (cr, floor (segment->from.x) + 0.5, floor (segment->from.y) + 0.5);
      cairo_line_to (cr, floor (segment->to.x) + 0.5, floor (segment->to.y) + 0.5);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint s = 0; s < self->n_series && s < data->series->len; s++)
    {
      const EmChartSeries *series = g_ptr_array_index (data->series, s);

      if (series->kind != EM_CHART_LINE)
        continue;
      gdk_cairo_set_source_rgba (cr, &palette->series[s % EM_CHART_N_COLORS]);
      stroke_series (self, s, cr);
    }

  cairo_restore (cr);
}

static void
fill_rects (cairo_t       *cr,
            GArray        *rects,
            const GdkRGBA *color)
{
  gdk_cairo_set_source_rgba (cr, color);
  for (guint i = 0; i < rects->len; i++)
    {
      const graphene_rect_t *r = &g_array_index (rects, graphene_rect_t, i);

      cairo_rectangle (cr, r->origin.x, r->origin.y, r->size.width, r->size.height);
    }
  cairo_fill (cr);
}

static void
fill_bars (cairo_t              *cr,
           GArray               *bars,
           const EmChartPalette *palette)
{
  for (guint i = 0; i < bars->len; i++)
    {
      const EmChartBar *bar = &g_array_index (bars, EmChartBar, i);

      gdk_cairo_set_source_rgba (cr, &palette->series[bar->series % EM_CHART_N_COLORS]);
      cairo_rectangle (cr, bar->area.origin.x, bar->area.origin.y,
                       bar->area.size.width, bar->area.size.height);
      cairo_fill (cr);
    }
}

/* The whole chart on a cairo_t, in the order the widget snapshots it. */
void
em_chart_layout_draw (const EmChartLayout  *self,
                      const EmChartData    *data,
                      const EmChartPalette *palette,
                      cairo_t              *cr)
{
  cairo_save (cr);

  fill_rects (cr, self->grid, &palette->grid);
  fill_bars (cr, self->bars, palette);
  fill_rects (cr, self->axes, &palette->axis);
  em_chart_layout_draw_strokes (self, data, palette, cr);
  fill_bars (cr, self->swatches, palette);

  for (guint i = 0; i < self->texts->len; i++)
    {
      const EmChartText *text = &g_array_index (self->texts, EmChartText, i);

      gdk_cairo_set_source_rgba (cr, em_chart_palette_get_ink (palette, text->ink));
      cairo_move_to (cr, text->origin.x, text->origin.y);
      pango_cairo_show_layout (cr, text->layout);
    }

  cairo_restore (cr);
}

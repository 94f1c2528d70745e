/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "em-chart.h"

G_BEGIN_DECLS

/* The parts of EmChart that know nothing of widgets: the data as the
 * caller gave it (EmChartData), the geometry computed from it for one
 * size and one Pango context (EmChartLayout), and the colours to paint
 * it with (EmChartPalette). The widget snapshots a layout; the PNG and
 * print path draws one on a cairo_t. Both share the geometry and the
 * code that strokes the lines.
 */

#define EM_CHART_N_COLORS 6

typedef struct
{
  char        *name;
  EmChartKind  kind;
  GArray      *values;   /* double; NaN is "no data" */
  guint        slot;     /* index among the bar/column series */
} EmChartSeries;

typedef struct
{
  double  value;
  char   *label;
} EmChartReference;

typedef struct
{
  GPtrArray *categories;   /* char * */
  GPtrArray *series;       /* EmChartSeries * */
  GArray    *references;   /* EmChartReference */
  char      *title;
  char      *empty_text;
  gboolean   show_values;
  gboolean   fixed_range;
  double     fixed_min;
  double     fixed_max;

  /* Derived by em_chart_data_normalise() */
  gboolean   horizontal;
  gboolean   empty;
  guint      n_bar_series;
  double     data_min;
  double     data_max;
} EmChartData;

typedef enum
{
  EM_CHART_INK_FOREGROUND,
  EM_CHART_INK_DIM,
  EM_CHART_INK_REFERENCE,
} EmChartInk;

typedef struct
{
  GdkRGBA foreground;
  GdkRGBA dim;
  GdkRGBA grid;
  GdkRGBA axis;
  GdkRGBA reference;
  GdkRGBA series[EM_CHART_N_COLORS];
} EmChartPalette;

typedef struct
{
  PangoLayout      *layout;
  graphene_point_t  origin;
  EmChartInk        ink;
} EmChartText;

typedef struct
{
  graphene_rect_t area;
  guint           series;
  guint           category;
} EmChartBar;

typedef struct
{
  graphene_point_t from;
  graphene_point_t to;
} EmChartSegment;

typedef struct
{
  int              width;
  int              height;
  gboolean         horizontal;
  gboolean         empty;
  guint            n_categories;
  guint            n_series;
  graphene_rect_t  plot;
  double           axis_min;
  double           axis_max;
  GArray          *grid;        /* graphene_rect_t hairlines */
  GArray          *axes;        /* graphene_rect_t, the zero line */
  GArray          *bars;        /* EmChartBar */
  GArray          *swatches;    /* EmChartBar, legend keys */
  GArray          *points;      /* graphene_point_t, n_series × n_categories, NaN = none */
  GArray          *references;  /* EmChartSegment */
  GArray          *texts;       /* EmChartText */
} EmChartLayout;

EmChartData   *em_chart_data_new              (void);
void           em_chart_data_free             (EmChartData          *data);
void           em_chart_data_clear            (EmChartData          *data);
void           em_chart_data_normalise        (EmChartData          *data);
double         em_chart_data_get_value        (const EmChartData    *data,
                                               guint                 series,
                                               guint                 category);
char          *em_chart_format_value          (double                value);

void           em_chart_palette_init_print    (EmChartPalette       *palette);
const GdkRGBA *em_chart_palette_get_ink       (const EmChartPalette *palette,
                                               EmChartInk            ink);

EmChartLayout *em_chart_layout_new            (const EmChartData    *data,
                                               PangoContext         *context,
                                               int                   width,
                                               int                   height);
void           em_chart_layout_free           (EmChartLayout        *layout);
gboolean       em_chart_layout_has_strokes    (const EmChartLayout  *layout);
graphene_rect_t em_chart_layout_stroke_bounds (const EmChartLayout  *layout);
int            em_chart_layout_category_at    (const EmChartLayout  *layout,
                                               double                x,
                                               double                y);
void           em_chart_layout_draw_strokes   (const EmChartLayout  *layout,
                                               const EmChartData    *data,
                                               const EmChartPalette *palette,
                                               cairo_t              *cr);
void           em_chart_layout_draw           (const EmChartLayout  *layout,
                                               const EmChartData    *data,
                                               const EmChartPalette *palette,
                                               cairo_t              *cr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmChartLayout, em_chart_layout_free)

G_END_DECLS

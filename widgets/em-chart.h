/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * EmChartKind:
 * @EM_CHART_LINE: a line through the categories; NaN values leave gaps
 * @EM_CHART_COLUMN: vertical bars, one group per category
 * @EM_CHART_BAR: horizontal bars, categories listed top to bottom; a
 *   chart with bar series cannot also hold line or column series
 */
typedef enum
{
  EM_CHART_LINE,
  EM_CHART_COLUMN,
  EM_CHART_BAR,
} EmChartKind;

#define EM_TYPE_CHART_KIND (em_chart_kind_get_type ())
#define EM_TYPE_CHART (em_chart_get_type ())

G_DECLARE_FINAL_TYPE (EmChart, em_chart, EM, CHART, GtkWidget)

GType        em_chart_kind_get_type      (void) G_GNUC_CONST;

GtkWidget   *em_chart_new                (void);

const char  *em_chart_get_title          (EmChart             *self);
void         em_chart_set_title          (EmChart             *self,
                                          const char          *title);
const char  *em_chart_get_empty_text     (EmChart             *self);
void         em_chart_set_empty_text     (EmChart             *self,
                                          const char          *empty_text);
gboolean     em_chart_get_show_values    (EmChart             *self);
void         em_chart_set_show_values    (EmChart             *self,
                                          gboolean             show_values);

void         em_chart_set_categories     (EmChart             *self,
                                          const char * const  *labels);
guint        em_chart_get_n_categories   (EmChart             *self);
guint        em_chart_add_series         (EmChart             *self,
                                          const char          *name,
                                          EmChartKind          kind,
                                          const double        *values,
                                          guint                n_values);
guint        em_chart_get_n_series       (EmChart             *self);
const char  *em_chart_get_category      (EmChart             *self,
                                          guint                category);
const char  *em_chart_get_series_name   (EmChart             *self,
                                          guint                series);
double       em_chart_get_value          (EmChart             *self,
                                          guint                series,
                                          guint                category);
guint        em_chart_get_n_reference_lines (EmChart          *self);
double       em_chart_get_reference_value (EmChart            *self,
                                          guint                index);
void         em_chart_add_reference_line (EmChart             *self,
                                          double               value,
                                          const char          *label);
void         em_chart_clear              (EmChart             *self);

void         em_chart_set_y_range        (EmChart             *self,
                                          double               min,
                                          double               max);
void         em_chart_unset_y_range      (EmChart             *self);
gboolean     em_chart_get_axis_range     (EmChart             *self,
                                          double              *min,
                                          double              *max);

const char  *em_chart_get_summary        (EmChart             *self);
gboolean     em_chart_get_bar_area       (EmChart             *self,
                                          guint                series,
                                          guint                category,
                                          graphene_rect_t     *area);
gboolean     em_chart_get_point          (EmChart             *self,
                                          guint                series,
                                          guint                category,
                                          graphene_point_t    *point);

void         em_chart_draw               (EmChart             *self,
                                          cairo_t             *cr,
                                          int                  width,
                                          int                  height);
gboolean     em_chart_render_png         (EmChart             *self,
                                          int                  width,
                                          int                  height,
                                          const char          *path,
                                          GError             **error);

G_END_DECLS

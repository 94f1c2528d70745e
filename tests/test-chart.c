/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "earmark-resources.h"
#include "em-chart.h"
#include "em-test-gui.h"
#include "em-test-util.h"

#define CHART_WIDTH  480
#define CHART_HEIGHT 300

typedef struct
{
  guint8 r, g, b, a;
} Pixel;

/* Shows @chart alone in a window and waits until it is laid out. */
static GtkWidget *
present (GtkWidget *chart)
{
  GtkWidget *window = gtk_window_new ();

  gtk_widget_set_size_request (chart, CHART_WIDTH, CHART_HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 100 && gtk_widget_get_width (chart) == 0; i++)
    em_test_spin (20);
  em_test_spin (100);
  g_assert_cmpint (gtk_widget_get_width (chart), >=, CHART_WIDTH);

  return window;
}

static Pixel
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value;

  cairo_surface_flush (surface);
  g_assert_cmpint ((int) x, >=, 0);
  g_assert_cmpint ((int) y, >=, 0);
  g_assert_cmpint ((int) x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint ((int) y, <, cairo_image_surface_get_height (surface));
  value = *(const guint32 *) (data + (int) y * stride + (int) x * 4);

  return (Pixel) { (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff, value >> 24 };
}

static gboolean
pixel_is (Pixel       pixel,
          const char *color)
{
  GdkRGBA rgba;

  g_assert_true (gdk_rgba_parse (&rgba, color));
  return abs (pixel.r - (int) round (rgba.red * 255)) <= 3 &&
         abs (pixel.g - (int) round (rgba.green * 255)) <= 3 &&
         abs (pixel.b - (int) round (rgba.blue * 255)) <= 3;
}

/* The first series' colour is a blue in every palette; grid lines,
 * axes and text are grey.
 */
static gboolean
pixel_is_blue (Pixel pixel)
{
  return pixel.b > pixel.r + 60;
}

static gboolean
pixel_is_white (Pixel pixel)
{
  return pixel.r == 255 && pixel.g == 255 && pixel.b == 255;
}

/* What the widget's snapshot draws, rendered by cairo on @background. */
static cairo_surface_t *
render_snapshot (GtkWidget  *widget,
                 const char *background)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GskRenderNode *node;
  GdkRGBA rgba;

  gdk_rgba_parse (&rgba, background);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_paint (cr);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  gsk_render_node_unref (node);
  cairo_destroy (cr);

  return surface;
}

static cairo_surface_t *
render_png (EmChart    *chart,
            const char *dir,
            int         width,
            int         height)
{
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  g_assert_true (em_chart_render_png (chart, width, height, path, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  return surface;
}

/* Agent totals as columns: the bars stand on one baseline, their heights
 * are proportional to the values, and a NaN leaves no bar.
 */
static void
test_chart_columns (void)
{
  const char *agents[] = { "张三", "李四", "王五", "赵六", NULL };
  const double totals[] = { 20, 40, NAN, 80 };
  GtkWidget *chart = em_chart_new ();
  GtkWidget *window;
  graphene_rect_t bars[4];
  double min, max;

  em_chart_set_categories (EM_CHART (chart), agents);
  g_assert_cmpuint (em_chart_add_series (EM_CHART (chart), "总分", EM_CHART_COLUMN, totals, 4), ==, 0);
  window = present (chart);

  g_assert_true (em_chart_get_axis_range (EM_CHART (chart), &min, &max));
  g_assert_cmpfloat (min, ==, 0);
  g_assert_cmpfloat (max, >=, 80);
  g_assert_cmpfloat (max, <=, 100);

  g_assert_true (em_chart_get_bar_area (EM_CHART (chart), 0, 0, &bars[0]));
  g_assert_true (em_chart_get_bar_area (EM_CHART (chart), 0, 1, &bars[1]));
  g_assert_false (em_chart_get_bar_area (EM_CHART (chart), 0, 2, &bars[2]));
  g_assert_true (em_chart_get_bar_area (EM_CHART (chart), 0, 3, &bars[3]));

  g_assert_cmpfloat_with_epsilon (bars[1].size.height, 2 * bars[0].size.height, 1.5);
  g_assert_cmpfloat_with_epsilon (bars[3].size.height, 4 * bars[0].size.height, 1.5);
  g_assert_cmpfloat (bars[0].origin.y + bars[0].size.height, ==, bars[3].origin.y + bars[3].size.height);
  g_assert_cmpfloat (bars[0].origin.x, <, bars[1].origin.x);
  g_assert_cmpfloat (bars[1].origin.x, <, bars[3].origin.x);
  g_assert_cmpfloat (bars[3].origin.x + bars[3].size.width, <=, CHART_WIDTH);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A monthly history with a month missing: the line stops at the gap
 * instead of joining its neighbours, in the widget and in the PNG.
 */
static void
test_chart_line_gap (void)
{
  const char *months[] = { "2026-03", "2026-04", "2026-05", "2026-06", NULL };
  const double scores[] = { 86.5, 91, NAN, 78 };
  g_autofree char *dir = em_test_make_tmpdir ();
  GtkWidget *chart = em_chart_new ();
  cairo_surface_t *png, *snap;
  graphene_point_t p[4];
  GtkWidget *window;
  double min, max;

  em_chart_set_categories (EM_CHART (chart), months);
  em_chart_add_series (EM_CHART (chart), "张三", EM_CHART_LINE, scores, 4);
  window = present (chart);

  g_assert_true (em_chart_get_point (EM_CHART (chart), 0, 0, &p[0]));
  g_assert_true (em_chart_get_point (EM_CHART (chart), 0, 1, &p[1]));
  g_assert_false (em_chart_get_point (EM_CHART (chart), 0, 2, &p[2]));
  g_assert_true (em_chart_get_point (EM_CHART (chart), 0, 3, &p[3]));
  g_assert_cmpfloat (p[1].y, <, p[0].y);    /* 91 is higher than 86.5 */
  g_assert_cmpfloat (p[3].y, >, p[0].y);    /* 78 is lower */

  /* A line chart of scores does not start at zero. */
  g_assert_true (em_chart_get_axis_range (EM_CHART (chart), &min, &max));
  g_assert_cmpfloat (min, >, 60);
  g_assert_cmpfloat (min, <=, 78);
  g_assert_cmpfloat (max, >=, 91);

  /* Between April and June there is nothing; on the segment from March
   * to April there is the line.
   */
  png = render_png (EM_CHART (chart), dir, gtk_widget_get_width (chart), gtk_widget_get_height (chart));
  snap = render_snapshot (chart, "white");
  for (double y = p[1].y - 2; y <= p[3].y + 2; y++)
    {
      g_assert_false (pixel_is_blue (pixel_at (png, (p[1].x + p[3].x) / 2, y)));
      g_assert_false (pixel_is_blue (pixel_at (snap, (p[1].x + p[3].x) / 2, y)));
    }
  g_assert_true (pixel_is (pixel_at (png, (p[0].x + p[1].x) / 2, (p[0].y + p[1].y) / 2), "#3584e4"));
  g_assert_true (pixel_is_blue (pixel_at (snap, (p[0].x + p[1].x) / 2, (p[0].y + p[1].y) / 2)));
  g_assert_true (pixel_is_blue (pixel_at (snap, p[3].x, p[3].y)));    /* June's marker */

  cairo_surface_destroy (png);
  cairo_surface_destroy (snap);
  gtk_window_destroy (GTK_WINDOW (window));
  em_test_rm_rf (dir);
}

/* Scores on a fixed 0–100 axis: a 50 is half as tall as a 100, and a
 * value beyond the range is clipped to it.
 */
static void
test_chart_y_range (void)
{
  const char *labels[] = { "a", "b", "c", NULL };
  const double values[] = { 50, 100, 120 };
  GtkWidget *chart = em_chart_new ();
  graphene_rect_t half, full, over;
  GtkWidget *window;
  double min, max;

  em_chart_set_categories (EM_CHART (chart), labels);
  em_chart_add_series (EM_CHART (chart), NULL, EM_CHART_COLUMN, values, 3);
  em_chart_set_y_range (EM_CHART (chart), 0, 100);
  window = present (chart);

  g_assert_true (em_chart_get_axis_range (EM_CHART (chart), &min, &max));
  g_assert_cmpfloat (min, ==, 0);
  g_assert_cmpfloat (max, ==, 100);
  g_assert_true (em_chart_get_bar_area (EM_CHART (chart), 0, 0, &half));
  g_assert_true (em_chart_get_bar_area (EM_CHART (chart), 0, 1, &full));
  g_assert_true (em_chart_get_bar_area (EM_CHART (chart), 0, 2, &over));
  g_assert_cmpfloat_with_epsilon (full.size.height, 2 * half.size.height, 1.5);
  g_assert_cmpfloat (over.size.height, ==, full.size.height);

  /* Back to automatic: the axis grows to hold 120. */
  em_chart_unset_y_range (EM_CHART (chart));
  em_test_spin (100);
  g_assert_true (em_chart_get_axis_range (EM_CHART (chart), &min, &max));
  g_assert_cmpfloat (max, >=, 120);
  g_assert_true (em_chart_get_bar_area (EM_CHART (chart), 0, 2, &over));
  g_assert_true (em_chart_get_bar_area (EM_CHART (chart), 0, 1, &full));
  g_assert_cmpfloat (over.size.height, >, full.size.height);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A reference line (the pass mark) widens the automatic range and is
 * named in the accessible summary, as are the values.
 */
static void
test_chart_reference_and_summary (void)
{
  const char *months[] = { "2026-05", "2026-06", NULL };
  const double agent[] = { 88.5, 93 };
  const double team[] = { 87.25, NAN };
  GtkWidget *chart = em_chart_new ();
  GtkWidget *window;
  const char *summary;
  double min, max;

  em_chart_set_title (EM_CHART (chart), "张三");
  em_chart_set_categories (EM_CHART (chart), months);
  em_chart_add_series (EM_CHART (chart), "张三", EM_CHART_LINE, agent, 2);
  em_chart_add_series (EM_CHART (chart), "团队平均", EM_CHART_LINE, team, 2);
  em_chart_add_reference_line (EM_CHART (chart), 60, "合格线");
  window = present (chart);

  g_assert_true (em_chart_get_axis_range (EM_CHART (chart), &min, &max));
  g_assert_cmpfloat (min, <=, 60);
  g_assert_cmpfloat (max, >=, 93);

  summary = em_chart_get_summary (EM_CHART (chart));
  g_assert_nonnull (strstr (summary, "张三: 2026-05 88.5, 2026-06 93"));
  g_assert_nonnull (strstr (summary, "团队平均: 2026-05 87.25, 2026-06 no data"));
  g_assert_nonnull (strstr (summary, "合格线: 60"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* No data at all, or only NaNs: the chart says so instead of drawing an
 * empty axis.
 */
static void
test_chart_empty (void)
{
  const char *months[] = { "2026-05", "2026-06", NULL };
  const double nothing[] = { NAN, NAN };
  g_autofree char *dir = em_test_make_tmpdir ();
  GtkWidget *chart = em_chart_new ();
  cairo_surface_t *png;
  GtkWidget *window;
  gboolean ink_in_middle = FALSE;
  gboolean bar_colour = FALSE;

  window = present (chart);
  g_assert_false (em_chart_get_axis_range (EM_CHART (chart), NULL, NULL));
  g_assert_cmpstr (em_chart_get_summary (EM_CHART (chart)), ==, "No data");

  em_chart_set_empty_text (EM_CHART (chart), "还没有评分");
  em_chart_set_categories (EM_CHART (chart), months);
  em_chart_add_series (EM_CHART (chart), "张三", EM_CHART_COLUMN, nothing, 2);
  em_test_spin (100);
  g_assert_false (em_chart_get_axis_range (EM_CHART (chart), NULL, NULL));
  g_assert_cmpstr (em_chart_get_summary (EM_CHART (chart)), ==, "还没有评分");

  /* The message is drawn across the middle, and nothing else is. */
  png = render_png (EM_CHART (chart), dir, 400, 200);
  for (int y = 90; y < 110; y++)
    for (int x = 100; x < 300; x++)
      ink_in_middle |= !pixel_is_white (pixel_at (png, x, y));
  for (int y = 0; y < 200; y += 2)
    for (int x = 0; x < 400; x += 2)
      bar_colour |= pixel_is_blue (pixel_at (png, x, y));
  g_assert_true (ink_in_middle);
  g_assert_false (bar_colour);
  cairo_surface_destroy (png);

  em_chart_clear (EM_CHART (chart));
  g_assert_cmpuint (em_chart_get_n_series (EM_CHART (chart)), ==, 0);
  g_assert_cmpuint (em_chart_get_n_categories (EM_CHART (chart)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  em_test_rm_rf (dir);
}

/* The PNG has the size asked for, a white page, and the bar where the
 * layout puts it; an unwritable path is an error, not a crash.
 */
static void
test_chart_png (void)
{
  const char *agents[] = { "张三", "李四", NULL };
  const double totals[] = { 93, 88.5 };
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *bad = g_build_filename (dir, "no-such-folder", "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GtkWidget *chart = g_object_ref_sink (em_chart_new ());
  cairo_surface_t *png;
  gsize length;

  em_chart_set_title (EM_CHART (chart), "2026-06 坐席质检成绩");
  em_chart_set_categories (EM_CHART (chart), agents);
  em_chart_add_series (EM_CHART (chart), NULL, EM_CHART_COLUMN, totals, 2);
  em_chart_set_y_range (EM_CHART (chart), 0, 100);

  png = render_png (EM_CHART (chart), dir, 640, 360);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 360);
  g_assert_true (pixel_is_white (pixel_at (png, 1, 1)));
  g_assert_true (pixel_is_white (pixel_at (png, 638, 358)));

  /* Two columns of one series share the band halves: the first stands in
   * the left half, near the bottom (93 of 100).
   */
  g_assert_true (pixel_is (pixel_at (png, 640 * 0.3, 360 * 0.75), "#3584e4"));
  g_assert_true (pixel_is (pixel_at (png, 640 * 0.75, 360 * 0.75), "#3584e4"));
  g_assert_true (pixel_is_white (pixel_at (png, 640 * 0.55, 360 * 0.75)));
  cairo_surface_destroy (png);

  g_assert_false (em_chart_render_png (EM_CHART (chart), 100, 100, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  g_object_unref (chart);
  em_test_rm_rf (dir);
}

/* Top deductions as horizontal bars: the first category on top, lengths
 * proportional; lines cannot join a bar chart.
 */
static void
test_chart_horizontal (void)
{
  const char *items[] = { "未使用标准开头语", "服务态度生硬", "未核实客户身份", NULL };
  const double points[] = { 42, 21, 10.5 };
  const double line[] = { 1, 2, 3 };
  GtkWidget *chart = em_chart_new ();
  graphene_rect_t bars[3];
  GtkWidget *window;

  em_chart_set_categories (EM_CHART (chart), items);
  em_chart_add_series (EM_CHART (chart), "扣分", EM_CHART_BAR, points, 3);
  g_test_expect_message ("em-chart", G_LOG_LEVEL_CRITICAL, "*em_chart_add_series*");
  g_assert_cmpuint (em_chart_add_series (EM_CHART (chart), "x", EM_CHART_LINE, line, 3), ==, G_MAXUINT);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (em_chart_get_n_series (EM_CHART (chart)), ==, 1);
  window = present (chart);

  for (guint i = 0; i < 3; i++)
    g_assert_true (em_chart_get_bar_area (EM_CHART (chart), 0, i, &bars[i]));
  g_assert_cmpfloat (bars[0].origin.y, <, bars[1].origin.y);
  g_assert_cmpfloat (bars[1].origin.y, <, bars[2].origin.y);
  g_assert_cmpfloat (bars[0].origin.x, ==, bars[2].origin.x);
  g_assert_cmpfloat_with_epsilon (bars[0].size.width, 2 * bars[1].size.width, 1.5);
  g_assert_cmpfloat_with_epsilon (bars[1].size.width, 2 * bars[2].size.width, 1.5);
  g_assert_cmpfloat (bars[0].size.width, >, bars[0].size.height);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Colours follow the style: the same bar is drawn lighter in dark mode,
 * where the accent colour is lighter.
 */
static void
test_chart_dark_mode (void)
{
  const char *labels[] = { "a", NULL };
  const double values[] = { 10 };
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *chart = em_chart_new ();
  cairo_surface_t *light, *dark;
  graphene_rect_t bar;
  GtkWidget *window;
  Pixel l, d;

  em_chart_set_categories (EM_CHART (chart), labels);
  em_chart_add_series (EM_CHART (chart), NULL, EM_CHART_COLUMN, values, 1);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = present (chart);
  g_assert_true (em_chart_get_bar_area (EM_CHART (chart), 0, 0, &bar));

  light = render_snapshot (chart, "white");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  em_test_spin (200);
  dark = render_snapshot (chart, "black");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  l = pixel_at (light, bar.origin.x + bar.size.width / 2, bar.origin.y + bar.size.height / 2);
  d = pixel_at (dark, bar.origin.x + bar.size.width / 2, bar.origin.y + bar.size.height / 2);
  g_assert_true (pixel_is_blue (l));
  g_assert_true (pixel_is_blue (d));
  g_assert_cmpint (d.r + d.g + d.b, >, l.r + l.g + l.b + 60);

  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  earmark_register_resource ();

  g_test_add_func ("/chart/columns", test_chart_columns);
  g_test_add_func ("/chart/line-gap", test_chart_line_gap);
  g_test_add_func ("/chart/y-range", test_chart_y_range);
  g_test_add_func ("/chart/reference-and-summary", test_chart_reference_and_summary);
  g_test_add_func ("/chart/empty", test_chart_empty);
  g_test_add_func ("/chart/png", test_chart_png);
  g_test_add_func ("/chart/horizontal", test_chart_horizontal);
  g_test_add_func ("/chart/dark-mode", test_chart_dark_mode);

  return g_test_run ();
}

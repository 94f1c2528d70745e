/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "widget-gallery"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "earmark-resources.h"
#include "em-chart.h"
#include "em-media-stream.h"
#include "em-player-bar.h"

/* Shows the reusable widgets with realistic data, for looking at them
 * (screenshots in light and dark mode); not a test.
 *
 *   widget-gallery [--dark] [RECORDING]
 */

static GtkWidget *
score_history_chart (void)
{
  const char *months[] = { "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12",
                           "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", NULL };
  const double agent[] = { 84, 85.5, 88, 90.5, 87, 89, 86.5, 91, NAN, 78, 88.5, 93 };
  const double team[] = { 86.1, 86.4, 87, 87.3, 86.8, 87.6, 87.2, 88.1, 86.9, 87.5, 88.8, 89.4 };
  GtkWidget *chart = em_chart_new ();

  em_chart_set_title (EM_CHART (chart), "张三 · 月度质检得分");
  em_chart_set_categories (EM_CHART (chart), months);
  em_chart_add_series (EM_CHART (chart), "张三", EM_CHART_LINE, agent, G_N_ELEMENTS (agent));
  em_chart_add_series (EM_CHART (chart), "团队平均", EM_CHART_LINE, team, G_N_ELEMENTS (team));
  em_chart_add_reference_line (EM_CHART (chart), 80, "合格线 80");

  return chart;
}

static GtkWidget *
agent_totals_chart (void)
{
  const char *agents[] = { "张三", "李四", "王五", "赵六", "孙七", "周八", "吴九", "郑十", NULL };
  const double totals[] = { 93, 88.5, 76, 97, 82, 90.25, 68, 85 };
  GtkWidget *chart = em_chart_new ();

  em_chart_set_title (EM_CHART (chart), "2026-06 坐席质检成绩");
  em_chart_set_categories (EM_CHART (chart), agents);
  em_chart_add_series (EM_CHART (chart), "总分", EM_CHART_COLUMN, totals, G_N_ELEMENTS (totals));
  em_chart_set_y_range (EM_CHART (chart), 0, 100);
  em_chart_set_show_values (EM_CHART (chart), TRUE);

  return chart;
}

static GtkWidget *
top_deductions_chart (void)
{
  const char *items[] = { "未使用标准开头语", "服务态度生硬、语气不耐烦", "未核实客户身份",
                          "业务解答错误", "通话中无故静音超过 20 秒", NULL };
  const double points[] = { 42, 35.5, 20, 12, 6 };
  GtkWidget *chart = em_chart_new ();

  em_chart_set_title (EM_CHART (chart), "扣分最多的项目");
  em_chart_set_categories (EM_CHART (chart), items);
  em_chart_add_series (EM_CHART (chart), "扣分", EM_CHART_BAR, points, G_N_ELEMENTS (points));
  em_chart_set_show_values (EM_CHART (chart), TRUE);

  return chart;
}

static GtkWidget *
grouped_chart (void)
{
  const char *months[] = { "2026-04", "2026-05", "2026-06", NULL };
  const double a[] = { 88, 91.5, 86 };
  const double b[] = { 84, 87, 90 };
  const double avg[] = { 86, 89.25, 88 };
  GtkWidget *chart = em_chart_new ();

  em_chart_set_title (EM_CHART (chart), "一组 vs 二组");
  em_chart_set_categories (EM_CHART (chart), months);
  em_chart_add_series (EM_CHART (chart), "一组", EM_CHART_COLUMN, a, 3);
  em_chart_add_series (EM_CHART (chart), "二组", EM_CHART_COLUMN, b, 3);
  em_chart_add_series (EM_CHART (chart), "平均", EM_CHART_LINE, avg, 3);

  return chart;
}

static GtkWidget *
empty_chart (void)
{
  GtkWidget *chart = em_chart_new ();

  em_chart_set_title (EM_CHART (chart), "李四 · 月度质检得分");
  em_chart_set_empty_text (EM_CHART (chart), "该坐席还没有已完成的评分");

  return chart;
}

static GtkWidget *
framed (GtkWidget *child)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_widget_set_hexpand (child, TRUE);
  gtk_widget_set_vexpand (child, TRUE);
  gtk_frame_set_child (GTK_FRAME (frame), child);
  return frame;
}

static GtkWidget *
player_bar (const char *recording)
{
  g_autoptr(EmMediaStream) stream = em_media_stream_new_for_filename (recording);
  GtkWidget *bar = em_player_bar_new ();

  em_player_bar_set_stream (EM_PLAYER_BAR (bar), GTK_MEDIA_STREAM (stream));
  em_player_bar_seek_to (EM_PLAYER_BAR (bar), 7.5);
  em_player_bar_set_rate (EM_PLAYER_BAR (bar), 1.25);

  return bar;
}

/* EARMARK_GALLERY_PNG=DIR also writes each chart as DIR/chart-N.png. */
static void
write_pngs (GPtrArray *charts)
{
  const char *dir = g_getenv ("EARMARK_GALLERY_PNG");

  for (guint i = 0; dir != NULL && i < charts->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("chart-%u.png", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;

      if (!em_chart_render_png (g_ptr_array_index (charts, i), 600, 340, path, &error))
        g_printerr ("%s\n", error->message);
    }
}

static void
on_activate (GtkApplication *app,
             gpointer        user_data)
{
  const char *recording = user_data;
  GtkWidget *window = gtk_application_window_new (app);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *missing = g_build_filename (g_get_tmp_dir (), "录音", "20260612-0001.ogg", NULL);

  gtk_window_set_title (GTK_WINDOW (window), "Earmark widgets");
  gtk_window_set_default_size (GTK_WINDOW (window), 1240, 1000);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_bottom (grid, 12);

  g_autoptr(GPtrArray) charts = g_ptr_array_new ();

  g_ptr_array_add (charts, score_history_chart ());
  g_ptr_array_add (charts, agent_totals_chart ());
  g_ptr_array_add (charts, top_deductions_chart ());
  g_ptr_array_add (charts, grouped_chart ());
  g_ptr_array_add (charts, empty_chart ());
  for (guint i = 0; i < charts->len; i++)
    gtk_grid_attach (GTK_GRID (grid), framed (g_ptr_array_index (charts, i)), i % 2, i / 2, 1, 1);
  write_pngs (charts);

  gtk_box_append (GTK_BOX (box), player_bar (recording));
  gtk_box_append (GTK_BOX (box), player_bar (missing));
  gtk_box_append (GTK_BOX (box), grid);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app = NULL;
  gboolean dark = argc > 1 && g_str_equal (argv[1], "--dark");
  g_autofree char *recording = NULL;

  if (argc > 1 + dark)
    recording = g_strdup (argv[1 + dark]);
  else
    recording = g_build_filename (SOURCE_DIR, "tests", "fixtures", "call-20s.ogg", NULL);

  adw_init ();
  app = adw_application_new ("io.github.earmark.WidgetGallery", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), recording);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  earmark_register_resource ();
  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  return g_application_run (G_APPLICATION (app), 0, NULL);
}

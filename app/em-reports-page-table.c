/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "earmark"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "em-figures-row.h"
#include "em-reports-page-private.h"

/* The Reports page's table, summary and chart.  The table's columns follow
 * the scheme, with the figures of `earmark-cli month` (DESIGN.md §11):
 * rank, code, name, team, total, grade, evaluations, QA score, and each
 * other metric's value with its band points.  Metric columns are not object properties, so every column
 * sorts with a GtkCustomSorter that compares the figures themselves,
 * exactly (centi-points, fractions cross-multiplied); "no data" sorts
 * below any value.
 */

typedef enum
{
  COLUMN_CODE,
  COLUMN_NAME,
  COLUMN_TEAM,
  COLUMN_EVALUATIONS,
  COLUMN_QA_SCORE,
  COLUMN_METRIC,
  COLUMN_TOTAL,
  COLUMN_GRADE,
  COLUMN_RANK,
} ColumnKind;

typedef struct
{
  EmReportsPage *page;
  ColumnKind     kind;
  guint          metric;
} Column;

/* Cells ------------------------------------------------------------------ */

static char *
cell_text (const Column *column,
           EmFiguresRow *row)
{
  const EmMonthFigures *f = em_figures_row_get_figures (row);
  EmScheme *scheme = column->page->scheme;

  switch (column->kind)
    {
    case COLUMN_CODE:
      return g_strdup (f->code);
    case COLUMN_NAME:
      return g_strdup (f->name);
    case COLUMN_TEAM:
      return g_strdup (f->team);
    case COLUMN_EVALUATIONS:
      return g_strdup_printf ("%" G_GINT64_FORMAT, f->counts.n_evaluations);
    case COLUMN_QA_SCORE:
      return f->has_qa_score ? em_points_format_fixed (f->qa_score) : NULL;
    case COLUMN_METRIC:
      return em_figures_format_metric (em_scheme_get_metric (scheme, column->metric)->kind,
                                       &f->metrics[column->metric]);
    case COLUMN_TOTAL:
      return em_figures_format_total (f);
    case COLUMN_GRADE:
      return em_figures_dup_grade (scheme, f, column->page->language);
    case COLUMN_RANK:
      return em_figures_row_get_rank (row) > 0 ? g_strdup_printf ("%u", em_figures_row_get_rank (row)) : NULL;
    default:
      g_return_val_if_reached (NULL);
    }
}

/* A banded metric's cell shows its band points after the value, dimmed. */
static char *
points_text (const Column *column,
             EmFiguresRow *row)
{
  const EmMetricValue *value = &em_figures_row_get_figures (row)->metrics[column->metric];
  g_autofree char *points = NULL;

  if (column->kind != COLUMN_METRIC || !value->has_points)
    return NULL;

  points = em_points_format (value->points);
  /* Translators: band points beside a metric's value, e.g. "8 pts" */
  return g_strdup_printf (_("%s pts"), points);
}

static gboolean
column_is_text (const Column *column)
{
  return column->kind == COLUMN_NAME || column->kind == COLUMN_TEAM || column->kind == COLUMN_GRADE;
}

static void
on_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const Column             *column)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column_is_text (column) ? 0.0 : 1.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  if (!column_is_text (column))
    gtk_widget_add_css_class (label, "numeric");
  if (column->kind == COLUMN_TOTAL)
    {
      g_autoptr(PangoAttrList) bold = pango_attr_list_new ();

      pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      gtk_label_set_attributes (GTK_LABEL (label), bold);
    }
  gtk_box_append (GTK_BOX (box), label);

  if (column->kind == COLUMN_METRIC &&
      em_scheme_get_metric (column->page->scheme, column->metric)->n_bands > 0)
    {
      GtkWidget *points = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (points), 1.0);
      gtk_label_set_width_chars (GTK_LABEL (points), 6);
      gtk_widget_add_css_class (points, "numeric");
      gtk_widget_add_css_class (points, "dim-label");
      gtk_box_append (GTK_BOX (box), points);
    }

  gtk_list_item_set_child (item, box);
}

static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              const Column             *column)
{
  EmFiguresRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *points = gtk_widget_get_next_sibling (label);
  g_autofree char *text = row != NULL ? cell_text (column, row) : NULL;

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  if (points != NULL)
    {
      g_autofree char *points_label = row != NULL ? points_text (column, row) : NULL;

      gtk_label_set_text (GTK_LABEL (points), points_label != NULL ? points_label : "");
    }
}

/* Sorting ---------------------------------------------------------------- */

static int
compare_known (gboolean a_known,
               gint64   a,
               gboolean b_known,
               gint64   b)
{
  if (!a_known || !b_known)
    return a_known - b_known;
  return a < b ? -1 : a > b ? 1 : 0;
}

/* Better grades come first in the scheme: the sort key counts from the end. */
static gint64
grade_key (EmScheme             *scheme,
           const EmMonthFigures *f)
{
  return f->grade < 0 ? -1 : (gint64) em_scheme_get_n_grades (scheme) - f->grade;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Column *column = user_data;
  const EmMonthFigures *fa = em_figures_row_get_figures ((EmFiguresRow *) a);
  const EmMonthFigures *fb = em_figures_row_get_figures ((EmFiguresRow *) b);
  guint ra = em_figures_row_get_rank ((EmFiguresRow *) a);
  guint rb = em_figures_row_get_rank ((EmFiguresRow *) b);
  int result;

  switch (column->kind)
    {
    case COLUMN_CODE: result = g_strcmp0 (fa->code, fb->code); break;
    case COLUMN_NAME: result = g_utf8_collate (fa->name ? fa->name : "", fb->name ? fb->name : ""); break;
    case COLUMN_TEAM: result = g_utf8_collate (fa->team ? fa->team : "", fb->team ? fb->team : ""); break;
    case COLUMN_EVALUATIONS:
      result = compare_known (TRUE, fa->counts.n_evaluations, TRUE, fb->counts.n_evaluations);
      break;
    case COLUMN_QA_SCORE:
      result = compare_known (fa->has_qa_score, fa->qa_score, fb->has_qa_score, fb->qa_score);
      break;
    case COLUMN_METRIC:
      /* Band points only ever grow with the value: one order for both. */
      result = em_figures_compare_metric (&fa->metrics[column->metric], &fb->metrics[column->metric]);
      break;
    case COLUMN_TOTAL: result = compare_known (fa->has_total, fa->total, fb->has_total, fb->total); break;
    case COLUMN_GRADE:
      result = compare_known (TRUE, grade_key (column->page->scheme, fa), TRUE, grade_key (column->page->scheme, fb));
      break;
    case COLUMN_RANK:
      result = compare_known (TRUE, ra > 0 ? ra : G_MAXUINT, TRUE, rb > 0 ? rb : G_MAXUINT);
      break;
    default: g_return_val_if_reached (0);
    }

  return gtk_ordering_from_cmpfunc (result);
}

/* Columns ---------------------------------------------------------------- */

/* Wide enough for the header, which GTK would otherwise cut short. */
static int
column_width (EmReportsPage *self,
              const char    *title,
              int            minimum)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->table_view), title);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  int width;

  /* Headers are bold. */
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return MAX (minimum, width + 20);
}

/* Wide enough for the longest grade title. */
static int
grade_width (EmReportsPage *self)
{
  int width = 60;

  for (guint i = 0; i < em_scheme_get_n_grades (self->scheme); i++)
    {
      g_autofree char *title = em_scheme_dup_grade_title (self->scheme, i, self->language);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->table_view), title);
      int text_width;

      pango_layout_get_pixel_size (layout, &text_width, NULL);
      width = MAX (width, text_width + 20);
    }

  return width;
}

static void
add_column (EmReportsPage *self,
            const char    *title,
            ColumnKind     kind,
            guint          metric,
            int            minimum_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  Column *column = g_new0 (Column, 1);
  GtkColumnViewColumn *view_column;
  GtkSorter *sorter;

  column->page = self;
  column->kind = kind;
  column->metric = metric;

  g_signal_connect_data (factory, "setup", G_CALLBACK (on_cell_setup), column, NULL, 0);
  g_signal_connect_data (factory, "bind", G_CALLBACK (on_cell_bind), column, NULL, 0);

  /* The page owns the descriptions: it outlives its column view. */
  g_ptr_array_add (self->columns, column);
  view_column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows, column, NULL));
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_fixed_width (view_column, column_width (self, title, minimum_width));
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->table_view, view_column);

  g_object_unref (sorter);
  g_object_unref (view_column);
}

static void
add_metric_columns (EmReportsPage *self)
{
  for (guint i = 0; i < em_scheme_get_n_metrics (self->scheme); i++)
    {
      const EmSchemeMetric *metric = em_scheme_get_metric (self->scheme, i);
      g_autofree char *title = NULL;

      if (metric->kind == EM_METRIC_QA_SCORE)
        continue;

      title = em_scheme_dup_metric_title (self->scheme, i, self->language);
      add_column (self, title, COLUMN_METRIC, i, metric->n_bands > 0 ? 130 : 80);
    }
}

/* What a manager reads first comes first: rank, who, total and grade;
 * then what the total is made of, in the scheme's order.
 */
void
_em_reports_page_init_table (EmReportsPage *self)
{
  int qa = em_scheme_find_metric (self->scheme, EM_METRIC_QA_SCORE);
  g_autofree char *qa_title = qa >= 0 ? em_scheme_dup_metric_title (self->scheme, qa, self->language) : NULL;

  add_column (self, _("Rank"), COLUMN_RANK, 0, 50);
  add_column (self, _("Code"), COLUMN_CODE, 0, 60);
  add_column (self, _("Name"), COLUMN_NAME, 0, 70);
  add_column (self, _("Team"), COLUMN_TEAM, 0, 80);
  add_column (self, _("Total"), COLUMN_TOTAL, 0, 70);
  add_column (self, _("Grade"), COLUMN_GRADE, 0, grade_width (self));
  /* Translators: a column header: how many finalised evaluations */
  add_column (self, C_("count", "Evaluations"), COLUMN_EVALUATIONS, 0, 60);
  add_column (self, qa_title != NULL ? qa_title : _("QA Score"), COLUMN_QA_SCORE, 0, 70);
  add_metric_columns (self);
}

/* Summary ---------------------------------------------------------------- */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
attach_label (GtkGrid    *grid,
              const char *text,
              int         column,
              int         row,
              gboolean    header,
              gboolean    number)
{
  GtkWidget *label = gtk_label_new (text != NULL ? text : "");

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  if (header)
    {
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
    }
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
attach_team_row (EmReportsPage        *self,
                 const EmMonthFigures *f,
                 const char           *name,
                 int                   row)
{
  g_autofree char *agents = g_strdup_printf ("%u", f->n_agents);
  g_autofree char *evaluations = g_strdup_printf ("%" G_GINT64_FORMAT, f->counts.n_evaluations);
  g_autofree char *qa = f->has_qa_score ? em_points_format_fixed (f->qa_score) : NULL;
  g_autofree char *total = em_figures_format_total (f);
  g_autofree char *grade = em_figures_dup_grade (self->scheme, f, self->language);
  g_autofree char *rank = f->rank > 0 ? g_strdup_printf ("%u", f->rank) : NULL;

  attach_label (self->team_grid, name, 0, row, FALSE, FALSE);
  attach_label (self->team_grid, agents, 1, row, FALSE, TRUE);
  attach_label (self->team_grid, evaluations, 2, row, FALSE, TRUE);
  attach_label (self->team_grid, qa, 3, row, FALSE, TRUE);
  attach_label (self->team_grid, total, 4, row, FALSE, TRUE);
  attach_label (self->team_grid, grade, 5, row, FALSE, FALSE);
  attach_label (self->team_grid, rank, 6, row, FALSE, TRUE);
}

/* Team figures pool every call of the team (seed 002); the center's pool
 * every call of every agent.
 */
static void
fill_teams (EmReportsPage *self,
            gint64         team_id)
{
  /* Translators: "Agents" and "Evaluations" head columns of counts */
  const char *headers[] = { _("Team"), C_("count", "Agents"), C_("count", "Evaluations"), _("QA Score"),
                            _("Total"), _("Grade"), _("Rank") };
  int row = 1;

  clear_grid (self->team_grid);
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    attach_label (self->team_grid, headers[i], i, 0, TRUE, i != 0 && i != 5);

  for (guint i = 0; i < em_month_report_get_n_teams (self->report); i++)
    {
      const EmMonthFigures *f = em_month_report_get_team (self->report, i);

      if (team_id == 0 || f->id == team_id)
        attach_team_row (self, f, f->name, row++);
    }

  /* Translators: the row of the whole center under the teams (全中心) */
  attach_team_row (self, em_month_report_get_center (self->report), C_("center", "All agents"), row);
}

static void
fill_grades (EmReportsPage *self)
{
  GListModel *rows = G_LIST_MODEL (self->rows);
  guint n_grades = em_scheme_get_n_grades (self->scheme);
  g_autofree guint *counts = g_new0 (guint, n_grades + 1);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(EmFiguresRow) row = g_list_model_get_item (rows, i);
      int grade = em_figures_row_get_figures (row)->grade;

      counts[grade >= 0 ? (guint) grade : n_grades]++;
    }

  clear_grid (self->grade_grid);
  for (guint g = 0; g <= n_grades; g++)
    {
      g_autofree char *title = NULL;
      g_autofree char *count = g_strdup_printf ("%u", counts[g]);

      if (g == n_grades && counts[g] == 0)
        break;   /* "no total" only when some agent has none */

      title = g < n_grades ? em_scheme_dup_grade_title (self->scheme, g, self->language)
                           : g_strdup (_("No total"));
      attach_label (self->grade_grid, title, g, 0, TRUE, TRUE);
      attach_label (self->grade_grid, count, g, 1, FALSE, TRUE);
    }
}

static void
fill_chart (EmReportsPage *self)
{
  GListModel *rows = G_LIST_MODEL (self->rows);
  guint n = g_list_model_get_n_items (rows);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *totals = g_new (double, MAX (n, 1));
  g_autofree char *period = em_period_to_string (em_month_report_get_period (self->report));
  g_autofree char *title = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(EmFiguresRow) row = g_list_model_get_item (rows, i);
      const EmMonthFigures *f = em_figures_row_get_figures (row);

      g_ptr_array_add (names, g_strdup (f->name != NULL && *f->name ? f->name : f->code));
      totals[i] = f->has_total ? em_points_to_double (f->total) : NAN;
    }
  g_ptr_array_add (names, NULL);

  /* Translators: chart title, %s is a month, quarter or year */
  title = g_strdup_printf (_("Monthly totals, %s"), period);
  em_chart_clear (self->totals_chart);
  em_chart_set_title (self->totals_chart, title);
  em_chart_set_categories (self->totals_chart, (const char * const *) names->pdata);
  em_chart_add_series (self->totals_chart, _("Total"), EM_CHART_COLUMN, totals, n);
  em_chart_set_y_range (self->totals_chart, 0, 100);

  for (guint g = 0; g < em_scheme_get_n_grades (self->scheme); g++)
    {
      const EmSchemeGrade *grade = em_scheme_get_grade (self->scheme, g);
      g_autofree char *grade_title = NULL;

      if (grade->minimum > 0)
        {
          grade_title = em_scheme_dup_grade_title (self->scheme, g, self->language);
          em_chart_add_reference_line (self->totals_chart, em_points_to_double (grade->minimum), grade_title);
        }
    }
}

/* After a new report or another team: the summary, the grades and the
 * chart follow the rows shown (self->rows, in the report's order).
 */
void
_em_reports_page_fill_summary (EmReportsPage *self)
{
  gint64 team_id = em_reports_page_get_team_id (self);

  if (self->report == NULL)
    return;

  fill_teams (self, team_id);
  fill_grades (self);
  fill_chart (self);
}

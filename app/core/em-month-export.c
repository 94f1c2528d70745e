/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-month"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "em-error.h"
#include "em-mask.h"
#include "em-month-export.h"
#include "em-month-private.h"

/* The monthly workbook.
 *
 * Everything in it is computed first (the 12-month series, whose last
 * report is the month's own, and the deductions); the sheets are then
 * written from those figures, the evaluation detail straight from a query.
 *
 * libxlsxwriter errors are sticky here, the way cairo's are: every call's
 * lxw_error is checked, the first failure is kept with what was being done,
 * later writes are skipped, and the export fails with lxw_strerror() in the
 * message.  The file is written under a temporary name in the target folder
 * and renamed into place only when complete, so a failure or a cancel never
 * leaves a half-written workbook behind.
 *
 * The workbook's language is a parameter, not the process locale (the GUI
 * may export in either language from one process, from a worker thread),
 * so its words come from the table below rather than from gettext.
 */

typedef enum
{
  S_SHEET_SUMMARY, S_SHEET_AGENTS, S_SHEET_DEDUCTIONS, S_SHEET_TREND, S_SHEET_EVALUATIONS,
  S_TEAM_LABEL, S_ALL_TEAMS, S_SCHEME_LABEL, S_GENERATED_LABEL,
  S_TEAM_FIGURES, S_GRADE_DISTRIBUTION,
  S_TEAM, S_N_AGENTS, S_CALLS, S_EVALUATIONS, S_QA_SCORE, S_TOTAL, S_GRADE, S_RANK, S_TEAM_RANK,
  S_CODE, S_NAME, S_CENTER, S_WHOLE_TEAM, S_POINTS_SUFFIX, S_SECONDS_SUFFIX,
  S_MINIMUM, S_SHARE, S_NO_TOTAL,
  S_TOP, S_ITEM, S_SCORECARD, S_POINTS_LOST,
  S_CHART_AGENT_TOTALS, S_CHART_TREND, S_CHART_DEDUCTIONS,
  S_CALL_ID, S_DATE, S_INSPECTOR, S_STATUS, S_SCORE, S_FATAL, S_EXCLUDED, S_CALLER,
  S_DRAFT, S_SUBMITTED, S_FINALISED, S_YES, S_NO,
  N_STRINGS
} StringId;

static const char * const strings[N_STRINGS][2] = {
  [S_SHEET_SUMMARY]       = { "Summary", "汇总" },
  [S_SHEET_AGENTS]        = { "Agents", "坐席成绩" },
  [S_SHEET_DEDUCTIONS]    = { "Deductions", "扣分项" },
  [S_SHEET_TREND]         = { "12-month trend", "近12个月趋势" },
  [S_SHEET_EVALUATIONS]   = { "Evaluations", "评分明细" },
  [S_TEAM_LABEL]          = { "Team", "班组" },
  [S_ALL_TEAMS]           = { "All teams", "全部班组" },
  [S_SCHEME_LABEL]        = { "Scheme", "考核方案" },
  [S_GENERATED_LABEL]     = { "Generated", "生成时间" },
  [S_TEAM_FIGURES]        = { "Team figures", "班组成绩" },
  [S_GRADE_DISTRIBUTION]  = { "Grade distribution", "等级分布" },
  [S_TEAM]                = { "Team", "班组" },
  [S_N_AGENTS]            = { "Agents", "坐席数" },
  [S_CALLS]               = { "Calls", "通话数" },
  [S_EVALUATIONS]         = { "Evaluations", "评分数" },
  [S_QA_SCORE]            = { "QA score", "质检成绩" },
  [S_TOTAL]               = { "Total", "月度总分" },
  [S_GRADE]               = { "Grade", "等级" },
  [S_RANK]                = { "Rank", "排名" },
  [S_TEAM_RANK]           = { "Team rank", "班组排名" },
  [S_CODE]                = { "Code", "工号" },
  [S_NAME]                = { "Name", "姓名" },
  [S_CENTER]              = { "All agents", "全中心" },
  [S_WHOLE_TEAM]          = { "Whole team", "班组整体" },
  [S_POINTS_SUFFIX]       = { " (points)", "得分" },
  [S_SECONDS_SUFFIX]      = { " (s)", "（秒）" },
  [S_MINIMUM]             = { "From", "分数下限" },
  [S_SHARE]               = { "Share", "占比" },
  [S_NO_TOTAL]            = { "No total", "无总分" },
  [S_TOP]                 = { "Top", "排名" },
  [S_ITEM]                = { "Item", "扣分项目" },
  [S_SCORECARD]           = { "Scorecard", "评分表" },
  [S_POINTS_LOST]         = { "Points lost", "扣分合计" },
  [S_CHART_AGENT_TOTALS]  = { "Agent totals", "坐席月度总分" },
  [S_CHART_TREND]         = { "Monthly total, last 12 months", "近12个月月度总分" },
  [S_CHART_DEDUCTIONS]    = { "Top deductions", "扣分最多的项目" },
  [S_CALL_ID]             = { "Call ID", "通话编号" },
  [S_DATE]                = { "Date", "通话时间" },
  [S_INSPECTOR]           = { "Inspector", "质检员" },
  [S_STATUS]              = { "Status", "状态" },
  [S_SCORE]               = { "Score", "得分" },
  [S_FATAL]               = { "Fatal", "致命错误" },
  [S_EXCLUDED]            = { "Excluded", "剔除" },
  [S_CALLER]              = { "Caller", "主叫号码" },
  [S_DRAFT]               = { "Draft", "草稿" },
  [S_SUBMITTED]           = { "Submitted", "已提交" },
  [S_FINALISED]           = { "Finalised", "已定稿" },
  [S_YES]                 = { "Yes", "是" },
  [S_NO]                  = { "No", "否" },
};

/* Above this many evaluations in the month the workbook is written in
 * libxlsxwriter's constant-memory mode: rows go straight to disk and
 * strings inline, several times faster and smaller in memory for a big
 * detail sheet, at the price of the charts' cached values (spreadsheets
 * read the ranges instead).  Tests lower it to cover that mode.
 */
static gint64 constant_memory_threshold = 10000;

#define TREND_MONTHS     12
#define TOP_DEDUCTIONS   10
#define ROWS_PER_TICK    1000
#define MAX_COLUMN_WIDTH 48.0
#define WIDTH_SAMPLE     2000   /* rows whose text sets the column widths */

typedef struct
{
  lxw_worksheet *ws;
  const char    *name;
  GArray        *widths;      /* double per column: the widest text seen */
} Sheet;

typedef enum { SHEET_SUMMARY, SHEET_AGENTS, SHEET_DEDUCTIONS, SHEET_TREND, SHEET_EVALUATIONS, N_SHEETS } SheetIndex;

typedef struct
{
  EmDb                        *db;
  const EmMonthExportOptions  *options;
  EmScheme                    *scheme;
  gboolean                     zh;
  const char                  *language;
  char                        *team_name;
  GPtrArray                   *trend;        /* EmMonthReport*, oldest first */
  EmMonthReport               *report;       /* the last of trend */
  GPtrArray                   *agents;       /* const EmMonthFigures*, in scope */
  EmDeductions                *deductions;
  GPtrArray                   *grade_titles; /* char*, per grade of the scheme */

  lxw_workbook                *wb;
  Sheet                        sheets[N_SHEETS];
  lxw_format                  *f_title, *f_bold, *f_header, *f_text, *f_int, *f_points,
                              *f_percent, *f_seconds, *f_date;
  gboolean                     constant_memory;
  lxw_error                    err;
  const char                  *err_what;

  EmMonthExportProgress        progress;
  gpointer                     progress_data;
  double                       last_fraction;
  GCancellable                *cancellable;
} Export;

#define T(self, id) (strings[(id)][(self)->zh ? 1 : 0])

static void
check (Export     *self,
       lxw_error   err,
       const char *what)
{
  if (err != LXW_NO_ERROR && self->err == LXW_NO_ERROR)
    {
      self->err = err;
      self->err_what = what;
    }
}

static gboolean
failed (Export *self)
{
  return self->err != LXW_NO_ERROR;
}

/* For libxlsxwriter calls that return an object: NULL means it ran out of
 * memory or refused the arguments.
 */
static gpointer
check_object (Export     *self,
              gpointer    object,
              const char *what)
{
  if (object == NULL)
    check (self, LXW_ERROR_MEMORY_MALLOC_FAILED, what);
  return object;
}

static void
report_progress (Export *self,
                 double  fraction)
{
  if (self->progress == NULL || (fraction - self->last_fraction < 0.01 && fraction < 1.0))
    return;
  self->last_fraction = fraction;
  self->progress (fraction, self->progress_data);
}

/* ------------------------------------------------------------------ */
/* Cells                                                               */

static double
text_width (const char *text)
{
  double width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2.0 : 1.1;
  return width;
}

static void
note_width (Sheet  *sheet,
            guint   col,
            double  width)
{
  if (col >= sheet->widths->len)
    g_array_set_size (sheet->widths, col + 1);
  if (width > g_array_index (sheet->widths, double, col))
    g_array_index (sheet->widths, double, col) = width;
}

static void
put_string (Export     *self,
            Sheet      *sheet,
            guint       row,
            guint       col,
            const char *text,
            lxw_format *format)
{
  if (failed (self) || text == NULL || *text == '\0')
    return;
  check (self, worksheet_write_string (sheet->ws, row, col, text, format), "writing a cell");
  if (row < WIDTH_SAMPLE)
    note_width (sheet, col, text_width (text));
}

static void
put_number (Export     *self,
            Sheet      *sheet,
            guint       row,
            guint       col,
            double      value,
            lxw_format *format)
{
  if (failed (self))
    return;
  check (self, worksheet_write_number (sheet->ws, row, col, value, format), "writing a cell");
}

static void
put_points (Export     *self,
            Sheet      *sheet,
            guint       row,
            guint       col,
            gboolean    known,
            EmPoints    points)
{
  if (known)
    put_number (self, sheet, row, col, em_points_to_double (points), self->f_points);
}

#define HEADER_WIDTH 12.0

/* Headers wrap, so a long one widens its column only so much; and since
 * spreadsheets do not grow a row for wrapped text written by a program,
 * the row is made tall enough (before its cells: the constant-memory mode
 * writes a row out once the next one starts).  An empty title leaves its
 * cell empty.
 */
static void
put_header (Export              *self,
            Sheet               *sheet,
            guint                row,
            const char * const  *titles,
            guint                n_titles)
{
  guint n_lines = 1;

  for (guint col = 0; col < n_titles; col++)
    n_lines = MAX (n_lines, MIN ((guint) ((text_width (titles[col]) + HEADER_WIDTH - 1) / HEADER_WIDTH), 3));
  if (n_lines > 1 && !failed (self))
    check (self, worksheet_set_row (sheet->ws, row, 15.0 * n_lines, NULL), "setting a row height");

  for (guint col = 0; col < n_titles && !failed (self); col++)
    {
      if (*titles[col] == '\0')
        continue;
      check (self, worksheet_write_string (sheet->ws, row, col, titles[col], self->f_header),
             "writing a header");
      note_width (sheet, col, MIN (text_width (titles[col]), HEADER_WIDTH));
    }
}

/* A table's frozen header row (and @n_fixed_cols columns), its filter,
 * and the header repeated on every printed page.
 */
static void
finish_table (Export *self,
              Sheet  *sheet,
              guint   header_row,
              guint   last_row,
              guint   last_col,
              guint   n_fixed_cols)
{
  if (failed (self))
    return;

  worksheet_freeze_panes (sheet->ws, header_row + 1, n_fixed_cols);
  check (self, worksheet_autofilter (sheet->ws, header_row, 0, MAX (last_row, header_row), last_col),
         "adding a filter");
  check (self, worksheet_repeat_rows (sheet->ws, header_row, header_row), "setting up printing");
}

/* Column widths from the widest text seen, and a landscape A4 page, one
 * page wide.
 */
static void
finish_sheet (Export *self,
              Sheet  *sheet)
{
  for (guint col = 0; col < sheet->widths->len && !failed (self); col++)
    {
      double width = MIN (g_array_index (sheet->widths, double, col) + 2.0, MAX_COLUMN_WIDTH);
      check (self, worksheet_set_column (sheet->ws, col, col, MAX (width, 8.0), NULL),
             "setting a column width");
    }

  worksheet_set_landscape (sheet->ws);
  worksheet_set_paper (sheet->ws, 9);   /* A4 */
  worksheet_fit_to_pages (sheet->ws, 1, 0);
}

/* ------------------------------------------------------------------ */
/* Workbook set-up                                                     */

static lxw_format *
new_format (Export     *self,
            const char *num_format)
{
  lxw_format *format = check_object (self, workbook_add_format (self->wb), "adding a format");

  if (format != NULL && num_format != NULL)
    format_set_num_format (format, num_format);
  return format;
}

static void
add_formats (Export *self)
{
  self->f_title = new_format (self, NULL);
  self->f_bold = new_format (self, NULL);
  self->f_header = new_format (self, NULL);
  self->f_text = new_format (self, NULL);
  self->f_int = new_format (self, "0");
  self->f_points = new_format (self, "0.00");
  self->f_percent = new_format (self, "0.00%");
  self->f_seconds = new_format (self, "0.0");
  self->f_date = new_format (self, "yyyy-mm-dd hh:mm:ss");
  if (failed (self))
    return;

  format_set_bold (self->f_title);
  format_set_font_size (self->f_title, 14);
  format_set_bold (self->f_bold);
  format_set_bold (self->f_header);
  format_set_text_wrap (self->f_header);
  format_set_align (self->f_header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color (self->f_header, 0xDDE4EE);
  format_set_bottom (self->f_header, LXW_BORDER_THIN);
}

static void
add_sheets (Export *self)
{
  static const StringId names[N_SHEETS] = {
    S_SHEET_SUMMARY, S_SHEET_AGENTS, S_SHEET_DEDUCTIONS, S_SHEET_TREND, S_SHEET_EVALUATIONS,
  };

  for (guint i = 0; i < N_SHEETS && !failed (self); i++)
    {
      Sheet *sheet = &self->sheets[i];

      sheet->name = T (self, names[i]);
      check (self, workbook_validate_sheet_name (self->wb, sheet->name), "naming a sheet");
      if (failed (self))
        return;
      sheet->ws = check_object (self, workbook_add_worksheet (self->wb, sheet->name), "adding a sheet");
    }
}

static lxw_chart *
new_chart (Export     *self,
           uint8_t     type,
           const char *title)
{
  lxw_chart *chart = check_object (self, workbook_add_chart (self->wb, type), "adding a chart");

  if (chart != NULL)
    chart_title_set_name (chart, title);
  return chart;
}

static lxw_chart_series *
add_series (Export       *self,
            lxw_chart    *chart,
            const Sheet  *sheet,
            lxw_row_t     cat_row1,
            lxw_col_t     cat_col1,
            lxw_row_t     cat_row2,
            lxw_col_t     cat_col2,
            lxw_row_t     val_row1,
            lxw_col_t     val_col1,
            lxw_row_t     val_row2,
            lxw_col_t     val_col2)
{
  lxw_chart_series *series = check_object (self, chart_add_series (chart, NULL, NULL), "adding a chart series");

  if (series == NULL)
    return NULL;
  chart_series_set_categories (series, sheet->name, cat_row1, cat_col1, cat_row2, cat_col2);
  chart_series_set_values (series, sheet->name, val_row1, val_col1, val_row2, val_col2);
  return series;
}

static void
insert_chart (Export    *self,
              Sheet     *sheet,
              guint      row,
              guint      col,
              lxw_chart *chart,
              double     x_scale,
              double     y_scale)
{
  lxw_chart_options options = { .x_offset = 4, .y_offset = 4, .x_scale = x_scale, .y_scale = y_scale };

  if (!failed (self))
    check (self, worksheet_insert_chart_opt (sheet->ws, row, col, chart, &options), "inserting a chart");
}

/* ------------------------------------------------------------------ */
/* Figures rows (summary and agents sheets)                            */

/* The columns every figures row has after its own leading columns. */
static guint
figures_header (Export     *self,
                GPtrArray  *titles)
{
  guint n_metrics = em_scheme_get_n_metrics (self->scheme);

  g_ptr_array_add (titles, g_strdup (T (self, S_CALLS)));
  g_ptr_array_add (titles, g_strdup (T (self, S_EVALUATIONS)));
  g_ptr_array_add (titles, g_strdup (T (self, S_QA_SCORE)));

  for (guint i = 0; i < n_metrics; i++)
    {
      const EmSchemeMetric *metric = em_scheme_get_metric (self->scheme, i);
      g_autofree char *title = NULL;

      if (metric->kind == EM_METRIC_QA_SCORE)
        continue;
      title = em_scheme_dup_metric_title (self->scheme, i, self->language);
      if (metric->kind == EM_METRIC_AVERAGE_TALK_TIME)
        g_ptr_array_add (titles, g_strconcat (title, T (self, S_SECONDS_SUFFIX), NULL));
      else
        g_ptr_array_add (titles, g_strdup (title));
      if (metric->n_bands > 0)
        g_ptr_array_add (titles, g_strconcat (title, T (self, S_POINTS_SUFFIX), NULL));
    }

  g_ptr_array_add (titles, g_strdup (T (self, S_TOTAL)));
  g_ptr_array_add (titles, g_strdup (T (self, S_GRADE)));
  return titles->len;
}

static lxw_format *
metric_format (Export       *self,
               EmMetricKind  kind)
{
  if (em_metric_kind_is_rate (kind))
    return self->f_percent;
  if (kind == EM_METRIC_AVERAGE_TALK_TIME)
    return self->f_seconds;
  return self->f_points;
}

/* A grade's title, looked up in the scheme once per export, not per row. */
static const char *
grade_title (Export *self,
             guint   grade)
{
  if (self->grade_titles == NULL)
    {
      guint n_grades = em_scheme_get_n_grades (self->scheme);

      self->grade_titles = g_ptr_array_new_full (n_grades, g_free);
      for (guint g = 0; g < n_grades; g++)
        g_ptr_array_add (self->grade_titles, em_scheme_dup_grade_title (self->scheme, g, self->language));
    }

  return grade < self->grade_titles->len ? g_ptr_array_index (self->grade_titles, grade) : NULL;
}

/* Writes the columns figures_header() names, from @col; returns the
 * column of the total.
 */
static guint
put_figures (Export               *self,
             Sheet                *sheet,
             guint                 row,
             guint                 col,
             const EmMonthFigures *f)
{
  guint n_metrics = em_scheme_get_n_metrics (self->scheme);
  guint total_col;

  put_number (self, sheet, row, col++, f->counts.n_calls, self->f_int);
  put_number (self, sheet, row, col++, f->counts.n_evaluations, self->f_int);
  put_points (self, sheet, row, col++, f->has_qa_score, f->qa_score);

  for (guint i = 0; i < n_metrics; i++)
    {
      const EmSchemeMetric *metric = em_scheme_get_metric (self->scheme, i);
      const EmMetricValue *value = &f->metrics[i];

      if (metric->kind == EM_METRIC_QA_SCORE)
        continue;
      if (value->known)
        put_number (self, sheet, row, col, em_metric_value_to_double (metric->kind, value),
                    metric_format (self, metric->kind));
      col++;
      if (metric->n_bands > 0 && value->has_points)
        put_number (self, sheet, row, col, em_points_to_double (value->points), NULL);
      if (metric->n_bands > 0)
        col++;
    }

  total_col = col;
  put_points (self, sheet, row, col++, f->has_total, f->total);
  if (f->grade >= 0)
    put_string (self, sheet, row, col, grade_title (self, f->grade), NULL);

  return total_col;
}

static void
put_header_array (Export    *self,
                  Sheet     *sheet,
                  guint      row,
                  GPtrArray *titles)
{
  put_header (self, sheet, row, (const char * const *) titles->pdata, titles->len);
}

/* ------------------------------------------------------------------ */
/* Agents sheet                                                        */

/* Returns the column of the total (the chart's values). */
static guint
write_agents_sheet (Export *self)
{
  Sheet *sheet = &self->sheets[SHEET_AGENTS];
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  guint total_col = 0, n_cols;

  g_ptr_array_add (titles, g_strdup (T (self, S_CODE)));
  g_ptr_array_add (titles, g_strdup (T (self, S_NAME)));
  g_ptr_array_add (titles, g_strdup (T (self, S_TEAM)));
  figures_header (self, titles);
  g_ptr_array_add (titles, g_strdup (T (self, S_RANK)));
  g_ptr_array_add (titles, g_strdup (T (self, S_TEAM_RANK)));
  n_cols = titles->len;
  put_header_array (self, sheet, 0, titles);

  for (guint i = 0; i < self->agents->len && !failed (self); i++)
    {
      const EmMonthFigures *f = g_ptr_array_index (self->agents, i);
      guint row = i + 1;

      put_string (self, sheet, row, 0, f->code, NULL);
      put_string (self, sheet, row, 1, f->name, NULL);
      put_string (self, sheet, row, 2, f->team, NULL);
      total_col = put_figures (self, sheet, row, 3, f);
      if (f->rank > 0)
        put_number (self, sheet, row, n_cols - 2, f->rank, self->f_int);
      if (f->team_rank > 0)
        put_number (self, sheet, row, n_cols - 1, f->team_rank, self->f_int);
    }

  finish_table (self, sheet, 0, self->agents->len, n_cols - 1, 2);
  finish_sheet (self, sheet);
  return total_col != 0 ? total_col : n_cols - 4;
}

/* ------------------------------------------------------------------ */
/* Summary sheet                                                       */

static guint
write_summary_heading (Export *self,
                       Sheet  *sheet)
{
  g_autofree char *month = em_period_to_string (&self->options->month);
  g_autofree char *title = self->zh ? g_strdup_printf ("%s 月度考核", month)
                                    : g_strdup_printf ("Monthly evaluation %s", month);
  g_autofree char *scheme = em_scheme_dup_title (self->scheme, self->language);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *generated = g_date_time_format (now, "%Y-%m-%d %H:%M");

  check (self, worksheet_set_row (sheet->ws, 0, 22, NULL), "setting a row height");
  put_string (self, sheet, 0, 0, title, self->f_title);
  put_string (self, sheet, 1, 0, T (self, S_TEAM_LABEL), self->f_bold);
  put_string (self, sheet, 1, 1, self->team_name != NULL ? self->team_name : T (self, S_ALL_TEAMS), NULL);
  put_string (self, sheet, 2, 0, T (self, S_SCHEME_LABEL), self->f_bold);
  put_string (self, sheet, 2, 1, scheme, NULL);
  put_string (self, sheet, 3, 0, T (self, S_GENERATED_LABEL), self->f_bold);
  put_string (self, sheet, 3, 1, generated, NULL);

  /* The title and the scheme's name must not set the widths of columns
   * that hold figures below them.
   */
  g_array_set_size (sheet->widths, 0);
  return 5;
}

static guint
write_team_figures (Export *self,
                    Sheet  *sheet,
                    guint   row)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  guint n_teams = em_month_report_get_n_teams (self->report);

  put_string (self, sheet, row++, 0, T (self, S_TEAM_FIGURES), self->f_bold);
  g_ptr_array_add (titles, g_strdup (T (self, S_TEAM)));
  g_ptr_array_add (titles, g_strdup (T (self, S_N_AGENTS)));
  figures_header (self, titles);
  g_ptr_array_add (titles, g_strdup (T (self, S_RANK)));
  put_header_array (self, sheet, row++, titles);

  for (guint i = 0; i < n_teams && !failed (self); i++)
    {
      const EmMonthFigures *team = em_month_report_get_team (self->report, i);

      if (self->options->team_id != 0 && team->id != self->options->team_id)
        continue;
      put_string (self, sheet, row, 0, team->name, NULL);
      put_number (self, sheet, row, 1, team->n_agents, self->f_int);
      put_figures (self, sheet, row, 2, team);
      if (team->rank > 0)
        put_number (self, sheet, row, titles->len - 1, team->rank, self->f_int);
      row++;
    }

  put_string (self, sheet, row, 0, T (self, S_CENTER), self->f_bold);
  put_number (self, sheet, row, 1, em_month_report_get_center (self->report)->n_agents, self->f_int);
  put_figures (self, sheet, row, 2, em_month_report_get_center (self->report));

  return row + 2;
}

static guint
write_grade_distribution (Export *self,
                          Sheet  *sheet,
                          guint   row)
{
  const char *titles[] = { T (self, S_GRADE), T (self, S_MINIMUM), T (self, S_N_AGENTS), T (self, S_SHARE) };
  guint n_grades = em_scheme_get_n_grades (self->scheme);
  g_autofree guint *counts = g_new0 (guint, n_grades + 1);
  guint n_agents = self->agents->len;

  for (guint i = 0; i < n_agents; i++)
    {
      const EmMonthFigures *f = g_ptr_array_index (self->agents, i);
      counts[f->grade >= 0 ? (guint) f->grade : n_grades]++;
    }

  put_string (self, sheet, row++, 0, T (self, S_GRADE_DISTRIBUTION), self->f_bold);
  put_header (self, sheet, row++, titles, G_N_ELEMENTS (titles));

  for (guint g = 0; g <= n_grades && !failed (self); g++)
    {
      const char *name = g < n_grades ? grade_title (self, g) : T (self, S_NO_TOTAL);

      if (g == n_grades && counts[g] == 0)
        break;
      put_string (self, sheet, row, 0, name, NULL);
      if (g < n_grades)
        put_points (self, sheet, row, 1, TRUE, em_scheme_get_grade (self->scheme, g)->minimum);
      put_number (self, sheet, row, 2, counts[g], self->f_int);
      if (n_agents > 0)
        put_number (self, sheet, row, 3, (double) counts[g] / n_agents, self->f_percent);
      row++;
    }

  return row + 1;
}

static void
write_summary_sheet (Export *self,
                     guint   agents_total_col)
{
  Sheet *sheet = &self->sheets[SHEET_SUMMARY];
  const Sheet *agents = &self->sheets[SHEET_AGENTS];
  guint row = write_summary_heading (self, sheet);
  guint n = self->agents->len;
  lxw_chart *chart;

  row = write_team_figures (self, sheet, row);
  row = write_grade_distribution (self, sheet, row);

  /* An empty month has nothing to chart (a chart over no rows is invalid). */
  if (n > 0 && !failed (self) &&
      (chart = new_chart (self, LXW_CHART_COLUMN, T (self, S_CHART_AGENT_TOTALS))))
    {
      lxw_chart_series *series = add_series (self, chart, agents, 1, 1, n, 1, 1, agents_total_col,
                                             n, agents_total_col);
      if (series != NULL)
        chart_series_set_name (series, T (self, S_TOTAL));
      chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
      chart_axis_set_min (chart->y_axis, 0);
      insert_chart (self, sheet, row, 0, chart, CLAMP (n / 12.0, 1.5, 6.0), 1.2);
    }

  finish_sheet (self, sheet);
}

/* ------------------------------------------------------------------ */
/* Deductions sheet                                                    */

/* Two tables side by side, overall (columns A–F) and per agent (from
 * column H), written row by row so that the constant-memory mode, which
 * only moves forward, can write them too.
 */
#define AGENT_DEDUCTIONS_COL 7

typedef struct
{
  const EmMonthFigures *agent;
  const EmDeduction    *deduction;
} AgentDeduction;

static GArray *
list_agent_deductions (Export *self)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (AgentDeduction));

  for (guint i = 0; i < self->agents->len; i++)
    {
      const EmMonthFigures *f = g_ptr_array_index (self->agents, i);
      guint n = em_deductions_get_n_for_agent (self->deductions, f->id);

      for (guint j = 0; j < n; j++)
        {
          AgentDeduction item = { f, em_deductions_get_for_agent (self->deductions, f->id, j) };
          g_array_append_val (list, item);
        }
    }
  return list;
}

static void
put_overall_deduction (Export *self,
                       Sheet  *sheet,
                       guint   index)
{
  const EmDeduction *d = em_deductions_get_overall (self->deductions, index);
  EmPoints all = em_deductions_get_total_points (self->deductions);
  guint row = index + 1;

  put_number (self, sheet, row, 0, index + 1, self->f_int);
  put_string (self, sheet, row, 1, d->item_title, NULL);
  put_string (self, sheet, row, 2, d->scorecard_title, NULL);
  put_number (self, sheet, row, 3, d->n_evaluations, self->f_int);
  put_points (self, sheet, row, 4, TRUE, d->points);
  if (all > 0)
    put_number (self, sheet, row, 5, (double) d->points / all, self->f_percent);
}

static void
put_agent_deduction (Export               *self,
                     Sheet                *sheet,
                     guint                 row,
                     const AgentDeduction *item)
{
  guint col = AGENT_DEDUCTIONS_COL;

  put_string (self, sheet, row, col, item->agent->code, NULL);
  put_string (self, sheet, row, col + 1, item->agent->name, NULL);
  put_string (self, sheet, row, col + 2, item->agent->team, NULL);
  put_string (self, sheet, row, col + 3, item->deduction->item_title, NULL);
  put_string (self, sheet, row, col + 4, item->deduction->scorecard_title, NULL);
  put_number (self, sheet, row, col + 5, item->deduction->n_evaluations, self->f_int);
  put_points (self, sheet, row, col + 6, TRUE, item->deduction->points);
}

static void
write_deduction_tables (Export *self,
                        Sheet  *sheet,
                        guint   n_overall,
                        GArray *per_agent)
{
  const char *titles[] = {
    T (self, S_TOP), T (self, S_ITEM), T (self, S_SCORECARD), T (self, S_EVALUATIONS),
    T (self, S_POINTS_LOST), T (self, S_SHARE), "",
    T (self, S_CODE), T (self, S_NAME), T (self, S_TEAM), T (self, S_ITEM), T (self, S_SCORECARD),
    T (self, S_EVALUATIONS), T (self, S_POINTS_LOST),
  };
  guint n_rows = MAX (n_overall, per_agent->len);

  put_header (self, sheet, 0, titles, G_N_ELEMENTS (titles));
  for (guint i = 0; i < n_rows && !failed (self); i++)
    {
      if (i < n_overall)
        put_overall_deduction (self, sheet, i);
      if (i < per_agent->len)
        put_agent_deduction (self, sheet, i + 1, &g_array_index (per_agent, AgentDeduction, i));
    }

  if (!failed (self))
    check (self, worksheet_autofilter (sheet->ws, 0, AGENT_DEDUCTIONS_COL, MAX (per_agent->len, 1),
                                       G_N_ELEMENTS (titles) - 1),
           "adding a filter");
}

static void
write_deductions_sheet (Export *self)
{
  Sheet *sheet = &self->sheets[SHEET_DEDUCTIONS];
  guint n_overall = em_deductions_get_n_overall (self->deductions);
  guint n_top = MIN (n_overall, TOP_DEDUCTIONS);
  g_autoptr(GArray) per_agent = list_agent_deductions (self);
  lxw_chart *chart;

  write_deduction_tables (self, sheet, n_overall, per_agent);
  if (failed (self))
    return;

  worksheet_freeze_panes (sheet->ws, 1, 0);
  check (self, worksheet_repeat_rows (sheet->ws, 0, 0), "setting up printing");

  if (n_top > 0 && (chart = new_chart (self, LXW_CHART_BAR, T (self, S_CHART_DEDUCTIONS))))
    {
      lxw_chart_series *series = add_series (self, chart, sheet, 1, 1, n_top, 1, 1, 4, n_top, 4);
      if (series != NULL)
        chart_series_set_name (series, T (self, S_POINTS_LOST));
      chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
      /* The costliest item on top, as in the table. */
      chart_axis_set_reverse (chart->y_axis);
      insert_chart (self, sheet, 1, AGENT_DEDUCTIONS_COL + 8, chart, 1.5, 1.2);
    }

  finish_sheet (self, sheet);
}

/* ------------------------------------------------------------------ */
/* Trend sheet                                                         */

static void
put_trend_row (Export                 *self,
               Sheet                  *sheet,
               guint                   row,
               const EmMonthFigures  **by_month)
{
  for (guint m = 0; m < TREND_MONTHS; m++)
    if (by_month[m] != NULL)
      put_points (self, sheet, row, 3 + m, by_month[m]->has_total, by_month[m]->total);
}

/* Rows: the center, the teams in scope, then the agents in scope; columns
 * code, name, team and the twelve months' totals, oldest first.
 */
static guint
write_trend_rows (Export *self,
                  Sheet  *sheet)
{
  const EmMonthFigures *by_month[TREND_MONTHS];
  guint row = 1;

  for (guint m = 0; m < TREND_MONTHS; m++)
    by_month[m] = em_month_report_get_center (g_ptr_array_index (self->trend, m));
  put_string (self, sheet, row, 1, T (self, S_CENTER), self->f_bold);
  put_trend_row (self, sheet, row++, by_month);

  for (guint i = 0; i < em_month_report_get_n_teams (self->report) && !failed (self); i++)
    {
      const EmMonthFigures *team = em_month_report_get_team (self->report, i);

      if (self->options->team_id != 0 && team->id != self->options->team_id)
        continue;
      for (guint m = 0; m < TREND_MONTHS; m++)
        by_month[m] = em_month_report_find_team (g_ptr_array_index (self->trend, m), team->id);
      put_string (self, sheet, row, 1, T (self, S_WHOLE_TEAM), self->f_bold);
      put_string (self, sheet, row, 2, team->name, self->f_bold);
      put_trend_row (self, sheet, row++, by_month);
    }

  return row;
}

static void
write_trend_agents (Export *self,
                    Sheet  *sheet,
                    guint   row)
{
  const EmMonthFigures *by_month[TREND_MONTHS];

  for (guint i = 0; i < self->agents->len && !failed (self); i++, row++)
    {
      const EmMonthFigures *f = g_ptr_array_index (self->agents, i);

      for (guint m = 0; m < TREND_MONTHS; m++)
        by_month[m] = em_month_report_find_agent (g_ptr_array_index (self->trend, m), f->code);
      put_string (self, sheet, row, 0, f->code, NULL);
      put_string (self, sheet, row, 1, f->name, NULL);
      put_string (self, sheet, row, 2, f->team, NULL);
      put_trend_row (self, sheet, row, by_month);
    }
}

static void
write_trend_sheet (Export *self)
{
  Sheet *sheet = &self->sheets[SHEET_TREND];
  const char *titles[3 + TREND_MONTHS] = { T (self, S_CODE), T (self, S_NAME), T (self, S_TEAM) };
  char *months[TREND_MONTHS] = { NULL };
  guint n_group_rows;
  lxw_chart *chart;

  for (guint m = 0; m < TREND_MONTHS; m++)
    titles[3 + m] = months[m] = em_period_to_string (em_month_report_get_period (g_ptr_array_index (self->trend, m)));
  put_header (self, sheet, 0, titles, G_N_ELEMENTS (titles));

  n_group_rows = write_trend_rows (self, sheet) - 1;
  write_trend_agents (self, sheet, n_group_rows + 1);
  finish_table (self, sheet, 0, n_group_rows + self->agents->len, G_N_ELEMENTS (titles) - 1, 3);

  /* One line for the center and one per team: agents' lines are in the
   * table (and in the GUI's agent page), 500 lines would be unreadable.
   */
  if (!failed (self) && (chart = new_chart (self, LXW_CHART_LINE, T (self, S_CHART_TREND))))
    {
      for (guint r = 1; r <= n_group_rows && !failed (self); r++)
        {
          lxw_chart_series *series = add_series (self, chart, sheet, 0, 3, 0, 2 + TREND_MONTHS,
                                                 r, 3, r, 2 + TREND_MONTHS);
          if (series != NULL)
            chart_series_set_name_range (series, sheet->name, r, r == 1 ? 1 : 2);
          if (series != NULL)
            chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
        }
      chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
      insert_chart (self, sheet, 1, 4 + TREND_MONTHS, chart, 1.6, 1.4);
    }

  for (guint m = 0; m < TREND_MONTHS; m++)
    g_clear_pointer (&months[m], g_free);
  finish_sheet (self, sheet);
}

/* ------------------------------------------------------------------ */
/* Evaluation detail                                                   */

static const char detail_sql[] =
  "SELECT c.external_id, c.started_at + c.utc_offset, a.code, a.name, t.name, e.inspector,"
  "       e.scorecard_version_id, s.title, e.status, e.total, e.fatal, e.excluded, c.caller"
  " FROM evaluations e CROSS JOIN calls c ON c.id = e.call_id"
  " JOIN agents a ON a.id = c.agent_id"
  " LEFT JOIN teams t ON t.id = a.team_id"
  " JOIN scorecard_versions sv ON sv.id = e.scorecard_version_id"
  " JOIN scorecards s ON s.id = sv.scorecard_id"
  " WHERE (?5 = 0 OR a.team_id = ?5) AND" EM_MONTH_CALL_IN_RANGE
  " ORDER BY c.started_at, c.id, e.id";


static const char *
status_text (Export *self,
             int     status)
{
  switch (status)
    {
    case 0: return T (self, S_DRAFT);
    case 1: return T (self, S_SUBMITTED);
    default: return T (self, S_FINALISED);
    }
}

static void
put_detail_row (Export            *self,
                Sheet             *sheet,
                guint              row,
                sqlite3_stmt      *stmt,
                EmScorecardTitles *titles)
{
  const char *caller = (const char *) sqlite3_column_text (stmt, 12);
  g_autofree char *masked = NULL;
  const char *scorecard = em_scorecard_titles_get_scorecard (titles, sqlite3_column_int64 (stmt, 6),
                                                             (const char *) sqlite3_column_text (stmt, 7));

  put_string (self, sheet, row, 0, (const char *) sqlite3_column_text (stmt, 0), NULL);
  if (!failed (self))
    check (self, worksheet_write_unixtime (sheet->ws, row, 1, sqlite3_column_int64 (stmt, 1), self->f_date),
           "writing a date");
  put_string (self, sheet, row, 2, (const char *) sqlite3_column_text (stmt, 2), NULL);
  put_string (self, sheet, row, 3, (const char *) sqlite3_column_text (stmt, 3), NULL);
  put_string (self, sheet, row, 4, (const char *) sqlite3_column_text (stmt, 4), NULL);
  put_string (self, sheet, row, 5, (const char *) sqlite3_column_text (stmt, 5), NULL);
  put_string (self, sheet, row, 6, scorecard, NULL);
  put_string (self, sheet, row, 7, status_text (self, sqlite3_column_int (stmt, 8)), NULL);
  put_points (self, sheet, row, 8, TRUE, sqlite3_column_int64 (stmt, 9));
  put_string (self, sheet, row, 9, T (self, sqlite3_column_int (stmt, 10) ? S_YES : S_NO), NULL);
  put_string (self, sheet, row, 10, T (self, sqlite3_column_int (stmt, 11) ? S_YES : S_NO), NULL);
  if (caller != NULL && !self->options->show_callers)
    caller = masked = em_mask_phone (caller);
  put_string (self, sheet, row, 11, caller, NULL);
}

/* Rows come in time order, so how far into the month the last one lies
 * says how far the detail is done, without counting the rows first.
 */
static gboolean
write_detail_rows (Export    *self,
                   Sheet     *sheet,
                   guint     *out_rows,
                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = em_db_prepare (self->db, detail_sql, error);
  g_autoptr(EmScorecardTitles) titles = NULL;
  gint64 start, end;
  guint row = 1;
  int rc;

  if (stmt == NULL)
    return FALSE;

  em_period_get_bounds (&self->options->month, &start, &end);
  em_month_bind_range (stmt, 1, start, end);
  sqlite3_bind_int64 (stmt, 5, self->options->team_id);

  titles = em_scorecard_titles_new (self->db, self->language);
  while (!failed (self) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      put_detail_row (self, sheet, row++, stmt, titles);
      if (row % ROWS_PER_TICK == 0)
        {
          double done = (double) (sqlite3_column_int64 (stmt, 1) - start) / (double) (end - start);

          if (!em_month_check_cancelled (self->cancellable, error))
            return FALSE;
          report_progress (self, 0.4 + 0.5 * CLAMP (done, 0.0, 1.0));
        }
    }

  *out_rows = row - 1;
  if (!failed (self) && rc != SQLITE_DONE)
    return em_month_step_error (self->db, rc, self->cancellable, error);
  return TRUE;
}

static gboolean
write_detail_sheet (Export  *self,
                    GError **error)
{
  Sheet *sheet = &self->sheets[SHEET_EVALUATIONS];
  const char *titles[] = {
    T (self, S_CALL_ID), T (self, S_DATE), T (self, S_CODE), T (self, S_NAME), T (self, S_TEAM),
    T (self, S_INSPECTOR), T (self, S_SCORECARD), T (self, S_STATUS), T (self, S_SCORE),
    T (self, S_FATAL), T (self, S_EXCLUDED), T (self, S_CALLER),
  };
  guint n_written = 0;
  gboolean ok;

  put_header (self, sheet, 0, titles, G_N_ELEMENTS (titles));
  note_width (sheet, 1, 20);   /* the date */

  em_month_watch_cancellable (self->db, self->cancellable);
  ok = write_detail_rows (self, sheet, &n_written, error);
  em_month_watch_cancellable (self->db, NULL);

  finish_table (self, sheet, 0, n_written, G_N_ELEMENTS (titles) - 1, 1);
  finish_sheet (self, sheet);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Putting it together                                                 */

static gboolean
compute (Export  *self,
         GError **error)
{
  gint64 team_id = self->options->team_id;

  self->trend = em_month_report_compute_series (self->db, self->scheme, &self->options->month,
                                                TREND_MONTHS, self->cancellable, error);
  if (self->trend == NULL)
    return FALSE;
  self->report = g_ptr_array_index (self->trend, TREND_MONTHS - 1);
  report_progress (self, 0.25);

  self->agents = g_ptr_array_new ();
  for (guint i = 0; i < em_month_report_get_n_agents (self->report); i++)
    {
      const EmMonthFigures *f = em_month_report_get_agent (self->report, i);
      if (team_id == 0 || f->team_id == team_id)
        g_ptr_array_add (self->agents, (gpointer) f);
    }

  self->constant_memory =
    em_month_report_get_center (self->report)->counts.n_evaluations >= constant_memory_threshold;

  self->deductions = em_month_collect_deductions (self->db, &self->options->month, team_id,
                                                  self->language, self->cancellable, error);
  if (self->deductions == NULL)
    return FALSE;
  report_progress (self, 0.3);

  return TRUE;
}

static gboolean
lookup_team_name (Export  *self,
                  GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (self->options->team_id == 0)
    return TRUE;

  if (!(stmt = em_db_prepare (self->db, "SELECT name FROM teams WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->options->team_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_NOT_FOUND, _("The team chosen for the export no longer exists."));
      return FALSE;
    }
  self->team_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return TRUE;
}

static void
set_properties (Export *self)
{
  g_autofree char *month = em_period_to_string (&self->options->month);
  g_autofree char *title = self->zh ? g_strdup_printf ("%s 月度考核", month)
                                    : g_strdup_printf ("Monthly evaluation %s", month);
  lxw_doc_properties properties = { .title = title, .author = "Earmark", .comments = "Earmark " PACKAGE_VERSION };

  check (self, workbook_set_properties (self->wb, &properties), "setting the document properties");
}

static gboolean
write_sheets (Export  *self,
              GError **error)
{
  guint total_col;

  add_formats (self);
  add_sheets (self);
  set_properties (self);
  if (failed (self))
    return TRUE;

  total_col = write_agents_sheet (self);
  write_summary_sheet (self, total_col);
  write_deductions_sheet (self);
  write_trend_sheet (self);
  report_progress (self, 0.4);

  if (!em_month_check_cancelled (self->cancellable, error))
    return FALSE;
  return write_detail_sheet (self, error);
}

/* A temporary file beside @path: rename() then replaces @path atomically,
 * on the same file system.
 */
static char *
create_temporary (const char  *path,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, name, NULL);
  int fd, saved_errno;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, EM_ERROR, EM_ERROR_IO, _("Cannot write the workbook “%s”: it is a folder."), path);
      return NULL;
    }

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, EM_ERROR, EM_ERROR_IO, _("Cannot write the workbook “%s”: %s"),
                   path, g_strerror (saved_errno));
      return NULL;
    }
  close (fd);

  return g_steal_pointer (&tmp);
}

static gboolean
write_workbook (Export      *self,
                const char  *tmp,
                const char  *path,
                GError     **error)
{
  lxw_workbook_options options = { .constant_memory = self->constant_memory, .tmpdir = NULL };
  gboolean ok;
  lxw_error err;

  self->wb = workbook_new_opt (tmp, &options);
  if (self->wb == NULL)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_IO, _("Cannot write the workbook “%s”: %s"),
                   path, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      return FALSE;
    }

  ok = write_sheets (self, error);
  if (!ok || failed (self))
    {
      lxw_workbook_free (self->wb);
      self->wb = NULL;
      if (ok)
        g_set_error (error, EM_ERROR, EM_ERROR_IO, _("Cannot write the workbook “%s”: %s (while %s)"),
                     path, lxw_strerror (self->err), self->err_what);
      return FALSE;
    }

  err = workbook_close (self->wb);
  self->wb = NULL;
  if (err != LXW_NO_ERROR)
    {
      g_set_error (error, EM_ERROR, EM_ERROR_IO, _("Cannot write the workbook “%s”: %s"),
                   path, lxw_strerror (err));
      return FALSE;
    }

  return TRUE;
}

static void
export_clear (Export *self)
{
  for (guint i = 0; i < N_SHEETS; i++)
    g_clear_pointer (&self->sheets[i].widths, g_array_unref);
  g_clear_pointer (&self->trend, g_ptr_array_unref);
  g_clear_pointer (&self->agents, g_ptr_array_unref);
  g_clear_pointer (&self->deductions, em_deductions_free);
  g_clear_pointer (&self->grade_titles, g_ptr_array_unref);
  g_clear_pointer (&self->team_name, g_free);
  g_clear_object (&self->scheme);
}

/**
 * em_month_export:
 * @path: the .xlsx file to write (replaced if it exists)
 * @progress: (nullable): called with the fraction done, in this thread
 *
 * Writes the month's workbook.  On failure or cancellation nothing is left
 * at @path (an existing file there is kept as it was).
 */
gboolean
em_month_export (EmDb                        *db,
                 const EmMonthExportOptions  *options,
                 const char                  *path,
                 EmMonthExportProgress        progress,
                 gpointer                     progress_data,
                 GCancellable                *cancellable,
                 GError                     **error)
{
  Export self = { 0 };
  g_autofree char *tmp = NULL;
  gboolean ok;

  g_return_val_if_fail (EM_IS_DB (db), FALSE);
  g_return_val_if_fail (options != NULL && options->month.kind == EM_PERIOD_MONTH, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  self.db = db;
  self.options = options;
  self.scheme = options->scheme != NULL ? g_object_ref (options->scheme) : em_scheme_new_default ();
  self.language = options->language != NULL ? options->language : em_month_language_from_environment ();
  self.zh = g_str_has_prefix (self.language, "zh");
  self.progress = progress;
  self.progress_data = progress_data;
  self.last_fraction = -1.0;
  self.cancellable = cancellable;
  for (guint i = 0; i < N_SHEETS; i++)
    self.sheets[i].widths = g_array_new (FALSE, TRUE, sizeof (double));

  report_progress (&self, 0.0);
  ok = lookup_team_name (&self, error) &&
       compute (&self, error) &&
       (tmp = create_temporary (path, error)) != NULL;

  if (ok && !(ok = write_workbook (&self, tmp, path, error)))
    g_unlink (tmp);

  if (ok && g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, EM_ERROR, EM_ERROR_IO, _("Cannot write the workbook “%s”: %s"),
                   path, g_strerror (saved_errno));
      g_unlink (tmp);
      ok = FALSE;
    }

  if (ok)
    report_progress (&self, 1.0);
  export_clear (&self);
  return ok;
}

void
em_month_export_set_constant_memory_threshold (gint64 n_evaluations)
{
  constant_memory_threshold = n_evaluations;
}

/* ------------------------------------------------------------------ */
/* In a worker thread                                                  */

typedef struct
{
  char                 *db_path;
  EmMonthExportOptions  options;
  char                 *language;
  char                 *path;
  EmMonthExportProgress progress;
  gpointer              progress_data;
  GDestroyNotify        progress_data_destroy;
  GMainContext         *context;
} ExportTask;

typedef struct
{
  EmMonthExportProgress progress;
  gpointer              progress_data;
  double                fraction;
} ProgressCall;

static void
export_task_free (gpointer data)
{
  ExportTask *task = data;

  if (task->progress_data_destroy != NULL)
    task->progress_data_destroy (task->progress_data);
  g_clear_object (&task->options.scheme);
  g_clear_pointer (&task->context, g_main_context_unref);
  g_free (task->db_path);
  g_free (task->language);
  g_free (task->path);
  g_free (task);
}

static gboolean
progress_in_context (gpointer data)
{
  ProgressCall *call = data;

  call->progress (call->fraction, call->progress_data);
  return G_SOURCE_REMOVE;
}

/* Hops from the worker thread to the caller's main context.  The task
 * (and so progress_data) outlives every hop: GTask returns its result in
 * that same context, after the idles queued before it.
 */
static void
progress_from_thread (double   fraction,
                      gpointer data)
{
  ExportTask *task = data;
  ProgressCall *call = g_new (ProgressCall, 1);

  call->progress = task->progress;
  call->progress_data = task->progress_data;
  call->fraction = fraction;
  g_main_context_invoke_full (task->context, G_PRIORITY_DEFAULT, progress_in_context, call, g_free);
}

static void
export_thread (GTask        *gtask,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTask *task = task_data;
  g_autoptr(EmDb) db = NULL;
  GError *error = NULL;

  if (!(db = em_db_open (task->db_path, &error)) ||
      !em_month_export (db, &task->options, task->path,
                        task->progress != NULL ? progress_from_thread : NULL, task,
                        cancellable, &error))
    g_task_return_error (gtask, error);
  else
    g_task_return_boolean (gtask, TRUE);
}

/**
 * em_month_export_async:
 * @db_path: the database; the worker thread opens its own connection
 * @progress: (nullable): called in the caller's thread-default main context
 *
 * Runs em_month_export() in a worker thread.  @options is copied.
 */
void
em_month_export_async (const char                  *db_path,
                       const EmMonthExportOptions  *options,
                       const char                  *path,
                       EmMonthExportProgress        progress,
                       gpointer                     progress_data,
                       GDestroyNotify               progress_data_destroy,
                       GCancellable                *cancellable,
                       GAsyncReadyCallback          callback,
                       gpointer                     user_data)
{
  g_autoptr(GTask) gtask = NULL;
  ExportTask *task;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (path != NULL);

  task = g_new0 (ExportTask, 1);
  task->db_path = g_strdup (db_path);
  task->options = *options;
  task->options.scheme = options->scheme != NULL ? g_object_ref (options->scheme) : NULL;
  task->options.language = task->language = g_strdup (options->language);
  task->path = g_strdup (path);
  task->progress = progress;
  task->progress_data = progress_data;
  task->progress_data_destroy = progress_data_destroy;
  task->context = g_main_context_ref_thread_default ();

  gtask = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (gtask, em_month_export_async);
  /* A cancel that comes after the workbook was renamed into place must
   * not report "cancelled": the worker's own result says what happened.
   */
  g_task_set_check_cancellable (gtask, FALSE);
  g_task_set_task_data (gtask, task, export_task_free);
  g_task_run_in_thread (gtask, export_thread);
}

gboolean
em_month_export_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

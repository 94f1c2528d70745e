/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "em-error.h"
#include "em-month.h"
#include "em-month-fixture.h"
#include "em-test-util.h"

/* The monthly figures of the fixture database, checked against the values
 * worked out by hand in em-month-fixture.c from the seeds' bands.
 */

typedef struct
{
  char     *dir;
  char     *path;
  EmDb     *db;
  EmScheme *scheme;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = em_test_make_tmpdir ();
  f->path = em_month_fixture_create (f->dir);
  f->db = em_db_open (f->path, NULL);
  f->scheme = em_scheme_new_default ();
  g_assert_nonnull (f->db);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->db);
  g_clear_object (&f->scheme);
  em_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static EmMonthReport *
compute (Fixture    *f,
         const char *when)
{
  g_autoptr(GError) error = NULL;
  EmMonthReport *report;
  EmPeriod period;

  g_assert_true (em_period_parse (when, &period, &error));
  report = em_month_report_compute (f->db, f->scheme, &period, NULL, &error);
  g_assert_no_error (error);
  return report;
}

/* The value, band points and normalised score of the metric of @kind. */
static const EmMetricValue *
metric (EmScheme             *scheme,
        const EmMonthFigures *figures,
        EmMetricKind          kind)
{
  int index = em_scheme_find_metric (scheme, kind);

  g_assert_cmpint (index, >=, 0);
  return &figures->metrics[index];
}

static char *
format_metric (EmScheme             *scheme,
               const EmMonthFigures *figures,
               EmMetricKind          kind)
{
  return em_metric_value_format (kind, metric (scheme, figures, kind));
}

static void
assert_metric (EmScheme             *scheme,
               const EmMonthFigures *figures,
               EmMetricKind          kind,
               const char           *value,
               EmPoints              points)
{
  g_autofree char *text = format_metric (scheme, figures, kind);
  const EmMetricValue *v = metric (scheme, figures, kind);

  g_assert_cmpstr (text, ==, value);
  if (points < 0)
    g_assert_false (v->has_points);
  else
    {
      g_assert_true (v->has_points);
      g_assert_cmpint (v->points, ==, points);
    }
}

static void
test_agent_figures (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(EmMonthReport) report = compute (f, "2024-05");
  const EmMonthFigures *a001 = em_month_report_find_agent (report, "A001");

  g_assert_nonnull (a001);
  g_assert_cmpstr (a001->name, ==, "王芳");
  g_assert_cmpstr (a001->team, ==, "一组");
  g_assert_cmpint (a001->counts.n_calls, ==, 11);
  g_assert_cmpint (a001->counts.n_evaluations, ==, 2);
  g_assert_true (a001->has_qa_score);
  g_assert_cmpint (a001->qa_score, ==, 9000);

  /* exactly 90 % → 10; 70 % → 6; the seed 002 mean 38/10 */
  assert_metric (f->scheme, a001, EM_METRIC_ANSWER_RATE, "0.9000", 1000);
  assert_metric (f->scheme, a001, EM_METRIC_SATISFACTION_RATE, "0.7000", 600);
  assert_metric (f->scheme, a001, EM_METRIC_SATISFACTION_MEAN, "3.80", -1);
  assert_metric (f->scheme, a001, EM_METRIC_RESOLUTION_RATE, "0.9000", 1000);
  assert_metric (f->scheme, a001, EM_METRIC_AVERAGE_TALK_TIME, "180.00", 1000);
  assert_metric (f->scheme, a001, EM_METRIC_TICKET_RATE, "0.7500", 600);

  g_assert_true (a001->has_total);
  g_assert_cmpint (a001->total, ==, 8700);
  g_assert_cmpint (a001->grade, ==, 1);   /* 良好 */
  g_assert_cmpint (a001->rank, ==, 1);
  g_assert_cmpint (a001->team_rank, ==, 1);
}

static void
test_band_edges (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(EmMonthReport) report = compute (f, "2024-05");
  const EmMonthFigures *a002 = em_month_report_find_agent (report, "A002");
  const EmMonthFigures *a003 = em_month_report_find_agent (report, "A003");
  const EmMonthFigures *b002 = em_month_report_find_agent (report, "B002");

  /* 89.99 % → 8, 3:01 → 8 */
  assert_metric (f->scheme, a002, EM_METRIC_ANSWER_RATE, "0.8999", 800);
  assert_metric (f->scheme, a002, EM_METRIC_AVERAGE_TALK_TIME, "181.00", 800);
  /* 10:00 → 4 (10分钟以上 is 2), 7:00 → 6 */
  assert_metric (f->scheme, a003, EM_METRIC_AVERAGE_TALK_TIME, "600.00", 400);
  assert_metric (f->scheme, b002, EM_METRIC_AVERAGE_TALK_TIME, "420.00", 600);
  /* a wait of exactly 20 s is "within 20 s" */
  assert_metric (f->scheme, b002, EM_METRIC_ANSWER_RATE, "1.0000", 1000);
}

static void
test_missing_metrics (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(EmMonthReport) report = compute (f, "2024-05");
  const EmMonthFigures *a002 = em_month_report_find_agent (report, "A002");
  const EmMonthFigures *a003 = em_month_report_find_agent (report, "A003");

  /* No evaluations, ratings, resolved flags or tickets: those metrics are
   * left out and the two with data share the weight: (80 + 80) / 2.
   */
  g_assert_false (a002->has_qa_score);
  g_assert_cmpint (a002->counts.n_evaluations, ==, 0);
  g_assert_false (metric (f->scheme, a002, EM_METRIC_SATISFACTION_RATE)->known);
  g_assert_false (metric (f->scheme, a002, EM_METRIC_TICKET_RATE)->known);
  assert_metric (f->scheme, a002, EM_METRIC_SATISFACTION_MEAN, "", -1);
  g_assert_cmpint (a002->total, ==, 8000);

  /* Waits unknown for every call: no answer rate at all, not 0 %. */
  g_assert_false (metric (f->scheme, a003, EM_METRIC_ANSWER_RATE)->known);
  g_assert_cmpint (a003->qa_score, ==, 8800);
  g_assert_cmpint (a003->total, ==, 8000);

  /* An agent without calls in the month is not listed. */
  g_assert_null (em_month_report_find_agent (report, "C001"));
  g_assert_cmpuint (em_month_report_get_n_agents (report), ==, 5);
}

static void
test_qa_score_finalised_only (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(EmMonthReport) report = compute (f, "2024-05");
  const EmMonthFigures *a001 = em_month_report_find_agent (report, "A001");

  /* 92.50 and 87.50; not the excluded 40, the draft 10, the submitted 50. */
  g_assert_cmpint (a001->counts.n_evaluations, ==, 2);
  g_assert_cmpint (a001->counts.sum_total, ==, 18000);
  g_assert_cmpint (a001->qa_score, ==, 9000);
  g_assert_cmpint (metric (f->scheme, a001, EM_METRIC_QA_SCORE)->score, ==, 9000);
}

static void
test_ranks_with_ties (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(EmMonthReport) report = compute (f, "2024-05");
  const struct { const char *code; EmPoints total; guint rank, team_rank; int grade; } expected[] = {
    { "A001", 8700, 1, 1, 1 },
    { "A002", 8000, 2, 2, 1 },
    { "A003", 8000, 2, 2, 1 },
    { "B002", 8000, 2, 1, 1 },
    { "B001", 6900, 5, 2, 2 },
  };

  g_assert_cmpuint (em_month_report_get_n_agents (report), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const EmMonthFigures *a = em_month_report_get_agent (report, i);

      g_assert_cmpstr (a->code, ==, expected[i].code);
      g_assert_cmpint (a->total, ==, expected[i].total);
      g_assert_cmpuint (a->rank, ==, expected[i].rank);
      g_assert_cmpuint (a->team_rank, ==, expected[i].team_rank);
      g_assert_cmpint (a->grade, ==, expected[i].grade);
    }
}

static void
test_team_figures (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(EmMonthReport) report = compute (f, "2024-05");
  const EmMonthFigures *team1, *team2, *center;

  g_assert_cmpuint (em_month_report_get_n_teams (report), ==, 2);
  team1 = em_month_report_get_team (report, 0);
  team2 = em_month_report_get_team (report, 1);

  /* Pooled, not averaged: 9008 of 10010 calls (A002's 10,000 weigh in). */
  g_assert_cmpstr (team1->name, ==, "一组");
  g_assert_cmpuint (team1->n_agents, ==, 3);
  g_assert_cmpint (team1->counts.n_calls, ==, 10013);
  assert_metric (f->scheme, team1, EM_METRIC_ANSWER_RATE, "0.8999", 800);
  assert_metric (f->scheme, team1, EM_METRIC_SATISFACTION_RATE, "0.7000", 600);
  assert_metric (f->scheme, team1, EM_METRIC_RESOLUTION_RATE, "0.9000", 1000);
  assert_metric (f->scheme, team1, EM_METRIC_AVERAGE_TALK_TIME, "181.08", 800);
  assert_metric (f->scheme, team1, EM_METRIC_TICKET_RATE, "0.7500", 600);
  g_assert_cmpint (team1->qa_score, ==, 8900);
  g_assert_cmpint (team1->total, ==, 8250);
  g_assert_cmpuint (team1->rank, ==, 1);

  g_assert_cmpstr (team2->name, ==, "二组");
  assert_metric (f->scheme, team2, EM_METRIC_ANSWER_RATE, "0.8571", 800);
  assert_metric (f->scheme, team2, EM_METRIC_SATISFACTION_MEAN, "4.50", -1);
  assert_metric (f->scheme, team2, EM_METRIC_AVERAGE_TALK_TIME, "342.86", 600);
  assert_metric (f->scheme, team2, EM_METRIC_TICKET_RATE, "0.0000", 200);
  g_assert_cmpint (team2->qa_score, ==, 7500);
  g_assert_cmpint (team2->total, ==, 7350);
  g_assert_cmpuint (team2->rank, ==, 2);

  center = em_month_report_get_center (report);
  g_assert_cmpuint (center->n_agents, ==, 5);
  g_assert_cmpint (center->counts.n_calls, ==, 10020);
  assert_metric (f->scheme, center, EM_METRIC_SATISFACTION_RATE, "0.7500", 600);
  assert_metric (f->scheme, center, EM_METRIC_SATISFACTION_MEAN, "3.92", -1);
  assert_metric (f->scheme, center, EM_METRIC_TICKET_RATE, "0.6000", 400);
  g_assert_cmpint (center->qa_score, ==, 8433);
  /* 78.165 rounds half up, once, at the end */
  g_assert_cmpint (center->total, ==, 7817);
}

static void
test_local_month (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(EmMonthReport) may = compute (f, "2024-05");
  g_autoptr(EmMonthReport) june = compute (f, "2024-06");
  const EmMonthFigures *b001 = em_month_report_find_agent (may, "B001");

  /* 2024-05-01 00:30 at +8 and 2024-05-31 22:00 at −5 are May calls. */
  g_assert_cmpint (b001->counts.n_calls, ==, 2);
  assert_metric (f->scheme, b001, EM_METRIC_ANSWER_RATE, "0.5000", 200);
  assert_metric (f->scheme, b001, EM_METRIC_SATISFACTION_MEAN, "4.50", -1);
  assert_metric (f->scheme, b001, EM_METRIC_TICKET_RATE, "0.0000", 200);
  g_assert_cmpint (b001->total, ==, 6900);

  /* 2024-06-01 00:30 at +8 (May 31 in UTC) is June's. */
  b001 = em_month_report_find_agent (june, "B001");
  g_assert_cmpint (b001->counts.n_calls, ==, 1);
  g_assert_cmpint (b001->total, ==, 5444);
  g_assert_cmpuint (em_month_report_get_n_agents (june), ==, 1);
}

static void
test_quarter_and_year (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(EmMonthReport) q2 = compute (f, "2024-Q2");
  g_autoptr(EmMonthReport) year = compute (f, "2024");
  g_autoptr(EmMonthReport) last_year = compute (f, "2023");
  const EmMonthFigures *b001 = em_month_report_find_agent (q2, "B001");
  const EmMonthFigures *b002 = em_month_report_find_agent (year, "B002");

  g_assert_cmpint (b001->counts.n_calls, ==, 4);
  assert_metric (f->scheme, b001, EM_METRIC_ANSWER_RATE, "0.5000", 200);
  assert_metric (f->scheme, b001, EM_METRIC_AVERAGE_TALK_TIME, "315.00", 600);
  assert_metric (f->scheme, b001, EM_METRIC_SATISFACTION_RATE, "0.6667", 400);
  assert_metric (f->scheme, b001, EM_METRIC_SATISFACTION_MEAN, "3.33", -1);
  assert_metric (f->scheme, b001, EM_METRIC_RESOLUTION_RATE, "0.7500", 600);
  g_assert_cmpint (b001->qa_score, ==, 6000);
  g_assert_cmpint (b001->total, ==, 5000);
  g_assert_cmpint (b001->grade, ==, 3);   /* 不合格 */

  /* 2024-01-01 04:00 at +8 is in 2024 although UTC says 2023. */
  g_assert_cmpint (b002->counts.n_calls, ==, 6);
  assert_metric (f->scheme, b002, EM_METRIC_ANSWER_RATE, "0.8333", 800);
  g_assert_cmpint (b002->qa_score, ==, 9000);
  g_assert_cmpint (b002->total, ==, 8429);

  b002 = em_month_report_find_agent (last_year, "B002");
  g_assert_cmpint (b002->counts.n_calls, ==, 1);
  g_assert_cmpint (b002->qa_score, ==, 0);
}

static void
test_series (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) series = NULL;
  g_autoptr(EmMonthReport) may = compute (f, "2024-05");
  EmPeriod june = { EM_PERIOD_MONTH, 2024, 6 };
  const EmPeriod *first;

  series = em_month_report_compute_series (f->db, f->scheme, &june, 12, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, 12);

  first = em_month_report_get_period (g_ptr_array_index (series, 0));
  g_assert_cmpint (first->year, ==, 2023);
  g_assert_cmpint (first->index, ==, 7);

  /* One pass over a year gives each month exactly its own report. */
  for (guint i = 0; i < em_month_report_get_n_agents (may); i++)
    {
      const EmMonthFigures *a = em_month_report_get_agent (may, i);
      const EmMonthFigures *b = em_month_report_get_agent (g_ptr_array_index (series, 10), i);

      g_assert_cmpstr (a->code, ==, b->code);
      g_assert_cmpint (a->total, ==, b->total);
      g_assert_cmpmem (&a->counts, sizeof a->counts, &b->counts, sizeof b->counts);
    }

  g_assert_cmpint (em_month_report_find_agent (g_ptr_array_index (series, 9), "B001")->total, ==, 5500);
  g_assert_cmpint (em_month_report_find_agent (g_ptr_array_index (series, 11), "B001")->total, ==, 5444);
  g_assert_cmpint (em_month_report_find_agent (g_ptr_array_index (series, 6), "B002")->qa_score, ==, 10000);
  g_assert_cmpuint (em_month_report_get_n_agents (g_ptr_array_index (series, 7)), ==, 0);
}

static void
test_deductions (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmDeductions) all = NULL;
  g_autoptr(EmDeductions) team = NULL;
  g_autoptr(EmDeductions) en = NULL;
  EmPeriod may = { EM_PERIOD_MONTH, 2024, 5 };
  const struct { const char *title; gint64 n; EmPoints points; } expected[] = {
    { "服务禁语", 5, 3400 },
    { "提前挂机", 1, 3000 },
    { "信息内容准确（修订）", 4, 2800 },   /* the newest revision's title */
    { "语言随意", 2, 200 },
  };
  const EmMonthFigures *a001;
  g_autoptr(EmMonthReport) report = compute (f, "2024-05");

  all = em_month_collect_deductions (f->db, &may, 0, "zh_CN", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (em_deductions_get_n_overall (all), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const EmDeduction *d = em_deductions_get_overall (all, i);

      g_assert_cmpstr (d->item_title, ==, expected[i].title);
      g_assert_cmpstr (d->scorecard_title, ==, "热线通话质检评分表");
      g_assert_cmpint (d->n_evaluations, ==, expected[i].n);
      g_assert_cmpint (d->points, ==, expected[i].points);
    }
  g_assert_cmpint (em_deductions_get_total_points (all), ==, 9400);

  /* Per agent: A001's finalised, not excluded evaluations only. */
  a001 = em_month_report_find_agent (report, "A001");
  g_assert_cmpuint (em_deductions_get_n_for_agent (all, a001->id), ==, 3);
  g_assert_cmpstr (em_deductions_get_for_agent (all, a001->id, 0)->item_title, ==, "信息内容准确无误");
  g_assert_cmpint (em_deductions_get_for_agent (all, a001->id, 0)->points, ==, 1200);
  g_assert_cmpint (em_deductions_get_for_agent (all, a001->id, 1)->points, ==, 600);
  g_assert_cmpint (em_deductions_get_for_agent (all, a001->id, 2)->points, ==, 200);

  team = em_month_collect_deductions (f->db, &may, 1, "zh_CN", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (em_deductions_get_n_overall (team), ==, 3);
  g_assert_cmpint (em_deductions_get_overall (team, 0)->points, ==, 2200);
  g_assert_cmpint (em_deductions_get_total_points (team), ==, 4400);

  en = em_month_collect_deductions (f->db, &may, 0, "en", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (em_deductions_get_overall (en, 0)->item_title, ==, "Forbidden phrases");
  g_assert_cmpstr (em_deductions_get_overall (en, 2)->item_title, ==, "Information accurate (rev. 2)");
  g_assert_cmpstr (em_deductions_get_overall (en, 0)->scorecard_title, ==, "Hotline call QA");
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(EmMonthReport) report = NULL;
  EmPeriod may = { EM_PERIOD_MONTH, 2024, 5 };

  g_cancellable_cancel (cancellable);
  report = em_month_report_compute (f->db, f->scheme, &may, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, EM_ERROR, EM_ERROR_CANCELLED);
}

static void
test_periods (void)
{
  g_autoptr(GError) error = NULL;
  EmPeriod p;
  gint64 start, end;
  const char *bad[] = { "2024-5", "2024-13", "2024-00", "24-05", "2024-Q5", "2024/05", "", "2024-05-01" };

  g_assert_true (em_period_parse ("2024-02", &p, &error));
  em_period_get_bounds (&p, &start, &end);
  g_assert_cmpint (end - start, ==, 29 * 86400);   /* a leap year */

  g_assert_true (em_period_parse ("2024-Q4", &p, &error));
  em_period_get_bounds (&p, &start, &end);
  g_assert_cmpint (end - start, ==, 92 * 86400);

  p = em_period_add_months (&(EmPeriod) { EM_PERIOD_MONTH, 2024, 1 }, -1);
  g_assert_cmpint (p.year, ==, 2023);
  g_assert_cmpint (p.index, ==, 12);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (em_period_parse (bad[i], &p, &error));
      g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
      g_clear_error (&error);
    }
  g_assert_false (em_period_parse_month ("2024-Q1", &p, &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
}

/* earmark-cli month: the exact text scripts get. */
static void
test_cli_month (Fixture       *f,
                gconstpointer  data)
{
  const char *args[] = { "month", "--db", f->path, "--month", "2024-05", "--lang", "en", NULL };
  const char *expected =
    "code\tname\tteam\tevaluations\tqa_score"
    "\tanswer_rate\tanswer_rate_points\tsatisfaction_rate\tsatisfaction_rate_points"
    "\tsatisfaction_mean\tsatisfaction_mean_points\tresolution_rate\tresolution_rate_points"
    "\taverage_talk_time\taverage_talk_time_points\tticket_rate\tticket_rate_points"
    "\ttotal\tgrade\trank\n"
    "A001\t王芳\t一组\t2\t90.00\t0.9000\t10\t0.7000\t6\t3.80\t\t0.9000\t10\t180.00\t10\t0.7500\t6\t87.00\tGood\t1\n"
    "A002\t李娜\t一组\t0\t\t0.8999\t8\t\t\t\t\t\t\t181.00\t8\t\t\t80.00\tGood\t2\n"
    "A003\t张伟\t一组\t2\t88.00\t\t\t\t\t\t\t\t\t600.00\t4\t\t\t80.00\tGood\t2\n"
    "B002\t刘洋\t二组\t1\t80.00\t1.0000\t10\t\t\t\t\t\t\t420.00\t6\t\t\t80.00\tGood\t2\n"
    "B001\t陈静\t二组\t1\t70.00\t0.5000\t2\t1.0000\t10\t4.50\t\t1.0000\t10\t150.00\t10\t0.0000\t2\t69.00\tPass\t5\n";
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (em_test_run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
}

static void
test_cli_month_team (Fixture       *f,
                     gconstpointer  data)
{
  const char *args[] = { "month", "--db", f->path, "--month", "2024-05", "--team", "二组",
                         "--lang", "zh_CN", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (em_test_run_cli (args, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);   /* header, 2 rows, "" */
  /* rank within the team; grade names in Chinese */
  g_assert_cmpstr (lines[1], ==,
                   "B002\t刘洋\t二组\t1\t80.00\t1.0000\t10\t\t\t\t\t\t\t420.00\t6\t\t\t80.00\t良好\t1");
  g_assert_true (g_str_has_prefix (lines[2], "B001\t陈静\t二组\t1\t70.00\t"));
  g_assert_true (g_str_has_suffix (lines[2], "\t69.00\t合格\t2"));
}

static void
test_cli_month_locale (Fixture       *f,
                       gconstpointer  data)
{
  const char *args[] = { "month", "--db", f->path, "--month", "2024-05", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out_zh = NULL;

  /* The test environment is LC_ALL=C.UTF-8: English grade names. */
  g_assert_cmpint (em_test_run_cli (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\tGood\t1\n"));

  g_setenv ("LANGUAGE", "zh_CN:zh", TRUE);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (em_test_run_cli (args, &out_zh, &err), ==, 0);
  g_unsetenv ("LANGUAGE");
  g_assert_nonnull (strstr (out_zh, "\t良好\t1\n"));
}

static void
test_cli_month_quarter (Fixture       *f,
                        gconstpointer  data)
{
  const char *args[] = { "month", "--db", f->path, "--quarter", "2024-Q2", "--team", "二组",
                         "--lang", "en", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (em_test_run_cli (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\nB001\t陈静\t二组\t3\t60.00\t0.5000\t2\t0.6667\t4\t3.33\t\t0.7500\t6\t315.00\t6\t0.0000\t2\t50.00\tFail\t2\n"));
}

static void
test_cli_month_errors (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "nothing.db", NULL);
  g_autofree char *bad_scheme = g_build_filename (f->dir, "bad.scheme", NULL);
  struct { const char *args[12]; int status; const char *stderr_has; } cases[] = {
    { { "month", "--db", f->path, "--month", "2024-5", NULL }, 2, "“2024-5” is not a month" },
    { { "month", "--db", f->path, "--month", "2024-13", NULL }, 2, "is not a month" },
    { { "month", "--db", f->path, NULL }, 2, "exactly one of --month" },
    { { "month", "--db", f->path, "--month", "2024-05", "--year", "2024", NULL }, 2, "exactly one" },
    { { "month", "--db", f->path, "--month", "2024-05", "--bogus", NULL }, 2, "--bogus" },
    { { "month", "--db", f->path, "--month", "2024-05", "--lang", "fr", NULL }, 2, "--lang" },
    { { "month", "--db", f->path, "--month", "2024-05", "--team", "三组", NULL }, 1,
      "There is no team “三组”" },
    { { "month", "--db", missing, "--month", "2024-05", NULL }, 1, "There is no database" },
    { { "month", "--db", f->path, "--month", "2024-05", "--scheme", bad_scheme, NULL }, 1,
      "bad.scheme: [Metric:x] Kind: “speed” is not one of" },
  };

  em_test_write_file (bad_scheme,
                      "[Scheme]\nId=x\nTitle=x\n[Metric:x]\nTitle=x\nKind=speed\n"
                      "[Grade:a]\nTitle=a\nMinimum=0\n", -1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_assert_cmpint (em_test_run_cli (cases[i].args, &out, &err), ==, cases[i].status);
      g_assert_cmpstr (out, ==, "");
      if (strstr (err, cases[i].stderr_has) == NULL)
        g_error ("case %u: “%s” not in stderr:\n%s", i, cases[i].stderr_has, err);
    }

  /* A mistyped --db must not create a database. */
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_cli_month_empty (Fixture       *f,
                      gconstpointer  data)
{
  const char *args[] = { "month", "--db", f->path, "--month", "2022-01", NULL };
  g_autofree char *out = NULL, *err = NULL;

  /* A month without calls is a valid, empty report. */
  g_assert_cmpint (em_test_run_cli (args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "code\tname\t"));
  g_assert_cmpint (strchr (out, '\n') - out + 1, ==, (int) strlen (out));
  g_assert_nonnull (strstr (err, "no calls in 2022-01"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/month/agent-figures", test_agent_figures);
  ADD ("/month/band-edges", test_band_edges);
  ADD ("/month/missing-metrics", test_missing_metrics);
  ADD ("/month/qa-score-finalised-only", test_qa_score_finalised_only);
  ADD ("/month/ranks-with-ties", test_ranks_with_ties);
  ADD ("/month/team-figures", test_team_figures);
  ADD ("/month/local-month", test_local_month);
  ADD ("/month/quarter-and-year", test_quarter_and_year);
  ADD ("/month/series", test_series);
  ADD ("/month/deductions", test_deductions);
  ADD ("/month/cancelled", test_cancelled);
  ADD ("/month/cli", test_cli_month);
  ADD ("/month/cli-team", test_cli_month_team);
  ADD ("/month/cli-locale", test_cli_month_locale);
  ADD ("/month/cli-quarter", test_cli_month_quarter);
  ADD ("/month/cli-errors", test_cli_month_errors);
  ADD ("/month/cli-empty", test_cli_month_empty);
#undef ADD
  g_test_add_func ("/month/periods", test_periods);

  return g_test_run ();
}

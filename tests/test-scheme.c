/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "em-error.h"
#include "em-scheme.h"
#include "em-test-util.h"

/* The shipped scheme is seed 000's bands, seed 001's grades and seed 002's
 * mean rating; a broken scheme file is refused with every problem named.
 */

static void
test_default (void)
{
  g_autoptr(EmScheme) scheme = em_scheme_new_default ();
  const char *ids[] = { "qa_score", "answer_rate", "satisfaction_rate", "satisfaction_mean",
                        "resolution_rate", "average_talk_time", "ticket_rate" };
  const EmPoints minimums[] = { 9000, 8000, 6000, 0 };
  const char *grades_zh[] = { "优秀", "良好", "合格", "不合格" };
  const char *grades_en[] = { "Excellent", "Good", "Pass", "Fail" };
  EmPoints weights = 0;
  const EmSchemeMetric *answer, *talk;

  g_assert_cmpstr (em_scheme_get_id (scheme), ==, "default");
  g_assert_cmpuint (em_scheme_get_n_metrics (scheme), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      weights += em_scheme_get_metric (scheme, i)->weight;
      g_assert_cmpstr (em_scheme_get_metric (scheme, i)->id, ==, ids[i]);
    }
  g_assert_cmpint (weights, ==, EM_POINTS (100));
  g_assert_cmpint (em_scheme_get_metric (scheme, 0)->weight, ==, EM_POINTS (50));
  g_assert_cmpint (em_scheme_get_metric (scheme, 3)->weight, ==, 0);   /* the mean rating */

  /* seed 000: ≥90 % 10, ≥80 % 8, ≥70 % 6, ≥60 % 4, else 2 */
  answer = em_scheme_get_metric (scheme, 1);
  g_assert_cmpint (answer->kind, ==, EM_METRIC_ANSWER_RATE);
  g_assert_cmpint (answer->threshold_s, ==, 20);
  g_assert_cmpuint (answer->n_bands, ==, 5);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpint (answer->bands[i].limit, ==, 9000 - 1000 * (gint64) i);
      g_assert_cmpint (answer->bands[i].points, ==, EM_POINTS (10 - 2 * (int) i));
    }
  g_assert_true (answer->bands[4].otherwise);
  g_assert_cmpint (answer->bands[4].points, ==, EM_POINTS (2));
  g_assert_cmpint (em_scheme_get_metric (scheme, 2)->satisfied_rating, ==, 4);

  /* seed 000: ≤3 min 10, ≤5 8, ≤7 6, ≤10 4, else 2 */
  talk = em_scheme_get_metric (scheme, 5);
  g_assert_cmpint (talk->bands[0].limit, ==, 180 * 100);
  g_assert_cmpint (talk->bands[3].limit, ==, 600 * 100);
  g_assert_cmpint (talk->max_points, ==, EM_POINTS (10));

  /* seed 001's names, the design's 100-point bands */
  g_assert_cmpuint (em_scheme_get_n_grades (scheme), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *zh = em_scheme_dup_grade_title (scheme, i, "zh_CN");
      g_autofree char *en = em_scheme_dup_grade_title (scheme, i, "en");

      g_assert_cmpint (em_scheme_get_grade (scheme, i)->minimum, ==, minimums[i]);
      g_assert_cmpstr (zh, ==, grades_zh[i]);
      g_assert_cmpstr (en, ==, grades_en[i]);
    }
}

static void
test_titles (void)
{
  g_autoptr(EmScheme) scheme = em_scheme_new_default ();
  g_autofree char *zh = em_scheme_dup_metric_title (scheme, 1, "zh_CN");
  g_autofree char *en = em_scheme_dup_metric_title (scheme, 1, "en");
  g_autofree char *title = em_scheme_dup_title (scheme, "en");
  g_autofree char *description = em_scheme_dup_description (scheme, "en");

  g_assert_cmpstr (zh, ==, "接听及时率");
  g_assert_cmpstr (en, ==, "Answered within 20 s");
  g_assert_cmpstr (title, ==, "Hotline monthly evaluation (default scheme)");
  /* The description states the rules the computation follows. */
  g_assert_nonnull (strstr (description, "weight is shared by the others"));
  g_assert_nonnull (strstr (description, "calls with an unknown wait are left out"));
}

/* The installed file and the compiled-in copy are the same file. */
static void
test_shipped_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = em_test_source_file ("resources/schemes/default.scheme");
  g_autoptr(EmScheme) scheme = em_scheme_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (em_scheme_get_id (scheme), ==, "default");
}

static void
test_band_points (void)
{
  g_autoptr(EmScheme) scheme = em_scheme_new_default ();
  const EmSchemeMetric *answer = em_scheme_get_metric (scheme, 1);
  const EmSchemeMetric *talk = em_scheme_get_metric (scheme, 5);
  const EmSchemeMetric *qa = em_scheme_get_metric (scheme, 0);
  const struct { const EmSchemeMetric *metric; gint64 num, den; EmPoints points; } cases[] = {
    { answer, 9, 10, 1000 },          /* exactly 90 % */
    { answer, 8999, 10000, 800 },     /* 89.99 % */
    { answer, 1, 1, 1000 },
    { answer, 8, 10, 800 },
    { answer, 7, 10, 600 },
    { answer, 69, 100, 400 },
    { answer, 6, 10, 400 },
    { answer, 59, 100, 200 },
    { answer, 0, 5, 200 },
    { talk, 180, 1, 1000 },           /* 3:00 */
    { talk, 1801, 10, 800 },          /* 3:00.1 */
    { talk, 181, 1, 800 },            /* 3:01 */
    { talk, 300, 1, 800 },
    { talk, 420, 1, 600 },
    { talk, 600, 1, 400 },            /* 10:00 */
    { talk, 601, 1, 200 },
    { talk, 0, 3, 1000 },
  };
  EmPoints points = -1;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (em_scheme_metric_band_points (cases[i].metric, cases[i].num, cases[i].den, &points));
      g_assert_cmpint (points, ==, cases[i].points);
    }

  /* The QA score is not banded: it counts as itself. */
  g_assert_false (em_scheme_metric_band_points (qa, 9000, 1, &points));

  g_assert_cmpint (em_scheme_grade_for (scheme, 9000), ==, 0);
  g_assert_cmpint (em_scheme_grade_for (scheme, 8999), ==, 1);
  g_assert_cmpint (em_scheme_grade_for (scheme, 8000), ==, 1);
  g_assert_cmpint (em_scheme_grade_for (scheme, 5999), ==, 3);
  g_assert_cmpint (em_scheme_grade_for (scheme, 0), ==, 3);
}

/* Every problem of a broken file is listed, one "FILE: [group] key:
 * reason" line each.
 */
static void
test_problems (void)
{
  const char *text =
    "[Scheme]\n"
    "Id=bad id\n"
    "Title=Broken\n"
    "Colour=red\n"
    "\n"
    "[Metric:a]\n"
    "Kind=answer-rate\n"
    "Title=A\n"
    "Weight=ten\n"
    "Bands=90%|10;95%|8;*|2\n"
    "\n"
    "[Metric:b]\n"
    "Kind=talk\n"
    "Title=B\n"
    "\n"
    "[Metric:c]\n"
    "Kind=average-talk-time\n"
    "Title=C\n"
    "Weight=10\n"
    "\n"
    "[Metric:d]\n"
    "Kind=satisfaction-rate\n"
    "Title[en]=D\n"
    "Threshold=20\n"
    "Bands=90%|10;80%|8\n"
    "\n"
    "[Metric:e]\n"
    "Kind=resolution-rate\n"
    "Title=E\n"
    "Bands=101%|10;x|8;*|y\n"
    "\n"
    "[Grade:top]\n"
    "Title=T\n"
    "Minimum=50\n"
    "\n"
    "[Grade:low]\n"
    "Title=L\n"
    "Minimum=60\n"
    "\n"
    "[Other]\n"
    "X=1\n";
  const char *expected[] = {
    "bad.scheme: [Scheme] Colour: unknown key",
    "bad.scheme: [Scheme] Id: “bad id” may hold only letters, digits, “-”, “_” and “.”",
    "bad.scheme: [Metric:a] Weight: “ten” is not a number ≥ 0 with at most two decimals",
    "bad.scheme: [Metric:a] Bands: limits must go down, band after band (this metric is better when higher)",
    "bad.scheme: [Metric:b] Kind: “talk” is not one of qa-score, answer-rate, satisfaction-rate, "
      "satisfaction-mean, resolution-rate, average-talk-time, ticket-rate",
    "bad.scheme: [Metric:c] Bands: needed: a Kind=average-talk-time metric with a Weight is scored by its bands",
    "bad.scheme: [Metric:d] Title: missing",
    "bad.scheme: [Metric:d] Bands: needs at least one limit and, last, “*|points” for everything else",
    "bad.scheme: [Metric:d] Threshold: only a Kind=answer-rate metric takes this key",
    "bad.scheme: [Metric:e] Bands: band 1: “101%” is not a percentage from 0% to 100% with at most two decimals",
    "bad.scheme: [Metric:e] Bands: band 2: “x” is not a percentage from 0% to 100% with at most two decimals",
    "bad.scheme: [Metric:e] Bands: band 3: “y” is not a number of points ≥ 0 (at most two decimals)",
    "bad.scheme: [Grade:low] Minimum: grades must be listed best first, each with a lower Minimum",
    "bad.scheme: [Other]: unknown group (expected [Scheme], [Metric:ID] or [Grade:ID])",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(EmScheme) scheme = em_scheme_new_from_data (text, -1, "bad.scheme", &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (scheme);
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (expected) || lines[i] != NULL; i++)
    g_assert_cmpstr (lines[i], ==, i < G_N_ELEMENTS (expected) ? expected[i] : NULL);
}

static void
check_refused (const char *text,
               const char *expected_line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EmScheme) scheme = em_scheme_new_from_data (text, -1, "x.scheme", &error);

  g_assert_null (scheme);
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  if (strstr (error->message, expected_line) == NULL)
    g_error ("expected “%s” in:\n%s", expected_line, error->message);
}

static void
test_whole_file_problems (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = em_test_make_tmpdir ();
  g_autofree char *gbk = g_build_filename (dir, "gbk.scheme", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.scheme", NULL);

  check_refused ("[Scheme\nId=x\n", "x.scheme: ");
  check_refused ("[Metric:a]\nKind=qa-score\nTitle=a\nWeight=1\n[Grade:a]\nTitle=a\nMinimum=0\n",
                 "x.scheme: [Scheme]: missing");
  check_refused ("[Scheme]\nId=x\nTitle=x\n[Metric:a]\nKind=qa-score\nTitle=a\n[Grade:a]\nTitle=a\nMinimum=0\n",
                 "x.scheme: [Scheme]: no metric has a Weight above 0, so there is no total");
  check_refused ("[Scheme]\nId=x\nTitle=x\n[Metric:a]\nKind=qa-score\nTitle=a\nWeight=1\n"
                 "[Grade:a]\nTitle=a\nMinimum=60\n",
                 "x.scheme: [Scheme]: the last grade must have Minimum=0, so that every total gets a grade");
  check_refused ("[Scheme]\nId=x\nTitle=x\n[Metric:a]\nKind=qa-score\nTitle=a\nWeight=1\n"
                 "[Metric:b]\nKind=qa-score\nTitle=b\n[Grade:a]\nTitle=a\nMinimum=0\n",
                 "x.scheme: [Metric:b] Kind: another metric already has Kind=qa-score");
  check_refused ("[Scheme]\nId=x\nTitle=x\n[Metric:a]\nKind=answer-rate\nTitle=a\nWeight=1\nThreshold=soon\n"
                 "[Grade:a]\nTitle=a\nMinimum=0\n",
                 "x.scheme: [Metric:a] Threshold: “soon” is not a whole number of seconds");

  /* "通话" in GBK is not UTF-8 */
  em_test_write_file (gbk, "[Scheme]\nTitle=\xcd\xa8\xbb\xb0\n", -1);
  g_assert_null (em_scheme_new_from_file (gbk, &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "not UTF-8"));
  g_clear_error (&error);

  g_assert_null (em_scheme_new_from_file (missing, &error));
  g_assert_error (error, EM_ERROR, EM_ERROR_IO);
  g_assert_nonnull (strstr (error->message, missing));

  em_test_rm_rf (dir);
}

/* A hand-written scheme: unbanded rate, other thresholds, M:SS limits. */
static void
test_custom (void)
{
  const char *text =
    "[Scheme]\nId=custom\nTitle=Custom\n"
    "[Metric:answer]\nKind=answer-rate\nTitle=15 s\nThreshold=0:15\nWeight=30\n"
    "[Metric:talk]\nKind=average-talk-time\nTitle=Talk\nWeight=70\nBands=2:30|5;4:00.50|3;*|0\n"
    "[Metric:sat]\nKind=satisfaction-rate\nTitle=Sat\nSatisfiedRating=5\n"
    "[Grade:ok]\nTitle=OK\nMinimum=75.5\n[Grade:no]\nTitle=No\nMinimum=0\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(EmScheme) scheme = em_scheme_new_from_data (text, -1, "custom.scheme", &error);
  const EmSchemeMetric *talk;
  EmPoints points;

  g_assert_no_error (error);
  g_assert_cmpint (em_scheme_get_metric (scheme, 0)->threshold_s, ==, 15);
  g_assert_cmpuint (em_scheme_get_metric (scheme, 0)->n_bands, ==, 0);
  g_assert_cmpint (em_scheme_get_metric (scheme, 2)->satisfied_rating, ==, 5);

  talk = em_scheme_get_metric (scheme, 1);
  g_assert_cmpint (talk->bands[1].limit, ==, 24050);
  g_assert_true (em_scheme_metric_band_points (talk, 24050, 100, &points));
  g_assert_cmpint (points, ==, 300);
  g_assert_true (em_scheme_metric_band_points (talk, 24051, 100, &points));
  g_assert_cmpint (points, ==, 0);

  g_assert_cmpint (em_scheme_grade_for (scheme, 7550), ==, 0);
  g_assert_cmpint (em_scheme_grade_for (scheme, 7549), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scheme/default", test_default);
  g_test_add_func ("/scheme/titles", test_titles);
  g_test_add_func ("/scheme/shipped-file", test_shipped_file);
  g_test_add_func ("/scheme/band-points", test_band_points);
  g_test_add_func ("/scheme/problems", test_problems);
  g_test_add_func ("/scheme/whole-file-problems", test_whole_file_problems);
  g_test_add_func ("/scheme/custom", test_custom);

  return g_test_run ();
}

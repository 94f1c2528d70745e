/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "em-points.h"

static void
test_parse (void)
{
  EmPoints p = 0;

  g_assert_true (em_points_parse ("10", &p));
  g_assert_cmpint (p, ==, 1000);
  g_assert_true (em_points_parse ("0.1", &p));
  g_assert_cmpint (p, ==, 10);
  g_assert_true (em_points_parse ("18.75", &p));
  g_assert_cmpint (p, ==, 1875);
  g_assert_true (em_points_parse (" -2 ", &p));
  g_assert_cmpint (p, ==, -200);
  g_assert_true (em_points_parse (".5", &p));
  g_assert_cmpint (p, ==, 50);

  g_assert_false (em_points_parse ("", &p));
  g_assert_false (em_points_parse ("abc", &p));
  g_assert_false (em_points_parse ("0.125", &p));
  g_assert_false (em_points_parse ("1e3", &p));
  g_assert_false (em_points_parse ("3分", &p));
  g_assert_false (em_points_parse (NULL, &p));
}

/* Seed 003's 物业 checklist: "每项不符合扣0.1分"; three such deductions
 * must make exactly 0.3, which doubles cannot promise.
 */
static void
test_exact_sum (void)
{
  EmPoints a = 0, b = 0, sum;
  g_autofree char *text = NULL;

  g_assert_true (em_points_parse ("0.1", &a));
  g_assert_true (em_points_parse ("0.2", &b));
  sum = a + b;
  g_assert_cmpint (sum, ==, 30);
  text = em_points_format (sum);
  g_assert_cmpstr (text, ==, "0.3");
}

static void
test_format (void)
{
  struct { EmPoints p; const char *short_form; const char *fixed; } cases[] = {
    { 8750, "87.5", "87.50" },
    { 10000, "100", "100.00" },
    { 5, "0.05", "0.05" },
    { 0, "0", "0.00" },
    { -200, "-2", "-2.00" },
    { 1875, "18.75", "18.75" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = em_points_format (cases[i].p);
      g_autofree char *f = em_points_format_fixed (cases[i].p);

      g_assert_cmpstr (s, ==, cases[i].short_form);
      g_assert_cmpstr (f, ==, cases[i].fixed);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/points/parse", test_parse);
  g_test_add_func ("/points/exact-sum", test_exact_sum);
  g_test_add_func ("/points/format", test_format);

  return g_test_run ();
}

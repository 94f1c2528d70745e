/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "em-points"

#include "config.h"

#include "em-points.h"

/* Parses "12", "-3", "0.5", "18.75" (at most two decimals, no exponent,
 * optional surrounding whitespace) into centi-points.  Anything else,
 * including three decimals, is rejected rather than rounded: a scorecard
 * that says 0.125 points is a mistake worth reporting.
 */
gboolean
em_points_parse (const char *text,
                 EmPoints   *out_points)
{
  const char *p = text;
  gboolean negative = FALSE;
  gint64 whole = 0;
  gint64 frac = 0;
  int n_digits = 0;
  int n_frac = 0;

  g_return_val_if_fail (out_points != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  while (g_ascii_isspace (*p))
    p++;

  if (*p == '+' || *p == '-')
    negative = (*p++ == '-');

  for (; g_ascii_isdigit (*p); p++, n_digits++)
    {
      if (whole > G_MAXINT64 / 1000)
        return FALSE;
      whole = whole * 10 + (*p - '0');
    }

  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++, n_frac++)
        {
          if (n_frac >= 2)
            return FALSE;
          frac = frac * 10 + (*p - '0');
        }
      if (n_frac == 1)
        frac *= 10;
    }

  while (g_ascii_isspace (*p))
    p++;

  if (*p != '\0' || (n_digits == 0 && n_frac == 0))
    return FALSE;

  *out_points = (negative ? -1 : 1) * (whole * 100 + frac);
  return TRUE;
}

/* "87.5", "100", "0.05": up to two decimals, trailing zeros dropped. */
char *
em_points_format (EmPoints points)
{
  EmPoints a = points < 0 ? -points : points;
  const char *sign = points < 0 ? "-" : "";
  gint64 whole = a / 100;
  gint64 frac = a % 100;

  if (frac == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT, sign, whole);
  if (frac % 10 == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, sign, whole, frac / 10);
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT, sign, whole, frac);
}

/* "87.50": always two decimals, as the CLI prints totals. */
char *
em_points_format_fixed (EmPoints points)
{
  EmPoints a = points < 0 ? -points : points;

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT,
                          points < 0 ? "-" : "", a / 100, a % 100);
}

double
em_points_to_double (EmPoints points)
{
  return (double) points / 100.0;
}

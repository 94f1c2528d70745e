/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Points are stored and computed as integer hundredths ("centi-points") so
 * that 0.1 + 0.2 deductions add up exactly.
 */
typedef gint64 EmPoints;

#define EM_POINTS(whole) ((EmPoints) (whole) * 100)

gboolean  em_points_parse        (const char  *text,
                                  EmPoints    *out_points);
char     *em_points_format       (EmPoints     points);
char     *em_points_format_fixed (EmPoints     points);
double    em_points_to_double    (EmPoints     points);

G_END_DECLS
